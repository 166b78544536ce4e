"""Mendwell's settings plus one bench-only page: the framework's ceiling.

Selected only by the benchmarks, with ``DJANGO_SETTINGS_MODULE=bench.ceiling_settings``
in the environment of the instance they start (``bench/kit.py``). Production
never names this module (``config/wsgi.py`` and ``manage.py`` default to
``config.settings``), so the ceiling page cannot be reached there.
Everything else, the middleware stack above all, is exactly the real settings.
"""

from __future__ import annotations

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.ceiling_urls"
