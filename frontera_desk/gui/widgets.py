"""Small building blocks shared by the pages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QLayout,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)


def detail_label(name: str) -> QLabel:
    """The rich-text panel that shows the selected record."""
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def list_over_detail(
    table: QWidget,
    detail: QLabel,
    actions: QLayout | None = None,
    sizes: tuple[int, int] = (320, 380),
) -> QSplitter:
    """The list on top; below it the action buttons and the scrollable detail."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(detail)
    lower = QWidget()
    layout = QVBoxLayout(lower)
    layout.setContentsMargins(0, 0, 0, 0)
    if actions is not None:
        layout.addLayout(actions)
    layout.addWidget(scroll)
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.addWidget(table)
    splitter.addWidget(lower)
    splitter.setStretchFactor(0, 1)
    splitter.setSizes(list(sizes))
    return splitter


def reselect(
    table: QTableWidget, ids: list[int], current: int | None, show: Callable[[int], None]
) -> None:
    """After a reload, select the row that was current (or the first) and show it once."""
    table.blockSignals(True)  # the row change would show it a first time
    table.setCurrentCell(ids.index(current) if current in ids else (0 if ids else -1), 0)
    table.blockSignals(False)
    show(table.currentRow())
