"""The provider's invoice (CFDI) in a support's file: what it says, how it compares with the
support, and how it is attached (read, shown with its checks, then accepted)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontera_desk.domain import cfdi
from frontera_desk.domain.enums import SupportStatus
from frontera_desk.domain.errors import FronteraError
from frontera_desk.gui import labels
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.base import ServiceDialog
from frontera_desk.services import invoices, supports
from frontera_desk.services.permissions import Action


def _checks_html(found: tuple[invoices.Check, ...] | list[invoices.Check]) -> str:
    marks = []
    for check in found:
        mark, color = ("✓", "#2e7d32") if check.ok else ("✗", "#b00020")
        marks.append(
            f"<span style='color:{color}'><b>{mark} {html.escape(check.label)}</b></span>: "
            f"{html.escape(check.detail)}"
        )
    return "<br>".join(marks)


class InvoiceCheckDialog(ServiceDialog):
    """The invoice read from its XML, each check against the support, and Accept. A total other
    than the support's amount takes a supervisor's written reason."""

    def __init__(
        self, ctx: AppContext, support_id: int, xml_path: Path, xml: bytes,
        invoice: cfdi.Cfdi, found: list[invoices.Check], pdf_path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(ctx, parent)
        self.setObjectName("InvoiceCheckDialog")
        self.setWindowTitle(self.tr("Provider's invoice"))
        self.support_id, self.xml_path, self.xml, self.pdf_path = (
            support_id, xml_path, xml, pdf_path,
        )  # fmt: skip
        form = QFormLayout()
        rows = (
            (self.tr("Issuer"), invoice.issuer_name),
            (self.tr("Issuer RFC"), invoice.issuer_rfc),
            (self.tr("Folio fiscal (UUID)"), invoice.uuid),
            (self.tr("Date"), labels.day(invoice.issued_on)),
            (self.tr("Total"), labels.money(invoice.total_centavos)),
            (self.tr("Concepts"), "; ".join(c.description for c in invoice.concepts[:5])
             + (" …" if len(invoice.concepts) > 5 else "")),
            (self.tr("Printed invoice (PDF)"), pdf_path.name if pdf_path else self.tr("none")),
        )  # fmt: skip
        for label, value in rows:
            shown = QLabel(value)
            shown.setWordWrap(True)
            form.addRow(label, shown)
        self.checks = QLabel(_checks_html(found))
        self.checks.setObjectName("checks")
        form.addRow(self.tr("Checks"), self.checks)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason for another total"))
        total_ok = next((c.ok for c in found if c.label == "Total"), True)
        if not total_ok:
            form.addRow(self.tr("Reason for another total (supervisor)"), self.reason)
        self.fields = {"total_reason": self.reason}
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.accept_button = buttons.addButton(
            self.tr("&Accept the invoice"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(620, 0)

    def show_error(self, error: FronteraError) -> None:
        super().show_error(error)
        self.adjustSize()  # the message may take two lines

    def save(self) -> bool:
        pdf = None
        if self.pdf_path is not None:
            try:
                pdf = self.pdf_path.read_bytes()
            except OSError:
                raise FronteraError(f"No se pudo leer «{self.pdf_path.name}».") from None
        with self.ctx.db.write() as session:
            invoices.attach_invoice(
                session, self.ctx.actor, self.support_id, self.xml_path.name, self.xml,
                pdf=pdf, pdf_name=self.pdf_path.name if self.pdf_path else "",
                total_reason=self.reason.text(),
            )  # fmt: skip
        return True


class InvoicePanel(QWidget):
    """The support's invoice, or the button that attaches one."""

    changed = Signal()

    def __init__(self, ctx: AppContext, support_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("InvoicePanel")
        self.ctx, self.support_id = ctx, support_id
        self.title = QLabel(self.tr("<b>Provider's invoice (CFDI)</b>"))
        self.details = QLabel()
        self.details.setObjectName("invoiceDetails")
        self.details.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("invoiceMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.attach_button = QPushButton(self.tr("Attach &invoice (XML)…"))
        self.attach_button.setToolTip(
            self.tr("Choose the provider's CFDI (XML) and, if you have it, its PDF")
        )
        self.attach_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("Take &back the invoice…"))
        self.remove_button.setToolTip(
            self.tr("An invoice accepted by mistake: its files are erased and its folio fiscal "
                    "may back another payment")
        )  # fmt: skip
        self.remove_button.clicked.connect(self.take_back)
        row = QHBoxLayout()
        row.addWidget(self.attach_button)
        row.addWidget(self.remove_button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.details, self.message):
            layout.addWidget(widget)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        with self.ctx.db.read() as session:
            record = invoices.invoice_of_support(session, self.support_id)
            status = supports.get_support(session, self.support_id).status
        open_support = status not in (SupportStatus.REJECTED, SupportStatus.CANCELLED)
        self.attach_button.setVisible(record is None)
        self.remove_button.setVisible(
            record is not None and self.ctx.actor.can(Action.DECIDE_SUPPORT)
        )
        self.attach_button.setEnabled(
            record is None and open_support and self.ctx.actor.can(Action.REQUEST_SUPPORT)
        )
        if record is None:
            self.details.setText(self.tr("No invoice attached."))
            return
        text = (
            f"{html.escape(record.issuer_name)} — RFC {record.issuer_rfc}<br>"
            + self.tr("Folio fiscal %1, of %2, total %3").replace("%1", record.folio_fiscal)
            .replace("%2", labels.day(record.issued_on))
            .replace("%3", labels.money(record.total_centavos))
            + "<br>" + _checks_html(record.checks)
        )  # fmt: skip
        if record.total_reason:
            text += "<br>" + html.escape(
                self.tr("Other total accepted by %1: %2")
                .replace("%1", record.total_reason_by).replace("%2", record.total_reason)
            )  # fmt: skip
        self.details.setText(text)

    def take_back(self) -> None:
        reason, ok = QInputDialog.getText(
            self, self.tr("Take back the invoice"),
            self.tr("Why was this invoice accepted by mistake?"),
        )  # fmt: skip
        if not ok:
            return
        try:
            with self.ctx.db.write() as session:
                invoices.remove_invoice(session, self.ctx.actor, self.support_id, reason)
        except FronteraError as error:
            self.message.setText(error.message)
            return
        self.message.clear()
        self.reload()
        self.changed.emit()

    def choose_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Provider's invoice: the XML, and its PDF if you have it"), "",
            self.tr("Invoices (*.xml *.pdf)"),
        )  # fmt: skip
        if chosen:
            self.attach_paths([Path(p) for p in chosen])

    def attach_paths(self, paths: list[Path]) -> bool:
        """Read the XML (and take the PDF) among ``paths``, show it with its checks, and accept
        it if the user does. True when the invoice was accepted."""
        self.message.clear()
        xml_path = next((p for p in paths if p.suffix.lower() == ".xml"), None)
        pdf_path = next((p for p in paths if p.suffix.lower() == ".pdf"), None)
        if xml_path is None:
            self.message.setText(self.tr("Choose the invoice's XML file (the PDF alone is not "
                                         "the invoice)."))  # fmt: skip
            return False
        try:
            xml = xml_path.read_bytes()
            with self.ctx.db.read() as session:
                invoice, found = invoices.read_invoice(session, self.support_id, xml)
        except OSError:
            self.message.setText(
                self.tr("The file %1 could not be read.").replace("%1", xml_path.name)
            )
            return False
        except FronteraError as error:
            self.message.setText(error.message)
            return False
        dialog = InvoiceCheckDialog(
            self.ctx, self.support_id, xml_path, xml, invoice, found, pdf_path, self
        )
        accepted = bool(self.run_dialog(dialog))
        self.reload()
        if accepted:
            self.changed.emit()
        return accepted

    def run_dialog(self, dialog: InvoiceCheckDialog) -> int:
        """Show the check dialog modally (tests replace this to drive the dialog)."""
        return dialog.exec()
