"""Screenshots of Mendwell's main pages at phone and desktop size, over the demo data.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Starts the app the way an operator would (gunicorn, development settings) on
a free port against a throwaway data directory, seeds the demo people, signs in
as Alex through the login form, and saves full-page PNGs named
``<page>-<phone|desktop>.png``: light mode, plus Today in dark mode. Drives
Debian's /usr/bin/chromium; nothing is downloaded and no page may ask another
host for anything (the run fails if one does).
"""

from __future__ import annotations

import argparse
import ast
import os
import secrets
import subprocess
import sys
import tempfile
from base64 import urlsafe_b64encode
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from scripts.instance import free_port, wait_for_health  # noqa: E402  (stdlib only)

PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [  # as in tests/browser/conftest.py
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}

# (file name, path) — signed out, then signed in as Alex (linked with Sam).
SIGNED_OUT = [
    ("welcome", "/"),
    ("api-docs", "/api/v1/docs"),
    ("login", "/accounts/login/"),
    ("signup", "/accounts/signup/"),
]
SIGNED_IN = [
    ("today", "/"),
    ("step", "/steps/1/"),
    ("couple", "/couple/"),
    ("join", "/couple/join/"),
    ("leave", "/couple/leave/"),
    ("account", "/profile/"),
    ("help-now", "/help-now/"),
    ("quick-exit", "/quick-exit/"),
    ("privacy", "/privacy/"),
    ("safety", "/safety/"),
    ("safety-check", "/safety/check/"),
    ("safety-pathway", "/safety/pathway/"),
    ("log", "/log/"),
    ("log-new", "/log/new/"),
    ("acknowledgements", "/log/acknowledgements/"),
    ("acknowledgement-new", "/log/acknowledgements/new/"),
    ("reminders", "/reminders/"),
    ("notifications", "/notifications/"),
    ("check-in", "/check-in/"),
    ("jar", "/jar/"),
    ("dates", "/dates/"),
    ("step-10", "/steps/10/"),
    ("progress", "/progress/"),
    ("victories", "/story/"),
    ("story", "/story/timeline/"),
    ("professional-help", "/safety/professional-help/"),
    ("step-9", "/steps/9/"),
    ("devices", "/security/"),
    ("export", "/export/"),
    ("import", "/export/import/"),
    ("delete-account", "/delete/account/"),
]
DARK = [("today-dark", "/")]


def say(message: str) -> None:
    print(message, flush=True)


def demo_login() -> tuple[str, str]:
    """Alex's address and the published demo password, read from seed_demo's source."""
    source = ROOT / "mendwell" / "demo" / "management" / "commands" / "seed_demo.py"
    values: dict[str, object] = {}
    for node in ast.parse(source.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in {"DEMO_PASSWORD", "DEMO_PEOPLE"}:
                values[name] = ast.literal_eval(node.value)
    people = values["DEMO_PEOPLE"]
    assert isinstance(people, tuple)
    alex = next(email for email, name, _zone in people if name == "Alex")
    return alex, str(values["DEMO_PASSWORD"])


def app_environment(data_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "MENDWELL_ENV": "development",
        "MENDWELL_DATA_DIR": str(data_dir),
        # Throwaway keys: this instance and everything in it is deleted afterwards.
        "SECRET_KEY": secrets.token_urlsafe(50),
        "FIELD_ENCRYPTION_KEYS": urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        "PYTHONUNBUFFERED": "1",
    }


def prepare(env: dict[str, str]) -> None:
    manage = [str(PYTHON), "manage.py"]
    for command in (["migrate", "--no-input", "-v", "0"], ["createcachetable"], ["seed_demo"]):
        subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True, capture_output=True)  # noqa: S603


def start_server(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    command = [
        str(GUNICORN),
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "--threads",
        "4",
    ]
    with log.open("wb") as output:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)  # noqa: S603
    problem = wait_for_health(f"http://127.0.0.1:{port}", server, 30)
    if problem:
        server.terminate()
        sys.exit(f"{problem}:\n{log.read_text()}")
    return server


def shoot(base_url: str, out: Path) -> list[Path]:
    from playwright.sync_api import Page, sync_playwright

    email, password = demo_login()
    saved: list[Path] = []
    elsewhere: list[str] = []
    own_host = urlsplit(base_url).netloc

    def note_request(request: object) -> None:
        url = request.url  # type: ignore[attr-defined]
        if urlsplit(url).scheme in {"http", "https"} and urlsplit(url).netloc != own_host:
            elsewhere.append(url)

    def capture(page: Page, name: str, path: str) -> None:
        page.goto(base_url + path)
        if urlsplit(page.url).path != path:
            sys.exit(f"{path} went to {page.url} instead; is the demo data right?")
        for size, viewport in SIZES.items():
            page.set_viewport_size(viewport)
            page.evaluate("window.scrollTo(0, 0)")
            target = out / f"{name}-{size}.png"
            page.screenshot(path=str(target), full_page=True, animations="disabled")
            saved.append(target)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for scheme, pages, signed_in in (
                ("light", SIGNED_OUT, False),
                ("light", SIGNED_IN, True),
                ("dark", DARK, True),
            ):
                context = browser.new_context(
                    viewport=SIZES["phone"],
                    color_scheme=scheme,  # type: ignore[arg-type]
                    locale="en-GB",
                    timezone_id="Europe/London",
                )
                context.on("request", note_request)
                page = context.new_page()
                if signed_in:
                    page.goto(base_url + "/accounts/login/")
                    page.get_by_label("Email").fill(email)
                    page.get_by_label("Password").fill(password)
                    page.get_by_role("button", name="Sign In", exact=True).click()
                    page.wait_for_url(base_url + "/")
                for name, path in pages:
                    capture(page, name, path)
                    say(f"  {name}")
                context.close()
        finally:
            browser.close()
    if elsewhere:
        sys.exit(f"Pages asked other hosts for: {sorted(set(elsewhere))}")
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="mendwell-screens-") as temp:
        data_dir = Path(temp)
        env = app_environment(data_dir)
        say(f"Preparing a throwaway instance in {data_dir} …")
        prepare(env)
        port = free_port()
        server = start_server(env, port, data_dir / "server.log")
        try:
            say(f"Taking screenshots from http://127.0.0.1:{port}/ …")
            saved = shoot(f"http://127.0.0.1:{port}", out)
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
    say(f"Saved {len(saved)} screenshots in {out}")


if __name__ == "__main__":
    main()
