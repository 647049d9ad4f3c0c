"""Encryption at rest: the same work on a plain SQLite database and on SQLCipher.

    python -m tests.benchmarks.bench_encryption [--persons N]

Builds two demo offices (same seed), then times, interleaved, what a click costs: registering a
person (its own transaction, fsync included), name search, the dashboard aggregate and paging
through the people list. Prints each figure for plain and encrypted and the overhead.
Target (issue 3): under 15 %.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from frontera_desk import paths
from frontera_desk.db import keyfile
from frontera_desk.domain.enums import Sex
from frontera_desk.services import auth, dashboard, people
from frontera_desk.services.demo import create_demo_dir
from frontera_desk.services.people import PersonInput
from tests.benchmarks.common import median_ms


def build(folder: Path, persons: int, encrypted: bool) -> paths.Paths:
    if encrypted:
        os.environ.pop(auth.ENV_PLAINTEXT, None)
    else:
        os.environ[auth.ENV_PLAINTEXT] = "1"
    app_paths = paths.resolve(folder)
    create_demo_dir(app_paths, persons=persons, months=12, seed=1)
    return app_paths


def workloads(signed: auth.SignedIn) -> dict[str, Callable[[], object]]:
    """Each workload is what a caseworker's click costs; registrations commit one by one."""
    counter = iter(range(10**6))

    def register() -> None:
        n = next(counter)
        letters = "".join(chr(97 + int(d)) for d in str(n))  # names take no digits
        with signed.db.write() as session:
            people.create_person(
                session,
                signed.actor,
                PersonInput(
                    f"Bench{letters}", "Medida", sex=Sex.FEMALE, birth_date=date(1990, 1, 1)
                ),
                confirmed_not_duplicate=True,
            )

    def search() -> None:
        with signed.db.read() as session:
            people.search_people(session, "hernandez")

    def overview() -> None:
        with signed.db.read() as session:
            dashboard.overview(session)

    def page_through() -> None:
        with signed.db.read() as session:
            ids = people.person_ids(session)
            for start in range(0, len(ids), 200):
                people.fetch_rows(session, ids[start : start + 200])

    return {
        "register a person (one transaction, ms)": register,
        "name search 'hernandez' (ms)": search,
        "dashboard aggregate (ms)": overview,
        "people list, every page (ms)": page_through,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    # Sign-in is not measured here: a cheap key derivation keeps the set-up short.
    keyfile.KDF = keyfile.KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
    with tempfile.TemporaryDirectory() as tmp:
        modes = {"plain": False, "SQLCipher": True}
        start = {}
        built = {}
        for mode, encrypted in modes.items():
            t0 = time.perf_counter()
            built[mode] = build(Path(tmp) / mode, args.persons, encrypted)
            start[mode] = time.perf_counter() - t0
        signed = {m: auth.sign_in(p, "supervisor", "demo") for m, p in built.items()}
        loads = {m: workloads(s) for m, s in signed.items()}
        samples: dict[str, dict[str, list[float]]] = {m: {} for m in modes}
        for _ in range(args.rounds):  # interleaved, so that machine noise hits both alike
            for mode in modes:
                for name, work in loads[mode].items():
                    samples[mode].setdefault(name, []).append(median_ms(work, repeat=5))
        for s in signed.values():
            s.db.dispose()
    print(f"{'measure (median)':<45} {'plain':>10} {'SQLCipher':>10} {'overhead':>9}")
    rows = [("demo data through the services (s)", start["plain"], start["SQLCipher"])]
    for name in samples["plain"]:
        rows.append(
            (
                name,
                statistics.median(samples["plain"][name]),
                statistics.median(samples["SQLCipher"][name]),
            )
        )
    for name, base, value in rows:
        print(f"{name:<45} {base:>10.2f} {value:>10.2f} {100 * (value / base - 1):>8.1f}%")


if __name__ == "__main__":
    main()
