"""The lists exported to XLSX (issue 25): as filtered and sorted, numbers as numbers, formulas
never, a privacy legend first, supervisors only, audited."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest
from sqlalchemy import select

from frontera_desk.db.models import AuditEntry
from frontera_desk.domain.enums import DocumentType, Role, Sex, SupportStatus
from frontera_desk.domain.errors import PermissionDenied
from frontera_desk.services import exports, people, supports
from frontera_desk.services.people import DocumentInput, PersonInput
from frontera_desk.services.supports import SupportFilter, SupportInput
from tests.conftest import TODAY


def _people(db, actor):
    ids = []
    with db.write() as session:
        for given, first, born, notes in (
            ("Zoe", "Alvarado", date(1990, 1, 2), "=1+2"),
            ("Ana", "Zepeda", date(1985, 6, 7), ""),
            ("Luis", "Mora", None, ""),
        ):
            ids.append(
                people.create_person(
                    session,
                    actor,
                    PersonInput(
                        given_names=given,
                        first_surname=first,
                        sex=Sex.FEMALE,
                        birth_date=born,
                        estimated_age=None if born else 40,
                        notes=notes,
                        lodging="@albergue" if given == "Zoe" else "",
                        documents=[DocumentInput(DocumentType.PASSPORT, f"+12{len(ids)}")],
                    ),
                    today=TODAY,
                ).id
            )
    return ids


def test_people_list_as_on_screen_with_numbers_as_numbers(db, actors, tmp_path):
    supervisor = actors[Role.SUPERVISOR]
    _people(db, supervisor)
    with db.write() as session:
        done = exports.export_people(
            session, supervisor, tmp_path / "p.xlsx", sort="name", descending=True
        )
    assert done.rows == 3
    book = openpyxl.load_workbook(tmp_path / "p.xlsx")
    assert book.sheetnames == ["Aviso", "Personas"]
    assert "AVISO DE PRIVACIDAD" in [c.value for c in book["Aviso"]["A"]]
    sheet = book["Personas"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == ["Ana Zepeda", "Luis Mora", "Zoe Alvarado"]  # name, desc
    assert all(isinstance(r[0], int) for r in rows)  # the number is a number
    assert isinstance(rows[0][4], int)  # the age is a number
    assert isinstance(rows[0][3], datetime)  # a date cell
    assert rows[2][8] == "'@albergue"  # a cell starting with @ stays text
    assert rows[2][7] == "Pasaporte +120"
    assert sheet["D2"].number_format == "dd/mm/yyyy"
    with db.read() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry.action == "exportar_datos_personales" and "p.xlsx" in entry.changes


def test_supports_list_filtered_amounts_in_pesos(db, actors, tmp_path):
    supervisor = actors[Role.SUPERVISOR]
    ids = _people(db, supervisor)
    with db.write() as session:
        kind = supports.support_types(session)[0]
        for pid, amount in zip(ids, (123450, 5000, 99), strict=True):
            supports.request_support(
                session,
                supervisor,
                SupportInput(
                    person_id=pid,
                    support_type_id=kind.id,
                    description="=HYPERLINK(1)",
                    amount_centavos=amount,
                ),
                today=TODAY,
            )
    with db.write() as session:
        exports.export_supports(
            session,
            supervisor,
            tmp_path / "a.xlsx",
            SupportFilter(status=SupportStatus.REQUESTED),
            "amount",
            True,
        )
    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx")["Apoyos"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[5] for r in rows] == [1234.5, 50, 0.99]  # numbers, in list order
    assert all(isinstance(r[5], (int, float)) for r in rows)
    assert sheet["F2"].number_format == '"$"#,##0.00'
    assert rows[0][4] == "'=HYPERLINK(1)"  # never a formula
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_only_supervisors_export(db, actors, tmp_path):
    for role in (Role.CAPTURISTA, Role.ADMINISTRADOR):
        with db.write() as session, pytest.raises(PermissionDenied):
            exports.export_people(session, actors[role], tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
