"""Values and rules of the domain, with no I/O and no Qt."""

from frontera_desk.domain.amount_words import amount_in_words
from frontera_desk.domain.errors import (
    DatabaseError,
    FronteraError,
    InvalidTransition,
    NotFoundError,
    OverrideRequired,
    PermissionDenied,
    PossibleDuplicate,
    ValidationError,
)
from frontera_desk.domain.money import format_money, parse_money

__all__ = [
    "amount_in_words",
    "DatabaseError",
    "FronteraError",
    "InvalidTransition",
    "NotFoundError",
    "OverrideRequired",
    "PermissionDenied",
    "PossibleDuplicate",
    "ValidationError",
    "format_money",
    "parse_money",
]
