"""The key file beside the database: the database key, sealed once per account, and the lockout.

Keys (version 2). The database is encrypted (SQLCipher) under a random 256-bit key K. Each
account (``user:NAME``) and the office recovery code has an *entry* holding:

- an X25519 key pair of its own, the private half wrapped (AES-256-GCM) under a key derived
  from the password or the recovery code with Argon2id;
- K sealed to the entry's public key (ephemeral X25519 + HKDF-SHA256 + AES-256-GCM), so that
  anyone holding K can seal a *new* K for every account without knowing its password;
- for supervisors, administrators and the recovery code only: the office's Ed25519 signing key,
  sealed the same way (a caseworker's password never unlocks it).

Revocation re-keys (``services.auth``): disabling a user, an administrator's password reset and
a recovery-code sign-in draw a new K, re-encrypt the database under it (``PRAGMA rekey``) and
seal it again for every remaining entry. An old key file, or the one inside an older backup,
then only yields the old K, which no longer opens the database. The re-key is crash-safe: the
key file is first written with the new K sealed *beside* the old one for every entry (the
``pending`` state), then the database is re-keyed in one SQLCipher transaction, then the old K
is dropped. Whatever instant the process dies at, one of the keys in the file opens the
database; the next sign-in tries them, and finishes (or redoes) the re-key.

Entries of version 1 (the password wrapped K itself) still open the database until the first
re-key, and are turned into version 2 at their owner's next sign-in. A re-key cannot carry an
entry of version 1 over (that needs its password): it drops it, and names the account, which
then needs a password reset; an old-style recovery code is replaced by a new one.

Lockout. Sign-in happens before K is known, so a failed attempt cannot seal anything. Every
attempt is appended, numbered, to ``attempts`` under an OS file lock *before* the password is
checked (an attempt that cannot be written is refused unchecked); the lockout is always worked
out from the sealed state of the last successful sign-in plus that numbered log, never from a
field a failed attempt could edit. A successful sign-in absorbs the log into the sealed state
(``lockout``: counter, streak, locked_until), which is covered, like the entries and the office
public key, by HMACs under a key derived from K. The next successful sign-in names any sealed
field that changed, any gap in the numbered log, and (against the number recorded in the audit
log) a key file older than the last sign-in. What no file on the same disk can reveal: the
attempts since the last successful sign-in being cut off the end of the log.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import secrets
import sys
import tempfile
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from frontera_desk.domain.errors import FronteraError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

FORMAT = "frontera-desk-keys"
VERSION = 2
RECOVERY = "recovery"
LOCK_AFTER = 5
LOCK_FOR = timedelta(minutes=15)
ENV_CRASH = "FRONTERA_DESK_CRASH_AT"  # tests: die at a named step (see crash_point)


@dataclass(frozen=True)
class KdfParams:
    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 2


KDF = KdfParams()  # tests swap in cheaper parameters


def crash_point(step: str) -> None:
    """Tests kill the process here, as a power cut would, to prove every step recoverable
    (``trace``: say each step on stderr, for a test that kills from outside in between)."""
    wanted = os.environ.get(ENV_CRASH)
    if wanted == step:
        os._exit(86)
    if wanted == "trace":
        print(step, file=sys.stderr, flush=True)


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
    itself; Argon2 releases the interpreter lock, so its time is not waited for.
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


# --- sealing to a public key ------------------------------------------------------------------


def _x25519_public(private: X25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _box_key(shared: bytes, epk: bytes, public: bytes) -> bytes:
    from cryptography.hazmat.primitives.hashes import SHA256
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    hkdf = HKDF(SHA256(), 32, salt=None, info=b"frontera-desk sealed key" + epk + public)
    return hkdf.derive(shared)


def _seal(public: bytes, data: bytes, aad: bytes) -> dict[str, str]:
    """Encrypt ``data`` so that only the holder of ``public``'s private half can read it."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )

    ephemeral = X25519PrivateKey.generate()
    epk = _x25519_public(ephemeral)
    key = _box_key(ephemeral.exchange(X25519PublicKey.from_public_bytes(public)), epk, public)
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(key).encrypt(nonce, data, aad)
    return {"epk": _b64(epk), "nonce": _b64(nonce), "sealed": _b64(sealed)}


def _unseal(private: X25519PrivateKey, box: dict[str, str], aad: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

    epk = _unb64(box["epk"])
    shared = private.exchange(X25519PublicKey.from_public_bytes(epk))
    key = _box_key(shared, epk, _x25519_public(private))
    return AESGCM(key).decrypt(_unb64(box["nonce"]), _unb64(box["sealed"]), aad)


def _signing_bytes(key: Ed25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
    )

    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


@dataclass
class Opened:
    """What a password (or the recovery code) unlocked in its entry."""

    name: str
    db_keys: list[bytes]  # newest first: two while a re-key is pending
    signing_key: Ed25519PrivateKey | None = None
    legacy: bool = False  # a version-1 entry: the password wrapped K directly
    private: X25519PrivateKey | None = field(default=None, repr=False)
    _derived: bytes = field(default=b"", repr=False)


# --- the lockout, worked out from the sealed state and the numbered attempts -----------------


def _parse(moment: str) -> datetime:
    return datetime.fromisoformat(moment)


def replay(lockout: dict[str, Any], attempts: list[dict[str, Any]]) -> dict[str, Any]:
    """The lockout state after ``attempts`` (each a failed or still unresolved sign-in)."""
    streak = dict(lockout.get("streak", {}))
    locked = dict(lockout.get("locked_until", {}))
    counter = int(lockout.get("counter", 0))
    for attempt in attempts:
        name, at = attempt["user"], _parse(attempt["at"])
        counter = max(counter, int(attempt["n"]))
        if "mac" in attempt:  # a clear: a successful sign-in, or a reset
            streak.pop(name, None)
            locked.pop(name, None)
            continue
        if attempt.get("refused") and name in locked and at < _parse(locked[name]):
            continue  # refused unchecked during a lockout: counted, and changes nothing
        if name in locked and at >= _parse(locked[name]):  # the lock ran out: count from zero
            locked.pop(name)
            streak.pop(name, None)
        streak[name] = streak.get(name, 0) + 1
        if streak[name] >= LOCK_AFTER and name not in locked:
            locked[name] = (at + LOCK_FOR).isoformat()
    return {"counter": counter, "streak": streak, "locked_until": locked}


# --- storage ----------------------------------------------------------------------------------


class FileStore:
    """The key file beside the SQLite database. Every change is a read-modify-write under an
    OS lock on a lock file beside it (several processes may sign in at once), written to a
    temporary file of its own, synced and renamed over the key file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.label = f"El archivo de llaves {path.name}"
        self._depth = 0
        self._handle: Any = None

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        if self._depth == 0:
            handle = open(self.path.with_name(self.path.name + ".lock"), "a+b")  # noqa: SIM115
            try:
                _lock_file(handle)
            except BaseException:
                handle.close()
                raise
            self._handle = handle
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                _unlock_file(self._handle)
                self._handle.close()
                self._handle = None

    def read(self) -> str | None:
        try:
            return self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

    def write(self, keyfile: KeyFile) -> None:
        with self.locked():
            newest = self.read()
            if newest is not None and newest != keyfile.loaded_text:
                keyfile.rebase(json.loads(newest))
            text = json.dumps(keyfile.data, indent=1, sort_keys=True)
            fd, tmp = tempfile.mkstemp(prefix=self.path.name + ".", suffix=".tmp",
                                       dir=self.path.parent)  # fmt: skip
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    out.write(text)
                    out.flush()
                    os.fsync(out.fileno())
                os.chmod(tmp, 0o600)
                os.replace(tmp, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
            keyfile.loaded_text = text


if sys.platform == "win32":  # pragma: no cover - Windows
    import msvcrt

    def _lock_file(handle: Any) -> None:
        while True:
            try:
                msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)  # retries for 10 s itself
                return
            except OSError:
                continue

    def _unlock_file(handle: Any) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_file(handle: Any) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)

    def _unlock_file(handle: Any) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class ServerStore:
    """Server mode: the same document in the database's ``key_store`` table, shared by every
    desk. A write locks the row, reads the newest document and replays this desk's changes on
    it, so that two desks changing accounts at once both keep their change. There is no
    SQLCipher on the server: a re-key there only drops the revoked entry."""

    ROW = 1

    def __init__(self, url: str) -> None:
        self.url = url
        self.label = "El almacén de llaves del servidor"

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        yield  # the row lock of write() serializes the writers

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
            keyfile.loaded_text = document


KeyStoreLike = FileStore | ServerStore


class KeyFile:
    """Load, change and save the key document (a file, or a row on the server)."""

    def __init__(self, store: KeyStoreLike, data: dict[str, Any], text: str | None = None) -> None:
        self.store = store
        self.data = data
        self.loaded_text = text
        self._changes: list[tuple[str, tuple[Any, ...]]] = []  # replayed on the newest copy
        self._seal_keys: list[bytes] = []

    # --- creation and storage -----------------------------------------------------------------

    @staticmethod
    def _store(where: Path | KeyStoreLike) -> KeyStoreLike:
        return FileStore(where) if isinstance(where, Path) else where

    @classmethod
    def create(cls, where: Path | KeyStoreLike, encrypted: bool, demo: bool = False) -> KeyFile:
        data = {"format": FORMAT, "version": VERSION, "encrypted": encrypted, "demo": demo,
                "entries": {}, "macs": {}, "office_key": None, "pending": False,
                "lockout": {"counter": 0, "streak": {}, "locked_until": {}},
                "attempts": []}  # fmt: skip
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
        if data.get("version") not in (1, VERSION):
            raise FronteraError(f"{store.label} es de una versión más nueva de Frontera Desk.")
        if not isinstance(data.get("entries"), dict):
            raise FronteraError(f"{store.label} está dañado.")
        if data["version"] == 1:
            data = _from_version_1(data)
        return cls(store, data, text)

    def save(self, *seal_keys: bytes) -> None:
        """Write. With the database key, reseal (after a change by a signed-in user)."""
        self._seal_keys = list(seal_keys)
        if seal_keys:
            self.data["macs"] = self._macs(seal_keys[0])
        self.store.write(self)
        self._changes.clear()

    def _changed(self, method: str, *args: Any) -> None:
        self._changes.append((method, args))

    def rebase(self, newest: dict[str, Any]) -> None:
        """Take the newest stored document and apply this desk's changes to it again."""
        changes, self._changes = self._changes, []
        if newest.get("version") == 1:
            newest = _from_version_1(newest)
        self.data = newest
        for method, args in changes:
            getattr(self, method)(*args)
        self._changes = []
        if self._seal_keys:
            self.data["macs"] = self._macs(self._seal_keys[0])

    # --- entries ------------------------------------------------------------------------------

    @property
    def encrypted(self) -> bool:
        return bool(self.data.get("encrypted", True))

    @property
    def pending(self) -> bool:
        """A re-key was started: entries hold the new key beside the old one."""
        return bool(self.data.get("pending"))

    def names(self) -> list[str]:
        return sorted(self.data["entries"])

    def is_legacy(self, name: str) -> bool:
        entry = self.data["entries"].get(name)
        return entry is not None and "public" not in entry

    def holds_office_key(self, name: str) -> bool:
        return "office" in self.data["entries"].get(name, {})

    def wrap(
        self, name: str, db_keys: bytes | list[bytes], secret: str,
        signing_key: Ed25519PrivateKey | None = None, params: KdfParams | None = None,
    ) -> None:  # fmt: skip
        """A new entry for ``name``: a fresh key pair under the secret, the database key (or
        keys, newest first) and, for supervisors and administrators, the office key."""
        params = params or KDF
        salt = secrets.token_bytes(16)
        kdf = {"t": params.time_cost, "m": params.memory_kib, "p": params.parallelism}
        derived = _derive(secret, salt, kdf)
        keys = [db_keys] if isinstance(db_keys, bytes) else list(db_keys)
        self.set_entry(
            name,
            _new_entry(
                name, derived, {"name": "argon2id", **kdf, "salt": _b64(salt)}, keys, signing_key
            ),
        )

    def set_entry(self, name: str, entry: dict[str, Any]) -> None:
        self.data["entries"][name] = entry
        self._changed("set_entry", name, entry)

    def open_entry(self, name: str, secret: str) -> Opened | None:
        """What the secret unlocks in ``name``'s entry, or None (wrong secret, no entry)."""
        entry = self.data["entries"].get(name)
        if not isinstance(entry, dict):
            # Spend the same effort so that unknown users cannot be told from wrong passwords.
            _derive(
                secret, b"\0" * 16, {"t": KDF.time_cost, "m": KDF.memory_kib, "p": KDF.parallelism}
            )
            return None
        try:
            kdf = entry["kdf"]
            derived = _derive(secret, _unb64(kdf["salt"]), kdf)
            if "public" not in entry:  # version 1
                key = AESGCM(derived).decrypt(
                    _unb64(entry["nonce"]), _unb64(entry["wrapped"]), name.encode()
                )
                return Opened(name, [key], legacy=True, _derived=derived)
            from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

            raw = AESGCM(derived).decrypt(
                _unb64(entry["nonce"]), _unb64(entry["wrapped"]), _aad(name, "private")
            )
            private = X25519PrivateKey.from_private_bytes(raw)
            keys = [_unseal(private, box, _aad(name, "db")) for box in entry["keys"]]
            signing = None
            if "office" in entry:
                from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

                signing = Ed25519PrivateKey.from_private_bytes(
                    _unseal(private, entry["office"], _aad(name, "office"))
                )
            return Opened(name, keys, signing, private=private, _derived=derived)
        except (InvalidTag, KeyError, ValueError, TypeError):
            return None

    def unwrap(self, name: str, secret: str) -> bytes | None:
        """The (newest) database key, or None when the secret is wrong or there is no entry."""
        opened = self.open_entry(name, secret)
        return opened.db_keys[0] if opened is not None else None

    def upgrade_entry(self, opened: Opened, db_keys: list[bytes],
                      signing_key: Ed25519PrivateKey | None) -> None:  # fmt: skip
        """Turn a version-1 entry into version 2, with the key the password derived already."""
        kdf = self.data["entries"][opened.name]["kdf"]
        self.set_entry(
            opened.name, _new_entry(opened.name, opened._derived, kdf, db_keys, signing_key)
        )

    def seal_keys(self, name: str, db_keys: list[bytes]) -> None:
        """Seal the database key(s), newest first, to the entry's public key."""
        entry = dict(self.data["entries"][name])
        public = _unb64(entry["public"])
        entry["keys"] = [_seal(public, key, _aad(name, "db")) for key in db_keys]
        self.set_entry(name, entry)

    def seal_office_key(self, name: str, signing_key: Ed25519PrivateKey | None) -> None:
        """Give the entry the office key (None: take it away)."""
        entry = dict(self.data["entries"][name])
        if signing_key is None:
            entry.pop("office", None)
        else:
            entry["office"] = _seal(_unb64(entry["public"]), _signing_bytes(signing_key),
                                    _aad(name, "office"))  # fmt: skip
        self.set_entry(name, entry)

    def remove(self, name: str) -> None:
        self.data["entries"].pop(name, None)
        self._changed("remove", name)

    def set_pending(self, pending: bool) -> None:
        self.data["pending"] = pending
        self._changed("set_pending", pending)

    # --- the office key -----------------------------------------------------------------------

    @property
    def office_public_key(self) -> bytes | None:
        value = self.data.get("office_key")
        try:
            return _unb64(value) if isinstance(value, str) else None
        except ValueError:
            return None

    def set_office_public_key(self, public: bytes) -> None:
        self.data["office_key"] = _b64(public)
        self._changed("set_office_public_key", public)

    # --- seals --------------------------------------------------------------------------------

    def _sealed_fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "names": sorted(self.data["entries"]),
            "office_key": self.data.get("office_key"),
            "lockout": self.data.get("lockout"),
            "flags": [self.data.get("encrypted"), self.data.get("demo")],
        }
        for name, entry in self.data["entries"].items():
            fields[f"entry:{name}"] = entry
        return fields

    def _macs(self, db_key: bytes) -> dict[str, str]:
        mac_key = hashlib.sha256(b"frontera-desk key file seal v2" + db_key).digest()
        return {
            label: hmac.new(mac_key, label.encode() + b"\0" +
                            json.dumps(value, sort_keys=True).encode(), hashlib.sha256).hexdigest()
            for label, value in self._sealed_fields().items()
        }  # fmt: skip

    def _legacy_mac(self, db_key: bytes) -> str:
        mac_key = hashlib.sha256(b"frontera-desk key file seal" + db_key).digest()
        body = json.dumps(self.data["entries"], sort_keys=True).encode()
        return hmac.new(mac_key, body, hashlib.sha256).hexdigest()

    def altered(self, db_keys: list[bytes]) -> list[str]:
        """The sealed fields that changed outside the application (empty: none), checked
        under any of the keys the file holds (two while a re-key is pending)."""
        if "legacy_mac" in self.data:  # a version-1 file: only its entries were sealed
            legacy = self.data["legacy_mac"]
            ok = any(hmac.compare_digest(legacy, self._legacy_mac(k)) for k in db_keys)
            return [] if ok else ["entradas"]
        stored: dict[str, str] = self.data.get("macs") or {}
        if not stored:
            return ["sellos"]
        changed = set(self._macs(db_keys[0]).keys()) | set(stored)
        for key in db_keys:
            computed = self._macs(key)
            changed &= {
                label
                for label in set(computed) | set(stored)
                if not hmac.compare_digest(stored.get(label, ""), computed.get(label, "-"))
            }
        return sorted(changed)

    # --- sign-in attempts ---------------------------------------------------------------------

    def lockout_state(self) -> dict[str, Any]:
        return replay(self.data["lockout"], self.data["attempts"])

    def locked_until(self, username: str, now: datetime) -> datetime | None:
        """Until when ``username`` is locked out at ``now`` (None: not locked)."""
        value = self.lockout_state()["locked_until"].get(username)
        if value is None or now >= _parse(value):
            return None
        return _parse(value)

    def streak(self, username: str) -> int:
        return int(self.lockout_state()["streak"].get(username, 0))

    def add_attempt(self, username: str, at: datetime, refused: bool = False) -> int:
        """Number and record an attempt (``refused``: turned away by a lockout, unchecked);
        returns its number."""
        number = self.counter() + 1
        record: dict[str, Any] = {"n": number, "user": username, "at": at.isoformat()}
        if refused:
            record["refused"] = True
        self.data["attempts"].append(record)
        self._changed("add_attempt", username, at, refused)
        return number

    def counter(self) -> int:
        return int(self.lockout_state()["counter"])

    def attempt_gaps(self) -> bool:
        """Whether the numbered log misses an attempt (one removed from the middle)."""
        numbers = [int(a["n"]) for a in self.data["attempts"]]
        first = int(self.data["lockout"].get("counter", 0)) + 1
        return numbers != list(range(first, first + len(numbers)))

    def failures_before(self, upto: int, own: int | None) -> list[dict[str, Any]]:
        """The failed attempts numbered up to ``upto`` (the signing-in one, ``own``, is not)."""
        legacy = [{"user": name, "at": at} for name, ats in
                  self.data.get("legacy_failures", {}).items() for at in ats]  # fmt: skip
        attempts = self.data["attempts"]
        cleared = {a.get("clears") for a in attempts if "mac" in a} | {own}
        failed = [a for a in attempts if "mac" not in a and a["n"] not in cleared]
        return legacy + [a for a in failed if a["n"] <= upto]

    def absorb(self, upto: int, own: int | None, *usernames: str) -> None:
        """A successful sign-in: the attempts up to ``upto`` become sealed state, and the
        account that signed in starts from zero."""
        attempts = self.data["attempts"]
        taken = [a for a in attempts if a["n"] <= upto and a["n"] != own]
        state = replay(self.data["lockout"], taken)
        state["counter"] = max(state["counter"], upto)
        for username in usernames:
            state["streak"].pop(username, None)
            state["locked_until"].pop(username, None)
        self.data["lockout"] = state
        self.data["attempts"] = [a for a in attempts if a["n"] > upto]
        self.data.pop("legacy_failures", None)
        self.data.pop("legacy_mac", None)
        self._changed("absorb", upto, own, *usernames)

    def add_clear(self, username: str, at: datetime, clears: int | None, db_key: bytes) -> None:
        """A signed-in account (or an administrator's reset) ends ``username``'s streak: a
        record numbered like the attempts, with an HMAC under the database key (a failed
        attempt cannot write one; one forged by hand is named at the next sign-in)."""
        record = {"n": self.counter() + 1, "user": username, "at": at.isoformat(),
                  "clears": clears}  # fmt: skip
        record["mac"] = _clear_mac(db_key, record)
        self.data["attempts"].append(record)
        self._changed("add_clear", username, at, clears, db_key)

    def remac_clears(self, old: list[bytes], new: bytes) -> None:
        """After a re-key: the clears sealed under an old key, sealed again under the new."""
        for record in self.data["attempts"]:
            if "mac" in record and any(
                hmac.compare_digest(str(record["mac"]), _clear_mac(k, record)) for k in old
            ):
                record["mac"] = _clear_mac(new, record)
        self._changed("remac_clears", old, new)

    def forged_clears(self, db_keys: list[bytes]) -> bool:
        return any(
            not any(hmac.compare_digest(str(a["mac"]), _clear_mac(k, a)) for k in db_keys)
            for a in self.data["attempts"] if "mac" in a
        )  # fmt: skip


def _clear_mac(db_key: bytes, record: dict[str, Any]) -> str:
    mac_key = hashlib.sha256(b"frontera-desk attempt clear" + db_key).digest()
    body = json.dumps([record["n"], record["user"], record["at"], record.get("clears")])
    return hmac.new(mac_key, body.encode(), hashlib.sha256).hexdigest()


def _aad(name: str, part: str) -> bytes:
    return f"{name}|{part}|v2".encode()


def _new_entry(
    name: str, derived: bytes, kdf: dict[str, Any], db_keys: list[bytes],
    signing_key: Ed25519PrivateKey | None,
) -> dict[str, Any]:  # fmt: skip
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
    )

    private = X25519PrivateKey.generate()
    raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    public = _x25519_public(private)
    nonce = secrets.token_bytes(12)
    entry: dict[str, Any] = {
        "kdf": kdf,
        "nonce": _b64(nonce),
        "wrapped": _b64(AESGCM(derived).encrypt(nonce, raw, _aad(name, "private"))),
        "public": _b64(public),
        "keys": [_seal(public, key, _aad(name, "db")) for key in db_keys],
    }
    if signing_key is not None:
        entry["office"] = _seal(public, _signing_bytes(signing_key), _aad(name, "office"))
    return entry


def _from_version_1(old: dict[str, Any]) -> dict[str, Any]:
    """A version-1 document in the version-2 shape (its entries stay as they are)."""
    new = {
        "format": FORMAT, "version": VERSION, "encrypted": old.get("encrypted", True),
        "entries": old.get("entries", {}), "macs": {},
        "legacy_mac": old.get("mac", ""), "office_key": None, "pending": False,
        "lockout": {"counter": 0, "streak": dict(old.get("streak", {})),
                    "locked_until": dict(old.get("locked_until", {}))},
        "attempts": [], "legacy_failures": dict(old.get("failures", {})),
    }  # fmt: skip
    if "demo" in old:  # folders made before the mark are told apart by the demo password
        new["demo"] = old["demo"]
    return new
