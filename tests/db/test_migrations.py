import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from frontera_desk import paths
from frontera_desk.db import Database, open_database
from frontera_desk.db.migrate import alembic_config, current_revision, include_object
from frontera_desk.db.migrations import HEAD
from frontera_desk.db.models import Base
from frontera_desk.domain.errors import DatabaseError
from frontera_desk.services import audit, people
from tests.db.store_revision import OLD, revisions


def test_head_constant_matches_alembic():
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD


def test_upgrade_from_empty_reaches_head_with_wal_and_foreign_keys(app_paths):
    db = open_database(app_paths.database, app_paths.backup_dir)
    assert current_revision(db) == HEAD
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    db.dispose()


def test_models_and_migrations_do_not_drift(app_paths):
    db = open_database(app_paths.database, app_paths.backup_dir)
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": include_object, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []
    db.dispose()


def test_a_database_from_a_newer_version_is_refused_untouched(app_paths):
    open_database(app_paths.database, app_paths.backup_dir).dispose()
    with sqlite3.connect(app_paths.database) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = app_paths.database.read_bytes()
    with pytest.raises(DatabaseError, match="más nueva"):
        open_database(app_paths.database, app_paths.backup_dir)
    assert app_paths.database.read_bytes() == before


def test_upgrade_downgrade_roundtrip(app_paths):
    from alembic import command

    db = Database(f"sqlite:///{app_paths.database}")
    config = alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        command.downgrade(config, "base")
        command.upgrade(config, "head")
    assert current_revision(db) == HEAD
    db.dispose()


def test_every_revision_has_its_stored_database():
    stored = {p.name for p in OLD.glob("rev*-demo.db")}
    missing = [r for r in revisions() if f"rev{r}-demo.db" not in stored]
    assert missing == [], "python -m tests.db.store_revision"


@pytest.mark.parametrize("stored", sorted(OLD.glob("rev*-demo.db")), ids=lambda p: p.stem)
def test_a_database_of_each_earlier_revision_upgrades_to_head(tmp_path, stored: Path):
    app_paths = paths.resolve(tmp_path / "datos").create()
    shutil.copy(stored, app_paths.database)
    db = open_database(app_paths.database, app_paths.backup_dir)
    assert current_revision(db) == HEAD
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": include_object, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []  # the schema of a new office
    with db.read() as session:
        assert people.count_people(session) == 20
        assert audit.verify(session).ok  # the chain was built over the older entries
        assert people.search_people(session, "a")
    db.dispose()
    backups = list(app_paths.backup_dir.glob("antes-de-*.db"))
    assert len(backups) == (0 if stored.stem == f"rev{HEAD}-demo" else 1)  # before the upgrade
