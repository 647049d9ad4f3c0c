"""Text folding shared by duplicate detection and search: accent- and case-insensitive."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65_536)  # names repeat: a bulk of 200,000 people folds each one once
def fold(text: str) -> str:
    """``"  José  NÚÑEZ "`` → ``"jose nunez"``: strip accents, casefold, collapse spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", unicodedata.normalize("NFC", bare).casefold()).strip()


def clean(text: str | None) -> str:
    """Trim and collapse inner white space; keep case and accents as typed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def fold_document(number: str) -> str:
    """Document numbers compare without spaces, dashes or case: ``"ab-12 3"`` → ``"AB123"``."""
    return re.sub(r"[\W_]+", "", fold(number)).upper()


def spreadsheet_safe(text: str) -> str:
    """Text that a spreadsheet will not run as a formula: a leading = + - @ (or a tab or
    carriage return) gets an apostrophe in front. Every text cell of an exported workbook
    passes through here (OWASP "CSV injection")."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def checked(value: str | None, field: str, label: str, limit: int, required: bool = False) -> str:
    """Cleaned text, or a ValidationError naming the field: required, too long, or with
    control characters."""
    from frontera_desk.domain.errors import ValidationError

    value = clean(value)
    if required and not value:
        raise ValidationError(field, f"{label}: es obligatorio.")
    if len(value) > limit:
        raise ValidationError(field, f"{label}: admite hasta {limit} caracteres.")
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise ValidationError(field, f"{label}: contiene caracteres de control.")
    return value
