"""Kill the writer at random moments: every write reported committed survives, nothing partial.

SIGKILL gives the process no chance to clean up, like a laptop whose battery dies; WAL with
synchronous=FULL must leave a database that opens, passes integrity_check and holds every
transaction that returned. (The OS itself keeps running here, so this does not simulate lost
unsynced writes in the disk cache; see the issue notes.)
"""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from frontera_desk import paths
from frontera_desk.db import open_database
from frontera_desk.db.check import check_database
from frontera_desk.db.models import Case, Person, Support, SupportEvent
from frontera_desk.services import audit, auth

KILLS = 50
WRITER = Path(__file__).with_name("writer.py")


@pytest.fixture
def office(tmp_path, cheap_kdf):
    app_paths = paths.resolve(tmp_path / "oficina")
    result = auth.setup(app_paths, "TAP", "Oficina", "admin", "Ana", "clave-segura-1")
    signed = result.signed_in
    with signed.db.write() as session:
        auth.add_user(
            session, signed.actor, signed.vault, "ana", "Ana", "capturista", "clave-segura-1"
        )
    signed.db.dispose()
    return app_paths, signed.vault.db_key


def test_every_committed_write_survives_a_kill(office):
    app_paths, key = office
    rng = random.Random(20261125)
    env = {**os.environ, "FRONTERA_TEST_KEY": key.hex(), "PYTHONPATH": str(Path.cwd())}
    committed: list[tuple[int, int]] = []
    for kill in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, str(WRITER), str(app_paths.data_dir), str(kill * 100_000)],
            stdout=subprocess.PIPE, text=True, env=env,
        )  # fmt: skip
        # Wait for the first commit, then let it write for a random while, then pull the plug.
        first = writer.stdout.readline()
        assert first, "the writer did not start"
        time.sleep(rng.uniform(0.0, 0.4))
        os.kill(writer.pid, signal.SIGKILL)
        rest, _ = writer.communicate()
        lines = [first, *rest.splitlines()]
        committed += [tuple(map(int, line.split())) for line in lines if line.strip()]

        assert check_database(app_paths.database, key) == [], f"after kill {kill + 1}"
        db = open_database(app_paths.database, app_paths.backup_dir, key)
        with db.read() as session:
            persons = set(session.scalars(select(Person.id)))
            supports = set(session.scalars(select(Support.id)))
            for person_id, support_id in committed:
                assert person_id in persons and support_id in supports, (
                    f"lost after kill {kill + 1}"
                )
            # nothing partial: every person has a case and a search entry, every support an event
            assert session.scalar(select(func.count(Case.id))) == len(persons)
            fts = session.scalar(text("SELECT count(*) FROM person_fts"))
            assert fts == len(persons)
            with_event = set(session.scalars(select(SupportEvent.support_id)))
            assert supports <= with_event
            assert audit.verify(session).ok
        db.dispose()
    assert len(committed) >= KILLS
