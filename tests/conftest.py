"""Shared fixtures: a fresh office database in a temporary data dir, and actors of each role."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from frontera_desk import paths
from frontera_desk.db import Database, open_database
from frontera_desk.db.models import User
from frontera_desk.domain.enums import Role
from frontera_desk.services import office
from frontera_desk.services.context import Actor, actor_for
from tests import postgres as pg
from tests.both_databases import deselect_sqlite_only

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

TODAY = date(2026, 3, 15)


@pytest.fixture
def cheap_kdf(monkeypatch):
    """Argon2id with tiny costs: key wrapping stays real, tests stay fast."""
    from frontera_desk.db import keyfile

    cheap = keyfile.KdfParams(time_cost=1, memory_kib=1024, parallelism=1)
    monkeypatch.setattr(keyfile, "KDF", cheap)


@pytest.fixture(scope="session")
def postgres() -> Iterator[str]:
    """A PostgreSQL server's administrator URL, with the migrated template database."""
    url = os.environ.get(pg.ENV_URL)
    server = None
    if not url:
        server = pg.Server().start()
        url = server.admin_url
    pg.make_template(url)
    yield url
    if server is not None:
        server.stop()


@pytest.fixture
def backend() -> str:
    """The database the test runs on; tests/unit and tests/e2e run on both (their conftest)."""
    return "sqlite"


@pytest.fixture
def database_url(request, backend) -> Iterator[str | None]:
    """None on SQLite; on PostgreSQL a fresh database, migrated, dropped afterwards."""
    if backend == "sqlite":
        yield None
        return
    admin = request.getfixturevalue("postgres")
    url = pg.new_database(admin)
    yield url
    pg.drop_database(admin, url)


@pytest.fixture
def app_paths(tmp_path, database_url) -> paths.Paths:
    return paths.resolve(tmp_path / "datos", database_url=database_url).create()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """An empty database migrated once per test process: each test's ``db`` starts from a copy
    of it, as the PostgreSQL fixture starts from its template (every migration, every test,
    cost about 0.4 s each)."""
    path = tmp_path_factory.mktemp("plantilla") / "frontera.db"
    open_database(path, None).dispose()
    return path


@pytest.fixture
def db(request, app_paths) -> Iterator[Database]:
    if app_paths.database_url is None:
        shutil.copyfile(request.getfixturevalue("sqlite_template"), app_paths.database)
    database = open_database(app_paths.database_url or app_paths.database, app_paths.backup_dir)
    database.vault_key = os.urandom(32)  # as a sign-in would set it (attachments' keys)
    with database.write() as session:
        office.initialize_office(session, "TAP", "Oficina Tapachula")
        for username, role in (("ana", Role.CAPTURISTA), ("sofia", Role.SUPERVISOR),
                               ("admin", Role.ADMINISTRADOR)):  # fmt: skip
            session.add(User(username=username, full_name=username.title(), role=role.value))
    yield database
    database.dispose()


@pytest.fixture
def actors(db) -> dict[Role, Actor]:
    with db.read() as session:
        found = {Role.SYSTEM: actor_for(session)}
        for user in session.query(User).filter(User.id != 1):
            found[Role(user.role)] = actor_for(session, user.id)
    return found


def pytest_collection_modifyitems(config, items):
    deselect_sqlite_only(config, items)
