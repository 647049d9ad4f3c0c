"""Database layer: models, engine, migrations and search.

The engine (and with it SQLAlchemy) is imported on first use, not with the package: the key
file (``keyfile``) is read before it, at start-up, while the rest of the program loads.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from frontera_desk.db.engine import Database, is_server_url


def __getattr__(name: str) -> Any:  # PEP 562: ``from frontera_desk.db import Database``
    if name in ("Database", "is_server_url"):
        from frontera_desk.db import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def open_database(
    database: Path | str, backup_dir: Path | None, key: bytes | None = None
) -> Database:
    """Open (creating if needed) the office database and bring its schema up to date.

    ``database`` is the SQLite file, or a PostgreSQL URL (server mode). For SQLite, ``key``
    opens it through SQLCipher; None opens plain SQLite (development only).
    """
    from frontera_desk.db import migrate
    from frontera_desk.db.engine import Database, is_read_only, sqlite_url

    if isinstance(database, Path) and is_read_only(database):
        db = Database(sqlite_url(database, read_only=True), key)  # never upgraded: see migrate
    elif isinstance(database, Path):
        database.parent.mkdir(parents=True, exist_ok=True)
        private_file(database)
        db = Database(sqlite_url(database), key)
    else:
        db = Database(database)
    try:
        migrate.upgrade(db, backup_dir)
    except BaseException:
        db.dispose()
        raise
    return db


def private_file(path: Path) -> None:
    """A new database file is created empty and owner-only (0600) before SQLite opens it: SQLite
    then gives its -wal and -shm files the same permissions. An existing file is left alone."""
    import contextlib
    import os

    with contextlib.suppress(OSError):  # it exists, or a read-only folder: SQLite will say so
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


__all__ = ["Database", "is_server_url", "open_database", "private_file"]
