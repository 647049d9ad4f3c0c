"""Spanish wording of the reports, in the register of the state's annual report.

The reference page writes numbers from one to nine in words and 10 upward in figures with
thousands separators ("seis eventos", "10 talleres", "3,893 migrantes"), joins lists with commas
and "y", quotes titles, and states large amounts in millions ("12.3 millones de pesos"). Every
narrative (monthly, yearly, office or headquarters) words its figures here, so none carries
"(s)" plurals or its own number words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from frontera_desk.domain.money import format_money

Gender = Literal["m", "f"]

_WORDS = ("cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve")
_PREPOSITIONS = {"a", "al", "con", "de", "del", "en", "para", "por", "sobre", "y", "e", "o"}
_ACCENTED = str.maketrans("áéíóú", "aeiou")
_VOWELS = "aeiouáéíóú"


def number(n: int, gender: Gender = "m", *, before_noun: bool = True) -> str:
    """``n`` as the page writes it: one to nine in words, 0 and 10 upward in figures with
    thousands separators. Before a noun 1 is "un"/"una" ("un taller", "una persona"); alone it
    is "uno"/"una" ("tres de despensa y uno de transporte")."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("a count is an int")
    if n == 1:
        return "una" if gender == "f" else ("un" if before_noun else "uno")
    if 2 <= n <= 9:
        return _WORDS[n]
    return f"{n:,}"


def plural(phrase: str) -> str:
    """The plural of a noun phrase: each word up to the first preposition ("persona migrante" →
    "personas migrantes", "reunión de vinculación" → "reuniones de vinculación")."""
    words = phrase.split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        if word.lower() in _PREPOSITIONS:
            return " ".join(out + words[i:])
        out.append(_plural_word(word))
    return " ".join(out)


def _plural_word(word: str) -> str:
    if not word:
        return word
    last = word[-1].lower()
    if last in "aeoáéó" or (last in "iu" and len(word) > 1):
        return word + "s"
    if last in "íú":
        return word + "es"
    if last == "z":
        return word[:-1] + "ces"
    if last in "sx" and not _stressed_last(word):
        return word  # crisis, tórax: unchanged (país → países keeps its hiatus below)
    if _accent_on_last(word) and not (word[-2] in "íú" and word[-3:-2] in tuple(_VOWELS)):
        # acción → acciones, interés → intereses: the stress moves into a new syllable
        head, tail = word[:-2], word[-2:]
        return head + tail.translate(_ACCENTED) + "es"
    return word + "es"


def _accent_on_last(word: str) -> bool:
    return len(word) >= 2 and word[-2] in "áéíóú"


def _stressed_last(word: str) -> bool:
    """A word ending in -s or -x stressed on its last syllable takes -es (mes, país, inglés)."""
    syllables = len(re.findall(r"[aeiouáéíóúü]+", word.lower()))
    return syllables <= 1 or _accent_on_last(word)


@dataclass(frozen=True)
class Noun:
    """A noun phrase with its gender; its plural follows the rules unless given."""

    singular: str
    gender: Gender = "m"
    plural_form: str = ""

    @property
    def plural(self) -> str:
        return self.plural_form or plural(self.singular)

    def form(self, n: int) -> str:
        return self.singular if n == 1 else self.plural


APOYO = Noun("apoyo")
PERSONA = Noun("persona", "f")
PERSONA_MIGRANTE = Noun("persona migrante", "f")
TALLER = Noun("taller")
CURSO = Noun("curso")
EVENTO = Noun("evento")
ASISTENTE = Noun("asistente")
MINISTRACION = Noun("ministración", "f")
CONVENIO = Noun("convenio")
OFICINA = Noun("oficina", "f")
ACCION = Noun("acción", "f")
MUNICIPIO = Noun("municipio")


def count(n: int, noun: Noun) -> str:
    """``n`` and its noun agreeing: "ningún apoyo", "una persona", "seis eventos", "10 talleres",
    "1,200 ministraciones"."""
    if n == 0:
        return f"{'ninguna' if noun.gender == 'f' else 'ningún'} {noun.singular}"
    return f"{number(n, noun.gender)} {noun.form(n)}"


def agree(adjective: str, noun: Noun, n: int) -> str:
    """An adjective given in the masculine singular, agreeing with ``n`` of ``noun``:
    ("otro", apoyos, 2) → "otros"; ("otro", personas, 1) → "otra"; ("migrante", …, 3) →
    "migrantes"."""
    word = adjective
    if noun.gender == "f" and word.endswith("o"):
        word = word[:-1] + "a"
    elif noun.gender == "f" and word.endswith(("or", "ón", "án", "ín")):
        word = word.translate(_ACCENTED) + "a"  # trabajador → trabajadora, alemán → alemana
    return word if n == 1 else _plural_word(word)


def others(n: int, noun: Noun) -> str:
    """The rest after named ones: "otro apoyo", "otros dos apoyos", "otras 12 personas"."""
    if n == 1:
        return f"{agree('otro', noun, 1)} {noun.singular}"
    return f"{agree('otro', noun, n)} {count(n, noun)}"


def verb(n: int, singular: str, plural_form: str) -> str:
    """The verb agreeing with its subject's number: ``verb(1, "se realizó", "se realizaron")``."""
    return singular if n == 1 else plural_form


def _conjunction(word: str, last: str) -> str:
    """The conjunction "y" turns to "e" before an i- sound ("Tapachula e Iztapa", not before
    "hie-"), and "o" to "u" before an o- sound."""
    plain = unicodedata.normalize("NFD", last.lstrip("«“\"'(¿¡")).lower()
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    diphthong = plain.startswith(("hia", "hie", "hio", "hiu"))  # hielo: "agua y hielo"
    if word == "y" and plain.startswith(("i", "hi")) and not diphthong:
        return "e"
    if word == "o" and plain.startswith(("o", "ho")):
        return "u"
    return word


def join(items: Iterable[str], word: str = "y", *, separator: str = ", ") -> str:
    """Items as a Spanish list: "a", "a y b", "a, b y c". ``separator`` is "; " when the items
    have commas of their own, as the page does for its long enumerations."""
    parts = [item for item in items if item]
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    return f"{separator.join(parts[:-1])} {_conjunction(word, parts[-1])} {parts[-1]}"


_OPENING = "«“\"'‘„"
_CLOSING = "»”\"'’“"


def clean_title(title: str) -> str:
    """A title on one line, without a pair of quotes of its own around it; inner «» become “”
    so the quoting stays unambiguous."""
    text = " ".join(title.split())
    while len(text) >= 2 and text[0] in _OPENING and text[-1] in _CLOSING:
        text = text[1:-1].strip()
    return text.replace("«", "“").replace("»", "”")


def quoted(titles: Iterable[str], *, more: bool = False) -> str:
    """Titles quoted and joined: "«A», «B» y «C»"; ``more`` when the list names only some
    ("«A», «B», entre otros"), as the page does. Repeated titles are named once."""
    seen: dict[str, None] = {}
    for title in titles:
        text = clean_title(title)
        if text:
            seen.setdefault(text, None)
    named = [f"«{t}»" for t in seen]
    if not named:
        return ""
    if more:
        return ", ".join(named) + ", entre otros"
    return join(named)


def pesos(centavos: int) -> str:
    """An amount as the page states it: a million pesos or more in millions with one decimal
    ("12.3 millones de pesos", "un millón de pesos", "dos millones de pesos"), less in figures
    ("$845,000.00")."""
    if isinstance(centavos, bool) or not isinstance(centavos, int):
        raise TypeError("money is an int of centavos")
    if abs(centavos) < 100_000_000:
        return format_money(centavos)
    millions = (Decimal(centavos) / Decimal(100_000_000)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    if millions == millions.to_integral_value():
        whole = int(millions)
        word = "millón" if whole == 1 else "millones"
        figure = number(whole) if 1 <= whole <= 9 else f"{whole:,}"
        return f"{figure} {word} de pesos"
    return f"{millions:,.1f} millones de pesos"


def sentence(text: str) -> str:
    """Text with its first letter in capitals and a final period (unless it has its own)."""
    text = text.strip()
    if not text:
        return ""
    first = next((i for i, c in enumerate(text) if c.isalnum()), 0)  # past an opening ¿ or «
    text = text[:first] + text[first].upper() + text[first + 1 :]
    return text if text.endswith((".", "?", "!")) else text + "."


def paragraph(sentences: Sequence[str]) -> str:
    """Sentences joined into one paragraph, each capitalised and closed."""
    return " ".join(s for s in (sentence(t) for t in sentences) if s)
