"""The year's report (informe anual): an office's from its closed months' snapshots, headquarters'
from the packages received, per office and consolidated.

Both are built the same way, from the monthly documents (``exchange/summary_json``): counts and
amounts are the sum of the months; the named items (activities, agreements, concepts) are the
months' lists put together; the people benefited, which must count each person once in the year,
come from the year-to-date figures of the newest month (``year_people``). An office's year is
PRELIMINAR while a month of the year with records is open (its figures as they stand are used,
and named); headquarters lists the office-months it has not received. Packages of schema 1
carry counts only: they are added up and named as such, without their named items.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontera_desk.db.models import EnrolledOffice, ReceivedPackage
from frontera_desk.domain.errors import FronteraError, ValidationError
from frontera_desk.domain.months import MONTHS_ES
from frontera_desk.services import months
from frontera_desk.services.office import get_office

Count = int | str  # a breakdown cell: a count, "<5" (hidden) or "≥N" (a sum holding hidden ones)
KINDS = ("taller", "curso", "evento")


@dataclass(frozen=True)
class Concept:
    concept: str
    supports: int
    amount_centavos: int


@dataclass(frozen=True)
class TypeYear:
    code: str
    name: str
    supports: int
    amount_centavos: int
    people: int  # each person once per type in the year (0 when only schema 1 told it)
    concepts: tuple[Concept, ...]


@dataclass(frozen=True)
class PeopleYear:
    """People benefited in the year, each once (per office: at headquarters a person reached by
    two offices counts twice)."""

    total: int
    foreign: int
    mexican: int
    unknown: int  # registered without a nationality
    counted_attendees: int  # attendees not identified as registered people
    support_people: int  # of whom received a support
    by_sex: dict[str, Count]
    by_age_band: dict[str, Count]
    by_nationality: dict[str, Count]
    complete: bool = True  # False when the newest month was of schema 1 (no split)


@dataclass(frozen=True)
class ActivityYear:
    office_code: str
    kind: str
    title: str
    topic: str
    held_on: str
    municipality: str
    audiences: tuple[str, ...]
    attendees: int


@dataclass(frozen=True)
class AgreementYear:
    office_code: str
    title: str
    kind: str
    purpose: str
    municipality: str
    counterparts: tuple[str, ...]
    signed_on: str
    committed_centavos: int
    disbursed_centavos: int  # in the year
    balance_centavos: int  # committed less disbursed, at the year's end (or the newest month)


@dataclass(frozen=True)
class ActionYear:
    """A liaison or outreach action (diagnostic, material, liaison, meeting…), public facts."""

    office_code: str
    kind: str
    title: str
    done_on: str
    quantity: int | None
    counterparts: tuple[str, ...]
    municipality: str


@dataclass(frozen=True)
class BudgetYear:
    category: str
    key: str
    name: str
    budget_centavos: int
    spent_centavos: int


@dataclass(frozen=True)
class TargetYear:
    indicator: str
    name: str
    target: int
    achieved: int


@dataclass(frozen=True)
class OfficeYear:
    """One office's year (or headquarters' consolidated sum, with code "")."""

    code: str
    name: str
    months: tuple[int, ...]  # months whose documents are counted
    through_month: int  # the newest of them: the year-to-date figures are as of its end
    open_months: tuple[int, ...]  # counted as they stand (PRELIMINAR)
    old_schema_months: tuple[int, ...]  # schema 1: counted without named items
    by_type: tuple[TypeYear, ...]
    supports: int
    amount_centavos: int
    people: PeopleYear
    receipts_issued: int
    receipts_voided: int
    agreements_signed: int
    disbursements: int
    disbursed_centavos: int
    agreements_in_force: int  # at the end of the newest month
    balance_in_force_centavos: int
    agreements: tuple[AgreementYear, ...]
    activities_by_kind: dict[str, tuple[int, int]]  # kind → (held, attendees)
    activities: tuple[ActivityYear, ...]
    actions_by_kind: dict[str, tuple[int, int]]  # kind → (actions, pieces of material)
    actions: tuple[ActionYear, ...]
    budget: tuple[BudgetYear, ...]
    targets: tuple[TargetYear, ...]

    @property
    def investment_centavos(self) -> int:
        """Supports delivered plus agreements' disbursements: the year's investment."""
        return self.amount_centavos + self.disbursed_centavos


@dataclass(frozen=True)
class Paragraph:
    title: str
    text: str


@dataclass(frozen=True)
class YearReport:
    year: int
    scope: str  # "oficina" or "consolidado"
    office_code: str
    office_name: str
    generated_at: str
    preliminary: bool
    total: OfficeYear
    offices: tuple[OfficeYear, ...]  # headquarters: each office; an office: ()
    missing: tuple[tuple[str, str, tuple[int, ...]], ...]  # (code, name, months) not received
    year_over: bool
    notes: tuple[str, ...] = ()
    narrative: tuple[Paragraph, ...] = field(default=())
    demo: bool = False


def month_list(numbers: Iterable[int]) -> str:
    return ", ".join(MONTHS_ES[m - 1] for m in numbers)


def _check_year(year: int) -> None:
    if not 2000 <= year <= 2100:
        raise ValidationError("year", f"«{year}» no es un año válido (ejemplo: 2026).")


def parse_year(text: str) -> int:
    if len(text) == 4 and text.isdigit() and 2000 <= int(text) <= 2100:
        return int(text)
    raise ValidationError("year", f"«{text}» no es un año (ejemplo: 2026).")


# --- adding up the months ----------------------------------------------------------------------


def _cell_add(a: Count, b: Count) -> Count:
    from frontera_desk.exchange.summary_json import _add

    return _add(a, b)


def _add_breakdown(a: dict[str, Count], b: dict[str, Count]) -> dict[str, Count]:
    return {k: _cell_add(a[k], b[k]) if k in a and k in b else a.get(k, b.get(k, 0))
            for k in (*a, *(k for k in b if k not in a))}  # fmt: skip


def office_year(code: str, name: str, documents: dict[int, dict[str, Any]],
                open_months: Iterable[int] = ()) -> OfficeYear:  # fmt: skip
    """One office's year from its monthly documents (month → document)."""
    order = sorted(documents)
    docs = [documents[m] for m in order]
    newest = docs[-1]
    types: dict[str, dict[str, Any]] = {}
    concepts: dict[tuple[str, str], list[int]] = {}
    activities: list[ActivityYear] = []
    signed: dict[str, dict[str, Any]] = {}
    paid: dict[str, int] = {}
    actions: list[ActionYear] = []
    actions_by_kind: dict[str, list[int]] = {}
    by_kind = {k: [0, 0] for k in KINDS}
    totals = dict.fromkeys(("supports", "amount", "issued", "voided", "signed", "disb",
                            "disbursed"), 0)  # fmt: skip
    for doc in docs:
        s = doc["supports"]
        totals["supports"] += s["count"]
        totals["amount"] += s["amount_centavos"]
        for line in s["by_type"]:
            held = types.setdefault(line["code"], {"name": line["name"], "n": 0, "amount": 0})
            held["n"] += line["count"]
            held["amount"] += line["amount_centavos"]
        for c in s.get("concepts", ()):
            got = concepts.setdefault((c["type_code"], c["concept"]), [0, 0])
            got[0] += c["count"]
            got[1] += c["amount_centavos"]
        totals["issued"] += doc["receipts"]["issued"]
        totals["voided"] += doc["receipts"]["voided"]
        a = doc["agreements"]
        totals["signed"] += a["signed"]
        totals["disb"] += a["disbursements"]
        totals["disbursed"] += a["disbursed_centavos"]
        for kind, figures in doc["activities"]["by_kind"].items():
            held_kind = by_kind.setdefault(kind, [0, 0])
            held_kind[0] += figures["count"]
            held_kind[1] += figures["attendees"]
        named = doc.get("named", {})
        for item in named.get("activities", ()):
            activities.append(ActivityYear(
                code, item["kind"], item["title"], item["topic"], item["held_on"],
                item["municipality"], tuple(item["audiences"]), item["attendees"],
            ))  # fmt: skip
        for item in named.get("agreements_signed", ()):
            signed[item["uuid"]] = item
        for item in named.get("disbursed_by_agreement", ()):
            paid[item["uuid"]] = paid.get(item["uuid"], 0) + item["centavos"]
        actions.extend(
            ActionYear(code, item["kind"], item["title"], item["done_on"], item["quantity"],
                       tuple(item["counterparts"]), item["municipality"])
            for item in named.get("actions", ())
        )  # fmt: skip
        for kind, figures in doc.get("actions", {}).get("by_kind", {}).items():
            held_action = actions_by_kind.setdefault(kind, [0, 0])
            held_action[0] += figures["count"]
            held_action[1] += figures["quantity"]
    year_people = next((d["year_people"] for d in reversed(docs) if "year_people" in d), None)
    complete = "year_people" in newest
    type_people = (year_people or {}).get("support_people_by_type", {})
    by_type = tuple(
        TypeYear(
            code_, t["name"], t["n"], t["amount"], int(type_people.get(code_, 0)),
            tuple(Concept(c, n, amount) for (tc, c), (n, amount) in concepts.items()
                  if tc == code_),
        )
        for code_, t in types.items()
    )  # fmt: skip
    support_people = newest["year_to_date"]["people"]
    if year_people is not None and complete:
        origin = year_people["origin"]
        people = PeopleYear(
            sum(origin.values()), origin["extranjera"], origin["mexicana"], origin["sin_dato"],
            year_people["counted_attendees"], support_people, dict(year_people["by_sex"]),
            dict(year_people["by_age_band"]), dict(year_people["by_nationality"]),
        )  # fmt: skip
    else:  # schema 1: the people served by supports, without the split
        people = PeopleYear(support_people, 0, 0, support_people, 0, support_people, {}, {}, {},
                            complete=False)  # fmt: skip
    agreements = tuple(
        AgreementYear(
            code, item["title"], item["kind"], item["purpose"], item["municipality"],
            tuple(item["counterparts"]), item["signed_on"], item["committed_centavos"],
            paid.get(uuid, 0), max(item["committed_centavos"] - paid.get(uuid, 0), 0),
        )
        for uuid, item in signed.items()
    )  # fmt: skip
    return OfficeYear(
        code=code,
        name=name,
        months=tuple(order),
        through_month=order[-1],
        open_months=tuple(sorted(m for m in open_months if m in documents)),
        old_schema_months=tuple(m for m in order if documents[m]["schema_version"] < 2),
        by_type=by_type,
        supports=totals["supports"],
        amount_centavos=totals["amount"],
        people=people,
        receipts_issued=totals["issued"],
        receipts_voided=totals["voided"],
        agreements_signed=totals["signed"],
        disbursements=totals["disb"],
        disbursed_centavos=totals["disbursed"],
        agreements_in_force=newest["agreements"]["in_force"],
        balance_in_force_centavos=newest["agreements"]["balance_in_force_centavos"],
        agreements=agreements,
        activities_by_kind={k: (v[0], v[1]) for k, v in by_kind.items()},
        activities=tuple(activities),
        actions_by_kind={k: (v[0], v[1]) for k, v in actions_by_kind.items()},
        actions=tuple(actions),
        budget=tuple(
            BudgetYear(
                b["category"], b["key"], b["name"], b["budget_centavos"], b["spent_centavos"]
            )
            for b in newest["budget"]
        ),  # fmt: skip
        targets=tuple(
            TargetYear(t["indicator"], t["name"], t["target"], t["achieved"])
            for t in newest["targets"]
        ),  # fmt: skip
    )


def _sum_people(a: PeopleYear, b: PeopleYear) -> PeopleYear:
    return PeopleYear(
        a.total + b.total, a.foreign + b.foreign, a.mexican + b.mexican, a.unknown + b.unknown,
        a.counted_attendees + b.counted_attendees, a.support_people + b.support_people,
        _add_breakdown(a.by_sex, b.by_sex), _add_breakdown(a.by_age_band, b.by_age_band),
        _add_breakdown(a.by_nationality, b.by_nationality), a.complete and b.complete,
    )  # fmt: skip


def _sum_lines(lines: Iterable[Any], key: Any, figures: tuple[str, ...]) -> list[Any]:
    from dataclasses import replace

    held: dict[Any, Any] = {}
    for line in lines:
        k = key(line)
        if k in held:
            held[k] = replace(held[k], **{f: getattr(held[k], f) + getattr(line, f)
                                          for f in figures})  # fmt: skip
        else:
            held[k] = line
    return list(held.values())


def consolidate(offices: list[OfficeYear]) -> OfficeYear:
    """Headquarters' sum of the offices' years, figure by figure."""
    from dataclasses import replace

    types: dict[str, TypeYear] = {}
    for o in offices:
        for t in o.by_type:
            if t.code in types:
                old = types[t.code]
                concepts = _sum_lines((*old.concepts, *t.concepts), lambda c: c.concept,
                                      ("supports", "amount_centavos"))  # fmt: skip
                types[t.code] = replace(
                    old, supports=old.supports + t.supports, people=old.people + t.people,
                    amount_centavos=old.amount_centavos + t.amount_centavos,
                    concepts=tuple(concepts),
                )  # fmt: skip
            else:
                types[t.code] = t
    people = offices[0].people
    for o in offices[1:]:
        people = _sum_people(people, o.people)
    by_kind = {k: (sum(o.activities_by_kind.get(k, (0, 0))[0] for o in offices),
                   sum(o.activities_by_kind.get(k, (0, 0))[1] for o in offices))
               for k in dict.fromkeys(k for o in offices
                                      for k in o.activities_by_kind)}  # fmt: skip

    def total(name: str) -> int:
        return sum(getattr(o, name) for o in offices)

    return OfficeYear(
        code="",
        name="Consolidado",
        months=tuple(sorted({m for o in offices for m in o.months})),
        through_month=max(o.through_month for o in offices),
        open_months=(),
        old_schema_months=tuple(sorted({m for o in offices for m in o.old_schema_months})),
        by_type=tuple(types.values()),
        supports=total("supports"),
        amount_centavos=total("amount_centavos"),
        people=people,
        receipts_issued=total("receipts_issued"),
        receipts_voided=total("receipts_voided"),
        agreements_signed=total("agreements_signed"),
        disbursements=total("disbursements"),
        disbursed_centavos=total("disbursed_centavos"),
        agreements_in_force=total("agreements_in_force"),
        balance_in_force_centavos=total("balance_in_force_centavos"),
        agreements=tuple(a for o in offices for a in o.agreements),
        activities_by_kind=by_kind,
        activities=tuple(
            sorted(
                (a for o in offices for a in o.activities), key=lambda a: (a.held_on, a.office_code)
            )
        ),  # fmt: skip
        actions_by_kind={
            k: (
                sum(o.actions_by_kind.get(k, (0, 0))[0] for o in offices),
                sum(o.actions_by_kind.get(k, (0, 0))[1] for o in offices),
            )
            for k in dict.fromkeys(k for o in offices for k in o.actions_by_kind)
        },  # fmt: skip
        actions=tuple(
            sorted(
                (a for o in offices for a in o.actions), key=lambda a: (a.done_on, a.office_code)
            )
        ),  # fmt: skip
        budget=tuple(
            _sum_lines(
                (b for o in offices for b in o.budget),
                lambda b: (b.category, b.key),
                ("budget_centavos", "spent_centavos"),
            )
        ),  # fmt: skip
        targets=tuple(
            _sum_lines(
                (t for o in offices for t in o.targets),
                lambda t: t.indicator,
                ("target", "achieved"),
            )
        ),  # fmt: skip
    )


# --- building it -------------------------------------------------------------------------------


def _last_ended(today: date) -> tuple[int, int]:
    return months.months_back(today, 1)


def _office_documents(session: Session, code: str, year: int) -> tuple[dict[int, Any], list[int]]:
    """The office's month documents of ``year``: each closed month's snapshot, and the figures as
    they stand of each open month with records (returned as the open months)."""
    documents: dict[int, Any] = {}
    open_months = []
    for month in range(1, 13):
        if months.state(session, code, year, month).closed:
            documents[month] = months.month_document(session, code, year, month)
        elif months.has_records(session, year, month):
            documents[month] = months.month_document(session, code, year, month)
            open_months.append(month)
    return documents, open_months


def year_report(session: Session, year: int, today: date | None = None) -> YearReport:
    """The year's report of this installation: the office's own, or headquarters'. Raises a
    one-line FronteraError when the year holds nothing to report."""
    _check_year(year)
    today = today or date.today()
    office = get_office(session)
    if office is None:
        raise FronteraError("La base de datos no tiene una oficina configurada.")
    year_over = (year, 12) <= _last_ended(today)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    if not office.is_hq:
        documents, open_months = _office_documents(session, office.code, year)
        if not documents:
            raise FronteraError(
                f"{year}: la oficina {office.code} no tiene registros de ese año (ni apoyos "
                "entregados, ni actividades, ni convenios): no hay informe que escribir."
            )
        total = office_year(office.code, office.name, documents, open_months)
        report = YearReport(year, "oficina", office.code, office.name, now,
                            bool(open_months) or not year_over, total, (), (), year_over,
                            demo=office.is_demo)  # fmt: skip
    else:
        report = _hq_report(session, year, office.code, office.name, today, now, year_over,
                            office.is_demo)  # fmt: skip
    from frontera_desk.services.year_narrative import narrative, notes

    return YearReport(**{**report.__dict__, "narrative": narrative(report),
                         "notes": notes(report)})  # fmt: skip


def _hq_report(session: Session, year: int, code: str, name: str, today: date, now: str,
               year_over: bool, demo: bool) -> YearReport:  # fmt: skip
    from frontera_desk.services.packages import _enrolled_by

    by_office: dict[str, dict[int, Any]] = {}
    names: dict[str, str] = {}
    for row in session.scalars(
        select(ReceivedPackage).where(ReceivedPackage.year == year)
        .order_by(ReceivedPackage.office_code, ReceivedPackage.month)
    ):  # fmt: skip
        by_office.setdefault(row.office_code, {})[row.month] = json.loads(row.summary)
        names[row.office_code] = row.office_name
    last = min(_last_ended(today), (year, 12))
    missing = []
    for enrolled in session.scalars(select(EnrolledOffice).order_by(EnrolledOffice.code)):
        first = max(_enrolled_by(enrolled), (year, 1))
        expected = [m for m in range(1, 13) if first <= (year, m) <= last]
        absent = tuple(m for m in expected if m not in by_office.get(enrolled.code, {}))
        if absent:
            missing.append((enrolled.code, enrolled.name, absent))
    if not by_office:
        waiting = ", ".join(c for c, _, _ in missing)
        raise FronteraError(f"No hay paquetes recibidos de {year}"
                            + (f" (faltan {waiting})." if waiting else "."))  # fmt: skip
    offices = tuple(office_year(c, names[c], docs) for c, docs in sorted(by_office.items()))
    return YearReport(year, "consolidado", code, name, now, bool(missing) or not year_over,
                      consolidate(list(offices)), offices, tuple(missing), year_over,
                      demo=demo)  # fmt: skip


def timed_year_report(session: Session, year: int) -> tuple[YearReport, float]:
    """The report and the seconds it took (for the benchmark and the README's figure)."""
    started = time.perf_counter()
    report = year_report(session, year)
    return report, time.perf_counter() - started


SUFFIXES = (".pdf", ".xlsx", ".json", ".docx")


def check_target(target: Path) -> Path:
    if target.suffix.lower() not in SUFFIXES:
        raise FronteraError("El informe anual se escribe en .pdf, .xlsx, .json o .docx.")
    return target


def write_report(report: YearReport, target: Path) -> Path:
    """Write the report as PDF, XLSX, JSON or DOCX, by the target's extension."""
    suffix = check_target(target).suffix.lower()
    try:
        if suffix == ".json":
            from frontera_desk.exchange.year_json import dumps, to_json

            target.write_text(dumps(to_json(report)), encoding="utf-8")
        elif suffix == ".pdf":
            from frontera_desk.reports.year_pdf import write_year_pdf

            write_year_pdf(report, target)
        elif suffix == ".xlsx":
            from frontera_desk.reports.year_xlsx import write_year_xlsx

            write_year_xlsx(report, target)
        else:
            from frontera_desk.reports.year_docx import write_year_docx

            write_year_docx(report, target)
    except OSError as error:
        raise FronteraError(
            f"{target.name}: no se pudo escribir ({error.strerror or error})."
        ) from None
    return target
