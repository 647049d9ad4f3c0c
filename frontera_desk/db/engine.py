"""The one place that creates engines and sessions, and turns driver errors into user messages."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, exc, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm import exc as orm_exc

from frontera_desk.domain.errors import ConflictError, DatabaseError, FronteraError

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


def sqlite_url(path: Path, read_only: bool = False) -> str:
    """The SQLite URL of a database file. ``read_only``: a file on a read-only disk (a rescue
    from a write-protected USB stick, a folder whose permissions were removed), opened as
    immutable: SQLite then needs neither its -shm nor a lock file beside it."""
    if read_only:
        return f"sqlite:///file:{quote(str(path))}?mode=ro&immutable=1&uri=true"
    return f"sqlite:///{path}"


def is_read_only(path: Path) -> bool:
    """Whether the database file (or, before it exists, its folder) cannot be written."""
    target = path if path.exists() else path.parent
    return target.exists() and not os.access(target, os.W_OK)


def is_server_url(url: str) -> bool:
    """A PostgreSQL URL (the shared-office and headquarters server mode)."""
    return url.startswith(("postgresql:", "postgresql+"))


# PostgreSQL: every write transaction first takes this transaction-scoped advisory lock, so that
# writers queue as they do on SQLite (BEGIN IMMEDIATE). The audit chain needs it — each entry
# hashes the one before — and with it folios and balances are read and written by one desk at a
# time. Readers never wait.
WRITER_LOCK = 0x46524F4E  # "FRON"
CONNECT_TIMEOUT_S = 10


CACHE_PAGES = -8000  # 8 MB of decrypted pages per connection (SQLite keeps 2 MB by default)
WINDOW_HEAP = 16 * 1024 * 1024  # SQLite's memory in the window's process, every connection's


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


def connect_file(path: Path, key: bytes | None = None, read_only: bool = False) -> Any:
    """A plain DB-API connection to a database file: SQLCipher with the raw key, or SQLite."""
    name = sqlite_url(path, read_only).removeprefix("sqlite:///").removesuffix("&uri=true")
    if key is None:
        return sqlite3.connect(name, uri=read_only)
    from sqlcipher3 import dbapi2 as sqlcipher

    conn = sqlcipher.connect(name, uri=read_only)
    _unlock(conn, key)
    return conn


def key_opens(path: Path, key: bytes) -> bool:
    """Whether ``key`` opens the SQLCipher file (a raw key: no key derivation, a page read)."""
    conn = connect_file(path, key, is_read_only(path))
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        return True
    except Exception as error:  # sqlcipher3's DatabaseError: "file is not a database"
        if "not a database" in str(error):
            return False
        raise
    finally:
        conn.close()


def make_engine(url: str, key: bytes | None = None) -> Engine:
    """Create the engine for ``url`` with the dialect's settings (SQLite pragmas, WAL…).

    With ``key`` the SQLite file is opened through SQLCipher, the raw key set before anything
    else is read (the pysqlcipher URL form cannot take a raw key).
    """
    if is_server_url(url):
        arguments = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "frontera-desk"}
        # pre_ping: a connection the server dropped (restart, network) is replaced, not used
        return create_engine(url, pool_pre_ping=True, connect_args=arguments)
    # The most recently used connection first: its page cache is the warm one (the first list
    # count on a connection costs 14 ms of decryption, the next 0.2 ms), and the others idle.
    if key is None:
        engine = create_engine(url, pool_use_lifo=True)
    else:
        from sqlcipher3 import dbapi2 as sqlcipher

        engine = create_engine(url, module=sqlcipher, pool_use_lifo=True)

        @event.listens_for(engine, "do_connect")
        def _connect_with_key(dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
            conn = dialect.dbapi.connect(*cargs, **cparams)
            _unlock(conn, key)
            return conn

    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


_SERVER_ERRORS = (
    (("password authentication failed", "no password supplied", "role \"", "pg_hba.conf"),
     "El servidor de base de datos rechazó el usuario o la contraseña. Revise la dirección "
     "(--database-url) y el archivo de contraseñas .pgpass; no se modificó nada."),
    (('database "',),
     "La base de datos indicada no existe en el servidor. Revise el nombre en --database-url."),
    (("server closed the connection", "terminating connection", "connection is closed",
      "connection is lost", "consuming input failed", "the connection is bad",
      "ssl syscall error", "connection already closed"),
     "Se perdió la conexión con el servidor de base de datos: el cambio no se guardó. Revise "
     "la red e intente de nuevo."),
    (("connection refused", "could not translate host name", "timeout expired",
      "no route to host", "network is unreachable", "could not connect", "connection failed",
      "connection timed out", "name or service not known"),
     "No se pudo conectar con el servidor de base de datos. Revise que esté encendido y que "
     "la red funcione; no se modificó nada."),
    (("permission denied",),
     "El usuario de la base de datos no tiene permiso para esta operación. Pida al "
     "administrador del servidor que revise los permisos."),
)  # fmt: skip


def translate_error(error: BaseException) -> FronteraError | None:
    """A user-safe error for a known database failure, or None for a bug."""
    orig = getattr(error, "orig", error)
    text = str(orig).lower()
    if type(orig).__module__.startswith("psycopg"):
        for needles, message in _SERVER_ERRORS:
            if any(needle in text for needle in needles):
                return DatabaseError(message)
        return None
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
        if "disk is full" in text or "disk i/o error" in text:  # no room for its -wal, -shm
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


@contextmanager
def known_errors() -> Iterator[None]:
    """A driver error the user can act on becomes its message; any other is a bug and goes on."""
    try:
        yield
    except exc.DBAPIError as error:
        known = translate_error(error)
        if known is None:
            raise
        logger.warning("database error: %s", type(error.orig).__name__)
        raise known from error


@contextmanager
def one_off_engine(url: str) -> Iterator[Engine]:
    """An engine for one short job on a server (the key store, ``db check``), then closed."""
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool,
                           connect_args={"connect_timeout": CONNECT_TIMEOUT_S})  # fmt: skip
    try:
        with known_errors():
            yield engine
    finally:
        engine.dispose()


WRITE = "BEGIN IMMEDIATE"


class Database:
    """An engine plus its session factory. ``read()`` and ``write()`` are units of work."""

    def __init__(self, url: str, key: bytes | None = None) -> None:
        self.url = url
        self.key = key
        # The database key the signed-in user unlocked (both modes: on a server ``key`` is
        # None), handed to every session as ``info["vault_key"]`` for the attachments' keys
        self.vault_key: bytes | None = None
        self.read_only = "immutable=1" in url  # see sqlite_url
        self.engine = make_engine(url, key)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def _session(self, begin: str) -> Iterator[Session]:
        try:
            with known_errors(), self.engine.connect() as conn:
                if self.is_sqlite:
                    conn = conn.execution_options(sqlite_begin=begin)
                with self._sessions(bind=conn) as session, session.begin():
                    session.info["vault_key"] = self.vault_key
                    if begin == WRITE and not self.is_sqlite:
                        session.execute(
                            text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITER_LOCK}
                        )
                    yield session
        except orm_exc.StaleDataError as error:  # a versioned row changed under this transaction
            raise ConflictError(
                "Otra persona guardó cambios en este registro al mismo tiempo; no se "
                "sobrescribieron. Vuelva a abrirlo e intente de nuevo."
            ) from error
        except FronteraError as error:
            if error.after_rollback is not None:
                follow_up, error.after_rollback = error.after_rollback, None
                with self.write() as session:
                    follow_up(session)
            raise

    def write(self) -> AbstractContextManager[Session]:
        """A transaction that takes the write lock at once (no deadlock when two desks write)."""
        return self._session(WRITE)

    def read(self) -> AbstractContextManager[Session]:
        return self._session("BEGIN")

    def limit_memory(self, limit: int = WINDOW_HEAP) -> None:
        """SQLite: keep the process's SQLite memory near ``limit`` bytes (its soft heap limit,
        for every connection). The window reads on its thread and on the pool's, and each
        connection filled its own cache of 8 MB: on the large office the window's peak came to
        247-250 MB of the 250 allowed; with the limit, 236-244, lists and summary as fast."""
        if self.is_sqlite:
            with self.engine.connect() as conn:
                conn.exec_driver_sql(f"PRAGMA soft_heap_limit = {int(limit)}").all()

    def rekey(self, key: bytes) -> None:
        """SQLCipher: re-encrypt the whole file under ``key`` in one transaction (``PRAGMA
        rekey``), then open every new connection with it. The pool's connections, which hold
        the old key, are closed first."""
        assert self.is_sqlite and self.key is not None
        path = Path(self.engine.url.database or "")
        self.engine.dispose()
        with known_errors():
            conn = connect_file(path, self.key)
            try:
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                conn.execute(f"PRAGMA rekey = \"x'{key.hex()}'\"").fetchall()
                # The new key for every new connection at once (the checkpoint takes a while)
                self.key = key
                self.engine = make_engine(self.url, key)
                self._sessions = sessionmaker(self.engine, expire_on_commit=False)
                try:  # the WAL back to the file now; SQLite would otherwise do it later
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
                except Exception as error:  # sqlcipher3's OperationalError (busy)
                    logger.warning("checkpoint after re-key skipped: %s", type(error).__name__)
            finally:
                conn.close()

    def dispose(self) -> None:
        self.engine.dispose()
