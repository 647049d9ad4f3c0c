"""Window geometry remembered between sessions, in an INI file in the data dir."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

_store: QSettings | None = None


def use_store(path: Path) -> None:
    global _store
    _store = QSettings(str(path), QSettings.Format.IniFormat)


def restore_geometry(widget: QWidget) -> None:
    if _store is not None:
        geometry = _store.value(f"geometry/{widget.objectName()}")
        if geometry is not None:
            widget.restoreGeometry(geometry)


def save_geometry(widget: QWidget) -> None:
    if _store is not None:
        _store.setValue(f"geometry/{widget.objectName()}", widget.saveGeometry())
