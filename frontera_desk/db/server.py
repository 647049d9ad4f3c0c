"""PostgreSQL's own tools for backups and checks (server mode): pg_dump, pg_restore.

The URL's password never goes on a command line (other users of the machine could read it):
it is handed to the tools in ``PGPASSWORD``; without one they use the user's ``.pgpass``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import make_url

from frontera_desk.db.engine import one_off_engine
from frontera_desk.db.migrations import HEAD
from frontera_desk.domain.errors import DatabaseError, FronteraError

# Tables a dump must hold to be an office's database (checked before any restore).
REQUIRED_TABLES = ("office", "users", "persons", "supports", "receipts", "audit_log", "key_store")


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    debian = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
                    key=lambda p: int(p.parent.parent.name))  # fmt: skip
    if debian:
        return str(debian[-1])
    raise FronteraError(
        f"No se encontró {name} (herramientas cliente de PostgreSQL). Instale el paquete "
        "«postgresql-client» de la misma versión que el servidor."
    )


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """The libpq URI without its password, and the environment that carries it."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    uri = parsed.set(drivername="postgresql", password=None)
    return uri.render_as_string(hide_password=False), env


def _run(args: list[str], env: dict[str, str] | None = None) -> str:
    done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=6 * 3600)
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or ["sin detalles"])[-1]
        raise FronteraError(f"{Path(args[0]).name} falló: {detail}")
    return done.stdout


def dump(url: str, target: Path) -> None:
    """A consistent copy of the whole database (pg_dump's custom format, compressed)."""
    uri, env = _libpq(url)
    _run([_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
          "--file", str(target), "--dbname", uri], env)  # fmt: skip


def check_dump(path: Path) -> list[str]:
    """Problems of a dump file (empty when pg_restore reads it and it holds an office)."""
    try:
        listing = _run([_tool("pg_restore"), "--list", str(path)])
    except FronteraError as error:
        return [str(error)]
    tables = {line.split()[-2] for line in listing.splitlines() if " TABLE public " in line}
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    return [f"le faltan tablas: {', '.join(missing)}"] if missing else []


def restore(url: str, path: Path) -> None:
    """Replace the database's contents with the dump's, all or nothing (one transaction)."""
    uri, env = _libpq(url)
    _run([_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
          "--single-transaction", "--exit-on-error", "--dbname", uri, str(path)], env)  # fmt: skip


def check_server(url: str) -> list[str]:
    """``db check`` on a server: schema revision, every table readable to its end, every
    constraint validated. (The server checks pages itself; amcheck needs a superuser.)"""
    try:
        with one_off_engine(url) as engine:
            return _check(engine)
    except DatabaseError as error:  # unreachable, refused…: that is the answer
        return [error.message]


def _check(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if revision != HEAD:
            return [f"el esquema está en la revisión {revision}; se esperaba {HEAD}."]
        for table in inspect(conn).get_table_names():
            conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar()
        invalid = conn.execute(text(
            "SELECT conrelid::regclass::text, conname FROM pg_constraint "
            "WHERE NOT convalidated AND connamespace = 'public'::regnamespace"
        )).first()  # fmt: skip
        if invalid:
            return [f"la restricción {invalid[1]} de {invalid[0]} no está validada."]
    return []
