"""Checkpoints: the office key signs the audit chain's length and head and the user accounts.

An insider who holds the database key (any signed-in user derives it) can delete the newest
audit entries, rewrite the chain from some entry on, or raise a role with one SQL UPDATE, and
the chain alone still verifies. A checkpoint is a document signed with the office's Ed25519 key
(which only supervisors and administrators unwrap): the chain's length, its head and last id,
and every account with its role and active flag. It is written at every month close and at the
first supervisor or administrator sign-in of each day, and stored twice: one line in
``frontera.checkpoints`` beside the database (append-only, fsync'd, owner-only) and in the audit
entry ``punto_de_control`` that follows it in the chain. ``audit verify`` compares the chain with
every checkpoint as its walk passes their lengths, the accounts of each checkpoint with the next
one's (and with today's), and the file with the chain.

What a checkpoint cannot show: a data folder rolled back as a whole (database and checkpoint
file) to an older copy is consistent with itself; only someone who remembers a later head (the
monthly package sent to headquarters carries it) can tell.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import weakref
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection, Engine, event, func, select
from sqlalchemy.orm import Session

from frontera_desk.db import Database
from frontera_desk.db.audit_chain import GENESIS
from frontera_desk.db.models import AuditEntry, Office, User, utcnow
from frontera_desk.domain import wording
from frontera_desk.domain.enums import Role
from frontera_desk.domain.errors import FronteraError
from frontera_desk.exchange import signing
from frontera_desk.paths import Paths
from frontera_desk.services import audit
from frontera_desk.services.permissions import Actor

logger = logging.getLogger(__name__)

KIND = "frontera-desk/punto-de-control"
VERSION = 1
ACTION, ENTITY = "punto_de_control", "bitacora"
EVERY = timedelta(days=1)


@dataclass(frozen=True)
class Checkpoint:
    document: dict[str, Any]
    signature: str

    @property
    def seq(self) -> int:
        return int(self.document["seq"])

    @property
    def length(self) -> int:
        return int(self.document["chain"]["length"])

    @property
    def head(self) -> str:
        return str(self.document["chain"]["head"])

    @property
    def last_id(self) -> int:
        return int(self.document["chain"]["last_id"])

    @property
    def signed_at(self) -> datetime:
        return datetime.fromisoformat(self.document["signed_at"])

    @property
    def users(self) -> dict[str, dict[str, Any]]:
        return {u["uuid"]: u for u in self.document["users"]}

    @property
    def label(self) -> str:
        return f"el punto de control núm. {self.seq} ({self.signed_at:%Y-%m-%d %H:%M} UTC)"

    @property
    def line(self) -> str:
        """Its line in the checkpoint file: canonical JSON, so its digest is stable."""
        return signing.canonical({"document": self.document, "signature": self.signature}).decode()

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.line.encode("utf-8")).hexdigest()

    @staticmethod
    def parse(data: Any) -> Checkpoint:
        """From a file line's or an audit entry's JSON (a ValueError for anything else)."""
        try:
            cp = Checkpoint(dict(data["document"]), str(data["signature"]))
            if cp.document.get("kind") != KIND:
                raise ValueError("not a checkpoint")
            _ = (cp.seq, cp.length, cp.head, cp.last_id, cp.signed_at, cp.users)
            return cp
        except (KeyError, TypeError, AttributeError) as error:
            raise ValueError(str(error)) from error


@dataclass(frozen=True)
class Signer:
    """Who signs: the signed-in supervisor or administrator holding the office key."""

    key: Ed25519PrivateKey
    app_paths: Paths
    actor: Actor


# --- the keys (the "keys" work stores them: Vault.signing_key, auth.office_public_key) --------


def office_public_key(app_paths: Paths) -> bytes | None:
    from frontera_desk.services.auth import office_public_key  # auth signs in with this module

    return office_public_key(app_paths)


# --- the document -----------------------------------------------------------------------------


def accounts(session: Session) -> list[dict[str, Any]]:
    """Every account but the system's: what a checkpoint remembers of who may do what."""
    users = session.scalars(
        select(User).where(User.role != Role.SYSTEM.value).order_by(User.username)
    )
    return [
        {"username": u.username, "role": u.role, "is_active": bool(u.is_active), "uuid": u.uuid}
        for u in users
    ]


def _from_entry(changes: str | None) -> Checkpoint | None:
    try:
        return Checkpoint.parse(json.loads(changes or "")["checkpoint"])
    except (ValueError, KeyError, TypeError):
        return None  # the walk names an entry whose values were changed


def _recorded(session: Session) -> list[Checkpoint]:
    """The checkpoints the chain itself records (found through the action index)."""
    query = select(AuditEntry.changes).where(AuditEntry.action == ACTION).order_by(AuditEntry.id)
    return [cp for cp in map(_from_entry, session.scalars(query)) if cp is not None]


def _last(session: Session, app_paths: Paths) -> Checkpoint | None:
    """The newest checkpoint, of the file's and the chain's own (either may have been cut)."""
    query = (
        select(AuditEntry.changes).where(AuditEntry.action == ACTION)
        .order_by(AuditEntry.id.desc()).limit(1)
    )  # fmt: skip
    candidates = [_from_entry(session.scalar(query))]
    path = file_of(app_paths)
    if path is not None:
        candidates.append(_file_tail(path))
    return max((c for c in candidates if c is not None), key=lambda c: c.seq, default=None)


def _file_tail(path: Path, chunk: int = 1 << 18) -> Checkpoint | None:
    """The file's last checkpoint, read from its end (a sign-in need not parse years of it)."""
    try:
        with path.open("rb") as file:
            size = file.seek(0, os.SEEK_END)
            file.seek(max(0, size - chunk))
            lines = file.read().rstrip(b"\n").split(b"\n")
    except OSError:
        return None
    if size > chunk and len(lines) < 2:  # one line longer than the chunk: read it all
        found = read_file(path)[0]
        return found[-1] if found else None
    try:
        return Checkpoint.parse(json.loads(lines[-1]))
    except ValueError:
        return None


def file_of(app_paths: Paths) -> Path | None:
    """The file beside the database; none on a server (its desks share one chain, each with
    its own data folder): the chain's own copies stand alone there."""
    return None if app_paths.on_server else app_paths.checkpoints


def read_file(path: Path) -> tuple[list[Checkpoint], list[str]]:
    """The file's checkpoints and what is wrong with its lines."""
    found: list[Checkpoint] = []
    problems: list[str] = []
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return [], []
    except (OSError, UnicodeDecodeError):
        return [], [f"no se puede leer el archivo de puntos de control {path.name}"]
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            found.append(Checkpoint.parse(json.loads(line)))
        except ValueError:
            problems.append(f"la línea {number} del archivo {path.name} no es un punto de control")
    return found, problems


def _append(path: Path, line: str) -> None:
    """One line at the end, on the disk before the chain records it; owner-only."""
    created = not path.exists()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, (line + "\n").encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    if created and hasattr(os, "O_DIRECTORY"):  # the new name survives a power cut too
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def write(db: Database, signer: Signer, reason: str, now: datetime | None = None) -> Checkpoint:
    """Sign the chain as it stands and the accounts, append the line to the file, and record
    it in the chain. The write lock is held throughout: nothing enters the chain between what
    is signed and the entry that records it."""
    now = now or utcnow()
    with db.write() as session:
        office = session.scalars(select(Office)).first()
        if office is None:
            raise FronteraError("La base de datos no tiene oficina configurada.")
        length = session.scalar(select(func.count(AuditEntry.id))) or 0
        last = session.execute(
            select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
        ).first()
        previous = _last(session, signer.app_paths)
        users = accounts(session)
        document = {
            "kind": KIND, "version": VERSION,
            "seq": previous.seq + 1 if previous else 1,
            "previous": previous.digest if previous else None,
            "office_code": office.code, "office_uuid": office.uuid,
            "signed_at": now.astimezone(UTC).isoformat(timespec="seconds"), "reason": reason,
            "chain": {"length": length, "head": last.hash if last else GENESIS,
                      "last_id": last.id if last else 0},
            "users": users,
            "users_sha256": hashlib.sha256(signing.canonical(users)).hexdigest(),
            "public_key": signing.b64(signing.public_bytes(signer.key)),
        }  # fmt: skip
        checkpoint = Checkpoint(document, signing.sign(signer.key, document))
        path = file_of(signer.app_paths)
        if path is not None:
            _append(path, checkpoint.line)
        record = {"checkpoint": json.loads(checkpoint.line)}
        audit.record(session, signer.actor, ACTION, ENTITY, None, record, at=now)
    logger.info("checkpoint %d signed (%s)", checkpoint.seq, reason)
    return checkpoint


def write_from_chain(session: Session, path: Path) -> None:
    """The file as the chain's own copies give it. A restore writes it for the backup's
    chain beside the backup's database, and swaps it in with the other files: the checkpoints
    of the database it replaced go aside with that database."""
    lines = "".join(cp.line + "\n" for cp in _recorded(session))
    if lines:
        _append(path, lines.removesuffix("\n"))


# --- when -------------------------------------------------------------------------------------

_signers: weakref.WeakKeyDictionary[Engine, tuple[weakref.ref[Database], Signer]] = (
    weakref.WeakKeyDictionary()
)


def start(
    app_paths: Paths, db: Database, actor: Actor, key: Ed25519PrivateKey | None,
    now: datetime | None = None,
) -> Checkpoint | None:  # fmt: skip
    """At sign-in: a supervisor or administrator (who holds the key) signs for this session's
    month closes, and signs a checkpoint now when the last one is a day old or there is none.
    A caseworker holds no key: nothing is signed."""
    if key is None:
        return None
    signer = Signer(key, app_paths, actor)
    _signers[db.engine] = (weakref.ref(db), signer)
    now = now or utcnow()
    try:
        with db.read() as session:
            last = _last(session, app_paths)
        if last is not None and timedelta(0) <= now - last.signed_at < EVERY:
            return None  # (a checkpoint dated ahead, by a clock set wrong, does not hold off)
        return write(db, signer, "inicio_de_sesion", now)
    except (FronteraError, OSError) as error:  # a full disk must not keep anyone out
        logger.warning("checkpoint at sign-in not written: %s", type(error).__name__)
        return None


def sign_after_commit(session: Session, reason: str) -> None:
    """Hook for a use case (a month close): once its transaction commits, the signed-in
    supervisor's key signs a checkpoint. Nothing happens without one."""
    bind = session.get_bind()
    engine = bind.engine if isinstance(bind, Connection) else bind
    found = _signers.get(engine) if isinstance(engine, Engine) else None
    if found is None or session.info.get(ACTION):
        return
    session.info[ACTION] = reason
    holder, signer = found

    def committed(_session: Session) -> None:
        db = holder()
        if db is None:
            return
        try:
            write(db, signer, reason)
        except (FronteraError, OSError) as error:  # the close stands; verify shows no gap
            logger.warning("checkpoint after %s not written: %s", reason, type(error).__name__)

    event.listen(session, "after_commit", committed, once=True)


# --- verify -----------------------------------------------------------------------------------


def verify(
    session: Session,
    app_paths: Paths,
    public_key: bytes | None = None,
    batch: int = 5000,
    progress: Callable[[int, int], None] | None = None,
) -> audit.ChainCheck:
    """The chain, checked against every checkpoint (the file's and the chain's own copies);
    names each disagreement."""
    public_key = public_key if public_key is not None else office_public_key(app_paths)
    problems: list[str] = []
    recorded = _recorded(session)
    path = file_of(app_paths)
    in_file: list[Checkpoint] = []
    if path is not None:
        in_file, unreadable = read_file(path)
        problems += unreadable
        if not path.exists() and (recorded or public_key is not None):
            held = f"la bitácora registra {len(recorded)}" if recorded else "la oficina tiene llave"
            problems.append(f"falta el archivo de puntos de control {path.name}, y {held}")
        problems += _file_links(in_file, path.name)
        if path.exists():
            kept = {c.seq: c.digest for c in in_file}
            lost = [c for c in recorded if kept.get(c.seq) != c.digest]
            if lost:
                problems.append(
                    f"el archivo {path.name} perdió o cambió "
                    f"{wording.count(len(lost), wording.Noun('punto de control'))} que "
                    f"la bitácora registra (núm. {', '.join(str(c.seq) for c in lost)})"
                )
    elif public_key is not None and not recorded:  # a server: the chain keeps the only copies
        problems.append("la bitácora no registra ningún punto de control, y la oficina tiene llave")
    every = {c.digest: c for c in (*in_file, *recorded)}
    trusted = _trusted(sorted(every.values(), key=lambda c: c.seq), public_key, session, problems)
    marks = [audit.Mark(c.length, c.head, c.label) for c in trusted]
    check, walked = audit.walk(session, batch, progress, marks)
    if check.first_broken_id is None:
        problems += _accounts(trusted, accounts(session), walked.accounts)
    fingerprint = signing.fingerprint(public_key) if public_key else ""
    check = replace(check, checkpoints=len(trusted), fingerprint=fingerprint)
    if problems:
        check = replace(check, ok=False, problems=check.problems + tuple(problems))
    return check


def _file_links(found: list[Checkpoint], name: str) -> list[str]:
    problems = []
    for before, after in zip(found, found[1:], strict=False):
        if after.seq != before.seq + 1 or after.document.get("previous") != before.digest:
            problems.append(
                f"en el archivo {name}, {after.label} no sigue al núm. {before.seq}: faltan o "
                "se cambiaron puntos de control"
            )
    return problems


def _trusted(
    found: list[Checkpoint], public_key: bytes | None, session: Session, problems: list[str]
) -> list[Checkpoint]:
    """The checkpoints signed by the office key for this office; the others are named."""
    if found and public_key is None:
        problems.append(
            f"hay {wording.count(len(found), wording.Noun('punto de control'))}, pero no se conoce "
            "la llave pública de la "
            "oficina para comprobarlos"
        )
        return []
    office = session.scalars(select(Office)).first()
    trusted = []
    for cp in found:
        if public_key is not None and not signing.verify(public_key, cp.document, cp.signature):
            claimed = _claimed_key(cp)
            if (
                claimed is not None
                and claimed != public_key
                and signing.verify(claimed, cp.document, cp.signature)
            ):
                problems.append(
                    f"{cp.label} está firmado con otra llave (huella "
                    f"{signing.fingerprint(claimed)}), no con la de la oficina "
                    f"({signing.fingerprint(public_key)})"
                )
            else:
                problems.append(f"{cp.label} tiene una firma que no es válida")
            continue
        if office is not None and (cp.document.get("office_uuid") != office.uuid):
            problems.append(f"{cp.label} es de otra oficina ({cp.document.get('office_code')})")
            continue
        trusted.append(cp)
    return trusted


def _claimed_key(cp: Checkpoint) -> bytes | None:
    try:
        return signing.unb64(str(cp.document.get("public_key", "")))
    except ValueError:
        return None


def _state(user: dict[str, Any]) -> str:
    return "activa" if user.get("is_active") else "desactivada"


def _explained(
    uuid: str, before: dict[str, Any] | None, after: dict[str, Any],
    entries: list[tuple[int, str, str | None, str | None]],
) -> list[str]:  # fmt: skip
    """What changed in one account that no audit entry of the services explains."""
    mine = [(action, _json(changes)) for _, action, who, changes in entries if who == uuid]
    if before is None:
        created = any(
            action == "crear" and changes.get("rol") == after["role"] for action, changes in mine
        )
        return [] if created else [f"apareció con el rol {after['role']}"]
    unexplained = []
    if before["username"] != after["username"]:
        unexplained.append(f"usuario {before['username']} → {after['username']}")
    if before["role"] != after["role"]:
        told = [changes.get("rol") for _, changes in mine if "rol" in changes]
        if not any(r == after["role"] or (isinstance(r, list) and r[-1:] == [after["role"]])
                   for r in told):  # fmt: skip
            unexplained.append(f"rol {before['role']} → {after['role']}")
    if bool(before["is_active"]) != bool(after["is_active"]):
        action = "restablecer_contrasena" if after["is_active"] else "desactivar"
        if not any(a == action for a, _ in mine):
            unexplained.append(f"cuenta {_state(before)} → {_state(after)}")
    return unexplained


def _json(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _accounts(
    trusted: list[Checkpoint], now: list[dict[str, Any]],
    entries: list[tuple[int, str, str | None, str | None]],
) -> list[str]:  # fmt: skip
    """Each checkpoint's accounts against the next one's and the last against today's: a
    change must be one the services recorded in between (a creation, a disabling, a password
    reset that re-enables, an entry that names the new role)."""
    problems: list[str] = []
    states: list[tuple[str, int, dict[str, dict[str, Any]]]] = [
        (c.label, c.last_id, c.users) for c in trusted
    ]
    states.append(("hoy", 1 << 62, {u["uuid"]: u for u in now}))
    for (label, since, before), (later, until, after) in zip(states, states[1:], strict=False):
        between = [e for e in entries if since < e[0] <= until]
        when = f"después de {label}" if later == "hoy" else f"entre {label} y {later}"
        for uuid in sorted(set(before) | set(after), key=lambda u: (before | after)[u]["username"]):
            old, new = before.get(uuid), after.get(uuid)
            name = (new or old or {}).get("username")
            if new is None:
                problems.append(f"la cuenta «{name}» desapareció fuera de la aplicación ({when})")
                continue
            for change in _explained(uuid, old, new, between):
                problems.append(
                    f"la cuenta «{name}» cambió fuera de la aplicación ({when}): {change}"
                )
    return problems
