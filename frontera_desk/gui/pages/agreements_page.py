"""Convenios: agreements with their counterparts, money committed, disbursed and left, and files."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontera_desk.domain.enums import AgreementStatus
from frontera_desk.domain.errors import FronteraError
from frontera_desk.gui import labels
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.agreement_dialogs import (
    AgreementDialog,
    DisbursementDialog,
    OrganizationsDialog,
)
from frontera_desk.gui.dialogs.attachment_viewer import open_attachment
from frontera_desk.gui.dialogs.simple_dialogs import PersonPickerDialog
from frontera_desk.gui.models.lazy import Column, IdRole, LazyTableModel
from frontera_desk.gui.widgets import detail_label, list_over_detail, make_table, reselect
from frontera_desk.services import agreements
from frontera_desk.services.agreements import AGREEMENT_TRANSITIONS, AgreementRecord
from frontera_desk.services.context import Action


class AgreementsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.agreement: AgreementRecord | None = None
        can_manage = ctx.actor.can(Action.MANAGE_AGREEMENTS)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        self.status.addItem(self.tr("All statuses"), None)
        for status in AgreementStatus:
            self.status.addItem(labels.agreement_status(status), status.value)
        self.new_button = QPushButton(self.tr("&New agreement…"))
        self.org_button = QPushButton(self.tr("&Organizations…"))
        for button in (self.new_button, self.org_button):
            button.setVisible(can_manage)
        bar.addWidget(self.status)
        bar.addStretch()
        bar.addWidget(self.org_button)
        bar.addWidget(self.new_button)
        layout.addLayout(bar)
        self.model = agreements_model(ctx, self)
        self.table = make_table(self.model, "agreementsTable")
        actions = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.status_button = QPushButton(self.tr("Change &status…"))
        self.pay_button = QPushButton(self.tr("Record a &disbursement…"))
        self.attach_button = QPushButton(self.tr("&Attach a file…"))
        self.open_button = QPushButton(self.tr("&Open a file…"))
        self.link_button = QPushButton(self.tr("&Link a person…"))
        self.link_button.setToolTip(self.tr("A person or family this agreement benefits"))
        for button in (self.edit_button, self.status_button, self.pay_button, self.attach_button,
                       self.link_button):  # fmt: skip
            button.setVisible(can_manage)
            actions.addWidget(button)
        actions.addWidget(self.open_button)
        actions.addStretch()
        self.detail = detail_label("agreementDetail")
        splitter = list_over_detail(self.table, self.detail, actions, (300, 400))
        layout.addWidget(splitter, 1)
        self.status.currentIndexChanged.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show(current.data(IdRole))
        )
        self.new_button.clicked.connect(self.new_agreement)
        self.org_button.clicked.connect(lambda: OrganizationsDialog(ctx, self).exec())
        self.edit_button.clicked.connect(self.edit_agreement)
        self.status_button.clicked.connect(self.change_status)
        self.pay_button.clicked.connect(self.add_disbursement)
        self.attach_button.clicked.connect(self.attach_file)
        self.open_button.clicked.connect(self.open_file)
        self.link_button.clicked.connect(self.link_person)
        self._show(None)

    def refresh(self) -> None:
        status = self.status.currentData()
        current = self.agreement.id if self.agreement else None
        self.model.set_filter(AgreementStatus(status) if status else None)
        reselect(self.table, current, self._show)

    def _show(self, agreement_id: int | None) -> None:
        self.agreement = None
        if agreement_id is not None:
            with self.ctx.db.read() as session:
                self.agreement = agreements.get_agreement(session, agreement_id)
        a = self.agreement
        for button in (self.edit_button, self.status_button, self.attach_button, self.open_button,
                       self.link_button):  # fmt: skip
            button.setEnabled(a is not None)
        self.pay_button.setEnabled(
            a is not None and a.status in (AgreementStatus.SIGNED, AgreementStatus.IN_FORCE)
        )
        if a is None:
            hint = self.tr("Choose an agreement in the list to see its details.")
            self.detail.setText(f"<p style='color:#666'>{hint}</p>")
            return
        e = html.escape
        validity = f"{labels.day(a.valid_from)} – {labels.day(a.valid_until)}"
        rows = [
            (self.tr("Kind"), e(labels.agreement_kind(a.kind))),
            (self.tr("Status"), f"<b>{e(labels.agreement_status(a.status))}</b>"),
            (self.tr("Counterparts"), "<br>".join(e(o.label) for o in a.organizations)),
            (self.tr("Signed"), e(labels.day(a.signed_on))),
            (self.tr("Validity"), e(validity)),
            (self.tr("Committed"), f"<b>{labels.money(a.committed_centavos)}</b>"),
            (self.tr("Disbursed"), labels.money(a.disbursed_centavos)),
            (self.tr("Balance"), f"<b>{labels.money(a.balance_centavos)}</b>"),
            (self.tr("Funding source"), e(a.funding_source) or "—"),
            (self.tr("Municipality"), e(a.municipality) or "—"),
            (self.tr("Signatories"), e(a.signatories) or "—"),
        ]
        none_yet = e(self.tr("No disbursements yet."))
        payments = (
            "".join(
                f"<tr><td>{labels.day(d.paid_on)}</td>"
                f"<td align='right'>{labels.money(d.amount_centavos)}</td>"
                f"<td>{e(d.paid_for)}</td><td>{e(d.reference)}</td><td>{e(d.override_reason)}</td></tr>"
                for d in a.disbursements
            )
            or f"<tr><td colspan='5'>{none_yet}</td></tr>"
        )
        files = "<br>".join(
            e(f"{f.original_name} ({f.size / 1024:.0f} KB) {f.description}") for f in a.files
        )
        people_heading = self.tr("People and families it benefits")
        linked = "<br>".join(e(name) for _pid, name in a.beneficiaries) or "—"
        heading = self.tr("Disbursements")
        files_heading = self.tr("Files")
        self.detail.setText(
            f"<h3>{e(a.title)}</h3><p>{e(a.purpose)}</p>{labels.detail_table(rows, 2)}"
            f"<h4>{heading}</h4><table cellpadding='3'>{payments}</table>"
            f"<h4>{files_heading}</h4>{files or '—'}"
            f"<h4>{people_heading}</h4>{linked}"
        )

    def new_agreement(self) -> None:
        dialog = AgreementDialog(self.ctx, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self.agreement = dialog.saved
            self.refresh()

    def edit_agreement(self) -> None:
        if self.agreement and AgreementDialog(self.ctx, self.agreement, self).exec():
            self.refresh()

    def change_status(self) -> None:
        if self.agreement is None:
            return
        options = sorted(AGREEMENT_TRANSITIONS[self.agreement.status])
        if not options:
            QMessageBox.information(
                self, self.tr("Change status"), self.tr("This agreement is closed.")
            )
            return
        names = [labels.agreement_status(s) for s in options]
        chosen, ok = QInputDialog.getItem(
            self, self.tr("Change status"), self.tr("New status:"), names, 0, False
        )
        if not ok:
            return
        try:
            with self.ctx.db.write() as session:
                agreements.change_status(
                    session, self.ctx.actor, self.agreement.id, options[names.index(chosen)]
                )
        except FronteraError as error:
            QMessageBox.warning(self, self.tr("Change status"), error.message)
        self.refresh()

    def add_disbursement(self) -> None:
        if self.agreement and DisbursementDialog(self.ctx, self.agreement, self).exec():
            self.refresh()

    def attach_file(self) -> None:
        if self.agreement is None:
            return
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a file"))
        if not chosen:
            return
        try:
            with self.ctx.db.write() as session:
                agreements.attach_file(session, self.ctx.actor, self.agreement.id, Path(chosen))
        except (FronteraError, OSError) as error:
            QMessageBox.warning(self, self.tr("Attach a file"), str(error))
        self.refresh()

    def open_file(self) -> None:
        if self.agreement is None or not self.agreement.files:
            return
        names = [f.original_name for f in self.agreement.files]
        chosen, ok = QInputDialog.getItem(
            self, self.tr("Open a file"), self.tr("File:"), names, 0, False
        )
        if not ok:
            return
        open_attachment(self.ctx, self.agreement.files[names.index(chosen)].id, self)

    def link_person(self) -> None:
        if self.agreement is None:
            return
        picker = PersonPickerDialog(self.ctx, self)
        if not picker.exec() or picker.person_id is None:
            return
        try:
            with self.ctx.db.write() as session:
                agreements.link_person(session, self.ctx.actor, self.agreement.id, picker.person_id)
        except FronteraError as error:
            QMessageBox.warning(self, self.tr("Link a person"), error.message)
        self.refresh()


def agreements_model(ctx: AppContext, parent: QWidget) -> LazyTableModel[agreements.AgreementRow]:
    """Agreements, the latest signed first; the filter is a status, or None for all."""
    translate = QCoreApplication.translate
    columns = [
        Column(translate("AgreementsPage", "Title"), lambda r: r.title, width=330),
        Column(translate("AgreementsPage", "Counterparts"), lambda r: r.counterparts, width=200),
        Column(translate("AgreementsPage", "Status"), lambda r: labels.agreement_status(r.status),
               width=90),
        Column(translate("AgreementsPage", "Signed"), lambda r: labels.day(r.signed_on), width=90),
        Column(translate("AgreementsPage", "Committed"),
               lambda r: labels.money(r.committed_centavos), align_right=True, width=120),
        Column(translate("AgreementsPage", "Balance"), lambda r: labels.money(r.balance_centavos),
               align_right=True),
    ]  # fmt: skip
    return LazyTableModel(ctx.db, columns,
                          lambda status, _key, _desc: agreements.agreement_list(status),
                          agreements.fetch_rows, parent=parent)  # fmt: skip
