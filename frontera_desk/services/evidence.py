"""A support's evidence file (expediente de comprobación): the checklist of its type's required
documents, received or not (by whom, when, with a note), and the files attached to the support
and to the person (identification copies, reused across their supports)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Select, case, func, literal, or_, select
from sqlalchemy.orm import Session

from frontera_desk.db.models import Person, Support, SupportDocument, SupportType, User, utcnow
from frontera_desk.domain.enums import SupportStatus
from frontera_desk.domain.errors import NotFoundError, ValidationError
from frontera_desk.domain.text import checked, fold
from frontera_desk.services import attachments, audit
from frontera_desk.services.attachments import AttachmentInfo, Owner, OwnerType
from frontera_desk.services.people import full_name
from frontera_desk.services.permissions import Action, Actor, require

# The catalog's identification line: its code is the person's attachments' kind, so a copy of
# the identification attached once to the person shows on every support's checklist
_IDENTIFICATION_PREFIX = "identificacion"

# A past support brought in from the office's spreadsheets (issue 25): delivered before the
# program, its file of proof was never kept here, so it is not counted as evidence pending.
HISTORICAL = "histórico: sin recibo del sistema"


def document_code(name: str) -> str:
    """The code of a required document's name (what its attachments are kinds of)."""
    slug = re.sub(r"[^a-z0-9]+", "_", fold(name)).strip("_")
    if slug.startswith(_IDENTIFICATION_PREFIX):
        return attachments.IDENTIFICATION
    return slug[:40].rstrip("_") or attachments.OTHER


def required_documents(support_type: SupportType) -> list[tuple[str, str]]:
    """(code, name) of each document the type requires, in the catalog's order."""
    names = [line.strip() for line in support_type.required_documents.splitlines()]
    return [(document_code(name), name) for name in names if name]


@dataclass(frozen=True)
class DocumentStatus:
    code: str
    name: str
    received: bool
    received_by: str
    received_at: datetime | None
    note: str
    files: tuple[AttachmentInfo, ...]  # attachments of this kind (the person's too for an ID)


@dataclass(frozen=True)
class SupportFile:
    support_id: int
    person_id: int
    person_name: str
    type_name: str
    status: SupportStatus
    documents: tuple[DocumentStatus, ...]
    support_files: tuple[AttachmentInfo, ...]  # the support's and its receipts'
    person_files: tuple[AttachmentInfo, ...]

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(d.name for d in self.documents if not d.received)

    @property
    def complete(self) -> bool:
        return not self.missing


def _support(session: Session, support_id: int) -> Support:
    support = session.get(Support, support_id)
    if support is None:
        raise NotFoundError(f"No existe el apoyo núm. {support_id}.")
    return support


def _marks(session: Session, support_id: int) -> dict[str, SupportDocument]:
    rows = session.scalars(select(SupportDocument).where(SupportDocument.support_id == support_id))
    return {row.code: row for row in rows}


def missing_documents(session: Session, support_id: int) -> list[tuple[str, str]]:
    """(code, name) of the required documents not marked received."""
    support = _support(session, support_id)
    marks = _marks(session, support_id)
    return [
        (code, name)
        for code, name in required_documents(support.support_type)
        if not (code in marks and marks[code].received)
    ]


def support_file(session: Session, support_id: int) -> SupportFile:
    support = _support(session, support_id)
    person = session.get(Person, support.person_id)
    assert person is not None
    marks = _marks(session, support_id)
    users: dict[int, str] = {
        uid: name for uid, name in session.execute(select(User.id, User.full_name))
    }
    from frontera_desk.db.models import Receipt

    own = attachments.list_attachments(session, Owner(OwnerType.SUPPORT, support.id))
    for receipt_id in session.scalars(select(Receipt.id).where(Receipt.support_id == support.id)):
        own += attachments.list_attachments(session, Owner(OwnerType.RECEIPT, receipt_id))
    personal = attachments.list_attachments(session, Owner(OwnerType.PERSON, person.id))
    documents = []
    for code, name in required_documents(support.support_type):
        mark = marks.get(code)
        received = bool(mark and mark.received)
        files = [a for a in own + personal if a.kind == code]
        documents.append(DocumentStatus(
            code, name, received,
            users.get(mark.received_by_id, "") if mark and mark.received_by_id else "",
            mark.received_at if received and mark else None,
            (mark.note or "") if mark else "", tuple(files),
        ))  # fmt: skip
    return SupportFile(
        support.id, person.id, full_name(person.given_names, person.first_surname,
                                         person.second_surname),
        support.support_type.name, SupportStatus(support.status), tuple(documents),
        tuple(own), tuple(personal),
    )  # fmt: skip


def mark_document(
    session: Session, actor: Actor, support_id: int, code: str, received: bool = True,
    note: str = "",
) -> SupportFile:  # fmt: skip
    """Mark one required document received (or not), with an optional note."""
    require(actor, Action.REQUEST_SUPPORT)
    support = _support(session, support_id)
    names = dict(required_documents(support.support_type))
    if code not in names:
        raise ValidationError(
            "code", f"{support.support_type.name}: no requiere el documento «{code}»."
        )
    if SupportStatus(support.status) in (SupportStatus.REJECTED, SupportStatus.CANCELLED):
        raise ValidationError(
            "code", "El apoyo fue rechazado o cancelado: su expediente ya no cambia."
        )
    note = checked(note, "note", "Nota", 300)
    mark = _marks(session, support_id).get(code)
    if mark is None:
        mark = SupportDocument(
            office_code=actor.office_code, created_by_id=actor.user_id, support_id=support.id,
            code=code, name=names[code][:200],
        )  # fmt: skip
        session.add(mark)
    was = bool(mark.received)
    mark.received, mark.note = received, note or None
    if received and not was:
        mark.received_at, mark.received_by_id = utcnow(), actor.user_id
    elif not received:
        mark.received_at, mark.received_by_id = None, None
    session.flush()
    audit.record(session, actor, "documento_recibido" if received else "documento_pendiente",
                 "apoyo", support.uuid, {"documento": code})  # fmt: skip
    return support_file(session, support.id)


def receive_all(session: Session, actor: Actor, support_id: int, note: str = "") -> SupportFile:
    """Mark every required document not yet received as received (the caseworker checked the
    whole folder at once)."""
    for code, _name in missing_documents(session, support_id):
        mark_document(session, actor, support_id, code, True, note)
    return support_file(session, support_id)


def attach_document(
    session: Session, actor: Actor, support_id: int, code: str, filename: str, data: bytes,
    description: str = "",
) -> SupportFile:  # fmt: skip
    """Attach a scan to the support's file. A required document's scan marks it received; an
    identification goes to the person, so that their other supports reuse it."""
    support = _support(session, support_id)
    names = dict(required_documents(support.support_type))
    owner = (
        Owner(OwnerType.PERSON, support.person_id)
        if code == attachments.IDENTIFICATION
        else Owner(OwnerType.SUPPORT, support.id)
    )
    attachments.attach(session, actor, owner, code, filename, data, description)
    marks = _marks(session, support_id)
    if code in names and not (code in marks and marks[code].received):
        return mark_document(session, actor, support_id, code, True)
    return support_file(session, support_id)


def attach_document_file(
    session: Session, actor: Actor, support_id: int, code: str, path: Path,
    description: str = "",
) -> SupportFile:  # fmt: skip
    """:func:`attach_document` from a file on disk (file dialog, drag and drop): its size is
    checked before it is read."""
    data = attachments.read_checked(session, path)
    return attach_document(session, actor, support_id, code, path.name, data, description)


# --- supports delivered with evidence pending -------------------------------------------------


@dataclass(frozen=True)
class PendingEvidence:
    support_id: int
    person_name: str
    type_name: str
    delivered_on: date
    missing: int  # documents not received


def _pending_query(session: Session, start: date | None, end: date | None) -> Select[Any]:
    """Delivered supports (in the period) with fewer documents received than their type
    requires; the requirement per type is worked out here (a dozen types), the rest in SQL."""
    need = {
        t.id: len(required_documents(t))
        for t in session.scalars(select(SupportType).where(SupportType.required_documents != ""))
    }
    need = {type_id: n for type_id, n in need.items() if n}
    received = (
        select(SupportDocument.support_id, func.count().label("n"))
        .where(SupportDocument.received.is_(True))
        .group_by(SupportDocument.support_id)
        .subquery()
    )
    required = case(need, value=Support.support_type_id, else_=0) if need else literal(0)
    got = func.coalesce(received.c.n, 0)
    query = (
        select(Support.id, Support.delivered_on, (required - got).label("missing"))
        .outerjoin(received, received.c.support_id == Support.id)
        .where(Support.status == SupportStatus.DELIVERED.value, got < required)
        .where(or_(Support.status_reason.is_(None), Support.status_reason != HISTORICAL))
    )
    if start is not None:
        query = query.where(Support.delivered_on >= start)
    if end is not None:
        query = query.where(Support.delivered_on < end)
    return query


def delivered_pending(
    session: Session, start: date | None = None, end: date | None = None, limit: int = 200
) -> list[PendingEvidence]:
    """Supports delivered (from ``start`` to before ``end``) whose required documents are not
    all received, the oldest delivery first (at most ``limit``)."""
    rows = session.execute(
        _pending_query(session, start, end).order_by(Support.delivered_on, Support.id).limit(limit)
    ).all()
    found = []
    for support_id, on, missing in rows:
        support = session.get(Support, support_id)
        assert support is not None
        person = session.get(Person, support.person_id)
        assert person is not None
        name = full_name(person.given_names, person.first_surname, person.second_surname)
        found.append(PendingEvidence(support_id, name, support.support_type.name, on, missing))
    return found


def count_pending(session: Session, start: date | None = None, end: date | None = None) -> int:
    """How many delivered supports (in the period) have evidence pending."""
    query = _pending_query(session, start, end).subquery()
    return int(session.scalar(select(func.count()).select_from(query)) or 0)
