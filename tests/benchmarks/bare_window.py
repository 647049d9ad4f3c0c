"""The start-up floor: a bare PySide6 main window that imports SQLAlchemy, shown (it says so on
its output, as ``--smoke-test`` does) and closed."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sqlalchemy  # noqa: E402,F401  (the app needs it too: part of the floor)
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView  # noqa: E402


def show_empty_window() -> None:
    """An empty table in a main window, painted; then ``interactive`` on the output."""
    app = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.resize(1200, 760)
    window.show()
    app.processEvents()
    print("interactive", flush=True)
    window.close()


if __name__ == "__main__":
    show_empty_window()
