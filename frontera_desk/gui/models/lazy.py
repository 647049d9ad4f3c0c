"""A table model that reads row ids and row data in pages (HOUSE_STYLE §3).

Two service functions drive it: one gives the ordered list of ids (an ``IdList``) for a filter
and a sort key, the other loads the rows of some ids. Sorting and filtering happen in SQL; the
model counts the matches, reads the first batch of ids, and the next batch after the last id
read as the view scrolls (``fetchMore``), so a list of 200,000 rows never loads them all. The
ids read are kept in an ``array`` (8 bytes each; a list of ints took about 40).
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from sqlalchemy import Row as SqlRow
from sqlalchemy import Select
from sqlalchemy.orm import Session

from frontera_desk.db import Database
from frontera_desk.db.paging import IdList

Row = TypeVar("Row")
IdQuery = Callable[[Any, str | None, bool], IdList]
RowFetch = Callable[[Session, list[int]], dict[int, Row]]
IdRole = Qt.ItemDataRole.UserRole + 1
# The view asks data() for a dozen roles per cell on every paint: plain ints compare fastest.
_DISPLAY, _ALIGN, _ID = (
    int(Qt.ItemDataRole.DisplayRole),
    int(Qt.ItemDataRole.TextAlignmentRole),
    int(IdRole),
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Row]):
    title: str
    display: Callable[[Row], str]
    sort_key: str | None = None
    align_right: bool = False
    width: int = 110


class LazyTableModel(QAbstractTableModel, Generic[Row]):
    PAGE = 60  # rows fetched per query: more than a screen
    BATCH = 1000  # ids read per fetchMore
    CACHE = 2000  # rows kept in memory, with their texts (about 1 KB each)

    def __init__(
        self,
        db: Database,
        columns: list[Column[Row]],
        query_ids: IdQuery | None,  # None: the ids are given (show_ids)
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
        self._ids = array("q")  # the ids read so far, in list order
        self._last: SqlRow[Any] | None = None  # the last row read: the next batch starts after it
        self._total = 0
        self._list: IdList | None = None
        # id → (row, the text of each column): a row is formatted once, not on every paint
        self._cache: OrderedDict[int, tuple[Row, tuple[str, ...]]] = OrderedDict()
        self._align = [_RIGHT if c.align_right else None for c in columns]
        self._sort_column = sort_column
        self._descending = descending

    # --- loading ------------------------------------------------------------------------------

    def set_filter(self, new_filter: Any) -> None:
        self.filter = new_filter
        self.reload()

    def reload(self) -> None:
        """Count and read the first ids again (after a filter, a sort or a change)."""
        if self._query_ids is None:  # the same ids, their rows read again
            self.show_ids(self._ids)
            return
        sort_key = self.columns[self._sort_column].sort_key
        listing = self._query_ids(self.filter, sort_key, self._descending)
        with self.db.read() as session:
            total = session.scalar(self._count(self.filter) if self._count else listing.count())
            rows = session.execute(listing.batch(self.BATCH)).all()
        self.beginResetModel()
        self._list, self._total = listing, int(total or 0)
        self._ids, self._last = array("q", (r[0] for r in rows)), rows[-1] if rows else None
        self._cache.clear()
        self.endResetModel()

    def show_ids(self, ids: Iterable[int]) -> None:
        """Show these ids in this order, read elsewhere (off the GUI thread, all at once); their
        rows are read as they are shown."""
        self.beginResetModel()
        self._list, self._last = None, None
        self._ids = array("q", ids)
        self._total = len(self._ids)
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
        cached = self._cached(row)
        return cached[0] if cached else None

    def _cached(self, row: int) -> tuple[Row, tuple[str, ...]] | None:
        row_id = self._ids[row]
        if row_id not in self._cache:
            # The view asks from the top row down: the rows from here fill the screen in one
            # query (a page boundary in view cost a second one)
            page = [i for i in self._ids[row : row + self.PAGE] if i not in self._cache]
            with self.db.read() as session:
                fetched = self._fetch_rows(session, page)
            for pid in page:
                if pid in fetched:
                    data = fetched[pid]
                    self._cache[pid] = (data, tuple(c.display(data) for c in self.columns))
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
        if parent.isValid() or self._list is None or not self.canFetchMore(parent):
            return
        # No more than were counted: the database stops as soon as it has them, instead of
        # reading the rest of the index to learn that nothing else matches (0.1 s at the end
        # of a month's 50,000 deliveries)
        wanted = min(self.BATCH, self._total - len(self._ids))
        query = self._list.batch(wanted, self._last, len(self._ids))
        with self.db.read() as session:
            rows = session.execute(query).all()
        if not rows:  # the data changed under the list: what was counted is gone
            self._total = len(self._ids)
            return
        self.beginInsertRows(QModelIndex(), len(self._ids), len(self._ids) + len(rows) - 1)
        self._ids.extend(r[0] for r in rows)
        self._last = rows[-1]
        self.endInsertRows()

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if role not in (_DISPLAY, _ALIGN, _ID) or not index.isValid():
            return None
        row = index.row()
        if row >= len(self._ids):
            return None
        if role == _DISPLAY:
            cached = self._cached(row)
            return cached[1][index.column()] if cached else ""
        return self._align[index.column()] if role == _ALIGN else self._ids[row]

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
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or self.columns[column].sort_key is None:
            return
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
