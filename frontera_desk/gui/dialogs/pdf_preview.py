"""A PDF shown in the app (QtPdf), with Print through the system dialog and Save PDF."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontera_desk.gui import windows
from frontera_desk.gui.dialogs.base import Dialog


class PdfPreview(Dialog):
    """A PDF shown in the app (QtPdf) with Print (system dialog) and Save PDF.

    ``render(path)`` writes the PDF; ``on_output()`` runs after each print or save.
    """

    def __init__(
        self, title: str, render: Callable[[Path], object],
        on_output: Callable[[], None] | None = None, parent: QWidget | None = None,
        suggested_name: str = "documento.pdf", rendered: bool = True,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("PdfPreview")
        self.setWindowTitle(title)
        self.render_to = render
        self.on_output = on_output
        self.suggested_name = suggested_name
        self._tmp = Path(tempfile.mkdtemp(prefix="frontera-pdf-"))  # removed in done()
        self.pdf = self._tmp / suggested_name
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Preview"))
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.save_button = QPushButton(self.tr("&Save PDF…"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.print_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_pdf)
        self.save_button.clicked.connect(self.save_pdf)
        close.rejected.connect(self.reject)
        self.resize(820, 900)
        windows.restore_geometry(self)
        if rendered:
            self.reload()

    def reload(self) -> None:
        self.document.close()
        self.render_to(self.pdf)
        self.document.load(str(self.pdf))

    def _output_done(self) -> None:
        if self.on_output is not None:
            self.on_output()
            self.reload()  # show what the next print would be (a reprint, say)

    def print_pdf(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter(printer)
        try:
            area = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                image = self.document.render(page, QSize(area.width(), area.height()))
                painter.drawImage(QRect(QPoint(0, 0), area.size()), image)
        finally:
            painter.end()
        self._output_done()

    def save_pdf(self) -> None:
        suggested = str(Path.home() / self.suggested_name)
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), suggested, "PDF (*.pdf)")
        if not target:
            return
        try:
            shutil.copyfile(self.pdf, target)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Save PDF"), str(error))
            return
        self._output_done()

    def done(self, result: int) -> None:
        windows.save_geometry(self)
        self.document.close()
        shutil.rmtree(self._tmp, ignore_errors=True)
        super().done(result)
