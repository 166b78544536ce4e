"""docs/DEPLOY.md, the files in deploy/ and the Procfile say the same thing, and
every command on the page is one CI runs.

CI runs the page's shell blocks in ``scripts/scaleout_check.py`` (called from
``.ci/run``), which reads them from the page; these tests make sure none can
escape it (every block is named and run, every line is a command the check can
carry out, every ``manage.py`` line parses with that command's own options),
that each systemd unit starts exactly its Procfile line, that the backup timer
runs the page's backup command, and that the example settings name only
settings Mendwell reads.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class

from scripts import scaleout_check as check

ROOT = Path(__file__).resolve().parent.parent
SERVICES = sorted(check.DEPLOY_DIR.glob("mendwell-*.service"))
UNIT_FILES = SERVICES + sorted(check.DEPLOY_DIR.glob("mendwell-*.timer"))
MANAGE = ".venv/bin/python manage.py"


def all_lines() -> list[str]:
    return [line for lines in check.doc_blocks().values() for line in lines]


def test_every_shell_block_on_the_page_is_run_by_the_scale_out_check():
    assert set(check.doc_blocks()) == set(check.BLOCKS_RUN)


def test_a_shell_block_without_a_name_cannot_hide_from_the_check():
    for text in ("```sh\nls\n```\n", "```bash\nls\n```\n", "```\nls\n```\n"):
        with pytest.raises(check.CheckFailed):
            check.doc_blocks(text)
    assert check.doc_blocks("```ini\nA=b\n```\n") == {}


def test_ci_runs_the_scale_out_check():
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^\.venv/bin/python scripts/scaleout_check\.py --admin-url ", ci, re.M)


def test_every_line_is_a_command_the_check_carries_out():
    for line in all_lines():
        words = shlex.split(line)
        if words[0] == "systemctl":
            verb, units = words[1], [word for word in words[2:] if not word.startswith("--")]
            assert verb in {"daemon-reload", "enable", "start", "stop"}, line
            assert verb != "enable" or "--now" in words, line
            assert set(units) <= {*check.UNITS, check.BACKUP_TIMER}, line
        else:
            assert line.startswith((MANAGE + " ", "git pull ")) or line in {
                "uv sync --locked",
                "python3 dev.py keys",
            }, line


@pytest.mark.parametrize("line", [line for line in all_lines() if line.startswith(MANAGE)])
def test_each_manage_py_line_names_a_real_command_with_real_options(line):
    name, *args = shlex.split(line.removeprefix(MANAGE + " "))
    app = get_commands()[name]
    command = load_command_class(app, name)
    # The command's own parser: a renamed or misspelt option fails here.
    command.create_parser("manage.py", name).parse_args(args)


@pytest.mark.parametrize("unit", list(check.UNITS))
def test_each_unit_starts_exactly_its_procfile_line(unit):
    procfile = shlex.split(check.procfile_commands()[check.UNITS[unit]])
    assert check.exec_words(check.DEPLOY_DIR / f"{unit}.service") == procfile
    assert check.unit_mismatches() == []


def test_a_stray_percent_in_exec_start_is_refused(tmp_path):
    unit = tmp_path / "x.service"
    unit.write_text("[Service]\nWorkingDirectory=/srv/mendwell\nExecStart=/srv/mendwell/x %(t)s\n")
    with pytest.raises(check.CheckFailed):
        check.exec_words(unit)


@pytest.mark.parametrize("path", SERVICES, ids=lambda path: path.name)
def test_each_service_runs_as_mendwell_in_the_app_with_the_settings_file(path):
    values = check.unit_values(path)
    assert values["User"] == ["mendwell"]
    assert values["WorkingDirectory"] == [check.APP_DIR]
    assert values["EnvironmentFile"] == [check.ENV_FILE]


def test_the_backup_timer_runs_the_pages_backup_command_every_night():
    command = check.backup_service_command()
    assert command == f"{MANAGE} backup --to {check.BACKUP_DIR} --keep 14"
    assert command in check.doc_blocks()["backup"]
    timer = check.unit_values(check.DEPLOY_DIR / "mendwell-backup.timer")
    assert timer["OnCalendar"] == ["*-*-* 03:15:00"]
    assert timer["Persistent"] == ["true"]
    assert check.unit_values(check.DEPLOY_DIR / "mendwell-backup.service")["Type"] == ["oneshot"]


def test_systemd_finds_nothing_wrong_with_the_unit_files(tmp_path):
    """``systemd-analyze verify`` on copies that point at this checkout (so the
    programs exist): it must print nothing (unknown keys, bad values…)."""
    analyze = shutil.which("systemd-analyze")
    assert analyze, "systemd-analyze (Debian's systemd package) is needed to check the units"
    copies = []
    for path in UNIT_FILES:
        copy = tmp_path / path.name
        copy.write_text(path.read_text().replace(check.APP_DIR, str(ROOT)))
        copies.append(str(copy))
    done = subprocess.run(  # noqa: S603
        [analyze, "verify", "--man=no", *copies], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and done.stdout + done.stderr == "", done.stderr


def example_settings() -> dict[str, str]:
    values = {}
    for raw in (check.DEPLOY_DIR / "mendwell.env.example").read_text().splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key] = value
    return values


def test_the_example_settings_are_all_settings_mendwell_reads():
    read = (ROOT / "config" / "settings.py").read_text()
    for name in example_settings():
        if name in {"MENDWELL_ENV", "MENDWELL_DATA_DIR"}:
            assert f'os.environ.get("{name}"' in read, name
        elif name == "MENDWELL_BIND":  # the Procfile's web line binds to it
            assert f"${name}" in check.procfile_commands()["web"]
        else:
            assert re.search(rf'env\.\w+\(\s*"{name}"', read), name


def test_the_example_settings_read_the_same_in_bash_and_in_systemd():
    """The page sources the file in bash; systemd strips one pair of quotes."""
    done = subprocess.run(
        ["bash", "-c", f"set -a; . {check.DEPLOY_DIR / 'mendwell.env.example'}; set +a; env -0"],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=30,
        env={"PATH": "/usr/bin:/bin"},
        check=True,
    )
    in_bash = dict(item.split("=", 1) for item in done.stdout.split("\0") if "=" in item)
    for name, value in example_settings().items():
        assert in_bash[name] == value.strip('"'), name


def test_the_proxy_example_forwards_to_the_web_server_it_is_told_to_trust():
    settings_ = example_settings()
    assert settings_["MENDWELL_BEHIND_PROXY"] == "true"
    caddyfile = (check.DEPLOY_DIR / "Caddyfile").read_text()
    assert f"reverse_proxy {settings_['MENDWELL_BIND']}" in caddyfile


def test_the_page_names_every_file_in_deploy():
    page = check.DEPLOY_DOC.read_text()
    for path in check.DEPLOY_DIR.iterdir():
        assert path.name in page or path.stem in page, path
