"""Month close: a supervisor closes a month; what is dated in it can no longer change.

Months close in order within a year. Closing stores the month's summary as a snapshot (its
JSON text and SHA-256): the PDF, the workbook and the package of that revision are made from
it, so the same revision always carries the same figures. Reopening needs a supervisor and a
reason, reopens the later closed months of the year too, and bumps their revisions (the monthly
package to headquarters carries it, so a later revision replaces the earlier one there).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontera_desk.db.models import (
    Activity,
    Agreement,
    Disbursement,
    MonthClose,
    MonthRevision,
    Receipt,
    Support,
    User,
    utcnow,
)
from frontera_desk.domain.enums import SupportStatus
from frontera_desk.domain.errors import FronteraError, ValidationError
from frontera_desk.domain.months import MONTHS_ES
from frontera_desk.domain.months import month_bounds as month_bounds  # its callers' old home
from frontera_desk.domain.months import month_name as month_name
from frontera_desk.domain.months import months_back as months_back
from frontera_desk.domain.months import parse_month as parse_month
from frontera_desk.domain.text import checked
from frontera_desk.services import audit, checkpoints
from frontera_desk.services.permissions import Action, Actor, require


def delivered_between(start: date, end: date):  # type: ignore[no-untyped-def]
    """The conditions of a support delivered from ``start`` to before ``end``."""
    return (Support.status == SupportStatus.DELIVERED.value, Support.delivered_on >= start,
            Support.delivered_on < end)  # fmt: skip


@dataclass(frozen=True)
class MonthState:
    year: int
    month: int
    closed: bool
    revision: int  # 0: never closed


def state(session: Session, office_code: str, year: int, month: int) -> MonthState:
    row = session.get(MonthClose, (office_code, year, month))
    if row is None:
        return MonthState(year, month, False, 0)
    return MonthState(year, month, row.is_closed, row.revision)


def ensure_open(session: Session, office_code: str, day: date | None) -> None:
    """Refuse a change dated in a closed month."""
    if day is None:
        return
    if state(session, office_code, day.year, day.month).closed:
        raise FronteraError(
            f"El mes de {month_name(day.year, day.month)} está cerrado: no se pueden registrar "
            "ni modificar movimientos con esa fecha. Un(a) supervisor(a) puede reabrirlo con un "
            "motivo."
        )
    later = session.scalar(  # its year to date is frozen in a later month's snapshot
        select(MonthClose.month).where(
            MonthClose.office_code == office_code, MonthClose.year == day.year,
            MonthClose.month > day.month, MonthClose.is_closed,
        ).order_by(MonthClose.month).limit(1)
    )  # fmt: skip
    if later is not None:
        raise FronteraError(
            f"El mes de {month_name(day.year, later)} ya está cerrado: no se pueden registrar "
            f"ni modificar movimientos de {month_name(day.year, day.month)}, que su acumulado "
            "del año incluye. Un(a) supervisor(a) puede reabrirlo con un motivo."
        )


def _check(year: int, month: int) -> None:
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise ValidationError("month", "Mes: no válido.")
    if (year, month) >= (date.today().year, date.today().month):
        raise ValidationError("month", "Solo se puede cerrar un mes que ya terminó.")


def _open_before(session: Session, office_code: str, year: int, month: int) -> list[int]:
    """The months of ``year`` before ``month`` that hold records and are not closed."""
    closed = set(session.scalars(
        select(MonthClose.month).where(MonthClose.office_code == office_code,
                                       MonthClose.year == year, MonthClose.is_closed)
    ))  # fmt: skip
    return [m for m in range(1, month) if m not in closed and has_records(session, year, m)]


def has_records(session: Session, year: int, month: int) -> bool:
    """Whether anything the summary counts is dated in the month."""
    start, end = month_bounds(year, month)
    dated = (
        (Support.delivered_on, Support.delivered_on), (Receipt.issued_on, Receipt.id),
        (Activity.held_on, Activity.id), (Disbursement.paid_on, Disbursement.id),
        (Agreement.signed_on, Agreement.id),
    )  # fmt: skip
    return any(
        session.scalar(select(key).where(day >= start, day < end).limit(1)) is not None
        for day, key in dated
    )


def _closer_name(session: Session, user_id: int) -> str:
    user = session.get(User, user_id)
    return (user.full_name or user.username) if user else ""


class EvidencePending(FronteraError):
    """Supports delivered in the month lack required documents: closing needs confirmation."""

    def __init__(self, message: str, count: int) -> None:
        super().__init__(message)
        self.count = count


def close_month(
    session: Session, actor: Actor, year: int, month: int, *, confirm_evidence_pending: bool = False
) -> MonthState:
    """Close the month in order (earlier months of the year with records first) and store its
    summary as this revision's snapshot, with its SHA-256. Supports delivered in it with
    required documents missing are refused (``EvidencePending``, with the count) unless
    ``confirm_evidence_pending``; the summary counts them either way."""
    from frontera_desk.exchange.summary_json import dumps, to_json
    from frontera_desk.services import evidence
    from frontera_desk.services.summary import monthly_summary

    require(actor, Action.CLOSE_MONTH)
    _check(year, month)
    row = session.get(MonthClose, (actor.office_code, year, month))
    if row is not None and row.is_closed:
        raise FronteraError(f"El mes de {month_name(year, month)} ya está cerrado.")
    earlier = _open_before(session, actor.office_code, year, month)
    if earlier:
        names = ", ".join(MONTHS_ES[m - 1] for m in earlier)
        raise FronteraError(
            f"Cierre primero {'el mes' if len(earlier) == 1 else 'los meses'} de {names} de "
            f"{year}: los meses se cierran en orden."
        )
    pending = evidence.count_pending(session, *month_bounds(year, month))
    if pending and not confirm_evidence_pending:
        raise EvidencePending(
            f"{pending} apoyo{'s' if pending != 1 else ''} entregado{'s' if pending != 1 else ''}"
            f" en {month_name(year, month)} tiene{'n' if pending != 1 else ''} documentos "
            "pendientes en su expediente. Confirme para cerrar el mes de todos modos.",
            pending,
        )
    now = utcnow()
    if row is None:
        row = MonthClose(office_code=actor.office_code, year=year, month=month, revision=1,
                         closed_by_id=actor.user_id, closed_at=now)  # fmt: skip
        session.add(row)
    else:
        row.is_closed, row.closed_at, row.closed_by_id = True, now, actor.user_id
    session.flush()
    closed = {"at": now.isoformat(timespec="seconds"), "by": _closer_name(session, actor.user_id)}
    figures = replace(monthly_summary(session, actor.office_code, year, month),
                      revision=row.revision, generated_at=closed["at"])  # fmt: skip
    text = dumps(to_json(figures, closed))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    session.add(MonthRevision(
        office_code=actor.office_code, year=year, month=month, revision=row.revision,
        closed_at=now, closed_by_id=actor.user_id,
        reason=row.reopen_reason if row.revision > 1 else None, snapshot=text, sha256=digest,
    ))  # fmt: skip
    session.flush()
    audit.record(session, actor, "cerrar_mes", "mes", None,
                 {"mes": f"{year}-{month:02d}", "revision": row.revision,
                  "sha256": digest, "expedientes_pendientes": pending})  # fmt: skip
    checkpoints.sign_after_commit(session, "cierre_de_mes")  # the office key signs the close
    return state(session, actor.office_code, year, month)


def later_closed(session: Session, office_code: str, year: int, month: int) -> list[MonthState]:
    """The closed months of ``year`` after ``month``: reopening ``month`` reopens them too."""
    rows = session.scalars(
        select(MonthClose).where(MonthClose.office_code == office_code, MonthClose.year == year,
                                 MonthClose.month > month, MonthClose.is_closed)
        .order_by(MonthClose.month)
    )  # fmt: skip
    return [MonthState(r.year, r.month, r.is_closed, r.revision) for r in rows]


def reopen_month(session: Session, actor: Actor, year: int, month: int, reason: str) -> MonthState:
    """Reopen the month and every later closed month of its year, for one reason: their
    figures build on it (the year to date), so each gets a new revision when closed again."""
    require(actor, Action.CLOSE_MONTH)
    reason = checked(reason, "reason", "Motivo de la reapertura", 500, required=True)
    row = session.get(MonthClose, (actor.office_code, year, month))
    if row is None or not row.is_closed:
        raise FronteraError(f"El mes de {month_name(year, month)} no está cerrado.")
    now = utcnow()
    for later in [month, *(m.month for m in later_closed(session, actor.office_code, year, month))]:
        held = session.get(MonthClose, (actor.office_code, year, later))
        assert held is not None
        current = session.scalar(
            select(MonthRevision).where(
                MonthRevision.office_code == actor.office_code, MonthRevision.year == year,
                MonthRevision.month == later, MonthRevision.revision == held.revision)
        )  # fmt: skip
        if current is not None:
            current.reopened_at, current.reopened_by_id = now, actor.user_id
            current.reopen_reason = reason
        held.is_closed, held.revision, held.reopen_reason = False, held.revision + 1, reason
        session.flush()
        changes = {"mes": f"{year}-{later:02d}", "revision": held.revision, "motivo": reason}
        audit.record(session, actor, "reabrir_mes", "mes", None, changes)
    return state(session, actor.office_code, year, month)


@dataclass(frozen=True)
class RevisionInfo:
    """One closing of a month, for the history shown in Reportes."""

    revision: int
    closed_at: datetime
    closed_by: str
    reason: str  # why the month was reopened before this closing ("" for the first)
    sha256: str
    reopened_at: datetime | None
    reopened_by: str
    reopen_reason: str  # why this revision was reopened


def history(session: Session, office_code: str, year: int, month: int) -> list[RevisionInfo]:
    """The month's revisions, newest first."""
    rows = session.scalars(
        select(MonthRevision).where(MonthRevision.office_code == office_code,
                                    MonthRevision.year == year, MonthRevision.month == month)
        .order_by(MonthRevision.revision.desc())
    )  # fmt: skip
    return [
        RevisionInfo(r.revision, r.closed_at, _closer_name(session, r.closed_by_id),
                     r.reason or "", r.sha256, r.reopened_at,
                     _closer_name(session, r.reopened_by_id) if r.reopened_by_id else "",
                     r.reopen_reason or "")
        for r in rows
    ]  # fmt: skip


def snapshot_document(
    session: Session, year: int, month: int
) -> tuple[dict[str, Any], str, int] | None:
    """A closed month's summary as stored when it was closed — (document, SHA-256 of its JSON
    text, revision) — or None when the month is open (or was closed before snapshots were
    kept). Everything printed or sent for that revision is made from it."""
    from frontera_desk.services.office import get_office

    office = get_office(session)
    if office is None:
        return None
    held = session.get(MonthClose, (office.code, year, month))
    if held is None or not held.is_closed:
        return None
    row = session.scalar(
        select(MonthRevision).where(MonthRevision.office_code == office.code,
                                    MonthRevision.year == year, MonthRevision.month == month,
                                    MonthRevision.revision == held.revision)
    )  # fmt: skip
    if row is None:
        return None
    document: dict[str, Any] = json.loads(row.snapshot)
    return document, row.sha256, row.revision


def month_document(session: Session, office_code: str, year: int, month: int) -> dict[str, Any]:
    """The office's summary of the month as a validated document: a closed month's snapshot,
    else the figures as they stand, marked preliminary."""
    from frontera_desk.exchange.summary_json import to_json
    from frontera_desk.services.summary import monthly_summary

    snapshot = snapshot_document(session, year, month)
    if snapshot is not None:
        return snapshot[0]
    figures = monthly_summary(session, office_code, year, month)
    held = session.get(MonthClose, (office_code, year, month))
    if held is not None and held.is_closed:  # closed before snapshots were kept
        closed = {"at": held.closed_at.isoformat(timespec="seconds"),
                  "by": _closer_name(session, held.closed_by_id)}  # fmt: skip
        return to_json(figures, closed)
    return to_json(figures)
