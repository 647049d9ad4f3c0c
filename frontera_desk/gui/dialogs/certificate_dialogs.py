"""Actividades › Constancias: issue an activity's certificates, print or reprint them, void one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTableWidgetItem, QWidget

from frontera_desk.domain.errors import FronteraError
from frontera_desk.gui import labels
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.base import Dialog
from frontera_desk.gui.dialogs.pdf_preview import PdfPreview
from frontera_desk.gui.dialogs.void_dialog import VoidDialog
from frontera_desk.gui.generated.ui_certificates_dialog import Ui_CertificatesDialog
from frontera_desk.services import certificates
from frontera_desk.services.activities import ActivityRecord
from frontera_desk.services.permissions import Action

ERROR_STYLE = "color: #b00020; font-weight: bold;"


class CertificatePreview(PdfPreview):
    """Certificates as they would print now; printing or saving records a print (the next ones
    are reprints)."""

    def __init__(self, ctx: AppContext, folios: list[str], parent: QWidget | None = None) -> None:
        self.ctx, self.folios = ctx, folios
        one = len(folios) == 1
        super().__init__(
            "", self._render, self._record, parent,
            f"{folios[0]}.pdf" if one else "constancias.pdf",
        )  # fmt: skip
        title = folios[0] if one else self.tr("%n certificate(s)", "", len(folios))
        self.setWindowTitle(self.tr("Certificates — %1").replace("%1", title))

    def _render(self, path: Path) -> Path:
        from frontera_desk.reports.certificate import write_certificates

        with self.ctx.db.read() as session:
            made = [certificates.certificate_data(session, folio) for folio in self.folios]
        write_certificates(made, path)
        return path

    def _record(self) -> None:
        with self.ctx.db.write() as session:
            for folio in self.folios:
                certificates.record_print(session, self.ctx.actor, folio)


class CertificatesDialog(Dialog):
    def __init__(
        self, ctx: AppContext, activity: ActivityRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_CertificatesDialog()
        ui.setupUi(self)
        self.ctx, self.activity = ctx, activity
        self.rows: list[certificates.CertificateRow] = []
        self.setWindowTitle(self.tr("Certificates — %1").replace("%1", activity.title))
        ui.intro.setText(
            self.tr("%1 attendee(s) on the list of «%2» (%3).")
            .replace("%1", str(len(activity.attendees)))
            .replace("%2", activity.title)
            .replace("%3", labels.day(activity.held_on))
        )
        ui.table.horizontalHeader().setStretchLastSection(True)
        ui.table.verticalHeader().hide()
        for column, width in enumerate((150, 330, 90)):
            ui.table.setColumnWidth(column, width)
        ui.voidSelected.setVisible(ctx.actor.can(Action.VOID_RECEIPT))
        ui.issue.setEnabled(ctx.actor.can(Action.EDIT_ACTIVITIES))
        with ctx.db.read() as session:
            signer = certificates.default_signer(session, activity.id)
        ui.signer.setText(signer.name)
        ui.signerTitle.setText(signer.title)
        ui.issue.clicked.connect(self.issue)
        ui.printSelected.clicked.connect(self.print_selected)
        ui.voidSelected.clicked.connect(self.void_selected)
        ui.buttons.rejected.connect(self.reject)
        self.load()

    def load(self) -> None:
        with self.ctx.db.read() as session:
            self.rows = certificates.certificates_of(session, self.activity.id)
        table = self.ui.table
        table.setRowCount(len(self.rows))
        for row, c in enumerate(self.rows):
            state = self.tr("Voided: %1").replace("%1", c.void_reason) if c.voided else (
                self.tr("Printed") if c.print_count else self.tr("Not printed yet")
            )  # fmt: skip
            for column, text in enumerate((c.folio, c.name, labels.day(c.issued_on), state)):
                table.setItem(row, column, QTableWidgetItem(text))

    def _say(self, text: str, error: bool = False) -> None:
        self.ui.message.setStyleSheet(ERROR_STYLE if error else "")
        self.ui.message.setText(text)

    def issue(self) -> None:
        signer = certificates.Signer(self.ui.signer.text(), self.ui.signerTitle.text())
        try:
            with self.ctx.db.write() as session:
                folios = certificates.issue(session, self.ctx.actor, self.activity.id, signer)
        except FronteraError as error:
            self._say(error.message, error=True)
            return
        before = {r.folio for r in self.rows}
        self.load()
        new = len([f for f in folios if f not in before])
        self._say(self.tr("%n new certificate(s) issued.", "", new))
        if folios:
            CertificatePreview(self.ctx, folios, self).exec()
            self.load()

    def _selected(self) -> list[str]:
        rows = sorted({index.row() for index in self.ui.table.selectionModel().selectedRows()})
        return [self.rows[row].folio for row in rows]

    def print_selected(self) -> None:
        folios = self._selected()
        if not folios:
            self._say(self.tr("Choose the certificates to print in the list."), error=True)
            return
        CertificatePreview(self.ctx, folios, self).exec()
        self.load()

    def void_selected(self) -> None:
        folios = self._selected()
        if len(folios) != 1:
            self._say(self.tr("Choose one certificate to void."), error=True)
            return
        folio, actor = folios[0], self.ctx.actor
        dialog = VoidDialog(
            self.ctx, self.tr("Void certificate %1").replace("%1", folio),
            self.tr("The folio is kept and marked CANCELADA; issuing again gives the attendee a "
                    "new folio."),
            self.tr("&Void the certificate"),
            lambda session, reason: certificates.void(session, actor, folio, reason), self,
        )  # fmt: skip
        if not dialog.exec():
            return
        self._say(self.tr("Certificate %1 voided.").replace("%1", folios[0]))
        self.load()
