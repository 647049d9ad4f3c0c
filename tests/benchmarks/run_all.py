"""Every benchmark of the application in one run, each figure next to its floor.

    python -m tests.benchmarks.run_all [--quick] [--data-dir DIR]

Builds a demo office (200,000 people over 36 months; ``--quick``: 2,000 over 6, which is what
CI runs so that the benchmarks cannot rot) unless DATA_DIR already holds one, then measures:
start-up to the interactive window (the demo's, through Inicio) and to the sign-in dialog (an
office's first window) against a bare PySide6 window that imports SQLAlchemy (and, for
information, against bare windows that first open the office through the ORM, or straight
from SQLCipher: data_window); name search against the raw FTS query; the longest frame on the
GUI thread while opening each page, and while dragging the people and supports lists to their
end (against a bare QTableView); the monthly summary against its plain SQL; one receipt against
a bare reportlab page; attaching and opening a 5 MB scan in the encrypted store against a plain
file copy and read (bench_attachments); a provider's invoice (CFDI) read and checked against the
bare XML parse, and a receipt's QR code read from a photo (bench_cfdi); the GUI's peak memory.
Nothing here fails on time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import text

from tests.benchmarks.common import median_ms, table

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
# A demo folder signs in as its supervisor; an installed program runs from compiled bytecode,
# as the libraries of the floor do (the first run writes it).
for name in ("FRONTERA_DESK_USER", "FRONTERA_DESK_PASSWORD", "PYTHONDONTWRITEBYTECODE"):
    ENV.pop(name, None)


def wall_ms(command: list[str], repeat: int, env: dict[str, str] = ENV) -> float:
    """Median wall time of a whole process, in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def interactive_ms(commands: list[list[str]], repeat: int) -> list[float]:
    """Median time from starting each process to the line where it says it is interactive
    (what it does after, closing and exiting, is not start-up). The commands take turns, so
    that a change in the machine's speed falls on all of them alike; one round is not counted."""
    samples: list[list[float]] = [[] for _ in commands]
    for _ in range(repeat + 1):
        for command, times in zip(commands, samples, strict=True):
            start = time.perf_counter()
            with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                  text=True, env=ENV) as process:  # fmt: skip
                assert process.stdout is not None
                for line in process.stdout:
                    if line.startswith("interactive"):
                        times.append((time.perf_counter() - start) * 1000)
                        break
                process.stdout.read()
            if process.returncode:
                raise subprocess.CalledProcessError(process.returncode, command)
    return [statistics.median(times[1:]) for times in samples]


def app(*args: str) -> list[str]:
    return [sys.executable, "-m", "frontera_desk", *args]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 people: CI's run")
    parser.add_argument("--data-dir", type=Path, help="a demo folder to reuse (or create)")
    args = parser.parse_args()
    persons, months = (2_000, 6) if args.quick else (200_000, 36)
    folder = args.data_dir or Path(tempfile.gettempdir()) / f"frontera-bench-{persons}"
    rows: list[tuple[str, float, float | None, str]] = []
    if not (folder / "frontera.db").exists():
        start = time.perf_counter()
        subprocess.run(app("demo", "create", "--persons", str(persons), "--months", str(months),
                           "--data-dir", str(folder)), check=True, env=ENV)  # fmt: skip
        rows.append((f"demo create --persons {persons:,} --months {months} (s)",
                     time.perf_counter() - start, None, "< 120 s"))  # fmt: skip
    repeat = 3 if args.quick else 9
    data_window = [sys.executable, "-m", "tests.benchmarks.data_window", str(folder)]
    started, bare, opened, raw, signing = interactive_ms([
        app("--smoke-test", "--data-dir", str(folder)),
        [sys.executable, "-m", "tests.benchmarks.bare_window"],
        data_window,
        [*data_window, "--without-orm"],
        app("--smoke-test=sign-in", "--data-dir", str(folder)),
    ], repeat)  # fmt: skip
    rows.append(("sign-in dialog painted, from the process start (ms)", signing, bare,
                 "<= 1.2x"))  # fmt: skip
    rows.append(("start-up to interactive window, from the process start (ms)", started, bare,
                 "<= 1.5x"))  # fmt: skip
    rows.append(("  the same against a bare window that opens the office through the ORM (ms)",
                 started, opened, "(information)"))  # fmt: skip
    rows.append(("  that window against the bare one (ms)", opened, bare, "(information)"))
    rows.append(("  a bare window that opens the office without the ORM, against the bare one (ms)",
                 raw, bare, "(information)"))  # fmt: skip
    rows += in_process(folder, args.quick)
    from tests.benchmarks.bench_import import measure as bench_import  # issue 25

    print(bench_import(2_000 if args.quick else 20_000))
    from tests.benchmarks.bench_attachments import measure as attachment_rows

    rows += attachment_rows(repeat=3 if args.quick else 9)  # its own office, not the demo's
    rows.append(("people search hernandez, CLI whole process incl. sign-in (ms)",
                 wall_ms(app("people", "search", "hernandez", "--data-dir", str(folder)), 3,
                         {**ENV, "FRONTERA_DESK_USER": "supervisor",
                          "FRONTERA_DESK_PASSWORD": "demo"}),
                 None, "(information)"))  # fmt: skip
    gui = json.loads(subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.gui_steps", str(folder)],
        check=True, capture_output=True, text=True, env=ENV,
    ).stdout)  # fmt: skip
    frame, took = gui["prepare"]
    rows.append(("the other pages built after start-up, longest frame (ms)", frame, None,
                 f"<= 50 ms (all built in {took:,.0f} ms)"))  # fmt: skip
    for name, visits in gui["pages"].items():
        for visit, (frame, shown) in zip(("first visit", "next visits"), visits, strict=True):
            rows.append((f"open page {name}, {visit}: longest frame (ms)", frame, None,
                         f"<= 50 ms (all shown in {shown:,.0f} ms)"))  # fmt: skip
    for status, (frame, shown) in gui["filtered"].items():
        card = {"solicitado": "awaiting approval", "entregado": "delivered this month"}[status]
        rows.append((f"Inicio's card 'supports {card}', See list: longest frame (ms)", frame,
                     None, f"<= 50 ms (all shown in {shown:,.0f} ms)"))  # fmt: skip
    for name, frame in gui["dialogs"].items():
        rows.append((f"{name}: longest frame until the dialog is up (ms)", frame, None,
                     "(information: the first of the session)"))  # fmt: skip
    for name, tried in gui["choices"].items():
        rows.append((f"{name}: each filter and sort ({tried['choices']}), longest frame (ms)",
                     tried["max_ms"], None, f"<= 50 ms ({tried['slowest'] or 'all'}; "
                     f"rows shown within {tried['shown_ms']:,.0f} ms)"))  # fmt: skip
    for name, scroll in gui["scrolls"].items():
        drag = f"{name}: drag {scroll['rows']:,} rows to the end ({scroll['steps']} steps)"
        bare = scroll["floor"]
        rows.append((f"{drag}, median step (ms)", scroll["median_ms"], bare["median_ms"],
                     "<= 50 ms"))  # fmt: skip
        rows.append((f"{drag}, slowest step (ms)", scroll["max_ms"], bare["max_ms"], "<= 50 ms"))
    rows.append(("peak memory of the GUI (MB)", gui["peak_mb"], None, "<= 250 MB"))
    print(f"\n{persons:,} people, {months} months; {os.cpu_count()} cores; {date.today()}")
    print(table(rows))


RAW_SEARCH = """
SELECT p.id, p.given_names, p.first_surname, p.second_surname, p.sex, p.birth_date,
       p.birth_date_estimated, p.nationality, p.lodging, p.created_at, d.doc_type, d.number
FROM persons p LEFT JOIN identity_documents d ON d.id =
     (SELECT min(id) FROM identity_documents WHERE person_id = p.id)
WHERE +p.id IN (SELECT rowid FROM person_fts WHERE person_fts MATCH :q)
ORDER BY p.sort_key, p.id LIMIT 50"""


def in_process(folder: Path, quick: bool) -> list[tuple[str, float, float | None, str]]:
    """Search, the monthly summary and a receipt, measured in this process."""
    import io

    from frontera_desk import paths
    from frontera_desk.db import search
    from frontera_desk.reports.receipt import write_receipts
    from frontera_desk.services import auth, people
    from frontera_desk.services.demo import DEMO_PASSWORD
    from frontera_desk.services.summary import monthly_summary
    from tests.benchmarks.bench_receipts import SAMPLE, bare_page
    from tests.benchmarks.bench_summary import FLOOR

    signed = auth.sign_in(paths.resolve(folder), "supervisor", DEMO_PASSWORD)
    repeat = 5 if quick else 15
    rows: list[tuple[str, float, float | None, str]] = []
    with signed.db.read() as session:
        # The floor is the same search in raw SQL: the first 50 matches in name order, each
        # with its first document; the bare index lookup (in no order) is shown too.
        query, bare_fts = (
            {"q": '"hernandez"*'},
            (f"SELECT rowid FROM {search.FTS_TABLE} WHERE {search.FTS_TABLE} MATCH :q LIMIT 50"),
        )
        raw = median_ms(lambda: session.execute(text(RAW_SEARCH), query).all(), repeat)
        rows.append(("name search hernandez, people.search_people (ms)",
                     median_ms(lambda: people.search_people(session, "hernandez"), repeat), raw,
                     "<= 20 ms, <= 3x"))  # fmt: skip
        rows.append(("  the bare FTS lookup, 50 matches in no order (ms)",
                     median_ms(lambda: session.execute(text(bare_fts), query).all(), repeat),
                     None, "(information)"))  # fmt: skip
        listing = people.person_list("hernandez")

        def first_batch() -> None:  # what the list does when the search is typed
            session.scalar(people.person_count_query("hernandez"))
            session.execute(listing.batch(1000)).all()

        rows.append(("the people list for hernandez: count and first 1,000 ids (ms)",
                     median_ms(first_batch, repeat), None, "<= 20 ms"))  # fmt: skip
        year, month = session.execute(text(
            "SELECT CAST(strftime('%Y', delivered_on) AS INT), "
            "CAST(strftime('%m', delivered_on) AS INT) FROM supports WHERE delivered_on IS NOT "
            "NULL GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1")).one()  # fmt: skip
        start, end = date(year, month, 1), date(year + (month == 12), month % 12 + 1, 1)
        params = {"a": start.isoformat(), "b": end.isoformat(), "y": f"{year}-01-01"}
        floor = median_ms(lambda: [session.execute(text(q), params).all() for q in FLOOR], 5)
        rows.append((f"monthly summary {year}-{month:02d} (ms)", median_ms(
            lambda: monthly_summary(session, "TAP", year, month), 5), floor, "<= 3x"))  # fmt: skip
    signed.db.dispose()
    write_receipts([SAMPLE], io.BytesIO())  # fonts registered once per process
    one = median_ms(lambda: write_receipts([SAMPLE], io.BytesIO()), 20)
    bare = median_ms(lambda: bare_page(io.BytesIO(), "DejaVuSans"), 20)
    rows.append(("one receipt, original and copy, vs a bare page (ms)", one, bare, "<= 5x"))
    from tests.benchmarks.bench_cfdi import qr_rows
    from tests.benchmarks.bench_cfdi import rows as cfdi_rows

    rows += cfdi_rows(50 if quick else 200) + qr_rows(3 if quick else 5)
    return rows


if __name__ == "__main__":
    main()
