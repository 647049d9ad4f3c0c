"""Who is acting, and what each role may do. Permissions are checked here, not in the GUI."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontera_desk.db.models import SYSTEM_USER_ID, Office, User
from frontera_desk.domain.enums import Role
from frontera_desk.domain.errors import ConflictError, FronteraError, PermissionDenied


class Action(StrEnum):
    EDIT_PEOPLE = "edit_people"
    REQUEST_SUPPORT = "request_support"
    DECIDE_SUPPORT = "decide_support"  # approve or reject, within ceilings and limits
    DELIVER_SUPPORT = "deliver_support"
    CANCEL_SUPPORT = "cancel_support"
    DELIVER_WITHOUT_EVIDENCE = "deliver_without_evidence"  # required documents not received
    OVERRIDE_LIMIT = "override_limit"  # go past a ceiling or a per-period limit
    EXPORT_PERSON = "export_person"  # a person's own data, for them (access right)
    ANONYMIZE_PERSON = "anonymize_person"  # cancellation right; also the retention list
    VIEW_AUDIT = "view_audit"
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    VOID_RECEIPT = "void_receipt"
    MANAGE_AGREEMENTS = "manage_agreements"  # organizations, agreements, disbursements, files
    EDIT_ACTIVITIES = "edit_activities"  # workshops, courses, events and their attendance
    RECORD_ACTIONS = "record_actions"  # liaison and outreach actions (supervisors)
    CLOSE_MONTH = "close_month"  # close and reopen months
    SET_PLAN = "set_plan"  # annual budget and targets
    IMPORT_PACKAGES = "import_packages"  # headquarters: receive monthly packages
    BACKUP = "backup"  # make a backup by hand (automatic ones need no permission)
    RESTORE = "restore"  # replace the database with a backup
    IMPORT_DATA = "import_data"  # bring people and past supports in from spreadsheets
    EXPORT_LISTS = "export_lists"  # the lists of people, supports and receipts to a workbook


_CASEWORK = {
    Action.EDIT_PEOPLE, Action.REQUEST_SUPPORT, Action.DELIVER_SUPPORT, Action.EXPORT_PERSON,
    Action.EDIT_ACTIVITIES,
}  # fmt: skip
_ADMINISTRATION = {Action.MANAGE_USERS, Action.MANAGE_SETTINGS, Action.RESTORE}
PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.CAPTURISTA: frozenset(_CASEWORK),
    Role.SUPERVISOR: frozenset(set(Action) - _ADMINISTRATION),
    Role.ADMINISTRADOR: frozenset(
        _ADMINISTRATION | {Action.VIEW_AUDIT, Action.BACKUP, Action.SET_PLAN, Action.IMPORT_DATA}
    ),
    Role.SYSTEM: frozenset(),  # the built-in account records set-up; it never signs in
}

_ACTION_ES = {
    Action.EDIT_PEOPLE: "registrar o modificar personas",
    Action.REQUEST_SUPPORT: "solicitar apoyos",
    Action.DECIDE_SUPPORT: "autorizar o rechazar apoyos",
    Action.DELIVER_SUPPORT: "registrar la entrega de apoyos",
    Action.CANCEL_SUPPORT: "cancelar apoyos",
    Action.DELIVER_WITHOUT_EVIDENCE: "entregar un apoyo sin sus documentos requeridos",
    Action.OVERRIDE_LIMIT: "autorizar un apoyo por encima del tope o del límite",
    Action.EXPORT_PERSON: "exportar los datos de una persona",
    Action.ANONYMIZE_PERSON: "anonimizar personas",
    Action.VIEW_AUDIT: "consultar la bitácora",
    Action.MANAGE_USERS: "administrar usuarios",
    Action.MANAGE_SETTINGS: "cambiar la configuración de la oficina",
    Action.VOID_RECEIPT: "cancelar recibos",
    Action.MANAGE_AGREEMENTS: "administrar convenios y organizaciones",
    Action.EDIT_ACTIVITIES: "registrar talleres, cursos y eventos",
    Action.RECORD_ACTIONS: "registrar acciones de vinculación y difusión",
    Action.CLOSE_MONTH: "cerrar o reabrir meses",
    Action.SET_PLAN: "fijar el presupuesto y las metas anuales",
    Action.IMPORT_PACKAGES: "importar paquetes mensuales",
    Action.BACKUP: "respaldar la base de datos",
    Action.RESTORE: "restaurar un respaldo",
    Action.IMPORT_DATA: "importar personas o apoyos de hojas de cálculo",
    Action.EXPORT_LISTS: "exportar listas con datos personales",
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
    """Refuse what the actor's role may not do. The refusal itself is audited."""
    if actor.can(action):
        return
    error = PermissionDenied(f"Su rol ({actor.role.value}) no permite {_ACTION_ES[action]}.")

    def audit_refusal(session: Session) -> None:
        from frontera_desk.services import audit

        audit.record(session, actor, "denegado", "permiso", None, {"accion": action.value})

    error.after_rollback = audit_refusal
    raise error


def actor_for(session: Session, user_id: int = SYSTEM_USER_ID) -> Actor:
    """The acting user as a plain value (the built-in system user by default)."""
    user = session.get(User, user_id)
    office = session.scalars(select(Office)).first()
    if user is None or office is None:
        raise FronteraError("La oficina no está configurada todavía.")
    if not user.is_active:
        raise PermissionDenied("La cuenta de usuario está desactivada.")
    return Actor(user.id, user.username, user.full_name, Role(user.role), office.code)


def require_unchanged(record: object, expected_version: int | None, what: str) -> None:
    """Optimistic locking: the form was opened on ``expected_version`` of the record; if
    another desk saved it since, refuse rather than silently overwrite their change."""
    if expected_version is not None and getattr(record, "version", None) != expected_version:
        raise ConflictError(
            f"Otra persona guardó cambios en {what} mientras usted tenía abierto el formulario; "
            "no se sobrescribieron. Sus cambios siguen aquí sin guardar: anótelos, cierre el "
            "formulario y vuelva a abrirlo para ver la versión actual."
        )
