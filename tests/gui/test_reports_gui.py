"""Reportes, the budget and targets tab and the charts on Inicio, driven as a user would."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QValueAxis
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QToolTip

from frontera_desk.domain.enums import BudgetCategory, Indicator, Role
from frontera_desk.domain.money import format_money
from frontera_desk.exchange import signing
from frontera_desk.gui.context import AppContext
from frontera_desk.gui.pages.home_page import HomePage
from frontera_desk.gui.pages.plan_tab import PlanTab
from frontera_desk.gui.pages.reports_page import ReportsPage
from frontera_desk.services import months, plan, summary
from frontera_desk.services.office import OfficeInfo
from frontera_desk.settings import Settings
from tests.unit.test_package import LAST_MONTH, close_last_month, key_of, new_office
from tests.unit.test_summary import TODAY, build_month


def _wait_for_preview(qtbot, page: ReportsPage) -> None:
    qtbot.waitUntil(lambda: page.document.status() == QPdfDocument.Status.Ready, timeout=15000)


def _close_the_month_before(db, boss) -> None:
    """build_month delivers in the month before LAST_MONTH too: months close in order."""
    before = LAST_MONTH.replace(day=1) - timedelta(days=1)
    if before.year == LAST_MONTH.year:
        with db.write() as session:
            months.close_month(session, boss, before.year, before.month)


def _with_key(ctx: AppContext, key=None) -> AppContext:
    """The context of a supervisor whose session holds the office key."""
    return replace(ctx, vault=SimpleNamespace(signing_key=key or signing.new_private_key()))


def test_close_preview_export_and_reopen_a_month(qtbot, db, actors, ctx, tmp_path, monkeypatch):
    build_month(db, actors, LAST_MONTH)
    _close_the_month_before(db, actors[Role.SUPERVISOR])
    page = ReportsPage(_with_key(ctx))
    qtbot.addWidget(page)
    page.refresh()
    _wait_for_preview(qtbot, page)
    assert page.period() == (LAST_MONTH.year, LAST_MONTH.month)
    assert page.state.text() == "Abierto — cifras preliminares" and page.close_button.isEnabled()
    assert "PRELIMINAR" in page._document["estado"].upper()
    assert page.revisions.isHidden()  # never closed: no revisions yet
    assert not page.package_button.isEnabled()  # a package needs a closed month
    assert page.document.pageCount() >= 3
    page.refresh()  # shown again with nothing changed: the preview is not made again
    assert page.document.status() == QPdfDocument.Status.Ready
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.close_button.click()  # off the GUI thread: it keeps the month's snapshot
    qtbot.waitUntil(lambda: page.state.text() == "Cerrado — revisión 1", timeout=15000)
    assert page.revisions.rowCount() == 1 and page.revisions.item(0, 2).text() == "Sofia"
    with db.read() as session:
        (revision,) = months.history(session, "TAP", LAST_MONTH.year, LAST_MONTH.month)
    assert page.revisions.item(0, 3).toolTip() == revision.sha256
    with db.read() as session:
        assert months.state(session, "TAP", LAST_MONTH.year, LAST_MONTH.month).closed
    target = tmp_path / "paquete.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.package_button.click()  # written off the GUI thread
    qtbot.waitUntil(lambda: "Envíelo a oficinas centrales" in page.message.text())
    assert target.exists() and page.package_button.isEnabled()
    _wait_for_preview(qtbot, page)
    workbook = tmp_path / "resumen"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(workbook), ""))
    page.save_buttons[".xlsx"].click()
    assert (tmp_path / "resumen.xlsx").exists()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Faltó un apoyo", True))
    page.reopen_button.click()
    assert page.state.text().startswith("Reabierto — preliminar")
    assert page.revisions.item(0, 5).text() == "Faltó un apoyo"
    assert page.revisions.item(0, 4).text().endswith("· Sofia")  # reopened: when and by whom
    assert page.close_button.isEnabled() and not page.package_button.isEnabled()
    page.grab().save(str(tmp_path / "reportes.png"))


def test_a_caseworker_sees_reports_but_cannot_close(qtbot, make_ctx):
    page = ReportsPage(make_ctx(Role.CAPTURISTA))
    qtbot.addWidget(page)
    assert page.close_button.isHidden() and page.package_button.isHidden()


def test_headquarters_enrolls_imports_a_batch_and_previews_the_consolidation(
    qtbot, tmp_path, monkeypatch
):
    office_db, office_actors = new_office(tmp_path, "ARR")
    build_month(office_db, office_actors, LAST_MONTH)
    boss = office_actors[Role.SUPERVISOR]
    from frontera_desk import paths
    from frontera_desk.services import packages

    office_ctx = AppContext(office_db, boss, OfficeInfo("ARR", "Oficina ARR", False, False),
                            paths.resolve(tmp_path / "ARR"), Settings())  # fmt: skip
    card_page = ReportsPage(_with_key(office_ctx, key_of(office_db)))
    qtbot.addWidget(card_page)
    assert card_page.card_button.isVisibleTo(card_page)
    shown = []
    monkeypatch.setattr("frontera_desk.gui.dialogs.office_card_dialog.OfficeCardDialog.exec",
                        lambda dialog: shown.append(dialog) or 0)  # fmt: skip
    card_page.card_button.click()
    dialog = shown[0]
    assert dialog.ui.code.text() == "ARR" and dialog.ui.place.text() == "Tapachula, Chiapas"
    assert dialog.ui.fingerprint.text() == signing.fingerprint(signing.public_bytes(
        key_of(office_db)))  # fmt: skip
    assert len(dialog.ui.uuid.text()) == 36 and len(dialog.ui.publicKey.text()) == 44
    card = tmp_path / "ARR.oficina"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(card), ""))
    dialog.ui.save.click()
    assert card.exists() and "Card saved" not in dialog.ui.intro.text()  # said in Spanish
    dialog.deleteLater()
    close_last_month(office_db, boss)
    with office_db.write() as session:
        packages.export_package(session, boss, LAST_MONTH.year, LAST_MONTH.month,
                                tmp_path / "arr.zip", key_of(office_db))  # fmt: skip
    office_db.dispose()
    (tmp_path / "roto.zip").write_bytes(b"esto no es un zip")
    hq_db, hq_actors = new_office(tmp_path, "CEN", is_hq=True)

    office = OfficeInfo("CEN", "Oficina CEN", is_hq=True, is_demo=False)
    admin = AppContext(hq_db, hq_actors[Role.ADMINISTRADOR], office,
                       paths.resolve(tmp_path / "CEN"), Settings())  # fmt: skip
    admin_page = ReportsPage(admin)
    qtbot.addWidget(admin_page)
    assert admin_page.enroll_button.isVisibleTo(admin_page)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(card), ""))
    admin_page.enroll_button.click()
    assert "Oficina ARR (Oficina ARR) inscrita" in admin_page.message.text()
    ctx = AppContext(hq_db, hq_actors[Role.SUPERVISOR], office, paths.resolve(tmp_path / "CEN"),
                     Settings())  # fmt: skip
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    assert page.import_button.isVisibleTo(page) and page.close_button.isHidden()
    assert not page.enroll_button.isVisibleTo(page)  # enrolling is the administrator's
    page.refresh()
    assert page.enrolled.item(0, 1).text() == dialog_fingerprint(card)
    assert LAST_MONTH.strftime("%Y-%m") in page.enrolled.item(0, 3).text()  # missing
    page.import_files([tmp_path / "roto.zip", tmp_path / "arr.zip"])  # off the GUI thread
    qtbot.waitUntil(lambda: "importada" in page.message.text(), timeout=15000)
    lines = page.message.text().splitlines()
    assert lines[0].startswith("Rechazado: roto.zip:") and "importada" in lines[1]
    assert page.received.rowCount() == 1
    assert page.received.item(0, 0).text() == "ARR — Oficina ARR"
    assert page.state.text() == "1 oficina recibida en este mes"
    assert page.enrolled.item(0, 2).text() == LAST_MONTH.strftime("%Y-%m")
    assert page.files_log.rowCount() == 2
    assert page.files_log.item(1, 0).text() == "roto.zip"
    assert page.files_log.item(1, 2).text().startswith("Rechazado: roto.zip: no es un paquete")
    _wait_for_preview(qtbot, page)
    hq_db.dispose()


def dialog_fingerprint(card: Path) -> str:
    import json

    return json.loads(card.read_text(encoding="utf-8"))["fingerprint"]


def test_the_budget_and_targets_tab_saves_what_is_typed(qtbot, make_ctx, db):
    tab = PlanTab(make_ctx())
    qtbot.addWidget(tab)
    assert tab.budget.rowCount() == 0  # read when it first shows
    tab.show()
    rows = {tab.budget.item(r, 0).text(): r for r in range(tab.budget.rowCount())}
    tab.budget.item(rows["Despensa"], 1).setText("250,000")
    tab._source_row("Recursos estatales", 0)
    tab.budget.item(tab.budget.rowCount() - 2, 1).setText("1,500,000.50")  # above the total
    tab.targets.item(list(Indicator).index(Indicator.SUPPORTS), 1).setText("600")
    tab.targets.item(list(Indicator).index(Indicator.AMOUNT), 1).setText("800,000")
    tab.save()
    assert "guardados" in tab.error.text()
    with db.read() as session:
        saved = plan.get_plan(session, TODAY.year)
    assert saved.budget == {
        (BudgetCategory.SUPPORT_TYPE, "DESPENSA"): 25_000_000,
        (BudgetCategory.FUNDING_SOURCE, "Recursos estatales"): 150_000_050,
    }
    assert saved.targets == {Indicator.SUPPORTS: 600, Indicator.AMOUNT: 80_000_000}
    tab.targets.item(0, 1).setText("muchos")
    tab.save()
    assert "escriba un número entero" in tab.error.text()
    with db.read() as session:
        assert plan.get_plan(session, TODAY.year) == saved  # nothing lost, nothing half-saved


@pytest.mark.qt_log_ignore("does not support raise")  # the tooltip, on the offscreen platform
def test_inicio_draws_the_month_by_type_and_by_day(qtbot, db, actors, ctx):
    today = date.today()  # not the module's TODAY: a run that crosses midnight draws the new day
    build_month(db, actors, today)
    page = HomePage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.figures_shown, timeout=10000):  # counted off the GUI thread
        page.refresh()
    series = page.type_chart.chart().series()
    assert len(series) == 1 and series[0].barSets()[0].count() == 1  # only Despensa delivered
    assert series[0].barSets()[0].at(0) == 2
    days = page.day_chart.chart().series()[0].barSets()[0]
    assert days.count() == today.day and days.at(today.day - 1) == 2
    # whole-number ticks (a top of 2 drew "0 0 1 1 2"), day numbers shown (issue 24, item 13)
    for view in (page.type_chart, page.day_chart):
        count = next(a for a in view.chart().axes() if isinstance(a, QValueAxis))
        assert count.tickType() == QValueAxis.TickType.TicksDynamic
        assert count.tickInterval() == 1 and count.max() == 2
    day_axis = next(a for a in page.day_chart.chart().axes() if isinstance(a, QBarCategoryAxis))
    assert day_axis.labelsVisible() and day_axis.categories()[0] == "1"
    series[0].hovered.emit(True, 0, series[0].barSets()[0])  # a cut-off name: the whole of it
    assert QToolTip.text() == "Despensa: 2"


def test_reopening_a_month_lists_the_later_closed_months_and_reopens_them(
    qtbot, db, actors, ctx, monkeypatch
):
    boss = actors[Role.SUPERVISOR]
    with db.write() as session:  # two months of another year, closed in order
        for month in (10, 11):
            from frontera_desk.services.activities import ActivityInput, save_activity

            save_activity(session, boss, ActivityInput(
                "evento", "Feria", date(2025, month, 3), counts={("F", "18-29"): 7}))  # fmt: skip
            months.close_month(session, boss, 2025, month)
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.month.addItem("octubre de 2025", (2025, 10))
    page.month.setCurrentIndex(page.month.count() - 1)
    asked = []
    monkeypatch.setattr(
        QInputDialog,
        "getText",
        lambda _parent, _title, text: (asked.append(text), ("Error", True))[1],
    )
    page.reopen_button.click()
    assert "también los meses posteriores cerrados del año: noviembre de 2025" in asked[0]
    with db.read() as session:
        states = [months.state(session, "TAP", 2025, m) for m in (10, 11)]
    assert [(s.closed, s.revision) for s in states] == [(False, 2), (False, 2)]


def test_closing_a_month_before_the_earlier_one_says_why(qtbot, db, actors, ctx, monkeypatch):
    from frontera_desk.services.activities import ActivityInput, save_activity

    with db.write() as session:
        save_activity(session, actors[Role.SUPERVISOR], ActivityInput(
            "evento", "Feria", date(2025, 10, 3), counts={("F", "18-29"): 7}))  # fmt: skip
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.month.addItem("noviembre de 2025", (2025, 11))
    page.month.setCurrentIndex(page.month.count() - 1)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    page.close_button.click()
    qtbot.waitUntil(lambda: bool(warned), timeout=15000)
    assert warned == ["Cierre primero el mes de octubre de 2025: los meses se cierran en orden."]
    assert page.state.text() == "Abierto — cifras preliminares" and page.close_button.isEnabled()


def test_the_budget_tab_shows_spending_a_total_and_overspending(qtbot, make_ctx, db, actors):
    build_month(db, actors, TODAY)  # Despensa and Otro delivered, two disbursements paid
    with db.write() as session:
        plan.set_plan(session, actors[Role.SUPERVISOR], plan.Plan(TODAY.year, {
            (BudgetCategory.SUPPORT_TYPE, "DESPENSA"): 100_000,  # $1,000: overspent
            (BudgetCategory.FUNDING_SOURCE, "Recursos estatales"): 2_000_000,
        }, {}))  # fmt: skip
        expected = sum(r.spent_centavos for r in summary.year_budget(session, TODAY.year))
    tab = PlanTab(make_ctx())
    qtbot.addWidget(tab)
    tab.show()
    table = tab.budget
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert not any(name.startswith("Apoyo: ") for name in rows)  # no doubled prefix
    total = rows["Total"]
    assert total == table.rowCount() - 1
    assert table.item(total, 2).text() == format_money(expected)
    assert table.item(total, 1).text() == "$21,000.00"  # 1,000 + 20,000
    despensa = rows["Despensa"]
    assert table.item(despensa, 2).foreground().color().name() == "#b71c1c"
    assert "Despensa" in tab.overspent.text()
    if LAST_MONTH.year == TODAY.year:  # Otro was given last month, with no budget line
        assert table.item(rows["Otro apoyo"], 3).text() == "—"
        assert "Otro apoyo" in tab.overspent.text()
    table.item(despensa, 1).setText("100,000")  # typed: no longer overspent, total follows
    assert "Despensa" not in tab.overspent.text()
    assert table.item(total, 1).text() == "$120,000.00"
    tab._source_row("Fondo federal", 0)
    assert table.item(table.rowCount() - 1, 0).text() == "Total"  # new sources go above it
    tab.save()
    with db.read() as session:
        saved = plan.get_plan(session, TODAY.year).budget
    assert saved[(BudgetCategory.SUPPORT_TYPE, "DESPENSA")] == 10_000_000


def test_the_year_report_in_reportes(qtbot, db, actors, ctx, tmp_path, monkeypatch):
    """Choose the year: the month's tools give way to the year's report, PRELIMINAR while a
    month is open and naming it, saved in the four formats (DOCX only for the year)."""
    build_month(db, actors, LAST_MONTH)
    page = ReportsPage(_with_key(ctx))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.refresh()
    _wait_for_preview(qtbot, page)
    assert not page.save_buttons[".docx"].isVisibleTo(page)
    page.kind.setCurrentIndex(page.kind.findData("year"))
    page.year.setCurrentIndex(page.year.findData(LAST_MONTH.year))
    qtbot.waitUntil(lambda: page._year_report is not None, timeout=30000)
    _wait_for_preview(qtbot, page)
    assert page.state.text().startswith("PRELIMINAR — meses abiertos:")
    assert page.year.isVisibleTo(page) and not page.month.isVisibleTo(page)
    assert not page.close_button.isVisibleTo(page) and not page.package_button.isVisibleTo(page)
    assert page.save_buttons[".docx"].isVisibleTo(page)
    page.grab().save(str(tmp_path / "reportes-anual.png"))
    for suffix in (".docx", ".xlsx"):
        chosen = tmp_path / f"informe{suffix}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, c=chosen, **k: (str(c), ""))
        page.save_buttons[suffix].click()
        assert chosen.exists()
    assert "Informe anual guardado" in page.message.text()
    page.year.setCurrentIndex(page.year.findData(date.today().year - 4))  # nothing then
    qtbot.waitUntil(lambda: "no tiene registros de ese año" in page.message.text(), timeout=15000)
    page.kind.setCurrentIndex(page.kind.findData("month"))
    _wait_for_preview(qtbot, page)
    assert page.month.isVisibleTo(page) and page.close_button.isVisibleTo(page)
