"""Attachments: keeping a 5 MB scan in the encrypted store, against a plain file copy.

    python -m tests.benchmarks.bench_attachments [--repeat N] [--size-mb MB]

Sets up an empty office (encrypted database) in a temporary folder, registers one person, then
times, taking turns so that a change in the machine's speed falls on both:

- attach: ``attachments.attach`` in its own transaction (type check, SHA-256, AES-256-GCM
  under a new file key, the key wrapped, the row written, commit with SQLite's fsync);
  floor: copying the same file into the data folder with ``shutil.copyfile`` and an fsync
  (what agreements did before: their files were copied beside the database);
- open: ``attachments.open_attachment`` (read the row, unwrap, decrypt, check the hash);
  floor: reading the copied file back.

The scan is random bytes behind a JPEG header: as incompressible as a real photo. Nothing
here fails on time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from frontera_desk import paths
from frontera_desk.domain.enums import Role, Sex
from frontera_desk.services import attachments, auth, people
from frontera_desk.services.attachments import Owner, OwnerType
from frontera_desk.services.people import PersonInput
from tests.benchmarks.common import table

Row = tuple[str, float, float | None, str]


def _interleaved(works: list[Callable[[], object]], repeat: int) -> list[float]:
    """Median milliseconds of each work, run in turns (one round not counted)."""
    samples: list[list[float]] = [[] for _ in works]
    for round_ in range(repeat + 1):
        for work, times in zip(works, samples, strict=True):
            start = time.perf_counter()
            work()
            if round_:
                times.append((time.perf_counter() - start) * 1000)
    return [statistics.median(times) for times in samples]


def measure(repeat: int = 9, size_mb: int = 5) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="frontera-adjuntos-") as tmp:
        folder = Path(tmp)
        app_paths = paths.resolve(folder / "datos")
        made = auth.setup(app_paths, "TAP", "Oficina Tapachula", "admin", "Admin", "clave-segura-1")
        signed = made.signed_in
        with signed.db.write() as session:
            auth.add_user(session, signed.actor, signed.vault, "sofia", "Sofia", Role.SUPERVISOR,
                          "clave-segura-2")  # fmt: skip
        signed.vault.seal()
        signed.db.dispose()
        signed = auth.sign_in(app_paths, "sofia", "clave-segura-2")
        with signed.db.write() as session:
            person = people.create_person(session, signed.actor, PersonInput(
                "Rosa", "Mejia", "", Sex.FEMALE, date(1985, 2, 1)))  # fmt: skip
        owner = Owner(OwnerType.PERSON, person.id)
        scan = b"\xff\xd8\xff\xe0" + os.urandom(size_mb * 1024 * 1024 - 4)
        source = folder / "escaneo.jpg"
        source.write_bytes(scan)
        copies = app_paths.data_dir / "copias"
        copies.mkdir()
        attached: list[int] = []
        counter = iter(range(10**6))

        def attach() -> None:
            with signed.db.write() as session:
                info = attachments.attach(session, signed.actor, owner, "identificacion",
                                          "escaneo.jpg", source.read_bytes())  # fmt: skip
            attached.append(info.id)

        def copy() -> None:
            target = copies / f"{next(counter)}.jpg"
            shutil.copyfile(source, target)
            with open(target, "rb+") as handle:
                os.fsync(handle.fileno())

        def open_it() -> None:
            with signed.db.write() as session:  # opening a person's file is audited
                data = attachments.open_attachment(session, signed.actor, attached[-1])
            assert len(data) == len(scan)

        def read_copy() -> None:
            assert len((copies / "0.jpg").read_bytes()) == len(scan)

        stored, copied = _interleaved([attach, copy], repeat)
        opened, read = _interleaved([open_it, read_copy], repeat)
        signed.db.dispose()
        size = app_paths.database.stat().st_size / len(attached) / 1024 / 1024
    return [
        (f"attach a {size_mb} MB scan: check, hash, encrypt, write, commit (ms)", stored, copied,
         "(floor: file copy + fsync)"),
        ("open it again: read, decrypt, check the hash (ms)", opened, read,
         "(floor: reading the copy)"),
        ("database size per attached scan (MB)", size, float(size_mb), "(floor: the scan)"),
    ]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--size-mb", type=int, default=5)
    args = parser.parse_args()
    print(table(measure(args.repeat, args.size_mb)))


if __name__ == "__main__":
    main()
