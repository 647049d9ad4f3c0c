"""What every page and dialog needs: the database, the acting user, the office, the settings."""

from __future__ import annotations

from dataclasses import dataclass

from frontera_desk.db import Database
from frontera_desk.paths import Paths
from frontera_desk.services.auth import Vault
from frontera_desk.services.office import OfficeInfo
from frontera_desk.services.permissions import Actor
from frontera_desk.settings import Settings


@dataclass
class AppContext:
    db: Database
    actor: Actor
    office: OfficeInfo
    paths: Paths
    settings: Settings
    vault: Vault | None = None  # the key file and database key of the signed-in session
    idle_lock_minutes: int = 10
    restored: bool = False  # a backup replaced the database: no closing backup of the old one

    @property
    def language(self) -> str:
        return self.settings.language
