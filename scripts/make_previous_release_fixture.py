"""Make the "previous release" fixture the migration test upgrades from (TS94).

    .venv/bin/python scripts/make_previous_release_fixture.py [--commit 8c91118]

We have no tagged releases yet, so the previous release is a commit: 8c91118, the
end of the issue-#8 work, before the JSON API added its migrations.

For the next release: once it is tagged, run this with ``--commit <that tag>``
(and make it the default here), so the test upgrades from the release people
actually run. ``SEED`` calls that release's services: where their names or
arguments changed, follow the release's own code; where the release added a kind
of content, add it, so that every model with rows in real databases has rows
here (``expected.json`` lists the count per model; a 0 means not covered). Then
run ``tests/reliability/test_migrations.py`` on SQLite and PostgreSQL and commit
the new directory whole (the keys belong to its rows).

What it does, in order:

1. Checks the commit out in a temporary git worktree (the current ``.venv`` has
   every dependency it needs, so the worktree links to it).
2. With a fresh data directory (throwaway keys, an ``Instance`` secrets file) and
   that tree's own code in production mode, migrates an empty SQLite database and
   runs ``SEED`` below in ``manage.py shell``: people made through that release's
   own services — Alex and Sam (a linked couple) with something in every kind of
   content the release knew, Robin on her own with a second step (TOTP) and
   recovery codes, Dana a counsellor for Alex, an operator who looked at Robin's
   account — so the rows are exactly what the release wrote. Sam also signs in
   with a browser (a session, a known device).
3. Reads every table back (``DUMP`` below, still the old code) and writes, into
   ``tests/reliability/previous_release/``:

   * ``migrations.json`` — the commit and each app's latest migration there (the
     nodes the test migrates a fresh database to before loading the rows);
   * ``data.json`` — every row of every model, as ``dumpdata`` would give it but
     with each encrypted column holding what is really on disk (ciphertext under
     that release's keys, read as the column's text; ``dumpdata`` itself would
     decrypt it, and ``loaddata`` refuses plain text for an encrypted column).
     Left out: content types and permissions (``migrate`` makes them again) and
     the admin's change log (none is made; it points at content type ids).
     Datetimes keep their microseconds (the JSON serializer cuts them to
     milliseconds);
   * ``expected.json`` — what the rows must read as after the upgrade: row counts
     per model, the plaintext of every encrypted value, the people's emails and
     password, Robin's TOTP secret, Alex's app token, the couple, a sample text
     and the moment the data was made (the test checks sign-ins at that moment,
     so tokens and links valid then are valid in the test, whenever it runs);
   * ``secrets.env`` and ``keyring/`` — the instance keys and each person's
     wrapped data key. Throwaway keys made for this fixture, never used anywhere
     else, so they are committed with it.

4. Removes the worktree and the temporary data directory.

Nothing here depends on the database the test later uses: the rows are loaded
through Django's historical models at those nodes, on SQLite or PostgreSQL.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.instance import VENV_PYTHON, Instance  # noqa: E402

DEFAULT_COMMIT = "8c91118"
FIXTURE = ROOT / "tests" / "reliability" / "previous_release"
PASSWORD = "previous release fixture, not a real account"

# Tables the fixture leaves out: content types and permissions (``migrate`` makes
# them again, numbered afresh), and the admin's change log, whose rows point at
# those numbers (the seed writes none; staff actions are in staff.AuditRecord).
SKIPPED_MODELS = ("contenttypes.contenttype", "auth.permission", "admin.logentry")

# One row of a model as plain JSON values: the ``python`` serializer's fields
# (decrypted by the model's own field) with dates in full ISO form. Used by the
# dump below (in the old release) and by the test (in the current code), so both
# sides describe rows the same way.
SERIALIZE = r'''
import base64, datetime, decimal, json, uuid

from django.core import serializers


def plain(value):
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (uuid.UUID, decimal.Decimal)):
        return str(value)
    if isinstance(value, (bytes, memoryview)):
        return base64.b64encode(bytes(value)).decode()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def rows_of(model):
    """{pk: fields} for every row; many-to-many links are rows of their own table."""
    rows = {}
    for record in serializers.serialize("python", model._base_manager.order_by("pk")):
        fields = {
            name: plain(value)
            for name, value in record["fields"].items()
            if not model._meta.get_field(name).many_to_many
        }
        rows[str(plain(record["pk"]))] = fields
    return rows
'''

SEED = r"""
import json, uuid
from datetime import time, timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django.utils import timezone

from mendwell.accounts.services import profile_update
from mendwell.affection import services as affection
from mendwell.checkins.models import CheckIn, WeekNoteKind
from mendwell.checkins.services import checkin_save, week_notes_save
from mendwell.conversations.guided import services as talk
from mendwell.conversations.guided.selectors import view_of
from mendwell.conversations.questions import QUESTIONS
from mendwell.conversations.selectors import daily_question_for
from mendwell.conversations.services import answer_submit, question_mark_set
from mendwell.counsel import services as counsel
from mendwell.couples.services import invite_accept, invite_create
from mendwell.dates.services import feed_create, plan_create, reflection_save
from mendwell.exports.services import export_request
from mendwell.jar import services as jar
from mendwell.journal.acknowledgements import services as ack
from mendwell.journal.models import LogEntry
from mendwell.journal.services import log_entry_create
from mendwell.loved import services as loved
from mendwell.loved.models import RATING_FIELDS
from mendwell.notify.services import channels_set
from mendwell.nudges.services import nudge_send
from mendwell.progress.services import baseline_skip, pulse_save, sharing_set
from mendwell.promises.services import occurrence_mark, promise_create, promise_withdraw
from mendwell.push.services import subscribe
from mendwell.core.zones import local_today
from mendwell.reminders.services import deliver, reminder_set
from mendwell.report.services import report_link_create
from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import safety_check_submit
from mendwell.security.tokens import token_create
from mendwell.staff.models import AuditAction
from mendwell.staff.services import audit_record
from mendwell.story.services import victory_create
from mendwell.today.services import mark_set

PASSWORD = __PASSWORD__
User = get_user_model()
people = {}
for key, email, name, zone in (
    ("alex", "alex@example.com", "Alex Moreno", "Europe/London"),
    ("sam", "sam@example.com", "Sam Okafor", "Europe/London"),
    ("robin", "robin@example.com", "Robin Lindqvist", "America/New_York"),
    ("dana", "dana@example.com", "Dana Whitfield (counsellor)", "Europe/Dublin"),
    ("ops", "ops@example.com", "Operator", "UTC"),
):
    user = User.objects.create_user(email, PASSWORD, display_name=name, time_zone=zone)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    people[key] = user
alex, sam, robin, dana, ops = (people[k] for k in ("alex", "sam", "robin", "dana", "ops"))
User.objects.filter(pk=ops.pk).update(is_staff=True, is_superuser=True)
today = timezone.localdate()
monday = today - timedelta(days=today.weekday())

# Couples: Alex and Sam linked; Robin alone with a code she has not given anyone yet.
invite_accept(user=sam, code=invite_create(user=alex).code)
invite_create(user=robin)
profile_update(user=alex, display_name="Alex Moreno", time_zone="Europe/London",
               locale="en", discreet_mode=True, coach_enabled=True)
for person in (alex, sam):
    safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))

# Step 1: the private log, and an acknowledgement sent, answered, and its answer changed.
entries = []
for author, day, text, impact in (
    (alex, 12, "I answered work messages all through Sam's birthday dinner.",
     "Sam felt work mattered more than the evening we planned."),
    (alex, 5, "I snapped about the dishes when Sam asked about the weekend.",
     "Sam stopped telling me plans."),
    (sam, 3, "I said 'fine' and went quiet for the whole evening.",
     "Alex had no idea what was wrong."),
    (robin, 1, "I cancelled on my sister again.", "She stopped asking."),
):
    entries.append(log_entry_create(
        user=author, entry_id=uuid.uuid4(), happened_on=today - timedelta(days=day),
        rough_period="", what_happened=text, impact=impact,
        differently="Say what I feel, early, in one sentence.", tags=["attention"]))
log_entry_create(user=sam, entry_id=uuid.uuid4(), happened_on=None,
                 rough_period="Most of last winter", what_happened="I stopped asking about Alex's days.",
                 impact="", differently="", tags=[])
thread = ack.acknowledgement_create(
    user=alex, thread_id=uuid.uuid4(),
    own_it="On your birthday I chose my phone over you, all evening.",
    impact="You had planned that dinner and I left you alone with it.",
    change="On evenings we plan, my phone stays on the hall table.",
    entries=entries[:1])
sent = ack.acknowledgement_send(thread=thread)
answer = ack.acknowledgement_respond(user=sam, thread=thread, sent=sent, kind="not_yet",
                                     missing="That you saw how long I had waited.")
ack.acknowledgement_answer_change(user=sam, answer=answer, kind="heard", missing="")
ack.acknowledgement_create(user=sam, thread_id=uuid.uuid4(), own_it="A draft I have not sent.",
                           impact="", change="", entries=[])

# Step 2: the question of the day, a marked question, and a guided conversation.
daily = daily_question_for(alex)
answer_submit(user=alex, daily=daily, text="Our walk by the river in May.")
answer_submit(user=sam, daily=daily, text="The morning you brought coffee to the garden.")
question_mark_set(user=alex, question_id=QUESTIONS[0].id, favourite=True)
conversation = talk.conversation_start(user=alex, conversation_id=uuid.uuid4(),
                                       speaker_listener=True, one_device=False, turn_minutes=5)
talk.rules_agree(view=view_of(alex, conversation), people=[alex])
talk.rules_agree(view=view_of(sam, conversation), people=[sam])
talk.topic_set(view=view_of(alex, conversation), topic="How we plan weekends", first_speaker=alex)
talk.turn_add(view=view_of(alex, conversation), writer=alex, seq=1,
              text="I feel left out when plans are made without me.")
talk.turn_add(view=view_of(sam, conversation), writer=sam, seq=2,
              text="You feel left out when I plan without you.")
talk.conversation_end(view=view_of(alex, conversation))

# Steps 3 and 4: what each finds loving, check-ins, the look back, nudges, the jar.
loved.ratings_save(user=alex, snapshot_id=uuid.uuid4(), ratings=dict.fromkeys(RATING_FIELDS, 4))
loved.list_share_set(user=alex, shared=True)
loved.item_add(user=alex, item_id=uuid.uuid4(), text="Tea brought to me in bed", this_week=True)
loved.item_add(user=alex, item_id=uuid.uuid4(), text="A note in my coat pocket")
loved.item_add(user=sam, item_id=uuid.uuid4(), text="Being asked about my day, and listened to")
for n, person in enumerate((alex, sam, alex, sam)):
    checkin_save(user=person, day=today - timedelta(days=n // 2), mood=3 + n % 2, closeness=4,
                 note=f"Check-in {n}: calmer than yesterday.", share=n % 2 == 0)
for person in (alex, sam):
    week_notes_save(user=person, week_of=monday,
                    texts={WeekNoteKind.WENT_WELL: f"{person.email}: we laughed at dinner.",
                           WeekNoteKind.TRY_NEXT: "Plan Saturday together."},
                    shares={WeekNoteKind.WENT_WELL: True})
channels_set(user=alex, email=True, push=True)
subscribe(user=alex, endpoint="https://push.example.net/send/fixture-alex",
          p256dh="BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
          auth="tBHItJI5svbpez7KI4CCXg")
nudge_send(user=alex, nudge_id=uuid.uuid4(), note="Thinking of you before your big meeting.")
nudge_send(user=sam, nudge_id=uuid.uuid4(), note="")
for person in (alex, sam):
    for n in range(5):
        jar.act_add(user=person, text=f"{person.email.split('@')[0]}: act of kindness {n}")
jar.draw_day_set(user=alex, weekday=today.weekday())
jar.draw(user=alex, day=today, choose=lambda acts: acts[0])

# Steps 5 to 8: a date and its reflection, promises, affection, pulses, victories.
plan = plan_create(user=alex, starts_on=today - timedelta(days=1), start_time=time(19),
                   time_zone="Europe/London", duration_minutes=120, repeat="none",
                   repeat_until=None, note="The Thai place on Mill Road, then a walk.")
reflection_save(user=alex, plan=plan, day=plan.starts_on, connected=4,
                repeat_text="Walking home the long way.", share=True)
reflection_save(user=sam, plan=plan, day=plan.starts_on, connected=5,
                repeat_text="", share=False)
feed_create(user=alex)
daily_promise = promise_create(user=alex, promise_id=uuid.uuid4(), text="I will call you at lunch.",
                               due_on=today - timedelta(days=2), due_time=time(12),
                               recurrence="daily", count=3, until=None)
occurrence_mark(user=sam, promise=daily_promise, seq=1, mark="kept", kind_word="That made my day.")
promise_withdraw(
    promise=promise_create(user=sam, promise_id=uuid.uuid4(), text="I will fix the shelf.",
                           due_on=today, due_time=None, recurrence="none", count=None, until=None),
    note="We are buying a new one instead.")
for person in (alex, sam):
    profile = affection.affection_opt_in(user=person)
    affection.comfort_set(profile=profile, open_kinds=["hold_hands", "hug"])
affection.challenge_start(user=alex, today=today)
affection.note_create(user=sam, note_id=uuid.uuid4(), text="That long hug at the station.", share=True)
for person in (alex, sam):
    answers = {"closeness": 7, "trust": 8, "heard": 6, "warmth": 7, "satisfaction": 7}
    pulse_save(user=person, kind="baseline", answers=answers)
    pulse_save(user=person, kind="weekly", answers=answers)
sharing_set(user=alex, item_ids=["closeness", "warmth"])
baseline_skip(user=robin)
victory_create(user=alex, victory_id=uuid.uuid4(), text="We planned a whole weekend without a row.",
               happened_on=today, step=5)
victory_create(user=robin, victory_id=uuid.uuid4(), text="I called my sister back.",
               happened_on=today, step=None)

# Around the steps: Today's marks, reminders, a report link, an export under way,
# an app token, a counsellor with a grant and a note, a second step for Robin, and
# an operator's look at Robin's account.
mark_set(user=alex, day=today, key="checkin", state="done")
mark_set(user=sam, day=today, key="nudge", state="not_today")
reminder_set(user=alex, kind="daily_plan", enabled=True, at=time(8))
delivered = deliver(user_id=alex.pk, kind="daily_plan", local_date=local_today(alex))
assert delivered == "delivered", delivered
reminder_set(user=sam, kind="weekly", enabled=True, at=time(18), weekday=6)
report_link_create(user=alex, choices={"months": 3, "measures": ["closeness"]})
export_request(user=sam, include_shared=True)
_row, app_token = token_create(user=alex, name="Alex's phone")
link = counsel.invite_accept(user=dana, token=counsel.invite_create(client=alex).token)
granted = CheckIn.objects.filter(author=alex, visibility="shared").order_by("day").first()
counsel.grant_create(client=alex, link=link, categories=["promises.promise"],
                     item_ids=[granted.pk], until=today + timedelta(days=30))
counsel.view_record(link=link, category="checkins.checkin", item_id=granted.pk)
counsel.note_add(counsellor=dana, link=link, note_id=uuid.uuid4(),
                 text="Try the speaker-listener exercise twice this week.", suggested_step=2)
totp_secret = generate_totp_secret()
TOTP.activate(robin, totp_secret)
RecoveryCodes.activate(robin)
audit_record(actor=ops, subject=robin, action=AuditAction.VIEWED)
# Sam signed in with a browser: a session, its entry on the devices page, a known device.
# (Plain static names: this data directory never ran collectstatic.)
plain_static = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
with override_settings(STORAGES=plain_static):
    browser = Client(HTTP_HOST="127.0.0.1", HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0")
    signed_in = browser.post("/accounts/login/", {"login": "sam@example.com", "password": PASSWORD})
    assert signed_in.status_code == 302, signed_in.content.decode()[:3000]
    assert browser.get("/").status_code == 200

print(json.dumps({
    "made_at": timezone.now().isoformat(),
    "totp_secret": totp_secret,
    "app_token": app_token,
    "sample_entry": {"id": str(entries[0].pk), "what_happened": entries[0].what_happened},
}))
"""

DUMP = (
    SERIALIZE
    + r"""
from django.apps import apps
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.models import TextField
from django.db.models.functions import Cast

from mendwell.core.fields import EncryptedTextField

SKIPPED = __SKIPPED__
graph = MigrationLoader(connection, ignore_no_migrations=True).graph
records, plaintext, counts = [], {}, {}
for model in apps.get_models(include_auto_created=True):
    label = model._meta.label_lower
    if label in SKIPPED or model._meta.proxy or not model._meta.managed:
        continue
    rows = rows_of(model)
    counts[label] = len(rows)
    encrypted = [f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
    stored = {}
    if encrypted and rows:
        # What is on disk: the column read as plain text, so the field never
        # decrypts it (its from_db_value is not applied to a Cast).
        raw = {f"stored_{f.name}": Cast(f.name, output_field=TextField()) for f in encrypted}
        for key, *values in model._base_manager.annotate(**raw).values_list("pk", *raw):
            stored[str(plain(key))] = dict(zip((f.name for f in encrypted), values))
        plaintext[label] = {
            key: {f.name: fields[f.name] for f in encrypted} for key, fields in rows.items()
        }
    for key, fields in rows.items():
        records.append({
            "model": label,
            "pk": plain(model._meta.pk.to_python(key)),
            "fields": {**fields, **stored.get(key, {})},
        })

print(json.dumps({
    "nodes": sorted(graph.leaf_nodes()),
    "records": records,
    "plaintext": plaintext,
    "counts": counts,
}))
"""
)


def git(*args: str) -> str:
    done = subprocess.run(  # noqa: S603
        ["git", "-C", str(ROOT), *args],  # noqa: S607 (git from PATH, as a developer runs it)
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def manage_in(tree: Path, instance: Instance, *args: str) -> str:
    """``manage.py`` of ``tree`` (the old release) with this instance's settings."""
    done = subprocess.run(  # noqa: S603 (our own manage.py, in a checkout of our repo)
        [str(VENV_PYTHON), "manage.py", *args],
        cwd=tree,
        env=instance.env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"manage.py {args[0]} in {tree} failed:\n{done.stderr[-4000:]}")
    return done.stdout


def last_json_line(output: str) -> dict:
    return json.loads(output.strip().splitlines()[-1])


def make(commit: str, out: Path) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="mendwell-previous-release-"))
    tree = scratch / "tree"
    git("worktree", "add", "--detach", str(tree), commit)
    try:
        (tree / ".venv").symlink_to(ROOT / ".venv")
        resolved = git("-C", str(tree), "rev-parse", "HEAD")
        instance = Instance(scratch / "data")
        manage_in(tree, instance, "migrate", "--no-input", "-v", "0")
        manage_in(tree, instance, "createcachetable")
        seed = SEED.replace("__PASSWORD__", repr(PASSWORD))
        seeded = last_json_line(manage_in(tree, instance, "shell", "--no-imports", "-c", seed))
        dump = DUMP.replace("__SKIPPED__", repr(set(SKIPPED_MODELS)))
        dumped = last_json_line(manage_in(tree, instance, "shell", "--no-imports", "-c", dump))
        write(out, instance, commit=resolved, seeded=seeded, dumped=dumped)
    finally:
        git("worktree", "remove", "--force", str(tree))
        shutil.rmtree(scratch, ignore_errors=True)


def write(out: Path, instance: Instance, *, commit: str, seeded: dict, dumped: dict) -> None:
    if out.exists():
        shutil.rmtree(out)
    (out / "keyring").mkdir(parents=True)
    shutil.copy(instance.data_dir / "secrets.env", out / "secrets.env")
    # Wrapped keys and any tombstones; not a writer's half-made ".*.tmp" file.
    for key_file in sorted((instance.data_dir / "keyring").glob("[!.]*")):
        shutil.copy(key_file, out / "keyring" / key_file.name)
    nodes = dumped["nodes"]
    (out / "migrations.json").write_text(
        json.dumps({"commit": commit, "nodes": nodes}, indent=1) + "\n", encoding="utf-8"
    )
    (out / "data.json").write_text(
        json.dumps(dumped["records"], indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    expected = {
        "commit": commit,
        "made_at": seeded["made_at"],
        "password": PASSWORD,
        "people": {key: f"{key}@example.com" for key in ("alex", "sam", "robin", "dana", "ops")},
        "couple": ["alex@example.com", "sam@example.com"],
        "totp_secret": seeded["totp_secret"],
        "app_token": seeded["app_token"],
        "sample_entry": seeded["sample_entry"],
        "counts": dumped["counts"],
        "plaintext": dumped["plaintext"],
    }
    (out / "expected.json").write_text(
        json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    rows = sum(dumped["counts"].values())
    print(f"wrote {out}: {rows} rows in {len(dumped['counts'])} models")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commit", default=DEFAULT_COMMIT, help="the previous release")
    parser.add_argument("--out", type=Path, default=FIXTURE, help="where the fixture goes")
    options = parser.parse_args()
    make(options.commit, options.out.resolve())


if __name__ == "__main__":
    main()
