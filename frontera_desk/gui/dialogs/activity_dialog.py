"""Register a workshop, course or event and its attendance (counts and/or a list)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHeaderView,
    QListWidgetItem,
    QSpinBox,
    QTableWidgetItem,
    QWidget,
)

from frontera_desk.domain.enums import AGE_BANDS, ActivityKind, Audience, Sex
from frontera_desk.gui import labels
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.base import ServiceDialog, editing
from frontera_desk.gui.dialogs.person_picker import PersonPickerDialog
from frontera_desk.gui.generated.ui_activity_dialog import Ui_ActivityDialog
from frontera_desk.services import activities, agreements
from frontera_desk.services.activities import ActivityInput, ActivityRecord, AttendeeInput

SEXES = (Sex.FEMALE, Sex.MALE, Sex.OTHER)
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1


class ActivityDialog(ServiceDialog):
    def __init__(
        self, ctx: AppContext, current: ActivityRecord | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.ui = ui = Ui_ActivityDialog()
        ui.setupUi(self)
        self.current = current
        self.saved: ActivityRecord | None = None
        self.error_label = ui.error
        self.fields = {"kind": ui.kind, "title": ui.title, "topic_id": ui.topic,
                       "held_on": ui.heldOn, "hours": ui.hours, "municipality": ui.municipality,
                       "venue": ui.venue, "facilitator": ui.facilitator, "partner_id": ui.partner,
                       "audiences": ui.audiences, "counts": ui.counts, "attendees": ui.attendees,
                       "notes": ui.notes}  # fmt: skip
        for kind in ActivityKind:
            ui.kind.addItem(labels.activity(kind), kind.value)
        ui.topic.addItem(self.tr("(none)"), None)
        ui.partner.addItem(self.tr("(none)", "an organization: feminine in Spanish"), None)
        with ctx.db.read() as session:
            for topic_id, name in activities.topics(session):
                ui.topic.addItem(name, topic_id)
            for org in agreements.organizations(session):
                ui.partner.addItem(org.label, org.id)
        for audience in Audience:
            item = QListWidgetItem(labels.audience(audience))
            item.setData(Qt.ItemDataRole.UserRole, audience.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            ui.audiences.addItem(item)
        ui.heldOn.setMaximumDate(QDate.currentDate())
        ui.heldOn.setDate(QDate.currentDate())
        ui.hours.setValue(2)
        ui.counts.setRowCount(len(SEXES))
        ui.counts.setColumnCount(len(AGE_BANDS))
        ui.counts.setHorizontalHeaderLabels(list(AGE_BANDS))
        ui.counts.setVerticalHeaderLabels([labels.sex(s) for s in SEXES])
        ui.counts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row in range(len(SEXES)):
            for column in range(len(AGE_BANDS)):
                spin = QSpinBox(maximum=100_000)
                spin.setAccessibleName(f"{labels.sex(SEXES[row])} {AGE_BANDS[column]}")
                ui.counts.setCellWidget(row, column, spin)
        header = ui.attendees.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        ui.attendees.verticalHeader().hide()
        for button in (ui.addPerson, ui.addAttendee, ui.removeAttendee):
            button.setAutoDefault(False)  # Return while typing a name must not add a blank row
        ui.addPerson.clicked.connect(self.add_registered_person)
        ui.addAttendee.clicked.connect(lambda: self.add_attendee(AttendeeInput()))
        ui.removeAttendee.clicked.connect(lambda: ui.attendees.removeRow(ui.attendees.currentRow()))
        if current is not None:
            self._load(current)
        else:
            self.setWindowTitle(self.tr("New activity"))
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)

    def _load(self, record: ActivityRecord) -> None:
        ui = self.ui
        self.setWindowTitle(self.tr("Activity — %1").replace("%1", record.title))
        ui.kind.setCurrentIndex(ui.kind.findData(record.kind.value))
        ui.title.setText(record.title)
        ui.topic.setCurrentIndex(max(ui.topic.findData(record.topic_id), 0))
        ui.heldOn.setDate(labels.to_qdate(record.held_on))
        ui.hours.setValue(record.hours)
        ui.municipality.setText(record.municipality)
        ui.venue.setText(record.venue)
        ui.facilitator.setText(record.facilitator)
        ui.partner.setCurrentIndex(max(ui.partner.findData(record.partner_id), 0))
        for i in range(ui.audiences.count()):
            item = ui.audiences.item(i)
            chosen = Audience(item.data(Qt.ItemDataRole.UserRole)) in record.audiences
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        for (sex, band), count in record.counts.items():
            self._spin(SEXES.index(Sex(sex)), AGE_BANDS.index(band)).setValue(count)
        for attendee in record.attendees:
            self.add_attendee(attendee)
        ui.notes.setPlainText(record.notes)

    def _spin(self, row: int, column: int) -> QSpinBox:
        widget = self.ui.counts.cellWidget(row, column)
        assert isinstance(widget, QSpinBox)
        return widget

    def add_attendee(self, attendee: AttendeeInput) -> None:
        table = self.ui.attendees
        row = table.rowCount()
        table.insertRow(row)
        name = QTableWidgetItem(attendee.name)
        name.setData(PERSON_ROLE, attendee.person_id)
        if attendee.person_id is not None:
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        table.setItem(row, 0, name)
        sex, band = QComboBox(), QComboBox()
        for value in SEXES:
            sex.addItem(labels.sex(value), value.value)
        sex.setCurrentIndex(sex.findData(Sex(attendee.sex).value))
        band.addItems(list(AGE_BANDS))
        band.setCurrentText(attendee.age_band)
        for combo in (sex, band):
            combo.setEnabled(attendee.person_id is None)  # a registered person's come from the file
        table.setCellWidget(row, 1, sex)
        table.setCellWidget(row, 2, band)
        table.setItem(row, 3, QTableWidgetItem(attendee.organization))
        table.setCurrentCell(row, 0)

    def add_registered_person(self) -> None:
        picker = PersonPickerDialog(self.ctx, self)
        if picker.exec() and picker.person_id is not None:
            with self.ctx.db.read() as session:  # their sex and age band, from their file
                attendee = activities.registered_attendee(
                    session, picker.person_id, labels.from_qdate(self.ui.heldOn.date())
                )
            self.add_attendee(attendee)

    def collect(self) -> ActivityInput:
        ui = self.ui
        counts = {
            (SEXES[r].value, AGE_BANDS[c]): self._spin(r, c).value()
            for r in range(len(SEXES)) for c in range(len(AGE_BANDS))
        }  # fmt: skip
        attendees = []
        for row in range(ui.attendees.rowCount()):
            name, organization = ui.attendees.item(row, 0), ui.attendees.item(row, 3)
            sex, band = ui.attendees.cellWidget(row, 1), ui.attendees.cellWidget(row, 2)
            attendees.append(AttendeeInput(
                name.text() if name else "", sex.currentData(), band.currentText(),
                organization.text() if organization else "",
                name.data(PERSON_ROLE) if name else None,
            ))  # fmt: skip
        audiences = {
            Audience(ui.audiences.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(ui.audiences.count())
            if ui.audiences.item(i).checkState() == Qt.CheckState.Checked
        }
        return ActivityInput(
            ui.kind.currentData(), ui.title.text(), labels.from_qdate(ui.heldOn.date()),
            ui.hours.value(), ui.topic.currentData(), ui.municipality.text(), ui.venue.text(),
            ui.facilitator.text(), ui.partner.currentData(), audiences, counts, attendees,
            ui.notes.toPlainText(),
        )  # fmt: skip

    def save(self) -> bool:
        data = self.collect()
        with self.ctx.db.write() as session:
            self.saved = activities.save_activity(
                session, self.ctx.actor, data, *editing(self.current)
            )
        return True
