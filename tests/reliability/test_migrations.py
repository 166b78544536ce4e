"""Upgrading keeps every row readable (TS94), and migrating from nothing works.

``test_the_previous_release_upgrades_with_every_row_readable`` builds a database
of the suite's own kind (a SQLite file, or a fresh PostgreSQL database beside the
suite's) exactly as the previous release left it: migrated to that release's
migrations and holding the rows it wrote (``tests/reliability/previous_release``,
made by ``scripts/make_previous_release_fixture.py``, which says how and when to
make it again), with its keys and keyring. Then the current code's ``migrate``
runs, as an operator's upgrade would, and the test checks what people would
notice: every row is there with every value it had, every encrypted text opens
under the old keys to the words that were written, people sign in (a password,
a password plus an authenticator code, an app token through the API that came
after that release), the couple is still linked, and new writes work.

``test_an_empty_database_migrates_to_the_current_schema`` migrates a new database
from zero through the real command. The suite itself also migrates from zero when
it creates its test databases (pytest-django runs the migrations; there is no
``--nomigrations``), and ``dev.py test`` runs ``makemigrations --check --dry-run``
before pytest, so models without a migration fail CI there.

Both run as real ``manage.py`` processes in production mode (``scripts.instance``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

from scripts.instance import Instance, drop_postgres_database, fresh_postgres_database
from scripts.make_previous_release_fixture import FIXTURE, SERIALIZE


@pytest.fixture
def database_url() -> Iterator[str | None]:
    """None on SQLite (the instance keeps its file in its data directory), else a new
    PostgreSQL database beside the suite's, dropped afterwards."""
    if connection.vendor == "sqlite":
        yield None
        return
    url = fresh_postgres_database(os.environ["DATABASE_URL"])
    try:
        yield url
    finally:
        drop_postgres_database(url)


def _last_json(output: str) -> dict:
    return json.loads(output.strip().splitlines()[-1])


# --- The previous release's database, rebuilt -----------------------------------------

# Runs in the instance with the current code, on the empty database: migrate to
# exactly the previous release's migrations (what ``migrate <app> <node>`` does for
# each app, as one plan: one command per app took 24 s more), load its rows through
# the historical models of that state (the current models may have columns the
# old tables lack), and say which migrations the upgrade should then apply.
LOAD_PREVIOUS_RELEASE = r"""
import json
from pathlib import Path

from django.core.management import call_command
from django.core.management.color import no_style
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

from mendwell.core.fields import EncryptedTextField, Sealed

fixture = Path(__FIXTURE__)
nodes = [tuple(node) for node in json.loads((fixture / "migrations.json").read_text())["nodes"]]
executor = MigrationExecutor(connection)
plan = executor.migration_plan(nodes)
then = executor.migrate(nodes, plan=plan)
then.clear_delayed_apps_cache()
# Content types and permissions, as the release's own migrate made them.
emit_post_migrate_signal(0, False, connection.alias, apps=then.apps, plan=plan)
call_command("createcachetable", verbosity=0)

records = json.loads((fixture / "data.json").read_text())
models = {record["model"]: then.apps.get_model(record["model"]) for record in records}
quote = connection.ops.quote_name
with transaction.atomic():
    with connection.cursor() as cursor:
        # The fixture is the whole content of these tables (anything a data
        # migration made is in it too), so the table holds exactly that.
        for model in models.values():
            cursor.execute(f"DELETE FROM {quote(model._meta.db_table)}")
    for record in records:
        model = models[record["model"]]
        row = model()
        for name, value in record["fields"].items():
            field = model._meta.get_field(name)
            if isinstance(field, EncryptedTextField):
                # Written as stored: the release's ciphertext, not re-encrypted.
                value = None if value is None else Sealed(value)
            else:
                value = field.to_python(value)
            setattr(row, field.attname, value)
        row.pk = model._meta.pk.to_python(record["pk"])
        # raw: the values go in as they are (no auto_now, no field pre_save), as loaddata does.
        row.save_base(raw=True, force_insert=True)
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), list(models.values())):
            cursor.execute(statement)

executor = MigrationExecutor(connection)
pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
print(json.dumps({
    "rows": len(records),
    "pending": sorted(f"{m.app_label}.{m.name}" for m, _backwards in pending),
}))
"""

# Runs after the upgrade: every row of the fixture read back through the current
# models (their fields decrypt), compared with what the previous release wrote.
READ_BACK = (
    SERIALIZE
    + r"""
from pathlib import Path

from django.apps import apps

fixture = Path(__FIXTURE__)
expected = json.loads((fixture / "expected.json").read_text())
records = json.loads((fixture / "data.json").read_text())
counts, now_rows, problems = {}, {}, []
for label in expected["counts"]:
    try:
        model = apps.get_model(label)
    except LookupError:
        problems.append(f"{label}: the model is gone")
        continue
    now_rows[label] = rows_of(model)
    counts[label] = len(now_rows[label])
for record in records:
    label, key = record["model"], str(record["pk"])
    row = now_rows.get(label, {}).get(key)
    if row is None:
        problems.append(f"{label} {key}: the row is gone")
        continue
    opened = expected["plaintext"].get(label, {}).get(key, {})
    for name, value in record["fields"].items():
        want = opened.get(name, value)
        if name not in row:
            problems.append(f"{label}.{name}: the field is gone")
        elif row[name] != want:
            problems.append(f"{label} {key} {name}: {row[name]!r} != {want!r}")
"""
)

# Runs after the upgrade, in the same process as READ_BACK (one Django start less),
# at the moment the fixture was made, so that the app token (valid for 90 days)
# and the links of that day are as valid as they were then, whenever this test
# runs: people sign in and read their own words.
SIGN_IN = r"""
import base64, hashlib, hmac, html, struct, time
from datetime import datetime, timedelta

import time_machine
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

from mendwell.couples.selectors import couple_for_user, partner_of

password = expected["password"]
people = {key: get_user_model().objects.get(email=email) for key, email in expected["people"].items()}


def authenticator_code(secret):
    # What an authenticator app shows (RFC 6238: SHA-1, 6 digits, 30 s).
    counter = struct.pack(">Q", int(time.time() // 30))
    digest = hmac.new(base64.b32decode(secret), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 10**6:06d}"


def signed_in_as(client):
    return client.session.get("_auth_user_id")


result = {"counts": counts, "problems": problems[:30]}
moment = datetime.fromisoformat(expected["made_at"]) + timedelta(minutes=1)
# Pages name their CSS and scripts through collectstatic's manifest in production,
# and this data directory never ran collectstatic; plain static names render the
# same page.
plain_static = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Time stands still there, so the authenticator code cannot go stale between being
# read and being typed.
with time_machine.travel(moment, tick=False), override_settings(STORAGES=plain_static):
    alex = Client(HTTP_HOST="127.0.0.1")
    answer = alex.post("/accounts/login/", {"login": expected["people"]["alex"], "password": password})
    result["alex_login"] = [answer.status_code, answer.get("Location", "")]
    result["alex_signed_in"] = signed_in_as(alex) == str(people["alex"].pk)
    page = alex.get("/log/")
    sample = expected["sample_entry"]["what_happened"]
    result["alex_log_page"] = [page.status_code, html.escape(sample) in page.content.decode()]

    robin = Client(HTTP_HOST="127.0.0.1")
    answer = robin.post("/accounts/login/", {"login": expected["people"]["robin"], "password": password})
    result["robin_after_password"] = [answer.status_code, answer.get("Location", ""), bool(signed_in_as(robin))]
    answer = robin.post("/accounts/2fa/authenticate/", {"code": authenticator_code(expected["totp_secret"])})
    result["robin_after_code"] = [answer.status_code, signed_in_as(robin) == str(people["robin"].pk)]

    api = Client(HTTP_HOST="127.0.0.1", HTTP_AUTHORIZATION=f"Bearer {expected['app_token']}")
    listed = api.get("/api/v1/log")
    result["api_list"] = [listed.status_code, sample in json.dumps(listed.json(), ensure_ascii=False)]
    written = api.post(
        "/api/v1/log",
        {"what_happened": "Written after the upgrade."},
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY="after-the-upgrade",
    )
    result["api_write"] = written.status_code

first, second = (get_user_model().objects.get(email=email) for email in expected["couple"])
result["couple_linked"] = (
    couple_for_user(first) is not None
    and couple_for_user(first) == couple_for_user(second)
    and partner_of(first) == second
    and partner_of(second) == first
)
result["robin_alone"] = partner_of(people["robin"]) is None
print(json.dumps(result))
"""


def _instance_from_fixture(data_dir: Path, database_url: str | None) -> Instance:
    """An instance holding the previous release's keys and keyring (as a restored
    data directory would), with modes as the app writes them."""
    data_dir.mkdir()
    shutil.copy(FIXTURE / "secrets.env", data_dir / "secrets.env")
    shutil.copytree(FIXTURE / "keyring", data_dir / "keyring")
    (data_dir / "secrets.env").chmod(0o600)
    (data_dir / "keyring").chmod(0o700)
    for key_file in (data_dir / "keyring").iterdir():
        key_file.chmod(0o600)
    return Instance(data_dir, database_url)


def _code(snippet: str) -> str:
    return snippet.replace("__FIXTURE__", repr(str(FIXTURE)))


def test_the_previous_release_upgrades_with_every_row_readable(
    tmp_path: Path, database_url: str | None
) -> None:
    expected = json.loads((FIXTURE / "expected.json").read_text())
    instance = _instance_from_fixture(tmp_path / "data", database_url)
    loaded = _last_json(instance.shell(_code(LOAD_PREVIOUS_RELEASE)))
    assert loaded["rows"] == sum(expected["counts"].values())

    # The upgrade, as an operator runs it. (System checks are skipped: they import
    # every URL and API schema, take longer than the migrations, and CI runs them.)
    upgrade = instance.manage("migrate", "--no-input", "--skip-checks")
    applied = re.findall(r"Applying (\w+\.\w+)\.\.\. OK", upgrade.stdout)
    assert sorted(applied) == loaded["pending"], upgrade.stdout
    assert instance.manage("migrate", "--check", "--skip-checks", check=False).returncode == 0

    after = _last_json(instance.shell(_code(READ_BACK + SIGN_IN)))
    assert after["problems"] == [], "rows or values changed in the upgrade"
    assert after["counts"] == expected["counts"]
    assert after["alex_login"][0] == 302 and "/login" not in after["alex_login"][1], after
    assert after["alex_signed_in"], after
    assert after["alex_log_page"] == [200, True], "Alex's log does not show what Alex wrote"
    # The password alone does not let Robin in: her second step survived the upgrade...
    assert after["robin_after_password"] == [302, "/accounts/2fa/authenticate/", False], after
    # ...and the code her authenticator app makes from the old secret does.
    assert after["robin_after_code"] == [302, True], after
    assert after["api_list"] == [200, True], "the old app token does not read the log"
    assert after["api_write"] == 201, "the upgraded database does not take a new entry"
    assert after["couple_linked"] and after["robin_alone"], after


def test_an_empty_database_migrates_to_the_current_schema(
    tmp_path: Path, database_url: str | None
) -> None:
    instance = Instance(tmp_path / "data", database_url)
    unapplied = instance.manage("migrate", "--check", "--skip-checks", check=False)
    assert unapplied.returncode != 0, "migrate --check passed on an empty database"

    instance.prepare()  # migrate and createcachetable, as dev.py start does

    assert instance.manage("migrate", "--check", "--skip-checks", check=False).returncode == 0
