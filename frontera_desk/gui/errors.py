"""Unexpected errors: logged, and shown in a crash dialog with copyable details (HOUSE_STYLE §5)."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from frontera_desk import __version__
from frontera_desk.domain.errors import FronteraError

logger = logging.getLogger(__name__)


def show_error(parent: QWidget | None, error: FronteraError) -> None:
    """An expected failure: a plain message in Spanish."""
    QMessageBox.warning(parent, QApplication.translate("Errors", "Frontera Desk"), error.message)


def crash_dialog(details: str, log_file: Path, parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("Errors", "Unexpected error"))
    box.setText(
        QApplication.translate(
            "Errors",
            "Frontera Desk found an unexpected error. What was saved before is safe. "
            "Please send the details below and the log file to whoever supports this office.",
        )
    )
    box.setInformativeText(
        QApplication.translate("Errors", "Log file: %1").replace("%1", str(log_file))
    )
    box.setDetailedText(details)  # selectable and copyable
    copy = box.addButton(
        QApplication.translate("Errors", "&Copy details"), QMessageBox.ButtonRole.ActionRole
    )
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.addButton(QMessageBox.StandardButton.Close)
    return box


def install_excepthook(log_file: Path) -> None:
    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if isinstance(error, FronteraError):
            show_error(QApplication.activeWindow(), error)
            return
        logger.error("unexpected error", exc_info=(kind, error, tb))
        details = f"Frontera Desk {__version__}\n" + "".join(
            traceback.format_exception(kind, error, tb)
        )
        crash_dialog(details, log_file, QApplication.activeWindow()).exec()

    sys.excepthook = hook
