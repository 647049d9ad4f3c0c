"""Void a receipt or a certificate: the reason is asked in the dialog, and an empty one is
explained there (as the reject dialog does); the buttons say what they do."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from sqlalchemy.orm import Session

from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.base import ServiceDialog
from frontera_desk.gui.generated.ui_void_dialog import Ui_VoidDialog


class VoidDialog(ServiceDialog):
    def __init__(
        self, ctx: AppContext, title: str, intro: str, confirm: str,
        void: Callable[[Session, str], object], parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(ctx, parent)
        self.ui = ui = Ui_VoidDialog()
        ui.setupUi(self)
        self.error_label = ui.error
        self.fields = {"reason": ui.reason}
        self.void = void
        self.setWindowTitle(title)
        ui.intro.setText(intro)
        ok = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(confirm)
        ok.setIcon(QIcon())  # not the approving tick
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Go back"))
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        ui.reason.setFocus()

    def save(self) -> bool:
        with self.ctx.db.write() as session:
            self.void(session, self.ui.reason.text())
        return True
