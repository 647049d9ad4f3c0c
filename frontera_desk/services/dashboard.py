"""The figures on the Inicio page: what is waiting and what was done this month."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontera_desk.db.models import Person, Support, SupportType
from frontera_desk.domain.enums import SupportStatus
from frontera_desk.services import evidence
from frontera_desk.services.months import delivered_between


@dataclass(frozen=True)
class Overview:
    people: int
    awaiting_approval: int
    awaiting_delivery: int
    delivered_this_month: int
    amount_this_month: int
    people_served_this_month: int
    by_type: tuple[tuple[str, str, int], ...] = ()  # (code, name, supports) delivered this month
    by_day: tuple[tuple[int, int], ...] = ()  # (day of the month, supports delivered)
    evidence_pending: int = 0  # supports delivered (any month) with required documents missing


def overview(session: Session, today: date | None = None) -> Overview:
    today = today or date.today()
    start, tomorrow = today.replace(day=1), today + timedelta(days=1)
    in_month = delivered_between(start, tomorrow)
    waiting = (SupportStatus.REQUESTED.value, SupportStatus.APPROVED.value)
    by_status = dict(session.execute(  # only the few waiting ones: an index range, not a scan
        select(Support.status, func.count()).where(Support.status.in_(waiting))
        .group_by(Support.status)
    ).all())  # fmt: skip
    by_type = session.execute(  # counts and amounts only: no distinct people per type
        select(SupportType.code, SupportType.name, func.count(), func.sum(Support.amount_centavos))
        .join(SupportType, SupportType.id == Support.support_type_id).where(*in_month)
        .group_by(SupportType.id).order_by(SupportType.sort_order)
    ).all()  # fmt: skip
    served = session.scalar(select(func.count(Support.person_id.distinct())).where(*in_month))
    per_day = dict(session.execute(
        select(Support.delivered_on, func.count(Support.id)).where(*in_month)
        .group_by(Support.delivered_on)
    ).all())  # fmt: skip
    return Overview(
        people=session.scalar(select(func.count(Person.id))) or 0,
        awaiting_approval=by_status.get(SupportStatus.REQUESTED.value, 0),
        awaiting_delivery=by_status.get(SupportStatus.APPROVED.value, 0),
        delivered_this_month=sum(n for _, _, n, _ in by_type),
        amount_this_month=sum(int(amount) for *_, amount in by_type),
        people_served_this_month=served or 0,
        by_type=tuple((code, name, n) for code, name, n, _ in by_type),
        by_day=tuple((d.day, per_day.get(d, 0)) for d in _days(start, today)),
        evidence_pending=evidence.count_pending(session),
    )


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]
