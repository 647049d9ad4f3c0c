"""An office's first window: the sign-in dialog, up before the data layer, which loads behind it."""

import subprocess
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from frontera_desk import app, paths, startup
from frontera_desk.gui.dialogs.sign_in import SignInDialog
from frontera_desk.services import auth

pytestmark = pytest.mark.usefixtures("cheap_kdf")


def test_the_sign_in_dialog_and_start_up_load_without_the_data_layer():
    code = (
        "import sys\n"
        "import frontera_desk.app, frontera_desk.startup, frontera_desk.gui.dialogs.sign_in\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'frontera_desk.db.'"
        ", 'frontera_desk.services')) and m != 'frontera_desk.db.keyfile')\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_an_office_set_up_here_opens_on_the_sign_in_dialog(tmp_path, monkeypatch):
    monkeypatch.delenv("FRONTERA_DESK_USER", raising=False)
    office = paths.resolve(tmp_path / "office")
    assert not startup.signs_in_by_hand(office, demo=False, smoke_test=None)  # nothing set up
    office.keys.parent.mkdir(parents=True, exist_ok=True)
    office.keys.write_text("{}")
    assert startup.signs_in_by_hand(office, demo=False, smoke_test=None)
    assert not startup.signs_in_by_hand(office, demo=True, smoke_test=None)  # the demo's own
    assert not startup.signs_in_by_hand(office, demo=False, smoke_test=startup.WINDOW)
    assert startup.signs_in_by_hand(office, demo=False, smoke_test=startup.SIGN_IN)
    monkeypatch.setenv("FRONTERA_DESK_USER", "admin")
    monkeypatch.setenv("FRONTERA_DESK_PASSWORD", "x")
    assert not startup.signs_in_by_hand(office, demo=False, smoke_test=None)


def test_signing_in_while_the_data_layer_loads(qtbot, tmp_path):
    app_paths = paths.resolve(tmp_path / "office")
    auth.setup(app_paths, "TAP", "Oficina Tapachula", "admin", "Ana Admin", "clave-segura-1") \
        .signed_in.db.dispose()  # fmt: skip
    loading = startup.Loading()

    def type_and_sign_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SignInDialog)
        assert loading.is_alive() or loading.ident is not None  # started once it was painted
        qtbot.keyClicks(dialog.ui.username, "admin")
        qtbot.keyClicks(dialog.ui.password, "clave-segura-1")
        dialog.accept()

    QTimer.singleShot(50, type_and_sign_in)
    signed = app.ask_sign_in(QApplication.instance(), app_paths, None, loading)
    assert signed is not None and signed.actor.username == "admin"
    signed.db.dispose()
    loading.join(5)
    assert not loading.is_alive() and loading.error is None
