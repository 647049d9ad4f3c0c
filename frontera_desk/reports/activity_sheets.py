"""Attendance sheets (blank for signatures, or filled); certificates are in certificate.py."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from frontera_desk.domain.enums import ACTIVITY_ES, SEX_ES, Sex
from frontera_desk.domain.months import MONTHS_ES as MONTHS
from frontera_desk.reports.fonts import register
from frontera_desk.reports.paging import PagedCanvas
from frontera_desk.services.activities import ActivityRecord


def _day(record: ActivityRecord) -> str:
    d = record.held_on
    return f"{d.day} de {MONTHS[d.month - 1]} de {d.year}"


SHEET_PRIVACY = (
    "Aviso de privacidad: los datos de esta lista (nombre, sexo, edad, institución y firma) se "
    "recaban solo para acreditar la asistencia a la actividad, expedir constancias y elaborar "
    "estadísticas sin datos que identifiquen a las personas; se tratan conforme al aviso de "
    "privacidad de esta oficina, que puede consultar en ella, donde también puede ejercer sus "
    "derechos de acceso, rectificación, cancelación y oposición (ARCO)."
)
BLANK_ROWS = 25  # the least a blank sheet has: more when the activity expects more people
_SHEET_MARGIN = 12 * mm
_SHEET_WIDTHS = [15 * mm, 72 * mm, 22 * mm, 18 * mm, 65 * mm, 50 * mm]


def blank_rows(record: ActivityRecord) -> int:
    """Numbered lines for a blank sheet: the activity's expected audience (its counts, or the
    people already on its list), never fewer than BLANK_ROWS."""
    return max(BLANK_ROWS, record.total, len(record.attendees))


def sheet_place(record: ActivityRecord) -> str:
    return ", ".join(p for p in (record.venue, record.municipality) if p) or "—"


def sex_totals(record: ActivityRecord) -> list[tuple[str, int]]:
    """The listed attendees by sex, every sex shown (a zero says none came), and the total."""
    counts = Counter(Sex(a.sex) for a in record.attendees)
    return [(SEX_ES[s], counts[s]) for s in Sex] + [("Total", len(record.attendees))]


def write_attendance_sheet(
    record: ActivityRecord, office: str, target: Path, filled: bool, demo: bool = False
) -> Path:
    """A list to sign: the attendees already registered (filled), or numbered empty lines
    (blank). Every page carries the office, the activity's name, date and place, the privacy
    legend, the signature line of the person in charge and "página N de M", so a page that
    comes loose is still a whole record."""
    regular, bold = register()
    body = ParagraphStyle("b", fontName=regular, fontSize=9, leading=11)
    small = ParagraphStyle("s", fontName=regular, fontSize=7, leading=8.4)
    title = ParagraphStyle("t", fontName=bold, fontSize=12, leading=14.5)
    warn = ParagraphStyle("w", fontName=bold, fontSize=11, leading=13,
                          textColor=colors.HexColor("#b00020"))  # fmt: skip
    kind = ACTIVITY_ES[record.kind].capitalize()
    head = [
        Paragraph(escape(office), body),
        Paragraph(f"LISTA DE ASISTENCIA — {escape(kind)}: {escape(record.title)}", title),
        Paragraph(escape(
            f"Fecha: {_day(record)} · Lugar: {sheet_place(record)} · Duración: {record.hours} h"
            f" · Tema: {record.topic or '—'} · Facilita: {record.facilitator or '—'}"), body),
    ]  # fmt: skip
    if demo:
        head.append(Paragraph("DEMOSTRACIÓN — datos ficticios, sin validez.", warn))
    in_charge = record.facilitator or "_" * 40
    foot = [
        Paragraph(escape(SHEET_PRIVACY), small),
        Paragraph(escape(f"Persona responsable de la actividad: {in_charge}"), body),
    ]
    page_w, page_h = landscape(LETTER)
    inner = page_w - 2 * _SHEET_MARGIN
    head_h = sum(p.wrap(inner, page_h)[1] for p in head) + 4 * mm
    foot_h = sum(p.wrap(inner - 95 * mm, page_h)[1] for p in foot) + 16 * mm

    def decorate(canvas: Canvas, _doc: Any) -> None:
        y = page_h - _SHEET_MARGIN
        for p in head:
            _w, h = p.wrap(inner, page_h)
            p.drawOn(canvas, _SHEET_MARGIN, y - h)
            y -= h
        canvas.setStrokeColor(colors.black)
        canvas.line(page_w - _SHEET_MARGIN - 85 * mm, 24 * mm, page_w - _SHEET_MARGIN, 24 * mm)
        canvas.setFont(regular, 8)
        canvas.drawCentredString(page_w - _SHEET_MARGIN - 42.5 * mm, 20 * mm,
                                 "Firma de la persona responsable")  # fmt: skip
        y = 12 * mm + foot_h - 4 * mm
        for p in foot:
            _w, h = p.wrap(inner - 95 * mm, page_h)
            p.drawOn(canvas, _SHEET_MARGIN, y - h)
            y -= h + 1 * mm

    rows: list[list[str]] = [
        ["Núm.", "Nombre completo", "Sexo", "Edad", "Institución u organización", "Firma"]
    ]
    if filled:
        rows += [[str(n), a.name, SEX_ES[Sex(a.sex)], a.age_band, a.organization or "", ""]
                 for n, a in enumerate(record.attendees, 1)]  # fmt: skip
    else:
        rows += [[str(n), "", "", "", "", ""] for n in range(1, blank_rows(record) + 1)]
    cells = [[Paragraph(escape(str(c)), body) for c in row] for row in rows]
    heights = [None] + ([None] if filled else [9 * mm]) * (len(rows) - 1)
    table = Table(cells, colWidths=_SHEET_WIDTHS, rowHeights=heights, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0f2f1")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 1), (-1, -1), 5 if filled else 3),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 5 if filled else 3),
    ]))  # fmt: skip
    story: list[Any] = [table]
    if filled:
        totals = sex_totals(record)
        summary = Table(
            [[Paragraph("Asistentes por sexo", body)]
             + [Paragraph(escape(f"{name}: {n}"), body) for name, n in totals]],
            colWidths=[40 * mm] + [(inner - 40 * mm) / len(totals)] * len(totals),
        )  # fmt: skip
        summary.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ("BACKGROUND", (0, 0), (0, 0), colors.HexColor("#e0f2f1")),
        ]))  # fmt: skip
        story += [Spacer(1, 3 * mm), KeepTogether(summary)]
    doc = SimpleDocTemplate(str(target), pagesize=landscape(LETTER), leftMargin=_SHEET_MARGIN,
                            rightMargin=_SHEET_MARGIN, topMargin=_SHEET_MARGIN + head_h,
                            bottomMargin=12 * mm + foot_h,
                            title="Lista de asistencia")  # fmt: skip
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate, canvasmaker=PagedCanvas)
    return target
