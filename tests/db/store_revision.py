"""Store the office database at every schema revision under tests/db/old/ (HOUSE_STYLE 6).

    python -m tests.db.store_revision

Each missing ``revNNNN-demo.db`` is the oldest stored one (the 20-person office of revision 0001)
upgraded by Alembic to that revision, then vacuumed. Run it after adding a migration, before
the next one changes the schema again: test_migrations upgrades each stored file to HEAD.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory

from frontera_desk.db import Database
from frontera_desk.db.migrate import alembic_config

OLD = Path(__file__).parent / "old"


def revisions() -> list[str]:
    """Every revision, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def main() -> None:
    first = OLD / "rev0001-demo.db"
    for revision in revisions():
        target = OLD / f"rev{revision}-demo.db"
        if target.exists():
            continue
        shutil.copy(first, target)
        db = Database(f"sqlite:///{target}")
        config = alembic_config()
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
        db.dispose()
        with sqlite3.connect(target) as conn:
            conn.execute("VACUUM")
        conn.close()
        print(f"stored {target.name}")


if __name__ == "__main__":
    main()
