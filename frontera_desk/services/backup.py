"""Backups: one file per backup (zip) with the database copy, the key file and a manifest.

The copy is taken with SQLite's online backup API (never a file copy of a live database) and
stays encrypted under the same key. A backup is verified (hashes, then SQLite's integrity
check) before it is trusted or restored; a restore keeps the current database aside and swaps
the files in only when everything is ready, so it never leaves a half-restored folder.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from sqlalchemy import func, select

from frontera_desk import __version__
from frontera_desk.db import Database, server
from frontera_desk.db.check import check_database
from frontera_desk.db.engine import connect_file, is_read_only
from frontera_desk.db.keyfile import FileStore, KeyFile, ServerStore, user_entry
from frontera_desk.db.migrate import current_revision
from frontera_desk.db.models import SYSTEM_USER_ID, AuditEntry, Office, User
from frontera_desk.domain.errors import DatabaseError, FronteraError, PermissionDenied
from frontera_desk.domain.text import clean
from frontera_desk.paths import Paths
from frontera_desk.services import checkpoints
from frontera_desk.services.office import get_office
from frontera_desk.services.permissions import Action, Actor, require

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
MAX_SMALL = 4 * 1024**2  # the manifest and the key file are a few kilobytes
MAX_ENTRIES = 200_000  # files in a backup (attachments)
MAX_RATIO = 200  # uncompressed / compressed, per file (ours are stored): beyond it, a zip bomb
STAGING, VERIFYING = ".restaurando-", ".verificar-"  # owner-only folders in the data folder
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
    office_uuid: str = ""  # the office's identity (backups made before it carry none)

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
    file: Path | None = None,
    automatic: bool = False,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> BackupInfo:
    """Write a backup file into ``target`` (a folder, or a name ending in .fdrespaldo) or, with
    ``file``, exactly that file whatever its name, and return it."""
    now = now or datetime.now(UTC)
    with db.read() as session:
        office = get_office(session)
        office_uuid = session.scalar(select(Office.uuid)) or ""
    if office is None:
        raise FronteraError("La oficina no está configurada; no hay nada que respaldar.")
    if file is None and target is not None and target.suffix == SUFFIX:
        file = target
    folder = (file.parent if file is not None else target) or app_paths.backup_dir
    name = file.name if file is not None else (
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
            "postgresql" if app_paths.database_url else "sqlite", office_uuid,
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
        os.chmod(partial, 0o600)  # the office's data: its owner's only
        final = folder / name
        os.replace(partial, final)
        _fsync_dir(folder)
    logger.info("backup written (%s, %d bytes)", "automatic" if automatic else "manual",
                final.stat().st_size)  # fmt: skip
    return BackupInfo(final, manifest)


def create(
    app_paths: Paths, db: Database, actor: Actor, target: Path | None = None, *,
    file: Path | None = None, progress: Progress | None = None,
) -> BackupInfo:  # fmt: skip
    """Back up now, by hand (the CLI's ``backup create``, the GUI's *Back up now*): the actor
    may (a refusal is audited), the backup is written, then its audit entry. On a read-only
    folder, the rescue of its data, nothing can be recorded: the backup is still written."""
    from frontera_desk.services import audit

    with db.write():
        require(actor, Action.BACKUP)
    made = create_backup(app_paths, db, target, file=file, progress=progress)
    if not db.read_only:
        with db.write() as session:
            changes = {"archivo": made.path.name, "sha256": made.manifest.database_sha256}
            audit.record(session, actor, "crear_respaldo", "respaldo", None, changes)
    return made


def verify(
    db: Database, actor: Actor, path: Path, key: bytes | None, encrypted: bool = True, *,
    work_dir: Path,
) -> Manifest:  # fmt: skip
    """Verify a backup from a signed-in session: the actor may (as for making one), the file is
    checked (``verify_backup``), and the check is audited with its outcome. (``backup verify``
    on the command line needs no office: the backup's own account unlocks it.)"""
    with db.write():
        require(actor, Action.BACKUP)
    try:
        manifest = verify_backup(path, key, encrypted, work_dir=work_dir)
    except FronteraError as error:
        _audit_check(db, actor, {"archivo": path.name, "integro": False, "motivo": str(error)})
        raise
    _audit_check(db, actor, {"archivo": path.name, "integro": True,
                             "oficina": manifest.office_code})  # fmt: skip
    return manifest


def _audit_check(db: Database, actor: Actor, changes: dict[str, Any]) -> None:
    from frontera_desk.services import audit

    if not db.read_only:
        with db.write() as session:
            audit.record(session, actor, "verificar_respaldo", "respaldo", None, changes)


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


# --- reading a backup: every check that needs no unpacking, first ----------------------------


def _refused(path: Path, what: str) -> FronteraError:
    return FronteraError(f"{path.name} {what}; no se usó.")


def _check_sizes(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Declared sizes and compression ratios, before a byte is unpacked (as HQ's package
    import does): a small file that would inflate to gigabytes is not ours."""
    if len(infos) > MAX_ENTRIES:
        raise _refused(path, "tiene demasiados archivos para ser un respaldo")
    for info in infos:
        limit = MAX_SMALL if info.filename in (MANIFEST, KEYS) else MAX_UNPACKED
        if info.file_size > limit or info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _refused(path, "declara un tamaño imposible o una compresión anómala")
    if sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise _refused(path, "declara un tamaño imposible")


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    with archive.open(info) as member:
        data = member.read(info.file_size + 1)  # never more than declared, whatever it holds
    if len(data) != info.file_size:
        raise ValueError(name)
    return data


def _loads(data: bytes) -> Any:
    """JSON from a file that may be hostile: any failure (deep nesting included) is a
    ValueError."""
    try:
        return json.loads(data)
    except RecursionError:
        raise ValueError("nested") from None


_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_REVISION = re.compile(r"^[0-9A-Za-z_]{1,64}$")
_TEXT_FIELDS = ("app_version", "office_code", "office_name", "created_at", "office_uuid")


def _manifest(data: Any, path: Path) -> Manifest:
    """The manifest's fields, each of its type and within bounds, or one Spanish line."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FronteraError(f"{path.name} no es un respaldo de Frontera Desk.")
    if type(data.get("version")) is not int:
        raise _refused(path, "tiene un manifiesto no válido")
    if data["version"] != 1:
        raise FronteraError(f"{path.name} es de una versión más nueva de Frontera Desk.")
    known = {f.name for f in fields(Manifest)}
    values = {k: v for k, v in data.items() if k in known}  # later fields are ignored
    try:
        manifest = Manifest(**values)
    except TypeError:
        raise FronteraError(f"El manifiesto de {path.name} está incompleto.") from None
    valid = (
        all(isinstance(getattr(manifest, n), str) and len(getattr(manifest, n)) <= 300
            for n in _TEXT_FIELDS)
        and isinstance(manifest.schema_revision, str)
        and bool(_REVISION.match(manifest.schema_revision))
        and all(isinstance(d, str) and _HEX64.match(d)
                for d in (manifest.database_sha256, manifest.keys_sha256))
        and type(manifest.database_size) is int and 0 <= manifest.database_size <= MAX_UNPACKED
        and isinstance(manifest.files, dict)
        and all(isinstance(n, str) and _ATTACHMENT.match(n) and isinstance(d, str)
                and _HEX64.match(d) for n, d in manifest.files.items())
        and manifest.database_kind in ("sqlite", "postgresql")
    )  # fmt: skip
    if valid:
        try:
            valid = datetime.fromisoformat(manifest.created_at).tzinfo is not None
        except ValueError:
            valid = False
    if not valid:
        raise _refused(path, "tiene un manifiesto no válido")
    return manifest


def read_manifest(path: Path) -> Manifest:
    """The manifest of a backup file, after checking that the file is one of ours: its names,
    declared sizes and compression, and every field of the manifest."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
            database = DUMP if DUMP in names else DATABASE
            extra = names - {MANIFEST, database, KEYS}
            if (
                len(names) != len(infos)
                or not {MANIFEST, database, KEYS} <= names
                or not all(_ATTACHMENT.match(n) for n in extra)
            ):
                raise FronteraError(f"{path.name} no es un respaldo de Frontera Desk.")
            _check_sizes(path, infos)
            data = _loads(_read_member(archive, MANIFEST))
            database_size = archive.getinfo(database).file_size
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, KeyError, EOFError,
            NotImplementedError, RuntimeError):  # fmt: skip
        raise FronteraError(
            f"{path.name} no es un respaldo de Frontera Desk o está dañado."
        ) from None
    manifest = _manifest(data, path)
    if (
        set(manifest.files) != extra
        or manifest.database_member != database
        or manifest.database_size != database_size
    ):
        raise FronteraError(f"{path.name}: su contenido no coincide con su manifiesto.")
    return manifest


def check_schema(manifest: Manifest, path: Path) -> None:
    """A backup made by a newer program (a schema revision this one does not know) would not
    open after it is restored: refuse it now."""
    from frontera_desk.db.migrate import known_revisions
    from frontera_desk.db.migrations import HEAD

    # Most backups are of this program's own revision; walking Alembic's history is slow.
    if manifest.schema_revision != HEAD and manifest.schema_revision not in known_revisions():
        raise FronteraError(
            f"{path.name} fue hecho por una versión más nueva de Frontera Desk (revisión "
            f"{manifest.schema_revision}): actualice la aplicación antes de usarlo. No se usó."
        )


# Argon2id parameters a key file may ask for: beyond these a hostile file makes sign-in spend
# minutes or gigabytes (ours are t=3, m=64 MiB, p=2).
KDF_MAX_TIME, KDF_MAX_MEMORY_KIB, KDF_MAX_PARALLELISM = 10, 1024 * 1024, 8


def _b64_length(value: Any) -> int:
    if not isinstance(value, str) or len(value) > 200:
        return -1
    try:
        return len(base64.b64decode(value.encode("ascii"), validate=True))
    except (ValueError, UnicodeEncodeError):
        return -1


def sound_entry(entry: Any) -> bool:
    """A wrapped-key entry of a key file, of the right shape and with Argon2id parameters
    within bounds (argon2 itself raises on some, and huge ones would hang a sign-in)."""
    if not isinstance(entry, dict) or not isinstance(entry.get("kdf"), dict):
        return False
    kdf = entry["kdf"]
    t, m, p = kdf.get("t"), kdf.get("m"), kdf.get("p")
    return (
        kdf.get("name", "argon2id") == "argon2id"
        and type(t) is int and type(m) is int and type(p) is int
        and 1 <= t <= KDF_MAX_TIME and 1 <= p <= KDF_MAX_PARALLELISM
        and 8 * p <= m <= KDF_MAX_MEMORY_KIB
        and 8 <= _b64_length(kdf.get("salt")) <= 64
        and _b64_length(entry.get("nonce")) == 12
        and 16 < _b64_length(entry.get("wrapped")) <= 128
    )  # fmt: skip


class _InMemory(FileStore):
    """A key file read from inside a backup: never written anywhere."""

    def __init__(self, name: str, text: str) -> None:
        super().__init__(Path(name))
        self.label = f"El archivo de llaves del respaldo {name}"
        self.text = text

    def read(self) -> str | None:
        return self.text

    def write(self, keyfile: KeyFile) -> None:  # pragma: no cover - never called
        raise FronteraError("El archivo de llaves de un respaldo no se modifica.")


def read_keys(data: bytes, path: Path) -> KeyFile:
    """The key file inside a backup, checked entry by entry before any of it is used."""
    refused = _refused(path, "tiene un archivo de llaves dañado o no válido")
    try:
        document = _loads(data)
        text = data.decode("utf-8")
    except ValueError:
        raise refused from None
    if not isinstance(document, dict):
        raise refused
    keyfile = KeyFile.load(_InMemory(path.name, text))  # its format and version
    entries = document.get("entries")
    if (
        not isinstance(entries, dict)
        or len(entries) > 1000
        or not all(isinstance(n, str) and sound_entry(e) for n, e in entries.items())
        or not isinstance(document.get("encrypted", True), bool)
        or not all(isinstance(document.get(k, {}), dict)
                   for k in ("failures", "streak", "locked_until"))
    ):  # fmt: skip
        raise refused
    return keyfile


def _backup_keys(path: Path) -> KeyFile:
    try:
        with zipfile.ZipFile(path) as archive:
            data = _read_member(archive, KEYS)
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, EOFError, RuntimeError):
        raise FronteraError(f"{path.name} no es un respaldo de Frontera Desk o está dañado.") \
            from None  # fmt: skip
    return read_keys(data, path)


# --- unpacking, always inside the data folder and owner-only -----------------------------------


def private_dir(parent: Path, prefix: str) -> Path:
    """A new folder only its owner can read (mkdtemp makes it 0700), inside ``parent``."""
    parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(dir=parent, prefix=prefix))


def _private_file(path: Path) -> BinaryIO:
    return open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")


def _unpack(path: Path, manifest: Manifest, into: Path) -> tuple[Path, Path]:
    (into / ATTACHMENTS).mkdir(mode=0o700)
    with zipfile.ZipFile(path) as archive:  # room for the files, and a migration's copy
        needed = manifest.database_size + sum(i.file_size for i in archive.infolist())
    if shutil.disk_usage(into).free < needed:
        raise FronteraError(
            f"No hay espacio en el disco para desempacar {path.name} "
            f"({needed / 1_048_576:,.0f} MB). Libere espacio e intente de nuevo."
        )
    try:
        with zipfile.ZipFile(path) as archive:
            for member in (manifest.database_member, KEYS, *manifest.files):  # checked names
                with archive.open(member) as source, _private_file(into / member) as out:
                    shutil.copyfileobj(source, out, 1 << 20)
    except (zipfile.BadZipFile, ValueError, EOFError, RuntimeError):  # bad CRC, bad stream
        raise FronteraError(
            f"El respaldo {path.name} está dañado: no se pudo desempacar. No se usó."
        ) from None
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


def _problems(manifest: Manifest, database: Path, key: bytes | None) -> list[str]:
    if manifest.database_kind == "postgresql":
        return server.check_dump(database)
    return check_database(database, key)


def verify_backup(
    path: Path, key: bytes | None, encrypted: bool = True, *, work_dir: Path
) -> Manifest:
    """Hashes, then SQLite's integrity and foreign-key checks on the copy (a server's dump:
    pg_restore reads it whole and it holds an office's tables). Raises if unsound. The copy is
    unpacked into an owner-only folder inside ``work_dir`` (the data folder), then removed."""
    manifest = read_manifest(path)
    check_schema(manifest, path)
    folder = private_dir(work_dir, VERIFYING)
    try:
        database, _keys = _unpack(path, manifest, folder)
        problems = _problems(manifest, database, key if encrypted else None)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if problems:
        raise FronteraError(f"El respaldo {path.name} no es utilizable: {problems[0]}")
    return manifest


def unlock_backup(path: Path, username: str, password: str) -> tuple[bytes, bool]:
    """The database key of a backup, from the key file inside it (for a dead laptop's backup,
    opened on another machine). Returns the key and whether the database is encrypted."""
    from frontera_desk.services.auth import SignInFailed

    read_manifest(path)
    keyfile = _backup_keys(path)
    key = keyfile.unwrap(user_entry(clean(username).lower()), password)
    if key is None:
        raise SignInFailed("Usuario o contraseña incorrectos para ese respaldo.")
    return key, keyfile.encrypted


# --- restore: an administrator's act on the office it restores ---------------------------------


class OtherOffice(FronteraError):
    """The backup may not be of this office: restoring it needs ``expected`` typed by hand
    (``--replace-office``, or the code typed in the window)."""

    def __init__(self, message: str, expected: str) -> None:
        super().__init__(message)
        self.expected = expected


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    aside: Path | None  # the replaced files, kept
    replaced: str | None  # the code of the office replaced (None: an empty folder)


@dataclass(frozen=True)
class _Current:
    """What the folder held before the restore, read after signing in to it."""

    code: str | None  # None when its database could not be read (missing or damaged)
    uuid: str | None
    head: str | None
    entries: int | None
    key: bytes | None  # its database key (to recognize a backup of the same database)


def _current_office(app_paths: Paths, username: str, password: str) -> _Current | None:
    """Sign in to the office the folder holds, with its own key file, and require the
    administrator. None for an empty folder (a dead laptop's backup onto a new machine)."""
    from frontera_desk.services import audit, auth

    if not auth.is_set_up(app_paths):
        return None
    damaged = not app_paths.on_server and not app_paths.database.exists()
    if not damaged:
        try:
            signed = auth.sign_in(app_paths, username, password)  # lockout; disabled refused
        except DatabaseError as error:
            if not error.restorable:
                raise
            damaged = True
    if damaged:
        # The database cannot say who is an administrator: the current key file must still
        # open with this account (with its lockout), and the role is read in the backup.
        keyfile, key = auth.unlock(app_paths, username, password)
        return _Current(None, None, None, None, key if keyfile.encrypted else None)
    try:
        with signed.db.write() as session:  # a refusal is audited
            require(signed.actor, Action.RESTORE)
            office = session.scalars(select(Office)).one()
            entries = session.scalar(select(func.count(AuditEntry.id))) or 0
            current = _Current(office.code, office.uuid, audit.head(session), entries,
                               signed.vault.db_key)  # fmt: skip
    finally:
        signed.db.dispose()
    return current


def _same_office(
    manifest: Manifest, current: _Current, replace_office: str | None, path: Path
) -> None:
    same = manifest.office_code == current.code and manifest.office_uuid in ("", current.uuid)
    if same:
        return
    code = current.code or ""
    if replace_office is None:
        other = ("la oficina " + manifest.office_code if manifest.office_code != code
                 else "otra oficina con la misma clave")  # fmt: skip
        raise OtherOffice(
            f"{path.name} es un respaldo de {other}, no de esta ({code}). Para reemplazar esta "
            f"oficina con él, confirme escribiendo su clave ({code}); no se restauró nada.",
            code,
        )
    if clean(replace_office).upper() != code:
        raise FronteraError(
            f"La clave «{clean(replace_office)}» no es la de esta oficina ({code}); no se "
            "restauró nada."
        )


def _opens(database: Path, key: bytes | None) -> bool:
    try:
        conn = connect_file(database, key)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        finally:
            conn.close()
    except Exception:  # a wrong key: either driver's DatabaseError
        return False
    return True


def _working_key(
    manifest: Manifest, database: Path, keyfile: KeyFile, username: str, password: str,
    current: _Current | None,
) -> bytes | None:  # fmt: skip
    """The backup's database key: from its key file with the same account, or (a backup of
    this very database, made with the password of before) the current one."""
    from frontera_desk.services.auth import SignInFailed

    key = keyfile.unwrap(user_entry(username), password)
    if manifest.database_kind == "postgresql" or not keyfile.encrypted:
        if key is None:
            raise SignInFailed("Usuario o contraseña incorrectos para ese respaldo.")
        return None
    for candidate in (key, current.key if current else None):
        if candidate is not None and _opens(database, candidate):
            return candidate
    raise SignInFailed(
        "Usuario o contraseña incorrectos para ese respaldo: use una cuenta y contraseña "
        "que existían cuando se hizo."
    )


def _record_restore(
    db: Database, path: Path, manifest: Manifest, username: str, current: _Current | None,
    must_be_admin: bool,
) -> None:  # fmt: skip
    """The restored database's first entry: what was restored, by whom, and what it replaced."""
    from frontera_desk.domain.enums import Role
    from frontera_desk.services import audit
    from frontera_desk.services.permissions import actor_for

    with db.write() as session:
        user = session.scalars(select(User).where(User.username == username)).first()
        if must_be_admin and (
            user is None or not user.is_active or user.role != Role.ADMINISTRADOR.value
        ):
            raise PermissionDenied(
                "La base actual no se puede leer: sólo un administrador de la oficina en ese "
                "respaldo puede restaurarlo. No se restauró nada."
            )
        actor = actor_for(session, user.id if user and user.is_active else SYSTEM_USER_ID)
        replaced = None
        if current is not None:
            replaced = {"oficina": current.code, "cabeza": current.head,
                        "registros": current.entries} if current.code else "ilegible"  # fmt: skip
        audit.record(session, actor, "restaurar_respaldo", "respaldo", None, {
            "archivo": path.name, "creado": manifest.created_at,
            "revision": manifest.schema_revision, "oficina": manifest.office_code,
            "usuario": username, "cadena_reemplazada": replaced,
        })  # fmt: skip


def restore_backup(
    app_paths: Paths, path: Path, username: str, password: str, *,
    replace_office: str | None = None, now: datetime | None = None,
) -> Restored:  # fmt: skip
    """Replace the folder's office with the backup's, after checking who asks and the backup.

    On a folder that holds an office, ``username`` signs in to *it* (its own key file) and
    must be its administrator; a backup of another office needs ``replace_office``, the
    current office's code. On an empty folder (a dead laptop), the backup's key file opens it.
    The same account opens the backup. The files are swapped under a journal (see
    ``finish_interrupted_restore``); the replaced ones stay aside (returned). The database
    must not be open in this process.
    """
    from frontera_desk.db import open_database

    manifest = read_manifest(path)
    check_schema(manifest, path)
    if (manifest.database_kind == "postgresql") != app_paths.on_server:
        raise FronteraError(
            f"{path.name} es un respaldo de "
            + ("un servidor PostgreSQL: restáurelo indicando --database-url."
               if manifest.database_kind == "postgresql" else
               "una carpeta de datos local: restáurelo sin --database-url.")
        )  # fmt: skip
    username = clean(username).lower()
    app_paths.create()
    current = _current_office(app_paths, username, password)
    if current is not None and current.code is not None:
        _same_office(manifest, current, replace_office, path)
    keyfile = _backup_keys(path)
    now = now or datetime.now(UTC)
    staging = private_dir(app_paths.data_dir, STAGING)
    try:
        database, _keys = _unpack(path, manifest, staging)
        key = _working_key(manifest, database, keyfile, username, password, current)
        problems = _problems(manifest, database, key)
        if problems:
            raise FronteraError(f"El respaldo {path.name} no es utilizable: {problems[0]}")
        damaged = current is not None and current.code is None
        # A damaged office: nothing can say this backup is of it (the database that would is
        # unreadable and the key differs), so the administrator must name the backup's office.
        named = replace_office is not None and clean(replace_office).upper() == manifest.office_code
        if damaged and current is not None and key != current.key and not named:
            raise OtherOffice(
                f"No se puede leer la base actual para comprobar que {path.name} sea de esta "
                "oficina. Para restaurarlo, confirme escribiendo la clave de la oficina del "
                f"respaldo ({manifest.office_code}); no se restauró nada.",
                manifest.office_code,
            )
        if app_paths.database_url:
            aside = _restore_server(app_paths, path, manifest, database, staging, now)
            db = open_database(app_paths.database_url, app_paths.backup_dir)
            try:  # after pg_restore's transaction: a crash between them loses only this entry
                _record_restore(db, path, manifest, username, current, damaged)
            finally:
                db.dispose()
        else:
            db = open_database(database, app_paths.backup_dir, key)  # brought up to date
            try:
                _record_restore(db, path, manifest, username, current, damaged)
                with db.read() as session:
                    checkpoints.write_from_chain(session, staging / app_paths.checkpoints.name)
            finally:
                db.dispose()
            _no_wal(database, key)
            aside = _swap(app_paths, staging, path, now)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    logger.info("backup restored (office %s, revision %s)", manifest.office_code,
                manifest.schema_revision)  # fmt: skip
    return Restored(manifest, aside, current.code if current else None)


def _no_wal(database: Path, key: bytes | None) -> None:
    """The staged database as one file (its log folded in), so the swap moves one file."""
    conn = connect_file(database, key)
    try:
        conn.execute("PRAGMA journal_mode = DELETE").fetchall()
    finally:
        conn.close()


def _restore_server(
    app_paths: Paths, path: Path, manifest: Manifest, dump: Path, staging: Path, now: datetime
) -> Path | None:
    """Server mode: the current contents are dumped aside, then pg_restore replaces them in
    one transaction (all or nothing), so no journal is needed for the database; the
    attachments folder is swapped after it."""
    aside = _aside_dir(app_paths, now)
    server.dump(app_paths.database_url or "", aside / DUMP)
    server.restore(app_paths.database_url or "", dump)
    attachments = app_paths.attachments
    if attachments.exists():
        os.replace(attachments, aside / ATTACHMENTS)
    os.replace(staging / ATTACHMENTS, attachments)
    _fsync_dir(app_paths.data_dir)
    return aside


def _aside_dir(app_paths: Paths, now: datetime) -> Path:
    base = app_paths.data_dir / f"antes-de-restaurar-{now:%Y%m%d-%H%M%S}"
    for n in range(100):
        candidate = base if n == 0 else base.with_name(f"{base.name}-{n}")
        try:
            candidate.mkdir(mode=0o700)
            return candidate
        except FileExistsError:
            continue
    raise FronteraError("No se pudo apartar la base actual: hay demasiadas copias apartadas.")


# --- the journal: a restore that survives a crash at any instant -------------------------------

JOURNAL = "restauracion-pendiente.json"
JOURNAL_FORMAT = "frontera-desk-restore"
_AFTER_MOVE: Callable[[int], None] | None = None  # tests: stop the process after move N


@dataclass(frozen=True)
class _Journal:
    staging: str
    aside: str
    old: list[str]  # the current files, moved aside in this order
    new: list[str]  # the backup's files, moved in in this order (the key file last)
    backup: str


def _plain_name(name: Any) -> bool:
    return isinstance(name, str) and name not in ("", ".", "..") and "/" not in name \
        and "\\" not in name  # fmt: skip


def _read_journal(path: Path) -> _Journal:
    try:
        data = _loads(path.read_bytes())
        journal = _Journal(data["staging"], data["aside"], list(data["old"]), list(data["new"]),
                           str(data["backup"]))  # fmt: skip
    except (OSError, ValueError, KeyError, TypeError):
        journal = None
    if (
        journal is None
        or data.get("format") != JOURNAL_FORMAT
        or not all(
            _plain_name(n) for n in (journal.staging, journal.aside, *journal.old, *journal.new)
        )
    ):
        raise FronteraError(
            f"El diario de restauración {path} está dañado: revise la carpeta de datos a mano "
            "(la base anterior está en la carpeta «antes-de-restaurar-…»)."
        )
    return journal


def _write_journal(path: Path, journal: _Journal) -> None:
    body = json.dumps({"format": JOURNAL_FORMAT, "version": 1, **asdict(journal)}, indent=1)
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    with _private_file(tmp) as out:
        out.write(body.encode("utf-8"))
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _swap(app_paths: Paths, staging: Path, backup_file: Path, now: datetime) -> Path | None:
    """Move the current files aside and the backup's in, under a journal written first.

    The key file is never missing (so the folder never looks "not set up"): it is copied
    aside before, and the backup's replaces it in one rename, last — once it is in, the
    restore is complete. Any crash before that is rolled back at the next start-up.
    """
    data = app_paths.data_dir
    aside = _aside_dir(app_paths, now)
    db, signed = app_paths.database.name, app_paths.checkpoints.name
    candidates = [f"{db}-wal", f"{db}-shm", db, ATTACHMENTS, signed]  # the old log leaves first
    journal = _Journal(
        staging.name, aside.name, [n for n in candidates if (data / n).exists()],
        [n for n in (db, ATTACHMENTS, signed, KEYS) if (staging / n).exists()],
        backup_file.name,
    )  # fmt: skip
    if app_paths.keys.exists():
        with open(app_paths.keys, "rb") as current, _private_file(aside / KEYS) as copy:
            shutil.copyfileobj(current, copy)
            copy.flush()
            os.fsync(copy.fileno())
    _write_journal(data / JOURNAL, journal)
    try:
        moves = [(data / n, aside / n) for n in journal.old]
        moves += [(staging / n, data / n) for n in journal.new]
        for step, (source, target) in enumerate(moves, start=1):
            os.replace(source, target)
            _fsync_dir(source.parent)  # a rename changes both folders
            _fsync_dir(target.parent)
            if _AFTER_MOVE is not None:
                _AFTER_MOVE(step)
    except BaseException:
        _resolve(data, journal)
        raise
    (data / JOURNAL).unlink()
    _fsync_dir(data)
    if not any(aside.iterdir()):  # an empty folder replaced: nothing was put aside
        aside.rmdir()
        return None
    return aside


def _roll_back(data: Path, journal: _Journal) -> None:
    """Put the current files back: the backup's that were moved in go back to the staging
    folder, the ones aside return. Safe to repeat after a crash in the middle of it."""
    staging, aside = data / journal.staging, data / journal.aside
    staging.mkdir(mode=0o700, exist_ok=True)
    for name in reversed(journal.new):  # never the key file: once it is in, the restore is done
        if not (staging / name).exists() and (data / name).exists():
            os.replace(data / name, staging / name)
    for name in journal.old:
        if (aside / name).exists() and not (data / name).exists():
            os.replace(aside / name, data / name)
    _fsync_dir(data)
    (data / JOURNAL).unlink(missing_ok=True)
    _fsync_dir(data)
    shutil.rmtree(aside, ignore_errors=True)  # held only the key file's copy by now


def _resolve(data: Path, journal: _Journal) -> bool:
    """Finish (True) when every file of the backup is in, the key file last; else roll back."""
    staging = data / journal.staging
    done = not any((staging / name).exists() for name in journal.new)
    if done:
        (data / JOURNAL).unlink(missing_ok=True)
        _fsync_dir(data)
    else:
        _roll_back(data, journal)
    shutil.rmtree(staging, ignore_errors=True)
    return done


def finish_interrupted_restore(app_paths: Paths) -> str | None:
    """At start-up, before anything else: a restore that a crash interrupted is finished (all
    of the backup's files were in place) or rolled back. Returns the message to show, or
    None. The caller holds the folder's lock (no restore is running)."""
    data = app_paths.data_dir
    path = data / JOURNAL
    if not path.exists():
        return None
    journal = _read_journal(path)
    if _resolve(data, journal):
        logger.warning("an interrupted restore was finished")
        return (
            f"Se terminó una restauración que se interrumpió (respaldo {journal.backup}); la "
            f"base anterior quedó en {data / journal.aside}."
        )
    logger.warning("an interrupted restore was rolled back")
    return (
        f"Se deshizo una restauración que se interrumpió (respaldo {journal.backup}): la "
        "oficina quedó como estaba antes."
    )


def leftovers(app_paths: Paths, now: float | None = None) -> list[Path]:
    """Unpacked copies a crash left behind: a restore's staging (restores hold the folder's
    lock, as the caller does), and a verification's copy a day old (``backup verify`` runs
    without the lock)."""
    data, now = app_paths.data_dir, now or time.time()
    return [p for p in data.glob(f"{STAGING}*") if p.is_dir()] + [
        p for p in data.glob(f"{VERIFYING}*") if p.is_dir() and now - p.stat().st_mtime > 86400
    ]


def clean_up(app_paths: Paths) -> str | None:
    """The journal first, then any unpacked copy left behind (the caller holds the lock)."""
    message = finish_interrupted_restore(app_paths)
    for folder in leftovers(app_paths):
        shutil.rmtree(folder, ignore_errors=True)
    return message


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


# --- moving an office to a server -------------------------------------------------------------


def move_to_server(app_paths: Paths, signed: SignedIn, url: str) -> int:
    """Copy the office from its SQLite file into the empty PostgreSQL database at ``url``, with
    the same accounts and passwords (the key document moves with it). The local file is left as
    it was. Returns the rows copied."""
    from frontera_desk.db import open_database, transfer
    from frontera_desk.db.keyfile import KeyFile
    from frontera_desk.services import audit
    from frontera_desk.services.permissions import Action, require

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
