"""Receipt preview (QtPdf) with print and save, the receipts search, and code verification."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFontMetrics
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from frontera_desk.domain.errors import FronteraError
from frontera_desk.gui import labels
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.base import Dialog
from frontera_desk.gui.dialogs.pdf_preview import PdfPreview
from frontera_desk.gui.errors import show_error
from frontera_desk.gui.generated.ui_receipt_search_dialog import Ui_ReceiptSearchDialog
from frontera_desk.gui.generated.ui_verify_receipt_dialog import Ui_VerifyReceiptDialog
from frontera_desk.gui.widgets import progress_dialog
from frontera_desk.gui.workers import run_in_background
from frontera_desk.services import receipt_scans, receipts


def render_pdf(ctx: AppContext, folios: list[str], target: Path, progress=None) -> Path:  # type: ignore[no-untyped-def]
    """The receipts as they would print now (original, or reprint number N)."""
    from frontera_desk.reports.receipt import write_receipts  # reportlab: loaded when needed

    def data():  # type: ignore[no-untyped-def]
        with ctx.db.read() as session:
            for folio in folios:
                yield receipts.receipt_data(session, folio)

    write_receipts(data(), target, progress, len(folios))
    return target


class ReceiptPreview(PdfPreview):
    """Receipts as they would print now; printing or saving records a print (the next ones
    are reprints)."""

    def __init__(
        self, ctx: AppContext, folios: list[str], parent: QWidget | None = None,
        render: bool = True,
    ) -> None:  # fmt: skip
        self.ctx, self.folios = ctx, folios
        one = len(folios) == 1
        super().__init__(
            "", lambda path: render_pdf(ctx, folios, path), self._record, parent,
            f"{folios[0]}.pdf" if one else "recibos.pdf", render,
        )  # fmt: skip
        title = folios[0] if one else self.tr("%n receipt(s)", "", len(folios))
        self.setWindowTitle(self.tr("Receipt %1").replace("%1", title))

    def _record(self) -> None:
        with self.ctx.db.write() as session:
            for folio in self.folios:
                receipts.record_print(session, self.ctx.actor, folio)


def open_receipts(ctx: AppContext, folios: list[str], parent: QWidget | None = None) -> None:
    """Preview receipts; a batch is rendered off the GUI thread with a progress dialog."""
    if len(folios) <= 1:
        if folios:
            ReceiptPreview(ctx, folios, parent).exec()
        return
    preview = ReceiptPreview(ctx, folios, parent, render=False)
    text = QCoreApplication.translate("ReceiptPreview", "Preparing receipts…")
    progress = progress_dialog(text, len(folios), parent)

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


class VerifyReceiptDialog(Dialog):
    """Checks codes one after another: each verdict stays on screen until the next code (typed,
    scanned or read from an image) replaces it; only Close closes the dialog."""

    _VERDICTS = {
        "valid": (QT_TRANSLATE_NOOP("VerifyReceiptDialog", "VALID"), "#00695c"),
        "voided": (QT_TRANSLATE_NOOP("VerifyReceiptDialog", "VOIDED"), "#b00020"),
        "altered": (QT_TRANSLATE_NOOP("VerifyReceiptDialog", "ALTERED"), "#b00020"),
        "unknown": (QT_TRANSLATE_NOOP("VerifyReceiptDialog", "UNKNOWN"), "#8a5a00"),
    }

    image_read = Signal()  # the verdict of an image is shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_VerifyReceiptDialog()
        self.ui.setupUi(self)
        self.ctx = ctx
        self._job: object = None  # the image being read, kept alive
        # Enter (a scanner ends each code with it) checks the code and nothing else: no button
        # is a default one (Close was, and Enter closed the dialog before its verdict was seen).
        for button in self.ui.buttons.buttons():
            button.setAutoDefault(False)
            button.setDefault(False)
        self.ui.code.returnPressed.connect(self.check)
        self.ui.check.clicked.connect(self.check)
        big = self.ui.verdict.font()
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.ui.verdict.setFont(big)
        self.ui.verdict.setMinimumHeight(QFontMetrics(big).height() + 4)
        self.ui.fromImage.clicked.connect(self.choose_image)
        self.ui.buttons.rejected.connect(self.reject)
        self.setAcceptDrops(True)

    def check(self) -> None:
        with self.ctx.db.write() as session:  # the office's code key is created on first use
            result = receipts.verify_code(session, self.ui.code.text())
        self.show_verdict(result)

    def show_verdict(self, result: receipts.Verification) -> None:
        word, color = self._VERDICTS.get(result.verdict, self._VERDICTS["unknown"])
        text = QCoreApplication.translate("VerifyReceiptDialog", word)
        self.ui.verdict.setStyleSheet(f"color: {color};")
        self.ui.verdict.setText(text)
        self.ui.result.setText(result.message)
        self.ui.code.setFocus()
        self.ui.code.selectAll()  # the next scan replaces the code

    def choose_image(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Photo or scan of the receipt"), str(Path.home()),
            self.tr("Images (*.png *.jpg *.jpeg)"),
        )  # fmt: skip
        if chosen:
            self.read_image(Path(chosen))

    def read_image(self, path: Path) -> None:
        """Decode the QR code off the GUI thread (a phone photo takes a moment), then check it."""
        self.ui.verdict.clear()
        self.ui.result.setText(self.tr("Reading the code in %1…").replace("%1", path.name))

        def work(_report: object) -> receipt_scans.ImageVerification:
            try:
                data = path.read_bytes()
            except OSError:
                raise FronteraError(f"No se pudo leer el archivo «{path.name}».") from None
            with self.ctx.db.write() as session:
                return receipt_scans.verify_image(session, data)

        def done(found: receipt_scans.ImageVerification) -> None:
            self.ui.code.setText(found.code)
            self.show_verdict(found.verification)
            self.image_read.emit()

        def failed(error: BaseException) -> None:
            if not isinstance(error, FronteraError):
                raise error
            self.show_verdict(receipts.Verification(False, error.message))
            self.image_read.emit()

        self._job = run_in_background(work, done, failed)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.read_image(Path(urls[0].toLocalFile()))


class ReceiptSearchDialog(Dialog):
    """Receipts by folio, beneficiary or day; view, reprint, or print a day's batch."""

    listed = Signal()  # the receipts of the latest search are shown
    signed_copy_attached = Signal()  # an attach finished (its outcome is in the notice)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_ReceiptSearchDialog()
        ui.setupUi(self)
        self.ctx = ctx
        self.rows: list[receipts.ReceiptRow] = []
        self.signed: set[str] = set()  # the folios shown whose signed copy is attached
        self._job: object = None  # the search running, kept alive
        self._attach_job: object = None
        self._asked = 0  # searches started: only the latest one's answer is shown
        self._timer = QTimer(self, singleShot=True, interval=ctx.settings.search_delay_ms)
        self._timer.timeout.connect(self.refresh)
        ui.day.setDate(QDate.currentDate())
        ui.table.horizontalHeader().setStretchLastSection(True)
        ui.table.verticalHeader().hide()
        for column, width in enumerate((150, 90, 240, 110, 90)):
            ui.table.setColumnWidth(column, width)
        ui.search.textChanged.connect(lambda _text: self._timer.start())  # typing: wait a pause
        ui.onlyDay.toggled.connect(self.refresh)
        ui.day.dateChanged.connect(self.refresh)
        ui.table.doubleClicked.connect(lambda _index: self.open_selected())
        ui.open.clicked.connect(self.open_selected)
        ui.printAll.clicked.connect(
            lambda: open_receipts(ctx, [r.folio for r in self.rows if not r.voided], self)
        )
        ui.verify.clicked.connect(lambda: VerifyReceiptDialog(ctx, self).exec())
        ui.attachSigned.clicked.connect(self.choose_signed_copy)
        ui.buttons.rejected.connect(self.reject)
        self.refresh()

    def refresh(self) -> None:
        """Looked for off the GUI thread (up to 0.3 s for a common name on a large office)."""
        day = labels.from_qdate(self.ui.day.date()) if self.ui.onlyDay.isChecked() else None
        text = self.ui.search.text()
        self._asked += 1
        asked = self._asked

        def find(_report: object) -> tuple[list[receipts.ReceiptRow], set[str]]:
            with self.ctx.db.read() as session:
                rows = receipts.find(session, text, day)
                return rows, receipt_scans.signed_folios(session, [r.folio for r in rows])

        def found(result: tuple[list[receipts.ReceiptRow], set[str]]) -> None:
            if asked == self._asked:  # not overtaken by a newer search
                self.signed = result[1]
                self._show(result[0])

        def failed(error: BaseException) -> None:
            if not isinstance(error, FronteraError):
                raise error
            show_error(self, error)

        self._job = run_in_background(find, found, failed)

    def _show(self, rows: list[receipts.ReceiptRow]) -> None:
        self.rows = rows
        table = self.ui.table
        table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            state = (self.tr("Cancelled: %1").replace("%1", row.void_note) if row.voided
                     else self.tr("Valid"))  # fmt: skip
            signed = (
                self.tr("Attached")
                if row.folio in self.signed
                else ("" if row.voided else self.tr("Missing"))
            )
            values = (row.folio, labels.day(row.issued_on), row.beneficiary,
                      labels.money(row.amount_centavos), state, signed)  # fmt: skip
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(index, column, item)
        count = self.tr("%n receipt(s)", "", len(rows))
        if len(rows) == receipts.FIND_LIMIT:  # there may be more: say which ones these are
            count = self.tr("The newest %n receipts: narrow the search to see others", "",
                            len(rows))  # fmt: skip
        self.ui.count.setText(count)
        self.listed.emit()

    def open_selected(self) -> None:
        rows = sorted({i.row() for i in self.ui.table.selectedIndexes()})
        open_receipts(self.ctx, [self.rows[r].folio for r in rows], self)
        self.refresh()

    def choose_signed_copy(self) -> None:
        rows = sorted({i.row() for i in self.ui.table.selectedIndexes()})
        if len(rows) != 1:
            self.ui.notice.setText(self.tr("Select the one receipt whose signed copy you attach."))
            return
        folio = self.rows[rows[0]].folio
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Signed copy of %1").replace("%1", folio), str(Path.home()),
            self.tr("Scans and photos (*.jpg *.jpeg *.png *.pdf)"),
        )  # fmt: skip
        if chosen:
            self.attach_signed_copy(folio, Path(chosen))

    def attach_signed_copy(self, folio: str, path: Path) -> None:
        """Kept encrypted with the receipt, its QR code checked when the image shows it; off the
        GUI thread (a phone photo takes a moment to read)."""
        self.ui.notice.setText(self.tr("Attaching %1…").replace("%1", path.name))

        def work(_report: object) -> receipt_scans.SignedCopy:
            try:
                data = path.read_bytes()
            except OSError:
                raise FronteraError(f"No se pudo leer el archivo «{path.name}».") from None
            with self.ctx.db.write() as session:
                return receipt_scans.attach_signed_copy(
                    session, self.ctx.actor, folio, path.name, data
                )

        def done(kept: receipt_scans.SignedCopy) -> None:
            text = (
                self.tr("Signed copy of %1 attached; its QR code matches the receipt.")
                if kept.code_checked
                else self.tr("Signed copy of %1 attached (its QR code could not be read).")
            )
            self.ui.notice.setText(text.replace("%1", kept.folio))
            self.refresh()
            self.signed_copy_attached.emit()

        def failed(error: BaseException) -> None:
            if not isinstance(error, FronteraError):
                raise error
            self.ui.notice.setText(error.message)
            self.signed_copy_attached.emit()

        self._attach_job = run_in_background(work, done, failed)
