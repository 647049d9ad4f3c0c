"""The year report's text, by program line, in the register of the state's annual report:
"Se otorgaron 16 apoyos consistentes en …", "se realizaron seis eventos …, como «…»",
"se invirtieron 12.3 millones de pesos". Only the figures and names of the report go in; every
number, plural, list and amount is worded by ``domain/wording``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from frontera_desk.domain import wording as w
from frontera_desk.domain.enums import AUDIENCE_ES, ActionKind, Audience
from frontera_desk.services.year_report import (
    ActionYear,
    OfficeYear,
    Paragraph,
    YearReport,
    month_list,
)

MOST_NAMED = 12  # the text names up to this many titles ("…, entre otros"); the tables list all

DIAGNOSTICO = w.Noun("diagnóstico")
PROMOCIONAL = w.Noun("promocional", plural_form="promocionales")
PIEZA = w.Noun("pieza", "f")
ATENCION = w.Noun("atención de invitados especiales y/o diplomáticos", "f",
                  "atenciones de invitados especiales y/o diplomáticos")  # fmt: skip
ACERCAMIENTO = w.Noun("acercamiento")
ENLACE = w.Noun("enlace")
REUNION_V = w.Noun("reunión de vinculación", "f")
REUNION_S = w.Noun("reunión de seguimiento a proyectos de cooperación", "f")
PROYECTO = w.Noun("proyecto")
MECANISMO = w.Noun("mecanismo municipal", plural_form="mecanismos municipales")
PERSONA_MEXICANA = w.Noun("persona mexicana", "f")


def _titles(titles: Iterable[str]) -> str:
    named = list(dict.fromkeys(" ".join(t.split()) for t in titles if t.strip()))
    return w.quoted(named[:MOST_NAMED], more=len(named) > MOST_NAMED)


def _places(places: Iterable[str]) -> tuple[int, str]:
    """The municipalities, the most frequent first, and how many."""
    ordered = [m for m, _ in Counter(p for p in places if p).most_common()]
    return len(ordered), w.join(ordered)


def _in_places(places: Iterable[str]) -> str:
    n, names = _places(places)
    if not n:
        return ""
    return f"{'el municipio' if n == 1 else 'los municipios'} de {names}"


def _audiences(codes: Iterable[str]) -> str:
    names = []
    for code in dict.fromkeys(codes):
        try:
            names.append(AUDIENCE_ES[Audience(code)].lower())
        except ValueError:
            names.append(code)
    return w.join(names)


def _counterparts(items: Iterable[ActionYear]) -> str:
    return w.join(dict.fromkeys(c for a in items for c in a.counterparts))


def _of(t: OfficeYear, kind: ActionKind) -> list[ActionYear]:
    return [a for a in t.actions if a.kind == kind.value]


def _n(t: OfficeYear, kind: ActionKind) -> int:
    return t.actions_by_kind.get(kind.value, (0, 0))[0]


# --- program lines -----------------------------------------------------------------------------


def _supports(t: OfficeYear) -> str:
    if not t.supports:
        return "no se otorgaron apoyos en el año"
    given = sorted(
        (c for line in t.by_type for c in line.concepts), key=lambda c: -c.amount_centavos
    )  # the largest sums first
    concepts = [c.concept for c in given if c.concept and "omitido" not in c.concept]
    concepts = [c[0].lower() + c[1:] for c in dict.fromkeys(concepts)]
    if not concepts:  # schema 1: the types, not what was given within them
        concepts = [line.name.lower() for line in t.by_type]
    listed = w.join(concepts[:MOST_NAMED])
    if len(concepts) > MOST_NAMED:
        listed = ", ".join(concepts[:MOST_NAMED]) + ", entre otros"
    consisting = "consistente" if t.supports == 1 else "consistentes"
    return (f"{w.verb(t.supports, 'se otorgó', 'se otorgaron')} {w.count(t.supports, w.APOYO)} "
            f"{consisting} en {listed}; para la atención y protección a migrantes, por "
            f"{w.pesos(t.amount_centavos)}")  # fmt: skip


def _events(t: OfficeYear) -> str:
    n = t.activities_by_kind.get("evento", (0, 0))[0]
    if not n:
        return ""
    held = [a for a in t.activities if a.kind == "evento"]
    where = _in_places(a.municipality for a in held)
    text = (f"{'en ' + where + ', ' if where else ''}{w.verb(n, 'se realizó', 'se realizaron')} "
            f"{w.count(n, w.EVENTO)} para difundir y sensibilizar en materia "
            "migratoria")  # fmt: skip
    titles = _titles(a.title for a in held)
    return text + (f", como {titles}" if titles else "")


def _agreements(t: OfficeYear) -> str:
    n = t.agreements_signed
    if not n:
        return ""
    text = (f"{w.verb(n, 'se llevó', 'se llevaron')} a cabo la concertación y firma de "
            f"{w.count(n, w.CONVENIO)} de colaboración y aportación de recursos")  # fmt: skip
    counterparts = list(dict.fromkeys(c for a in t.agreements for c in a.counterparts))
    if counterparts:
        text += f" con {w.join(counterparts, separator='; ' if any(',' in c for c in counterparts) else ', ')}"  # noqa: E501
    where = _in_places(a.municipality for a in t.agreements)
    if where:
        text += f", de {where}"
    purposes = list(dict.fromkeys(a.purpose.strip().rstrip(".") for a in t.agreements
                                  if a.purpose.strip()))  # fmt: skip
    if purposes:
        first = purposes[0]
        text += f", para {first[0].lower() + first[1:]}"
        if len(purposes) > 1:
            text += ", entre otros fines"
    if t.disbursed_centavos:
        text += (f"; {w.verb(t.disbursements, 'se ministró', 'se ministraron')} "
                 f"{w.pesos(t.disbursed_centavos)} en el año")  # fmt: skip
    return text


def _teaching(t: OfficeYear, kind: str) -> str:
    n = t.activities_by_kind.get(kind, (0, 0))[0]
    if not n:
        return ""
    held = [a for a in t.activities if a.kind == kind]
    titles = _titles(a.title for a in held)
    verb = w.verb(n, "se impartió", "se impartieron")
    if kind == "taller":
        text = f"{verb} {w.count(n, w.TALLER)} sobre temas migratorios"
        text += f", entre los que destacan: {titles}" if titles else ""
    else:
        text = (f"{verb} {w.count(n, w.CURSO)} de capacitación y/o asesoría para la atención a "
                "migrantes")  # fmt: skip
        text += f", {w.verb(n, 'denominado', 'denominados')} {titles}" if titles else ""
    where = _in_places(a.municipality for a in held)
    if where:
        text += f", en {where}"
    audiences = _audiences(c for a in held for c in a.audiences)
    if audiences:
        text += f", {w.verb(n, 'impartido', 'impartidos')} a {audiences}"
    return text


def _benefited(t: OfficeYear, hq: bool) -> str:
    p = t.people
    if not p.complete:
        return (f"con estas acciones se benefició a {w.count(p.support_people, w.PERSONA)} con "
                "apoyos (los meses del esquema anterior no distinguen personas extranjeras de "
                "mexicanas)")  # fmt: skip
    if not p.total:
        return ""
    foreign = w.Noun("persona migrante extranjera", "f", "personas migrantes extranjeras")
    text = (f"con estas acciones {w.verb(p.foreign, 'se benefició', 'se beneficiaron')} a "
            f"{p.foreign:,} {foreign.form(p.foreign)}")  # fmt: skip
    if p.mexican:
        text += f" y a {p.mexican:,} {PERSONA_MEXICANA.form(p.mexican)}"
    if hq:
        text += " (cada oficina cuenta a sus personas)"
    return text


def _diagnostics_and_materials(t: OfficeYear) -> list[str]:
    out = []
    n = _n(t, ActionKind.DIAGNOSTIC)
    if n:
        titles = _titles(a.title for a in _of(t, ActionKind.DIAGNOSTIC))
        out.append(f"{w.verb(n, 'se elaboró', 'se elaboraron')} {w.count(n, DIAGNOSTICO)} en "
                   "materia migratoria del estado"
                   + (f", con temas referentes a {titles}" if titles else ""))  # fmt: skip
    n, pieces = t.actions_by_kind.get(ActionKind.MATERIAL.value, (0, 0))
    if n:
        titles = _titles(a.title for a in _of(t, ActionKind.MATERIAL))
        text = (f"{w.verb(n, 'se elaboró', 'se elaboraron')} {w.count(n, PROMOCIONAL)} para "
                "difusión, identificación, prevención y denuncia")  # fmt: skip
        if pieces:
            text += f" ({w.count(pieces, PIEZA)})"
        out.append(text + (f", como {titles}" if titles else ""))
    return out


def _relations(t: OfficeYear) -> list[str]:
    out = []
    for kind, noun, verb, tail in (
        (ActionKind.SPECIAL_GUEST, ATENCION, ("se realizó", "se realizaron"), ""),
        (ActionKind.APPROACH, ACERCAMIENTO, ("se llevó a cabo", "se llevaron a cabo"),
         " con embajadas, consulados y organizaciones internacionales"),
        (ActionKind.LIAISON, ENLACE, ("se estableció", "se establecieron"),
         " con agencias de cooperación y/o representaciones diplomáticas"),
    ):  # fmt: skip
        n = _n(t, kind)
        if not n:
            continue
        with_whom = _counterparts(_of(t, kind))
        out.append(f"{w.verb(n, *verb)} {w.count(n, noun)}{tail}"
                   + (f": con {with_whom}" if with_whom else ""))  # fmt: skip
    return out


def _liaison(t: OfficeYear) -> list[str]:
    out = []
    n = _n(t, ActionKind.LIAISON_MEETING)
    if n:
        with_whom = _counterparts(_of(t, ActionKind.LIAISON_MEETING))
        out.append(f"se participó en {w.count(n, REUNION_V)}"
                   + (f", con {with_whom}" if with_whom else ""))  # fmt: skip
    n = _n(t, ActionKind.FOLLOW_UP_MEETING)
    if n:
        titles = _titles(a.title for a in _of(t, ActionKind.FOLLOW_UP_MEETING))
        out.append(f"{w.verb(n, 'se realizó', 'se realizaron')} {w.count(n, REUNION_S)}"
                   + (f": {titles}" if titles else ""))  # fmt: skip
    n = _n(t, ActionKind.FUNDING)
    if n:
        titles = _titles(a.title for a in _of(t, ActionKind.FUNDING))
        out.append(f"se realizó la gestión de financiamiento de {w.count(n, PROYECTO)} de "
                   "cooperación internacional"
                   + (f", {w.verb(n, 'denominado', 'denominados')}: {titles}" if titles
                      else ""))  # fmt: skip
    return out


def _chiapanecos(t: OfficeYear) -> list[str]:
    out = [text for text in (_teaching(t, "curso"),) if text]
    n = _n(t, ActionKind.MUNICIPAL_MECHANISM)
    if n:
        where = _in_places(a.municipality for a in _of(t, ActionKind.MUNICIPAL_MECHANISM))
        out.append(f"{w.verb(n, 'se integró', 'se integraron')} {w.count(n, MECANISMO)} para "
                   "atención a migrantes chiapanecos"
                   + (f", en {where}" if where else ""))  # fmt: skip
    return out


def narrative(report: YearReport) -> tuple[Paragraph, ...]:
    t = report.total
    hq = report.scope == "consolidado"
    opening = (f"En el ejercicio {report.year}, se invirtieron {w.pesos(t.investment_centavos)} "
               "en la atención y protección de las personas migrantes a través de "
               f"{'las oficinas' if hq else 'la oficina'}")  # fmt: skip
    if t.disbursed_centavos and t.amount_centavos:
        opening += (f": {w.pesos(t.amount_centavos)} en apoyos y {w.pesos(t.disbursed_centavos)} "
                    "en ministraciones de convenios")  # fmt: skip
    paragraphs = [Paragraph("", w.sentence(opening))]
    relations = _relations(t)
    if relations:
        paragraphs.append(Paragraph(
            "Enlace para la cooperación internacional y coordinación de relaciones del gobierno "
            "del estado con el exterior.", w.paragraph(relations)))  # fmt: skip
    liaison = _liaison(t)
    if liaison:
        paragraphs.append(Paragraph("Vinculación para la cooperación internacional.",
                                    w.paragraph(liaison)))  # fmt: skip
    workshops = _teaching(t, "taller")
    protection = [
        *_diagnostics_and_materials(t),
        _supports(t),
        _events(t),
        _agreements(t),
        ("por último, " + workshops) if workshops else "",
        _benefited(t, hq),
    ]
    paragraphs.append(Paragraph(
        "Coordinación, promoción y seguimiento para la protección a migrantes.",
        w.paragraph([s for s in protection if s])))  # fmt: skip
    chiapanecos = _chiapanecos(t)
    if chiapanecos:
        paragraphs.append(Paragraph(
            "Identificación, vinculación y asistencia a chiapanecos en el exterior y sus familias "
            "en las comunidades de origen.", w.paragraph(chiapanecos)))  # fmt: skip
    n = _n(t, ActionKind.OTHER)
    if n:
        titles = _titles(a.title for a in _of(t, ActionKind.OTHER))
        paragraphs.append(Paragraph("Otras acciones.", w.sentence(
            f"{w.verb(n, 'se realizó', 'se realizaron')} {w.others(n, w.ACCION)} de vinculación "
            f"y difusión" + (f": {titles}" if titles else ""))))  # fmt: skip
    return tuple(paragraphs)


def notes(report: YearReport) -> tuple[str, ...]:
    """What the reader must know about how the figures were put together."""
    t = report.total
    out = []
    if report.scope == "oficina" and t.open_months:
        out.append(f"PRELIMINAR: {'el mes' if len(t.open_months) == 1 else 'los meses'} de "
                   f"{month_list(t.open_months)} "
                   f"{'está abierto' if len(t.open_months) == 1 else 'están abiertos'}: sus "
                   "cifras son las de hoy y pueden cambiar hasta que se cierren.")  # fmt: skip
    if not report.year_over:
        out.append(f"El año {report.year} aún no termina: las cifras llegan hasta "
                   f"{month_list([t.through_month])}.")  # fmt: skip
    for code, name, months in report.missing:
        out.append(f"Faltan los paquetes de {name} ({code}) de {month_list(months)}.")
    for o in report.offices or (t,):
        if o.old_schema_months:
            out.append(f"{o.name}: los meses de {month_list(o.old_schema_months)} llegaron con "
                       "el esquema anterior (solo cifras), sin nombres de actividades, convenios, "
                       "acciones ni conceptos.")  # fmt: skip
    return tuple(out)
