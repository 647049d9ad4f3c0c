"""Acerca de: version, where the data and the log are, and the bundled components' licenses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontera_desk import about
from frontera_desk.gui.dialogs.base import Dialog
from frontera_desk.gui.generated import resources_rc  # noqa: F401 - :/icons
from frontera_desk.paths import Paths


class AboutDialog(Dialog):
    def __init__(self, paths: Paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AboutDialog")
        self.setWindowTitle(self.tr("About Frontera Desk"))
        self.resize(760, 560)
        program = about.program()
        self.components = about.components()

        icon = QLabel()
        icon.setPixmap(QIcon(":/icons/frontera-desk.svg").pixmap(64, 64))
        title = QLabel(f"{program.name} {program.version}")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(
            self.tr("Assistance records and receipts for a migrant-assistance field office.")
            + "\n"
            + self.tr("License: %1 · Python %2 · Qt %3")
            .replace("%1", program.license)
            .replace("%2", next(c.version for c in self.components if c.name == "Python"))
            .replace("%3", qVersion())
        )
        header = QHBoxLayout()
        header.addWidget(icon)
        text = QVBoxLayout()
        text.addWidget(title)
        text.addWidget(subtitle)
        header.addLayout(text, 1)

        self.places = [(self.tr("Data folder:"), paths.data_dir, paths.data_dir),
                       (self.tr("Log file:"), paths.log_file, paths.log_dir)]  # fmt: skip
        places = QFormLayout()
        for label, shown, folder in self.places:
            places.addRow(label, self._path_row(shown, folder))

        self.table = QTableWidget(len(self.components), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Version"),
                                              self.tr("License")])  # fmt: skip
        for row, component in enumerate(self.components):
            for column, value in enumerate((component.name, component.version, component.license)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.license_text = QPlainTextEdit(readOnly=True)
        self.license_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_license(row))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.license_text)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("&Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(places)
        layout.addWidget(QLabel(self.tr("Included components and their licenses:")))
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.table.selectRow(0)

    def _path_row(self, shown: Path, folder: Path) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(str(shown))
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        button = QPushButton(self.tr("Open folder"))
        button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        layout.addWidget(label, 1)
        layout.addWidget(button)
        return row

    def _show_license(self, row: int) -> None:
        if 0 <= row < len(self.components):
            self.license_text.setPlainText(self.components[row].text)

    def details(self) -> str:
        """What an administrator pastes into a message asking for help."""
        program = about.program()
        lines = [f"{program.name} {program.version}", f"Qt {qVersion()}"]
        lines += [f"{label} {shown}" for label, shown, _folder in self.places]
        return "\n".join(lines)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())
