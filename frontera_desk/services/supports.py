"""Assistance supports: request → approve → deliver (or reject / cancel), ceilings and limits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TypeVarTuple

from sqlalchemy import ColumnElement, Select, and_, bindparam, func, or_, select
from sqlalchemy.orm import Session

from frontera_desk.db.models import (
    Case,
    Person,
    Receipt,
    Support,
    SupportEvent,
    SupportType,
    User,
)
from frontera_desk.db.paging import IdList
from frontera_desk.domain.clock import local
from frontera_desk.domain.enums import STATUS_ES, LimitPeriod, LimitScope, SupportStatus
from frontera_desk.domain.errors import (
    InvalidTransition,
    NotFoundError,
    OverrideRequired,
    ValidationError,
)
from frontera_desk.domain.money import MAX_CENTAVOS, format_money
from frontera_desk.domain.text import checked, fold
from frontera_desk.services import audit, months, receipts
from frontera_desk.services.people import full_name
from frontera_desk.services.permissions import Action, Actor, require

S = SupportStatus
Ts = TypeVarTuple("Ts")
TRANSITIONS: dict[SupportStatus, set[SupportStatus]] = {
    S.REQUESTED: {S.APPROVED, S.REJECTED, S.CANCELLED},
    S.APPROVED: {S.DELIVERED, S.CANCELLED},
    S.DELIVERED: set(),
    S.REJECTED: set(),
    S.CANCELLED: set(),
}
_COUNTED = (S.REQUESTED.value, S.APPROVED.value, S.DELIVERED.value)


@dataclass(frozen=True)
class SupportTypeInfo:
    id: int
    code: str
    name: str
    ceiling_centavos: int | None
    limit_count: int | None
    limit_scope: LimitScope | None
    limit_period: LimitPeriod | None
    required_documents: tuple[str, ...]

    def limit_text(self) -> str:
        if not self.limit_count:
            return ""
        who = "persona" if self.limit_scope is LimitScope.PERSON else "hogar"
        per = "mes" if self.limit_period is LimitPeriod.MONTH else "año"
        return f"{self.limit_count} por {who} al {per}"


@dataclass
class SupportInput:
    person_id: int
    support_type_id: int
    description: str
    amount_centavos: int
    provider: str = ""
    requested_on: date | None = None
    override_reason: str = ""


@dataclass(frozen=True)
class SupportRow:
    id: int
    person_id: int
    person_name: str
    type_code: str
    type_name: str
    description: str
    amount_centavos: int
    status: SupportStatus
    requested_on: date
    delivered_on: date | None


@dataclass(frozen=True)
class SupportEventRecord:
    from_status: SupportStatus | None
    to_status: SupportStatus
    on: date
    by: str
    reason: str


@dataclass(frozen=True)
class VoidedFolio:
    """A receipt of the support that was voided: it stays in the support's history."""

    folio: str
    issued_on: date
    voided_on: date  # the office's local date
    voided_by: str
    reason: str


@dataclass(frozen=True)
class SupportRecord:
    id: int
    uuid: str
    case_number: str
    person_id: int
    person_name: str
    support_type: SupportTypeInfo
    description: str
    amount_centavos: int
    provider: str
    status: SupportStatus
    requested_on: date
    requested_by: str
    decided_on: date | None
    decided_by: str
    delivered_on: date | None
    delivered_by: str
    status_reason: str
    override_reason: str
    override_by: str
    events: tuple[SupportEventRecord, ...]
    folio: str  # the current receipt, if delivered
    provider_rfc: str = ""  # filled in from the provider's invoice
    voided_folios: tuple[VoidedFolio, ...] = ()  # every earlier receipt, voided (issue 24)


@dataclass(frozen=True)
class SupportFilter:
    status: SupportStatus | None = None
    support_type_id: int | None = None
    month: tuple[int, int] | None = None  # (year, month) of the request or delivery
    text: str = ""
    person_id: int | None = None


# --- catalog ----------------------------------------------------------------------------------


def _type_info(t: SupportType) -> SupportTypeInfo:
    return SupportTypeInfo(
        id=t.id,
        code=t.code,
        name=t.name,
        ceiling_centavos=t.ceiling_centavos,
        limit_count=t.limit_count,
        limit_scope=LimitScope(t.limit_scope) if t.limit_scope else None,
        limit_period=LimitPeriod(t.limit_period) if t.limit_period else None,
        required_documents=tuple(d for d in t.required_documents.splitlines() if d.strip()),
    )


def support_types(session: Session, active_only: bool = True) -> list[SupportTypeInfo]:
    query = select(SupportType).order_by(SupportType.sort_order, SupportType.name)
    if active_only:
        query = query.where(SupportType.is_active)
    return [_type_info(t) for t in session.scalars(query)]


# --- rules ------------------------------------------------------------------------------------


def _period(on: date, period: LimitPeriod) -> tuple[date, date]:
    if period is LimitPeriod.YEAR:
        return date(on.year, 1, 1), date(on.year + 1, 1, 1)
    start = on.replace(day=1)
    end = date(on.year + (on.month == 12), on.month % 12 + 1, 1)
    return start, end


def limit_problems(
    session: Session,
    support_type: SupportType,
    person: Person,
    amount: int,
    on: date,
    exclude_support_id: int | None = None,
) -> list[str]:
    """Why this support needs a supervisor's override (empty when within ceiling and limit)."""
    problems = []
    if support_type.ceiling_centavos is not None and amount > support_type.ceiling_centavos:
        problems.append(
            f"el importe {format_money(amount)} rebasa el tope de "
            f"{format_money(support_type.ceiling_centavos)} para «{support_type.name}»"
        )
    info = _type_info(support_type)
    if info.limit_count and info.limit_period:
        start, end = _period(on, info.limit_period)
        when = func.coalesce(Support.delivered_on, Support.requested_on)
        query = select(func.count(Support.id)).where(
            Support.support_type_id == support_type.id,
            Support.status.in_(_COUNTED),
            when >= start,
            when < end,
        )
        if info.limit_scope is LimitScope.HOUSEHOLD:
            root = person.household_head_id or person.id
            members = select(Person.id).where(
                or_(Person.id == root, Person.household_head_id == root)
            )
            query = query.where(Support.person_id.in_(members))
        else:
            query = query.where(Support.person_id == person.id)
        if exclude_support_id is not None:
            query = query.where(Support.id != exclude_support_id)
        used = session.scalar(query) or 0
        if used >= info.limit_count:
            problems.append(
                f"ya se otorgaron {used} de «{support_type.name}» en el periodo "
                f"(límite: {info.limit_text()})"
            )
    return problems


def _check_override(actor: Actor, problems: list[str], reason: str) -> str | None:
    if not problems:
        return None
    if not reason:
        raise OverrideRequired(
            "Se necesita la autorización de un(a) supervisor(a) con un motivo: "
            + "; ".join(problems)
            + "."
        )
    require(actor, Action.OVERRIDE_LIMIT)
    return reason


def _justified(actor: Actor, problems: list[str], reason: str) -> tuple[str | None, str | None]:
    """A request past a ceiling or limit: (override, justification). A supervisor's reason
    overrides at once; anyone else's is their justification, and the request waits, flagged,
    for a supervisor to decide when authorizing (issue 24, item 1)."""
    if not problems or actor.can(Action.OVERRIDE_LIMIT):
        return _check_override(actor, problems, reason), None
    if not reason:
        raise OverrideRequired(
            "La solicitud rebasa lo permitido: " + "; ".join(problems) + ". Escriba por qué "
            "se necesita; un(a) supervisor(a) decidirá al autorizarla."
        )
    return None, reason


def pending_override(session: Session, support_id: int) -> tuple[list[str], str]:
    """What a support not yet authorized exceeds (ceiling, limit) and the requester's
    justification, for the supervisor who decides; nothing once a supervisor overrode it."""
    support = session.get(Support, support_id)
    if support is None or support.override_reason:
        return [], ""
    problems = limit_problems(
        session, support.support_type, session.get(Person, support.person_id),  # type: ignore[arg-type]
        support.amount_centavos, support.requested_on, exclude_support_id=support.id,
    )  # fmt: skip
    note = session.scalar(
        select(SupportEvent.reason).where(
            SupportEvent.support_id == support.id, SupportEvent.from_status.is_(None)
        )
    )
    return problems, note or ""


def _validate(session: Session, data: SupportInput, today: date) -> tuple[Person, SupportType]:
    person = session.get(Person, data.person_id)
    if person is None:
        raise ValidationError("person_id", "Persona: no existe.")
    support_type = session.get(SupportType, data.support_type_id)
    if support_type is None or not support_type.is_active:
        raise ValidationError("support_type_id", "Tipo de apoyo: no existe en el catálogo.")
    if not isinstance(data.amount_centavos, int) or isinstance(data.amount_centavos, bool):
        raise ValidationError("amount", "Importe: debe ser una cantidad en centavos.")
    if data.amount_centavos <= 0:
        raise ValidationError("amount", "Importe: debe ser mayor que cero.")
    if data.amount_centavos > MAX_CENTAVOS:
        raise ValidationError("amount", "Importe: excede el máximo permitido.")
    if data.requested_on and data.requested_on > today:
        raise ValidationError("requested_on", "Fecha de solicitud: no puede ser futura.")
    return person, support_type


# --- workflow ---------------------------------------------------------------------------------


def request_support(
    session: Session, actor: Actor, data: SupportInput, today: date | None = None
) -> SupportRecord:
    """Record a request. Past a ceiling or limit it needs a supervisor and a reason."""
    require(actor, Action.REQUEST_SUPPORT)
    today = today or date.today()
    person, support_type = _validate(session, data, today)
    description = checked(data.description, "description", "Descripción", 500, True)
    provider = checked(data.provider, "provider", "Proveedor", 200)
    reason = checked(data.override_reason, "override_reason", "Motivo", 500)
    on = data.requested_on or today
    months.ensure_open(session, actor.office_code, on)
    problems = limit_problems(session, support_type, person, data.amount_centavos, on)
    override, justification = _justified(actor, problems, reason)
    case_id = session.scalar(select(Case.id).where(Case.person_id == person.id))
    support = Support(
        office_code=actor.office_code,
        created_by_id=actor.user_id,
        case_id=case_id,
        person_id=person.id,
        support_type_id=support_type.id,
        description=description,
        amount_centavos=data.amount_centavos,
        provider=provider or None,
        status=S.REQUESTED.value,
        requested_on=on,
        requested_by_id=actor.user_id,
        override_reason=override,
        override_by_id=actor.user_id if override else None,
    )
    session.add(support)
    session.flush()
    _event(session, actor, support, None, S.REQUESTED, override or justification)
    changes: dict[str, object] = {
        "importe": [None, data.amount_centavos], "tipo": [None, support_type.code]
    }  # fmt: skip
    if justification:
        changes |= {"rebasa": "; ".join(problems), "justificacion": justification}
    audit.record(session, actor, "solicitar", "apoyo", support.uuid, changes)
    return get_support(session, support.id)


def _event(
    session: Session,
    actor: Actor,
    support: Support,
    old: SupportStatus | None,
    new: SupportStatus,
    reason: str | None,
) -> None:
    session.add(
        SupportEvent(
            support_id=support.id,
            from_status=old.value if old else None,
            to_status=new.value,
            by_user_id=actor.user_id,
            reason=reason,
        )
    )


def _transition(session: Session, actor: Actor, support_id: int, new: SupportStatus) -> Support:
    support = session.get(Support, support_id)
    if support is None:
        raise NotFoundError(f"No existe el apoyo núm. {support_id}.")
    old = S(support.status)
    if new not in TRANSITIONS[old]:
        raise InvalidTransition(
            f"Un apoyo {STATUS_ES[old].lower()} no puede pasar a {STATUS_ES[new].lower()}."
        )
    support.status = new.value
    return support


def _finish(
    session: Session,
    actor: Actor,
    support: Support,
    old: SupportStatus,
    reason: str | None,
    action: str,
) -> SupportRecord:
    _event(session, actor, support, old, S(support.status), reason)
    audit.record(
        session, actor, action, "apoyo", support.uuid, {"estado": [old.value, support.status]}
    )
    session.flush()
    return get_support(session, support.id)


def _step_date(on: date | None, today: date, after: date, label: str) -> date:
    on = on or today
    if on > today:
        raise ValidationError("date", f"{label}: no puede ser futura.")
    if on < after:
        raise ValidationError(
            "date", f"{label}: no puede ser anterior a la fecha de solicitud ({after:%d/%m/%Y})."
        )
    return on


def approve_support(
    session: Session,
    actor: Actor,
    support_id: int,
    *,
    on: date | None = None,
    override_reason: str = "",
    today: date | None = None,
) -> SupportRecord:
    require(actor, Action.DECIDE_SUPPORT)
    support = _transition(session, actor, support_id, S.APPROVED)
    today = today or date.today()
    support.decided_on = _step_date(on, today, support.requested_on, "Fecha de autorización")
    months.ensure_open(session, actor.office_code, support.decided_on)
    support.decided_by_id = actor.user_id
    if not support.override_reason:
        problems = limit_problems(
            session, support.support_type, session.get(Person, support.person_id),  # type: ignore[arg-type]
            support.amount_centavos, support.requested_on, exclude_support_id=support.id,
        )  # fmt: skip
        reason = checked(override_reason, "override_reason", "Motivo", 500)
        override = _check_override(actor, problems, reason)
        if override:
            support.override_reason, support.override_by_id = override, actor.user_id
    return _finish(session, actor, support, S.REQUESTED, None, "autorizar")


def reject_support(
    session: Session, actor: Actor, support_id: int, reason: str, today: date | None = None
) -> SupportRecord:
    require(actor, Action.DECIDE_SUPPORT)
    reason = checked(reason, "reason", "Motivo del rechazo", 500, True)
    support = _transition(session, actor, support_id, S.REJECTED)
    support.decided_on = today or date.today()
    months.ensure_open(session, actor.office_code, support.decided_on)
    support.decided_by_id = actor.user_id
    support.status_reason = reason
    return _finish(session, actor, support, S.REQUESTED, reason, "rechazar")


def deliver_support(
    session: Session,
    actor: Actor,
    support_id: int,
    *,
    on: date | None = None,
    provider: str | None = None,
    today: date | None = None,
    evidence_reason: str = "",
) -> SupportRecord:
    """Record the hand-over. Its date is the support's business date. The type's required
    documents must be marked received in the support's file; a supervisor may deliver without
    them, writing the reason (``evidence_reason``, audited)."""
    from frontera_desk.services import evidence

    require(actor, Action.DELIVER_SUPPORT)
    support = _transition(session, actor, support_id, S.DELIVERED)  # (rolled back if refused)
    missing = evidence.missing_documents(session, support_id)
    reason = checked(evidence_reason, "evidence_reason", "Motivo", 500) if missing else ""
    if missing and not reason:
        raise OverrideRequired(
            "Faltan documentos del expediente: "
            + "; ".join(name for _, name in missing)
            + ". Márquelos como recibidos, o un(a) supervisor(a) puede entregar sin ellos "
            "escribiendo el motivo."
        )
    if missing:
        require(actor, Action.DELIVER_WITHOUT_EVIDENCE)
    today = today or date.today()
    after = support.decided_on or support.requested_on
    support.delivered_on = _step_date(on, today, after, "Fecha de entrega")
    months.ensure_open(session, actor.office_code, support.delivered_on)
    support.delivered_by_id = actor.user_id
    if provider is not None:
        support.provider = checked(provider, "provider", "Proveedor", 200) or None
    waived = f"Sin documentos: {reason}"[:500] if missing else None
    record = _finish(session, actor, support, S.APPROVED, waived, "entregar")
    if missing:
        audit.record(session, actor, "entregar_sin_documentos", "apoyo", support.uuid,
                     {"faltan": [code for code, _ in missing], "motivo": reason})  # fmt: skip
    receipts.issue(session, actor, support)  # same transaction: no delivery without its folio
    return get_support(session, record.id)


def cancel_support(session: Session, actor: Actor, support_id: int, reason: str) -> SupportRecord:
    require(actor, Action.CANCEL_SUPPORT)
    reason = checked(reason, "reason", "Motivo de la cancelación", 500, True)
    support = session.get(Support, support_id)
    old = S(support.status) if support else S.REQUESTED
    support = _transition(session, actor, support_id, S.CANCELLED)
    support.status_reason = reason
    return _finish(session, actor, support, old, reason, "cancelar")


# --- reads ------------------------------------------------------------------------------------


def get_support(session: Session, support_id: int) -> SupportRecord:
    s = session.get(Support, support_id)
    if s is None:
        raise NotFoundError(f"No existe el apoyo núm. {support_id}.")
    users: dict[int, str] = {
        uid: name for uid, name in session.execute(select(User.id, User.full_name))
    }
    person = session.get(Person, s.person_id)
    assert person is not None
    case_number = session.scalar(select(Case.number).where(Case.id == s.case_id)) or ""
    return SupportRecord(
        id=s.id,
        uuid=s.uuid,
        case_number=case_number,
        person_id=s.person_id,
        person_name=full_name(person.given_names, person.first_surname, person.second_surname),
        support_type=_type_info(s.support_type),
        description=s.description,
        amount_centavos=s.amount_centavos,
        provider=s.provider or "",
        provider_rfc=s.provider_rfc or "",
        status=S(s.status),
        requested_on=s.requested_on,
        requested_by=users.get(s.requested_by_id, ""),
        decided_on=s.decided_on,
        decided_by=users.get(s.decided_by_id, "") if s.decided_by_id else "",
        delivered_on=s.delivered_on,
        delivered_by=users.get(s.delivered_by_id, "") if s.delivered_by_id else "",
        status_reason=s.status_reason or "",
        override_reason=s.override_reason or "",
        override_by=users.get(s.override_by_id, "") if s.override_by_id else "",
        folio=session.scalar(
            select(Receipt.folio).where(Receipt.support_id == s.id, Receipt.voided_at.is_(None))
        )
        or "",
        events=tuple(
            SupportEventRecord(
                S(e.from_status) if e.from_status else None,
                S(e.to_status),
                e.at.date(),
                users.get(e.by_user_id, ""),
                e.reason or "",
            )
            for e in s.events
        ),
        voided_folios=tuple(
            VoidedFolio(
                r.folio,
                r.issued_on,
                local(r.voided_at).date(),
                users.get(r.voided_by_id or 0, ""),
                r.void_reason or "",
            )
            for r in session.scalars(
                select(Receipt)
                .where(Receipt.support_id == s.id, Receipt.voided_at.is_not(None))
                .order_by(Receipt.id)
            )
            if r.voided_at is not None
        ),  # fmt: skip
    )


SORT_KEYS = {  # the column of each sort, and whether it can be NULL
    "requested_on": (Support.requested_on, False),
    "delivered_on": (Support.delivered_on, True),
    "amount": (Support.amount_centavos, False),
    "status": (Support.status, False),
    "type": (Support.support_type_id, False),
}


def _in_month(f: SupportFilter, request_order: bool) -> ColumnElement[bool]:
    """A support belongs to the month it was delivered in, else to the month it was requested
    in. Said so that the indexes answer it: the delivery date is set exactly when a support is
    delivered (voiding its receipt clears it), so a delivered support is in the month of its
    delivery date and any other in the month of its request date; the month's supports are read
    from the two status indexes (counting the month's 50,000 deliveries: 0.17 s → 5 ms; listing
    them by amount: 4 s → 0.1 s, the amount index walked whole). A list in request order takes
    the first form: it walks the request-date index, which holds the delivery date too (with
    the second form the database read the month by delivery date and sorted it: 0.85 s)."""
    assert f.month is not None
    start, end = _period(date(*f.month, 1), LimitPeriod.MONTH)
    if request_order or f.support_type_id is not None:  # the type's index holds both dates
        when = func.coalesce(Support.delivered_on, Support.requested_on)
        # Requested by the month's end at the latest: the walk starts there, not at today
        return and_(when >= start, when < end, Support.requested_on < end)
    delivered = and_(Support.status == S.DELIVERED.value,
                     Support.delivered_on >= start, Support.delivered_on < end)  # fmt: skip
    others = [status.value for status in S if status is not S.DELIVERED]
    requested = and_(Support.status.in_(others),
                     Support.requested_on >= start, Support.requested_on < end)  # fmt: skip
    if f.status is S.DELIVERED:
        return delivered
    return requested if f.status is not None else or_(delivered, requested)


def _filtered(query: Select[*Ts], f: SupportFilter, request_order: bool = False) -> Select[*Ts]:
    if f.status is not None:
        query = query.where(Support.status == f.status.value)
    if f.support_type_id is not None:
        query = query.where(Support.support_type_id == f.support_type_id)
    if f.person_id is not None:
        query = query.where(Support.person_id == f.person_id)
    if f.month is not None:
        query = query.where(_in_month(f, request_order))
    words = fold(f.text).split()
    if words:
        query = query.join(Person, Person.id == Support.person_id)
        for word in words:
            like = f"%{word}%"
            query = query.where(
                or_(Person.name_key.like(like), func.lower(Support.description).like(like))
            )
    return query


def support_list(
    f: SupportFilter = SupportFilter(), sort: str = "requested_on", descending: bool = True
) -> IdList:
    """The supports the filter keeps, in list order (read a batch at a time)."""
    if (sort == "status" and f.status) or (sort == "type" and f.support_type_id is not None):
        sort = "requested_on"  # the filter leaves one value: the list in its usual order
    key, nullable = SORT_KEYS[sort]
    query = _filtered(select(Support.id, key), f, request_order=sort == "requested_on")
    return IdList(query, descending, nullable)


def support_count(f: SupportFilter = SupportFilter()) -> Select[int]:
    """How many supports the filter keeps (the list's count)."""
    # count(*): SQLite counts the smallest index (count(id) read the table: 70 ms for 576,000)
    return _filtered(select(func.count()).select_from(Support), f)


def support_ids(
    session: Session, f: SupportFilter = SupportFilter(), sort: str = "requested_on",
    descending: bool = True,
) -> list[int]:  # fmt: skip
    return list(session.scalars(support_list(f, sort, descending).ids()))


# Built once: building a select costs more than running this one.
_ROWS = (
    select(
        Support.id, Support.person_id, Person.given_names, Person.first_surname,
        Person.second_surname, SupportType.code, SupportType.name, Support.description,
        Support.amount_centavos, Support.status, Support.requested_on, Support.delivered_on,
    )
    .join(Person, Person.id == Support.person_id)
    .join(SupportType, SupportType.id == Support.support_type_id)
    .where(Support.id.in_(bindparam("ids", expanding=True)))
)  # fmt: skip


def fetch_rows(session: Session, ids: list[int]) -> dict[int, SupportRow]:
    if not ids:
        return {}
    return {
        r.id: SupportRow(
            id=r.id,
            person_id=r.person_id,
            person_name=full_name(r.given_names, r.first_surname, r.second_surname),
            type_code=r.code,
            type_name=r.name,
            description=r.description,
            amount_centavos=r.amount_centavos,
            status=S(r.status),
            requested_on=r.requested_on,
            delivered_on=r.delivered_on,
        )
        for r in session.connection().execute(_ROWS, {"ids": ids})
    }


def supports_of_person(session: Session, person_id: int) -> list[SupportRow]:
    ids = support_ids(session, SupportFilter(person_id=person_id))
    rows = fetch_rows(session, ids)
    return [rows[i] for i in ids]
