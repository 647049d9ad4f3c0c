"""Inicio: what is waiting, and the month so far in figures and charts."""

from __future__ import annotations

import logging

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QCursor, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from frontera_desk.domain.enums import SupportStatus
from frontera_desk.gui import labels
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.support_file import PendingEvidenceDialog
from frontera_desk.gui.workers import run_in_background
from frontera_desk.services import dashboard


class HomePage(QWidget):
    """Counts that tell a caseworker what is waiting, and the month so far."""

    open_supports = Signal(str, bool)  # a SupportStatus value, and "this month only"
    figures_shown = Signal()  # the month's figures arrived (they are counted in the background)

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
            ("evidence_pending", self.tr("Delivered with evidence pending"), None),
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
            if key == "evidence_pending":  # the list of supports whose folder is incomplete
                button = QPushButton(self.tr("See list"))
                button.setObjectName("evidencePendingButton")
                button.setAccessibleName(title)
                button.clicked.connect(lambda: PendingEvidenceDialog(ctx, self).exec())
                box.addWidget(button, alignment=Qt.AlignmentFlag.AlignLeft)
            self.values[key] = value
            grid.addWidget(card, index // 3, index % 3)
        charts = QHBoxLayout()
        self.type_chart = _chart_view(self.tr("Supports delivered this month, by type"))
        self.day_chart = _chart_view(self.tr("Supports delivered per day"))
        charts.addWidget(self.type_chart, 2)  # the type names need the room
        charts.addWidget(self.day_chart, 1)
        layout.addLayout(charts, 1)
        self._shown: dashboard.Overview | None = None

    def refresh(self) -> None:
        """The figures are counted off the GUI thread (a busy month of a large office takes
        about 100 ms) and shown when ready."""
        office = self.ctx.office
        mark = self.tr("DEMONSTRATION DATA")
        demo = f" — <span style='color:#b00020'>{mark}</span>" if office.is_demo else ""
        self.heading.setText(f"<h2>{office.name}</h2>{office.code}{demo}")

        def count(_report: object) -> dashboard.Overview:
            with self.ctx.db.read() as session:
                return dashboard.overview(session)

        def failed(error: BaseException) -> None:  # the figures only: logged, not fatal
            logging.getLogger(__name__).error("dashboard figures failed", exc_info=error)
            for label in self.values.values():
                label.setText("—")

        self._job = run_in_background(count, self.show_figures, failed)

    def show_figures(self, figures: dashboard.Overview) -> None:
        if figures == self._shown:  # laying the charts out again costs 70 ms: only on a change
            self.figures_shown.emit()
            return
        self._shown = figures
        for key, label in self.values.items():
            value = getattr(figures, key)
            label.setText(labels.money(value) if key == "amount_this_month" else f"{value:,}")
        language = self.ctx.language
        names = [labels.support_type(code, name, language) for code, name, _ in figures.by_type]
        _bars(self.type_chart, names, [n for *_, n in figures.by_type], horizontal=True)
        days = self.tr("Days 1 to %1 of the month").replace("%1", str(len(figures.by_day)))
        _bars(self.day_chart, [str(day) for day, _ in figures.by_day],
              [n for _, n in figures.by_day], horizontal=False, axis_title=days)  # fmt: skip
        self.figures_shown.emit()


def _chart_view(title: str) -> QChartView:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().hide()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(240)
    view.setAccessibleName(title)
    return view


def _bars(
    view: QChartView, names: list[str], values: list[int], horizontal: bool, axis_title: str = ""
) -> None:
    """Show these bars (one series, teal): new values on the same categories only move the
    bars; other categories replace the series and its axes."""
    chart = view.chart()
    axes = {type(axis): axis for axis in chart.axes()}
    if QBarCategoryAxis in axes and axes[QBarCategoryAxis].categories() == names:
        bars_now = chart.series()[0].barSets()[0]  # type: ignore[attr-defined]
        for index, value in enumerate(values):
            bars_now.replace(index, float(value))
        _whole_numbers(axes[QValueAxis], max(values, default=0))
        return
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    bars = QBarSet("")
    bars.append([float(v) for v in values])
    bars.setColor(QColor("#00695c"))
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    series.append(bars)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append(names)
    count = QValueAxis()
    count.setLabelFormat("%d")
    _whole_numbers(count, max(values, default=0))
    small = categories.labelsFont()  # long type names, many days: room for more of them
    small.setPointSizeF(max(small.pointSizeF() - (2 if axis_title else 1), 6))
    categories.setLabelsFont(small)
    if axis_title:  # many narrow bars: turned upright when they would collide
        categories.setTitleText(axis_title)
        if len(names) > 12:
            categories.setLabelsAngle(-90)

    def hovered(on: bool, index: int, _bars: QBarSet) -> None:
        """The whole name and the figure, whatever the labels could show."""
        if on and 0 <= index < len(names):
            QToolTip.showText(QCursor.pos(), f"{names[index]}: {values[index]:,}")
        else:
            QToolTip.hideText()

    series.hovered.connect(hovered)
    chart.addAxis(
        categories, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom
    )
    chart.addAxis(count, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    series.attachAxis(count)


def _whole_numbers(axis: QValueAxis, top: int) -> None:
    """A count axis from 0 with whole-number ticks only (a range of 0 to 2 drew "0 0 1 1 2")."""
    scale = 1
    while top > 50 * scale:
        scale *= 10
    step = next(s * scale for s in (1, 2, 5, 10) if top <= 5 * s * scale)  # five ticks at most
    axis.setRange(0, max(step * -(-top // step), step))
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setMinorTickCount(0)
