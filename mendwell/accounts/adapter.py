"""How allauth fits Mendwell: the profile at signup, neutral mail, open signup."""

from __future__ import annotations

import logging
from email.utils import formataddr, parseaddr
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _

from mendwell.accounts.signals import sign_in_throttled
from mendwell.core.notification_texts import sender_name

logger = logging.getLogger(__name__)

# The mails a person is waiting for on the next page: a new account's confirmation,
# and (the same page, so the same words) the note allauth sends instead when the
# address already has an account. Others (a reset link, notices) are not announced
# when unsent: a reset for an unknown address sends nothing, so a warning there would
# tell whether an address has an account.
TOLD_WHEN_UNSENT = ("account/email/email_confirmation", "account/email/account_already_exists")


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return bool(getattr(settings, "SIGNUP_OPEN", True))

    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> Any:
        user = super().save_user(request, user, form, commit=False)
        if hasattr(form, "signup_profile"):
            for field, value in form.signup_profile().items():
                setattr(user, field, value)
        if commit:
            user.save()
        return user

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """allauth's per-address limit on wrong passwords; when it bites, the
        account's owner is told (TS23). The refusal itself is unchanged, the same
        whether or not the address has an account."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            sign_in_throttled.send(type(self), email=str(credentials.get("email", "")))
            raise

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """allauth sends inside its views; a mail server that is down must not turn a
        saved signup into an error page. The account is kept, the failure is logged for
        the operator, and the confirmation goes out when the person next signs in."""
        try:
            super().send_mail(template_prefix, email, context)
        except OSError as error:  # smtplib.SMTPException is an OSError too
            logger.error("account mail not sent (%s): %s", template_prefix, type(error).__name__)
            request = allauth_context.request
            if request is not None and template_prefix.startswith(TOLD_WHEN_UNSENT):
                messages.warning(
                    request,
                    _(
                        "We couldn't send the email just now. Sign in again in a few "
                        "minutes and we'll send it then."
                    ),
                )

    def format_email_subject(self, subject: str) -> str:
        # No site-name prefix: subjects stay short and neutral.
        return str(subject)

    def render_mail(
        self, template_prefix: str, email: str, context: dict[str, Any], headers: Any = None
    ) -> Any:
        """Use a neutral sender name when the recipient asked for discretion."""
        message = super().render_mail(template_prefix, email, context, headers=headers)
        user = get_user_model().objects.filter(email__iexact=email).first()
        _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
        message.from_email = formataddr(
            (sender_name(discreet=bool(user and user.discreet_mode)), address)
        )
        return message
