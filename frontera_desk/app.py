"""Composition root of the GUI: paths → settings → sign-in → database → services → window."""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

# The data layer is not imported here: startup.py loads it before Qt when the program signs in by
# itself, and behind the painted sign-in dialog when a person signs in.
from PySide6.QtCore import QEventLoop, Qt, QThreadPool, QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from frontera_desk import STARTED, startup
from frontera_desk.domain.errors import DatabaseError, FronteraError
from frontera_desk.gui import windows
from frontera_desk.gui.errors import install_excepthook
from frontera_desk.gui.i18n import install_translators
from frontera_desk.gui.workers import run_in_background
from frontera_desk.instance import instance_lock, shared_folder_warning
from frontera_desk.paths import DEMO_PASSWORD, DEMO_USER, Paths, opens_as_demo
from frontera_desk.settings import Settings

if TYPE_CHECKING:
    from frontera_desk.gui.context import AppContext
    from frontera_desk.services.auth import SignedIn

logger = logging.getLogger(__name__)
DESKTOP_ID = "org.fronteradesk.FronteraDesk"  # the menu entry and metainfo in packaging/linux/


def make_application(language: str) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Frontera Desk")
    app.setOrganizationName("Frontera Desk")
    app.setDesktopFileName(DESKTOP_ID)
    from frontera_desk.gui.generated import resources_rc  # noqa: F401 - registers :/icons

    app.setWindowIcon(QIcon(":/icons/frontera-desk.svg"))
    use_a_font_with_accents(app)
    app._translators = install_translators(app, language)  # type: ignore[attr-defined]
    return app


FONTS = Path(__file__).resolve().parent / "reports" / "fonts"  # the PDFs' DejaVu Sans


def use_a_font_with_accents(app: QApplication, platform: str = sys.platform) -> None:
    """Windows: Qt draws the interface in the system's Segoe UI. Where it is missing (Wine, a
    trimmed system) Qt fell back to a font without "Ó" and the header lost it; there the
    interface uses the DejaVu Sans the program ships for its PDFs (issue 26)."""
    if platform != "win32" or "Segoe UI" in QFontDatabase.families():
        return
    families = [family for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
                for family in QFontDatabase.applicationFontFamilies(
                    QFontDatabase.addApplicationFont(str(FONTS / name)))]  # fmt: skip
    if families:
        font = app.font()
        font.setFamily(families[0])
        app.setFont(font)


def _create_demo(app_paths: Paths) -> None:
    """First use of --demo: build the demo data off the GUI thread, with a progress dialog."""
    from frontera_desk.services.demo import create_demo_dir

    gc.enable()  # a long job that makes garbage (cli.main turned collection off for start-up)
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
        lambda progress: create_demo_dir(app_paths, progress=progress, force=True),
        on_done=lambda _stats: finish(None),
        on_error=finish,
        on_progress=lambda done, total: dialog.setValue(int(100 * done / total)),
    )
    loop.exec()
    dialog.close()
    del signals
    if outcome and outcome[0] is not None:
        raise outcome[0]


def sign_in(
    app: QApplication, app_paths: Paths, demo: bool, smoke_test: str | None
) -> SignedIn | None:
    """Set up an empty folder, or sign in: from the environment, as the demo supervisor, or by
    asking. None when the user gave up."""
    from frontera_desk.cli import ENV_PASSWORD, ENV_USER
    from frontera_desk.services import auth

    interactive = not smoke_test
    if not auth.is_set_up(app_paths):
        if app_paths.database.exists():
            raise FronteraError(
                f"Falta el archivo de llaves junto a la base de datos de {app_paths.data_dir}; "
                "sin él no se puede abrir. Restaure un respaldo completo."
            )
        if not interactive:
            raise FronteraError("La carpeta de datos no está configurada.")
        from frontera_desk.gui.dialogs.account_dialogs import RecoveryCodeDialog, SetupDialog

        setup = SetupDialog(app_paths)
        if not setup.exec() or setup.result_value is None:
            return None
        created = setup.result_value
        RecoveryCodeDialog(created.recovery_code, created.signed_in.actor.office_code).exec()
        return created.signed_in
    if smoke_test != startup.SIGN_IN:
        if os.environ.get(ENV_USER) and os.environ.get(ENV_PASSWORD):
            return auth.sign_in(app_paths, os.environ[ENV_USER], os.environ[ENV_PASSWORD])
        if demo:  # DESIGN §6: a demo folder opens as its supervisor
            return auth.sign_in(app_paths, DEMO_USER, DEMO_PASSWORD)
        if not interactive:
            raise FronteraError(f"Indique {ENV_USER} y {ENV_PASSWORD} para --smoke-test.")
    return ask_sign_in(app, app_paths, smoke_test, loading=None)


def ask_sign_in(
    app: QApplication, app_paths: Paths, smoke_test: str | None,
    loading: startup.Loading | None,
) -> SignedIn | None:  # fmt: skip
    """The sign-in dialog; ``loading`` (not started) loads the data layer once it is painted."""
    from frontera_desk.gui.dialogs.sign_in import SignInDialog

    dialog = SignInDialog(app_paths)

    def painted() -> None:
        app.processEvents()  # the dialog on the screen
        if smoke_test == startup.SIGN_IN:
            elapsed_ms = (time.perf_counter() - STARTED) * 1000
            print(f"interactive in {elapsed_ms:.0f} ms (sign-in)", flush=True)
        if loading is not None:
            loading.start()
        if smoke_test == startup.SIGN_IN:
            if loading is not None:
                loading.join()  # the data layer must load, in the frozen program too
            dialog.reject()

    QTimer.singleShot(0, painted)
    accepted = dialog.exec()
    if smoke_test and loading is not None and loading.error is not None:
        raise loading.error
    return dialog.signed_in if accepted else None


def run_gui(
    app_paths: Paths, language: str | None, demo: bool, smoke_test: str | None,
    notice: str | None = None, by_hand: bool = False,
) -> int:  # fmt: skip
    """``by_hand`` (startup.py): the folder is set up and a person signs in, so the data layer is
    not loaded yet; it loads behind the painted sign-in dialog."""
    settings = Settings.load(app_paths.settings_file)
    if language:
        settings.language = language
    app = make_application(settings.language)
    windows.use_store(app_paths.qt_settings_file)
    install_excepthook(app_paths.log_file)
    title = QApplication.translate("App", "Frontera Desk")
    if notice and not smoke_test:  # an interrupted restore, finished or rolled back (cli.py)
        QMessageBox.information(None, title, notice)
    try:
        with instance_lock(app_paths):
            warning = shared_folder_warning(app_paths.data_dir)
            if warning:
                logger.warning("data folder is synced or on the network")
                if not smoke_test:
                    QMessageBox.warning(None, title, warning)
            if by_hand:
                signed = ask_sign_in(app, app_paths, smoke_test, startup.Loading())
            else:
                from frontera_desk.services import auth

                # DESIGN §6: --demo, and --smoke-test on a demo folder, sign in as the demo
                # supervisor
                is_demo = opens_as_demo(app_paths, demo, smoke_test == startup.WINDOW)
                if demo and not (auth.is_set_up(app_paths) and auth.is_demo_dir(app_paths)):
                    _create_demo(app_paths)
                signed = sign_in(app, app_paths, is_demo and auth.is_demo_dir(app_paths),
                                 smoke_test)  # fmt: skip
            while signed is not None:
                status, signed_out = _run_window(app, app_paths, settings, signed,
                                                 bool(smoke_test))  # fmt: skip
                if not signed_out:
                    return status
                signed = ask_sign_in(app, app_paths, None, loading=None)  # the next user
            return 0
    except FronteraError as error:
        if smoke_test:
            print(f"frontera-desk: {error}", file=sys.stderr)
        elif isinstance(error, DatabaseError) and error.restorable:
            _offer_restore(app_paths, error)
        else:
            QMessageBox.critical(None, title, error.message)
        return 1


def _offer_restore(app_paths: Paths, error: DatabaseError) -> None:
    """A damaged database: say so, and offer to restore the last backup right there."""
    from frontera_desk.gui.dialogs.account_dialogs import RestoreDialog

    box = QMessageBox(QMessageBox.Icon.Critical, QApplication.translate("App", "Frontera Desk"),
                      error.message)  # fmt: skip
    restore = box.addButton(
        QApplication.translate("App", "&Restore a backup…"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is not restore:
        return
    with instance_lock(app_paths):  # no other start-up takes this restore's journal for its own
        restored = RestoreDialog(app_paths).exec()
    if restored:
        QMessageBox.information(
            None, QApplication.translate("App", "Frontera Desk"),
            QApplication.translate("App", "The backup was restored. Open Frontera Desk again."),
        )  # fmt: skip


def _run_window(
    app: QApplication, app_paths: Paths, settings: Settings, signed: SignedIn, smoke: bool
) -> tuple[int, bool]:
    """Run one user's session: (exit status, whether they signed out for another user)."""
    from frontera_desk.gui.context import AppContext
    from frontera_desk.services import backup
    from frontera_desk.services import office as office_service

    try:
        with signed.db.read() as session:
            office = office_service.get_office(session)
            office_settings = office_service.get_settings(session)
        assert office is not None
        ctx = AppContext(signed.db, signed.actor, office, app_paths, settings, signed.vault,
                         office_settings.idle_lock_minutes)  # fmt: skip
        from frontera_desk.gui.main_window import MainWindow

        window = MainWindow(ctx)
        window.show()
        logger.info("main window shown")
        QTimer.singleShot(100, window.prepare)  # the first screen painted first
        if smoke:
            QTimer.singleShot(0, lambda: _smoke(window, app))
            return app.exec(), False
        # On a server the backups are the server's (README: a scheduled `backup create`), not
        # one dump per desk and per closing.
        desk_backups = not app_paths.on_server
        if desk_backups and backup.daily_backup_due(app_paths.backup_dir):
            QTimer.singleShot(2000, window.automatic_backup)
        status = app.exec()
        if desk_backups and not ctx.restored:
            _closing_backup(ctx)
        window.deleteLater()  # the next user starts with a new window, nothing of this one
        return status, window.signed_out
    finally:
        QThreadPool.globalInstance().waitForDone()  # no background query outlives the database
        signed.db.dispose()


def _closing_backup(ctx: AppContext) -> None:
    """Every session ends with a backup (and old automatic ones are rotated)."""
    text = QApplication.translate("App", "Backing up before closing…")
    dialog = QProgressDialog(text, "", 0, 0)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(500)
    from frontera_desk.services import backup

    def report(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    try:
        backup.create_backup(ctx.paths, ctx.db, automatic=True, progress=report)
        settings = ctx.settings
        backup.rotate(
            ctx.paths.backup_dir, settings.backup_keep_daily, settings.backup_keep_monthly
        )
    except (FronteraError, OSError) as error:
        logger.error("closing backup failed: %s", type(error).__name__)
        failed = QApplication.translate("App", "The closing backup failed: %1")
        QMessageBox.warning(None, QApplication.translate("App", "Frontera Desk"),
                            failed.replace("%1", str(error)))  # fmt: skip
    finally:
        dialog.close()


def _smoke(window: object, app: QApplication) -> None:
    """Report the time to interactive (the first screen painted, the window answering), then
    open the lists and come back before quitting."""
    app.processEvents()
    elapsed_ms = (time.perf_counter() - STARTED) * 1000
    print(f"interactive in {elapsed_ms:.0f} ms", flush=True)
    for row in (1, 2, 0):
        window.nav.setCurrentRow(row)  # type: ignore[attr-defined]
    app.processEvents()
    window.close()  # type: ignore[attr-defined]
    app.quit()
