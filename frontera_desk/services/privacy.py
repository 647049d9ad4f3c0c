"""Privacy rights: consent to the notice, access (export), cancellation (anonymize), retention."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from frontera_desk.db import search
from frontera_desk.db.models import AuditEntry, Person, Support, utcnow
from frontera_desk.domain.countries import country_name
from frontera_desk.domain.enums import DOCUMENT_ES, SEX_ES, STATUS_ES, VULNERABILITY_ES
from frontera_desk.domain.errors import FronteraError, ValidationError
from frontera_desk.domain.text import clean, fold
from frontera_desk.services import attachments, audit, people, supports
from frontera_desk.services.context import Action, Actor, require
from frontera_desk.services.office import get_office, get_settings

ANONYMIZED_NAME = "Persona anonimizada"


# --- access -----------------------------------------------------------------------------------


def export_person(session: Session, actor: Actor, person_id: int) -> dict[str, Any]:
    """Everything held about a person, in plain Spanish keys, for handing to them."""
    require(actor, Action.EXPORT_PERSON)
    p = people.get_person(session, person_id)
    office = get_office(session)
    history = [
        {
            "fecha": e.at.isoformat(timespec="seconds"),
            "accion": e.action,
            "cambios": json.loads(e.changes) if e.changes else None,
        }  # fmt: skip
        for e in session.scalars(
            select(AuditEntry).where(AuditEntry.entity_uuid == p.uuid).order_by(AuditEntry.id)
        )
    ]
    consent = p.consent
    data: dict[str, Any] = {
        "oficina": f"{office.code} — {office.name}" if office else "",
        "generado": date.today().isoformat(),
        "expediente": p.case_number,
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
        "apoyos": [
            {
                "fecha_solicitud": s.requested_on.isoformat(),
                "tipo": s.type_name,
                "descripcion": s.description,
                "importe_centavos": s.amount_centavos,
                "estado": STATUS_ES[s.status],
                "fecha_entrega": s.delivered_on.isoformat() if s.delivered_on else None,
            }  # fmt: skip
            for s in supports.supports_of_person(session, person_id)
        ],
        "adjuntos": [  # what is held, not the files themselves (they are handed separately)
            {
                "archivo": a.original_name,
                "tipo": attachments.kind_label(a.kind),
                "de": a.owner.type.value,
                "bytes": a.size,
                "fecha": a.created_at.date().isoformat(),
                "borrado": a.erased,
            }
            for a in attachments.attachments_of_person(session, person_id)
        ],  # fmt: skip
        "historial_de_cambios": history,
    }
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
