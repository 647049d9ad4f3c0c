"""Administración › Programas: each support type's program and budget line (partida), printed
on its receipts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontera_desk.domain.errors import FronteraError
from frontera_desk.gui.context import AppContext
from frontera_desk.services import office

TYPE, PROGRAM, LINE = range(3)


class ProgramsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The program that pays each type of support and its budget line (partida) are "
                "printed on its receipts, reprints included."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("programsTable")
        self.table.setAccessibleName(self.tr("Programs and budget lines"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Support type"), self.tr("Program"), self.tr("Budget line")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save programs"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.message, 1)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.load()

    def load(self) -> None:
        with self.ctx.db.read() as session:
            lines = office.program_lines(session)
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            name = QTableWidgetItem(line.name)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setData(Qt.ItemDataRole.UserRole, line.support_type_id)
            self.table.setItem(row, TYPE, name)
            self.table.setItem(row, PROGRAM, QTableWidgetItem(line.program_name))
            self.table.setItem(row, LINE, QTableWidgetItem(line.budget_line))
        self.table.resizeColumnToContents(TYPE)
        self.table.setColumnWidth(PROGRAM, 360)

    def save(self) -> None:
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item else ""

        lines = {
            int(self.table.item(row, TYPE).data(Qt.ItemDataRole.UserRole)): (
                text(row, PROGRAM), text(row, LINE),
            )
            for row in range(self.table.rowCount())
        }  # fmt: skip
        try:
            with self.ctx.db.write() as session:
                office.set_program_lines(session, self.ctx.actor, lines)
        except FronteraError as error:
            self.message.setStyleSheet("color: #b00020; font-weight: bold;")
            self.message.setText(error.message)
            return
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Saved."))
        self.load()
