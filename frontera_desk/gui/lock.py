"""Idle lock: after some minutes untouched, personal data is hidden until the password is typed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.base import Dialog
from frontera_desk.services import auth

_ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
}  # fmt: skip


class IdleWatcher(QObject):
    """Emits ``went_idle`` when no key or mouse event reached the application for a while."""

    went_idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True, interval=minutes * 60_000)
        self.timer.timeout.connect(self.went_idle)
        self.timer.start()

    def set_minutes(self, minutes: int) -> None:
        """A new idle time, from now on (Administración › Oficina)."""
        self.timer.setInterval(minutes * 60_000)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.timer.start()
        return False


class LockScreen(Dialog):
    """The password prompt of a locked session: application-modal, above any open dialog."""

    unlocked = Signal()
    MAX_TRIES = 5

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LockScreen")
        self.setWindowTitle(self.tr("Session locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.resize(520, 260)
        self.ctx = ctx
        self.tries = 0
        layout = QVBoxLayout(self)
        layout.addStretch()
        title = QLabel(self.tr("Session locked"))
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        text = QLabel(
            self.tr(
                "Frontera Desk was locked to protect the data. %1, type your password."
            ).replace("%1", ctx.actor.full_name)
        )
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setMaximumWidth(320)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.button = QPushButton(self.tr("&Unlock"))
        # Another person at a shared laptop: this session ends (its unsaved forms with it) and
        # the sign-in asks who is there (issue 24, item 3)
        self.switch_button = QPushButton(self.tr("&Switch user…"))
        self.switched = False
        for widget in (title, text, self.password, self.button, self.error, self.switch_button):
            layout.addWidget(widget, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch()
        self.button.setDefault(True)  # Return presses it: one wrong password is one try
        self.button.clicked.connect(self.try_unlock)
        self.switch_button.setAutoDefault(False)
        self.switch_button.clicked.connect(self.switch_user)

    def switch_user(self) -> None:
        self.switched = True
        super().reject()

    def reject(self) -> None:
        """Escape or closing the window does not unlock: only the password does, and too many
        wrong ones end the session."""
        if self.tries >= self.MAX_TRIES:
            super().reject()

    def try_unlock(self) -> None:
        vault = self.ctx.vault
        if vault is not None and auth.verify_password(
            vault, self.ctx.actor.username, self.password.text()
        ):
            self.password.clear()
            self.error.clear()
            self.tries = 0
            self.unlocked.emit()
            self.accept()
            return
        self.password.clear()
        self.tries += 1
        with self.ctx.db.write() as session:  # the auditor sees wrong passwords here too
            auth.record_locked_failure(session, self.ctx.actor, self.tries)
        if self.tries >= self.MAX_TRIES:
            self.reject()  # five wrong passwords: the session ends
            return
        self.error.setText(self.tr("Wrong password."))
