"""The year's report laid out as titled tables, once, for the PDF, the workbook and the DOCX."""

from __future__ import annotations

from typing import Any

from frontera_desk.domain.countries import country_name
from frontera_desk.domain.enums import (
    ACTION_ES,
    ACTIVITY_ES,
    AGREEMENT_KIND_ES,
    AUDIENCE_ES,
    SEX_ES,
    ActionKind,
    ActivityKind,
    AgreementKind,
    Audience,
    Sex,
)
from frontera_desk.reports.summary_tables import (
    GE_NOTE,
    SUPPRESSED_NOTE,
    Cell,
    Money,
    Ratio,
    Section,
    _label,
)
from frontera_desk.services.year_report import OfficeYear, YearReport, month_list

PEOPLE_NOTE = (
    "Personas beneficiadas: cada persona una vez en el año, ya sea que recibió un apoyo, figura "
    "en la lista de asistencia de una actividad o es beneficiaria nombrada de un convenio "
    "firmado en el año; extranjeras son las de nacionalidad distinta de la mexicana. Los "
    "asistentes contados sin lista no tienen nacionalidad y se informan aparte."
)
HQ_PEOPLE_NOTE = (
    "En el consolidado, cada oficina cuenta a sus personas: quien fue atendido por dos oficinas "
    "cuenta dos veces."
)


def title(report: YearReport) -> str:
    kind = "INFORME ANUAL CONSOLIDADO" if report.scope == "consolidado" else "INFORME ANUAL"
    return f"{kind} {report.year}"


def status_line(report: YearReport) -> str:
    """PRELIMINAR and why, or what the figures are."""
    total = report.total
    if report.scope == "oficina":
        if not report.preliminary:
            return f"AÑO CERRADO — {len(total.months)} meses con registros, todos cerrados"
        why = []
        if total.open_months:
            why.append(f"meses abiertos: {month_list(total.open_months)}")
        if not report.year_over:
            why.append("el año aún no termina")
        return "PRELIMINAR — " + "; ".join(why) + "; las cifras pueden cambiar"
    if not report.preliminary:
        return f"CONSOLIDADO — {len(report.offices)} oficinas, todos los meses recibidos"
    why = [f"faltan {sum(len(m) for _, _, m in report.missing)} meses de oficinas"] if (
        report.missing) else []  # fmt: skip
    if not report.year_over:
        why.append("el año aún no termina")
    return "PRELIMINAR — " + "; ".join(why)


def _breakdown(values: dict[str, Any], name: Any) -> tuple[tuple[Cell, ...], ...]:
    return tuple((name(k), v) for k, v in values.items())


def _ratio(part: int, whole: int) -> Ratio:
    return Ratio(part / whole if whole else None)


def _kind(code: str) -> str:
    return _label(ACTIVITY_ES, ActivityKind, code).capitalize()


def _audiences(codes: tuple[str, ...]) -> str:
    return ", ".join(_label(AUDIENCE_ES, Audience, c) for c in codes) or "—"


def _day(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def sections(report: YearReport) -> list[Section]:
    t = report.total
    hq = report.scope == "consolidado"
    office_col = hq and len(report.offices) > 1
    p = t.people
    concepts = tuple(
        (line.name, c.concept, c.supports, Money(c.amount_centavos))
        for line in t.by_type for c in line.concepts
    )  # fmt: skip
    old = (
        f" Los meses de {month_list(t.old_schema_months)} llegaron con el esquema anterior "
        "(solo cifras): sus conceptos, actividades y convenios no se nombran aquí."
        if t.old_schema_months else ""
    )  # fmt: skip
    out = [
        Section("Inversión", "Inversión del año", ("Concepto", "Importe"), (
            ("Apoyos entregados", Money(t.amount_centavos)),
            ("Ministraciones de convenios", Money(t.disbursed_centavos)),
            ("Inversión total", Money(t.investment_centavos)),
        )),
        Section("Apoyos", "Apoyos entregados por tipo",
                ("Tipo de apoyo", "Apoyos", "Importe", "Personas"),
                tuple((line.name, line.supports, Money(line.amount_centavos), line.people)
                      for line in t.by_type)
                + (("Total", t.supports, Money(t.amount_centavos), p.support_people),),
                chart=2, note="Personas: cada persona una vez por tipo en el año."),
        Section("Conceptos", "Conceptos otorgados dentro de cada tipo",
                ("Tipo", "Concepto", "Apoyos", "Importe"), concepts,
                widths=(0.24, 0.48, 0.1, 0.18), note=old.strip(),
                empty="Sin conceptos registrados en el año." + old),
        Section("Personas", "Personas beneficiadas", ("Grupo", "Personas"), (
            ("Personas migrantes extranjeras", p.foreign),
            ("Personas mexicanas", p.mexican),
            ("Sin nacionalidad registrada", p.unknown),
            ("Total de personas beneficiadas", p.total),
            ("De ellas, con apoyo entregado", p.support_people),
            ("Asistentes contados sin lista (aparte)", p.counted_attendees),
        ) if p.complete else (
            ("Personas con apoyo entregado (esquema anterior, sin desglose)", p.support_people),
        ), note=PEOPLE_NOTE + (" " + HQ_PEOPLE_NOTE if hq else "")),
        Section("Sexo", "Personas beneficiadas por sexo", ("Sexo", "Personas"),
                _breakdown(p.by_sex, lambda k: _label(SEX_ES, Sex, k)), chart=1,
                note=SUPPRESSED_NOTE),
        Section("Edad", "Personas beneficiadas por grupo de edad", ("Grupo de edad", "Personas"),
                _breakdown(p.by_age_band, lambda k: f"{k} años"), chart=1),
        Section("Nacionalidad", "Personas beneficiadas por nacionalidad",
                ("Nacionalidad", "Personas"),
                _breakdown(p.by_nationality,
                           lambda k: "No especificada" if k == "--" else country_name(k))),
        Section("Convenios", "Convenios firmados en el año",
                (*(("Clave",) if office_col else ()), "Convenio y objeto", "Contrapartes",
                 "Tipo, municipio y firma", "Monto", "Ministrado en el año", "Saldo al cierre"),
                tuple((*((a.office_code,) if office_col else ()),
                       a.title + (f"\n{a.purpose}" if a.purpose else ""),
                       "\n".join(a.counterparts) or "—",
                       f"{_label(AGREEMENT_KIND_ES, AgreementKind, a.kind)}\n"
                       f"{a.municipality or '—'}\n{_day(a.signed_on)}",
                       Money(a.committed_centavos), Money(a.disbursed_centavos),
                       Money(a.balance_centavos)) for a in t.agreements),
                widths=((0.07,) if office_col else ()) + (
                    (0.19, 0.18, 0.14, 0.14, 0.14, 0.14) if office_col
                    else (0.24, 0.2, 0.14, 0.14, 0.14, 0.14)),
                empty="Sin convenios firmados en el año." + old),
        Section("Ministraciones", "Convenios: ministraciones y saldos", ("Concepto", "Valor"), (
            ("Convenios firmados en el año", t.agreements_signed),
            ("Ministraciones pagadas en el año", t.disbursements),
            ("Importe ministrado en el año", Money(t.disbursed_centavos)),
            ("Convenios vigentes al cierre", t.agreements_in_force),
            ("Saldo por ministrar de los vigentes al cierre", Money(t.balance_in_force_centavos)),
        )),
        Section("Actividades", "Talleres, cursos y eventos realizados",
                ("Tipo", "Realizados", "Asistentes"),
                tuple((_kind(k), n, a) for k, (n, a) in t.activities_by_kind.items()), chart=1),
        Section("Lista de actividades", "Talleres, cursos y eventos: título, tema y municipio",
                (*(("Clave",) if office_col else ()), "Fecha", "Tipo", "Título y tema",
                 "Municipio", "Públicos", "Asistentes"),
                tuple((*((a.office_code,) if office_col else ()), _day(a.held_on), _kind(a.kind),
                       a.title + (f"\nTema: {a.topic}" if a.topic else ""),
                       a.municipality or "—", _audiences(a.audiences), a.attendees)
                      for a in t.activities),
                widths=((0.07,) if office_col else ()) + (
                    (0.11, 0.08, 0.32, 0.13, 0.17, 0.12) if office_col
                    else (0.11, 0.08, 0.39, 0.14, 0.16, 0.12)),
                empty="Sin actividades en el año." + old),
        Section("Acciones", "Acciones de vinculación y difusión por tipo",
                ("Tipo", "Acciones", "Piezas de material"),
                tuple((_label(ACTION_ES, ActionKind, k), n, q)
                      for k, (n, q) in t.actions_by_kind.items() if n),
                empty="Sin acciones de vinculación y difusión en el año." + old),
        Section("Lista de acciones", "Acciones de vinculación y difusión: título y contrapartes",
                (*(("Clave",) if office_col else ()), "Fecha", "Tipo", "Título",
                 "Contrapartes", "Municipio", "Cantidad"),
                tuple((*((a.office_code,) if office_col else ()), _day(a.done_on),
                       _label(ACTION_ES, ActionKind, a.kind), a.title,
                       "\n".join(a.counterparts) or "—", a.municipality or "—",
                       a.quantity if a.quantity is not None else "—")
                      for a in t.actions),
                widths=((0.07,) if office_col else ()) + (
                    (0.11, 0.14, 0.28, 0.19, 0.11, 0.1) if office_col
                    else (0.11, 0.15, 0.33, 0.2, 0.11, 0.1)),
                empty="Sin acciones de vinculación y difusión en el año." + old),
        Section("Presupuesto", "Presupuesto anual y ejercido",
                ("Partida", "Presupuesto", "Ejercido", "Avance"),
                tuple((("Apoyo: " if b.category == "tipo_apoyo" else "Fuente: ") + b.name,
                       Money(b.budget_centavos), Money(b.spent_centavos),
                       _ratio(b.spent_centavos, b.budget_centavos)) for b in t.budget),
                empty="No se fijó presupuesto para el año."),
        Section("Metas", "Metas anuales y resultados",
                ("Indicador", "Meta", "Logrado", "Avance"),
                tuple((g.name, *((Money(g.target), Money(g.achieved)) if g.indicator == "monto"
                                 else (g.target, g.achieved)),
                       _ratio(g.achieved, g.target)) for g in t.targets),
                empty="No se fijaron metas para el año."),
    ]  # fmt: skip
    if hq:
        out += _offices(report)
    return out


def _offices(report: YearReport) -> list[Section]:
    def row(o: OfficeYear) -> tuple[Cell, ...]:
        return (o.code, o.name, month_list(o.months) if len(o.months) < 12 else "los 12",
                o.supports, Money(o.amount_centavos), o.people.total, o.people.foreign,
                Money(o.investment_centavos))  # fmt: skip

    t = report.total
    has_ge = "≥" in repr(t.people)
    return [
        Section("Oficinas", "Desglose por oficina",
                ("Clave", "Oficina", "Meses recibidos", "Apoyos", "Importe", "Personas",
                 "Extranjeras", "Inversión"),
                tuple(row(o) for o in report.offices)
                + (("Total", f"{len(report.offices)} oficinas", "", t.supports,
                    Money(t.amount_centavos), t.people.total, t.people.foreign,
                    Money(t.investment_centavos)),),
                widths=tuple(w / 510 for w in (36, 92, 80, 44, 74, 50, 60, 74)),
                note=HQ_PEOPLE_NOTE + (" " + GE_NOTE if has_ge else "")),
        Section("Faltantes", "Meses de oficinas no recibidos", ("Clave", "Oficina", "Meses"),
                tuple((code, name, month_list(m)) for code, name, m in report.missing),
                empty="Se recibieron todos los meses de todas las oficinas inscritas.",
                widths=(0.12, 0.38, 0.5)),
    ]  # fmt: skip
