"""The monthly package an office sends to headquarters, and its import at headquarters.

A package is a zip holding ``manifest.json`` and the summary as ``resumen.json``, ``resumen.pdf``
and ``resumen.xlsx``. The manifest names the office, period and revision, the application version,
the head of the office's audit chain and the SHA-256 of every file. Everything in a package is
checked before anything is written at headquarters: a rejected package changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import stat
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontera_desk import __version__
from frontera_desk.db import Database
from frontera_desk.db.models import ReceivedPackage
from frontera_desk.domain.errors import FronteraError
from frontera_desk.exchange import summary_json
from frontera_desk.exchange.summary_json import MANIFEST_SCHEMA, SCHEMA_VERSION, validate
from frontera_desk.services import audit, months
from frontera_desk.services.context import Action, Actor, require
from frontera_desk.services.office import get_office

PACKAGE_FORMAT = "frontera-desk-monthly-package"
MANIFEST = "manifest.json"
FILES = ("resumen.json", "resumen.pdf", "resumen.xlsx")
MAX_ENTRIES = 8
MAX_TOTAL_BYTES = 50_000_000  # far above a real package (a few hundred KB)
MAX_RATIO = 200  # uncompressed / compressed, per file: beyond it, a zip bomb


# --- documents and their files -----------------------------------------------------------------


def summary_document(session: Session, year: int, month: int) -> dict[str, Any]:
    """The month's summary as a validated document: the office's own, or at headquarters the
    consolidation of the packages received for that month."""
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
        return summary_json.consolidate(
            documents, {"code": office.code, "name": office.name}, f"{year:04d}-{month:02d}"
        )
    return months.month_document(session, office.code, year, month)


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


# --- export ------------------------------------------------------------------------------------


def export_package(session: Session, actor: Actor, year: int, month: int, target: Path) -> Path:
    """Write the month's package; the month must be closed (its revision names the package)."""
    require(actor, Action.CLOSE_MONTH)
    office = get_office(session)
    assert office is not None
    if office.is_hq:
        raise FronteraError("Oficinas centrales recibe paquetes; no los envía.")
    state = months.state(session, office.code, year, month)
    if not state.closed:
        raise FronteraError(
            f"Cierre primero el mes de {months.month_name(year, month)}: el paquete lleva "
            "las cifras de un mes cerrado."
        )
    # the snapshot stored at close: the same revision always carries the same figures
    document = months.month_document(session, office.code, year, month)
    files: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="frontera-paquete-") as tmp:
        for name in FILES:
            files[name] = write_document(document, Path(tmp) / name, office.is_demo).read_bytes()
    manifest = {
        "format": PACKAGE_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "office": {"code": office.code, "name": office.name},
        "period": document["period"],
        "revision": state.revision,
        "generated_at": document["generated_at"],
        "app_version": __version__,
        "audit_chain_head": audit.head(session),
        "demo": office.is_demo,
        "files": {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            for name, data in files.items()
        },
    }
    validate(manifest, MANIFEST_SCHEMA, "El manifiesto")
    partial = target.with_name(target.name + ".parcial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
        for name, data in files.items():
            archive.writestr(name, data)
    partial.replace(target)
    audit.record(session, actor, "exportar_paquete", "mes", None,
                 {"mes": document["period"], "revision": state.revision})  # fmt: skip
    return target


# --- reading a package (no database) -----------------------------------------------------------


@dataclass(frozen=True)
class Package:
    manifest: dict[str, Any]
    summary: dict[str, Any]
    summary_bytes: bytes

    @property
    def office_code(self) -> str:
        return str(self.manifest["office"]["code"])

    @property
    def period(self) -> tuple[int, int]:
        return months.parse_month(self.manifest["period"])


def _safe_name(info: zipfile.ZipInfo) -> str:
    name = info.filename
    path = PurePosixPath(name)
    if name.startswith(("/", "\\")) or "\\" in name or ":" in name or path.is_absolute():
        raise FronteraError(f"contiene una ruta absoluta ({name}).")
    if ".." in path.parts:
        raise FronteraError(f"contiene una ruta fuera de su carpeta ({name}).")
    if stat.S_ISLNK(info.external_attr >> 16):
        raise FronteraError(f"contiene un enlace ({name}).")
    return name


def _members(archive: zipfile.ZipFile) -> dict[str, bytes]:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise FronteraError(f"tiene demasiados archivos ({len(infos)}).")
    names = [_safe_name(info) for info in infos]
    if sum(info.file_size for info in infos) > MAX_TOTAL_BYTES:
        raise FronteraError("descomprimido pesaría demasiado (posible bomba zip).")
    for info in infos:
        if info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise FronteraError(
                f"{info.filename} se comprime de forma anómala (posible bomba zip)."
            )
    unexpected = sorted(set(names) - {MANIFEST, *FILES})
    if unexpected or len(set(names)) != len(names):
        raise FronteraError(
            f"contiene archivos inesperados ({', '.join(unexpected) or 'repetidos'})."
        )
    contents = {}
    for info in infos:
        with archive.open(info) as member:
            data = member.read(info.file_size + 1)  # never more than declared, whatever it holds
        if len(data) != info.file_size:
            raise FronteraError(f"{info.filename} no mide lo que declara.")
        contents[info.filename] = data
    return contents


def _json(data: bytes, name: str) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise FronteraError(f"{name} no es JSON válido.") from None


def read_package(path: Path) -> Package:
    """Check a package completely; raise FronteraError with a one-line reason."""
    try:
        with zipfile.ZipFile(path) as archive:
            contents = _members(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError):
        raise FronteraError(
            "no es un paquete válido (no es un archivo zip o está dañado)."
        ) from None
    except NotImplementedError:
        raise FronteraError("usa una compresión que no se admite.") from None
    if MANIFEST not in contents:
        raise FronteraError("no tiene manifiesto (manifest.json).")
    manifest = _json(contents[MANIFEST], MANIFEST)
    if not isinstance(manifest, dict) or manifest.get("format") != PACKAGE_FORMAT:
        raise FronteraError("no es un paquete mensual de Frontera Desk.")
    version = manifest.get("schema_version")
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise FronteraError(
            f"es de una versión más reciente de Frontera Desk (esquema {version}; esta versión "
            f"lee hasta el {SCHEMA_VERSION}). Actualice el programa."
        )
    validate(manifest, MANIFEST_SCHEMA, "El manifiesto")
    for name, expected in manifest["files"].items():
        data = contents.get(name)
        if data is None:
            raise FronteraError(f"falta {name}, que el manifiesto declara.")
        if hashlib.sha256(data).hexdigest() != expected["sha256"] or len(data) != expected["size"]:
            raise FronteraError(f"{name} fue alterado (su SHA-256 no coincide con el manifiesto).")
    summary = _json(contents["resumen.json"], "resumen.json")
    validate(summary)
    if summary["format"] != "frontera-desk-monthly-summary":
        raise FronteraError("resumen.json no es el resumen de una oficina.")
    for key in ("office", "period", "revision"):
        if summary[key] != manifest[key]:
            raise FronteraError(f"resumen.json y el manifiesto no coinciden en «{key}».")
    return Package(manifest, summary, contents["resumen.json"])


# --- import at headquarters --------------------------------------------------------------------


@dataclass(frozen=True)
class Received:
    office_code: str
    office_name: str
    year: int
    month: int
    revision: int
    received_at: datetime


def import_package(session: Session, actor: Actor, path: Path) -> str:
    """Import one package; return what happened in one line. Raises FronteraError (one line)
    before writing anything when the package is rejected."""
    require(actor, Action.IMPORT_PACKAGES)
    office = get_office(session)
    if office is None or not office.is_hq:
        raise FronteraError("Esta instalación no es de oficinas centrales: no importa paquetes.")
    try:
        package = read_package(path)
    except FronteraError as error:
        raise FronteraError(f"{path.name}: {error}") from None
    if package.manifest["demo"] and not office.is_demo:
        raise FronteraError(f"{path.name}: es un paquete de demostración.")
    year, month = package.period
    code, revision = package.office_code, package.manifest["revision"]
    label = f"{code} {package.manifest['period']}"
    digest = hashlib.sha256(package.summary_bytes).hexdigest()
    held = session.scalar(
        select(ReceivedPackage).where(ReceivedPackage.office_code == code,
                                      ReceivedPackage.year == year, ReceivedPackage.month == month)
    )  # fmt: skip
    if held is not None and held.revision > revision:
        raise FronteraError(
            f"{path.name}: ya se tiene la revisión {held.revision} de {label}; este paquete "
            f"(revisión {revision}) es anterior."
        )
    if held is not None and held.revision == revision:
        return f"{label}: la revisión {revision} ya estaba recibida; sin cambios."
    values = {
        "office_name": package.manifest["office"]["name"], "revision": revision,
        "package_sha256": digest, "manifest": json.dumps(package.manifest, ensure_ascii=False),
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
    session.flush()
    audit.record(session, actor, "importar_paquete", "paquete", None,
                 {"oficina": code, "mes": package.manifest["period"], "revision": revision,
                  "cadena_bitacora": package.manifest["audit_chain_head"]})  # fmt: skip
    return f"{label}: revisión {revision} importada{replaced}."


def import_packages(
    db: Database, actor: Actor, files: list[Path],
    progress: Callable[[int, int], None] | None = None,
) -> list[tuple[bool, str]]:  # fmt: skip
    """Import each file in its own transaction, so that a rejected one leaves the rest imported.
    One (accepted, line) per file."""
    outcome = []
    for done, file in enumerate(files, start=1):
        try:
            with db.write() as session:
                outcome.append((True, import_package(session, actor, file)))
        except FronteraError as error:
            outcome.append((False, str(error)))
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
