"""Apoyos: every support with filters, and the workflow buttons for the selected one."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontera_desk.domain.enums import SupportStatus
from frontera_desk.gui import labels
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.person_picker import PersonPickerDialog
from frontera_desk.gui.dialogs.receipt_dialogs import ReceiptSearchDialog, open_receipts
from frontera_desk.gui.dialogs.support_dialogs import Step, StepDialog, SupportDialog
from frontera_desk.gui.dialogs.support_file import SupportFileDialog
from frontera_desk.gui.dialogs.void_dialog import VoidDialog
from frontera_desk.gui.models.lazy import IdRole
from frontera_desk.gui.models.tables import supports_model
from frontera_desk.gui.widgets import (
    detail_label,
    list_over_detail,
    make_table,
    select_id,
    show_count,
)
from frontera_desk.services import evidence, receipts, supports
from frontera_desk.services.months import months_back
from frontera_desk.services.permissions import Action
from frontera_desk.services.supports import TRANSITIONS, SupportFilter, SupportRecord

MONTHS_LISTED = 36
_STEP_TARGET = {
    Step.APPROVE: SupportStatus.APPROVED,
    Step.REJECT: SupportStatus.REJECTED,
    Step.DELIVER: SupportStatus.DELIVERED,
    Step.CANCEL: SupportStatus.CANCELLED,
}
_STEP_ACTION = {
    Step.APPROVE: Action.DECIDE_SUPPORT,
    Step.REJECT: Action.DECIDE_SUPPORT,
    Step.DELIVER: Action.DELIVER_SUPPORT,
    Step.CANCEL: Action.CANCEL_SUPPORT,
}


class SupportsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.support: SupportRecord | None = None
        self.missing: list[str] = []  # the selected support's required documents not received
        layout = QVBoxLayout(self)

        filters = QHBoxLayout()
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        self.status.addItem(self.tr("All statuses"), None)
        for status in SupportStatus:
            self.status.addItem(labels.status(status), status.value)
        self.type = QComboBox()
        self.type.setAccessibleName(self.tr("Support type"))
        self.type.addItem(self.tr("All types"), None)
        with ctx.db.read() as session:
            for t in supports.support_types(session, active_only=False):
                self.type.addItem(labels.support_type(t.code, t.name, ctx.language), t.id)
        self.month = QComboBox()
        self.month.setAccessibleName(self.tr("Month"))
        self.month.addItem(self.tr("All months"), None)
        today = date.today()
        for back in range(MONTHS_LISTED):
            year, month = months_back(today, back)
            self.month.addItem(f"{month:02d}/{year}", (year, month))
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Beneficiary or description…"))
        self.text.setClearButtonEnabled(True)
        self.text.setAccessibleName(self.tr("Search supports"))
        self.count = QLabel()
        for widget in (self.status, self.type, self.month):
            filters.addWidget(widget)
            widget.currentIndexChanged.connect(self._apply_filter)
        filters.addWidget(self.text, 1)
        filters.addWidget(self.count)
        layout.addLayout(filters)

        actions = QHBoxLayout()
        self.request_button = QPushButton(self.tr("&Request support…"))
        self.request_button.setEnabled(ctx.actor.can(Action.REQUEST_SUPPORT))
        self.request_button.clicked.connect(self.request_support)
        actions.addWidget(self.request_button)
        self.step_buttons = {
            Step.APPROVE: QPushButton(self.tr("&Approve…")),
            Step.REJECT: QPushButton(self.tr("Re&ject…")),
            Step.DELIVER: QPushButton(self.tr("Mark as &delivered…")),
            Step.CANCEL: QPushButton(self.tr("&Cancel support…")),
        }
        for step, button in self.step_buttons.items():
            button.setObjectName(f"{step.value}Button")
            button.clicked.connect(lambda _=False, s=step: self.run_step(s))
            button.setVisible(ctx.actor.can(_STEP_ACTION[step]))
            actions.addWidget(button)
        self.receipt_button = QPushButton(self.tr("Recei&pt…"))
        self.receipt_button.setToolTip(self.tr("Preview, print or reprint the receipt (Ctrl+P)"))
        self.receipt_button.setShortcut(QKeySequence.StandardKey.Print)
        self.void_button = QPushButton(self.tr("&Void receipt…"))
        self.void_button.setVisible(ctx.actor.can(Action.VOID_RECEIPT))
        self.file_button = QPushButton(self.tr("Evidence &file…"))
        self.file_button.setObjectName("fileButton")
        self.file_button.setToolTip(
            self.tr("Required documents received, scans and invoices of the support")
        )
        self.file_button.clicked.connect(self.show_file)
        self.receipts_button = QPushButton(self.tr("Receipts &list…"))
        self.receipts_button.setToolTip(
            self.tr("Find receipts by folio, person or day; print a day's batch")
        )
        actions.addWidget(self.file_button)
        actions.addWidget(self.receipt_button)
        actions.addWidget(self.void_button)
        actions.addStretch()
        actions.addWidget(self.receipts_button)
        self.receipt_button.clicked.connect(self.show_receipt)
        self.void_button.clicked.connect(self.void_receipt)
        self.receipts_button.clicked.connect(lambda: ReceiptSearchDialog(ctx, self).exec())
        layout.addLayout(actions)

        self.model = supports_model(ctx.db, ctx.language, self)
        show_count(self.model, self.count, lambda n: self.tr("%Ln support(s)", "", n))
        self.table = make_table(self.model, "supportsTable")
        self.table.setAccessibleName(self.tr("Supports"))
        self.detail = detail_label("supportDetail")
        splitter = list_over_detail(self.table, self.detail, sizes=(520, 200))
        layout.addWidget(splitter, 1)

        self._timer = QTimer(self, singleShot=True, interval=ctx.settings.search_delay_ms)
        self._timer.timeout.connect(self._apply_filter)
        self.text.textChanged.connect(lambda _text: self._timer.start())
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self._show(current.data(IdRole))
        )
        self._show(None)

    # --- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        current = self.support.id if self.support else None
        self.model.reload()
        if current is not None:
            select_id(self.table, current)
        self._show(current)

    def show_filtered(self, status: str | None, this_month: bool = False) -> None:
        """Show only supports in this status (and, if asked, of the current month)."""
        for combo in (self.status, self.month):
            combo.blockSignals(True)
        self.status.setCurrentIndex(max(self.status.findData(status), 0))
        self.month.setCurrentIndex(1 if this_month else 0)
        for combo in (self.status, self.month):
            combo.blockSignals(False)
        self._apply_filter()

    def _apply_filter(self) -> None:
        self._timer.stop()
        status = self.status.currentData()
        self.model.set_filter(
            SupportFilter(
                status=SupportStatus(status) if status else None,
                support_type_id=self.type.currentData(),
                month=self.month.currentData(),
                text=self.text.text(),
            )
        )
        self._show(None)

    def _show(self, support_id: int | None) -> None:
        self.support, self.missing = None, []
        if support_id is not None:
            with self.ctx.db.read() as session:
                self.support = supports.get_support(session, support_id)
                self.missing = [n for _, n in evidence.missing_documents(session, support_id)]
        for step, button in self.step_buttons.items():
            button.setEnabled(
                self.support is not None and _STEP_TARGET[step] in TRANSITIONS[self.support.status]
            )
        self.file_button.setEnabled(self.support is not None)
        has_receipt = self.support is not None and bool(self.support.folio)
        self.receipt_button.setEnabled(has_receipt)
        self.void_button.setEnabled(has_receipt)
        if self.support is None:
            hint = self.tr("Choose a support in the list to see its details.")
            self.detail.setText(f"<p style='color:#666'>{hint}</p>")
        else:
            self.detail.setText(self._support_html(self.support))

    def _support_html(self, s: SupportRecord) -> str:
        e = html.escape
        rows = [
            (self.tr("Beneficiary"), e(s.person_name)),
            (self.tr("Case"), e(s.case_number)),
            (
                self.tr("Support"),
                e(labels.support_type(s.support_type.code, s.support_type.name, self.ctx.language)),
            ),
            (self.tr("Description"), e(s.description)),
            (self.tr("Amount"), f"<b>{labels.money(s.amount_centavos)}</b>"),
            (
                self.tr("Provider"),
                e(s.provider) + (f", RFC {s.provider_rfc}" if s.provider_rfc else "") or "—",
            ),
            (self.tr("Status"), f"<b>{e(labels.status(s.status))}</b>"),
            (self.tr("Requested"), e(f"{labels.day(s.requested_on)} — {s.requested_by}")),
        ]
        if s.decided_on:
            rows.append((self.tr("Decided"), e(f"{labels.day(s.decided_on)} — {s.decided_by}")))
        if s.delivered_on:
            rows.append(
                (self.tr("Delivered"), e(f"{labels.day(s.delivered_on)} — {s.delivered_by}"))
            )
        if s.folio:
            rows.append((self.tr("Receipt"), f"<b>{e(s.folio)}</b>"))
        for voided in s.voided_folios:  # a voided folio stays in the history (issue 24, item 6)
            rows.append((
                self.tr("Voided receipt"),
                "<span style='color:#b00020'>" + e(
                    self.tr("%1 — voided on %2 by %3: %4")
                    .replace("%1", voided.folio).replace("%2", labels.day(voided.voided_on))
                    .replace("%3", voided.voided_by).replace("%4", voided.reason)
                ) + "</span>",
            ))  # fmt: skip
        if self.missing:
            rows.append((self.tr("Evidence file"), "<span style='color:#b26a00'>"
                         + e(self.tr("missing: %1").replace("%1", "; ".join(self.missing)))
                         + "</span>"))  # fmt: skip
        elif s.support_type.required_documents:
            rows.append((self.tr("Evidence file"), e(self.tr("complete"))))
        if s.status_reason:
            rows.append((self.tr("Reason"), e(s.status_reason)))
        if s.override_reason:
            rows.append(
                (
                    self.tr("Authorized above ceiling or limit"),
                    e(f"{s.override_reason} — {s.override_by}"),
                )
            )
        title = self.tr("Support no. %1").replace("%1", str(s.id))
        return f"<h3>{title}</h3>{labels.detail_table(rows, columns=2)}"

    # --- actions ------------------------------------------------------------------------------

    def request_support(self) -> None:
        picker = PersonPickerDialog(self.ctx, self)
        if not picker.exec() or picker.person_id is None:
            return
        dialog = SupportDialog(self.ctx, picker.person_id, picker.person_name, self)
        if dialog.exec() and dialog.support_id is not None:
            self._after_change(dialog.support_id)

    def run_step(self, step: Step) -> None:
        if self.support is None:
            return
        support_id = self.support.id
        dialog = StepDialog(self.ctx, self.support, step, self)
        if dialog.exec():
            self._after_change(support_id)
            if step is Step.DELIVER:  # the beneficiary signs it now (even if it left the list)
                with self.ctx.db.read() as session:
                    folio = supports.get_support(session, support_id).folio
                if folio:
                    open_receipts(self.ctx, [folio], self)

    def show_file(self) -> None:
        if self.support is not None:
            SupportFileDialog(self.ctx, self.support.id, self).exec()
            self._after_change(self.support.id)

    def show_receipt(self) -> None:
        if self.support is not None and self.support.folio:
            open_receipts(self.ctx, [self.support.folio], self)

    def void_receipt(self) -> None:
        if self.support is None or not self.support.folio:
            return
        folio, actor = self.support.folio, self.ctx.actor
        dialog = VoidDialog(
            self.ctx, self.tr("Void receipt %1").replace("%1", folio),
            self.tr("The folio is kept and marked CANCELADO; the support can be delivered again "
                    "with a new folio."),
            self.tr("&Void the receipt"),
            lambda session, reason: receipts.void(session, actor, folio, reason), self,
        )  # fmt: skip
        if dialog.exec():
            self._after_change(self.support.id)

    def _after_change(self, support_id: int) -> None:
        self.model.reload()
        if self.model.row_of(support_id) is None:  # it left the filtered list (issue 24, 10)
            self.table.selectionModel().clearSelection()
            self._show(None)  # nothing on screen, no button, acts on it any more
            with self.ctx.db.read() as session:
                now = supports.get_support(session, support_id).status
            hint = self.tr("Support no. %1 is now «%2» and no longer in this list.").replace(
                "%1", str(support_id)).replace("%2", labels.status(now))  # fmt: skip
            self.detail.setText(f"<p style='color:#666'>{html.escape(hint)}</p>")
            return
        select_id(self.table, support_id)
        self._show(support_id)
