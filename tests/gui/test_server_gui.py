"""The main window in server mode: it names the server (never its password) and leaves the
backups to the server."""

import pytest

from frontera_desk.gui.main_window import MainWindow


@pytest.fixture
def backend() -> str:
    return "postgresql"


def test_the_status_bar_names_the_server_and_its_backups(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    host_and_database = ctx.paths.server_name
    assert host_and_database.startswith("127.0.0.1/frontera_")
    assert f"Servidor: {host_and_database}" in window.office_label.text()
    assert window.backup_label.text() == "Respaldos: en el servidor"
