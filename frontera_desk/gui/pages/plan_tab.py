"""Administración › Presupuesto y metas: the year's budget per support type and per funding
source, and its targets (metas). The monthly summary reports spending and progress against them."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontera_desk.domain.enums import INDICATOR_ES, BudgetCategory, Indicator
from frontera_desk.domain.errors import FronteraError, ValidationError
from frontera_desk.domain.money import format_money, parse_money
from frontera_desk.gui import labels
from frontera_desk.gui.context import AppContext
from frontera_desk.services import plan, supports

KEY = Qt.ItemDataRole.UserRole


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, 2)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    table.horizontalHeader().setStretchLastSection(True)
    table.setColumnWidth(0, 380)
    table.verticalHeader().hide()
    return table


def _fixed(text: str, key: object) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    item.setData(KEY, key)
    return item


class PlanTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.year = QSpinBox(minimum=2000, maximum=2100, value=date.today().year)
        self.year.setAccessibleName(self.tr("Year"))
        year_label = QLabel(self.tr("&Year:"))
        year_label.setBuddy(self.year)
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addStretch()
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr(
            "Annual budget: supports delivered count against their type; disbursements of "
            "agreements count against the agreement's funding source.")))  # fmt: skip
        self.budget = _table("budgetTable", [self.tr("Budget line"), self.tr("Annual budget")])
        layout.addWidget(self.budget, 3)
        add = QPushButton(self.tr("&Add funding source"))
        layout.addWidget(add, alignment=Qt.AlignmentFlag.AlignLeft)
        self.targets = _table("targetsTable", [self.tr("Indicator"), self.tr("Annual target")])
        layout.addWidget(self.targets, 2)
        self.error = QLabel()
        self.error.setObjectName("planMessage")
        self.error.setWordWrap(True)
        save = QPushButton(self.tr("&Save budget and targets"))
        layout.addWidget(self.error)
        layout.addWidget(save, alignment=Qt.AlignmentFlag.AlignLeft)
        self.year.valueChanged.connect(self.load)
        add.clicked.connect(lambda: self._source_row("", 0))
        save.clicked.connect(self.save)
        self._loaded = False  # read when the tab first shows, not when the page is built

    def showEvent(self, event: Any) -> None:
        if not self._loaded:
            self.load()
        super().showEvent(event)

    def load(self) -> None:
        self._loaded = True
        with self.ctx.db.read() as session:
            current = plan.get_plan(session, self.year.value())
            types = supports.support_types(session)
        self.budget.setRowCount(0)
        for t in types:
            row = self.budget.rowCount()
            self.budget.insertRow(row)
            name = labels.support_type(t.code, t.name, self.ctx.language)
            self.budget.setItem(row, 0, _fixed(self.tr("Support: %1").replace("%1", name),
                                               (BudgetCategory.SUPPORT_TYPE, t.code)))  # fmt: skip
            amount = current.budget.get((BudgetCategory.SUPPORT_TYPE, t.code), 0)
            self.budget.setItem(row, 1, _value(_amount(amount)))
        for (category, key), amount in current.budget.items():
            if category is BudgetCategory.FUNDING_SOURCE:
                self._source_row(key, amount)
        self.targets.setRowCount(len(Indicator))
        for row, indicator in enumerate(Indicator):
            self.targets.setItem(row, 0, _fixed(INDICATOR_ES[indicator], indicator))
            value = current.targets.get(indicator, 0)
            text = (
                _amount(value) if indicator is Indicator.AMOUNT else (str(value) if value else "")
            )
            self.targets.setItem(row, 1, _value(text))
        self.error.setText("")

    def _source_row(self, name: str, amount: int) -> None:
        row = self.budget.rowCount()
        self.budget.insertRow(row)
        item = QTableWidgetItem(name)
        item.setData(KEY, BudgetCategory.FUNDING_SOURCE)
        item.setToolTip(self.tr("Funding source, as written in the agreements"))
        self.budget.setItem(row, 0, item)
        self.budget.setItem(row, 1, _value(_amount(amount)))
        if not name:
            self.budget.setCurrentCell(row, 0)
            self.budget.editItem(item)

    def read(self) -> plan.Plan:
        """The plan as typed, or a ValidationError naming the line."""
        budget: dict[tuple[BudgetCategory, str], int] = {}
        for row in range(self.budget.rowCount()):
            line, amount = self.budget.item(row, 0), self.budget.item(row, 1)
            key = line.data(KEY)
            text = amount.text().strip() if amount else ""
            if isinstance(key, tuple):
                category, code = key
            else:
                category, code = BudgetCategory.FUNDING_SOURCE, line.text().strip()
                if not code and not text:
                    continue
            budget[(category, code)] = parse_money(text, "budget") if text else 0
        targets: dict[Indicator, int] = {}
        for row, indicator in enumerate(Indicator):
            cell = self.targets.item(row, 1)
            text = cell.text().strip().replace(",", "") if cell else ""
            if indicator is Indicator.AMOUNT:
                targets[indicator] = parse_money(text, "targets") if text else 0
            elif text:
                if not text.isdigit():
                    raise ValidationError("targets", f"Meta de «{INDICATOR_ES[indicator]}»: "
                                          "escriba un número entero.")  # fmt: skip
                targets[indicator] = int(text)
        return plan.Plan(self.year.value(), budget, targets)

    def save(self) -> None:
        try:
            wanted = self.read()
            with self.ctx.db.write() as session:
                plan.set_plan(session, self.ctx.actor, wanted)
        except FronteraError as error:
            self.error.setStyleSheet("color: #b00020; font-weight: bold;")
            self.error.setText(error.message)
            return
        self.load()
        self.error.setStyleSheet("color: #00695c;")
        self.error.setText(self.tr("Budget and targets of %1 saved.").replace(
            "%1", str(self.year.value())))  # fmt: skip


def _value(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _amount(centavos: int) -> str:
    return format_money(centavos).lstrip("$") if centavos else ""
