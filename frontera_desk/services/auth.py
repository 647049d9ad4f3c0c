"""Set-up, sign-in, lockout, recovery, user accounts and re-keying (DESIGN.md §5).

Sign-in happens before the database can be read: the password unlocks the account's entry in
the key file, which holds the database key (see db/keyfile.py for the format and why it is
safe). Every attempt is numbered in the key file before the password is checked; failed ones
are copied into the audit log at the next successful sign-in, which also checks the key file's
seals. Revoking an account (disabling it, an administrator's password reset, a recovery-code
sign-in) re-keys the database, so that an old key file no longer opens it.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontera_desk.db import Database, open_database
from frontera_desk.db.engine import is_read_only
from frontera_desk.db.keyfile import (
    LOCK_AFTER,
    LOCK_FOR,
    RECOVERY,
    KeyFile,
    Opened,
    ServerStore,
    crash_point,
    new_database_key,
    user_entry,
)
from frontera_desk.db.models import SYSTEM_USER_ID, AuditEntry, Office, User
from frontera_desk.domain import wording
from frontera_desk.domain.enums import Role
from frontera_desk.domain.errors import (
    DatabaseError,
    FronteraError,
    NotFoundError,
    ValidationError,
)
from frontera_desk.domain.text import checked, clean
from frontera_desk.paths import DEMO_PASSWORD, Paths, demo_data_dir
from frontera_desk.services import attachments, audit, checkpoints, office
from frontera_desk.services.permissions import Action, Actor, actor_for, require

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

logger = logging.getLogger(__name__)

__all__ = ["LOCK_AFTER", "LOCK_FOR"]  # re-exported: the lockout's rule lives in db/keyfile.py

PASSWORD_MIN = 8
ENV_PLAINTEXT = "FRONTERA_DESK_PLAINTEXT"  # development only: an unencrypted database, loudly
_USERNAME = re.compile(r"^[a-z][a-z0-9._-]{2,29}$")
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
SIGNING_ROLES = (Role.SUPERVISOR, Role.ADMINISTRADOR)  # hold the office key

Clock = Callable[[], datetime]
Progress = Callable[[int, int], None]


def utc_now() -> datetime:
    return datetime.now(UTC)


class SignInFailed(FronteraError):
    pass


@dataclass
class Vault:
    """The key file and, while signed in, the database key kept in memory; for supervisors
    and administrators also the office's signing key."""

    keyfile: KeyFile
    db_key: bytes
    signing_key: Ed25519PrivateKey | None = None

    @property
    def encrypted(self) -> bool:
        return self.keyfile.encrypted

    def seal(self) -> None:
        self.keyfile.save(self.db_key)


@dataclass
class SignedIn:
    db: Database
    actor: Actor
    vault: Vault
    rekey: RekeyResult | None = None  # a recovery-code sign-in re-keys
    # For an administrator: the key file's alarms recorded since their previous sign-in
    alarms: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    role: Role
    is_active: bool
    job_title: str = ""  # printed under the name on receipts (0021)


@dataclass(frozen=True)
class RekeyResult:
    """What a re-key did that the administrator must know about."""

    rekeyed: bool  # False on a server or an unencrypted database: only the entry changed
    seconds: float = 0.0
    # Accounts whose entries predate version 2 and could not be carried over: each needs a
    # password reset by an administrator
    needs_reset: list[str] = field(default_factory=list)
    recovery_code: str | None = None  # the old code's entry could not be carried over either


# --- rules ------------------------------------------------------------------------------------


def check_username(username: str) -> str:
    username = clean(username).lower()
    if not _USERNAME.match(username):
        raise ValidationError(
            "username",
            "Usuario: de 3 a 30 caracteres, empieza con letra; letras sin acento, números, "
            "punto, guion o guion bajo.",
        )
    return username


def check_password(password: str, username: str) -> str:
    if len(password) < PASSWORD_MIN:
        raise ValidationError("password", f"Contraseña: al menos {PASSWORD_MIN} caracteres.")
    if username and username.lower() in password.lower():
        raise ValidationError("password", "Contraseña: no debe contener el nombre de usuario.")
    return password


def new_recovery_code() -> str:
    """24 characters of Crockford base32 (120 bits) in groups of four, easy to copy by hand."""
    raw = "".join(secrets.choice(_CROCKFORD) for _ in range(24))
    return "-".join(raw[i : i + 4] for i in range(0, 24, 4))


def normalize_recovery_code(code: str) -> str:
    text = re.sub(r"[\s-]+", "", code.upper()).replace("O", "0").replace("I", "1").replace("L", "1")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


# --- set-up -----------------------------------------------------------------------------------


@dataclass
class SetupResult:
    signed_in: SignedIn
    recovery_code: str


def setup(
    app_paths: Paths,
    office_code: str,
    office_name: str,
    admin_username: str,
    admin_full_name: str,
    admin_password: str,
    *,
    is_hq: bool = False,
    is_demo: bool = False,
    check_admin_password: bool = True,
    settings: office.OfficeSettings | None = None,
) -> SetupResult:
    """Create an empty office: encrypted database, key file, first administrator, recovery
    code, and the office's Ed25519 key pair. ``settings`` (place, address, header, signer of
    certificates) are saved with the office; given, they must name the place.

    In server mode the database is the (empty) PostgreSQL database named by the URL, and the
    key document is stored in it; the server, not the app, protects it at rest."""
    from frontera_desk.exchange.signing import new_private_key, public_bytes

    if is_set_up(app_paths) or (not app_paths.on_server and app_paths.database.exists()):
        raise FronteraError(f"{app_paths.location} ya tiene una oficina configurada.")
    username = check_username(admin_username)
    full_name = clean(admin_full_name)
    if not full_name or len(full_name) > 200:
        raise ValidationError("full_name", "Nombre completo: obligatorio, hasta 200 caracteres.")
    if check_admin_password:
        check_password(admin_password, username)
    if settings is not None and not clean(settings.receipt_place):
        raise ValidationError(
            "place", "Lugar: obligatorio; se imprime en recibos y constancias (Tapachula, Chiapas)."
        )
    encrypted = os.environ.get(ENV_PLAINTEXT) != "1" and not app_paths.on_server
    if not encrypted and not app_paths.on_server:
        logger.warning("creating an UNENCRYPTED database (%s=1): development only", ENV_PLAINTEXT)
    db_key = new_database_key()
    signing_key = new_private_key()
    recovery_code = new_recovery_code()
    keyfile = KeyFile.create(key_store(app_paths), encrypted, demo=is_demo)
    keyfile.wrap(user_entry(username), db_key, admin_password, signing_key)
    keyfile.wrap(RECOVERY, db_key, recovery_code, signing_key)
    keyfile.set_office_public_key(public_bytes(signing_key))
    app_paths.create()
    db = _open(app_paths, keyfile, db_key, creating=True)
    try:
        with db.write() as session:
            office.initialize_office(
                session, office_code, office_name, is_hq=is_hq, is_demo=is_demo
            )
            session.scalars(select(Office)).one().public_key = public_bytes(signing_key)
            system = actor_for(session)
            admin = User(username=username, full_name=full_name, role=Role.ADMINISTRADOR.value)
            session.add(admin)
            session.flush()
            audit.record(session, system, "configurar", "oficina", None,
                         {"oficina": office_code.upper(), "administrador": username})  # fmt: skip
            actor = actor_for(session, admin.id)
            if settings is not None:
                office.update_settings(session, actor, settings)
    except BaseException:
        db.dispose()
        if not app_paths.on_server:  # on the server, the whole transaction rolled back
            for leftover in (app_paths.database, app_paths.keys):
                leftover.unlink(missing_ok=True)
        raise
    vault = Vault(keyfile, db_key, signing_key)
    vault.seal()
    checkpoints.start(app_paths, db, actor, vault.signing_key)
    return SetupResult(SignedIn(db, actor, vault), recovery_code)


def key_store(app_paths: Paths) -> Path | ServerStore:
    """Where the wrapped keys and sign-in counters live: the key file, or the server."""
    return ServerStore(app_paths.database_url) if app_paths.database_url else app_paths.keys


def is_set_up(app_paths: Paths) -> bool:
    if app_paths.database_url is None:
        return app_paths.keys.exists()
    db = open_database(app_paths.database_url, app_paths.backup_dir)  # migrates an empty one
    db.dispose()
    return ServerStore(app_paths.database_url).read() is not None


def is_demo_dir(app_paths: Paths) -> bool:
    """A folder whose key file was made for a demonstration (or, made before that mark, opens
    with the demo password), or an old demo folder that predates the key file (the platform's
    demo folder only), counts as a demonstration."""
    if not is_set_up(app_paths):
        return (
            app_paths.on_server
            or not app_paths.database.exists()
            or (app_paths.data_dir == demo_data_dir())
        )
    keys = KeyFile.load(key_store(app_paths))
    if "demo" in keys.data:  # set when the folder was made: no Argon2 at every start-up
        return bool(keys.data["demo"])
    return keys.unwrap(user_entry("admin"), DEMO_PASSWORD) is not None  # folders made before


def office_public_key(app_paths: Paths) -> bytes | None:
    """The office key's public half (raw Ed25519, 32 bytes), readable without signing in;
    None before set-up, or for an office set up before the office key existed that no
    supervisor or administrator has signed in to since."""
    if not is_set_up(app_paths):
        return None
    return KeyFile.load(key_store(app_paths)).office_public_key


# --- sign-in ----------------------------------------------------------------------------------


def _open(app_paths: Paths, keyfile: KeyFile, db_key: bytes, creating: bool = False) -> Database:
    if app_paths.database_url:
        db = open_database(app_paths.database_url, app_paths.backup_dir)
    else:
        if not creating and not app_paths.database.exists():
            raise FronteraError(
                f"Falta la base de datos en {app_paths.data_dir}. Restaure el último respaldo."
            )
        db = open_database(
            app_paths.database, app_paths.backup_dir, db_key if keyfile.encrypted else None
        )
    db.vault_key = db_key  # the attachments' keys are wrapped under it (services/attachments)
    return db


@dataclass
class _Unlocked:
    keyfile: KeyFile
    opened: Opened
    attempt: int  # this attempt's number in the key file


def _locked_message(name: str, until: datetime) -> str:
    if name == RECOVERY:
        return ("El código de recuperación está bloqueado por intentos fallidos hasta las "
                f"{until.astimezone():%H:%M}.")  # fmt: skip
    return f"La cuenta está bloqueada por intentos fallidos hasta las {until.astimezone():%H:%M}."


def _attempt(app_paths: Paths, name: str, secret: str, moment: datetime) -> _Unlocked:
    """Count the attempt in the key file (under its lock), then check the secret.

    The attempt is written *before* the secret is checked, so that an attempt is never
    answered uncounted: several processes at once are each counted, and one that cannot be
    written (a full disk, a read-only folder) is refused without being checked."""
    store = KeyFile._store(key_store(app_paths))
    if not app_paths.on_server and is_read_only(app_paths.data_dir):
        return _attempt_read_only(KeyFile.load(store), name, secret, moment)
    try:
        with store.locked():
            keyfile = KeyFile.load(store)
            locked = keyfile.locked_until(name, moment)
            if locked is not None:  # counted too (the audit log shows it), not checked
                keyfile.add_attempt(name, moment, refused=True)
                keyfile.save()
                raise SignInFailed(_locked_message(name, locked))
            keyfile.add_attempt(name, moment)
            keyfile.save()
            number = int(keyfile.data["attempts"][-1]["n"])  # renumbered if a desk was first
    except OSError as error:
        logger.warning("sign-in attempt not recorded: %s", type(error).__name__)
        raise SignInFailed(
            "No se pudo registrar el intento de inicio de sesión (¿disco lleno o carpeta de "
            "solo lectura?): no se comprobó la contraseña. Libere espacio o revise los permisos."
        ) from None
    opened = keyfile.open_entry(name, secret)
    if opened is None:
        locked = keyfile.locked_until(name, moment)
        if locked is not None:
            raise SignInFailed(
                "Demasiados intentos fallidos: "
                + ("el código de recuperación queda bloqueado" if name == RECOVERY
                   else "la cuenta queda bloqueada")
                + f" hasta las {locked.astimezone():%H:%M}."
            )  # fmt: skip
        left = LOCK_AFTER - keyfile.streak(name)
        what = "Código de recuperación o usuario incorrectos" if name == RECOVERY else (
            "Usuario o contraseña incorrectos")  # fmt: skip
        raise SignInFailed(
            f"{what}. {wording.verb(left, 'Queda', 'Quedan')} "
            f"{wording.count(left, wording.Noun('intento'))} antes del bloqueo."
        )
    return _Unlocked(keyfile, opened, number)


def _attempt_read_only(keyfile: KeyFile, name: str, secret: str, moment: datetime) -> _Unlocked:
    """A write-protected data folder (a rescue from a locked USB stick): no attempt can be
    counted there, and none is needed — whoever holds such a medium can copy it and guess
    elsewhere at the same Argon2 cost, so a lockout protects nothing there. A lockout already
    in force is still honoured; nothing can be changed in such a folder."""
    locked = keyfile.locked_until(name, moment)
    if locked is not None:
        raise SignInFailed(_locked_message(name, locked))
    opened = keyfile.open_entry(name, secret)
    if opened is None:
        raise SignInFailed("Usuario o contraseña incorrectos.")
    return _Unlocked(keyfile, opened, keyfile.counter())


def _current_key(
    app_paths: Paths, keyfile: KeyFile, keys: list[bytes], strict: bool = True
) -> bytes:
    """The key that opens the database: while a re-key is pending, the new one or the old.
    A key file that opens nothing is named (an old copy put back after a re-key), rather
    than the database being called damaged; not ``strict`` (``db check``, the restore of a
    damaged office), the newest key is returned for the caller to examine the file with."""
    if app_paths.on_server or not keyfile.encrypted or not app_paths.database.exists():
        return keys[0]  # _open says what is missing
    from frontera_desk.db.engine import key_opens

    for key in keys:
        if key_opens(app_paths.database, key):
            return key
    if not strict:
        return keys[0]
    raise DatabaseError(
        "La llave del archivo de llaves no abre la base de datos: el archivo de llaves no es el "
        "de esta base de datos (¿se copió encima uno anterior?) o la base está dañada. "
        "Restaure el último respaldo completo.",
        restorable=True,
    )


def unlock(
    app_paths: Paths, username: str, password: str, now: Clock = utc_now
) -> tuple[KeyFile, bytes]:
    """Check the password against the key file (with lockout) and return the database key,
    without opening the database (``db check``)."""
    name = clean(username).lower()
    moment = now()
    unlocked = _attempt(app_paths, user_entry(name), password, moment)
    keyfile = unlocked.keyfile
    key = _current_key(app_paths, keyfile, unlocked.opened.db_keys, strict=False)
    if app_paths.on_server or not is_read_only(app_paths.data_dir):
        keyfile.add_clear(user_entry(name), moment, unlocked.attempt, key)
        keyfile.save()
    return keyfile, key


def sign_in(app_paths: Paths, username: str, password: str, now: Clock = utc_now) -> SignedIn:
    """Unwrap the database key with the password, open the database, audit the sign-in."""
    name = clean(username).lower()
    moment = now()
    unlocked = _attempt(app_paths, user_entry(name), password, moment)
    return _enter(app_paths, unlocked, name, "iniciar_sesion", moment)


def _enter_read_only(db: Database, keyfile: KeyFile, db_key: bytes, username: str) -> SignedIn:
    """A data folder on a read-only disk: the office can be read (and rescued with a backup
    elsewhere) but nothing can be recorded, this sign-in included; the user is told so."""
    try:
        with db.read() as session:
            user = session.scalars(select(User).where(User.username == username)).first()
            if user is None or not user.is_active:
                raise SignInFailed("La cuenta de usuario está desactivada.")
            actor = actor_for(session, user.id)
    except BaseException:
        db.dispose()
        raise
    logger.warning("signed in on a read-only data folder: nothing can be recorded")
    return SignedIn(db, actor, Vault(keyfile, db_key))


def recover(
    app_paths: Paths, recovery_code: str, username: str, new_password: str,
    now: Clock = utc_now, progress: Progress | None = None,
) -> SignedIn:  # fmt: skip
    """The recovery code opens the database; the user gets a new password and is signed in.
    The database is then re-keyed: whoever knew the old password (or held an old key file)
    is shut out."""
    username = check_username(username)
    check_password(new_password, username)
    moment = now()
    unlocked = _attempt(app_paths, RECOVERY, normalize_recovery_code(recovery_code), moment)
    return _enter(app_paths, unlocked, username, "recuperar_acceso", moment,
                  new_password=new_password, progress=progress)  # fmt: skip


def _last_counted(session: Session) -> int | None:
    """The attempt number the last successful sign-in recorded in the audit log."""
    import json

    for action in ("iniciar_sesion", "recuperar_acceso"):
        changes = session.scalars(
            select(AuditEntry.changes).where(AuditEntry.action == action)
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(1)
        ).first()  # fmt: skip
        if changes:
            try:
                return int(json.loads(changes)["intento"])
            except (ValueError, KeyError, TypeError):
                return None
    return None


def _enter(
    app_paths: Paths, unlocked: _Unlocked, username: str, action: str, moment: datetime,
    new_password: str | None = None, progress: Progress | None = None,
) -> SignedIn:  # fmt: skip
    from frontera_desk.exchange.signing import fingerprint, new_private_key, public_bytes

    keyfile, opened = unlocked.keyfile, unlocked.opened
    # What changed outside the application, judged on the file as this attempt read it
    altered = keyfile.altered(opened.db_keys)
    if keyfile.attempt_gaps() or keyfile.forged_clears(opened.db_keys):
        altered.append("intentos")
    key = _current_key(app_paths, keyfile, opened.db_keys)
    db = _open(app_paths, keyfile, key)
    if db.read_only:
        return _enter_read_only(db, keyfile, key, username)
    try:
        with db.write() as session:
            user = session.scalars(select(User).where(User.username == username)).first()
            if user is None or not user.is_active or user.role == Role.SYSTEM.value:
                raise SignInFailed("La cuenta de usuario está desactivada.")
            actor = actor_for(session, user.id)
            for failure in keyfile.failures_before(keyfile.counter(), unlocked.attempt):
                name = failure["user"].removeprefix("user:")
                detail = {"usuario": name, "intento": failure["at"]}
                if failure.get("refused"):
                    detail["rechazado_por_bloqueo"] = True
                # written now, at the next sign-in, but in the name that was typed (the
                # system's when no account has it), never in the name of who signs in now
                typed = session.scalar(select(User.id).where(User.username == name, User.is_active))
                audit.record(session, actor_for(session, typed or SYSTEM_USER_ID),
                             "acceso_fallido", "usuario", None, detail)  # fmt: skip
            last = _last_counted(session)
            if last is not None and unlocked.attempt <= last:
                altered.append("contador")  # a key file older than the last sign-in
            if altered:
                audit.record(session, actor, "llaves_alteradas", "archivo_de_llaves", None,
                             {"aviso": "el archivo de llaves cambió fuera de la aplicación",
                              "campos": sorted(set(altered))})  # fmt: skip
                logger.warning("key file changed outside the application: %s", altered)
            eligible = Role(user.role) in SIGNING_ROLES
            signing = opened.signing_key if eligible or opened.name == RECOVERY else None
            row = session.scalars(select(Office)).one()
            if eligible and signing is None and keyfile.office_public_key is None:
                # An office set up before the office key: it gets one now
                signing = new_private_key()
                keyfile.set_office_public_key(public_bytes(signing))
                row.public_key = public_bytes(signing)
                audit.record(session, actor, "crear_llave_de_oficina", "oficina", None,
                             {"huella": fingerprint(public_bytes(signing))})  # fmt: skip
            if signing is not None:
                mine = public_bytes(signing)
                stored = {"archivo_de_llaves": keyfile.office_public_key, "oficina": row.public_key}
                differ = {k: fingerprint(v) for k, v in stored.items() if v and v != mine}
                if differ:
                    audit.record(session, actor, "llave_de_oficina_distinta", "oficina", None,
                                 {"llave_desenvuelta": fingerprint(mine), **differ})  # fmt: skip
                    logger.warning("the office key does not match its stored public half")
                if row.public_key is None:
                    row.public_key = mine
                if keyfile.office_public_key is None:
                    keyfile.set_office_public_key(mine)
            alarms = _alarms(session, user) if Role(user.role) is Role.ADMINISTRADOR else []
            audit.record(session, actor, action, "usuario", user.uuid,
                         {"intento": unlocked.attempt}, at=moment)  # fmt: skip
            accounts = {user_entry(u.username): (Role(u.role), u.is_active)
                        for u in session.scalars(select(User))}  # fmt: skip
    except BaseException:
        db.dispose()
        raise
    entry = user_entry(username)
    keyfile.absorb(keyfile.counter(), unlocked.attempt, opened.name, entry)
    if opened.legacy:  # version 1: turned into version 2 now that the password is known
        keyfile.upgrade_entry(opened, [key], signing if opened.name == RECOVERY or eligible
                              else None)  # fmt: skip
    if new_password is not None:
        keyfile.wrap(entry, [key], new_password, signing if eligible else None)
    if signing is not None:
        _share_office_key(keyfile, signing, accounts)
    vault = Vault(keyfile, key, signing if eligible else None)
    revoked = [n for n, (_, active) in accounts.items() if not active and n in keyfile.names()]
    result: RekeyResult | None = None
    try:
        try:
            if keyfile.pending:  # a re-key was interrupted: finish it (or do it again)
                _finish_rekey(db, vault, opened.db_keys[0], key, opened.db_keys)
            if revoked or new_password is not None:  # a disabling left half done; a recovery
                reason = "recuperar_acceso" if new_password else "desactivar"
                result = rekey(db, actor, vault, remove=revoked, progress=progress, reason=reason)
        except DatabaseError as error:
            # A full disk must not keep everyone out: the key file keeps both keys (pending)
            # and the next sign-in tries the re-key again
            logger.warning("re-key left pending: %s", error.message)
        vault.seal()
        _adopt_legacy_files(app_paths, db)
    except BaseException:
        db.dispose()
        raise
    checkpoints.start(app_paths, db, actor, vault.signing_key, moment)
    return SignedIn(db, actor, vault, result, alarms)


ALARMS = {
    "llaves_alteradas": "El archivo de llaves se modificó fuera de la aplicación",
    "llave_de_oficina_distinta": "La llave de la oficina no coincide con la registrada",
}


def _alarms(session: Session, user: User) -> list[str]:
    """The key file's alarms since this administrator last signed in (those of this sign-in,
    already recorded in the transaction, included)."""
    import json

    previous = session.scalar(
        select(AuditEntry.id).where(AuditEntry.user_id == user.id,
                                    AuditEntry.action.in_(("iniciar_sesion", "recuperar_acceso")))
        .order_by(AuditEntry.id.desc()).limit(1)
    )  # fmt: skip
    found = session.scalars(
        select(AuditEntry).where(AuditEntry.action.in_(tuple(ALARMS)),
                                 AuditEntry.id > (previous or 0)).order_by(AuditEntry.id)
    )  # fmt: skip
    alarms = []
    for entry in found:
        try:
            fields = json.loads(entry.changes or "{}").get("campos") or []
        except ValueError:
            fields = []
        detail = f" ({', '.join(fields)})" if fields else ""
        when = entry.at.astimezone().strftime("%d/%m/%Y %H:%M")
        alarms.append(f"{ALARMS[entry.action]}{detail}: {when}, bitácora núm. {entry.id}.")
    return alarms


def _share_office_key(
    keyfile: KeyFile, signing: Ed25519PrivateKey, accounts: dict[str, tuple[Role, bool]]
) -> None:
    """The office key sealed for exactly the active supervisors and administrators and the
    recovery code (entries of version 2; older ones get it once their owner signs in)."""
    for name in keyfile.names():
        if keyfile.is_legacy(name):
            continue
        role, active = accounts.get(name, (Role.CAPTURISTA, False))
        should = name == RECOVERY or (active and role in SIGNING_ROLES)
        if should and not keyfile.holds_office_key(name):
            keyfile.seal_office_key(name, signing)
        elif not should and keyfile.holds_office_key(name):
            keyfile.seal_office_key(name, None)


def verify_password(vault: Vault, username: str, password: str) -> bool:
    """For the idle lock: is this the signed-in user's password?"""
    opened = vault.keyfile.open_entry(user_entry(username), password)
    return opened is not None and vault.db_key in opened.db_keys


def record_locked_failure(session: Session, actor: Actor, tries: int) -> None:
    """A wrong password typed at the idle lock's prompt (the session stays open, locked)."""
    detail = {"usuario": actor.username, "pantalla_de_bloqueo": True, "intento": tries}
    user = _user(session, actor.username)
    audit.record(session, actor, "acceso_fallido", "usuario", user.uuid, detail)


# --- re-keying --------------------------------------------------------------------------------


def rekey(
    db: Database, actor: Actor, vault: Vault, *, remove: list[str] | tuple[str, ...] = (),
    progress: Progress | None = None, reason: str = "",
) -> RekeyResult:  # fmt: skip
    """Remove the entries named, draw a new database key, re-encrypt the database under it and
    seal it for every remaining entry; an audit entry says so.

    Crash-safe: the key file first holds both keys for every entry (pending), then SQLCipher
    re-keys the file in one transaction, then the old key is dropped; a sign-in after a crash
    at any step finds a key that opens the database and finishes the job. On a server (or an
    unencrypted development database) there is no file to re-encrypt: the entries are only
    removed."""
    report = progress or (lambda _done, _total: None)
    keyfile, old = vault.keyfile, vault.db_key
    started = time.perf_counter()
    for name in remove:
        keyfile.remove(name)
    if not (db.is_sqlite and keyfile.encrypted):
        vault.seal()
        return RekeyResult(rekeyed=False)
    report(0, 3)
    new = new_database_key()
    legacy = [name for name in keyfile.names() if keyfile.is_legacy(name)]
    for name in legacy:
        keyfile.remove(name)
    code = new_recovery_code() if RECOVERY in legacy else None
    if code is not None:
        keyfile.wrap(RECOVERY, [new, old], code, vault.signing_key)
    for name in keyfile.names():
        if not (name == RECOVERY and code is not None):
            keyfile.seal_keys(name, [new, old])
    keyfile.set_pending(True)
    crash_point("rekey:before-pending")
    keyfile.save(old)
    crash_point("rekey:pending")
    report(1, 3)
    db.rekey(new)
    crash_point("rekey:rekeyed")
    report(2, 3)
    _finish_rekey(db, vault, new, new, [old])
    crash_point("rekey:done")
    seconds = time.perf_counter() - started
    needs_reset = sorted(n.removeprefix("user:") for n in legacy if n != RECOVERY)
    with db.write() as session:
        audit.record(session, actor, "cambiar_llave", "base_de_datos", None,
                     {"motivo": reason, "segundos": round(seconds, 2),
                      "cuentas_por_restablecer": needs_reset,
                      "nuevo_codigo_de_recuperacion": code is not None})  # fmt: skip
    report(3, 3)
    logger.info("database re-keyed in %.2f s", seconds)
    return RekeyResult(True, seconds, needs_reset, code)


def _adopt_legacy_files(app_paths: Paths, db: Database) -> None:
    """Agreement files attached before migration 0019 and kept in this desk's data folder go
    into the database, encrypted; the loose copies are deleted once that has committed."""
    if not app_paths.attachments.is_dir():
        return
    try:
        with db.write() as session:
            adopted = attachments.adopt_legacy_files(session, app_paths.attachments)
    except (DatabaseError, OSError) as error:
        logger.warning("attachments left in the data folder: %s", type(error).__name__)
        return
    for path in adopted:
        path.unlink(missing_ok=True)


def _finish_rekey(db: Database, vault: Vault, new: bytes, current: bytes, old: list[bytes]) -> None:
    """Drop the old key of a pending re-key; ``current`` is the key that opens the database
    now: still the old one when the process died before SQLCipher's re-key, which is then
    done again. The attachments key is wrapped under the new key before the old is dropped."""
    if current != new:
        db.rekey(new)
    db.vault_key = new
    with db.write() as session:
        attachments.rewrap_key(session, [*old, current], new)
    keyfile = vault.keyfile
    for name in keyfile.names():
        if not keyfile.is_legacy(name):
            keyfile.seal_keys(name, [new])
    keyfile.remac_clears(old, new)
    keyfile.set_pending(False)
    vault.db_key = new
    vault.seal()


# --- accounts ---------------------------------------------------------------------------------


def list_users(session: Session) -> list[UserInfo]:
    users = session.scalars(
        select(User).where(User.role != Role.SYSTEM.value).order_by(User.username)
    )
    return [UserInfo(u.id, u.username, u.full_name, Role(u.role), u.is_active,
                     u.job_title or "") for u in users]  # fmt: skip


def add_user(
    session: Session, actor: Actor, vault: Vault, username: str, full_name: str, role: Role | str,
    password: str, *, check: bool = True, job_title: str = "",
) -> UserInfo:  # fmt: skip
    require(actor, Action.MANAGE_USERS)
    username = check_username(username)
    job_title = checked(job_title, "job_title", "Cargo", 120)
    full_name = clean(full_name)
    if not full_name or len(full_name) > 200:
        raise ValidationError("full_name", "Nombre completo: obligatorio, hasta 200 caracteres.")
    try:
        role = Role(role)
    except ValueError:
        raise ValidationError("role", "Rol: capturista, supervisor o administrador.") from None
    if role is Role.SYSTEM:
        raise ValidationError("role", "Rol: capturista, supervisor o administrador.")
    if check:
        check_password(password, username)
    if session.scalars(select(User).where(User.username == username)).first():
        raise ValidationError("username", f"Ya existe el usuario «{username}».")
    user = User(username=username, full_name=full_name, role=role.value,
                job_title=job_title or None)  # fmt: skip
    session.add(user)
    session.flush()
    signing = vault.signing_key if role in SIGNING_ROLES else None
    vault.keyfile.wrap(user_entry(username), vault.db_key, password, signing)
    vault.seal()
    audit.record(
        session, actor, "crear", "usuario", user.uuid, {"usuario": username, "rol": role.value}
    )
    return UserInfo(user.id, username, full_name, role, True, job_title)


def set_job_title(session: Session, actor: Actor, username: str, job_title: str) -> None:
    """The position printed under the user's name where they sign (receipts, certificates)."""
    require(actor, Action.MANAGE_USERS)
    user = _user(session, username)
    title = checked(job_title, "job_title", "Cargo", 120)
    if title != (user.job_title or ""):
        change = {"usuario": user.username, "cargo": [user.job_title or "", title]}
        audit.record(session, actor, "cambiar_cargo", "usuario", user.uuid, change)
        user.job_title = title or None


def _user(session: Session, username: str) -> User:
    user = session.scalars(select(User).where(User.username == clean(username).lower())).first()
    if user is None or user.role == Role.SYSTEM.value:
        raise NotFoundError(f"No existe el usuario «{username}».")
    return user


def change_password(session: Session, actor: Actor, vault: Vault, old: str, new: str) -> None:
    """A user changes their own password: a new entry under it, the database key unchanged."""
    if not verify_password(vault, actor.username, old):
        raise ValidationError("old_password", "La contraseña actual no es correcta.")
    check_password(new, actor.username)
    vault.keyfile.wrap(user_entry(actor.username), vault.db_key, new, vault.signing_key)
    vault.seal()
    audit.record(
        session, actor, "cambiar_contrasena", "usuario", _user(session, actor.username).uuid
    )


def reset_password(
    db: Database, actor: Actor, vault: Vault, username: str, new: str,
    progress: Progress | None = None, now: Clock = utc_now,
) -> RekeyResult:  # fmt: skip
    """An administrator sets a new password for a user (and re-enables a disabled account).
    The database is re-keyed: the old password, in any copy of the key file, opens nothing."""
    with db.write() as session:
        require(actor, Action.MANAGE_USERS)
        user = _user(session, username)
        check_password(new, user.username)
        name, role = user.username, Role(user.role)
    entry = user_entry(name)
    signing = vault.signing_key if role in SIGNING_ROLES else None
    vault.keyfile.wrap(entry, vault.db_key, new, signing)
    vault.keyfile.add_clear(entry, now(), None, vault.db_key)
    result = rekey(db, actor, vault, progress=progress, reason="restablecer_contrasena")
    with db.write() as session:
        user = _user(session, name)
        user.is_active = True
        audit.record(session, actor, "restablecer_contrasena", "usuario", user.uuid)
    return result


def disable_user(
    db: Database, actor: Actor, vault: Vault, username: str, progress: Progress | None = None
) -> RekeyResult:
    """The account can no longer sign in: its entry is removed and the database re-keyed, so
    that a copy of the old key file opens nothing; its history is kept."""
    with db.write() as session:
        require(actor, Action.MANAGE_USERS)
        user = _user(session, username)
        if user.id == actor.user_id:
            raise ValidationError("username", "No puede desactivar su propia cuenta.")
        user.is_active = False
        name = user.username
        audit.record(session, actor, "desactivar", "usuario", user.uuid)
    # Should this process die now, the next sign-in finds an inactive account with an entry
    # and finishes the revocation.
    return rekey(db, actor, vault, remove=[user_entry(name)], progress=progress,
                 reason="desactivar")  # fmt: skip


def rekey_message(result: RekeyResult) -> str:
    """What the administrator is told after a re-key (empty when there is nothing to say)."""
    parts: list[str] = []
    if result.needs_reset:
        parts.append("Estas cuentas tenían llaves del formato anterior y necesitan que un "
                     "administrador restablezca su contraseña: " + ", ".join(result.needs_reset)
                     + ".")  # fmt: skip
    if result.recovery_code:
        parts.append("El código de recuperación anterior dejó de servir. Nuevo código (se "
                     f"muestra una sola vez; imprímalo y guárdelo bajo llave): "
                     f"{result.recovery_code}")  # fmt: skip
    return " ".join(parts)
