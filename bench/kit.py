"""What the web benchmarks share: an instance ready to serve, its people, HTTP, /proc.

Standard library only (plus ``scripts.instance``), so it runs in the bench
process without Django. The instance is the production one of
``scripts/instance.py`` (gunicorn from the Procfile, loopback, plain HTTP) with
its static files collected, as a deployment does before serving pages.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.instance import (  # noqa: E402
    Instance,
    drop_postgres_database,
    fresh_postgres_database,
    procfile_commands,
)

__all__ = [
    "Instance",
    "drop_postgres_database",
    "fresh_postgres_database",
    "procfile_commands",
]

PG_ENV = "BENCH_DATABASE_URL"
CEILING_SETTINGS = "bench.ceiling_settings"
# The bench-only page (bench/ceiling_urls.py) and the constant it answers.
CEILING_PATH = "/_bench/ceiling/"
CEILING_BODY = b"ceiling"
# The API's per-person and per-address limits (300 and 600 a minute) would turn a
# load test from one address into a test of the 429 answer. The limits are still
# counted on the shared cache for every request, so their cost is measured.
UNTHROTTLED = {"API_THROTTLE_USER": "100000000/m", "API_THROTTLE_IP": "100000000/m"}


def web_shape() -> str:
    """Workers × threads of the Procfile's web line, e.g. ``2 workers × 4 threads (gthread)``."""
    words = procfile_commands()["web"].split()

    def option(name: str) -> str:
        return words[words.index(name) + 1] if name in words else "?"

    return (
        f"{option('--workers')} workers × {option('--threads')} threads "
        f"({option('--worker-class')})"
    )


def postgres_admin_url() -> str | None:
    """The PostgreSQL server to make fresh benchmark databases on, if the operator gave one."""
    return os.environ.get(PG_ENV) or None


# --- an instance ready to serve --------------------------------------------------------


def _static_key() -> str:
    """Changes when any static file, the settings or the locked dependencies change."""
    digest = hashlib.sha256((ROOT / "uv.lock").read_bytes())
    digest.update((ROOT / "config" / "settings.py").read_bytes())
    for path in sorted(ROOT.glob("mendwell/*/static/**/*")):
        if path.is_file():
            stat = path.stat()
            digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def collect_static(instance: Instance) -> None:
    """``collectstatic`` as a deployment runs it, done once per set of static files.

    Compressing every file takes most of a minute, so the result is kept in the
    temporary directory and linked into each new instance's data directory.
    """
    cache = Path(tempfile.gettempdir()) / "mendwell-bench-static" / _static_key()
    target = instance.data_dir / "staticfiles"
    if not cache.exists():
        instance.manage("collectstatic", "--no-input", "-v", "0")
        partial = cache.with_suffix(f".partial-{os.getpid()}")
        shutil.copytree(target, partial, symlinks=True)
        try:
            partial.rename(cache)
        except OSError:  # another bench filled the cache meanwhile: theirs is as good
            shutil.rmtree(partial, ignore_errors=True)
        for older in cache.parent.iterdir():  # files that changed since: never used again
            if older != cache and ".partial-" not in older.name:
                shutil.rmtree(older, ignore_errors=True)
        return
    if target.exists():
        shutil.rmtree(target)
    target.symlink_to(cache, target_is_directory=True)


def ready_instance(
    data_dir: Path,
    *,
    database_url: str | None = None,
    ceiling: bool = False,
    extra_env: dict[str, str] | None = None,
) -> Instance:
    """A migrated instance with its static files; ``ceiling`` adds the bench-only page."""
    env = dict(extra_env or {})
    if ceiling:
        env["DJANGO_SETTINGS_MODULE"] = CEILING_SETTINGS
    instance = Instance(data_dir, database_url, extra_env=env)
    instance.prepare()
    collect_static(instance)
    return instance


def make_people(instance: Instance, groups: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Couples made inside the instance (``bench/people.py``); see ``people.couples``."""
    from bench.people import BANNER

    code = f"import json\nfrom bench.people import make\nmake(json.loads({json.dumps(groups)!r}))\n"
    output = instance.shell(code, timeout=1800)
    for line in output.splitlines():
        if line.startswith(BANNER):
            return dict(json.loads(line[len(BANNER) :]))
    raise RuntimeError(f"no people came back from the instance:\n{output[-2000:]}")


# --- HTTP, without following redirects ----------------------------------------------------


def request(
    base: str,
    path: str,
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    body: str | None = None,
    timeout: float = 30,
) -> tuple[int, dict[str, str], str]:
    """One request; returns status, headers (lower-case names; Set-Cookie joined) and text."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=timeout)
    try:
        sent = dict(headers or {})
        if body is not None:
            sent.setdefault("Content-Type", "application/x-www-form-urlencoded")
        connection.request(method, path, body=body, headers=sent)
        answer = connection.getresponse()
        text = answer.read().decode("utf-8", "replace")
        found: dict[str, str] = {}
        for name, value in answer.getheaders():
            key = name.lower()
            found[key] = f"{found[key]}, {value}" if key in found else value
        return answer.status, found, text
    finally:
        connection.close()


def csrf_pair(base: str, facts: dict[str, Any], session: str) -> tuple[str, str]:
    """A CSRF cookie and a form token that matches it, as a browser gets them from a form.

    The cookie is not tied to the session, so one pair serves every session of a run.
    """
    cookie_header = f"{facts['session_cookie']}={session}"
    status, headers, text = request(base, "/check-in/", headers={"Cookie": cookie_header})
    if status != 200:
        raise RuntimeError(f"GET /check-in/ answered {status}, not the form")
    cookie = re.search(rf"{re.escape(facts['csrf_cookie'])}=([^;,\s]+)", headers["set-cookie"])
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text)
    if cookie is None or token is None:
        raise RuntimeError("the check-in form came without a CSRF cookie and token")
    return cookie.group(1), token.group(1)


# --- processes in /proc -------------------------------------------------------------------

PAGE_TICKS = os.sysconf("SC_CLK_TCK")


def processes() -> Iterator[Path]:
    """Every process's ``/proc/<pid>`` directory."""
    return (entry for entry in Path("/proc").iterdir() if entry.name.isdigit())


def children(pid: int) -> list[int]:
    """Direct children of a process (gunicorn's workers under its arbiter)."""
    found = []
    for entry in processes():
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # it has just ended
        # The command name is in parentheses and may hold spaces: split after it.
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


def rss_mb(pid: int) -> float:
    """Resident memory (VmRSS) of one process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (utime + stime)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / PAGE_TICKS
