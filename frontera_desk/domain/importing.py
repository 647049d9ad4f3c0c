"""Pure rules of spreadsheet import: header guessing, value normalization, duplicate scoring.

No I/O: the services read the file and write the people; this module only turns cell values
into the values the registration form would have collected, and scores likely duplicates
within blocks (folded surname, birth year, document) so that no two rows are compared unless
they share one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache

from frontera_desk.domain.enums import DocumentType, Sex
from frontera_desk.domain.errors import ValidationError
from frontera_desk.domain.money import MAX_CENTAVOS
from frontera_desk.domain.text import clean, fold, fold_document

MAX_CELL = 2000  # longer cells are a problem of their row, not read further

# --- columns ----------------------------------------------------------------------------------

# Each field a column can be mapped to, with the Spanish (and some English) headers that mean it,
# folded. Order matters: the first field whose header matches wins.
PEOPLE_FIELDS: dict[str, tuple[str, ...]] = {
    "full_name": (
        "nombre completo",
        "nombre y apellidos",
        "nombre(s) y apellidos",
        "beneficiario",
        "beneficiaria",
        "persona",
        "full name",
    ),
    "given_names": ("nombre(s)", "nombres", "nombre", "primer nombre", "given names", "first name"),
    "first_surname": (
        "apellido paterno",
        "primer apellido",
        "ap. paterno",
        "paterno",
        "apellido 1",
        "first surname",
        "last name",
        "surname",
        "apellido",
    ),
    "second_surname": (
        "apellido materno",
        "segundo apellido",
        "ap. materno",
        "materno",
        "apellido 2",
        "second surname",
    ),
    "surnames": ("apellidos",),
    "birth_date": (
        "fecha de nacimiento",
        "f. nacimiento",
        "fecha nac",
        "fecha nac.",
        "nacimiento",
        "f. nac.",
        "fec. nac.",
        "birth date",
        "date of birth",
    ),
    "age": ("edad", "edad aproximada", "anos", "age"),
    "sex": ("sexo", "genero", "sex", "gender", "h/m", "f/m"),
    "nationality": (
        "nacionalidad",
        "pais",
        "pais de origen",
        "pais de nacimiento",
        "origen",
        "nationality",
        "country",
    ),
    "document_type": (
        "tipo de documento",
        "tipo documento",
        "tipo de identificacion",
        "document type",
    ),
    "document": (
        "documento",
        "no. de documento",
        "numero de documento",
        "identificacion",
        "no. documento",
        "document",
        "id",
    ),
    "passport": (
        "no. de pasaporte",
        "pasaporte",
        "numero de pasaporte",
        "num. pasaporte",
        "passport",
    ),
    "curp": ("curp", "curp temporal"),
    "phone": ("telefono", "tel.", "tel", "celular", "numero de telefono", "phone"),
    "lodging": ("albergue", "alojamiento", "donde se aloja", "domicilio", "lodging", "shelter"),
    "household_size": (
        "integrantes del hogar",
        "integrantes",
        "tamano del hogar",
        "household size",
    ),
    "notes": ("observaciones", "notas", "comentarios", "notes"),
}
SUPPORT_FIELDS: dict[str, tuple[str, ...]] = {
    "delivered_on": ("fecha de entrega", "fecha", "fecha del apoyo", "entregado el", "date"),
    "full_name": PEOPLE_FIELDS["full_name"],
    "given_names": PEOPLE_FIELDS["given_names"],
    "first_surname": PEOPLE_FIELDS["first_surname"],
    "second_surname": PEOPLE_FIELDS["second_surname"],
    "surnames": PEOPLE_FIELDS["surnames"],
    "birth_date": PEOPLE_FIELDS["birth_date"],
    "document": PEOPLE_FIELDS["document"] + PEOPLE_FIELDS["passport"] + PEOPLE_FIELDS["curp"],
    "support_type": ("tipo de apoyo", "tipo", "apoyo", "support type"),
    "description": ("concepto", "descripcion", "detalle", "description"),
    "amount": ("importe", "monto", "cantidad", "importe ($)", "monto ($)", "amount"),
    "provider": ("proveedor", "pagado a", "provider"),
}

PEOPLE_LABELS = {
    "full_name": "Nombre completo",
    "given_names": "Nombre(s)",
    "first_surname": "Primer apellido",
    "second_surname": "Segundo apellido",
    "surnames": "Apellidos",
    "birth_date": "Fecha de nacimiento",
    "age": "Edad",
    "sex": "Sexo",
    "nationality": "Nacionalidad",
    "document_type": "Tipo de documento",
    "document": "Documento",
    "passport": "Pasaporte",
    "curp": "CURP",
    "phone": "Teléfono",
    "lodging": "Dónde se aloja",
    "household_size": "Integrantes del hogar",
    "notes": "Observaciones",
    "delivered_on": "Fecha de entrega",
    "support_type": "Tipo de apoyo",
    "description": "Concepto",
    "amount": "Importe",
    "provider": "Proveedor",
}

# How a single column of names is split (the rule is shown and can be changed).
SPLIT_GIVEN_FIRST = "nombres_apellidos"  # "José Luis Hernández Núñez": the last two are surnames
SPLIT_SURNAMES_FIRST = "apellidos_nombres"  # "Hernández Núñez José Luis": the first two
SPLIT_RULES = {
    SPLIT_GIVEN_FIRST: "Nombre(s) primero; las dos últimas palabras son los apellidos",
    SPLIT_SURNAMES_FIRST: "Apellidos primero; las dos primeras palabras son los apellidos",
}
_PARTICLES = {"de", "del", "la", "las", "los", "y", "da", "dos", "van", "von", "san", "santa"}


@dataclass
class Mapping:
    """Which column (its index) feeds each field, and the rules the user chose."""

    columns: dict[str, int]
    split: str = SPLIT_GIVEN_FIRST
    sex_letters: str = "HM"  # "HM": H hombre, M mujer; "FM": F femenino, M masculino
    # Past supports: the file's words for a support type → the catalog's code ("víveres" →
    # "despensa"); a type is otherwise found by its catalog name or code
    types: dict[str, str] = field(default_factory=dict)

    def as_json(self, headers: Sequence[str]) -> dict[str, object]:
        return {
            "columnas": {f: headers[i] for f, i in sorted(self.columns.items())},
            "separar_nombre": self.split,
            "letras_sexo": self.sex_letters,
            "tipos": dict(sorted(self.types.items())),
        }

    @classmethod
    def from_json(cls, data: object, headers: Sequence[str]) -> Mapping:
        """A saved mapping applied to this file's headers (by header text, not position)."""
        if not isinstance(data, dict) or not isinstance(data.get("columnas"), dict):
            raise ValidationError("mapping", "La correspondencia guardada no es válida.")
        folded = [fold(h) for h in headers]
        columns: dict[str, int] = {}
        for field_name, header in data["columnas"].items():
            if fold(str(header)) not in folded:
                raise ValidationError(
                    "mapping",
                    f"La correspondencia guardada usa la columna «{header}», que este archivo "
                    "no tiene.",
                )
            columns[str(field_name)] = folded.index(fold(str(header)))
        split = str(data.get("separar_nombre", SPLIT_GIVEN_FIRST))
        letters = str(data.get("letras_sexo", "HM"))
        types = data.get("tipos", {})
        if split not in SPLIT_RULES or letters not in ("HM", "FM") or not isinstance(types, dict):
            raise ValidationError("mapping", "La correspondencia guardada no es válida.")
        return cls(columns, split, letters, {fold(str(k)): str(v) for k, v in types.items()})


def _header_key(text: str) -> str:
    return re.sub(r"[:*]+$", "", fold(text)).strip()


def guess_field(header: str, fields: dict[str, tuple[str, ...]]) -> str | None:
    key = _header_key(header)
    if not key:
        return None
    for field_name, names in fields.items():
        if key in names:
            return field_name
    for field_name, names in fields.items():  # "Nombre(s) del beneficiario", "País de origen"
        if any(len(n) > 3 and key.startswith(n) for n in names):
            return field_name
    return None


def guess_mapping(
    headers: Sequence[str], fields: dict[str, tuple[str, ...]], sample: Iterable[Sequence[object]]
) -> Mapping:
    """Columns guessed from their headers; two columns under one merged "Apellidos" header are
    the first and the second surname."""
    columns: dict[str, int] = {}
    for i, header in enumerate(headers):
        field_name = guess_field(header, fields)
        if field_name == "surnames" and "surnames" in columns and "first_surname" in fields:
            first = columns.pop("surnames")
            columns["first_surname"], columns["second_surname"] = first, i
            continue
        if field_name and field_name not in columns:
            columns[field_name] = i
    letters = "HM"
    if "sex" in columns:
        seen = {
            fold(str(row[columns["sex"]] or ""))[:1] for row in sample if columns["sex"] < len(row)
        }
        if "f" in seen and "h" not in seen:
            letters = "FM"
    return Mapping(columns, SPLIT_GIVEN_FIRST, letters)


def find_header(rows: Sequence[Sequence[object]], fields: dict[str, tuple[str, ...]]) -> int | None:
    """The index of the header row among the first rows: the first that names two known
    fields (a title or a blank line may come before it)."""
    for index, row in enumerate(rows):
        known = {guess_field(str(v), fields) for v in row if isinstance(v, str)} - {None}
        if len(known) >= 2:
            return index
    return None


def fill_merged(headers: list[str]) -> list[str]:
    """A header merged across columns is read in its first cell only: the cells to its right
    take its text (then "Apellidos", "Apellidos" are read as the two surnames)."""
    filled = list(headers)
    for i in range(1, len(filled)):
        if not filled[i].strip() and filled[i - 1].strip():
            filled[i] = filled[i - 1]
    return filled


# --- values -----------------------------------------------------------------------------------

_MONTHS = {
    "ene": 1,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "abr": 4,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "ago": 8,
    "aug": 8,
    "sep": 9,
    "set": 9,
    "oct": 10,
    "nov": 11,
    "dic": 12,
    "dec": 12,
}
_NUMERIC_DATE = re.compile(r"^(\d{1,4})[/\-.](\d{1,2})[/\-.](\d{1,4})$")
_WORD_DATE = re.compile(
    r"^(\d{1,2})[\s/\-.]*(?:de\s+)?([a-z]{3,})\.?[\s/\-.]*(?:de[l]?\s+)?(\d{2,4})$"
)
_EXCEL_EPOCH = date(1899, 12, 30)


def _year(text: str, today: date) -> int:
    year = int(text)
    if len(text) <= 2:  # "5-mar-90": the most recent year that is not in the future
        year += 2000 if 2000 + year <= today.year else 1900
    return year


def _make_date(year: int, month: int, day: int, shown: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError("date", f"«{shown}» no es una fecha que exista.") from None


def parse_date(value: object, today: date, label: str = "Fecha") -> date | None:
    """A date from a cell: a spreadsheet date, an Excel serial number, "05/03/1990" (day
    first), "1990-03-05", "5-mar-90", "5 de marzo de 1990". Empty → None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2_958_466:  # Excel serial days (to 9999-12-31)
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise ValidationError("date", f"{label}: «{value}» no es una fecha.")
    text = fold(str(value))
    shown = clean(str(value))
    if text.isdigit() and 4 < len(text) <= 6:  # a serial number stored as text
        return parse_date(int(text), today, label)
    match = _NUMERIC_DATE.match(text)
    try:
        if match:
            a, b, c = match.groups()
            if len(a) == 4:  # 1990-03-05
                return _make_date(int(a), int(b), int(c), shown)
            return _make_date(_year(c, today), int(b), int(a), shown)
        match = _WORD_DATE.match(text)
        if match and match.group(2)[:3] in _MONTHS:
            day, month, year = match.groups()
            return _make_date(_year(year, today), _MONTHS[month[:3]], int(day), shown)
    except ValidationError as error:
        raise ValidationError("date", f"{label}: {error.message}") from None
    raise ValidationError("date", f"{label}: «{shown[:40]}» no es una fecha (ejemplo: 05/03/1990).")


def parse_age(value: object, label: str = "Edad") -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = fold(str(value)).removesuffix("anos").removesuffix("años").strip()
    if not text.isdigit():
        raise ValidationError("age", f"{label}: «{clean(str(value))[:40]}» no es una edad.")
    return int(text)


_SEX_WORDS = {
    "mujer": Sex.FEMALE,
    "femenino": Sex.FEMALE,
    "female": Sex.FEMALE,
    "woman": Sex.FEMALE,
    "fem": Sex.FEMALE,
    "hombre": Sex.MALE,
    "masculino": Sex.MALE,
    "male": Sex.MALE,
    "man": Sex.MALE,
    "masc": Sex.MALE,
    "varon": Sex.MALE,
    "otro": Sex.OTHER,
    "x": Sex.OTHER,
    "no binario": Sex.OTHER,
    "no especificado": Sex.OTHER,
    "other": Sex.OTHER,
    "f": Sex.FEMALE,
    "h": Sex.MALE,
}


def parse_sex(value: object, letters: str = "HM") -> Sex | None:
    """Words and letters; a bare "M" is *mujer* in an H/M column, *masculino* in an F/M one."""
    text = fold(str(value or "")).rstrip(".")
    if not text:
        return None
    if text == "m":
        return Sex.FEMALE if letters == "HM" else Sex.MALE
    if text in _SEX_WORDS:
        return _SEX_WORDS[text]
    raise ValidationError("sex", f"Sexo: «{clean(str(value))[:40]}» no se reconoce.")


# Demonyms of the countries an office in Chiapas sees most, in Spanish (masculine) and English;
# other countries are found by their name in Spanish or English, or their code.
_DEMONYMS = {
    "HN": "hondureno honduran catracho",
    "GT": "guatemalteco guatemalan chapin",
    "SV": "salvadoreno salvadoran",
    "NI": "nicaraguense nicaraguan",
    "CR": "costarricense costa rican",
    "PA": "panameno panamanian",
    "BZ": "beliceno belizean",
    "MX": "mexicano mexican",
    "CU": "cubano cuban",
    "HT": "haitiano haitian",
    "DO": "dominicano dominican",
    "VE": "venezolano venezuelan",
    "CO": "colombiano colombian",
    "EC": "ecuatoriano ecuadorian",
    "PE": "peruano peruvian",
    "BO": "boliviano bolivian",
    "CL": "chileno chilean",
    "AR": "argentino argentinian argentine",
    "BR": "brasileno brazilian",
    "US": "estadounidense norteamericano american",
    "CM": "camerunes cameroonian",
    "SN": "senegales senegalese",
    "GH": "ghanes ghanaian",
    "AO": "angoleno angolan",
    "NG": "nigeriano nigerian",
    "CD": "congoleno congolese",
    "IN": "indio hindu indian",
    "BD": "bangladesi bangladeshi",
    "NP": "nepali nepalese",
    "CN": "chino chinese",
    "AF": "afgano afghan",
    "UZ": "uzbeko uzbek",
    "RU": "ruso russian",
    "ES": "espanol spanish",
}
_ALPHA3 = {
    "HND": "HN",
    "GTM": "GT",
    "SLV": "SV",
    "NIC": "NI",
    "CRI": "CR",
    "PAN": "PA",
    "BLZ": "BZ",
    "MEX": "MX",
    "CUB": "CU",
    "HTI": "HT",
    "DOM": "DO",
    "VEN": "VE",
    "COL": "CO",
    "ECU": "EC",
    "PER": "PE",
    "BOL": "BO",
    "CHL": "CL",
    "ARG": "AR",
    "BRA": "BR",
    "USA": "US",
    "CMR": "CM",
    "SEN": "SN",
    "GHA": "GH",
    "AGO": "AO",
    "NGA": "NG",
    "COD": "CD",
    "IND": "IN",
    "BGD": "BD",
    "NPL": "NP",
    "CHN": "CN",
    "AFG": "AF",
    "UZB": "UZ",
    "RUS": "RU",
    "ESP": "ES",
}
_ARTICLE = re.compile(r"^(el|la|las|los|the|republica de|republica|rep\.?)\s+")


@cache
def _country_names() -> dict[str, str]:
    from frontera_desk.domain.countries import countries

    names: dict[str, str] = {}
    for language in ("en", "es"):  # Spanish last: it wins a clash
        for code, name in countries(language).items():
            names[fold(name)] = code
            names[_ARTICLE.sub("", fold(name))] = code
    for code, words in _DEMONYMS.items():
        for word in words.split():
            names[word] = code
    return names


def parse_nationality(value: object) -> str | None:
    """An ISO code from "Honduras", "HONDURAS", "hondureña", "Honduran", "HN" or "HND"."""
    text = fold(str(value or "")).strip(" .")
    if not text:
        return None
    from frontera_desk.domain.countries import countries

    if len(text) == 2 and text.upper() in countries("es"):
        return text.upper()
    if len(text) == 3 and text.upper() in _ALPHA3:
        return _ALPHA3[text.upper()]
    names = _country_names()
    bare = _ARTICLE.sub("", text)
    candidates = [text, bare]
    for word in (text, bare):  # hondureña → hondureno, hondureñas → hondureno
        stem = re.sub(r"(as|os|es|a|o)$", "", word)
        candidates += [stem + "o", stem, stem + "es", stem + "e"]
    for candidate in candidates:
        if candidate in names:
            return names[candidate]
    raise ValidationError(
        "nationality", f"Nacionalidad: «{clean(str(value))[:40]}» no es un país reconocido."
    )


CURP_PATTERN = re.compile(r"^[A-Z][AEIOUX][A-Z]{2}\d{6}[HMX][A-Z]{5}[A-Z0-9]\d$")
_DOC_WORDS = {
    "pasaporte": DocumentType.PASSPORT,
    "passport": DocumentType.PASSPORT,
    "curp": DocumentType.CURP,
    "curp temporal": DocumentType.CURP,
    "tvrh": DocumentType.TVRH,
    "tarjeta de visitante por razones humanitarias": DocumentType.TVRH,
    "tarjeta humanitaria": DocumentType.TVRH,
    "comar": DocumentType.COMAR,
    "constancia comar": DocumentType.COMAR,
    "acnur": DocumentType.UNHCR,
    "unhcr": DocumentType.UNHCR,
    "oim": DocumentType.IOM,
    "iom": DocumentType.IOM,
    "dni": DocumentType.NATIONAL_ID,
    "cedula": DocumentType.NATIONAL_ID,
    "identificacion nacional": DocumentType.NATIONAL_ID,
    "id nacional": DocumentType.NATIONAL_ID,
    "otro": DocumentType.OTHER,
    "ninguno": DocumentType.NONE,
    "sin documento": DocumentType.NONE,
}


def document_number(value: object) -> str:
    """A document number as stored: capitals, no surrounding or doubled spaces. A number read
    as a float (123456.0) loses its ".0"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean(str(value or "")).upper()


def document_type(type_text: object, number: str, column_hint: DocumentType | None) -> DocumentType:
    """From the type column if there is one, else the column the number came from, else the
    value's shape (a CURP's pattern), else "other"."""
    text = fold(str(type_text or "")).strip(" .")
    if text:
        if text in _DOC_WORDS:
            return _DOC_WORDS[text]
        for word, doc_type in _DOC_WORDS.items():
            if len(word) > 3 and word in text:
                return doc_type
        raise ValidationError(
            "documents", f"Tipo de documento: «{clean(str(type_text))[:40]}» no se reconoce."
        )
    if column_hint is not None:
        return column_hint
    if CURP_PATTERN.match(fold_document(number)):
        return DocumentType.CURP
    return DocumentType.OTHER


_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def parse_amount(value: object, label: str = "Importe") -> int:
    """Centavos from "$1,234.50", 1234.5, "1 234,50", "1.234,50" or "1234"."""
    if isinstance(value, bool) or value is None or value == "":
        raise ValidationError("amount", f"{label}: es obligatorio.")
    if isinstance(value, (int, float)):
        centavos = round(value * 100)
    else:
        text = _SPACES.sub("", str(value)).removeprefix("$").removesuffix("MXN")
        text = text.removeprefix("$")
        if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d{1,2})?|\d+,\d{1,2}", text):  # 1.234,50 / 1234,5
            text = text.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d{1,2})?|\d+(\.\d{1,2})?", text):
            text = text.replace(",", "")
        else:
            raise ValidationError(
                "amount", f"{label}: «{clean(str(value))[:40]}» no es un importe."
            )
        pesos, _, cents = text.partition(".")
        centavos = int(pesos) * 100 + int(cents.ljust(2, "0") or 0)
    if centavos <= 0:
        raise ValidationError("amount", f"{label}: debe ser mayor que cero.")
    if centavos > MAX_CENTAVOS:
        raise ValidationError("amount", f"{label}: excede el máximo permitido.")
    return int(centavos)


def split_surnames(text: str) -> tuple[str, str]:
    """ "Hernández Núñez" → ("Hernández", "Núñez"); "de la Cruz López" → ("de la Cruz", "López")."""
    words = _group_particles(clean(text).split(" "))
    if not words:
        return "", ""
    return words[0], " ".join(words[1:])


def _group_particles(words: list[str]) -> list[str]:
    grouped: list[str] = []
    pending: list[str] = []
    for word in words:
        if not word:
            continue
        if fold(word) in _PARTICLES:
            pending.append(word)
            continue
        grouped.append(" ".join([*pending, word]))
        pending = []
    if pending:
        grouped.append(" ".join(pending))
    return grouped


def split_full_name(text: str, rule: str) -> tuple[str, str, str]:
    """(given names, first surname, second surname) by the rule the user sees."""
    words = _group_particles(clean(text).split(" "))
    if not words:
        return "", "", ""
    if len(words) == 1:  # one word: the given name, or the surname when surnames come first
        return (words[0], "", "") if rule == SPLIT_GIVEN_FIRST else ("", words[0], "")
    if len(words) == 2:
        return (words[0], words[1], "") if rule == SPLIT_GIVEN_FIRST else (words[1], words[0], "")
    if rule == SPLIT_GIVEN_FIRST:
        return " ".join(words[:-2]), words[-2], words[-1]
    return " ".join(words[2:]), words[0], words[1]


def cell_text(value: object) -> str:
    """A cell as text for a text field: numbers without a trailing ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value)


# --- duplicates -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """One person to compare: a file row (``key`` "R12") or one in the office ("P34")."""

    key: str
    given: str  # folded
    first: str  # folded
    second: str  # folded
    birth: date | None
    estimated: bool
    documents: frozenset[str]  # fold_document keys


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    score: int  # 0-100
    reason: str  # in Spanish, for the review


def same_birth(a: date | None, a_est: bool, b: date | None, b_est: bool) -> bool:
    """The registration warning's rule: the same date, or a year apart when one is an age."""
    if a is None or b is None:
        return False
    if a_est or b_est:
        return abs(a.year - b.year) <= 1
    return a == b


def _blocks(c: Candidate) -> tuple[list[str], list[str]]:
    """The blocks a candidate is filed under, and the blocks it looks in. Every likely pair
    but a shared document needs compatible birth dates (the registration rule), so the
    blocks are the document, the birth date, and the year (±1) where one is an age: the
    common surnames would make blocks of thousands for nothing."""
    docs = [f"d:{d}" for d in c.documents]
    if c.birth is None:
        return docs, docs
    year = c.birth.year
    if c.estimated:
        around = [year - 1, year, year + 1]
        return docs + [f"e:{y}" for y in around], docs + [f"x:{y}" for y in around] + [f"e:{year}"]
    return docs + [f"b:{c.birth.isoformat()}", f"x:{year}"], docs + [
        f"b:{c.birth.isoformat()}",
        f"e:{year}",
    ]


def score_pair(a: Candidate, b: Candidate) -> Pair | None:
    """A likely duplicate, or None. The same document, or the registration rule (the same name
    and birth date), or a near name (a typo, swapped surnames, a missing second surname) with
    the same birth date."""
    from rapidfuzz import fuzz

    if a.documents & b.documents:
        return Pair(a.key, b.key, 100, "mismo documento")
    if not same_birth(a.birth, a.estimated, b.birth, b.estimated):
        return None
    name_a = " ".join(p for p in (a.given, a.first, a.second) if p)
    name_b = " ".join(p for p in (b.given, b.first, b.second) if p)
    if name_a == name_b:
        return Pair(a.key, b.key, 100, "mismo nombre y fecha de nacimiento")
    given = fuzz.ratio(a.given, b.given)
    surnames_a = " ".join(p for p in (a.first, a.second) if p)
    surnames_b = " ".join(p for p in (b.first, b.second) if p)
    surnames = max(
        fuzz.ratio(surnames_a, surnames_b),
        fuzz.token_sort_ratio(surnames_a, surnames_b),  # surnames swapped
        100 if a.first == b.first and not (a.second and b.second) else 0,  # one left out
    )
    if given < 85 or surnames < 85:
        return None
    score = round((given + surnames) / 2)
    reason = (
        "apellidos invertidos"
        if sorted(surnames_a.split()) == sorted(surnames_b.split())
        else "nombre parecido (posible error de captura)"
    )
    return Pair(a.key, b.key, score, f"{reason}, misma fecha de nacimiento")


def likely_duplicates(rows: Sequence[Candidate], office: Sequence[Candidate] = ()) -> list[Pair]:
    """Pairs among the rows and between a row and the office, compared only within blocks
    (document, birth date, birth year where one is an age): never all pairs."""
    blocks: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in office:
        for key in _blocks(candidate)[0]:
            blocks[key].append(candidate)
    seen: set[tuple[str, str]] = set()
    pairs: list[Pair] = []
    for row in rows:
        filed, probed = _blocks(row)
        for key in probed:
            for other in blocks.get(key, ()):
                pair_key = (other.key, row.key)
                if pair_key in seen:
                    continue
                seen.add(pair_key)
                found = score_pair(other, row)
                if found is not None:
                    pairs.append(found)
        for key in filed:  # later rows compare with this one
            blocks[key].append(row)
    return pairs
