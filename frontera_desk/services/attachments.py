"""Attachments: scans, photos, PDFs and invoices kept encrypted in the database.

One way to keep a file, whoever owns it (a support, a person, a receipt, an agreement). Each
file is encrypted with AES-256-GCM under a random key of its own; that key is wrapped
(AES-256-GCM) by the office's *attachments key*, itself wrapped under a key derived (HKDF-SHA256)
from the database key the signed-in user unlocked (``Database.vault_key``; the same key in
SQLite and server mode). The bytes live in the database, so a backup carries them, every desk
of a server office opens them, and no readable copy is left in the data folder. When the
database key changes (a re-key), only the attachments key's wrapping changes
(:func:`rewrap_key`), not every file.

Opening checks the file's SHA-256 against the one recorded when it was attached: a changed
byte is refused with a clear message. Nothing here logs a file's name or contents.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, undefer

from frontera_desk.db.models import (
    Agreement,
    Attachment,
    AttachmentKey,
    Person,
    Receipt,
    Support,
    User,
    new_uuid,
    utcnow,
)
from frontera_desk.domain.errors import FronteraError, NotFoundError, ValidationError
from frontera_desk.domain.text import checked
from frontera_desk.services import audit
from frontera_desk.services.permissions import Action, Actor, require

logger = logging.getLogger(__name__)

MB = 1024 * 1024
NONCE = 12


class OwnerType(StrEnum):
    SUPPORT = "apoyo"
    PERSON = "persona"
    RECEIPT = "recibo"
    AGREEMENT = "convenio"


@dataclass(frozen=True)
class Owner:
    type: OwnerType
    id: int


# Kinds the program itself uses; a support type's required-document codes are kinds too
IDENTIFICATION = "identificacion"
INVOICE_XML = "factura_xml"
INVOICE_PDF = "factura_pdf"
SIGNED_RECEIPT = "recibo_firmado"
OTHER = "otro"

_KIND_ES = {
    IDENTIFICATION: "Identificación",
    INVOICE_XML: "Factura (XML)",
    INVOICE_PDF: "Factura (PDF)",
    SIGNED_RECEIPT: "Recibo firmado",
    OTHER: "Otro documento",
}


def kind_label(kind: str) -> str:
    """A kind as a person reads it (a required document's code reads as its words)."""
    return _KIND_ES.get(kind) or kind.replace("_", " ").capitalize()


# Who may attach to, open and remove the files of each owner
_ACTIONS = {
    OwnerType.SUPPORT: Action.REQUEST_SUPPORT,
    OwnerType.PERSON: Action.EDIT_PEOPLE,
    OwnerType.RECEIPT: Action.DELIVER_SUPPORT,
    OwnerType.AGREEMENT: Action.MANAGE_AGREEMENTS,
}
_OWNER_MODELS: dict[OwnerType, type[Support | Person | Receipt | Agreement]] = {
    OwnerType.SUPPORT: Support,
    OwnerType.PERSON: Person,
    OwnerType.RECEIPT: Receipt,
    OwnerType.AGREEMENT: Agreement,
}
_OWNER_ES = {
    OwnerType.SUPPORT: "el apoyo",
    OwnerType.PERSON: "la persona",
    OwnerType.RECEIPT: "el recibo",
    OwnerType.AGREEMENT: "el convenio",
}


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    uuid: str
    owner: Owner
    kind: str
    original_name: str
    media_type: str
    size: int
    sha256: str
    description: str
    created_at: datetime
    created_by: str  # the full name of who attached it
    erased: bool
    pending: bool  # attached before 0019, still in a desk's data folder

    @property
    def available(self) -> bool:
        return not self.erased and not self.pending


@dataclass(frozen=True)
class Limits:
    """Per file, and per owner (a support counts its receipts' files too)."""

    max_file_mb: int = 20
    max_count: int = 30
    max_total_mb: int = 100


# --- types ------------------------------------------------------------------------------------

PDF, JPEG, PNG, XML = "application/pdf", "image/jpeg", "image/png", "application/xml"
ACCEPTED = (PDF, JPEG, PNG, XML)
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif"}
_PROGRAMS = (b"MZ", b"\x7fELF", b"\xfe\xed\xfa", b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe",
             b"\xca\xfe\xba\xbe", b"#!", b"PK\x03\x04")  # fmt: skip


def media_type(head: bytes, filename: str) -> str:
    """The file's type from its first bytes (never from its name); refuses anything but JPEG,
    PNG, PDF and XML with a message that says what the file is."""
    name = f"«{filename}»"
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"%PDF-"):
        return PDF
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        raise ValidationError(
            "file",
            f"El archivo {name} es una foto HEIC (formato de iPhone), que no se puede abrir en "
            "todas las computadoras: guárdela como JPEG (en el teléfono: Ajustes › Cámara › "
            "Formatos › Más compatible) y adjúntela de nuevo.",
        )
    if head.startswith(_PROGRAMS):
        what = "un archivo comprimido" if head.startswith(b"PK") else "un programa"
        raise ValidationError(
            "file", f"El archivo {name} es {what}, no un documento: no se adjunta."
        )
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    if text.startswith(b"<") and b"\x00" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            if error.start < len(head) - 4:  # not just a character cut at the end
                text = b""
        if text.startswith((b"<?xml", b"<cfdi:", b"<tfd:")) or text[1:2].isalpha():
            return XML
    raise ValidationError(
        "file",
        f"El archivo {name} no es JPEG, PNG, PDF ni XML: escanéelo o guárdelo en uno de esos "
        "formatos.",
    )


# --- keys -------------------------------------------------------------------------------------


def _kek(db_key: bytes) -> tuple[bytes, str]:
    """The key that wraps the attachments key, and a check that names the database key."""
    kek = HKDF(hashes.SHA256(), 32, None, b"frontera-desk/attachments/v1").derive(db_key)
    check = hmac.new(kek, b"key-check", hashlib.sha256).hexdigest()[:32]
    return kek, check


def _seal(key: bytes, data: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(NONCE)
    return nonce + AESGCM(key).encrypt(nonce, data, aad)


def _open_sealed(key: bytes, sealed: bytes, aad: bytes) -> bytes:
    return AESGCM(key).decrypt(sealed[:NONCE], sealed[NONCE:], aad)


_KEY_AAD = b"frontera-desk attachments key"


def _db_key(session: Session) -> bytes:
    key = session.info.get("vault_key")
    if not isinstance(key, bytes):
        raise FronteraError(
            "Los adjuntos no están disponibles: inicie sesión para abrir la llave de la oficina."
        )
    return key


def _attachments_key(session: Session, create: bool = False) -> bytes:
    kek, check = _kek(_db_key(session))
    row = session.scalars(select(AttachmentKey).where(AttachmentKey.key_check == check)).first()
    if row is None:
        if not create and session.scalar(select(func.count()).select_from(AttachmentKey)):
            raise FronteraError(
                "La llave de los adjuntos no corresponde a la llave actual de la base de datos: "
                "no se pueden abrir. Restaure el último respaldo."
            )
        key = AESGCM.generate_key(256)
        session.add(AttachmentKey(key_check=check, wrapped=_seal(kek, key, _KEY_AAD)))
        session.flush()
        return key
    try:
        return _open_sealed(kek, row.wrapped, _KEY_AAD)
    except InvalidTag:
        raise FronteraError(
            "La llave de los adjuntos está dañada: no se pueden abrir. Restaure el último respaldo."
        ) from None


def rewrap_key(session: Session, old_keys: list[bytes], new_key: bytes) -> None:
    """A re-key: wrap the attachments key under the new database key and drop the wrappings
    under the old ones (idempotent: a re-key finished after a crash calls it again)."""
    new_kek, new_check = _kek(new_key)
    rows = list(session.scalars(select(AttachmentKey)))
    if not rows:
        return
    key: bytes | None = None
    for candidate in [new_key, *old_keys]:
        kek, check = _kek(candidate)
        row = next((r for r in rows if r.key_check == check), None)
        if row is not None:
            key = _open_sealed(kek, row.wrapped, _KEY_AAD)
            break
    if key is None:
        logger.error("re-key: no database key opens the attachments key")
        return
    session.execute(delete(AttachmentKey).where(AttachmentKey.key_check != new_check))
    if not any(r.key_check == new_check for r in rows):
        session.add(AttachmentKey(key_check=new_check, wrapped=_seal(new_kek, key, _KEY_AAD)))
    session.flush()


# --- attach -----------------------------------------------------------------------------------


def _owner_row(session: Session, owner: Owner) -> Support | Person | Receipt | Agreement:
    row = session.get(_OWNER_MODELS[owner.type], owner.id)
    if not isinstance(row, Support | Person | Receipt | Agreement):
        raise NotFoundError(f"No existe {_OWNER_ES[owner.type]} núm. {owner.id}.")
    return row


def limits(session: Session) -> Limits:
    from frontera_desk.services.office import get_settings

    s = get_settings(session)
    return Limits(s.attachment_max_mb, s.attachments_per_support, s.attachments_support_mb)


def _charged_to(session: Session, owner: Owner) -> list[Owner]:
    """The owners whose files count against ``owner``'s limits: a receipt's go with its
    support's."""
    if owner.type is OwnerType.RECEIPT:
        receipt = session.get(Receipt, owner.id)
        assert receipt is not None
        owner = Owner(OwnerType.SUPPORT, receipt.support_id)
    if owner.type is OwnerType.SUPPORT:
        receipts = session.scalars(select(Receipt.id).where(Receipt.support_id == owner.id))
        return [owner, *(Owner(OwnerType.RECEIPT, r) for r in receipts)]
    return [owner]


def _check_room(session: Session, owner: Owner, size: int, limit: Limits) -> None:
    count, total = 0, 0
    for each in _charged_to(session, owner):
        n, s = session.execute(
            select(func.count(), func.coalesce(func.sum(Attachment.size), 0)).where(
                Attachment.owner_type == each.type.value,
                Attachment.owner_id == each.id,
                Attachment.erased.is_(False),
            )
        ).one()
        count, total = count + int(n), total + int(s)
    what = _OWNER_ES[OwnerType.SUPPORT if owner.type is OwnerType.RECEIPT else owner.type]
    if count >= limit.max_count:
        raise ValidationError(
            "file", f"Ya hay {count} archivos adjuntos en {what}, el máximo permitido."
        )
    if total + size > limit.max_total_mb * MB:
        raise ValidationError(
            "file",
            f"Los adjuntos de {what} pasarían de {limit.max_total_mb} MB en total "
            f"(ya suman {total / MB:.1f} MB).",
        )


def _check_size(size: int, filename: str, limit: Limits) -> None:
    if size == 0:
        raise ValidationError("file", f"El archivo «{filename}» está vacío.")
    if size > limit.max_file_mb * MB:
        raise ValidationError(
            "file",
            f"El archivo «{filename}» pesa {size / MB:.1f} MB; el máximo por archivo es "
            f"{limit.max_file_mb} MB. Escanéelo con menor resolución o en blanco y negro.",
        )


def _kind(kind: str) -> str:
    kind = kind.strip().lower()
    if not kind or len(kind) > 40:
        raise ValidationError("kind", "Tipo de documento: obligatorio, hasta 40 caracteres.")
    return kind


def attach(
    session: Session, actor: Actor, owner: Owner, kind: str, filename: str, data: bytes,
    description: str = "",
) -> AttachmentInfo:  # fmt: skip
    """Keep ``data`` (the whole file) encrypted in the database, owned by ``owner``."""
    require(actor, _ACTIONS[owner.type])
    row = _owner_row(session, owner)
    if owner.type is OwnerType.PERSON and getattr(row, "anonymized_at", None) is not None:
        raise ValidationError("file", "La persona fue anonimizada: no se le adjuntan archivos.")
    filename = Path(filename.replace("\\", "/")).name.strip()[:255] or "archivo"
    limit = limits(session)
    _check_size(len(data), filename, limit)
    media = media_type(data[:64], filename)
    _check_room(session, owner, len(data), limit)
    kind = _kind(kind)
    description = checked(description, "description", "Descripción", 300)
    digest = hashlib.sha256(data).hexdigest()
    record = Attachment(
        uuid=new_uuid(), office_code=actor.office_code, created_by_id=actor.user_id,
        owner_type=owner.type.value, owner_id=owner.id, kind=kind, original_name=filename,
        media_type=media, size=len(data), sha256=digest, description=description or None,
        erased=False,
    )  # fmt: skip
    _encrypt_into(session, record, data)  # before the insert: the bytes are written once
    session.add(record)
    session.flush()
    audit.record(session, actor, "adjuntar", "adjunto", record.uuid,
                 {"de": owner.type.value, "num": owner.id, "tipo": kind, "bytes": len(data),
                  "sha256": digest})  # fmt: skip
    return _info(session, record)


def _encrypt_into(session: Session, record: Attachment, data: bytes) -> None:
    """The file under a new key of its own (bound to the row's UUID), the key wrapped."""
    file_key = AESGCM.generate_key(256)
    record.content = _seal(file_key, data, record.uuid.encode())
    record.wrapped_key = _seal(
        _attachments_key(session, create=True), file_key, b"file:" + record.uuid.encode()
    )


def attach_file(
    session: Session, actor: Actor, owner: Owner, kind: str, path: Path, description: str = ""
) -> AttachmentInfo:
    """Attach a file from disk: its size is checked before it is read (a 200 MB photo is
    refused without loading it)."""
    return attach(session, actor, owner, kind, path.name, read_checked(session, path), description)


def read_checked(session: Session, path: Path) -> bytes:
    """A file's bytes, once its size is within the limit (checked before reading it)."""
    if not path.is_file():
        raise ValidationError("file", f"No se encontró el archivo «{path.name}».")
    _check_size(path.stat().st_size, path.name, limits(session))
    try:
        return path.read_bytes()
    except OSError:
        raise ValidationError("file", f"No se pudo leer el archivo «{path.name}».") from None


# --- read -------------------------------------------------------------------------------------


def _info(session: Session, a: Attachment) -> AttachmentInfo:
    user = session.get(User, a.created_by_id)
    return AttachmentInfo(
        a.id, a.uuid, Owner(OwnerType(a.owner_type), a.owner_id), a.kind, a.original_name,
        a.media_type, a.size, a.sha256, a.description or "", a.created_at,
        user.full_name if user else "", bool(a.erased), a.legacy_name is not None,
    )  # fmt: skip


def get_attachment(session: Session, attachment_id: int) -> AttachmentInfo:
    return _info(session, _load(session, attachment_id))


def _load(session: Session, attachment_id: int) -> Attachment:
    record = session.get(Attachment, attachment_id)
    if record is None:
        raise NotFoundError(f"No existe el adjunto núm. {attachment_id}.")
    return record


def list_attachments(
    session: Session, owner: Owner, include_erased: bool = False
) -> list[AttachmentInfo]:
    """An owner's files, oldest first (without reading their bytes)."""
    query = select(Attachment).where(
        Attachment.owner_type == owner.type.value, Attachment.owner_id == owner.id
    )
    if not include_erased:
        query = query.where(Attachment.erased.is_(False))
    return [_info(session, a) for a in session.scalars(query.order_by(Attachment.id))]


def attachments_of_person(session: Session, person_id: int) -> list[AttachmentInfo]:
    """Every file about a person: theirs, and those of their supports and receipts (for the
    person's data export), erased ones included."""
    supports = list(session.scalars(select(Support.id).where(Support.person_id == person_id)))
    receipts = list(session.scalars(select(Receipt.id).where(Receipt.support_id.in_(supports))))
    found: list[AttachmentInfo] = []
    for owner_type, ids in ((OwnerType.PERSON, [person_id]), (OwnerType.SUPPORT, supports),
                            (OwnerType.RECEIPT, receipts)):  # fmt: skip
        if ids:
            query = select(Attachment).where(
                Attachment.owner_type == owner_type.value, Attachment.owner_id.in_(ids)
            )
            found += [_info(session, a) for a in session.scalars(query.order_by(Attachment.id))]
    return found


def open_attachment(session: Session, actor: Actor, attachment_id: int) -> bytes:
    """The file's bytes, decrypted and checked against the hash recorded when it was
    attached. Opening a file about a person is audited."""
    record = _load(session, attachment_id)
    require(actor, _ACTIONS[OwnerType(record.owner_type)])
    name = f"«{record.original_name}»"
    if record.erased:
        raise FronteraError(f"El adjunto {name} fue borrado; ya no se puede abrir.")
    if record.legacy_name is not None:
        raise FronteraError(
            f"El adjunto {name} sigue en la carpeta de datos de la computadora que lo adjuntó: "
            "inicie sesión en ella para pasarlo a la base de datos."
        )
    session.refresh(record, ["content"])
    altered = FronteraError(
        f"El adjunto {name} fue alterado o está dañado: no coincide con su huella. "
        "Restaure un respaldo."
    )
    if record.content is None or record.wrapped_key is None:
        raise altered
    aad = record.uuid.encode()
    try:
        file_key = _open_sealed(_attachments_key(session), record.wrapped_key, b"file:" + aad)
        data = _open_sealed(file_key, record.content, aad)
    except (InvalidTag, ValueError):
        raise altered from None
    if len(data) != record.size or hashlib.sha256(data).hexdigest() != record.sha256:
        raise altered
    if record.owner_type != OwnerType.AGREEMENT.value:
        audit.record(session, actor, "abrir", "adjunto", record.uuid, {"tipo": record.kind})
    return data


# --- remove and erase -------------------------------------------------------------------------


def _wipe(session: Session, actor: Actor, record: Attachment) -> None:
    record.content = None
    record.wrapped_key = None
    record.erased = True
    record.erased_at = utcnow()
    record.erased_by_id = actor.user_id
    session.flush()


def remove(session: Session, actor: Actor, attachment_id: int, reason: str) -> AttachmentInfo:
    """Take a file out of its owner's record (attached by mistake, a better scan…): its bytes
    and key are erased; its name, hash and who attached and removed it stay."""
    record = _load(session, attachment_id)
    require(actor, _ACTIONS[OwnerType(record.owner_type)])
    reason = checked(reason, "reason", "Motivo", 300, True)
    if record.erased:
        raise FronteraError(f"El adjunto «{record.original_name}» ya fue retirado.")
    _wipe(session, actor, record)
    audit.record(session, actor, "retirar", "adjunto", record.uuid,
                 {"tipo": record.kind, "motivo": reason})  # fmt: skip
    return _info(session, record)


# A provider's invoice is the office's fiscal record of the payment, not the person's data: it
# stays when the person is anonymized (an auditor still asks for it)
KEPT_ON_ANONYMIZATION = (INVOICE_XML, INVOICE_PDF)


def erase_for_person(session: Session, actor: Actor, person_id: int) -> int:
    """Anonymization: erase the bytes and names of every file about the person (theirs, and
    their supports' and receipts', invoices excepted); returns how many. The caller audits
    the anonymization with the count."""
    erased = 0
    for info in attachments_of_person(session, person_id):
        record = session.get(Attachment, info.id)
        if record is None or record.erased or record.kind in KEPT_ON_ANONYMIZATION:
            continue
        _wipe(session, actor, record)
        record.original_name = "(borrado)"
        record.description = None
        record.legacy_name = None
        erased += 1
    session.flush()
    return erased


# --- files attached before 0019 ---------------------------------------------------------------


def adopt_legacy_files(session: Session, folder: Path) -> list[Path]:
    """Encrypt into the database the agreement files that migration 0019 found in this desk's
    data folder; returns the loose copies to delete once the transaction has committed. A
    file missing here (attached on another desk) or changed since it was attached stays
    pending."""
    adopted: list[Path] = []
    pending = session.scalars(
        select(Attachment).options(undefer(Attachment.content))
        .where(Attachment.legacy_name.is_not(None))
    )  # fmt: skip
    for record in pending:
        path = folder / str(record.legacy_name)
        if not path.is_file():
            continue
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != record.sha256:
            logger.warning("attachment %s: the loose file does not match its hash", record.id)
            continue
        # a file accepted before types were checked keeps its guessed type
        with contextlib.suppress(ValidationError):
            record.media_type = media_type(data[:64], record.original_name)
        _encrypt_into(session, record, data)
        record.legacy_name = None
        adopted.append(path)
    session.flush()
    if adopted:
        logger.info("%d attachment(s) moved from the data folder into the database", len(adopted))
    return adopted
