"""The monthly summary of an office: what headquarters adds up for the state's annual report.

Supports count by their delivery date (the business date). People are counted once in a month,
with their age on their first delivery of that month.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontera_desk.db.models import (
    Agreement,
    Disbursement,
    Person,
    PersonVulnerability,
    Receipt,
    Support,
    SupportType,
)
from frontera_desk.domain.enums import ActivityKind, AgreementStatus, SupportStatus
from frontera_desk.domain.money import format_money
from frontera_desk.services import activities, months
from frontera_desk.services.activities import age_band
from frontera_desk.services.office import get_office
from frontera_desk.services.people import age_on


@dataclass(frozen=True)
class TypeLine:
    code: str
    name: str
    supports: int
    amount_centavos: int
    people: int


@dataclass(frozen=True)
class MonthlySummary:
    office_code: str
    office_name: str
    year: int
    month: int
    revision: int
    generated_at: str
    by_type: tuple[TypeLine, ...]
    supports: int
    amount_centavos: int
    people: int
    people_by_sex: dict[str, int]
    people_by_age_band: dict[str, int]
    people_by_nationality: dict[str, int]
    people_by_vulnerability: dict[str, int]
    receipts_issued: int
    receipts_voided: int
    folio_range: tuple[str, str]
    agreements_signed: int
    agreements_in_force: int
    disbursements: int
    disbursed_centavos: int
    balance_in_force_centavos: int
    activities_by_kind: dict[str, tuple[int, int]]  # kind → (activities, attendees)
    attendees_by_sex: dict[str, int]
    attendees_by_audience: dict[str, int]
    year_to_date: dict[str, int] = field(default_factory=dict)
    narrative: str = ""


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    end = date(year + (month == 12), month % 12 + 1, 1)
    return date(year, month, 1), end


def _delivered(session: Session, start: date, end: date):  # type: ignore[no-untyped-def]
    return session.execute(
        select(Support.person_id, Support.amount_centavos, Support.delivered_on, SupportType.code,
               SupportType.name, SupportType.sort_order)
        .join(SupportType, SupportType.id == Support.support_type_id)
        .where(Support.status == SupportStatus.DELIVERED.value, Support.delivered_on >= start,
               Support.delivered_on < end)
        .order_by(Support.delivered_on, Support.id)
    ).all()  # fmt: skip


def monthly_summary(session: Session, office_code: str, year: int, month: int) -> MonthlySummary:
    start, end = _month_bounds(year, month)
    rows = _delivered(session, start, end)
    lines: dict[str, dict[str, Any]] = {}
    first_delivery: dict[int, date] = {}
    for person_id, amount, delivered_on, code, name, order in rows:
        line = lines.setdefault(
            code, {"name": name, "order": order, "n": 0, "amount": 0, "people": set()}
        )
        line["n"] += 1
        line["amount"] += amount
        line["people"].add(person_id)
        first_delivery.setdefault(person_id, delivered_on)
    by_type = tuple(
        TypeLine(code, v["name"], v["n"], v["amount"], len(v["people"]))
        for code, v in sorted(lines.items(), key=lambda item: item[1]["order"])
    )
    persons = {
        p.id: p for p in session.scalars(select(Person).where(Person.id.in_(list(first_delivery))))
    }
    by_sex = Counter(persons[pid].sex for pid in first_delivery)
    by_band = Counter(
        age_band(age_on(persons[pid].birth_date, on)) for pid, on in first_delivery.items()
    )
    by_nationality = Counter(persons[pid].nationality or "--" for pid in first_delivery)
    by_flag = Counter(
        session.scalars(
            select(PersonVulnerability.flag).where(
                PersonVulnerability.person_id.in_(list(first_delivery))
            )
        )
    )
    receipts = session.execute(
        select(Receipt.folio, Receipt.voided_at)
        .where(
            Receipt.office_code == office_code, Receipt.issued_on >= start, Receipt.issued_on < end
        )
        .order_by(Receipt.number)
    ).all()
    month_start = datetime.combine(start, datetime.min.time(), tzinfo=UTC)
    month_end = datetime.combine(end, datetime.min.time(), tzinfo=UTC)
    voided = session.scalar(
        select(func.count(Receipt.id)).where(
            Receipt.office_code == office_code,
            Receipt.voided_at >= month_start,
            Receipt.voided_at < month_end,
        )
    )
    in_force = list(
        session.scalars(select(Agreement).where(Agreement.status == AgreementStatus.IN_FORCE.value))
    )
    payments = session.execute(
        select(
            func.count(Disbursement.id), func.coalesce(func.sum(Disbursement.amount_centavos), 0)
        ).where(Disbursement.paid_on >= start, Disbursement.paid_on < end)
    ).one()
    disbursed_total = {
        agreement_id: total for agreement_id, total in session.execute(
            select(Disbursement.agreement_id, func.sum(Disbursement.amount_centavos))
            .where(Disbursement.paid_on < end).group_by(Disbursement.agreement_id))
    }  # fmt: skip
    signed = session.scalar(
        select(func.count(Agreement.id)).where(
            Agreement.signed_on >= start, Agreement.signed_on < end
        )
    )
    by_kind: dict[str, list[int]] = {k.value: [0, 0] for k in ActivityKind}
    attendees_sex: Counter[str] = Counter()
    attendees_audience: Counter[str] = Counter()
    for row in activities.list_activities(session):
        if not start <= row.held_on < end:
            continue
        record = activities.get_activity(session, row.id)
        by_kind[record.kind.value][0] += 1
        by_kind[record.kind.value][1] += record.total
        if record.counts:
            for (sex, _band), count in record.counts.items():
                attendees_sex[sex] += count
        else:
            attendees_sex.update(
                a.sex.value if hasattr(a.sex, "value") else a.sex for a in record.attendees
            )
        for audience in record.audiences:
            attendees_audience[audience.value] += record.total
    office = get_office(session)
    ytd_rows = _delivered(session, date(year, 1, 1), end)
    summary = MonthlySummary(
        office_code=office_code,
        office_name=office.name if office else "",
        year=year,
        month=month,
        revision=max(months.state(session, office_code, year, month).revision, 1),
        generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
        by_type=by_type,
        supports=len(rows),
        amount_centavos=sum(r[1] for r in rows),
        people=len(first_delivery),
        people_by_sex=dict(sorted(by_sex.items())),
        people_by_age_band={
            band: by_band.get(band, 0) for band in ("0-11", "12-17", "18-29", "30-59", "60+")
        },
        people_by_nationality=dict(sorted(by_nationality.items())),
        people_by_vulnerability=dict(sorted(by_flag.items())),
        receipts_issued=len(receipts),
        receipts_voided=int(voided or 0),
        folio_range=(receipts[0][0], receipts[-1][0]) if receipts else ("", ""),
        agreements_signed=int(signed or 0),
        agreements_in_force=len(in_force),
        disbursements=int(payments[0]),
        disbursed_centavos=int(payments[1]),
        balance_in_force_centavos=sum(
            a.committed_centavos - int(disbursed_total.get(a.id, 0)) for a in in_force
        ),
        activities_by_kind={k: (v[0], v[1]) for k, v in by_kind.items()},
        attendees_by_sex=dict(sorted(attendees_sex.items())),
        attendees_by_audience=dict(sorted(attendees_audience.items())),
        year_to_date={
            "supports": len(ytd_rows),
            "amount_centavos": sum(r[1] for r in ytd_rows),
            "people": len({r[0] for r in ytd_rows}),
        },
    )
    return _with_narrative(summary)


def _with_narrative(s: MonthlySummary) -> MonthlySummary:
    """A paragraph in the style of the state's annual report, from the figures."""
    from dataclasses import replace

    from frontera_desk.services.months import month_name

    if s.supports:
        kinds = ", ".join(f"{line.supports} de {line.name.lower()}" for line in s.by_type)
        text = (
            f"En {month_name(s.year, s.month)} se otorgaron {s.supports} apoyos consistentes en "
            f"{kinds}, por un total de {format_money(s.amount_centavos)}, en beneficio de "
            f"{s.people} personas migrantes."
        )
    else:
        text = f"En {month_name(s.year, s.month)} no se otorgaron apoyos."
    held = [(kind, n, people) for kind, (n, people) in s.activities_by_kind.items() if n]
    if held:
        names = {"taller": ("taller", "talleres"), "curso": ("curso", "cursos"),
                 "evento": ("evento", "eventos")}  # fmt: skip
        parts = [f"{n} {names[kind][n != 1]}" for kind, n, _ in held]
        attendees = sum(p for _, _, p in held)
        text += f" Se realizaron {', '.join(parts)}, con {attendees} asistentes."
    if s.disbursements:
        text += (f" Se entregaron {s.disbursements} ministraciones de convenios por "
                 f"{format_money(s.disbursed_centavos)}.")  # fmt: skip
    return replace(s, narrative=text)
