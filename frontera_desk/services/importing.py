"""Import people and past supports from the office's spreadsheets (XLSX, XLS, ODS, CSV).

Reading (bounded, file checks first), row normalization with the registration form's rules,
duplicate review within the file and against the office, the import itself (one transaction,
in batches, cancellable), provenance per record, and undoing a batch. The pure rules are in
``domain/importing.py``.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import json
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree import ElementTree

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from frontera_desk.db import search
from frontera_desk.db.models import (
    AgreementPerson,
    Attendee,
    Case,
    Consent,
    IdentityDocument,
    ImportBatch,
    ImportDecision,
    ImportedRow,
    Person,
    PersonVulnerability,
    Support,
    SupportEvent,
    SupportType,
    utcnow,
)
from frontera_desk.domain import importing as rules
from frontera_desk.domain import wording
from frontera_desk.domain.enums import DocumentType, SupportStatus
from frontera_desk.domain.errors import FronteraError, NotFoundError, ValidationError
from frontera_desk.domain.importing import Candidate, Mapping, Pair
from frontera_desk.domain.text import checked, clean, fold, fold_document
from frontera_desk.services import audit, months, people
from frontera_desk.services.evidence import HISTORICAL
from frontera_desk.services.people import DocumentInput, PersonInput
from frontera_desk.services.permissions import Action, Actor, require

MAX_ROWS = 100_000  # data rows of one sheet; more is refused before the sheet is loaded
MAX_FILE_BYTES = 200 * 1024 * 1024
HEADER_SEARCH = 10  # the header row is looked for among the first rows
BATCH = 250  # rows written between two progress reports (and cancel checks)
SAME, DIFFERENT, SKIP = "misma", "distinta", "omitir"
DECISIONS = (SAME, DIFFERENT, SKIP)
PEOPLE, SUPPORTS = "personas", "apoyos"


class ImportCancelled(FronteraError):
    pass


# --- reading ----------------------------------------------------------------------------------


@dataclass
class Table:
    """A sheet's header and data rows (numbered as the spreadsheet shows them)."""

    file_name: str
    sha256: str
    sheet: str
    sheets: list[str]
    headers: list[str]
    rows: list[tuple[int, list[object]]]
    problems: dict[int, list[str]] = field(default_factory=dict)  # row → problems found reading


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _refuse_by_content(path: Path, head: bytes) -> None:
    name = path.name
    if not head:
        raise FronteraError(f"El archivo «{name}» está vacío.")
    if head.startswith(b"%PDF"):
        raise FronteraError(
            f"«{name}» es un PDF, no una hoja de cálculo: expórtelo desde la "
            "hoja original como XLSX, ODS o CSV."
        )
    if head.startswith(b"\xd0\xcf\x11\xe0") and path.suffix.lower() != ".xls":
        raise FronteraError(
            f"«{name}» está protegido con contraseña (o cifrado): ábralo en "
            "Excel o LibreOffice, quite la contraseña y guárdelo de nuevo."
        )


def _encrypted_ole(path: Path) -> bool:
    with path.open("rb") as handle:
        data = handle.read(1 << 16)
    return "EncryptionInfo".encode("utf-16-le") in data


_DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+:?[A-Z]*(\d*)"')
_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "p": "http://schemas.openxmlformats.org/package/2006/relationships",
}
# A formula cell with no value computed (written by a program, never opened in a spreadsheet):
# it reads empty. A formula with its value is read as that value.
_FORMULA_CELL = re.compile(
    rb'<c r="([A-Z]+)(\d+)"[^>]*>\s*<f(?:[^>]*/>|[^>]*>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>'
)


def _xlsx_sheet_part(archive: zipfile.ZipFile, sheet: str) -> str | None:
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return None
    targets = {r.get("Id"): r.get("Target", "") for r in rels.findall("p:Relationship", _NS)}
    for item in book.findall("m:sheets/m:sheet", _NS):
        if item.get("name") == sheet:
            target = targets.get(item.get(f"{{{_NS['r']}}}id"), "")
            return (
                target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
            )
    return None


def _xlsx_checks(path: Path, sheet: str) -> set[tuple[int, str]]:
    """Before calamine loads the sheet whole: its declared size (a sheet of 1,048,576 rows is
    refused here, unread), then the cells holding a formula (streamed through)."""
    formulas: set[tuple[int, str]] = set()
    with zipfile.ZipFile(path) as archive:
        part = _xlsx_sheet_part(archive, sheet)
        if part is None or part not in archive.namelist():
            return formulas
        with archive.open(part) as stream:
            head = stream.read(4096)
            match = _DIMENSION.search(head)
            if match and match.group(1) and int(match.group(1)) > MAX_ROWS + HEADER_SEARCH:
                raise FronteraError(
                    f"La hoja «{sheet}» tiene {int(match.group(1)):,} filas; se importan hasta "
                    f"{MAX_ROWS:,} por archivo: divídala en varios archivos."
                )
            tail = b""
            chunk = head
            while chunk:
                data = tail + chunk
                for col, row in _FORMULA_CELL.findall(data):
                    formulas.add((int(row), col.decode()))
                tail = data[-200:]
                chunk = stream.read(1 << 20)
    return formulas


MAX_UNZIPPED = 1 << 30  # an XLSX or ODS whose parts unpack to more is refused unread


def _check_unzipped_size(path: Path) -> None:
    """A workbook is a zip: what it unpacks to is known before anything is read (an ODS of a
    million rows, or a zip bomb, is refused here rather than loaded)."""
    if not zipfile.is_zipfile(path):
        return
    with zipfile.ZipFile(path) as archive:
        size = sum(item.file_size for item in archive.infolist())
    if size > MAX_UNZIPPED:
        raise FronteraError(
            f"«{path.name}» se descomprime en {size // (1 << 20):,} MB: es demasiado grande para "
            "importarlo de una vez; divídalo en varios archivos."
        )


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _decode_csv(path: Path) -> Iterator[str]:
    """Lines of a CSV in UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252."""
    with path.open("rb") as handle:
        head = handle.read(1 << 16)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\x00" in head:
        raise FronteraError(
            f"«{path.name}» no está en UTF-8 ni en Windows-1252 (parece UTF-16 "
            "sin marca): guárdelo como «CSV UTF-8»."
        )
    else:
        encoding = "utf-8-sig"
        try:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                for _ in iter(lambda: handle.read(1 << 20), ""):
                    pass
        except UnicodeDecodeError:
            encoding = "cp1252"
    try:
        with path.open(encoding=encoding, newline="") as handle:
            yield from handle
    except UnicodeDecodeError:
        raise FronteraError(
            f"«{path.name}» no está en UTF-8 ni en Windows-1252: guárdelo como «CSV UTF-8»."
        ) from None


def _csv_rows(path: Path) -> Iterator[list[object]]:
    lines = _decode_csv(path)
    first = next(lines, "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    if "\t" in first and first.count("\t") > first.count(delimiter):
        delimiter = "\t"

    def again() -> Iterator[str]:
        yield first
        yield from lines

    csv.field_size_limit(1 << 24)
    yield from csv.reader(again(), delimiter=delimiter)


def sheet_names(path: Path) -> list[str]:
    """The sheets a file offers (a CSV has one, named after the file)."""
    _check_file(path)
    if _is_csv(path):
        return [path.stem]
    return list(_workbook(path).sheet_names)


def _is_csv(path: Path) -> bool:
    return path.suffix.lower() in (".csv", ".txt", ".tsv")


def _check_file(path: Path) -> None:
    if not path.is_file():
        raise NotFoundError(f"No existe el archivo «{path}».")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise FronteraError(
            f"«{path.name}» pesa {size // (1 << 20)} MB; se importan archivos "
            f"de hasta {MAX_FILE_BYTES // (1 << 20)} MB."
        )
    with path.open("rb") as handle:
        head = handle.read(8)
    _refuse_by_content(path, head)
    if head.startswith(b"\xd0\xcf\x11\xe0") and _encrypted_ole(path):
        raise FronteraError(
            f"«{path.name}» está protegido con contraseña (o cifrado): ábralo en "
            "Excel o LibreOffice, quite la contraseña y guárdelo de nuevo."
        )
    if not _is_csv(path) and not head.startswith((b"PK", b"\xd0\xcf\x11\xe0")):
        raise FronteraError(f"«{path.name}» no es una hoja de cálculo (XLSX, XLS, ODS o CSV).")


def _workbook(path: Path) -> Any:
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as error:  # calamine's own errors: a damaged or unknown file
        kind = type(error).__name__
        raise FronteraError(
            f"No se pudo leer «{path.name}» como hoja de cálculo ({kind}): "
            "ábralo y guárdelo de nuevo como XLSX."
        ) from None


def read_table(
    path: Path, sheet: str | None = None, fields: dict[str, tuple[str, ...]] | None = None
) -> Table:
    """The sheet's header row (found among the first rows) and its data rows, at most
    ``MAX_ROWS``; file-level faults are refused with one message, cell faults are noted per row."""
    fields = fields or rules.PEOPLE_FIELDS
    _check_file(path)
    sha = _sha256(path)
    problems: dict[int, list[str]] = {}
    merged: list[Any] = []
    if _is_csv(path):
        names = [path.stem]
        chosen = path.stem
        source: Iterator[list[object]] = _csv_rows(path)
    else:
        book = _workbook(path)
        names = list(book.sheet_names)
        chosen = sheet if sheet is not None else names[0]
        if chosen not in names:
            raise FronteraError(
                f"«{path.name}» no tiene la hoja «{chosen}» (tiene: {', '.join(names)})."
            )
        formulas: set[tuple[int, str]] = set()
        _check_unzipped_size(path)
        if zipfile.is_zipfile(path):
            try:
                with zipfile.ZipFile(path) as archive:
                    is_xlsx = "xl/workbook.xml" in archive.namelist()
            except zipfile.BadZipFile:
                is_xlsx = False
            if is_xlsx:
                formulas = _xlsx_checks(path, chosen)
        try:
            loaded = book.get_sheet_by_name(chosen)
        except Exception as error:
            raise FronteraError(
                f"No se pudo leer la hoja «{chosen}» ({type(error).__name__})."
            ) from None
        if loaded.total_height > MAX_ROWS + HEADER_SEARCH:
            raise FronteraError(
                f"La hoja «{chosen}» tiene {loaded.total_height:,} filas; se "
                f"importan hasta {MAX_ROWS:,} por archivo: divídala."
            )
        merged = list(loaded.merged_cell_ranges or [])
        first_row = loaded.start[0] if loaded.start else 0
        source = iter(loaded.iter_rows())
        for row_number, column in formulas:
            problems.setdefault(row_number, []).append(
                f"columna {column}: fórmula sin valor calculado (ábrala y guárdela en Excel o "
                "LibreOffice, o pegue los valores)"
            )
        source = _offset(source, first_row)
    head: list[tuple[int, list[object]]] = []
    for number, values in enumerate(source, 1):
        head.append((number, values))
        if len(head) >= HEADER_SEARCH:
            break
    if not any(any(v not in ("", None) for v in values) for _, values in head):
        raise FronteraError(f"La hoja «{chosen}» de «{path.name}» está vacía.")
    at = rules.find_header([values for _, values in head], fields)
    if at is None:
        raise FronteraError(
            f"La hoja «{chosen}» no tiene una fila de encabezados reconocible entre sus primeras "
            f"{HEADER_SEARCH} filas (por ejemplo «Nombre(s)», «Apellido paterno», «Fecha de "
            "nacimiento»)."
        )
    header_number, header_values = head[at]
    headers = [clean(rules.cell_text(v)) for v in header_values]
    for (r1, c1), (r2, c2) in merged:  # a merged header: its cells to the right take its text
        if r1 <= header_number - 1 <= r2:
            for c in range(c1 + 1, min(c2, len(headers) - 1) + 1):
                headers[c] = headers[c1]
    headers = [h or f"Columna {_column_letter(i)}" for i, h in enumerate(headers)]
    rows: list[tuple[int, list[object]]] = list(head[at + 1 :])
    for number, values in enumerate(source, len(head) + 1):
        rows.append((number, values))
        if len(rows) > MAX_ROWS:
            raise FronteraError(
                f"«{path.name}» tiene más de {MAX_ROWS:,} filas de datos; "
                "divídalo en varios archivos."
            )
    problems = {n: p for n, p in problems.items() if n > header_number}
    return Table(path.name, sha, chosen, names, headers, rows, problems)


def _offset(rows: Iterator[list[object]], first: int) -> Iterator[list[object]]:
    """calamine starts at the first used row: the rows above it are empty ones."""
    for _ in range(first):
        yield []
    yield from rows


# --- people: normalization --------------------------------------------------------------------


@dataclass
class RowResult:
    """One data row as it would be saved, or why it is skipped."""

    row: int
    person: PersonInput | None
    problems: list[str]
    key: str = ""  # "R12"
    candidate: Candidate | None = None
    skip_reason: str = ""  # an empty row, already imported, a duplicate, …

    @property
    def ok(self) -> bool:
        return self.person is not None and not self.problems and not self.skip_reason


def _value(values: list[object], mapping: Mapping, name: str) -> object:
    index = mapping.columns.get(name)
    if index is None or index >= len(values):
        return None
    value = values[index]
    return value.strip() if isinstance(value, str) else value


def _text(values: list[object], mapping: Mapping, name: str) -> str:
    return clean(rules.cell_text(_value(values, mapping, name)))


_DOC_COLUMNS = {"passport": DocumentType.PASSPORT, "curp": DocumentType.CURP, "document": None}


def person_from_row(
    values: list[object], mapping: Mapping, today: date
) -> tuple[PersonInput | None, list[str]]:
    """The registration form's input from a row, and the problems found on the way; the
    form's own validation runs after (``people.validate_person``)."""
    problems: list[str] = []
    too_long = [i for i, v in enumerate(values) if isinstance(v, str) and len(v) > rules.MAX_CELL]
    if too_long:
        return None, [
            f"columna {_column_letter(i)}: {len(values[i]):,} caracteres (máximo "  # type: ignore[arg-type]
            f"{rules.MAX_CELL:,})"
            for i in too_long
        ]
    given, first, second = (
        _text(values, mapping, n) for n in ("given_names", "first_surname", "second_surname")
    )
    if not (given or first) and "full_name" in mapping.columns:
        given, first, second = rules.split_full_name(
            _text(values, mapping, "full_name"), mapping.split
        )
    elif "surnames" in mapping.columns and not first:
        first, second = rules.split_surnames(_text(values, mapping, "surnames"))
    data = PersonInput(given_names=given, first_surname=first, second_surname=second)
    labels = rules.PEOPLE_LABELS

    def attempt(name: str, action: Callable[[object], Any]) -> Any:
        value = _value(values, mapping, name)
        try:
            return action(value)
        except ValidationError as error:
            problems.append(error.message)
            return None

    data.birth_date = attempt(
        "birth_date", lambda v: rules.parse_date(v, today, labels["birth_date"])
    )
    if data.birth_date is None:
        data.estimated_age = attempt("age", lambda v: rules.parse_age(v))
    data.sex = attempt("sex", lambda v: rules.parse_sex(v, mapping.sex_letters)) or ""
    data.nationality = attempt("nationality", rules.parse_nationality)
    data.phone = _text(values, mapping, "phone")
    data.lodging = _text(values, mapping, "lodging")
    data.notes = _text(values, mapping, "notes")
    size = _value(values, mapping, "household_size")
    if size not in (None, ""):
        try:
            data.household_size = int(float(str(size)))
        except ValueError:
            problems.append(f"Integrantes del hogar: «{clean(str(size))[:20]}» no es un número.")
    for column, hint in _DOC_COLUMNS.items():
        number = rules.document_number(_value(values, mapping, column))
        if not number:
            continue
        doc_type = attempt(
            "document_type",
            lambda v, c=column, n=number, h=hint: rules.document_type(  # type: ignore[misc]
                v if c == "document" else None, n, h
            ),
        )
        if doc_type is not None:
            data.documents.append(DocumentInput(doc_type, number))
    return data, problems


def _candidate(key: str, person: people._Clean) -> Candidate:
    return Candidate(
        key,
        fold(person.given),
        fold(person.first),
        fold(person.second or ""),
        person.birth_date,
        person.estimated,
        frozenset(fold_document(n) for _, n, _ in person.documents if n),
    )


@dataclass
class PeoplePreview:
    table: Table
    mapping: Mapping
    rows: list[RowResult]
    pairs: list[Pair]  # likely duplicates not decided yet
    decided: dict[tuple[int, str], str]  # (row, other) → decision already taken
    office_names: dict[str, str]  # "P34" → the office person's name, birth date and document

    @property
    def importable(self) -> list[RowResult]:
        return [r for r in self.rows if r.ok]

    @property
    def skipped(self) -> list[RowResult]:
        return [r for r in self.rows if not r.ok]


def _imported_rows(session: Session, sha: str, sheet: str) -> dict[int, int]:
    """Rows of this file and sheet already imported by a batch not undone: row → batch id."""
    return dict(
        session.execute(
            select(ImportedRow.row, ImportBatch.id)
            .join(ImportBatch, ImportBatch.id == ImportedRow.batch_id)
            .where(
                ImportBatch.file_sha256 == sha,
                ImportBatch.sheet == sheet,
                ImportBatch.undone_at.is_(None),
            )
        ).all()
    )


def _office_candidates(session: Session) -> tuple[list[Candidate], dict[int, list[str]]]:
    docs: dict[int, list[str]] = {}
    for pid, key in session.execute(
        select(IdentityDocument.person_id, IdentityDocument.number_key).where(
            IdentityDocument.number_key.is_not(None)
        )
    ):
        docs.setdefault(pid, []).append(str(key))
    found = [
        Candidate(
            f"P{p.id}",
            fold(p.given_names),
            fold(p.first_surname),
            fold(p.second_surname or ""),
            p.birth_date,
            p.birth_date_estimated,
            frozenset(docs.get(p.id, ())),
        )
        for p in session.execute(
            select(
                Person.id,
                Person.given_names,
                Person.first_surname,
                Person.second_surname,
                Person.birth_date,
                Person.birth_date_estimated,
            ).where(Person.anonymized_at.is_(None))
        )
    ]
    return found, docs


def preview_people(
    session: Session,
    actor: Actor,
    table: Table,
    mapping: Mapping,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> PeoplePreview:
    """Every row normalized and validated as the registration form would, the rows skipped and
    why, and the likely duplicates (within the file and against the office) still to review."""
    require(actor, Action.IMPORT_DATA)
    today = today or date.today()
    for needed, label in (("sex", "Sexo"),):
        if needed not in mapping.columns:
            raise ValidationError("mapping", f"Falta indicar la columna de {label}.")
    if not (
        {"given_names", "first_surname"} <= mapping.columns.keys()
        or "full_name" in mapping.columns
        or {"given_names", "surnames"} <= mapping.columns.keys()
    ):
        raise ValidationError(
            "mapping",
            "Falta indicar las columnas del nombre (nombre y apellidos, o el nombre completo).",
        )
    done = _imported_rows(session, table.sha256, table.sheet)
    results: list[RowResult] = []
    for index, (number, values) in enumerate(table.rows):
        if progress is not None and index % 1000 == 0:
            progress(index, len(table.rows))
        if not any(v not in ("", None) for v in values):
            results.append(RowResult(number, None, [], skip_reason="fila vacía"))
            continue
        result = RowResult(number, None, list(table.problems.get(number, [])), key=f"R{number}")
        if number in done:
            result.skip_reason = f"ya importada (lote núm. {done[number]})"
            results.append(result)
            continue
        data, problems = person_from_row(values, mapping, today)
        result.problems += problems
        if data is not None and not problems:
            try:
                result.candidate = _candidate(result.key, people.validate_person(data, today))
            except ValidationError as error:
                result.problems.append(error.message)
        result.person = data
        results.append(result)
    office, _ = _office_candidates(session)
    pairs = rules.likely_duplicates(
        [r.candidate for r in results if r.candidate is not None and r.ok], office
    )
    decided = {
        (d.row, d.other): d.decision
        for d in session.scalars(
            select(ImportDecision).where(
                ImportDecision.file_sha256 == table.sha256, ImportDecision.sheet == table.sheet
            )
        )
    }
    open_pairs = [p for p in pairs if (int(p.b[1:]), p.a) not in decided]
    names = _office_descriptions(session, [int(p.a[1:]) for p in pairs if p.a.startswith("P")])
    return PeoplePreview(table, mapping, results, open_pairs, decided, names)


def _office_descriptions(session: Session, ids: list[int]) -> dict[str, str]:
    out: dict[str, str] = {}
    for chunk in range(0, len(ids), 500):
        rows = people.fetch_rows(session, ids[chunk : chunk + 500])
        for pid, row in rows.items():
            born = row.birth_date.strftime("%d/%m/%Y") if row.birth_date else "sin fecha"
            out[f"P{pid}"] = f"{row.full_name}, {born}, {row.document or 'sin documento'}"
    return out


def record_decisions(
    session: Session, actor: Actor, table: Table, choices: dict[tuple[str, str], str]
) -> None:
    """Keep the reviewer's choice on each pair (other key, row key) → misma/distinta/omitir."""
    require(actor, Action.IMPORT_DATA)
    for (other, row_key), decision in choices.items():
        if decision not in DECISIONS:
            raise ValidationError("decision", f"Decisión no válida: {decision}.")
        row = int(row_key[1:])
        existing = session.scalar(
            select(ImportDecision).where(
                ImportDecision.file_sha256 == table.sha256,
                ImportDecision.sheet == table.sheet,
                ImportDecision.row == row,
                ImportDecision.other == other,
            )
        )
        if existing is None:
            session.add(
                ImportDecision(
                    file_sha256=table.sha256,
                    sheet=table.sheet,
                    row=row,
                    other=other,
                    decision=decision,
                    decided_by_id=actor.user_id,
                )
            )
        else:
            existing.decision = decision
    session.flush()


# --- people: the import -----------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    batch_id: int
    created: int
    merged: int
    skipped: list[tuple[int, str]]  # row, why (in Spanish)
    joined: list[tuple[int, str]] = field(default_factory=list)  # row, whom it completed


def _origin(batch: ImportBatch, row: int) -> str:
    return (
        f"{batch.file_name} (SHA-256 {batch.file_sha256[:12]}…), hoja «{batch.sheet}», fila {row}"
    )


def _fill(
    session: Session, actor: Actor, person: Person, data: PersonInput, today: date
) -> dict[str, Any]:
    """Same person: fill what the existing record lacks, keep what it has."""
    clean_data = people.validate_person(data, today)
    filled: dict[str, Any] = {}
    for attr, value in (
        ("second_surname", clean_data.second),
        ("nationality", clean_data.nationality),
        ("phone", clean_data.phone),
        ("lodging", clean_data.lodging),
    ):
        if value and not getattr(person, attr):
            setattr(person, attr, value)
            filled[attr] = value
    if clean_data.birth_date and (
        person.birth_date is None or (person.birth_date_estimated and not clean_data.estimated)
    ):
        filled["birth_date"] = [
            person.birth_date.isoformat() if person.birth_date else None,
            person.birth_date_estimated,
        ]
        person.birth_date, person.birth_date_estimated = clean_data.birth_date, clean_data.estimated
    have = {(d.doc_type, d.number_key) for d in person.documents}
    added = []
    for doc_type, number, issuer in clean_data.documents:
        key = (doc_type.value, fold_document(number) if number else None)
        if number and key not in have:
            doc = IdentityDocument(
                office_code=actor.office_code,
                created_by_id=actor.user_id,
                doc_type=doc_type.value,
                number=number,
                number_key=key[1],
                issuer=issuer,
            )
            person.documents.append(doc)
            added.append(doc)
    if "second_surname" in filled:
        person.name_key = fold(
            people.full_name(person.given_names, person.first_surname, person.second_surname)
        )
        person.sort_key = fold(
            " ".join(
                p for p in (person.first_surname, person.second_surname, person.given_names) if p
            )
        )
    session.flush()
    if added:
        filled["documents"] = [d.id for d in added]
    return filled


def _new_batch(session: Session, actor: Actor, table: Table, kind: str) -> ImportBatch:
    """The batch an import's rows belong to: where they came from (file, hash, sheet)."""
    batch = ImportBatch(
        office_code=actor.office_code,
        created_by_id=actor.user_id,
        kind=kind,
        file_name=table.file_name[:255],
        file_sha256=table.sha256,
        sheet=table.sheet[:100],
        rows_read=len(table.rows),
    )
    session.add(batch)
    session.flush()
    return batch


def import_people(
    session: Session,
    actor: Actor,
    preview: PeoplePreview,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    today: date | None = None,
) -> ImportResult:
    """Save the preview's rows in the caller's transaction (all or nothing): new people with
    consent «no se pudo preguntar», merges into the people the reviewer said were the same,
    each recording its file, sheet and row. Rows in a likely-duplicate pair nobody decided
    on are skipped and listed."""
    require(actor, Action.IMPORT_DATA)
    today = today or date.today()
    table = preview.table
    decided = dict(preview.decided)
    for pair in preview.pairs:
        decided.setdefault((int(pair.b[1:]), pair.a), "")
    by_row: dict[int, list[tuple[str, str]]] = {}
    for (row, other), decision in decided.items():
        by_row.setdefault(row, []).append((other, decision))
    skipped = [(r.row, r.skip_reason or "; ".join(r.problems)) for r in preview.skipped]
    batch = _new_batch(session, actor, table, PEOPLE)
    from frontera_desk.services.office import get_settings

    notice = people.notice_hash(get_settings(session).privacy_notice)
    made: dict[str, int] = {}  # row key → person id
    created = merged = 0
    joined: list[tuple[int, str]] = []
    todo = preview.importable
    for index, result in enumerate(todo):
        if index % BATCH == 0:
            if cancelled():
                raise ImportCancelled("Importación cancelada: no se guardó nada.")
            if progress is not None:
                progress(index, len(todo))
        assert result.person is not None
        choices = by_row.get(result.row, [])
        if any(d == "" for _, d in choices):
            others = ", ".join(o for o, d in choices if d == "")
            skipped.append((result.row, f"posible duplicado sin revisar ({others})"))
            continue
        if any(d == SKIP for _, d in choices):
            skipped.append((result.row, "omitida en la revisión de duplicados"))
            continue
        same = [o for o, d in choices if d == SAME]
        target = None
        for other in same:
            target = int(other[1:]) if other.startswith("P") else made.get(other)
            if target is not None:
                break
        if same and target is None:
            skipped.append((result.row, "la misma persona que una fila no importada"))
            continue
        if target is not None:
            person = session.get(Person, target)
            assert person is not None
            before = person.version
            filled = _fill(session, actor, person, result.person, today)
            made[result.key] = person.id
            merged += 1
            into = next(
                o for o in same if (int(o[1:]) if o.startswith("P") else made.get(o)) == person.id
            )
            whom = f"la persona núm. {person.id}" if into.startswith("P") else f"la fila {into[1:]}"
            joined.append(
                (
                    result.row,
                    f"la misma persona que {whom}; completó: {', '.join(sorted(filled)) or 'nada'}",
                )
            )
            if filled:
                search_reindex(session, person)
                session.flush()
                audit.record(
                    session,
                    actor,
                    "completar",
                    "persona",
                    person.uuid,
                    {
                        "origen": [None, _origin(batch, result.row)],
                        "completado": [None, sorted(filled)],
                    },
                )
                session.add(
                    ImportedRow(
                        batch_id=batch.id,
                        row=result.row,
                        entity="persona",
                        entity_id=person.id,
                        action="completar",
                        version=person.version,
                        filled=json.dumps({"antes": before, **filled}, default=str),
                    )
                )
            continue
        origin = {  # in the person's own "crear" entry of the audit log
            "origen": [None, _origin(batch, result.row)],
            "consentimiento": [None, "no se pudo preguntar"],
        }
        record = people.add_person(session, actor, result.person, True, today, origin)
        made[result.key] = record.id
        session.add(
            Consent(
                person_id=record.id,
                given=None,
                on=today,
                notice_sha256=notice,
                recorded_by_id=actor.user_id,
            )
        )
        session.add(
            ImportedRow(
                batch_id=batch.id,
                row=result.row,
                entity="persona",
                entity_id=record.id,
                action="crear",
                version=record.version,
            )
        )
        created += 1
    session.flush()
    versions = dict(
        session.execute(
            select(Person.id, Person.version).where(
                Person.id.in_(select(ImportedRow.entity_id).where(ImportedRow.batch_id == batch.id))
            )
        ).all()
    )
    for imported in session.scalars(select(ImportedRow).where(ImportedRow.batch_id == batch.id)):
        imported.version = versions[imported.entity_id]
    batch.created_count, batch.merged_count = created, merged
    audit.record(
        session,
        actor,
        "importar",
        "lote",
        batch.uuid,
        {
            "archivo": [None, table.file_name],
            "sha256": [None, table.sha256],
            "hoja": [None, table.sheet],
            "creadas": [None, created],
            "completadas": [None, merged],
            "omitidas": [None, len(skipped)],
        },
    )
    session.flush()
    if progress is not None:
        progress(len(todo), len(todo))
    skipped.sort()
    return ImportResult(batch.id, created, merged, skipped, joined)


def search_reindex(session: Session, person: Person) -> None:
    names, docs = search.person_text(
        [person.given_names, person.first_surname, person.second_surname],
        [d.number for d in person.documents],
    )
    search.index_person(session, person.id, names, docs)


# --- undo -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchInfo:
    id: int
    kind: str
    file_name: str
    sheet: str
    created_on: date
    created_count: int
    merged_count: int
    undone: bool


def batches(session: Session) -> list[BatchInfo]:
    return [
        BatchInfo(
            b.id,
            b.kind,
            b.file_name,
            b.sheet,
            b.created_at.date(),
            b.created_count,
            b.merged_count,
            b.undone_at is not None,
        )
        for b in session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()))
    ]


def _touched(session: Session, row: ImportedRow, batch_id: int) -> bool:
    """Whether anything happened to the record since the import."""
    if row.entity == "apoyo":
        support = session.get(Support, row.entity_id)
        return support is None or support.version != row.version
    person = session.get(Person, row.entity_id)
    if person is None or person.version != row.version:
        return True
    if row.action == "completar":
        return False
    own_supports = select(ImportedRow.entity_id).where(
        ImportedRow.batch_id == batch_id, ImportedRow.entity == "apoyo"
    )
    checks = [
        select(func.count())
        .select_from(Support)
        .where(Support.person_id == person.id, Support.id.not_in(own_supports)),
        select(func.count()).select_from(Consent).where(Consent.person_id == person.id),
        select(func.count()).select_from(Attendee).where(Attendee.person_id == person.id),
        select(func.count())
        .select_from(AgreementPerson)
        .where(AgreementPerson.person_id == person.id),
        select(func.count()).select_from(Person).where(Person.household_head_id == person.id),
    ]
    counts = [session.scalar(c) or 0 for c in checks]
    counts[1] -= 1  # the import's own "could not ask"
    return any(counts)


def undo_batch(session: Session, actor: Actor, batch_id: int) -> BatchInfo:
    """Take an import back whole, while none of its records was touched since; audited."""
    require(actor, Action.IMPORT_DATA)
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise NotFoundError(f"No existe el lote de importación núm. {batch_id}.")
    if batch.undone_at is not None:
        raise FronteraError(f"El lote núm. {batch_id} ya se deshizo.")
    rows = list(
        session.scalars(
            select(ImportedRow)
            .where(ImportedRow.batch_id == batch_id)
            .order_by(ImportedRow.id.desc())
        )
    )
    touched = [r.row for r in rows if _touched(session, r, batch_id)]
    if touched:
        shown = ", ".join(str(n) for n in sorted(touched)[:10])
        raise FronteraError(
            f"No se puede deshacer el lote núm. {batch_id}: {len(touched)} de sus registros se "
            f"modificaron o se usaron después de importarlos (filas {shown}…)."
            if len(touched) > 10
            else f"No se puede deshacer el lote núm. {batch_id}: los registros de las filas "
            f"{shown} se modificaron o se usaron después de importarlos."
        )
    for row in rows:
        if row.entity == "apoyo":
            support = session.get(Support, row.entity_id)
            months.ensure_open(
                session, actor.office_code, support.delivered_on if support else None
            )
            session.execute(delete(SupportEvent).where(SupportEvent.support_id == row.entity_id))
            session.execute(delete(Support).where(Support.id == row.entity_id))
            continue
        person = session.get(Person, row.entity_id)
        assert person is not None
        if row.action == "completar":
            filled = json.loads(row.filled or "{}")
            for attr in ("second_surname", "nationality", "phone", "lodging"):
                if attr in filled:
                    setattr(person, attr, None)
            if "birth_date" in filled:
                old, estimated = filled["birth_date"]
                person.birth_date = date.fromisoformat(old) if old else None
                person.birth_date_estimated = estimated
            if filled.get("documents"):
                person.documents = [d for d in person.documents if d.id not in filled["documents"]]
            person.name_key = fold(
                people.full_name(person.given_names, person.first_surname, person.second_surname)
            )
            person.sort_key = fold(
                " ".join(
                    p
                    for p in (person.first_surname, person.second_surname, person.given_names)
                    if p
                )
            )
            session.flush()
            search_reindex(session, person)
            continue
        session.execute(
            text(f"DELETE FROM {search.FTS_TABLE} WHERE rowid = :id"), {"id": person.id}
        )
        for model in (Consent, Case, IdentityDocument, PersonVulnerability):
            session.execute(delete(model).where(model.person_id == person.id))
        session.expunge(person)
        session.execute(delete(Person).where(Person.id == row.entity_id))
    batch.undone_at = utcnow()
    batch.undone_by_id = actor.user_id
    audit.record(
        session,
        actor,
        "deshacer_importacion",
        "lote",
        batch.uuid,
        {"archivo": [batch.file_name, None], "registros": [len(rows), 0]},
    )
    session.execute(
        update(ImportedRow).where(ImportedRow.batch_id == batch_id).values(version=None)
    )
    session.flush()
    return BatchInfo(
        batch.id,
        batch.kind,
        batch.file_name,
        batch.sheet,
        batch.created_at.date(),
        batch.created_count,
        batch.merged_count,
        True,
    )


def provenance(session: Session, person_id: int) -> list[str]:
    """Where a person came from (and what filled them), newest first, for the person's file."""
    return [
        _origin(batch, row.row) + (" (completó datos)" if row.action == "completar" else "")
        for row, batch in session.execute(
            select(ImportedRow, ImportBatch)
            .join(ImportBatch, ImportBatch.id == ImportedRow.batch_id)
            .where(
                ImportedRow.entity == "persona",
                ImportedRow.entity_id == person_id,
                ImportBatch.undone_at.is_(None),
            )
            .order_by(ImportedRow.id.desc())
        )
    ]


# --- past supports ----------------------------------------------------------------------------


@dataclass
class SupportRowResult:
    row: int
    problems: list[str]
    person_id: int | None = None
    person_name: str = ""
    type_id: int | None = None
    type_name: str = ""
    delivered_on: date | None = None
    amount_centavos: int = 0
    description: str = ""
    provider: str = ""
    skip_reason: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems and not self.skip_reason


@dataclass
class SupportsPreview:
    table: Table
    mapping: Mapping
    rows: list[SupportRowResult]

    @property
    def importable(self) -> list[SupportRowResult]:
        return [r for r in self.rows if r.ok]

    @property
    def skipped(self) -> list[SupportRowResult]:
        return [r for r in self.rows if not r.ok]


def _find_person(
    session: Session,
    office: list[Candidate],
    owners_by_key: dict[str, list[int]],
    values: list[object],
    mapping: Mapping,
    today: date,
) -> tuple[int | None, str]:
    """The person a support row names: by document, else by name and birth date through the
    duplicate rules (only a certain match counts)."""
    number = rules.document_number(_value(values, mapping, "document"))
    if number:
        key = fold_document(number)
        owners = owners_by_key.get(key, [])
        if len(owners) == 1:
            return owners[0], ""
        if len(owners) > 1:
            return None, f"el documento {number} es de {len(owners)} personas"
    data, problems = person_from_row(values, mapping, today)
    if data is None or problems:
        return None, "; ".join(problems)
    if not (data.given_names and data.first_surname):
        if number:
            return None, f"nadie registrado tiene el documento {number} (impórtela primero)"
        return None, "falta el nombre o el documento de la persona"
    birth = data.birth_date
    probe = Candidate(
        "R",
        fold(data.given_names),
        fold(data.first_surname),
        fold(data.second_surname),
        birth,
        False,
        frozenset({fold_document(number)} if number else ()),
    )
    pairs = rules.likely_duplicates([probe], office)
    certain = [p for p in pairs if p.score == 100]
    if len(certain) == 1:
        return int(certain[0].a[1:]), ""
    if pairs:
        return None, (
            f"la persona no se identifica con certeza "
            f"({wording.count(len(pairs), wording.Noun('parecida', 'f'))}); "
            "indique su documento"
        )
    return None, "la persona no está registrada (impórtela primero)"


def preview_supports(
    session: Session, actor: Actor, table: Table, mapping: Mapping, today: date | None = None
) -> SupportsPreview:
    require(actor, Action.IMPORT_DATA)
    today = today or date.today()
    for needed in ("delivered_on", "amount", "support_type"):
        if needed not in mapping.columns:
            raise ValidationError(
                "mapping", f"Falta indicar la columna de {rules.PEOPLE_LABELS[needed]}."
            )
    office, docs = _office_candidates(session)
    owners_by_key: dict[str, list[int]] = {}
    for pid, keys in docs.items():
        for key in set(keys):
            owners_by_key.setdefault(key, []).append(pid)
    types = {}
    for t in session.scalars(select(SupportType).where(SupportType.is_active)):
        types[fold(t.name)] = t
        types[fold(t.code)] = t
    done = _imported_rows(session, table.sha256, table.sheet)
    results = []
    for number, values in table.rows:
        if not any(v not in ("", None) for v in values):
            results.append(SupportRowResult(number, [], skip_reason="fila vacía"))
            continue
        result = SupportRowResult(number, list(table.problems.get(number, [])))
        results.append(result)
        if number in done:
            result.skip_reason = f"ya importada (lote núm. {done[number]})"
            continue
        try:
            result.delivered_on = rules.parse_date(
                _value(values, mapping, "delivered_on"), today, "Fecha de entrega"
            )
            if result.delivered_on is None:
                raise ValidationError("date", "Fecha de entrega: es obligatoria.")
            if result.delivered_on > today:
                raise ValidationError("date", "Fecha de entrega: no puede ser futura.")
            months.ensure_open(session, actor.office_code, result.delivered_on)
        except FronteraError as error:
            result.problems.append(error.message)
        try:
            result.amount_centavos = rules.parse_amount(_value(values, mapping, "amount"))
        except ValidationError as error:
            result.problems.append(error.message)
        type_text = _text(values, mapping, "support_type")
        found = types.get(fold(type_text)) or types.get(
            fold(mapping.types.get(fold(type_text), ""))
        )
        if found is None:
            result.problems.append(f"Tipo de apoyo: «{type_text[:40]}» no está en el catálogo.")
        else:
            result.type_id, result.type_name = found.id, found.name
        try:
            result.description = checked(
                _text(values, mapping, "description") or result.type_name,
                "description",
                "Concepto",
                500,
                True,
            )
            result.provider = checked(
                _text(values, mapping, "provider"), "provider", "Proveedor", 200
            )
        except ValidationError as error:
            result.problems.append(error.message)
        person_id, why = _find_person(session, office, owners_by_key, values, mapping, today)
        if person_id is None:
            result.problems.append(f"Persona: {why}.")
        else:
            result.person_id = person_id
            row = people.fetch_rows(session, [person_id]).get(person_id)
            result.person_name = row.full_name if row else ""
    return SupportsPreview(table, mapping, results)


def import_supports(
    session: Session,
    actor: Actor,
    preview: SupportsPreview,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportResult:
    """Save the past supports as delivered before the program («histórico: sin recibo del
    sistema»): no folio, counted in their months' figures; closed months were refused row by
    row in the preview and are checked again here."""
    require(actor, Action.IMPORT_DATA)
    table = preview.table
    batch = _new_batch(session, actor, table, SUPPORTS)
    todo = preview.importable
    cases = dict(
        session.execute(
            select(Case.person_id, Case.id).where(Case.person_id.in_({r.person_id for r in todo}))
        ).all()
    )
    for index, r in enumerate(todo):
        if index % BATCH == 0:
            if cancelled():
                raise ImportCancelled("Importación cancelada: no se guardó nada.")
            if progress is not None:
                progress(index, len(todo))
        months.ensure_open(session, actor.office_code, r.delivered_on)
        assert r.person_id is not None and r.type_id is not None and r.delivered_on is not None
        support = Support(
            office_code=actor.office_code,
            created_by_id=actor.user_id,
            case_id=cases[r.person_id],
            person_id=r.person_id,
            support_type_id=r.type_id,
            description=r.description,
            amount_centavos=r.amount_centavos,
            provider=r.provider or None,
            status=SupportStatus.DELIVERED.value,
            requested_on=r.delivered_on,
            requested_by_id=actor.user_id,
            decided_on=r.delivered_on,
            decided_by_id=actor.user_id,
            delivered_on=r.delivered_on,
            delivered_by_id=actor.user_id,
            status_reason=HISTORICAL,
        )
        session.add(support)
        session.flush()
        session.add(
            SupportEvent(
                support_id=support.id,
                from_status=None,
                to_status=SupportStatus.DELIVERED.value,
                by_user_id=actor.user_id,
                reason=HISTORICAL,
            )
        )
        audit.record(
            session,
            actor,
            "importar",
            "apoyo",
            support.uuid,
            {
                "importe": [None, r.amount_centavos],
                "entregado": [None, r.delivered_on.isoformat()],
                "origen": [None, _origin(batch, r.row)],
                "nota": [None, HISTORICAL],
            },
        )
        session.add(
            ImportedRow(
                batch_id=batch.id,
                row=r.row,
                entity="apoyo",
                entity_id=support.id,
                action="crear",
                version=support.version,
            )
        )
    batch.created_count = len(todo)
    audit.record(
        session,
        actor,
        "importar",
        "lote",
        batch.uuid,
        {
            "archivo": [None, table.file_name],
            "sha256": [None, table.sha256],
            "hoja": [None, table.sheet],
            "apoyos": [None, len(todo)],
        },
    )
    session.flush()
    if progress is not None:
        progress(len(todo), len(todo))
    skipped = [(r.row, r.skip_reason or "; ".join(r.problems)) for r in preview.skipped]
    return ImportResult(batch.id, len(todo), 0, skipped)


# --- mappings ---------------------------------------------------------------------------------


def load_mapping(path: Path, headers: list[str]) -> Mapping:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise FronteraError(f"No se pudo leer la correspondencia «{path.name}».") from None
    return Mapping.from_json(data, headers)


def save_mapping(path: Path, mapping: Mapping, headers: list[str]) -> None:
    path.write_text(
        json.dumps(mapping.as_json(headers), ensure_ascii=False, indent=2), encoding="utf-8"
    )
