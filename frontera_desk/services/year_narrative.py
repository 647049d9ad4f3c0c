"""The year report's text, by program line, in the register of the state's annual report:
"Se otorgaron 16 apoyos consistentes en …", "se realizaron seis eventos …, como “…”",
"se invirtieron 12.3 millones de pesos". Only the figures and names of the report go in."""

from __future__ import annotations

from collections import Counter

from frontera_desk.domain.enums import AUDIENCE_ES, Audience
from frontera_desk.services.year_report import OfficeYear, Paragraph, YearReport, month_list

# --- wording (to be replaced by the shared wording module) -------------------------------------

_WORDS = ("cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve")


def _count(n: int, singular: str, plural: str, feminine: bool = False) -> str:
    if n == 1:
        return f"{'una' if feminine else 'un'} {singular}"
    word = _WORDS[n] if 0 <= n < 10 else f"{n:,}"
    return f"{word} {plural}"


def _people(n: int) -> str:
    return f"{n:,} persona" if n == 1 else f"{n:,} personas"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " y " + items[-1]


def _pesos(centavos: int) -> str:
    pesos = centavos / 100
    if pesos >= 1_000_000:
        return f"{pesos / 1_000_000:.1f} millones de pesos".replace(".0 ", " ")
    return f"{pesos:,.2f} pesos"


def _verb(n: int, singular: str, plural: str) -> str:
    return singular if n == 1 else plural


# -----------------------------------------------------------------------------------------------

MOST_NAMED = 12  # the page names a handful; the tables list them all


def _quoted(titles: list[str]) -> list[str]:
    """Each title once, in quotes, on one line (a title may hold line breaks)."""
    return list(dict.fromkeys(f"“{' '.join(t.split())}”" for t in titles))


def _municipalities(places: list[str]) -> str:
    ordered = [m for m, _ in Counter(p for p in places if p).most_common()]
    return _join(ordered)


def _audiences(codes: list[str]) -> str:
    names = []
    for code in dict.fromkeys(codes):
        try:
            names.append(AUDIENCE_ES[Audience(code)].lower())
        except ValueError:
            names.append(code)
    return _join(names)


def _supports(t: OfficeYear) -> str:
    if not t.supports:
        return "No se otorgaron apoyos en el año."
    given = sorted((c for line in t.by_type for c in line.concepts),
                   key=lambda c: -c.amount_centavos)  # the largest sums first
    concepts = [c.concept for c in given]
    concepts = [c[0].lower() + c[1:] for c in dict.fromkeys(concepts) if c and "omitido" not in c]
    if not concepts:
        concepts = [line.name.lower() for line in t.by_type]
    shown = concepts[:MOST_NAMED]
    listed = _join(shown) + (", entre otros" if len(concepts) > len(shown) else "")
    verb = _verb(t.supports, "Se otorgó", "Se otorgaron")
    return (f"{verb} {t.supports:,} {_verb(t.supports, 'apoyo', 'apoyos')} consistentes en "
            f"{listed}; para la atención y protección a migrantes, por "
            f"{_pesos(t.amount_centavos)}.").replace(" 1 apoyo consistentes", " un apoyo consistente")  # fmt: skip


def _activities(t: OfficeYear, kind: str) -> str:
    held = [a for a in t.activities if a.kind == kind]
    n = t.activities_by_kind.get(kind, (0, 0))[0]
    if not n:
        return ""
    titles = _quoted([a.title for a in held])
    places = _municipalities([a.municipality for a in held])
    where = f"En {_verb(len(set(filter(None, (a.municipality for a in held)))), 'el municipio', 'los municipios')} de {places}, " if places else ""  # fmt: skip
    if kind == "evento":
        text = (f"{where}{'s' if where else 'S'}e {_verb(n, 'realizó', 'realizaron')} "
                f"{_count(n, 'evento', 'eventos')} para difundir y sensibilizar en materia "
                "migratoria")  # fmt: skip
        return text + (f", como {_join(titles[:MOST_NAMED])}." if titles else ".")
    if kind == "taller":
        text = (f"Se {_verb(n, 'impartió', 'impartieron')} {_count(n, 'taller', 'talleres')} "
                "sobre temas migratorios")  # fmt: skip
        if titles:
            text += f", entre los que destacan: {_join(titles[:MOST_NAMED])}"
    else:
        text = (f"Se {_verb(n, 'impartió', 'impartieron')} {_count(n, 'curso', 'cursos')} de "
                "capacitación y/o asesoría para la atención a migrantes")  # fmt: skip
        if titles:
            text += f", denominados {_join(titles[:MOST_NAMED])}"
    if places:
        text += f", en {_verb(len(places.split(' y ')), 'el municipio', 'los municipios')} de {places}"
    audiences = _audiences([c for a in held for c in a.audiences])
    if audiences:
        text += f", {_verb(n, 'impartido', 'impartidos')} a {audiences}"
    return text + "."


def _agreements(t: OfficeYear) -> str:
    n = t.agreements_signed
    if not n:
        return ""
    counterparts = list(dict.fromkeys(c for a in t.agreements for c in a.counterparts))
    text = (f"Se {_verb(n, 'llevó', 'llevaron')} a cabo la concertación y firma de "
            f"{_count(n, 'convenio', 'convenios')} de colaboración y aportación de recursos")  # fmt: skip
    if counterparts:
        text += f" con {_join(counterparts)}"
    purposes = [a.purpose for a in t.agreements if a.purpose]
    if purposes:
        text += f", para {purposes[0][0].lower() + purposes[0][1:].rstrip('.')}"
        if len(purposes) > 1:
            text += ", entre otros fines"
    if t.disbursed_centavos:
        text += (f"; se {_verb(t.disbursements, 'ministró', 'ministraron')} "
                 f"{_pesos(t.disbursed_centavos)} en el año")  # fmt: skip
    return text + "."


def _benefited(t: OfficeYear, hq: bool) -> str:
    p = t.people
    if not p.complete:
        return (f"Con estas acciones se benefició a {_people(p.support_people)} con apoyos "
                "(los meses del esquema anterior no distinguen extranjeras de mexicanas).")
    if not p.total:
        return ""
    text = (f"Con estas acciones se {_verb(p.foreign, 'benefició', 'beneficiaron')} a "
            f"{_people(p.foreign)} {_verb(p.foreign, 'migrante extranjera', 'migrantes extranjeras')}")  # fmt: skip
    if p.mexican:
        text += f" y a {_people(p.mexican)} {_verb(p.mexican, 'mexicana', 'mexicanas')}"
    text += "."
    if hq:
        text += " Cada oficina cuenta a sus personas."
    return text


def narrative(report: YearReport) -> tuple[Paragraph, ...]:
    t = report.total
    hq = report.scope == "consolidado"
    who = "las oficinas" if hq else "la oficina"
    opening = (f"En el ejercicio {report.year}, se invirtieron {_pesos(t.investment_centavos)} "
               f"en la atención y protección de las personas migrantes a través de {who}")  # fmt: skip
    if t.disbursed_centavos and t.amount_centavos:
        opening += (f": {_pesos(t.amount_centavos)} en apoyos y {_pesos(t.disbursed_centavos)} en "
                    "ministraciones de convenios")  # fmt: skip
    paragraphs = [Paragraph("", opening + ".")]
    protection = " ".join(filter(None, (
        _supports(t), _activities(t, "evento"), _agreements(t),
        ("Por último, " + _activities(t, "taller")[0].lower() + _activities(t, "taller")[1:])
        if _activities(t, "taller") else "",
        _benefited(t, hq),
    )))  # fmt: skip
    paragraphs.append(Paragraph(
        "Coordinación, promoción y seguimiento para la protección a migrantes.", protection))
    courses = _activities(t, "curso")
    if courses:
        paragraphs.append(Paragraph(
            "Identificación, vinculación y asistencia a chiapanecos en el exterior y sus familias "
            "en las comunidades de origen.", courses))  # fmt: skip
    return tuple(paragraphs)


def notes(report: YearReport) -> tuple[str, ...]:
    """What the reader must know about how the figures were put together."""
    t = report.total
    out = []
    if report.scope == "oficina" and t.open_months:
        out.append(f"PRELIMINAR: los meses de {month_list(t.open_months)} están abiertos; sus "
                   "cifras son las de hoy y pueden cambiar hasta que se cierren.")  # fmt: skip
    if not report.year_over:
        out.append(f"El año {report.year} aún no termina: las cifras llegan hasta "
                   f"{month_list([t.through_month])}.")  # fmt: skip
    for code, name, months in report.missing:
        out.append(f"Faltan los paquetes de {name} ({code}) de {month_list(months)}.")
    for o in report.offices or (t,):
        if o.old_schema_months:
            out.append(f"{o.name}: los meses de {month_list(o.old_schema_months)} llegaron con "
                       "el esquema anterior (solo cifras), sin nombres de actividades, convenios "
                       "ni conceptos.")  # fmt: skip
    return tuple(out)
