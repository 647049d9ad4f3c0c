"""Writing many rows at once (the demo generator, copying an office to a server).

Secondary indexes are dropped for the load and built again at the end, inside the caller's
transaction (DDL is transactional on both databases): sorting once is far faster than a million
random inserts. SQLite enlarges its page cache meanwhile; PostgreSQL moves each table's id
sequence past the ids written and refreshes the planner's statistics.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Connection

from frontera_desk.db.engine import CACHE_PAGES

LOAD_CACHE_PAGES = -262144  # 256 MB while the indexes are built


def _secondary_indexes(conn: Connection, tables: Sequence[str]) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the indexes that no constraint owns."""
    names = ", ".join(f"'{t}'" for t in tables)
    if conn.dialect.name == "sqlite":
        sql = ("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
               f"AND tbl_name IN ({names})")  # fmt: skip
    else:
        sql = ("SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
               "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
               f"WHERE t.relname IN ({names}) AND t.relnamespace = 'public'::regnamespace "
               "AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
               "WHERE c.conindid = x.indexrelid)")  # fmt: skip
    return [(str(name), str(create)) for name, create in conn.exec_driver_sql(sql)]


@contextmanager
def bulk_load(conn: Connection, tables: Sequence[str]) -> Iterator[None]:
    sqlite = conn.dialect.name == "sqlite"
    indexes = _secondary_indexes(conn, tables)
    if sqlite:
        conn.exec_driver_sql(f"PRAGMA cache_size = {LOAD_CACHE_PAGES}")
    else:  # for the index builds, this transaction only
        conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
    for name, _sql in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        conn.exec_driver_sql(sql)
    if sqlite:
        conn.exec_driver_sql(f"PRAGMA cache_size = {CACHE_PAGES}")
    else:
        reset_sequences(conn, tables)
        for table in tables:
            conn.exec_driver_sql(f'ANALYZE "{table}"')


def reset_sequences(conn: Connection, tables: Sequence[str]) -> None:
    """PostgreSQL: rows written with their ids leave each id sequence behind; move it on."""
    for table in tables:
        sequence = conn.exec_driver_sql(
            f"SELECT pg_get_serial_sequence('\"{table}\"', 'id') FROM information_schema.columns "
            f"WHERE table_name = '{table}' AND column_name = 'id'"
        ).scalar()  # None for a table without a serial id
        if sequence:
            conn.exec_driver_sql(
                f"SELECT setval('{sequence}', COALESCE(max(id), 0) + 1, false) FROM \"{table}\""
            )


def insert_rows(conn: Connection, table: str, columns: str, rows: list[tuple[object, ...]]) -> None:
    """``INSERT`` every row (tuples in the order of ``columns``) in one executemany."""
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    marks = ", ".join([mark] * (columns.count(",") + 1))
    conn.exec_driver_sql(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', rows)
