"""The audit log of an office after some years: its filters, its list of actions, its check.

    python -m tests.benchmarks.bench_audit [--entries 2000000] [--quick]

Builds an encrypted office database (SQLCipher, migrations applied) and fills its audit log in
bulk with a valid hash chain: entries 40 s apart from 2024 on, by eight users, with the actions'
real mix (most are registrations and the steps of a support; few anonymizations). Then prints
medians of what the Administración page does with it — the list of actions to filter by, and
for a month with and without an action or a user: the count and the first batch of the list —
each next to the same query in raw SQL, and the chain's check against bare SHA-256 over the
same rows, alone and against a year of daily checkpoints. The demo office (``demo create``) is
built in bulk and has few audit entries; a real office's log is its largest table.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from frontera_desk.db import open_database
from frontera_desk.db.audit_chain import GENESIS, changes_hash, entry_hash
from frontera_desk.db.models import User
from frontera_desk.domain.enums import Role
from frontera_desk.services import audit, office
from frontera_desk.services.audit import AuditFilter
from frontera_desk.services.permissions import actor_for
from tests.benchmarks.common import median_ms, table

ACTIONS = (["crear"] * 40 + ["solicitar"] * 25 + ["autorizar"] * 15 + ["entregar"] * 15
           + ["iniciar_sesion"] * 3 + ["cancelar_recibo", "anonimizar"])  # fmt: skip
COLUMNS = "at, user_id, office_code, action, entity, entity_uuid, changes, changes_sha256, " \
          "redacted, prev_hash, hash"  # fmt: skip


def build(folder: Path, entries: int, seed: int = 1):  # type: ignore[no-untyped-def]
    """An encrypted office whose audit log holds ``entries`` chained entries."""
    db = open_database(folder / "frontera.db", folder / "respaldos", key=os.urandom(32))
    with db.write() as session:
        office.initialize_office(session, "TAP", "Oficina de prueba")
        for n in range(8):
            session.add(User(username=f"u{n}", full_name=f"Usuario {n}",
                             role=Role.SUPERVISOR.value))  # fmt: skip
    with db.engine.begin() as conn:
        prev = conn.exec_driver_sql("SELECT hash FROM audit_log ORDER BY id DESC").scalar()
        users = [r[0] for r in conn.exec_driver_sql("SELECT id FROM users WHERE role != 'sistema'")]
    rng = random.Random(seed)
    start, rows = datetime(2024, 1, 1, tzinfo=UTC), []
    prev = prev or GENESIS
    with db.engine.begin() as conn:
        for n in range(entries):
            at, user, action = (start + timedelta(seconds=40 * n), rng.choice(users),
                                rng.choice(ACTIONS))  # fmt: skip
            changes = json.dumps({"campo": [None, n]})
            digest = changes_hash(changes)
            chained = entry_hash(prev, at, user, "TAP", action, "persona", None, digest)
            rows.append((at.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds"),
                         user, "TAP", action, "persona", None, changes, digest, 0, prev,
                         chained))  # fmt: skip
            prev = chained
            if len(rows) == 100_000 or n == entries - 1:
                conn.exec_driver_sql(f"INSERT INTO audit_log ({COLUMNS}) VALUES "
                                     f"(?,?,?,?,?,?,?,?,?,?,?)", rows)  # fmt: skip
                rows = []
        conn.exec_driver_sql("ANALYZE")
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=2_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="20,000 entries (CI: no rot)")
    args = parser.parse_args()
    entries = 20_000 if args.quick else args.entries
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        db = build(Path(tmp), entries)
        print(f"built an audit log of {entries:,} chained entries (encrypted) in "
              f"{time.perf_counter() - start:.1f} s")  # fmt: skip
        rows: list[tuple[str, float, float | None, str]] = []
        with db.read() as session:
            viewer = actor_for(session, 2)
            rows.append(("the actions to filter by (ms)", median_ms(
                lambda: audit.actions(session), args.repeat), None, "<= 50 ms"))  # fmt: skip
            middle = session.execute(text(  # the month of the middle entry: a year back
                "SELECT at FROM audit_log WHERE id = (SELECT (min(id) + max(id)) / 2 "
                "FROM audit_log)")).scalar()  # fmt: skip
            year, month = int(middle[:4]), int(middle[5:7])
            period = {
                "since": date(year, month, 1),
                "until": date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1),
            }
            for name, chosen in (("a month", {}), ("a month, one action", {"action": "entregar"}),
                                 ("a month, a rare action", {"action": "anonimizar"}),
                                 ("a month, one user", {"user_id": 3}),
                                 ("a month, one user, a rare action",
                                  {"user_id": 3, "action": "cancelar_recibo"})):  # fmt: skip
                listing = audit.entry_list(viewer, AuditFilter(**period, **chosen))
                count, batch = listing.count(), listing.batch(1000)
                raw = str(batch.compile(compile_kwargs={"literal_binds": True}))
                rows.append((f"{name}: count (ms)", median_ms(
                    lambda q=count: session.scalar(q), args.repeat), None, "<= 50 ms"))  # fmt: skip
                rows.append((f"{name}: first 1,000 of the list (ms)", median_ms(
                    lambda q=batch: session.execute(q).all(), args.repeat),
                    median_ms(lambda q=raw: session.execute(text(q)).all(), args.repeat),
                    "<= 50 ms"))  # fmt: skip
            checked = median_ms(lambda: audit.verify(session), max(1, args.repeat // 3))
            step = max(1, entries // 365)  # a year of daily checkpoints, compared as it passes
            marks = [audit.Mark(n, h, f"punto {n}") for n, h in session.execute(text(
                f"SELECT id, hash FROM audit_log WHERE id % {step} = 0")).all()]  # fmt: skip
            assert audit.walk(session, marks=marks)[0].ok
            marked = median_ms(lambda: audit.walk(session, marks=marks), max(1, args.repeat // 3))
            raw_rows = session.execute(text(
                "SELECT prev_hash, at, user_id, office_code, action, entity, entity_uuid, "
                "changes_sha256, changes FROM audit_log ORDER BY id")).all()  # fmt: skip

            def bare() -> None:  # the same hashes over rows already read, nothing else
                for row in raw_rows:
                    hashlib.sha256("|".join(map(str, row[:8])).encode()).hexdigest()
                    hashlib.sha256((row[8] or "").encode()).hexdigest()

            rows.append(("check the whole chain (µs an entry; floor: bare SHA-256)",
                         1000 * checked / entries,
                         1000 * median_ms(bare, max(1, args.repeat // 3)) / entries,
                         "(information: off the GUI thread, with progress)"))  # fmt: skip
            rows.append((f"the same against {len(marks)} checkpoints (µs an entry)",
                         1000 * marked / entries, None, "as the chain alone"))  # fmt: skip
        db.dispose()
    print(f"audit log of {entries:,} entries; {os.cpu_count()} cores; {date.today()}")
    print(table(rows))


if __name__ == "__main__":
    main()
