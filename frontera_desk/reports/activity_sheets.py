"""Attendance sheets (blank for signatures, or filled); certificates are in certificate.py."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from frontera_desk.domain.enums import ACTIVITY_ES, SEX_ES, Sex
from frontera_desk.reports.fonts import register
from frontera_desk.reports.receipt import MONTHS
from frontera_desk.services.activities import ActivityRecord

BLANK_ROWS = 25


def _day(record: ActivityRecord) -> str:
    d = record.held_on
    return f"{d.day} de {MONTHS[d.month - 1]} de {d.year}"


def write_attendance_sheet(
    record: ActivityRecord, office: str, target: Path, filled: bool, demo: bool = False
) -> Path:
    """A list to sign: the attendees already registered (filled), or empty lines (blank)."""
    regular, bold = register()
    body = ParagraphStyle("b", fontName=regular, fontSize=9, leading=11)
    title = ParagraphStyle("t", fontName=bold, fontSize=13, leading=16)
    kind = ACTIVITY_ES[record.kind].capitalize()
    lines = [
        Paragraph(escape(office), body),
        Paragraph(f"LISTA DE ASISTENCIA — {escape(kind)}: {escape(record.title)}", title),
        Paragraph(
            escape(
                f"Fecha: {_day(record)} · Duración: {record.hours} h · Sede: "
                f"{record.venue or '—'}, {record.municipality or '—'} · Tema: "
                f"{record.topic or '—'} · Facilita: {record.facilitator or '—'}"
            ),
            body,
        ),  # fmt: skip
    ]
    if demo:
        lines.append(Paragraph("DEMOSTRACIÓN — datos ficticios, sin validez.", title))
    rows = [["Núm.", "Nombre completo", "Sexo", "Edad", "Institución u organización", "Firma"]]
    if filled:
        rows += [[str(n), a.name, SEX_ES[Sex(a.sex)], a.age_band, a.organization, ""]
                 for n, a in enumerate(record.attendees, 1)]  # fmt: skip
    rows += [
        [str(n), "", "", "", "", ""]
        for n in range(len(rows), len(rows) + (0 if filled else BLANK_ROWS))
    ]
    cells = [[Paragraph(escape(str(c)), body) for c in row] for row in rows]
    table = Table(cells, colWidths=[15 * mm, 72 * mm, 22 * mm, 18 * mm, 65 * mm, 50 * mm],
                  rowHeights=[None] + [9 * mm] * (len(rows) - 1), repeatRows=1)  # fmt: skip
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0f2f1")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))  # fmt: skip
    doc = SimpleDocTemplate(str(target), pagesize=landscape(LETTER), leftMargin=12 * mm,
                            rightMargin=12 * mm, topMargin=12 * mm, bottomMargin=12 * mm,
                            title="Lista de asistencia")  # fmt: skip
    doc.build([*lines, Spacer(1, 4 * mm), table])
    return target
