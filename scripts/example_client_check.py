"""Start Mendwell with the README's first command, run the example API client
against it as the demo person Alex, then stop everything.

Used by CI (``.ci/run``). A scratch data directory and a free port keep it
apart from any instance on this machine. Exit status is the client's.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from scripts.instance import free_port, wait_for_health  # noqa: E402  (stdlib only)

DEMO_EMAIL = "alex@example.com"
DEMO_PASSWORD = "mendwell-demo-2026"  # published: seed_demo runs only in development


def main() -> int:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    scratch = tempfile.mkdtemp(prefix="mendwell-example-")
    env = {**os.environ, "PORT": str(port), "MENDWELL_DATA_DIR": scratch}
    for name in ("MENDWELL_ENV", "DATABASE_URL", "CACHE_URL"):
        env.pop(name, None)
    app = subprocess.Popen(  # noqa: S603
        [sys.executable, "dev.py", "start"], cwd=ROOT, env=env, start_new_session=True
    )
    try:
        problem = wait_for_health(base, app, 180, pause=1)
        if problem:
            sys.exit(problem)
        client = [str(ROOT / ".venv/bin/python"), "examples/mendwell_client.py", "--base", base]
        credentials = ["--email", DEMO_EMAIL, "--password", DEMO_PASSWORD]
        return subprocess.run([*client, *credentials], cwd=ROOT, check=False).returncode  # noqa: S603
    finally:
        os.killpg(app.pid, signal.SIGINT)
        try:
            app.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(app.pid, signal.SIGKILL)


if __name__ == "__main__":
    sys.exit(main())
