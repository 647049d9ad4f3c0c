"""A long list of ids in a fixed order, read one batch at a time (HOUSE_STYLE §3).

A batch continues right after the last row read — ``WHERE (key, id) > (last key, last id)``,
answered by the key's index — so the batch at row 500,000 costs what the first one does. With
``OFFSET`` the database walked every row before the batch again each time (a third of a second
at the end of 576,000 supports when those pages were no longer cached). A key that can be NULL
has no such order on every database (SQLite sorts NULL first, PostgreSQL last), so those lists
are read by position.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, Select, func, tuple_


@dataclass(frozen=True)
class IdList:
    query: Select[*tuple[Any, ...]]  # select(id, key), or select(id) for id order; no ORDER BY
    descending: bool = False
    nullable: bool = False  # the key can be NULL: read by position

    def _order(self) -> list[Any]:
        """The key, then the id for equal keys."""
        row_id, *key = self.query.selected_columns
        return [*key, row_id]

    def ordered(self) -> Select[Any]:
        """The rows, id first, in list order."""
        return self.query.order_by(*(c.desc() if self.descending else c for c in self._order()))

    def ids(self) -> Select[Any]:
        return self.ordered().with_only_columns(self.query.selected_columns[0])

    def count(self) -> Select[Any]:
        # count(*) over the same FROM and WHERE lets SQLite count an index; counting the query
        # as a subquery walked every row
        return self.query.with_only_columns(func.count(), maintain_column_froms=True)

    def batch(self, size: int, after: Row[Any] | None = None, position: int = 0) -> Select[Any]:
        """The ``size`` rows after ``after`` (the last row read, at ``position``)."""
        query = self.ordered().limit(size)
        if after is None:
            return query
        if self.nullable:
            return query.offset(position)
        row, mark = tuple_(*self._order()), tuple_(*after[1:], after[0])
        return query.where(row < mark if self.descending else row > mark)
