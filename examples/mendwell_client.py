"""A small Mendwell API client: sign in, save today's check-in, read today's plan.

It uses httpx and the standard library only. Run it against your own instance:

    python examples/mendwell_client.py --base http://127.0.0.1:8000 \
        --email alex@example.com --password '…'

Sign-in goes through allauth's headless app flow and yields a session token
(sent as ``X-Session-Token``); a second step (an authenticator code) is asked
for when the account has one. The check-in is sent with an ``Idempotency-Key``,
and retried once with the same key, which shows that a retry after a dropped
connection saves nothing twice. Exit status 0 means every step worked.
"""

from __future__ import annotations

import argparse
import getpass
import sys
import uuid
from typing import Any

import httpx


class MendwellError(Exception):
    """An answer the client did not expect, with the server's own message."""


def _fail(response: httpx.Response) -> MendwellError:
    try:
        body = response.json()
    except ValueError:
        body = {}
    detail = body.get("detail") or body.get("errors") or response.reason_phrase
    return MendwellError(
        f"{response.request.method} {response.request.url.path}: {response.status_code} {detail}"
    )


class Mendwell:
    def __init__(self, base: str, *, timeout: float = 15.0) -> None:
        self.http = httpx.Client(base_url=base.rstrip("/"), timeout=timeout)
        self.token: str | None = None

    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = {"Accept": "application/json", **(extra or {})}
        if self.token:
            headers["X-Session-Token"] = self.token
        return headers

    def sign_in(self, email: str, password: str, code: str | None = None) -> None:
        response = self.http.post(
            "/_allauth/app/v1/auth/login",
            json={"email": email, "password": password},
            headers=self._headers(),
        )
        body = response.json()
        self.token = body.get("meta", {}).get("session_token")
        if response.status_code == 401 and self.token and _pending(body, "mfa_authenticate"):
            code = code or input("Authenticator code: ")
            response = self.http.post(
                "/_allauth/app/v1/auth/2fa/authenticate",
                json={"code": code},
                headers=self._headers(),
            )
            body = response.json()
            self.token = body.get("meta", {}).get("session_token", self.token)
        if response.status_code != 200:
            raise _fail(response)

    def me(self) -> dict[str, Any]:
        return self._get("/api/v1/me")

    def save_check_in(
        self, mood: int, closeness: int, note: str = "", *, key: str | None = None
    ) -> tuple[int, dict[str, Any]]:
        response = self.http.post(
            "/api/v1/check-ins",
            json={"mood": mood, "closeness": closeness, "note": note},
            headers=self._headers({"Idempotency-Key": key or str(uuid.uuid4())}),
        )
        if response.status_code not in (200, 201):
            raise _fail(response)
        return response.status_code, response.json()

    def today(self) -> dict[str, Any]:
        return self._get("/api/v1/today")

    def sign_out(self) -> None:
        self.http.delete("/_allauth/app/v1/auth/session", headers=self._headers())
        self.token = None

    def _get(self, path: str) -> dict[str, Any]:
        response = self.http.get(path, headers=self._headers())
        if response.status_code != 200:
            raise _fail(response)
        return response.json()


def _pending(body: dict[str, Any], flow_id: str) -> bool:
    flows = body.get("data", {}).get("flows", [])
    return any(flow.get("id") == flow_id and flow.get("is_pending") for flow in flows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--email", required=True)
    parser.add_argument("--password", help="asked for when left out")
    parser.add_argument("--code", help="authenticator code, if the account has a second step")
    args = parser.parse_args(argv)
    password = args.password or getpass.getpass("Password: ")

    client = Mendwell(args.base)
    try:
        client.sign_in(args.email, password, args.code)
        print(f"Signed in as {client.me()['display_name']}.")
        key = str(uuid.uuid4())
        status, saved = client.save_check_in(4, 4, "Written by the example client.", key=key)
        replay_status, replayed = client.save_check_in(
            4, 4, "Written by the example client.", key=key
        )
        if replayed != saved:
            raise MendwellError("a retry with the same Idempotency-Key gave another answer")
        print(
            f"Check-in for {saved['checkin']['day']} saved ({status}); the retry changed nothing."
        )
        plan = client.today()
        print(f"Today's plan ({len(plan['items'])} items):")
        for item in plan["items"]:
            print(f"  - {item['title']}")
        client.sign_out()
    except (MendwellError, httpx.HTTPError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
