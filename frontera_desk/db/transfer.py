"""Moving an office from its SQLite file to a PostgreSQL server (``db move-to-server``).

Every table is copied row by row through SQLAlchemy's column types (dates, money, booleans stay
what they are), in dependency order, in one transaction on the server: a copy that fails leaves
the server database as empty as it was. The search index is copied too; the id sequences move
past the copied ids. The audit chain is copied verbatim, so it verifies on the server.
"""

from __future__ import annotations

from sqlalchemy import Connection, Table, bindparam, delete, func, insert, select, text, update

from frontera_desk.db.bulk import reset_sequences
from frontera_desk.db.engine import Database
from frontera_desk.db.models import Base, KeyStore, Office
from frontera_desk.db.search import FTS_TABLE
from frontera_desk.domain.errors import FronteraError

BATCH = 5000


def _self_references(table: Table) -> list[str]:
    """Columns pointing at the same table (a household's head): filled in a second pass."""
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def _copy(source: Connection, target: Connection, table: Table) -> int:
    later = _self_references(table)
    copied = 0
    result = source.execution_options(yield_per=BATCH).execute(select(table))
    for rows in result.partitions():
        batch = [dict(row._mapping) for row in rows]
        links = [{"_id": r["id"], **{c: r[c] for c in later}}
                 for r in batch if any(r[c] is not None for c in later)]  # fmt: skip
        for row in batch:
            row.update(dict.fromkeys(later))
        target.execute(insert(table), batch)
        if links:
            key = table.c.id == bindparam("_id")
            target.execute(update(table).where(key).values({c: bindparam(c) for c in later}),
                           links)  # fmt: skip
        copied += len(batch)
    return copied


def move_to_server(source: Database, target: Database) -> int:
    """Copy the office in ``source`` into the empty, migrated ``target``; returns rows copied."""
    with target.read() as session:
        if session.scalar(select(func.count()).select_from(Office)):
            raise FronteraError("La base de datos del servidor ya tiene una oficina; la "
                                "mudanza necesita una base de datos vacía.")  # fmt: skip
    total = 0
    tables = [t for t in Base.metadata.sorted_tables if t.name != KeyStore.__tablename__]
    with source.engine.connect() as src, target.engine.begin() as dst:
        for table in reversed(tables):  # catalogs the migrations seeded: the office's own win
            dst.execute(delete(table))
        for table in tables:  # the keys go through the key store, not here
            total += _copy(src, dst, table)
        fts = src.execute(text(f"SELECT rowid, names, documents FROM {FTS_TABLE}")).all()
        if fts:
            dst.execute(text(f"INSERT INTO {FTS_TABLE} (rowid, names, documents) "
                             "VALUES (:rowid, :names, :documents)"),
                        [row._asdict() for row in fts])  # fmt: skip
        reset_sequences(dst, [t.name for t in Base.metadata.sorted_tables])
    return total + len(fts)
