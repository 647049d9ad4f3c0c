"""A second start-up floor: a bare window that first opens the office as the program must.

    python -m tests.benchmarks.data_window DEMO_DIR

The demo supervisor's key is derived from the password (on another core while the rest loads,
as the program does), the encrypted database is opened through SQLAlchemy's ORM and the
office's models, one row is read, and an empty table is shown; it says so on its output, as
``--smoke-test`` does. What the program adds beyond this is its own work: the sign-in's checks
and audit entry, the office and settings, Inicio, the menus and the status bar.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from frontera_desk import paths  # noqa: E402
from frontera_desk.db.keyfile import KeyFile, derive_ahead, user_entry  # noqa: E402

office = paths.resolve(sys.argv[1])
derive_ahead(office.keys, user_entry(paths.DEMO_USER), paths.DEMO_PASSWORD)

from sqlalchemy import select  # noqa: E402
from sqlalchemy.orm import configure_mappers  # noqa: E402

from frontera_desk.db import models  # noqa: E402
from frontera_desk.db.engine import make_engine, sqlite_url  # noqa: E402

configure_mappers()
key = KeyFile.load(office.keys).unwrap(user_entry(paths.DEMO_USER), paths.DEMO_PASSWORD)
engine = make_engine(sqlite_url(office.database), key)
with engine.connect() as connection:
    connection.execute(select(models.Office.name)).all()

from tests.benchmarks.bare_window import show_empty_window  # noqa: E402 (Qt: after the data)

show_empty_window()
engine.dispose()
