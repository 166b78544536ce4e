#!/usr/bin/env python3
"""Mendwell's two commands, using nothing but the Python standard library.

    python3 dev.py start   set up and run web + worker + scheduler on SQLite with demo data
    python3 dev.py test    run every check and the whole test suite
    python3 dev.py keys    create the secrets file for a new production instance
    python3 dev.py bench   run the benchmarks (bench/run.py; --quick, --only NAME)

Environment: HOST (default 127.0.0.1), PORT (default 8000), MENDWELL_DATA_DIR
(default ./data), DATABASE_URL (default: SQLite in the data directory).
"""

from __future__ import annotations

import os
import platform
import secrets
import shutil
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
UV_VERSION = "0.13.8"
TOOLS_DIR = ROOT / ".tools"
VENV_BIN = ROOT / ".venv" / "bin"
CHROMIUM = Path("/usr/bin/chromium")

sys.path.insert(0, str(ROOT))
from config.env import SECRETS_FILE_NAME  # noqa: E402  (stdlib-only module)


def say(message: str = "") -> None:
    print(message, flush=True)


def run(command: list[str], **kwargs: object) -> None:
    result = subprocess.run(command, cwd=ROOT, **kwargs)  # noqa: S603
    if result.returncode != 0:
        sys.exit(result.returncode)


# --- Installing -----------------------------------------------------------------


def find_uv() -> str:
    """uv from PATH, or a private copy in .tools/ installed from PyPI."""
    on_path = shutil.which("uv")
    if on_path:
        return on_path
    private = TOOLS_DIR / "bin" / "uv"
    if private.exists():
        return str(private)
    say(f"Installing uv {UV_VERSION} into .tools/ …")
    run([sys.executable, "-m", "venv", str(TOOLS_DIR)])
    run([str(TOOLS_DIR / "bin" / "pip"), "install", "--quiet", f"uv=={UV_VERSION}"])
    return str(private)


def install() -> None:
    uv = find_uv()
    say("Installing the locked dependencies (uv sync --locked) …")
    run([uv, "sync", "--locked", "--quiet"])


def python() -> str:
    return str(VENV_BIN / "python")


# --- Keys ------------------------------------------------------------------------------


def data_dir() -> Path:
    return Path(os.environ.get("MENDWELL_DATA_DIR", "data")).resolve()


def fernet_key() -> str:
    import base64

    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def ensure_secrets(directory: Path) -> bool:
    """Create secrets.env (0600) when missing; return True if it was created now."""
    path = directory / SECRETS_FILE_NAME
    if path.exists():
        return False
    directory.mkdir(parents=True, exist_ok=True)
    contents = (
        "# Mendwell secrets. Back this file up somewhere safe, apart from the database.\n"
        "# FIELD_ENCRYPTION_KEYS decrypt every journal: lose them and the text is gone.\n"
        f"SECRET_KEY={secrets.token_urlsafe(50)}\n"
        f"FIELD_ENCRYPTION_KEYS={fernet_key()}\n"
        "# BACKUP_ENCRYPTION_KEY encrypts `manage.py backup` files; keep it away from them.\n"
        f"BACKUP_ENCRYPTION_KEY={fernet_key()}\n"
    )
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(contents)
    bar = "!" * 78
    say(bar)
    say("!!  NEW ENCRYPTION KEYS CREATED")
    say(f"!!  {path}")
    say("!!  Everything people write is encrypted with the keys in this file")
    say("!!  (and the per-person keys in the keyring/ folder beside it).")
    say("!!  BACK BOTH UP NOW, separately from the database. Without them, every")
    say("!!  journal in this instance is lost for good; nobody can recover it.")
    say(bar)
    return True


# --- Commands ----------------------------------------------------------------------------


def port_is_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def start() -> None:
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "8000"))
    directory = data_dir()
    install()
    ensure_secrets(directory)
    env = {
        **os.environ,
        "MENDWELL_ENV": os.environ.get("MENDWELL_ENV", "development"),
        "MENDWELL_DATA_DIR": str(directory),
        "HOST": host,
        "MENDWELL_BIND": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "PYTHONUNBUFFERED": "1",
    }
    manage = [python(), "manage.py"]
    say("Preparing the database …")
    run([*manage, "migrate", "--no-input", "-v", "0"], env=env)
    # Web push keys are made on first run and appended to secrets.env.
    run([*manage, "ensure_vapid_keys"], env=env)
    run([*manage, "ensure_backup_key"], env=env)
    run([*manage, "createcachetable"], env=env)
    run([*manage, "seed_demo"], env=env)
    if not port_is_free(host, port):
        sys.exit(
            f"Port {port} on {host} is in use. Choose another, e.g. PORT=8001 python3 dev.py start"
        )
    shown_host = "localhost" if host in {"0.0.0.0", "::"} else host  # noqa: S104
    say()
    say(f"Mendwell is starting at http://{shown_host}:{port}/")
    say(f"Data directory: {directory}")
    say("Sign-up emails (verification links) are printed below. Stop with Ctrl+C.")
    say()
    os.execve(  # noqa: S606
        str(VENV_BIN / "honcho"),
        [str(VENV_BIN / "honcho"), "start", "-f", str(ROOT / "Procfile"), "-d", str(ROOT)],
        env,
    )


def _missing_system_packages() -> list[str]:
    """Debian packages the tests need: Chromium for the browser tests,
    Pango with a font for the PDF exports (WeasyPrint), and systemd's
    ``systemd-analyze`` to verify the unit files in ``deploy/``."""
    import ctypes.util

    missing = []
    if not CHROMIUM.exists():
        missing.append("chromium")
    if ctypes.util.find_library("pango-1.0") is None:
        missing.append("libpango-1.0-0")
    if ctypes.util.find_library("pangoft2-1.0") is None:
        missing.append("libpangoft2-1.0-0")
    if not Path("/usr/share/fonts/truetype/dejavu").exists():
        missing.append("fonts-dejavu-core")
    if not shutil.which("systemd-analyze"):  # checks the unit files in deploy/
        missing.append("systemd")
    return missing


def ensure_system_packages() -> None:
    apt_install(_missing_system_packages(), "the tests")


def apt_install(missing: list[str], purpose: str) -> None:
    """Install Debian packages as root on Debian/Ubuntu; otherwise say what to install."""
    if not missing:
        return
    is_debian = Path("/etc/debian_version").exists()
    if is_debian and os.geteuid() == 0 and shutil.which("apt-get"):
        say(f"Installing Debian packages for {purpose}: {' '.join(missing)} …")
        run(["apt-get", "update", "-qq"])
        run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
        return
    sys.exit(
        f"{purpose.capitalize()} need these system packages: "
        f"{' '.join(missing)} (Debian/Ubuntu: sudo apt-get install {' '.join(missing)}). "
        "Install them and run again."
    )


def test(extra: list[str]) -> None:
    install()
    ensure_system_packages()
    import tempfile

    # Tests never touch ./data: a scratch data directory for the run.
    scratch = tempfile.mkdtemp(prefix="mendwell-test-")
    env = {
        **os.environ,
        "MENDWELL_ENV": "test",
        "PYTHONDONTWRITEBYTECODE": "1",
        "MENDWELL_DATA_DIR": scratch,
    }
    bin_ = str(VENV_BIN)
    steps = [
        (
            "migrations are up to date",
            [python(), "manage.py", "makemigrations", "--check", "--dry-run"],
        ),
        ("ruff lint", [f"{bin_}/ruff", "check", "."]),
        ("ruff format", [f"{bin_}/ruff", "format", "--check", "."]),
        ("mypy", [f"{bin_}/mypy", "config", "mendwell"]),
        ("import layers", [f"{bin_}/lint-imports"]),
        ("pytest", [f"{bin_}/pytest", "-n", "auto", *extra]),
    ]
    for label, command in steps:
        say(f"==> {label}")
        result = subprocess.run(command, cwd=ROOT, env=env)  # noqa: S603
        if result.returncode != 0:
            sys.exit(f"FAILED: {label}")
    say("All checks passed.")


def keys() -> None:
    directory = data_dir()
    if not ensure_secrets(directory):
        sys.exit(f"{directory / SECRETS_FILE_NAME} already exists; not overwriting it.")
    if Path(python()).exists():
        # The web push key pair needs `cryptography`, so only once it is installed;
        # otherwise `manage.py ensure_vapid_keys` adds it on the first start.
        run([python(), "-m", "mendwell.push.keys", str(directory / SECRETS_FILE_NAME)])
    else:
        say("Web push keys: run `.venv/bin/python manage.py ensure_vapid_keys` after installing.")


def bench(extra: list[str]) -> None:
    """The benchmark suite: the load tools (locust, pyinstrument) are a group of their own."""
    apt_install([] if shutil.which("wrk") else ["wrk"], "the benchmarks")
    uv = find_uv()
    say("Installing the locked dependencies and the load tools (uv sync --locked --group load) …")
    run([uv, "sync", "--locked", "--group", "load", "--quiet"])
    run([python(), "bench/run.py", *extra])


def main() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036  (dev.py may be run by an older python3)
        sys.exit(f"Mendwell needs Python 3.11 or newer (this is {platform.python_version()}).")
    command = sys.argv[1] if len(sys.argv) > 1 else "help"
    if command == "start":
        start()
    elif command == "test":
        test(sys.argv[2:])
    elif command == "keys":
        keys()
    elif command == "bench":
        bench(sys.argv[2:])
    else:
        say(__doc__ or "")


if __name__ == "__main__":
    main()
