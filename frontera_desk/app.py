"""Composition root of the GUI: paths → settings → database → services → QApplication → window."""

from __future__ import annotations

import logging
import sys
import time

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from frontera_desk import STARTED
from frontera_desk.db import Database, open_database
from frontera_desk.db.models import User
from frontera_desk.domain.errors import FronteraError
from frontera_desk.gui import windows
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.errors import install_excepthook
from frontera_desk.gui.i18n import install_translators
from frontera_desk.gui.workers import run_in_background
from frontera_desk.paths import Paths
from frontera_desk.services import office as office_service
from frontera_desk.services.context import Actor, actor_for
from frontera_desk.settings import Settings

logger = logging.getLogger(__name__)


def make_application(language: str) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Frontera Desk")
    app.setOrganizationName("Frontera Desk")
    from frontera_desk.gui.generated import resources_rc  # noqa: F401 - registers :/icons

    app.setWindowIcon(QIcon(":/icons/frontera-desk.svg"))
    app._translators = install_translators(app, language)  # type: ignore[attr-defined]
    return app


def _create_demo(app_paths: Paths) -> None:
    """First use of --demo: build the demo data off the GUI thread, with a progress dialog."""
    from frontera_desk.services.demo import create_demo_dir

    dialog = QProgressDialog(
        QApplication.translate("App", "Creating demonstration data…"), "", 0, 100
    )
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    loop = QEventLoop()
    outcome: list[BaseException | None] = []

    def finish(error: BaseException | None) -> None:
        outcome.append(error)
        loop.quit()

    signals = run_in_background(
        lambda progress: create_demo_dir(app_paths, progress=progress),
        on_done=lambda _stats: finish(None),
        on_error=finish,
        on_progress=lambda done, total: dialog.setValue(int(100 * done / total)),
    )
    loop.exec()
    dialog.close()
    del signals
    if outcome and outcome[0] is not None:
        raise outcome[0]


def _actor(db: Database, is_demo: bool) -> Actor:
    with db.read() as session:
        if is_demo:  # DESIGN §6: a demo data dir opens as the demo supervisor
            supervisor = session.query(User).filter_by(username="supervisor").one_or_none()
            if supervisor is not None:
                return actor_for(session, supervisor.id)
        return actor_for(session)


def run_gui(app_paths: Paths, language: str | None, demo: bool, smoke_test: bool) -> int:
    settings = Settings.load(app_paths.settings_file)
    if language:
        settings.language = language
    app = make_application(settings.language)
    windows.use_store(app_paths.qt_settings_file)
    install_excepthook(app_paths.log_file)
    title = QApplication.translate("App", "Frontera Desk")
    try:
        if demo and not app_paths.database.exists():
            _create_demo(app_paths)
        db = open_database(app_paths.database, app_paths.backup_dir)
    except FronteraError as error:
        if smoke_test:
            print(f"frontera-desk: {error}", file=sys.stderr)
        else:
            QMessageBox.critical(None, title, error.message)
        return 1
    try:
        with db.read() as session:
            office = office_service.get_office(session)
        if office is None:
            if smoke_test:
                print("frontera-desk: la carpeta de datos no está configurada.", file=sys.stderr)
                return 1
            from frontera_desk.gui.dialogs.simple_dialogs import OfficeSetupDialog

            if not OfficeSetupDialog(db).exec():
                return 0
            with db.read() as session:
                office = office_service.get_office(session)
            assert office is not None
        ctx = AppContext(db, _actor(db, office.is_demo), office, app_paths, settings)
        from frontera_desk.gui.main_window import MainWindow

        window = MainWindow(ctx)
        window.show()
        if smoke_test:
            QTimer.singleShot(0, lambda: _smoke(window, app))
        logger.info("main window shown")
        return app.exec()
    finally:
        db.dispose()


def _smoke(window: object, app: QApplication) -> None:
    """Load the first pages, report the time to interactive, and quit."""
    for row in (1, 2, 0):
        window.nav.setCurrentRow(row)  # type: ignore[attr-defined]
    app.processEvents()
    elapsed_ms = (time.perf_counter() - STARTED) * 1000
    print(f"interactive in {elapsed_ms:.0f} ms")
    window.close()  # type: ignore[attr-defined]
    app.quit()
