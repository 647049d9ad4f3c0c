"""The import wizard driven step by step (issue 25): a messy file in, each step looked at
(screenshots in the test's folder, or IMPORT_SHOTS), duplicates reviewed, imported off the GUI
thread, undone; and the list exported from the main window's menu."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from frontera_desk.domain.enums import Role
from frontera_desk.gui.dialogs.import_wizard import ImportWizard
from frontera_desk.services import importing, people
from tests.unit.test_importing import PLANTED, PLANTED_HEADERS


def _shot(widget, tmp_path, name):
    folder = Path(os.environ.get("IMPORT_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(folder / f"{name}.png"))


def _next(qtbot, wizard, step):
    """Next, and wait for the step (reading and checking run off the GUI thread)."""
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == wizard.pageIds()[step], timeout=20_000)


def _messy(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Lista 2024"
    ws.append(["Padrón de beneficiarios 2024"])
    ws.append([])
    ws.append(PLANTED_HEADERS)
    for row in PLANTED:
        ws.append(row)
    ws.append(["Sin", "Fecha", "", "no sabe", "H", "HN", ""])
    book.save(tmp_path / "padron.xlsx")
    return tmp_path / "padron.xlsx"


def test_the_wizard_imports_a_messy_file_step_by_step(qtbot, ctx, tmp_path):
    wizard = ImportWizard(ctx, path=_messy(tmp_path))
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.file_ui.sheet.currentText() == "Lista 2024"
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    _shot(wizard, tmp_path, "1-archivo")

    _next(qtbot, wizard, 1)
    grid = wizard.map_ui.columns
    assert grid.rowCount() == len(PLANTED_HEADERS)
    assert grid.cellWidget(3, 1).currentData() == "birth_date"
    _shot(wizard, tmp_path, "2-columnas")

    _next(qtbot, wizard, 2)
    summary = wizard.preview_ui.summary.text()
    assert "13 de 14" in summary and "4 posibles duplicados" in summary
    wizard.preview_ui.onlyProblems.setChecked(True)
    visible = [
        n
        for n in range(wizard.preview_ui.rows.rowCount())
        if not wizard.preview_ui.rows.isRowHidden(n)
    ]
    assert [wizard.preview_ui.rows.item(n, 0).text() for n in visible] == ["17"]
    assert "no sabe" in wizard.preview_ui.rows.item(visible[0], 8).text()
    wizard.preview_ui.onlyProblems.setChecked(False)
    _shot(wizard, tmp_path, "3-vista-previa")

    _next(qtbot, wizard, 3)
    pairs = wizard.dup_ui.pairs
    assert pairs.rowCount() == 4
    first = pairs.cellWidget(0, 3)
    first.setCurrentIndex(first.findData(importing.SAME))
    qtbot.mouseClick(wizard.dup_ui.allDifferent, Qt.MouseButton.LeftButton)
    _shot(wizard, tmp_path, "4-duplicados")

    _next(qtbot, wizard, 4)
    assert "13 filas están listas" in wizard.run_ui.status.text()
    _shot(wizard, tmp_path, "5a-listo")
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    qtbot.mouseClick(wizard.run_ui.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=20_000)
    assert wizard.result.created == 12 and wizard.result.merged == 1
    assert "Fila 13: la misma persona que la fila 4" in wizard.run_ui.report.toPlainText()
    assert "Lote" in wizard.run_ui.status.text()
    assert "Fila 17" in wizard.run_ui.report.toPlainText()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    _shot(wizard, tmp_path, "5-importar")
    with ctx.db.read() as session:
        assert people.count_people(session) == 12

    qtbot.mouseClick(wizard.run_ui.undo, Qt.MouseButton.LeftButton)
    with ctx.db.read() as session:
        assert people.count_people(session) == 0
    assert "deshecho" in wizard.run_ui.status.text()
    _shot(wizard, tmp_path, "6-deshecho")


def test_the_wizard_stays_on_a_bad_file_with_its_reason(qtbot, ctx, tmp_path, monkeypatch):
    from frontera_desk.gui.dialogs import import_wizard

    shown = []
    monkeypatch.setattr(import_wizard, "show_error", lambda parent, error: shown.append(error))
    bad = tmp_path / "lista.xlsx"
    bad.write_bytes(b"%PDF-1.4")
    wizard = ImportWizard(ctx, path=bad)
    qtbot.addWidget(wizard)
    wizard.show()
    assert "es un PDF" in wizard.file_ui.info.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_a_caseworker_has_no_import_or_export(qtbot, make_ctx):
    from frontera_desk.gui.main_window import MainWindow

    window = MainWindow(make_ctx(Role.CAPTURISTA))
    qtbot.addWidget(window)
    names = {a.text(): a.isEnabled() for a in window.menuBar().actions()[0].menu().actions()}
    assert names["&Importar desde una hoja de cálculo…"] is False
    assert names["&Exportar esta lista a una hoja de cálculo…"] is False


def test_an_imported_persons_file_says_where_they_came_from(qtbot, ctx, tmp_path):
    from frontera_desk.domain import importing as rules
    from frontera_desk.gui.main_window import MainWindow

    table = importing.read_table(_messy(tmp_path))
    mapping = rules.guess_mapping(table.headers, rules.PEOPLE_FIELDS, [])
    with ctx.db.write() as session:
        preview = importing.preview_people(session, ctx.actor, table, mapping)
        importing.import_people(session, ctx.actor, preview)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    window.nav.setCurrentRow(1)
    page = window.people
    qtbot.keyClicks(page.search, "vidal")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    qtbot.waitUntil(lambda: "Vidal" in page.detail.text())
    text = page.detail.text()
    assert "padron.xlsx" in text and "hoja «Lista 2024», fila 10" in text
    assert "no se pudo preguntar" in text
    _shot(window, tmp_path, "7-expediente")


def test_the_list_on_screen_is_exported_from_the_menu(qtbot, ctx, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from frontera_desk.domain import importing as rules
    from frontera_desk.gui.main_window import MainWindow

    table = importing.read_table(_messy(tmp_path))
    mapping = rules.guess_mapping(table.headers, rules.PEOPLE_FIELDS, [])
    with ctx.db.write() as session:
        preview = importing.preview_people(session, ctx.actor, table, mapping)
        importing.import_people(session, ctx.actor, preview)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(1)
    page = window.people
    qtbot.keyClicks(page.search, "ana")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    target = tmp_path / "lista-personas"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_list()
    book = openpyxl.load_workbook(target.with_suffix(".xlsx"))
    rows = list(book["Personas"].iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == ["Ana Gómez Ruiz", "Ana Gómez Ruiz", "Ana Torres Vidal"]
    assert all(isinstance(r[0], int) and isinstance(r[4], int) for r in rows)
    assert "3 filas exportadas" in window.statusBar().currentMessage()


def test_the_wizard_imports_past_supports(qtbot, ctx, tmp_path):
    from datetime import date

    from frontera_desk.domain.enums import DocumentType, Sex
    from frontera_desk.services import supports
    from frontera_desk.services.people import DocumentInput, PersonInput

    with ctx.db.write() as session:
        people.create_person(session, ctx.actor, PersonInput(
            given_names="Rosa", first_surname="Diaz", sex=Sex.FEMALE,
            birth_date=date(1985, 12, 1),
            documents=[DocumentInput(DocumentType.PASSPORT, "P555")]))  # fmt: skip
        kind = supports.support_types(session)[0]
    book = openpyxl.Workbook()
    book.active.append(["Fecha", "Pasaporte", "Tipo de apoyo", "Concepto", "Monto"])
    book.active.append(["15/02/2026", "P 555", kind.name, "Despensa", "$1,234.50"])
    book.active.append(["16/02/2026", "X1", kind.name, "Despensa", "100"])
    book.save(tmp_path / "apoyos.xlsx")
    wizard = ImportWizard(ctx, path=tmp_path / "apoyos.xlsx")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_ui.kindSupports.setChecked(True)
    _next(qtbot, wizard, 1)
    _next(qtbot, wizard, 2)
    assert "1 de 2" in wizard.preview_ui.summary.text()
    assert wizard.preview_ui.rows.item(0, 5).text() == "$1,234.50"
    _shot(wizard, tmp_path, "8-apoyos-vista-previa")
    _next(qtbot, wizard, 4)  # no duplicate review for supports
    qtbot.mouseClick(wizard.run_ui.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=20_000)
    assert wizard.result.created == 1
    assert (
        "Fila 3 omitida: Persona: nadie registrado tiene el documento X1"
        in wizard.run_ui.report.toPlainText()
    )
