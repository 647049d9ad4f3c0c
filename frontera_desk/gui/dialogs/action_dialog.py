"""Record a liaison or outreach action: its kind, title, date, counterparts and, for
promotional materials, how many pieces."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QListWidgetItem, QWidget

from frontera_desk.domain.enums import ActionKind
from frontera_desk.gui import labels
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.base import ServiceDialog, editing
from frontera_desk.gui.generated.ui_action_dialog import Ui_ActionDialog
from frontera_desk.services import actions, agreements
from frontera_desk.services.actions import ActionInput, ActionRecord


class ActionDialog(ServiceDialog):
    def __init__(
        self, ctx: AppContext, current: ActionRecord | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.ui = ui = Ui_ActionDialog()
        ui.setupUi(self)
        self.current = current
        self.saved: ActionRecord | None = None
        self.error_label = ui.error
        self.fields = {"kind": ui.kind, "title": ui.title, "done_on": ui.doneOn,
                       "quantity": ui.quantity, "organization_ids": ui.organizations,
                       "municipality": ui.municipality, "notes": ui.notes}  # fmt: skip
        for kind in ActionKind:
            ui.kind.addItem(labels.action(kind), kind.value)
        chosen = set(current.organization_ids) if current else set()
        with ctx.db.read() as session:
            for org in agreements.organizations(session):
                item = QListWidgetItem(f"{org.label} — {labels.organization(org.kind)}")
                item.setData(Qt.ItemDataRole.UserRole, org.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if org.id in chosen else Qt.CheckState.Unchecked
                )
                ui.organizations.addItem(item)
        ui.doneOn.setMaximumDate(QDate.currentDate())
        ui.doneOn.setDate(QDate.currentDate())
        ui.kind.currentIndexChanged.connect(self._kind_changed)
        if current is not None:
            self.setWindowTitle(self.tr("Action — %1").replace("%1", current.title))
            ui.kind.setCurrentIndex(ui.kind.findData(current.kind.value))
            ui.title.setText(current.title)
            ui.doneOn.setDate(labels.to_qdate(current.done_on))
            ui.quantity.setValue(current.quantity or 1)
            ui.municipality.setText(current.municipality)
            ui.notes.setPlainText(current.notes)
        else:
            self.setWindowTitle(self.tr("New liaison or outreach action"))
        self._kind_changed()
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)

    def _kind_changed(self) -> None:
        """Only promotional materials have pieces to count."""
        material = self.ui.kind.currentData() == ActionKind.MATERIAL.value
        self.ui.quantity.setVisible(material)
        self.ui.quantityLabel.setVisible(material)

    def collect(self) -> ActionInput:
        ui = self.ui
        organizations = [
            ui.organizations.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(ui.organizations.count())
            if ui.organizations.item(i).checkState() == Qt.CheckState.Checked
        ]
        material = ui.kind.currentData() == ActionKind.MATERIAL.value
        return ActionInput(
            ui.kind.currentData(), ui.title.text(), labels.from_qdate(ui.doneOn.date()),
            organizations, ui.quantity.value() if material else None, ui.municipality.text(),
            ui.notes.toPlainText(),
        )  # fmt: skip

    def save(self) -> bool:
        data = self.collect()
        with self.ctx.db.write() as session:
            self.saved = actions.save_action(session, self.ctx.actor, data, *editing(self.current))
        return True
