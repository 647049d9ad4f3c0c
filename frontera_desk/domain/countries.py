"""Nationalities: ISO 3166-1 alpha-2 codes with their names from CLDR (through Babel)."""

from __future__ import annotations

from functools import cache

from frontera_desk.domain.text import fold

# CLDR territories that are not countries (regions, reserved codes) are not nationalities.
_NOT_COUNTRIES = {
    "AC",
    "CP",
    "CQ",
    "DG",
    "EA",
    "EU",
    "EZ",
    "IC",
    "QO",
    "TA",
    "UN",
    "XA",
    "XB",
    "ZZ",
}


@cache
def countries(language: str = "es") -> dict[str, str]:
    """Code → name in ``language`` ("es" uses es_MX names), sorted by name."""
    from babel import Locale  # its own import and the names, once: after the first screen

    locale = Locale("es", "MX") if language == "es" else Locale.parse(language)
    names = {
        code: name
        for code, name in locale.territories.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    }

    return dict(sorted(names.items(), key=lambda item: fold(item[1])))


def country_name(code: str | None, language: str = "es") -> str:
    if not code:
        return "Sin dato" if language == "es" else "Unknown"
    return countries(language).get(code, code)
