"""Schema upgrades at start-up: compare revisions cheaply, back up, then run Alembic."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from frontera_desk.db.engine import Database, connect_file, known_errors
from frontera_desk.db.migrations import HEAD
from frontera_desk.db.search import FTS_TABLE
from frontera_desk.domain.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

logger = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def include_object(obj: object, name: str | None, type_: str, *_: object) -> bool:
    """Alembic's filter: the search table and its FTS5 shadow tables are not ORM models."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLE))


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(db: Database) -> str | None:
    with known_errors(), db.engine.connect() as conn:  # the first read of a damaged file
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup_sqlite_file(source: Path, target: Path, key: bytes | None = None) -> Path:
    """A consistent copy through SQLite's online backup API (never a file copy).

    An encrypted database is copied encrypted, under the same key.
    """
    from frontera_desk.db import private_file

    target.parent.mkdir(parents=True, exist_ok=True)
    private_file(target)
    src, dst = connect_file(source, key), connect_file(target, key)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def upgrade(db: Database, backup_dir: Path | None = None) -> Path | None:
    """Bring the schema to HEAD. Returns the backup taken first, if any.

    A database newer than this application is refused; a failed upgrade rolls back whole.
    """
    current = current_revision(db)
    if current == HEAD:
        return None
    if current is not None and current not in known_revisions():
        raise DatabaseError(
            "La base de datos fue creada por una versión más nueva de Frontera Desk "
            f"(revisión {current}). Actualice la aplicación; no se modificó nada."
        )
    if db.read_only:
        raise DatabaseError(
            "La base de datos necesita actualizarse y la carpeta de datos es de solo lectura: "
            "ábrala donde se pueda escribir, o use la versión de Frontera Desk que la creó."
        )
    backup: Path | None = None
    database = db.engine.url.database
    if current is not None and db.is_sqlite and database and backup_dir is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = backup_sqlite_file(
            Path(database), backup_dir / f"antes-de-{HEAD}-{stamp}.db", db.key
        )
        logger.info("backup before upgrade written to %s", backup.name)
    from alembic import command

    config = alembic_config()
    try:
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    except Exception as error:
        logger.exception("schema upgrade failed")
        raise DatabaseError(
            "No se pudo actualizar la base de datos; se revirtió el intento y los datos "
            "quedaron como estaban." + (f" Respaldo previo: {backup}" if backup else "")
        ) from error
    logger.info("schema upgraded from %s to %s", current, HEAD)
    return backup
