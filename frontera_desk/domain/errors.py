"""Expected failures: each carries a message that is safe to show a user (in Spanish)."""

from __future__ import annotations

import errno
from collections.abc import Callable, Sequence
from typing import Any


class FronteraError(Exception):
    """An expected failure. ``str(error)`` is the user-facing message.

    ``after_rollback``, if set, is called with a new session once the failed transaction has
    rolled back: what must be recorded even though the work was refused (an audit entry).
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.after_rollback: Callable[[Any], None] | None = None


class ValidationError(FronteraError):
    """Input that breaks a rule; ``field`` names the offending field (a code name)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(FronteraError):
    pass


class PermissionDenied(FronteraError):
    pass


class InvalidTransition(FronteraError):
    pass


class OverrideRequired(FronteraError):
    """A ceiling or limit is exceeded: only a supervisor's override with a reason may pass it."""


class ConflictError(FronteraError):
    """Another desk saved the same record after this form was opened (optimistic locking)."""


class PossibleDuplicate(FronteraError):
    """The person looks already registered; ``matches`` lists the candidates."""

    def __init__(self, message: str, matches: Sequence[Any]) -> None:
        super().__init__(message)
        self.matches = list(matches)


class DatabaseError(FronteraError):
    """The database cannot be used (locked, read-only, full, corrupt, too new).

    ``restorable`` says a backup is the way out (a damaged file), so the GUI offers it.
    """

    def __init__(self, message: str, restorable: bool = False) -> None:
        super().__init__(message)
        self.restorable = restorable


_DISK = {
    errno.ENOSPC: "El disco está lleno: no se guardó nada. Libere espacio e intente de nuevo.",
    errno.EDQUOT: "El disco está lleno: no se guardó nada. Libere espacio e intente de nuevo.",
    errno.EROFS: "La unidad es de solo lectura: no se guardó nada.",
    errno.EACCES: "No hay permiso para escribir ahí: no se guardó nada.",
    errno.EPERM: "No hay permiso para escribir ahí: no se guardó nada.",
    errno.EIO: "El disco falló al leer o escribir: revise la unidad; no se guardó nada.",
}


def disk_error(error: OSError) -> FronteraError:
    """A file system failure (a full, read-only or failing disk) as a message for the user."""
    message = _DISK.get(error.errno or 0)
    where = f" ({error.filename})" if error.filename else ""
    if message is None:
        message = f"No se pudo usar un archivo: {error.strerror or type(error).__name__}."
    return FronteraError(message.replace(":", f"{where}:", 1) if where else message)
