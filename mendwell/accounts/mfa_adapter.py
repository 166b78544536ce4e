"""allauth's MFA hooks: TOTP secrets and recovery seeds encrypted at rest.

allauth stores them in ``mfa_authenticator.data`` and offers ``encrypt`` /
``decrypt`` hooks that do nothing by default. We use the same field keys as
every other secret a person owns, so a stolen database cannot mint codes.
"""

from __future__ import annotations

from allauth.mfa.adapter import DefaultMFAAdapter

from mendwell.core.crypto import cipher

_CONTEXT = "mfa.authenticator.secret"


class MFAAdapter(DefaultMFAAdapter):
    def encrypt(self, text: str) -> str:
        return cipher().encrypt(text, context=_CONTEXT)

    def decrypt(self, encrypted_text: str) -> str:
        return cipher().decrypt(encrypted_text, context=_CONTEXT)
