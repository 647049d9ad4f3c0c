"""The main window: navigation on the left, one page at a time, office and user below."""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QWidget,
)

from frontera_desk.domain.countries import countries
from frontera_desk.domain.errors import FronteraError
from frontera_desk.gui import windows
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.lock import IdleWatcher, LockScreen
from frontera_desk.gui.pages.home_page import HomePage
from frontera_desk.gui.workers import run_in_background
from frontera_desk.services import backup

if TYPE_CHECKING:
    from frontera_desk.gui.pages.people_page import PeoplePage
    from frontera_desk.gui.pages.supports_page import SupportsPage

LISTS = (1, 2, 3, 4)  # the pages that are lists: people, supports, agreements, activities


class MainWindow(QMainWindow):
    prepared = Signal()  # every page built and the lists read once (see prepare)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.ctx = ctx
        ctx.db.limit_memory()
        title = self.tr("Frontera Desk — %1").replace("%1", ctx.office.name)
        self.setWindowTitle(title)
        self.home = HomePage(ctx)
        style = self.style()
        icon = QStyle.StandardPixmap
        # The other pages (and their modules) are built when first needed, or by prepare()
        # once the first screen is up: start-up builds Inicio only.
        self.pages: list[tuple[str, QWidget | Callable[[], QWidget], Any]] = [
            (self.tr("Home"), self.home, icon.SP_DirHomeIcon),
            (self.tr("People"), partial(_people_page, ctx), icon.SP_FileDialogContentsView),
            (self.tr("Supports"), partial(_supports_page, ctx), icon.SP_DialogApplyButton),
            (self.tr("Agreements"), partial(_agreements_page, ctx), icon.SP_FileIcon),
            (self.tr("Activities"), partial(_activities_page, ctx), icon.SP_FileDialogListView),
            (self.tr("Reports"), partial(_reports_page, ctx), icon.SP_FileDialogDetailedView),
            (
                self.tr("Administration"),
                partial(_admin_page, ctx, lambda minutes: self.idle.set_minutes(minutes)),
                icon.SP_ComputerIcon,
            ),
        ]
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(190)
        self.nav.setStyleSheet("QListWidget::item { padding: 8px; }")
        self.stack = QStackedWidget()
        for number, (name, page, pixmap) in enumerate(self.pages, start=1):
            item = QListWidgetItem(style.standardIcon(pixmap), name)
            item.setToolTip(f"{name} (Ctrl+{number})")
            self.nav.addItem(item)
            self.stack.addWidget(page if isinstance(page, QWidget) else QWidget())
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.cover = QLabel(self.tr("Session locked"))
        self.cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cover.setStyleSheet("font-size: 18pt; color: #666;")
        self.screens = QStackedWidget()
        self.screens.addWidget(central)
        self.screens.addWidget(self.cover)
        self.setCentralWidget(self.screens)
        self.lock_screen: LockScreen | None = None
        self.signed_out = False  # the user signed out (or switched user): sign in again
        self._steps: list[Callable[[], Any]] | None = None  # of prepare()
        self.idle = IdleWatcher(ctx.idle_lock_minutes, self)
        self.idle.went_idle.connect(self.lock)
        QApplication.instance().installEventFilter(self.idle)
        self.home.open_supports.connect(self._open_supports)
        self._menus()
        self._status_bar()
        self.resize(1200, 760)
        windows.restore_geometry(self)
        self.nav.setCurrentRow(0)
        self.nav.currentRowChanged.connect(self.show_page)
        self._painted = False

    @property
    def people(self) -> PeoplePage:
        return self._page(1)  # type: ignore[return-value]

    @property
    def supports(self) -> SupportsPage:
        return self._page(2)  # type: ignore[return-value]

    def _menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        new_person = QAction(self.tr("&New person…"), self, shortcut=QKeySequence.StandardKey.New)
        new_person.triggered.connect(lambda: (self.nav.setCurrentRow(1), self.people.new_person()))
        find = QAction(self.tr("&Find person"), self, shortcut=QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: (self.nav.setCurrentRow(1), self.people.focus_search()))
        request = QAction(self.tr("&Request support…"), self, shortcut=QKeySequence("Ctrl+Shift+A"))
        request.triggered.connect(self._request_support)
        quit_action = QAction(self.tr("&Quit"), self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (new_person, find, request):
            file_menu.addAction(action)
        file_menu.addSeparator()
        self._data_menu(file_menu)  # issue 25
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        view_menu = menu.addMenu(self.tr("&View"))
        for number, (name, _page, _icon) in enumerate(self.pages, start=1):
            action = QAction(name, self, shortcut=QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, row=number - 1: self.nav.setCurrentRow(row))
            view_menu.addAction(action)
        view_menu.addSeparator()
        refresh = QAction(self.tr("&Refresh"), self, shortcut=QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(lambda: self.show_page(self.nav.currentRow()))
        view_menu.addAction(refresh)

        language_menu = menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, name in (("es", "Español (México)"), ("en", "English")):
            action = QAction(name, self, checkable=True, checked=self.ctx.language == code)
            action.triggered.connect(lambda _=False, c=code: self._set_language(c))
            group.addAction(action)
            language_menu.addAction(action)

        session_menu = menu.addMenu(self.tr("&Session"))
        lock = QAction(self.tr("&Lock now"), self, shortcut=QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.lock)
        password = QAction(self.tr("&Change my password…"), self)
        password.triggered.connect(self._change_password)
        password.setEnabled(self.ctx.vault is not None)
        sign_out = QAction(self.tr("&Sign out / switch user…"), self)
        sign_out.triggered.connect(self.sign_out)
        session_menu.addAction(lock)
        session_menu.addAction(sign_out)
        session_menu.addAction(password)

        help_menu = menu.addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Frontera Desk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _status_bar(self) -> None:
        bar = self.statusBar()
        office = self.ctx.office
        text = f"{office.code} — {office.name}"
        if self.ctx.db.read_only:  # first: the status bar clips what does not fit
            text += "  ·  " + self.tr("READ-ONLY: nothing is saved")
        if office.is_demo:
            text += "  ·  " + self.tr("DEMONSTRATION DATA")
        if self.ctx.paths.on_server:
            text += "  ·  " + self.tr("Server: %1").replace("%1", self.ctx.paths.server_name)
        elif self.ctx.vault is not None and not self.ctx.vault.encrypted:
            text += "  ·  " + self.tr("UNENCRYPTED DATABASE (development)")
        month = date.today().strftime("%m/%Y")
        self.office_label = QLabel(text)
        self.user_label = QLabel(self.tr("User: %1").replace("%1", self.ctx.actor.full_name))
        self.month_label = QLabel(self.tr("Month: %1").replace("%1", month))
        self.backup_label = QLabel()
        for label in (self.office_label, self.user_label, self.month_label, self.backup_label):
            bar.addPermanentWidget(label)
        self.show_backup_age()

    def show_backup_age(self) -> None:
        """The status bar says how old the last backup is, in red when too old."""
        if self.ctx.paths.on_server:
            self.backup_label.setText(self.tr("Backups: on the server"))
            return
        last = backup.last_backup(self.ctx.paths.backup_dir)
        if last is None:
            self.backup_label.setText(self.tr("No backup yet"))
            old = True
        else:
            days = (datetime.now(UTC) - last.created_at).days
            if days == 0:
                self.backup_label.setText(self.tr("Last backup: today"))
            else:
                self.backup_label.setText(self.tr("Last backup: %n day(s) ago", "", days))
            old = days >= self.ctx.settings.backup_warn_days
        self.backup_label.setStyleSheet("color: #b00020; font-weight: bold;" if old else "")

    def automatic_backup(self) -> None:
        """The daily backup, off the GUI thread; the status bar updates when it is done."""

        def failed(error: BaseException) -> None:
            if not isinstance(error, FronteraError | OSError):
                raise error
            message = self.tr("The daily backup failed: %1").replace("%1", str(error))
            self.statusBar().showMessage(message)

        self._backup_job = run_in_background(
            lambda _progress: backup.create_backup(self.ctx.paths, self.ctx.db, automatic=True),
            lambda _made: self.show_backup_age(),
            failed,
        )

    def _data_menu(self, file_menu: Any) -> None:
        """Import from spreadsheets, and export the list on screen (issue 25)."""
        from frontera_desk.services.permissions import Action

        importer = QAction(self.tr("&Import from a spreadsheet…"), self)
        importer.triggered.connect(self.import_wizard)
        importer.setEnabled(self.ctx.actor.can(Action.IMPORT_DATA))
        exporter = QAction(self.tr("&Export this list to a spreadsheet…"), self)
        exporter.triggered.connect(self.export_list)
        exporter.setEnabled(self.ctx.actor.can(Action.EXPORT_LISTS))
        receipts = QAction(self.tr("Export the &receipts to a spreadsheet…"), self)
        receipts.triggered.connect(lambda: self.export_list(receipts=True))
        receipts.setEnabled(self.ctx.actor.can(Action.EXPORT_LISTS))
        for action in (importer, exporter, receipts):
            file_menu.addAction(action)

    def import_wizard(self) -> Any:
        from frontera_desk.gui.dialogs.import_wizard import ImportWizard

        wizard = ImportWizard(self.ctx, self)
        wizard.finished.connect(lambda _: self.show_page(self.nav.currentRow()))
        wizard.open()
        return wizard

    def export_list(self, receipts: bool = False) -> None:
        """The people or supports list as it is filtered and sorted on screen (or the
        receipts), to an XLSX the user names."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from frontera_desk.gui.errors import show_error
        from frontera_desk.services import exports

        row = self.nav.currentRow()
        kind = "recibos" if receipts else {1: "personas", 2: "apoyos"}.get(row)
        if kind is None:
            self.nav.setCurrentRow(1)
            kind = "personas"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the list"), str(Path.home() / f"{kind}.xlsx"),
            self.tr("Workbooks (*.xlsx)"),
        )  # fmt: skip
        if not name:
            return
        target = Path(name).with_suffix(".xlsx")
        try:
            with self.ctx.db.write() as session:
                if kind == "personas":
                    model = self.people.model
                    column, descending = model.sort_state()
                    sort = model.columns[column].sort_key or "name"
                    done = exports.export_people(session, self.ctx.actor, target,
                                                 model.filter or "", sort, descending)  # fmt: skip
                elif kind == "apoyos":
                    model = self.supports.model
                    column, descending = model.sort_state()
                    sort = model.columns[column].sort_key or "requested_on"
                    done = exports.export_supports(session, self.ctx.actor, target, model.filter,
                                                   sort, descending)  # fmt: skip
                else:
                    done = exports.export_receipts(session, self.ctx.actor, target)
        except FronteraError as error:
            show_error(self, error)
            return
        except OSError as error:
            from frontera_desk.domain.errors import disk_error

            show_error(self, disk_error(error))
            return
        self.statusBar().showMessage(
            self.tr("%1 rows exported to %2").replace("%1", str(done.rows)).replace(
                "%2", str(done.path)), 8000)  # fmt: skip

    # --- behaviour ----------------------------------------------------------------------------

    def show_page(self, row: int) -> None:
        if row < 0:
            return
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
            return
        page = self._page(row)
        self.stack.setCurrentIndex(row)
        page.refresh()  # type: ignore[attr-defined]

    def _page(self, row: int) -> QWidget:
        """The page of this row, built in place of its stand-in if it was not yet."""
        name, page, pixmap = self.pages[row]
        if not isinstance(page, QWidget):
            page = page()
            page.ensurePolished()  # styled now, not as it first shows
            self.pages[row] = name, page, pixmap
            stand_in = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
        return page

    def prepare(self) -> None:
        """Once the first screen is up, one step at a time, 20 ms apart (each takes 10-60 ms;
        clicks and keys are handled in between): build the other pages, and read the lists
        once (their queries compiled), so that the user never waits for that."""
        if self._steps is None:
            _settle_garbage_collector()
            # First the country names the people list shows (Babel reads them in 40 ms; on
            # the thread pool its one long call would hold the interpreter lock as long).
            self._steps = [partial(countries, self.ctx.language)]
            self._steps += [
                partial(self._page, row)
                for row, (_n, page, _i) in enumerate(self.pages)
                if not isinstance(page, QWidget)
            ]
            self._steps += [lambda row=row: self._page(row).refresh() for row in LISTS]
        if self._steps:
            self._steps.pop(0)()
            QTimer.singleShot(20, self.prepare)
            return
        _settle_garbage_collector()
        self.prepared.emit()

    def _request_support(self) -> None:
        """For the person open in Personas when that is the page in front (issue 24, item 15);
        otherwise the supports page asks whom it is for."""
        from frontera_desk.gui.pages.people_page import PeoplePage

        page = self.stack.currentWidget()
        if isinstance(page, PeoplePage) and page.person is not None:
            page.request_support()
            return
        self.nav.setCurrentRow(2)
        self.supports.request_support()

    def _open_supports(self, status: str, this_month: bool) -> None:
        self.nav.setCurrentRow(2)
        self.supports.show_filtered(status, this_month)

    def lock(self) -> None:
        """Cover every window (open dialogs are moved out of sight, their work kept) and ask
        for the password in a modal prompt above them all."""
        if self.lock_screen is not None:
            return
        others = [w for w in QApplication.topLevelWidgets() if w is not self and w.isVisible()]
        places = {w: w.pos() for w in others}
        for widget in others:
            widget.move(-30000, -30000)
        self.screens.setCurrentWidget(self.cover)
        self.menuBar().setEnabled(False)
        self.lock_screen = LockScreen(self.ctx, self)
        unlocked = self.lock_screen.exec() == QDialog.DialogCode.Accepted
        switched, self.lock_screen = self.lock_screen.switched, None
        if not unlocked:  # five wrong passwords, or another user: the session ends
            self.end_session(sign_in_again=switched)
            return
        for widget, place in places.items():
            widget.move(place)
        self.screens.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        self.idle.timer.start()

    def sign_out(self) -> None:
        """End this user's session at a shared laptop; the sign-in dialog asks who is next."""
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Sign out"),
            self.tr("Sign out of Frontera Desk? Forms left open are closed without saving."),
            parent=self,
        )  # fmt: skip
        leave = box.addButton(self.tr("&Sign out"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Stay"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is leave:
            self.end_session(sign_in_again=True)

    def end_session(self, sign_in_again: bool) -> None:
        """Close every window of this session (open forms are discarded, never handed to the
        next user) and stop the event loop; ``signed_out`` tells the start-up to ask for the
        next sign-in."""
        self.signed_out = sign_in_again
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.done(QDialog.DialogCode.Rejected)  # not reject(): nothing to ask now
        self.hide()
        QApplication.instance().quit()

    def _change_password(self) -> None:
        from frontera_desk.gui.dialogs.account_dialogs import PasswordDialog

        if self.ctx.vault is not None:
            PasswordDialog(self.ctx, self.ctx.vault, self).exec()

    def _set_language(self, code: str) -> None:
        if code == self.ctx.settings.language:
            return
        self.ctx.settings.language = code
        self.ctx.settings.save(self.ctx.paths.settings_file)
        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("The new language will be used the next time Frontera Desk starts."),
        )

    def _about(self) -> None:
        from frontera_desk.gui.dialogs.about_dialog import AboutDialog

        AboutDialog(self.ctx.paths, self).exec()

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if not self._painted:  # Inicio counts its figures once the window is on screen: the
            self._painted = True  # count is Python too, and slowed the first paint by 17 ms
            QTimer.singleShot(0, self.home.refresh)

    def closeEvent(self, event: Any) -> None:
        windows.save_geometry(self)
        QApplication.instance().removeEventFilter(self.idle)
        super().closeEvent(event)


def _settle_garbage_collector() -> None:
    """The objects made so far (modules, mappings, widgets: over 100,000) live as long as the
    program: the collector stops walking them (a full pass over them took 100 ms, and came
    now and then while scrolling). Full passes over the rest come ten times less often than
    by default: cycles die young, in the first two generations."""
    gc.freeze()
    gc.enable()  # off during start-up (see cli.main)
    first, second, _full = gc.get_threshold()
    gc.set_threshold(first, second, 100)


# The pages built on first visit; each imports its module then.
def _people_page(ctx: AppContext) -> QWidget:
    from frontera_desk.gui.pages.people_page import PeoplePage

    return PeoplePage(ctx)


def _supports_page(ctx: AppContext) -> QWidget:
    from frontera_desk.gui.pages.supports_page import SupportsPage

    return SupportsPage(ctx)


def _agreements_page(ctx: AppContext) -> QWidget:
    from frontera_desk.gui.pages.agreements_page import AgreementsPage

    return AgreementsPage(ctx)


def _activities_page(ctx: AppContext) -> QWidget:
    from frontera_desk.gui.pages.activities_page import ActivitiesPage

    return ActivitiesPage(ctx)


def _reports_page(ctx: AppContext) -> QWidget:
    from frontera_desk.gui.pages.reports_page import ReportsPage

    return ReportsPage(ctx)


def _admin_page(ctx: AppContext, idle_minutes: Callable[[int], None]) -> QWidget:
    from frontera_desk.gui.pages.admin_page import AdminPage

    page = AdminPage(ctx)
    page.idle_minutes_changed.connect(idle_minutes)  # the idle lock applies at once
    return page
