"""The provider's invoice in a support's file: read, shown with its checks, accepted or refused."""

import pytest
from PySide6.QtWidgets import QInputDialog

from frontera_desk.domain.enums import Role
from frontera_desk.gui.dialogs.invoice_panel import InvoicePanel
from frontera_desk.services import invoices
from tests.cfdi_samples import XXE, make_cfdi
from tests.unit.test_invoices import funeral, set_office_rfc


@pytest.fixture
def support_id(db, actors):
    set_office_rfc(db, actors)
    return funeral(db, actors)


def panel_for(qtbot, ctx, support_id, answer):
    """The panel, with its check dialog shown, photographed and answered by ``answer``."""
    panel = InvoicePanel(ctx, support_id)
    qtbot.addWidget(panel)
    seen = []

    def run(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        seen.append(dialog)
        answer(dialog)
        return dialog.result()

    panel.run_dialog = run
    return panel, seen


def test_the_invoice_is_shown_with_its_checks_then_kept(qtbot, make_ctx, db, support_id, tmp_path):
    xml, pdf = tmp_path / "F1207.xml", tmp_path / "F1207.pdf"
    xml.write_bytes(make_cfdi())
    pdf.write_bytes(b"%PDF-1.4\n% sintetico\n%%EOF\n")

    def accept(dialog):
        assert "✓ Total" in dialog.checks.text() and "✗" not in dialog.checks.text()
        dialog.grab().save("/tmp/invoice_check_dialog.png")
        dialog.accept()

    panel, seen = panel_for(qtbot, make_ctx(Role.CAPTURISTA), support_id, accept)
    assert panel.details.text() == "Sin factura adjunta."
    assert panel.attach_paths([pdf, xml])
    shown = panel.details.text()
    assert "FUNERARIA SAN ROQUE — RFC FSR850101AB7" in shown and "$15,000.00" in shown
    assert "6F1C2B3A-4D5E-4F60-8A7B-9C0D1E2F3A4B" in shown
    assert not panel.attach_button.isVisible()
    with db.read() as session:
        record = invoices.invoice_of_support(session, support_id)
    assert record.pdf_attachment_id is not None
    panel.resize(620, 200)
    panel.grab().save("/tmp/invoice_panel.png")


def test_another_total_waits_for_a_supervisors_reason(
    qtbot, make_ctx, db, support_id, tmp_path, monkeypatch
):
    xml = tmp_path / "F1208.xml"
    xml.write_bytes(make_cfdi(total="15800.00"))

    def without_reason(dialog):
        assert "✗ Total" in dialog.checks.text()
        dialog.accept()  # refused: the dialog stays open with the message
        assert dialog.isVisible()
        assert "se necesita el motivo escrito de un(a) supervisor(a)" in dialog.error_label.text()
        dialog.grab().save("/tmp/invoice_check_refused.png")
        dialog.reject()

    panel, _ = panel_for(qtbot, make_ctx(Role.CAPTURISTA), support_id, without_reason)
    assert not panel.attach_paths([xml])

    def with_reason(dialog):
        qtbot.keyClicks(dialog.reason, "Incluye traslado")
        dialog.accept()

    panel, _ = panel_for(qtbot, make_ctx(Role.SUPERVISOR), support_id, with_reason)
    assert panel.attach_paths([xml])
    assert "aceptado por Sofia: Incluye traslado" in panel.details.text()
    # taken back by the supervisor: a reason is required, then the panel offers to attach again
    answers = iter([("", True), ("Factura de otro servicio", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    panel.take_back()
    assert panel.message.text() == "Motivo: es obligatorio."
    panel.take_back()
    assert panel.details.text() == "Sin factura adjunta." and panel.message.text() == ""


def test_hostile_or_missing_xml_is_one_line_in_the_panel(qtbot, ctx, support_id, tmp_path):
    bad = tmp_path / "factura.xml"
    bad.write_bytes(XXE)
    panel, seen = panel_for(qtbot, ctx, support_id, lambda dialog: dialog.accept())
    assert not panel.attach_paths([bad])
    assert "DOCTYPE" in panel.message.text() and not seen
    assert not panel.attach_paths([tmp_path / "solo.pdf"])
    assert panel.message.text().startswith("Elija el archivo XML de la factura")


def test_the_support_file_shows_the_invoice_and_the_signed_receipt(
    qtbot, make_ctx, db, actors, support_id, tmp_path, monkeypatch
):
    """Issue #23, done when: a funeral paid to the provider, its CFDI dropped on the support's
    file with the other scans, delivered, its signed receipt attached: the file shows it all."""
    from frontera_desk.gui.dialogs.support_file import SupportFileDialog
    from frontera_desk.services import evidence, receipt_scans, supports
    from tests.conftest import TODAY
    from tests.unit.test_attachments import png
    from tests.unit.test_receipt_scans import photo_of_printed_receipt

    caseworker = actors[Role.CAPTURISTA]
    with db.write() as session:
        supports.approve_support(session, actors[Role.SUPERVISOR], support_id, on=TODAY,
                                 today=TODAY)  # fmt: skip
        for code, name in evidence.missing_documents(session, support_id):
            evidence.attach_document(session, caseworker, support_id, code, f"{code}.png",
                                     png(name.encode()))  # fmt: skip
    xml = tmp_path / "F1207.xml"
    xml.write_bytes(make_cfdi(issued=f"{TODAY.isoformat()}T10:00:00"))
    dialog = SupportFileDialog(make_ctx(Role.CAPTURISTA), support_id)
    qtbot.addWidget(dialog)
    widget = dialog.widget
    widget.invoice.run_dialog = lambda check: (qtbot.addWidget(check), check.accept(),
                                               check.result())[-1]  # fmt: skip
    widget.attach_paths([xml])  # as a drop of the XML on the window does
    assert "FUNERARIA SAN ROQUE" in widget.invoice.details.text()
    with db.write() as session:
        folio = supports.deliver_support(session, caseworker, support_id, on=TODAY,
                                         today=TODAY).folio  # fmt: skip
    photo = photo_of_printed_receipt(db, folio, tmp_path)
    with db.write() as session:
        receipt_scans.attach_signed_copy(session, caseworker, folio, "firmado.jpg", photo)
    widget.reload()
    files = {widget.files.item(r, 0).text(): widget.files.item(r, 1).text()
             for r in range(widget.files.rowCount())}  # fmt: skip
    assert files["F1207.xml"] == "Factura (XML)"
    assert files["firmado.jpg"] == "Recibo firmado"
    assert widget.folder is not None and widget.folder.complete
    dialog.resize(900, 760)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save("/tmp/support_file_with_invoice.png")
    # Removing the invoice's XML from the list takes the invoice back whole (a supervisor's)
    row = next(r for r in range(widget.files.rowCount())
               if widget.files.item(r, 0).text() == "F1207.xml")  # fmt: skip
    widget.files.setCurrentCell(row, 0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Otra funeraria", True))
    widget.remove_selected()
    assert widget.invoice.message.text().startswith("Su rol (capturista) no permite")
    with db.read() as session:
        assert invoices.invoice_of_support(session, support_id) is not None
