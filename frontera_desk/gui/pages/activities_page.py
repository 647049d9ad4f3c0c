"""Actividades: workshops, training courses and outreach events, their attendance and papers."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from frontera_desk.domain.enums import AGE_BANDS, ActivityKind, Sex
from frontera_desk.gui import labels
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.activity_dialog import ActivityDialog
from frontera_desk.gui.dialogs.pdf_preview import PdfPreview
from frontera_desk.gui.models.lazy import Column, IdRole, LazyTableModel
from frontera_desk.gui.widgets import detail_label, list_over_detail, make_table, reselect
from frontera_desk.services import activities
from frontera_desk.services.activities import ActivityRecord
from frontera_desk.services.context import Action


class ActivitiesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.activity: ActivityRecord | None = None
        can_edit = ctx.actor.can(Action.EDIT_ACTIVITIES)
        events = QWidget()
        layout = QVBoxLayout(events)
        bar = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind"))
        self.kind.addItem(self.tr("All kinds"), None)
        for kind in ActivityKind:
            self.kind.addItem(labels.activity(kind), kind.value)
        self.new_button = QPushButton(self.tr("&New activity…"))
        self.new_button.setVisible(can_edit)
        bar.addWidget(self.kind)
        bar.addStretch()
        bar.addWidget(self.new_button)
        layout.addLayout(bar)
        self.model = activities_model(ctx, self)
        self.table = make_table(self.model, "activitiesTable")
        actions = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("&Edit and attendance…"))
        self.edit_button.setVisible(can_edit)
        self.blank_button = QPushButton(self.tr("&Blank attendance sheet…"))
        self.filled_button = QPushButton(self.tr("&Filled attendance sheet…"))
        self.certificates_button = QPushButton(self.tr("&Certificates…"))
        for button in (
            self.edit_button,
            self.blank_button,
            self.filled_button,
            self.certificates_button,
        ):
            actions.addWidget(button)
        actions.addStretch()
        self.detail = detail_label("activityDetail")
        splitter = list_over_detail(self.table, self.detail, actions, (320, 380))
        layout.addWidget(splitter, 1)
        self._tabs(ctx, events)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show(current.data(IdRole))
        )
        self.new_button.clicked.connect(lambda: self._edit(None))
        self.edit_button.clicked.connect(lambda: self._edit(self.activity))
        self.blank_button.clicked.connect(lambda: self._sheet(filled=False))
        self.filled_button.clicked.connect(lambda: self._sheet(filled=True))
        self.certificates_button.clicked.connect(self._certificates)
        self._show(None)

    def _tabs(self, ctx: AppContext, events: QWidget) -> None:
        """Supervisors see the other actions (diagnostics, materials, liaisons…) in a second
        tab: they are counted apart from the events, and only supervisors record them."""
        from frontera_desk.gui.pages.actions_tab import ActionsTab

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.actions_tab: ActionsTab | None = None
        if not ctx.actor.can(Action.RECORD_ACTIONS):
            outer.addWidget(events)
            return
        self.tabs = QTabWidget()
        self.tabs.setObjectName("activityTabs")
        self.tabs.addTab(events, self.tr("&Workshops, courses and events"))
        self.actions_tab = ActionsTab(ctx)
        self.tabs.addTab(self.actions_tab, self.tr("&Other actions"))
        outer.addWidget(self.tabs)

    def refresh(self) -> None:
        if self.actions_tab is not None:
            self.actions_tab.refresh()
        current = self.activity.id if self.activity else None
        kind = self.kind.currentData()
        self.model.set_filter(ActivityKind(kind) if kind else None)
        reselect(self.table, current, self._show)

    def _show(self, activity_id: int | None) -> None:
        self.activity = None
        if activity_id is not None:
            with self.ctx.db.read() as session:
                self.activity = activities.get_activity(session, activity_id)
        a = self.activity
        for button in (self.edit_button, self.blank_button, self.filled_button):
            button.setEnabled(a is not None)
        self.certificates_button.setEnabled(a is not None and bool(a.attendees))
        if a is None:
            hint = self.tr("Choose an activity in the list to see its details.")
            self.detail.setText(f"<p style='color:#666'>{hint}</p>")
            return
        e = html.escape
        rows = [
            (self.tr("Kind"), e(labels.activity(a.kind))),
            (self.tr("Topic"), e(a.topic) or "—"),
            (self.tr("Date"), e(f"{labels.day(a.held_on)} · {a.hours} h")),
            (self.tr("Place"), e(", ".join(p for p in (a.venue, a.municipality) if p)) or "—"),
            (self.tr("Facilitator"), e(a.facilitator) or "—"),
            (self.tr("Partner"), e(a.partner) or "—"),
            (
                self.tr("Audiences"),
                e(", ".join(labels.audience(x) for x in sorted(a.audiences))) or "—",
            ),
            (self.tr("Attendees"), f"<b>{a.total}</b>"),
        ]
        counts = ""
        if a.counts:
            header = "".join(f"<th>{b}</th>" for b in AGE_BANDS)
            lines = "".join(
                f"<tr><td>{e(labels.sex(s))}</td>"
                + "".join(
                    f"<td align='right'>{a.counts.get((s.value, b), 0)}</td>" for b in AGE_BANDS
                )
                + "</tr>"
                for s in (Sex.FEMALE, Sex.MALE, Sex.OTHER)
            )
            counts = f"<table cellpadding='3'><tr><th></th>{header}</tr>{lines}</table>"
        names = "<br>".join(e(f"{t.name} — {t.organization}".strip(" —")) for t in a.attendees)
        self.detail.setText(
            f"<h3>{e(a.title)}</h3>{labels.detail_table(rows, 2)}{counts}<p>{names}</p>"
            f"<p>{e(a.notes)}</p>"
        )

    def _edit(self, record: ActivityRecord | None) -> None:
        dialog = ActivityDialog(self.ctx, record, self)
        if dialog.exec() and dialog.saved is not None:
            self.activity = dialog.saved
            self.refresh()

    def _sheet(self, filled: bool) -> None:
        if self.activity is None:
            return
        from frontera_desk.reports.activity_sheets import write_attendance_sheet

        record, office = self.activity, self.ctx.office
        title = self.tr("Attendance sheet — %1").replace("%1", record.title)

        def render(path: Path) -> object:
            return write_attendance_sheet(record, office.name, path, filled, office.is_demo)

        PdfPreview(title, render, parent=self, suggested_name="lista-de-asistencia.pdf").exec()

    def _certificates(self) -> None:
        if self.activity is None:
            return
        from frontera_desk.reports.activity_sheets import write_certificates

        record, office = self.activity, self.ctx.office
        title = self.tr("Certificates — %1").replace("%1", record.title)

        def render(path: Path) -> object:
            return write_certificates(record, office.name, path, office.is_demo)

        PdfPreview(title, render, parent=self, suggested_name="constancias.pdf").exec()


def activities_model(ctx: AppContext, parent: QWidget) -> LazyTableModel[activities.ActivityRow]:
    """Activities newest first; the filter is a kind, or None for all."""

    translate = QCoreApplication.translate
    columns = [
        Column(translate("ActivitiesPage", "Date"), lambda r: labels.day(r.held_on), width=90),
        Column(translate("ActivitiesPage", "Kind"), lambda r: labels.activity(r.kind), width=170),
        Column(translate("ActivitiesPage", "Title"), lambda r: r.title, width=440),
        Column(translate("ActivitiesPage", "Municipality"), lambda r: r.municipality, width=140),
        Column(translate("ActivitiesPage", "Attendees"), lambda r: str(r.total), align_right=True),
    ]
    return LazyTableModel(ctx.db, columns, lambda kind, _key, _desc: activities.activity_list(kind),
                          activities.fetch_rows, parent=parent)  # fmt: skip
