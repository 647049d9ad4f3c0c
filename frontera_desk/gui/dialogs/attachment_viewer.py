"""An attachment shown in the app from memory: PDFs through QtPdf, images scaled to the window,
XML as text. Nothing is written to disk unless the user saves a copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from frontera_desk.domain.errors import FronteraError
from frontera_desk.gui import windows
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.base import Dialog
from frontera_desk.services import attachments


class _ScaledImage(QScrollArea):
    """An image that fits the window's width (a phone photo is 4000 pixels wide)."""

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QPixmap.fromImage(image)
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = max(100, self.width() - self.verticalScrollBar().sizeHint().width() - 8)
        self.label.setPixmap(
            self.image.scaledToWidth(
                min(width, self.image.width()), Qt.TransformationMode.SmoothTransformation
            )
        )


class AttachmentViewer(Dialog):
    def __init__(
        self, info: attachments.AttachmentInfo, data: bytes, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AttachmentViewer")
        self.setWindowTitle(info.original_name)
        self.info, self.data = info, data
        self.view: QWidget
        if info.media_type == attachments.PDF:
            self.document = QPdfDocument(self)
            self.buffer = QBuffer(self)
            self.buffer.setData(QByteArray(data))
            self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.document.load(self.buffer)
            pdf = QPdfView(self)
            pdf.setDocument(self.document)
            pdf.setPageMode(QPdfView.PageMode.MultiPage)
            pdf.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.view = pdf
        elif info.media_type in (attachments.JPEG, attachments.PNG):
            image = QImage.fromData(data)
            if image.isNull():
                self.view = QLabel(self.tr("The image cannot be shown (damaged file)."))
            else:
                self.view = _ScaledImage(image, self)
        else:
            text = QPlainTextEdit(self)
            text.setReadOnly(True)
            text.setPlainText(data.decode("utf-8", errors="replace"))
            self.view = text
        self.view.setAccessibleName(self.tr("Attachment"))
        self.save_button = QPushButton(self.tr("&Save a copy…"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.clicked.connect(self.save_copy)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.resize(820, 900)
        windows.restore_geometry(self)

    def save_copy(self) -> None:
        """A readable copy where the user chooses (to send it, say): their decision."""
        suggested = str(Path.home() / self.info.original_name)
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), suggested)
        if not target:
            return
        try:
            Path(target).write_bytes(self.data)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Save a copy"), str(error))

    def done(self, result: int) -> None:
        windows.save_geometry(self)
        if hasattr(self, "document"):
            self.document.close()
        super().done(result)


def open_attachment(ctx: AppContext, attachment_id: int, parent: QWidget | None) -> None:
    """Decrypt and check the file (refused with the service's message if altered) and show
    it."""
    try:
        with ctx.db.write() as session:  # opening a person's file is audited
            info = attachments.get_attachment(session, attachment_id)
            data = attachments.open_attachment(session, ctx.actor, attachment_id)
    except FronteraError as error:
        QMessageBox.warning(parent, "Frontera Desk", error.message)
        return
    AttachmentViewer(info, data, parent).exec()
