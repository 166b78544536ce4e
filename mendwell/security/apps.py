"""Account security: your sessions and devices, re-authentication, shared-device sign-in and security alerts."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "mendwell.security"
    label = "security"
    verbose_name = _("Account security")

    def ready(self) -> None:
        from allauth.account import signals as account
        from allauth.mfa import signals as mfa
        from django.contrib.auth.signals import user_logged_in as auth_user_logged_in

        from mendwell.accounts.signals import sign_in_throttled
        from mendwell.couples.signals import couple_left
        from mendwell.security import signals

        # Django's own signal comes first on every sign-in (allauth's follows and
        # may make it a shared-device session); it also covers sign-ins that do
        # not go through allauth, so no session starts without its clocks.
        auth_user_logged_in.connect(signals.on_any_login, dispatch_uid="security.any_login")
        account.user_logged_in.connect(signals.on_user_logged_in, dispatch_uid="security.login")
        for signal in (account.password_changed, account.password_set, account.password_reset):
            signal.connect(signals.on_password_changed, dispatch_uid="security.password")
        # Adding an address is the first half of changing it; a new primary
        # address and a removed one are emailed about by allauth already.
        account.email_added.connect(signals.on_email_added, dispatch_uid="security.email_added")
        for signal in (account.email_changed, account.email_removed):
            signal.connect(signals.on_email_changed, dispatch_uid="security.email")
        for signal in (mfa.authenticator_added, mfa.authenticator_removed, mfa.authenticator_reset):
            signal.connect(signals.on_second_factor_changed, dispatch_uid="security.mfa")
        couple_left.connect(signals.on_couple_left, dispatch_uid="security.couple_left")
        sign_in_throttled.connect(signals.on_sign_in_throttled, dispatch_uid="security.throttled")
