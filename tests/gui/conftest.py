"""GUI fixtures: Spanish translators installed once, and an AppContext over a fresh office."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool

from frontera_desk.domain.enums import Role
from frontera_desk.gui import windows
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.base import FormDialog
from frontera_desk.gui.i18n import install_translators
from frontera_desk.gui.models.lazy import LazyTableModel
from frontera_desk.services.office import OfficeInfo
from frontera_desk.settings import Settings


@pytest.fixture(scope="session", autouse=True)
def spanish(qapp):
    translators = install_translators(qapp, "es")
    assert translators, "the Spanish .qm was not built (run packaging/hatch_build.py)"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


ASK_BEFORE_DISCARDING = FormDialog._discard_confirmed


@pytest.fixture(autouse=True)
def forms_close_without_asking(monkeypatch):
    """pytest-qt closes the test's widgets at the end: a form with typed data would ask
    "Discard what you typed?" and wait for an answer. Tests of that question put it back
    (``ASK_BEFORE_DISCARDING``)."""
    monkeypatch.setattr(FormDialog, "_discard_confirmed", lambda self: True)


@pytest.fixture(autouse=True)
def lists_wait_for_their_first_rows(monkeypatch):
    """A list shows its first rows as it is reloaded (the few rows of a test take a millisecond,
    but a busy machine can make them miss the 25 ms the window waits: no flaky tests)."""
    monkeypatch.setattr(LazyTableModel, "WAIT", 10.0)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item):
    """Pages count and render off the GUI thread: every such job ends before the fixtures
    (the database among them) are torn down."""
    QThreadPool.globalInstance().waitForDone()
    yield


@pytest.fixture
def make_ctx(db, actors, app_paths):
    windows.use_store(app_paths.qt_settings_file)

    def make(role: Role = Role.SUPERVISOR) -> AppContext:
        office = OfficeInfo("TAP", "Oficina Tapachula", is_hq=False, is_demo=False)
        return AppContext(db, actors[role], office, app_paths, Settings(search_delay_ms=0))

    return make


@pytest.fixture
def ctx(make_ctx):
    return make_ctx()


def answer_void(reason: str, seen: list[str]) -> None:
    """Answer the void dialog about to open: first with no reason (its error, shown inline, is
    kept in ``seen``), then with ``reason``."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        ok = dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Ok)
        seen.append(ok.text())
        ok.click()
        seen.append(dialog.ui.error.text())
        dialog.ui.reason.setText(reason)
        ok.click()

    QTimer.singleShot(0, answer)
