"""Agreements: balances, overrides, status, files. Activities: attendance rules."""

from datetime import date, timedelta

import pytest

from frontera_desk.domain.enums import (
    ActivityKind,
    AgreementKind,
    AgreementStatus,
    Audience,
    Role,
    Sex,
)
from frontera_desk.domain.errors import (
    ConflictError,
    FronteraError,
    InvalidTransition,
    OverrideRequired,
    PermissionDenied,
    ValidationError,
)
from frontera_desk.services import activities, agreements, people
from frontera_desk.services.activities import ActivityInput, AttendeeInput
from frontera_desk.services.agreements import AgreementInput, DisbursementInput, OrganizationInput
from frontera_desk.services.people import PersonInput

TODAY = date.today()
SIGNED = TODAY - timedelta(days=60)


@pytest.fixture
def agreement(db, actors):
    boss = actors[Role.SUPERVISOR]
    with db.write() as session:
        acnur = agreements.save_organization(
            session,
            boss,
            OrganizationInput(
                "agencia_internacional",
                "Alto Comisionado de las Naciones Unidas para los Refugiados",
                "ACNUR",
                "Tapachula",
            ),
        )
        shelter = agreements.save_organization(
            session,
            boss,
            OrganizationInput("asociacion_civil", "Albergue Belén", "", "Tapachula", capacity=120),
        )
        record = agreements.save_agreement(
            session,
            boss,
            AgreementInput(
                "Despensas y muebles de cocina para familias refugiadas",
                AgreementKind.CONTRIBUTION,
                [acnur.id, shelter.id],
                signed_on=SIGNED,
                valid_from=SIGNED,
                valid_until=TODAY + timedelta(days=300),
                committed_centavos=50_000_000,
                funding_source="Estatal",
            ),
        )
        agreements.change_status(session, boss, record.id, AgreementStatus.SIGNED)
        return agreements.change_status(session, boss, record.id, AgreementStatus.IN_FORCE)


def pay(db, actors, agreement_id, amount, on=None, reason=""):
    with db.write() as session:
        return agreements.add_disbursement(
            session,
            actors[Role.SUPERVISOR],
            agreement_id,
            DisbursementInput(on or TODAY, amount, "Primera ministración", "TRF-001", reason),
        )


def test_the_balance_follows_the_disbursements(db, actors, agreement):
    assert agreement.balance_centavos == 50_000_000
    pay(db, actors, agreement.id, 20_000_000)
    record = pay(db, actors, agreement.id, 10_000_000)
    assert (record.disbursed_centavos, record.balance_centavos) == (30_000_000, 20_000_000)
    assert [o.acronym for o in record.organizations] == ["ACNUR", ""]
    with db.read() as session:
        first = session.scalars(agreements.agreement_list().ids()).first()
        row = agreements.fetch_rows(session, [first])[first]
    assert row.balance_centavos == 20_000_000 and row.counterparts == "ACNUR, Albergue Belén"


def test_beyond_the_balance_or_the_validity_needs_a_reason(db, actors, agreement):
    with pytest.raises(OverrideRequired, match="rebasa el saldo"):
        pay(db, actors, agreement.id, 60_000_000)
    with pytest.raises(ValidationError, match="anterior a la firma"):
        pay(db, actors, agreement.id, 1000, on=SIGNED - timedelta(days=1))
    record = pay(db, actors, agreement.id, 60_000_000, reason="Ampliación autorizada por oficio")
    assert record.balance_centavos == -10_000_000
    assert record.disbursements[0].override_reason == "Ampliación autorizada por oficio"


@pytest.mark.parametrize("amount", [0, -500])
def test_zero_or_negative_disbursements_are_refused(db, actors, agreement, amount):
    with pytest.raises(ValidationError, match="mayor que cero"):
        pay(db, actors, agreement.id, amount)


def test_status_transitions_and_permissions(db, actors, agreement):
    with (
        pytest.raises(InvalidTransition, match="vigente no puede pasar a borrador"),
        db.write() as session,
    ):
        agreements.change_status(
            session, actors[Role.SUPERVISOR], agreement.id, AgreementStatus.DRAFT
        )
    with pytest.raises(PermissionDenied), db.write() as session:
        agreements.add_disbursement(
            session, actors[Role.CAPTURISTA], agreement.id, DisbursementInput(TODAY, 100, "x")
        )
    with db.write() as session:
        agreements.change_status(
            session, actors[Role.SUPERVISOR], agreement.id, AgreementStatus.CONCLUDED
        )
    with pytest.raises(FronteraError, match="concluido"):
        pay(db, actors, agreement.id, 100)


def test_bad_agreements_are_refused(db, actors, agreement):
    data = agreement.as_input()
    data.valid_until = data.valid_from - timedelta(days=1)
    with pytest.raises(ValidationError, match="anterior a la inicial"), db.write() as session:
        agreements.save_agreement(session, actors[Role.SUPERVISOR], data, agreement.id)
    data = agreement.as_input()
    data.organization_ids = []
    with pytest.raises(ValidationError, match="Contraparte"), db.write() as session:
        agreements.save_agreement(session, actors[Role.SUPERVISOR], data)


def test_attached_files_are_kept_in_the_store_and_checked_when_opened(db, actors, agreement,
                                                                     tmp_path):  # fmt: skip
    from sqlalchemy import update

    from frontera_desk.db.models import Attachment
    from frontera_desk.services import attachments

    scan = tmp_path / "convenio-firmado.pdf"
    scan.write_bytes(b"%PDF-1.4 signed agreement")
    with db.write() as session:
        record = agreements.attach_file(
            session, actors[Role.SUPERVISOR], agreement.id, scan, "Firmado"
        )
        file_id = record.files[0].id
        assert record.files[0].description == "Firmado"
        opened = attachments.open_attachment(session, actors[Role.SUPERVISOR], file_id)
        assert opened == scan.read_bytes()
    with db.write() as session:  # one byte of the stored (encrypted) file changed
        content = session.get(Attachment, file_id).content
        session.execute(update(Attachment).where(Attachment.id == file_id)
                        .values(content=content[:-1] + bytes([content[-1] ^ 1])))  # fmt: skip
    with db.read() as session, pytest.raises(FronteraError, match="alterado"):
        attachments.open_attachment(session, actors[Role.SUPERVISOR], file_id)


def workshop(**changes) -> ActivityInput:
    data = ActivityInput(
        ActivityKind.WORKSHOP,
        "La protección internacional",
        TODAY - timedelta(days=3),
        hours=4,
        municipality="Tapachula",
        audiences={Audience.POLICE},
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def test_attendance_by_counts_and_by_list(db, actors):
    with db.write() as session:
        person = people.create_person(
            session,
            actors[Role.CAPTURISTA],
            PersonInput("Rosa", "Cruz", sex=Sex.FEMALE, birth_date=date(1990, 1, 1)),
        )
        topic = activities.topics(session)[1][0]
        by_count = activities.save_activity(
            session,
            actors[Role.CAPTURISTA],
            workshop(topic_id=topic, counts={("F", "18-29"): 12, ("M", "30-59"): 9}),
        )
        by_list = activities.save_activity(
            session,
            actors[Role.CAPTURISTA],
            workshop(
                attendees=[
                    AttendeeInput(person_id=person.id),
                    AttendeeInput("Juan Pérez", Sex.MALE, "30-59", "Policía municipal"),
                ]
            ),
        )
    assert by_count.total == 21 and by_count.topic.startswith("Protección internacional")
    assert by_list.total == 2 and by_list.attendees[0].name == "Rosa Cruz"
    assert by_list.attendees[0].age_band == "30-59"


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"counts": {("F", "18-29"): -1}}, "negativos"),
        (
            {
                "counts": {("F", "18-29"): 3},
                "attendees": [AttendeeInput("Ana", Sex.FEMALE, "18-29")],
            },
            "suman 3",
        ),
        ({"held_on": TODAY + timedelta(days=1)}, "ya se realizó"),
        ({"title": " "}, "Título"),
        ({"hours": 0}, "Duración"),
    ],
)
def test_bad_attendance_is_refused(db, actors, changes, fragment):
    with pytest.raises(ValidationError, match=fragment), db.write() as session:
        activities.save_activity(session, actors[Role.CAPTURISTA], workshop(**changes))


def test_the_same_person_cannot_attend_twice(db, actors):
    with db.write() as session:
        person = people.create_person(
            session, actors[Role.CAPTURISTA], PersonInput("Rosa", "Cruz", sex=Sex.FEMALE)
        )
    with pytest.raises(ValidationError, match="dos veces"), db.write() as session:
        activities.save_activity(
            session,
            actors[Role.CAPTURISTA],
            workshop(
                attendees=[AttendeeInput(person_id=person.id), AttendeeInput(person_id=person.id)]
            ),
        )


def test_attendance_sheets_and_certificates_read_back(db, actors, tmp_path):
    from pypdf import PdfReader

    from frontera_desk.reports.activity_sheets import write_attendance_sheet, write_certificates

    with db.write() as session:
        record = activities.save_activity(
            session,
            actors[Role.CAPTURISTA],
            workshop(
                facilitator="Lic. Marta Gómez",
                attendees=[
                    AttendeeInput("Juan Pérez", Sex.MALE, "30-59", "Policía municipal"),
                    AttendeeInput("Nguyễn Thị Hương", Sex.FEMALE, "18-29", "Sociedad civil"),
                ],
            ),
        )
    write_attendance_sheet(record, "Oficina Tapachula", tmp_path / "lista.pdf", filled=True)
    text = " ".join(PdfReader(tmp_path / "lista.pdf").pages[0].extract_text().split())
    for expected in (
        "LISTA DE ASISTENCIA",
        "La protección internacional",
        "Juan Pérez",
        "Nguyễn Thị Hương",
        "Policía municipal",
        "Firma",
    ):
        assert expected in text
    write_attendance_sheet(
        record, "Oficina Tapachula", tmp_path / "blanca.pdf", filled=False, demo=True
    )
    blank = " ".join(
        " ".join(p.extract_text() for p in PdfReader(tmp_path / "blanca.pdf").pages).split()
    )
    assert "Juan Pérez" not in blank and "DEMOSTRACIÓN" in blank and "25" in blank
    assert write_certificates(record, "Oficina Tapachula", tmp_path / "constancias.pdf") == 2
    pages = [
        " ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "constancias.pdf").pages
    ]
    assert len(pages) == 2 and "CONSTANCIA" in pages[1] and "Nguyễn Thị Hương" in pages[1]
    assert "4 horas" in pages[0] and "Policía municipal" in pages[0]


def test_an_agreement_can_name_the_people_it_benefits(db, actors, agreement):
    with db.write() as session:
        person = people.create_person(
            session, actors[Role.CAPTURISTA], PersonInput("Rosa", "Cruz", sex=Sex.FEMALE)
        )
        record = agreements.link_person(session, actors[Role.SUPERVISOR], agreement.id, person.id)
        assert record.beneficiaries == ((person.id, "Rosa Cruz"),)
        record = agreements.link_person(
            session, actors[Role.SUPERVISOR], agreement.id, person.id, linked=False
        )
        assert record.beneficiaries == ()


def test_an_agreement_saved_from_a_stale_form_is_refused(db, actors, agreement):
    boss = actors[Role.SUPERVISOR]
    stale = agreement.version
    data = AgreementInput(agreement.title, agreement.kind, [o.id for o in agreement.organizations],
                          agreement.purpose, agreement.signed_on, agreement.valid_from,
                          agreement.valid_until, 60_000_000, "Estatal")  # fmt: skip
    with db.write() as session:
        saved = agreements.save_agreement(session, boss, data, agreement.id, stale)
    with db.write() as session, pytest.raises(ConflictError):
        agreements.save_agreement(session, boss, data, agreement.id, stale)
    with db.read() as session:
        assert agreements.get_agreement(session, agreement.id).version == saved.version
