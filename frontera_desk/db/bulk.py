"""Writing many rows at once (the demo generator): SQLite-specific, so it lives in ``db/``.

Secondary indexes are dropped for the load and built again at the end, inside the caller's
transaction (SQLite's DDL is transactional): sorting once is far faster than a million random
inserts. The page cache is enlarged meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Connection

from frontera_desk.db.engine import CACHE_PAGES

LOAD_CACHE_PAGES = -262144  # 256 MB while the indexes are built


@contextmanager
def bulk_load(conn: Connection, tables: Sequence[str]) -> Iterator[None]:
    names = ", ".join(f"'{t}'" for t in tables)
    indexes = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({names})"
    ).all()  # fmt: skip
    conn.exec_driver_sql(f"PRAGMA cache_size = {LOAD_CACHE_PAGES}")
    for name, _sql in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        conn.exec_driver_sql(sql)
    conn.exec_driver_sql(f"PRAGMA cache_size = {CACHE_PAGES}")


def insert_rows(conn: Connection, table: str, columns: str, rows: list[tuple[object, ...]]) -> None:
    """``INSERT`` every row (tuples in the order of ``columns``) in one executemany."""
    marks = ", ".join("?" * (columns.count(",") + 1))
    conn.exec_driver_sql(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
