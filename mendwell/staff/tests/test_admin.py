"""The operator's admin: metadata only, and every staff action audited (TS6, TS60, TS61)."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from mendwell.core.fields import EncryptedTextField
from mendwell.couples.access import SharedContent
from mendwell.staff.admin import AccountAdmin, operator_site
from mendwell.staff.models import AuditAction, AuditRecord
from mendwell.staff.tests.markers import write_markers
from tests.security_support import url_routes

MARKER = "zebra-lantern-7Q"  # a string nobody would type by chance

User = get_user_model()


def change_url(user: Any) -> str:
    return reverse("operator:accounts_user_change", args=[user.pk])


def changelist() -> str:
    return reverse("operator:accounts_user_changelist")


def actions_of(user: Any) -> list[str]:
    return list(AuditRecord.objects.filter(subject=user).values_list("action", flat=True))


# --- What the admin offers ------------------------------------------------------------


def test_only_accounts_are_registered_and_no_content_model_is() -> None:
    """TS60: no ModelAdmin for any content model; accounts (metadata) only."""
    assert set(operator_site._registry) == {User}
    assert not [model for model in operator_site._registry if issubclass(model, SharedContent)]


def test_the_default_admin_site_with_other_apps_registrations_is_not_mounted() -> None:
    """TS60: allauth's authenticators (with their secrets) and the task queue never show up."""
    assert admin.site._registry == {}
    names = {route.name for route in url_routes()}
    assert not [name for name in names if name.startswith("admin:")]


def test_the_account_page_shows_no_text_a_person_wrote_and_no_presence_signal() -> None:
    """TS60, TS44: never the chosen name (encrypted, written by the person) or last sign-in."""
    model_admin = AccountAdmin(User, operator_site)
    shown = {*model_admin.list_display, *model_admin.fields, *model_admin.list_filter}
    assert "display_name" not in shown
    assert "last_login" not in shown
    encrypted = {f.name for f in User._meta.get_fields() if isinstance(f, EncryptedTextField)}
    assert encrypted and shown.isdisjoint(encrypted)
    assert model_admin.search_fields == ()


def test_the_only_bulk_actions_are_audited_ones_and_none_exports(staff: Any) -> None:
    """TS60: no export action; each action is one the audit tests below cover."""
    actions = AccountAdmin(User, operator_site).get_actions(_request_for(staff))
    assert set(actions) == {
        "deactivate_accounts",
        "reactivate_accounts",
        "send_password_reset",
        "delete_selected",
    }


def test_an_operator_cannot_add_an_account_past_sign_up(client_for: Any, staff: Any) -> None:
    response = client_for(staff).get(reverse("operator:accounts_user_add"))
    assert response.status_code == 403


# --- Who reaches it -----------------------------------------------------------------


OPERATOR_PAGES = ["/operator/", "/operator/accounts/user/", "/operator/accounts/"]


@pytest.mark.parametrize("path", OPERATOR_PAGES)
def test_a_signed_in_person_who_is_not_staff_gets_not_found(
    client_for: Any, alex: Any, path: str
) -> None:
    assert client_for(alex).get(path).status_code == 404


def test_a_person_cannot_open_their_own_record_in_the_admin(client_for: Any, alex: Any) -> None:
    assert client_for(alex).get(change_url(alex)).status_code == 404


@pytest.mark.parametrize("path", OPERATOR_PAGES)
def test_signed_out_visitors_are_sent_to_the_apps_own_sign_in(path: str, db: Any) -> None:
    response = Client().get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/operator/")


def test_the_admins_own_sign_in_form_is_replaced_by_the_apps(db: Any) -> None:
    # The app's sign-in has rate limits and two-step sign-in; the admin's form has neither.
    response = Client().get("/operator/login/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/operator/"
    assert Client().post("/operator/login/", {"username": "x", "password": "y"}).status_code == 302


def test_staff_signing_in_lands_on_the_admin(client_for: Any, staff: Any) -> None:
    response = client_for(staff).get("/operator/login/")
    assert response.status_code == 302
    assert response["Location"] == "/operator/"
    assert client_for(staff).get("/operator/").status_code == 200


# --- Every action is audited and shown to the person (TS61) -----------------------


def test_opening_an_account_is_recorded(client_for: Any, staff: Any, alex: Any) -> None:
    """TS61: even looking at someone's account record is shown to them."""
    assert client_for(staff).get(change_url(alex)).status_code == 200
    assert actions_of(alex) == [AuditAction.VIEWED]


def _change_form(user: Any, **changes: Any) -> dict[str, Any]:
    data = {"is_active": "on" if user.is_active else "", "is_staff": "", "is_superuser": ""}
    for name, value in changes.items():
        data[name] = "on" if value else ""
    return {key: value for key, value in data.items() if value}


def test_turning_an_account_off_in_the_form_is_recorded(
    client_for: Any, staff: Any, alex: Any
) -> None:
    """TS61: deactivating through the change form."""
    response = client_for(staff).post(change_url(alex), _change_form(alex, is_active=False))
    assert response.status_code == 302
    alex.refresh_from_db()
    assert alex.is_active is False
    assert actions_of(alex) == [AuditAction.DEACTIVATED]


def test_making_someone_staff_is_recorded_with_the_setting_named(
    client_for: Any, staff: Any, alex: Any
) -> None:
    """TS61: any other change names the setting, never a value the person typed."""
    client_for(staff).post(change_url(alex), _change_form(alex, is_staff=True))
    record = AuditRecord.objects.get(subject=alex)
    assert record.action == AuditAction.CHANGED
    assert record.detail == "staff access"
    assert record.actor_label == staff.email


def test_saving_without_changes_records_nothing_but_the_look(
    client_for: Any, staff: Any, alex: Any
) -> None:
    client_for(staff).post(change_url(alex), _change_form(alex))
    assert actions_of(alex) == []


def _run_action(client: Client, action: str, *users: Any, **extra: str) -> Any:
    data = {"action": action, "_selected_action": [str(user.pk) for user in users], **extra}
    return client.post(changelist(), data)


def test_the_deactivate_and_reactivate_actions_are_recorded(
    client_for: Any, staff: Any, alex: Any, robin: Any
) -> None:
    """TS61: bulk actions write one record per account."""
    client = client_for(staff)
    assert _run_action(client, "deactivate_accounts", alex, robin).status_code == 302
    assert actions_of(alex) == [AuditAction.DEACTIVATED]
    assert actions_of(robin) == [AuditAction.DEACTIVATED]
    _run_action(client, "reactivate_accounts", alex)
    alex.refresh_from_db()
    assert alex.is_active is True
    assert sorted(actions_of(alex)) == sorted([AuditAction.DEACTIVATED, AuditAction.REACTIVATED])


def test_a_deactivated_person_is_signed_out_on_their_next_request(
    client_for: Any, staff: Any, alex: Any
) -> None:
    alex_client = client_for(alex)
    assert alex_client.get("/couple/").status_code == 200
    _run_action(client_for(staff), "deactivate_accounts", alex)
    assert alex_client.get("/couple/").status_code == 302


def test_sending_a_reset_link_is_recorded_and_goes_to_the_persons_own_address(
    client_for: Any, staff: Any, alex: Any
) -> None:
    """TS61: the password reset action; staff never see or set the password."""
    _run_action(client_for(staff), "send_password_reset", alex)
    assert actions_of(alex) == [AuditAction.PASSWORD_RESET_SENT]
    assert [message.to for message in mail.outbox] == [[alex.email]]


def test_deleting_through_the_delete_page_is_recorded(
    client_for: Any, staff: Any, alex: Any
) -> None:
    """TS61: the deletion is kept by account id once the account (and its own log) is gone."""
    public_id = alex.public_id
    url = reverse("operator:accounts_user_delete", args=[alex.pk])
    response = client_for(staff).post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=alex.pk).exists()
    record = AuditRecord.objects.get(subject_public_id=public_id)
    assert (record.action, record.subject, record.actor) == (AuditAction.DELETED, None, staff)


def test_the_delete_selected_action_is_recorded(
    client_for: Any, staff: Any, alex: Any, robin: Any
) -> None:
    """TS61."""
    ids = {alex.public_id, robin.public_id}
    _run_action(client_for(staff), "delete_selected", alex, robin, post="yes")
    assert not User.objects.filter(public_id__in=ids).exists()
    deleted = AuditRecord.objects.filter(action=AuditAction.DELETED)
    assert set(deleted.values_list("subject_public_id", flat=True)) == ids


def test_the_delete_confirmation_lists_no_related_rows(
    client_for: Any, staff: Any, alex: Any, sam: Any, make_user: Any
) -> None:
    """TS60: Django would list every row the person made; ours names the account only."""
    write_markers(alex, sam, make_user("dana@example.com", "Dana"), MARKER)
    response = client_for(staff).get(reverse("operator:accounts_user_delete", args=[alex.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert MARKER not in page
    assert "Log entr" not in page
    assert str(alex) in page


# --- The person sees it; the partner does not -------------------------------------


def test_the_person_sees_staff_actions_on_their_safety_page(
    client_for: Any, staff: Any, alex: Any, sam: Any
) -> None:
    """TS61: listed on the Safety page, in words, with who did it."""
    _run_action(client_for(staff), "send_password_reset", alex)
    page = client_for(alex).get("/safety/").content.decode()
    assert "Staff actions on your account" in page
    assert "Sent a password reset link to your email" in page
    assert staff.email in page


def test_the_partner_never_sees_staff_actions_on_the_other_account(
    client_for: Any, staff: Any, alex: Any, sam: Any
) -> None:
    """TS61: the log is the account owner's alone."""
    _run_action(client_for(staff), "send_password_reset", alex)
    page = client_for(sam).get("/safety/").content.decode()
    assert "Sent a password reset link to your email" not in page
    assert "No staff member has done anything to your account." in page


def test_with_no_staff_actions_the_safety_page_says_so(client_for: Any, alex: Any) -> None:
    page = client_for(alex).get("/safety/").content.decode()
    assert "No staff member has done anything to your account." in page


# --- Nothing anyone wrote shows in any admin page (TS6, TS60) ----------------------


def test_no_admin_page_shows_anything_a_person_wrote(
    client_for: Any, staff: Any, make_user: Any
) -> None:
    """TS60, TS6: every registered ModelAdmin's list, change, history and delete pages,
    as a superuser, over one of every kind of writing, show no marker."""
    alex = make_user("alex@example.com", MARKER)  # the chosen name is written text too
    sam = make_user("sam@example.com", f"{MARKER} Sam")
    from conftest import link

    link(alex, sam)
    rows = write_markers(alex, sam, make_user("dana@example.com", "Dana"), MARKER)
    assert rows["log_entry"].what_happened == MARKER  # the markers really are there
    client = client_for(staff)
    pages = [reverse("operator:index"), "/operator/accounts/"]
    for model, model_admin in operator_site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        pages.append(reverse("operator:{}_{}_changelist".format(*info)))
        pages.append(reverse("operator:{}_{}_changelist".format(*info)) + "?o=1")
        for obj in model_admin.get_queryset(_request_for(staff)):
            for view in ("change", "history", "delete"):
                pages.append(reverse("operator:{}_{}_{}".format(*info, view), args=[obj.pk]))
    assert len(pages) > 10
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert MARKER not in response.content.decode(), path


def _request_for(user: Any) -> Any:
    from django.test import RequestFactory

    request = RequestFactory().get("/operator/")
    request.user = user
    return request


def test_staff_asking_the_app_for_a_private_entry_get_not_found(
    client_for: Any, staff: Any, alex: Any, sam: Any, make_user: Any
) -> None:
    """TS6: the app's own pages give staff nothing either."""
    rows = write_markers(alex, sam, make_user("dana@example.com", "Dana"), MARKER)
    url = reverse("journal:edit", args=[rows["log_entry"].pk])
    assert client_for(alex).get(url).status_code == 200
    response = client_for(staff).get(url)
    assert response.status_code == 404
    assert MARKER not in response.content.decode()
