"""Who is acting, and what each role may do. Permissions are checked here, not in the GUI."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontera_desk.db.models import SYSTEM_USER_ID, Office, User
from frontera_desk.domain.enums import Role
from frontera_desk.domain.errors import FronteraError, PermissionDenied


class Action(StrEnum):
    EDIT_PEOPLE = "edit_people"
    REQUEST_SUPPORT = "request_support"
    DECIDE_SUPPORT = "decide_support"  # approve or reject, within ceilings and limits
    DELIVER_SUPPORT = "deliver_support"
    CANCEL_SUPPORT = "cancel_support"
    OVERRIDE_LIMIT = "override_limit"  # go past a ceiling or a per-period limit


_CASEWORK = {Action.EDIT_PEOPLE, Action.REQUEST_SUPPORT, Action.DELIVER_SUPPORT}
PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.CAPTURISTA: frozenset(_CASEWORK),
    Role.SUPERVISOR: frozenset(Action),
    Role.ADMINISTRADOR: frozenset({Action.EDIT_PEOPLE}),
    # Until sign-in exists the built-in user does casework and ordinary approvals, but never
    # what needs an identified supervisor.
    Role.SYSTEM: frozenset(_CASEWORK | {Action.DECIDE_SUPPORT, Action.CANCEL_SUPPORT}),
}

_ACTION_ES = {
    Action.EDIT_PEOPLE: "registrar o modificar personas",
    Action.REQUEST_SUPPORT: "solicitar apoyos",
    Action.DECIDE_SUPPORT: "autorizar o rechazar apoyos",
    Action.DELIVER_SUPPORT: "registrar la entrega de apoyos",
    Action.CANCEL_SUPPORT: "cancelar apoyos",
    Action.OVERRIDE_LIMIT: "autorizar un apoyo por encima del tope o del límite",
}


@dataclass(frozen=True)
class Actor:
    user_id: int
    username: str
    full_name: str
    role: Role
    office_code: str

    def can(self, action: Action) -> bool:
        return action in PERMISSIONS[self.role]


def require(actor: Actor, action: Action) -> None:
    if actor.can(action):
        return
    if actor.role is Role.SYSTEM:
        raise PermissionDenied(
            f"Para {_ACTION_ES[action]} se necesita un(a) supervisor(a) con sesión iniciada; "
            "el inicio de sesión con cuentas de usuario aún no está disponible en esta versión."
        )
    raise PermissionDenied(f"Su rol ({actor.role.value}) no permite {_ACTION_ES[action]}.")


def actor_for(session: Session, user_id: int = SYSTEM_USER_ID) -> Actor:
    """The acting user as a plain value (the built-in system user by default)."""
    user = session.get(User, user_id)
    office = session.scalars(select(Office)).first()
    if user is None or office is None:
        raise FronteraError("La oficina no está configurada todavía.")
    if not user.is_active:
        raise PermissionDenied("La cuenta de usuario está desactivada.")
    return Actor(user.id, user.username, user.full_name, Role(user.role), office.code)
