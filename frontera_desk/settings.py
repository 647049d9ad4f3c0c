"""User preferences: each declared once, typed, with its default; stored as JSON in the data dir."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

LANGUAGES = ("es", "en")


@dataclass
class Settings:
    language: str = "es"  # interface language: "es" (Spanish, Mexico) or "en"
    search_delay_ms: int = 250  # pause after typing before a search runs
    backup_keep_daily: int = 7  # automatic backups kept: the newest of each of the last N days
    backup_keep_monthly: int = 12  # … and of each of the last N months
    backup_warn_days: int = 2  # the status bar warns when the last backup is older than this
    # Server mode: the office database on PostgreSQL (postgresql+psycopg://user@host/db; keep the
    # password in the user's .pgpass file, not here). Empty: the encrypted file in the data dir.
    database_url: str = ""

    @classmethod
    def load(cls, path: Path) -> Settings:
        """Read the file; unknown keys and values of the wrong type fall back to defaults."""
        try:
            raw: Any = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError):
            logger.warning("settings file unreadable; using defaults")
            return cls()
        settings = cls()
        if isinstance(raw, dict):
            for f in fields(cls):
                value = raw.get(f.name)
                if isinstance(value, type(getattr(settings, f.name))):
                    setattr(settings, f.name, value)
        if settings.language not in LANGUAGES:
            settings.language = "es"
        return settings

    def save(self, path: Path) -> None:
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        tmp.replace(path)
