"""Two more start-up floors: a bare window that first opens the office as the program must.

    python -m tests.benchmarks.data_window DEMO_DIR [--without-orm]

The demo supervisor's key is derived from the password (on another core while the rest loads,
as the program does), the encrypted database is opened through SQLAlchemy's ORM and the
office's models, one row is read, and an empty table is shown; it says so on its output, as
``--smoke-test`` does. What the program adds beyond this is its own work: the sign-in's checks
and audit entry, the office and settings, Inicio, the menus and the status bar.

``--without-orm`` reads that row straight from SQLCipher, SQLAlchemy's core imported as the bare
window does: what the key and the encryption cost, without the ORM and the models that the
services are written in (DESIGN §3).
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from frontera_desk import paths  # noqa: E402
from frontera_desk.db.keyfile import KeyFile, derive_ahead, user_entry  # noqa: E402

office = paths.resolve(sys.argv[1])
derive_ahead(office.keys, user_entry(paths.DEMO_USER), paths.DEMO_PASSWORD)


def key() -> bytes:
    unwrapped = KeyFile.load(office.keys).unwrap(user_entry(paths.DEMO_USER), paths.DEMO_PASSWORD)
    assert unwrapped is not None
    return unwrapped


if "--without-orm" in sys.argv:
    import sqlalchemy  # noqa: F401 (as the bare window)
    from sqlcipher3 import dbapi2

    connection = dbapi2.connect(str(office.database))
    connection.execute(f"PRAGMA key = \"x'{key().hex()}'\"")
    connection.execute("SELECT name FROM office").fetchall()
    dispose = connection.close
else:
    from sqlalchemy import select
    from sqlalchemy.orm import configure_mappers

    from frontera_desk.db import models
    from frontera_desk.db.engine import make_engine, sqlite_url

    configure_mappers()
    engine = make_engine(sqlite_url(office.database), key())
    with engine.connect() as orm_connection:
        orm_connection.execute(select(models.Office.name)).all()
    dispose = engine.dispose

from tests.benchmarks.bare_window import show_empty_window  # noqa: E402 (Qt: after the data)

show_empty_window()
dispose()
