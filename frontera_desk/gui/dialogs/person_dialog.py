"""Register or correct a person; warns about possible duplicates before saving."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from frontera_desk.domain.countries import countries
from frontera_desk.domain.enums import DocumentType, Sex, Vulnerability
from frontera_desk.domain.errors import PossibleDuplicate, ValidationError
from frontera_desk.gui import labels
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.base import ServiceDialog
from frontera_desk.gui.generated.ui_person_dialog import Ui_PersonDialog
from frontera_desk.services import people
from frontera_desk.services.office import get_settings
from frontera_desk.services.people import DocumentInput, PersonInput, PersonRecord


class PersonDialog(ServiceDialog):
    """``result_person_id`` holds the saved person, or the existing one the user chose to open."""

    OPEN_EXISTING = 2
    person_saved = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        person: PersonRecord | None = None,
        household_head: tuple[int, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_PersonDialog()
        self.ui.setupUi(self)
        self.error_label = self.ui.error
        self.person = person
        self.result_person_id: int | None = None
        self._head_id = household_head[0] if household_head else None
        ui = self.ui
        self.vulnerability_boxes = {
            Vulnerability.UNACCOMPANIED_MINOR: ui.vulnUnaccompanied,
            Vulnerability.PREGNANT: ui.vulnPregnant,
            Vulnerability.DISABILITY: ui.vulnDisability,
            Vulnerability.VIOLENCE_SURVIVOR: ui.vulnViolence,
            Vulnerability.TRAFFICKING: ui.vulnTrafficking,
            Vulnerability.ASYLUM: ui.vulnAsylum,
        }
        self.fields = {
            "given_names": ui.givenNames,
            "first_surname": ui.firstSurname,
            "second_surname": ui.secondSurname,
            "sex": ui.sex,
            "birth_date": ui.birthDate,
            "estimated_age": ui.estimatedAge,
            "nationality": ui.nationality,
            "documents": ui.documents,
            "consent": ui.consent,
            "phone": ui.phone,
            "lodging": ui.lodging,
            "household_size": ui.householdSize,
            "dependents": ui.dependents,
            "vulnerabilities": ui.vulnUnaccompanied,
            "notes": ui.notes,
        }
        ui.sex.addItem(self.tr("Choose…"), "")
        for value in Sex:
            ui.sex.addItem(labels.sex(value), value.value)
        ui.nationality.addItem(self.tr("Unknown"), None)
        for code, name in countries(ctx.language).items():
            ui.nationality.addItem(name, code)
        completer = ui.nationality.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        ui.birthDate.setMaximumDate(QDate.currentDate())
        # One day before the oldest possible birth date stands for "not typed yet": the field
        # shows blank, so a rushed save cannot record an invented date (issue 24, item 5).
        ui.birthDate.setMinimumDate(QDate.currentDate().addYears(-people.MAX_AGE).addDays(-1))
        ui.birthDate.setSpecialValueText(" ")
        ui.birthUnknown.toggled.connect(self._birth_unknown_toggled)
        header = ui.documents.horizontalHeader()
        header.resizeSection(0, 300)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        ui.documents.verticalHeader().hide()
        for button in (ui.addDocument, ui.removeDocument):
            button.setAutoDefault(False)  # Return in a document's number does not add another
        ui.addDocument.clicked.connect(
            lambda: self._add_document(DocumentInput(DocumentType.PASSPORT), typing=True)
        )
        ui.removeDocument.clicked.connect(self._remove_document)
        with ctx.db.read() as session:
            ui.notice.setPlainText(get_settings(session).privacy_notice)
        # The answer is asked, never assumed (issue 24, item 4): no choice made until chosen
        ui.consent.addItem(self.tr("— ask the person and choose —"), "")
        ui.consent.addItem(self.tr("Consents to the use of their data"), True)
        ui.consent.addItem(self.tr("Refuses"), False)
        ui.consent.addItem(self.tr("Could not be asked"), people.NOT_ASKED)
        before = person.consent if person else None
        self._consent_before: bool | str | None = (
            "" if before is None else people.NOT_ASKED if before.given is None else before.given
        )
        ui.consent.setCurrentIndex(max(ui.consent.findData(self._consent_before), 0))
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        if person is not None:
            self.setWindowTitle(self.tr("Edit person — %1").replace("%1", person.full_name))
            self._load(person.as_input())
            if person.household_head_id:
                self._head_id = person.household_head_id
                ui.household.setText(
                    self.tr("Member of the household of %1").replace(
                        "%1", person.household_head_name
                    )
                )
        else:
            self.setWindowTitle(self.tr("Register a person"))
            ui.birthDate.setDate(ui.birthDate.minimumDate())  # blank until typed
            if household_head:
                ui.household.setText(
                    self.tr("Member of the household of %1").replace("%1", household_head[1])
                )
        ui.givenNames.setFocus()

    # --- form <-> input -----------------------------------------------------------------------

    def _birth_unknown_toggled(self, unknown: bool) -> None:
        self.ui.birthDate.setEnabled(not unknown)
        self.ui.estimatedAge.setEnabled(unknown)

    def _add_document(self, doc: DocumentInput, typing: bool = False) -> None:
        """A row of the documents table; ``typing``: the user added it, so the cursor goes to
        its number (what is typed next lands there, not in another field)."""
        table = self.ui.documents
        row = table.rowCount()
        table.insertRow(row)
        combo = QComboBox()
        combo.setAccessibleName(self.tr("Document type"))
        for value in DocumentType:
            combo.addItem(labels.document(value), value.value)
        combo.setCurrentIndex(combo.findData(DocumentType(doc.doc_type).value))
        table.setCellWidget(row, 0, combo)
        table.setItem(row, 1, QTableWidgetItem(doc.number))
        table.setItem(row, 2, QTableWidgetItem(doc.issuer))
        table.setCurrentCell(row, 1)
        if typing:
            table.setFocus()
            table.editItem(table.item(row, 1))

    def _remove_document(self) -> None:
        row = self.ui.documents.currentRow()
        if row >= 0:
            self.ui.documents.removeRow(row)

    def _load(self, data: PersonInput) -> None:
        ui = self.ui
        ui.givenNames.setText(data.given_names)
        ui.firstSurname.setText(data.first_surname)
        ui.secondSurname.setText(data.second_surname)
        ui.sex.setCurrentIndex(ui.sex.findData(Sex(data.sex).value))
        if data.birth_date is not None:
            ui.birthDate.setDate(labels.to_qdate(data.birth_date))
        else:
            ui.birthUnknown.setChecked(True)
            ui.estimatedAge.setValue(data.estimated_age or 0)
        index = ui.nationality.findData(data.nationality) if data.nationality else 0
        ui.nationality.setCurrentIndex(max(index, 0))
        ui.phone.setText(data.phone)
        ui.lodging.setText(data.lodging)
        ui.householdSize.setValue(data.household_size)
        ui.dependents.setValue(data.dependents)
        for flag, box in self.vulnerability_boxes.items():
            box.setChecked(flag in data.vulnerabilities)
        for doc in data.documents:
            self._add_document(doc)
        ui.notes.setPlainText(data.notes)

    def _nationality(self) -> str | None:
        combo = self.ui.nationality
        # The user may have typed a name without picking it from the list.
        index = combo.findText(combo.currentText().strip(), Qt.MatchFlag.MatchFixedString)
        if index < 0 and combo.currentText().strip():
            return combo.currentText().strip()  # the service says it is not a country
        return combo.itemData(max(index, 0))

    def _consent(self) -> bool | str | None:
        """The answer to record: always for a new person, for an existing one when it changed."""
        answer = self.ui.consent.currentData()
        return None if answer in ("", self._consent_before) else answer

    def _require_answers(self, data: PersonInput) -> None:
        """What the form must not guess (issue 24, items 4 and 5), asked after the fields the
        service checks: a birth date or an approximate age; for a new person, the answer to
        the privacy notice."""
        people.validate_person(data, date.today())
        ui = self.ui
        if data.birth_date is None and not ui.birthUnknown.isChecked():
            raise ValidationError("birth_date", self.tr(
                "Date of birth: type it, or tick Unknown and give the approximate age."
            ))  # fmt: skip
        if self.person is None and ui.consent.currentData() == "":
            raise ValidationError("consent", self.tr(
                "Privacy notice: record the person's answer (or that they could not be "
                "asked)."))  # fmt: skip

    def collect(self) -> PersonInput:
        ui = self.ui
        table = ui.documents
        documents = []
        for row in range(table.rowCount()):
            combo = table.cellWidget(row, 0)
            number, issuer = table.item(row, 1), table.item(row, 2)
            documents.append(
                DocumentInput(
                    DocumentType(combo.currentData()),
                    number.text() if number else "",
                    issuer.text() if issuer else "",
                )
            )
        unknown = ui.birthUnknown.isChecked()
        typed = ui.birthDate.date() != ui.birthDate.minimumDate()
        return PersonInput(
            given_names=ui.givenNames.text(),
            first_surname=ui.firstSurname.text(),
            second_surname=ui.secondSurname.text(),
            sex=ui.sex.currentData(),
            birth_date=labels.from_qdate(ui.birthDate.date()) if typed and not unknown else None,
            estimated_age=ui.estimatedAge.value() if unknown else None,
            nationality=self._nationality(),
            phone=ui.phone.text(),
            lodging=ui.lodging.text(),
            household_head_id=self._head_id,
            household_size=ui.householdSize.value(),
            dependents=ui.dependents.value(),
            vulnerabilities={f for f, box in self.vulnerability_boxes.items() if box.isChecked()},
            documents=documents,
            notes=ui.notes.toPlainText(),
            consent=self._consent(),
        )

    # --- saving -------------------------------------------------------------------------------

    def save(self, confirmed: bool = False) -> bool:
        data = self.collect()
        self._require_answers(data)
        try:
            with self.ctx.db.write() as session:
                if self.person is None:
                    record = people.create_person(
                        session, self.ctx.actor, data, confirmed_not_duplicate=confirmed
                    )
                else:
                    record = people.update_person(
                        session, self.ctx.actor, self.person.id, data,
                        confirmed_not_duplicate=confirmed, expected_version=self.person.version,
                    )  # fmt: skip
        except PossibleDuplicate as warning:
            return self._ask_about_duplicate(warning)
        self.result_person_id = record.id
        self.person_saved.emit(record.id)
        return True

    def _ask_about_duplicate(self, warning: PossibleDuplicate) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Possible duplicate"))
        box.setText(self.tr("This person may already be registered:"))
        lines = []
        for match in warning.matches:
            country = labels.country(match.nationality, self.ctx.language)
            document = labels.first_document(match.document_type, match.document_number)
            facts = [labels.day(match.birth_date), country, document]  # each apart (issue 24)
            lines.append(f"• {match.full_name} — " + " · ".join(f for f in facts if f))
        box.setInformativeText("\n".join(lines))
        open_button = box.addButton(
            self.tr("&Open the existing record"), QMessageBox.ButtonRole.AcceptRole
        )
        save_button = box.addButton(
            self.tr("It is another person: &save"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(self.tr("&Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_button)
        box.exec()
        if box.clickedButton() is open_button:
            self.result_person_id = warning.matches[0].id
            self.done(self.OPEN_EXISTING)
            return False
        if box.clickedButton() is save_button:
            return self.save(confirmed=True)
        return False
