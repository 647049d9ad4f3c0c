"""Organizations, agreements and disbursements: the forms in front of services/agreements.py."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QListWidgetItem,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontera_desk.domain.enums import AgreementKind, AgreementStatus, OrganizationKind
from frontera_desk.domain.errors import OverrideRequired
from frontera_desk.domain.money import format_money, parse_money
from frontera_desk.gui import labels
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.base import Dialog, ServiceDialog, editing
from frontera_desk.gui.generated.ui_agreement_dialog import Ui_AgreementDialog
from frontera_desk.gui.generated.ui_agreement_status_dialog import Ui_AgreementStatusDialog
from frontera_desk.gui.generated.ui_disbursement_dialog import Ui_DisbursementDialog
from frontera_desk.gui.generated.ui_organization_dialog import Ui_OrganizationDialog
from frontera_desk.services import agreements
from frontera_desk.services.agreements import (
    AGREEMENT_TRANSITIONS,
    AgreementInput,
    AgreementRecord,
    DisbursementInput,
    OrganizationInfo,
    OrganizationInput,
)


def _save_text(buttons: QDialogButtonBox, text: str) -> None:
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(text)


class OrganizationDialog(ServiceDialog):
    def __init__(
        self,
        ctx: AppContext,
        current: OrganizationInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.ui = ui = Ui_OrganizationDialog()
        ui.setupUi(self)
        self.current = current
        self.saved: OrganizationInfo | None = None
        self.error_label = ui.error
        self.fields = {"kind": ui.kind, "name": ui.name, "acronym": ui.acronym,
                       "municipality": ui.municipality, "contact": ui.contact,
                       "capacity": ui.capacity}  # fmt: skip
        for kind in OrganizationKind:
            ui.kind.addItem(labels.organization(kind), kind.value)
        if current is not None:
            ui.kind.setCurrentIndex(ui.kind.findData(current.kind.value))
            ui.name.setText(current.name)
            ui.acronym.setText(current.acronym)
            ui.municipality.setText(current.municipality)
            ui.contact.setText(current.contact)
            ui.capacity.setValue(current.capacity or 0)
        _save_text(ui.buttons, self.tr("&Save"))
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)

    def save(self) -> bool:
        ui = self.ui
        data = OrganizationInput(ui.kind.currentData(), ui.name.text(), ui.acronym.text(),
                                 ui.municipality.text(), ui.contact.text(),
                                 ui.capacity.value() or None)  # fmt: skip
        with self.ctx.db.write() as session:
            self.saved = agreements.save_organization(
                session, self.ctx.actor, data, *editing(self.current)
            )
        return True


class AgreementDialog(ServiceDialog):
    def __init__(
        self, ctx: AppContext, current: AgreementRecord | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.ui = ui = Ui_AgreementDialog()
        ui.setupUi(self)
        self.current = current
        self.saved: AgreementRecord | None = None
        self.error_label = ui.error
        self.fields = {"title": ui.title, "kind": ui.kind, "organization_ids": ui.organizations,
                       "purpose": ui.purpose, "signed_on": ui.signedOn, "valid_from": ui.validFrom,
                       "valid_until": ui.validUntil, "committed": ui.committed,
                       "funding_source": ui.funding, "municipality": ui.municipality,
                       "signatories": ui.signatories}  # fmt: skip
        for kind in AgreementKind:
            ui.kind.addItem(labels.agreement_kind(kind), kind.value)
        chosen = {o.id for o in current.organizations} if current else set()
        with ctx.db.read() as session:
            for org in agreements.organizations(session):
                item = QListWidgetItem(org.label)
                item.setData(Qt.ItemDataRole.UserRole, org.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if org.id in chosen else Qt.CheckState.Unchecked
                )
                ui.organizations.addItem(item)
        today = QDate.currentDate()
        ui.signedOn.setMaximumDate(today)
        for edit in (ui.signedOn, ui.validFrom):
            edit.setDate(today)
        ui.validUntil.setDate(today.addYears(1))
        ui.signed.toggled.connect(ui.signedOn.setEnabled)
        ui.signedOn.setEnabled(False)
        if current is None or current.status is AgreementStatus.DRAFT:
            # a draft is not signed: it is marked signed, with its date, by Change status
            ui.signed.setEnabled(False)
            ui.signed.setToolTip(self.tr("A draft has no signing date: use Change status."))
        if current is not None:
            self.setWindowTitle(self.tr("Agreement — %1").replace("%1", current.title))
            ui.title.setText(current.title)
            ui.kind.setCurrentIndex(ui.kind.findData(current.kind.value))
            ui.purpose.setPlainText(current.purpose)
            if current.signed_on:
                ui.signed.setChecked(True)
                ui.signedOn.setDate(labels.to_qdate(current.signed_on))
            if current.valid_from:
                ui.validFrom.setDate(labels.to_qdate(current.valid_from))
            if current.valid_until:
                ui.validUntil.setDate(labels.to_qdate(current.valid_until))
            ui.committed.setText(format_money(current.committed_centavos).lstrip("$"))
            ui.funding.setText(current.funding_source)
            ui.municipality.setText(current.municipality)
            ui.signatories.setText(current.signatories)
        else:
            self.setWindowTitle(self.tr("New agreement"))
        _save_text(ui.buttons, self.tr("&Save"))
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)

    def save(self) -> bool:
        ui = self.ui
        organizations = [
            ui.organizations.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(ui.organizations.count())
            if ui.organizations.item(i).checkState() == Qt.CheckState.Checked
        ]
        text = ui.committed.text().strip()
        committed = parse_money(text, "committed") if text else 0
        data = AgreementInput(
            ui.title.text(), ui.kind.currentData(), organizations, ui.purpose.toPlainText(),
            labels.from_qdate(ui.signedOn.date()) if ui.signed.isChecked() else None,
            labels.from_qdate(ui.validFrom.date()), labels.from_qdate(ui.validUntil.date()),
            committed, ui.funding.text(), ui.municipality.text(), ui.signatories.text(),
        )  # fmt: skip
        with self.ctx.db.write() as session:
            self.saved = agreements.save_agreement(
                session, self.ctx.actor, data, *editing(self.current)
            )
        return True


class DisbursementDialog(ServiceDialog):
    def __init__(
        self, ctx: AppContext, agreement: AgreementRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.ui = ui = Ui_DisbursementDialog()
        ui.setupUi(self)
        self.agreement = agreement
        self.error_label = ui.error
        self.fields = {"paid_on": ui.paidOn, "amount": ui.amount, "paid_for": ui.paidFor,
                       "reference": ui.reference, "override_reason": ui.overrideReason}  # fmt: skip
        self.setWindowTitle(
            self.tr("Disbursement — balance %1").replace(
                "%1", format_money(agreement.balance_centavos)
            )
        )
        ui.paidOn.setMaximumDate(QDate.currentDate())
        ui.paidOn.setDate(QDate.currentDate())
        _save_text(ui.buttons, self.tr("&Record"))
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)

    def save(self) -> bool:
        ui = self.ui
        paid_on, amount = labels.from_qdate(ui.paidOn.date()), parse_money(ui.amount.text())
        data = DisbursementInput(paid_on, amount, ui.paidFor.text(), ui.reference.text(),
                                 ui.overrideReason.text())  # fmt: skip
        try:
            with self.ctx.db.write() as session:
                agreements.add_disbursement(session, self.ctx.actor, self.agreement.id, data)
        except OverrideRequired as error:
            ui.overrideReason.setFocus()
            self.error_label.setText(error.message)
            return False
        return True


class OrganizationsDialog(Dialog):
    """The organizations catalog: list, add and correct."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from frontera_desk.gui.pages.admin_page import small_table

        self.ctx = ctx
        self.setWindowTitle(self.tr("Organizations"))
        self.items: list[OrganizationInfo] = []
        self.table = small_table("organizationsTable", [
            self.tr("Name"), self.tr("Acronym"), self.tr("Kind"), self.tr("Municipality"),
            self.tr("Capacity"),
        ])  # fmt: skip
        self.table.setColumnWidth(0, 320)
        new, edit = QPushButton(self.tr("&New…")), QPushButton(self.tr("&Edit…"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons = QHBoxLayout()
        for widget in (new, edit):
            buttons.addWidget(widget)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        new.clicked.connect(lambda: self._edit(None))
        edit.clicked.connect(lambda: self._edit(self._current()))
        self.table.doubleClicked.connect(lambda _index: self._edit(self._current()))
        close.rejected.connect(self.reject)
        self.resize(820, 420)
        self.refresh()

    def _current(self) -> OrganizationInfo | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _edit(self, current: OrganizationInfo | None) -> None:
        if OrganizationDialog(self.ctx, current, self).exec():
            self.refresh()

    def refresh(self) -> None:
        with self.ctx.db.read() as session:
            self.items = agreements.organizations(session)
        self.table.setRowCount(len(self.items))
        for row, org in enumerate(self.items):
            values = (org.name, org.acronym, labels.organization(org.kind), org.municipality,
                      str(org.capacity or ""))  # fmt: skip
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))


def next_status(status: AgreementStatus) -> AgreementStatus | None:
    """The normal next step of an agreement (cancelling is a separate, deliberate action)."""
    steps = [s for s in AgreementStatus if s in AGREEMENT_TRANSITIONS[status]]
    return next((s for s in steps if s is not AgreementStatus.CANCELLED), None)


class AgreementStatusDialog(ServiceDialog):
    """Move an agreement to its next status; marking it signed asks the date it was signed."""

    def __init__(
        self, ctx: AppContext, agreement: AgreementRecord, new: AgreementStatus,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(ctx, parent)
        self.ui = ui = Ui_AgreementStatusDialog()
        ui.setupUi(self)
        self.agreement, self.new = agreement, new
        self.error_label = ui.error
        self.fields = {"signed_on": ui.signedOn}
        ui.intro.setText(
            self.tr("«%1»: from %2 to %3.")
            .replace("%1", agreement.title)
            .replace("%2", labels.agreement_status(agreement.status))
            .replace("%3", labels.agreement_status(new))
        )
        signing = new is AgreementStatus.SIGNED
        ui.signedOn.setVisible(signing)
        ui.signedOnLabel.setVisible(signing)
        ui.signedOn.setMaximumDate(QDate.currentDate())
        ui.signedOn.setDate(
            labels.to_qdate(agreement.signed_on) if agreement.signed_on else QDate.currentDate()
        )
        _save_text(ui.buttons, self.tr("&Mark as %1").replace("%1", labels.agreement_status(new)))
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)

    def save(self) -> bool:
        signed_on = (
            labels.from_qdate(self.ui.signedOn.date())
            if self.new is AgreementStatus.SIGNED
            else None
        )
        with self.ctx.db.write() as session:
            agreements.change_status(
                session, self.ctx.actor, self.agreement.id, self.new, signed_on=signed_on
            )
        return True
