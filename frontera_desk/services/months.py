"""Month close: a supervisor closes a month; what is dated in it can no longer change.

Reopening needs a supervisor and a reason and bumps the month's revision (the monthly package
to headquarters carries it, so a later revision replaces the earlier one there).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontera_desk.db.models import MonthClose, Support, utcnow
from frontera_desk.domain.enums import SupportStatus
from frontera_desk.domain.errors import FronteraError, ValidationError
from frontera_desk.domain.text import checked
from frontera_desk.services import audit, checkpoints
from frontera_desk.services.context import Action, Actor, require

MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre")  # fmt: skip


def delivered_between(start: date, end: date):  # type: ignore[no-untyped-def]
    """The conditions of a support delivered from ``start`` to before ``end``."""
    return (Support.status == SupportStatus.DELIVERED.value, Support.delivered_on >= start,
            Support.delivered_on < end)  # fmt: skip


def month_name(year: int, month: int) -> str:
    return f"{MONTHS_ES[month - 1]} de {year}"


def parse_month(text: str) -> tuple[int, int]:
    """``"2026-10"`` → ``(2026, 10)``, or a one-line error."""
    try:
        year, month = (int(part) for part in text.split("-"))
        if len(text) == 7 and 2000 <= year <= 2100 and 1 <= month <= 12:
            return year, month
    except ValueError:
        pass
    raise ValidationError("month", f"«{text}» no es un mes (ejemplo: 2026-10).")


def months_back(today: date, back: int) -> tuple[int, int]:
    """The (year, month) ``back`` months before ``today``'s month."""
    year, index = divmod(today.year * 12 + today.month - 1 - back, 12)
    return year, index + 1


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """The first day of the month and the first day of the next one."""
    return date(year, month, 1), date(year + (month == 12), month % 12 + 1, 1)


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


def _check(year: int, month: int) -> None:
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise ValidationError("month", "Mes: no válido.")
    if (year, month) >= (date.today().year, date.today().month):
        raise ValidationError("month", "Solo se puede cerrar un mes que ya terminó.")


def close_month(session: Session, actor: Actor, year: int, month: int) -> MonthState:
    require(actor, Action.CLOSE_MONTH)
    _check(year, month)
    row = session.get(MonthClose, (actor.office_code, year, month))
    if row is not None and row.is_closed:
        raise FronteraError(f"El mes de {month_name(year, month)} ya está cerrado.")
    if row is None:
        row = MonthClose(office_code=actor.office_code, year=year, month=month, revision=1,
                         closed_by_id=actor.user_id)  # fmt: skip
        session.add(row)
    else:
        row.is_closed, row.closed_at, row.closed_by_id = True, utcnow(), actor.user_id
    session.flush()
    audit.record(session, actor, "cerrar_mes", "mes", None,
                 {"mes": f"{year}-{month:02d}", "revision": row.revision})  # fmt: skip
    checkpoints.sign_after_commit(session, "cierre_de_mes")  # the office key signs the close
    return state(session, actor.office_code, year, month)


def reopen_month(session: Session, actor: Actor, year: int, month: int, reason: str) -> MonthState:
    require(actor, Action.CLOSE_MONTH)
    reason = checked(reason, "reason", "Motivo de la reapertura", 500, required=True)
    row = session.get(MonthClose, (actor.office_code, year, month))
    if row is None or not row.is_closed:
        raise FronteraError(f"El mes de {month_name(year, month)} no está cerrado.")
    row.is_closed, row.revision, row.reopen_reason = False, row.revision + 1, reason
    session.flush()
    changes = {"mes": f"{year}-{month:02d}", "revision": row.revision, "motivo": reason}
    audit.record(session, actor, "reabrir_mes", "mes", None, changes)
    return state(session, actor.office_code, year, month)


def closed_months(session: Session, office_code: str) -> list[MonthState]:
    rows = session.scalars(
        select(MonthClose).where(MonthClose.office_code == office_code)
        .order_by(MonthClose.year.desc(), MonthClose.month.desc())
    )  # fmt: skip
    return [MonthState(r.year, r.month, r.is_closed, r.revision) for r in rows]
