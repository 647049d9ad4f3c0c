"""The files an office exchanges with headquarters, as pure code (no database, no services):
the monthly package (a zip) and the office card (a small JSON file).

A package is a zip holding ``manifest.json`` and the summary as ``resumen.json``,
``resumen.pdf`` and ``resumen.xlsx``. The manifest names the office (code, name, UUID and
public key), period and revision, the application version, the length and head of the office's
audit chain and the SHA-256 of every file; the office key signs it (Ed25519 over its canonical
form). Reading a package checks everything that can be checked without knowing the office;
headquarters then compares the key with the one it enrolled (services/packages.py).

Every JSON document read here is parsed defensively: nesting is measured before parsing,
numbers with decimals are refused, every integer and every text is bounded, and no text holds
a control character (a newline in a cell would break a line of the consolidated report).
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from frontera_desk.domain.errors import FronteraError
from frontera_desk.exchange import signing

PACKAGE_FORMAT = "frontera-desk-monthly-package"
MANIFEST_VERSION = 2  # 2: signed, with the office's UUID, key and audit chain length
MANIFEST_SCHEMA = "package-manifest.schema.json"
CARD_FORMAT = "frontera-desk-office-card"
CARD_SCHEMA = "office-card.schema.json"
MANIFEST = "manifest.json"
FILES = ("resumen.json", "resumen.pdf", "resumen.xlsx")
MAX_ENTRIES = 8
MAX_TOTAL_BYTES = 50_000_000  # far above a real package (a few hundred KB)
MAX_RATIO = 200  # uncompressed / compressed, per file: beyond it, a zip bomb
MAX_JSON_BYTES = 5_000_000
MAX_DEPTH = 16  # the summary nests 4 levels; a bracket bomb never reaches the parser
# An office's figure stays below 10**12 (ten billion pesos in centavos; the state's program is
# about 12 million pesos a year), so that the sum of a thousand offices still passes the schemas'
# 10**15 and headquarters' PDF, workbook and JSON never fail on what it accepted.
MAX_INTEGER = 10**12
MAX_NAME = 300  # characters of a name or label (a table cell must fit a page)
MAX_TEXT = 10_000  # characters of the narrative
MAX_ITEMS = 1_000  # entries of one list or breakdown
_LONG = {"narrative"}
MAX_CARD_BYTES = 20_000
PRELIMINARY = "preliminar"  # the summary's "estado" while its month is open

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(rb"[\[\]{}]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


# --- JSON read defensively ---------------------------------------------------------------------


def _too_deep(data: bytes, limit: int) -> bool:
    """Whether the brackets of a JSON text nest deeper than ``limit``, strings left out (no
    recursion; it stops at the first bracket too deep)."""
    depth = 0
    for bracket in _BRACKET.finditer(_STRING.sub(b'""', data)):
        if bracket.group() in b"[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def _no_float(text: str) -> Any:
    raise FronteraError(f"lleva un número con decimales ({text[:20]}); las cifras son enteras.")


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > 16:
        raise FronteraError(f"lleva un número fuera de rango ({text[:20]}…).")
    return int(text)


def _no_constant(text: str) -> Any:
    raise FronteraError(f"lleva un valor no numérico ({text}).")


def check_values(document: Any, where: str = "") -> None:
    """Every integer within ±MAX_INTEGER, every text short and free of control characters,
    every list and breakdown of a sane length."""
    stack: list[tuple[Any, str, int]] = [(document, where, MAX_NAME)]
    while stack:
        value, path, longest = stack.pop()
        where = path or "(raíz)"
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int):
            if not -MAX_INTEGER < value < MAX_INTEGER:
                raise FronteraError(f"lleva un número fuera de rango en {where}.")
        elif isinstance(value, str):
            if len(value) > longest or _CONTROL.search(value):
                raise FronteraError(
                    f"lleva un texto no admitido en {where} (demasiado largo, o con un salto de "
                    "línea o un carácter de control)."
                )
        elif isinstance(value, dict | list):
            if len(value) > MAX_ITEMS:
                raise FronteraError(f"lleva demasiados elementos en {where} ({len(value):,}).")
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                inner = f"{path}/{key}" if path else str(key)
                stack.append((str(key), path, MAX_NAME))
                stack.append((item, inner, MAX_TEXT if key in _LONG else MAX_NAME))


def load_json(data: bytes, name: str, limit: int = MAX_JSON_BYTES) -> Any:
    """Parse a JSON document received from elsewhere, or raise FronteraError naming it."""
    if len(data) > limit:
        raise FronteraError(f"{name} es demasiado grande ({len(data):,} bytes).")
    if _too_deep(data, MAX_DEPTH):
        raise FronteraError(f"{name} anida demasiados niveles (más de {MAX_DEPTH}).")
    try:
        document = json.loads(
            data.decode("utf-8"), parse_float=_no_float, parse_int=_bounded_int,
            parse_constant=_no_constant,
        )  # fmt: skip
    except FronteraError as error:
        raise FronteraError(f"{name} {error}") from None
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise FronteraError(f"{name} no es JSON válido.") from None
    try:
        check_values(document)
    except FronteraError as error:
        raise FronteraError(f"{name} {error}") from None
    return document


def validate(document: Any, name: str, what: str) -> None:
    """Check a document against one of the schemas; the message stays short (it quotes the
    offending value, which may be long)."""
    from frontera_desk.exchange.summary_json import validate as validate_schema

    try:
        validate_schema(document, name, what)
    except FronteraError as error:
        text = str(error)
        raise FronteraError(text if len(text) <= 240 else text[:240] + "…") from None


# --- the manifest and its signature ------------------------------------------------------------


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sign_manifest(manifest: dict[str, Any], key: Ed25519PrivateKey) -> dict[str, Any]:
    """The manifest with the office key's public half and its signature added."""
    body = {k: v for k, v in manifest.items() if k != "signature"}
    body["public_key"] = signing.b64(signing.public_bytes(key))
    return {**body, "signature": signing.sign(key, body)}


def signature_holds(document: dict[str, Any]) -> bool:
    """Whether a document's ``signature`` is its own ``public_key``'s over the rest of it."""
    body = {k: v for k, v in document.items() if k != "signature"}
    try:
        public = signing.unb64(str(document.get("public_key", "")))
    except ValueError:
        return False
    return signing.verify(public, body, str(document.get("signature", "")))


def write_package(target: Path, manifest: dict[str, Any], files: dict[str, bytes]) -> Path:
    """Write the zip beside the target and move it into place once whole."""
    validate(manifest, MANIFEST_SCHEMA, "El manifiesto")
    partial = target.with_name(target.name + ".parcial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
        for name, data in files.items():
            archive.writestr(name, data)
    partial.replace(target)
    return target


# --- reading a package -------------------------------------------------------------------------


@dataclass(frozen=True)
class Package:
    manifest: dict[str, Any]
    summary: dict[str, Any]
    summary_bytes: bytes

    @property
    def office_code(self) -> str:
        return str(self.manifest["office"]["code"])

    @property
    def office_uuid(self) -> str:
        return str(self.manifest["office"]["uuid"])

    @property
    def public_key(self) -> str:
        return str(self.manifest["public_key"])

    @property
    def revision(self) -> int:
        return int(self.manifest["revision"])

    @property
    def period(self) -> tuple[int, int]:
        year, month = self.manifest["period"].split("-")
        return int(year), int(month)

    @property
    def summary_sha256(self) -> str:
        return sha256(self.summary_bytes)


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


def read_package(path: Path) -> Package:
    """Check a package completely; raise FronteraError with a one-line reason (without the
    file's name, which the caller adds)."""
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
    manifest = load_json(contents[MANIFEST], MANIFEST)
    if not isinstance(manifest, dict) or manifest.get("format") != PACKAGE_FORMAT:
        raise FronteraError("no es un paquete mensual de Frontera Desk.")
    version = manifest.get("schema_version")
    if isinstance(version, int) and version > MANIFEST_VERSION:
        raise FronteraError(
            f"es de una versión más reciente de Frontera Desk (esquema {version}; esta versión "
            f"lee hasta el {MANIFEST_VERSION}). Actualice el programa."
        )
    if "signature" not in manifest or version == 1:
        raise FronteraError(
            "no está firmado con la llave de la oficina; se rechaza (pida a la oficina que lo "
            "exporte de nuevo con una versión actual)."
        )
    validate(manifest, MANIFEST_SCHEMA, "El manifiesto")
    if not signature_holds(manifest):
        raise FronteraError(
            "tiene una firma que no corresponde a su contenido (alterado o falsificado)."
        )
    for name, expected in manifest["files"].items():
        data = contents.get(name)
        if data is None:
            raise FronteraError(f"falta {name}, que el manifiesto declara.")
        if sha256(data) != expected["sha256"] or len(data) != expected["size"]:
            raise FronteraError(f"{name} fue alterado (su SHA-256 no coincide con el manifiesto).")
    summary = load_json(contents["resumen.json"], "resumen.json")
    if isinstance(summary, dict) and summary.get("estado") == PRELIMINARY:
        raise FronteraError(
            f"lleva un resumen PRELIMINAR de {manifest['period']} (mes abierto); oficinas "
            "centrales solo reciben meses cerrados."
        )
    validate(summary, "monthly-summary.schema.json", "El resumen")
    if summary["format"] != "frontera-desk-monthly-summary":
        raise FronteraError("resumen.json no es el resumen de una oficina.")
    if summary["office"]["code"] != manifest["office"]["code"]:
        raise FronteraError("resumen.json y el manifiesto no coinciden en «office».")
    for key in ("period", "revision"):
        if summary[key] != manifest[key]:
            raise FronteraError(f"resumen.json y el manifiesto no coinciden en «{key}».")
    return Package(manifest, summary, contents["resumen.json"])


# --- the office card ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Card:
    code: str
    name: str
    place: str
    office_uuid: str
    public_key: str  # base64
    demo: bool
    previous_key: str | None  # base64: the key this card replaces, which endorsed it

    @property
    def fingerprint(self) -> str:
        return signing.fingerprint(signing.unb64(self.public_key))


def make_card(
    office: dict[str, str], demo: bool, key: Ed25519PrivateKey, issued_at: str,
    previous: Ed25519PrivateKey | None = None,
) -> dict[str, Any]:  # fmt: skip
    """An office card, signed by its own key; a new key's card also carries the previous key's
    signature of it (its endorsement)."""
    public = signing.public_bytes(key)
    card: dict[str, Any] = {
        "format": CARD_FORMAT, "version": 1, "office": dict(office), "demo": demo,
        "issued_at": issued_at, "public_key": signing.b64(public),
        "fingerprint": signing.fingerprint(public),
    }  # fmt: skip
    if previous is not None:
        card["previous_key"] = signing.b64(signing.public_bytes(previous))
        card["endorsement"] = signing.sign(previous, card)
    card["signature"] = signing.sign(key, card)
    return card


def read_card(data: bytes, name: str) -> Card:
    """Check an office card (schema, self-signature, endorsement); FronteraError names it."""
    document = load_json(data, name, MAX_CARD_BYTES)
    if not isinstance(document, dict) or document.get("format") != CARD_FORMAT:
        raise FronteraError(f"{name} no es una cédula de oficina de Frontera Desk.")
    validate(document, CARD_SCHEMA, f"La cédula {name}")
    if not signature_holds(document):
        raise FronteraError(f"{name}: la firma de la cédula no corresponde a su contenido.")
    public = signing.unb64(document["public_key"])
    if document["fingerprint"] != signing.fingerprint(public):
        raise FronteraError(f"{name}: la huella no corresponde a la llave pública.")
    previous = document.get("previous_key")
    if previous is not None:
        body = {k: v for k, v in document.items() if k not in ("signature", "endorsement")}
        try:
            old = signing.unb64(previous)
        except ValueError:
            old = b""
        if not signing.verify(old, body, document.get("endorsement", "")):
            raise FronteraError(f"{name}: la firma de la llave anterior no es válida.")
    office = document["office"]
    return Card(office["code"], office["name"], office["place"], office["uuid"],
                document["public_key"], document["demo"], previous)  # fmt: skip
