"""The documents the office hands out or files, read back as their readers would: attendance
sheets (every page whole), a person's own data (everything held, PDF and JSON), the budget
table (a total, every type spent, overspending marked)."""

from __future__ import annotations

import re
from datetime import date

from pypdf import PdfReader

from frontera_desk.domain.enums import ActivityKind, Role, Sex
from frontera_desk.services import activities
from frontera_desk.services.activities import ActivityInput, AttendeeInput


def _pages(path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def _big_workshop(db, actors, **more):
    long_title = "Taller sobre la protección internacional y el derecho a solicitar asilo"
    with db.write() as session:
        return activities.save_activity(session, actors[Role.CAPTURISTA], ActivityInput(
            ActivityKind.WORKSHOP, long_title, date(2026, 5, 4), hours=4,
            municipality="Tapachula", venue="Auditorio municipal",
            facilitator="Lic. Marta Gómez", **more,
        ))  # fmt: skip


def test_a_300_person_attendance_sheet_is_whole_on_every_page(db, actors, tmp_path):
    from frontera_desk.reports.activity_sheets import write_attendance_sheet

    attendees = [
        AttendeeInput(f"Asistente Número {n}", Sex.FEMALE if n % 3 else Sex.MALE, "18-29",
                      "Sociedad civil")
        for n in range(1, 301)
    ]  # fmt: skip
    attendees[4].name = "Nombre larguísimo " * 11  # about 200 characters: it wraps, not spills
    record = _big_workshop(db, actors, attendees=attendees)
    pages = _pages(write_attendance_sheet(record, "Oficina Tapachula", tmp_path / "l.pdf", True))
    assert len(pages) > 5
    for number, text in enumerate(pages, 1):
        assert "LISTA DE ASISTENCIA" in text
        assert "protección internacional y el derecho a solicitar asilo" in text
        assert "4 de mayo de 2026" in text and "Auditorio municipal, Tapachula" in text
        assert "Aviso de privacidad" in text and "ARCO" in text
        assert "Firma de la persona responsable" in text and "Lic. Marta Gómez" in text
        assert f"Página {number} de {len(pages)}" in text
    everything = " ".join(pages)
    assert all(f"Asistente Número {n} " in everything + " " for n in (1, 150, 300))
    assert "Nombre larguísimo Nombre larguísimo" in everything
    totals = pages[-1]
    assert "Asistentes por sexo" in totals
    assert "Mujer: 200" in totals and "Hombre: 100" in totals and "Total: 300" in totals


def test_a_blank_sheet_numbers_enough_lines_for_the_expected_audience(db, actors, tmp_path):
    from frontera_desk.reports.activity_sheets import write_attendance_sheet

    counts = {("F", "18-29"): 40, ("M", "30-59"): 32}  # 72 expected
    record = _big_workshop(db, actors, counts=counts)
    pages = _pages(write_attendance_sheet(record, "Oficina Tapachula", tmp_path / "b.pdf", False))
    assert len(pages) > 1
    line = re.compile(r"(?<![\d/])(\d{1,3})(?= )")  # a line's number, not a date's
    numbers = [int(n) for text in pages for n in line.findall(text.split("Firma", 1)[1])]
    lines = set(range(1, 73))
    assert lines <= set(numbers) and 73 not in numbers
    assert all(f"Página {n} de {len(pages)}" in text for n, text in enumerate(pages, 1))
    assert "Asistentes por sexo" not in " ".join(pages)
