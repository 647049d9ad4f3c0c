"""Acciones de vinculación y difusión: diagnostics, promotional materials, liaisons, meetings…

Supervisors record them; the state's report counts them apart from workshops, courses and
events, so they never add to the events' target. A closed month refuses changes dated in it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from frontera_desk.db.models import Organization, OutreachAction, OutreachActionParty
from frontera_desk.db.paging import IdList
from frontera_desk.domain import wording
from frontera_desk.domain.enums import ActionKind
from frontera_desk.domain.errors import NotFoundError, ValidationError
from frontera_desk.domain.text import checked
from frontera_desk.services import audit, months
from frontera_desk.services.context import Action, Actor, require, require_unchanged

# Each kind as the narrative counts it ("dos diagnósticos", "una reunión de vinculación")
ACTION_NOUN = {
    ActionKind.DIAGNOSTIC: wording.Noun("diagnóstico"),
    ActionKind.MATERIAL: wording.Noun("material de difusión"),
    ActionKind.LIAISON: wording.Noun("enlace"),
    ActionKind.APPROACH: wording.Noun("acercamiento"),
    ActionKind.SPECIAL_GUEST: wording.Noun("atención a invitados especiales", "f"),
    ActionKind.LIAISON_MEETING: wording.Noun("reunión de vinculación", "f"),
    ActionKind.FOLLOW_UP_MEETING: wording.Noun("reunión de seguimiento de proyectos", "f"),
    ActionKind.FUNDING: wording.Noun("gestión de financiamiento de proyectos", "f"),
    ActionKind.MUNICIPAL_MECHANISM: wording.Noun("mecanismo municipal"),
    ActionKind.OTHER: wording.ACCION,  # worded "otras dos acciones"
}
ACTIONS = wording.Noun("acción de vinculación y difusión", "f")
MAX_QUANTITY = 1_000_000
# Kinds that are made with someone: the report names the counterparts
NEEDS_COUNTERPART = frozenset({ActionKind.LIAISON, ActionKind.APPROACH})


@dataclass
class ActionInput:
    kind: ActionKind | str
    title: str
    done_on: date
    organization_ids: list[int] = field(default_factory=list)
    quantity: int | None = None  # pieces: promotional materials only
    municipality: str = ""
    notes: str = ""


@dataclass(frozen=True)
class ActionRecord:
    id: int
    uuid: str
    kind: ActionKind
    title: str
    done_on: date
    organization_ids: tuple[int, ...]
    counterparts: tuple[str, ...]
    quantity: int | None
    municipality: str
    notes: str
    version: int = 0

    def as_input(self) -> ActionInput:
        return ActionInput(self.kind, self.title, self.done_on, list(self.organization_ids),
                           self.quantity, self.municipality, self.notes)  # fmt: skip


@dataclass(frozen=True)
class ActionItem:
    """One action as the year report and the monthly summary read it: public names only."""

    kind: ActionKind
    done_on: date
    title: str
    quantity: int | None
    counterparts: tuple[str, ...]
    municipality: str


def _validate(session: Session, data: ActionInput) -> tuple[ActionKind, str, list[int]]:
    try:
        kind = ActionKind(data.kind)
    except ValueError:
        raise ValidationError("kind", "Tipo de acción: no válido.") from None
    title = checked(data.title, "title", "Título o descripción", 300, True)
    if not isinstance(data.done_on, date):
        raise ValidationError("done_on", "Fecha: es obligatoria.")
    if data.done_on > date.today():
        raise ValidationError("done_on", "Fecha: registre la acción cuando ya se realizó.")
    if kind is ActionKind.MATERIAL:
        if data.quantity is None or not 1 <= data.quantity <= MAX_QUANTITY:
            raise ValidationError(
                "quantity", f"Cantidad: los materiales de difusión llevan de 1 a "
                f"{MAX_QUANTITY:,} piezas."
            )  # fmt: skip
    elif data.quantity is not None:
        raise ValidationError("quantity", "Cantidad: solo se anota en materiales de difusión.")
    ids = list(dict.fromkeys(data.organization_ids))
    if ids:
        found = set(session.scalars(select(Organization.id).where(Organization.id.in_(ids))))
        missing = [i for i in ids if i not in found]
        if missing:
            raise ValidationError(
                "organization_ids", f"Contrapartes: no existe la organización núm. {missing[0]}."
            )
    elif kind in NEEDS_COUNTERPART:
        raise ValidationError(
            "organization_ids",
            f"Contrapartes: {wording.count(1, ACTION_NOUN[kind])} se registra con al menos una "
            "organización (agréguela en Convenios › Organizaciones si no está).",
        )
    return kind, title, ids


def save_action(
    session: Session,
    actor: Actor,
    data: ActionInput,
    action_id: int | None = None,
    expected_version: int | None = None,
) -> ActionRecord:
    """Record a new action, or change one (``action_id``, opened on ``expected_version``)."""
    require(actor, Action.RECORD_ACTIONS)
    kind, title, ids = _validate(session, data)
    municipality = checked(data.municipality, "municipality", "Municipio", 100)
    if kind is ActionKind.MUNICIPAL_MECHANISM and not municipality:
        raise ValidationError(
            "municipality", "Municipio: un mecanismo municipal se registra con su municipio."
        )
    notes = checked(data.notes, "notes", "Observaciones", 2000)
    action = session.get(OutreachAction, action_id) if action_id else None
    if action_id and action is None:
        raise NotFoundError(f"No existe la acción núm. {action_id}.")
    require_unchanged(action, expected_version, "esta acción")
    months.ensure_open(session, actor.office_code, data.done_on)
    if action is not None:
        months.ensure_open(session, actor.office_code, action.done_on)
    else:
        action = OutreachAction(office_code=actor.office_code, created_by_id=actor.user_id)
        session.add(action)
    action.kind, action.title, action.done_on = kind.value, title, data.done_on
    action.quantity = data.quantity
    action.municipality = municipality or None
    action.notes = notes or None
    action.parties = [OutreachActionParty(organization_id=o) for o in ids]
    session.flush()
    audit.record(session, actor, "guardar", "accion", action.uuid,
                 {"tipo": kind.value, "titulo": title, "fecha": data.done_on.isoformat(),
                  "cantidad": data.quantity, "contrapartes": ids})  # fmt: skip
    return get_action(session, action.id)


def delete_action(
    session: Session, actor: Actor, action_id: int, expected_version: int | None = None
) -> None:
    """Remove an action recorded by mistake; a closed month's actions stay as they were sent."""
    require(actor, Action.RECORD_ACTIONS)
    action = session.get(OutreachAction, action_id)
    if action is None:
        raise NotFoundError(f"No existe la acción núm. {action_id}.")
    require_unchanged(action, expected_version, "esta acción")
    months.ensure_open(session, actor.office_code, action.done_on)
    audit.record(session, actor, "eliminar", "accion", action.uuid,
                 {"tipo": action.kind, "titulo": action.title,
                  "fecha": action.done_on.isoformat()})  # fmt: skip
    session.delete(action)
    session.flush()


def _counterparts(session: Session, ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    """Each action's counterparts (id, name), in name order."""
    out: dict[int, list[tuple[int, str]]] = {i: [] for i in ids}
    rows = session.execute(
        select(OutreachActionParty.action_id, Organization.id, Organization.name)
        .join(Organization, Organization.id == OutreachActionParty.organization_id)
        .where(OutreachActionParty.action_id.in_(ids))
        .order_by(Organization.name)
    )  # fmt: skip
    for action_id, organization_id, name in rows:
        out[action_id].append((organization_id, name))
    return out


def get_action(session: Session, action_id: int) -> ActionRecord:
    a = session.get(OutreachAction, action_id)
    if a is None:
        raise NotFoundError(f"No existe la acción núm. {action_id}.")
    parties = _counterparts(session, [a.id])[a.id]
    return ActionRecord(
        a.id, a.uuid, ActionKind(a.kind), a.title, a.done_on,
        tuple(i for i, _ in parties), tuple(n for _, n in parties), a.quantity,
        a.municipality or "", a.notes or "", a.version,
    )  # fmt: skip


def actions_in_period(session: Session, start: date, end: date) -> tuple[ActionItem, ...]:
    """The actions from ``start`` to before ``end``, by date then kind: what the year report
    names and the monthly summary counts."""
    rows = session.execute(
        select(OutreachAction.id, OutreachAction.kind, OutreachAction.done_on,
               OutreachAction.title, OutreachAction.quantity, OutreachAction.municipality)
        .where(OutreachAction.done_on >= start, OutreachAction.done_on < end)
        .order_by(OutreachAction.done_on, OutreachAction.kind, OutreachAction.id)
    ).all()  # fmt: skip
    parties = _counterparts(session, [r.id for r in rows])
    return tuple(
        ActionItem(ActionKind(r.kind), r.done_on, r.title, r.quantity,
                   tuple(name for _, name in parties[r.id]), r.municipality or "")
        for r in rows
    )  # fmt: skip


def actions_by_kind(session: Session, start: date, end: date) -> dict[str, tuple[int, int]]:
    """Every kind (in catalog order) → (actions, pieces of material) from ``start`` to before
    ``end``. Counted in SQL, apart from the activities."""
    counted: Counter[str] = Counter()
    pieces: Counter[str] = Counter()
    rows = session.execute(
        select(OutreachAction.kind, func.count(), func.sum(OutreachAction.quantity))
        .where(OutreachAction.done_on >= start, OutreachAction.done_on < end)
        .group_by(OutreachAction.kind)
    )  # fmt: skip
    for kind, n, quantity in rows:
        counted[kind], pieces[kind] = int(n), int(quantity or 0)
    return {k.value: (counted[k.value], pieces[k.value]) for k in ActionKind}


def counted_in_words(by_kind: dict[str, tuple[int, int]]) -> str:
    """ "dos diagnósticos, un material de difusión (500 piezas) y otras dos acciones"."""
    parts = []
    for kind in ActionKind:
        n, pieces = by_kind.get(kind.value, (0, 0))
        if not n:
            continue
        noun = ACTION_NOUN[kind]
        if kind is ActionKind.OTHER:
            parts.append(wording.others(n, noun))
        elif kind is ActionKind.MATERIAL and pieces:
            parts.append(f"{wording.count(n, noun)} ({wording.count(pieces, PIECE)})")
        else:
            parts.append(wording.count(n, noun))
    return wording.join(parts)


PIECE = wording.Noun("pieza", "f")


# --- the list ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionRow:
    id: int
    kind: ActionKind
    title: str
    done_on: date
    quantity: int | None
    counterparts: str
    municipality: str


def action_list(kind: ActionKind | None = None) -> IdList:
    """The actions (of one kind), newest first; the list's model reads them in batches."""
    query = select(OutreachAction.id, OutreachAction.done_on)
    if kind is not None:
        query = query.where(OutreachAction.kind == kind.value)
    return IdList(query, descending=True)


_ROWS = select(
    OutreachAction.id, OutreachAction.kind, OutreachAction.title, OutreachAction.done_on,
    OutreachAction.quantity, OutreachAction.municipality,
).where(OutreachAction.id.in_(bindparam("ids", expanding=True)))  # fmt: skip


def fetch_rows(session: Session, ids: list[int]) -> dict[int, ActionRow]:
    parties = _counterparts(session, ids)
    return {
        r.id: ActionRow(r.id, ActionKind(r.kind), r.title, r.done_on, r.quantity,
                        ", ".join(name for _, name in parties.get(r.id, [])),
                        r.municipality or "")
        for r in session.connection().execute(_ROWS, {"ids": ids})
    }  # fmt: skip
