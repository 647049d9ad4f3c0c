"""Expected failures become clear messages, and leave the data as it was."""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import event, inspect

from frontera_desk import paths
from frontera_desk.db import engine, migrate
from frontera_desk.db.check import check_database
from frontera_desk.db.migrations import HEAD
from frontera_desk.domain.enums import Role, Sex
from frontera_desk.domain.errors import DatabaseError, FronteraError
from frontera_desk.instance import instance_lock, shared_folder_warning
from frontera_desk.services import audit, people
from frontera_desk.services.people import PersonInput

OLD = Path(__file__).parents[1] / "db" / "old"


def test_a_full_disk_leaves_the_database_intact_and_says_so(db, actors, app_paths):
    with db.write() as session:
        people.create_person(
            session, actors[Role.CAPTURISTA], PersonInput("Ana", "Cruz", sex=Sex.FEMALE)
        )
    with db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    db.engine.dispose()
    # A disk with room for two more pages, as a full USB stick or laptop disk would behave.
    event.listen(
        db.engine, "connect", lambda c, _r: c.execute(f"PRAGMA max_page_count = {pages + 2}")
    )
    with pytest.raises(DatabaseError, match="disco está lleno"), db.write() as session:
        for n in range(200):
            people.create_person(
                session,
                actors[Role.CAPTURISTA],
                PersonInput(
                    f"Persona{chr(97 + n % 26)}", "Larga", sex=Sex.FEMALE, notes="x" * 1900
                ),
                confirmed_not_duplicate=True,
            )
    db.engine.dispose()
    assert check_database(app_paths.database) == []
    with db.read() as session:
        assert people.count_people(session) == 1
        assert audit.verify(session).ok


@pytest.mark.parametrize(
    ("driver_message", "expected"),
    [
        ("database is locked", "ocupada por otro proceso"),
        ("attempt to write a readonly database", "solo lectura"),
        ("database or disk is full", "disco está lleno"),
        ("database disk image is malformed", "dañada"),
        ("file is not a database", "dañada"),
        ("unable to open database file", "No se pudo abrir"),
    ],
)
def test_driver_errors_become_spanish_messages(driver_message, expected):
    error = engine.translate_error(sqlite3.OperationalError(driver_message))
    assert isinstance(error, DatabaseError) and expected in error.message
    assert engine.translate_error(ValueError("a bug")) is None


@pytest.mark.logs_errors  # the bug is logged, as it must be
def test_a_failed_upgrade_rolls_back_completely(tmp_path, monkeypatch):
    app_paths = paths.resolve(tmp_path / "datos").create()
    shutil.copy(OLD / "rev0001-demo.db", app_paths.database)
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_broken.py").write_text(
        f'revision = "9999"\ndown_revision = "{HEAD}"\nbranch_labels = None\ndepends_on = None\n'
        "from alembic import op\nimport sqlalchemy as sa\n\n"
        "def upgrade():\n"
        '    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))\n'
        '    raise RuntimeError("the power went out")\n'
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)
    monkeypatch.setattr(migrate, "HEAD", "9999")
    db = engine.Database(engine.sqlite_url(app_paths.database))
    with pytest.raises(DatabaseError, match="se revirtió") as failure:
        migrate.upgrade(db, app_paths.backup_dir)
    assert "the power went out" in str(failure.value.__cause__)  # it failed where we broke it
    assert migrate.current_revision(db) == "0001"  # none of 0002..HEAD stayed half-applied
    with db.engine.connect() as conn:
        assert not inspect(conn).has_table("half_done")
        assert not inspect(conn).has_table("consents")
    db.dispose()
    assert check_database(app_paths.database) == []


HOLDER = (
    "import sys, time\n"
    "from frontera_desk.paths import resolve\n"
    "from frontera_desk.instance import instance_lock\n"
    "with instance_lock(resolve(sys.argv[1])):\n"
    "    print('held', flush=True)\n"
    "    time.sleep(60)\n"
)


def test_a_second_instance_is_refused_and_a_crashed_ones_lock_is_taken_over(tmp_path):
    app_paths = paths.resolve(tmp_path / "datos")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(app_paths.data_dir)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(FronteraError, match="ya está abierto"), instance_lock(app_paths):
            pass
    finally:
        os.kill(holder.pid, signal.SIGKILL)  # a crash: the lock file stays behind
        holder.communicate()
    assert (app_paths.data_dir / "frontera-desk.lock").exists()
    time.sleep(0.1)
    with instance_lock(app_paths):
        pass


def test_synced_folders_get_a_warning(tmp_path):
    synced = tmp_path / "OneDrive" / "FronteraDesk"
    synced.mkdir(parents=True)
    assert "sincronizada" in shared_folder_warning(synced)
    assert shared_folder_warning(tmp_path) is None


def test_a_delivery_on_a_full_disk_is_refused_whole(db, actors, app_paths):
    """The delivery, its folio and its audit entry are one transaction: on a full disk none of
    them stays, the folio sequence has no gap, and the message says what happened."""
    from datetime import date

    from sqlalchemy import text

    from frontera_desk.services import supports
    from frontera_desk.services.supports import SupportInput

    boss = actors[Role.SUPERVISOR]
    day = date.today()
    with db.write() as session:
        person = people.create_person(session, boss, PersonInput("Ana", "Cruz", sex=Sex.FEMALE))
        kind = supports.support_types(session)[0].id
        asked = supports.request_support(
            session, boss, SupportInput(person.id, kind, "x", 10_000, "", day, "Prueba")
        )
        supports.approve_support(session, boss, asked.id, on=day, override_reason="P")
        others = []  # the day's other deliveries, which fill the receipts' pages too
        for _ in range(60):
            other = supports.request_support(
                session, boss, SupportInput(person.id, kind, "x", 10_000, "", day, "Prueba")
            )
            supports.approve_support(session, boss, other.id, on=day, override_reason="P")
            others.append(other.id)
    with db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        entries = conn.exec_driver_sql("SELECT count(*) FROM audit_log").scalar()
    db.engine.dispose()
    event.listen(db.engine, "connect", lambda c, _r: c.execute(f"PRAGMA max_page_count = {pages}"))
    for size in (1900, 300, 40):  # the disk fills up with the day's work, to its last page…
        for n in range(400):
            try:
                with db.write() as session:
                    people.create_person(session, boss, PersonInput(
                        f"Relleno{chr(97 + n % 26)}", "Largo", sex=Sex.MALE, notes="x" * size,
                    ), confirmed_not_duplicate=True)  # fmt: skip
            except DatabaseError:
                break
    for other_id in others:
        try:
            with db.write() as session:
                supports.deliver_support(session, boss, other_id, on=day,
                                         evidence_reason="Documentos en camino")  # fmt: skip
        except DatabaseError:
            break
    with db.engine.connect() as conn:
        entries = conn.exec_driver_sql("SELECT count(*) FROM audit_log").scalar()
    with pytest.raises(DatabaseError, match="disco está lleno"), db.write() as session:
        supports.deliver_support(session, boss, asked.id, on=day,  # …then comes a delivery
                                 evidence_reason="Documentos en camino")  # fmt: skip
    db.engine.dispose()
    assert check_database(app_paths.database) == []
    with db.read() as session:
        assert supports.get_support(session, asked.id).status.value == "autorizado"
        assert session.execute(text("SELECT count(*) FROM receipts")).scalar() == 0
        assert audit.verify(session).ok and audit.verify(session).entries == entries
