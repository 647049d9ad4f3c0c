"""Actividades › Otras acciones: a supervisor records a liaison through the dialog and sees it
in the list; caseworkers do not see the tab."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from frontera_desk.domain.enums import ActionKind, Role
from frontera_desk.gui.dialogs.action_dialog import ActionDialog
from frontera_desk.gui.dialogs.agreement_dialogs import OrganizationDialog
from frontera_desk.gui.pages.activities_page import ActivitiesPage
from frontera_desk.services import actions, agreements
from frontera_desk.services.actions import ActionInput
from frontera_desk.services.agreements import OrganizationInput


def save(qtbot, dialog):
    qtbot.mouseClick(
        dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def test_a_supervisor_records_a_liaison_and_it_appears_in_the_list(qtbot, qtmodeltester, ctx, db):
    with db.write() as session:
        agreements.save_organization(
            session, ctx.actor, OrganizationInput("embajada", "Embajada de Francia en Mexico")
        )
    page = ActivitiesPage(ctx)
    qtbot.addWidget(page)
    assert [page.tabs.tabText(i) for i in range(2)] == [
        "&Talleres, cursos y eventos", "&Otras acciones"
    ]  # fmt: skip
    page.tabs.setCurrentIndex(1)
    tab = page.actions_tab
    page.refresh()
    assert tab.model.rowCount() == 0
    seen: dict[str, object] = {}

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, ActionDialog)
            ui = dialog.ui
            seen["pieces shown for a diagnostic"] = not ui.quantity.isHidden()
            ui.kind.setCurrentIndex(ui.kind.findData(ActionKind.MATERIAL.value))
            seen["pieces shown for materials"] = not ui.quantity.isHidden()
            ui.kind.setCurrentIndex(ui.kind.findData(ActionKind.LIAISON.value))
            qtbot.keyClicks(ui.title, "Logistica de la visita a Puerto Chiapas")
            save(qtbot, dialog)
            seen["error"] = ui.error.text()
            assert ui.organizations.item(0).text() == "Embajada de Francia en Mexico — Embajada"
            ui.organizations.item(0).setCheckState(Qt.CheckState.Checked)
            qtbot.keyClicks(ui.municipality, "Tapachula")
            save(qtbot, dialog)
        finally:
            if isinstance(dialog, ActionDialog) and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert seen == {
        "pieces shown for a diagnostic": False,
        "pieces shown for materials": True,
        "error": "Contrapartes: un enlace se registra con al menos una organización (agréguela "
        "en Convenios › Organizaciones si no está).",
    }
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    row = [tab.model.index(0, column).data() for column in range(6)]
    assert row == [
        date.today().strftime("%d/%m/%Y"), "Enlace con agencia o representación diplomática",
        "Logistica de la visita a Puerto Chiapas", "", "Embajada de Francia en Mexico",
        "Tapachula",
    ]  # fmt: skip
    assert "Logistica de la visita a Puerto Chiapas" in tab.detail.text()
    qtmodeltester.check(tab.model)
    with db.read() as session:
        (item,) = actions.actions_in_period(session, date(2000, 1, 1), date(3000, 1, 1))
    assert item.counterparts == ("Embajada de Francia en Mexico",)


def test_materials_filter_edit_and_delete(qtbot, qtmodeltester, ctx, db, monkeypatch):
    with db.write() as session:
        for day, kind, quantity in (
            (3, ActionKind.MATERIAL, 1500),
            (4, ActionKind.DIAGNOSTIC, None),
        ):
            actions.save_action(session, ctx.actor, ActionInput(
                kind, f"Accion {day}", date(2025, 6, day), quantity=quantity))  # fmt: skip
    page = ActivitiesPage(ctx)
    qtbot.addWidget(page)
    tab = page.actions_tab
    page.refresh()
    assert [tab.model.index(r, 2).data() for r in range(2)] == ["Accion 4", "Accion 3"]
    tab.kind.setCurrentIndex(tab.kind.findData(ActionKind.MATERIAL.value))
    assert tab.model.rowCount() == 1 and tab.model.index(0, 3).data() == "1,500"
    qtmodeltester.check(tab.model)
    tab.table.selectRow(0)
    assert "Accion 3" in tab.detail.text() and "1,500" in tab.detail.text()

    dialog = ActionDialog(ctx, tab.action)  # the dialog opens on the record, pieces and all
    qtbot.addWidget(dialog)
    assert dialog.ui.quantity.value() == 1500 and not dialog.ui.quantity.isHidden()
    dialog.ui.quantity.setValue(2000)
    save(qtbot, dialog)
    assert dialog.saved is not None and dialog.saved.quantity == 2000

    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    tab.refresh()
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    tab.kind.setCurrentIndex(0)
    assert tab.model.rowCount() == 1


def test_caseworkers_see_no_other_actions_and_organizations_have_the_new_kinds(qtbot, make_ctx):
    page = ActivitiesPage(make_ctx(Role.CAPTURISTA))
    qtbot.addWidget(page)
    assert page.actions_tab is None and not hasattr(page, "tabs")
    dialog = OrganizationDialog(make_ctx())
    qtbot.addWidget(dialog)
    kinds = [dialog.ui.kind.itemText(i) for i in range(dialog.ui.kind.count())]
    for kind in ("Embajada", "Consulado", "Agencia de cooperación",
                 "Ayuntamiento / gobierno municipal"):  # fmt: skip
        assert kind in kinds
