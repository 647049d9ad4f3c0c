"""Database layer: models, engine, migrations and search."""

from __future__ import annotations

from pathlib import Path

from frontera_desk.db.engine import Database, is_server_url, sqlite_url


def open_database(
    database: Path | str, backup_dir: Path | None, key: bytes | None = None
) -> Database:
    """Open (creating if needed) the office database and bring its schema up to date.

    ``database`` is the SQLite file, or a PostgreSQL URL (server mode). For SQLite, ``key``
    opens it through SQLCipher; None opens plain SQLite (development only).
    """
    from frontera_desk.db import migrate

    if isinstance(database, Path):
        database.parent.mkdir(parents=True, exist_ok=True)
        db = Database(sqlite_url(database), key)
    else:
        db = Database(database)
    try:
        migrate.upgrade(db, backup_dir)
    except BaseException:
        db.dispose()
        raise
    return db


__all__ = ["Database", "is_server_url", "open_database"]
