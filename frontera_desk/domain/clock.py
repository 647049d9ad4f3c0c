"""The office's local time: what every document prints (records keep UTC).

The offices are in Chiapas, on the time of central Mexico (no daylight saving since 2022). The
zone comes from the system's database, or from the ``tzdata`` package where there is none
(Windows): a pinned dependency.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

OFFICE_ZONE = ZoneInfo("America/Mexico_City")


def local(moment: datetime) -> datetime:
    """An aware moment (a naive one is taken as UTC, as the database stores it) in office time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(OFFICE_ZONE)


def local_now() -> datetime:
    return datetime.now(OFFICE_ZONE)


def on_paper(moment: datetime | str) -> str:
    """A moment as a document prints it: ``08/12/2026 12:05 h`` in office time (an ISO 8601
    text is read as written, UTC when it names no zone)."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return f"{local(moment):%d/%m/%Y %H:%M} h"
