"""The import wizard (issue 25): file and sheet, column mapping, preview, duplicate review, and
the import itself off the GUI thread with progress, stop and undo. Each step is a ``.ui`` form;
every rule is in services/importing.py and domain/importing.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from frontera_desk.domain import importing as rules
from frontera_desk.domain.enums import DOCUMENT_ES, SEX_ES
from frontera_desk.domain.errors import FronteraError
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.errors import show_error
from frontera_desk.gui.generated.ui_import_duplicates_page import Ui_ImportDuplicatesPage
from frontera_desk.gui.generated.ui_import_file_page import Ui_ImportFilePage
from frontera_desk.gui.generated.ui_import_mapping_page import Ui_ImportMappingPage
from frontera_desk.gui.generated.ui_import_preview_page import Ui_ImportPreviewPage
from frontera_desk.gui.generated.ui_import_run_page import Ui_ImportRunPage
from frontera_desk.gui.widgets import progress_dialog
from frontera_desk.gui.workers import run_in_background
from frontera_desk.services import importing

FILE, MAPPING, PREVIEW, DUPLICATES, RUN = range(5)
_RED = QColor("#b00020")


def _page(wizard: ImportWizard, ui: Any, title: str, subtitle: str) -> QWizardPage:
    page = _Page(wizard)
    page.setTitle(title)
    page.setSubTitle(subtitle)
    body = QWidget(page)
    ui.setupUi(body)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(body)
    return page


class _Page(QWizardPage):
    """A step whose Next asks the wizard first (reading the file, building the preview)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard

    def _id(self) -> int:
        return next(i for i in self._wizard.pageIds() if self._wizard.page(i) is self)

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        return self._wizard.leave(self._id())

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        return self._wizard.next_step(self._wizard.pageIds().index(self._id()))

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self._wizard.complete(self._id())


class ImportWizard(QWizard):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Import from a spreadsheet"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.resize(900, 620)
        self.table: importing.Table | None = None
        self.mapping: rules.Mapping | None = None
        self.preview: Any = None
        self.result: importing.ImportResult | None = None
        self._job: Any = None
        self._ready: int | None = None  # the step whose background work is done
        self._stop = False
        self.choices: dict[tuple[str, str], str] = {}

        self.file_ui = Ui_ImportFilePage()
        self.map_ui = Ui_ImportMappingPage()
        self.preview_ui = Ui_ImportPreviewPage()
        self.dup_ui = Ui_ImportDuplicatesPage()
        self.run_ui = Ui_ImportRunPage()
        for ui, title, subtitle in (
            (self.file_ui, self.tr("1. File"), self.tr("The spreadsheet and its sheet.")),
            (self.map_ui, self.tr("2. Columns"), self.tr("Which column fills which field.")),
            (
                self.preview_ui,
                self.tr("3. Preview"),
                self.tr("Each row as it would be saved, and the rows that will be skipped."),
            ),
            (
                self.dup_ui,
                self.tr("4. Likely duplicates"),
                self.tr("Within the file and against the people already registered."),
            ),
            (
                self.run_ui,
                self.tr("5. Import"),
                self.tr("All rows are saved together, or none: stopping saves nothing."),
            ),
        ):
            self.addPage(_page(self, ui, title, subtitle))

        f = self.file_ui
        f.browse.clicked.connect(self._browse)
        f.file.editingFinished.connect(self._file_changed)
        f.kindPeople.toggled.connect(self._file_changed)
        m = self.map_ui
        for rule, text in rules.SPLIT_RULES.items():
            m.split.addItem(text, rule)
        m.sexLetters.addItem(self.tr("Woman (columns of H and M)"), "HM")
        m.sexLetters.addItem(self.tr("Man (columns of F and M)"), "FM")
        m.loadMapping.clicked.connect(self._load_mapping)
        m.saveMapping.clicked.connect(self._save_mapping)
        self.preview_ui.onlyProblems.toggled.connect(self._filter_preview)
        self.dup_ui.allDifferent.clicked.connect(lambda: self._set_all(importing.DIFFERENT))
        self.dup_ui.allSkip.clicked.connect(lambda: self._set_all(importing.SKIP))
        r = self.run_ui
        r.start.clicked.connect(self._start)
        r.cancel.clicked.connect(self._cancel)
        r.undo.clicked.connect(self._undo)
        if path is not None:
            f.file.setText(str(path))
            self._file_changed()

    # --- steps --------------------------------------------------------------------------------

    @property
    def people(self) -> bool:
        return self.file_ui.kindPeople.isChecked()

    @property
    def fields(self) -> dict[str, tuple[str, ...]]:
        return rules.PEOPLE_FIELDS if self.people else rules.SUPPORT_FIELDS

    def next_step(self, index: int) -> int:
        if index == PREVIEW:
            return DUPLICATES if self.people and self.preview and self.preview.pairs else RUN
        return index + 1 if index < RUN else -1

    def complete(self, page_id: int) -> bool:
        index = self.pageIds().index(page_id)
        if index == FILE:
            return bool(self.file_ui.file.text().strip()) and self.file_ui.sheet.count() > 0
        if index == RUN:
            return self.result is not None and self._job is None
        return True

    def leave(self, page_id: int) -> bool:
        """What Next does on each step; an expected failure stays on the step with its message.
        Reading the file and building the preview run off the GUI thread (20,000 rows take
        seconds): Next starts them, and moves on by itself when they are done."""
        index = self.pageIds().index(page_id)
        if self._ready == index:
            self._ready = None
            return True
        try:
            if index == FILE:
                path = Path(self.file_ui.file.text().strip())
                sheet, fields = self.file_ui.sheet.currentText() or None, self.fields
                self._in_background(
                    index, self.tr("Reading the file…"),
                    lambda _progress: importing.read_table(path, sheet, fields), self._read,
                )  # fmt: skip
                return False
            if index == MAPPING:
                self.mapping = self._mapping_from_table()
                table, mapping, people, ctx = self.table, self.mapping, self.people, self.ctx

                def work(progress: Any) -> Any:
                    with ctx.db.read() as session:
                        if people:
                            return importing.preview_people(
                                session, ctx.actor, table, mapping, progress=progress
                            )
                        return importing.preview_supports(session, ctx.actor, table, mapping)

                self._in_background(index, self.tr("Checking every row…"), work, self._previewed)
                return False
            if index == DUPLICATES:
                self._keep_choices()
            self._ready_text()
            return True
        except FronteraError as error:
            show_error(self, error)
            return False

    def _in_background(self, index: int, text: str, work: Any, then: Any) -> None:
        progress = progress_dialog(text, 0, self, delay_ms=300)
        self.button(QWizard.WizardButton.NextButton).setEnabled(False)

        def done(result: Any) -> None:
            progress.close()
            self._job = None
            self.button(QWizard.WizardButton.NextButton).setEnabled(True)
            try:
                then(result)
            except FronteraError as error:
                show_error(self, error)
                return
            self._ready = index
            self.next()

        def failed(error: BaseException) -> None:
            progress.close()
            self._job = None
            self.button(QWizard.WizardButton.NextButton).setEnabled(True)
            if not isinstance(error, FronteraError):
                raise error
            show_error(self, error)

        def advanced(done_rows: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done_rows)

        self._job = run_in_background(work, done, failed, advanced)

    def _read(self, table: importing.Table) -> None:
        self.table = table
        self.mapping = rules.guess_mapping(
            table.headers, self.fields, [v for _, v in table.rows[:200]]
        )
        self._fill_mapping()

    def _previewed(self, preview: Any) -> None:
        self.preview = preview
        self._show_preview()
        self._ready_text()

    def _ready_text(self) -> None:
        if self.preview is not None:
            self.run_ui.status.setText(
                self.tr("%1 rows are ready. Nothing is saved until you press Import.").replace(
                    "%1", str(len(self.preview.importable))
                )
            )

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Spreadsheet to import"),
            str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.xls *.ods *.csv)"),
        )
        if name:
            self.file_ui.file.setText(name)
            self._file_changed()

    def _file_changed(self) -> None:
        f = self.file_ui
        f.sheet.clear()
        text = f.file.text().strip()
        if text:
            try:
                f.sheet.addItems(importing.sheet_names(Path(text)))
                f.info.setText(
                    self.tr(
                        "%n sheet(s). The header row is looked for among the first rows.",
                        "",
                        f.sheet.count(),
                    )
                )
            except FronteraError as error:
                f.info.setText(f"<span style='color:#b00020'>{error.message}</span>")
        self.page(self.pageIds()[FILE]).completeChanged.emit()

    # --- mapping ------------------------------------------------------------------------------

    def _fill_mapping(self) -> None:
        assert self.table is not None and self.mapping is not None
        grid = self.map_ui.columns
        headers = self.table.headers
        grid.clear()
        grid.setColumnCount(3)
        grid.setRowCount(len(headers))
        grid.setHorizontalHeaderLabels(
            [self.tr("Column of the file"), self.tr("Field"), self.tr("First values")]
        )
        by_column = {i: name for name, i in self.mapping.columns.items()}
        samples = [v for _, v in self.table.rows[:3]]
        for row, header in enumerate(headers):
            grid.setItem(row, 0, QTableWidgetItem(header))
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), "")
            for name in self.fields:
                combo.addItem(rules.PEOPLE_LABELS[name], name)
            combo.setCurrentIndex(max(0, combo.findData(by_column.get(row, ""))))
            combo.setAccessibleName(self.tr("Field of column %1").replace("%1", header))
            grid.setCellWidget(row, 1, combo)
            shown = [rules.cell_text(s[row])[:30] for s in samples if row < len(s)]
            grid.setItem(row, 2, QTableWidgetItem(" · ".join(v for v in shown if v)))
        grid.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        grid.setColumnWidth(1, 220)
        self.map_ui.split.setCurrentIndex(self.map_ui.split.findData(self.mapping.split))
        self.map_ui.sexLetters.setCurrentIndex(
            self.map_ui.sexLetters.findData(self.mapping.sex_letters)
        )

    def _mapping_from_table(self) -> rules.Mapping:
        columns: dict[str, int] = {}
        grid = self.map_ui.columns
        for row in range(grid.rowCount()):
            name = grid.cellWidget(row, 1).currentData()  # type: ignore[union-attr]
            if name:
                if name in columns:
                    raise FronteraError(
                        self.tr("Two columns fill the field %1: choose one.").replace(
                            "%1", rules.PEOPLE_LABELS[name]
                        )
                    )
                columns[name] = row
        return rules.Mapping(
            columns, self.map_ui.split.currentData(), self.map_ui.sexLetters.currentData()
        )

    def _load_mapping(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Saved mapping"), str(Path.home()), self.tr("Mappings (*.json)")
        )
        if not name or self.table is None:
            return
        try:
            self.mapping = importing.load_mapping(Path(name), self.table.headers)
        except FronteraError as error:
            show_error(self, error)
            return
        self._fill_mapping()

    def _save_mapping(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the mapping"),
            str(Path.home() / "correspondencia.json"),
            self.tr("Mappings (*.json)"),
        )
        if not name or self.table is None:
            return
        try:
            importing.save_mapping(Path(name), self._mapping_from_table(), self.table.headers)
        except FronteraError as error:
            show_error(self, error)

    # --- preview ------------------------------------------------------------------------------

    def _show_preview(self) -> None:
        grid = self.preview_ui.rows
        grid.clear()
        if self.people:
            heads = [
                self.tr("Row"),
                self.tr("Given names"),
                self.tr("First surname"),
                self.tr("Second surname"),
                self.tr("Birth date"),
                self.tr("Sex"),
                self.tr("Nationality"),
                self.tr("Documents"),
                self.tr("Problems"),
            ]
        else:
            heads = [
                self.tr("Row"),
                self.tr("Delivered"),
                self.tr("Person"),
                self.tr("Support"),
                self.tr("Concept"),
                self.tr("Amount"),
                self.tr("Problems"),
            ]
        grid.setColumnCount(len(heads))
        grid.setHorizontalHeaderLabels(heads)
        grid.setRowCount(len(self.preview.rows))
        for n, row in enumerate(self.preview.rows):
            values = self._preview_values(row)
            why = row.skip_reason or "; ".join(row.problems)
            for c, value in enumerate([str(row.row), *values, why]):
                item = QTableWidgetItem(value)
                if why:
                    item.setForeground(_RED)
                grid.setItem(n, c, item)
        grid.resizeColumnsToContents()
        skipped = len(self.preview.skipped)
        text = self.tr(
            "%1 of %2 rows will be imported; %3 will be skipped (in red, with the reason)."
        )
        text = (
            text.replace("%1", str(len(self.preview.importable)))
            .replace("%2", str(len(self.preview.rows)))
            .replace("%3", str(skipped))
        )
        if self.people and self.preview.pairs:
            text += " " + self.tr("%1 likely duplicates to review next.").replace(
                "%1", str(len(self.preview.pairs))
            )
        self.preview_ui.summary.setText(text)
        self._filter_preview()
        if self.people:
            self._fill_pairs()

    def _preview_values(self, row: Any) -> list[str]:
        if not self.people:
            amount = f"${row.amount_centavos / 100:,.2f}" if row.amount_centavos else ""
            day = row.delivered_on.strftime("%d/%m/%Y") if row.delivered_on else ""
            return [day, row.person_name, row.type_name, row.description, amount]
        p = row.person
        if p is None:
            return [""] * 7
        born = (
            p.birth_date.strftime("%d/%m/%Y")
            if p.birth_date
            else (f"≈ {p.estimated_age}" if p.estimated_age is not None else "")
        )
        sex = SEX_ES.get(p.sex, "") if p.sex else ""  # type: ignore[call-overload]
        docs = ", ".join(f"{DOCUMENT_ES[d.doc_type]} {d.number}" for d in p.documents)
        return [
            p.given_names,
            p.first_surname,
            p.second_surname,
            born,
            sex,
            p.nationality or "",
            docs,
        ]

    def _filter_preview(self) -> None:
        if self.preview is None:
            return
        only = self.preview_ui.onlyProblems.isChecked()
        for n, row in enumerate(self.preview.rows):
            self.preview_ui.rows.setRowHidden(n, only and row.ok)

    # --- duplicates ---------------------------------------------------------------------------

    def _describe(self, key: str) -> str:
        if key.startswith("P"):
            return self.tr("Registered: %1").replace("%1", self.preview.office_names.get(key, key))
        row = next(r for r in self.preview.rows if r.key == key)
        p = row.person
        born = p.birth_date.strftime("%d/%m/%Y") if p.birth_date else "—"
        docs = ", ".join(d.number for d in p.documents) or "—"
        name = " ".join(x for x in (p.given_names, p.first_surname, p.second_surname) if x)
        return (
            self.tr("Row %1: %2, %3, %4")
            .replace("%1", key[1:])
            .replace("%2", name)
            .replace("%3", born)
            .replace("%4", docs)
        )

    def _fill_pairs(self) -> None:
        grid = self.dup_ui.pairs
        pairs = self.preview.pairs
        grid.clear()
        grid.setColumnCount(4)
        grid.setHorizontalHeaderLabels(
            [
                self.tr("Already there"),
                self.tr("Row of the file"),
                self.tr("Why"),
                self.tr("Choice"),
            ]
        )
        grid.setRowCount(len(pairs))
        for n, pair in enumerate(pairs):
            grid.setItem(n, 0, QTableWidgetItem(self._describe(pair.a)))
            grid.setItem(n, 1, QTableWidgetItem(self._describe(pair.b)))
            grid.setItem(n, 2, QTableWidgetItem(f"{pair.reason} ({pair.score} %)"))
            combo = QComboBox()
            combo.addItem(self.tr("(decide)"), "")
            combo.addItem(self.tr("Same person: fill what is missing"), importing.SAME)
            combo.addItem(self.tr("Different people"), importing.DIFFERENT)
            combo.addItem(self.tr("Skip this row"), importing.SKIP)
            combo.setAccessibleName(self.tr("Choice for row %1").replace("%1", pair.b[1:]))
            grid.setCellWidget(n, 3, combo)
        header = grid.horizontalHeader()
        for c in range(3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        grid.resizeRowsToContents()
        self.dup_ui.summary.setText(
            self.tr(
                "%1 pairs look like the same person. Choose for each; a pair left undecided skips "
                "its row (it can be imported later: the choices are kept for this file)."
            ).replace("%1", str(len(pairs)))
        )

    def _set_all(self, decision: str) -> None:
        grid = self.dup_ui.pairs
        for n in range(grid.rowCount()):
            combo = grid.cellWidget(n, 3)
            if not combo.currentData():  # type: ignore[union-attr]
                combo.setCurrentIndex(combo.findData(decision))  # type: ignore[union-attr]

    def _keep_choices(self) -> None:
        grid = self.dup_ui.pairs
        self.choices = {}
        for n, pair in enumerate(self.preview.pairs):
            decision = grid.cellWidget(n, 3).currentData()  # type: ignore[union-attr]
            if decision:
                self.choices[(pair.a, pair.b)] = decision
        if self.choices:
            assert self.table is not None
            with self.ctx.db.write() as session:
                importing.record_decisions(session, self.ctx.actor, self.table, self.choices)
            for (a, b), decision in self.choices.items():
                self.preview.decided[(int(b[1:]), a)] = decision
            decided = set(self.choices)
            self.preview.pairs = [p for p in self.preview.pairs if (p.a, p.b) not in decided]

    # --- run ----------------------------------------------------------------------------------

    def _start(self) -> None:
        r = self.run_ui
        r.start.setEnabled(False)
        r.cancel.setEnabled(True)
        self._stop = False
        r.status.setText(self.tr("Importing…"))
        preview, people, ctx = self.preview, self.people, self.ctx

        def work(progress: Any) -> importing.ImportResult:
            with ctx.db.write() as session:
                if people:
                    return importing.import_people(
                        session, ctx.actor, preview, progress=progress, cancelled=lambda: self._stop
                    )
                return importing.import_supports(
                    session, ctx.actor, preview, progress=progress, cancelled=lambda: self._stop
                )

        self._job = run_in_background(work, self._done, self._failed, self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.run_ui.progress.setMaximum(max(total, 1))
        self.run_ui.progress.setValue(done)

    def _cancel(self) -> None:
        self._stop = True
        self.run_ui.cancel.setEnabled(False)
        self.run_ui.status.setText(self.tr("Stopping…"))

    def _done(self, result: importing.ImportResult) -> None:
        self._job = None
        self.result = result
        r = self.run_ui
        r.cancel.setEnabled(False)
        r.undo.setEnabled(True)
        r.progress.setValue(r.progress.maximum())
        made = (
            self.tr("%1 new people, %2 rows joined to a person")
            if self.people
            else self.tr("%1 past supports (historical: no receipt from the system)%2")
        )
        made = made.replace("%1", str(result.created)).replace(
            "%2", str(result.merged) if self.people else ""
        )
        r.status.setText(
            self.tr("Batch %1 imported: %2; %3 rows skipped.")
            .replace("%1", str(result.batch_id))
            .replace("%2", made)
            .replace("%3", str(len(result.skipped)))
        )
        lines = [
            self.tr("Row %1 skipped: %2").replace("%1", str(row)).replace("%2", why)
            for row, why in result.skipped
        ]
        lines += [
            self.tr("Row %1: %2").replace("%1", str(row)).replace("%2", what)
            for row, what in result.joined
        ]
        r.report.setPlainText("\n".join(lines))
        self.page(self.pageIds()[RUN]).completeChanged.emit()

    def _failed(self, error: BaseException) -> None:
        self._job = None
        r = self.run_ui
        r.cancel.setEnabled(False)
        r.start.setEnabled(True)
        r.progress.setValue(0)
        if not isinstance(error, FronteraError):
            raise error
        r.status.setText(error.message)
        if not isinstance(error, importing.ImportCancelled):
            show_error(self, error)

    def _undo(self) -> None:
        assert self.result is not None
        try:
            with self.ctx.db.write() as session:
                importing.undo_batch(session, self.ctx.actor, self.result.batch_id)
        except FronteraError as error:
            show_error(self, error)
            return
        self.run_ui.undo.setEnabled(False)
        self.run_ui.status.setText(
            self.tr("Batch %1 undone: the office is as before it.").replace(
                "%1", str(self.result.batch_id)
            )
        )
