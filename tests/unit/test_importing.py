"""Spreadsheet import (issue #25): messy files built here, every normalized value checked,
duplicates planted and found, bad files refused by name, a batch undone to the office as it was."""

from __future__ import annotations

import csv
import json
import zipfile
from datetime import date, datetime

import openpyxl
import pytest
from sqlalchemy import func, select, text

from frontera_desk.db.models import (
    AuditEntry,
    Case,
    Consent,
    IdentityDocument,
    Person,
    Support,
)
from frontera_desk.domain import importing as rules
from frontera_desk.domain.enums import DocumentType, Role, Sex
from frontera_desk.domain.errors import FronteraError, PermissionDenied
from frontera_desk.services import importing, people, supports
from frontera_desk.services.people import DocumentInput, PersonInput
from tests.conftest import TODAY

HEADERS = [
    "No.",
    "Nombre(s)",
    "Apellido paterno",
    "Apellido materno",
    "Fecha de nacimiento",
    "Edad",
    "Sexo",
    "Nacionalidad",
    "No. de pasaporte",
    "CURP",
    "Teléfono",
    "Albergue",
]
MESSY = [  # each form the issue lists, and what it must become
    [
        1,
        "JOSÉ LUIS",
        "HERNÁNDEZ",
        "NÚÑEZ",
        "05/03/1990",
        None,
        "H",
        "HONDURAS",
        "F 123 456",
        None,
        "+502 5555-1234",
        "Albergue Belén",
    ],
    [2, "maría", "lópez", "", "5-mar-90", None, "Mujer", "hondureña", None, None, "", ""],
    [3, "Ana", "Pérez", "Gómez", 33000, None, "M", "HN", None, None, None, None],
    [4, "Carlos", "Ramírez", None, None, 30, "masculino", "Guatemala", None, None, None, None],
    [
        5,
        "Rosa",
        "Díaz",
        None,
        datetime(1985, 12, 1),
        None,
        "F",
        "Salvadoran",
        None,
        "DIRR851201MNEZSS09",
        None,
        None,
    ],
    [6, "Pedro", "Cruz", None, "1988-07-20", None, "hombre", "SLV", None, None, None, None],
    [7, "Lucía", "Mejía", None, "31/02/1990", None, "M", "HN", None, None, None, None],
    [8, "Juan", "Soto", None, "no sabe", None, "H", "HN", None, None, None, None],
    [9, '=HYPERLINK("x")', "Soto", None, "01/01/1990", None, "H", "HN", None, None, None, None],
    [10, "Elena", "Vega", None, "02/02/1992", None, "M", "Narnia", None, None, None, None],
    [11, "Mario", "Ruiz", None, "03/03/1993", None, "H", "cubano", None, None, None, "x" * 5000],
]


def write_xlsx(path, rows, headers=HEADERS, title=None, sheet="Beneficiarios"):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    if title:
        ws.append([title])
        ws.append([])
    ws.append(headers)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def read(path, sheet=None):
    return importing.read_table(path, sheet)


def preview(db, actor, path, sheet=None, mapping=None):
    table = read(path, sheet)
    mapping = mapping or rules.guess_mapping(
        table.headers, rules.PEOPLE_FIELDS, [v for _, v in table.rows[:50]]
    )
    with db.read() as session:
        return importing.preview_people(session, actor, table, mapping, today=TODAY)


def run(db, actor, result):
    with db.write() as session:
        return importing.import_people(session, actor, result, today=TODAY)


def counts(db):
    with db.read() as session:
        return {
            model.__name__: session.scalar(select(func.count()).select_from(model))
            for model in (Person, IdentityDocument, Case, Consent, Support)
        } | {"fts": session.scalar(text("SELECT count(*) FROM person_fts"))}


def test_messy_people_are_normalized_as_the_form_would(db, actors, tmp_path):
    path = write_xlsx(tmp_path / "beneficiarios 2023.xlsx", MESSY, title="Lista 2023")
    result = preview(db, actors[Role.SUPERVISOR], path)
    by_row = {r.row: r for r in result.rows}
    # The title and a blank line come first: the header is row 3, data from row 4
    assert result.table.headers[1] == "Nombre(s)"
    jose = by_row[4].person
    assert (jose.given_names, jose.first_surname, jose.second_surname) == (
        "JOSÉ LUIS",
        "HERNÁNDEZ",
        "NÚÑEZ",
    )
    assert jose.birth_date == date(1990, 3, 5) and jose.sex == Sex.MALE
    assert jose.nationality == "HN" and jose.phone == "+502 5555-1234"
    assert jose.lodging == "Albergue Belén"
    assert [(d.doc_type, d.number) for d in jose.documents] == [
        (DocumentType.PASSPORT, "F 123 456")
    ]
    maria = by_row[5].person
    assert maria.birth_date == date(1990, 3, 5) and maria.sex == Sex.FEMALE  # H/M column: M mujer
    assert maria.nationality == "HN" and maria.second_surname == ""
    assert by_row[6].person.birth_date == date(1990, 5, 7)  # Excel serial 33000
    assert by_row[6].person.sex == Sex.FEMALE
    carlos = by_row[7].person
    assert carlos.birth_date is None and carlos.estimated_age == 30
    assert carlos.nationality == "GT" and carlos.sex == Sex.MALE
    rosa = by_row[8].person
    assert rosa.birth_date == date(1985, 12, 1) and rosa.nationality == "SV"
    assert [(d.doc_type, d.number) for d in rosa.documents] == [
        (DocumentType.CURP, "DIRR851201MNEZSS09")
    ]
    assert by_row[9].person.birth_date == date(1988, 7, 20)
    assert by_row[9].person.nationality == "SV"  # alpha-3 code
    assert all(by_row[n].ok for n in range(4, 10))
    # Each problem named by its row
    assert not by_row[10].ok and "31/02/1990" in by_row[10].problems[0]
    assert not by_row[11].ok and "no sabe" in by_row[11].problems[0]
    assert not by_row[12].ok and "columna B: fórmula" in by_row[12].problems[0]  # never run
    assert not by_row[13].ok and "Narnia" in by_row[13].problems[0]
    assert not by_row[14].ok and "5,000 caracteres" in by_row[14].problems[0]
    assert [r.row for r in result.skipped] == [10, 11, 12, 13, 14]


def test_import_records_provenance_consent_and_audit(db, actors, tmp_path):
    path = write_xlsx(tmp_path / "lista.xlsx", MESSY[:3])
    supervisor = actors[Role.SUPERVISOR]
    done = run(db, supervisor, preview(db, supervisor, path))
    assert (done.created, done.merged, done.skipped) == (3, 0, [])
    with db.read() as session:
        jose = people.search_people(session, "hernandez nunez")[0]
        record = people.get_person(session, jose.id)
        assert record.consent.given is None  # «no se pudo preguntar»
        where = importing.provenance(session, jose.id)
        assert where and "lista.xlsx" in where[0] and "fila 2" in where[0]
        assert "Beneficiarios" in where[0]
        entry = session.scalars(
            select(AuditEntry).where(
                AuditEntry.entity_uuid == record.uuid, AuditEntry.action == "crear"
            )
        ).one()
        assert "lista.xlsx" in entry.changes and "fila 2" in entry.changes
        # the search finds the passport typed with spaces by its compact form
        assert people.search_people(session, "F123456")[0].id == jose.id


def test_a_file_imported_twice_imports_nothing_new(db, actors, tmp_path):
    path = write_xlsx(tmp_path / "lista.xlsx", MESSY[:3])
    supervisor = actors[Role.SUPERVISOR]
    run(db, supervisor, preview(db, supervisor, path))
    before = counts(db)
    again = preview(db, supervisor, path)
    assert not again.importable and not again.pairs
    assert {r.skip_reason.split(" (")[0] for r in again.rows} == {"ya importada"}
    run(db, supervisor, again)
    assert counts(db) == before


PLANTED = [  # (row data, which planted person it duplicates or None)
    ["José", "Hernández", "Núñez", "04/05/1990", "H", "HN", "F123456"],
    ["Maria", "Lopez", "Perez", "10/10/1985", "M", "GT", ""],
    ["Ana", "Gómez", "Ruiz", "01/01/2000", "M", "SV", ""],
    ["Luis", "Martínez", "Soto", "02/02/1995", "H", "HN", "CUBA-77"],
    # distinct people who look alike: same surnames (siblings), same birthday, same given name
    ["Mario", "Lopez", "Perez", "11/11/1987", "H", "GT", ""],
    ["Ana", "Gómez", "Ruiz", "01/01/2003", "M", "SV", ""],
    ["Ana", "Torres", "Vidal", "01/01/2000", "M", "SV", ""],
    ["Juan", "Pérez", "", "05/05/1980", "H", "HN", "G1"],
    ["Juan", "Pérez", "", "05/05/1981", "H", "HN", "G2"],
    # planted duplicates
    ["JOSE", "HERNANDEZ", "NUNEZ", "04/05/1990", "H", "HN", ""],  # accents and capitals
    ["María", "Pérez", "López", "10/10/1985", "M", "GT", ""],  # surnames swapped
    ["Ana", "Gomez", "Ruis", "01/01/2000", "M", "SV", ""],  # a typo
    ["Luis Alberto", "Martines", "Soto", "03/03/1996", "H", "HN", "cuba 77"],  # document, spaces
]
PLANTED_HEADERS = [
    "Nombre(s)",
    "Apellido paterno",
    "Apellido materno",
    "Fecha de nacimiento",
    "Sexo",
    "Nacionalidad",
    "Documento",
]


def test_duplicate_review_finds_the_planted_pairs_and_no_other(db, actors, tmp_path):
    path = write_xlsx(tmp_path / "planted.xlsx", PLANTED, PLANTED_HEADERS)
    result = preview(db, actors[Role.SUPERVISOR], path)
    assert all(r.ok for r in result.rows)
    found = {(p.a, p.b) for p in result.pairs}
    # rows are numbered as the sheet shows them: the header is row 1
    assert found == {("R2", "R11"), ("R3", "R12"), ("R4", "R13"), ("R5", "R14")}
    reasons = {p.b: p.reason for p in result.pairs}
    assert reasons["R14"] == "mismo documento"
    assert reasons["R12"].startswith("apellidos invertidos")


def test_duplicates_against_the_office_and_choices_kept(db, actors, tmp_path):
    supervisor = actors[Role.SUPERVISOR]
    with db.write() as session:
        existing = people.create_person(
            session,
            supervisor,
            PersonInput(
                given_names="José",
                first_surname="Hernández",
                second_surname="",
                sex=Sex.MALE,
                birth_date=date(1990, 5, 4),
            ),
            today=TODAY,
        )
    path = write_xlsx(tmp_path / "planted.xlsx", PLANTED, PLANTED_HEADERS)
    result = preview(db, supervisor, path)
    office_pairs = {(p.a, p.b) for p in result.pairs if p.a.startswith("P")}
    assert office_pairs == {(f"P{existing.id}", "R2"), (f"P{existing.id}", "R11")}
    assert f"P{existing.id}" in result.office_names
    choices = {(p.a, p.b): importing.DIFFERENT for p in result.pairs}
    choices[(f"P{existing.id}", "R2")] = importing.SAME  # fill what is missing
    choices[(f"P{existing.id}", "R11")] = importing.SKIP
    choices[("R2", "R11")] = importing.SKIP
    with db.write() as session:
        importing.record_decisions(session, supervisor, result.table, choices)
    second = preview(db, supervisor, path)
    assert second.pairs == []  # a second run proposes nothing new
    done = run(db, supervisor, second)
    assert done.merged == 1 and done.created == len(PLANTED) - 2
    assert (11, "omitida en la revisión de duplicados") in done.skipped
    with db.read() as session:
        jose = people.get_person(session, existing.id)
        assert jose.second_surname == "Núñez" and jose.nationality == "HN"  # filled
        assert jose.given_names == "José"  # kept
        assert [d.number for d in jose.documents] == ["F123456"]


def test_undecided_duplicates_are_skipped_and_listed(db, actors, tmp_path):
    path = write_xlsx(tmp_path / "planted.xlsx", PLANTED, PLANTED_HEADERS)
    supervisor = actors[Role.SUPERVISOR]
    done = run(db, supervisor, preview(db, supervisor, path))
    assert done.created == len(PLANTED) - 4
    assert [row for row, why in done.skipped] == [11, 12, 13, 14]
    assert "posible duplicado sin revisar (R2)" in done.skipped[0][1]


def test_an_undone_batch_leaves_the_office_as_before(db, actors, tmp_path):
    supervisor = actors[Role.SUPERVISOR]
    with db.write() as session:
        existing = people.create_person(
            session,
            supervisor,
            PersonInput(
                given_names="José",
                first_surname="Hernández",
                second_surname="",
                sex=Sex.MALE,
                birth_date=date(1990, 5, 4),
            ),
            today=TODAY,
        )
    before = counts(db)
    with db.read() as session:
        jose_before = people.get_person(session, existing.id)
    path = write_xlsx(tmp_path / "planted.xlsx", PLANTED, PLANTED_HEADERS)
    result = preview(db, supervisor, path)
    choices = {(p.a, p.b): importing.DIFFERENT for p in result.pairs}
    choices[(f"P{existing.id}", "R2")] = importing.SAME
    choices[(f"P{existing.id}", "R11")] = importing.SAME
    with db.write() as session:
        importing.record_decisions(session, supervisor, result.table, choices)
    done = run(db, supervisor, preview(db, supervisor, path))
    assert counts(db) != before
    with db.write() as session:
        importing.undo_batch(session, supervisor, done.batch_id)
    assert counts(db) == before
    with db.read() as session:
        after = people.get_person(session, existing.id)
        assert after.second_surname == jose_before.second_surname == ""
        assert after.nationality is None and after.documents == ()
        assert importing.provenance(session, existing.id) == []
        assert (
            session.scalar(select(AuditEntry.action).order_by(AuditEntry.id.desc()).limit(1))
            == "deshacer_importacion"
        )
    # undone: the same file can be imported again
    assert preview(db, supervisor, path).importable


def test_a_touched_batch_cannot_be_undone(db, actors, tmp_path):
    supervisor = actors[Role.SUPERVISOR]
    path = write_xlsx(tmp_path / "lista.xlsx", MESSY[:3])
    done = run(db, supervisor, preview(db, supervisor, path))
    with db.write() as session:
        pid = people.search_people(session, "lopez")[0].id
        data = people.get_person(session, pid).as_input()
        data.phone = "5551234"
        people.update_person(session, supervisor, pid, data, today=TODAY)
    with db.write() as session, pytest.raises(FronteraError, match="fila"):
        importing.undo_batch(session, supervisor, done.batch_id)


def test_a_caseworker_cannot_import(db, actors, tmp_path):
    path = write_xlsx(tmp_path / "lista.xlsx", MESSY[:1])
    with pytest.raises(PermissionDenied):
        preview(db, actors[Role.CAPTURISTA], path)


def test_cancel_saves_nothing(db, actors, tmp_path):
    supervisor = actors[Role.SUPERVISOR]
    rows = [
        [
            "Persona",
            f"Apellido{chr(65 + i % 26)}{chr(65 + i // 26)}",
            "",
            "01/01/1990",
            "H",
            "HN",
            f"D{i}",
        ]
        for i in range(600)
    ]
    path = write_xlsx(tmp_path / "grande.xlsx", rows, PLANTED_HEADERS)
    result = preview(db, supervisor, path)
    before = counts(db)
    seen = []
    with pytest.raises(importing.ImportCancelled), db.write() as session:
        importing.import_people(
            session,
            supervisor,
            result,
            today=TODAY,
            progress=lambda d, t: seen.append(d),
            cancelled=lambda: len(seen) >= 2,
        )
    assert seen[:2] == [0, importing.BATCH]
    assert counts(db) == before


# --- bad files ----------------------------------------------------------------------------------


def test_bad_files_are_refused_with_their_reason(tmp_path):
    empty = tmp_path / "vacio.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(FronteraError, match="está vacío"):
        read(empty)
    pdf = tmp_path / "lista.xlsx"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n")
    with pytest.raises(FronteraError, match="es un PDF"):
        read(pdf)
    # An encrypted OOXML workbook is an OLE2 container with an EncryptionInfo stream
    locked = tmp_path / "protegido.xlsx"
    locked.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 504
        + "EncryptionInfo".encode("utf-16-le")
        + b"\0" * 512
    )
    with pytest.raises(FronteraError, match="contraseña"):
        read(locked)
    blank = write_xlsx(tmp_path / "blank.xlsx", [], headers=[])
    with pytest.raises(FronteraError, match="está vacía"):
        read(blank)
    no_header = write_xlsx(
        tmp_path / "sin.xlsx", [["José", "Pérez", "01/01/1990"]] * 3, headers=["x", "y", "z"]
    )
    with pytest.raises(FronteraError, match="encabezados"):
        read(no_header)
    with pytest.raises(FronteraError, match="no tiene la hoja «Otra»"):
        read(write_xlsx(tmp_path / "ok.xlsx", MESSY[:1]), "Otra")


def test_a_sheet_of_a_million_rows_is_refused_unread(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(PLANTED_HEADERS)
    ws.append(PLANTED[0])
    ws.cell(row=1_048_576, column=1, value="fin")
    book.save(tmp_path / "enorme.xlsx")
    with pytest.raises(FronteraError, match="1,048,576 filas"):
        read(tmp_path / "enorme.xlsx")


def test_merged_header_and_formulas(db, actors, tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Nombre(s)", "Apellidos", None, "Sexo", "Fecha de nacimiento"])
    ws.merge_cells("B1:C1")
    ws.append(["Rosa", "de la Cruz", "López", "M", "01/02/1990"])
    ws.append(["Eva", "Ríos", "Mora", "M", "=DATE(1990,1,1)"])
    book.save(tmp_path / "combinado.xlsx")
    table = read(tmp_path / "combinado.xlsx")
    assert table.headers[:3] == ["Nombre(s)", "Apellidos", "Apellidos"]
    mapping = rules.guess_mapping(table.headers, rules.PEOPLE_FIELDS, [])
    assert mapping.columns["first_surname"] == 1 and mapping.columns["second_surname"] == 2
    with db.read() as session:
        result = importing.preview_people(
            session, actors[Role.SUPERVISOR], table, mapping, today=TODAY
        )
    rosa, eva = result.rows
    assert (rosa.person.first_surname, rosa.person.second_surname) == ("de la Cruz", "López")
    assert rosa.ok
    assert not eva.ok and eva.problems[0].startswith("columna E: fórmula sin valor calculado")
    # The same workbook once a spreadsheet computed the formula: its value is read
    saved = tmp_path / "calculado.xlsx"
    with zipfile.ZipFile(tmp_path / "combinado.xlsx") as old, zipfile.ZipFile(saved, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                empty = b"<v />" if b"<v />" in data else b"<v></v>"  # as openpyxl writes it
                assert empty in data  # (<v></v> when lxml is installed)
                data = data.replace(empty, b"<v>32874</v>")  # 1990-01-01
            new.writestr(item, data)
    with db.read() as session:
        computed = importing.preview_people(
            session, actors[Role.SUPERVISOR], read(saved), mapping, today=TODAY
        )
    eva = computed.rows[1]
    assert eva.ok and eva.person.birth_date == date(1990, 1, 1)


def test_csv_encodings_and_separators(db, actors, tmp_path):
    rows = [PLANTED_HEADERS, ["José", "Núñez", "", "04/05/1990", "H", "Honduras", "A1"]]
    for name, encoding, delimiter in (
        ("utf8.csv", "utf-8-sig", ","),
        ("win.csv", "cp1252", ";"),
        ("unicode.csv", "utf-16", ";"),
    ):
        path = tmp_path / name
        with path.open("w", encoding=encoding, newline="") as handle:
            csv.writer(handle, delimiter=delimiter).writerows(rows)
        result = preview(db, actors[Role.SUPERVISOR], path)
        person = result.rows[0].person
        assert (person.given_names, person.first_surname) == ("José", "Núñez"), name
        assert result.rows[0].ok
    other = tmp_path / "utf16-sin-marca.csv"
    other.write_bytes("Nombre(s),Apellido paterno\nJosé,Núñez\n".encode("utf-16-le"))
    with pytest.raises(FronteraError, match="no está en UTF-8 ni en Windows-1252"):
        read(other)


def test_ods_is_read(db, actors, tmp_path):
    """An ODS written by hand (a minimal zip: mimetype and content.xml; no odfpy needed)."""
    cells = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>'
            for v in row
        )
        + "</table:table-row>"
        for row in [PLANTED_HEADERS[:5], ["Rosa", "Díaz", "", "01/12/1985", "Mujer"]]
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Hoja1">{cells}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    path = tmp_path / "lista.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "mimetype",
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("content.xml", content)
        archive.writestr(
            "META-INF/manifest.xml",
            (
                '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
                'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>"
            ),
        )
    result = preview(db, actors[Role.SUPERVISOR], path)
    person = result.rows[0].person
    assert (person.given_names, person.birth_date, person.sex) == (
        "Rosa",
        date(1985, 12, 1),
        Sex.FEMALE,
    )


def test_an_old_excel_xls_is_read(db, actors, tmp_path):
    """An Excel 97-2003 workbook (.xls, written with xlwt), dates typed as text and as a date
    cell, as offices kept their lists years ago."""
    import datetime as dt

    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Beneficiarios 2019")
    dated = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for column, header in enumerate(PLANTED_HEADERS[:5]):
        sheet.write(0, column, header)
    for column, value in enumerate(["Rosa", "Díaz", ""]):
        sheet.write(1, column, value)
    sheet.write(1, 3, dt.datetime(1985, 12, 1), dated)
    sheet.write(1, 4, "M")
    for column, value in enumerate(["Juan", "Pérez", "Gómez", "5-mar-90", "H"]):
        sheet.write(2, column, value)
    path = tmp_path / "lista.xls"
    book.save(str(path))
    result = preview(db, actors[Role.SUPERVISOR], path)
    people_read = [(r.person.given_names, r.person.birth_date) for r in result.rows]
    assert people_read == [("Rosa", date(1985, 12, 1)), ("Juan", date(1990, 3, 5))]


def test_saved_mapping_is_reused_by_header_text(tmp_path):
    table = read(write_xlsx(tmp_path / "a.xlsx", MESSY[:1]))
    mapping = rules.guess_mapping(table.headers, rules.PEOPLE_FIELDS, [])
    mapping.split = rules.SPLIT_SURNAMES_FIRST
    importing.save_mapping(tmp_path / "m.json", mapping, table.headers)
    saved = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert saved["columnas"]["birth_date"] == "Fecha de nacimiento"
    reordered = ["Sexo", *[h for h in table.headers if h != "Sexo"]]
    again = importing.load_mapping(tmp_path / "m.json", reordered)
    assert again.columns["sex"] == 0 and again.split == rules.SPLIT_SURNAMES_FIRST
    with pytest.raises(FronteraError, match="que este archivo no tiene"):
        importing.load_mapping(tmp_path / "m.json", ["Nombre(s)"])


@pytest.mark.parametrize(
    ("value", "centavos"),
    [
        ("$1,234.50", 123450),
        (1234.5, 123450),
        ("1 234,50", 123450),
        ("1.234,50", 123450),
        ("1234", 123400),
        (" $ 80 ", 8000),
    ],
)
def test_amounts_in_any_spreadsheet_form(value, centavos):
    assert rules.parse_amount(value) == centavos


def test_names_split_by_the_rule_shown():
    assert rules.split_full_name("José Luis Hernández Núñez", rules.SPLIT_GIVEN_FIRST) == (
        "José Luis",
        "Hernández",
        "Núñez",
    )
    assert rules.split_full_name("Hernández Núñez José Luis", rules.SPLIT_SURNAMES_FIRST) == (
        "José Luis",
        "Hernández",
        "Núñez",
    )
    assert rules.split_full_name("María de la Cruz López", rules.SPLIT_GIVEN_FIRST) == (
        "María",
        "de la Cruz",
        "López",
    )


# --- past supports ------------------------------------------------------------------------------


def _person(db, actor, given, first, born, doc=None):
    with db.write() as session:
        return people.create_person(
            session,
            actor,
            PersonInput(
                given_names=given,
                first_surname=first,
                sex=Sex.FEMALE,
                birth_date=born,
                documents=[DocumentInput(DocumentType.PASSPORT, doc)] if doc else [],
            ),
            today=TODAY,
        ).id


def test_past_supports_are_historical_without_folio(db, actors, tmp_path):
    from frontera_desk.services import months, summary

    supervisor = actors[Role.SUPERVISOR]
    rosa = _person(db, supervisor, "Rosa", "Díaz", date(1985, 12, 1), "P 555")
    eva = _person(db, supervisor, "Eva", "Ríos", date(1990, 1, 1))
    with db.read() as session:
        despensa = supports.support_types(session)[0]
    with db.write() as session:
        months.close_month(session, supervisor, 2026, 1)
    rows = [
        [
            "15/02/2026",
            "p555",
            "",
            "",
            "",
            despensa.name,
            "Despensa familiar",
            "$1,234.50",
            "Súper",
        ],
        ["2026-02-20", "", "eva", "rios", "01/01/1990", despensa.code, "", "1 234,50", ""],
        ["10/01/2026", "P555", "", "", "", despensa.name, "", 100, ""],  # a closed month
        ["16/02/2026", "", "Nadie", "Nunca", "01/01/1990", despensa.name, "", 100, ""],
        ["17/02/2026", "P555", "", "", "", "Tipo que no existe", "", "cien", ""],
    ]
    headers = [
        "Fecha de entrega",
        "Documento",
        "Nombre(s)",
        "Apellido paterno",
        "Fecha de nacimiento",
        "Tipo de apoyo",
        "Concepto",
        "Importe",
        "Proveedor",
    ]
    path = write_xlsx(tmp_path / "apoyos.xlsx", rows, headers)
    table = importing.read_table(path, None, rules.SUPPORT_FIELDS)
    mapping = rules.guess_mapping(table.headers, rules.SUPPORT_FIELDS, [])
    with db.read() as session:
        result = importing.preview_supports(session, supervisor, table, mapping, today=TODAY)
    first, second, closed, nobody, bad = result.rows
    assert (first.person_id, first.amount_centavos, first.delivered_on) == (
        rosa,
        123450,
        date(2026, 2, 15),
    )
    assert first.description == "Despensa familiar" and first.provider == "Súper"
    assert (second.person_id, second.amount_centavos) == (eva, 123450)
    assert second.description == despensa.name
    assert not closed.ok and "está cerrado" in closed.problems[0]
    assert not nobody.ok and "no está registrada" in nobody.problems[-1]
    assert not bad.ok and len(bad.problems) == 3  # amount, type, and so no concept
    with db.write() as session:
        done = importing.import_supports(session, supervisor, result)
    assert done.created == 2 and [row for row, _ in done.skipped] == [4, 5, 6]
    with db.read() as session:
        saved = session.scalars(select(Support).order_by(Support.id)).all()
        assert [s.status_reason for s in saved] == [importing.HISTORICAL] * 2
        assert all(supports.get_support(session, s.id).folio == "" for s in saved)
        figures = summary.monthly_summary(session, supervisor.office_code, 2026, 2)
    # counted in their month's summary, with no receipt issued
    assert (figures.supports, figures.amount_centavos, figures.people) == (2, 246900, 2)
    assert figures.receipts_issued == 0
    # the batch undone: the month's figures as before; refused once the month is closed
    with db.write() as session:
        importing.undo_batch(session, supervisor, done.batch_id)
    with db.read() as session:
        assert summary.monthly_summary(session, supervisor.office_code, 2026, 2).supports == 0
        assert session.scalar(select(func.count()).select_from(Support)) == 0
    with db.write() as session:
        done = importing.import_supports(session, supervisor, result)
    with db.write() as session:
        months.close_month(session, supervisor, 2026, 2)
    with db.write() as session, pytest.raises(FronteraError, match="está cerrado"):
        importing.undo_batch(session, supervisor, done.batch_id)


def test_support_types_by_the_mappings_words(db, actors, tmp_path):
    supervisor = actors[Role.SUPERVISOR]
    _person(db, supervisor, "Rosa", "Díaz", date(1985, 12, 1), "P555")
    with db.read() as session:
        despensa = supports.support_types(session)[0]
    headers = ["Fecha", "Documento", "Tipo", "Importe"]
    path = write_xlsx(tmp_path / "a.xlsx", [["01/03/2026", "P555", "Víveres", 50]], headers)
    table = importing.read_table(path, None, rules.SUPPORT_FIELDS)
    mapping = rules.guess_mapping(table.headers, rules.SUPPORT_FIELDS, [])
    with db.read() as session:
        refused = importing.preview_supports(session, supervisor, table, mapping, today=TODAY)
    assert "«Víveres» no está en el catálogo" in refused.rows[0].problems[0]
    importing.save_mapping(tmp_path / "m.json", mapping, table.headers)
    saved = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    saved["tipos"] = {"VIVERES": despensa.code}
    (tmp_path / "m.json").write_text(json.dumps(saved), encoding="utf-8")
    mapping = importing.load_mapping(tmp_path / "m.json", table.headers)
    with db.read() as session:
        result = importing.preview_supports(session, supervisor, table, mapping, today=TODAY)
    assert result.rows[0].ok and result.rows[0].type_id == despensa.id


def test_export_cells_starting_with_formula_signs_stay_text():
    from frontera_desk.domain.text import spreadsheet_safe

    assert [spreadsheet_safe(v) for v in ("=1+2", "+52", "-x", "@a", "ok")] == [
        "'=1+2",
        "'+52",
        "'-x",
        "'@a",
        "ok",
    ]


def test_nationalities_in_every_form():
    for value in ("Honduras", "HONDURAS", "hondureña", "Hondureños", "HN", "HND", "Honduran"):
        assert rules.parse_nationality(value) == "HN", value
    assert rules.parse_nationality("El Salvador") == "SV"
    assert rules.parse_nationality("salvadoreña") == "SV"
    assert rules.parse_nationality("Estados Unidos") == "US"
    assert rules.parse_nationality("United States") == "US"
    assert rules.parse_nationality("haitiana") == "HT"
    assert rules.parse_nationality("Cameroon") == "CM"


def test_dates_in_every_form():
    today = date(2026, 3, 15)
    for value in (
        "05/03/1990",
        "5-mar-90",
        "5 de marzo de 1990",
        "1990-03-05",
        32937,
        datetime(1990, 3, 5),
        "05.03.1990",
        "5/Mar/1990",
    ):
        assert rules.parse_date(value, today) == date(1990, 3, 5), value
    assert rules.parse_date("1-ene-05", today) == date(2005, 1, 1)
    for bad in ("31/02/1990", "no sabe", "13/13/2000"):
        with pytest.raises(FronteraError):
            rules.parse_date(bad, today)


def test_a_csv_too_long_is_refused_while_streamed(tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "MAX_ROWS", 50)
    path = tmp_path / "largo.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(PLANTED_HEADERS)
        writer.writerows([PLANTED[0]] * 51)
    with pytest.raises(FronteraError, match="más de 50 filas"):
        read(path)


def test_csv_cells_starting_with_formula_signs(db, actors, tmp_path):
    """Read as text, never run: a name that is a formula is refused by the form's rule, a
    phone with + and notes starting with - or @ are kept as typed."""
    path = tmp_path / "signos.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Nombre(s)", "Apellido paterno", "Sexo", "Teléfono", "Observaciones"])
        writer.writerow(["=cmd|' /C calc'!A0", "Soto", "H", "", ""])
        writer.writerow(["@SUM(1)", "Soto", "H", "", ""])
        writer.writerow(["Ana", "Soto", "M", "+52 962 123 4567", "-llegó herida; @albergue"])
    rows = preview(db, actors[Role.SUPERVISOR], path).rows
    assert not rows[0].ok and rows[0].problems[0].startswith("Nombre(s): solo puede llevar")
    assert not rows[1].ok and rows[1].problems[0].startswith("Nombre(s): solo puede llevar")
    assert rows[2].ok and rows[2].person.phone == "+52 962 123 4567"
    assert rows[2].person.notes == "-llegó herida; @albergue"


def test_an_imported_persons_own_data_export_says_consent_was_not_asked(db, actors, tmp_path):
    from pypdf import PdfReader

    from frontera_desk.reports.person_export import write_person_pdf
    from frontera_desk.services import privacy

    supervisor = actors[Role.SUPERVISOR]
    run(db, supervisor, preview(db, supervisor, write_xlsx(tmp_path / "l.xlsx", MESSY[:1])))
    with db.write() as session:
        pid = people.search_people(session, "hernandez")[0].id
        data = privacy.export_person(session, supervisor, pid)
    assert data["consentimiento"]["otorgado"] is None
    write_person_pdf(data, tmp_path / "datos.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "datos.pdf").pages)
    assert "no se pudo preguntar" in " ".join(text.split())


def test_a_workbook_that_unpacks_too_big_is_refused_unread(tmp_path, monkeypatch):
    path = write_xlsx(tmp_path / "lista.xlsx", MESSY[:1])
    monkeypatch.setattr(importing, "MAX_UNZIPPED", 1000)
    with pytest.raises(FronteraError, match="se descomprime en"):
        read(path)
