"""CI's scale-out check: Mendwell in docs/DEPLOY.md's scale-out shape, with
every command of that page run from the page itself.

Two hosts on this machine, A and B, each with its own data directory, web
server, worker and scheduler, share what DEPLOY.md says they share: one fresh
PostgreSQL database, one Redis (``redis-server`` on a free loopback port) as
the cache, one keyring directory and the same ``secrets.env``. It proves:

- the example API client works against A's web server and B's (a person made
  on A, whose words are sealed with a key from the shared keyring, writes on B);
- failed sign-ins on A and B count toward one limit (the cache is Redis, and
  no database cache table exists);
- reminders due for five people are emailed exactly once between two workers
  and two schedulers;
- ``manage.py doctor`` has no FAIL; a backup, ``restore --check``, a restore
  into an empty instance on a third host (which reads the person's words) and
  an upgrade all work as the page says; the page's own command lines do it.

How the page's lines run: each in bash, in this checkout (``/srv/mendwell``),
with the host's environment file sourced as the page says (that file is
``deploy/mendwell.env.example`` plus the shared ``DATABASE_URL``,
``CACHE_URL`` and ``KEYRING_DIR``); the page's paths are replaced by this
run's. There is no systemd here, so ``systemctl`` lines act on the host's
processes instead: start runs the unit's command line (equal to the Procfile's,
which ``Instance.start`` runs; the backup timer runs its service's command
once), stop sends SIGTERM as systemd does and expects a clean exit,
``daemon-reload`` checks the unit files. ``git`` lines run in a clone of this
checkout (CI's checkout has no remote to pull from). The web servers speak
plain HTTP on loopback, where the page puts a TLS proxy in front.

    .venv/bin/python scripts/scaleout_check.py --admin-url postgres://USER:PASS@HOST:PORT/DB

The admin URL names an existing database on a PostgreSQL server whose user may
create databases (CI passes its PostgreSQL suite's). Exit status 0 means all held.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from scripts.instance import (  # noqa: E402
    VENV_PYTHON,
    Instance,
    drop_postgres_database,
    free_port,
    fresh_postgres_database,
    procfile_commands,
)

DEPLOY_DOC = ROOT / "docs" / "DEPLOY.md"
DEPLOY_DIR = ROOT / "deploy"
# The page's paths, and what stands for each here.
APP_DIR = "/srv/mendwell"
DATA_DIR = "/var/lib/mendwell"
BACKUP_DIR = "/var/backups/mendwell"
ENV_FILE = "/etc/mendwell/mendwell.env"
UNITS = {"mendwell-web": "web", "mendwell-worker": "worker", "mendwell-scheduler": "scheduler"}
BACKUP_TIMER = "mendwell-backup.timer"
PASSWORD = "scale-out check 2026 long enough"
REMINDED = 10  # people with two reminders each due now (reminders/tests/process_world.py)
# DEPLOY.md's shell blocks, each run below (tests/test_deploy_doc.py: all of them).
BLOCKS_RUN = (
    "install",
    "other-hosts",
    "start",
    "keys",
    "backup",
    "check-backup",
    "restore",
    "doctor",
    "upgrade",
)


class CheckFailed(Exception):
    """What went wrong, in words for the CI log."""


# --- Reading the page and the unit files (tests/test_deploy_doc.py uses these too) ----------


SHELL_LANGUAGES = {"sh", "bash", "shell", "console", "zsh", ""}


def doc_blocks(text: str | None = None) -> dict[str, list[str]]:
    """DEPLOY.md's shell blocks by name, as command lines.

    Every shell block must be written ```` ```sh NAME ````, so none can escape
    this check: an unnamed one, or one in ```bash or a bare fence, is an error.
    """
    text = DEPLOY_DOC.read_text() if text is None else text
    blocks: dict[str, list[str]] = {}
    for info, body in re.findall(r"^```([^\n]*)\n(.*?)^```", text, re.MULTILINE | re.DOTALL):
        words = info.split()
        if (words[0] if words else "") not in SHELL_LANGUAGES:
            continue  # a settings file (```ini) or other text, not commands
        if len(words) != 2 or words[0] != "sh" or words[1] in blocks:
            raise CheckFailed(f"a shell block must be ```sh with a name of its own: ```{info}")
        lines = body.replace("\\\n", " ").splitlines()
        blocks[words[1]] = [line.strip() for line in lines if line.strip()]
    return blocks


def unit_values(path: Path) -> dict[str, list[str]]:
    """A unit file's settings, ``key -> [values]`` (no sections: our keys are unique)."""
    values: dict[str, list[str]] = {}
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";", "[")):
            continue
        key, _, value = line.partition("=")
        values.setdefault(key.strip(), []).append(value.strip())
    return values


def exec_words(path: Path) -> list[str]:
    """The unit's ExecStart as systemd splits it (quotes, then %% → %), with the
    program made relative to WorkingDirectory so it reads as the Procfile does."""
    values = unit_values(path)
    [command] = values["ExecStart"]
    [directory] = values["WorkingDirectory"]
    if "%" in command.replace("%%", ""):
        raise CheckFailed(f"{path.name}: a systemd % specifier in ExecStart")
    words = [word.replace("%%", "%") for word in shlex.split(command)]
    words[0] = os.path.relpath(words[0], directory)
    return words


def unit_mismatches() -> list[str]:
    """Each web/worker/scheduler unit's ExecStart must be its Procfile line."""
    procfile = procfile_commands()
    problems = []
    for unit, process in UNITS.items():
        mine = exec_words(DEPLOY_DIR / f"{unit}.service")
        if mine != shlex.split(procfile[process]):
            problems.append(f"{unit}.service ExecStart differs from the Procfile's {process} line")
    return problems


def backup_service_command() -> str:
    """The backup unit's ExecStart as a shell line of the page (program relative)."""
    return shlex.join(exec_words(DEPLOY_DIR / "mendwell-backup.service"))


# --- The run ------------------------------------------------------------------------------


@dataclass
class Host:
    name: str
    directory: Path
    env_file: Path
    database_url: str
    shared_env: dict[str, str]
    units: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    _instance: Instance | None = None

    @property
    def instance(self) -> Instance:
        # Made once secrets.env is there (the page's `dev.py keys`, or a copy),
        # so the Instance never writes keys of its own.
        if self._instance is None:
            if not (self.directory / "secrets.env").exists():
                raise CheckFailed(f"host {self.name} has no secrets.env")
            self._instance = Instance(self.directory, self.database_url, extra_env=self.shared_env)
        return self._instance


class Run:
    def __init__(self, scratch: Path, database_url: str, cache_url: str) -> None:
        self.scratch = scratch
        self.database_url = database_url
        self.cache_url = cache_url
        self.keyring = scratch / "shared-keyring"
        self.backups = scratch / "backups"
        self.backups.mkdir()
        self.clone = scratch / "clone"
        self.blocks = doc_blocks()
        self.ran: set[str] = set()
        self.hosts: list[Host] = []
        git = ["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(self.clone)]
        subprocess.run(git, check=True, timeout=120)  # noqa: S603

    # --- hosts ------------------------------------------------------------------------

    def host(self, name: str, *, database_url: str, keyring: Path) -> Host:
        directory = self.scratch / f"host-{name}"
        directory.mkdir()
        shared = {"CACHE_URL": self.cache_url, "KEYRING_DIR": str(keyring)}
        env_text = (
            (DEPLOY_DIR / "mendwell.env.example").read_text().replace(DATA_DIR, str(directory))
        )
        env_text += "".join(
            f"{key}={value}\n" for key, value in {"DATABASE_URL": database_url, **shared}.items()
        )
        env_file = self.scratch / f"host-{name}.env"
        env_file.write_text(env_text)
        made = Host(name, directory, env_file, database_url, shared)
        self.hosts.append(made)
        return made

    def substitute(self, line: str, host: Host) -> str:
        for page, here in (
            (ENV_FILE, str(host.env_file)),
            (APP_DIR, str(ROOT)),
            (BACKUP_DIR, str(self.backups)),
            (DATA_DIR, str(host.directory)),
        ):
            line = line.replace(page, here)
        return line

    def command_env(self) -> dict[str, str]:
        """What an operator's shell has before sourcing the env file: PATH, HOME…"""
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("MENDWELL_", "DJANGO_", "PYTEST", "DATABASE_URL", "CACHE_URL"))
            and key not in {"SECRET_KEY", "FIELD_ENCRYPTION_KEYS", "DEBUG", "ALLOWED_HOSTS"}
        }
        if shutil.which("uv", path=env.get("PATH")) is None:  # dev.py's private copy
            env["PATH"] = f"{ROOT / '.tools' / 'bin'}:{env.get('PATH', '')}"
        return env

    # --- the page's lines -------------------------------------------------------------

    def block(self, name: str, host: Host, *, skip: tuple[str, ...] = ()) -> list[str]:
        """Run one of the page's blocks on ``host``; return each line's output."""
        self.ran.add(name)
        outputs = []
        for line in self.blocks[name]:
            if any(part in line for part in skip):
                continue
            outputs.append(self.line(line, host))
        return outputs

    def line(self, line: str, host: Host) -> str:
        words = shlex.split(line)
        started = time.monotonic()
        output = ""
        if words[0] == "systemctl":
            self.systemctl(words[1:], host)
        elif words[0] == "git":
            output = self.shell(line, cwd=self.clone, env_file=None)
        else:
            line_here = self.substitute(line, host)
            output = self.shell(line_here, cwd=ROOT, env_file=host.env_file)
        say(f"   [{host.name}] $ {line}   ({time.monotonic() - started:.1f} s)")
        return output

    def shell(self, line: str, *, cwd: Path, env_file: Path | None) -> str:
        prelude = f"set -a; . {shlex.quote(str(env_file))}; set +a; " if env_file else ""
        done = subprocess.run(  # noqa: S603
            ["bash", "-c", f"set -euo pipefail; {prelude}{line}"],  # noqa: S607
            cwd=cwd,
            env=self.command_env(),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        output = (done.stdout + done.stderr).strip()
        if done.returncode != 0:
            raise CheckFailed(f"`{line}` exited {done.returncode}:\n{output[-4000:]}")
        return output

    def systemctl(self, words: list[str], host: Host) -> None:
        verb, units = words[0], [word for word in words[1:] if not word.startswith("--")]
        if verb == "daemon-reload":
            problems = unit_mismatches()
            if problems:
                raise CheckFailed("; ".join(problems))
        elif verb in {"start", "enable"} and (verb == "start" or "--now" in words):
            for unit in units:
                if unit == BACKUP_TIMER:  # the timer fires once: its service's command
                    self.shell(
                        self.substitute(backup_service_command(), host),
                        cwd=ROOT,
                        env_file=host.env_file,
                    )
                else:
                    host.units[unit] = host.instance.start(UNITS[unit])
        elif verb == "stop":
            for unit in units:
                process = host.units.pop(unit, None)
                if process is None:
                    continue  # stopping a stopped unit changes nothing, as in systemd
                host.instance.kill(process, signal.SIGTERM)
                if process.returncode != 0:
                    raise CheckFailed(
                        f"{unit} on host {host.name} exited {process.returncode} on SIGTERM:\n"
                        f"{host.instance.log(UNITS[unit])}"
                    )
        else:
            raise CheckFailed(f"systemctl {' '.join(words)}: not something this check can do")

    def stop_everything(self) -> None:
        for host in self.hosts:
            if host._instance is not None:
                host._instance.stop_all()


# --- What the run proves --------------------------------------------------------------------


def say(message: str) -> None:
    print(message, flush=True)


def post_json(url: str, body: dict[str, str]) -> tuple[int, str]:
    request = urllib.request.Request(  # noqa: S310 (loopback)
        url,
        data=json.dumps(body).encode(),
        # One public name for every web server, as behind a load balancer: allauth
        # keys its per-address limit by site name (the Host) and address.
        headers={
            "Content-Type": "application/json",
            "Accept": "application/json",
            "Host": "localhost",
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310
            return int(answer.status), answer.read().decode()
    except urllib.error.HTTPError as error:
        return int(error.code), error.read().decode()


def make_people(host: Host) -> None:
    host.instance.shell(
        "from allauth.account.models import EmailAddress\n"
        "from django.contrib.auth import get_user_model\n"
        "for email, name in (('pat@example.org', 'Pat'), ('lee@example.org', 'Lee')):\n"
        f"    user = get_user_model().objects.create_user(email, {PASSWORD!r}, display_name=name)\n"
        "    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)\n"
    )


def reminders_due_now(host: Host) -> None:
    # Made once both hosts run, so both schedulers and both workers race for them.
    host.instance.shell(
        f"from mendwell.reminders.tests.process_world import build; build({REMINDED})"
    )


def example_client(host: Host) -> None:
    done = subprocess.run(  # noqa: S603
        [str(VENV_PYTHON), "examples/mendwell_client.py", "--base", host.instance.base]
        + ["--email", "pat@example.org", "--password", PASSWORD],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if done.returncode != 0:
        raise CheckFailed(f"the example client against host {host.name}:\n{done.stderr}")
    say(f"   example client against host {host.name}: {done.stdout.splitlines()[0]}")


def shared_sign_in_limit(a: Host, b: Host, cache_url: str) -> None:
    """allauth allows 5 failed sign-ins per address in 5 minutes: 3 on A and 2 on B
    use them up, so the 6th, on B, is refused as too many. Per-process counters
    would still be at 2 on B."""
    path = "/_allauth/app/v1/auth/login"
    limited = "Too many failed login attempts"
    answers = [
        # A new wrong password each time: allauth counts a repeated one only once.
        post_json(
            (a, b)[n % 2].instance.base + path,
            {"email": "lee@example.org", "password": f"wrong guess number {n}"},
        )
        for n in range(6)
    ]
    refused = [limited in body for _status, body in answers]
    if refused != [False] * 5 + [True] or {status for status, _ in answers} != {400}:
        raise CheckFailed(f"failed sign-ins A/B/A/B/A/B answered {answers}")
    import redis

    stored = redis.Redis.from_url(cache_url).dbsize()
    tables = a.instance.shell(
        "from django.db import connection; print(connection.introspection.table_names())"
    )
    if stored == 0 or "mendwell_cache" in tables:
        raise CheckFailed(f"the cache is not Redis alone: {stored} keys; tables {tables}")
    say(f"   six failed sign-ins on A and B: the sixth refused as too many; {stored} Redis keys")


def reminders_once(hosts: list[Host]) -> None:
    expected = REMINDED * 2
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(reminder_emails(hosts)) < expected:
        time.sleep(0.5)
    time.sleep(3)  # time for a duplicate to show, were there one
    emails = reminder_emails(hosts)
    state = json.loads(
        hosts[0]
        .instance.shell("from mendwell.reminders.tests.process_world import report; report()")
        .strip()
        .splitlines()[-1]
    )
    once = (
        len(emails) == expected
        and all(emails.count(address) == 2 for address in set(emails))
        and state["delivery_rows"] == expected
        and set(state["deliveries"]) == {1}
        and state["tasks"] == {"SUCCESSFUL": expected}
    )
    if not once:
        raise CheckFailed(f"reminders not exactly once: {len(emails)} emails, {state}")
    # Which worker won each race is chance; only "once" is the rule.
    done_by = {
        host.name: (host.directory / "worker.log")
        .read_text(errors="replace")
        .count("deliver_reminder state=SUCCESSFUL")
        for host in hosts
    }
    say(f"   {expected} reminders emailed once each (delivered by host: {done_by})")


def reminder_emails(hosts: list[Host]) -> list[str]:
    found = []
    for host in hosts:
        for path in sorted((host.directory / "outbox").glob("*.log")):
            found += [
                line.removeprefix("To: ").strip()
                for line in path.read_text().splitlines()
                if line.startswith("To: person")
            ]
    return found


def doctor_has_no_failure(output: str) -> None:
    if "\nFAIL" in f"\n{output}" or not output.rstrip().endswith("warning(s)."):
        raise CheckFailed(f"manage.py doctor:\n{output}")
    say("   " + output.replace("\n", "\n   "))


def restored_on_a_new_host(run: Run, admin_url: str) -> None:
    """A third host with its own empty database and keyring restores the newest backup."""
    url = fresh_postgres_database(admin_url)
    try:
        c = run.host("C", database_url=url, keyring=run.scratch / "host-C-keyring")
        shutil.copy2(run.hosts[0].directory / "secrets.env", c.directory / "secrets.env")
        # No web server runs on C here, so it needs no static files.
        run.block("install", c, skip=("dev.py keys", "collectstatic"))
        run.block("restore", c)
        note = c.instance.shell(
            "from mendwell.checkins.models import CheckIn\n"
            "print(CheckIn.objects.get(author__email='pat@example.org').note)"
        ).strip()
        if note != "Written by the example client.":
            raise CheckFailed(f"host C read Pat's check-in note as {note!r}")
        say("   host C restored the backup and reads Pat's words")
    finally:
        drop_postgres_database(url)


def check(run: Run, admin_url: str) -> None:
    a = run.host("A", database_url=run.database_url, keyring=run.keyring)
    b = run.host("B", database_url=run.database_url, keyring=run.keyring)
    step("First host: install", lambda: run.block("install", a))
    shutil.copy2(a.directory / "secrets.env", b.directory / "secrets.env")
    step(
        "Other host: install (the first host's secrets.env)",
        lambda: run.block("install", b, skip=("dev.py keys",)),
    )
    step("Two people who sign in", lambda: make_people(a))
    step(
        "Start A (with a backup) and B",
        lambda: (run.block("start", a), run.block("other-hosts", b)),
    )
    step(
        "The example API client against both web servers",
        lambda: [example_client(h) for h in (a, b)],
    )
    step(
        "One sign-in limit across both web servers",
        lambda: shared_sign_in_limit(a, b, run.cache_url),
    )
    step(f"Reminders due for {REMINDED} people", lambda: reminders_due_now(a))
    step("Two schedulers, two workers: each reminder once", lambda: reminders_once([a, b]))
    step("Keys confirmed as backed up", lambda: doctor_has_no_failure(run.block("keys", a)[0]))
    step("Backup and check it", lambda: (run.block("backup", a), run.block("check-backup", a)))
    step("Restore into an empty instance", lambda: restored_on_a_new_host(run, admin_url))
    step("Doctor", lambda: doctor_has_no_failure(run.block("doctor", a)[0]))

    def upgrade() -> None:
        stop = run.blocks["upgrade"][0]
        run.line(stop, b)
        outputs = run.block("upgrade", a)
        doctor_has_no_failure(outputs[-1])
        run.block("upgrade", b, skip=("manage.py backup", "manage.py migrate"))
        for host in (a, b):
            example_client(host)

    step("Upgrade: every host stopped, one migrates, all start", upgrade)
    unrun = set(run.blocks) - run.ran
    if unrun:
        raise CheckFailed(f"DEPLOY.md blocks this check never ran: {sorted(unrun)}")


def step(title: str, action: Callable[[], object]) -> None:
    started = time.monotonic()
    say(f"==> {title}")
    action()
    say(f"    ({time.monotonic() - started:.1f} s)")


def start_redis(scratch: Path) -> tuple[subprocess.Popen[bytes], str]:
    import redis

    port = free_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1"]
    command += ["--save", "", "--appendonly", "no", "--dir", str(scratch)]
    process = subprocess.Popen(  # noqa: S603
        command,  # noqa: S607 (Debian's redis-server, from PATH)
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if redis.Redis.from_url(url).ping():
                return process, url
        except redis.ConnectionError:
            time.sleep(0.1)
    process.kill()
    raise CheckFailed("redis-server did not answer within 20 s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--admin-url", required=True)
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args()
    started = time.monotonic()
    scratch = Path(tempfile.mkdtemp(prefix="mendwell-scaleout-"))
    redis_server, cache_url = start_redis(scratch)
    database_url = fresh_postgres_database(args.admin_url)
    run = None
    try:
        run = Run(scratch, database_url, cache_url)
        check(run, args.admin_url)
    except CheckFailed as failure:
        say(f"FAILED: {failure}")
        for host in run.hosts if run else []:
            for name in ("web", "worker", "scheduler"):
                log = host._instance.log(name) if host._instance else ""
                say(f"--- host {host.name} {name} log ---\n{log}")
        return 1
    finally:
        if run:
            run.stop_everything()
        os.killpg(redis_server.pid, signal.SIGTERM)
        redis_server.wait(timeout=30)
        drop_postgres_database(database_url)
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    say(f"Scale-out check passed in {time.monotonic() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
