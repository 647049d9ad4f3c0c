"""The attacker's walk-through of issue 19, run as a script against a demo office.

Each step is something an outsider or a signed-in caseworker did to a copy of a demo office
before this round: replace the office with a backup of their own, undo a supervisor's work
with an older backup, open today's database with an old key file, reset a lockout by editing
the key file, raise their own role and cut the audit log with SQL. Each step must now be
refused, or named by ``audit verify`` or at the administrator's next sign-in.
"""

import json
import os
import shutil
import subprocess
import sys
from datetime import date, timedelta

from frontera_desk.db.engine import connect_file
from frontera_desk.db.keyfile import KeyFile, user_entry

ADMIN = {"FRONTERA_DESK_USER": "admin", "FRONTERA_DESK_PASSWORD": "demo"}
BOSS = {"FRONTERA_DESK_USER": "supervisor", "FRONTERA_DESK_PASSWORD": "demo"}
CLERK = {"FRONTERA_DESK_USER": "capturista", "FRONTERA_DESK_PASSWORD": "demo"}
MALLORY = {"FRONTERA_DESK_USER": "mallory", "FRONTERA_DESK_PASSWORD": "clave-ajena-77"}


def run(*args, data_dir, env, ok=True):
    base = {k: v for k, v in os.environ.items() if not k.startswith("FRONTERA_DESK_")}
    result = subprocess.run(
        [sys.executable, "-m", "frontera_desk", *args, "--data-dir", str(data_dir)],
        capture_output=True, text=True, stdin=subprocess.DEVNULL,
        env={**base, "QT_QPA_PLATFORM": "offscreen", **env},
    )  # fmt: skip
    if ok:
        assert result.returncode == 0, result.stderr
    else:
        assert result.returncode != 0, result.stdout
        assert "Traceback" not in result.stderr and "inesperado" not in result.stderr
    return result


def test_every_step_of_the_walk_through_is_refused_or_named(tmp_path):
    office = tmp_path / "oficina"
    run("demo", "create", "--persons", "30", "--months", "3", "--seed", "5", data_dir=office,
        env=BOSS)  # fmt: skip
    people = run("people", "search", "a", "--json", data_dir=office, env=CLERK).stdout

    # 1. An outsider sets up an office of their own with the same code, backs it up and
    #    restores it over the real folder: their account is not one of this office's.
    own = tmp_path / "propia"
    run("setup", "--office", "TAP", "--name", "Otra", data_dir=own, env=MALLORY)
    fake = tmp_path / "otra.fdrespaldo"
    run("backup", "create", "-o", str(fake), data_dir=own, env=MALLORY)
    run("backup", "restore", str(fake), "--yes", data_dir=office, env=MALLORY, ok=False)
    #    Nor does the real administrator replace the office with it by mistake (same code,
    #    another office): it needs the office code typed on purpose.
    wrong = run("backup", "restore", str(fake), "--yes", data_dir=office, env=ADMIN, ok=False)
    assert "otra oficina" in wrong.stderr
    assert run("people", "search", "a", "--json", data_dir=office, env=CLERK).stdout == people

    # 2. The caseworker restores an older backup to undo a supervisor's work: only the
    #    office's administrator may restore.
    older = tmp_path / "antes.fdrespaldo"
    run("backup", "create", "-o", str(older), data_dir=office, env=ADMIN)
    refused = run("backup", "restore", str(older), "--yes", data_dir=office, env=CLERK, ok=False)
    assert refused.stderr.count("\n") == 1

    # 3. A supervisor closes last month: the office key signs a checkpoint of the chain.
    last = date.today().replace(day=1) - timedelta(days=1)
    before = last.replace(day=1) - timedelta(days=1)
    if before.year == last.year:
        run("month", "close", "--month", f"{before:%Y-%m}", data_dir=office, env=BOSS)
    run("month", "close", "--month", f"{last:%Y-%m}", data_dir=office, env=BOSS)
    assert run("audit", "verify", data_dir=office, env=ADMIN).returncode == 0

    # 4. The caseworker derives the database key with her own password (any signed-in user
    #    can) and edits the database: her role raised, the last entries of the log removed.
    key = KeyFile.load(office / "frontera.keys").unwrap(user_entry("capturista"), "demo")
    conn = connect_file(office / "frontera.db", key)
    conn.execute("UPDATE users SET role = 'administrador' WHERE username = 'capturista'")
    conn.execute("DELETE FROM audit_log WHERE id > (SELECT max(id) - 6 FROM audit_log)")
    conn.commit()
    conn.close()
    caught = run("audit", "verify", data_dir=office, env=ADMIN, ok=False).stderr
    assert "faltan registros al final" in caught
    assert "capturista" in caught and "administrador" in caught

    # 5. The supervisor disables her; she copies the key file of before back: the database
    #    was re-keyed, so her old key file (and the one in every older backup) opens nothing.
    old_keys = (office / "frontera.keys").read_bytes()
    run("user", "disable", "capturista", data_dir=office, env=ADMIN)
    current_keys = (office / "frontera.keys").read_bytes()
    (office / "frontera.keys").write_bytes(old_keys)
    locked_out = run("people", "search", "a", data_dir=office, env=CLERK, ok=False)
    assert "no abre la base de datos" in locked_out.stderr
    assert connect_file_fails(office, key)
    (office / "frontera.keys").write_bytes(current_keys)

    # 6. Five wrong passwords lock the supervisor's account; the lockout is edited out of the
    #    key file. The sign-in that follows cannot be prevented, but the administrator is told.
    for _ in range(5):
        run("people", "search", "a", data_dir=office,
            env={**BOSS, "FRONTERA_DESK_PASSWORD": "no-es-la"}, ok=False)  # fmt: skip
    run("people", "search", "a", data_dir=office, env=BOSS, ok=False)  # locked
    data = json.loads((office / "frontera.keys").read_text(encoding="utf-8"))
    data["attempts"] = []
    data["lockout"].update(locked_until={}, streak={})
    (office / "frontera.keys").write_text(json.dumps(data), encoding="utf-8")
    run("people", "search", "a", data_dir=office, env=BOSS)
    told = run("people", "search", "a", data_dir=office, env=ADMIN).stderr
    assert "aviso" in told and "archivo de llaves" in told
    shutil.rmtree(own)


def connect_file_fails(office, key) -> bool:
    """Whether the key the caseworker kept no longer opens the (re-keyed) database."""
    try:
        conn = connect_file(office / "frontera.db", key)
        conn.execute("SELECT count(*) FROM users").fetchall()
    except Exception:  # sqlcipher3's DatabaseError: file is not a database
        return True
    conn.close()
    return False
