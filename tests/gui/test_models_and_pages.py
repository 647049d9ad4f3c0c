"""Table models (qtmodeltester, laziness) and the pages of the main window."""

import gc
import weakref
from datetime import date

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from frontera_desk.domain.enums import Role, Sex, SupportStatus
from frontera_desk.gui.main_window import MainWindow
from frontera_desk.gui.models import lazy
from frontera_desk.gui.models.lazy import IdRole
from frontera_desk.gui.models.tables import people_model, supports_model
from frontera_desk.services import people, supports
from frontera_desk.services.people import PersonInput
from frontera_desk.services.supports import SupportFilter, SupportInput


@pytest.fixture
def filled(db, actors):
    """25 people with one support each; half of them approved."""
    caseworker = actors[Role.CAPTURISTA]
    with db.write() as session:
        water = next(t.id for t in supports.support_types(session) if t.code == "AGUA")
        for n in range(25):
            p = people.create_person(
                session,
                caseworker,
                PersonInput(
                    f"Persona{chr(65 + n)}",
                    "Núñez" if n % 5 == 0 else "Pérez",
                    sex=Sex.FEMALE,
                    birth_date=date(1990, 1, 1 + n),
                ),
            )
            s = supports.request_support(
                session, caseworker, SupportInput(p.id, water, "Garrafones", 10_000 + n)
            )
            if n % 2:
                supports.approve_support(session, actors[Role.SUPERVISOR], s.id)
    return db


def test_people_model_passes_the_model_tester_and_loads_lazily(qtbot, qtmodeltester, filled):
    model = people_model(filled, "es")
    model.BATCH = 10
    with qtbot.waitSignal(model.counted):  # a full first batch: the rest counted off the thread
        model.reload()
        assert model.total() is None and model.rowCount() == 10
    assert model.total() == 25
    assert model.rowCount() == 10  # the rest arrives when the view scrolls
    assert model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)  # fetches more, as a view would
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 25
    fresh = people_model(filled, "es")  # (the tester above fetches on every reset)
    fresh.BATCH = 10
    fresh.reload()  # only the first ids are read; finding the last one reads up to it
    assert fresh.rowCount() == 10 and fresh.row_of(model.id_at(24)) == 24
    assert fresh.row_of(-1) is None and fresh.rowCount() == 25
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Nombre"
    names = [model.index(r, 0).data() for r in range(25)]
    assert names[:5] == [f"Persona{c} Núñez" for c in "AFKPU"]  # sorted by surname, accent-blind


def test_a_list_slow_to_sort_is_read_whole_off_the_gui_thread(qtbot, qtmodeltester, filled):
    model = people_model(filled, "es")
    model.BATCH, model.WAIT = 10, 0.0  # any first batch is "slow": every id is read instead
    with qtbot.waitSignal(model.counted):
        model.reload()
    assert model.total() == 25 and model.rowCount() == 10  # the rest shown as the view scrolls
    with qtbot.assertNotEmitted(model.counted):  # the ids read already: no batch finds the end
        while model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
    assert model.rowCount() == 25
    names = [model.index(r, 0).data() for r in range(25)]
    assert names[:5] == [f"Persona{c} Núñez" for c in "AFKPU"]  # the same order as by batches
    with qtbot.waitSignal(model.counted):
        model.sort(2, Qt.SortOrder.DescendingOrder)  # age, oldest first
    assert model.index(0, 0).data() == "PersonaA Núñez"
    qtmodeltester.check(model)


def test_people_model_searches_and_sorts_in_sql(qtmodeltester, filled):
    model = people_model(filled, "es")
    model.set_filter("nunez")
    qtmodeltester.check(model)
    assert model.rowCount() == 5
    model.set_filter("")
    model.sort(2, Qt.SortOrder.DescendingOrder)  # age, oldest first
    assert model.index(0, 0).data() == "PersonaA Núñez"
    assert model.index(0, 0).data(IdRole) == model.id_at(0)


def test_supports_model_filters_by_status(qtmodeltester, filled):
    model = supports_model(filled, "es")
    model.set_filter(SupportFilter(status=SupportStatus.APPROVED))
    qtmodeltester.check(model)
    assert model.rowCount() == 12
    assert {model.index(r, 5).data() for r in range(12)} == {"Autorizado"}
    assert model.index(0, 4).data().startswith("$")
    person_model = supports_model(filled, "es", with_person=False)
    person_model.reload()
    qtmodeltester.check(person_model)
    assert person_model.columnCount() == 5


def test_the_main_window_shows_every_section(qtbot, ctx, filled):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    names = [window.nav.item(r).text() for r in range(window.nav.count())]
    assert names == [
        "Inicio",
        "Personas",
        "Apoyos",
        "Convenios",
        "Actividades",
        "Reportes",
        "Administración",
    ]
    window.nav.setCurrentRow(0)
    with qtbot.waitSignal(window.home.figures_shown, timeout=10000):  # counted off the GUI thread
        window.home.refresh()
    assert window.home.values["people"].text() == "25"
    assert window.home.values["awaiting_approval"].text() == "13"
    window.nav.setCurrentRow(5)  # Reportes: the month just finished, still open
    reports = window.stack.currentWidget()
    assert reports.state.text() == "Abierto — cifras preliminares"
    qtbot.waitUntil(lambda: reports.document.pageCount() > 0, timeout=15000)
    assert "Oficina Tapachula" in window.office_label.text()


def test_people_page_finds_as_you_type_and_shows_the_file(qtbot, ctx, filled):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(1)
    page = window.people
    assert page.count.text() == "25 personas"
    qtbot.keyClicks(page.search, "nunez personaf")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.count.text() == "1 persona"
    assert "PersonaF Núñez" in page.detail.text()
    assert page.supports.rowCount() == 1
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 25)
    page.model.BATCH = 10  # more people than a batch: counted after the first ones show
    page.refresh()
    assert page.count.text() == "Contando…" and page.model.rowCount() == 10
    qtbot.waitUntil(lambda: page.count.text() == "25 personas")
    page.model.total = lambda: 200_000  # an office's count is grouped, as Mexico writes it
    page.model.counted.emit()
    assert page.count.text() == "200,000 personas"


def test_supports_page_buttons_follow_the_workflow(qtbot, ctx, filled):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.home.open_supports.emit(SupportStatus.APPROVED.value, False)
    page = window.supports
    assert window.stack.currentWidget() is page
    assert page.model.rowCount() == 12
    page.table.selectRow(0)
    buttons = page.step_buttons
    assert buttons["deliver"].isEnabled() and buttons["cancel"].isEnabled()
    assert not buttons["approve"].isEnabled() and not buttons["reject"].isEnabled()
    assert "Autorizado" in page.detail.text()


def test_a_caseworker_does_not_see_approval_buttons(qtbot, make_ctx, filled):
    window = MainWindow(make_ctx(Role.CAPTURISTA))
    qtbot.addWidget(window)
    buttons = window.supports.step_buttons
    assert buttons["approve"].isHidden() and buttons["reject"].isHidden()
    assert not buttons["deliver"].isHidden()


def test_the_other_pages_are_built_after_the_first_screen_one_at_a_time(qtbot, ctx):
    from PySide6.QtWidgets import QWidget

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    built = lambda: [isinstance(page, QWidget) for _name, page, _icon in window.pages]  # noqa: E731
    assert built() == [True, False, False, False, False, False, False]  # Inicio only
    window.prepare()  # the first step (country names): the rest in later turns of the loop
    assert built() == [True, False, False, False, False, False, False]
    with qtbot.waitSignal(window.prepared, timeout=10000):
        pass
    assert all(built())
    window.nav.setCurrentRow(6)
    assert window.stack.currentWidget() is window.pages[6][1]
    assert window.stack.count() == 7


def test_retention_lists_inactive_people_off_the_gui_thread_and_anonymizes_them(
    qtbot, qtmodeltester, make_ctx, filled, monkeypatch
):
    from PySide6.QtWidgets import QInputDialog
    from sqlalchemy import text

    from frontera_desk.gui.pages.admin_page import AdminPage

    with filled.write() as session:  # the five Núñez: nothing changed or given since 2010
        old = "(SELECT id FROM persons WHERE first_surname = 'Núñez')"
        session.execute(text(f"UPDATE persons SET updated_at = '2010-01-01' WHERE id IN {old}"))
        session.execute(text(f"UPDATE supports SET requested_on = '2010-01-01' "
                             f"WHERE person_id IN {old}"))  # fmt: skip
    page = AdminPage(make_ctx(Role.SUPERVISOR))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.inactive_listed, timeout=10000):
        qtbot.mouseClick(page.find_inactive, Qt.MouseButton.LeftButton)
    model = page.inactive_model
    qtmodeltester.check(model)
    names = [model.index(row, 1).data() for row in range(model.rowCount())]
    assert names == [f"Persona{letter} Núñez" for letter in "AFKPU"]  # in name order
    assert page.retention_info.text().startswith("5 personas")
    flags = QItemSelectionModel.SelectionFlag
    for row in (0, 1):  # two selected: A and F
        page.inactive.selectionModel().select(model.index(row, 0), flags.Select | flags.Rows)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Plazo cumplido", True))
    with qtbot.waitSignal(page.inactive_listed, timeout=10000):  # listed again after
        page.anonymize_selected()
    names = [model.index(row, 1).data() for row in range(model.rowCount())]
    assert names == [f"Persona{letter} Núñez" for letter in "KPU"]


def test_a_person_file_closed_does_not_stay_in_memory(qtbot, ctx, filled):
    """Qt keeps a dialog with a parent as long as the parent: each file opened from Personas
    stayed (1-2 MB each) until the program closed."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(1)
    window.people.table.selectRow(0)
    closer = QTimer(interval=20)
    closer.timeout.connect(
        lambda: QApplication.activeModalWidget() and QApplication.activeModalWidget().reject()
    )
    closer.start()
    for _ in range(3):
        window.people.edit_person()
    closer.stop()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChildren(QDialog) == []


def test_a_list_reloaded_again_and_again_keeps_no_old_reload(qtbot, filled, monkeypatch):
    """Each reload's job once stayed in memory with its thousand rows (the job's signals, kept
    by the reload, held it through their callbacks)."""
    made: list[weakref.ref[object]] = []

    class Tracked(lazy._Loading):
        def __init__(self, *args: object) -> None:
            super().__init__(*args)  # type: ignore[arg-type]
            made.append(weakref.ref(self))

    monkeypatch.setattr(lazy, "_Loading", Tracked)
    model = people_model(filled, "es")
    for text in ["nunez", ""] * 20:
        with qtbot.waitSignal(model.counted):
            model.set_filter(text)
    QThreadPool.globalInstance().waitForDone()
    qtbot.wait(100)  # the jobs' last answers delivered
    gc.collect()
    assert len(made) == 40 and sum(ref() is not None for ref in made) <= 2


def test_voiding_a_receipt_asks_in_a_dialog_whose_buttons_say_what_they_do(qtbot, make_ctx, filled):
    """Issue 24, item 17: "Cancelar el recibo" / "Volver", and an empty reason explained in
    the dialog, as the reject dialog does."""
    from frontera_desk.services import receipts
    from tests.gui.conftest import answer_void

    ctx = make_ctx(Role.SUPERVISOR)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.home.open_supports.emit(SupportStatus.APPROVED.value, False)
    page = window.supports
    page.table.selectRow(0)
    with filled.write() as session:
        supports.deliver_support(session, ctx.actor, page.support.id,
                                 evidence_reason="Documentos en trámite")  # fmt: skip
    window.home.open_supports.emit(SupportStatus.DELIVERED.value, False)
    page.table.selectRow(0)
    folio = page.support.folio
    assert folio and page.void_button.isEnabled()
    seen: list[str] = []
    answer_void("Importe equivocado", seen)
    qtbot.mouseClick(page.void_button, Qt.MouseButton.LeftButton)
    assert seen == ["&Cancelar el recibo",
                    "Motivo de la cancelación: obligatorio, hasta 500 caracteres."]  # fmt: skip
    with filled.read() as session:
        data = receipts.receipt_data(session, folio)
        found = receipts.find(session, folio)
    # the voided folio stays in the support's history, with why, who and when (item 6)
    who = ctx.actor.full_name
    assert data.voided and data.void_reason.startswith("Importe equivocado (cancelado el ")
    assert data.void_reason.endswith(f" por {who})")
    assert found[0].voided and found[0].void_note == data.void_reason
    window.home.open_supports.emit(SupportStatus.APPROVED.value, False)
    page.table.selectRow(
        next(
            r
            for r in range(page.model.rowCount())
            if page.model.index(r, 0).data(IdRole) == data_support(filled, folio)
        )
    )
    assert (
        f"{folio} — cancelado el" in page.detail.text()
        and "Importe equivocado" in page.detail.text()
    )


def data_support(db, folio):
    from frontera_desk.services import receipts

    with db.read() as session:
        return receipts.find(session, folio)[0].support_id


def test_a_support_that_leaves_the_filtered_list_leaves_the_detail_panel_too(
    qtbot, make_ctx, filled, monkeypatch
):
    """Issue 24, item 10: authorized from the "Solicitado" list, the support is no longer on
    screen, so neither the detail panel nor its buttons act on it any more."""
    from frontera_desk.gui.dialogs.support_dialogs import StepDialog

    window = MainWindow(make_ctx(Role.SUPERVISOR))
    qtbot.addWidget(window)
    window.home.open_supports.emit(SupportStatus.REQUESTED.value, False)
    page = window.supports
    page.table.selectRow(0)
    chosen = page.support.id
    before = page.model.rowCount()
    monkeypatch.setattr(StepDialog, "exec", lambda dialog: dialog.save())  # Approve, as clicked
    qtbot.mouseClick(page.step_buttons["approve"], Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == before - 1 and page.support is None
    assert not any(b.isEnabled() for b in page.step_buttons.values())
    assert f"núm. {chosen} ahora está «Autorizado»" in page.detail.text()


def test_an_empty_people_list_says_what_to_do(qtbot, ctx, filled):
    """Issue 24, item 14: "Nadie coincide con «…». ¿Registrar a una persona nueva?"."""
    from frontera_desk.gui.pages.people_page import PeoplePage

    page = PeoplePage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.model.total() is not None)
    assert page.empty.isHidden()
    page.search.setText("zzzqx")
    page._run_search()
    qtbot.waitUntil(lambda: page.model.total() == 0)
    assert page.empty.isVisible()
    assert "Nadie coincide con «zzzqx»." in page.empty.text()
    assert "¿Registrar a una persona nueva?" in page.empty.text()
