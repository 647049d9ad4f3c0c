"""The lists on screen (Personas, Apoyos, Recibos) exported to XLSX as filtered and sorted:
supervisors only, audited as an export of personal data (issue 25)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from frontera_desk.domain.countries import country_name
from frontera_desk.domain.enums import SEX_ES, STATUS_ES, Sex
from frontera_desk.reports.lists_xlsx import DATE, MONEY, NUMBER, TEXT, write_list_xlsx
from frontera_desk.services import audit, people, receipts, supports
from frontera_desk.services.permissions import Action, Actor, require
from frontera_desk.services.supports import SupportFilter

BATCH = 1000
PRIVACY_LEGEND = (
    "Este archivo contiene datos personales de personas migrantes, tratados conforme al aviso "
    "de privacidad de la oficina. Úselo solo para el trabajo de la oficina: no lo comparta, no "
    "lo envíe por correo ni lo guarde en equipos o memorias ajenos a la oficina, y bórrelo "
    "cuando ya no lo necesite. La exportación quedó registrada en la bitácora."
)


@dataclass(frozen=True)
class Exported:
    path: Path
    rows: int


def _cover(session: Session, actor: Actor, title: str, described: str) -> list[str]:
    from frontera_desk.services.office import get_settings

    return [
        title,
        f"Oficina {actor.office_code}; exportado por {actor.full_name} el "
        f"{datetime.now():%d/%m/%Y %H:%M}.",
        f"Lista tal como estaba en pantalla: {described}.",
        "",
        "AVISO DE PRIVACIDAD",
        PRIVACY_LEGEND,
        "",
        get_settings(session).privacy_notice,
    ]


def _ids_in_order(session: Session, listing: object) -> Iterator[list[int]]:
    ids = list(session.scalars(listing.ids()))  # type: ignore[attr-defined]
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def _record(
    session: Session, actor: Actor, what: str, path: Path, count: int, described: str
) -> None:
    audit.record(
        session,
        actor,
        "exportar_datos_personales",
        "lista",
        None,
        {
            "lista": [None, what],
            "archivo": [None, path.name],
            "filas": [None, count],
            "filtro": [None, described],
        },
    )


def export_people(
    session: Session,
    actor: Actor,
    target: Path,
    query: str = "",
    sort: str = "name",
    descending: bool = False,
) -> Exported:
    require(actor, Action.EXPORT_LISTS)
    described = f"búsqueda «{query}»" if query else "todas las personas"
    described += f", orden {sort}{' descendente' if descending else ''}"
    listing = people.person_list(query, sort, descending)

    def rows() -> Iterator[list[object]]:
        for chunk in _ids_in_order(session, listing):
            found = people.fetch_rows(session, chunk)
            for pid in chunk:
                r = found[pid]
                yield [
                    r.id,
                    r.full_name,
                    SEX_ES.get(Sex(r.sex), r.sex) if r.sex else "",
                    r.birth_date,
                    r.age(),
                    "sí" if r.birth_date_estimated else "",
                    country_name(r.nationality),
                    r.document,
                    r.lodging,
                    r.created_on,
                ]

    columns = [
        ("Núm.", NUMBER, 8),
        ("Nombre", TEXT, 34),
        ("Sexo", TEXT, 12),
        ("Fecha de nacimiento", DATE, 14),
        ("Edad", NUMBER, 7),
        ("Edad estimada", TEXT, 9),
        ("Nacionalidad", TEXT, 18),
        ("Documento", TEXT, 30),
        ("Se aloja en", TEXT, 24),
        ("Registro", DATE, 12),
    ]
    count = write_list_xlsx(
        target, "Personas", _cover(session, actor, "Personas", described), columns, rows()
    )
    _record(session, actor, "personas", target, count, described)
    return Exported(target, count)


def export_supports(
    session: Session,
    actor: Actor,
    target: Path,
    f: SupportFilter | None = None,
    sort: str = "requested_on",
    descending: bool = True,
) -> Exported:
    require(actor, Action.EXPORT_LISTS)
    f = f or SupportFilter()
    parts = []
    if f.status is not None:
        parts.append(f"estado {STATUS_ES[f.status].lower()}")
    if f.month is not None:
        parts.append(f"mes {f.month[0]}-{f.month[1]:02d}")
    if f.support_type_id is not None:
        parts.append(f"tipo núm. {f.support_type_id}")
    if f.text:
        parts.append(f"texto «{f.text}»")
    described = (
        (", ".join(parts) or "todos los apoyos")
        + f", orden {sort}"
        + (" descendente" if descending else "")
    )
    listing = supports.support_list(f, sort, descending)

    def rows() -> Iterator[list[object]]:
        for chunk in _ids_in_order(session, listing):
            found = supports.fetch_rows(session, chunk)
            for sid in chunk:
                r = found[sid]
                yield [
                    r.id,
                    r.requested_on,
                    r.person_name,
                    r.type_name,
                    r.description,
                    r.amount_centavos,
                    STATUS_ES[r.status],
                    r.delivered_on,
                ]

    columns = [
        ("Núm.", NUMBER, 8),
        ("Solicitado", DATE, 12),
        ("Persona", TEXT, 32),
        ("Apoyo", TEXT, 24),
        ("Descripción", TEXT, 32),
        ("Importe", MONEY, 14),
        ("Estado", TEXT, 12),
        ("Entregado", DATE, 12),
    ]
    count = write_list_xlsx(
        target, "Apoyos", _cover(session, actor, "Apoyos", described), columns, rows()
    )
    _record(session, actor, "apoyos", target, count, described)
    return Exported(target, count)


def export_receipts(
    session: Session, actor: Actor, target: Path, text: str = "", on: date | None = None
) -> Exported:
    require(actor, Action.EXPORT_LISTS)
    described = (
        ", ".join(
            filter(None, [f"búsqueda «{text}»" if text else "", f"día {on:%d/%m/%Y}" if on else ""])
        )
        or "todos"
    )
    described += ", los más recientes primero"
    found = receipts.find(session, text, on)
    columns = [
        ("Folio", TEXT, 20),
        ("Fecha", DATE, 12),
        ("Persona", TEXT, 32),
        ("Concepto", TEXT, 30),
        ("Importe", MONEY, 14),
        ("Cancelado", TEXT, 10),
    ]
    rows = (
        [
            r.folio,
            r.issued_on,
            r.beneficiary,
            r.concept,
            r.amount_centavos,
            "CANCELADO" if r.voided else "",
        ]
        for r in found
    )
    count = write_list_xlsx(
        target, "Recibos", _cover(session, actor, "Recibos", described), columns, rows
    )
    _record(session, actor, "recibos", target, count, described)
    return Exported(target, count)
