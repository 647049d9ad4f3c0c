"""The monthly summary as JSON for headquarters: aggregates only, small counts suppressed,
validated against the JSON Schema shipped beside this module; and the consolidation of several
offices' summaries at headquarters, in the same shape (plus a per-office breakdown)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from frontera_desk.domain import wording
from frontera_desk.domain.errors import FronteraError
from frontera_desk.domain.months import month_name
from frontera_desk.services.summary import MonthlySummary

SCHEMA_VERSION = 2  # the newest this version reads and writes; a higher one is refused
# 2 added the named items, the concepts of supports and the people benefited (1 is still read)
SUPPRESS_BELOW = 5  # counts of 1 to 4 in identifying breakdowns become "<5"
SUMMARY_SCHEMA = "monthly-summary.schema.json"
MANIFEST_SCHEMA = "package-manifest.schema.json"


PRELIMINARY, CLOSED, CONSOLIDATED = "preliminar", "cerrado", "consolidado"  # "estado"


def suppressed(breakdown: dict[str, int]) -> dict[str, int | str]:
    """Counts between 1 and 4 are shown as "<5" so that nobody can be singled out."""
    return {k: "<5" if 0 < v < SUPPRESS_BELOW else v for k, v in breakdown.items()}


def dumps(document: dict[str, Any]) -> str:
    """The document's JSON text, the same every time: a closed month's snapshot is stored and
    sent as these bytes, so its SHA-256 names its figures."""
    return json.dumps(document, ensure_ascii=False, indent=2)


@cache
def schema(name: str = SUMMARY_SCHEMA) -> dict[str, Any]:
    """One of the JSON Schemas shipped beside this module."""
    loaded: dict[str, Any] = json.loads(Path(__file__).with_name(name).read_text(encoding="utf-8"))
    return loaded


def validate(document: Any, name: str = SUMMARY_SCHEMA, what: str = "El resumen") -> None:
    """Raise FronteraError with the first problem when the document breaks the schema."""
    from jsonschema import Draft202012Validator

    errors = sorted(
        Draft202012Validator(schema(name)).iter_errors(document), key=lambda e: list(e.path)
    )
    if errors:
        where = "/".join(str(p) for p in errors[0].path) or "(raíz)"
        raise FronteraError(f"{what} no cumple el esquema en {where}: {errors[0].message}")


def to_json(s: MonthlySummary, closed: dict[str, str] | None = None) -> dict[str, Any]:
    """The summary as headquarters receives it. ``closed`` ({"at": ISO time, "by": name}) when
    it is the snapshot of a month being closed; without it the document is preliminary (the
    month is open and its figures may change), and says so in ``estado``."""
    document: dict[str, Any] = {
        "format": "frontera-desk-monthly-summary",
        "schema_version": SCHEMA_VERSION,
        "office": {"code": s.office_code, "name": s.office_name},
        "period": f"{s.year:04d}-{s.month:02d}",
        "revision": s.revision,
        "generated_at": s.generated_at,
        "estado": CLOSED if closed else PRELIMINARY,
        **({"closed": dict(closed)} if closed else {}),
        "supports": {
            "count": s.supports,
            "amount_centavos": s.amount_centavos,
            "people": s.people,
            "by_type": [
                {
                    "code": t.code,
                    "name": t.name,
                    "count": t.supports,
                    "amount_centavos": t.amount_centavos,
                    "people": t.people,
                }
                for t in s.by_type
            ],  # fmt: skip
            "concepts": [
                {
                    "type_code": c.type_code,
                    "concept": c.concept,
                    "count": c.supports,
                    "amount_centavos": c.amount_centavos,
                }
                for c in s.concepts
            ],  # fmt: skip
            "evidence_pending": s.evidence_pending,
        },
        "people": {
            "by_sex": suppressed(s.people_by_sex),
            "by_age_band": suppressed(s.people_by_age_band),
            "by_nationality": suppressed(s.people_by_nationality),
            "by_vulnerability": suppressed(s.people_by_vulnerability),
            "benefited": dict(s.benefited),
        },
        "year_people": {
            "origin": dict(s.year_benefited["origin"]),
            "by_sex": suppressed(s.year_benefited["by_sex"]),
            "by_age_band": suppressed(s.year_benefited["by_age_band"]),
            "by_nationality": suppressed(s.year_benefited["by_nationality"]),
            "counted_attendees": s.year_benefited["counted_attendees"]["total"],
            "support_people_by_type": dict(s.year_benefited["support_people_by_type"]),
        },
        "named": {
            "activities": [
                {
                    "uuid": a.uuid,
                    "kind": a.kind,
                    "title": a.title,
                    "topic": a.topic,
                    "held_on": a.held_on,
                    "municipality": a.municipality,
                    "audiences": list(a.audiences),
                    "attendees": a.attendees,
                }
                for a in s.activities_held
            ],
            "agreements_signed": [
                {
                    "uuid": a.uuid,
                    "title": a.title,
                    "kind": a.kind,
                    "purpose": a.purpose,
                    "municipality": a.municipality,
                    "counterparts": list(a.counterparts),
                    "committed_centavos": a.committed_centavos,
                    "signed_on": a.signed_on,
                }
                for a in s.agreements_signed_items
            ],
            "disbursed_by_agreement": [
                {
                    "uuid": p.uuid,
                    "title": p.title,
                    "disbursements": p.disbursements,
                    "centavos": p.centavos,
                }
                for p in s.disbursed_by_agreement
            ],
            "actions": [
                {
                    "kind": a.kind.value,
                    "title": a.title,
                    "done_on": a.done_on.isoformat(),
                    "quantity": a.quantity,
                    "counterparts": list(a.counterparts),
                    "municipality": a.municipality,
                }
                for a in s.actions_done
            ],
        },  # fmt: skip
        "receipts": {
            "issued": s.receipts_issued,
            "voided": s.receipts_voided,
            "first_folio": s.folio_range[0],
            "last_folio": s.folio_range[1],
        },  # fmt: skip
        "agreements": {
            "signed": s.agreements_signed,
            "in_force": s.agreements_in_force,
            "disbursements": s.disbursements,
            "disbursed_centavos": s.disbursed_centavos,
            "balance_in_force_centavos": s.balance_in_force_centavos,
        },
        "activities": {
            "by_kind": {
                k: {"count": n, "attendees": a} for k, (n, a) in s.activities_by_kind.items()
            },
            "attendees_by_sex": suppressed(s.attendees_by_sex),
            "attendees_by_audience": suppressed(s.attendees_by_audience),
        },
        "actions": {  # liaison and outreach actions, counted apart from the activities
            "by_kind": {k: {"count": n, "quantity": q} for k, (n, q) in s.actions_by_kind.items()},
        },
        "year_to_date": dict(s.year_to_date),
        "budget": [
            {
                "category": b.category.value,
                "key": b.key,
                "name": b.name,
                "budget_centavos": b.budget_centavos,
                "spent_centavos": b.spent_centavos,
            }
            for b in s.budget
        ],
        "targets": [
            {
                "indicator": t.indicator.value,
                "name": t.name,
                "target": t.target,
                "achieved": t.achieved,
            }
            for t in s.targets
        ],
        "narrative": s.narrative,
    }
    validate(document)
    return document


def _add(a: int | str, b: int | str) -> int | str:
    """Sum two breakdown cells; a hidden "<5" counts as at least 1 and makes the sum "≥N"."""
    if isinstance(a, int) and isinstance(b, int):
        return a + b
    low = sum(x if isinstance(x, int) else int(x[1:]) if x.startswith("≥") else 1 for x in (a, b))
    return f"≥{low}"


def _sum_tree(a: Any, b: Any) -> Any:
    """Add two documents' figures key by key (breakdowns may hold different keys)."""
    if isinstance(a, dict):
        return {k: _sum_tree(a[k], b[k]) if k in a and k in b else a.get(k, b.get(k))
                for k in (*a, *(k for k in b if k not in a))}  # fmt: skip
    return _add(a, b)


def _sum_lines(documents: list[dict[str, Any]], section: str, key: tuple[str, ...],
               figures: tuple[str, ...]) -> list[dict[str, Any]]:  # fmt: skip
    lines: dict[tuple[Any, ...], dict[str, Any]] = {}
    for document in documents:
        for line in document[section]:
            held = lines.setdefault(
                tuple(line[k] for k in key), {**line, **dict.fromkeys(figures, 0)}
            )
            for figure in figures:
                held[figure] += line[figure]
    return list(lines.values())


def consolidate(
    documents: list[dict[str, Any]], office: dict[str, str], period: str,
    missing: list[dict[str, str]] | None = None,
) -> dict[str, Any]:  # fmt: skip
    """Headquarters' summary of several offices' validated documents for one period; ``missing``
    names the enrolled offices that have not sent it."""
    if not documents:
        waiting = ", ".join(m["code"] for m in missing or [])
        raise FronteraError(f"No hay paquetes recibidos de {period}"
                            + (f" (faltan {waiting})." if waiting else "."))  # fmt: skip
    total: dict[str, Any] = {}
    for document in documents:
        figures = {k: document[k] for k in ("people", "activities", "year_to_date")}
        figures["supports"] = {
            k: v for k, v in document["supports"].items() if k not in ("by_type", "concepts")
        }
        figures["receipts"] = {k: document["receipts"][k] for k in ("issued", "voided")}
        figures["agreements"] = document["agreements"]
        if "actions" in document:  # absent from summaries made before the actions catalog
            figures["actions"] = document["actions"]
        total = _sum_tree(total, figures) if total else figures
    total["supports"]["by_type"] = _sum_lines(
        [d["supports"] for d in documents], "by_type", ("code",),
        ("count", "amount_centavos", "people"),
    )  # fmt: skip
    with_concepts = [d["supports"] for d in documents if "concepts" in d["supports"]]
    if with_concepts:  # schema 2: what was given within each type, added up by concept
        total["supports"]["concepts"] = _sum_lines(
            with_concepts, "concepts", ("type_code", "concept"), ("count", "amount_centavos")
        )
    year, month = (int(x) for x in period.split("-"))
    s = total["supports"]
    offices = wording.count(len(documents), wording.OFICINA)
    gave = wording.verb(len(documents), "otorgó", "otorgaron")
    if s["count"]:
        given = (f"{gave} {wording.count(s['count'], wording.APOYO)} por un total de "
                 f"{wording.pesos(s['amount_centavos'])}, en beneficio de "
                 f"{wording.count(s['people'], wording.PERSONA_MIGRANTE)}")  # fmt: skip
    else:
        given = f"no {gave} apoyos"
    text = wording.paragraph([
        f"En {month_name(year, month)}, {offices} {given}; en el año suman "
        f"{wording.pesos(total['year_to_date']['investment_centavos'])} invertidos",
        "Las personas se cuentan por oficina: quien recibió apoyo de dos oficinas cuenta dos "
        "veces",
    ])  # fmt: skip
    consolidated = {
        "format": "frontera-desk-consolidated-summary",
        "schema_version": SCHEMA_VERSION,
        "office": office,
        "period": period,
        "revision": 1,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "estado": CONSOLIDATED,
        **total,
        "receipts": {**total["receipts"], "first_folio": "", "last_folio": ""},
        "budget": _sum_lines(documents, "budget", ("category", "key"),
                             ("budget_centavos", "spent_centavos")),
        "targets": _sum_lines(documents, "targets", ("indicator",), ("target", "achieved")),
        "offices": [
            {"code": d["office"]["code"], "name": d["office"]["name"], "revision": d["revision"],
             "supports": d["supports"]["count"],
             "amount_centavos": d["supports"]["amount_centavos"],
             "people": d["supports"]["people"],
             "investment_centavos": d["year_to_date"]["investment_centavos"],
             "first_folio": d["receipts"]["first_folio"],
             "last_folio": d["receipts"]["last_folio"]}
            for d in sorted(documents, key=lambda d: d["office"]["code"])
        ],
        "missing_offices": [{"code": m["code"], "name": m["name"]} for m in missing or []],
        "narrative": text,
    }  # fmt: skip
    validate(consolidated)
    return consolidated
