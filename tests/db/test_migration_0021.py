"""0021: an office set up before it keeps printing the place its receipts always said."""

from alembic import command
from sqlalchemy import text

from frontera_desk.db import Database
from frontera_desk.db.migrate import alembic_config


def upgrade(db, revision):
    config = alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def place(db):
    with db.engine.connect() as conn:
        return conn.execute(
            text("SELECT value FROM office_settings WHERE key = 'receipt_place'")
        ).scalar()


def test_an_existing_office_keeps_its_place_and_a_new_one_has_none(app_paths, tmp_path):
    old = Database(f"sqlite:///{app_paths.database}")
    upgrade(old, "0017")
    with old.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO office (uuid, code, name, is_hq, is_demo, created_at) "
                "VALUES ('u', 'TAP', 'Oficina', 0, 0, '2026-01-01 00:00:00')"
            )
        )
    upgrade(old, "head")
    assert place(old) == "Tapachula, Chiapas"
    old.dispose()
    empty = Database(f"sqlite:///{tmp_path / 'vacia.db'}")
    upgrade(empty, "head")
    assert place(empty) is None  # set-up asks it
    empty.dispose()
