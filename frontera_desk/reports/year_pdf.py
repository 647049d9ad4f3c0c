"""The year's report as a PDF: header, the narrative by program line, the tables, signatures."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from frontera_desk.reports.fonts import register
from frontera_desk.reports.summary_pdf import RED, TEAL, WIDTH, _chart, cell_text
from frontera_desk.reports.year_tables import sections, status_line, title
from frontera_desk.services.year_report import YearReport


def _text(value: str) -> str:
    """Escaped for a Paragraph, line breaks kept, and long unbroken runs given break points."""
    words = []
    for word in value.split(" "):
        while len(word) > 40:  # a 500-character word must wrap, not run off the page
            words.append(word[:40] + "\u200b")
            word = word[40:]
        words.append(word)
    return escape(" ".join(words).replace("\u200b ", "\u200b")).replace("\n", "<br/>")


def write_year_pdf(report: YearReport, target: Path) -> Path:
    regular, bold = register()
    body = ParagraphStyle("b", fontName=regular, fontSize=9.5, leading=13, alignment=4)
    line_title = ParagraphStyle("lt", fontName=bold, fontSize=9.5, leading=13, spaceBefore=6)
    heading = ParagraphStyle("h", fontName=bold, fontSize=11, leading=14, textColor=TEAL,
                             spaceBefore=8, spaceAfter=4)  # fmt: skip
    big = ParagraphStyle("t", fontName=bold, fontSize=15, leading=19)
    small = ParagraphStyle("s", fontName=regular, fontSize=8, leading=9.5)
    cell = ParagraphStyle("c", fontName=regular, fontSize=8.5, leading=10)
    head = ParagraphStyle("hd", parent=cell, fontName=bold, fontSize=8)
    note = ParagraphStyle("n", fontName=regular, fontSize=7.5, leading=9.5,
                          textColor=colors.HexColor("#333333"))  # fmt: skip
    draft = report.preliminary
    status = ParagraphStyle("st", fontName=bold, fontSize=10, leading=13,
                            textColor=RED if draft else TEAL)  # fmt: skip
    story: list[Any] = [
        Paragraph(_text(f"{report.office_name} ({report.office_code})"), body),
        Paragraph(_text(title(report)), big),
        Paragraph(_text(status_line(report)), status),
        Paragraph(_text(f"Generado {report.generated_at.replace('T', ' ')[:16]} UTC"), small),
    ]
    if report.demo:
        story.append(Paragraph("DEMOSTRACIÓN — datos ficticios, sin validez.", big))
    story.append(Spacer(1, 3 * mm))
    for paragraph in report.narrative:
        if paragraph.title:
            story.append(Paragraph(_text(paragraph.title), line_title))
        story.append(Paragraph(_text(paragraph.text), body))
    for text in report.notes:
        story.append(Paragraph(_text(text), note))
    grid = TableStyle([
        ("FONT", (0, 0), (-1, -1), regular, 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0f2f1")),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ])  # fmt: skip
    for section in sections(report):
        columns = len(section.header)
        if section.widths:
            widths = [WIDTH * share for share in section.widths]
        else:
            first = WIDTH * (0.5 if columns <= 2 else 0.4)
            widths = [first] + [(WIDTH - first) / (columns - 1)] * (columns - 1)
        rows: list[list[Any]] = [[Paragraph(_text(h), head) for h in section.header]]
        rows += [
            [Paragraph(_text(c), small if section.widths else cell) if isinstance(c, str)
             else cell_text(c) for c in row]
            for row in section.rows
        ]  # fmt: skip
        if not section.rows:
            rows.append([Paragraph(_text(section.empty), cell)] + [""] * (columns - 1))
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(grid)
        if not section.rows and columns > 1:
            table.setStyle(TableStyle([("SPAN", (0, 1), (-1, 1))]))
        block: list[Any] = [Paragraph(_text(section.title), heading), table]
        if section.note:
            block += [Spacer(1, 1.5 * mm), Paragraph(_text(section.note), note)]
        chart = _chart(section, regular)
        if chart is not None:
            block += [Spacer(1, 2 * mm), chart]
        # a long list may run over pages (its header repeats); a short table keeps together
        story += [KeepTogether(block)] if len(section.rows) < 25 else block
    center = ParagraphStyle("ce", fontName=regular, fontSize=8.5, leading=10, alignment=1)
    made, approved = (
        ("Elaboró: analista de información, oficinas centrales",
         "Vo. Bo.: titular de la coordinación, oficinas centrales")
        if report.scope == "consolidado"
        else ("Elaboró", "Vo. Bo. Supervisor(a) o jefe(a) de oficina")
    )  # fmt: skip
    signatures = Table(
        [["", "", ""], [Paragraph(made, center), "", Paragraph(approved, center)],
         ["Nombre, cargo y firma", "", "Nombre, cargo y firma"]],
        colWidths=[WIDTH * 0.42, WIDTH * 0.16, WIDTH * 0.42], rowHeights=[22 * mm, None, None],
    )  # fmt: skip
    signatures.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), regular, 8.5),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("LINEBELOW", (0, 0), (0, 0), 0.6, colors.black),
        ("LINEBELOW", (2, 0), (2, 0), 0.6, colors.black),
    ]))  # fmt: skip
    story += [Spacer(1, 10 * mm), KeepTogether([signatures])]
    said = status_line(report)

    def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        if draft:
            canvas.saveState()
            canvas.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.12))
            canvas.setFont(bold, 64)
            canvas.translate(LETTER[0] / 2, LETTER[1] / 2)
            canvas.rotate(50)
            canvas.drawCentredString(0, 0, "PRELIMINAR")
            canvas.restoreState()
        canvas.setFont(regular, 7)
        lines = simpleSplit(f"Frontera Desk · {title(report)} · solo cifras agregadas y nombres "
                            f"públicos, sin datos personales. {said}.", regular, 7,
                            WIDTH - 20 * mm)  # fmt: skip
        for n, line in enumerate(lines):
            canvas.drawString(18 * mm, (16 - 2.9 * n) * mm, line)
        canvas.drawRightString(LETTER[0] - 18 * mm, 16 * mm, f"Página {doc.page}")

    doc = SimpleDocTemplate(str(target), pagesize=LETTER, leftMargin=18 * mm,
                            rightMargin=18 * mm, topMargin=15 * mm, bottomMargin=22 * mm,
                            title=title(report).capitalize(),
                            author=report.office_name)  # fmt: skip
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return target
