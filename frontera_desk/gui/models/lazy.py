"""A table model that reads row ids and row data in pages (HOUSE_STYLE §3).

Two service functions drive it: one gives the ordered list of ids (an ``IdList``) for a filter
and a sort key, the other loads the rows of some ids. Sorting and filtering happen in SQL. A
reload reads the first batch of ids on the pool, the GUI thread waiting ``WAIT`` for it; then
the next batch after the last id read as the view scrolls (``fetchMore``), so a list of 200,000
rows never loads them all. A first batch that is not full is the whole list; otherwise the
matches are counted off the GUI thread (``counted`` says when: the 513,000 supports delivered
took 50-130 ms to count). A first batch slower than ``WAIT`` was sorted in a temporary tree,
as every later batch would be: the list is read whole instead, off the thread. The ids read are
kept in an ``array`` (4 bytes each; a list of ints took about 40).
"""

from __future__ import annotations

import threading
import time
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from sqlalchemy import Row as SqlRow
from sqlalchemy import Select
from sqlalchemy.orm import Session

from frontera_desk.db import Database
from frontera_desk.db.paging import IdList
from frontera_desk.gui.workers import run_in_background

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
_ID_TYPE = "i"  # 32 bits: the ids are INTEGER keys (int4 on PostgreSQL), far from 2**31


@dataclass(frozen=True)
class Column(Generic[Row]):
    title: str
    display: Callable[[Row], str]
    sort_key: str | None = None
    align_right: bool = False
    width: int = 110


@dataclass
class _Loading:
    """One reload under way: its first batch, or every id when that batch was slow to sort."""

    listing: IdList
    count: Select[Any]
    ready: threading.Event = field(default_factory=threading.Event)
    rows: list[SqlRow[Any]] | None = None
    every_id: array[int] | None = None
    error: BaseException | None = None


class LazyTableModel(QAbstractTableModel, Generic[Row]):
    counted = Signal()  # total() is known: at once, or once counted off the GUI thread
    WAIT = 0.025  # seconds the GUI thread waits for the first batch of a reload
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
        self._ids = array(_ID_TYPE)  # the ids shown so far, in list order
        self._every: array[int] | None = None  # every id, when the list is read whole
        self._last: SqlRow[Any] | None = None  # the last row read: the next batch starts after it
        self._total: int | None = 0  # None: still being counted
        self._loading: _Loading | None = None  # the reload under way
        self._generation = 0  # one more at each new list: a count for an older one is dropped
        # The background jobs' signals, kept alive by the model (kept by each reload, they held
        # it through their callbacks: every reload's thousand rows stayed in memory)
        self._load_signals: Any = None
        self._count_signals: Any = None
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
        """Read the first ids again (after a filter, a sort or a change), on the pool: the GUI
        thread waits ``WAIT`` seconds for them, enough for a list read from an index on the
        large office. Slower, every id is read, and shown when it arrives."""
        if self._query_ids is None:  # the same ids, their rows read again
            self.show_ids(self._every if self._every is not None else self._ids)
            return
        sort_key = self.columns[self._sort_column].sort_key
        listing = self._query_ids(self.filter, sort_key, self._descending)
        count = self._count(self.filter) if self._count else listing.count()
        loading = _Loading(listing, count)
        budget = self.WAIT

        def read(_progress: Any) -> None:
            try:
                start = time.perf_counter()
                with self.db.read() as session:
                    rows = session.execute(listing.batch(self.BATCH)).all()
                    if len(rows) == self.BATCH and time.perf_counter() - start > budget:
                        loading.every_id = self._every_id(session, listing)
                    else:
                        loading.rows = rows
            except BaseException as error:
                loading.error = error
                raise
            finally:
                loading.ready.set()

        def failed(error: BaseException) -> None:
            if self._loading is loading:
                self._loading = None
                raise error  # to the excepthook, as any error of the GUI thread

        self._generation += 1
        self._loading = loading
        self._load_signals = run_in_background(read, lambda _: self._loaded(loading), failed)
        if loading.ready.wait(budget):
            if loading.error is not None:
                self._loading = None
                raise loading.error
            self._loaded(loading)
        else:  # no rows until they arrive, rather than the rows of the last filter
            self._reset(None, None, array(_ID_TYPE))

    @staticmethod
    def _every_id(session: Session, listing: IdList) -> array[int]:
        """Every id of the list, read in parts. Fetched at once (576,000), the rows were read in
        one call that kept the interpreter from the GUI thread for 0.1 s; between parts, the
        GUI thread gets it (``sleep(0)``)."""
        every = array(_ID_TYPE)
        parts = session.execute(listing.ids().execution_options(yield_per=500)).scalars()
        for part in parts.partitions():
            every.extend(part)
            time.sleep(0)
        return every

    def _loaded(self, loading: _Loading) -> None:
        if self._loading is not loading:  # shown already, or a list the user has moved on from
            return
        self._loading = None
        if loading.every_id is not None:
            self._reset(None, len(loading.every_id), loading.every_id)
            return
        rows = loading.rows or []
        whole = len(rows) < self.BATCH
        ids = array(_ID_TYPE, (r[0] for r in rows))
        self._reset(loading.listing, len(rows) if whole else None, ids)
        self._last = rows[-1] if rows else None
        if not whole:
            self._count_matches(loading.count)

    def _reset(self, listing: IdList | None, total: int | None, ids: array[int]) -> None:
        """Show ``ids``: the first batch read of ``listing``, or (no listing) every id of the
        list, shown a batch at a time as the view scrolls, as a list read by batches is."""
        self.beginResetModel()
        self._list, self._last = listing, None
        self._every = None if listing else ids
        self._ids = ids if listing else ids[: self.BATCH]
        self._cache.clear()
        self._total = total
        self.endResetModel()
        if total is not None:
            self._set_total(total)

    def _count_matches(self, query: Select[Any]) -> None:
        generation = self._generation

        def count(_progress: Any) -> int:
            with self.db.read() as session:
                return int(session.scalar(query) or 0)

        def done(total: int) -> None:
            if self._total is None and self._generation == generation:  # still that list's
                self._set_total(total)

        self._count_signals = run_in_background(count, done, lambda _error: None)  # uncounted

    def _set_total(self, total: int) -> None:
        self._total = total
        self.counted.emit()

    def show_ids(self, ids: Iterable[int]) -> None:
        """Show these ids in this order, read elsewhere (off the GUI thread, all at once); their
        rows are read as they are shown."""
        self._loading = None
        self._generation += 1
        every = array(_ID_TYPE, ids)
        self._reset(None, len(every), every)

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

    def total(self) -> int | None:
        """Every row the filter keeps, read or not (None while they are counted)."""
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
        if parent.isValid():
            return False
        if self._every is not None:
            return len(self._ids) < len(self._every)
        return self._list is not None and (self._total is None or len(self._ids) < self._total)

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        if self._every is not None:  # every id is read: the next batch of them, shown
            shown = len(self._ids)
            more = self._every[shown : shown + self.BATCH]
            self.beginInsertRows(QModelIndex(), shown, shown + len(more) - 1)
            self._ids.extend(more)
            self.endInsertRows()
            return
        assert self._list is not None
        # No more than were counted: the database stops as soon as it has them, instead of
        # reading the rest of the index to learn that nothing else matches (slow at the end of
        # a month of many deliveries)
        total = self._total
        wanted = self.BATCH if total is None else min(self.BATCH, total - len(self._ids))
        query = self._list.batch(wanted, self._last, len(self._ids))
        with self.db.read() as session:
            rows = session.execute(query).all()
        if len(rows) < wanted:  # the end, before the count came (or the data changed under
            self._set_total(len(self._ids) + len(rows))  # the list: what was counted is gone)
        if not rows:
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
