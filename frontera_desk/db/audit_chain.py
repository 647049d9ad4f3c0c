"""The audit log's hash chain. The hashed form is frozen: changing it breaks every stored chain.

The chain covers the SHA-256 of each entry's before/after values rather than the values
themselves, so that anonymizing a person can erase their old values from the log while the
chain still proves that no entry was added, removed or altered.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

GENESIS = "0" * 64


def entry_hash(
    prev_hash: str,
    at: datetime,
    user_id: int,
    office_code: str,
    action: str,
    entity: str,
    entity_uuid: str | None,
    changes_sha256: str,
) -> str:
    """SHA-256 over the previous hash and the entry's fields, as canonical JSON."""
    stamp = at.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")
    payload = [prev_hash, stamp, user_id, office_code, action, entity, entity_uuid, changes_sha256]
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def changes_hash(changes: str | None) -> str:
    return hashlib.sha256((changes or "").encode("utf-8")).hexdigest()
