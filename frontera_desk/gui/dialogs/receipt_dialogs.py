"""Receipt preview (QtPdf) with print and save, the receipts search, and code verification."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QPoint, QRect, QSize, Qt
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
    QProgressDialog,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontera_desk.domain.errors import FronteraError
from frontera_desk.gui import labels, windows
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.generated.ui_receipt_search_dialog import Ui_ReceiptSearchDialog
from frontera_desk.gui.generated.ui_verify_receipt_dialog import Ui_VerifyReceiptDialog
from frontera_desk.gui.workers import run_in_background
from frontera_desk.services import receipts


def render_pdf(ctx: AppContext, folios: list[str], target: Path, progress=None) -> Path:  # type: ignore[no-untyped-def]
    """The receipts as they would print now (original, or reprint number N)."""
    from frontera_desk.reports.receipt import write_receipts  # reportlab: loaded when needed

    def data():  # type: ignore[no-untyped-def]
        with ctx.db.read() as session:
            for folio in folios:
                yield receipts.receipt_data(session, folio)

    write_receipts(data(), target, progress, len(folios))
    return target


class ReceiptPreview(QDialog):
    """Shows the receipts; printing or saving them records a print (later ones are reprints)."""

    def __init__(
        self, ctx: AppContext, folios: list[str], parent: QWidget | None = None,
        render: bool = True,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("ReceiptPreview")
        self.ctx = ctx
        self.folios = folios
        self._tmp = Path(tempfile.mkdtemp(prefix="frontera-recibos-"))  # removed in done()
        self.pdf = self._tmp / "recibos.pdf"
        title = folios[0] if len(folios) == 1 else self.tr("%n receipt(s)", "", len(folios))
        self.setWindowTitle(self.tr("Receipt %1").replace("%1", title))
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Receipt preview"))
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
        self.print_button.clicked.connect(self.print_receipts)
        self.save_button.clicked.connect(self.save_pdf)
        close.rejected.connect(self.reject)
        self.resize(820, 900)
        windows.restore_geometry(self)
        if render:
            self.reload()

    def reload(self) -> None:
        self.document.close()
        render_pdf(self.ctx, self.folios, self.pdf)
        self.document.load(str(self.pdf))

    def _printed(self) -> None:
        """Record the print of each receipt, then show what the next print would be."""
        with self.ctx.db.write() as session:
            for folio in self.folios:
                receipts.record_print(session, self.ctx.actor, folio)
        self.reload()

    def print_receipts(self) -> None:
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
        self._printed()

    def save_pdf(self) -> None:
        suggested = str(
            Path.home() / (self.folios[0] + ".pdf" if len(self.folios) == 1 else "recibos.pdf")
        )
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), suggested, "PDF (*.pdf)")
        if not target:
            return
        try:
            shutil.copyfile(self.pdf, target)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Save PDF"), str(error))
            return
        self._printed()

    def done(self, result: int) -> None:
        windows.save_geometry(self)
        self.document.close()
        shutil.rmtree(self._tmp, ignore_errors=True)
        super().done(result)


def open_receipts(ctx: AppContext, folios: list[str], parent: QWidget | None = None) -> None:
    """Preview receipts; a batch is rendered off the GUI thread with a progress dialog."""
    if len(folios) <= 1:
        if folios:
            ReceiptPreview(ctx, folios, parent).exec()
        return
    preview = ReceiptPreview(ctx, folios, parent, render=False)
    text = QCoreApplication.translate("ReceiptPreview", "Preparing receipts…")
    progress = QProgressDialog(text, "", 0, len(folios), parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)

    def done(path: Path) -> None:
        progress.close()
        preview.document.load(str(path))
        preview.exec()

    def failed(error: BaseException) -> None:
        progress.close()
        if not isinstance(error, FronteraError | OSError):
            raise error
        QMessageBox.warning(parent, "Frontera Desk", str(error))

    preview.job = run_in_background(  # type: ignore[attr-defined]
        lambda report: render_pdf(ctx, folios, preview.pdf, report),
        done, failed, lambda n, _total: progress.setValue(n),
    )  # fmt: skip
    progress.exec()


class VerifyReceiptDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_VerifyReceiptDialog()
        self.ui.setupUi(self)
        self.ctx = ctx
        self.ui.code.returnPressed.connect(self.check)
        self.ui.buttons.rejected.connect(self.reject)

    def check(self) -> None:
        with self.ctx.db.write() as session:  # the office's code key is created on first use
            result = receipts.verify_code(session, self.ui.code.text())
        color = "#00695c" if result.matches and "CANCELADO" not in result.message else "#b00020"
        self.ui.result.setText(f"<b style='color:{color}'>{result.message}</b>")
        self.ui.code.selectAll()


class ReceiptSearchDialog(QDialog):
    """Receipts by folio, beneficiary or day; view, reprint, or print a day's batch."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_ReceiptSearchDialog()
        ui.setupUi(self)
        self.ctx = ctx
        self.rows: list[receipts.ReceiptRow] = []
        ui.day.setDate(QDate.currentDate())
        ui.table.horizontalHeader().setStretchLastSection(True)
        ui.table.verticalHeader().hide()
        for column, width in enumerate((150, 90, 260, 110)):
            ui.table.setColumnWidth(column, width)
        ui.search.textChanged.connect(self.refresh)
        ui.onlyDay.toggled.connect(self.refresh)
        ui.day.dateChanged.connect(self.refresh)
        ui.table.doubleClicked.connect(lambda _index: self.open_selected())
        ui.open.clicked.connect(self.open_selected)
        ui.printAll.clicked.connect(
            lambda: open_receipts(ctx, [r.folio for r in self.rows if not r.voided], self)
        )
        ui.verify.clicked.connect(lambda: VerifyReceiptDialog(ctx, self).exec())
        ui.buttons.rejected.connect(self.reject)
        self.refresh()

    def refresh(self) -> None:
        day = labels.from_qdate(self.ui.day.date()) if self.ui.onlyDay.isChecked() else None
        with self.ctx.db.read() as session:
            self.rows = receipts.find(session, self.ui.search.text(), day)
        table = self.ui.table
        table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            state = self.tr("Cancelled") if row.voided else self.tr("Valid")
            values = (row.folio, labels.day(row.issued_on), row.beneficiary,
                      labels.money(row.amount_centavos), state)  # fmt: skip
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(index, column, item)
        self.ui.count.setText(self.tr("%n receipt(s)", "", len(self.rows)))

    def open_selected(self) -> None:
        rows = sorted({i.row() for i in self.ui.table.selectedIndexes()})
        open_receipts(self.ctx, [self.rows[r].folio for r in rows], self)
        self.refresh()
