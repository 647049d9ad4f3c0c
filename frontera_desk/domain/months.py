"""Month names and month arithmetic, defined once (no I/O): the services, the reports and the
files for headquarters all name and count months with these."""

from __future__ import annotations

from datetime import date

from frontera_desk.domain.errors import ValidationError

MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre")  # fmt: skip


def month_name(year: int, month: int) -> str:
    """``(2026, 3)`` → ``"marzo de 2026"``."""
    return f"{MONTHS_ES[month - 1]} de {year}"


def parse_month(text: str) -> tuple[int, int]:
    """``"2026-10"`` → ``(2026, 10)``, or a one-line error."""
    try:
        year, month = (int(part) for part in text.split("-"))
        if len(text) == 7 and 2000 <= year <= 2100 and 1 <= month <= 12:
            return year, month
    except ValueError:
        pass
    raise ValidationError("month", f"«{text}» no es un mes (ejemplo: 2026-10).")


def months_back(today: date, back: int) -> tuple[int, int]:
    """The (year, month) ``back`` months before ``today``'s month."""
    year, index = divmod(today.year * 12 + today.month - 1 - back, 12)
    return year, index + 1


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """The first day of the month and the first day of the next one."""
    return date(year, month, 1), date(year + (month == 12), month % 12 + 1, 1)
