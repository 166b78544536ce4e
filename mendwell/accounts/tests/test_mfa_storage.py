from __future__ import annotations

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.db import connection


def test_authenticator_secrets_are_encrypted_in_the_database(alex):
    secret = generate_totp_secret()
    TOTP.activate(alex, secret)
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM mfa_authenticator")
        raw = str(cursor.fetchone()[0])
    assert secret not in raw
    assert "mw1:" in raw
    from allauth.mfa.adapter import get_adapter

    stored = Authenticator.objects.get(user=alex, type=Authenticator.Type.TOTP)

    assert get_adapter().decrypt(stored.data["secret"]) == secret
