"""*Verificar un código*: every verdict shown, the dialog open for the next code, codes read
from a photo of the receipt."""

from datetime import date

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from frontera_desk.domain.enums import Role, Sex
from frontera_desk.gui.dialogs.receipt_dialogs import VerifyReceiptDialog
from frontera_desk.services import people, receipts
from tests.unit.test_receipt_scans import photo_of_printed_receipt, qr_image
from tests.unit.test_receipts import deliver


@pytest.fixture
def folio(db, actors):
    with db.write() as session:
        person = people.create_person(
            session, actors[Role.CAPTURISTA],
            people.PersonInput("Widelande", "Saint-Fleur", sex=Sex.FEMALE, nationality="HT"),
        )  # fmt: skip
    return deliver(db, actors, person.id, on=date(2026, 3, 2)).folio


def scan(qtbot, dialog, code):
    """As a barcode scanner does: the code's characters, then Enter."""
    dialog.ui.code.clear()
    qtbot.keyClicks(dialog.ui.code, code)
    qtbot.keyClick(dialog.ui.code, Qt.Key.Key_Return)
    return dialog.ui.verdict.text(), dialog.ui.result.text()


def test_each_scan_shows_its_verdict_and_the_dialog_stays_open(qtbot, ctx, db, actors, folio):
    with db.read() as session:
        code = receipts.receipt_data(session, folio).verification
    dialog = VerifyReceiptDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    verdict, message = scan(qtbot, dialog, code)
    assert dialog.isVisible()  # Enter used to close it before anyone saw the verdict
    assert "VÁLIDO" in verdict and message.startswith(f"Recibo {folio} válido")
    assert dialog.ui.code.hasSelectedText()  # the next scan replaces the code
    verdict, message = scan(qtbot, dialog, code.replace("|125050|", "|925050|"))
    assert "ALTERADO" in verdict and "NO coincide" in message
    verdict, message = scan(qtbot, dialog, code.replace("TAP-", "ARR-"))
    assert "DESCONOCIDO" in verdict and "ningún recibo" in message
    with db.write() as session:
        receipts.void(session, actors[Role.SUPERVISOR], folio, "Importe equivocado")
    verdict, message = scan(qtbot, dialog, code)
    assert "CANCELADO" in verdict and "Importe equivocado" in message
    assert dialog.isVisible()
    dialog.grab().save("/tmp/verify_dialog.png")


def test_a_photo_of_the_receipt_is_read_and_checked(qtbot, ctx, db, folio, tmp_path, monkeypatch):
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(photo_of_printed_receipt(db, folio, tmp_path))
    dialog = VerifyReceiptDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(photo), ""))
    with qtbot.waitSignal(dialog.image_read, timeout=20000):
        qtbot.mouseClick(dialog.ui.fromImage, Qt.MouseButton.LeftButton)
    assert "VÁLIDO" in dialog.ui.verdict.text()
    assert dialog.ui.code.text().startswith(f"FD|{folio}|")
    dialog.grab().save("/tmp/verify_dialog_photo.png")
    # an image with no code, then one with someone else's: one line each, still open
    blank = tmp_path / "blanco.png"
    Image.new("RGB", (640, 480), "white").save(blank)
    with qtbot.waitSignal(dialog.image_read, timeout=20000):
        dialog.read_image(blank)
    assert dialog.ui.result.text().startswith("No se encontró un código QR en la imagen")
    other = tmp_path / "otro.png"
    other.write_bytes(qr_image("https://example.org/menu"))
    with qtbot.waitSignal(dialog.image_read, timeout=20000):
        dialog.read_image(other)
    assert (
        dialog.ui.result.text()
        == "El código no es de un recibo ni de una constancia de Frontera Desk."
    )
    assert "DESCONOCIDO" in dialog.ui.verdict.text()
    broken = tmp_path / "roto.jpg"
    broken.write_bytes(b"\xff\xd8\xff no es una foto")
    with qtbot.waitSignal(dialog.image_read, timeout=20000):
        dialog.read_image(broken)
    assert dialog.ui.result.text() == "El archivo no es una imagen que se pueda leer (JPEG o PNG)."
    assert dialog.isVisible()


def test_the_receipts_list_shows_and_attaches_the_signed_copy(
    qtbot, ctx, db, actors, folio, tmp_path, monkeypatch
):
    from frontera_desk.gui.dialogs.receipt_dialogs import ReceiptSearchDialog

    with db.write() as session:
        person = people.create_person(
            session, actors[Role.CAPTURISTA],
            people.PersonInput("Jean", "Baptiste", sex=Sex.MALE, nationality="HT"),
        )  # fmt: skip
    other = deliver(db, actors, person.id, on=date(2026, 3, 3)).folio
    photo = tmp_path / "firmado.jpg"
    photo.write_bytes(photo_of_printed_receipt(db, folio, tmp_path))
    dialog = ReceiptSearchDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.resize(900, 420)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ui.table.rowCount() == 2)
    table = dialog.ui.table

    def signed_column() -> dict[str, str]:
        return {table.item(r, 0).text(): table.item(r, 5).text() for r in range(table.rowCount())}

    assert signed_column() == {folio: "Falta", other: "Falta"}
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(photo), ""))
    row_of = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    table.selectRow(row_of[other])  # the photo is of the first receipt, not this one
    with qtbot.waitSignal(dialog.signed_copy_attached, timeout=20000):
        qtbot.mouseClick(dialog.ui.attachSigned, Qt.MouseButton.LeftButton)
    assert dialog.ui.notice.text() == (
        f"La imagen es del recibo {folio}, no del {other}: no se adjuntó."
    )
    table.selectRow(row_of[folio])
    with qtbot.waitSignal(dialog.signed_copy_attached, timeout=20000):
        qtbot.mouseClick(dialog.ui.attachSigned, Qt.MouseButton.LeftButton)
    assert "coincide con el recibo" in dialog.ui.notice.text()
    qtbot.waitUntil(lambda: signed_column() == {folio: "Adjunta", other: "Falta"})
    dialog.grab().save("/tmp/receipts_list_signed.png")
