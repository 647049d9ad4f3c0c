"""Request a support, and move it through its workflow (approve, reject, deliver, cancel)."""

from __future__ import annotations

import html
from enum import StrEnum

from PySide6.QtCore import QDate
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from frontera_desk.domain.errors import OverrideRequired
from frontera_desk.domain.money import parse_money
from frontera_desk.gui import labels
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.base import ServiceDialog
from frontera_desk.gui.generated.ui_step_dialog import Ui_StepDialog
from frontera_desk.gui.generated.ui_support_dialog import Ui_SupportDialog
from frontera_desk.gui.widgets import date_confirmed
from frontera_desk.services import evidence, supports
from frontera_desk.services.permissions import Action
from frontera_desk.services.supports import SupportInput, SupportRecord, SupportTypeInfo


class SupportDialog(ServiceDialog):
    """Request a support for one person. ``support_id`` holds the new support after saving."""

    def __init__(
        self, ctx: AppContext, person_id: int, person_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.ui = ui = Ui_SupportDialog()
        ui.setupUi(self)
        self.error_label = ui.error
        self.person_id = person_id
        self.support_id: int | None = None
        self.fields = {
            "support_type_id": ui.supportType,
            "description": ui.description,
            "amount": ui.amount,
            "provider": ui.provider,
            "requested_on": ui.requestedOn,
            "override_reason": ui.overrideReason,
        }
        ui.person.setText(person_name)
        with ctx.db.read() as session:
            self.types = supports.support_types(session)
        for t in self.types:
            ui.supportType.addItem(labels.support_type(t.code, t.name, ctx.language), t.id)
        ui.supportType.currentIndexChanged.connect(self._type_changed)
        ui.requestedOn.setMaximumDate(QDate.currentDate())
        ui.requestedOn.setDate(QDate.currentDate())
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Request"))
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        if not ctx.actor.can(Action.OVERRIDE_LIMIT):  # a caseworker justifies; a supervisor decides
            ui.overrideLabel.setText(self.tr("&Justification"))
            ui.overrideReason.setAccessibleName(self.tr("Justification"))
            ui.overrideReason.setPlaceholderText(
                self.tr(
                    "Only above the ceiling or the limit: why it is needed (a supervisor decides)"
                )
            )
        self._type_changed(0)
        ui.supportType.setFocus()

    def _type(self) -> SupportTypeInfo:
        return self.types[self.ui.supportType.currentIndex()]

    def _type_changed(self, _index: int) -> None:
        t = self._type()
        parts = []
        if t.ceiling_centavos is not None:
            parts.append(self.tr("Ceiling: %1").replace("%1", labels.money(t.ceiling_centavos)))
        if t.limit_count:
            parts.append(self.tr("Limit: %1").replace("%1", t.limit_text()))
        if t.required_documents:
            parts.append(
                self.tr("Required documents: %1").replace("%1", "; ".join(t.required_documents))
            )
        self.ui.typeInfo.setText("\n".join(parts))

    def save(self) -> bool:
        ui = self.ui
        requested = labels.from_qdate(ui.requestedOn.date())
        if not date_confirmed(self, self.tr("Request date"), requested):
            ui.requestedOn.setFocus()
            return False
        data = SupportInput(
            person_id=self.person_id,
            support_type_id=self._type().id,
            description=ui.description.text(),
            amount_centavos=parse_money(ui.amount.text()),
            provider=ui.provider.text(),
            requested_on=requested,
            override_reason=ui.overrideReason.text(),
        )
        try:
            with self.ctx.db.write() as session:
                self.support_id = supports.request_support(session, self.ctx.actor, data).id
        except OverrideRequired as error:
            self.ui.overrideReason.setFocus()
            hint = (
                self.tr("Write the reason to authorize it.")
                if self.ctx.actor.can(Action.OVERRIDE_LIMIT)
                else ""  # the service's message says to justify it
            )
            self.error_label.setText(f"{error.message} {hint}".strip())
            return False
        return True


class Step(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    DELIVER = "deliver"
    CANCEL = "cancel"


class StepDialog(ServiceDialog):
    """One step of a support's workflow, with its date, provider or reason as the step needs."""

    def __init__(
        self, ctx: AppContext, support: SupportRecord, step: Step, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.ui = ui = Ui_StepDialog()
        ui.setupUi(self)
        self.error_label = ui.error
        self.support = support
        self.step = step
        self.fields = {"date": ui.date, "reason": ui.reason, "provider": ui.provider,
                       "override_reason": ui.reason, "evidence_reason": ui.reason}  # fmt: skip
        titles = {
            Step.APPROVE: (self.tr("Approve support"), self.tr("&Approve")),
            Step.REJECT: (self.tr("Reject support"), self.tr("&Reject")),
            Step.DELIVER: (self.tr("Record delivery"), self.tr("&Delivered")),
            Step.CANCEL: (self.tr("Cancel support"), self.tr("Cancel &support")),
        }
        title, button = titles[step]
        self.setWindowTitle(title)
        ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(button)
        if step in (Step.REJECT, Step.CANCEL):  # saying no does not wear the approving tick
            ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setIcon(QIcon())
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Close"))
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        type_name = labels.support_type(
            support.support_type.code, support.support_type.name, ctx.language
        )
        ui.summary.setText(
            f"<b>{html.escape(support.person_name)}</b><br>"
            f"{html.escape(type_name)}: {html.escape(support.description)}<br>"
            f"<b>{labels.money(support.amount_centavos)}</b> — "
            + html.escape(
                self.tr("requested on %1").replace("%1", labels.day(support.requested_on))
            )
        )
        ui.date.setMaximumDate(QDate.currentDate())
        ui.date.setDate(QDate.currentDate())
        with_date = step in (Step.APPROVE, Step.DELIVER)
        ui.date.setVisible(with_date)
        ui.dateLabel.setVisible(with_date)
        ui.provider.setVisible(step is Step.DELIVER)
        ui.providerLabel.setVisible(step is Step.DELIVER)
        ui.provider.setText(support.provider)
        if step is Step.APPROVE:
            with ctx.db.read() as session:
                exceeds, justification = supports.pending_override(session, support.id)
            if exceeds:  # said plainly, before the supervisor decides (issue 24, item 1)
                lines = [self.tr("Exceeds: %1").replace("%1", "; ".join(exceeds))]
                if justification:
                    lines.append(self.tr("Requester's justification: %1")
                                 .replace("%1", justification))  # fmt: skip
                ui.summary.setText(
                    ui.summary.text() + "<br><span style='color:#b00020'>"
                    + "<br>".join(html.escape(line) for line in lines) + "</span>"
                )  # fmt: skip
            ui.reasonLabel.setText(self.tr("Override &reason *"))
            ui.reason.setPlaceholderText(self.tr("Why it is authorized above the ceiling or limit"))
            ui.reason.setVisible(bool(exceeds))
            ui.reasonLabel.setVisible(bool(exceeds))
        elif step is Step.DELIVER:
            with ctx.db.read() as session:
                missing = [n for _, n in evidence.missing_documents(session, support.id)]
            waive = bool(missing) and ctx.actor.can(Action.DELIVER_WITHOUT_EVIDENCE)
            if missing:
                ui.summary.setText(
                    ui.summary.text() + "<br><span style='color:#b26a00'>"
                    + html.escape(self.tr("Documents not received: %1")
                                  .replace("%1", "; ".join(missing))) + "</span>"
                )  # fmt: skip
            ui.reasonLabel.setText(self.tr("&Reason to deliver without them *"))
            ui.reason.setPlaceholderText(self.tr("Recorded in the support and the audit log"))
            ui.reason.setVisible(waive)
            ui.reasonLabel.setVisible(waive)
        else:
            ui.reasonLabel.setText(self.tr("&Reason *"))
        (ui.date if with_date else ui.reason).setFocus()

    def save(self) -> bool:
        ui, actor, sid = self.ui, self.ctx.actor, self.support.id
        on = labels.from_qdate(ui.date.date())
        if ui.date.isVisibleTo(self) and not date_confirmed(self, self.windowTitle(), on):
            ui.date.setFocus()
            return False
        try:
            with self.ctx.db.write() as session:
                if self.step is Step.APPROVE:
                    supports.approve_support(
                        session, actor, sid, on=on, override_reason=ui.reason.text()
                    )
                elif self.step is Step.REJECT:
                    supports.reject_support(session, actor, sid, ui.reason.text())
                elif self.step is Step.DELIVER:
                    supports.deliver_support(
                        session, actor, sid, on=on, provider=ui.provider.text(),
                        evidence_reason=ui.reason.text() if ui.reason.isVisibleTo(self) else "",
                    )  # fmt: skip
                else:
                    supports.cancel_support(session, actor, sid, ui.reason.text())
        except OverrideRequired as error:
            ui.reason.setFocus()
            self.error_label.setText(error.message)
            return False
        return True
