"""Where Frontera Desk keeps its files. One data dir holds the database, logs and backups."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_path

from frontera_desk.domain.errors import FronteraError

APP_NAME = "FronteraDesk"
ENV_DATA_DIR = "FRONTERA_DESK_DATA_DIR"
ENV_DATABASE_URL = "FRONTERA_DESK_DATABASE_URL"


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    chosen: bool = False  # named by --data-dir or the environment, not the platform default
    # Server mode: the office's database on PostgreSQL. The data dir keeps the local settings,
    # logs and backups; the database file and key file beside it are not used.
    database_url: str | None = None

    @property
    def on_server(self) -> bool:
        return self.database_url is not None

    @property
    def server_name(self) -> str:
        """``host/database`` of the server mode's database (for the status bar)."""
        from sqlalchemy.engine import make_url

        url = make_url(self.database_url or "")
        return f"{url.host or 'localhost'}/{url.database or ''}"

    @property
    def location(self) -> str:
        """Where the office's database is, as the user may see it (never a password)."""
        return safe_url(self.database_url) if self.database_url else str(self.data_dir)

    @property
    def database(self) -> Path:
        return self.data_dir / "frontera.db"

    @property
    def keys(self) -> Path:
        """The key file: the database key wrapped per password (see db/keyfile.py)."""
        return self.data_dir / "frontera.keys"

    @property
    def checkpoints(self) -> Path:
        """The office key's signed checkpoints of the audit chain, one JSON line each, outside
        the database's reach (see services/checkpoints.py)."""
        return self.data_dir / "frontera.checkpoints"

    @property
    def attachments(self) -> Path:
        """Files attached to agreements (they travel in every backup)."""
        return self.data_dir / "adjuntos"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "frontera-desk.log"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "respaldos"

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "settings.json"

    @property
    def restore_journal(self) -> Path:
        """Present only while a restore swaps files (services/backup.py): "set up, restore
        pending", finished or rolled back at the next start-up."""
        return self.data_dir / "restauracion-pendiente.json"

    @property
    def qt_settings_file(self) -> Path:
        return self.data_dir / "ventanas.ini"

    def create(self) -> Paths:
        """Make the folders. A chosen folder whose parent is missing (an unplugged USB drive, a
        mistyped path) is refused rather than created somewhere unexpected."""
        if self.chosen and not self.data_dir.exists() and not self.data_dir.parent.exists():
            raise FronteraError(
                f"No existe la carpeta {self.data_dir.parent}: revise la ruta de --data-dir o "
                "conecte la unidad donde están los datos."
            )
        for folder in (self.data_dir, self.log_dir, self.backup_dir):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        owner_only(self.data_dir, self.backup_dir, self.database, self.keys)
        return self


def owner_only(*places: Path) -> None:
    """POSIX: the data folder, the backups folder, the database and the key file are their
    owner's only (0700 folders, 0600 files), also when an older version made them readable
    by others. Windows: the user's profile folder's permissions are inherited. A folder that
    cannot be changed (read-only disk, someone else's) is left as it is."""
    if os.name != "posix":
        return
    for place in places:
        try:
            mode = place.stat().st_mode
            wanted = 0o700 if place.is_dir() else 0o600
            if mode & 0o777 & ~wanted:
                os.chmod(place, mode & wanted)
        except OSError:
            continue


def safe_url(url: str) -> str:
    """A database URL as it may be shown or logged: never the password."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(dirección de base de datos no válida)"


def default_data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


DEMO_USER, DEMO_PASSWORD = "supervisor", "demo"  # DESIGN §6: a demo folder opens as its supervisor


def demo_data_dir() -> Path:
    return default_data_dir().parent / f"{APP_NAME}-demo"


def opens_as_demo(app_paths: Paths, demo: bool, smoke_test: bool) -> bool:
    """DESIGN §6: with --demo or --smoke-test, or on the platform's demo folder, the window
    signs in as the demo supervisor (when the folder holds a demonstration)."""
    return demo or smoke_test or app_paths.data_dir == demo_data_dir()


def resolve(
    data_dir: str | os.PathLike[str] | None = None,
    demo: bool = False,
    database_url: str | None = None,
) -> Paths:
    """``--data-dir`` wins, then ``FRONTERA_DESK_DATA_DIR``, then the platform's data dir.
    The database is the file in it unless ``--database-url`` or ``FRONTERA_DESK_DATABASE_URL``
    names a server (a setting may too: see cli.py)."""
    url = database_url or os.environ.get(ENV_DATABASE_URL) or None
    if data_dir:
        return Paths(Path(data_dir).expanduser().resolve(), chosen=True, database_url=url)
    if os.environ.get(ENV_DATA_DIR):
        folder = Path(os.environ[ENV_DATA_DIR]).expanduser().resolve()
        return Paths(folder, chosen=True, database_url=url)
    return Paths(demo_data_dir() if demo else default_data_dir(), database_url=url)
