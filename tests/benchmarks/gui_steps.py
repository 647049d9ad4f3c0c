"""The GUI on a data folder, step by step: open each page, then drag the people and supports
lists to their end. Run by ``run_all`` in its own process; prints one JSON object.

    python -m tests.benchmarks.gui_steps DATA_DIR

Each step is timed on the GUI thread, from the action to the end of the events it caused (the
page painted, the rows fetched); the process's peak resident memory comes last.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtCore import QThreadPool
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

    def timed(action) -> float:  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        action()
        app.processEvents()
        return (time.perf_counter() - start) * 1000

    pages: dict[str, list[float]] = {}
    for _visit in range(2):  # the first visit pays one-time costs (queries compiled, data loaded)
        for row in range(window.nav.count()):
            name = window.nav.item(row).text()
            pages.setdefault(name, []).append(timed(lambda r=row: window.nav.setCurrentRow(r)))
    scrolls = {}
    for row, page in ((1, window.people), (2, window.supports)):
        window.nav.setCurrentRow(row)
        QThreadPool.globalInstance().waitForDone()  # the summary Reportes began is not a drag
        app.processEvents()
        bar = page.table.verticalScrollBar()
        steps = []
        while True:  # drag to the end; the model shows more rows each time (fetchMore)
            steps.append(timed(lambda b=bar: b.setValue(b.maximum())))
            if not page.model.canFetchMore(page.table.rootIndex()) and bar.value() == bar.maximum():
                break
        steps.append(timed(lambda b=bar: b.setValue(0)))  # and back to the top
        scrolls[window.nav.item(row).text()] = {
            "rows": page.model.rowCount(), "steps": len(steps), "max_ms": max(steps),
            "slowest_step": steps.index(max(steps)),
            "median_ms": sorted(steps)[len(steps) // 2], "cached_rows": len(page.model._cache),
        }  # fmt: skip
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"pages": pages, "scrolls": scrolls, "peak_mb": peak_mb}))
    window.close()
    signed.db.dispose()


if __name__ == "__main__":
    main()
