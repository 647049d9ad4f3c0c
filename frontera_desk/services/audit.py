"""Audit entries: who changed what, with before/after values, chained by SHA-256."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from frontera_desk.db.audit_chain import GENESIS, changes_hash, entry_hash
from frontera_desk.db.models import AuditEntry, User, utcnow
from frontera_desk.db.paging import IdList
from frontera_desk.domain import wording
from frontera_desk.paths import Paths
from frontera_desk.services.permissions import Action, Actor, require

_CHECKPOINT = wording.Noun("punto de control")


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """``{"field": [before, after]}`` for every field that changed."""
    return {
        key: [_plain(before.get(key)), _plain(after.get(key))]
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }


def redact(session: Session, entity_uuid: str) -> int:
    """Erase the before/after values recorded about one record (anonymization).

    The entries stay, with who, when and what; the chain still verifies through the stored
    hash of the erased values. A redacted entry holds nothing more (``walk`` names one that
    does, and one that no anonymization of its record follows: the caller records it next).
    Returns how many entries were redacted.
    """
    entries = session.scalars(
        select(AuditEntry).where(AuditEntry.entity_uuid == entity_uuid, ~AuditEntry.redacted)
    ).all()
    for entry in entries:
        entry.changes = None
        entry.redacted = True
    return len(entries)


def head(session: Session) -> str:
    """The newest entry's hash (what a monthly package carries to show the log is whole)."""
    last = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
    return last or GENESIS


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_uuid: str | None,
    changes: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> None:
    """Append an entry to the chain (in the caller's transaction)."""
    text = json.dumps(changes, ensure_ascii=False, sort_keys=True) if changes else None
    at = at or utcnow()
    prev = head(session)  # autoflush makes entries of this transaction visible
    content = changes_hash(text)
    who, office = actor.user_id, actor.office_code
    digest = entry_hash(prev, at, who, office, action, entity, entity_uuid, content)
    session.add(
        AuditEntry(
            at=at, user_id=who, office_code=office, action=action, entity=entity,
            entity_uuid=entity_uuid, changes=text, changes_sha256=content, prev_hash=prev,
            hash=digest,
        )
    )  # fmt: skip
    session.flush()


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    entries: int
    first_broken_id: int | None = None
    reason: str = ""
    problems: tuple[str, ...] = ()  # what else disagrees: checkpoints, accounts, redactions
    checkpoints: int = 0  # signed checkpoints the chain was compared with
    fingerprint: str = ""  # of the office key that signed them

    @property
    def reasons(self) -> list[str]:
        broken = [f"el registro núm. {self.first_broken_id} {self.reason}"]
        return (broken if self.first_broken_id is not None else []) + list(self.problems)

    @property
    def message(self) -> str:
        if self.ok:
            text = f"La bitácora está íntegra: {self.entries} registros encadenados"
            if self.checkpoints:
                text += (
                    f"; concuerda con {wording.count(self.checkpoints, _CHECKPOINT)} "
                    f"{wording.agree('firmado', _CHECKPOINT, self.checkpoints)} con la llave de "
                    f"la oficina ({self.fingerprint})"
                )
            return text + "."
        return f"La bitácora fue alterada: {'; '.join(self.reasons)}."


@dataclass(frozen=True)
class Mark:
    """What a signed checkpoint says the chain was: its length and the hash at that length."""

    length: int
    head: str
    label: str  # "el punto de control núm. 3 (2026-03-15 12:00 UTC)"


@dataclass
class Walked:
    """What the walk noticed on its way, for the checks that need the whole chain."""

    accounts: list[tuple[int, str, str | None, str | None]]  # id, action, user uuid, changes


ANONYMIZE = "anonimizar"  # privacy.anonymize records it right after redacting the entries


def verify(
    session: Session,
    batch: int = 5000,
    progress: Callable[[int, int], None] | None = None,
    app_paths: Paths | None = None,
    public_key: bytes | None = None,
) -> ChainCheck:
    """The chain, and with ``app_paths`` the office's signed checkpoints too (see
    services/checkpoints.py: ``public_key`` defaults to the office's)."""
    if app_paths is not None:
        from frontera_desk.services import checkpoints

        return checkpoints.verify(session, app_paths, public_key, batch, progress)
    return walk(session, batch, progress)[0]


def walk(
    session: Session,
    batch: int = 5000,
    progress: Callable[[int, int], None] | None = None,
    marks: Sequence[Mark] = (),
) -> tuple[ChainCheck, Walked]:
    """Walk the chain oldest first; report the first entry whose hash or link does not hold.
    ``progress(checked, total)`` follows it. The columns are read as plain rows: loading each
    entry as an object took three quarters of the time.

    A redacted entry must hold no values (the chain covers only their hash) and must belong to
    a record whose anonymization the chain records after it. Each mark is compared as the walk
    passes its length: the entry there must be the one signed."""
    prev, count, last_id = GENESIS, 0, 0
    total = (session.scalar(select(func.count(AuditEntry.id))) or 0) if progress else 0
    pending = sorted(marks, key=lambda m: m.length, reverse=True)  # next mark last
    next_mark = pending[-1].length if pending else -1
    problems: list[str] = []
    redacted: list[tuple[int, str | None]] = []
    anonymized: dict[str | None, int] = {}
    walked = Walked([])
    a = AuditEntry
    columns = select(a.id, a.prev_hash, a.at, a.user_id, a.office_code, a.action, a.entity,
                     a.entity_uuid, a.changes_sha256, a.redacted, a.changes, a.hash)  # fmt: skip

    def ended(check: ChainCheck) -> tuple[ChainCheck, Walked]:
        for entry_id, entity_uuid in redacted:
            if anonymized.get(entity_uuid, 0) < entry_id:
                problems.append(
                    f"el registro núm. {entry_id} fue vaciado como si se hubiera anonimizado, "
                    "pero la bitácora no registra ninguna anonimización de ese registro"
                )
        if check.first_broken_id is None:
            problems.extend(
                f"la bitácora tiene {count} registros; {m.label} firmó {m.length}: faltan "
                "registros al final"
                for m in reversed(pending)
                if m.length > count
            )
        if problems:
            check = replace(check, ok=False, problems=tuple(problems))
        return check, walked

    while True:
        if progress is not None:
            progress(count, total)
        rows = session.execute(
            columns.where(AuditEntry.id > last_id).order_by(AuditEntry.id).limit(batch)
        ).all()
        if not rows:
            return ended(ChainCheck(True, count))
        for row in rows:
            # one unpacking instead of a dozen attribute lookups (this loop runs millions of times)
            (id_, prev_hash, at, user_id, office_code, action, entity, entity_uuid, content,
             erased, changes, digest) = row  # fmt: skip
            if prev_hash != prev:
                return ended(
                    ChainCheck(False, count, id_, "no enlaza con el anterior (falta o se movió)")
                )
            expected = entry_hash(
                prev_hash, at, user_id, office_code, action, entity, entity_uuid, content
            )
            if digest != expected or (not erased and changes_hash(changes) != content):
                return ended(ChainCheck(False, count, id_, "cambió después de escribirse"))
            if erased:
                if changes is not None:
                    return ended(
                        ChainCheck(False, count, id_, "está anonimizado pero guarda valores")
                    )
                redacted.append((id_, entity_uuid))
            if action == ANONYMIZE:
                anonymized[entity_uuid] = id_
            if entity == "usuario" and action != "iniciar_sesion":
                walked.accounts.append((id_, action, entity_uuid, changes))
            prev, count, last_id = digest, count + 1, id_
            while count == next_mark:
                mark = pending.pop()
                if digest != mark.head:
                    problems.append(
                        f"el registro {count} de la bitácora (núm. {id_}) no es el que firmó "
                        f"{mark.label}: se borraron o se reescribieron registros hasta ese punto"
                    )
                next_mark = pending[-1].length if pending else -1


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    user: str
    action: str
    entity: str
    entity_uuid: str
    changes: str


@dataclass(frozen=True)
class AuditFilter:
    user_id: int | None = None
    action: str = ""
    entity: str = ""
    entity_uuid: str = ""
    since: date | None = None
    until: date | None = None


def _filtered(query: Select[*tuple[Any, ...]], f: AuditFilter) -> Select[*tuple[Any, ...]]:
    if f.user_id is not None:
        query = query.where(AuditEntry.user_id == f.user_id)
    if f.action:
        query = query.where(AuditEntry.action == f.action)
    if f.entity:
        query = query.where(AuditEntry.entity == f.entity)
    if f.entity_uuid:
        query = query.where(AuditEntry.entity_uuid == f.entity_uuid)
    if f.since:
        query = query.where(AuditEntry.at >= datetime.combine(f.since, time.min, tzinfo=UTC))
    if f.until:
        query = query.where(AuditEntry.at <= datetime.combine(f.until, time.max, tzinfo=UTC))
    return query


def entry_list(actor: Actor, f: AuditFilter = AuditFilter()) -> IdList:
    """Newest first (read a batch at a time), in the order of the time index: the log is shown
    a period at a time, and in id order the period's first batch was found by walking back
    from the newest entry (0.6 s to a month a year back, in two million entries)."""
    require(actor, Action.VIEW_AUDIT)
    return IdList(_filtered(select(AuditEntry.id, AuditEntry.at), f), descending=True)


def entry_ids(session: Session, actor: Actor, f: AuditFilter = AuditFilter()) -> list[int]:
    return list(session.scalars(entry_list(actor, f).ids()))


def fetch_rows(session: Session, ids: list[int]) -> dict[int, AuditRow]:
    query = (
        select(AuditEntry, User.full_name)
        .join(User, User.id == AuditEntry.user_id)
        .where(AuditEntry.id.in_(ids))
    )
    return {
        e.id: AuditRow(e.id, e.at, name, e.action, e.entity, e.entity_uuid or "", e.changes or "")
        for e, name in session.execute(query)
    }


def actions(session: Session) -> list[str]:
    """The actions in the log, in order: each the first one after the one before, found in the
    action index (a few dozen lookups; reading the distinct actions of two million entries took
    4.5 s)."""
    first = select(func.min(AuditEntry.action).label("action"))
    found = first.cte("found", recursive=True)
    after = first.where(AuditEntry.action > found.c.action).scalar_subquery()
    found = found.union_all(select(after).where(found.c.action.is_not(None)))
    return list(session.scalars(select(found.c.action).where(found.c.action.is_not(None))))
