"""Set-up, sign-in, lockout, recovery and user accounts (DESIGN.md §5).

Sign-in happens before the database can be read: the password unwraps the database key from the
key file. Failed attempts are counted in the key file and copied into the audit log at the next
successful sign-in.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from frontera_desk.db import Database, open_database
from frontera_desk.db.keyfile import (
    RECOVERY,
    KeyFile,
    ServerStore,
    new_database_key,
    user_entry,
)
from frontera_desk.db.models import User
from frontera_desk.domain.enums import Role
from frontera_desk.domain.errors import FronteraError, NotFoundError, ValidationError
from frontera_desk.domain.text import clean
from frontera_desk.paths import DEMO_PASSWORD, Paths, demo_data_dir
from frontera_desk.services import audit, office
from frontera_desk.services.context import Action, Actor, actor_for, require

logger = logging.getLogger(__name__)

LOCK_AFTER = 5
LOCK_FOR = timedelta(minutes=15)
PASSWORD_MIN = 8
ENV_PLAINTEXT = "FRONTERA_DESK_PLAINTEXT"  # development only: an unencrypted database, loudly
_USERNAME = re.compile(r"^[a-z][a-z0-9._-]{2,29}$")
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class SignInFailed(FronteraError):
    pass


@dataclass
class Vault:
    """The key file and, while signed in, the database key kept in memory."""

    keyfile: KeyFile
    db_key: bytes
    signing_key: Ed25519PrivateKey | None = None  # placeholder until the office key (branch keys)

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


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    role: Role
    is_active: bool


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
) -> SetupResult:
    """Create an empty office: encrypted database, key file, first administrator, recovery code.

    In server mode the database is the (empty) PostgreSQL database named by the URL, and the
    key document is stored in it; the server, not the app, protects it at rest."""
    if is_set_up(app_paths) or (not app_paths.on_server and app_paths.database.exists()):
        raise FronteraError(f"{app_paths.location} ya tiene una oficina configurada.")
    username = check_username(admin_username)
    full_name = clean(admin_full_name)
    if not full_name or len(full_name) > 200:
        raise ValidationError("full_name", "Nombre completo: obligatorio, hasta 200 caracteres.")
    if check_admin_password:
        check_password(admin_password, username)
    encrypted = os.environ.get(ENV_PLAINTEXT) != "1" and not app_paths.on_server
    if not encrypted and not app_paths.on_server:
        logger.warning("creating an UNENCRYPTED database (%s=1): development only", ENV_PLAINTEXT)
    db_key = new_database_key()
    recovery_code = new_recovery_code()
    keyfile = KeyFile.create(key_store(app_paths), encrypted, demo=is_demo)
    keyfile.wrap(user_entry(username), db_key, admin_password)
    keyfile.wrap(RECOVERY, db_key, recovery_code)
    app_paths.create()
    db = _open(app_paths, keyfile, db_key, creating=True)
    try:
        with db.write() as session:
            office.initialize_office(
                session, office_code, office_name, is_hq=is_hq, is_demo=is_demo
            )
            system = actor_for(session)
            admin = User(username=username, full_name=full_name, role=Role.ADMINISTRADOR.value)
            session.add(admin)
            session.flush()
            audit.record(session, system, "configurar", "oficina", None,
                         {"oficina": office_code.upper(), "administrador": username})  # fmt: skip
            actor = actor_for(session, admin.id)
    except BaseException:
        db.dispose()
        if not app_paths.on_server:  # on the server, the whole transaction rolled back
            for leftover in (app_paths.database, app_paths.keys):
                leftover.unlink(missing_ok=True)
        raise
    vault = Vault(keyfile, db_key)
    vault.seal()
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


# --- sign-in ----------------------------------------------------------------------------------


def _open(app_paths: Paths, keyfile: KeyFile, db_key: bytes, creating: bool = False) -> Database:
    if app_paths.database_url:
        return open_database(app_paths.database_url, app_paths.backup_dir)
    if not creating and not app_paths.database.exists():
        raise FronteraError(
            f"Falta la base de datos en {app_paths.data_dir}. Restaure el último respaldo."
        )
    return open_database(
        app_paths.database, app_paths.backup_dir, db_key if keyfile.encrypted else None
    )


def _refuse(keyfile: KeyFile, username: str, now: datetime) -> SignInFailed:
    streak = keyfile.add_failure(username, now)
    if streak >= LOCK_AFTER:
        until = now + LOCK_FOR
        keyfile.lock(username, until)
        keyfile.save()
        return SignInFailed(
            f"Demasiados intentos fallidos: la cuenta queda bloqueada hasta las "
            f"{until.astimezone():%H:%M}."
        )
    keyfile.save()
    left = LOCK_AFTER - streak
    return SignInFailed(
        f"Usuario o contraseña incorrectos. Quedan {left} intento(s) antes del bloqueo."
    )


def unlock(
    app_paths: Paths, username: str, password: str, now: Clock = utc_now
) -> tuple[KeyFile, bytes]:
    """Check the password against the key file (with lockout) and return the database key."""
    keyfile = KeyFile.load(key_store(app_paths))
    username = clean(username).lower()
    moment = now()
    locked = keyfile.locked_until(username)
    if locked is not None:
        if moment < locked:
            raise SignInFailed(
                "La cuenta está bloqueada por intentos fallidos hasta las "
                f"{locked.astimezone():%H:%M}."
            )
        keyfile.end_lock(username)
    db_key = keyfile.unwrap(user_entry(username), password)
    if db_key is None:
        raise _refuse(keyfile, username, moment)
    return keyfile, db_key


def sign_in(app_paths: Paths, username: str, password: str, now: Clock = utc_now) -> SignedIn:
    """Unwrap the database key with the password, open the database, audit the sign-in."""
    keyfile, db_key = unlock(app_paths, username, password, now)
    return _enter(app_paths, keyfile, db_key, clean(username).lower(), "iniciar_sesion", now())


def _enter(
    app_paths: Paths, keyfile: KeyFile, db_key: bytes, username: str, action: str, moment: datetime
) -> SignedIn:
    db = _open(app_paths, keyfile, db_key)
    try:
        with db.write() as session:
            user = session.scalars(select(User).where(User.username == username)).first()
            if user is None or not user.is_active:
                raise SignInFailed("La cuenta de usuario está desactivada.")
            actor = actor_for(session, user.id)
            for name, attempts in sorted(keyfile.take_failures().items()):
                for attempt in attempts:
                    audit.record(session, actor, "acceso_fallido", "usuario", None,
                                 {"usuario": name, "intento": attempt})  # fmt: skip
            if not keyfile.sealed(db_key):
                notice = {"aviso": "el archivo de llaves cambió fuera de la aplicación"}
                audit.record(session, actor, "llaves_alteradas", "archivo_de_llaves", None, notice)
                logger.warning("key file entries changed outside the application")
            audit.record(session, actor, action, "usuario", user.uuid, at=moment)
    except BaseException:
        db.dispose()
        raise
    keyfile.clear_failures(username)
    vault = Vault(keyfile, db_key)
    vault.seal()
    return SignedIn(db, actor, vault)


def recover(
    app_paths: Paths, recovery_code: str, username: str, new_password: str, now: Clock = utc_now
) -> SignedIn:
    """The recovery code opens the database; the user gets a new password and is signed in."""
    keyfile = KeyFile.load(key_store(app_paths))
    username = check_username(username)
    check_password(new_password, username)
    db_key = keyfile.unwrap(RECOVERY, normalize_recovery_code(recovery_code))
    if db_key is None:
        raise _refuse(keyfile, RECOVERY, now())
    keyfile.wrap(user_entry(username), db_key, new_password)
    return _enter(app_paths, keyfile, db_key, username, "recuperar_acceso", now())


def verify_password(vault: Vault, username: str, password: str) -> bool:
    """For the idle lock: is this the signed-in user's password?"""
    return vault.keyfile.unwrap(user_entry(username), password) == vault.db_key


# --- accounts ---------------------------------------------------------------------------------


def list_users(session: Session) -> list[UserInfo]:
    users = session.scalars(
        select(User).where(User.role != Role.SYSTEM.value).order_by(User.username)
    )
    return [UserInfo(u.id, u.username, u.full_name, Role(u.role), u.is_active) for u in users]


def add_user(
    session: Session, actor: Actor, vault: Vault, username: str, full_name: str, role: Role | str,
    password: str, *, check: bool = True,
) -> UserInfo:  # fmt: skip
    require(actor, Action.MANAGE_USERS)
    username = check_username(username)
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
    user = User(username=username, full_name=full_name, role=role.value)
    session.add(user)
    session.flush()
    vault.keyfile.wrap(user_entry(username), vault.db_key, password)
    vault.seal()
    audit.record(
        session, actor, "crear", "usuario", user.uuid, {"usuario": username, "rol": role.value}
    )
    return UserInfo(user.id, username, full_name, role, True)


def _user(session: Session, username: str) -> User:
    user = session.scalars(select(User).where(User.username == clean(username).lower())).first()
    if user is None or user.role == Role.SYSTEM.value:
        raise NotFoundError(f"No existe el usuario «{username}».")
    return user


def change_password(session: Session, actor: Actor, vault: Vault, old: str, new: str) -> None:
    """A user changes their own password: the key is re-wrapped, never re-encrypted."""
    if not verify_password(vault, actor.username, old):
        raise ValidationError("old_password", "La contraseña actual no es correcta.")
    check_password(new, actor.username)
    vault.keyfile.wrap(user_entry(actor.username), vault.db_key, new)
    vault.seal()
    audit.record(
        session, actor, "cambiar_contrasena", "usuario", _user(session, actor.username).uuid
    )


def reset_password(session: Session, actor: Actor, vault: Vault, username: str, new: str) -> None:
    """An administrator sets a new password for a user (and re-enables a disabled account)."""
    require(actor, Action.MANAGE_USERS)
    user = _user(session, username)
    check_password(new, user.username)
    vault.keyfile.wrap(user_entry(user.username), vault.db_key, new)
    vault.keyfile.clear_failures(user.username)
    vault.seal()
    user.is_active = True
    audit.record(session, actor, "restablecer_contrasena", "usuario", user.uuid)


def disable_user(session: Session, actor: Actor, vault: Vault, username: str) -> None:
    """The account can no longer sign in: its wrapped key is removed, its history kept."""
    require(actor, Action.MANAGE_USERS)
    user = _user(session, username)
    if user.id == actor.user_id:
        raise ValidationError("username", "No puede desactivar su propia cuenta.")
    user.is_active = False
    vault.keyfile.remove(user_entry(user.username))
    vault.seal()
    audit.record(session, actor, "desactivar", "usuario", user.uuid)
