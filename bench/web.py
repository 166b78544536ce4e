"""Ceiling ratio and growth: Mendwell's pages against Django's own ceiling on this machine.

Run from the repository root (``bench/run.py`` runs it too):

    .venv/bin/python bench/web.py            # 10 s per target (5 rounds of 2 s)
    .venv/bin/python bench/web.py --quick    # 3 s per target (3 rounds of 1 s)

Starts one production instance on loopback (``scripts/instance.py``: gunicorn
exactly as the Procfile runs it, on SQLite), with one bench-only page added
(``bench/ceiling_urls.py``: a view returning a constant, behind the same
middleware; the instance alone is started with ``bench.ceiling_settings``).
Two couples are made inside it: one with a week of daily use and one with two
years (``bench/people.py``). Then ``wrk`` (one thread, four connections;
``bench/wrk.lua`` checks every answer's status) measures, as the first person
of each couple, signed in with a real session cookie, each target for 10 s in
all, taken in 5 rounds of 2 s in turn with the others (rates from the totals,
percentiles from every round's merged):

* ``ceiling``  GET /_bench/ceiling/
* ``today``    GET /            (the Today page)
* ``step``     GET /thinking-of-you/  (step 3's nudges page: what was sent and received)
* ``checkin``  POST /check-in/  (the form, with its CSRF token; a person has one check-in a
  day, so every POST after the first edits it and answers 302 like the first)
* ``api``      GET /api/v1/log  (the first page of the person's log, app token)
* ``api3``     GET /api/v1/log?page_size=3  (the same, 3 entries for both couples)

Every request goes on a fresh connection (``Connection: close``): with
keep-alive, gunicorn's two workers race for wrk's four connections and one
worker often wins all of them, which halves throughput at random.

Ceiling ratio (1-week couple): each page's requests per second over the
ceiling's, and its p95 over the ceiling's p95. Goals for Today: ≥ 0.5 and ≤ 2.
Growth: each page's median time for the 2-year couple over the 1-week
couple's, and the server's CPU per request likewise (gunicorn's processes,
read from ``/proc`` around each run: a busy machine moves wall time far more
than it moves CPU per answer). Goal ≤ 1.2. The query counts behind growth are asserted in
``tests/reliability/test_query_growth.py``.
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.kit import (  # noqa: E402
    CEILING_BODY,
    CEILING_PATH,
    ROOT,
    UNTHROTTLED,
    children,
    cpu_seconds,
    csrf_pair,
    make_people,
    ready_instance,
    request,
    web_shape,
)
from bench.results import figure, record, table  # noqa: E402

WRK = "/usr/bin/wrk"
CONNECTIONS = 4
LUA = "bench/wrk.lua"
COMMAND = ".venv/bin/python bench/web.py"
CHECKIN_BODY = "mood=4&closeness=3&note=A+quiet%2C+good+day."
GROUPS = {
    # 20 sessions each: the first for the GETs, the other 19 taken in turn by the POSTs.
    "week": {"count": 1, "days": 7, "sessions": 20, "token": True},
    "years": {"count": 1, "days": 730, "sessions": 20, "token": True},
}
PAGES = ("today", "step", "checkin", "api", "api3")
# The 1-week couple's log holds 3 entries, so its first API page holds 3 where the
# 2-year couple's holds the page size (50): that page's growth is the page filling up.
# ``api3`` asks both for 3 entries, which leaves only the history's own cost.
PAGE_FILLS = {"api"}
TODAY_GOALS = {"rps": ">= 0.5", "p95": "<= 2"}
GROWTH_GOAL = "<= 1.2"


class Target:
    """One thing to load: a path, how to ask for it, and the answer it must give."""

    def __init__(
        self,
        name: str,
        path: str,
        *,
        expect: int = 200,
        method: str = "GET",
        body: str | None = None,
        cookies: list[str] | None = None,
        header: str = "",
        marker: str = "",
    ) -> None:
        self.name, self.path, self.expect, self.method = name, path, expect, method
        self.body, self.cookies, self.header, self.marker = body, cookies or [], header, marker

    def check(self, base: str) -> None:
        """One request by hand first: the load must hit the page, not a sign-in redirect."""
        headers = {}
        if self.cookies:
            headers["Cookie"] = self.cookies[0]
        if self.header:
            name, _, value = self.header.partition(": ")
            headers[name] = value
        status, answer, text = request(
            base, self.path, method=self.method, headers=headers, body=self.body
        )
        if status != self.expect or self.marker not in text + answer.get("location", ""):
            raise RuntimeError(
                f"{self.method} {self.path} answered {status} {answer.get('location', '')} "
                f"(expected {self.expect} with {self.marker!r}):\n{text[:500]}"
            )


def run_wrk(
    base: str, target: Target, *, seconds: float, scratch: Path
) -> tuple[dict[str, Any], str]:
    """wrk on one target; returns its JSON figures and the command (secrets elided)."""
    # Every request on its own connection. gunicorn's gthread workers race to accept,
    # and wrk's four keep-alive connections often all land in one worker (splits of
    # 100 % / 0 % were seen), which leaves one core idle at random and once read as
    # Today "growing" 2.02×. Fresh connections share the load the way many clients do.
    args = [f"expect={target.expect}", "header=Connection: close"]
    shown = list(args)
    if target.method != "GET":
        args.append(f"method={target.method}")
        shown.append(f"method={target.method}")
    if target.body is not None:
        body = scratch / f"{target.name}.body"
        body.write_text(target.body)
        args.append(f"body={body}")
        shown.append("body=FILE")
    if target.cookies:
        cookies = scratch / f"{target.name}.cookies"
        cookies.write_text("\n".join(target.cookies) + "\n")
        args.append(f"cookies={cookies}")
        shown.append(f"cookies=FILE({len(target.cookies)} sessions)")
    if target.header:
        args.append(f"header={target.header}")
        shown.append(f"header={target.header.split(' ')[0]} …")
    command = [WRK, "-t1", f"-c{CONNECTIONS}", f"-d{seconds:g}s", "--latency", "-s", LUA]
    done = subprocess.run(  # noqa: S603 (our own arguments)
        [*command, base + target.path, "--", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    )
    line = next((row for row in done.stdout.splitlines() if row.startswith("WRK_JSON:")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no figures:\n{done.stdout}\n{done.stderr}")
    result = dict(json.loads(line.removeprefix("WRK_JSON:")))
    failures = sum(result[key] for key in result if key.startswith("errors_"))
    if result["unexpected"] or failures:
        raise RuntimeError(f"{target.name}: unexpected answers or errors: {result}")
    display = shlex.join([*command, "http://127.0.0.1:PORT" + target.path, "--", *shown])
    return result, display


class Rounds:
    """One target's wrk runs, merged: rates from the totals, percentiles from every run's."""

    def __init__(self) -> None:
        self.runs: list[dict[str, Any]] = []
        self.command = ""
        self.cpu = 0.0  # seconds of CPU the server's processes used during the runs

    @property
    def cpu_ms_per_request(self) -> float:
        """The server's CPU per answer: unlike wall time, barely moved by a busy machine."""
        return self.cpu * 1000 / self.requests

    @property
    def requests(self) -> int:
        return sum(run["requests"] for run in self.runs)

    @property
    def rps(self) -> float:
        return self.requests / (sum(run["duration_us"] for run in self.runs) / 1e6)

    def percentile(self, share: float) -> float:
        """Milliseconds; each run's 100 percentiles weighted by its number of requests."""
        points = sorted(
            (value, run["requests"] / 100) for run in self.runs for value in run["quantiles_us"]
        )
        wanted = share * sum(weight for _, weight in points)
        passed = 0.0
        for value, weight in points:
            passed += weight
            if passed >= wanted:
                return float(value) / 1000
        return float(points[-1][0]) / 1000


def targets(people: dict[str, Any], label: str, base: str) -> dict[str, Target]:
    facts = people["facts"]
    first = people[label][0]
    session = f"{facts['session_cookie']}={first['sessions'][0]}"
    csrf_cookie, token = csrf_pair(base, facts, first["sessions"][0])
    # Every check-in POST adds a "saved" note to its session, which the redirected
    # page would show and clear. wrk does not follow the redirect, so the POSTs take
    # the person's other sessions in turn, keeping each session's notes few.
    post_cookies = [
        f"{facts['session_cookie']}={key}; {facts['csrf_cookie']}={csrf_cookie}"
        for key in first["sessions"][1:]
    ]
    return {
        "ceiling": Target("ceiling", CEILING_PATH, cookies=[session], marker=CEILING_BODY.decode()),
        "today": Target("today", "/", cookies=[session], marker="<title>Today"),
        "step": Target("step", "/thinking-of-you/", cookies=[session], marker="<title>"),
        "checkin": Target(
            "checkin",
            "/check-in/",
            method="POST",
            expect=302,
            body=f"csrfmiddlewaretoken={token}&{CHECKIN_BODY}",
            cookies=post_cookies,
            marker="/check-in/",
        ),
        "api": Target(
            "api",
            "/api/v1/log",
            header=f"Authorization: Bearer {first['token']}",
            marker='"results"',
        ),
        "api3": Target(
            "api3",
            "/api/v1/log?page_size=3",
            header=f"Authorization: Bearer {first['token']}",
            marker='"results"',
        ),
    }


def server_cpu(server: int) -> float:
    """CPU seconds used so far by gunicorn's arbiter and its workers."""
    return sum(cpu_seconds(pid) for pid in (server, *children(server)))


def measure(
    base: str,
    plan: list[tuple[str, Target]],
    *,
    seconds: float,
    rounds: int,
    scratch: Path,
    server: int,
) -> dict[str, Rounds]:
    """Every target in turn, ``rounds`` times, ``seconds / rounds`` each time.

    Taking turns spreads a busy moment of the machine over every target alike, so
    the ratios (a page over the ceiling, two years over a week) hold up better than
    with one long run each.
    """
    measured = {key: Rounds() for key, _ in plan}
    for _key, target in plan:
        target.check(base)
        run_wrk(base, target, seconds=1, scratch=scratch)  # warm both workers up
    for _ in range(rounds):
        for key, target in plan:
            before = server_cpu(server)
            result, measured[key].command = run_wrk(
                base, target, seconds=seconds / rounds, scratch=scratch
            )
            measured[key].cpu += server_cpu(server) - before
            measured[key].runs.append(result)
    for key, row in measured.items():
        print(
            f"  {key:16} {row.rps:8.1f} req/s   p50 {row.percentile(0.5):7.2f} ms   "
            f"p95 {row.percentile(0.95):7.2f} ms   CPU {row.cpu_ms_per_request:6.2f} ms/request   "
            f"({row.requests} requests)",
            flush=True,
        )
    return measured


def figures_from(measured: dict[str, Rounds], *, seconds: float) -> list[dict[str, Any]]:
    """Every figure: raw rates and latencies, the ceiling ratios and the growth ratios."""
    out = []
    note = f"{web_shape()}, wrk 1 thread × {CONNECTIONS} connections, {seconds:g} s in rounds"
    for key, row in measured.items():
        command = f"{COMMAND}  # {row.command}"
        for metric, value, unit in (
            ("rps", round(row.rps, 1), "req/s"),
            ("p50", round(row.percentile(0.5), 2), "ms"),
            ("p95", round(row.percentile(0.95), 2), "ms"),
            ("cpu_per_request", round(row.cpu_ms_per_request, 2), "ms CPU"),
        ):
            out.append(figure(f"web.{key}.{metric}", value, unit, command=command, note=note))
    ceiling = measured["ceiling"]
    for page in PAGES:
        week, years = measured[f"week.{page}"], measured[f"years.{page}"]
        goals = TODAY_GOALS if page == "today" else {}
        growth_goal = None if page in PAGE_FILLS else GROWTH_GOAL
        for name, value, unit, goal, what in (
            (
                "ceiling_ratio.{}.rps",
                week.rps / ceiling.rps,
                "× ceiling req/s",
                goals.get("rps"),
                "1-week couple's req/s over the ceiling's",
            ),
            (
                "ceiling_ratio.{}.p95",
                week.percentile(0.95) / ceiling.percentile(0.95),
                "× ceiling p95",
                goals.get("p95"),
                "1-week couple's p95 over the ceiling's",
            ),
            (
                "growth.{}.p50",
                years.percentile(0.5) / week.percentile(0.5),
                "× 1-week p50",
                growth_goal,
                "median time, 2 years of daily use over 1 week",
            ),
            (
                "growth.{}.cpu",
                years.cpu_ms_per_request / week.cpu_ms_per_request,
                "× 1-week CPU per request",
                growth_goal,
                "server CPU per request (gunicorn's processes, from /proc), 2 years over 1 week",
            ),
        ):
            out.append(
                figure(
                    "web." + name.format(page),
                    round(value, 3),
                    unit,
                    goal=goal,
                    command=COMMAND,
                    note=what,
                )
            )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 s per target")
    options = parser.parse_args()
    if not Path(WRK).exists():
        sys.exit(f"{WRK} is missing: install wrk (Debian/Ubuntu: sudo apt-get install wrk).")
    seconds, rounds = (3.0, 3) if options.quick else (10.0, 5)
    print(
        f"web: {web_shape()}, SQLite, wrk -t1 -c{CONNECTIONS}, {seconds:g} s per target "
        f"in {rounds} rounds",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="mendwell-bench-web-") as scratch_name:
        scratch = Path(scratch_name)
        instance = ready_instance(scratch / "data", ceiling=True, extra_env=UNTHROTTLED)
        try:
            started = time.monotonic()
            people = make_people(instance, GROUPS)
            print(f"  people and history made in {time.monotonic() - started:.0f} s", flush=True)
            server = instance.start("web").pid
            week = targets(people, "week", instance.base)
            years = targets(people, "years", instance.base)
            plan = [("ceiling", week["ceiling"])]
            for page in PAGES:
                plan += [(f"week.{page}", week[page]), (f"years.{page}", years[page])]
            measured = measure(
                instance.base, plan, seconds=seconds, rounds=rounds, scratch=scratch, server=server
            )
        finally:
            instance.stop_all()
    figures = figures_from(measured, seconds=seconds)
    record(figures, replace=("web.",))
    print(
        table([item for item in figures if "_ratio" in item["name"] or ".growth." in item["name"]])
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
