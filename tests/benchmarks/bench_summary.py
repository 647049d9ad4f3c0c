"""The monthly summary on a large office, against the plain SQL aggregates it needs.

    python -m tests.benchmarks.bench_summary [--persons 200000] [--per-person 3] [--quick]

Builds an encrypted office database (SQLCipher, migrations applied) and fills it in bulk with
synthetic people (sex, birth date, nationality, some vulnerability flags) and delivered supports
spread over 36 months, then prints medians of:
  - the floor: the plain SQL aggregate queries a summary needs (by type, people by sex, age and
    nationality, vulnerability, year to date), run on the same connection;
  - ``services.summary.monthly_summary`` for the busiest month (target: within 3x of the floor);
  - the three outputs from that summary: JSON, PDF and XLSX (target: under 1 s together).
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import text

from frontera_desk.db import open_database
from frontera_desk.db.models import User
from frontera_desk.domain.enums import Role
from frontera_desk.exchange.summary_json import to_json
from frontera_desk.services import office
from frontera_desk.services import packages as package
from frontera_desk.services.summary import monthly_summary
from tests.benchmarks.common import median_ms

NATIONALITIES = ("HN", "GT", "SV", "NI", "VE", "HT", "CU", "CO", "EC", "CM")
FLAGS = ("solicitante_refugio", "violencia", "discapacidad", "embarazo")


def build(folder: Path, persons: int, per_person: int, months: int, seed: int = 1):
    """An encrypted office database with ``persons`` people and about ``persons * per_person``
    delivered supports over ``months`` months, inserted in bulk."""
    db = open_database(folder / "frontera.db", folder / "respaldos", key=os.urandom(32))
    with db.write() as session:
        office.initialize_office(session, "TAP", "Oficina de prueba")
        session.add(User(username="sofia", full_name="Sofia", role=Role.SUPERVISOR.value))
    rng = random.Random(seed)
    today = date.today().replace(day=1) - timedelta(days=1)
    first = today - timedelta(days=30 * months)
    span = (today - first).days
    now = "2026-01-01 00:00:00"
    with db.engine.begin() as conn:
        type_ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM support_types")]
        people, cases, flags, supports = [], [], [], []
        for pid in range(1, persons + 1):
            born = date(1950, 1, 1) + timedelta(days=rng.randint(0, 25_000))
            people.append((pid, str(uuid.UUID(int=rng.getrandbits(128))), now, now, "TAP", 2,
                           f"Nombre{pid}", f"Apellido{pid % 997}", f"nombre{pid} apellido",
                           f"apellido nombre{pid}", rng.choice("FFM"), born.isoformat(), 0,
                           rng.choice(NATIONALITIES), 1, 0))  # fmt: skip
            cases.append((pid, str(uuid.uuid4()), now, now, "TAP", 2, pid, f"TAP-{pid:07d}",
                          first.isoformat()))  # fmt: skip
            if rng.random() < 0.2:
                flags.append((pid, rng.choice(FLAGS)))
            for _ in range(rng.choice(range(2 * per_person + 1))):
                on = first + timedelta(days=rng.randint(0, span))
                supports.append((str(uuid.uuid4()), now, now, "TAP", 2, pid, pid,
                                 rng.choice(type_ids), "apoyo", rng.randint(100, 500_000),
                                 "entregado", on.isoformat(), 2, on.isoformat()))  # fmt: skip
        conn.exec_driver_sql(
            "INSERT INTO persons (id, uuid, created_at, updated_at, office_code, created_by_id, "
            "given_names, first_surname, name_key, sort_key, sex, birth_date, "
            "birth_date_estimated, nationality, household_size, dependents) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", people)  # fmt: skip
        conn.exec_driver_sql(
            "INSERT INTO cases (id, uuid, created_at, updated_at, office_code, created_by_id, "
            "person_id, number, opened_on) VALUES (?,?,?,?,?,?,?,?,?)", cases)  # fmt: skip
        conn.exec_driver_sql(
            "INSERT INTO person_vulnerabilities (person_id, flag) VALUES (?,?)", flags
        )
        conn.exec_driver_sql(
            "INSERT INTO supports (uuid, created_at, updated_at, office_code, created_by_id, "
            "case_id, person_id, support_type_id, description, amount_centavos, status, "
            "requested_on, requested_by_id, delivered_on) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            supports)  # fmt: skip
        conn.exec_driver_sql("ANALYZE")
    return db, len(supports)


FLOOR = (
    "SELECT support_type_id, count(*), sum(amount_centavos), count(DISTINCT person_id) "
    "FROM supports WHERE status='entregado' AND delivered_on >= :a AND delivered_on < :b "
    "GROUP BY support_type_id",
    "SELECT p.sex, p.birth_date, p.nationality, f.d FROM persons p JOIN (SELECT person_id, "
    "min(delivered_on) AS d FROM supports WHERE status='entregado' AND delivered_on >= :a AND "
    "delivered_on < :b GROUP BY person_id) f ON f.person_id = p.id",
    "SELECT v.flag, count(*) FROM person_vulnerabilities v JOIN (SELECT DISTINCT person_id FROM "
    "supports WHERE status='entregado' AND delivered_on >= :a AND delivered_on < :b) f "
    "ON f.person_id = v.person_id GROUP BY v.flag",
    "SELECT count(*), sum(amount_centavos), count(DISTINCT person_id) FROM supports "
    "WHERE status='entregado' AND delivered_on >= :y AND delivered_on < :b",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=200_000)
    parser.add_argument("--per-person", type=int, default=3)
    parser.add_argument("--months", type=int, default=36)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="2,000 people (CI: no rot)")
    args = parser.parse_args()
    persons = 2_000 if args.quick else args.persons
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        db, n_supports = build(Path(tmp), persons, args.per_person, args.months)
        print(f"built {persons:,} people and {n_supports:,} delivered supports (encrypted) "
              f"in {time.perf_counter() - start:.1f} s")  # fmt: skip
        with db.read() as session:
            year, month = max(session.execute(text(
                "SELECT CAST(strftime('%Y', delivered_on) AS INT), "
                "CAST(strftime('%m', delivered_on) AS INT), count(*) AS n FROM supports "
                "GROUP BY 1, 2 ORDER BY n DESC LIMIT 1")).all())[:2]  # fmt: skip
            a = date(year, month, 1)
            b = date(year + (month == 12), month % 12 + 1, 1)
            params = {"a": a.isoformat(), "b": b.isoformat(), "y": date(year, 1, 1).isoformat()}

            def floor() -> None:
                for query in FLOOR:
                    session.execute(text(query), params).all()

            floor_ms = median_ms(floor, args.repeat)
            summary_ms = median_ms(lambda: monthly_summary(session, "TAP", year, month),
                                   args.repeat)  # fmt: skip
            summary = monthly_summary(session, "TAP", year, month)
        document = to_json(summary)
        out = Path(tmp)
        outputs = {
            suffix: median_ms(
                lambda s=suffix: package.write_document(document, out / f"r{s}"),
                max(3, args.repeat // 2),
            )  # fmt: skip
            for suffix in (".json", ".pdf", ".xlsx")
        }
        db.dispose()
    print(f"month {year}-{month:02d}: {summary.supports:,} supports, {summary.people:,} people; "
          f"year to date {summary.year_to_date['supports']:,} supports")  # fmt: skip
    print(f"{'measure':<42}{'median ms':>12}{'floor ms':>12}{'ratio':>8}")
    print(f"{'monthly summary service':<42}{summary_ms:>12.1f}{floor_ms:>12.1f}"
          f"{summary_ms / floor_ms:>7.2f}x   (target <= 3x)")  # fmt: skip
    for suffix, ms in outputs.items():
        print(f"{'output ' + suffix:<42}{ms:>12.1f}")
    total = sum(outputs.values())
    print(f"{'all three outputs':<42}{total:>12.1f}{'':>12}{'':>8}   (target < 1000 ms)")


if __name__ == "__main__":
    main()
