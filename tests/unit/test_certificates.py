"""Participation certificates: the institutional header, a folio of their own never reused, a QR
code checked by the receipts' verification, reprints, voids, and names that never overflow."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from reportlab.graphics.barcode import qrencoder

from frontera_desk.domain.enums import ActivityKind, Audience, Role, Sex
from frontera_desk.domain.errors import FronteraError, PermissionDenied, ValidationError
from frontera_desk.reports import certificate as certificate_pdf
from frontera_desk.reports.certificate import write_certificates
from frontera_desk.services import activities, certificates, office, people, receipts
from frontera_desk.services.activities import ActivityInput, AttendeeInput
from frontera_desk.services.certificates import Signer
from frontera_desk.services.people import PersonInput

TODAY = date.today()
SETTINGS = office.OfficeSettings(
    receipt_place="Arriaga, Chiapas",
    receipt_address="Calle Central Norte 12, Arriaga, Chiapas",
    header_government="Gobierno del Estado de Chiapas",
    header_unit="Secretaría para la Atención de Personas Migrantes",
    certificate_signer="Mtra. Laura Ríos Pineda",
    certificate_signer_title="Titular de la Oficina de Atención a Migrantes",
)
LONG_NAME = ("María de los Ángeles Guadalupe " * 7)[:200].strip()
CYRILLIC = "Олена Шевченко"


def text_of(path):
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


@pytest.fixture
def workshop(db, actors):
    with db.write() as session:
        office.update_settings(session, actors[Role.ADMINISTRADOR], SETTINGS)
        rosa = people.create_person(
            session, actors[Role.CAPTURISTA], PersonInput("Rosa", "Cruz", sex=Sex.FEMALE)
        )
        return activities.save_activity(
            session,
            actors[Role.CAPTURISTA],
            ActivityInput(
                ActivityKind.WORKSHOP,
                "Taller sobre la Ley General para Prevenir la Trata de Personas",
                TODAY - timedelta(days=2),
                hours=4,
                municipality="Tapachula",
                venue="Auditorio municipal",
                audiences={Audience.POLICE},
                attendees=[
                    AttendeeInput(person_id=rosa.id),
                    AttendeeInput("Juan Pérez", Sex.MALE, "30-59", "Policía municipal"),
                    AttendeeInput(LONG_NAME, Sex.FEMALE, "30-59"),
                    AttendeeInput(CYRILLIC, Sex.FEMALE, "18-29"),
                ],
            ),
        )


def issue(db, actors, activity_id, **kw):
    with db.write() as session:
        return certificates.issue(session, actors[Role.CAPTURISTA], activity_id, **kw)


def data_of(db, actors, folios, printed=False):
    with db.write() as session:
        if printed:
            return [certificates.record_print(session, actors[Role.CAPTURISTA], f) for f in folios]
        return [certificates.certificate_data(session, f) for f in folios]


def test_certificates_carry_header_folio_signer_title_once_and_dates(
    db, actors, workshop, tmp_path
):
    folios = issue(db, actors, workshop.id)
    year = TODAY.year
    assert folios == [f"TAP-C-{year}-{n:06d}" for n in (1, 2, 3, 4)]
    made = data_of(db, actors, folios, printed=True)
    assert write_certificates(made, tmp_path / "c.pdf") == 4
    pages = text_of(tmp_path / "c.pdf")
    held = workshop.held_on
    for page, data in zip(pages, made, strict=True):
        for expected in (
            "Gobierno del Estado de Chiapas",
            "Secretaría para la Atención de Personas Migrantes",
            "Oficina Tapachula",
            "Calle Central Norte 12",
            "CONSTANCIA",
            "La Oficina Tapachula otorga la presente constancia a",
            f"Folio: {data.folio}",
            "por su participación en el Taller sobre la Ley General para Prevenir la Trata",
            f"realizado el {held.day} de",
            "en Auditorio municipal, Tapachula, con duración de 4 horas.",
            f"Arriaga, Chiapas, a {TODAY.day} de",
            "Mtra. Laura Ríos Pineda",
            "Titular de la Oficina de Atención a Migrantes",
            data.verification,
        ):
            assert expected in page, expected
        assert "taller «Taller" not in page and "REIMPRESIÓN" not in page
    assert "Rosa Cruz" in pages[0] and "Juan Pérez" in pages[1] and CYRILLIC in pages[3]
    # A name of 200 characters fits whole (set smaller, wrapped), never cut
    assert LONG_NAME.replace(" ", "") in pages[2].replace(" ", "")


def test_the_qr_code_verifies_through_the_receipts_verification(db, actors, workshop):
    folios = issue(db, actors, workshop.id)
    data = data_of(db, actors, folios[:1])[0]
    # The QR drawn on the page carries exactly the verification code
    modules = certificate_pdf.qr_matrix(data.verification)
    expected = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    expected.addData(data.verification)
    expected.version = expected.calculate_version()
    expected.makeImpl(False, 0)
    assert modules == [[bool(cell) for cell in row] for row in expected.modules]
    assert data.verification.startswith(f"FD|{data.folio}|{TODAY:%Y%m%d}|C|")
    with db.write() as session:
        valid = receipts.verify_code(session, data.verification)
        assert valid.matches and "válida" in valid.message and "Rosa Cruz" in valid.message
        forged = data.verification.replace(f"|{TODAY:%Y%m%d}|", "|20200101|")
        altered = receipts.verify_code(session, forged)
        assert not altered.matches and "alterada" in altered.message
        unknown = receipts.verify_code(session, data.verification.replace("-000001", "-000999"))
        assert not unknown.matches and "ninguna constancia" in unknown.message
        certificates.void(session, actors[Role.SUPERVISOR], data.folio, "Nombre mal escrito")
        voided = receipts.verify_code(session, data.verification)
    assert "CANCELADA: Nombre mal escrito" in voided.message


def test_a_voided_folio_is_never_reused_and_reprints_are_marked(db, actors, workshop, tmp_path):
    first = issue(db, actors, workshop.id)
    again = issue(db, actors, workshop.id)  # nobody lacks one: nothing new
    assert again == first
    with db.write() as session:
        with pytest.raises(PermissionDenied):
            certificates.void(session, actors[Role.CAPTURISTA], first[1], "x")
        with pytest.raises(ValidationError, match="Motivo"):
            certificates.void(session, actors[Role.SUPERVISOR], first[1], " ")
        certificates.void(session, actors[Role.SUPERVISOR], first[1], "Nombre mal escrito")
        with pytest.raises(FronteraError, match="ya estaba cancelada"):
            certificates.void(session, actors[Role.SUPERVISOR], first[1], "otra vez")
    current = issue(db, actors, workshop.id)
    year = TODAY.year
    assert f"TAP-C-{year}-000002" not in current
    assert current == [*first[:1], *first[2:], f"TAP-C-{year}-000005"]
    with db.read() as session:
        rows = certificates.certificates_of(session, workshop.id)
        audited = [e.action for e in audit_entries(session)]
    assert [r.folio for r in rows if r.voided] == [first[1]]
    assert {r.name for r in rows if r.folio.endswith("000005")} == {"Juan Pérez"}
    assert audited.count("emitir_constancia") == 5 and "cancelar_constancia" in audited
    # The voided one prints CANCELADA with its reason; a second print is a reprint
    data_of(db, actors, first[:1], printed=True)
    made = data_of(db, actors, [first[0], first[1]], printed=True)
    write_certificates(made, tmp_path / "c.pdf")
    pages = text_of(tmp_path / "c.pdf")
    assert "REIMPRESIÓN núm. 1" in pages[0] and "CANCELADA" not in pages[0]
    assert "CONSTANCIA CANCELADA: Nombre mal escrito" in pages[1]


def audit_entries(session):
    from sqlalchemy import select

    from frontera_desk.db.models import AuditEntry

    return session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()


def test_the_signer_changes_per_activity_and_must_be_named(db, actors, workshop, tmp_path):
    signer = Signer("Lic. Pedro Gómez", "Coordinador de capacitación")
    folios = issue(db, actors, workshop.id, signer=signer)
    with db.read() as session:
        assert certificates.default_signer(session, workshop.id) == signer
    page = text_of_one(db, actors, folios[0], tmp_path)
    assert "Lic. Pedro Gómez" in page and "Coordinador de capacitación" in page
    assert "Laura Ríos" not in page
    with db.write() as session:
        office.update_settings(
            session, actors[Role.ADMINISTRADOR],
            replace(SETTINGS, certificate_signer="", certificate_signer_title=""),
        )  # fmt: skip
        other = activities.save_activity(
            session, actors[Role.CAPTURISTA],
            replace(workshop.as_input(), title="Curso de derechos humanos"),
        )  # fmt: skip
    with pytest.raises(ValidationError, match="quién firma"):
        issue(db, actors, other.id)


def text_of_one(db, actors, folio, tmp_path):
    write_certificates(data_of(db, actors, [folio]), tmp_path / "one.pdf")
    return text_of(tmp_path / "one.pdf")[0]


def test_an_activity_counted_without_names_gets_a_clear_refusal(db, actors, workshop):
    with db.write() as session:
        counted = activities.save_activity(
            session, actors[Role.CAPTURISTA],
            replace(workshop.as_input(), attendees=[], counts={("F", "18-29"): 12}),
        )  # fmt: skip
    with pytest.raises(FronteraError, match="no tiene lista de asistentes"):
        issue(db, actors, counted.id)
    with pytest.raises(ValidationError, match="no antes de la actividad"):
        issue(db, actors, workshop.id, on=workshop.held_on - timedelta(days=1))


def test_a_title_without_the_kind_gets_it_once_in_front(db, actors, workshop, tmp_path):
    with db.write() as session:
        event = activities.save_activity(
            session, actors[Role.CAPTURISTA],
            replace(workshop.as_input(), kind=ActivityKind.EVENT, hours=1,
                    title="Feria de servicios para trabajadores fronterizos"),
        )  # fmt: skip
    folios = issue(db, actors, event.id)
    page = text_of_one(db, actors, folios[0], tmp_path)
    assert "por su participación en el evento «Feria de servicios para trabajadores" in page
    assert "con duración de 1 hora." in page


def test_an_anonymized_persons_certificate_keeps_its_folio_under_the_anonymized_name(
    db, actors, workshop
):
    from frontera_desk.services import privacy

    folios = issue(db, actors, workshop.id)
    rosa = workshop.attendees[0].person_id
    with db.write() as session:
        privacy.anonymize_person(session, actors[Role.SUPERVISOR], rosa, "Solicitud ARCO")
        data = certificates.certificate_data(session, folios[0])
        checked = receipts.verify_code(session, data.verification)
        listed = activities.get_activity(session, workshop.id).attendees[0].name
    assert "Rosa" not in data.name and "Rosa" not in listed and "Cruz" not in listed
    assert checked.matches and data.name in checked.message
