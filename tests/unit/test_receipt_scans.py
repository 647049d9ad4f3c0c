"""The receipt's QR code read back from a scan or photo, and checked against the records."""

import io
import shutil
import subprocess
from datetime import date

import pytest
from PIL import Image, ImageDraw, ImageFilter

from frontera_desk.domain.enums import Role, Sex
from frontera_desk.domain.errors import FronteraError
from frontera_desk.reports.receipt import qr_matrix, write_receipts
from frontera_desk.services import attachments, people, receipt_scans, receipts
from frontera_desk.services.receipt_scans import ImageUnreadable
from tests.unit.test_receipts import deliver

pytestmark = pytest.mark.sqlite_only  # about images, not the database


@pytest.fixture
def folio(db, actors):
    with db.write() as session:
        person = people.create_person(
            session, actors[Role.CAPTURISTA],
            people.PersonInput("Widelande", "Saint-Fleur", sex=Sex.FEMALE, nationality="HT"),
        )  # fmt: skip
    return deliver(db, actors, person.id, on=date(2026, 3, 2)).folio


def photo_of_printed_receipt(db, folio, tmp_path) -> bytes:
    """The receipt's PDF rendered to PNG (as a scanner would), blurred and turned 3 degrees
    (as a phone photo of the paper would be)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    with db.read() as session:
        data = receipts.receipt_data(session, folio)
    pdf = tmp_path / "recibo.pdf"
    write_receipts([data], pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "hoja")], check=True)  # fmt: skip
    page = Image.open(next(tmp_path.glob("hoja*.png"))).convert("RGB")
    photo = page.filter(ImageFilter.GaussianBlur(1)).rotate(3, expand=True, fillcolor="white")
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=80)
    return out.getvalue()


def qr_image(text: str) -> bytes:
    modules = qr_matrix(text)
    scale, border = 6, 4
    side = (len(modules) + 2 * border) * scale
    image = Image.new("L", (side, side), 255)
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark:
                left, top = (x + border) * scale, (y + border) * scale
                draw.rectangle([left, top, left + scale - 1, top + scale - 1], fill=0)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def test_a_photo_of_the_printed_receipt_verifies_through_its_qr_code(db, folio, tmp_path):
    photo = photo_of_printed_receipt(db, folio, tmp_path)
    with db.write() as session:
        found = receipt_scans.verify_image(session, photo)
    assert found.folio == folio
    assert found.verification.verdict == "valid"
    assert found.verification.message.startswith(f"Recibo {folio} válido")


def test_a_voided_receipts_photo_says_so(db, actors, folio, tmp_path):
    photo = photo_of_printed_receipt(db, folio, tmp_path)
    with db.write() as session:
        receipts.void(session, actors[Role.SUPERVISOR], folio, "Importe equivocado")
    with db.write() as session:
        found = receipt_scans.verify_image(session, photo)
    assert found.verification.verdict == "voided"
    assert "CANCELADO" in found.verification.message


def test_an_altered_code_and_someone_elses_code_are_told_apart(db, folio):
    with db.write() as session:
        code = receipts.receipt_data(session, folio).verification
    altered = code.replace("|125050|", "|925050|")
    other_office = code.replace(folio, folio.replace("TAP", "ARR"))
    with db.write() as session:
        assert receipt_scans.verify_image(session, qr_image(altered)).verification.verdict == (
            "altered"
        )
        unknown = receipt_scans.verify_image(session, qr_image(other_office)).verification
        assert unknown.verdict == "unknown"
        assert unknown.message == "El código no corresponde a ningún recibo registrado."
        foreign = receipt_scans.verify_image(session, qr_image("https://example.org/menu"))
        assert (
            foreign.verification.message
            == "El código no es de un recibo ni de una constancia de Frontera Desk."
        )


def test_an_image_without_a_code_says_so_in_one_line(db):
    blank = io.BytesIO()
    Image.new("RGB", (800, 600), "white").save(blank, "PNG")
    with db.write() as session:
        found = receipt_scans.verify_image(session, blank.getvalue())
    assert found.code == "" and found.verification.verdict == "unknown"
    assert found.verification.message.startswith("No se encontró un código QR en la imagen")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"%PDF-1.7\n...", "es un PDF"),
        (b"MZ\x90\x00 no es una imagen", "no es una imagen"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "no es una imagen"),
    ],
    ids=["pdf", "program", "broken-png"],
)
def test_files_that_are_not_images_are_refused_in_one_line(data, words):
    with pytest.raises(ImageUnreadable, match=words):
        receipt_scans.decode_codes(data)


def test_an_enormous_image_is_refused_before_decoding(monkeypatch):
    monkeypatch.setattr(receipt_scans, "MAX_PIXELS", 1000)
    big = io.BytesIO()
    Image.new("L", (100, 100), 255).save(big, "PNG")
    with pytest.raises(ImageUnreadable, match="100×100 píxeles"):
        receipt_scans.decode_codes(big.getvalue())


# --- the signed copy back in the record -------------------------------------------------------


def test_the_signed_receipts_photo_is_kept_with_its_folio_and_its_code_checked(
    db, actors, folio, tmp_path
):
    photo = photo_of_printed_receipt(db, folio, tmp_path)
    with db.write() as session:
        kept = receipt_scans.attach_signed_copy(
            session, actors[Role.CAPTURISTA], folio, "recibo_firmado.jpg", photo
        )
    assert kept.code_checked and kept.attachment.kind == "recibo_firmado"
    with db.write() as session:
        assert receipt_scans.signed_folios(session, [folio, "TAP-2026-999999"]) == {folio}
        [copy] = receipt_scans.signed_copies(session, folio)
        assert attachments.open_attachment(session, actors[Role.SUPERVISOR], copy.id) == photo


def test_a_photo_of_another_receipt_is_not_kept_as_this_ones(db, actors, folio, tmp_path):
    photo = photo_of_printed_receipt(db, folio, tmp_path)
    with db.write() as session:
        person = people.create_person(
            session, actors[Role.CAPTURISTA],
            people.PersonInput("Jean", "Baptiste", sex=Sex.MALE, nationality="HT"),
        )  # fmt: skip
    other = deliver(db, actors, person.id, on=date(2026, 3, 3)).folio
    refused = f"La imagen es del recibo {folio}, no del {other}"
    with pytest.raises(FronteraError, match=refused), db.write() as session:
        receipt_scans.attach_signed_copy(session, actors[Role.CAPTURISTA], other, "r.jpg", photo)
    with db.read() as session:
        assert receipt_scans.signed_folios(session, [folio, other]) == set()


def test_an_altered_code_in_the_scan_is_refused(db, actors, folio):
    with db.write() as session:
        code = receipts.receipt_data(session, folio).verification
    altered = qr_image(code.replace("|125050|", "|925050|"))
    refused = "puede estar alterado. No se adjuntó"
    with pytest.raises(FronteraError, match=refused), db.write() as session:
        receipt_scans.attach_signed_copy(session, actors[Role.CAPTURISTA], folio, "r.png", altered)


def test_a_scan_without_a_readable_code_is_kept_unchecked_and_a_voided_receipt_gets_none(
    db, actors, folio
):
    scan = io.BytesIO()
    Image.new("RGB", (400, 300), "white").save(scan, "JPEG")
    with db.write() as session:
        kept = receipt_scans.attach_signed_copy(session, actors[Role.CAPTURISTA], folio,
                                                "escaneo.jpg", scan.getvalue())  # fmt: skip
    assert not kept.code_checked
    with db.write() as session:
        receipts.void(session, actors[Role.SUPERVISOR], folio, "Error de captura")
    with pytest.raises(FronteraError, match="fue cancelado"), db.write() as session:
        receipt_scans.attach_signed_copy(session, actors[Role.CAPTURISTA], folio, "otra.jpg",
                                         scan.getvalue())  # fmt: skip
