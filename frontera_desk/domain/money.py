"""Money as integer centavos: parsing and es_MX display."""

from __future__ import annotations

import re

from frontera_desk.domain.errors import ValidationError

MAX_CENTAVOS = 99_999_999_999  # $999,999,999.99
_AMOUNT = re.compile(r"^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$")


def format_money(centavos: int) -> str:
    """``123450`` → ``$1,234.50`` (es_MX)."""
    if not isinstance(centavos, int) or isinstance(centavos, bool):
        raise TypeError("money is an int of centavos")
    sign = "-" if centavos < 0 else ""
    pesos, cents = divmod(abs(centavos), 100)
    return f"{sign}${pesos:,}.{cents:02d}"


def parse_money(text: str, field: str = "amount") -> int:
    """``"$1,234.5"`` → ``123450``. Refuses anything that is not a plain non-negative amount."""
    cleaned = text.strip().replace(" ", "")
    match = _AMOUNT.match(cleaned)
    if not match:
        raise ValidationError(
            field, f"«{text.strip()}» no es un importe válido (ejemplo: 1,234.50)."
        )
    pesos = int(match.group(1).replace(",", ""))
    cents = int((match.group(2) or "0").ljust(2, "0"))
    value = pesos * 100 + cents
    if value > MAX_CENTAVOS:
        raise ValidationError(field, "El importe excede el máximo permitido ($999,999,999.99).")
    return value
