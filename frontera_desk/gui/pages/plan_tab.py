"""Administración › Presupuesto y metas: the year's budget per support type and per funding
source, and its targets (metas). The monthly summary reports spending and progress against them."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
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
from frontera_desk.services import plan, summary, supports

KEY = Qt.ItemDataRole.UserRole
TOTAL, NO_SOURCE = "total", "no_source"  # the KEY of the rows that are not budget lines
OVER_BACKGROUND, OVER_TEXT = QColor("#fde0dc"), QColor("#b71c1c")


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
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
        explanation = QLabel(self.tr(
            "Annual budget: supports delivered count against their type; disbursements of "
            "agreements count against the agreement's funding source. Every type or source "
            "that spent in the year is listed, so the total spent is the year's spending; "
            "lines spent beyond their budget are shown in red."))  # fmt: skip
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        headers = [self.tr("Budget line"), self.tr("Annual budget"),
                   self.tr("Spent in the year"), self.tr("Progress")]  # fmt: skip
        self.budget = _table("budgetTable", headers)
        self.budget.verticalHeader().show()  # says which lines are types and which sources
        for column in (1, 2, 3):
            self.budget.setColumnWidth(column, 150)
        self.budget.itemChanged.connect(self._budget_edited)
        self.overspent = QLabel()
        self.overspent.setObjectName("overspentNote")
        self.overspent.setWordWrap(True)
        self.overspent.setStyleSheet("color: #b71c1c;")
        layout.addWidget(self.budget, 3)
        layout.addWidget(self.overspent)
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
        self._spent: dict[tuple[BudgetCategory, str], int] = {}
        save.clicked.connect(self.save)
        self._loaded = False  # read when the tab first shows, not when the page is built

    def showEvent(self, event: Any) -> None:
        if not self._loaded:
            self.load()
        super().showEvent(event)

    def load(self) -> None:
        self._loaded = True
        year = self.year.value()
        with self.ctx.db.read() as session:
            current = plan.get_plan(session, year)
            types = supports.support_types(session)
            rows = summary.year_budget(session, year)
        self.budget.blockSignals(True)
        self.budget.setRowCount(0)
        spent = {(r.category, r.key): r for r in rows}
        listed = {t.code for t in types}
        lines = [(t.code, t.name) for t in types] + [
            (r.key, r.name) for r in rows
            if r.category is BudgetCategory.SUPPORT_TYPE and r.key not in listed
        ]  # an inactive type that still spent this year  # fmt: skip
        for code, stored_name in lines:
            row = self.budget.rowCount()
            self.budget.insertRow(row)
            name = labels.support_type(code, stored_name, self.ctx.language)
            self.budget.setItem(row, 0, _fixed(name, (BudgetCategory.SUPPORT_TYPE, code)))
            amount = current.budget.get((BudgetCategory.SUPPORT_TYPE, code), 0)
            self.budget.setItem(row, 1, _value(_amount(amount)))
        for r in rows:
            if r.category is BudgetCategory.FUNDING_SOURCE and r.key != plan.NO_SOURCE:
                self._source_row(r.key, r.budget_centavos, edit=False)
        if (BudgetCategory.FUNDING_SOURCE, plan.NO_SOURCE) in spent:
            row = self.budget.rowCount()
            self.budget.insertRow(row)
            self.budget.setItem(row, 0, _fixed(self.tr("Agreements with no funding source"),
                                               NO_SOURCE))  # fmt: skip
            self.budget.setItem(row, 1, _fixed("", NO_SOURCE))
        total = self.budget.rowCount()
        self.budget.insertRow(total)
        bold = QFont()
        bold.setBold(True)
        for column in range(4):
            item = _fixed(self.tr("Total") if column == 0 else "", TOTAL)
            item.setFont(bold)
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.budget.setItem(total, column, item)
        self._spent = {key: r.spent_centavos for key, r in spent.items()}
        self._label_rows()
        self.budget.blockSignals(False)
        self._show_progress()
        self.targets.setRowCount(len(Indicator))
        for row, indicator in enumerate(Indicator):
            self.targets.setItem(row, 0, _fixed(INDICATOR_ES[indicator], indicator))
            value = current.targets.get(indicator, 0)
            text = (
                _amount(value) if indicator is Indicator.AMOUNT else (str(value) if value else "")
            )
            self.targets.setItem(row, 1, _value(text))
        self.error.setText("")

    def _line_key(self, row: int) -> tuple[BudgetCategory, str] | str | None:
        line = self.budget.item(row, 0)
        key = line.data(KEY) if line else None
        if key is BudgetCategory.FUNDING_SOURCE or key == BudgetCategory.FUNDING_SOURCE:
            return (BudgetCategory.FUNDING_SOURCE, line.text().strip())
        if key == NO_SOURCE:
            return (BudgetCategory.FUNDING_SOURCE, plan.NO_SOURCE)
        return key if isinstance(key, tuple | str) else None

    def _budget_edited(self, item: QTableWidgetItem) -> None:
        if item.column() in (0, 1):
            self._show_progress()

    def _show_progress(self) -> None:
        """Spent and progress of each line as typed, the total row, and overspending in red
        (named under the table)."""
        blocked = self.budget.blockSignals(True)
        total_budget = total_spent = 0
        over: list[str] = []
        for row in range(self.budget.rowCount()):
            key = self._line_key(row)
            if key == TOTAL:
                self.budget.item(row, 1).setText(format_money(total_budget))
                self._fill(row, total_budget, total_spent, bold=True)
                continue
            amount_item = self.budget.item(row, 1)
            try:
                text = amount_item.text().strip() if amount_item else ""
                budget = parse_money(text, "budget") if text else 0
            except FronteraError:
                budget = 0
            spent = self._spent.get(key, 0) if isinstance(key, tuple) else 0
            total_budget, total_spent = total_budget + budget, total_spent + spent
            if self._fill(row, budget, spent):
                over.append(self.budget.item(row, 0).text())
        self.overspent.setText(
            self.tr("Spent beyond the budget: %1.").replace("%1", "; ".join(over)) if over else ""
        )
        self.budget.blockSignals(blocked)

    def _fill(self, row: int, budget: int, spent: int, bold: bool = False) -> bool:
        """Write a line's spent and progress; True when it spent more than its budget."""
        over = spent > budget
        progress = f"{spent / budget * 100:.1f} %" if budget else ("—" if spent else "")
        for column, text in ((2, format_money(spent) if spent or bold else ""), (3, progress)):
            item = self.budget.item(row, column)
            if item is None:
                item = _fixed(text, None)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.budget.setItem(row, column, item)
            item.setText(text)
        for column in range(4):
            item = self.budget.item(row, column)
            if item is None:
                continue
            item.setBackground(QBrush(OVER_BACKGROUND) if over else QBrush())
            if column >= 2:
                item.setForeground(QBrush(OVER_TEXT) if over else QBrush())
                font = item.font()
                font.setBold(over or bold)
                item.setFont(font)
            item.setToolTip(self.tr("Spent beyond its budget") if over else "")
        return over

    def _source_row(self, name: str, amount: int, edit: bool = True) -> None:
        """A funding source's line, above the total row."""
        total = self.budget.rowCount()
        has_total = total and self._line_key(total - 1) == TOTAL
        row = total - 1 if has_total else total
        blocked = self.budget.blockSignals(True)  # load() may be blocking them already
        self.budget.insertRow(row)
        item = QTableWidgetItem(name)
        item.setData(KEY, BudgetCategory.FUNDING_SOURCE)
        item.setToolTip(self.tr("Funding source, as written in the agreements"))
        self.budget.setItem(row, 0, item)
        self.budget.setItem(row, 1, _value(_amount(amount)))
        self.budget.blockSignals(blocked)
        if edit and not name:
            self.budget.setCurrentCell(row, 0)
            self.budget.editItem(item)
        if has_total:
            self._label_rows()
            self._show_progress()

    def _label_rows(self) -> None:
        """Row headers: "Support" for a type's line, "Source" for an agreements' funding
        source, nothing for the total."""
        for row in range(self.budget.rowCount()):
            key = self._line_key(row)
            label = ("" if key == TOTAL else self.tr("Support")
                     if isinstance(key, tuple) and key[0] is BudgetCategory.SUPPORT_TYPE
                     else self.tr("Source"))  # fmt: skip
            self.budget.setVerticalHeaderItem(row, QTableWidgetItem(label))

    def read(self) -> plan.Plan:
        """The plan as typed, or a ValidationError naming the line."""
        budget: dict[tuple[BudgetCategory, str], int] = {}
        for row in range(self.budget.rowCount()):
            line, amount = self.budget.item(row, 0), self.budget.item(row, 1)
            key = line.data(KEY)
            if key in (TOTAL, NO_SOURCE):
                continue
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
