"""A real PostgreSQL server for the tests and benchmarks (issue #8).

``FRONTERA_DESK_TEST_POSTGRES`` may name a server's administrator URL
(``postgresql+psycopg://postgres@127.0.0.1:5432/postgres``); otherwise one is started from the
distribution's binaries in a temporary folder, on loopback, for the test session (as the
``postgres`` user when running as root, which initdb refuses). Each test gets its own database,
copied from a template migrated once.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from itertools import count
from pathlib import Path

from sqlalchemy import create_engine, text

ENV_URL = "FRONTERA_DESK_TEST_POSTGRES"
# One template per pytest-xdist worker: workers may share one server.
TEMPLATE = f"frontera_template_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
_numbers = count(1)


def bindir() -> Path:
    """Where initdb and pg_ctl are: pg_config's answer, else Debian's newest version."""
    found = shutil.which("pg_config")
    if found:
        candidate = Path(subprocess.run([found, "--bindir"], capture_output=True, text=True,
                                        check=True).stdout.strip())  # fmt: skip
        if (candidate / "initdb").exists():
            return candidate
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                      key=lambda p: int(p.parent.parent.name))  # fmt: skip
    if not versions:
        raise RuntimeError(
            "PostgreSQL is not installed: apt-get install postgresql (the server-mode tests run "
            f"against a real server), or set {ENV_URL} to a server's administrator URL"
        )
    return versions[-1].parent


def unavailable() -> str | None:
    """Why no test server can be started here (PostgreSQL not installed), or None."""
    try:
        bindir()
    except RuntimeError as error:
        return str(error)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A throwaway server: ``start()``, ``admin_url``, ``stop()``."""

    def __init__(self, durable: bool = False) -> None:
        self.durable = durable  # fsync on, as an office server runs (benchmarks)
        # Its own folder straight under the temporary dir: the postgres user must reach it.
        self.root = root = Path(tempfile.mkdtemp(prefix="frontera-postgres-"))
        self.data = root / "data"
        self.port = _free_port()
        self.admin_url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        self._as: list[str] = []
        if os.geteuid() == 0:  # initdb and postgres refuse to run as root
            self._as = ["runuser", "-u", "postgres", "--"]
            shutil.chown(root, "postgres")

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self._as, *args], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{Path(args[0]).name} failed: {done.stderr or done.stdout}")

    def start(self) -> Server:
        tools = bindir()
        self._run(str(tools / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "-E", "UTF8", "--locale", "C.UTF-8")  # fmt: skip
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} "
        options += "-c max_connections=200 -c shared_buffers=256MB"
        if not self.durable:  # a test server: no crash to survive, so no flush to wait for
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run(str(tools / "pg_ctl"), "-D", str(self.data), "-o", options,
                  "-l", str(self.root / "server.log"), "-w", "start")  # fmt: skip
        return self

    def stop(self) -> None:
        self._run(str(bindir() / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


def _admin(admin_url: str, sql: str) -> None:
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


def database_url(admin_url: str, name: str) -> str:
    return admin_url.rsplit("/", 1)[0] + "/" + name


def make_template(admin_url: str) -> None:
    """An empty database migrated to the head: each test's database is a copy of it."""
    from frontera_desk.db import open_database

    _admin(admin_url, f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)")
    _admin(admin_url, f"CREATE DATABASE {TEMPLATE}")
    open_database(database_url(admin_url, TEMPLATE), None).dispose()


def new_database(admin_url: str, template: str | None = TEMPLATE) -> str:
    name = f"frontera_{os.getpid()}_{next(_numbers)}_{int(time.time() * 1000) % 100000}"
    copy = f" TEMPLATE {template} STRATEGY FILE_COPY" if template else ""
    _admin(admin_url, f"CREATE DATABASE {name}{copy}")
    return database_url(admin_url, name)


def drop_database(admin_url: str, url: str) -> None:
    _admin(admin_url, f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")
