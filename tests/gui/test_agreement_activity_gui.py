"""An agreement with two disbursements, and an activity with attendees, through the dialogs."""

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from frontera_desk.domain.enums import AgreementKind, AgreementStatus, Role
from frontera_desk.gui.dialogs.activity_dialog import ActivityDialog
from frontera_desk.gui.dialogs.agreement_dialogs import (
    AgreementDialog,
    AgreementStatusDialog,
    DisbursementDialog,
    OrganizationDialog,
    next_status,
)
from frontera_desk.gui.main_window import MainWindow
from frontera_desk.services import activities, agreements


def save(qtbot, dialog):
    qtbot.mouseClick(
        dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def test_an_agreement_with_two_disbursements(qtbot, ctx, db):
    org = OrganizationDialog(ctx)
    qtbot.addWidget(org)
    org.ui.kind.setCurrentIndex(org.ui.kind.findData("agencia_internacional"))
    qtbot.keyClicks(org.ui.name, "Organizacion Internacional para las Migraciones")
    qtbot.keyClicks(org.ui.acronym, "OIM")
    save(qtbot, org)
    assert org.saved is not None

    dialog = AgreementDialog(ctx)
    qtbot.addWidget(dialog)
    save(qtbot, dialog)
    assert dialog.ui.error.text() == "Título: es obligatorio."
    qtbot.keyClicks(dialog.ui.title, "Atencion a familias refugiadas")
    dialog.ui.organizations.item(0).setCheckState(Qt.CheckState.Checked)
    assert not dialog.ui.signed.isEnabled()  # a draft has no signing date (issue 24, item 7)
    dialog.ui.validFrom.setDate(QDate.currentDate().addDays(-30))
    qtbot.keyClicks(dialog.ui.committed, "100,000")
    save(qtbot, dialog)
    assert dialog.saved is not None and dialog.saved.committed_centavos == 10_000_000
    assert dialog.saved.status is AgreementStatus.DRAFT
    # the next normal step, never "Cancelado", is what Change status offers; signing asks the date
    assert next_status(AgreementStatus.DRAFT) is AgreementStatus.SIGNED
    step = AgreementStatusDialog(ctx, dialog.saved, AgreementStatus.SIGNED)
    qtbot.addWidget(step)
    assert step.ui.signedOn.isVisibleTo(step)
    step.ui.signedOn.setDate(QDate.currentDate().addDays(-30))
    save(qtbot, step)
    assert step.result() == step.DialogCode.Accepted
    with db.read() as session:
        signed = agreements.get_agreement(session, dialog.saved.id)
    assert signed.status is AgreementStatus.SIGNED
    assert signed.signed_on == QDate.currentDate().addDays(-30).toPython()
    step = AgreementStatusDialog(ctx, signed, next_status(signed.status))
    qtbot.addWidget(step)
    assert not step.ui.signedOn.isVisibleTo(step)
    save(qtbot, step)
    with db.read() as session:
        record = agreements.get_agreement(session, dialog.saved.id)
    assert record.status is AgreementStatus.IN_FORCE

    for amount in ("40,000", "70,000"):
        pay = DisbursementDialog(ctx, record)
        qtbot.addWidget(pay)
        qtbot.keyClicks(pay.ui.amount, amount)
        qtbot.keyClicks(pay.ui.paidFor, "Despensas")
        save(qtbot, pay)
        if amount == "70,000":  # beyond the balance of 60,000: a reason is asked for
            assert "rebasa el saldo" in pay.ui.error.text()
            qtbot.keyClicks(pay.ui.overrideReason, "Ampliacion por oficio")
            save(qtbot, pay)
        assert pay.result() == pay.DialogCode.Accepted
        with db.read() as session:
            record = agreements.get_agreement(session, record.id)
    assert len(record.disbursements) == 2 and record.balance_centavos == -1_000_000

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(3)
    page = window.stack.currentWidget()
    assert page.model.rowCount() == 1 and page.model.index(0, 5).data() == "-$10,000.00"
    page.table.selectRow(0)
    detail = page.detail.text()
    assert "Ampliacion por oficio" in detail
    # the disbursements under headers, with who recorded each; an overdrawn balance in red
    assert "<th align='left'>Registró</th>" in detail and detail.count(ctx.actor.full_name) >= 2
    assert "color:#b00020'>-$10,000.00 (sobregirado)" in detail
    assert page.status_button.text() == "Marcar como Concluido…"
    assert page.cancel_button.isEnabled()


def test_cancelling_an_agreement_is_its_own_button_and_asks_first(qtbot, ctx, db):
    with db.write() as session:
        org = agreements.save_organization(
            session, ctx.actor, agreements.OrganizationInput("asociacion_civil", "Albergue Uno")
        )
        agreements.save_agreement(
            session, ctx.actor,
            agreements.AgreementInput("Apoyo alimentario", AgreementKind.COORDINATION, [org.id]),
        )  # fmt: skip
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(3)
    page = window.stack.currentWidget()
    page.table.selectRow(0)
    assert page.status_button.text() == "Marcar como Firmado…"
    answers = []

    def answer(button_text):
        box = QApplication.activeModalWidget()
        answers.append(box.defaultButton().text())
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, lambda: answer("&Volver"))
    page.cancel_button.click()
    with db.read() as session:
        assert agreements.get_agreement(session, page.agreement.id).status is AgreementStatus.DRAFT
    QTimer.singleShot(0, lambda: answer("&Cancelar el convenio"))
    page.cancel_button.click()
    with db.read() as session:
        cancelled = agreements.get_agreement(session, page.agreement.id)
    assert cancelled.status is AgreementStatus.CANCELLED
    assert answers == ["&Volver", "&Volver"]  # Enter goes back, never cancels
    assert not page.cancel_button.isEnabled() and not page.status_button.isEnabled()


def test_an_activity_with_attendees(qtbot, make_ctx, db):
    ctx = make_ctx(Role.CAPTURISTA)
    dialog = ActivityDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.ui.kind.setCurrentIndex(dialog.ui.kind.findData("taller"))
    qtbot.keyClicks(dialog.ui.title, "Derechos humanos de los migrantes")
    dialog.ui.topic.setCurrentIndex(3)
    dialog.ui.hours.setValue(4)
    qtbot.keyClicks(dialog.ui.municipality, "Tapachula")
    dialog.ui.audiences.item(1).setCheckState(Qt.CheckState.Checked)
    for name in ("Juan Perez", "Maria Gomez"):
        qtbot.mouseClick(dialog.ui.addAttendee, Qt.MouseButton.LeftButton)
        dialog.ui.attendees.item(dialog.ui.attendees.rowCount() - 1, 0).setText(name)
    dialog._spin(0, 2).setValue(5)  # counts that do not match the list of 2
    save(qtbot, dialog)
    assert "suman 5 pero la lista tiene 2" in dialog.ui.error.text()
    dialog._spin(0, 2).setValue(0)
    save(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    with db.read() as session:
        record = activities.get_activity(session, dialog.saved.id)
    assert [a.name for a in record.attendees] == ["Juan Perez", "Maria Gomez"]
    assert record.hours == 4 and record.total == 2


def test_the_activities_list_is_lazy_newest_first_and_filtered_by_kind(
    qtbot, qtmodeltester, make_ctx, db
):
    from datetime import date

    from frontera_desk.gui.pages.activities_page import ActivitiesPage

    ctx = make_ctx(Role.CAPTURISTA)
    with db.write() as session:
        for day in range(1, 13):
            data = activities.ActivityInput("evento" if day % 3 == 0 else "taller",
                                            f"Actividad {day}", date(2026, 3, day))  # fmt: skip
            if day % 3 == 0:
                data.counts = {("F", "18-29"): 4, ("M", "30-59"): 3}
            else:
                data.attendees = [activities.AttendeeInput(n, "F", "18-29") for n in "AB"]
            activities.save_activity(session, ctx.actor, data)
    page = ActivitiesPage(ctx)
    qtbot.addWidget(page)
    page.model.BATCH = 5
    page.refresh()
    assert page.model.rowCount() == 5  # the rest when scrolled, counted off the GUI thread
    qtbot.waitUntil(lambda: page.model.total() == 12)
    first = [page.model.index(0, column).data() for column in range(5)]
    assert first == ["12/03/2026", "Evento de difusión", "Actividad 12", "", "7"]
    assert page.model.index(1, 4).data() == "2"  # a workshop: its list of attendees
    assert "Actividad 12" in page.detail.text()  # the newest is shown as the page opens
    qtmodeltester.check(page.model)
    page.table.selectRow(1)
    assert "Actividad 11" in page.detail.text()
    page.kind.setCurrentIndex(page.kind.findData("evento"))
    assert page.model.total() == 4
    assert [page.model.index(r, 2).data() for r in range(4)] == [
        f"Actividad {day}" for day in (12, 9, 6, 3)
    ]


def test_the_attendance_editor_shows_a_registered_persons_sex_and_age_band(
    qtbot, make_ctx, db, actors, monkeypatch
):
    """Issue 24, item 16: a registered person's row shows their real sex and age band (not the
    defaults), and Return while typing a name adds no blank row."""
    from datetime import date

    from frontera_desk.domain.enums import Sex
    from frontera_desk.gui.dialogs import activity_dialog
    from frontera_desk.services import people
    from frontera_desk.services.people import PersonInput

    with db.write() as session:
        rosa = people.create_person(session, actors[Role.CAPTURISTA], PersonInput(
            "Rosa", "Cruz", sex=Sex.FEMALE, birth_date=date(2012, 1, 1)))  # fmt: skip

    class Picked:  # the person picker, answered: Rosa
        def __init__(self, *_args):
            self.person_id, self.person_name = rosa.id, "Rosa Cruz"

        def exec(self):
            return True

    monkeypatch.setattr(activity_dialog, "PersonPickerDialog", Picked)
    dialog = ActivityDialog(make_ctx(Role.CAPTURISTA))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.ui.addPerson, Qt.MouseButton.LeftButton)
    table = dialog.ui.attendees
    sex, band = table.cellWidget(0, 1), table.cellWidget(0, 2)
    assert (sex.currentText(), band.currentText()) == ("Mujer", "12-17")
    # Return while typing a name in the list must not press "add" again (a blank row): the
    # list's buttons are not the dialog's default
    for button in (dialog.ui.addPerson, dialog.ui.addAttendee, dialog.ui.removeAttendee):
        assert not button.autoDefault() and not button.isDefault()


def test_no_partner_is_feminine_and_no_topic_masculine(qtbot, ctx):
    """Issue 24, item 19: "(ninguna)" for an organization, "(ninguno)" for a topic."""
    dialog = ActivityDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.ui.partner.itemText(0) == "(ninguna)"
    assert dialog.ui.topic.itemText(0) == "(ninguno)"
