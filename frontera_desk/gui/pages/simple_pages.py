"""Inicio (the month at a glance) and the plain page of sections not built yet."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from frontera_desk.domain.enums import SupportStatus
from frontera_desk.gui import labels
from frontera_desk.gui.context import AppContext
from frontera_desk.services import dashboard


class PlaceholderPage(QWidget):
    """A section that this version does not have yet; says so plainly."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{title}</h2>")
        text = QLabel(
            self.tr("This section is not available yet in this version of Frontera Desk.")
        )
        text.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addStretch()

    def refresh(self) -> None:
        """Nothing to load."""


class HomePage(QWidget):
    """Counts that tell a caseworker what is waiting, and the month so far."""

    open_supports = Signal(str, bool)  # a SupportStatus value, and "this month only"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.heading)
        grid = QGridLayout()
        layout.addLayout(grid)
        self.values: dict[str, QLabel] = {}
        cards = [
            ("people", self.tr("People registered"), None),
            (
                "awaiting_approval",
                self.tr("Supports awaiting approval"),
                SupportStatus.REQUESTED,
            ),
            (
                "awaiting_delivery",
                self.tr("Approved, awaiting delivery"),
                SupportStatus.APPROVED,
            ),
            (
                "delivered_this_month",
                self.tr("Supports delivered this month"),
                SupportStatus.DELIVERED,
            ),
            ("amount_this_month", self.tr("Amount delivered this month"), None),
            ("people_served_this_month", self.tr("People served this month"), None),
        ]
        for index, (key, title, status) in enumerate(cards):
            card = QFrame()
            card.setFrameShape(QFrame.Shape.StyledPanel)
            card.setStyleSheet("QFrame { background: palette(base); border-radius: 6px; }")
            box = QVBoxLayout(card)
            value = QLabel("—")
            value.setStyleSheet("font-size: 26pt; font-weight: bold; color: #00695c;")
            value.setAccessibleName(title)
            box.addWidget(value)
            box.addWidget(QLabel(title))
            if status:
                button = QPushButton(self.tr("See list"))
                button.setAccessibleName(title)
                button.clicked.connect(
                    lambda _=False, s=status: self.open_supports.emit(
                        s.value, s is SupportStatus.DELIVERED
                    )
                )
                box.addWidget(button, alignment=Qt.AlignmentFlag.AlignLeft)
            self.values[key] = value
            grid.addWidget(card, index // 3, index % 3)
        note = QLabel(
            self.tr("Charts and the monthly summary will arrive with the Reports section.")
        )
        note.setStyleSheet("color: #666;")
        layout.addWidget(note)
        layout.addStretch()

    def refresh(self) -> None:
        with self.ctx.db.read() as session:
            figures = dashboard.overview(session)
        office = self.ctx.office
        mark = self.tr("DEMONSTRATION DATA")
        demo = f" — <span style='color:#b00020'>{mark}</span>" if office.is_demo else ""
        self.heading.setText(f"<h2>{office.name}</h2>{office.code}{demo}")
        for key, label in self.values.items():
            value = getattr(figures, key)
            label.setText(labels.money(value) if key == "amount_this_month" else f"{value:,}")
