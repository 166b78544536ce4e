"""What a real browser would send when it subscribes, and a real local HTTP server
standing in for a push service, for the push tests (and any test that sends one)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from mendwell.push.keys import b64url

FCM = "https://fcm.googleapis.com/fcm/send/"


@dataclass
class BrowserKeys:
    """A browser's side of a subscription: it keeps the private key to decrypt."""

    private_key: ec.EllipticCurvePrivateKey
    p256dh: str
    auth: str
    auth_raw: bytes


def browser_keys() -> BrowserKeys:
    private_key = ec.generate_private_key(ec.SECP256R1())
    point = private_key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    auth_raw = os.urandom(16)
    return BrowserKeys(private_key, b64url(point), b64url(auth_raw), auth_raw)


def subscription_json(endpoint: str = "", keys: BrowserKeys | None = None) -> dict[str, Any]:
    keys = keys or browser_keys()
    return {
        "endpoint": endpoint or FCM + b64url(os.urandom(24)),
        "expirationTime": None,
        "keys": {"p256dh": keys.p256dh, "auth": keys.auth},
    }


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class FakePushService:
    """Answers each POST with the status chosen for its path, and keeps what it got."""

    base_url: str
    statuses: dict[str, int] = field(default_factory=dict)
    received: list[Received] = field(default_factory=list)


@contextmanager
def running_push_service() -> Iterator[FakePushService]:
    """A real HTTP server on 127.0.0.1 that answers like a push service."""
    service = FakePushService(base_url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the http.server API
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            headers = {name.lower(): value for name, value in self.headers.items()}
            service.received.append(Received(self.path, headers, body))
            self.send_response(service.statuses.get(self.path, 201))
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    service.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield service
    finally:
        server.shutdown()
        server.server_close()
