"""What every page and dialog needs: the database, the acting user, the office, the settings."""

from __future__ import annotations

from dataclasses import dataclass

from frontera_desk.db import Database
from frontera_desk.paths import Paths
from frontera_desk.services.context import Actor
from frontera_desk.services.office import OfficeInfo
from frontera_desk.settings import Settings


@dataclass
class AppContext:
    db: Database
    actor: Actor
    office: OfficeInfo
    paths: Paths
    settings: Settings

    @property
    def language(self) -> str:
        return self.settings.language
