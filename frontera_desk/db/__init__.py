"""Database layer: models, engine, migrations and search."""

from __future__ import annotations

from pathlib import Path

from frontera_desk.db.engine import Database, sqlite_url


def open_database(database: Path, backup_dir: Path, key: bytes | None = None) -> Database:
    """Open (creating if needed) the office database and bring its schema up to date.

    ``key`` opens it through SQLCipher; None opens plain SQLite (demo-free development only).
    """
    from frontera_desk.db import migrate

    database.parent.mkdir(parents=True, exist_ok=True)
    db = Database(sqlite_url(database), key)
    try:
        migrate.upgrade(db, backup_dir)
    except BaseException:
        db.dispose()
        raise
    return db


__all__ = ["Database", "open_database"]
