"""Start: from a fresh clone to the first served page, with the README's first command.

Run from the repository root (``bench/run.py`` runs it too):

    .venv/bin/python bench/start.py          # cold, then warm
    .venv/bin/python bench/start.py --warm   # warm only, with your own uv cache

Clones this repository's committed HEAD into a temporary directory (``git
clone``, not timed: it is the reader's download), then times ``python3 dev.py
start`` in it, on a free port, until ``/healthz`` answers 200: installing uv's
locked dependencies, making the keys, migrating, seeding the demo people and
starting web, worker and scheduler. Cold: uv's cache is a new empty directory,
so every package is downloaded from PyPI. Warm: a second fresh clone with the
cache the cold run filled (nothing is downloaded); with ``--warm`` alone,
uv's usual cache (the one this checkout's ``.venv`` came from). The clones,
their virtual environments and the cold cache are removed afterwards.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.kit import ROOT, processes  # noqa: E402
from bench.results import figure, record  # noqa: E402
from scripts.instance import free_port  # noqa: E402

COMMAND = ".venv/bin/python bench/start.py"
LIMIT_SECONDS = 900
# What this checkout's own tools set and a newcomer's shell would not have.
DROPPED = ("MENDWELL_", "DJANGO_", "DATABASE_URL", "CACHE_URL", "VIRTUAL_ENV", "UV_", "PYTEST")


def _answering(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:  # noqa: S310 (loopback)
            return bool(answer.status == 200)
    except OSError:
        return False


def _stop(process: subprocess.Popen[bytes], clone: Path) -> None:
    """Stop honcho and everything it started: SIGTERM first, as Ctrl+C would."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        pass
    # honcho may have put its children in groups of their own: any process still
    # running from the clone is one this bench started, found by its directory.
    for entry in processes():
        try:
            cwd = (entry / "cwd").resolve()
        except OSError:
            continue
        if cwd == clone or clone in cwd.parents:
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(entry.name), signal.SIGKILL)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)


def time_start(cache: Path | None, scratch: Path, label: str) -> float:
    """Seconds from ``python3 dev.py start`` in a fresh clone to ``/healthz`` answering."""
    clone = scratch / f"clone-{label}"
    subprocess.run(  # noqa: S603
        ["git", "clone", "--quiet", str(ROOT), str(clone)], check=True, timeout=300
    )
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith(DROPPED)}
    env["PORT"] = str(port)
    if cache is not None:
        env["UV_CACHE_DIR"] = str(cache)
    log = (scratch / f"start-{label}.log").open("wb")
    started = time.monotonic()
    process = subprocess.Popen(  # noqa: S603
        ["python3", "dev.py", "start"],  # noqa: S607 (the README's command, as typed)
        cwd=clone,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        while time.monotonic() - started < LIMIT_SECONDS:
            if process.poll() is not None:
                raise RuntimeError(
                    f"dev.py start stopped ({process.returncode}):\n"
                    + (scratch / f"start-{label}.log").read_text(errors="replace")[-3000:]
                )
            if _answering(f"http://127.0.0.1:{port}/healthz"):
                return time.monotonic() - started
            time.sleep(0.25)
        raise RuntimeError(f"no page within {LIMIT_SECONDS} s")
    finally:
        _stop(process, clone.resolve())
        log.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--warm", action="store_true", help="only the warm start")
    options = parser.parse_args()
    note = "python3 dev.py start in a fresh git clone until /healthz answers 200"
    runs = [("warm", COMMAND + " --warm", "uv's usual cache")]
    if not options.warm:
        runs = [
            ("cold", COMMAND, "empty UV_CACHE_DIR (packages from PyPI)"),
            ("warm", COMMAND, "the UV_CACHE_DIR the cold start filled"),
        ]
    figures = []
    with tempfile.TemporaryDirectory(prefix="mendwell-bench-start-") as scratch_name:
        scratch = Path(scratch_name)
        cache = None if options.warm else scratch / "uv-cache"
        if cache is not None:
            cache.mkdir()  # empty: the cold start downloads everything
        for label, command, how in runs:
            seconds = time_start(cache, scratch, label)
            print(f"  {label} uv cache: {seconds:.1f} s", flush=True)
            figures.append(
                figure(
                    f"start.{label}", round(seconds, 1), "s", command=command, note=f"{note}; {how}"
                )
            )
    record(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
