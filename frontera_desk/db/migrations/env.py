"""Alembic environment: runs on the connection handed over by frontera_desk.db.migrate."""

from __future__ import annotations

from alembic import context

from frontera_desk.db.migrate import include_object
from frontera_desk.db.models import Base

config = context.config


def run_migrations() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: batch mode copies the table
        include_object=include_object,
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
