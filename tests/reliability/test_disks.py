"""A read-only or full disk: a clear message, nothing lost, and the data can still be rescued.

The disks are real: a read-only bind mount of the office's folder and a small tmpfs filled to
the last byte (both need root, as CI has; elsewhere these tests are skipped and say why).
"""

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from frontera_desk import cli, paths

ADMIN = {"FRONTERA_DESK_USER": "admin", "FRONTERA_DESK_PASSWORD": "demo"}


def run(*args, data_dir, env=None):
    base = {k: v for k, v in os.environ.items() if not k.startswith("FRONTERA_DESK_")}
    return subprocess.run(
        [sys.executable, "-m", "frontera_desk", *args, "--data-dir", str(data_dir)],
        capture_output=True, text=True, stdin=subprocess.DEVNULL,
        env={**base, "QT_QPA_PLATFORM": "offscreen", **ADMIN, **(env or {})},
    )  # fmt: skip


def mount(*args: str) -> None:
    result = subprocess.run(["mount", *args], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"this machine cannot mount a test disk ({result.stderr.strip()})")


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    folder = tmp_path_factory.mktemp("oficina")
    made = run("demo", "create", "--persons", "30", "--months", "2", "--seed", "3",
               data_dir=folder)  # fmt: skip
    assert made.returncode == 0, made.stderr
    return folder


@pytest.fixture
def read_only(office, tmp_path):
    """The office's folder, seen through a read-only mount (a write-protected USB stick)."""
    view = tmp_path / "solo-lectura"
    view.mkdir()
    mount("--bind", str(office), str(view))
    try:
        mount("-o", "remount,ro,bind", str(view))
        yield view
    finally:
        subprocess.run(["umount", str(view)], check=False)


@pytest.fixture
def full_disk(office, tmp_path):
    """A copy of the office on a small disk, filled to the last byte. ``free()`` makes room."""
    disk = tmp_path / "disco"
    disk.mkdir()
    mount("-t", "tmpfs", "-o", "size=8m", "tmpfs", str(disk))
    try:
        shutil.copytree(office, disk / "oficina")
        filler = disk / "relleno"
        with open(filler, "wb") as out:
            try:
                while True:
                    out.write(b"\0" * 65536)
                    out.flush()
            except OSError:
                pass
        yield disk / "oficina", lambda: filler.unlink()
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def one_spanish_line(result, *expected):
    assert result.returncode != 0
    assert result.stderr.count("\n") <= 2, result.stderr  # the message, and the log's notice
    assert "Traceback" not in result.stderr and "Logging error" not in result.stderr
    assert "inesperado" not in result.stderr
    assert any(text in result.stderr for text in expected), result.stderr


def test_the_log_never_takes_the_program_down(tmp_path, capsys):
    """Python prints a 'Logging error' traceback for every line it cannot write; the program
    says once that it goes on without its log."""
    app_paths = paths.resolve(tmp_path / "datos").create()
    app_paths.log_dir.rmdir()
    app_paths.log_dir.write_text("not a folder")  # the log file cannot be opened
    cli.setup_logging(app_paths)
    for _ in range(3):
        logging.getLogger("frontera_desk.test").warning("a line that cannot be written")
    err = capsys.readouterr().err
    assert err.count("no se puede escribir el registro") == 1 and "Traceback" not in err


def test_a_read_only_folder_can_be_read_and_rescued(read_only, tmp_path):
    searched = run("people", "search", "a", "--json", data_dir=read_only)
    assert searched.returncode == 0 and searched.stdout.startswith("["), searched.stderr
    assert "solo lectura" in searched.stderr  # the user is told nothing will be recorded
    assert "Logging error" not in searched.stderr and "Traceback" not in searched.stderr
    assert run("audit", "verify", data_dir=read_only).returncode == 0
    assert run("db", "check", data_dir=read_only).returncode == 0
    summary = run("summary", "--month", "2026-11", "-o", str(tmp_path / "r.pdf"),
                  data_dir=read_only)  # fmt: skip
    assert summary.returncode == 0, summary.stderr
    rescue = tmp_path / "usb" / "rescate.fdrespaldo"
    rescue.parent.mkdir()
    made = run("backup", "create", "-o", str(rescue), data_dir=read_only)
    assert made.returncode == 0, made.stderr
    checked = run("backup", "verify", str(rescue), data_dir=tmp_path / "otra")
    assert checked.returncode == 0 and "íntegro" in checked.stdout, checked.stderr
    # a change is refused with the reason, not a crash
    voided = run("receipt", "void", "--folio", "DEMO-2026-000001", "--reason", "prueba",
                 data_dir=read_only)  # fmt: skip
    one_spanish_line(voided, "solo lectura")


def test_a_full_disk_refuses_with_a_message_and_loses_nothing(full_disk, office):
    folder, free = full_disk
    before = run("audit", "verify", data_dir=office).stdout
    full = ("disco está lleno", "No se pudo registrar el intento")
    signed = run("people", "search", "a", data_dir=folder)
    one_spanish_line(signed, *full)
    wrong = run("people", "search", "a", data_dir=folder,
                env={"FRONTERA_DESK_PASSWORD": "otra-cosa"})  # fmt: skip
    one_spanish_line(wrong, *full)  # an attempt that cannot be counted is refused
    voided = run("receipt", "void", "--folio", "DEMO-2026-000001", "--reason", "prueba",
                 data_dir=folder)  # fmt: skip
    one_spanish_line(voided, *full)
    backed = run("backup", "create", data_dir=folder)
    one_spanish_line(backed, *full)
    assert not [p for p in Path(folder, "respaldos").iterdir()]  # no half-written backup
    free()
    after = run("audit", "verify", data_dir=folder)
    assert after.returncode == 0, after.stderr
    # nothing was lost, nothing half-written: the same chain as the office it was copied from
    # (each count includes its own command's sign-in), none of the refused work in it
    assert after.stdout == before
