"""The office's annual plan: budget per support type and per funding source, and targets (metas).

Spending against the budget: supports delivered in the year count against their type's line;
disbursements paid in the year count against their agreement's funding source.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from frontera_desk.db.models import BudgetLine, SupportType, Target
from frontera_desk.domain.enums import BudgetCategory, Indicator
from frontera_desk.domain.errors import ValidationError
from frontera_desk.domain.money import MAX_CENTAVOS, format_money
from frontera_desk.domain.text import clean, fold
from frontera_desk.services import audit
from frontera_desk.services.permissions import Action, Actor, require


@dataclass(frozen=True)
class Plan:
    year: int
    budget: dict[tuple[BudgetCategory, str], int]  # (category, type code or source) → centavos
    targets: dict[Indicator, int]


def get_plan(session: Session, year: int) -> Plan:
    budget = {
        (BudgetCategory(line.category), line.key): line.amount_centavos
        for line in session.scalars(
            select(BudgetLine).where(BudgetLine.year == year).order_by(BudgetLine.category,
                                                                       BudgetLine.key))
    }  # fmt: skip
    targets = {
        Indicator(t.indicator): t.value
        for t in session.scalars(select(Target).where(Target.year == year))
    }
    return Plan(year, budget, targets)


def set_plan(session: Session, actor: Actor, plan: Plan) -> Plan:
    """Replace the year's budget lines and targets; zero amounts are dropped."""
    require(actor, Action.SET_PLAN)
    if not 2000 <= plan.year <= 2100:
        raise ValidationError("year", "Año: no válido.")
    codes = set(session.scalars(select(SupportType.code)))
    budget: dict[tuple[BudgetCategory, str], int] = {}
    for (category, key), amount in plan.budget.items():
        key = clean(key)
        if category is BudgetCategory.SUPPORT_TYPE and key not in codes:
            raise ValidationError("budget", f"Presupuesto: no existe el tipo de apoyo {key}.")
        if not key or len(key) > 200:
            raise ValidationError("budget", "Presupuesto: falta el nombre de la fuente.")
        if not 0 <= amount <= MAX_CENTAVOS:
            raise ValidationError("budget", f"Presupuesto de {key}: importe no válido.")
        if amount:
            budget[(category, key)] = amount
    if any(not 0 <= value <= MAX_CENTAVOS for value in plan.targets.values()):
        raise ValidationError("targets", "Metas: los valores deben ser positivos.")
    targets = {k: v for k, v in plan.targets.items() if v}
    old = get_plan(session, plan.year)
    session.execute(delete(BudgetLine).where(BudgetLine.year == plan.year))
    session.execute(delete(Target).where(Target.year == plan.year))
    session.add_all(
        BudgetLine(year=plan.year, category=c.value, key=k, amount_centavos=v)
        for (c, k), v in budget.items()
    )
    session.add_all(Target(year=plan.year, indicator=i.value, value=v) for i, v in targets.items())
    session.flush()
    new = Plan(plan.year, budget, targets)
    changes: dict[str, list[Any]] = {
        f"presupuesto {c.value} {k}": [format_money(old.budget.get((c, k), 0)), format_money(v)]
        for (c, k), v in {**dict.fromkeys(old.budget, 0), **budget}.items()
        if old.budget.get((c, k), 0) != v
    }
    changes |= {
        f"meta {i.value}": [old.targets.get(i, 0), v]
        for i, v in {**dict.fromkeys(old.targets, 0), **targets}.items()
        if old.targets.get(i, 0) != v
    }
    if changes:
        audit.record(session, actor, "fijar_plan", "oficina", None, {"año": plan.year, **changes})
    return new


NO_SOURCE = ""  # the funding source of disbursements whose agreement names none
NO_SOURCE_NAME = "Convenios sin fuente de financiamiento"


@dataclass(frozen=True)
class BudgetRow:
    category: BudgetCategory
    key: str  # support type code, or funding source (NO_SOURCE: none named)
    name: str
    budget_centavos: int
    spent_centavos: int

    @property
    def overspent(self) -> bool:
        """More spent than budgeted, a line with no budget included."""
        return self.spent_centavos > self.budget_centavos


def budget_rows(
    budget: Mapping[tuple[BudgetCategory, str], int], types: Iterable[tuple[str, str]],
    spent_by_type: Mapping[str, int], spent_by_source: Mapping[str | None, int],
) -> list[BudgetRow]:  # fmt: skip
    """Every budget line, and every support type or funding source that spent without one, so
    that what the rows spent adds up to the year's spending (supports delivered and
    disbursements paid). ``types`` are (code, name) in catalog order; sources follow by name,
    those of agreements naming no source last."""
    kind, source = BudgetCategory.SUPPORT_TYPE, BudgetCategory.FUNDING_SOURCE
    rows = [
        BudgetRow(kind, code, name, budget.get((kind, code), 0), spent_by_type.get(code, 0))
        for code, name in types
        if (kind, code) in budget or spent_by_type.get(code)
    ]
    spent: Counter[str] = Counter()
    for key, centavos in spent_by_source.items():
        spent[key or NO_SOURCE] += centavos
    keys = {k for c, k in budget if c is source} | {k for k, v in spent.items() if v}
    for key in sorted(keys, key=lambda k: (k == NO_SOURCE, fold(k))):
        name = key or NO_SOURCE_NAME
        rows.append(BudgetRow(source, key, name, budget.get((source, key), 0), spent[key]))
    return rows


def line_label(category: BudgetCategory | str, name: str) -> str:
    """How a budget line reads in a table: a support type by its name (already "Apoyo médico:
    …" for some), a funding source as the agreements' money it is."""
    if BudgetCategory(category) is BudgetCategory.SUPPORT_TYPE or name == NO_SOURCE_NAME:
        return name
    return f"Convenios, fuente: {name}"
