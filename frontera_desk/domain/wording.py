"""How receipts and certificates name an office and a support inside a Spanish sentence."""

from __future__ import annotations

from frontera_desk.domain.text import clean, fold

_ARTICLES = ("el", "la", "los", "las")
# First words of office names that take "el" although they do not look masculine, and the
# other way round; the rest follow the ending (-a, -ción, -dad: la; -as: las; -os, -es: los).
_MASCULINE = {"dia", "mapa", "sistema", "programa", "consejo"}
_FEMININE = {"sede", "red", "unidad", "mision", "comision", "direccion", "delegacion"}


def lower_first(text: str) -> str:
    """``"Prótesis ocular"`` → ``"prótesis ocular"``, mid-sentence; an acronym or a name
    written in capitals (``"ACNUR"``, ``"UNHCR kit"``) stays as it is."""
    word = text.split(" ", 1)[0]
    if len(word) > 1 and (word.isupper() or word[1:2].isupper()):
        return text
    return text[:1].lower() + text[1:]


def with_article(name: str) -> str:
    """The office's name as it follows "de" or starts a sentence in lower case:
    ``"Oficina de Atención a Migrantes"`` → ``"la Oficina de Atención a Migrantes"``,
    ``"Centro Estatal…"`` → ``"el Centro Estatal…"``, ``"Oficinas centrales"`` →
    ``"las Oficinas centrales"``. A name that already starts with an article keeps it."""
    name = clean(name)
    first = fold(name.split(" ", 1)[0]) if name else ""
    if first in _ARTICLES:
        return lower_first(name)
    if first in _FEMININE:
        article = "la"
    elif first in _MASCULINE:
        article = "el"
    elif first.endswith("as"):
        article = "las"
    elif first.endswith(("os", "es")):
        article = "los"
    elif first.endswith(("a", "cion", "sion", "dad", "tud")):
        article = "la"
    else:
        article = "el"
    return f"{article} {name}"


def of_office(name: str) -> str:
    """``"de la Oficina…"``, ``"del Centro…"`` (de + el contracts)."""
    named = with_article(name)
    return "del" + named[2:] if named.startswith("el ") else f"de {named}"


def _stem(word: str) -> str:
    word = fold(word)
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def concept(type_name: str, description: str) -> str:
    """What a support was for, written once and in lower case mid-sentence: the type's last
    part gives way to the description when the description names the same thing
    (``"Apoyo médico: prótesis"`` + ``"Prótesis ocular"`` → ``"apoyo médico: prótesis
    ocular"``); otherwise the description follows in parentheses. A generic type ("Otro
    apoyo") leaves the description alone."""
    type_name, description = clean(type_name), clean(description).rstrip(".")
    if not description:
        return lower_first(type_name)
    if not type_name or fold(type_name).startswith("otro"):
        return lower_first(description)
    head, _, last = type_name.rpartition(": ")
    first = _stem(description.split(" ", 1)[0])
    if len(first) >= 4 and any(
        _stem(word).startswith(first) or first.startswith(_stem(word))
        for word in last.split()
        if len(_stem(word)) >= 4
    ):
        return lower_first(f"{head}: {lower_first(description)}" if head else description)
    return f"{lower_first(type_name)} ({lower_first(description)})"
