"""Set-up asks the office's place and header; Administración edits them with each support type's
program and partida; Actividades issues, prints and voids certificates."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from frontera_desk import paths
from frontera_desk.domain.enums import ActivityKind, Role, Sex
from frontera_desk.gui.dialogs import certificate_dialogs
from frontera_desk.gui.dialogs.account_dialogs import SetupDialog
from frontera_desk.gui.dialogs.certificate_dialogs import CertificatesDialog
from frontera_desk.gui.pages.admin_page import AdminPage
from frontera_desk.services import activities, certificates, office
from frontera_desk.services.activities import ActivityInput, AttendeeInput
from tests.gui.conftest import answer_void

PASSWORD = "clave-segura-1"


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.usefixtures("cheap_kdf")
def test_setup_asks_the_place_and_the_header(qtbot, tmp_path):
    app_paths = paths.resolve(tmp_path / "nueva")
    dialog = SetupDialog(app_paths)
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui
    for widget, text in ((ui.code, "arr"), (ui.name, "Oficina de Atencion a Migrantes Arriaga"),
                         (ui.username, "admin"), (ui.fullName, "Ana Admin"),
                         (ui.password, PASSWORD), (ui.repeat, PASSWORD)):  # fmt: skip
        qtbot.keyClicks(widget, text)
    ok = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
    click(qtbot, ok)
    assert "Lugar: obligatorio" in ui.error.text()
    assert dialog.focusWidget() is ui.place
    assert not app_paths.keys.exists()  # nothing left half-made
    for widget, text in ((ui.place, "Arriaga, Chiapas"),
                         (ui.address, "Calle Central Norte 12, Arriaga"),
                         (ui.government, "Gobierno del Estado de Chiapas"),
                         (ui.unit, "Secretaria para la Atencion de Personas Migrantes"),
                         (ui.signer, "Mtra. Laura Rios"),
                         (ui.signerTitle, "Titular de la oficina")):  # fmt: skip
        qtbot.keyClicks(widget, text)
    dialog.grab().save(str(tmp_path / "setup.png"))
    click(qtbot, ok)
    assert dialog.result() == dialog.DialogCode.Accepted, ui.error.text()
    signed = dialog.result_value.signed_in
    try:
        with signed.db.read() as session:
            settings = office.get_settings(session)
    finally:
        signed.db.dispose()
    assert settings.receipt_place == "Arriaga, Chiapas"
    assert settings.receipt_address == "Calle Central Norte 12, Arriaga"
    assert settings.header_government == "Gobierno del Estado de Chiapas"
    assert settings.header_unit == "Secretaria para la Atencion de Personas Migrantes"
    assert (settings.certificate_signer, settings.certificate_signer_title) == (
        "Mtra. Laura Rios", "Titular de la oficina",
    )  # fmt: skip


def test_the_administrator_edits_the_header_and_each_types_program(qtbot, make_ctx, db):
    page = AdminPage(make_ctx(Role.ADMINISTRADOR))
    qtbot.addWidget(page)
    page.government.clear()
    qtbot.keyClicks(page.government, "Gobierno del Estado de Chiapas")
    qtbot.keyClicks(page.place, "Suchiate, Chiapas")
    page.save_settings()
    table = page.programs.table
    table.item(0, 1).setText("Programa de Atencion a Migrantes")
    table.item(0, 2).setText("4410")
    click(qtbot, page.programs.save_button)
    assert page.programs.message.text() == "Guardado."
    with db.read() as session:
        settings = office.get_settings(session)
        first = office.program_lines(session)[0]
    assert settings.header_government == "Gobierno del Estado de Chiapas"
    assert settings.receipt_place == "Suchiate, Chiapas"
    assert settings.privacy_notice == office.DEFAULT_PRIVACY_NOTICE  # untouched, kept
    assert (first.program_name, first.budget_line) == ("Programa de Atencion a Migrantes", "4410")


@pytest.fixture
def workshop(db, actors):
    with db.write() as session:
        return activities.save_activity(
            session,
            actors[Role.CAPTURISTA],
            ActivityInput(
                ActivityKind.WORKSHOP, "Taller de derechos humanos",
                date.today() - timedelta(days=1), hours=3, municipality="Tapachula",
                attendees=[AttendeeInput("Juan Perez", Sex.MALE, "30-59"),
                           AttendeeInput("Rosa Cruz", Sex.FEMALE, "18-29")],
            ),
        )  # fmt: skip


def test_certificates_are_issued_printed_and_voided_from_the_activity(
    qtbot, make_ctx, db, workshop, monkeypatch, tmp_path
):
    shown = []

    def preview(self):
        shown.append(list(self.folios))
        self.grab().save(str(tmp_path / "preview.png"))
        self._record()  # as printing does

    monkeypatch.setattr(certificate_dialogs.CertificatePreview, "exec", preview)
    dialog = CertificatesDialog(make_ctx(Role.SUPERVISOR), workshop)
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui
    assert ui.signer.text() == ""  # no office default yet: it must be named
    click(qtbot, ui.issue)
    assert "quién firma" in ui.message.text() and ui.table.rowCount() == 0
    qtbot.keyClicks(ui.signer, "Lic. Pedro Gomez")
    qtbot.keyClicks(ui.signerTitle, "Coordinador de capacitacion")
    click(qtbot, ui.issue)
    year = date.today().year
    assert shown == [[f"TAP-C-{year}-000001", f"TAP-C-{year}-000002"]]
    assert ui.table.rowCount() == 2 and ui.table.item(0, 3).text() == "Impresa"
    dialog.grab().save(str(tmp_path / "certificates.png"))
    ui.table.selectRow(1)
    seen: list[str] = []
    answer_void("Nombre mal escrito", seen)
    click(qtbot, ui.voidSelected)
    assert seen == [
        "&Cancelar la constancia",
        "Motivo de la cancelación: obligatorio, hasta 500 caracteres.",
    ]  # inline
    assert ui.table.item(1, 3).text() == "Cancelada: Nombre mal escrito"
    click(qtbot, ui.issue)  # Rosa gets a new folio; the voided one is never reused
    assert shown[-1] == [f"TAP-C-{year}-000001", f"TAP-C-{year}-000003"]
    with db.read() as session:
        rows = certificates.certificates_of(session, workshop.id)
    assert [(r.folio[-1], r.name, r.voided) for r in rows] == [
        ("1", "Juan Perez", False), ("2", "Rosa Cruz", True), ("3", "Rosa Cruz", False),
    ]  # fmt: skip


def test_a_caseworker_does_not_see_the_void_action(qtbot, make_ctx, workshop):
    dialog = CertificatesDialog(make_ctx(Role.CAPTURISTA), workshop)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ui.voidSelected.isVisible() and dialog.ui.issue.isEnabled()
