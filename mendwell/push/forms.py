"""Checks on what a browser sends when it subscribes (PushSubscription.toJSON())."""

from __future__ import annotations

import ipaddress
from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from mendwell.push.keys import b64url_decode

ENDPOINT_MAX_LENGTH = 500
# Names that only ever mean this machine or a private network.
PRIVATE_HOST_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa")


def host_is_allowed(host: str) -> bool:
    """The host is one of the browsers' push services, or a name under one."""
    return any(
        host == allowed or host.endswith("." + allowed)
        for allowed in (name.lower().strip(".") for name in settings.PUSH_ENDPOINT_HOSTS)
    )


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class EndpointForm(forms.Form):
    endpoint = forms.CharField(
        max_length=ENDPOINT_MAX_LENGTH,
        error_messages={
            "required": _("The push endpoint is missing."),
            "max_length": _("The push endpoint is longer than 500 characters."),
        },
    )

    @classmethod
    def from_json(cls, body: Any) -> EndpointForm:
        return cls(data={"endpoint": _text(body, "endpoint")})


class SubscriptionForm(EndpointForm):
    p256dh = forms.CharField(
        max_length=200, error_messages={"required": _("The p256dh key is missing.")}
    )
    auth = forms.CharField(
        max_length=100, error_messages={"required": _("The auth secret is missing.")}
    )

    def clean_endpoint(self) -> str:
        """Only https to a browser push service: the server must never be made to
        POST to this network or to anywhere an attacker chose (SSRF)."""
        endpoint: str = self.cleaned_data["endpoint"]
        bad_address = forms.ValidationError(
            _("The push endpoint is not a valid https address."), code="invalid"
        )
        if any(char.isspace() or ord(char) < 32 for char in endpoint):
            raise bad_address
        try:
            parts = urlsplit(endpoint)
            port = parts.port
        except ValueError:
            raise bad_address from None
        if parts.scheme != "https":
            raise forms.ValidationError(
                _("The push endpoint must be an https address."), code="scheme"
            )
        host = (parts.hostname or "").lower()
        if not host or parts.username or parts.password or port not in (None, 443):
            raise bad_address
        if _is_ip_literal(host) or "." not in host or host.endswith(PRIVATE_HOST_SUFFIXES):
            raise forms.ValidationError(
                _("The push endpoint must name a push service, not an address."), code="host"
            )
        if not host_is_allowed(host):
            raise forms.ValidationError(
                _("The push endpoint is not at a browser push service we know."), code="service"
            )
        return endpoint

    def clean_p256dh(self) -> str:
        value: str = self.cleaned_data["p256dh"]
        if not _decodes_to(value, length=65, first_byte=0x04):
            raise forms.ValidationError(
                _("The p256dh key is not a valid browser key."), code="invalid"
            )
        return value

    def clean_auth(self) -> str:
        value: str = self.cleaned_data["auth"]
        if not _decodes_to(value, length=16):
            raise forms.ValidationError(
                _("The auth secret is not a valid browser secret."), code="invalid"
            )
        return value

    @classmethod
    def from_json(cls, body: Any) -> SubscriptionForm:
        """Flatten the browser's {"endpoint", "keys": {"p256dh", "auth"}} shape."""
        keys = body.get("keys") if isinstance(body, dict) else None
        keys = keys if isinstance(keys, dict) else {}
        return cls(
            data={
                "endpoint": _text(body, "endpoint"),
                "p256dh": _text(keys, "p256dh"),
                "auth": _text(keys, "auth"),
            }
        )


def _text(source: Any, name: str) -> str:
    value = source.get(name) if isinstance(source, dict) else None
    return value if isinstance(value, str) else ""


def _decodes_to(value: str, *, length: int, first_byte: int | None = None) -> bool:
    try:
        raw = b64url_decode(value)
    except ValueError:
        return False
    return len(raw) == length and (first_byte is None or raw[0] == first_byte)
