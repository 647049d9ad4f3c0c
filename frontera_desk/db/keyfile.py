"""The key file beside the database: the database key wrapped once per password.

The database is encrypted (SQLCipher) under a random 256-bit key. That key is stored here only
wrapped: AES-256-GCM under a key derived from each user's password, and from the office recovery
code, with Argon2id. Changing a password re-wraps the key; the database is never re-encrypted.
Sign-in must work before the database is readable, so the failed-attempt counter lives here too.
The wrapped entries are sealed with an HMAC under the database key, so an entry added or swapped
outside the app is noticed at the next sign-in.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from frontera_desk.domain.errors import FronteraError

FORMAT = "frontera-desk-keys"
RECOVERY = "recovery"


@dataclass(frozen=True)
class KdfParams:
    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 2


KDF = KdfParams()  # tests swap in cheaper parameters


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def _argon2(secret: str, salt: bytes, params: dict[str, int]) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"), salt, params["t"], params["m"], params["p"], 32, Type.ID
    )


_AHEAD: dict[tuple[str, bytes, int, int, int], Future[bytes]] = {}


def _derive(secret: str, salt: bytes, params: dict[str, int]) -> bytes:
    ahead = _AHEAD.pop((secret, salt, params["t"], params["m"], params["p"]), None)
    return ahead.result() if ahead is not None else _argon2(secret, salt, params)


def derive_ahead(path: Path, name: str, secret: str) -> None:
    """Start the derivation of a sign-in that is sure to come (the demo supervisor, or the
    account given in the environment) on another core while the program loads the rest of
    itself; Argon2 releases the interpreter lock, so the 170 ms it takes are not waited for.
    A missing or unreadable key file is left for the sign-in itself to report."""
    try:
        kdf = json.loads(path.read_text(encoding="utf-8"))["entries"][name]["kdf"]
        salt = _unb64(kdf["salt"])
        params = {"t": int(kdf["t"]), "m": int(kdf["m"]), "p": int(kdf["p"])}
    except (OSError, ValueError, KeyError, TypeError):
        return
    future: Future[bytes] = Future()

    def run() -> None:
        try:
            future.set_result(_argon2(secret, salt, params))
        except BaseException as error:  # given to the sign-in that waits for it
            future.set_exception(error)

    _AHEAD[(secret, salt, params["t"], params["m"], params["p"])] = future
    threading.Thread(target=run, name="argon2-ahead", daemon=True).start()


def new_database_key() -> bytes:
    return secrets.token_bytes(32)


def user_entry(username: str) -> str:
    return f"user:{username}"


class FileStore:
    """The key file beside the SQLite database. Every write is atomic (write, fsync, rename)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.label = f"El archivo de llaves {path.name}"

    def read(self) -> str | None:
        try:
            return self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

    def write(self, keyfile: KeyFile) -> None:
        tmp = self.path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as out:
            json.dump(keyfile.data, out, indent=1, sort_keys=True)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.path)


class ServerStore:
    """Server mode: the same document in the database's ``key_store`` table, shared by every
    desk. A write locks the row, reads the newest document and replays this desk's changes on
    it, so that two desks changing accounts at once both keep their change."""

    ROW = 1

    def __init__(self, url: str) -> None:
        self.url = url
        self.label = "El almacén de llaves del servidor"

    def read(self) -> str | None:
        from sqlalchemy import select

        from frontera_desk.db.engine import one_off_engine
        from frontera_desk.db.models import KeyStore

        with one_off_engine(self.url) as engine, engine.connect() as conn:
            document: str | None = conn.scalar(
                select(KeyStore.document).where(KeyStore.id == self.ROW)
            )
            return document

    def write(self, keyfile: KeyFile) -> None:
        from sqlalchemy import insert, select, update

        from frontera_desk.db.engine import one_off_engine
        from frontera_desk.db.models import KeyStore, utcnow

        with one_off_engine(self.url) as engine, engine.begin() as conn:
            newest = conn.scalar(select(KeyStore.document).where(KeyStore.id == self.ROW)
                                 .with_for_update())  # fmt: skip
            if newest is not None:
                keyfile.rebase(json.loads(newest))
            document = json.dumps(keyfile.data, sort_keys=True)
            if newest is None:
                conn.execute(insert(KeyStore).values(id=self.ROW, document=document,
                                                     updated_at=utcnow()))  # fmt: skip
            else:
                conn.execute(update(KeyStore).where(KeyStore.id == self.ROW)
                             .values(document=document, updated_at=utcnow()))  # fmt: skip


KeyStoreLike = FileStore | ServerStore


class KeyFile:
    """Load, change and save the key document (a file, or a row on the server)."""

    def __init__(self, store: KeyStoreLike, data: dict[str, Any]) -> None:
        self.store = store
        self.data = data
        self._changes: list[tuple[str, tuple[Any, ...]]] = []  # replayed by ServerStore.write
        self._seal_key: bytes | None = None

    # --- creation and storage -----------------------------------------------------------------

    @staticmethod
    def _store(where: Path | KeyStoreLike) -> KeyStoreLike:
        return FileStore(where) if isinstance(where, Path) else where

    @classmethod
    def create(cls, where: Path | KeyStoreLike, encrypted: bool, demo: bool = False) -> KeyFile:
        data = {"format": FORMAT, "version": 1, "encrypted": encrypted, "demo": demo,
                "entries": {}, "mac": "", "failures": {}, "streak": {},
                "locked_until": {}}  # fmt: skip
        return cls(cls._store(where), data)

    @classmethod
    def load(cls, where: Path | KeyStoreLike) -> KeyFile:
        store = cls._store(where)
        try:
            text = store.read()
            if text is None:
                raise FronteraError(
                    f"{store.label} no existe: sin él no se puede abrir la base de datos. "
                    "Restaure un respaldo completo."
                )
            data = json.loads(text)
        except (OSError, ValueError):
            raise FronteraError(f"{store.label} está dañado.") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise FronteraError(f"{store.label} no es de Frontera Desk.")
        if data.get("version") != 1:
            raise FronteraError(f"{store.label} es de una versión más nueva de Frontera Desk.")
        return cls(store, data)

    def save(self, db_key: bytes | None = None) -> None:
        """Write. With the database key, reseal the entries (after a change)."""
        self._seal_key = db_key
        if db_key is not None:
            self.data["mac"] = self._mac(db_key)
        self.store.write(self)
        self._changes.clear()

    def _changed(self, method: str, *args: Any) -> None:
        self._changes.append((method, args))

    def rebase(self, newest: dict[str, Any]) -> None:
        """Take the newest stored document and apply this desk's changes to it again."""
        changes, self._changes = self._changes, []
        self.data = newest
        for method, args in changes:
            getattr(self, method)(*args)
        self._changes = []
        if self._seal_key is not None:
            self.data["mac"] = self._mac(self._seal_key)

    # --- wrapped keys -------------------------------------------------------------------------

    @property
    def encrypted(self) -> bool:
        return bool(self.data.get("encrypted", True))

    def names(self) -> list[str]:
        return sorted(self.data["entries"])

    def wrap(self, name: str, db_key: bytes, secret: str, params: KdfParams | None = None) -> None:
        params = params or KDF
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kdf = {"t": params.time_cost, "m": params.memory_kib, "p": params.parallelism}
        wrapped = AESGCM(_derive(secret, salt, kdf)).encrypt(nonce, db_key, name.encode())
        self.set_entry(name, {
            "kdf": {"name": "argon2id", **kdf, "salt": _b64(salt)},
            "nonce": _b64(nonce),
            "wrapped": _b64(wrapped),
        })  # fmt: skip

    def set_entry(self, name: str, entry: dict[str, Any]) -> None:
        self.data["entries"][name] = entry
        self._changed("set_entry", name, entry)

    def unwrap(self, name: str, secret: str) -> bytes | None:
        """The database key, or None when the secret is wrong or the entry does not exist."""
        entry = self.data["entries"].get(name)
        if entry is None:
            # Spend the same effort so that unknown users cannot be told from wrong passwords.
            _derive(
                secret, b"\0" * 16, {"t": KDF.time_cost, "m": KDF.memory_kib, "p": KDF.parallelism}
            )
            return None
        try:
            kdf = entry["kdf"]
            key = _derive(secret, _unb64(kdf["salt"]), kdf)
            return AESGCM(key).decrypt(
                _unb64(entry["nonce"]), _unb64(entry["wrapped"]), name.encode()
            )
        except (InvalidTag, KeyError, ValueError):
            return None

    def remove(self, name: str) -> None:
        self.data["entries"].pop(name, None)
        self._changed("remove", name)

    def _mac(self, db_key: bytes) -> str:
        mac_key = hashlib.sha256(b"frontera-desk key file seal" + db_key).digest()
        body = json.dumps(self.data["entries"], sort_keys=True).encode()
        return hmac.new(mac_key, body, hashlib.sha256).hexdigest()

    def sealed(self, db_key: bytes) -> bool:
        return hmac.compare_digest(self.data.get("mac", ""), self._mac(db_key))

    # --- failed sign-ins ----------------------------------------------------------------------

    def add_failure(self, username: str, at: datetime) -> int:
        """Record a failed sign-in; returns the failures in a row that count toward a lockout."""
        self.data["failures"].setdefault(username, []).append(at.isoformat())
        streak: dict[str, int] = self.data.setdefault("streak", {})
        streak[username] = streak.get(username, 0) + 1
        self._changed("add_failure", username, at)
        return streak[username]

    def clear_failures(self, username: str) -> None:
        """After a successful sign-in (or a reset): forget this account's lockout."""
        self.data["locked_until"].pop(username, None)
        self.data.setdefault("streak", {}).pop(username, None)
        self._changed("clear_failures", username)

    def take_failures(self) -> dict[str, list[str]]:
        """Every failed attempt recorded so far (any name), handed over once to the audit log."""
        failures: dict[str, list[str]] = self.data["failures"]
        self.data["failures"] = {}
        self._changed("forget_failures", failures)
        return failures

    def forget_failures(self, taken: dict[str, list[str]]) -> None:
        """Replayed on the server: drop the attempts taken, keep any recorded since."""
        for name, attempts in taken.items():
            left = [a for a in self.data["failures"].get(name, []) if a not in attempts]
            if left:
                self.data["failures"][name] = left
            else:
                self.data["failures"].pop(name, None)

    def end_lock(self, username: str) -> None:
        """A lockout ran out: the next failures count from zero again."""
        self.clear_failures(username)

    def locked_until(self, username: str) -> datetime | None:
        value = self.data["locked_until"].get(username)
        return datetime.fromisoformat(value) if value else None

    def lock(self, username: str, until: datetime) -> None:
        self.data["locked_until"][username] = until.isoformat()
        self._changed("lock", username, until)
