"""Locust profile for ``bench/capacity.py``: partners using Mendwell in a browser, day to day.

Each simulated user is one person of a couple, signed in with a session of
their own (the couples and sessions are made by ``bench/capacity.py`` and read
from the JSON file named by ``MENDWELL_BENCH_PEOPLE``); both partners of a
couple are active together, so nudges and conversation turns go between them.
A person waits 2 to 8 seconds between actions (reading, typing) and picks:

* the Today page                                   weight 10
* the daily check-in: the form, the POST, the page it leads back to    3
* a thinking-of-you nudge: the page, the POST, the page again          2
* the weekly pulse: the form, the POST, the progress page it leads to  1
* a turn in their guided conversation: the page, and when it is their
  turn the POST and the page again                                     1

Redirects are followed by hand (a browser's next GET), so every request is
counted under its own name. Any status other than the expected one is a failure.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
from pathlib import Path
from typing import Any

from locust import FastHttpUser, between, task

PEOPLE = json.loads(Path(os.environ["MENDWELL_BENCH_PEOPLE"]).read_text(encoding="utf-8"))
FACTS = PEOPLE["facts"]
_next_person = itertools.cycle(PEOPLE["people"])
SEQ = re.compile(r'name="seq" value="(\d+)"')
NOTES = ("Slept well.", "A long day at work.", "Good talk at dinner.", "")


class Partner(FastHttpUser):
    wait_time = between(2, 8)

    def on_start(self) -> None:
        self.person: dict[str, Any] = next(_next_person)
        self.cookie = (
            f"{FACTS['session_cookie']}={self.person['sessions'][0]}; "
            f"{FACTS['csrf_cookie']}={PEOPLE['csrf_cookie']}"
        )

    def _get(self, path: str, name: str | None = None) -> str:
        with self.client.get(
            path,
            name=name or path,
            headers={"Cookie": self.cookie},
            allow_redirects=False,
            catch_response=True,
        ) as answer:
            if answer.status_code != 200:
                answer.failure(f"GET {path}: {answer.status_code}")
                return ""
            return answer.text or ""

    def _post(self, path: str, fields: dict[str, str], name: str | None = None) -> bool:
        """POST a form; True when it was saved (302), False when the page explained why not."""
        with self.client.post(
            path,
            name=name or path,
            data={"csrfmiddlewaretoken": PEOPLE["csrf_token"], **fields},
            headers={"Cookie": self.cookie},
            allow_redirects=False,
            catch_response=True,
        ) as answer:
            if answer.status_code not in (200, 302):
                answer.failure(f"POST {path}: {answer.status_code}")
            return answer.status_code == 302

    @task(10)
    def today(self) -> None:
        self._get("/")

    @task(3)
    def check_in(self) -> None:
        self._get("/check-in/")
        fields = {
            "mood": str(random.randint(1, 5)),
            "closeness": str(random.randint(1, 5)),
            "note": random.choice(NOTES),
        }
        if self._post("/check-in/", fields):
            self._get("/check-in/")

    @task(2)
    def nudge(self) -> None:
        self._get("/thinking-of-you/")
        # Ten a day per sender; past that the page says so (200), which is fine here.
        if self._post("/thinking-of-you/", {"note": random.choice(NOTES)}):
            self._get("/thinking-of-you/")

    @task(1)
    def weekly_pulse(self) -> None:
        self._get("/progress/pulse/")
        low, high = FACTS["pulse_scale"]
        answers = {item: str(random.randint(low, high)) for item in FACTS["pulse_items"]}
        if self._post("/progress/pulse/", answers):
            self._get("/progress/")

    @task(1)
    def conversation_turn(self) -> None:
        path = f"/talk/{self.person['talk']}/"
        page = self._get(path, name="/talk/[id]/")
        seq = SEQ.search(page)
        if seq is None:  # not this person's turn: they read and wait
            return
        turn = {"seq": seq.group(1), "text": "What I heard is that this week felt long."}
        if self._post(f"{path}turn/", turn, name="/talk/[id]/turn/"):
            self._get(path, name="/talk/[id]/")
