"""A restore killed after each of its file moves (issue 19): the next command finishes it or
rolls it back, says which in one line, and the office opens with the data of before or of
after — never neither, and the folder never looks "not set up"."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from frontera_desk import paths
from frontera_desk.services import auth, backup

PASSWORD = "clave-segura-1"
ADMIN = {"FRONTERA_DESK_USER": "admin", "FRONTERA_DESK_PASSWORD": PASSWORD}
# The CLI's restore, stopped dead (no clean-up, like a power cut) right after move N.
CRASHING = """
import os, sys
from frontera_desk.services import backup
step = int(sys.argv[1])
backup._AFTER_MOVE = lambda n: os._exit(9) if n == step else None
from frontera_desk import cli
sys.exit(cli.main(sys.argv[2:]))
"""


def cli(*args, env=None):
    base = {k: v for k, v in os.environ.items() if not k.startswith("FRONTERA_DESK_")}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL,
        env={**base, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(Path.cwd()), **ADMIN},
    )  # fmt: skip


@pytest.fixture
def office(tmp_path, cheap_kdf):
    """An office with a file attached, backed up; then a user added after the backup."""
    app_paths = paths.resolve(tmp_path / "oficina")
    signed = auth.setup(app_paths, "TAP", "Oficina", "admin", "Ana", PASSWORD).signed_in
    app_paths.attachments.mkdir()
    (app_paths.attachments / ("a" * 32 + ".pdf")).write_bytes(b"%PDF convenio")
    made = backup.create_backup(app_paths, signed.db, tmp_path / "usb")
    with signed.db.write() as session:
        auth.add_user(session, signed.actor, signed.vault, "nuevo", "Nuevo", "capturista",
                      PASSWORD)  # fmt: skip
    signed.db.dispose()
    return app_paths, made.path


def test_a_restore_killed_after_each_move_is_finished_or_rolled_back(office, tmp_path):
    original, made = office
    outcomes = []
    for step in range(1, 20):
        work = paths.resolve(tmp_path / f"paso-{step}")
        shutil.copytree(original.data_dir, work.data_dir)
        killed = cli("-c", CRASHING, str(step), "backup", "restore", str(made), "--yes",
                     "--data-dir", str(work.data_dir))  # fmt: skip
        if killed.returncode == 0:  # the restore made fewer moves than this: all were tried
            break
        assert killed.returncode == 9, killed.stderr
        assert work.restore_journal.exists()
        assert auth.is_set_up(work), f"after move {step} the folder looks not set up"
        listed = cli("-m", "frontera_desk", "user", "list", "--data-dir", str(work.data_dir))
        assert listed.returncode == 0, listed.stderr
        line = listed.stderr.strip()
        assert "\n" not in line and "restauración que se interrumpió" in line
        rolled_back = "Se deshizo" in line
        assert rolled_back or "Se terminó" in line
        # the data of before (the user added after the backup) or of after, whole
        assert ("nuevo" in listed.stdout) == rolled_back
        assert (work.attachments / ("a" * 32 + ".pdf")).read_bytes() == b"%PDF convenio"
        assert not work.restore_journal.exists() and backup.leftovers(work) == []
        outcomes.append("deshecha" if rolled_back else "terminada")
        again = cli("-m", "frontera_desk", "user", "list", "--data-dir", str(work.data_dir))
        assert again.returncode == 0 and again.stderr == ""  # said once
    # old database, attachments and checkpoints aside; new database, attachments, checkpoints,
    # then the key file in: every move but the last is undone, the last one finishes
    assert outcomes == ["deshecha"] * 6 + ["terminada"]
