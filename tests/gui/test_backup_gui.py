"""Backups from Administración, the status bar's backup age, and the restore dialog."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QPushButton
from sqlalchemy import func, select

from frontera_desk import paths
from frontera_desk.db.models import AuditEntry
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.account_dialogs import RestoreDialog
from frontera_desk.gui.main_window import MainWindow
from frontera_desk.services import auth, backup, office
from frontera_desk.settings import Settings

PASSWORD = "clave-segura-1"


pytestmark = pytest.mark.usefixtures("cheap_kdf")


@pytest.fixture
def window(qtbot, tmp_path):
    app_paths = paths.resolve(tmp_path / "office")
    signed = auth.setup(
        app_paths, "TAP", "Oficina Tapachula", "admin", "Ana Admin", PASSWORD
    ).signed_in
    with signed.db.read() as session:
        info = office.get_office(session)
    ctx = AppContext(signed.db, signed.actor, info, app_paths, Settings(), signed.vault)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    yield window
    signed.db.dispose()


def test_back_up_now_writes_a_backup_and_the_status_bar_says_so(
    qtbot, window, tmp_path, monkeypatch
):
    assert window.backup_label.text() == "Sin respaldo todavía"
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kw: str(usb))
    window.nav.setCurrentRow(6)
    admin = window.stack.currentWidget()
    tabs = [admin.tabs.tabText(i) for i in range(admin.tabs.count())]
    admin.tabs.setCurrentIndex(tabs.index("&Respaldos"))
    button = next(b for b in admin.findChildren(QPushButton) if b.text() == "Respaldar &ahora…")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Respaldo guardado" in admin.backup_result.text(), timeout=10_000)
    assert len(list(usb.glob("*.fdrespaldo"))) == 1
    with window.ctx.db.read() as session:  # the service audits it, once
        assert (
            session.scalar(select(func.count()).where(AuditEntry.action == "crear_respaldo")) == 1
        )
    window.automatic_backup()
    qtbot.waitUntil(lambda: window.backup_label.text() == "Último respaldo: hoy", timeout=10_000)
    admin.refresh()
    assert admin.backups.rowCount() == 1 and admin.backups.item(0, 1).text() == "automático"


def test_the_restore_dialog_brings_a_backup_to_an_empty_folder(qtbot, window, tmp_path):
    made = backup.create_backup(window.ctx.paths, window.ctx.db, tmp_path / "usb")
    fresh = paths.resolve(tmp_path / "nueva")
    dialog = RestoreDialog(fresh)
    qtbot.addWidget(dialog)
    dialog.ui.file.setText(str(made.path))
    qtbot.keyClicks(dialog.ui.username, "admin")
    qtbot.keyClicks(dialog.ui.password, "equivocada")
    ok = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert "incorrectos" in dialog.ui.error.text()
    assert not fresh.database.exists()
    dialog.ui.password.setText(PASSWORD)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    auth.sign_in(fresh, "admin", PASSWORD).db.dispose()


def test_administracion_restores_another_office_once_its_code_is_typed(
    qtbot, window, tmp_path, monkeypatch
):
    """The window's restore goes through the service: the password is asked again, another
    office's backup shows the service's message and the office code field."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    elsewhere = paths.resolve(tmp_path / "arriaga")
    other = auth.setup(elsewhere, "ARR", "Arriaga", "admin", "Admin", PASSWORD).signed_in
    made = backup.create_backup(elsewhere, other.db, tmp_path / "usb")
    other.db.dispose()
    shown: list[str] = []

    def drive(dialog):
        assert dialog.ui.username.text() == "admin" and dialog.ui.username.isReadOnly()
        assert dialog.ui.officeCode.isHidden()
        dialog.ui.file.setText(str(made.path))
        qtbot.keyClicks(dialog.ui.password, PASSWORD)
        ok = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        shown.append(dialog.ui.error.text())
        assert not dialog.ui.officeCode.isHidden()
        qtbot.keyClicks(dialog.ui.officeCode, "tap")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(RestoreDialog, "exec", drive)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append("info"))
    monkeypatch.setattr(QApplication, "quit", lambda *a: shown.append("quit"))
    window.nav.setCurrentRow(6)
    admin = window.stack.currentWidget()
    admin.refresh()
    button = next(
        b for b in admin.findChildren(QPushButton) if b.text() == "&Restaurar un respaldo…"
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert "oficina ARR, no de esta (TAP)" in shown[0]
    assert shown[1:] == ["info", "quit"] and window.ctx.restored
    signed = auth.sign_in(window.ctx.paths, "admin", PASSWORD)
    with signed.db.read() as session:
        assert office.get_office(session).code == "ARR"
    signed.db.dispose()
