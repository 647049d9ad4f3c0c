"""Receipts: folios without gaps, voids that keep the folio, verification codes, the PDF."""

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from frontera_desk.domain.enums import Role, Sex, SupportStatus
from frontera_desk.domain.errors import (
    FronteraError,
    NotFoundError,
    PermissionDenied,
    ValidationError,
)
from frontera_desk.reports.receipt import write_receipts
from frontera_desk.services import evidence, people, receipts, supports
from frontera_desk.services.people import PersonInput
from frontera_desk.services.supports import SupportInput


def deliver(db, actors, person_id, amount=125_050, on=None):
    with db.write() as session:
        other = next(t.id for t in supports.support_types(session) if t.code == "OTRO")
        s = supports.request_support(
            session,
            actors[Role.CAPTURISTA],
            SupportInput(person_id, other, "Artículos de higiene", amount, "Farmacia del Sur", on),
        )
        supports.approve_support(session, actors[Role.SUPERVISOR], s.id, on=on)
        evidence.receive_all(session, actors[Role.CAPTURISTA], s.id)
        return supports.deliver_support(session, actors[Role.CAPTURISTA], s.id, on=on)


@pytest.fixture
def person(db, actors):
    with db.write() as session:
        return people.create_person(
            session,
            actors[Role.CAPTURISTA],
            PersonInput(
                "Widelande",
                "Saint-Fleur",
                sex=Sex.FEMALE,
                nationality="HT",
                documents=[people.DocumentInput("comar", "COMAR-2026-77")],
            ),
        )


def test_delivery_issues_consecutive_folios_per_year(db, actors, person):
    folios = [deliver(db, actors, person.id, on=date(2025, 12, 30)).folio]
    folios += [deliver(db, actors, person.id).folio for _ in range(3)]
    year = date.today().year
    assert folios == ["TAP-2025-000001"] + [f"TAP-{year}-{n:06d}" for n in (1, 2, 3)]


def test_a_void_keeps_the_folio_and_a_new_delivery_gets_the_next(db, actors, person):
    first = deliver(db, actors, person.id)
    with pytest.raises(PermissionDenied), db.write() as session:
        receipts.void(session, actors[Role.CAPTURISTA], first.folio, "Error")
    with pytest.raises(ValidationError, match="Motivo"), db.write() as session:
        receipts.void(session, actors[Role.SUPERVISOR], first.folio, " ")
    with db.write() as session:
        voided = receipts.void(session, actors[Role.SUPERVISOR], first.folio, "Importe equivocado")
        assert voided.voided and voided.void_reason.startswith("Importe equivocado (cancelado el ")
        assert supports.get_support(session, first.id).status is SupportStatus.APPROVED
    with pytest.raises(FronteraError, match="ya estaba cancelado"), db.write() as session:
        receipts.void(session, actors[Role.SUPERVISOR], first.folio, "Otra vez")
    with db.write() as session:
        again = supports.deliver_support(session, actors[Role.CAPTURISTA], first.id)
    number = int(first.folio[-6:])
    assert again.folio.endswith(f"{number + 1:06d}")
    with db.read() as session:
        assert [r.voided for r in receipts.find(session)] == [False, True]


def test_unknown_and_malformed_folios_are_explained(db):
    with db.read() as session:
        with pytest.raises(NotFoundError, match="No existe el recibo"):
            receipts.receipt_data(session, "TAP-2026-999999")
        with pytest.raises(ValidationError, match="no es un folio"):
            receipts.receipt_data(session, "12345")


def test_the_verification_code_matches_and_forgeries_do_not(db, actors, person):
    delivered = deliver(db, actors, person.id)
    with db.write() as session:
        code = receipts.receipt_data(session, delivered.folio).verification
        assert receipts.verify_code(session, code).matches
        assert "válido" in receipts.verify_code(session, code).message
        forged_amount = code.replace("|125050|", "|925050|")
        assert not receipts.verify_code(session, forged_amount).matches
        parts = code.split("|")
        forged_mac = "|".join(parts[:4] + ["AAAAAAAAAAAA"])
        assert "NO coincide" in receipts.verify_code(session, forged_mac).message
        assert not receipts.verify_code(session, "hola").matches
        receipts.void(session, actors[Role.SUPERVISOR], delivered.folio, "Duplicado")
        assert "CANCELADO" in receipts.verify_code(session, code).message


def test_reprints_are_counted_and_audited(db, actors, person):
    from frontera_desk.db.models import AuditEntry

    delivered = deliver(db, actors, person.id)
    with db.write() as session:
        assert (
            receipts.record_print(session, actors[Role.CAPTURISTA], delivered.folio).print_count
            == 0
        )
        assert (
            receipts.record_print(session, actors[Role.CAPTURISTA], delivered.folio).print_count
            == 1
        )
        actions = [e.action for e in session.query(AuditEntry).order_by(AuditEntry.id)]
    assert actions[-2:] == ["imprimir_recibo", "reimprimir_recibo"]
    assert "emitir_recibo" in actions


def pdf_text(path: Path) -> str:
    """The text of every page, with line breaks and runs of spaces folded to one space."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_the_pdf_reads_back_with_everything_an_auditor_checks(db, actors, person, tmp_path):
    delivered = deliver(db, actors, person.id, amount=1_234_567)
    with db.write() as session:
        original = receipts.record_print(session, actors[Role.CAPTURISTA], delivered.folio)
        reprint = receipts.record_print(session, actors[Role.CAPTURISTA], delivered.folio)
        voided = receipts.void(
            session, actors[Role.SUPERVISOR], delivered.folio, "Error de captura"
        )
    write_receipts([original], tmp_path / "original.pdf")
    text = pdf_text(tmp_path / "original.pdf")
    for expected in (
        delivered.folio,
        "Widelande Saint-Fleur",
        "Haití",
        "COMAR-2026-77",
        "$12,345.67",
        "DOCE MIL TRESCIENTOS CUARENTA Y CINCO PESOS 67/100 M.N.",
        "por concepto de artículos de higiene",
        "Farmacia del Sur",
        "ORIGINAL",
        "COPIA PARA LA OFICINA",
        "Huella digital",
        "Este programa es público",
        "derechos ARCO",
        "Ana",
        "Sofia",
    ):
        assert expected in text, expected
    assert "REIMPRESIÓN" not in text and "CANCELADO" not in text
    write_receipts([reprint, voided], tmp_path / "more.pdf")
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "more.pdf").pages]
    assert "REIMPRESIÓN núm. 1" in pages[0] and "CANCELADO" not in pages[0]
    assert "RECIBO CANCELADO: Error de captura" in pages[1]


def test_zero_amounts_never_reach_a_receipt(db, actors, person):
    with pytest.raises(ValidationError, match="mayor que cero"):
        deliver(db, actors, person.id, amount=0)


WRITER = """
import sys
from frontera_desk.db import open_database
from frontera_desk.paths import resolve
from frontera_desk.services import evidence, supports
from frontera_desk.services.permissions import actor_for
p = resolve(sys.argv[1], database_url=sys.argv[3] or None)
db = open_database(p.database_url or p.database, p.backup_dir)
ids = [int(i) for i in sys.argv[2].split(",")]
with db.read() as s:
    worker = actor_for(s, 2)
for support_id in ids:
    with db.write() as s:
        evidence.receive_all(s, worker, support_id)
        print(supports.deliver_support(s, worker, support_id).folio, flush=True)
"""


def test_two_desks_issuing_at_once_get_no_duplicate_and_no_gap(db, actors, person, app_paths):
    with db.write() as session:
        other = next(t.id for t in supports.support_types(session) if t.code == "OTRO")
        ids = []
        for n in range(60):
            s = supports.request_support(
                session, actors[Role.CAPTURISTA], SupportInput(person.id, other, "Apoyo", 1000 + n)
            )
            supports.approve_support(session, actors[Role.SUPERVISOR], s.id)
            ids.append(s.id)
    db.dispose()
    halves = [",".join(map(str, ids[0::2])), ",".join(map(str, ids[1::2]))]
    desks = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                WRITER,
                str(app_paths.data_dir),
                half,
                app_paths.database_url or "",
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        for half in halves
    ]
    folios = [line for desk in desks for line in desk.communicate()[0].split()]
    assert all(desk.returncode == 0 for desk in desks)
    numbers = sorted(int(f[-6:]) for f in folios)
    assert numbers == list(range(1, 61))


def test_the_office_logo_prints_and_only_images_are_accepted(db, actors, person, tmp_path):
    import io

    from PIL import Image

    from frontera_desk.services import office

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "#00695c").save(buffer, "PNG")
    data = buffer.getvalue()
    with db.write() as session:
        with pytest.raises(ValidationError, match="PNG o JPEG"):
            office.set_logo(session, actors[Role.ADMINISTRADOR], b"GIF89a....")
        with pytest.raises(PermissionDenied):
            office.set_logo(session, actors[Role.CAPTURISTA], bytes(data))
    with db.write() as session:
        office.set_logo(session, actors[Role.ADMINISTRADOR], bytes(data))
    delivered = deliver(db, actors, person.id)
    with db.read() as session:
        receipt = receipts.receipt_data(session, delivered.folio)
    assert receipt.logo == bytes(data)
    write_receipts([receipt], tmp_path / "logo.pdf")
    page = PdfReader(tmp_path / "logo.pdf").pages[0]
    assert len(page.images) >= 1


@pytest.mark.parametrize("walk", [False, True], ids=["few people", "many people"])
def test_receipts_are_found_by_beneficiary_folio_or_number_newest_first(
    db, actors, monkeypatch, walk
):
    """Both ways of looking (the receipts of the people found, or a walk through the receipts
    checking each against them) give the same answer."""
    if walk:
        monkeypatch.setattr(receipts, "WALK_FACTOR", 0)
    with db.write() as session:
        rosa, luz, ana = (
            people.create_person(
                session,
                actors[Role.CAPTURISTA],
                PersonInput(
                    given,
                    surname,
                    sex=Sex.FEMALE,
                    documents=[people.DocumentInput("pasaporte", doc)],
                ),
            ).id  # fmt: skip
            for given, surname, doc in (
                ("Rosa", "Cruz", "G111"),
                ("Luz", "Cruz", "G222"),
                ("Ana", "Núñez", "H333"),
            )  # fmt: skip
        )
    first = deliver(db, actors, rosa, on=date(2026, 3, 2))
    second = deliver(db, actors, luz, on=date(2026, 3, 5))
    third = deliver(db, actors, rosa, on=date(2026, 3, 9))
    deliver(db, actors, ana, on=date(2026, 3, 9))
    with db.read() as session:

        def folios(text: str, on: date | None = None) -> list[str]:
            return [r.folio for r in receipts.find(session, text, on)]

        assert folios("cruz") == [third.folio, second.folio, first.folio]
        assert folios("ROSA cru") == [third.folio, first.folio]
        assert folios("g222") == [second.folio]  # a document of the beneficiary
        assert folios("nunez") == folios("Núñez") != []
        assert folios(second.folio.lower()) == [second.folio]
        assert folios(str(int(first.folio[-6:]))) == [first.folio]  # its number alone
        assert folios(f"{first.folio[4:9]}{int(first.folio[-6:])}") == [first.folio]  # year-n
        assert folios("XYZ-1999-000001") == []
        assert folios("cruz", date(2026, 3, 9)) == [third.folio]
        assert folios("pedro") == []
