"""Small building blocks shared by the pages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLayout,
    QMessageBox,
    QProgressDialog,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from frontera_desk.gui.models.lazy import LazyTableModel


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


def make_table(model: LazyTableModel[Any], name: str) -> QTableView:
    """A read-only, row-selecting, sortable view over a lazy model."""
    table = QTableView()
    table.setObjectName(name)
    set_up_table(table, model)
    return table


def set_up_table(table: QTableView, model: LazyTableModel[Any]) -> None:
    """Show a lazy model in a table (one made here, or by a form): the columns' own widths, as
    sizing them to their contents read and formatted the first thousand rows (0.4-0.6 s)."""
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row sizes
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for section, column in enumerate(model.columns):
        header.resizeSection(section, column.width)
    if any(column.sort_key for column in model.columns):  # else the list has one fixed order
        sorted_column, descending = model.sort_state()
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(sorted_column, order)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(model.sort)


def select_id(table: QTableView, row_id: int) -> None:
    model = table.model()
    row = model.row_of(row_id)  # type: ignore[attr-defined]
    if row is None:
        return
    index = model.index(row, 0)
    table.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    table.scrollTo(index)


def reselect(table: QTableView, current: int | None, show: Callable[[int | None], None]) -> None:
    """After the list was read again (its selection is gone): select the record that was
    current, or the first — which shows it — or show none."""
    model: Any = table.model()
    row = model.row_of(current) if current is not None else None
    if row is None and model.rowCount():
        row = 0
    if row is None:
        show(None)
    else:
        select_id(table, model.id_at(row))


def progress_dialog(text: str, maximum: int, parent: QWidget, delay_ms: int = 0) -> QProgressDialog:
    """A window-modal progress bar without a cancel button, shown after ``delay_ms``, deleted
    once closed (kept by its parent otherwise, one more at every use)."""
    progress = QProgressDialog(text, "", 0, maximum, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(delay_ms)
    progress.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return progress


def show_count(model: LazyTableModel[Any], label: QLabel, text: Callable[[int], str]) -> None:
    """``label`` says how many rows the list's filter keeps: "Counting…" while the model counts
    them off the GUI thread, then ``text(total)``; again at every new list."""

    def update() -> None:
        total = model.total()
        label.setText(
            QCoreApplication.translate("Lists", "Counting…") if total is None else text(total)
        )

    model.modelReset.connect(update)
    model.counted.connect(update)


FAR_DAYS = 60  # a date this long before today is asked about (a typo of the month or year?)


def date_confirmed(parent: QWidget, what: str, day: date, today: date | None = None) -> bool:
    """A date far in the past is confirmed before it is recorded (issue 24, item 5): "a request
    11 months old" is more often a mistyped month than a late entry. The default is No."""
    today = today or date.today()
    if (today - day).days <= FAR_DAYS:
        return True
    days = (today - day).days
    box = QMessageBox(
        QMessageBox.Icon.Question, what,
        QCoreApplication.translate("Lists", "%1 is %2 days before today. Is it right?")
        .replace("%1", day.strftime("%d/%m/%Y")).replace("%2", f"{days:,}"),
        parent=parent,
    )  # fmt: skip
    right = box.addButton(QCoreApplication.translate("Lists", "&Yes, it is right"),
                          QMessageBox.ButtonRole.AcceptRole)  # fmt: skip
    fix = box.addButton(QCoreApplication.translate("Lists", "&No, correct it"),
                        QMessageBox.ButtonRole.RejectRole)  # fmt: skip
    box.setDefaultButton(fix)
    box.exec()
    return box.clickedButton() is right
