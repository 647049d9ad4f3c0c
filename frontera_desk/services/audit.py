"""Audit entries: who changed what, with before/after values."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from frontera_desk.db.models import AuditEntry
from frontera_desk.services.context import Actor


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """``{"field": [before, after]}`` for every field that changed."""
    return {
        key: [_plain(before.get(key)), _plain(after.get(key))]
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_uuid: str | None,
    changes: dict[str, list[Any]] | None = None,
) -> None:
    session.add(
        AuditEntry(
            user_id=actor.user_id,
            office_code=actor.office_code,
            action=action,
            entity=entity,
            entity_uuid=entity_uuid,
            changes=json.dumps(changes, ensure_ascii=False, sort_keys=True) if changes else None,
        )
    )
