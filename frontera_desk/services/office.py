"""The office this installation belongs to, its built-in user and its indispensable catalogs."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontera_desk.db.models import SYSTEM_USER_ID, Office, OfficeSetting, SupportType, User
from frontera_desk.domain.cfdi import valid_rfc
from frontera_desk.domain.enums import LimitPeriod, LimitScope, Role
from frontera_desk.domain.errors import FronteraError, ValidationError
from frontera_desk.domain.text import checked, clean
from frontera_desk.services import audit
from frontera_desk.services.permissions import Action, Actor, require

_CODE = re.compile(r"^[A-Z]{2,6}$")


@dataclass(frozen=True)
class OfficeInfo:
    code: str
    name: str
    is_hq: bool
    is_demo: bool


@dataclass(frozen=True)
class SupportTypeSeed:
    code: str
    name: str
    ceiling_pesos: int | None = None
    limit: tuple[int, LimitScope, LimitPeriod] | None = None
    documents: str = ""


_ID = "Identificación o constancia de la persona beneficiaria"
SUPPORT_TYPE_SEEDS = (
    SupportTypeSeed(
        "FUNERAL", "Pago de servicios funerarios", 30_000,
        documents=f"Certificado o acta de defunción\nCotización de la funeraria\n{_ID}",
    ),
    SupportTypeSeed(
        "MED_PROTESIS", "Apoyo médico: prótesis", 25_000,
        documents=f"Prescripción médica\nCotización del proveedor\n{_ID}",
    ),
    SupportTypeSeed(
        "MED_ESTUDIOS", "Apoyo médico: estudio radiológico o ultrasonido", 6_000,
        documents=f"Orden médica del estudio\n{_ID}",
    ),
    SupportTypeSeed(
        "MED_MEDICAMENTOS", "Apoyo médico: medicamentos", 4_000,
        limit=(2, LimitScope.PERSON, LimitPeriod.MONTH),
        documents=f"Receta médica vigente\n{_ID}",
    ),
    SupportTypeSeed(
        "MED_CONSULTA", "Apoyo médico: consulta", 1_500,
        limit=(2, LimitScope.PERSON, LimitPeriod.MONTH), documents=_ID,
    ),
    SupportTypeSeed(
        "DESPENSA", "Despensa", 1_500,
        limit=(1, LimitScope.HOUSEHOLD, LimitPeriod.MONTH), documents=_ID,
    ),
    SupportTypeSeed(
        "AGUA", "Agua embotellada", 600,
        limit=(4, LimitScope.HOUSEHOLD, LimitPeriod.MONTH), documents=_ID,
    ),
    SupportTypeSeed(
        "ELECTRODOMESTICO", "Compra o reparación de aparato electrodoméstico", 9_000,
        limit=(1, LimitScope.HOUSEHOLD, LimitPeriod.YEAR),
        documents=f"Cotización del proveedor\n{_ID}",
    ),
    SupportTypeSeed(
        "EQUIPO_COMPUTO", "Reparación de equipo informático", 6_000,
        limit=(1, LimitScope.PERSON, LimitPeriod.YEAR),
        documents=f"Diagnóstico y cotización del taller\n{_ID}",
    ),
    SupportTypeSeed("TRANSPORTE", "Transporte", 3_500, documents=f"Cotización o boleto\n{_ID}"),
    SupportTypeSeed(
        "HOSPEDAJE", "Hospedaje", 4_000,
        limit=(1, LimitScope.HOUSEHOLD, LimitPeriod.MONTH), documents=_ID,
    ),
    SupportTypeSeed("OTRO", "Otro apoyo", None, documents=_ID),
)  # fmt: skip


def get_office(session: Session) -> OfficeInfo | None:
    office = session.scalars(select(Office)).first()
    if office is None:
        return None
    return OfficeInfo(office.code, office.name, office.is_hq, office.is_demo)


def initialize_office(
    session: Session, code: str, name: str, *, is_hq: bool = False, is_demo: bool = False
) -> OfficeInfo:
    """Set up an empty database: the office, the built-in user and the support catalog."""
    code = clean(code).upper()
    name = clean(name)
    if not _CODE.match(code):
        raise ValidationError(
            "code", "Clave de oficina: de 2 a 6 letras sin acentos, por ejemplo TAP."
        )
    if not name or len(name) > 200:
        raise ValidationError("name", "Nombre de la oficina: obligatorio, hasta 200 caracteres.")
    if get_office(session) is not None:
        raise FronteraError("Esta base de datos ya tiene una oficina configurada.")
    session.add(Office(code=code, name=name, is_hq=is_hq, is_demo=is_demo))
    system = User(username="sistema", full_name="Usuario del sistema", role=Role.SYSTEM.value)
    session.add(system)
    session.flush()  # the first user of an empty database: its key is SYSTEM_USER_ID
    if system.id != SYSTEM_USER_ID:
        raise FronteraError("La base de datos no está vacía: ya tiene usuarios.")
    for order, seed in enumerate(SUPPORT_TYPE_SEEDS):
        count, scope, period = seed.limit or (None, None, None)
        session.add(
            SupportType(
                office_code=code,
                code=seed.code,
                name=seed.name,
                ceiling_centavos=None if seed.ceiling_pesos is None else seed.ceiling_pesos * 100,
                limit_count=count,
                limit_scope=scope,
                limit_period=period,
                required_documents=seed.documents,
                sort_order=order,
            )
        )
    session.flush()
    return OfficeInfo(code, name, is_hq, is_demo)


DEFAULT_PRIVACY_NOTICE = (
    "AVISO DE PRIVACIDAD SIMPLIFICADO. La oficina de atención a personas migrantes es responsable "
    "del tratamiento de los datos personales que usted proporciona, incluidos datos sensibles "
    "sobre su salud, su situación migratoria y de violencia, que se usarán únicamente para "
    "otorgarle apoyos y asistencia, integrar su expediente y elaborar estadísticas sin datos que "
    "la identifiquen. Sus datos no se comparten con autoridades migratorias ni con terceros, salvo "
    "obligación legal. Puede ejercer sus derechos de acceso, rectificación, cancelación y "
    "oposición (ARCO) en esta misma oficina."
)


DEFAULT_RECEIPT_LEGEND = (
    "Este programa es público, ajeno a cualquier partido político. Queda prohibido el uso para "
    "fines distintos a los establecidos en el programa."
)
DEFAULT_RECEIPT_PRIVACY = (
    "Sus datos personales se tratan conforme al aviso de privacidad de esta oficina, que puede "
    "consultar en ella; puede ejercer sus derechos ARCO en la misma oficina."
)


@dataclass(frozen=True)
class OfficeSettings:
    privacy_notice: str = DEFAULT_PRIVACY_NOTICE
    retention_years: int = 5  # people with no activity this long are listed for anonymization
    idle_lock_minutes: int = 10  # the window hides personal data after this long untouched
    receipt_address: str = ""  # printed under the office name on receipts
    receipt_place: str = ""  # where receipts and certificates are issued; asked at set-up
    receipt_legend: str = DEFAULT_RECEIPT_LEGEND
    receipt_privacy_legend: str = DEFAULT_RECEIPT_PRIVACY
    receipt_two_copies: bool = True  # original and copy on one letter sheet
    office_rfc: str = ""  # the receiver RFC that providers' invoices (CFDI) must carry
    # Attachments (services/attachments.py): per file, and per support (its receipts' included)
    attachment_max_mb: int = 20
    attachments_per_support: int = 30
    attachments_support_mb: int = 100
    # The institutional header of receipts and certificates, and who signs certificates
    header_government: str = ""  # "Gobierno del Estado de Chiapas"
    header_unit: str = ""  # the secretariat or unit the office belongs to
    certificate_signer: str = ""  # default signer of certificates (changeable per activity)
    certificate_signer_title: str = ""


def get_settings(session: Session) -> OfficeSettings:
    stored = {s.key: s.value for s in session.scalars(select(OfficeSetting))}
    defaults = OfficeSettings()
    return OfficeSettings(
        privacy_notice=stored.get("privacy_notice", defaults.privacy_notice),
        retention_years=int(stored.get("retention_years", defaults.retention_years)),
        idle_lock_minutes=int(stored.get("idle_lock_minutes", defaults.idle_lock_minutes)),
        receipt_address=stored.get("receipt_address", defaults.receipt_address),
        receipt_place=stored.get("receipt_place", defaults.receipt_place),
        receipt_legend=stored.get("receipt_legend", defaults.receipt_legend),
        receipt_privacy_legend=stored.get(
            "receipt_privacy_legend", defaults.receipt_privacy_legend
        ),
        receipt_two_copies=stored.get("receipt_two_copies", "1") == "1",
        office_rfc=stored.get("office_rfc", defaults.office_rfc),
        attachment_max_mb=int(stored.get("attachment_max_mb", defaults.attachment_max_mb)),
        attachments_per_support=int(
            stored.get("attachments_per_support", defaults.attachments_per_support)
        ),
        attachments_support_mb=int(
            stored.get("attachments_support_mb", defaults.attachments_support_mb)
        ),
        header_government=stored.get("header_government", ""),
        header_unit=stored.get("header_unit", ""),
        certificate_signer=stored.get("certificate_signer", ""),
        certificate_signer_title=stored.get("certificate_signer_title", ""),
    )


def _stored(settings: OfficeSettings) -> dict[str, str]:
    """The settings as the text kept in the office_settings table."""
    return {
        "privacy_notice": settings.privacy_notice,
        "retention_years": str(settings.retention_years),
        "idle_lock_minutes": str(settings.idle_lock_minutes),
        "receipt_address": settings.receipt_address,
        "receipt_place": settings.receipt_place,
        "receipt_legend": settings.receipt_legend,
        "receipt_privacy_legend": settings.receipt_privacy_legend,
        "receipt_two_copies": "1" if settings.receipt_two_copies else "0",
        "office_rfc": settings.office_rfc,
        "attachment_max_mb": str(settings.attachment_max_mb),
        "attachments_per_support": str(settings.attachments_per_support),
        "attachments_support_mb": str(settings.attachments_support_mb),
        "header_government": settings.header_government,
        "header_unit": settings.header_unit,
        "certificate_signer": settings.certificate_signer,
        "certificate_signer_title": settings.certificate_signer_title,
    }


_LIMITS = {
    "receipt_address": (300, "Domicilio de la oficina"),
    "receipt_place": (100, "Lugar de expedición"),
    "receipt_legend": (600, "Leyenda del programa"),
    "receipt_privacy_legend": (600, "Leyenda de privacidad"),
    "header_government": (200, "Gobierno (encabezado)"),
    "header_unit": (200, "Dependencia o unidad (encabezado)"),
    "certificate_signer": (200, "Firma de las constancias: nombre"),
    "certificate_signer_title": (200, "Firma de las constancias: cargo"),
}


def update_settings(session: Session, actor: Actor, new: OfficeSettings) -> OfficeSettings:
    require(actor, Action.MANAGE_SETTINGS)
    values = {key: clean(value) if key in _LIMITS else value for key, value in _stored(new).items()}
    values["privacy_notice"] = new.privacy_notice.strip()
    if not 50 <= len(values["privacy_notice"]) <= 5000:
        raise ValidationError("privacy_notice", "Aviso de privacidad: de 50 a 5,000 caracteres.")
    if not 1 <= new.retention_years <= 50:
        raise ValidationError("retention_years", "Años de conservación: entre 1 y 50.")
    if not 1 <= new.idle_lock_minutes <= 240:
        raise ValidationError("idle_lock_minutes", "Bloqueo por inactividad: de 1 a 240 minutos.")
    if not 1 <= new.attachment_max_mb <= 50:
        raise ValidationError("attachment_max_mb", "Tamaño máximo por adjunto: de 1 a 50 MB.")
    if not 1 <= new.attachments_per_support <= 200:
        raise ValidationError("attachments_per_support", "Adjuntos por apoyo: de 1 a 200.")
    if not new.attachment_max_mb <= new.attachments_support_mb <= 1000:
        raise ValidationError(
            "attachments_support_mb",
            "Tamaño total de adjuntos por apoyo: del máximo por adjunto a 1,000 MB.",
        )
    for key, (limit, label) in _LIMITS.items():
        if len(values[key]) > limit:
            raise ValidationError(key, f"{label}: hasta {limit} caracteres.")
    if values["office_rfc"].strip():
        try:
            values["office_rfc"] = valid_rfc(values["office_rfc"], "de la oficina")
        except FronteraError as error:
            raise ValidationError("office_rfc", str(error)) from None
    old = _stored(get_settings(session))
    for key, value in values.items():
        session.merge(OfficeSetting(key=key, value=value))
    changed = {k: [old[k], v] for k, v in values.items() if old[k] != v}
    if changed:
        audit.record(session, actor, "configurar", "oficina", None, changed)
    return get_settings(session)


LOGO_KEY = "receipt_logo"
MAX_LOGO_BYTES = 300_000


def get_logo(session: Session) -> bytes | None:
    """The office logo printed on receipts (PNG or JPEG), kept in the database so that it
    travels with every backup."""
    stored = session.get(OfficeSetting, LOGO_KEY)
    return base64.b64decode(stored.value) if stored and stored.value else None


def set_logo(session: Session, actor: Actor, image: bytes | None) -> None:
    require(actor, Action.MANAGE_SETTINGS)
    if image is not None:
        if len(image) > MAX_LOGO_BYTES:
            raise ValidationError("logo", "Logotipo: la imagen debe pesar menos de 300 KB.")
        if not (image.startswith(b"\x89PNG\r\n\x1a\n") or image.startswith(b"\xff\xd8\xff")):
            raise ValidationError("logo", "Logotipo: use una imagen PNG o JPEG.")
    value = base64.b64encode(image).decode("ascii") if image else ""
    session.merge(OfficeSetting(key=LOGO_KEY, value=value))
    audit.record(session, actor, "configurar", "oficina", None,
                 {"logotipo": "cambiado" if image else "quitado"})  # fmt: skip


@dataclass(frozen=True)
class ProgramLine:
    """A support type with the program that pays it and its budget line (partida)."""

    support_type_id: int
    code: str
    name: str
    program_name: str
    budget_line: str


def program_lines(session: Session) -> list[ProgramLine]:
    types = session.scalars(select(SupportType).order_by(SupportType.sort_order, SupportType.id))
    return [ProgramLine(t.id, t.code, t.name, t.program_name or "", t.budget_line or "")
            for t in types]  # fmt: skip


def set_program_lines(
    session: Session, actor: Actor, lines: dict[int, tuple[str, str]]
) -> list[ProgramLine]:
    """Set each support type's program name and budget line (``{type id: (program, line)}``);
    printed on every receipt of the type from then on, reprints included."""
    require(actor, Action.MANAGE_SETTINGS)
    changed = {}
    for type_id, (program, line) in lines.items():
        support_type = session.get(SupportType, type_id)
        if support_type is None:
            raise ValidationError("support_type_id", "Tipo de apoyo: no existe en el catálogo.")
        program = checked(program, "program_name", f"Programa de «{support_type.name}»", 200)
        line = checked(line, "budget_line", f"Partida de «{support_type.name}»", 60)
        before = (support_type.program_name or "", support_type.budget_line or "")
        if before != (program, line):
            changed[support_type.code] = [list(before), [program, line]]
            support_type.program_name, support_type.budget_line = program or None, line or None
    if changed:
        audit.record(session, actor, "configurar", "programas", None, changed)
    return program_lines(session)
