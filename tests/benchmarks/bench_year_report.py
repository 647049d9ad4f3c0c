"""The year report on a large office: built from twelve open months (the worst case: each
month's figures computed as they stand) and from twelve closed ones (their snapshots).

    python -m tests.benchmarks.bench_year_report [--persons 200000] [--per-person 3] [--quick]

Uses the synthetic office of ``bench_summary`` (supports spread over the last 36 months) and
prints the time to build the last full year's report open, to close its months, to build it
closed, and to write it as JSON, PDF, XLSX and DOCX.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import select

from frontera_desk.db.models import User
from frontera_desk.services import months
from frontera_desk.services.permissions import actor_for
from frontera_desk.services.year_report import write_report, year_report
from tests.benchmarks.bench_summary import build


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=200_000)
    parser.add_argument("--per-person", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="2,000 people (CI: no rot)")
    args = parser.parse_args()
    persons = 2_000 if args.quick else args.persons
    year = date.today().year - 1
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        db, n_supports = build(Path(tmp), persons, args.per_person, 36)
        print(f"built {persons:,} people and {n_supports:,} delivered supports in "
              f"{time.perf_counter() - start:.1f} s")  # fmt: skip
        with db.read() as session:
            start = time.perf_counter()
            report = year_report(session, year)
            print(f"year report {year}, 12 open months: {time.perf_counter() - start:.2f} s "
                  f"({report.total.supports:,} supports)")  # fmt: skip
        with db.write() as session:
            boss = actor_for(session, session.scalar(select(User.id).where(
                User.username == "sofia")))  # fmt: skip
            start = time.perf_counter()
            for month in range(1, 13):
                months.close_month(session, boss, year, month)
        print(f"closing its 12 months: {time.perf_counter() - start:.2f} s")
        with db.read() as session:
            start = time.perf_counter()
            report = year_report(session, year)
            print(f"year report {year}, 12 closed months: {time.perf_counter() - start:.2f} s")
        for suffix in (".json", ".pdf", ".xlsx", ".docx"):
            start = time.perf_counter()
            write_report(report, Path(tmp) / f"informe{suffix}")
            print(f"  {suffix}: {time.perf_counter() - start:.2f} s")
        db.dispose()


if __name__ == "__main__":
    main()
