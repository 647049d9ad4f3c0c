"""The support's evidence file on screen: attach by the file dialog and by dropping, mark a
document received, open a file in the app; delivery without the documents."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from frontera_desk.domain.enums import Role, Sex, SupportStatus
from frontera_desk.gui.dialogs import attachment_viewer
from frontera_desk.gui.dialogs.support_dialogs import Step, StepDialog
from frontera_desk.gui.dialogs.support_file import SupportFileWidget
from frontera_desk.services import evidence, people, supports
from frontera_desk.services.people import PersonInput
from frontera_desk.services.supports import SupportInput
from tests.unit.test_attachments import png

SHOTS = "/tmp"  # screenshots to look at (written on every run; harmless)


@pytest.fixture
def funeral(db, actors):
    with db.write() as session:
        person = people.create_person(session, actors[Role.CAPTURISTA], PersonInput(
            "Rosa", "Mejia", "Cruz", Sex.FEMALE, date(1985, 2, 1)))  # fmt: skip
        kind = next(t for t in supports.support_types(session) if t.code == "FUNERAL")
        support = supports.request_support(session, actors[Role.CAPTURISTA], SupportInput(
            person.id, kind.id, "Servicio funerario", 1_500_000, "Funeraria San Jose"))  # fmt: skip
        supports.approve_support(session, actors[Role.SUPERVISOR], support.id)
    return support


def test_attach_mark_received_and_open_in_the_app(qtbot, make_ctx, db, funeral, tmp_path,
                                                  monkeypatch):  # fmt: skip
    ctx = make_ctx(Role.CAPTURISTA)
    widget = SupportFileWidget(ctx, funeral.id)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    assert widget.checklist.rowCount() == 3
    assert "3 documentos pendientes" in widget.header.text()
    assert widget.checklist.item(0, 0).checkState() == Qt.CheckState.Unchecked

    # the death certificate, chosen in the checklist, attached through the file dialog
    scan = tmp_path / "acta-defuncion.png"
    scan.write_bytes(png(b"acta", 40_000))
    widget.checklist.setCurrentCell(0, 0)
    assert widget.kind.currentData() == "certificado_o_acta_de_defuncion"
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(scan)], ""))  # fmt: skip
    with qtbot.waitSignal(widget.changed):
        qtbot.mouseClick(widget.attach_button, Qt.MouseButton.LeftButton)
    assert widget.files.rowCount() == 1
    assert widget.files.item(0, 0).text() == "acta-defuncion.png"
    assert widget.checklist.item(0, 0).checkState() == Qt.CheckState.Checked
    assert widget.checklist.item(0, 1).text() == "Ana"

    # the quotation checked by hand (the paper is in the physical folder)
    with qtbot.waitSignal(widget.changed):
        widget.checklist.item(1, 0).setCheckState(Qt.CheckState.Checked)
    # the identification dropped on the window: kept with the person
    ine = tmp_path / "ine.pdf"
    ine.write_bytes(b"%PDF-1.4\n%identificacion\n")
    widget.kind.setCurrentIndex(widget.kind.findData("identificacion"))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(ine))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    with qtbot.waitSignal(widget.changed):
        widget.dropEvent(drop)
    assert "completo" in widget.header.text()
    assert [widget.files.item(r, 2).text() for r in range(2)] == ["apoyo", "persona"]
    with db.read() as session:
        assert evidence.support_file(session, funeral.id).complete
    widget.grab().save(f"{SHOTS}/expediente.png")

    shown = []
    monkeypatch.setattr(attachment_viewer.AttachmentViewer, "exec",
                        lambda self: shown.append(self) or 0)  # fmt: skip
    widget.files.setCurrentCell(0, 0)
    qtbot.mouseClick(widget.open_button, Qt.MouseButton.LeftButton)
    widget.files.setCurrentCell(1, 0)
    qtbot.mouseClick(widget.open_button, Qt.MouseButton.LeftButton)
    image, pdf = shown
    assert isinstance(image.view, attachment_viewer._ScaledImage)
    assert isinstance(pdf.view, QPdfView) and pdf.document.pageCount() >= 0
    image.resize(500, 400)
    image.show()
    image.grab().save(f"{SHOTS}/adjunto.png")
    for viewer in shown:
        viewer.done(0)


def test_a_refused_file_says_why_and_nothing_is_kept(qtbot, make_ctx, db, funeral, tmp_path,
                                                     monkeypatch):  # fmt: skip
    ctx = make_ctx(Role.CAPTURISTA)
    widget = SupportFileWidget(ctx, funeral.id)
    qtbot.addWidget(widget)
    program = tmp_path / "acta.pdf"
    program.write_bytes(b"MZ\x90\x00" + b"\x00" * 500)
    warned = []
    monkeypatch.setattr("frontera_desk.gui.dialogs.support_file.QMessageBox.warning",
                        lambda _parent, _title, text: warned.append(text))  # fmt: skip
    widget.attach_paths([program])
    assert warned == ["El archivo «acta.pdf» es un programa, no un documento: no se adjunta."]
    assert widget.files.rowCount() == 0


def test_delivery_without_documents_asks_a_supervisor_for_the_reason(qtbot, make_ctx, db,
                                                                     funeral):  # fmt: skip
    caseworker = StepDialog(make_ctx(Role.CAPTURISTA), funeral, Step.DELIVER)
    qtbot.addWidget(caseworker)
    assert "Documentos no recibidos: Certificado" in caseworker.ui.summary.text()
    assert not caseworker.ui.reason.isVisibleTo(caseworker)
    ok = caseworker.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert "Faltan documentos del expediente" in caseworker.error_label.text()

    boss = StepDialog(make_ctx(Role.SUPERVISOR), funeral, Step.DELIVER)
    qtbot.addWidget(boss)
    assert boss.ui.reason.isVisibleTo(boss)
    qtbot.mouseClick(boss.ui.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    assert "escribiendo el motivo" in boss.error_label.text()  # empty reason: still refused
    qtbot.keyClicks(boss.ui.reason, "Sepelio urgente, acta en tramite")
    qtbot.mouseClick(boss.ui.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    with db.read() as session:
        record = supports.get_support(session, funeral.id)
    assert record.status is SupportStatus.DELIVERED
    assert record.events[-1].reason == "Sin documentos: Sepelio urgente, acta en tramite"
