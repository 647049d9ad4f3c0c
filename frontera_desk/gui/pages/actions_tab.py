"""Actividades › Otras acciones: the liaison and outreach actions supervisors record
(diagnostics, promotional materials, liaisons, meetings…), counted apart from the events."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QWidget,
)

from frontera_desk.domain.enums import ActionKind
from frontera_desk.domain.errors import FronteraError
from frontera_desk.gui import labels
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.action_dialog import ActionDialog
from frontera_desk.gui.errors import show_error
from frontera_desk.gui.generated.ui_actions_tab import Ui_ActionsTab
from frontera_desk.gui.models.lazy import Column, IdRole, LazyTableModel
from frontera_desk.gui.widgets import detail_label, list_over_detail, make_table, reselect
from frontera_desk.services import actions
from frontera_desk.services.actions import ActionRecord


class ActionsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.action: ActionRecord | None = None
        self.ui = ui = Ui_ActionsTab()  # the form: forms/actions_tab.ui
        ui.setupUi(self)
        self.kind, self.new_button = ui.kind, ui.newButton
        self.edit_button, self.delete_button = ui.editButton, ui.deleteButton
        self.kind.addItem(self.tr("All kinds"), None)
        for kind in ActionKind:
            self.kind.addItem(labels.action(kind), kind.value)
        self.model = actions_model(ctx, self)
        self.table = make_table(self.model, "actionsTable")
        self.detail = detail_label("actionDetail")
        # the list over the detail, as on every page; the edit buttons move between them
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch()
        ui.listLayout.addWidget(list_over_detail(self.table, self.detail, buttons, (320, 300)))
        self.kind.currentIndexChanged.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show(current.data(IdRole))
        )
        self.table.doubleClicked.connect(lambda _index: self._edit(self.action))
        self.new_button.clicked.connect(lambda: self._edit(None))
        self.edit_button.clicked.connect(lambda: self._edit(self.action))
        self.delete_button.clicked.connect(self._delete)
        self._show(None)

    def refresh(self) -> None:
        current = self.action.id if self.action else None
        kind = self.kind.currentData()
        self.model.set_filter(ActionKind(kind) if kind else None)
        reselect(self.table, current, self._show)

    def _show(self, action_id: int | None) -> None:
        self.action = None
        if action_id is not None:
            with self.ctx.db.read() as session:
                self.action = actions.get_action(session, action_id)
        a = self.action
        self.edit_button.setEnabled(a is not None)
        self.delete_button.setEnabled(a is not None)
        if a is None:
            hint = self.tr("Choose an action in the list to see its details.")
            self.detail.setText(f"<p style='color:#666'>{hint}</p>")
            return
        e = html.escape
        rows = [
            (self.tr("Kind"), e(labels.action(a.kind))),
            (self.tr("Date"), e(labels.day(a.done_on))),
            (self.tr("Counterparts"), "<br>".join(e(c) for c in a.counterparts) or "—"),
            (self.tr("Municipality"), e(a.municipality) or "—"),
        ]
        if a.quantity is not None:
            rows.append((self.tr("Pieces"), f"<b>{a.quantity:,}</b>"))
        self.detail.setText(
            f"<h3>{e(a.title)}</h3>{labels.detail_table(rows, 1)}<p>{e(a.notes)}</p>"
        )

    def _edit(self, record: ActionRecord | None) -> None:
        dialog = ActionDialog(self.ctx, record, self)
        if dialog.exec() and dialog.saved is not None:
            self.action = dialog.saved
            self.refresh()

    def _delete(self) -> None:
        a = self.action
        if a is None:
            return
        text = self.tr("Delete the action «%1»? Delete only an action recorded by mistake; "
                       "the audit log keeps a note of it.")  # fmt: skip
        text = text.replace("%1", a.title)
        answer = QMessageBox.question(self, self.tr("Delete action"), text)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.ctx.db.write() as session:
                actions.delete_action(session, self.ctx.actor, a.id, a.version)
        except FronteraError as error:
            show_error(self, error)
            return
        self.action = None
        self.refresh()


def actions_model(ctx: AppContext, parent: QWidget) -> LazyTableModel[actions.ActionRow]:
    """Actions newest first; the filter is a kind, or None for all."""

    translate = QCoreApplication.translate
    columns = [  # fits the page beside the navigation (990 px); the municipality stretches
        Column(translate("ActionsTab", "Date"), lambda r: labels.day(r.done_on), width=85),
        Column(translate("ActionsTab", "Kind"), lambda r: labels.action(r.kind), width=190),
        Column(translate("ActionsTab", "Title"), lambda r: r.title, width=290),
        Column(translate("ActionsTab", "Pieces"),
               lambda r: "" if r.quantity is None else f"{r.quantity:,}", align_right=True,
               width=60),
        Column(translate("ActionsTab", "Counterparts"), lambda r: r.counterparts, width=200),
        Column(translate("ActionsTab", "Municipality"), lambda r: r.municipality, width=120),
    ]  # fmt: skip
    return LazyTableModel(ctx.db, columns, lambda kind, _key, _desc: actions.action_list(kind),
                          actions.fetch_rows, parent=parent)  # fmt: skip
