"""Where a page's time goes: a pyinstrument profile of many requests to it.

Run from the repository root:

    .venv/bin/python bench/profile.py                    # Today, a 1-week couple
    .venv/bin/python bench/profile.py --path /_bench/ceiling/
    .venv/bin/python bench/profile.py --path /thinking-of-you/ --days 730
    .venv/bin/python bench/profile.py --api /api/v1/log

Builds a throwaway SQLite database in a temporary directory with one couple
(``bench/people.py``, the same couples the web benchmarks use), signs the first
person in, sends the request 20 times to warm up, ``--requests`` times timed and
``--requests`` times more under pyinstrument, through Django's test client: the
whole middleware stack and the view, without gunicorn and the network. Prints
the time per request (plain and under the profiler, whose sampling slows deep
Python code more than shallow) and pyinstrument's call tree. Settings are
``bench.ceiling_settings`` in test mode, so the ceiling page can be profiled too.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.kit import CEILING_SETTINGS, UNTHROTTLED  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--path", default="/", help="the page to GET as the first person")
    parser.add_argument("--api", default="", help="an API path to GET with an app token instead")
    parser.add_argument("--days", type=int, default=7, help="days of daily use behind the couple")
    parser.add_argument("--requests", type=int, default=300)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mendwell-bench-profile-") as data_dir:
        os.environ.update(
            {
                "MENDWELL_ENV": "test",
                "MENDWELL_DATA_DIR": data_dir,
                "DJANGO_SETTINGS_MODULE": CEILING_SETTINGS,
                **UNTHROTTLED,  # as in bench/web.py: the limits are counted, never reached
            }
        )
        os.environ.pop("DATABASE_URL", None)
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.test import Client
        from pyinstrument import Profiler

        from bench.people import couples

        call_command("migrate", verbosity=0, interactive=False)
        call_command("createcachetable")  # the API's limits are counted in the cache
        person = couples(label="profile", count=1, days=options.days, token=bool(options.api))[0]
        client = Client()
        client.cookies[settings.SESSION_COOKIE_NAME] = person["sessions"][0]
        path = options.api or options.path
        headers = {"Authorization": f"Bearer {person['token']}"} if options.api else {}

        def send() -> None:
            answer = client.get(path, headers=headers)
            if answer.status_code != 200:
                raise SystemExit(f"GET {path} answered {answer.status_code}")

        for _ in range(20):
            send()
        started = time.perf_counter()
        for _ in range(options.requests):
            send()
        plain = (time.perf_counter() - started) / options.requests * 1000
        profiler = Profiler(interval=0.0005)
        started = time.perf_counter()
        with profiler:
            for _ in range(options.requests):
                send()
        each = (time.perf_counter() - started) / options.requests * 1000
        print(
            f"GET {path}, {options.days} days of history: {plain:.2f} ms per request "
            f"({each:.2f} ms under the profiler)"
        )
        print(
            profiler.output_text(unicode=True, color=False, show_all=False, time="percent_of_total")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
