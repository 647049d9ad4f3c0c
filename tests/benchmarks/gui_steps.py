"""The GUI on a data folder, step by step: open each page, then drag the people and supports
lists to their end. Run by ``run_all`` in its own process; prints one JSON object.

    python -m tests.benchmarks.gui_steps DATA_DIR

A page opens in steps: the switch and whatever the page does on the GUI thread, then the work
it hands to the thread pool, whose result arrives later. What a user feels is the longest time
the window could not answer, so each action is measured by a timer that wants to run every
millisecond: the longest gap between its runs is the longest frame. A drag step is one frame
(the rows fetched and painted before the next event). The floor of a drag is a bare QTableView
over a model that makes up its text, dragged the same way. The process's peak resident memory
comes last.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class FrameMonitor:
    """The longest frame of an action, and the time until its background work is done."""

    def __init__(self, app: Any) -> None:
        from PySide6.QtCore import QTimer

        self.app = app
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self.last = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self.last)
        self.last = now

    def measure(
        self, action: Callable[[], Any], done: Callable[[], bool] = lambda: True
    ) -> tuple[float, float]:
        from PySide6.QtCore import QThreadPool

        pool = QThreadPool.globalInstance()
        self.gaps, self.last = [], time.perf_counter()
        start = self.last
        self.timer.start()
        action()
        self._tick()
        while pool.activeThreadCount() or not done() or time.perf_counter() - start < 0.05:
            self.app.processEvents()
            time.sleep(0.0002)
        self.app.processEvents()  # the result of the background work, shown
        shown = time.perf_counter()
        while time.perf_counter() - shown < 0.2:  # and what showing it set off (charts drawn)
            self.app.processEvents()
            time.sleep(0.0002)
        self._tick()
        self.timer.stop()
        return max(self.gaps) * 1000, (shown - start) * 1000


def drag(app: Any, table: Any, more: Callable[[], bool]) -> list[float]:
    """Drag the scroll bar to the end, step by step (each step shows more rows), and back."""
    bar = table.verticalScrollBar()

    def timed(value: int) -> float:
        start = time.perf_counter()
        bar.setValue(value)
        app.processEvents()
        return (time.perf_counter() - start) * 1000

    steps = []
    while True:
        steps.append(timed(bar.maximum()))
        if not more() and bar.value() == bar.maximum():
            break
    steps.append(timed(0))
    return steps


def bare_drag(app: Any, rows: int, columns: int, size: tuple[int, int]) -> list[float]:
    """The floor: a bare QTableView over a model that makes up its text, fetching 1,000 rows
    at a time like the application's lists."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex
    from PySide6.QtWidgets import QTableView

    class Bare(QAbstractTableModel):
        shown = 1000

        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else self.shown

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else columns

        def data(self, index: Any, role: int = 0) -> Any:
            return f"{index.row()}-{index.column()}" if role == 0 else None

        def canFetchMore(self, parent: Any) -> bool:
            return not parent.isValid() and self.shown < rows

        def fetchMore(self, parent: Any) -> None:
            more = min(1000, rows - self.shown)
            self.beginInsertRows(QModelIndex(), self.shown, self.shown + more - 1)
            self.shown += more
            self.endInsertRows()

    model = Bare()
    view = QTableView()
    view.setModel(model)
    view.resize(*size)
    view.show()
    app.processEvents()
    steps = drag(app, view, lambda: model.canFetchMore(QModelIndex()))
    view.close()
    return steps


def open_dialogs(monitor: FrameMonitor, window: Any) -> dict[str, float]:
    """The longest frame from the click until each dialog is up (it is closed 0.3 s later):
    a person's file, the person picker (from Apoyos), a support request."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            dialog.close()

    closer = QTimer(interval=300)
    closer.timeout.connect(close_it)
    closer.start()
    people, supports = window.people, window.supports
    window.nav.setCurrentRow(1)
    people.table.selectRow(0)
    actions = {
        "Personas: edit the person": people.edit_person,
        "Personas: request a support": people.request_support,
        "Apoyos: request a support (choose the person)": supports.request_support,
    }
    frames = {name: monitor.measure(action)[0] for name, action in actions.items()}
    closer.stop()
    window.nav.setCurrentRow(0)
    return frames


def every_choice(monitor: FrameMonitor, page: Any) -> dict[str, Any]:
    """Each choice of the page's filters, one at a time, then each sort of its list (both ways)
    with its last filter on (for Apoyos, the supports of the oldest month): the longest frame
    of all, which choice it was, and the longest wait for the rows. The sort is put back."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox

    header = page.table.horizontalHeader()
    combos = page.findChildren(QComboBox)
    actions: list[tuple[str, Callable[[], Any]]] = []
    for combo in combos:
        actions += [(combo.itemText(i), lambda c=combo, i=i: c.setCurrentIndex(i))
                    for i in range(1, combo.count())]  # fmt: skip
        if combo is not combos[-1]:
            actions.append(("", lambda c=combo: c.setCurrentIndex(0)))
    ways = (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder)
    for column, spec in enumerate(page.model.columns):
        if spec.sort_key:
            for way in ways:
                actions.append((f"{spec.title} {way.name}",
                                lambda c=column, w=way: header.setSortIndicator(c, w)))  # fmt: skip
    first = header.sortIndicatorSection(), header.sortIndicatorOrder()
    measured = [(monitor.measure(action, lambda: page.model.total() is not None), name)
                for name, action in actions]  # fmt: skip
    header.setSortIndicator(*first)  # the list as it was, for what comes next
    (frame, _), slowest = max(measured)
    return {"choices": len(measured), "max_ms": frame, "slowest": slowest,
            "shown_ms": max(shown for (_, shown), _ in measured)}  # fmt: skip


def summary(steps: list[float]) -> dict[str, Any]:
    return {"steps": len(steps), "max_ms": max(steps), "median_ms": sorted(steps)[len(steps) // 2]}


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from frontera_desk import paths
    from frontera_desk.gui.context import AppContext
    from frontera_desk.gui.i18n import install_translators
    from frontera_desk.gui.main_window import MainWindow
    from frontera_desk.services import auth
    from frontera_desk.services.demo import DEMO_PASSWORD
    from frontera_desk.services.office import get_office
    from frontera_desk.settings import Settings

    app = QApplication([])
    keep = install_translators(app, "es")  # noqa: F841 (kept alive while the app runs)
    app_paths = paths.resolve(Path(sys.argv[1]))
    signed = auth.sign_in(app_paths, "supervisor", DEMO_PASSWORD)
    with signed.db.read() as session:
        office = get_office(session)
    assert office is not None
    ctx = AppContext(signed.db, signed.actor, office, app_paths, Settings())
    window = MainWindow(ctx)
    window.resize(1300, 850)
    window.show()
    app.processEvents()
    monitor = FrameMonitor(app)
    prepared: list[bool] = []
    window.prepared.connect(lambda: prepared.append(True))
    preparing = monitor.measure(window.prepare, lambda: bool(prepared))  # as the app does

    pages: dict[str, list[list[float]]] = {}
    for _visit in range(2):  # the first visit pays one-time costs (queries compiled, data loaded)
        for row in range(window.nav.count()):
            name = window.nav.item(row).text()
            frame, shown = monitor.measure(lambda r=row: window.nav.setCurrentRow(r))
            pages.setdefault(name, []).append([frame, shown])
    # From Inicio's cards: the supports awaiting approval, and those delivered this month.
    filtered = {
        status: monitor.measure(
            lambda s=status: window.home.open_supports.emit(s, s == "entregado")
        )
        for status in ("solicitado", "entregado")
    }
    dialogs = open_dialogs(monitor, window)
    choices = {name: every_choice(monitor, page) for name, page in
               ((window.nav.item(1).text(), window.people),
                (window.nav.item(2).text(), window.supports))}  # fmt: skip
    window.supports.show_filtered(None)  # the whole list again, for the drag
    dragged = {}
    for row, page in ((1, window.people), (2, window.supports)):
        monitor.measure(lambda r=row: window.nav.setCurrentRow(r))
        steps = drag(app, page.table, lambda p=page: p.model.canFetchMore(p.table.rootIndex()))
        dragged[window.nav.item(row).text()] = page, steps
    # The program's peak, before the floors' own views of as many rows are made
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    scrolls = {}
    for name, (page, steps) in dragged.items():
        rows = page.model.rowCount()
        size = page.table.viewport().width(), page.table.viewport().height()
        bare = bare_drag(app, rows, page.model.columnCount(), size)
        scrolls[name] = {"rows": rows, **summary(steps), "floor": summary(bare)}
    print(json.dumps({"prepare": preparing, "pages": pages, "filtered": filtered,
                      "dialogs": dialogs, "choices": choices, "scrolls": scrolls,
                      "peak_mb": peak_mb}))  # fmt: skip
    window.close()
    signed.db.dispose()


if __name__ == "__main__":
    main()
