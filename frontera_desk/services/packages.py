"""The monthly package's use cases: an office writes its card and its signed packages;
headquarters enrolls offices from their cards, imports their packages and consolidates them.

Headquarters trusts a package only when the office key it enrolled signed it. It refuses, each
with one line naming the file and before writing anything: an unsigned or badly signed package,
an office not enrolled, a known code with another UUID or key, a demonstration package at a real
headquarters (and a real one at a demonstration headquarters), a preliminary document, an older
revision, the same revision with other content (a conflict naming both SHA-256), and an audit
chain shorter than the one of a package the office made earlier (a rolled-back office). Every
file offered is written to the log of received files, with the reason when it was refused.
"""

from __future__ import annotations

import hashlib
import json
import logging
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontera_desk import __version__
from frontera_desk.db import Database
from frontera_desk.db.models import (
    AuditEntry,
    EnrolledOffice,
    Office,
    ReceivedFile,
    ReceivedPackage,
)
from frontera_desk.domain.errors import FronteraError, PermissionDenied
from frontera_desk.domain.text import clean
from frontera_desk.exchange import package as pkg
from frontera_desk.exchange import signing, summary_json
from frontera_desk.services import audit, months
from frontera_desk.services.office import get_office, get_settings
from frontera_desk.services.permissions import Action, Actor, require

logger = logging.getLogger(__name__)


# --- documents and their files -----------------------------------------------------------------


def summary_document(session: Session, year: int, month: int) -> dict[str, Any]:
    """The month's summary as a validated document: the office's own, or at headquarters the
    consolidation of the packages received for that month (naming the enrolled offices that
    have not sent it)."""
    office = get_office(session)
    if office is None:
        raise FronteraError("La base de datos no tiene una oficina configurada.")
    if office.is_hq:
        documents = [
            json.loads(text) for text in session.scalars(
                select(ReceivedPackage.summary)
                .where(ReceivedPackage.year == year, ReceivedPackage.month == month)
            )
        ]  # fmt: skip
        sent = {d["office"]["code"] for d in documents}
        missing = [
            {"code": e.code, "name": e.name}
            for e in session.scalars(select(EnrolledOffice).order_by(EnrolledOffice.code))
            if e.code not in sent and _enrolled_by(e) <= (year, month)
        ]
        return summary_json.consolidate(
            documents, {"code": office.code, "name": office.name}, f"{year:04d}-{month:02d}",
            missing,
        )  # fmt: skip
    return months.month_document(session, office.code, year, month)  # the snapshot if closed


def write_document(document: dict[str, Any], target: Path, demo: bool = False) -> Path:
    """Write the summary as JSON, PDF or XLSX, by the target's extension."""
    suffix = target.suffix.lower()
    if suffix == ".json":
        target.write_bytes(summary_json.dumps(document).encode("utf-8"))  # the snapshot's bytes
    elif suffix == ".pdf":
        from frontera_desk.reports.summary_pdf import write_summary_pdf

        write_summary_pdf(document, target, demo)
    elif suffix == ".xlsx":
        from frontera_desk.reports.summary_xlsx import write_summary_xlsx

        write_summary_xlsx(document, target, demo)
    else:
        raise FronteraError("El resumen se escribe en .pdf, .xlsx o .json.")
    return target


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _office_row(session: Session) -> Office:
    office = session.scalars(select(Office)).first()
    if office is None:
        raise FronteraError("La base de datos no tiene una oficina configurada.")
    return office


def _need_key(actor: Actor, signing_key: Ed25519PrivateKey | None, what: str) -> Ed25519PrivateKey:
    if signing_key is None:
        raise PermissionDenied(
            f"Para {what} hace falta la llave de la oficina, que solo tienen la supervisión y la "
            f"administración; su sesión ({actor.role.value}) no la tiene."
        )
    return signing_key


# --- the office card ---------------------------------------------------------------------------


def office_card(
    session: Session, actor: Actor, signing_key: Ed25519PrivateKey | None,
    previous_key: Ed25519PrivateKey | None = None,
) -> dict[str, Any]:  # fmt: skip
    """The office card headquarters enrolls: code, name, place, UUID, public key, fingerprint,
    signed with the office key (and by the previous key too when the key was changed)."""
    key = _need_key(actor, signing_key, "escribir la cédula de la oficina")
    office = _office_row(session)
    if office.is_hq:
        raise FronteraError("Oficinas centrales inscribe cédulas de oficinas; no escribe la suya.")
    place = get_settings(session).receipt_place
    return pkg.make_card(
        {"code": office.code, "name": office.name, "place": place, "uuid": office.uuid},
        office.is_demo, key, _now(), previous_key,
    )  # fmt: skip


def write_card(card: dict[str, Any], target: Path) -> Path:
    target.write_text(json.dumps(card, ensure_ascii=False, indent=2), encoding="utf-8")
    return target


# --- export ------------------------------------------------------------------------------------


def export_package(
    session: Session, actor: Actor, year: int, month: int, target: Path,
    signing_key: Ed25519PrivateKey | None,
) -> Path:  # fmt: skip
    """Write the month's package, signed; the month must be closed (its revision names it)."""
    require(actor, Action.CLOSE_MONTH)
    office = _office_row(session)
    if office.is_hq:
        raise FronteraError("Oficinas centrales recibe paquetes; no los envía.")
    state = months.state(session, office.code, year, month)
    if not state.closed:
        raise FronteraError(
            f"Cierre primero el mes de {months.month_name(year, month)}: el paquete lleva "
            "las cifras de un mes cerrado."
        )
    key = _need_key(actor, signing_key, "firmar el paquete")
    document = summary_document(session, year, month)
    files: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="frontera-paquete-") as tmp:
        for name in pkg.FILES:
            files[name] = write_document(document, Path(tmp) / name, office.is_demo).read_bytes()
    manifest = {
        "format": pkg.PACKAGE_FORMAT,
        "schema_version": pkg.MANIFEST_VERSION,
        "office": {"code": office.code, "name": office.name, "uuid": office.uuid},
        "period": document["period"],
        "revision": state.revision,
        "generated_at": _now(),
        "app_version": __version__,
        "audit_chain_length": session.scalar(select(func.count(AuditEntry.id))) or 0,
        "audit_chain_head": audit.head(session),
        "demo": office.is_demo,
        "files": {
            name: {"sha256": pkg.sha256(data), "size": len(data)} for name, data in files.items()
        },
    }
    pkg.write_package(target, pkg.sign_manifest(manifest, key), files)
    audit.record(session, actor, "exportar_paquete", "mes", None,
                 {"mes": document["period"], "revision": state.revision})  # fmt: skip
    return target


# --- enrollment at headquarters ----------------------------------------------------------------


def _hq(session: Session) -> Office:
    office = _office_row(session)
    if not office.is_hq:
        raise FronteraError("Esta instalación no es de oficinas centrales.")
    return office


def _demo_mismatch(hq_is_demo: bool, is_demo: bool, what: str) -> str | None:
    if is_demo and not hq_is_demo:
        return f"es {what} de demostración; estas oficinas centrales son reales y no lo aceptan."
    if hq_is_demo and not is_demo:
        return (f"es {what} de una oficina real; estas oficinas centrales son de demostración "
                "y solo aceptan datos de demostración.")  # fmt: skip
    return None


def enroll_office(
    session: Session, actor: Actor, data: bytes, file_name: str, reason: str = ""
) -> str:
    """Enroll an office from its card (or take its new key); return what happened in one line.

    A different key for an enrolled office is taken only when the new card carries the old
    key's signature, or when headquarters' administrator re-enrolls it giving a reason."""
    require(actor, Action.MANAGE_SETTINGS)
    hq = _hq(session)
    card = pkg.read_card(data, file_name)
    refused = _demo_mismatch(hq.is_demo, card.demo, "una cédula")
    if refused:
        raise FronteraError(f"{file_name}: {refused}")
    if card.code == hq.code:
        raise FronteraError(f"{file_name}: la clave {card.code} es la de oficinas centrales.")
    reason = clean(reason)
    by_code = session.scalar(select(EnrolledOffice).where(EnrolledOffice.code == card.code))
    by_uuid = session.scalar(
        select(EnrolledOffice).where(EnrolledOffice.office_uuid == card.office_uuid)
    )
    if by_uuid is not None and by_uuid is not by_code:
        raise FronteraError(
            f"{file_name}: esa oficina (UUID {card.office_uuid}) ya está inscrita con la clave "
            f"{by_uuid.code}."
        )
    if by_code is None:
        session.add(EnrolledOffice(
            code=card.code, office_uuid=card.office_uuid, name=card.name, place=card.place,
            public_key=card.public_key, fingerprint=card.fingerprint, is_demo=card.demo,
            enrolled_by_id=actor.user_id,
        ))  # fmt: skip
        session.flush()
        audit.record(session, actor, "inscribir_oficina", "oficina", card.office_uuid,
                     {"clave": card.code, "huella": card.fingerprint})  # fmt: skip
        return (f"Oficina {card.code} ({card.name}) inscrita; huella {card.fingerprint}: "
                "confírmela por teléfono con la oficina.")  # fmt: skip
    if by_code.office_uuid != card.office_uuid and not reason:
        raise FronteraError(
            f"{file_name}: la clave {card.code} ya está inscrita para otra oficina (UUID "
            f"{by_code.office_uuid}; la cédula dice {card.office_uuid}). Solo la administración "
            "puede reinscribirla, dando un motivo."
        )
    changes: dict[str, Any] = {"clave": card.code}
    if by_code.public_key != card.public_key:
        endorsed = card.previous_key == by_code.public_key
        if not endorsed and not reason:
            raise FronteraError(
                f"{file_name}: la cédula de {card.code} trae otra llave (huella "
                f"{card.fingerprint}; la inscrita es {by_code.fingerprint}) sin la firma de la "
                "llave anterior. Solo la administración puede reinscribirla, dando un motivo."
            )
        changes["huella"] = [by_code.fingerprint, card.fingerprint]
        changes["firmada_por_llave_anterior"] = endorsed
        # a new key starts a new history: the old chain no longer speaks for the office
        by_code.last_chain_length = by_code.last_chain_head = None
        by_code.last_generated_at = None
    if reason:  # e.g. the office restored a backup: its audit chain starts a new history here
        changes["motivo"] = reason
        if by_code.last_chain_length is not None:
            changes["bitacora_anterior"] = [by_code.last_chain_length, by_code.last_chain_head]
        by_code.last_chain_length = by_code.last_chain_head = None
        by_code.last_generated_at = None
    if by_code.office_uuid != card.office_uuid:
        changes["uuid"] = [by_code.office_uuid, card.office_uuid]
    by_code.office_uuid, by_code.name, by_code.place = card.office_uuid, card.name, card.place
    by_code.public_key, by_code.fingerprint = card.public_key, card.fingerprint
    session.flush()
    if len(changes) == 1:
        return f"Oficina {card.code}: ya estaba inscrita con esta cédula; sin cambios."
    if set(changes) <= {"clave", "motivo", "bitacora_anterior"}:
        audit.record(session, actor, "reinscribir_oficina", "oficina", card.office_uuid, changes)
        return (f"Oficina {card.code} reinscrita con la misma llave; su bitácora se sigue desde "
                "el próximo paquete.")  # fmt: skip
    audit.record(session, actor, "reinscribir_oficina", "oficina", card.office_uuid, changes)
    return f"Oficina {card.code} reinscrita; huella nueva {card.fingerprint}."


def enroll_office_file(session: Session, actor: Actor, path: Path, reason: str = "") -> str:
    """Enroll from a card file (read only up to a card's size)."""
    try:
        with path.open("rb") as file:
            data = file.read(pkg.MAX_CARD_BYTES + 1)
    except OSError as error:
        raise FronteraError(f"{path.name}: no se pudo leer ({error.strerror or error}).") from None
    return enroll_office(session, actor, data, path.name, reason)


# --- import at headquarters --------------------------------------------------------------------


@dataclass(frozen=True)
class Received:
    office_code: str
    office_name: str
    year: int
    month: int
    revision: int
    received_at: datetime


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _check_chain(enrolled: EnrolledOffice, package: pkg.Package) -> str | None:
    """A package made later than the last one received must not carry a shorter audit chain
    (the office went back to an old copy or lost entries), nor the same length with another head
    (its history forked); one made earlier must not carry a longer chain."""
    if enrolled.last_generated_at is None or enrolled.last_chain_length is None:
        return None
    length = package.manifest["audit_chain_length"]
    head = package.manifest["audit_chain_head"]
    later = _when(package.manifest["generated_at"]) >= _when(enrolled.last_generated_at)
    if later and length < enrolled.last_chain_length:
        return (f"la bitácora de {enrolled.code} tiene {length:,} registros, menos que los "
                f"{enrolled.last_chain_length:,} de su paquete anterior: la oficina volvió a una "
                "copia anterior o perdió registros (si restauró un respaldo, la administración "
                "puede reinscribirla dando el motivo).")  # fmt: skip
    if later and length == enrolled.last_chain_length and head != enrolled.last_chain_head:
        return (f"la bitácora de {enrolled.code} tiene los mismos {length:,} registros que en su "
                "paquete anterior pero otro contenido: su historia se bifurcó.")  # fmt: skip
    if not later and length > enrolled.last_chain_length:
        return (f"el paquete dice haberse hecho antes que el último recibido de {enrolled.code} "
                "pero con una bitácora más larga: es incoherente.")  # fmt: skip
    return None


def import_package(session: Session, actor: Actor, path: Path) -> str:
    """Import one package; return what happened in one line. Raises FronteraError (one line,
    starting with the file's name) before writing anything when the package is refused."""
    require(actor, Action.IMPORT_PACKAGES)
    hq = session.scalars(select(Office)).first()
    if hq is None or not hq.is_hq:
        raise FronteraError("Esta instalación no es de oficinas centrales: no importa paquetes.")

    def refuse(reason: str) -> FronteraError:
        return FronteraError(f"{path.name}: {reason}")

    try:
        package = pkg.read_package(path)
    except FronteraError as error:
        raise refuse(str(error)) from None
    except OSError as error:
        raise refuse(f"no se pudo leer ({error.strerror or error}).") from None
    manifest = package.manifest
    refused = _demo_mismatch(hq.is_demo, manifest["demo"], "un paquete")
    if refused:
        raise refuse(refused)
    code, revision = package.office_code, package.revision
    year, month = package.period
    label = f"{code} {manifest['period']}"
    enrolled = session.scalar(select(EnrolledOffice).where(EnrolledOffice.code == code))
    if enrolled is None:
        other = session.scalar(
            select(EnrolledOffice).where(EnrolledOffice.office_uuid == package.office_uuid)
        )
        if other is not None:
            raise refuse(f"dice ser {code}, pero esa oficina está inscrita como {other.code}.")
        raise refuse(f"la oficina {code} no está inscrita en oficinas centrales (inscríbala con "
                     "su cédula antes de recibir sus paquetes).")  # fmt: skip
    if enrolled.office_uuid != package.office_uuid:
        raise refuse(f"otra instalación usa la clave {code} (UUID {package.office_uuid}; la "
                     f"inscrita es {enrolled.office_uuid}).")  # fmt: skip
    if enrolled.public_key != package.public_key:
        fingerprint = signing.fingerprint(signing.unb64(package.public_key))
        raise refuse(f"está firmado con una llave que no es la inscrita para {code} (huella "
                     f"{fingerprint}; la inscrita es {enrolled.fingerprint}).")  # fmt: skip
    chain = _check_chain(enrolled, package)
    if chain:
        raise refuse(chain)
    digest = package.summary_sha256
    held = session.scalar(
        select(ReceivedPackage).where(ReceivedPackage.office_code == code,
                                      ReceivedPackage.year == year, ReceivedPackage.month == month)
    )  # fmt: skip
    if held is not None and held.revision > revision:
        raise refuse(f"ya se tiene la revisión {held.revision} de {label}; este paquete "
                     f"(revisión {revision}) es anterior.")  # fmt: skip
    if held is not None and held.revision == revision:
        if held.package_sha256 == digest:
            return f"{label}: la revisión {revision} ya estaba recibida; sin cambios."
        raise refuse(f"CONFLICTO: la revisión {revision} de {label} ya se recibió con otras "
                     f"cifras (SHA-256 recibido {held.package_sha256}, este {digest}); no se "
                     "importó: pida a la oficina que lo aclare.")  # fmt: skip
    values = {
        "office_name": manifest["office"]["name"], "revision": revision,
        "package_sha256": digest, "manifest": json.dumps(manifest, ensure_ascii=False),
        "summary": package.summary_bytes.decode("utf-8"), "received_at": datetime.now(UTC),
        "received_by_id": actor.user_id,
    }  # fmt: skip
    replaced = ""
    if held is None:
        session.add(ReceivedPackage(office_code=code, year=year, month=month, **values))
    else:
        replaced = f" (reemplaza la revisión {held.revision})"
        for key, value in values.items():
            setattr(held, key, value)
    if enrolled.last_generated_at is None or (
        _when(manifest["generated_at"]) >= _when(enrolled.last_generated_at)
    ):
        enrolled.last_generated_at = manifest["generated_at"]
        enrolled.last_chain_length = manifest["audit_chain_length"]
        enrolled.last_chain_head = manifest["audit_chain_head"]
    enrolled.last_received_at = datetime.now(UTC)
    session.flush()
    audit.record(session, actor, "importar_paquete", "paquete", None,
                 {"oficina": code, "mes": manifest["period"], "revision": revision,
                  "sha256": digest, "cadena_bitacora": manifest["audit_chain_head"],
                  "registros_bitacora": manifest["audit_chain_length"]})  # fmt: skip
    return f"{label}: revisión {revision} importada{replaced}."


def _file_digest(path: Path) -> str | None:
    try:
        if path.stat().st_size > pkg.MAX_TOTAL_BYTES:
            return None
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def import_packages(
    db: Database, actor: Actor, files: list[Path],
    progress: Callable[[int, int], None] | None = None,
) -> list[tuple[bool, str]]:  # fmt: skip
    """Import each file in its own transaction, so that a refused one leaves the rest imported;
    every file offered goes to the log of received files. One (accepted, line) per file."""
    outcome = []
    for done, file in enumerate(files, start=1):
        digest = _file_digest(file)
        try:
            with db.write() as session:
                line = import_package(session, actor, file)
                session.add(ReceivedFile(file_name=file.name[:255], file_sha256=digest,
                                         accepted=True, outcome=line,
                                         received_by_id=actor.user_id))  # fmt: skip
            outcome.append((True, line))
        except FronteraError as error:
            outcome.append((False, str(error)))
        except Exception:  # a bug must not end the batch: the file is reported, the rest go on
            logger.exception("unexpected error importing a package")
            outcome.append((False, f"{file.name}: error inesperado al leerlo; se rechaza "
                                   "(detalles en el registro del programa)."))  # fmt: skip
        if not outcome[-1][0]:
            try:
                with db.write() as session:
                    session.add(ReceivedFile(file_name=file.name[:255], file_sha256=digest,
                                             accepted=False, outcome=outcome[-1][1][:2000],
                                             received_by_id=actor.user_id))  # fmt: skip
            except FronteraError:
                logger.warning("could not log a refused package")
        if progress:
            progress(done, len(files))
    return outcome


def received(session: Session, year: int | None = None, month: int | None = None) -> list[Received]:
    """What headquarters holds, newest period first."""
    query = select(ReceivedPackage).order_by(
        ReceivedPackage.year.desc(), ReceivedPackage.month.desc(), ReceivedPackage.office_code
    )
    if year is not None:
        query = query.where(ReceivedPackage.year == year)
    if month is not None:
        query = query.where(ReceivedPackage.month == month)
    return [
        Received(r.office_code, r.office_name, r.year, r.month, r.revision, r.received_at)
        for r in session.scalars(query)
    ]


@dataclass(frozen=True)
class ReceivedFileRow:
    file_name: str
    accepted: bool
    outcome: str
    received_at: datetime


def received_files(session: Session, limit: int = 200) -> list[ReceivedFileRow]:
    """The log of files offered for import, newest first, refused ones with their reason."""
    rows = session.scalars(select(ReceivedFile).order_by(ReceivedFile.id.desc()).limit(limit))
    return [ReceivedFileRow(r.file_name, r.accepted, r.outcome, r.received_at) for r in rows]


# --- enrolled offices --------------------------------------------------------------------------


@dataclass(frozen=True)
class EnrolledInfo:
    code: str
    name: str
    place: str
    fingerprint: str
    enrolled_at: datetime
    last_received_at: datetime | None
    last_period: str  # the newest month received ("" for none)
    missing: tuple[str, ...]  # months since enrollment, up to last month, not received


def _enrolled_by(enrolled: EnrolledOffice) -> tuple[int, int]:
    """The first month headquarters expects from an office: the month before its enrollment
    (an office enrolled in December first sends November)."""
    at = enrolled.enrolled_at
    return months.months_back(date(at.year, at.month, 1), 1)


def enrolled_offices(session: Session, today: date | None = None) -> list[EnrolledInfo]:
    """The enrolled offices with their fingerprints, the last package received and the months
    of the current year (since enrollment, up to last month) that have not arrived."""
    today = today or date.today()
    last = months.months_back(today, 1)
    have: dict[str, set[tuple[int, int]]] = {}
    for code, year, month in session.execute(
        select(ReceivedPackage.office_code, ReceivedPackage.year, ReceivedPackage.month)
    ):
        have.setdefault(code, set()).add((year, month))
    out = []
    for e in session.scalars(select(EnrolledOffice).order_by(EnrolledOffice.code)):
        got = have.get(e.code, set())
        first = max(_enrolled_by(e), (last[0], 1))
        missing = []
        year, month = first
        while (year, month) <= last:
            if (year, month) not in got:
                missing.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        newest = max(got, default=None)
        out.append(EnrolledInfo(
            e.code, e.name, e.place, e.fingerprint, e.enrolled_at, e.last_received_at,
            f"{newest[0]:04d}-{newest[1]:02d}" if newest else "", tuple(missing),
        ))  # fmt: skip
    return out
