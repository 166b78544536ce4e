"""A Mendwell instance as real processes, for the reliability tests, the
benchmarks and the CI checks that must see what an operator would run.

An ``Instance`` owns one data directory (secrets, keyring, SQLite file, email
outbox) and, optionally, a ``DATABASE_URL``. It runs ``manage.py`` commands and
starts the three processes of the ``Procfile`` (web, worker, scheduler) with
the Procfile's own command lines, in production mode on loopback (plain HTTP,
so HTTPS-only cookies and the redirect are turned off; nothing else differs).

Standard library only, so ``dev.py`` helpers and the tests can both use it.
"""

from __future__ import annotations

import base64
import contextlib
import os
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_health(
    base: str, process: subprocess.Popen[bytes], seconds: float, *, pause: float = 0.2
) -> str | None:
    """Wait for ``base``'s ``/healthz`` to answer 200; what went wrong, or None."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return f"the web server stopped while starting (exit {process.returncode})"
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as answer:  # noqa: S310
                if answer.status == 200:
                    return None
        except OSError:
            time.sleep(pause)
    return f"the web server did not answer /healthz within {seconds:.0f} s"


def procfile_commands() -> dict[str, str]:
    """The Procfile's process lines by name (web, worker, scheduler)."""
    commands = {}
    for line in (ROOT / "Procfile").read_text().splitlines():
        name, _, command = line.partition(":")
        if command.strip():
            commands[name.strip()] = command.strip()
    return commands


def fresh_postgres_database(admin_url: str) -> str:
    """Create an empty database beside ``admin_url``'s and return its URL."""
    import psycopg  # only needed on PostgreSQL

    name = f"mendwell_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_libpq(admin_url), autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(admin_url)
    return parts._replace(path=f"/{name}").geturl()


def drop_postgres_database(url: str) -> None:
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    admin = urlsplit(url)._replace(path="/postgres").geturl()
    with psycopg.connect(_libpq(admin), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _libpq(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


class Instance:
    """One Mendwell instance: a data directory, a database and its processes."""

    def __init__(
        self,
        data_dir: Path,
        database_url: str | None = None,
        *,
        extra_env: dict[str, str] | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.database_url = database_url
        self.extra_env = dict(extra_env or {})
        self.processes: list[subprocess.Popen[bytes]] = []
        self.base = ""
        self.write_secrets()

    # --- configuration -------------------------------------------------------------------

    def write_secrets(self) -> None:
        """A secrets file like ``dev.py keys`` makes, unless one is there."""
        path = self.data_dir / "secrets.env"
        if path.exists():
            return
        field_key = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
        backup_key = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(
                f"SECRET_KEY={secrets.token_urlsafe(50)}\n"
                f"FIELD_ENCRYPTION_KEYS={field_key}\n"
                f"BACKUP_ENCRYPTION_KEY={backup_key}\n"
            )

    @property
    def env(self) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("MENDWELL_", "DJANGO_", "PYTEST", "DATABASE_URL", "CACHE_URL"))
            and key not in {"SECRET_KEY", "FIELD_ENCRYPTION_KEYS", "DEBUG", "ALLOWED_HOSTS"}
        }
        env.update(
            {
                "MENDWELL_ENV": "production",
                "DEBUG": "false",
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "MENDWELL_HTTPS": "false",
                "SECURE_SSL_REDIRECT": "false",
                "MENDWELL_DATA_DIR": str(self.data_dir),
                "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                "EMAIL_FILE_PATH": str(self.data_dir / "outbox"),
                "PYTHONUNBUFFERED": "1",
                "PYTHONDONTWRITEBYTECODE": "1",
            }
        )
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        env.update(self.extra_env)
        return env

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "mendwell.sqlite3"

    # --- commands ------------------------------------------------------------------------

    def manage(
        self, *args: str, timeout: float = 600, check: bool = True, stdin: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(  # noqa: S603 (our own manage.py)
            [str(VENV_PYTHON), "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            input=stdin,
            check=False,
        )
        if check and done.returncode != 0:
            raise RuntimeError(
                f"manage.py {' '.join(args)} exited {done.returncode}:\n{done.stderr[-4000:]}"
            )
        return done

    def shell(self, code: str, timeout: float = 600) -> str:
        """Run Python inside the instance's Django (``manage.py shell``); return stdout."""
        return self.manage("shell", "--no-imports", "-c", code, timeout=timeout).stdout

    def prepare(self) -> None:
        """Migrate and create the cache table, as ``dev.py start`` does."""
        self.manage("migrate", "--no-input", "-v", "0")
        self.manage("createcachetable")

    # --- processes -----------------------------------------------------------------------

    def start(self, name: str, *, replace: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        """Start one Procfile process (``web``, ``worker`` or ``scheduler``).

        ``replace`` swaps option values in the Procfile line, e.g.
        ``{"--workers": "1"}``; everything else is exactly as deployed.
        """
        words = shlex.split(procfile_commands()[name])
        for option, value in (replace or {}).items():
            if option in words:
                words[words.index(option) + 1] = value
            else:
                words += [option, value]
        env = self.env
        if name == "web":
            port = free_port()
            env["MENDWELL_BIND"] = f"127.0.0.1:{port}"
            self.base = f"http://127.0.0.1:{port}"
        words = [env.get(word[1:], word) if word.startswith("$") else word for word in words]
        log = open(self.data_dir / f"{name}.log", "ab")  # noqa: SIM115 (lives with the process)
        process = subprocess.Popen(  # noqa: S603
            words, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()
        self.processes.append(process)
        if name == "web":
            self.wait_until_up(process)
        return process

    def wait_until_up(self, process: subprocess.Popen[bytes], seconds: float = 120) -> None:
        problem = wait_for_health(self.base, process, seconds)
        if problem:
            raise RuntimeError(f"{problem}:\n{self.log('web')}")

    def log(self, name: str) -> str:
        path = self.data_dir / f"{name}.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    def kill(self, process: subprocess.Popen[bytes], sig: int = signal.SIGKILL) -> None:
        """Signal the whole process group (gunicorn's workers too) and reap it."""
        with contextlib.suppress(ProcessLookupError):  # already gone
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
        if process in self.processes:
            self.processes.remove(process)

    def stop_all(self) -> None:
        for process in list(self.processes):
            self.kill(process, signal.SIGTERM)

    def __enter__(self) -> Instance:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop_all()


if __name__ == "__main__":  # a quick look: python scripts/instance.py
    import tempfile

    with Instance(Path(tempfile.mkdtemp(prefix="mendwell-instance-"))) as instance:
        instance.prepare()
        instance.start("web")
        print(instance.base, file=sys.stderr)
