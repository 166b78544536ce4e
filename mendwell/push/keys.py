"""The instance's VAPID key pair: how this server proves to push services who it is.

Only ``cryptography`` and the standard library are used here, so that
``config/settings.py`` (for the test run's throwaway pair) and ``dev.py keys``
can make a pair before Django is set up.

Formats are the ones the browser and pywebpush expect: the public key is the
uncompressed P-256 point (65 bytes, starting 0x04), base64url without padding,
which is what ``PushManager.subscribe({applicationServerKey})`` takes; the
private key is the raw 32-byte scalar, base64url, which
``py_vapid.Vapid.from_string`` reads.
"""

from __future__ import annotations

import base64
import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

PUBLIC_NAME = "VAPID_PUBLIC_KEY"
PRIVATE_NAME = "VAPID_PRIVATE_KEY"


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Decode base64url with or without padding; raises ValueError on anything else."""
    cleaned = text.strip()
    if not cleaned or any(char not in _B64URL_ALPHABET for char in cleaned.rstrip("=")):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(cleaned.rstrip("=") + "=" * (-len(cleaned.rstrip("=")) % 4))


_B64URL_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def _public_from(private_key: ec.EllipticCurvePrivateKey) -> str:
    point = private_key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return b64url(point)


def generate_pair() -> tuple[str, str]:
    """A fresh (public, private) pair, both base64url."""
    private_key = ec.generate_private_key(ec.SECP256R1())
    private_raw = private_key.private_numbers().private_value.to_bytes(32, "big")
    return _public_from(private_key), b64url(private_raw)


def public_for(private: str) -> str:
    """The public key belonging to a raw base64url private key."""
    value = int.from_bytes(b64url_decode(private), "big")
    return _public_from(ec.derive_private_key(value, ec.SECP256R1()))


def ensure_in_secrets_file(path: Path) -> str:
    """Make sure the instance has a complete pair; append what is missing to ``path``.

    Keys are looked up where settings look (environment, ``*_FILE``, then the
    secrets file) and an existing value is never replaced. Returns what
    happened: ``present``, ``added`` (a new pair), ``derived`` (the public half
    of an existing private key) or ``public_only`` (a public key without its
    private key cannot be completed: push stays off until the operator fixes it).
    """
    from config.env import Env, read_secrets_file

    env = Env(read_secrets_file(path))
    public, private = env.str(PUBLIC_NAME), env.str(PRIVATE_NAME)
    if public and private:
        return "present"
    if private:
        append_to_secrets(path, {PUBLIC_NAME: public_for(private)})
        return "derived"
    if public:
        return "public_only"
    new_public, new_private = generate_pair()
    append_to_secrets(path, {PUBLIC_NAME: new_public, PRIVATE_NAME: new_private})
    return "added"


def append_to_secrets(path: Path, values: dict[str, str]) -> None:
    """Append ``KEY=value`` lines; the file is created 0600 if missing, never rewritten."""
    if not values:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    needs_newline = path.exists() and path.stat().st_size > 0 and not _ends_with_newline(path)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(descriptor, "a", encoding="utf-8") as handle:
        if needs_newline:
            handle.write("\n")
        handle.write("# Web push (VAPID) keys: replacing them stops push on every device.\n")
        for name, value in values.items():
            handle.write(f"{name}={value}\n")


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


def main(argv: list[str]) -> int:
    """``python -m mendwell.push.keys SECRETS_FILE``: used by ``dev.py keys``."""
    outcome = ensure_in_secrets_file(Path(argv[0]))
    if outcome == "public_only":
        sys.stderr.write(f"{PUBLIC_NAME} is set without {PRIVATE_NAME}: web push stays off.\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
