"""Receipts an auditor accepts: the institutional header, program, partida, case number and job
titles, the wording of a payment to a provider, and a receipt of every support type."""

from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from frontera_desk.db.models import User
from frontera_desk.domain import wording
from frontera_desk.domain.enums import Role, Sex
from frontera_desk.domain.errors import PermissionDenied, ValidationError
from frontera_desk.reports.receipt import write_receipts
from frontera_desk.services import auth, evidence, office, people, receipts, supports
from frontera_desk.services.demo import _PROVIDERS
from frontera_desk.services.people import PersonInput
from frontera_desk.services.supports import SupportInput

HEADER = office.OfficeSettings(
    receipt_place="Arriaga, Chiapas",
    receipt_address="Calle Central Norte 12, Centro, Arriaga, Chiapas, C.P. 30450",
    header_government="Gobierno del Estado de Chiapas",
    header_unit="Secretaría para la Atención de Personas Migrantes",
)


def text_of(path):
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.fixture
def person(db, actors):
    with db.write() as session:
        return people.create_person(
            session,
            actors[Role.CAPTURISTA],
            PersonInput("Widelande", "Saint-Fleur", sex=Sex.FEMALE, nationality="HT"),
        )


@pytest.fixture
def institution(db, actors):
    """The office's header, each type's program and partida, and its people's job titles."""
    with db.write() as session:
        office.update_settings(session, actors[Role.ADMINISTRADOR], HEADER)
        lines = {
            line.support_type_id: ("Programa de Atención a Personas Migrantes", f"4410-{n:02d}")
            for n, line in enumerate(office.program_lines(session), 1)
        }
        office.set_program_lines(session, actors[Role.ADMINISTRADOR], lines)
        for username, title in (("ana", "Trabajadora social"), ("sofia", "Jefa de oficina")):
            user = session.scalars(select(User).where(User.username == username)).one()
            user.job_title = title


def deliver(db, actors, person_id, code, description, amount, provider):
    with db.write() as session:
        type_id = next(t.id for t in supports.support_types(session) if t.code == code)
        s = supports.request_support(
            session,
            actors[Role.CAPTURISTA],
            SupportInput(person_id, type_id, description, amount, provider),
        )
        supports.approve_support(session, actors[Role.SUPERVISOR], s.id)
        evidence.receive_all(
            session, actors[Role.CAPTURISTA], s.id
        )  # the file of proof is complete
        folio = supports.deliver_support(session, actors[Role.CAPTURISTA], s.id).folio
        return receipts.receipt_data(session, folio)


def test_the_concept_is_written_once_and_in_lower_case():
    assert wording.concept("Apoyo médico: prótesis", "Prótesis ocular") == (
        "apoyo médico: prótesis ocular"
    )
    assert wording.concept("Transporte", "Boleto de autobús") == "transporte (boleto de autobús)"
    assert wording.concept("Otro apoyo", "Kit de ACNUR") == "kit de ACNUR"
    assert wording.concept("Despensa", "") == "despensa"
    assert wording.of_office("Oficina de Atención a Migrantes") == (
        "de la Oficina de Atención a Migrantes"
    )
    assert wording.of_office("Centro Estatal de Atención") == "del Centro Estatal de Atención"
    assert wording.of_office("Oficinas Centrales") == "de las Oficinas Centrales"


def test_a_receipt_carries_what_an_auditor_checks(db, actors, person, institution, tmp_path):
    data = deliver(db, actors, person.id, "MED_PROTESIS", "Prótesis ocular", 1_250_000, "")
    write_receipts([data], tmp_path / "r.pdf")
    text = text_of(tmp_path / "r.pdf")
    for expected in (
        "Gobierno del Estado de Chiapas",
        "Secretaría para la Atención de Personas Migrantes",
        "Oficina Tapachula",
        "Calle Central Norte 12",
        f"Arriaga, Chiapas, a {date.today().day} de",
        "Programa: Programa de Atención a Personas Migrantes",
        "Partida: 4410-02",
        f"Expediente: {data.case_number}",
        "Recibí de la Oficina Tapachula la cantidad de $12,500.00 (DOCE MIL QUINIENTOS "
        "PESOS 00/100 M.N.) por concepto de apoyo médico: prótesis ocular.",
        "Trabajadora social",
        "Jefa de oficina",
    ):
        assert expected in text, expected
    assert data.case_number.startswith("TAP-")
    assert "Tapachula, Chiapas" not in text  # the place is the office's, not a default
    assert "prótesis: Prótesis" not in text and "Recibí de Oficina" not in text


def test_a_payment_to_a_provider_reads_as_paid_on_the_beneficiarys_behalf(
    db, actors, person, institution, tmp_path
):
    data = deliver(
        db, actors, person.id, "FUNERAL", "Servicio funerario básico", 2_800_000,
        "Funerales del Soconusco",
    )  # fmt: skip
    write_receipts([data], tmp_path / "sin-factura.pdf")
    text = text_of(tmp_path / "sin-factura.pdf")
    assert (
        "La Oficina Tapachula pagó a Funerales del Soconusco la cantidad de $28,000.00 "
        "(VEINTIOCHO MIL PESOS 00/100 M.N.) por cuenta de Widelande Saint-Fleur, por concepto "
        "de servicio funerario básico. Recibí de conformidad los bienes o el servicio pagados "
        "en mi nombre."
    ) in text
    assert "Recibí de la Oficina" not in text  # no cash changed hands
    # With the provider's invoice on file (the evidence file fills these in)
    invoiced = replace(data, provider_rfc="FSO010101AB1", invoice="A-1234")
    write_receipts([invoiced], tmp_path / "con-factura.pdf")
    assert (
        "pagó a Funerales del Soconusco, RFC FSO010101AB1, factura A-1234, la cantidad de"
        in text_of(tmp_path / "con-factura.pdf")
    )


def test_receipts_of_every_support_type_read_well(db, actors, person, institution, tmp_path):
    """One receipt per type of the catalog, with the demo's provider and description; the
    rendered pages were also looked at (pdftoppm)."""
    made = []
    with db.read() as session:
        types = [(t.code, t.ceiling_centavos) for t in supports.support_types(session)]
    for code, ceiling in types:
        provider, _low, _high, description = _PROVIDERS[code]
        amount = min(ceiling or 300_000, 300_000)
        made.append(deliver(db, actors, person.id, code, description, amount, provider))
    pages = write_receipts(made, tmp_path / "todos.pdf")
    assert pages == len(types) == 12
    for data, page in zip(made, PdfReader(tmp_path / "todos.pdf").pages, strict=True):
        text = " ".join(page.extract_text().split())
        assert "Programa: Programa de Atención a Personas Migrantes" in text
        assert f"pagó a {data.provider}" in text
        assert f"por concepto de {data.concept_text}." in text
        assert data.concept_text[0].islower()
        assert ": " not in data.concept_text.split(": ", 1)[-1]  # never "a: b: c"


def test_settings_and_program_lines_are_validated_and_audited(db, actors):
    with db.write() as session, pytest.raises(ValidationError, match="Gobierno"):
        office.update_settings(
            session, actors[Role.ADMINISTRADOR], replace(HEADER, header_government="x" * 201)
        )
    with db.write() as session:
        first = office.program_lines(session)[0]
        with pytest.raises(ValidationError, match="Partida"):
            office.set_program_lines(
                session, actors[Role.ADMINISTRADOR], {first.support_type_id: ("P", "9" * 61)}
            )
    with db.write() as session, pytest.raises(PermissionDenied):
        office.set_program_lines(session, actors[Role.CAPTURISTA], {})


def test_a_users_job_title_is_set_by_an_administrator(db, actors):
    with db.write() as session:
        auth.set_job_title(session, actors[Role.ADMINISTRADOR], "ana", "Trabajadora social")
    with db.read() as session:
        ana = next(u for u in auth.list_users(session) if u.username == "ana")
    assert ana.job_title == "Trabajadora social"
    with db.write() as session, pytest.raises(ValidationError, match="Cargo"):
        auth.set_job_title(session, actors[Role.ADMINISTRADOR], "ana", "x" * 121)
