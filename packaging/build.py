"""Build the one-folder program and prove it runs: ``python packaging/build.py``.

1. compiles the forms, resources and translations (packaging/hatch_build.py);
2. runs PyInstaller on packaging/frontera_desk.spec into dist/frontera-desk/;
3. runs the built program: ``--version``, then ``demo create`` into a scratch folder and
   ``--smoke-test`` on it (offscreen, so it needs no screen);
4. prints the folder's size.

Needs the build extra: ``pip install -e ".[build]"``. On Windows, then run Inno Setup on
packaging/frontera_desk.iss to make the installer.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
NAME = "frontera-desk"


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def check(app_dir: Path) -> str:
    """Run the built program as an office would; returns what it printed. Raises on failure."""
    suffix = ".exe" if sys.platform == "win32" else ""
    cli = app_dir / f"{NAME}-cli{suffix}"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("FRONTERA_DESK_DATA_DIR", None)

    def run(*args: str) -> str:
        done = subprocess.run([str(cli), *args], env=env, capture_output=True, text=True,
                              timeout=300)  # fmt: skip
        if done.returncode != 0:
            raise SystemExit(f"{cli.name} {' '.join(args)} failed ({done.returncode}):\n"
                             f"{done.stdout}{done.stderr}")  # fmt: skip
        return done.stdout.strip()

    lines = [run("--version")]
    with tempfile.TemporaryDirectory(prefix="frontera-build-check-") as scratch:
        data = str(Path(scratch) / "demo")
        run("demo", "create", "--data-dir", data, "--persons", "60", "--months", "2")
        lines.append(run("--data-dir", data, "--smoke-test"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's scratch")
    parser.add_argument(
        "--skip-generate",
        action="store_true",
        help="use the forms and translations already compiled (by the install)",
    )
    args = parser.parse_args(argv)

    if not args.skip_generate:
        import hatch_build

        hatch_build.build()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(args.dist), "--workpath", str(args.work),
         str(ROOT / "packaging" / "frontera_desk.spec")],
        check=True,
    )  # fmt: skip
    app_dir = args.dist / NAME
    print(check(app_dir))
    size, count = folder_size(app_dir)
    print(f"built {app_dir}: {size / 1e6:.0f} MB in {count} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
