"""The operator's admin: account metadata only, and every action audited.

Mounted at ``/operator/`` (config/urls.py). It is Django's admin, but:

* Only this site exists. ``django.contrib.admin.apps.SimpleAdminConfig`` is
  installed, so no ``admin.py`` of another app (allauth's authenticators with
  their secrets, the task queue with its arguments) registers anything.
* One ModelAdmin, for accounts, showing what an operator needs to run the
  service: sign-in address, when the account was made, whether it is on and
  whether it is staff. Never the name a person chose (they wrote it, and it
  is encrypted), never their last sign-in (a partner who runs the server must
  not learn when the other was here), no search, no export, no way to add an
  account past the sign-up checks or to set someone's password.
* Every action on an account (opening it, changing it, turning it off or on,
  sending a reset link, deleting it) writes an ``AuditRecord`` the person
  sees on their Safety page.
* Signing in and out and changing a password go through the app's own pages
  (rate limits, two-step sign-in, security alerts), never the admin's forms.
  Anyone signed in who is not staff gets a 404, as for any page that does not exist.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import update_wrapper
from typing import Any

from allauth.account.forms import ResetPasswordForm
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mendwell.accounts.signals import account_deletion_requested
from mendwell.core.keyring import shred_user_key
from mendwell.staff.models import AuditAction
from mendwell.staff.services import audit_record, audit_record_deletions

User = get_user_model()


class OperatorAdminSite(admin.AdminSite):
    site_header = _("Mendwell · operator")
    site_title = _("Operator")
    index_title = _("Accounts (metadata only)")
    # "View site" goes to Today.
    site_url = "/"
    enable_nav_sidebar = False
    # No catch-all: an unknown admin path is an ordinary 404.
    final_catch_all_view = False

    def admin_view(self, view: Callable[..., Any], cacheable: bool = False) -> Any:
        protected = super().admin_view(view, cacheable)

        def inner(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            if not self.has_permission(request):
                if request.user.is_authenticated:
                    raise Http404
                return redirect_to_login(request.get_full_path(), resolve_url(settings.LOGIN_URL))
            return protected(request, *args, **kwargs)

        return update_wrapper(inner, protected)

    def get_urls(self) -> list[Any]:
        urls = super().get_urls()
        # Django points its own pages at the admin's sign-in form; ours is the app's.
        for pattern in urls:
            callback = getattr(pattern, "callback", None)
            if callback is not None and hasattr(callback, "login_url"):
                callback.login_url = settings.LOGIN_URL
        return urls

    @login_not_required
    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        """The app's own sign-in, with its rate limits and second factor."""
        if self.has_permission(request):
            return redirect(reverse("operator:index", current_app=self.name))
        if request.user.is_authenticated:
            raise Http404
        return redirect_to_login(
            request.GET.get("next") or reverse("operator:index", current_app=self.name),
            resolve_url(settings.LOGIN_URL),
        )

    # The two below answer with a redirect to the app's own page, not the admin's template.
    def logout(  # type: ignore[override]
        self, request: HttpRequest, extra_context: Any = None
    ) -> HttpResponse:
        return redirect("account_logout")

    def password_change(  # type: ignore[override]
        self, request: HttpRequest, extra_context: Any = None
    ) -> HttpResponse:
        return redirect("account_change_password")


operator_site = OperatorAdminSite(name="operator")


@admin.action(description=_("Turn off the selected accounts (they cannot sign in)"))
def deactivate_accounts(modeladmin: AccountAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    for account in queryset.filter(is_active=True):
        account.is_active = False
        account.save(update_fields=["is_active"])
        audit_record(actor=request.user, subject=account, action=AuditAction.DEACTIVATED)
    modeladmin.message_user(request, _("Done. Each person sees this on their Safety page."))


@admin.action(description=_("Turn the selected accounts back on"))
def reactivate_accounts(modeladmin: AccountAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    for account in queryset.filter(is_active=False):
        account.is_active = True
        account.save(update_fields=["is_active"])
        audit_record(actor=request.user, subject=account, action=AuditAction.REACTIVATED)
    modeladmin.message_user(request, _("Done. Each person sees this on their Safety page."))


@admin.action(description=_("Email the selected people a password reset link"))
def send_password_reset(modeladmin: AccountAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    """The link goes to the person's own address; staff never set or see a password."""
    for account in queryset.filter(is_active=True):
        form = ResetPasswordForm(data={"email": account.email})
        if form.is_valid():
            form.save(request)
            audit_record(
                actor=request.user, subject=account, action=AuditAction.PASSWORD_RESET_SENT
            )
    modeladmin.message_user(request, _("Reset links sent."), messages.SUCCESS)


# Settings staff may change, and the words the person reads when one changes.
EDITABLE = ("is_active", "is_staff", "is_superuser")
CHANGE_LABELS = {"is_staff": _("staff access"), "is_superuser": _("full operator access")}


@admin.register(User, site=operator_site)
class AccountAdmin(admin.ModelAdmin):
    list_display = ("public_id", "email", "date_joined", "is_active", "is_staff")
    list_filter = ("is_active", "is_staff")
    ordering = ("-date_joined",)
    fields = ("public_id", "email", "date_joined", "time_zone", *EDITABLE)
    readonly_fields = ("public_id", "email", "date_joined", "time_zone")
    search_fields = ()
    actions = (deactivate_accounts, reactivate_accounts, send_password_reset, "delete_selected")
    show_full_result_count = False

    def get_urls(self) -> list[Any]:
        # Django keeps an unnamed "<id>/" redirect to the change page for old
        # links; there are none, and every route here has a name for the route matrix.
        return [pattern for pattern in super().get_urls() if getattr(pattern, "name", None)]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Accounts are made by people signing up (email verification, consent).
        return False

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            account = self.get_object(request, unquote(object_id))
            if account is not None:
                audit_record(actor=request.user, subject=account, action=AuditAction.VIEWED)
        return response

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        changed = set(form.changed_data)
        if "is_active" in changed:
            action = AuditAction.REACTIVATED if obj.is_active else AuditAction.DEACTIVATED
            audit_record(actor=request.user, subject=obj, action=action)
        others = [name for name in EDITABLE if name in changed and name != "is_active"]
        if others:
            labels = ", ".join(str(CHANGE_LABELS[name]) for name in others)
            audit_record(actor=request.user, subject=obj, action=AuditAction.CHANGED, detail=labels)

    def get_deleted_objects(self, objs: Any, request: HttpRequest) -> tuple[Any, ...]:
        """Name the accounts only.

        Django's confirmation page lists every related row by its ``str()``;
        for an account that is everything the person ever made, and a
        count of it is already activity the operator has no business seeing.
        """
        accounts = [str(account) for account in objs]
        return accounts, {User._meta.verbose_name_plural: len(accounts)}, set(), []

    def log_deletions(self, request: HttpRequest, queryset: Any) -> Any:
        audit_record_deletions(actor=request.user, subjects=list(queryset))
        return super().log_deletions(request, queryset)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        _delete_accounts(
            [obj], fallback=lambda: super(AccountAdmin, self).delete_model(request, obj)
        )

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        accounts = list(queryset)
        _delete_accounts(
            accounts, fallback=lambda: super(AccountAdmin, self).delete_queryset(request, queryset)
        )


def _delete_accounts(accounts: list[Any], *, fallback: Callable[[], None]) -> None:
    """Delete as the person's own deletion does (the erasure app), account by account."""
    handled = [
        any(answer for _receiver, answer in account_deletion_requested.send(User, user=account))
        for account in accounts
    ]
    if not all(handled):  # no erasure app installed: a plain delete, then the key
        fallback()
        _shred_on_commit(accounts)


def _shred_on_commit(accounts: list[Any]) -> None:
    # The rows are gone with the account; destroying the data key makes any
    # copy in a backup unreadable too (crypto-shredding), once the delete commits.
    def shred() -> None:
        for account in accounts:
            shred_user_key(account)

    transaction.on_commit(shred)
