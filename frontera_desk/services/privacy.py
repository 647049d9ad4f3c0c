"""Privacy rights: consent to the notice, access (export), cancellation (anonymize), retention."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from frontera_desk.db import search
from frontera_desk.db.models import (
    Activity,
    Agreement,
    AgreementPerson,
    Attendee,
    AuditEntry,
    Case,
    Certificate,
    Consent,
    Organization,
    Person,
    Receipt,
    Support,
    SupportEvent,
    SupportType,
    User,
    utcnow,
)
from frontera_desk.domain.clock import local, local_now, on_paper
from frontera_desk.domain.countries import country_name
from frontera_desk.domain.enums import (
    ACTIVITY_ES,
    AGREEMENT_STATUS_ES,
    DOCUMENT_ES,
    SEX_ES,
    STATUS_ES,
    VULNERABILITY_ES,
    ActivityKind,
    AgreementStatus,
    SupportStatus,
)
from frontera_desk.domain.errors import FronteraError, ValidationError
from frontera_desk.domain.money import format_money
from frontera_desk.domain.text import clean, fold
from frontera_desk.services import attachments, audit, people
from frontera_desk.services.office import get_office, get_settings
from frontera_desk.services.permissions import Action, Actor, require

ANONYMIZED_NAME = "Persona anonimizada"


# --- access -----------------------------------------------------------------------------------

ARCO_TEXT = (
    "Usted puede pedir en esta oficina, por escrito o en persona y sin costo, que se corrijan "
    "sus datos inexactos o incompletos (rectificación), que se dejen de usar y se supriman de "
    "nuestros registros (cancelación: se anonimizan, y quedan solo las cifras sin su nombre que "
    "los informes ya publicados necesitan) o que no se usen para un fin determinado "
    "(oposición). Diga qué dato y qué pide, y presente una identificación si la tiene; la "
    "oficina le responde por escrito."
)
NOTHING_HELD = (
    "La oficina no tiene de usted más registros que sus datos de identificación: ningún "
    "apoyo, actividad, convenio ni archivo."
)


def _pesos(centavos: int) -> str:
    """An amount in pesos, exact, as text: ``123450`` → ``"1234.50"`` (portable, no float)."""
    pesos, cents = divmod(centavos, 100)
    return f"{pesos}.{cents:02d}"


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


# None: imported from a spreadsheet, not asked yet (issue 25)
_ANSWER = {True: "otorgado", False: "no otorgado", None: "no se pudo preguntar"}


def _consents(session: Session, person_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        select(Consent.given, Consent.on, Consent.notice_sha256, Consent.recorded_at,
               User.full_name)
        .join(User, User.id == Consent.recorded_by_id)
        .where(Consent.person_id == person_id).order_by(Consent.id)
    )  # fmt: skip
    return [
        {"fecha": r.on.isoformat(), "respuesta": _ANSWER[r.given],
         "otorgado": r.given, "aviso_sha256": r.notice_sha256, "registro": r.full_name,
         "registrado_el": on_paper(r.recorded_at)}
        for r in rows
    ]  # fmt: skip


def _supports(session: Session, person_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        select(Support, SupportType.name).join(SupportType)
        .where(Support.person_id == person_id).order_by(Support.requested_on, Support.id)
    ).all()  # fmt: skip
    ids = [s.id for s, _ in rows]
    approved = set(session.scalars(  # the decision date is the approval's when one was made
        select(SupportEvent.support_id).where(
            SupportEvent.support_id.in_(ids),
            SupportEvent.to_status == SupportStatus.APPROVED.value,
        )
    )) if ids else set()  # fmt: skip
    folios: dict[int, list[str]] = {}
    for receipt in session.scalars(select(Receipt).where(Receipt.support_id.in_(ids))):
        folios.setdefault(receipt.support_id, []).append(
            receipt.folio + (" (cancelado)" if receipt.voided_at else "")
        )
    out = []
    for s, type_name in rows:
        out.append({
            "tipo": type_name, "descripcion": s.description, "importe_pesos": _pesos(
                s.amount_centavos), "importe": format_money(s.amount_centavos),
            "proveedor": s.provider or "", "estado": STATUS_ES[SupportStatus(s.status)],
            "fecha_solicitud": s.requested_on.isoformat(),
            "fecha_autorizacion": _iso(s.decided_on) if s.id in approved else None,
            "fecha_entrega": _iso(s.delivered_on),
            "folio": ", ".join(folios.get(s.id, [])), "motivo": s.status_reason or "",
        })  # fmt: skip
    return out


def _activities(session: Session, person_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        select(Activity.kind, Activity.title, Activity.held_on, Activity.hours,
               Activity.venue, Activity.municipality)
        .join(Attendee, Attendee.activity_id == Activity.id)
        .where(Attendee.person_id == person_id).order_by(Activity.held_on, Activity.id)
    )  # fmt: skip
    return [
        {"tipo": ACTIVITY_ES[ActivityKind(r.kind)], "titulo": r.title,
         "fecha": r.held_on.isoformat(), "horas": r.hours,
         "lugar": ", ".join(p for p in (r.venue, r.municipality) if p)}
        for r in rows
    ]  # fmt: skip


def _agreements(session: Session, person_id: int) -> list[dict[str, Any]]:
    deals = session.scalars(
        select(Agreement).join(AgreementPerson, AgreementPerson.agreement_id == Agreement.id)
        .where(AgreementPerson.person_id == person_id).order_by(Agreement.signed_on, Agreement.id)
    ).all()  # fmt: skip
    names = dict(session.execute(select(Organization.id, Organization.name)).all())
    return [
        {"titulo": a.title, "firmado": _iso(a.signed_on), "vigencia": [_iso(a.valid_from),
         _iso(a.valid_until)], "contrapartes": [names[p.organization_id] for p in a.parties],
         "estado": AGREEMENT_STATUS_ES[AgreementStatus(a.status)]}
        for a in deals
    ]  # fmt: skip


_ATTACHED_TO = {"persona": "su ficha", "apoyo": "un apoyo", "recibo": "un recibo"}


def _attachments(session: Session, person_id: int) -> list[dict[str, Any]]:
    """The files kept about the person: theirs, and those of their supports and receipts
    (erased ones listed too, as erased: the record of them remains)."""
    return [
        {"nombre": a.original_name, "tipo": attachments.kind_label(a.kind),
         "descripcion": a.description,
         "de": _ATTACHED_TO.get(a.owner.type.value, a.owner.type.value),
         "fecha": local(a.created_at).date().isoformat(), "bytes": a.size,
         "sha256": a.sha256, "borrado": a.erased}
        for a in attachments.attachments_of_person(session, person_id)
    ]  # fmt: skip


def _household(session: Session, p: people.PersonRecord) -> dict[str, Any]:
    members = session.execute(
        select(Person.given_names, Person.first_surname, Person.second_surname)
        .where(Person.household_head_id == p.id).order_by(Person.id)
    ).all()  # fmt: skip
    return {
        "integrantes": p.household_size, "dependientes": p.dependents,
        "jefe_o_jefa_del_hogar": p.household_head_name or None,
        "registrados_a_su_cargo": [people.full_name(*m) for m in members],
    }  # fmt: skip


def export_person(session: Session, actor: Actor, person_id: int) -> dict[str, Any]:
    """Everything held about a person, in plain Spanish keys, for handing to them: identity,
    documents, household, consents, supports with their dates, folios and providers,
    activities, agreements, files, the privacy notice and how to exercise the other rights.
    Amounts are in pesos, as exact text; dates ISO 8601; times in the office's local time."""
    require(actor, Action.EXPORT_PERSON)
    p = people.get_person(session, person_id)
    office = get_office(session)
    settings = get_settings(session)
    history = [
        {
            "fecha": on_paper(e.at),
            "accion": e.action,
            "cambios": json.loads(e.changes) if e.changes else None,
        }  # fmt: skip
        for e in session.scalars(
            select(AuditEntry).where(AuditEntry.entity_uuid == p.uuid).order_by(AuditEntry.id)
        )
    ]
    consent = p.consent
    opened = session.scalar(select(Case.opened_on).where(Case.person_id == p.id))
    data: dict[str, Any] = {
        "oficina": f"{office.code} — {office.name}" if office else "",
        "generado": local_now().isoformat(timespec="seconds"),
        "expediente": p.case_number,
        "expediente_abierto": _iso(opened),
        "identificador": p.uuid,
        "nombre_completo": p.full_name,
        "nombres": p.given_names,
        "primer_apellido": p.first_surname,
        "segundo_apellido": p.second_surname,
        "sexo": SEX_ES[p.sex],
        "fecha_de_nacimiento": p.birth_date.isoformat() if p.birth_date else None,
        "fecha_estimada": p.birth_date_estimated,
        "nacionalidad": p.nationality,
        "nombre_nacionalidad": country_name(p.nationality),
        "telefono": p.phone,
        "se_aloja_en": p.lodging,
        "integrantes_del_hogar": p.household_size,
        "dependientes": p.dependents,
        "hogar": _household(session, p),
        "vulnerabilidad": [VULNERABILITY_ES[v] for v in sorted(p.vulnerabilities)],
        "documentos": [
            {"tipo": DOCUMENT_ES[d.doc_type], "numero": d.number, "emisor": d.issuer}
            for d in p.documents
        ],
        "observaciones": p.notes,
        "consentimiento": (
            {
                "otorgado": consent.given,
                "fecha": consent.on.isoformat(),
                "registro": consent.recorded_by,
            }
            if consent
            else None
        ),  # fmt: skip
        "consentimientos": _consents(session, p.id),
        "apoyos": _supports(session, p.id),
        "actividades": _activities(session, p.id),
        "convenios": _agreements(session, p.id),
        "archivos": _attachments(session, p.id),
        "aviso_de_privacidad": {
            "version_sha256": people.notice_hash(settings.privacy_notice),
            "texto": settings.privacy_notice,
        },
        "derechos_arco": ARCO_TEXT,
        "acuse": {
            "atendio": actor.full_name,
            "usuario": actor.username,
            "fecha": local_now().date().isoformat(),
        },  # fmt: skip
        "historial_de_cambios": history,
    }
    held = ("apoyos", "actividades", "convenios", "archivos")
    data["sin_registros"] = NOTHING_HELD if not any(data[k] for k in held) else None
    audit.record(session, actor, "exportar", "persona", p.uuid)
    return data


# --- cancellation -----------------------------------------------------------------------------


def anonymize_person(session: Session, actor: Actor, person_id: int, reason: str) -> None:
    """Remove names, documents, contact and notes; keep what the totals need.

    Sex, an approximate birth year, nationality, vulnerability and household size stay, so past
    summaries keep adding up; the old values are erased from the audit log too.
    """
    require(actor, Action.ANONYMIZE_PERSON)
    reason = clean(reason)
    if not reason or len(reason) > 500:
        raise ValidationError(
            "reason", "Motivo de la anonimización: obligatorio, hasta 500 caracteres."
        )
    person = session.get(Person, person_id)
    if person is None:
        raise FronteraError(f"No existe la persona núm. {person_id}.")
    if person.anonymized_at is not None:
        raise FronteraError("Esta persona ya fue anonimizada.")
    person.given_names = ANONYMIZED_NAME
    person.first_surname = f"núm. {person.id}"
    person.second_surname = None
    person.name_key = person.sort_key = fold(f"{ANONYMIZED_NAME} {person.id}")
    if person.birth_date is not None:
        person.birth_date = date(person.birth_date.year, 7, 1)
        person.birth_date_estimated = True
    person.phone = person.lodging = person.notes = None
    person.anonymized_at = utcnow()
    for document in list(person.documents):
        session.delete(document)
    # The name as copied onto attendance lists and certificates goes too (a certificate keeps
    # its folio and verifies, under the anonymized name)
    anonymous = people.full_name(person.given_names, person.first_surname, None)
    for copied in (Attendee, Certificate):
        session.execute(update(copied).where(copied.person_id == person.id).values(name=anonymous))
    session.execute(text(f"DELETE FROM {search.FTS_TABLE} WHERE rowid = :id"), {"id": person.id})
    erased = attachments.erase_for_person(session, actor, person.id)
    audit.redact(session, person.uuid)
    audit.record(session, actor, "anonimizar", "persona", person.uuid,
                 {"motivo": reason, "adjuntos_borrados": erased})  # fmt: skip


def inactive_ids(
    session: Session, actor: Actor, years: int | None = None, today: date | None = None
) -> list[int]:
    """People with no change and no support for ``years`` (the retention setting), in name
    order: candidates for anonymization. The table is read in its own order and the few matches
    sorted here (walking the name index looked every person up: 1.8 s for 200,000 people, 0.13 s
    this way)."""
    require(actor, Action.ANONYMIZE_PERSON)
    years = years or get_settings(session).retention_years
    today = today or date.today()
    cutoff = today - timedelta(days=round(365.25 * years))
    recent = (
        select(Support.id)
        .where(Support.person_id == Person.id,
               func.coalesce(Support.delivered_on, Support.requested_on) >= cutoff)
        .exists()
    )  # fmt: skip
    rows = session.execute(
        select(Person.id, Person.sort_key).where(
            Person.anonymized_at.is_(None),
            Person.updated_at < datetime.combine(cutoff, time.min, tzinfo=UTC),
            ~recent,
        )
    ).all()
    return [row.id for row in sorted(rows, key=lambda row: (row.sort_key, row.id))]
