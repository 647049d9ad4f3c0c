"""The figures on the Inicio page: what is waiting and what was done this month."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontera_desk.db.models import Person, Support
from frontera_desk.domain.enums import SupportStatus


@dataclass(frozen=True)
class Overview:
    people: int
    awaiting_approval: int
    awaiting_delivery: int
    delivered_this_month: int
    amount_this_month: int
    people_served_this_month: int


def overview(session: Session, today: date | None = None) -> Overview:
    today = today or date.today()
    start = today.replace(day=1)
    by_status = dict(
        session.execute(select(Support.status, func.count()).group_by(Support.status)).all()
    )
    count, amount, served = session.execute(
        select(
            func.count(Support.id),
            func.coalesce(func.sum(Support.amount_centavos), 0),
            func.count(Support.person_id.distinct()),
        ).where(
            Support.status == SupportStatus.DELIVERED.value,
            Support.delivered_on >= start,
            Support.delivered_on <= today,
        )
    ).one()
    return Overview(
        people=session.scalar(select(func.count(Person.id))) or 0,
        awaiting_approval=by_status.get(SupportStatus.REQUESTED.value, 0),
        awaiting_delivery=by_status.get(SupportStatus.APPROVED.value, 0),
        delivered_this_month=count,
        amount_this_month=int(amount),
        people_served_this_month=served,
    )
