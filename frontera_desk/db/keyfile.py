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


def _derive(secret: str, salt: bytes, params: dict[str, int]) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"), salt, params["t"], params["m"], params["p"], 32, Type.ID
    )


def new_database_key() -> bytes:
    return secrets.token_bytes(32)


def user_entry(username: str) -> str:
    return f"user:{username}"


class KeyFile:
    """Load, change and save the key file. Every save is atomic (write, fsync, rename)."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    # --- creation and storage -----------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, encrypted: bool) -> KeyFile:
        data = {"format": FORMAT, "version": 1, "encrypted": encrypted, "entries": {},
                "mac": "", "failures": {}, "streak": {}, "locked_until": {}}  # fmt: skip
        return cls(path, data)

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise FronteraError(
                f"Falta el archivo de llaves ({path.name}) junto a la base de datos: sin él no se "
                "puede abrir. Restaure un respaldo completo."
            ) from None
        except (OSError, ValueError):
            raise FronteraError(f"El archivo de llaves {path.name} está dañado.") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise FronteraError(f"{path.name} no es un archivo de llaves de Frontera Desk.")
        if data.get("version") != 1:
            raise FronteraError(
                "El archivo de llaves es de una versión más nueva de Frontera Desk."
            )
        return cls(path, data)

    def save(self, db_key: bytes | None = None) -> None:
        """Write atomically. With the database key, reseal the entries (after a change)."""
        if db_key is not None:
            self.data["mac"] = self._mac(db_key)
        tmp = self.path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as out:
            json.dump(self.data, out, indent=1, sort_keys=True)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.path)

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
        self.data["entries"][name] = {
            "kdf": {"name": "argon2id", **kdf, "salt": _b64(salt)},
            "nonce": _b64(nonce),
            "wrapped": _b64(wrapped),
        }

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
        return streak[username]

    def clear_failures(self, username: str) -> None:
        """After a successful sign-in (or a reset): forget this account's lockout."""
        self.data["locked_until"].pop(username, None)
        self.data.setdefault("streak", {}).pop(username, None)

    def take_failures(self) -> dict[str, list[str]]:
        """Every failed attempt recorded so far (any name), handed over once to the audit log."""
        failures: dict[str, list[str]] = self.data["failures"]
        self.data["failures"] = {}
        return failures

    def end_lock(self, username: str) -> None:
        """A lockout ran out: the next failures count from zero again."""
        self.data["locked_until"].pop(username, None)
        self.data.setdefault("streak", {}).pop(username, None)

    def locked_until(self, username: str) -> datetime | None:
        value = self.data["locked_until"].get(username)
        return datetime.fromisoformat(value) if value else None

    def lock(self, username: str, until: datetime) -> None:
        self.data["locked_until"][username] = until.isoformat()
