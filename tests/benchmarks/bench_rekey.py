"""Re-keying (issue 19): disabling a user re-encrypts the whole database under a new key.

    python -m tests.benchmarks.bench_rekey [--persons N | --data-dir DEMO_DIR]

Builds a demo office (or copies an existing demo folder, which is left untouched), signs in
as its administrator, disables the caseworker and times the whole use case (the key file's
pending state, SQLCipher's ``PRAGMA rekey``, the final key file, the audit entry). The floor is
a bare ``PRAGMA rekey`` through sqlcipher3 on the same file, nothing else. The GUI runs the
re-key off its thread with a progress dialog, so the figure is a wait, not a frozen window.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from frontera_desk import paths
from frontera_desk.db.engine import connect_file
from frontera_desk.db.keyfile import new_database_key
from frontera_desk.paths import DEMO_PASSWORD
from frontera_desk.services import auth
from frontera_desk.services.demo import create_demo_dir
from tests.benchmarks.common import table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--persons", type=int, default=2_000)
    parser.add_argument("--data-dir", type=Path, help="a demo folder to copy (not changed)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "oficina"
        if args.data_dir:
            shutil.copytree(args.data_dir, folder)
        else:
            create_demo_dir(paths.resolve(folder), persons=args.persons, months=12, seed=1)
        app_paths = paths.resolve(folder)
        size = app_paths.database.stat().st_size / 1_048_576
        admin = auth.sign_in(app_paths, "admin", DEMO_PASSWORD)
        start = time.perf_counter()
        result = auth.disable_user(admin.db, admin.actor, admin.vault, "capturista")
        whole = time.perf_counter() - start
        key = admin.vault.db_key
        admin.db.dispose()
        assert result.rekeyed
        conn = connect_file(app_paths.database, key)
        start = time.perf_counter()
        conn.execute(f"PRAGMA rekey = \"x'{new_database_key().hex()}'\"").fetchall()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        bare = time.perf_counter() - start
        conn.close()
    print(f"database of {size:,.0f} MB")
    print(table([("disable a user (re-key, whole use case)", whole, bare, "a wait with progress"),
                 ("bare PRAGMA rekey (floor)", bare, None, "")], unit="s"))  # fmt: skip
    print("(seconds)")


if __name__ == "__main__":
    main()
