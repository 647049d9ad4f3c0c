"""Reportes: the monthly summary previewed in the app, month close, exports and the package for
headquarters; at headquarters, the packages received and the consolidated summary; and the year
report (an office's, or headquarters' consolidated) in PDF, XLSX, JSON and DOCX."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from frontera_desk.domain.errors import FronteraError
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.pages.admin_page import small_table
from frontera_desk.gui.widgets import progress_dialog
from frontera_desk.gui.workers import run_in_background
from frontera_desk.services import audit, evidence, months
from frontera_desk.services import packages as package
from frontera_desk.services.permissions import Action

MONTHS_SHOWN = 24
YEARS_SHOWN = 5


class ReportsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.is_hq = ctx.office.is_hq
        self._tmp = folder = Path(tempfile.mkdtemp(prefix="frontera-resumen-"))
        self.destroyed.connect(lambda: shutil.rmtree(folder, ignore_errors=True))
        self._render_job: Any = None  # the background jobs' signals, kept alive while they run
        self._import_job: Any = None
        self._export_job: Any = None
        self._close_job: Any = None
        self._document: dict[str, Any] | None = None
        self._made_from: tuple[int, int, str] | None = None  # the month and the log's newest
        self._year_report: Any = None  # the year report shown (services.year_report.YearReport)
        can_close = ctx.actor.can(Action.CLOSE_MONTH) and not self.is_hq
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Report"))
        self.kind.addItem(self.tr("Monthly summary"), "month")
        self.kind.addItem(self.tr("Year report"), "year")
        self.year = QComboBox()
        self.year.setAccessibleName(self.tr("Year"))
        for back in range(YEARS_SHOWN):
            shown = date.today().year - back
            self.year.addItem(self.tr("%1 (so far)").replace("%1", str(shown)) if back == 0
                              else str(shown), shown)  # fmt: skip
        self.year.setCurrentIndex(1 if date.today().month == 1 else 0)
        self.year.setVisible(False)
        self.month = QComboBox()
        self.month.setAccessibleName(self.tr("Month"))
        today = date.today()
        for back in range(MONTHS_SHOWN):
            year, month = months.months_back(today, back)
            name = months.month_name(year, month).capitalize()
            if back == 0:
                name = self.tr("%1 (so far)").replace("%1", name)
            self.month.addItem(name, (year, month))
        self.month.setCurrentIndex(1)  # the month just finished: the one to close and send
        self.state = QLabel()
        self.state.setObjectName("monthState")
        self.close_button = QPushButton(self.tr("&Close month"))
        self.reopen_button = QPushButton(self.tr("&Reopen month…"))
        for button in (self.close_button, self.reopen_button):
            button.setVisible(can_close)
        kind_label = QLabel(self.tr("Re&port:"))
        kind_label.setBuddy(self.kind)
        bar.addWidget(kind_label)
        bar.addWidget(self.kind)
        self.month_label = QLabel(self.tr("&Month:"))
        self.month_label.setBuddy(self.month)
        bar.addWidget(self.month_label)
        bar.addWidget(self.month)
        bar.addWidget(self.year)
        bar.addWidget(self.state, 1)
        bar.addWidget(self.close_button)
        bar.addWidget(self.reopen_button)
        layout.addLayout(bar)
        exports = QHBoxLayout()
        self.save_buttons = {}
        for suffix, text in ((".pdf", self.tr("Save &PDF…")), (".xlsx", self.tr("Save &XLSX…")),
                             (".json", self.tr("Save &JSON…")),
                             (".docx", self.tr("Save &DOCX…"))):  # fmt: skip
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=suffix: self.save(s))
            exports.addWidget(button)
            self.save_buttons[suffix] = button
        self.save_buttons[".docx"].setVisible(False)  # the year report only
        self.save_buttons[".docx"].setToolTip(self.tr("The year report, editable in a word "
                                                      "processor"))  # fmt: skip
        self.package_button = QPushButton(self.tr("Monthly &package for headquarters…"))
        self.package_button.setVisible(can_close)
        self.import_button = QPushButton(self.tr("&Import packages…"))
        self.import_button.setVisible(self.is_hq and ctx.actor.can(Action.IMPORT_PACKAGES))
        self.card_button = QPushButton(self.tr("Office &card…"))
        self.card_button.setToolTip(self.tr("Who this office is and its public key, for "
                                            "headquarters to enroll it"))  # fmt: skip
        holds_key = ctx.actor.can(Action.CLOSE_MONTH) or ctx.actor.can(Action.MANAGE_SETTINGS)
        self.card_button.setVisible(not self.is_hq and holds_key)
        self.enroll_button = QPushButton(self.tr("&Enroll office…"))
        self.enroll_button.setToolTip(self.tr("Enroll an office from its card (.oficina)"))
        self.enroll_button.setVisible(self.is_hq and ctx.actor.can(Action.MANAGE_SETTINGS))
        exports.addWidget(self.package_button)
        exports.addWidget(self.card_button)
        exports.addWidget(self.import_button)
        exports.addWidget(self.enroll_button)
        exports.addStretch()
        layout.addLayout(exports)
        self.message = QLabel()
        self.message.setObjectName("reportMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Summary preview"))
        if self.is_hq:
            self.received = small_table("receivedTable", [
                self.tr("Office"), self.tr("Month"), self.tr("Revision"), self.tr("Received"),
            ])  # fmt: skip
            for column, width in enumerate((170, 70, 65)):
                self.received.setColumnWidth(column, width)
            self.enrolled = small_table("enrolledTable", [
                self.tr("Office"), self.tr("Fingerprint"), self.tr("Last package"),
                self.tr("Months missing"),
            ])  # fmt: skip
            for column, width in enumerate((190, 175, 95)):
                self.enrolled.setColumnWidth(column, width)
            self.files_log = small_table("receivedFilesTable", [
                self.tr("File"), self.tr("Received"), self.tr("Result"),
            ])  # fmt: skip
            for column, width in enumerate((150, 110)):
                self.files_log.setColumnWidth(column, width)
            self.hq_tabs = QTabWidget()
            self.hq_tabs.addTab(self.received, self.tr("Packages"))
            self.hq_tabs.addTab(self.enrolled, self.tr("Enrolled offices"))
            self.hq_tabs.addTab(self.files_log, self.tr("Files received"))
            splitter = QSplitter()
            splitter.addWidget(self.hq_tabs)
            splitter.addWidget(self.view)
            splitter.setSizes([380, 700])
            layout.addWidget(splitter, 1)
        else:
            # the month's revisions: who closed it, when, why it was reopened, its snapshot's hash
            self.revisions = small_table("revisionsTable", [
                self.tr("Revision"), self.tr("Closed"), self.tr("By"), self.tr("SHA-256"),
                self.tr("Reopened"), self.tr("Reason for reopening"),
            ])  # fmt: skip
            self.revisions.setAccessibleName(self.tr("Revisions of the month"))
            self.revisions.setMaximumHeight(120)
            for column, width in enumerate((70, 130, 140, 150, 170)):
                self.revisions.setColumnWidth(column, width)
            layout.addWidget(self.revisions)
            layout.addWidget(self.view, 1)
        self.month.currentIndexChanged.connect(lambda: (self.message.clear(), self.refresh()))
        self.year.currentIndexChanged.connect(lambda: (self.message.clear(), self.refresh()))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._can_close = can_close
        self.close_button.clicked.connect(self.close_month)
        self.reopen_button.clicked.connect(self.reopen_month)
        self.package_button.clicked.connect(self.export_package)
        self.import_button.clicked.connect(self.import_packages)
        self.card_button.clicked.connect(self.show_card)
        self.enroll_button.clicked.connect(self.enroll)

    def period(self) -> tuple[int, int]:
        year, month = self.month.currentData()
        return int(year), int(month)

    def yearly(self) -> bool:
        return bool(self.kind.currentData() == "year")

    def _kind_changed(self) -> None:
        """Month or year: the month's tools (close, reopen, package, revisions) are for a month."""
        yearly = self.yearly()
        self.month_label.setVisible(not yearly)
        self.month.setVisible(not yearly)
        self.year.setVisible(yearly)
        for button in (self.close_button, self.reopen_button, self.package_button):
            button.setVisible(self._can_close and not yearly)
        self.save_buttons[".docx"].setVisible(yearly)
        if not self.is_hq:
            self.revisions.setVisible(False)
        self.message.clear()
        self.refresh()

    def refresh(self) -> None:
        if self.yearly():
            if self.is_hq:
                self._load_received()
            self._render_year()
            return
        year, month = self.period()
        if self.is_hq:
            self._load_received()
        else:
            with self.ctx.db.read() as session:
                state = months.state(session, self.ctx.office.code, year, month)
                history = months.history(session, self.ctx.office.code, year, month)
            if state.closed:
                text = self.tr("Closed — revision %1").replace("%1", str(state.revision))
            elif state.revision:
                text = self.tr("Reopened — preliminary; the next closing makes revision %1"
                               ).replace("%1", str(state.revision))  # fmt: skip
            else:
                text = self.tr("Open — preliminary figures")
            self.state.setText(text)
            self._show_history(history)
            finished = (year, month) < (date.today().year, date.today().month)
            self.close_button.setEnabled(finished and not state.closed)
            self.reopen_button.setEnabled(state.closed)
            self.package_button.setEnabled(state.closed)
        self._render()

    def _show_history(self, history: list[months.RevisionInfo]) -> None:
        def when(moment: Any) -> str:
            return moment.astimezone().strftime("%d/%m/%Y %H:%M") if moment else ""

        self.revisions.setRowCount(len(history))
        self.revisions.setVisible(bool(history))
        for index, row in enumerate(history):
            reopened = (f"{when(row.reopened_at)} · {row.reopened_by}"
                        if row.reopened_at else "")  # fmt: skip
            cells = (str(row.revision), when(row.closed_at), row.closed_by, row.sha256[:16],
                     reopened, row.reopen_reason)  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setToolTip(row.sha256)
                self.revisions.setItem(index, column, item)

    def _render(self) -> None:
        """Write the month's summary PDF off the GUI thread and show it; shown again, the same
        month is made again only if something changed since. Every change leaves an entry in
        the audit log, so its newest entry tells (making it took 1-1.5 s on a large office,
        and 10 MB more memory each time)."""
        year, month = self.period()
        with self.ctx.db.read() as session:
            made_from = (year, month, audit.head(session))
        if made_from == self._made_from and self._document is not None:
            return
        target = self._tmp / f"resumen-{year}-{month:02d}.pdf"
        self.document.close()
        for button in self.save_buttons.values():
            button.setEnabled(False)

        def work(_report: Any) -> dict[str, Any]:
            with self.ctx.db.read() as session:
                document = package.summary_document(session, year, month)
            package.write_document(document, target, self.ctx.office.is_demo)
            return document

        def done(document: dict[str, Any]) -> None:
            if self.period() != (year, month):
                return  # the user chose another month meanwhile
            self._document, self._made_from = document, made_from
            self.document.load(str(target))
            for button in self.save_buttons.values():
                button.setEnabled(True)

        def failed(error: BaseException) -> None:
            if not isinstance(error, FronteraError):
                raise error
            self._document = None
            self.message.setText(str(error))

        self._render_job = run_in_background(work, done, failed)

    def _render_year(self) -> None:
        """Build the year report off the GUI thread, show its PDF and its state."""
        from frontera_desk.reports.year_tables import status_line
        from frontera_desk.services import year_report

        year = int(self.year.currentData())
        target = self._tmp / f"informe-{year}.pdf"
        self.document.close()
        self._year_report = None
        self._made_from = None  # the month's preview is made again when coming back
        for button in self.save_buttons.values():
            button.setEnabled(False)
        self.state.setText(self.tr("Building the year report…"))

        def work(_report: Any) -> Any:
            with self.ctx.db.read() as session:
                report = year_report.year_report(session, year)
            year_report.write_report(report, target)
            return report

        def done(report: Any) -> None:
            if not self.yearly() or int(self.year.currentData()) != year:
                return  # the user chose another period meanwhile
            self._year_report = report
            self.state.setText(status_line(report))
            self.document.load(str(target))
            for button in self.save_buttons.values():
                button.setEnabled(True)

        def failed(error: BaseException) -> None:
            if not isinstance(error, FronteraError):
                raise error
            if not self.yearly() or int(self.year.currentData()) != year:
                return  # a year the user has left: its message would mislead
            self.state.setText("")
            self.message.setText(str(error))

        self._render_job = run_in_background(work, done, failed)

    def save(self, suffix: str) -> None:
        if self.yearly():
            self._save_year(suffix)
            return
        if self._document is None:
            return
        year, month = self.period()
        name = f"resumen-{self.ctx.office.code}-{year}-{month:02d}{suffix}"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save summary"), str(Path.home() / name), f"*{suffix}"
        )
        if not chosen:
            return
        target = Path(chosen) if chosen.lower().endswith(suffix) else Path(chosen + suffix)
        try:
            package.write_document(self._document, target, self.ctx.office.is_demo)
        except (FronteraError, OSError) as error:
            QMessageBox.warning(self, self.tr("Save summary"), str(error))
            return
        self.message.setText(self.tr("Summary saved: %1").replace("%1", str(target)))

    def _save_year(self, suffix: str) -> None:
        from frontera_desk.services.year_report import write_report

        report = self._year_report
        if report is None:
            return
        name = f"informe-anual-{self.ctx.office.code}-{report.year}{suffix}"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save year report"), str(Path.home() / name), f"*{suffix}"
        )
        if not chosen:
            return
        target = Path(chosen) if chosen.lower().endswith(suffix) else Path(chosen + suffix)
        try:
            write_report(report, target)
        except (FronteraError, OSError) as error:
            QMessageBox.warning(self, self.tr("Save year report"), str(error))
            return
        self.message.setText(self.tr("Year report saved: %1").replace("%1", str(target)))

    def _write(self, action: Any) -> bool:
        try:
            with self.ctx.db.write() as session:
                action(session)
        except FronteraError as error:
            QMessageBox.warning(self, self.tr("Reports"), str(error))
            return False
        return True

    def close_month(self) -> None:
        year, month = self.period()
        name = months.month_name(year, month)
        with self.ctx.db.read() as session:
            pending = evidence.count_pending(session, *months.month_bounds(year, month))
        question = self.tr("Close %1? Supports, receipts, disbursements and activities dated in "
                           "it can no longer be recorded or changed until a supervisor reopens "
                           "it.").replace("%1", name)  # fmt: skip
        if pending:
            question += "\n\n" + self.tr(
                "%n support(s) delivered in the month still lack required documents in their "
                "evidence file; the summary counts them. Close anyway?",
                "",
                pending,
            )
        answer = QMessageBox.question(self, self.tr("Close month"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        # Off the GUI thread: closing makes the month's summary to keep as its snapshot
        progress = progress_dialog(self.tr("Closing the month…"), 0, self, 300)
        self.close_button.setEnabled(False)

        def close(_report: Any) -> None:
            with self.ctx.db.write() as session:
                months.close_month(
                    session, self.ctx.actor, year, month, confirm_evidence_pending=pending > 0
                )  # confirmed above

        def done(_result: None) -> None:
            progress.close()
            self.refresh()

        def failed(error: BaseException) -> None:
            progress.close()
            self.refresh()
            if not isinstance(error, FronteraError):
                raise error
            QMessageBox.warning(self, self.tr("Reports"), str(error))

        self._close_job = run_in_background(close, done, failed)

    def reopen_month(self) -> None:
        year, month = self.period()
        with self.ctx.db.read() as session:
            later = months.later_closed(session, self.ctx.office.code, year, month)
        question = self.tr("Why must %1 be reopened? (recorded in the audit log)").replace(
            "%1", months.month_name(year, month))  # fmt: skip
        if later:  # their year to date builds on this month: they reopen with it
            names = ", ".join(months.month_name(m.year, m.month) for m in later)
            question = (
                self.tr(
                    "Reopening %1 also reopens the later closed months of the year: "
                    "%2. Each gets a new revision when closed again."
                )
                .replace("%1", months.month_name(year, month))
                .replace("%2", names)
                + "\n\n"
                + question
            )
        reason, ok = QInputDialog.getText(self, self.tr("Reopen month"), question)
        if ok and self._write(
            lambda s: months.reopen_month(s, self.ctx.actor, year, month, reason)
        ):
            self.refresh()

    def export_package(self) -> None:
        year, month = self.period()
        with self.ctx.db.read() as session:
            revision = months.state(session, self.ctx.office.code, year, month).revision
        name = f"paquete-{self.ctx.office.code}-{year}-{month:02d}-r{revision}.zip"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Monthly package for headquarters"), str(Path.home() / name), "*.zip"
        )
        if not chosen:
            return
        target = Path(chosen)
        # Off the GUI thread: the summary and its files took 0.9-1.5 s on the large demo office
        progress = progress_dialog(self.tr("Writing the package…"), 0, self, 300)
        self.package_button.setEnabled(False)

        key = self.ctx.vault.signing_key if self.ctx.vault else None

        def export(_report: Any) -> None:
            with self.ctx.db.write() as session:
                package.export_package(session, self.ctx.actor, year, month, target, key)

        def done(_result: None) -> None:
            progress.close()
            self.package_button.setEnabled(True)
            self.message.setText(
                self.tr("Package written: %1. Send it to headquarters.").replace("%1", chosen)
            )

        def failed(error: BaseException) -> None:
            progress.close()
            self.package_button.setEnabled(True)
            if not isinstance(error, FronteraError):
                raise error
            QMessageBox.warning(self, self.tr("Reports"), str(error))

        self._export_job = run_in_background(export, done, failed)

    def import_packages(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import monthly packages"), str(Path.home()), "*.zip"
        )
        if chosen:
            self.import_files([Path(name) for name in chosen])

    def import_files(self, files: list[Path]) -> None:
        """Import off the GUI thread, with progress; then show one line per file."""
        progress = progress_dialog(self.tr("Importing packages…"), len(files), self, 500)

        def done(outcome: list[tuple[bool, str]]) -> None:
            progress.close()
            rejected = self.tr("Rejected: %1")
            self.message.setText("\n".join(
                line if accepted else rejected.replace("%1", line) for accepted, line in outcome
            ))  # fmt: skip
            self.refresh()

        def failed(error: BaseException) -> None:
            progress.close()
            raise error

        self._import_job = run_in_background(
            lambda report: package.import_packages(self.ctx.db, self.ctx.actor, files, report),
            done, failed, lambda n, _total: progress.setValue(n),
        )  # fmt: skip

    def show_card(self) -> None:
        from frontera_desk.gui.dialogs.office_card_dialog import OfficeCardDialog

        key = self.ctx.vault.signing_key if self.ctx.vault else None
        try:
            with self.ctx.db.read() as session:
                card = package.office_card(session, self.ctx.actor, key)
        except FronteraError as error:
            QMessageBox.warning(self, self.tr("Office card"), str(error))
            return
        OfficeCardDialog(card, self).exec()

    def enroll(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Enroll office"), str(Path.home()), "*.oficina"
        )
        if chosen:
            self.enroll_file(Path(chosen))

    def enroll_file(self, file: Path, reason: str = "") -> None:
        """Enroll from a card; the result (or the refusal) is shown in one line."""
        try:
            with self.ctx.db.write() as session:
                line = package.enroll_office_file(session, self.ctx.actor, file, reason)
        except FronteraError as error:
            line = self.tr("Rejected: %1").replace("%1", str(error))
        self.message.setText(line)
        self.refresh()

    def _load_enrolled(self) -> None:
        with self.ctx.db.read() as session:
            rows = package.enrolled_offices(session)
            files = package.received_files(session)
        self.enrolled.setRowCount(len(rows))
        for index, row in enumerate(rows):
            cells = (f"{row.code} — {row.name}", row.fingerprint, row.last_period or "—",
                     ", ".join(row.missing) or self.tr("none"))  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{row.code} — {row.name} ({row.place})" if column == 0 else text)
                self.enrolled.setItem(index, column, item)
        self.files_log.setRowCount(len(files))
        for index, file in enumerate(files):
            received = file.received_at.astimezone().strftime("%d/%m/%Y %H:%M")
            result = file.outcome if file.accepted else self.tr("Rejected: %1").replace(
                "%1", file.outcome)  # fmt: skip
            for column, text in enumerate((file.file_name, received, result)):
                item = QTableWidgetItem(text)
                item.setToolTip(result)
                self.files_log.setItem(index, column, item)

    def _load_received(self) -> None:
        self._load_enrolled()
        with self.ctx.db.read() as session:
            rows = package.received(session)
        self.received.setRowCount(len(rows))
        for index, row in enumerate(rows):
            received = row.received_at.astimezone().strftime("%d/%m/%Y %H:%M")
            cells = (f"{row.office_code} — {row.office_name}", f"{row.year}-{row.month:02d}",
                     str(row.revision), received)  # fmt: skip
            for column, text in enumerate(cells):
                self.received.setItem(index, column, QTableWidgetItem(text))
        year, month = self.period()
        held = sum(1 for r in rows if (r.year, r.month) == (year, month))
        self.state.setText(self.tr("%n office(s) received for this month", "", held))

    def closeEvent(self, event: Any) -> None:  # noqa: N802
        self.document.close()
        super().closeEvent(event)
