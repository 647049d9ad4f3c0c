"""The monthly summary document laid out as titled tables, once, for both the PDF and the XLSX.

Cells are plain text, whole counts (``int``), :class:`Money` or :class:`Ratio`; each output
formats them its own way, so the PDF and the workbook always carry the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from frontera_desk.domain.countries import country_name
from frontera_desk.domain.enums import (
    ACTION_ES,
    ACTIVITY_ES,
    AUDIENCE_ES,
    SEX_ES,
    VULNERABILITY_ES,
    ActionKind,
    ActivityKind,
    Audience,
    Sex,
    Vulnerability,
)
from frontera_desk.services.months import month_name


@dataclass(frozen=True)
class Money:
    centavos: int


@dataclass(frozen=True)
class Ratio:
    value: float | None  # None: no base to compare with


Cell = str | int | Money | Ratio


@dataclass(frozen=True)
class Section:
    key: str  # the sheet's name in the workbook
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    chart: int | None = None  # the column drawn as bars in the PDF, if any
    empty: str = "Sin registros en el periodo."
    widths: tuple[float, ...] | None = None  # each column's share of the width; texts wrap
    note: str = ""  # printed under the table (and under it in the workbook)


def period_title(document: dict[str, Any]) -> str:
    year, month = (int(x) for x in document["period"].split("-"))
    return month_name(year, month)


PRELIMINARY_LINE = "PRELIMINAR — mes abierto; las cifras pueden cambiar"
SUPPRESSED_NOTE = (  # what summary_json.suppressed hides, said where the figures are printed
    "Las cifras de 1 a 4 se muestran como <5 en los desgloses de personas por sexo, grupo de "
    "edad, nacionalidad y vulnerabilidad, y de asistentes por sexo y por público; los totales "
    "no se ocultan."
)


def _when(iso: str) -> str:
    """An ISO 8601 UTC time as it reads on paper: 01/12/2026 18:05 UTC."""
    day, _, clock = iso.partition("T")
    year, month, dom = day.split("-")
    return f"{dom}/{month}/{year} {clock[:5]} UTC"


def status_line(document: dict[str, Any]) -> str:
    """What the document is: a draft of an open month, a closed month's revision, or
    headquarters' consolidation — said in every output's header."""
    estado = document.get("estado")
    if estado == "preliminar":
        return PRELIMINARY_LINE
    if estado == "cerrado":
        closed = document.get("closed") or {}
        by = f" por {closed['by']}" if closed.get("by") else ""
        return (f"MES CERRADO — revisión {document['revision']}, cerrado el "
                f"{_when(closed.get('at') or document['generated_at'])}{by}")  # fmt: skip
    return f"Revisión {document['revision']} · generado {_when(document['generated_at'])}"


def is_preliminary(document: dict[str, Any]) -> bool:
    return document.get("estado") == "preliminar"


def _ratio(part: int, whole: int) -> Ratio:
    return Ratio(part / whole if whole else None)


def _label(labels: dict[Any, str], kind: Any, code: str) -> str:
    try:
        return labels[kind(code)]
    except ValueError:
        return code


def _breakdown(values: dict[str, int | str], name: Any) -> tuple[tuple[Cell, ...], ...]:
    return tuple((name(k), v) for k, v in values.items())


def sections(document: dict[str, Any]) -> list[Section]:
    s, people, deals = document["supports"], document["people"], document["agreements"]
    acts, ytd = document["activities"], document["year_to_date"]
    out = [
        Section("Apoyos", "Apoyos entregados por tipo",
                ("Tipo de apoyo", "Apoyos", "Importe", "Personas"),
                tuple((t["name"], t["count"], Money(t["amount_centavos"]), t["people"])
                      for t in s["by_type"])
                + (("Total", s["count"], Money(s["amount_centavos"]), s["people"]),),
                chart=2),
        Section("Sexo", "Personas atendidas por sexo", ("Sexo", "Personas"),
                _breakdown(people["by_sex"], lambda k: _label(SEX_ES, Sex, k)), chart=1),
        Section("Edad", "Personas atendidas por grupo de edad", ("Grupo de edad", "Personas"),
                _breakdown(people["by_age_band"], lambda k: f"{k} años"), chart=1),
        Section("Nacionalidad", "Personas atendidas por nacionalidad",
                ("Nacionalidad", "Personas"),
                _breakdown(people["by_nationality"],
                           lambda k: "No especificada" if k == "--" else country_name(k))),
        Section("Vulnerabilidad", "Personas atendidas por condición de vulnerabilidad",
                ("Condición", "Personas"),
                _breakdown(people["by_vulnerability"],
                           lambda k: _label(VULNERABILITY_ES, Vulnerability, k))),
        Section("Recibos", "Recibos", ("Concepto", "Valor"), (
            ("Recibos expedidos", document["receipts"]["issued"]),
            ("Recibos cancelados", document["receipts"]["voided"]),
            ("Primer folio", document["receipts"]["first_folio"] or "—"),
            ("Último folio", document["receipts"]["last_folio"] or "—"),
        )),
        Section("Convenios", "Convenios", ("Concepto", "Valor"), (
            ("Convenios firmados en el mes", deals["signed"]),
            ("Convenios vigentes", deals["in_force"]),
            ("Ministraciones pagadas en el mes", deals["disbursements"]),
            ("Importe ministrado en el mes", Money(deals["disbursed_centavos"])),
            ("Saldo por ministrar de los vigentes", Money(deals["balance_in_force_centavos"])),
        )),
        Section("Actividades", "Talleres, cursos y eventos",
                ("Tipo", "Realizados", "Asistentes"),
                tuple((_label(ACTIVITY_ES, ActivityKind, k).capitalize(), v["count"],
                       v["attendees"]) for k, v in acts["by_kind"].items()), chart=2),
        Section("Asistentes", "Asistentes por sexo y por público", ("Grupo", "Asistentes"),
                _breakdown(acts["attendees_by_sex"], lambda k: _label(SEX_ES, Sex, k))
                + _breakdown(acts["attendees_by_audience"],
                             lambda k: _label(AUDIENCE_ES, Audience, k))),
        *_actions(document),
        Section("Acumulado", f"Acumulado del año hasta {period_title(document)}",
                ("Concepto", "Valor"), (
            ("Apoyos entregados", ytd["supports"]),
            ("Importe de los apoyos", Money(ytd["amount_centavos"])),
            ("Personas beneficiadas", ytd["people"]),
            ("Convenios firmados", ytd["agreements_signed"]),
            ("Importe ministrado a convenios", Money(ytd["disbursed_centavos"])),
            ("Inversión total (apoyos y convenios)", Money(ytd["investment_centavos"])),
            ("Talleres", ytd["activities_taller"]),
            ("Cursos", ytd["activities_curso"]),
            ("Eventos", ytd["activities_evento"]),
            ("Asistentes", ytd["attendees"]),
        )),
        Section("Presupuesto", "Presupuesto anual y ejercido en el año",
                ("Partida", "Presupuesto", "Ejercido", "Avance"),
                tuple((("Apoyo: " if b["category"] == "tipo_apoyo" else "Fuente: ") + b["name"],
                       Money(b["budget_centavos"]), Money(b["spent_centavos"]),
                       _ratio(b["spent_centavos"], b["budget_centavos"]))
                      for b in document["budget"]),
                empty="No se ha fijado presupuesto para el año (Administración › Presupuesto "
                      "y metas)."),
        Section("Metas", "Metas anuales y avance en el año",
                ("Indicador", "Meta", "Logrado", "Avance"),
                tuple((t["name"], *((Money(t["target"]), Money(t["achieved"]))
                                    if t["indicator"] == "monto" else (t["target"], t["achieved"])),
                       _ratio(t["achieved"], t["target"])) for t in document["targets"]),
                empty="No se han fijado metas para el año (Administración › Presupuesto "
                      "y metas)."),
    ]  # fmt: skip
    if "offices" in document:
        out += _consolidated(document)
    return out


def _actions(document: dict[str, Any]) -> list[Section]:
    """The liaison and outreach actions by kind (none in a summary made before their catalog)."""
    if "actions" not in document:
        return []
    rows = tuple(
        (_label(ACTION_ES, ActionKind, k), v["count"], v["quantity"] or "—")
        for k, v in document["actions"]["by_kind"].items() if v["count"]
    )  # fmt: skip
    if rows:
        by_kind = document["actions"]["by_kind"].values()
        rows += (("Total", sum(v["count"] for v in by_kind),
                  sum(v["quantity"] for v in by_kind) or "—"),)  # fmt: skip
    return [Section("Acciones",
                    "Acciones de vinculación y difusión (aparte de talleres, cursos y eventos)",
                    ("Tipo de acción", "Realizadas", "Piezas de material"), rows,
                    empty="Sin acciones de vinculación y difusión en el periodo.")]  # fmt: skip


GE_NOTE = (
    "≥N: la suma incluye cifras de 1 a 4 que alguna oficina mostró como <5; el total real es N "
    "o más."
)
PEOPLE_NOTE = (
    "Personas: cada oficina cuenta a las personas que atendió; una persona que recibió apoyo de "
    "dos oficinas cuenta dos veces en la suma."
)


def _folios(first: str, last: str) -> str:
    if not first:
        return "—"
    return first if first == last else f"{first}\na {last}"  # one folio a line


def _consolidated(document: dict[str, Any]) -> list[Section]:
    """Headquarters' sections: each office's figures, and the enrolled offices that are
    missing."""
    offices = document["offices"]
    has_ge = "≥" in repr({k: v for k, v in document.items() if k != "narrative"})
    notes = [PEOPLE_NOTE] + ([GE_NOTE] if has_ge else [])
    missing = document.get("missing_offices", [])
    return [
        Section("Oficinas", "Desglose por oficina",
                ("Clave", "Oficina", "Revisión", "Folios del mes", "Apoyos", "Importe",
                 "Personas", "Inversión en el año"),
                tuple((o["code"], o["name"], o["revision"],
                       _folios(o.get("first_folio", ""), o.get("last_folio", "")), o["supports"],
                       Money(o["amount_centavos"]), o["people"], Money(o["investment_centavos"]))
                      for o in offices)
                + (("Total", f"{len(offices):,} oficinas", "", "",
                    sum(o["supports"] for o in offices),
                    Money(sum(o["amount_centavos"] for o in offices)),
                    sum(o["people"] for o in offices),
                    Money(sum(o["investment_centavos"] for o in offices))),),
                chart=5, widths=tuple(w / 510 for w in (36, 92, 48, 88, 44, 74, 50, 76)),
                note=" ".join(notes)),
        Section("Faltantes", "Oficinas inscritas que no han enviado el mes",
                ("Clave", "Oficina"),
                tuple((m["code"], m["name"]) for m in missing),
                empty="Todas las oficinas inscritas enviaron el paquete del mes.",
                widths=(0.15, 0.85)),
    ]  # fmt: skip
