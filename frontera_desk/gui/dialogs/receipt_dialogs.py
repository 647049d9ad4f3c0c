"""Receipt preview (QtPdf) with print and save, the receipts search, and code verification."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
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


class ReceiptSearchDialog(Dialog):
    """Receipts by folio, beneficiary or day; view, reprint, or print a day's batch."""

    listed = Signal()  # the receipts of the latest search are shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_ReceiptSearchDialog()
        ui.setupUi(self)
        self.ctx = ctx
        self.rows: list[receipts.ReceiptRow] = []
        self._job: object = None  # the search running, kept alive
        self._asked = 0  # searches started: only the latest one's answer is shown
        self._timer = QTimer(self, singleShot=True, interval=ctx.settings.search_delay_ms)
        self._timer.timeout.connect(self.refresh)
        ui.day.setDate(QDate.currentDate())
        ui.table.horizontalHeader().setStretchLastSection(True)
        ui.table.verticalHeader().hide()
        for column, width in enumerate((150, 90, 260, 110)):
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
        ui.buttons.rejected.connect(self.reject)
        self.refresh()

    def refresh(self) -> None:
        """Looked for off the GUI thread (up to 0.3 s for a common name on a large office)."""
        day = labels.from_qdate(self.ui.day.date()) if self.ui.onlyDay.isChecked() else None
        text = self.ui.search.text()
        self._asked += 1
        asked = self._asked

        def find(_report: object) -> list[receipts.ReceiptRow]:
            with self.ctx.db.read() as session:
                return receipts.find(session, text, day)

        def found(rows: list[receipts.ReceiptRow]) -> None:
            if asked == self._asked:  # not overtaken by a newer search
                self._show(rows)

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
