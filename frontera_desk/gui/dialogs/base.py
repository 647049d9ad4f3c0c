"""Base for dialogs whose OK button calls a service: errors are shown, nothing is lost."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from frontera_desk.domain.errors import FronteraError, ValidationError
from frontera_desk.gui import windows

if TYPE_CHECKING:  # the sign-in dialog is up before the data layer is loaded (startup.py)
    from frontera_desk.gui.context import AppContext


class Dialog(QDialog):
    """A dialog run once with ``exec()``, then deleted: Qt keeps a dialog with a parent for as
    long as the parent lives, so every person's file opened from Personas stayed in memory
    (1-2 MB each, for the whole session)."""

    def exec(self) -> int:
        try:
            return super().exec()
        finally:
            self.deleteLater()  # after the caller has read what it needs from it


class FormDialog(Dialog):
    """Subclasses set ``self.error_label`` and ``self.fields`` and implement ``save()``.

    ``save()`` raises FronteraError for anything the user must fix; the dialog then stays open
    with everything typed, shows the message and puts the cursor on the offending field.
    """

    error_label: QLabel
    fields: dict[str, QWidget]
    ask_before_discarding = True  # Escape or Cancel on a form with typed data asks first

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = {}
        self._opened_with: list[Any] | None = None

    def showEvent(self, event: Any) -> None:
        if not getattr(self, "_restored", False):
            self._restored = True
            windows.restore_geometry(self)
            self._opened_with = self.typed()
        super().showEvent(event)

    def typed(self) -> list[Any]:
        """What the user can have typed or chosen in the form, to tell whether it changed."""
        values: list[Any] = []
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QLineEdit) and not widget.isReadOnly():
                values.append(widget.text())  # date and number fields too (their line edit)
            elif isinstance(widget, (QPlainTextEdit, QTextEdit)) and not widget.isReadOnly():
                values.append(widget.toPlainText())
            elif isinstance(widget, QComboBox):
                values.append(widget.currentIndex())
            elif isinstance(widget, QAbstractButton) and widget.isCheckable():
                values.append(widget.isChecked())
            elif isinstance(widget, QTableWidget):
                values.append([widget.item(r, c).text() if widget.item(r, c) else ""
                               for r in range(widget.rowCount())
                               for c in range(widget.columnCount())])  # fmt: skip
        return values

    def reject(self) -> None:
        changed = self._opened_with is not None and self.typed() != self._opened_with
        if changed and self.ask_before_discarding and not self._discard_confirmed():
            return
        super().reject()

    def _discard_confirmed(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question, self.windowTitle(),
            self.tr("Discard what you typed in this form?"), parent=self,
        )  # fmt: skip
        discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is discard

    def done(self, result: int) -> None:
        windows.save_geometry(self)
        super().done(result)

    def save(self) -> bool:
        """Do the work; return False to stay open without an error (e.g. the user went back)."""
        raise FronteraError(self.tr("Nothing to save."))

    def show_error(self, error: FronteraError) -> None:
        self.error_label.setText(error.message)
        widget = self.fields.get(error.field) if isinstance(error, ValidationError) else None
        if widget is not None:
            for tabs in self.findChildren(QTabWidget):  # a field on a hidden tab: show its tab
                for index in range(tabs.count()):
                    if tabs.widget(index).isAncestorOf(widget):
                        tabs.setCurrentIndex(index)
            widget.setFocus()

    def accept(self) -> None:
        self.error_label.clear()
        try:
            done = self.save()
        except FronteraError as error:
            self.show_error(error)
            return
        if done:
            super().accept()


def editing(current: Any) -> tuple[int | None, int | None]:
    """The record a form edits and the version it was opened on (None, None for a new one):
    the service refuses the save if another desk saved the record since."""
    return (current.id, current.version) if current is not None else (None, None)


class ServiceDialog(FormDialog):
    """A form dialog of a signed-in session: it has the application context."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
