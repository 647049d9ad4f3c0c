"""Packaging (issue #10): the one-folder build runs, and the installer, menu entry and metainfo
agree with the spec they are made from."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from frontera_desk import __version__
from frontera_desk.app import DESKTOP_ID
from frontera_desk.services.months import months_back
from tests import postgres as pg

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = (PACKAGING / "frontera_desk.spec").read_text(encoding="utf-8")
ISS = (PACKAGING / "frontera_desk.iss").read_text(encoding="utf-8")
DESKTOP = PACKAGING / "linux" / f"{DESKTOP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{DESKTOP_ID}.metainfo.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def iss_section(name: str) -> list[str]:
    match = re.search(rf"^\[{name}\]\n(.*?)(?=^\[|\Z)", ISS, re.M | re.S)
    assert match, f"[{name}] missing from the installer script"
    return [line for line in match.group(1).splitlines() if line and not line.startswith(";")]


def iss_path(value: str) -> Path:
    """A path in the .iss, relative to packaging/ with Windows separators, as a real path."""
    return (PACKAGING / value.replace("\\", "/")).resolve()


def test_installer_script_installs_what_the_spec_builds() -> None:
    folder = re.search(r'COLLECT\(.*?name="([^"]+)"', SPEC, re.S)
    programs = re.findall(r'program\("([^"]+)", console=(True|False)\)', SPEC)
    assert folder and len(programs) == 2
    windowed = next(name for name, console in programs if console == "False")
    dist = ROOT / "dist"

    [files] = iss_section("Files")
    source = re.search(r'Source: "([^"]+)"', files)
    assert source and iss_path(source.group(1)) == dist / folder.group(1) / "*"
    assert "recursesubdirs" in files
    for line in iss_section("Icons") + iss_section("Run"):
        assert f'Filename: "{{app}}\\{windowed}.exe"' in line
    # The version comes from the file the spec writes next to the build.
    assert 'Path(DISTPATH, "version.iss")' in SPEC
    assert iss_path(re.search(r'#include "([^"]+)"', ISS).group(1)) == dist / "version.iss"
    setup = dict(line.split("=", 1) for line in iss_section("Setup"))
    for key in ("SetupIconFile", "LicenseFile"):
        assert iss_path(setup[key]).is_file(), key
    assert iss_path(setup["SetupIconFile"]) == ROOT / "resources/icons/frontera-desk.ico"
    assert setup["AppVersion"] == "{#AppVersion}" and setup["AppId"].startswith("{{")
    assert 'MessagesFile: "compiler:Languages\\Spanish.isl"' in ISS
    # The data folder is never deleted: the installer only ever removes the program's files.
    for line in iss_section("InstallDelete"):
        assert 'Name: "{app}\\' in line
    assert "UninstallDelete" not in ISS
    for name in ("InstallDelete", "Files", "Dirs"):
        if f"[{name}]" in ISS:
            assert "localappdata" not in "\n".join(iss_section(name)).lower(), name
    # ...and the uninstaller says where the data stayed.
    assert "{localappdata}') + '\\FronteraDesk'" in ISS


def test_icon_set_has_every_size() -> None:
    icons = ROOT / "resources" / "icons"
    for size in ICON_SIZES:
        with Image.open(icons / "hicolor" / f"{size}x{size}" / "apps" / "frontera-desk.png") as png:
            assert png.size == (size, size)
    with Image.open(icons / "frontera-desk.ico") as ico:
        assert {(s, s) for s in ICON_SIZES} <= ico.info["sizes"]


def _validator(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is missing: apt-get install desktop-file-utils appstream"
    return found


def test_desktop_entry_and_metainfo_are_valid() -> None:
    subprocess.run([_validator("desktop-file-validate"), str(DESKTOP)], check=True)
    done = subprocess.run([_validator("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == DESKTOP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.find("releases/release").get("version") == __version__
    assert "Exec=frontera-desk\n" in DESKTOP.read_text(encoding="utf-8")


@pytest.mark.slow
def test_built_program_runs_and_installs(tmp_path: Path, postgres: str) -> None:
    """The documented build command builds the one-folder program and checks it; the built
    program then works as an office uses it, and installs and removes itself on Linux."""
    dist, work = tmp_path / "dist", tmp_path / "work"
    done = subprocess.run(
        # --skip-generate: the install compiled the forms; other tests may be reading them now
        [sys.executable, str(PACKAGING / "build.py"), "--dist", str(dist), "--work", str(work),
         "--skip-generate"],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert f"frontera-desk {__version__}" in done.stdout
    assert re.search(r"interactive in \d+ ms", done.stdout)
    size = re.search(r"built .*: (\d+) MB in \d+ files", done.stdout)
    assert size and int(size.group(1)) < 400, done.stdout
    # The version, unless ISCC /DAppVersion=... gives another (packaging/windows's upgrade test).
    version_iss = (dist / "version.iss").read_text()
    assert f'#ifndef AppVersion\n  #define AppVersion "{__version__}"\n#endif' in version_iss
    built = dist / "frontera-desk"
    # Qt modules the app never uses stay out; licenses for "Acerca de" come along.
    assert not list(built.rglob("libQt6Quick*")) and not list(built.rglob("libQt6WebEngine*"))
    assert list(built.rglob("sqlalchemy-*.dist-info/licenses/LICENSE"))

    # Summary (reportlab fonts, JSON Schema, openpyxl) and a package from the frozen program.
    data = tmp_path / "office"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FRONTERA_DESK_USER": "supervisor",
           "FRONTERA_DESK_PASSWORD": "demo"}  # fmt: skip
    cli = str(built / "frontera-desk-cli")
    year, number = months_back(date.today(), 1)
    month = f"{year:04d}-{number:02d}"

    def run(*args: str) -> str:
        result = subprocess.run([cli, *args, "--data-dir", str(data)], env=env,
                                capture_output=True, text=True, timeout=300)  # fmt: skip
        assert result.returncode == 0, result.stderr
        return result.stdout

    run("demo", "create", "--persons", "40", "--months", "2")
    for suffix in ("pdf", "xlsx", "json"):
        run("summary", "--month", month, "-o", str(tmp_path / f"resumen.{suffix}"))
        assert (tmp_path / f"resumen.{suffix}").stat().st_size > 1000
    if number > 1:  # months close in order: the demo delivers in the month before it too
        run("month", "close", "--month", f"{year:04d}-{number - 1:02d}")
    run("month", "close", "--month", month)
    run("package", "export", "--month", month, "-o", str(tmp_path / "paquete.zip"))  # signed
    assert "íntegra" in run("db", "check")
    server = pg.new_database(postgres, template=None)  # server mode works frozen too
    env.update({"FRONTERA_DESK_USER": "admin", "FRONTERA_DESK_PASSWORD": "clave-segura-1",
                "FRONTERA_DESK_DATABASE_URL": server})  # fmt: skip
    data = tmp_path / "desk"
    try:
        run("setup", "--office", "SRV", "--name", "Oficina en servidor")
        assert run("people", "search", "x") == ""
    finally:
        pg.drop_database(postgres, server)

    prefix = tmp_path / "prefix"
    install = PACKAGING / "linux" / "install.sh"
    subprocess.run(["sh", str(install), "--prefix", str(prefix), str(built)], check=True)
    version = subprocess.run([str(prefix / "bin" / "frontera-desk-cli"), "--version"],
                             capture_output=True, text=True, check=True)  # fmt: skip
    assert version.stdout.strip() == f"frontera-desk {__version__}"
    entry = prefix / "share" / "applications" / DESKTOP.name
    assert f"Exec={prefix}/lib/frontera-desk/frontera-desk\n" in entry.read_text()
    assert (prefix / "share/icons/hicolor/48x48/apps/frontera-desk.png").is_file()
    subprocess.run(["sh", str(install), "--prefix", str(prefix), "--uninstall"], check=True)
    assert not (prefix / "lib" / "frontera-desk").exists() and not entry.exists()
    assert (tmp_path / "office" / "frontera.db").is_file()  # uninstalling keeps the data
