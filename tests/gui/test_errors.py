"""Unexpected errors reach a crash dialog with copyable details and the log path."""

import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from frontera_desk.gui.errors import crash_dialog, install_excepthook


def test_crash_dialog_shows_copyable_details_and_the_log_path(qtbot, tmp_path):
    box = crash_dialog("Traceback: boom", tmp_path / "frontera-desk.log")
    qtbot.addWidget(box)
    assert "inesperado" in box.text()
    assert str(tmp_path / "frontera-desk.log") in box.informativeText()
    assert box.detailedText() == "Traceback: boom"
    copy = next(b for b in box.buttons() if "Copiar" in b.text())
    copy.click()
    assert QApplication.clipboard().text() == "Traceback: boom"


@pytest.mark.logs_errors  # the bug is logged, as it must be
def test_the_hook_logs_and_shows_unexpected_errors(qtbot, tmp_path, monkeypatch, caplog):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.detailedText()))
    previous = sys.excepthook
    install_excepthook(tmp_path / "x.log")
    try:
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    assert "RuntimeError: boom" in shown[0]
    assert "unexpected error" in caplog.text
