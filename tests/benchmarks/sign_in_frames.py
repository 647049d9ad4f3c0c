"""The sign-in dialog's longest frame while the data layer loads behind it.

    python -m tests.benchmarks.sign_in_frames DATA_DIR {thread|timer}

``thread`` is what start-up does (startup.Loading); ``timer`` imports on the GUI thread from a
zero-timer right after the first paint. A 2 ms timer on the GUI thread records the longest gap
between its ticks until the layer is loaded: that is how long a key press waited. The tick is
Python, so it also waits for the GIL (the worst case for the thread: typing into the dialog
itself runs in Qt's C++). Prints one JSON line.
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from frontera_desk import paths, startup  # noqa: E402
from frontera_desk.gui.dialogs.sign_in import SignInDialog  # noqa: E402


def main() -> None:
    folder, how = sys.argv[1], sys.argv[2]
    app = QApplication([])
    dialog = SignInDialog(paths.resolve(folder))
    dialog.show()
    app.processEvents()
    gaps: list[float] = []
    last = [time.perf_counter()]
    loading = startup.Loading()

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now
        done = not loading.is_alive() if how == "thread" else "sqlalchemy.orm" in sys.modules
        if done and len(gaps) > 5:
            app.quit()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(2)
    start = time.perf_counter()
    if how == "thread":
        loading.start()
    else:
        QTimer.singleShot(0, startup.load_data_layer)
    app.exec()
    took = (time.perf_counter() - start) * 1000
    print(json.dumps({"how": how, "longest_frame_ms": round(max(gaps), 1),
                      "loaded_in_ms": round(took)}))  # fmt: skip


if __name__ == "__main__":
    main()
