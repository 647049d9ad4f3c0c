"""The sign-in dialog: the first window of an office, painted before the data layer is loaded
(startup.py), so nothing here imports SQLAlchemy until the user signs in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget

from frontera_desk.gui.dialogs.base import FormDialog
from frontera_desk.gui.generated.ui_sign_in_dialog import Ui_SignInDialog
from frontera_desk.paths import Paths

if TYPE_CHECKING:
    from frontera_desk.services.auth import SignedIn


class SignInDialog(FormDialog):
    """User and password; ``signed_in`` holds the session after a successful sign-in."""

    ask_before_discarding = False  # a user name and a password are not work to lose

    def __init__(self, app_paths: Paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_SignInDialog()
        ui.setupUi(self)
        self.app_paths = app_paths
        self.signed_in: SignedIn | None = None
        self.error_label = ui.error
        self.fields = {"username": ui.username, "password": ui.password}
        ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Sign in"))
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        ui.forgot.clicked.connect(self.recover)
        ui.username.setFocus()

    def save(self) -> bool:
        # Loaded by startup.Loading while the user typed; waits for it if it is not done yet.
        from frontera_desk.services import auth

        try:
            self.signed_in = auth.sign_in(
                self.app_paths, self.ui.username.text(), self.ui.password.text()
            )
        finally:
            self.ui.password.clear()
        if self.signed_in.alarms:  # shown to the administrator, also kept in the audit log
            QMessageBox.warning(self, self.tr("Frontera Desk"), "\n\n".join(self.signed_in.alarms))
        return True

    def recover(self) -> None:
        from frontera_desk.gui.dialogs.account_dialogs import RecoveryDialog

        dialog = RecoveryDialog(self.app_paths, self)
        if dialog.exec():
            self.signed_in = dialog.signed_in
            super().accept()
