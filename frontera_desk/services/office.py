"""The office this installation belongs to, its built-in user and its indispensable catalogs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontera_desk.db.models import SYSTEM_USER_ID, Office, SupportType, User
from frontera_desk.domain.enums import LimitPeriod, LimitScope, Role
from frontera_desk.domain.errors import FronteraError, ValidationError
from frontera_desk.domain.text import clean

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
    session.add(
        User(
            id=SYSTEM_USER_ID,
            username="sistema",
            full_name="Usuario del sistema",
            role=Role.SYSTEM.value,
        )
    )
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
