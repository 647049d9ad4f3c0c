"""Run a slow call off the GUI thread and get its result (or error) back on it (HOUSE_STYLE §4).

Worker code never touches widgets; it may report progress through the ``progress`` callback
it receives, which is delivered on the GUI thread.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

# Background work is Python too, and shares the interpreter lock with the GUI thread. With the
# default 5 ms switch interval, a page's many small model calls each waited for a summary being
# written in the background (pages opened slowly); 0.5 ms keeps the window responsive.
sys.setswitchinterval(0.0005)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Job(QRunnable):
    def __init__(
        self, work: Callable[[Callable[[int, int], None]], Any], signals: _Signals
    ) -> None:
        super().__init__()
        self.work = work
        self.signals = signals

    def run(self) -> None:
        signals = self.signals
        try:
            result = self.work(signals.progress.emit)
        except BaseException as error:  # handed to the GUI thread, which decides
            signals.failed.emit(error)
        else:
            signals.done.emit(result)
        finally:
            # Some jobs' wrappers outlive their run (a list reloaded forty times in the test
            # suite kept seven to thirteen): what the work holds is let go now, not with them
            del self.work, self.signals


def run_in_background(
    work: Callable[[Callable[[int, int], None]], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int, int], None] | None = None,
) -> _Signals:
    """Start ``work(progress)`` on the global thread pool. Keep the returned object alive."""
    signals = _Signals()
    signals.done.connect(on_done)
    signals.failed.connect(on_error)
    if on_progress is not None:
        signals.progress.connect(on_progress)
    QThreadPool.globalInstance().start(_Job(work, signals))
    return signals
