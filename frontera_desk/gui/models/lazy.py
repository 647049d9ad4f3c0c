"""A table model that reads row ids and row data in pages (HOUSE_STYLE §3).

Two service functions drive it: one builds the ordered id query for a filter and a sort key,
the other loads the rows of a list of ids. Sorting and filtering happen in SQL; the model
counts the matches, reads the first batch of ids, and more as the view scrolls (``fetchMore``),
so a list of 200,000 rows never loads them all.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from sqlalchemy import Select, func
from sqlalchemy.orm import Session

from frontera_desk.db import Database

Row = TypeVar("Row")
IdQuery = Callable[[Any, str | None, bool], Select[Any]]
RowFetch = Callable[[Session, list[int]], dict[int, Row]]
IdRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Row]):
    title: str
    display: Callable[[Row], str]
    sort_key: str | None = None
    align_right: bool = False
    width: int = 110


class LazyTableModel(QAbstractTableModel, Generic[Row]):
    PAGE = 50  # rows fetched per query: about two screens
    BATCH = 1000  # ids read per fetchMore
    CACHE = 5000  # rows kept in memory

    def __init__(
        self,
        db: Database,
        columns: list[Column[Row]],
        query_ids: IdQuery,
        fetch_rows: RowFetch[Row],
        initial_filter: Any = None,
        sort_column: int = 0,
        descending: bool = False,
        parent: Any = None,
        count: Callable[[Any], Select[Any]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.columns = columns
        self._query_ids = query_ids
        self._fetch_rows = fetch_rows
        self._count = count  # a faster count for a filter than counting the id query
        self.filter = initial_filter
        self._ids: list[int] = []  # the ids read so far, in list order
        self._total = 0
        self._query: Select[Any] | None = None
        self._cache: OrderedDict[int, Row] = OrderedDict()
        self._sort_column = sort_column
        self._descending = descending

    # --- loading ------------------------------------------------------------------------------

    def set_filter(self, new_filter: Any) -> None:
        self.filter = new_filter
        self.reload()

    def reload(self) -> None:
        """Count and read the first ids again (after a filter, a sort or a change)."""
        sort_key = self.columns[self._sort_column].sort_key
        query = self._query_ids(self.filter, sort_key, self._descending)
        with self.db.read() as session:
            total = session.scalar(
                self._count(self.filter)
                if self._count
                # count(*) over the same FROM and WHERE lets SQLite count an index; counting
                # the query as a subquery walked every row (45 ms for 576,000 supports)
                else query.with_only_columns(func.count(), maintain_column_froms=True).order_by(
                    None
                )
            )
            ids = list(session.scalars(query.limit(self.BATCH)))
        self.beginResetModel()
        self._query, self._total, self._ids = query, int(total or 0), ids
        self._cache.clear()
        self.endResetModel()

    def refresh_row(self, row_id: int) -> None:
        self._cache.pop(row_id, None)
        if row_id in self._ids:
            row = self._ids.index(row_id)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def row_of(self, row_id: int) -> int | None:
        """The row of an id, reading more ids until it is found (None: not in the list)."""
        while row_id not in self._ids:
            if not self.canFetchMore(QModelIndex()):
                return None
            self.fetchMore(QModelIndex())
        return self._ids.index(row_id)

    def sort_state(self) -> tuple[int, bool]:
        """The sorted column and whether it is descending (for the header's indicator)."""
        return self._sort_column, self._descending

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def total(self) -> int:
        """Every row the filter keeps, read or not."""
        return self._total

    def row_data(self, row: int) -> Row | None:
        row_id = self._ids[row]
        if row_id not in self._cache:
            page_start = row - row % self.PAGE
            page = self._ids[page_start : page_start + self.PAGE]
            with self.db.read() as session:
                fetched = self._fetch_rows(session, page)
            for pid in page:
                if pid in fetched:
                    self._cache[pid] = fetched[pid]
            while len(self._cache) > self.CACHE:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(row_id)
        return self._cache.get(row_id)

    # --- Qt overrides -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self._ids) < self._total

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._query is None or not self.canFetchMore(parent):
            return
        with self.db.read() as session:
            more = list(session.scalars(self._query.limit(self.BATCH).offset(len(self._ids))))
        if not more:  # the data changed under the list: what was counted is gone
            self._total = len(self._ids)
            return
        self.beginInsertRows(QModelIndex(), len(self._ids), len(self._ids) + len(more) - 1)
        self._ids += more
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == IdRole:
            return self._ids[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.row_data(index.row())
            return column.display(row) if row is not None else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].title
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or self.columns[column].sort_key is None:
            return
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
