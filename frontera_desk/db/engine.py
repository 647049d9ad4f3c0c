"""The one place that creates engines and sessions, and turns driver errors into user messages."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.orm import Session, sessionmaker

from frontera_desk.domain.errors import DatabaseError, FronteraError

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


CACHE_PAGES = -32000  # 32 MB of decrypted pages (SQLite keeps 2 MB by default)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Autocommit at the driver level: SQLAlchemy's "begin" event emits BEGIN itself, so that
    # DDL (migrations) is transactional and writers can take the lock up front.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")  # a printed receipt survives a power cut
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA cache_size = {CACHE_PAGES}")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))


def _unlock(conn: Any, key: bytes) -> None:
    # SQLCipher writes its own errors to stderr; ours go through the log and the user message.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")


def connect_file(path: Path, key: bytes | None = None) -> Any:
    """A plain DB-API connection to a database file: SQLCipher with the raw key, or SQLite."""
    if key is None:
        return sqlite3.connect(str(path))
    from sqlcipher3 import dbapi2 as sqlcipher

    conn = sqlcipher.connect(str(path))
    _unlock(conn, key)
    return conn


def make_engine(url: str, key: bytes | None = None) -> Engine:
    """Create the engine for ``url`` with the dialect's settings (SQLite pragmas, WAL…).

    With ``key`` the SQLite file is opened through SQLCipher, the raw key set before anything
    else is read (the pysqlcipher URL form cannot take a raw key).
    """
    if key is None:
        engine = create_engine(url)
    else:
        from sqlcipher3 import dbapi2 as sqlcipher

        engine = create_engine(url, module=sqlcipher)

        @event.listens_for(engine, "do_connect")
        def _connect_with_key(dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
            conn = dialect.dbapi.connect(*cargs, **cparams)
            _unlock(conn, key)
            return conn

    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def translate_error(error: BaseException) -> FronteraError | None:
    """A user-safe error for a known database failure, or None for a bug."""
    orig = getattr(error, "orig", error)
    text = str(orig).lower()
    # sqlite3 and sqlcipher3 have their own exception classes with the same names.
    if type(orig).__name__ in ("OperationalError", "DatabaseError"):
        if "locked" in text or "busy" in text:
            return DatabaseError(
                "La base de datos está ocupada por otro proceso. Espere unos segundos e "
                "intente de nuevo."
            )
        if "readonly" in text or "read-only" in text:
            return DatabaseError(
                "La base de datos es de solo lectura. Revise los permisos de la carpeta de datos."
            )
        if "disk is full" in text or "database or disk is full" in text:
            return DatabaseError(
                "El disco está lleno: no se guardó el cambio. Libere espacio e intente de nuevo."
            )
        if "malformed" in text or "not a database" in text or "corrupt" in text:
            return DatabaseError(
                "La base de datos está dañada. Restaure el último respaldo (botón «Restaurar "
                "respaldo» o «frontera-desk backup restore»); «frontera-desk db check» da "
                "detalles.",
                restorable=True,
            )
        if "unable to open" in text:
            return DatabaseError(
                "No se pudo abrir la base de datos. Revise que la carpeta de datos exista y "
                "sea accesible."
            )
    return None


class Database:
    """An engine plus its session factory. ``read()`` and ``write()`` are units of work."""

    def __init__(self, url: str, key: bytes | None = None) -> None:
        self.url = url
        self.key = key
        self.engine = make_engine(url, key)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def _session(self, begin: str) -> Iterator[Session]:
        try:
            with self.engine.connect() as conn:
                if self.is_sqlite:
                    conn = conn.execution_options(sqlite_begin=begin)
                with self._sessions(bind=conn) as session, session.begin():
                    yield session
        except exc.DBAPIError as error:
            known = translate_error(error)
            if known is None:
                raise
            logger.warning("database error: %s", type(error.orig).__name__)
            raise known from error
        except FronteraError as error:
            if error.after_rollback is not None:
                follow_up, error.after_rollback = error.after_rollback, None
                with self.write() as session:
                    follow_up(session)
            raise

    def write(self) -> AbstractContextManager[Session]:
        """A transaction that takes the write lock at once (no deadlock when two desks write)."""
        return self._session("BEGIN IMMEDIATE")

    def read(self) -> AbstractContextManager[Session]:
        return self._session("BEGIN")

    def dispose(self) -> None:
        self.engine.dispose()
