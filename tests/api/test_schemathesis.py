"""The whole OpenAPI document, fuzzed by schemathesis in-process (WSGI), as each persona.

Every operation gets valid and invalid data. The checks: no 5xx; every status,
content type, header and body the server sends is the one the document
promises; invalid data is refused. (Valid-looking data may still be refused by
a rule the schema cannot express, such as "sharing is not open yet" or a made-up
id: those answers must be documented, which ``status_code_conformance`` checks.)

The personas: Alex, linked with Sam and both past the safety check (every
joint tool open), and Robin, on his own. A counsellor's router is fuzzed with
a counsellor's token. Each persona's token is made fresh per test, and the
fuzzer cannot sign itself out: token and session routes need the password.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from conftest import link
from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import safety_check_submit
from mendwell.security.tokens import token_create

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


def _load() -> Any:
    # Loaded at collection (the document needs no database): schemathesis's lazy
    # fixture loader does not run under pytest 9.
    from config.wsgi import application

    loaded = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    loaded.config.generation.update(
        modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE], max_examples=12
    )
    return loaded


schema = _load()


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Any:
    # schemathesis calls the WSGI app itself, so Django's request signals run and
    # would close the connection holding the test's transaction (PostgreSQL). The
    # test client disconnects them the same way.
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _no_limits(settings: Any) -> None:
    # The fuzzer sends thousands of requests from one address in seconds.
    settings.API_THROTTLE_RATES = {"user": "100000/m", "ip": "100000/m"}


@pytest.fixture
def personas(make_user: Any) -> dict[str, str]:
    from mendwell.couples.grants import CounsellorProfile

    alex = make_user("alex@example.com", "Alex")
    sam = make_user("sam@example.com", "Sam")
    link(alex, sam)
    for person in (alex, sam):
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
    robin = make_user("robin@example.com", "Robin", time_zone="America/New_York")
    dana = make_user("dana@example.com", "Dana")
    CounsellorProfile.objects.create(user=dana)
    return {
        name: token_create(user=person, name="fuzz")[1]
        for name, person in {"partner": alex, "solo": robin, "counsellor": dana}.items()
    }


def _personas_for(path: str) -> tuple[str, ...]:
    return ("counsellor",) if path.startswith("/api/v1/counsellor") else ("partner", "solo")


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_operation_keeps_its_documented_promises(case: Any, personas: Any) -> None:
    for persona in _personas_for(case.path):
        headers = {"Authorization": f"Bearer {personas[persona]}"}
        response = case.call(headers=headers)
        case.validate_response(response, checks=CHECKS, headers=headers)
