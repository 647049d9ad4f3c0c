"""Personas: instant search over everyone registered, and the selected person's file."""

from __future__ import annotations

import html
import json
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from frontera_desk.domain.errors import FronteraError
from frontera_desk.gui import labels
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.person_dialog import PersonDialog
from frontera_desk.gui.dialogs.support_dialogs import SupportDialog
from frontera_desk.gui.models.lazy import IdRole
from frontera_desk.gui.models.tables import people_model, supports_model
from frontera_desk.gui.widgets import make_table, select_id, show_count
from frontera_desk.services import importing, people, privacy
from frontera_desk.services.people import PersonRecord
from frontera_desk.services.permissions import Action
from frontera_desk.services.supports import SupportFilter


class PeoplePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person: PersonRecord | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("peopleSearch")
        self.search.setPlaceholderText(self.tr("Search by name or document number (Ctrl+F)…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search people"))
        self.count = QLabel()
        self.new_button = QPushButton(self.tr("&New person"))
        self.new_button.setToolTip(self.tr("Register a person (Ctrl+N)"))
        self.new_button.setEnabled(ctx.actor.can(Action.EDIT_PEOPLE))
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count)
        bar.addWidget(self.new_button)
        layout.addLayout(bar)

        self.model = people_model(ctx.db, ctx.language, self)
        show_count(self.model, self.count, lambda n: self.tr("%Ln person(s)", "", n))
        self.table = make_table(self.model, "peopleTable")
        self.table.setAccessibleName(self.tr("People"))
        # An empty list says what to do (issue 24, item 14)
        self.empty = QLabel()
        self.empty.setObjectName("peopleEmpty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("padding: 6px; background: #fff8e1;")
        self.empty.linkActivated.connect(lambda _link: self.new_person())
        self.empty.hide()
        self.model.modelReset.connect(self._say_if_empty)
        self.model.counted.connect(self._say_if_empty)
        listing = QWidget()
        column = QVBoxLayout(listing)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.empty)
        column.addWidget(self.table, 1)
        splitter = QSplitter()
        splitter.addWidget(listing)
        splitter.addWidget(self._detail_panel())
        splitter.setSizes([640, 460])
        layout.addWidget(splitter, 1)

        self._timer = QTimer(self, singleShot=True, interval=ctx.settings.search_delay_ms)
        self._timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._run_search)
        self.new_button.clicked.connect(lambda: self.new_person())
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self._show(current.data(IdRole))
        )
        self.table.activated.connect(lambda _index: self.edit_person())
        self._show(None)

    def _detail_panel(self) -> QWidget:
        panel = QWidget()
        box = QVBoxLayout(panel)
        self.detail = QLabel()
        self.detail.setObjectName("personDetail")
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        box.addWidget(scroll, 3)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("&Edit"))
        self.request_button = QPushButton(self.tr("Request &support"))
        self.member_button = QPushButton(self.tr("Register household &member"))
        self.export_button = QPushButton(self.tr("E&xport data…"))
        self.export_button.setToolTip(
            self.tr("Everything held about the person, for them (PDF or JSON)")
        )
        self.anonymize_button = QPushButton(self.tr("Anon&ymize…"))
        self.anonymize_button.setVisible(self.ctx.actor.can(Action.ANONYMIZE_PERSON))
        for button in (self.edit_button, self.request_button, self.member_button,
                       self.export_button, self.anonymize_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch()
        box.addLayout(buttons)
        box.addWidget(QLabel(self.tr("Supports given to this person:")))
        self.supports = supports_model(self.ctx.db, self.ctx.language, self, with_person=False)
        self.supports_table = make_table(self.supports, "personSupports")
        self.supports_table.setAccessibleName(self.tr("Supports of the person"))
        box.addWidget(self.supports_table, 2)
        self.edit_button.clicked.connect(self.edit_person)
        self.request_button.clicked.connect(self.request_support)
        self.member_button.clicked.connect(self.new_member)
        self.export_button.clicked.connect(self.export_person)
        self.anonymize_button.clicked.connect(self.anonymize_person)
        return panel

    # --- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        current = self.person.id if self.person else None
        self.model.reload()
        if current is not None:
            select_id(self.table, current)
            self._show(current)

    def _run_search(self) -> None:
        self._timer.stop()
        self.model.set_filter(self.search.text())
        if self.model.rowCount():
            select_id(self.table, self.model.id_at(0))
        else:
            self._show(None)

    def _show(self, person_id: int | None) -> None:
        self.person = None
        self._origins: list[str] = []
        if person_id is not None:
            with self.ctx.db.read() as session:
                self.person = people.get_person(session, person_id)
                members = people.household_members(session, person_id)
                self._origins = importing.provenance(session, person_id)
        can = self.ctx.actor.can
        active = self.person is not None and not self.person.anonymized
        self.edit_button.setEnabled(active and can(Action.EDIT_PEOPLE))
        self.member_button.setEnabled(active and can(Action.EDIT_PEOPLE))
        self.request_button.setEnabled(active and can(Action.REQUEST_SUPPORT))
        self.export_button.setEnabled(active and can(Action.EXPORT_PERSON))
        self.anonymize_button.setEnabled(active)
        if self.person is None:
            hint = self.tr("Choose a person in the list to see their file.")
            self.detail.setText(f"<p style='color:#666'>{hint}</p>")
            self.supports.set_filter(SupportFilter(person_id=-1))
            return
        self.detail.setText(self._person_html(self.person, members))
        self.supports.set_filter(SupportFilter(person_id=self.person.id))

    def _person_html(self, p: PersonRecord, members: list[people.PersonRow]) -> str:
        e = html.escape
        language = self.ctx.language
        age = people.age_on(p.birth_date, date.today())
        born = labels.day(p.birth_date)
        if p.birth_date_estimated:
            born = self.tr("approximate age %1").replace("%1", str(age))
        elif age is not None:
            years = self.tr("%1 years").replace("%1", str(age))
            born = f"{born} ({years})"
        rows = [
            (self.tr("Case"), e(p.case_number)),
            (self.tr("Sex"), e(labels.sex(p.sex))),
            (self.tr("Born"), e(born)),
            (self.tr("Nationality"), e(labels.country(p.nationality, language))),
            (
                self.tr("Documents"),
                "<br>".join(
                    e(f"{labels.document(d.doc_type)} {d.number}".strip()) for d in p.documents
                )
                or "—",
            ),
            (self.tr("Phone"), e(p.phone) or "—"),
            (self.tr("Staying at"), e(p.lodging) or "—"),
            (
                self.tr("Household"),
                e(
                    self.tr("%n member(s)", "", p.household_size)
                    + ", "
                    + self.tr("%n dependent(s)", "", p.dependents)
                ),
            ),
        ]
        if len(members) > 1:
            rows.append(
                (
                    self.tr("Registered in the household"),
                    "<br>".join(e(m.full_name) for m in members),
                )
            )
        if p.vulnerabilities:
            flags = ", ".join(labels.vulnerability(v) for v in sorted(p.vulnerabilities))
            rows.append(
                (self.tr("Vulnerability"), f"<span style='color:#b00020'>{e(flags)}</span>")
            )
        if p.notes:
            rows.append((self.tr("Notes"), e(p.notes).replace("\n", "<br>")))
        if p.consent is None:
            missing = e(self.tr("not recorded"))
            consent = f"<span style='color:#b00020'>{missing}</span>"
        elif p.consent.given is None:  # imported: not asked until the person is seen
            answer = self.tr("could not be asked (imported) — ask at the next visit")
            consent = f"<span style='color:#b00020'>{e(answer)}</span>"
        else:
            answer = self.tr("given on %1") if p.consent.given else self.tr("refused on %1")
            consent = e(
                answer.replace("%1", labels.day(p.consent.on)) + f" — {p.consent.recorded_by}"
            )
        rows.append((self.tr("Privacy consent"), consent))
        origins = getattr(self, "_origins", [])
        if origins:
            rows.append((self.tr("Imported from"), "<br>".join(e(o) for o in origins)))
        if p.anonymized:
            rows.insert(0, (self.tr("Anonymized"), e(self.tr("personal data removed"))))
        return f"<h2>{e(p.full_name)}</h2>{labels.detail_table(rows)}"

    # --- actions ------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_person(self, household_head: tuple[int, str] | None = None) -> None:
        dialog = PersonDialog(self.ctx, household_head=household_head, parent=self)
        if dialog.exec() or dialog.result_person_id is not None:
            self.show_person(dialog.result_person_id)

    def new_member(self) -> None:
        if self.person:
            self.new_person((self.person.id, self.person.full_name))

    def edit_person(self) -> None:
        if self.person is None or not self.ctx.actor.can(Action.EDIT_PEOPLE):
            return
        dialog = PersonDialog(self.ctx, person=self.person, parent=self)
        if dialog.exec() or dialog.result_person_id is not None:
            self.show_person(dialog.result_person_id)

    def _say_if_empty(self) -> None:
        if self.model.total() != 0:
            self.empty.hide()
            return
        typed = self.search.text().strip()
        text = (
            self.tr("Nobody matches «%1».").replace("%1", html.escape(typed)) if typed
            else self.tr("Nobody is registered yet.")
        )  # fmt: skip
        if self.ctx.actor.can(Action.EDIT_PEOPLE):
            text += " <a href='new'>" + self.tr("Register a new person?") + "</a>"
        self.empty.setText(text)
        self.empty.show()

    def show_person(self, person_id: int | None) -> None:
        """Reload the list and select this person (clearing a search that hides them)."""
        if person_id is None:
            return
        self.model.reload()
        if self.model.row_of(person_id) is None:
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.model.set_filter("")
        select_id(self.table, person_id)
        self._show(person_id)

    def export_person(self) -> None:
        if self.person is None:
            return
        suggested = str(Path.home() / f"datos-{self.person.id}.pdf")
        target, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the person's data"),
            suggested,
            self.tr("PDF (*.pdf);;JSON (*.json)"),
        )
        if not target:
            return
        try:
            with self.ctx.db.write() as session:
                data = privacy.export_person(session, self.ctx.actor, self.person.id)
            path = Path(target)
            if path.suffix.lower() == ".json" or "json" in chosen.lower():
                path = path.with_suffix(".json")
                path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
            else:
                from frontera_desk.reports.person_export import write_person_pdf  # reportlab: slow

                write_person_pdf(data, path.with_suffix(".pdf"), demo=self.ctx.office.is_demo)
        except (FronteraError, OSError) as error:
            message = error.message if isinstance(error, FronteraError) else str(error)
            QMessageBox.warning(self, self.tr("Export"), message)

    def anonymize_person(self) -> None:
        if self.person is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Anonymize %1").replace("%1", self.person.full_name),
            self.tr("Names, documents, contact and notes will be removed for good; the totals "
                    "are kept. Reason (for example, the person asked for it):"),
        )  # fmt: skip
        if not ok:
            return
        try:
            with self.ctx.db.write() as session:
                privacy.anonymize_person(session, self.ctx.actor, self.person.id, reason)
        except FronteraError as error:
            QMessageBox.warning(self, self.tr("Anonymize"), error.message)
            return
        self.show_person(self.person.id)

    def request_support(self) -> None:
        if self.person is None:
            return
        dialog = SupportDialog(self.ctx, self.person.id, self.person.full_name, self)
        if dialog.exec():
            self.supports.reload()
