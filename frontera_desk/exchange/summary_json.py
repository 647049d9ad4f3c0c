"""The monthly summary as JSON for headquarters: aggregates only, small counts suppressed,
validated against the JSON Schema shipped beside this module."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from frontera_desk.domain.errors import FronteraError
from frontera_desk.services.summary import MonthlySummary

SCHEMA_FILE = Path(__file__).with_name("monthly-summary.schema.json")
SUPPRESS_BELOW = 5  # counts of 1 to 4 in identifying breakdowns become "<5"


def suppressed(breakdown: dict[str, int]) -> dict[str, int | str]:
    """Counts between 1 and 4 are shown as "<5" so that nobody can be singled out."""
    return {k: "<5" if 0 < v < SUPPRESS_BELOW else v for k, v in breakdown.items()}


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return loaded


def validate(document: dict[str, Any]) -> None:
    """Raise FronteraError with the first problem when the document breaks the schema."""
    from jsonschema import Draft202012Validator

    errors = sorted(
        Draft202012Validator(schema()).iter_errors(document), key=lambda e: list(e.path)
    )
    if errors:
        where = "/".join(str(p) for p in errors[0].path) or "(raíz)"
        raise FronteraError(f"El resumen no cumple el esquema en {where}: {errors[0].message}")


def to_json(s: MonthlySummary) -> dict[str, Any]:
    document = {
        "format": "frontera-desk-monthly-summary",
        "schema_version": 1,
        "office": {"code": s.office_code, "name": s.office_name},
        "period": f"{s.year:04d}-{s.month:02d}",
        "revision": s.revision,
        "generated_at": s.generated_at,
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
        },
        "people": {
            "by_sex": s.people_by_sex,
            "by_age_band": s.people_by_age_band,
            "by_nationality": suppressed(s.people_by_nationality),
            "by_vulnerability": suppressed(s.people_by_vulnerability),
        },
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
            "attendees_by_sex": s.attendees_by_sex,
            "attendees_by_audience": s.attendees_by_audience,
        },
        "year_to_date": dict(s.year_to_date),
        "narrative": s.narrative,
    }
    validate(document)
    return document
