"""Attendance sheets (blank for signatures, or filled) and participation certificates."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from frontera_desk.domain.enums import ACTIVITY_ES, AUDIENCE_ES, SEX_ES, Sex
from frontera_desk.domain.months import MONTHS_ES as MONTHS
from frontera_desk.reports.fonts import register
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


def write_certificates(
    record: ActivityRecord, office: str, target: Path, demo: bool = False
) -> int:
    """One participation certificate (constancia) per attendee on the list; returns how many."""
    regular, bold = register()
    c = Canvas(str(target), pagesize=landscape(LETTER))
    width, height = landscape(LETTER)
    kind = ACTIVITY_ES[record.kind]
    audiences = ", ".join(AUDIENCE_ES[a] for a in sorted(record.audiences))
    for attendee in record.attendees:
        c.setStrokeColor(colors.HexColor("#00695c"))
        c.setLineWidth(3)
        c.rect(24, 24, width - 48, height - 48)
        c.setFont(bold, 14)
        c.drawCentredString(width / 2, height - 80, office)
        c.setFont(bold, 30)
        c.drawCentredString(width / 2, height - 150, "CONSTANCIA")
        c.setFont(regular, 14)
        c.drawCentredString(width / 2, height - 200, "que se otorga a")
        c.setFont(bold, 24)
        c.drawCentredString(width / 2, height - 245, attendee.name)
        c.setFont(regular, 13)
        c.drawCentredString(width / 2, height - 295, f"por su participación en el {kind}")
        c.setFont(bold, 16)
        c.drawCentredString(width / 2, height - 325, f"«{record.title}»")
        c.setFont(regular, 12)
        place = record.municipality or "Chiapas"
        held = f"con duración de {record.hours} horas, realizado en {place} el {_day(record)}."
        c.drawCentredString(width / 2, height - 360, held)
        if audiences:
            c.drawCentredString(width / 2, height - 380, f"Dirigido a: {audiences}.")
        c.line(width / 2 - 120, 110, width / 2 + 120, 110)
        c.setFont(regular, 10)
        c.drawCentredString(width / 2, 96, record.facilitator or "Facilitador(a)")
        if demo:
            c.setFont(bold, 12)
            c.setFillColor(colors.HexColor("#b00020"))
            c.drawCentredString(width / 2, 60, "DEMOSTRACIÓN — sin validez")
            c.setFillColor(colors.black)
        c.showPage()
    c.save()
    return len(record.attendees)
