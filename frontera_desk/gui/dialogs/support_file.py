"""A support's evidence file (expediente de comprobación): the checklist of its type's required
documents and the files of the support and of the person. Files are attached by the file
dialog or dropped on the window, and opened in the app."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from frontera_desk.domain.enums import SupportStatus
from frontera_desk.domain.errors import FronteraError
from frontera_desk.gui import labels, windows
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.attachment_viewer import open_attachment
from frontera_desk.gui.dialogs.base import Dialog
from frontera_desk.gui.dialogs.invoice_panel import InvoicePanel
from frontera_desk.services import attachments, evidence
from frontera_desk.services.permissions import Action

_CODE_ROLE = Qt.ItemDataRole.UserRole
_FILTER = "PDF, JPEG, PNG, XML (*.pdf *.jpg *.jpeg *.png *.xml);;*"


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


class SupportFileWidget(QWidget):
    """The checklist above, the files below; every change goes through the services."""

    changed = Signal()

    def __init__(self, ctx: AppContext, support_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SupportFileWidget")
        self.ctx, self.support_id = ctx, support_id
        self.folder: evidence.SupportFile | None = None
        self.setAcceptDrops(True)
        self.can_edit = ctx.actor.can(Action.REQUEST_SUPPORT)

        self.header = QLabel()
        self.header.setWordWrap(True)
        self.checklist = QTableWidget(0, 5)
        self.checklist.setObjectName("checklist")
        self.checklist.setAccessibleName(self.tr("Required documents"))
        self.checklist.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Received by"), self.tr("On"), self.tr("Note"),
             self.tr("Files")]
        )  # fmt: skip
        self.checklist.verticalHeader().hide()
        self.checklist.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.checklist.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.checklist.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.checklist.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.checklist.itemChanged.connect(self._checked)
        self.checklist.currentCellChanged.connect(lambda row, *_: self._follow_checklist(row))

        checks = QHBoxLayout()
        self.note_button = QPushButton(self.tr("&Note…"))
        self.all_button = QPushButton(self.tr("Mark &all received"))
        for button in (self.note_button, self.all_button):
            button.setEnabled(self.can_edit)
            checks.addWidget(button)
        checks.addStretch()
        self.note_button.clicked.connect(self.edit_note)
        self.all_button.clicked.connect(self.receive_all)

        self.files = QTableWidget(0, 5)
        self.files.setObjectName("files")
        self.files.setAccessibleName(self.tr("Attached files"))
        self.files.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Document"), self.tr("Kept with"), self.tr("Size"),
             self.tr("Attached")]
        )  # fmt: skip
        self.files.verticalHeader().hide()
        self.files.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.files.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.files.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.files.cellDoubleClicked.connect(lambda *_: self.open_selected())

        actions = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.setAccessibleName(self.tr("Document the file is"))
        self.attach_button = QPushButton(self.tr("A&ttach…"))
        self.attach_button.setToolTip(self.tr("Or drop the files on this window"))
        self.open_button = QPushButton(self.tr("&Open"))
        self.remove_button = QPushButton(self.tr("&Remove…"))
        self.attach_button.setEnabled(self.can_edit)
        self.remove_button.setEnabled(self.can_edit)
        kind_label = QLabel(self.tr("&Is:"))
        kind_label.setBuddy(self.kind)
        for widget in (kind_label, self.kind, self.attach_button):
            actions.addWidget(widget)
        actions.addStretch()
        actions.addWidget(self.open_button)
        actions.addWidget(self.remove_button)
        self.attach_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.drop_hint = QLabel(self.tr("Drop scans, photos, PDFs or invoices (XML) here."))
        self.drop_hint.setStyleSheet("color:#666")

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.checklist, 3)
        layout.addLayout(checks)
        files_title = QLabel(self.tr("<b>Files of the support and of the person</b>"))
        layout.addWidget(files_title)
        layout.addWidget(self.files, 2)
        layout.addLayout(actions)
        layout.addWidget(self.drop_hint)
        self.invoice = InvoicePanel(ctx, support_id, self)  # the provider's CFDI, checked
        self.invoice.changed.connect(lambda: (self.reload(), self.changed.emit()))
        layout.addWidget(self.invoice)
        self.reload()

    # --- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        with self.ctx.db.read() as session:
            self.folder = folder = evidence.support_file(session, self.support_id)
        missing = len(folder.missing)
        state = (
            self.tr("complete") if not missing else self.tr("%n document(s) pending", "", missing)
        )
        color = "#2e7d32" if not missing else "#b26a00"
        self.header.setText(
            f"<b>{html.escape(folder.person_name)}</b> — {html.escape(folder.type_name)} "
            f"({labels.status(folder.status)})<br>"
            + self.tr("Evidence file: %1").replace("%1", f"<b style='color:{color}'>{state}</b>")
        )
        self.checklist.blockSignals(True)
        self.checklist.setRowCount(len(folder.documents))
        for row, doc in enumerate(folder.documents):
            name = QTableWidgetItem(doc.name)
            name.setData(_CODE_ROLE, doc.code)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if self.can_edit and folder.status not in (SupportStatus.REJECTED,
                                                       SupportStatus.CANCELLED):  # fmt: skip
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            name.setFlags(flags)
            name.setCheckState(Qt.CheckState.Checked if doc.received else Qt.CheckState.Unchecked)
            on = labels.day(doc.received_at.astimezone().date()) if doc.received_at else ""
            count = str(len(doc.files) or "")
            cells = [name, QTableWidgetItem(doc.received_by), QTableWidgetItem(on),
                     QTableWidgetItem(doc.note), QTableWidgetItem(count)]  # fmt: skip
            for column, item in enumerate(cells):
                self.checklist.setItem(row, column, item)
        self.checklist.blockSignals(False)
        names = {doc.code: doc.name for doc in folder.documents}
        chosen = self.kind.currentData()
        self.kind.clear()
        for code, name in names.items():
            self.kind.addItem(name, code)
        if attachments.IDENTIFICATION not in names:
            self.kind.addItem(self.tr("Identification (kept with the person)"),
                              attachments.IDENTIFICATION)  # fmt: skip
        self.kind.addItem(self.tr("Other document"), attachments.OTHER)
        self.kind.setCurrentIndex(max(self.kind.findData(chosen), 0))
        where = {
            attachments.OwnerType.SUPPORT: self.tr("support"),
            attachments.OwnerType.RECEIPT: self.tr("receipt"),
            attachments.OwnerType.PERSON: self.tr("person"),
        }
        shown = [*folder.support_files, *folder.person_files]
        self.files.setRowCount(len(shown))
        for row, info in enumerate(shown):
            name = QTableWidgetItem(info.original_name)
            name.setData(_CODE_ROLE, info.id)
            kind = (
                names.get(info.kind)
                or {
                    attachments.IDENTIFICATION: self.tr("Identification"),
                    attachments.OTHER: self.tr("Other"),
                    attachments.INVOICE_XML: self.tr("Invoice (XML)"),
                    attachments.INVOICE_PDF: self.tr("Invoice (PDF)"),
                    attachments.SIGNED_RECEIPT: self.tr("Signed receipt"),
                }.get(info.kind)
                or attachments.kind_label(info.kind)
            )
            attached = f"{labels.day(info.created_at.astimezone().date())} — {info.created_by}"
            cells = [name, QTableWidgetItem(kind), QTableWidgetItem(where[info.owner.type]),
                     QTableWidgetItem(_size(info.size)), QTableWidgetItem(attached)]  # fmt: skip
            for column, item in enumerate(cells):
                self.files.setItem(row, column, item)
        has_files = bool(shown)
        self.open_button.setEnabled(has_files)
        self.remove_button.setEnabled(has_files and self.can_edit)
        self.all_button.setEnabled(self.can_edit and bool(missing))

    def _follow_checklist(self, row: int) -> None:
        """The next file attached is the document chosen in the checklist."""
        item = self.checklist.item(row, 0) if row >= 0 else None
        if item is not None:
            self.kind.setCurrentIndex(max(self.kind.findData(item.data(_CODE_ROLE)), 0))

    def _selected_code(self) -> str | None:
        item = self.checklist.item(self.checklist.currentRow(), 0)
        return None if item is None else str(item.data(_CODE_ROLE))

    def _selected_file(self) -> int | None:
        item = self.files.item(self.files.currentRow(), 0)
        return None if item is None else int(item.data(_CODE_ROLE))

    def _run(self, title: str, work: Callable[[Session], object]) -> bool:
        """Run a service call in a write transaction; its message if refused; reload."""
        try:
            with self.ctx.db.write() as session:
                work(session)
        except FronteraError as error:
            QMessageBox.warning(self, title, error.message)
            self.reload()
            return False
        self.reload()
        self.changed.emit()
        return True

    # --- the checklist ------------------------------------------------------------------------

    def _checked(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            return
        code, received = str(item.data(_CODE_ROLE)), item.checkState() == Qt.CheckState.Checked
        self._run(self.tr("Evidence file"), lambda s: evidence.mark_document(
            s, self.ctx.actor, self.support_id, code, received,
            self._note_of(code)))  # fmt: skip

    def _note_of(self, code: str) -> str:
        folder = self.folder
        return next((d.note for d in folder.documents if d.code == code), "") if folder else ""

    def edit_note(self) -> None:
        code = self._selected_code()
        if code is None or self.folder is None:
            return
        doc = next(d for d in self.folder.documents if d.code == code)
        note, ok = QInputDialog.getText(
            self, self.tr("Note"), self.tr("Note on «%1»:").replace("%1", doc.name), text=doc.note
        )
        if ok:
            self._run(self.tr("Note"), lambda s: evidence.mark_document(
                s, self.ctx.actor, self.support_id, code, doc.received, note))  # fmt: skip

    def receive_all(self) -> None:
        self._run(self.tr("Evidence file"),
                  lambda s: evidence.receive_all(s, self.ctx.actor, self.support_id))  # fmt: skip

    # --- files --------------------------------------------------------------------------------

    def choose_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"), "", _FILTER)
        self.attach_paths([Path(p) for p in chosen])

    def attach_paths(self, paths: list[Path]) -> None:
        """Attach each file as the document chosen in "Is:" (stops at the first refusal,
        whose message says why; the files before it are kept)."""
        code = str(self.kind.currentData() or attachments.OTHER)
        invoices = [p for p in paths if p.suffix.lower() == ".xml"]
        if invoices:  # a CFDI is read and checked, never kept as a plain file
            self.invoice.attach_paths(invoices)
            paths = [p for p in paths if p not in invoices]
        for path in paths:
            if not self._run(
                self.tr("Attach files"),
                lambda s, p=path: evidence.attach_document_file(
                    s, self.ctx.actor, self.support_id, code, p
                ),
            ):
                break  # fmt: skip

    def open_selected(self) -> None:
        attachment_id = self._selected_file()
        if attachment_id is not None:
            open_attachment(self.ctx, attachment_id, self)

    def remove_selected(self) -> None:
        attachment_id = self._selected_file()
        if attachment_id is None:
            return
        shown = self.folder.support_files if self.folder else ()
        kind = next((a.kind for a in shown if a.id == attachment_id), "")
        if kind in (attachments.INVOICE_XML, attachments.INVOICE_PDF):
            self.invoice.take_back()  # the invoice goes whole, its folio fiscal freed
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Remove file"),
            self.tr("The file is erased; its name and who attached and removed it stay in the "
                    "record. Reason:"),
        )  # fmt: skip
        if ok:
            self._run(self.tr("Remove file"), lambda s: attachments.remove(
                s, self.ctx.actor, attachment_id, reason))  # fmt: skip

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.can_edit and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.attach_paths(paths)


class SupportFileDialog(Dialog):
    def __init__(self, ctx: AppContext, support_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SupportFileDialog")
        self.setWindowTitle(
            self.tr("Evidence file of support no. %1").replace("%1", str(support_id))
        )
        self.widget = SupportFileWidget(ctx, support_id, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.widget)
        layout.addWidget(buttons)
        self.resize(860, 620)
        windows.restore_geometry(self)

    def done(self, result: int) -> None:
        windows.save_geometry(self)
        super().done(result)


class PendingEvidenceDialog(Dialog):
    """Supports delivered whose required documents are not all received, the oldest first;
    a double click opens the support's evidence file."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PendingEvidenceDialog")
        self.setWindowTitle(self.tr("Delivered with evidence pending"))
        self.ctx = ctx
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("pending")
        self.table.setAccessibleName(self.tr("Supports with evidence pending"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("Delivered"), self.tr("Beneficiary"), self.tr("Support"),
             self.tr("Missing")]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(self.open_row)
        hint = QLabel(self.tr("Double-click a support to open its evidence file."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(760, 480)
        self.reload()

    def reload(self) -> None:
        with self.ctx.db.read() as session:
            rows = evidence.delivered_pending(session)
        self.table.setRowCount(len(rows))
        for row, p in enumerate(rows):
            cells = [str(p.support_id), labels.day(p.delivered_on), p.person_name, p.type_name,
                     str(p.missing)]  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(_CODE_ROLE, p.support_id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def open_row(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            SupportFileDialog(self.ctx, int(item.data(_CODE_ROLE)), self).exec()
            self.reload()
