"""Server mode against the embedded database (issue #8): the same office on PostgreSQL and on
SQLite (SQLCipher), measured in the same run.

    python -m tests.benchmarks.bench_server [--persons 200000] [--months 36] [--quick]

  - receipts issued per second with 1, 2 and 4 desks (processes) delivering approved supports
    at once (each delivery: folio, receipt, support event, audit entry, one transaction);
  - name search ("hernandez") through ``people.search_people``, next to the bare index query
    of each database (FTS5 on SQLite, the trigram index on PostgreSQL);
  - the monthly summary of the last full month.

The offices are demo offices built by ``demo create`` (the PostgreSQL one straight into the
server). ``FRONTERA_DESK_TEST_POSTGRES`` names a server; otherwise one is started on loopback.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import text

from frontera_desk import paths
from frontera_desk.db import search
from frontera_desk.domain.enums import Role
from frontera_desk.services import auth, people, supports
from frontera_desk.services.demo import DEMO_PASSWORD
from frontera_desk.services.permissions import actor_for
from frontera_desk.services.summary import monthly_summary
from frontera_desk.services.supports import SupportInput
from tests import postgres as pg
from tests.benchmarks.common import median_ms

WRITERS = (1, 2, 4)
# One desk: wait for the common start, deliver its supports, print how many and when it ended.
DESK = """
import sys, time
from frontera_desk import paths
from frontera_desk.domain.errors import DatabaseError
from frontera_desk.services import auth, evidence, supports
folder, url, start, *ids = sys.argv[1:]
signed = auth.sign_in(paths.resolve(folder, database_url=url or None), "capturista", "demo")
time.sleep(max(0.0, float(start) - time.time()))
busy = 0
for support_id in ids:
    while True:
        try:
            with signed.db.write() as session:
                evidence.receive_all(session, signed.actor, int(support_id))
                supports.deliver_support(session, signed.actor, int(support_id))
            break
        except DatabaseError:  # "ocupada": waited past the busy timeout; a desk tries again
            busy += 1
print(len(ids), time.time(), busy)
signed.db.dispose()
"""


def demo(folder: Path, url: str | None, persons: int, months: int) -> tuple[paths.Paths, float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FRONTERA_DESK_")}
    server = ["--database-url", url] if url else []
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "frontera_desk", "demo", "create", "--data-dir",
                    str(folder), *server, "--persons", str(persons), "--months", str(months)],
                   check=True, env=env, capture_output=True)  # fmt: skip
    return paths.resolve(folder, database_url=url), time.perf_counter() - start


def approved(app_paths: paths.Paths, count: int) -> list[int]:
    """``count`` new approved supports of one person, ready to be delivered."""
    signed = auth.sign_in(app_paths, "supervisor", DEMO_PASSWORD)
    with signed.db.write() as session:
        person = people.person_ids(session, limit=1)[0]
        other = next(t.id for t in supports.support_types(session) if t.code == "OTRO")
        worker = actor_for(session, next(u.id for u in auth.list_users(session)
                                         if u.role is Role.CAPTURISTA))  # fmt: skip
        ids = []
        for n in range(count):
            made = supports.request_support(
                session, worker, SupportInput(person, other, "Apoyo", 1000 + n)
            )
            supports.approve_support(session, signed.actor, made.id)
            ids.append(made.id)
    signed.db.dispose()
    return ids


def receipts_per_second(app_paths: paths.Paths, writers: int, per_writer: int) -> float:
    ids = approved(app_paths, writers * per_writer)
    start = time.time() + 4  # every desk signed in (Argon2, imports) before the clock starts
    desks = [subprocess.Popen(
        [sys.executable, "-c", DESK, str(app_paths.data_dir), app_paths.database_url or "",
         str(start), *map(str, ids[w * per_writer:(w + 1) * per_writer])],
        stdout=subprocess.PIPE, text=True) for w in range(writers)]  # fmt: skip
    results = [desk.communicate()[0].split() for desk in desks]
    busy = sum(int(r[2]) for r in results)
    if busy:
        print(f"  {writers} desk(s): {busy} transaction(s) waited past the busy timeout and "
              "were retried", flush=True)  # fmt: skip
    return writers * per_writer / (max(float(r[1]) for r in results) - start)


def reads(app_paths: paths.Paths) -> tuple[float, float, float]:
    """(search, bare index query, monthly summary) in ms."""
    signed = auth.sign_in(app_paths, "supervisor", DEMO_PASSWORD)
    with signed.db.read() as session:
        words = search.fts_query("hernandez")
        bare = search.count_matches(words).with_only_columns(text("rowid")).limit(50)
        index = median_ms(lambda: session.execute(bare).all(), 15)
        found = median_ms(lambda: people.search_people(session, "hernandez"), 15)
        last = date.today().replace(day=1) - timedelta(days=1)
        summary = median_ms(lambda: monthly_summary(session, "TAP", last.year, last.month), 3)
    signed.db.dispose()
    return found, index, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=200_000)
    parser.add_argument("--months", type=int, default=36)
    parser.add_argument("--quick", action="store_true", help="2,000 people, fewer receipts")
    args = parser.parse_args()
    persons, months = (2_000, 6) if args.quick else (args.persons, args.months)
    per_writer = 25 if args.quick else 100
    server = None
    admin = os.environ.get(pg.ENV_URL)
    if not admin:
        server = pg.Server(durable=True).start()  # commits reach the disk, as on SQLite
        admin = server.admin_url
    try:
        with tempfile.TemporaryDirectory(prefix="frontera-bench-server-") as tmp:
            offices = {}
            for name, url in (("SQLite", None), ("PostgreSQL", pg.new_database(admin, None))):
                offices[name], seconds = demo(Path(tmp) / name, url, persons, months)
                print(f"{name}: demo of {persons:,} people built in {seconds:.0f} s", flush=True)
            rows = []
            for name, office in offices.items():
                rates = [receipts_per_second(office, w, per_writer) for w in WRITERS]
                found, index, summary = reads(office)
                rows.append((name, rates, found, index, summary))
    finally:
        if server is not None:
            server.stop()
    print(f"\n{persons:,} people, {months} months; {per_writer} receipts per desk")
    print(f"{'database':<12}" + "".join(f"{f'receipts/s, {w} desk(s)':>24}" for w in WRITERS)
          + f"{'search ms':>11}{'index ms':>10}{'summary ms':>12}")  # fmt: skip
    for name, rates, found, index, summary in rows:
        print(f"{name:<12}" + "".join(f"{r:>24.1f}" for r in rates)
              + f"{found:>11.1f}{index:>10.1f}{summary:>12.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
