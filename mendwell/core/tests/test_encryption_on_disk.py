"""TS62: a marker written by a person never appears in the SQLite file, its WAL,
or a backup copy; TS57: once that person deletes their account, the copy in the
backup cannot be read either (their data key is destroyed). Runs a real
instance in a subprocess on a file database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

SCRIPT = r"""
import shutil, sqlite3, sys
import django
django.setup()
from django.contrib.auth import get_user_model
from django.db import connection
from pathlib import Path

data = Path(sys.argv[1])
get_user_model().objects.create_user(
    "marker-owner@example.com", "a long enough password 1", display_name="MARKER-7d1f-secret-name"
)
db = data / "mendwell.sqlite3"
wal = Path(str(db) + "-wal")
# Copy the WAL while this connection still holds it open (it is removed on close).
shutil.copyfile(wal, data / "wal-copy")
backup = sqlite3.connect(data / "backup.sqlite3")
sqlite3.connect(db).backup(backup)
backup.close()

print("written")
"""


DELETE_SCRIPT = r"""
import sqlite3, sys
import django
django.setup()
from django.contrib.auth import get_user_model
from pathlib import Path

data = Path(sys.argv[1])
# The person deletes their account: rows gone, then the data key destroyed.
from mendwell.core import keyring
user = get_user_model().objects.get(email="marker-owner@example.com")
user.delete()
keyring.shred_user_key(user)
keyring.forget_cached_keys()
old = sqlite3.connect(data / "backup.sqlite3").execute(
    "SELECT display_name FROM accounts_user WHERE email = 'marker-owner@example.com'"
).fetchone()[0]
assert old.startswith("mw2:"), old
try:
    keyring.decrypt_text(old, context="accounts.user.display_name")
except keyring.ShreddedKeyError:
    print("backup copy unreadable")
"""


def run_instance(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "PYTEST_VERSION"}}
    env.update(
        {
            "MENDWELL_ENV": "development",
            "MENDWELL_DATA_DIR": str(data_dir),
            "PYTHONPATH": str(settings.BASE_DIR),
        }
    )
    return subprocess.run(
        [sys.executable, *args], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )


def test_marker_is_absent_from_database_wal_and_backup(tmp_path):
    secrets = tmp_path / "secrets.env"
    from cryptography.fernet import Fernet

    secrets.write_text(
        f"SECRET_KEY={'s' * 10}{Fernet.generate_key().decode()}\n"
        f"FIELD_ENCRYPTION_KEYS={Fernet.generate_key().decode()}\n"
    )
    migrated = run_instance(tmp_path, "manage.py", "migrate", "-v", "0")
    assert migrated.returncode == 0, migrated.stderr
    env_script = tmp_path / "write_marker.py"
    env_script.write_text(
        "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings')\n" + SCRIPT
    )
    written = run_instance(tmp_path, str(env_script), str(tmp_path))
    assert written.returncode == 0, written.stderr

    files = {
        "database": tmp_path / "mendwell.sqlite3",
        "wal": tmp_path / "wal-copy",
        "backup": tmp_path / "backup.sqlite3",
    }
    for name, path in files.items():
        content = path.read_bytes()
        # The email is stored in clear, so finding it proves the search can see the row.
        assert b"marker-owner@example.com" in content, f"{name} does not hold the new row"
        assert b"MARKER-7d1f" not in content, f"plaintext found in the {name}"

    # The person deletes their account; the backup taken before still holds the
    # row, and now nothing can read it.
    delete_script = tmp_path / "delete_account.py"
    delete_script.write_text(
        "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings')\n"
        + DELETE_SCRIPT
    )
    deleted = run_instance(tmp_path, str(delete_script), str(tmp_path))
    assert deleted.returncode == 0, deleted.stderr
    assert "backup copy unreadable" in deleted.stdout
    assert b"MARKER-7d1f" not in (tmp_path / "mendwell.sqlite3").read_bytes()
