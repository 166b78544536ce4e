"""Refuse to start an instance that would be unsafe to put in front of people.

Called from settings, so a misconfigured production process (gunicorn,
manage.py, the worker) exits with a clear message instead of serving pages.
"""

from __future__ import annotations

import sys

LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1", "testserver"}
# Values that appear in documentation or tutorials and must never guard real data.
SAMPLE_SECRETS = {"", "change-me", "changeme", "secret", "your-secret-key"}


def unsafe_start_problems(
    *,
    env_name: str,
    debug: bool,
    secret_key: str,
    field_keys: list[str],
    allowed_hosts: list[str],
) -> list[str]:
    """Return one human sentence per problem; empty when the start is safe."""
    problems: list[str] = []
    public_hosts = [host for host in allowed_hosts if host not in LOCAL_HOSTS]
    if debug and (env_name == "production" or public_hosts):
        problems.append(
            "DEBUG is on. Debug pages show settings and data to anyone: set DEBUG=false."
        )
    if env_name != "production":
        return problems
    if secret_key in SAMPLE_SECRETS or secret_key.startswith("django-insecure-"):
        problems.append(
            "SECRET_KEY is missing or is a sample value. Run `python3 dev.py keys` "
            "or set SECRET_KEY / SECRET_KEY_FILE to a long random value."
        )
    elif len(secret_key) < 50 or len(set(secret_key)) < 5:
        problems.append("SECRET_KEY is too short: use at least 50 random characters.")
    if not field_keys:
        problems.append(
            "FIELD_ENCRYPTION_KEYS is missing. Without it no journal can be read or "
            "written. Restore the keys from your backup or, for a new instance, run "
            "`python3 dev.py keys`."
        )
    elif not all(_is_fernet_key(key) for key in field_keys):
        # Otherwise the process starts and every page that touches text fails.
        problems.append(
            "FIELD_ENCRYPTION_KEYS holds a value that is not a Fernet key (44 characters "
            "of URL-safe base64). Check for a truncated or mistyped key."
        )
    if not allowed_hosts:
        problems.append("ALLOWED_HOSTS is empty: set it to the host name people use.")
    return problems


def _is_fernet_key(key: str) -> bool:
    from cryptography.fernet import Fernet

    try:
        Fernet(key.encode())
    except (ValueError, TypeError):
        return False
    return True


def refuse_unsafe_start(**config: object) -> None:
    problems = unsafe_start_problems(**config)  # type: ignore[arg-type]
    if problems:
        lines = "\n".join(f"  - {problem}" for problem in problems)
        sys.exit(f"Mendwell refuses to start:\n{lines}")
