"""Importing people from a spreadsheet (issue 25): 20,000 rows of an XLSX with 5 % duplicates.

    python -m tests.benchmarks.bench_import [--people 20000]

Writes the workbook (openpyxl, write-only), then measures, beside the bare python-calamine read
of the same file: reading it with the import's checks, guessing the columns, and the preview —
every row normalized and validated as the registration form would, and the likely duplicates
scored within their blocks (document, birth date) against an office of the same size. Prints
the duplicates found against those planted. Target: the whole under 60 s.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import openpyxl

from frontera_desk.db import open_database
from frontera_desk.db.models import User
from frontera_desk.domain import importing as rules
from frontera_desk.domain.enums import Role
from frontera_desk.services import importing, office
from frontera_desk.services.permissions import actor_for
from tests.benchmarks.common import table

GIVEN = [
    "José",
    "María",
    "Ana",
    "Luis",
    "Carlos",
    "Rosa",
    "Juan",
    "Elena",
    "Pedro",
    "Lucía",
    "Mario",
    "Sofía",
    "Jorge",
    "Carmen",
    "Miguel",
    "Gloria",
    "Óscar",
    "Marta",
    "Raúl",
    "Iris",
]
SURNAMES = [
    "Hernández",
    "López",
    "Pérez",
    "Gómez",
    "Martínez",
    "Ramírez",
    "Díaz",
    "Cruz",
    "Morales",
    "Reyes",
    "Flores",
    "Ortiz",
    "Castillo",
    "Mejía",
    "Vásquez",
    "Aguilar",
    "Mendoza",
    "Ruiz",
    "Álvarez",
    "Chávez",
    "Romero",
    "Torres",
    "Núñez",
    "Rivera",
]
COUNTRIES = [
    "Honduras",
    "HONDURAS",
    "hondureña",
    "HN",
    "Guatemala",
    "guatemalteco",
    "GT",
    "El Salvador",
    "SLV",
    "Cuba",
    "cubana",
    "Haití",
    "Venezuela",
    "venezolano",
]
HEADERS = [
    "Nombre(s)",
    "Apellido paterno",
    "Apellido materno",
    "Fecha de nacimiento",
    "Sexo",
    "Nacionalidad",
    "No. de pasaporte",
    "Teléfono",
    "Albergue",
]


def write_file(path: Path, count: int, seed: int = 1) -> set[int]:
    """``count`` rows, 5 % of them a planted duplicate of an earlier row (accents dropped,
    surnames swapped or the passport typed with spaces). Returns their row numbers."""
    rng = random.Random(seed)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Beneficiarios")
    sheet.append(HEADERS)
    rows: list[list[object]] = []
    planted: set[int] = set()
    for n in range(count):
        if rows and rng.random() < 0.05:
            given, first, second, born, sex, country, passport, phone, lodging = rng.choice(rows)
            kind = rng.randrange(3)
            if kind == 0:
                given, first = str(given).upper(), str(first).upper()
            elif kind == 1:
                first, second = second, first
            else:
                passport = " ".join(str(passport))
            rows.append([given, first, second, born, sex, country, passport, phone, lodging])
            planted.add(n + 2)  # the sheet's row: the header is row 1
        else:
            born = date(1950, 1, 1) + timedelta(days=rng.randrange(25_000))
            rows.append(
                [
                    rng.choice(GIVEN) + " " + rng.choice(GIVEN),
                    rng.choice(SURNAMES),
                    rng.choice(SURNAMES),
                    born.strftime("%d/%m/%Y"),
                    rng.choice("HM"),
                    rng.choice(COUNTRIES),
                    f"P{n:07d}",
                    f"962 {n:06d}",
                    "Albergue Belén",
                ]
            )
        sheet.append(rows[-1])
    book.save(path)
    return planted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument(
        "--write", action="store_true", help="also save the rows (one transaction), for information"
    )
    args = parser.parse_args()
    print(measure(args.people, args.write))


def measure(count: int = 20_000, write: bool = False) -> str:
    from python_calamine import CalamineWorkbook

    folder = Path(tempfile.mkdtemp(prefix="frontera-bench-import-"))
    path = folder / "beneficiarios.xlsx"
    planted = write_file(path, count)
    db = open_database(folder / "frontera.db", folder / "respaldos")
    with db.write() as session:
        office.initialize_office(session, "TAP", "Oficina de prueba")
        session.add(User(username="sofia", full_name="Sofía", role=Role.SUPERVISOR.value))
    with db.read() as session:
        actor = actor_for(session, 2)

    start = time.perf_counter()
    bare = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Beneficiarios").to_python()
    bare_s = time.perf_counter() - start
    assert len(bare) == count + 1

    start = time.perf_counter()
    read = importing.read_table(path)
    read_s = time.perf_counter() - start
    start = time.perf_counter()
    mapping = rules.guess_mapping(
        read.headers, rules.PEOPLE_FIELDS, [v for _, v in read.rows[:200]]
    )
    with db.read() as session:
        preview = importing.preview_people(session, actor, read, mapping)
    preview_s = time.perf_counter() - start
    found = {int(p.b[1:]) for p in preview.pairs}
    written: list[tuple[str, float, float | None, str]] = []
    if write:
        start = time.perf_counter()
        with db.write() as session:
            done = importing.import_people(session, actor, preview)
        written.append(
            (
                f"write {done.created:,} people, one transaction (s)",
                time.perf_counter() - start,
                None,
                "(information)",
            )
        )
    db.dispose()
    rows = [
        (f"bare python-calamine read of {count:,} rows (s)", bare_s, None, "(floor)"),
        ("read_table: file checks, hash, header, rows (s)", read_s, bare_s, ""),
        ("normalize, validate and score duplicates (s)", preview_s, None, ""),
        ("the whole: read, normalize, validate, score (s)", read_s + preview_s, bare_s, "< 60 s"),
        *written,
    ]
    ok = len(preview.importable)
    return (
        table(rows, "s") + f"\n{ok:,} rows valid; {len(planted):,} duplicates planted, "
        f"{len(planted & found):,} of them found, {len(found - planted):,} other rows "
        f"paired; {len(preview.pairs):,} pairs"
    )


if __name__ == "__main__":
    main()
