"""Participation certificates (constancias): issued to an activity's attendees with a folio of
their own, printed with a QR code that *Verificar un código* checks like a receipt's.

A folio ``{OFFICE}-C-{YYYY}-{NNNNNN}`` runs consecutively per office and year of issue, from
its own counter, allocated in the transaction that records the certificate and its audit entry.
A void keeps its folio; the attendee can then get a new certificate with the next folio.

An attendee typed by name (no registered person) gets a certificate by name: workshops are
given to officials, police and civil society who are not the office's beneficiaries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from frontera_desk.db.models import Activity, Certificate, CertificateCounter, utcnow
from frontera_desk.domain.enums import ACTIVITY_ES, ActivityKind
from frontera_desk.domain.errors import FronteraError, NotFoundError, ValidationError
from frontera_desk.domain.text import checked, clean, fold
from frontera_desk.services import activities, audit
from frontera_desk.services.office import get_logo, get_office, get_settings
from frontera_desk.services.permissions import Action, Actor, require

FOLIO = re.compile(r"^[A-Z]{2,6}-C-\d{4}-\d{6}$")
CODE_KIND = "C"  # the fourth field of a certificate's code (a receipt's carries its amount)


def format_folio(office: str, year: int, number: int) -> str:
    return f"{office}-C-{year:04d}-{number:06d}"


@dataclass(frozen=True)
class CertificateRow:
    folio: str
    name: str
    issued_on: date
    voided: bool
    void_reason: str
    print_count: int


@dataclass(frozen=True)
class Signer:
    name: str
    title: str


def default_signer(session: Session, activity_id: int) -> Signer:
    """Who signs the activity's next certificates: whoever signed its last ones, else the
    office's setting."""
    last = session.scalars(
        select(Certificate)
        .where(Certificate.activity_id == activity_id)
        .order_by(Certificate.id.desc())
        .limit(1)
    ).first()
    if last is not None:
        return Signer(last.signer_name, last.signer_title)
    settings = get_settings(session)
    return Signer(settings.certificate_signer, settings.certificate_signer_title)


def certificates_of(session: Session, activity_id: int) -> list[CertificateRow]:
    query = (
        select(Certificate)
        .where(Certificate.activity_id == activity_id)
        .order_by(Certificate.number)
    )
    return [
        CertificateRow(
            c.folio,
            c.name,
            c.issued_on,
            c.voided_at is not None,
            c.void_reason or "",
            c.print_count,
        )  # fmt: skip
        for c in session.scalars(query)
    ]


def _next_number(session: Session, office: str, year: int) -> int:
    """As receipts do: the UPDATE takes the counter row's write lock, so two desks never read
    the same last number."""
    bumped = session.execute(
        update(CertificateCounter)
        .where(CertificateCounter.office_code == office, CertificateCounter.year == year)
        .values(last_number=CertificateCounter.last_number + 1)
        .returning(CertificateCounter.last_number)
    ).scalar()
    if bumped is None:
        session.add(CertificateCounter(office_code=office, year=year, last_number=1))
        session.flush()
        bumped = 1
    return bumped


def issue(
    session: Session, actor: Actor, activity_id: int, signer: Signer | None = None,
    on: date | None = None,
) -> list[str]:  # fmt: skip
    """A certificate for every attendee on the activity's list who has no current one;
    returns the activity's current folios (new and earlier ones), in folio order."""
    require(actor, Action.EDIT_ACTIVITIES)
    record = activities.get_activity(session, activity_id)
    if not record.attendees:
        raise FronteraError(
            "La actividad no tiene lista de asistentes: registre sus nombres para emitir "
            "constancias (los conteos por sexo y edad no nombran a nadie)."
        )
    on = on or date.today()
    if on < record.held_on:
        raise ValidationError("issued_on", "Fecha de expedición: no antes de la actividad.")
    signer = signer or default_signer(session, activity_id)
    name = checked(signer.name, "signer_name", "Firma de las constancias: nombre", 200)
    title = checked(signer.title, "signer_title", "Firma de las constancias: cargo", 200)
    if not name or not title:
        raise ValidationError(
            "signer_name",
            "Indique quién firma las constancias, con su nombre y su cargo (Administración, "
            "o al emitirlas).",
        )
    current = session.scalars(
        select(Certificate).where(
            Certificate.activity_id == activity_id, Certificate.voided_at.is_(None)
        )
    ).all()
    has = {c.person_id for c in current if c.person_id} | {
        fold(c.name) for c in current if c.person_id is None
    }
    for attendee in record.attendees:
        key = attendee.person_id or fold(attendee.name)
        if key in has:
            continue
        has.add(key)
        number = _next_number(session, actor.office_code, on.year)
        certificate = Certificate(
            office_code=actor.office_code, created_by_id=actor.user_id, activity_id=activity_id,
            person_id=attendee.person_id, name=clean(attendee.name),
            folio=format_folio(actor.office_code, on.year, number), year=on.year, number=number,
            issued_on=on, signer_name=name, signer_title=title,
        )  # fmt: skip
        session.add(certificate)
        session.flush()
        audit.record(session, actor, "emitir_constancia", "constancia", certificate.uuid,
                     {"folio": certificate.folio, "actividad": record.uuid})  # fmt: skip
    return [row.folio for row in certificates_of(session, activity_id) if not row.voided]


def _by_folio(session: Session, folio: str) -> Certificate:
    folio = clean(folio).upper()
    if not FOLIO.match(folio):
        raise ValidationError(
            "folio", f"«{folio}» no es un folio de constancia (ejemplo: TAP-C-2026-000012)."
        )
    certificate = session.scalars(select(Certificate).where(Certificate.folio == folio)).first()
    if certificate is None:
        raise NotFoundError(f"No existe la constancia con folio {folio}.")
    return certificate


def void(session: Session, actor: Actor, folio: str, reason: str) -> CertificateRow:
    """Cancel a certificate (supervisor): the folio stays, marked CANCELADA; issuing again
    gives the attendee a new folio."""
    require(actor, Action.VOID_RECEIPT)
    reason = clean(reason)
    if not reason or len(reason) > 500:
        raise ValidationError(
            "reason", "Motivo de la cancelación: obligatorio, hasta 500 caracteres."
        )
    certificate = _by_folio(session, folio)
    if certificate.voided_at is not None:
        raise FronteraError(f"La constancia {certificate.folio} ya estaba cancelada.")
    certificate.voided_at = utcnow()
    certificate.voided_by_id = actor.user_id
    certificate.void_reason = reason
    audit.record(session, actor, "cancelar_constancia", "constancia", certificate.uuid,
                 {"folio": certificate.folio, "motivo": reason})  # fmt: skip
    session.flush()
    return CertificateRow(certificate.folio, certificate.name, certificate.issued_on, True,
                          reason, certificate.print_count)  # fmt: skip


# --- what a certificate prints ----------------------------------------------------------------


@dataclass(frozen=True)
class CertificateData:
    folio: str
    issued_on: date
    name: str
    activity_kind: ActivityKind
    activity_title: str
    held_on: date
    hours: int
    venue: str
    municipality: str
    government: str
    unit: str
    office_name: str
    office_address: str
    place: str
    signer_name: str
    signer_title: str
    verification: str
    voided: bool
    void_reason: str
    print_count: int
    demo: bool
    logo: bytes | None = None

    @property
    def kind_text(self) -> str:
        return ACTIVITY_ES[self.activity_kind]


def verification_code(session: Session, certificate: Certificate) -> str:
    """What the QR code carries, as a receipt's: folio, date of issue, ``C`` and a short keyed
    hash made with the receipts' key (``receipts.keyed_code``)."""
    from frontera_desk.services.receipts import keyed_code

    on = certificate.issued_on
    mac = keyed_code(session, certificate.folio, on.isoformat(), CODE_KIND)
    return f"FD|{certificate.folio}|{on:%Y%m%d}|{CODE_KIND}|{mac}"


def certificate_data(session: Session, folio: str) -> CertificateData:
    certificate = _by_folio(session, folio)
    activity = session.get(Activity, certificate.activity_id)
    assert activity is not None
    office = get_office(session)
    settings = get_settings(session)
    return CertificateData(
        folio=certificate.folio,
        issued_on=certificate.issued_on,
        name=certificate.name,
        activity_kind=ActivityKind(activity.kind),
        activity_title=activity.title,
        held_on=activity.held_on,
        hours=activity.hours,
        venue=activity.venue or "",
        municipality=activity.municipality or "",
        government=settings.header_government,
        unit=settings.header_unit,
        office_name=office.name if office else "",
        office_address=settings.receipt_address,
        place=settings.receipt_place,
        signer_name=certificate.signer_name,
        signer_title=certificate.signer_title,
        verification=verification_code(session, certificate),
        voided=certificate.voided_at is not None,
        void_reason=certificate.void_reason or "",
        print_count=certificate.print_count,
        demo=bool(office and office.is_demo),
        logo=get_logo(session),
    )


def record_print(session: Session, actor: Actor, folio: str) -> CertificateData:
    """Count a print (the first is the original; later ones are reprints) and audit it."""
    certificate = _by_folio(session, folio)
    data = certificate_data(session, folio)
    action = "imprimir_constancia" if certificate.print_count == 0 else "reimprimir_constancia"
    certificate.print_count += 1
    audit.record(session, actor, action, "constancia", certificate.uuid,
                 {"folio": certificate.folio, "impresion": certificate.print_count})  # fmt: skip
    return data


def verify(session: Session, folio: str, day: str, kind: str, mac: str) -> tuple[bool, str, str]:
    """A certificate's code checked against the records: (matches, what to tell, verdict:
    valid, altered, voided or unknown)."""
    import hmac

    from frontera_desk.services.receipts import keyed_code

    try:
        on = date(int(day[:4]), int(day[4:6]), int(day[6:8]))
        certificate = _by_folio(session, folio)
    except (ValueError, FronteraError):
        return False, "El código no corresponde a ninguna constancia registrada.", "unknown"
    expected = keyed_code(session, certificate.folio, certificate.issued_on.isoformat(), CODE_KIND)
    if (on, kind) != (certificate.issued_on, CODE_KIND) or not hmac.compare_digest(
        mac.upper(), expected
    ):
        return (
            False,
            (f"El código NO coincide con la constancia {certificate.folio}: puede estar alterada."),
            "altered",
        )
    activity = session.get(Activity, certificate.activity_id)
    title = activity.title if activity else ""
    if certificate.voided_at is not None:
        return (
            True,
            (
                f"La constancia {certificate.folio} existe pero fue CANCELADA: "
                f"{certificate.void_reason}."
            ),
            "voided",
        )
    valid = (
        f"Constancia {certificate.folio} válida: expedida a {certificate.name} el "
        f"{certificate.issued_on:%d/%m/%Y} por su participación en «{title}»."
    )
    return True, valid, "valid"
