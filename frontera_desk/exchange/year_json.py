"""The year's report as JSON, validated against ``year-report.schema.json`` beside this module."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from frontera_desk.exchange.summary_json import validate
from frontera_desk.services.year_report import OfficeYear, YearReport

YEAR_SCHEMA = "year-report.schema.json"
YEAR_FORMAT = "frontera-desk-year-report"
YEAR_SCHEMA_VERSION = 1


def _office(o: OfficeYear) -> dict[str, Any]:
    data = asdict(o)
    data["investment_centavos"] = o.investment_centavos
    data["activities_by_kind"] = {
        k: {"count": n, "attendees": a} for k, (n, a) in o.activities_by_kind.items()
    }
    data["actions_by_kind"] = {
        k: {"count": n, "quantity": q} for k, (n, q) in o.actions_by_kind.items()
    }
    return data


def to_json(report: YearReport) -> dict[str, Any]:
    document: dict[str, Any] = {
        "format": YEAR_FORMAT,
        "schema_version": YEAR_SCHEMA_VERSION,
        "year": report.year,
        "scope": report.scope,
        "office": {"code": report.office_code, "name": report.office_name},
        "generated_at": report.generated_at,
        "preliminary": report.preliminary,
        "year_over": report.year_over,
        "demo": report.demo,
        "narrative": [{"title": p.title, "text": p.text} for p in report.narrative],
        "notes": list(report.notes),
        "total": _office(report.total),
        "offices": [_office(o) for o in report.offices],
        "missing": [{"code": c, "name": n, "months": list(m)} for c, n, m in report.missing],
    }
    document = json.loads(json.dumps(document))  # tuples become lists, as a reader sees them
    validate(document, YEAR_SCHEMA, "El informe anual")
    return document


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)
