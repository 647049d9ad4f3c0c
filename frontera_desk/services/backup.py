"""Backups: one file per backup (zip) with the database copy, the key file and a manifest.

The copy is taken with SQLite's online backup API (never a file copy of a live database) and
stays encrypted under the same key. A backup is verified (hashes, then SQLite's integrity
check) before it is trusted or restored; a restore keeps the current database aside and swaps
the files in only when everything is ready, so it never leaves a half-restored folder.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from frontera_desk import __version__
from frontera_desk.db import Database, server
from frontera_desk.db.check import check_database
from frontera_desk.db.engine import connect_file, is_read_only
from frontera_desk.db.keyfile import ServerStore
from frontera_desk.db.migrate import current_revision
from frontera_desk.domain.errors import FronteraError
from frontera_desk.paths import Paths
from frontera_desk.services.office import get_office

if TYPE_CHECKING:
    from frontera_desk.services.auth import SignedIn

logger = logging.getLogger(__name__)

FORMAT = "frontera-desk-backup"
SUFFIX = ".fdrespaldo"
MANIFEST, DATABASE, KEYS = "manifest.json", "frontera.db", "frontera.keys"
DUMP = "frontera.dump"  # server mode: the database as pg_dump writes it (custom format)
ATTACHMENTS = "adjuntos"  # files attached to agreements, named by a random hex id
_ATTACHMENT = re.compile(r"^adjuntos/[0-9a-f]{32}(\.[a-z0-9]{1,9})?$")
MAX_UNPACKED = 50 * 1024**3  # a backup that claims more than this is not ours
AUTO_PREFIX = "auto-"
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Manifest:
    format: str
    version: int
    app_version: str
    schema_revision: str
    office_code: str
    office_name: str
    created_at: str
    database_sha256: str
    database_size: int
    keys_sha256: str
    files: dict[str, str] = field(default_factory=dict)  # attachment path → SHA-256
    database_kind: str = "sqlite"  # or "postgresql" (server mode): the database member is DUMP

    @property
    def database_member(self) -> str:
        return DUMP if self.database_kind == "postgresql" else DATABASE


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    manifest: Manifest

    @property
    def created_at(self) -> datetime:
        return datetime.fromisoformat(self.manifest.created_at)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fsync_dir(folder: Path) -> None:
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def create_backup(
    app_paths: Paths,
    db: Database,
    target: Path | None = None,
    *,
    automatic: bool = False,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> BackupInfo:
    """Write a backup file into ``target`` (a folder, or a file name) and return it."""
    now = now or datetime.now(UTC)
    with db.read() as session:
        office = get_office(session)
    if office is None:
        raise FronteraError("La oficina no está configurada; no hay nada que respaldar.")
    folder = target if target is None or target.suffix != SUFFIX else target.parent
    folder = folder or app_paths.backup_dir
    name = target.name if target is not None and target.suffix == SUFFIX else (
        f"{AUTO_PREFIX if automatic else ''}{office.code}-{now:%Y%m%d-%H%M%S}{SUFFIX}"
    )  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder, prefix=".respaldo-") as tmp:
        keys = Path(tmp) / KEYS
        if app_paths.database_url:
            copy = Path(tmp) / DUMP
            server.dump(app_paths.database_url, copy)
            keys.write_text(ServerStore(app_paths.database_url).read() or "", encoding="utf-8")
        else:
            copy = Path(tmp) / DATABASE
            _copy_sqlite(app_paths.database, copy, db.key, progress)
            shutil.copyfile(app_paths.keys, keys)
        attachments = {
            f"{ATTACHMENTS}/{f.name}": f
            for f in sorted(app_paths.attachments.glob("*"))
            if _ATTACHMENT.match(f"{ATTACHMENTS}/{f.name}")
        }
        manifest = Manifest(
            FORMAT, 1, __version__, current_revision(db) or "", office.code, office.name,
            now.isoformat(), _sha256(copy), copy.stat().st_size, _sha256(keys),
            {name: _sha256(f) for name, f in attachments.items()},
            "postgresql" if app_paths.database_url else "sqlite",
        )  # fmt: skip
        partial = Path(tmp) / name
        with zipfile.ZipFile(partial, "w") as archive:
            archive.writestr(MANIFEST, json.dumps(asdict(manifest), indent=1))
            archive.write(keys, KEYS)
            archive.write(copy, copy.name)  # stored: encrypted or compressed already
            for member, source in attachments.items():
                archive.write(source, member)
        with open(partial, "rb+") as written:
            os.fsync(written.fileno())
        final = folder / name
        os.replace(partial, final)
        _fsync_dir(folder)
    logger.info("backup written (%s, %d bytes)", "automatic" if automatic else "manual",
                final.stat().st_size)  # fmt: skip
    return BackupInfo(final, manifest)


def _copy_sqlite(source: Path, copy: Path, key: bytes | None, progress: Progress | None) -> None:
    src, dst = connect_file(source, key, is_read_only(source)), connect_file(copy, key)
    try:

        def report(_status: int, remaining: int, total: int) -> None:
            if progress:
                progress(total - remaining, total)

        src.backup(dst, pages=256, progress=report)
    finally:
        dst.close()
        src.close()


def read_manifest(path: Path) -> Manifest:
    """The manifest of a backup file, after checking that the file is one of ours."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            database = DUMP if DUMP in names else DATABASE
            extra = names - {MANIFEST, database, KEYS}
            if not {MANIFEST, database, KEYS} <= names or not all(
                _ATTACHMENT.match(n) for n in extra
            ):
                raise FronteraError(f"{path.name} no es un respaldo de Frontera Desk.")
            if sum(i.file_size for i in archive.infolist()) > MAX_UNPACKED:
                raise FronteraError(f"{path.name} declara un tamaño imposible; se rechaza.")
            data = json.loads(archive.read(MANIFEST))
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        raise FronteraError(
            f"{path.name} no es un respaldo de Frontera Desk o está dañado."
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FronteraError(f"{path.name} no es un respaldo de Frontera Desk.")
    if data.get("version") != 1:
        raise FronteraError(f"{path.name} es de una versión más nueva de Frontera Desk.")
    try:
        manifest = Manifest(**data)
    except TypeError:
        raise FronteraError(f"El manifiesto de {path.name} está incompleto.") from None
    if set(manifest.files) != extra or manifest.database_member != database:
        raise FronteraError(f"{path.name}: su contenido no coincide con su manifiesto.")
    return manifest


def _unpack(path: Path, manifest: Manifest, into: Path) -> tuple[Path, Path]:
    (into / ATTACHMENTS).mkdir()
    with zipfile.ZipFile(path) as archive:
        for member in (manifest.database_member, KEYS, *manifest.files):  # checked names
            with archive.open(member) as source, open(into / member, "wb") as out:
                shutil.copyfileobj(source, out, 1 << 20)
    database, keys = into / manifest.database_member, into / KEYS
    altered = any(_sha256(into / name) != digest for name, digest in manifest.files.items())
    if (
        altered
        or _sha256(database) != manifest.database_sha256
        or _sha256(keys) != manifest.keys_sha256
    ):
        raise FronteraError(
            f"El respaldo {path.name} fue alterado o está dañado: su contenido no coincide con "
            "su manifiesto. No se usó."
        )
    return database, keys


def verify_backup(path: Path, key: bytes | None, encrypted: bool = True) -> Manifest:
    """Hashes, then SQLite's integrity and foreign-key checks on the copy (a server's dump:
    pg_restore reads it whole and it holds an office's tables). Raises if unsound."""
    manifest = read_manifest(path)
    with tempfile.TemporaryDirectory(prefix=".verificar-") as tmp:
        database, _keys = _unpack(path, manifest, Path(tmp))
        if manifest.database_kind == "postgresql":
            problems = server.check_dump(database)
        else:
            problems = check_database(database, key if encrypted else None)
    if problems:
        raise FronteraError(f"El respaldo {path.name} no es utilizable: {problems[0]}")
    return manifest


def restore_backup(
    app_paths: Paths, path: Path, key: bytes | None, encrypted: bool = True,
    now: datetime | None = None,
) -> Path | None:  # fmt: skip
    """Replace the folder's database and key file with the backup's, after verifying it.

    The current files are moved aside first (returned); on any failure they are put back.
    The database must not be open. On a server, the current contents are dumped aside and
    pg_restore replaces them in one transaction.
    """
    manifest = verify_backup(path, key, encrypted)
    if (manifest.database_kind == "postgresql") != app_paths.on_server:
        raise FronteraError(
            f"{path.name} es un respaldo de "
            + ("un servidor PostgreSQL: restáurelo indicando --database-url."
               if manifest.database_kind == "postgresql" else
               "una carpeta de datos local: restáurelo sin --database-url.")
        )  # fmt: skip
    now = now or datetime.now(UTC)
    app_paths.create()
    staging = Path(tempfile.mkdtemp(dir=app_paths.data_dir, prefix=".restaurando-"))
    aside: Path | None = None
    moved: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    try:
        database, keys = _unpack(path, manifest, staging)
        attachments = app_paths.attachments
        aside = app_paths.data_dir / f"antes-de-restaurar-{now:%Y%m%d-%H%M%S}"
        aside.mkdir()
        if app_paths.database_url:  # the server's current contents, kept as a dump
            server.dump(app_paths.database_url, aside / DUMP)
            current = [attachments] if attachments.exists() else []
            pairs = [(staging / ATTACHMENTS, attachments)]
        else:
            current = [p for p in (app_paths.database, app_paths.keys, *_wal(app_paths),
                                   attachments) if p.exists()]  # fmt: skip
            pairs = [(database, app_paths.database), (keys, app_paths.keys),
                     (staging / ATTACHMENTS, attachments)]  # fmt: skip
        for file in current:
            os.replace(file, aside / file.name)
            moved.append((aside / file.name, file))
        for source, destination in pairs:
            os.replace(source, destination)
            placed.append(destination)
        if app_paths.database_url:  # last: one transaction, so all or nothing
            server.restore(app_paths.database_url, database)
        _fsync_dir(app_paths.data_dir)
        if not any(aside.iterdir()):
            aside.rmdir()
            aside = None
    except BaseException:
        for destination in placed:
            if destination.is_dir():
                shutil.rmtree(destination)
            else:
                destination.unlink(missing_ok=True)
        for source, original in moved:
            os.replace(source, original)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    logger.info("backup restored (office %s, revision %s)", manifest.office_code,
                manifest.schema_revision)  # fmt: skip
    return aside


def _wal(app_paths: Paths) -> list[Path]:
    db = app_paths.database
    return [db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]


# --- the office's own backups -----------------------------------------------------------------


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in a folder, newest first (files that are not backups are skipped)."""
    found = []
    for path in folder.glob(f"*{SUFFIX}"):
        try:
            found.append(BackupInfo(path, read_manifest(path)))
        except FronteraError:
            logger.warning("not a usable backup: %s", path.name)
    return sorted(found, key=lambda b: b.created_at, reverse=True)


def last_backup(folder: Path) -> BackupInfo | None:
    backups = list_backups(folder)
    return backups[0] if backups else None


def daily_backup_due(folder: Path, now: datetime | None = None) -> bool:
    last = last_backup(folder)
    return last is None or (now or datetime.now(UTC)) - last.created_at > timedelta(days=1)


def rotate(folder: Path, daily: int = 7, monthly: int = 12) -> list[Path]:
    """Keep the newest automatic backup of each of the last ``daily`` days and of each of the
    last ``monthly`` months; delete the other automatic ones. Manual backups are never touched."""
    automatic = [b for b in list_backups(folder) if b.path.name.startswith(AUTO_PREFIX)]
    keep: set[Path] = set()
    days: list[str] = []
    months: list[str] = []
    for backup in automatic:  # newest first
        day, month = backup.created_at.strftime("%Y-%m-%d"), backup.created_at.strftime("%Y-%m")
        if day not in days and len(days) < daily:
            days.append(day)
            keep.add(backup.path)
        if month not in months and len(months) < monthly:
            months.append(month)
            keep.add(backup.path)
    removed = [b.path for b in automatic if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def unlock_backup(path: Path, username: str, password: str) -> tuple[bytes, bool]:
    """The database key of a backup, from the key file inside it (for a dead laptop's backup,
    opened on another machine). Returns the key and whether the database is encrypted."""
    from frontera_desk.db.keyfile import KeyFile, user_entry
    from frontera_desk.services.auth import SignInFailed

    read_manifest(path)
    with tempfile.TemporaryDirectory(prefix=".llaves-") as tmp:
        keys = Path(tmp) / KEYS
        with zipfile.ZipFile(path) as archive:
            keys.write_bytes(archive.read(KEYS))
        keyfile = KeyFile.load(keys)
    key = keyfile.unwrap(user_entry(username.strip().lower()), password)
    if key is None:
        raise SignInFailed("Usuario o contraseña incorrectos para ese respaldo.")
    return key, keyfile.encrypted


# --- moving an office to a server -------------------------------------------------------------


def move_to_server(app_paths: Paths, signed: SignedIn, url: str) -> int:
    """Copy the office from its SQLite file into the empty PostgreSQL database at ``url``, with
    the same accounts and passwords (the key document moves with it). The local file is left as
    it was. Returns the rows copied."""
    from frontera_desk.db import open_database, transfer
    from frontera_desk.db.keyfile import KeyFile
    from frontera_desk.services import audit
    from frontera_desk.services.context import Action, require

    if app_paths.on_server:
        raise FronteraError("Esta oficina ya trabaja en un servidor.")
    with signed.db.write():  # a refusal is audited
        require(signed.actor, Action.RESTORE)
    target = open_database(url, None)  # an empty database gets the schema here
    try:
        copied = transfer.move_to_server(signed.db, target)  # refuses a server with an office
        KeyFile(ServerStore(url), KeyFile.load(app_paths.keys).data).save()
        with target.write() as session:
            audit.record(session, signed.actor, "mudar_a_servidor", "oficina", None,
                         {"filas": copied})  # fmt: skip
    finally:
        target.dispose()
    logger.info("office moved to a server (%d rows)", copied)
    return copied
