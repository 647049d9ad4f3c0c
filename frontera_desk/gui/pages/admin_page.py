"""Administración: users, the audit log and its check, office settings, budget and targets,
data retention and backups.

Each tab appears only to the roles that may use it; the services check again.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from frontera_desk.domain.errors import FronteraError
from frontera_desk.gui import audit_labels, labels
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.account_dialogs import UserDialog, run_rekeying
from frontera_desk.gui.errors import show_error
from frontera_desk.gui.models.lazy import Column, LazyTableModel
from frontera_desk.gui.models.tables import listed_people_model
from frontera_desk.gui.widgets import make_table, progress_dialog
from frontera_desk.gui.workers import run_in_background
from frontera_desk.services import audit, auth, backup, office, privacy
from frontera_desk.services.audit import AuditFilter, AuditRow
from frontera_desk.services.permissions import Action


def audit_model(ctx: AppContext, parent: Any = None) -> LazyTableModel[AuditRow]:
    columns = [
        Column(QCoreApplication.translate("AdminPage", "No."), lambda r: str(r.id), None, True, 60),
        Column(QCoreApplication.translate("AdminPage", "When (UTC)"),
               lambda r: r.at.strftime("%d/%m/%Y %H:%M:%S"), width=140),
        Column(QCoreApplication.translate("AdminPage", "User"), lambda r: r.user, width=180),
        Column(QCoreApplication.translate("AdminPage", "Action"),
               lambda r: audit_labels.action(r.action), width=210),
        Column(QCoreApplication.translate("AdminPage", "Record"),
               lambda r: audit_labels.entity(r.entity), width=140),
        Column(QCoreApplication.translate("AdminPage", "Changes"),
               lambda r: audit_labels.changes(r.changes, ctx.language), width=400),
    ]  # fmt: skip

    def query(f: AuditFilter, _key: str | None, _desc: bool) -> Any:
        return audit.entry_list(ctx.actor, f)

    return LazyTableModel(ctx.db, columns, query, audit.fetch_rows, AuditFilter(), parent=parent)


def small_table(name: str, headers: list[str]) -> QTableWidget:
    """A read-only, row-selecting table for the short lists of this page."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    return table


class AdminPage(QWidget):
    inactive_listed = Signal()  # the people found by "List inactive people" are shown
    chain_verified = Signal()  # the audit log's check is shown
    idle_minutes_changed = Signal(int)  # saved: the window's idle lock takes it at once

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        can = ctx.actor.can
        self.users: QTableWidget | None = None
        if can(Action.MANAGE_USERS):
            self.tabs.addTab(self._users_tab(), self.tr("&Users"))
        if can(Action.VIEW_AUDIT):
            self.tabs.addTab(self._audit_tab(), self.tr("Audit &log"))
        if can(Action.MANAGE_SETTINGS):
            from frontera_desk.gui.pages.programs_tab import ProgramsTab

            self.tabs.addTab(self._settings_tab(), self.tr("&Office"))
            self.programs = ProgramsTab(ctx)
            self.tabs.addTab(self.programs, self.tr("&Programs"))
        if can(Action.SET_PLAN):
            from frontera_desk.gui.pages.plan_tab import PlanTab

            self.plan = PlanTab(ctx)
            self.tabs.addTab(self.plan, self.tr("Budget and &targets"))
        if can(Action.ANONYMIZE_PERSON):
            self.tabs.addTab(self._retention_tab(), self.tr("Data &retention"))
        if can(Action.BACKUP):
            self.tabs.addTab(self._backups_tab(), self.tr("&Backups"))
        if self.tabs.count() == 0:
            layout.addWidget(QLabel(self.tr("Your role has no administration tasks.")))

    def refresh(self) -> None:
        if self.users is not None:
            self._load_users()
        if hasattr(self, "backups"):
            self._load_backups()
        if hasattr(self, "audit"):
            self._fill_audit_choices()
            self.audit.set_filter(self._audit_filter())

    # --- users --------------------------------------------------------------------------------

    def _users_tab(self) -> QWidget:
        tab = QWidget()
        box = QVBoxLayout(tab)
        self.users = small_table(
            "usersTable",
            [self.tr("User"), self.tr("Full name"), self.tr("Role"), self.tr("State"),
             self.tr("Job title")],
        )  # fmt: skip
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("&New user…"))
        reset = QPushButton(self.tr("New &password…"))
        disable = QPushButton(self.tr("&Disable"))
        job_title = QPushButton(self.tr("&Job title…"))
        job_title.setToolTip(self.tr("The position printed under the user's name on receipts"))
        for button in (add, reset, disable, job_title):
            buttons.addWidget(button)
        buttons.addStretch()
        box.addLayout(buttons)
        box.addWidget(self.users)
        add.clicked.connect(self.add_user)
        reset.clicked.connect(self.reset_password)
        disable.clicked.connect(self.disable_user)
        job_title.clicked.connect(self.set_job_title)
        return tab

    def _load_users(self) -> None:
        assert self.users is not None
        with self.ctx.db.read() as session:
            users = auth.list_users(session)
        self.users.setRowCount(len(users))
        for row, user in enumerate(users):
            state = self.tr("Active") if user.is_active else self.tr("Disabled")
            for column, value in enumerate(
                (user.username, user.full_name, labels.role(user.role), state, user.job_title)
            ):
                self.users.setItem(row, column, QTableWidgetItem(value))

    def _selected_user(self) -> str | None:
        assert self.users is not None
        row = self.users.currentRow()
        item = self.users.item(row, 0) if row >= 0 else None
        return item.text() if item else None

    def add_user(self) -> None:
        if self.ctx.vault and UserDialog(self.ctx, self.ctx.vault, parent=self).exec():
            self._load_users()

    def reset_password(self) -> None:
        username = self._selected_user()
        if (
            username
            and self.ctx.vault
            and UserDialog(self.ctx, self.ctx.vault, username, self).exec()
        ):
            self._load_users()

    def set_job_title(self) -> None:
        username = self._selected_user()
        if not username:
            return
        with self.ctx.db.read() as session:
            current = next(u.job_title for u in auth.list_users(session) if u.username == username)
        title, chosen = QInputDialog.getText(
            self, self.tr("Job title"),
            self.tr("Job title of %1 (printed on receipts):").replace("%1", username),
            text=current,
        )  # fmt: skip
        if not chosen:
            return
        try:
            with self.ctx.db.write() as session:
                auth.set_job_title(session, self.ctx.actor, username, title)
        except FronteraError as error:
            show_error(self, error)
        self._load_users()

    def disable_user(self) -> None:
        username = self._selected_user()
        if not username or self.ctx.vault is None:
            return
        text = self.tr("%1 will no longer be able to sign in. Their history is kept.")
        answer = QMessageBox.question(self, self.tr("Disable user"), text.replace("%1", username))
        if answer != QMessageBox.StandardButton.Yes:
            return
        ctx, vault = self.ctx, self.ctx.vault  # disabling re-keys the database: in the background

        def failed(error: FronteraError) -> None:
            show_error(self, error)
            self._load_users()

        self._disable_job = run_rekeying(
            self, lambda report: auth.disable_user(ctx.db, ctx.actor, vault, username, report),
            lambda _result: self._load_users(), failed,
        )  # fmt: skip

    # --- audit --------------------------------------------------------------------------------

    def _audit_tab(self) -> QWidget:
        tab = QWidget()
        box = QVBoxLayout(tab)
        filters = QHBoxLayout()
        self.audit_user = QComboBox()
        self.audit_user.setAccessibleName(self.tr("User"))
        self.audit_user.addItem(self.tr("All users"), None)
        self.audit_action = QComboBox()
        self.audit_action.setAccessibleName(self.tr("Action"))
        self.audit_action.addItem(self.tr("All actions"), "")
        self.audit_since = QDateEdit(QDate.currentDate().addMonths(-1), calendarPopup=True)
        self.audit_until = QDateEdit(QDate.currentDate(), calendarPopup=True)
        for edit, name in ((self.audit_since, self.tr("From")), (self.audit_until, self.tr("To"))):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setAccessibleName(name)
        self.verify_button = QPushButton(self.tr("&Verify the chain"))
        self.verify_result = QLabel()
        self.verify_result.setWordWrap(True)
        since, until = QLabel(self.tr("From")), QLabel(self.tr("to"))
        for widget in (self.audit_user, self.audit_action, since, self.audit_since, until,
                       self.audit_until):  # fmt: skip
            filters.addWidget(widget)
        filters.addStretch()
        filters.addWidget(self.verify_button)
        box.addLayout(filters)
        box.addWidget(self.verify_result)
        self.audit = audit_model(self.ctx, self)
        box.addWidget(make_table(self.audit, "auditTable"))
        for combo in (self.audit_user, self.audit_action):
            combo.currentIndexChanged.connect(self._filter_audit)
        for edit in (self.audit_since, self.audit_until):
            edit.dateChanged.connect(self._filter_audit)
        self.verify_button.clicked.connect(self.verify_chain)
        self.audit.filter = self._audit_filter()  # read by refresh(), not as the page is built
        return tab

    def _fill_audit_choices(self) -> None:
        """The users and actions to filter by, as they are now; the choice made is kept."""
        with self.ctx.db.read() as session:
            choices = (
                (self.audit_user, [(u.full_name, u.id) for u in auth.list_users(session)]),
                (
                    self.audit_action,
                    sorted((audit_labels.action(a), a) for a in audit.actions(session)),
                ),
            )
        for combo, items in choices:
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:  # the first item is "all"
                combo.removeItem(1)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.blockSignals(False)

    def _audit_filter(self) -> AuditFilter:
        return AuditFilter(
            user_id=self.audit_user.currentData(),
            action=self.audit_action.currentData() or "",
            since=labels.from_qdate(self.audit_since.date()),
            until=labels.from_qdate(self.audit_until.date()),
        )

    def _filter_audit(self) -> None:
        self.audit.set_filter(self._audit_filter())

    def verify_chain(self) -> None:
        """Every entry is read and hashed again, off the GUI thread (about 15 µs an entry: 45 s
        for the three million of an office after some years), with a progress dialog."""
        progress = progress_dialog(self.tr("Verifying the audit log…"), 100, self, 500)
        self.verify_button.setEnabled(False)

        def work(report: Any) -> audit.ChainCheck:
            with self.ctx.db.read() as session:
                return audit.verify(session, progress=report, app_paths=self.ctx.paths)

        def done(result: audit.ChainCheck) -> None:
            progress.close()
            self.verify_button.setEnabled(True)
            color = "#00695c" if result.ok else "#b00020"
            self.verify_result.setText(f"<b style='color:{color}'>{result.message}</b>")
            self.chain_verified.emit()

        def failed(error: BaseException) -> None:
            progress.close()
            self.verify_button.setEnabled(True)
            if not isinstance(error, FronteraError):
                raise error
            show_error(self, error)

        def report(checked: int, total: int) -> None:
            progress.setValue(100 * checked // max(total, 1))

        self._verify_job = run_in_background(work, done, failed, report)

    # --- office settings ----------------------------------------------------------------------

    def _settings_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        with self.ctx.db.read() as session:
            current = office.get_settings(session)
        self.notice = QPlainTextEdit(current.privacy_notice)
        self.notice.setAccessibleName(self.tr("Privacy notice"))
        self.notice.setTabChangesFocus(True)
        self.retention = QSpinBox(minimum=1, maximum=50, value=current.retention_years)
        self.retention.setSuffix(self.tr(" years"))
        self.idle = QSpinBox(minimum=1, maximum=240, value=current.idle_lock_minutes)
        self.idle.setSuffix(self.tr(" minutes"))
        self.current_settings = current
        self.address = QLineEdit(current.receipt_address)
        self.place = QLineEdit(current.receipt_place)
        self.government = QLineEdit(current.header_government)
        self.unit = QLineEdit(current.header_unit)
        self.signer = QLineEdit(current.certificate_signer)
        self.signer_title = QLineEdit(current.certificate_signer_title)
        for edit, name in (
            (self.address, self.tr("Office address")), (self.place, self.tr("Place of issue")),
            (self.government, self.tr("Government in the header")),
            (self.unit, self.tr("Unit in the header")),
            (self.signer, self.tr("Official who signs certificates")),
            (self.signer_title, self.tr("Job title of the official who signs certificates")),
        ):  # fmt: skip
            edit.setAccessibleName(name)
        self.legend = QPlainTextEdit(current.receipt_legend)
        self.privacy_legend = QPlainTextEdit(current.receipt_privacy_legend)
        for edit in (self.legend, self.privacy_legend):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(60)
        self.two_copies = QCheckBox(self.tr("Original and copy on one sheet"))
        self.two_copies.setChecked(current.receipt_two_copies)
        self.office_rfc = QLineEdit(current.office_rfc, maxLength=13)
        self.office_rfc.setToolTip(self.tr("The receiver RFC that providers' invoices must carry"))
        self.settings_error = QLabel()
        self.settings_error.setStyleSheet("color: #b00020; font-weight: bold;")
        save = QPushButton(self.tr("&Save settings"))
        form.addRow(self.tr("Privacy &notice"), self.notice)
        form.addRow(self.tr("Keep inactive people for"), self.retention)
        form.addRow(self.tr("Lock after idle"), self.idle)
        form.addRow(self.tr("Header: &government"), self.government)
        form.addRow(self.tr("Header: u&nit"), self.unit)
        form.addRow(self.tr("Office &address"), self.address)
        form.addRow(self.tr("&Place of issue"), self.place)
        form.addRow(self.tr("Certificates: si&gned by"), self.signer)
        form.addRow(self.tr("Certificates: signer's job title"), self.signer_title)
        form.addRow(self.tr("Receipts: program &legend"), self.legend)
        form.addRow(self.tr("Receipts: privacy legend"), self.privacy_legend)
        form.addRow("", self.two_copies)
        form.addRow(self.tr("Office &RFC (invoices)"), self.office_rfc)
        logo_row = QHBoxLayout()
        choose_logo = QPushButton(self.tr("Choose &logo…"))
        remove_logo = QPushButton(self.tr("Remove logo"))
        logo_row.addWidget(choose_logo)
        logo_row.addWidget(remove_logo)
        logo_row.addStretch()
        form.addRow(self.tr("Receipts: logo"), logo_row)
        choose_logo.clicked.connect(self.choose_logo)
        remove_logo.clicked.connect(lambda: self._set_logo(None))
        form.addRow(self.settings_error)
        form.addRow(save)
        save.clicked.connect(self.save_settings)
        return tab

    def save_settings(self) -> None:
        new = replace(
            self.current_settings,  # the settings this tab does not show stay as they are
            privacy_notice=self.notice.toPlainText(),
            retention_years=self.retention.value(),
            idle_lock_minutes=self.idle.value(),
            receipt_address=self.address.text(),
            receipt_place=self.place.text(),
            receipt_legend=self.legend.toPlainText(),
            receipt_privacy_legend=self.privacy_legend.toPlainText(),
            receipt_two_copies=self.two_copies.isChecked(),
            header_government=self.government.text(),
            header_unit=self.unit.text(),
            certificate_signer=self.signer.text(),
            certificate_signer_title=self.signer_title.text(),
            office_rfc=self.office_rfc.text(),
        )
        try:
            with self.ctx.db.write() as session:
                self.current_settings = office.update_settings(session, self.ctx.actor, new)
        except FronteraError as error:
            self._say(error.message, error=True)
            return
        self.idle_minutes_changed.emit(self.current_settings.idle_lock_minutes)
        self._say(self.tr("Saved."))

    def choose_logo(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Office logo"), str(Path.home()), self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if chosen:
            try:
                self._set_logo(Path(chosen).read_bytes())
            except OSError as error:
                self._say(str(error), error=True)

    def _set_logo(self, image: bytes | None) -> None:
        try:
            with self.ctx.db.write() as session:
                office.set_logo(session, self.ctx.actor, image)
        except FronteraError as error:
            self._say(error.message, error=True)
            return
        self._say(self.tr("Logo saved.") if image else self.tr("Logo removed."))

    def _say(self, text: str, error: bool = False) -> None:
        """The tab's message: an error in red and bold, a confirmation in plain green."""
        self.settings_error.setStyleSheet(
            "color: #b00020; font-weight: bold;" if error else "color: #1b5e20;"
        )
        self.settings_error.setText(text)

    # --- retention ----------------------------------------------------------------------------

    def _retention_tab(self) -> QWidget:
        tab = QWidget()
        box = QVBoxLayout(tab)
        self.retention_info = QLabel()
        self.retention_info.setWordWrap(True)
        self.inactive_model = listed_people_model(self.ctx.db, self)
        self.inactive = make_table(self.inactive_model, "inactiveTable")
        self.inactive.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        buttons = QHBoxLayout()
        self.find_inactive = QPushButton(self.tr("&List inactive people"))
        anonymize = QPushButton(self.tr("&Anonymize selected…"))
        buttons.addWidget(self.find_inactive)
        buttons.addWidget(anonymize)
        buttons.addStretch()
        box.addWidget(self.retention_info)
        box.addLayout(buttons)
        box.addWidget(self.inactive)
        self.find_inactive.clicked.connect(self.list_inactive)
        anonymize.clicked.connect(self.anonymize_selected)
        return tab

    def list_inactive(self) -> None:
        """Looked for off the GUI thread (every person is checked: up to 0.7 s on 200,000
        people); the list then reads the rows it shows."""
        with self.ctx.db.read() as session:
            years = office.get_settings(session).retention_years
        self.find_inactive.setEnabled(False)
        self.retention_info.setText(self.tr("Looking for inactive people…"))

        def find(_report: Any) -> list[int]:
            with self.ctx.db.read() as session:
                return privacy.inactive_ids(session, self.ctx.actor, years)

        def found(ids: list[int]) -> None:
            self.find_inactive.setEnabled(True)
            self.inactive_model.show_ids(ids)
            self.retention_info.setText(
                self.tr(
                    "%n person(s) with no change and no support in the last %1 years.", "", len(ids)
                ).replace("%1", str(years))
            )  # fmt: skip
            self.inactive_listed.emit()

        def failed(error: BaseException) -> None:
            self.find_inactive.setEnabled(True)
            self.retention_info.clear()
            if not isinstance(error, FronteraError):
                raise error
            show_error(self, error)

        self._inactive_job = run_in_background(find, found, failed)

    def anonymize_selected(self) -> None:
        rows = self.inactive.selectionModel().selectedRows()
        ids = sorted(self.inactive_model.id_at(index.row()) for index in rows)
        if not ids:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Anonymize"),
            self.tr("Names, documents, contact and notes of %n person(s) will be removed for good. "
                    "Reason:", "", len(ids)),
        )  # fmt: skip
        if not ok:
            return
        try:
            with self.ctx.db.write() as session:
                for person_id in ids:
                    privacy.anonymize_person(session, self.ctx.actor, person_id, reason)
        except FronteraError as error:
            show_error(self, error)
        self.list_inactive()

    # --- backups ------------------------------------------------------------------------------

    def _backups_tab(self) -> QWidget:
        tab = QWidget()
        box = QVBoxLayout(tab)
        info = QLabel(
            self.tr("Frontera Desk backs up on its own every day and when it closes, into %1. "
                    "Take a copy to a USB drive regularly.")
            .replace("%1", str(self.ctx.paths.backup_dir))
        )  # fmt: skip
        info.setWordWrap(True)
        self.backups = small_table(
            "backupsTable", [self.tr("Date"), self.tr("Kind"), self.tr("Size"), self.tr("File")]
        )
        buttons = QHBoxLayout()
        now = QPushButton(self.tr("Back up &now…"))
        verify = QPushButton(self.tr("&Verify a backup…"))
        restore = QPushButton(self.tr("&Restore a backup…"))
        restore.setVisible(self.ctx.actor.can(Action.RESTORE))
        for button in (now, verify, restore):
            buttons.addWidget(button)
        buttons.addStretch()
        self.backup_result = QLabel()
        self.backup_result.setWordWrap(True)
        box.addWidget(info)
        box.addLayout(buttons)
        box.addWidget(self.backup_result)
        box.addWidget(self.backups)
        now.clicked.connect(self.backup_now)
        verify.clicked.connect(self.verify_backup)
        restore.clicked.connect(self.restore_backup)
        return tab

    def _load_backups(self) -> None:
        found = backup.list_backups(self.ctx.paths.backup_dir)
        self.backups.setRowCount(len(found))
        for row, item in enumerate(found):
            kind = (
                self.tr("automatic")
                if item.path.name.startswith(backup.AUTO_PREFIX)
                else self.tr("manual")
            )
            size = f"{item.path.stat().st_size / 1_048_576:.1f} MB"
            when = item.created_at.astimezone().strftime("%d/%m/%Y %H:%M")
            for column, value in enumerate((when, kind, size, item.path.name)):
                self.backups.setItem(row, column, QTableWidgetItem(value))

    def backup_now(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the backup (for example a USB drive)"),
            str(self.ctx.paths.backup_dir),
        )  # fmt: skip
        if not folder:
            return
        progress = progress_dialog(self.tr("Backing up…"), 100, self)

        def done(made: backup.BackupInfo) -> None:
            progress.close()
            self.backup_result.setText(self.tr("Backup written: %1").replace("%1", str(made.path)))
            self._load_backups()

        def failed(error: BaseException) -> None:
            progress.close()
            if not isinstance(error, FronteraError | OSError):
                raise error
            self.backup_result.setText(str(error))

        self._job = run_in_background(
            lambda report: backup.create(self.ctx.paths, self.ctx.db, self.ctx.actor,
                                         Path(folder), progress=report),  # fmt: skip
            done, failed,
            lambda copied, total: progress.setValue(int(100 * copied / max(total, 1))),
        )  # fmt: skip

    def _choose_backup(self, title: str) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, title, str(self.ctx.paths.backup_dir),
            self.tr("Frontera Desk backups (*%1)").replace("%1", backup.SUFFIX),
        )  # fmt: skip
        return Path(chosen) if chosen else None

    def _key(self) -> tuple[bytes | None, bool]:
        vault = self.ctx.vault
        return (vault.db_key, vault.encrypted) if vault else (None, False)

    def verify_backup(self) -> None:
        path = self._choose_backup(self.tr("Verify a backup"))
        if path is None:
            return
        key, encrypted = self._key()
        try:
            manifest = backup.verify(self.ctx.db, self.ctx.actor, path, key, encrypted,
                                     work_dir=self.ctx.paths.data_dir)  # fmt: skip
        except FronteraError as error:
            self.backup_result.setText(f"<b style='color:#b00020'>{error.message}</b>")
            return
        text = self.tr("The backup is sound: office %1, made %2.")
        when = datetime.fromisoformat(manifest.created_at).astimezone().strftime("%d/%m/%Y %H:%M")
        self.backup_result.setText(text.replace("%1", manifest.office_code).replace("%2", when))

    def restore_backup(self) -> None:
        """The service checks everything (administrator of this office, the backup, another
        office's code typed); the window's database is closed only once the dialog restores."""
        from frontera_desk.gui.dialogs.account_dialogs import RestoreDialog

        def close_database() -> None:  # the engine opens again if the restore is refused
            QThreadPool.globalInstance().waitForDone()
            self.ctx.db.dispose()

        dialog = RestoreDialog(
            self.ctx.paths, self, username=self.ctx.actor.username, before=close_database
        )
        if not dialog.exec() or dialog.restored is None:
            return
        self.ctx.restored = True
        QMessageBox.information(
            self, self.tr("Restore a backup"),
            self.tr("The backup was restored. Frontera Desk will close now; open it again."),
        )  # fmt: skip
        QApplication.instance().quit()
