"""Set-up, sign-in, recovery, recovery code, change of password, new user, restore."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QMessageBox, QWidget

from frontera_desk.domain.enums import Role
from frontera_desk.domain.errors import FronteraError, ValidationError
from frontera_desk.gui import labels
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.base import Dialog, FormDialog, ServiceDialog
from frontera_desk.gui.dialogs.sign_in import SignInDialog  # noqa: F401 (its old home)
from frontera_desk.gui.generated.ui_password_dialog import Ui_PasswordDialog
from frontera_desk.gui.generated.ui_recovery_code_dialog import Ui_RecoveryCodeDialog
from frontera_desk.gui.generated.ui_recovery_dialog import Ui_RecoveryDialog
from frontera_desk.gui.generated.ui_restore_dialog import Ui_RestoreDialog
from frontera_desk.gui.generated.ui_setup_dialog import Ui_SetupDialog
from frontera_desk.gui.generated.ui_user_dialog import Ui_UserDialog
from frontera_desk.gui.widgets import progress_dialog
from frontera_desk.gui.workers import run_in_background
from frontera_desk.paths import Paths
from frontera_desk.services import auth
from frontera_desk.services.office import OfficeSettings


def _repeated(password: QLineEdit, repeat: QLineEdit) -> str:
    if password.text() != repeat.text():
        raise ValidationError(
            "repeat", QGuiApplication.translate("Accounts", "The two passwords are not the same.")
        )
    return password.text()


def _ok_text(buttons: QDialogButtonBox, text: str) -> None:
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(text)


def run_rekeying(
    parent: QWidget, work: Callable[[Callable[[int, int], None]], Any],
    done: Callable[[Any], None], failed: Callable[[FronteraError], None],
) -> Any:  # fmt: skip
    """Run a service call that re-keys the database (it re-encrypts the whole file: seconds on
    a large office) off the GUI thread, with a progress dialog; then tell the administrator
    what they must know (accounts to reset, a new recovery code). Keep the returned job."""
    progress = progress_dialog(
        QGuiApplication.translate("Accounts", "Changing the database key…"), 3, parent
    )

    def finished(result: Any) -> None:
        progress.close()
        rekeyed = result.rekey if isinstance(result, auth.SignedIn) else result
        if isinstance(rekeyed, auth.RekeyResult):
            tell_rekey(parent, rekeyed)
        done(result)

    def went_wrong(error: BaseException) -> None:
        progress.close()
        if not isinstance(error, FronteraError):
            raise error
        failed(error)

    return run_in_background(work, finished, went_wrong, lambda step, _n: progress.setValue(step))


def tell_rekey(parent: QWidget | None, result: auth.RekeyResult) -> None:
    """Accounts to reset are named; a new recovery code is shown once, to be kept."""
    if result.needs_reset:
        QMessageBox.information(
            parent,
            QGuiApplication.translate("Accounts", "Frontera Desk"),
            auth.rekey_message(auth.RekeyResult(True, 0, result.needs_reset)),
        )
    if result.recovery_code:
        RecoveryCodeDialog(result.recovery_code, "", parent).exec()


class SetupDialog(FormDialog):
    """First start on an empty data folder: the office and its first administrator."""

    def __init__(self, app_paths: Paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_SetupDialog()
        ui.setupUi(self)
        self.app_paths = app_paths
        self.result_value: auth.SetupResult | None = None
        self.error_label = ui.error
        self.fields = {
            "code": ui.code, "name": ui.name, "username": ui.username, "full_name": ui.fullName,
            "password": ui.password, "repeat": ui.repeat, "place": ui.place,
            "receipt_place": ui.place, "receipt_address": ui.address,
            "header_government": ui.government, "header_unit": ui.unit,
            "certificate_signer": ui.signer, "certificate_signer_title": ui.signerTitle,
        }  # fmt: skip
        _ok_text(ui.buttons, self.tr("&Create office"))
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)

    def save(self) -> bool:
        ui = self.ui
        password = _repeated(ui.password, ui.repeat)
        settings = OfficeSettings(
            receipt_place=ui.place.text(), receipt_address=ui.address.text(),
            header_government=ui.government.text(), header_unit=ui.unit.text(),
            certificate_signer=ui.signer.text(), certificate_signer_title=ui.signerTitle.text(),
        )  # fmt: skip
        self.result_value = auth.setup(
            self.app_paths, ui.code.text(), ui.name.text(), ui.username.text(), ui.fullName.text(),
            password, settings=settings,
        )  # fmt: skip
        return True


class RecoveryCodeDialog(Dialog):
    """Shows the recovery code once; it can be printed or copied, and must be acknowledged."""

    def __init__(self, code: str, office: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_RecoveryCodeDialog()
        ui.setupUi(self)
        self.code, self.office = code, office
        ui.code.setText(code)
        ok = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        ui.kept.toggled.connect(ok.setEnabled)
        ui.copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(code))
        ui.print.clicked.connect(self.print_code)
        ui.buttons.accepted.connect(self.accept)
        # Escape and the title bar's close button must not lose the only copy of the code.
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)

    def reject(self) -> None:
        if self.ui.kept.isChecked():
            self.accept()
        else:
            self.ui.kept.setFocus()  # the one step left: confirm the code was kept

    def print_code(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec():
            page = QTextDocument()
            page.setHtml(
                f"<h2>{self.office}</h2><p>{self.ui.intro.text()}</p>"
                f"<p style='font-size:24pt;font-family:monospace'><b>{self.code}</b></p>"
            )
            painter = QPainter(printer)
            page.drawContents(painter)
            painter.end()


class RecoveryDialog(FormDialog):
    def __init__(self, app_paths: Paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_RecoveryDialog()
        ui.setupUi(self)
        self.app_paths = app_paths
        self.signed_in: auth.SignedIn | None = None
        self.error_label = ui.error
        self.fields = {"code": ui.code, "username": ui.username, "password": ui.password,
                       "repeat": ui.repeat}  # fmt: skip
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)

    def save(self) -> bool:
        """The recovery re-keys the database: off the GUI thread, the dialog waiting."""
        ui = self.ui
        password = _repeated(ui.password, ui.repeat)
        code, username = ui.code.text(), ui.username.text()
        ui.buttons.setEnabled(False)

        def done(signed: auth.SignedIn) -> None:
            self.signed_in = signed
            QDialog.accept(self)

        def failed(error: FronteraError) -> None:
            ui.buttons.setEnabled(True)
            self.show_error(error)

        self._job = run_rekeying(
            self, lambda report: auth.recover(self.app_paths, code, username, password,
                                              progress=report), done, failed,
        )  # fmt: skip
        return False


class PasswordDialog(ServiceDialog):
    """The signed-in user changes their own password."""

    def __init__(self, ctx: AppContext, vault: auth.Vault, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = ui = Ui_PasswordDialog()
        ui.setupUi(self)
        self.vault = vault
        self.error_label = ui.error
        self.fields = {"old_password": ui.current, "password": ui.password, "repeat": ui.repeat}
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)

    def save(self) -> bool:
        ui = self.ui
        new = _repeated(ui.password, ui.repeat)
        with self.ctx.db.write() as session:
            auth.change_password(session, self.ctx.actor, self.vault, ui.current.text(), new)
        return True


class UserDialog(ServiceDialog):
    """An administrator creates an account, or (with ``username``) sets a new password."""

    def __init__(
        self, ctx: AppContext, vault: auth.Vault, username: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.ui = ui = Ui_UserDialog()
        ui.setupUi(self)
        self.vault = vault
        self.reset = bool(username)
        self.error_label = ui.error
        self.fields = {"username": ui.username, "full_name": ui.fullName, "role": ui.role,
                       "job_title": ui.jobTitle, "password": ui.password,
                       "repeat": ui.repeat}  # fmt: skip
        for role in (Role.CAPTURISTA, Role.SUPERVISOR, Role.ADMINISTRADOR):
            ui.role.addItem(labels.role(role), role.value)
        if self.reset:
            self.setWindowTitle(self.tr("New password for %1").replace("%1", username))
            ui.username.setText(username)
            for widget in (ui.username, ui.fullName, ui.role, ui.fullNameLabel, ui.roleLabel,
                           ui.jobTitle, ui.jobTitleLabel):  # fmt: skip
                widget.setVisible(widget is ui.username)
            ui.username.setReadOnly(True)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)

    def save(self) -> bool:
        ui = self.ui
        password = _repeated(ui.password, ui.repeat)
        if not self.reset:
            with self.ctx.db.write() as session:
                auth.add_user(session, self.ctx.actor, self.vault, ui.username.text(),
                              ui.fullName.text(), ui.role.currentData(), password,
                              job_title=ui.jobTitle.text())  # fmt: skip
            return True
        # A reset re-keys the database: off the GUI thread, the dialog waiting
        ui.buttons.setEnabled(False)
        username, ctx = ui.username.text(), self.ctx

        def failed(error: FronteraError) -> None:
            ui.buttons.setEnabled(True)
            self.show_error(error)

        self._job = run_rekeying(
            self, lambda report: auth.reset_password(ctx.db, ctx.actor, self.vault, username,
                                                     password, report),
            lambda _result: QDialog.accept(self), failed,
        )  # fmt: skip
        return False


class RestoreDialog(FormDialog):
    """Restore a backup (services/backup.py decides who may): from Administración, as the
    signed-in administrator (``username`` fixed, the password asked again), or before anyone
    can sign in (a damaged or lost database). A backup of another office shows the office code
    field: typing the code of the office to replace is the explicit confirmation."""

    def __init__(
        self, app_paths: Paths, parent: QWidget | None = None, *, username: str | None = None,
        before: Callable[[], None] | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        from frontera_desk.services import backup

        self.ui = ui = Ui_RestoreDialog()
        ui.setupUi(self)
        self.app_paths = app_paths
        self.before = before  # closes the window's database before the files are swapped
        self.restored: backup.Restored | None = None
        self.error_label = ui.error
        self.fields = {"username": ui.username, "password": ui.password,
                       "office_code": ui.officeCode}  # fmt: skip
        self._ask_code(False)
        if username:
            ui.username.setText(username)
            ui.username.setReadOnly(True)
        latest = backup.last_backup(app_paths.backup_dir)
        if latest is not None:
            ui.file.setText(str(latest.path))
        _ok_text(ui.buttons, self.tr("&Restore"))
        ui.browse.clicked.connect(self._browse)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)

    def _ask_code(self, ask: bool) -> None:
        self.asking_code = ask
        self.ui.officeCode.setVisible(ask)
        self.ui.officeCodeLabel.setVisible(ask)

    def _browse(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from frontera_desk.services.backup import SUFFIX

        chosen, _ = QFileDialog.getOpenFileName(
            self, self.windowTitle(), str(self.app_paths.backup_dir), f"*{SUFFIX}"
        )
        if chosen:
            self.ui.file.setText(chosen)
            self._ask_code(False)

    def save(self) -> bool:
        from pathlib import Path

        from frontera_desk.services import backup

        ui = self.ui
        code = ui.officeCode.text().strip() if self.asking_code else ""
        if self.before is not None:
            self.before()
        # On the GUI thread, on purpose: nothing else in the window (its timers, its lists, an
        # automatic backup) may open the database while the files are swapped.
        try:
            self.restored = backup.restore_backup(
                self.app_paths, Path(ui.file.text().strip()), ui.username.text(),
                ui.password.text(), replace_office=code or None,
            )  # fmt: skip
        except backup.OtherOffice:
            self._ask_code(True)
            ui.officeCode.setFocus()
            raise
        return True
