"""The monthly summary as a PDF: office header, narrative, tables with bar charts, signatures."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from frontera_desk.domain.clock import on_paper
from frontera_desk.domain.money import format_money
from frontera_desk.reports.fonts import register
from frontera_desk.reports.summary_tables import (
    GE_NOTE,
    PRELIMINARY_LINE,
    SUPPRESSED_NOTE,
    Cell,
    Money,
    Ratio,
    Section,
    is_preliminary,
    period_title,
    sections,
    status_line,
)

TEAL = colors.HexColor("#00695c")
RED = colors.HexColor("#b71c1c")
WIDTH = LETTER[0] - 36 * mm


def cell_text(cell: Cell) -> str:
    """How a cell reads on paper (and in the preview)."""
    if isinstance(cell, Money):
        return format_money(cell.centavos)
    if isinstance(cell, Ratio):
        return "—" if cell.value is None else f"{cell.value * 100:.1f} %"
    if isinstance(cell, int):
        return f"{cell:,}"
    return cell


def _chart(section: Section, font: str) -> Drawing | None:
    """Horizontal bars of the section's chart column (hidden "<5" counts are left out)."""
    column = section.chart
    if column is None:
        return None
    money = any(isinstance(row[column], Money) for row in section.rows)
    bars = [
        (str(row[0]), v.centavos / 100 if isinstance(v, Money) else v)
        for row in section.rows
        if row[0] != "Total" and isinstance(v := row[column], int | Money)
    ]
    if not any(v for _, v in bars):
        return None
    label_width = 180  # points: a name longer than that wraps onto more lines, never cut
    names = [simpleSplit(name, font, 7, label_width) or [""] for name, _ in reversed(bars)]
    step = max(14, 8.5 * max(len(lines) for lines in names) + 4)
    height = step * len(bars) + 30
    drawing = Drawing(WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = (
        label_width + 10,
        18,
        WIDTH - label_width - 40,
        height - 26,
    )
    chart.data = [[v for _, v in reversed(bars)]]
    chart.categoryAxis.categoryNames = ["\n".join(lines) for lines in names]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.labels.leading = 8.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    if max(v for _, v in bars) <= 10:
        chart.valueAxis.valueStep = 1  # small counts: whole ticks, not 0.5 read as "0" and "1"
    # money in pesos says so on every tick; counts are whole numbers
    chart.valueAxis.labelTextFormat = ("${:,.0f}" if money else "{:,.0f}").format
    chart.bars[0].fillColor = TEAL
    chart.bars[0].strokeColor = None
    if money:
        drawing.add(String(chart.x - 14, chart.y - 12, "Importe en pesos ($):", fontName=font,
                           fontSize=7, textAnchor="end"))  # on the line of the ticks  # fmt: skip
    drawing.add(chart)
    return drawing


def write_summary_pdf(document: dict[str, Any], target: Path, demo: bool = False) -> Path:
    regular, bold = register()
    body = ParagraphStyle("b", fontName=regular, fontSize=9, leading=12)
    heading = ParagraphStyle("h", fontName=bold, fontSize=11, leading=14, textColor=TEAL,
                             spaceBefore=8, spaceAfter=4)  # fmt: skip
    title = ParagraphStyle("t", fontName=bold, fontSize=15, leading=19)
    cell = ParagraphStyle("c", fontName=regular, fontSize=8.5, leading=10)
    center = ParagraphStyle("ce", fontName=regular, fontSize=8.5, leading=10, alignment=1)
    note = ParagraphStyle("n", fontName=regular, fontSize=7.5, leading=9.5,
                          textColor=colors.HexColor("#333333"))  # fmt: skip
    office = document["office"]
    consolidated = "offices" in document
    kind = "RESUMEN CONSOLIDADO" if consolidated else "RESUMEN MENSUAL"
    draft = is_preliminary(document)
    status = ParagraphStyle("s", fontName=bold, fontSize=10, leading=13,
                            textColor=RED if draft else TEAL)  # fmt: skip
    story: list[Any] = [
        Paragraph(escape(f"{office['name']} ({office['code']})"), body),
        Paragraph(escape(f"{kind} — {period_title(document).upper()}"), title),
        Paragraph(escape(status_line(document)), status),
    ]
    if draft:
        story.append(Paragraph(escape(
            f"Revisión {document['revision']} en preparación · generado "
            f"{on_paper(document['generated_at'])}"), body))  # fmt: skip
    if demo:
        story.append(Paragraph("DEMOSTRACIÓN — datos ficticios, sin validez.", title))
    story += [Spacer(1, 4 * mm), Paragraph(escape(document["narrative"]), body)]
    style = TableStyle([
        ("FONT", (0, 0), (-1, -1), regular, 8.5),
        ("FONT", (0, 0), (-1, 0), bold, 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0f2f1")),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ])  # fmt: skip
    head = ParagraphStyle("hd", parent=cell, fontName=bold, fontSize=8, alignment=2)
    head_left = ParagraphStyle("hl", parent=head, alignment=0)
    small = ParagraphStyle("s", parent=cell, fontSize=8, leading=9.5)
    for section in sections(document):
        columns = len(section.header)
        if section.widths:  # laid out column by column: every text wraps within its column
            widths = [WIDTH * share for share in section.widths]
            texts = {i for row in section.rows for i, c in enumerate(row) if isinstance(c, str)}
            rows: list[list[Any]] = [
                [Paragraph(escape(h), head_left if i in texts or not section.rows else head)
                 for i, h in enumerate(section.header)]
            ] + [
                [Paragraph(escape(c).replace("\n", "<br/>"), small) if isinstance(c, str)
                 else cell_text(c) for c in row]
                for row in section.rows
            ]  # fmt: skip
        else:
            first = WIDTH * (0.5 if columns <= 2 else 0.4)
            widths = [first] + [(WIDTH - first) / (columns - 1)] * (columns - 1)
            rows = [list(section.header)] + [
                [Paragraph(escape(cell_text(row[0])), cell)] + [cell_text(c) for c in row[1:]]
                for row in section.rows
            ]
        if not section.rows:
            rows.append([Paragraph(escape(section.empty), cell)] + [""] * (columns - 1))
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(style)
        if section.widths:
            table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 3),
                                       ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                                       ("FONT", (0, 1), (-1, -1), regular, 8)]))  # fmt: skip
        if not section.rows and columns > 1:
            table.setStyle(TableStyle([("SPAN", (0, 1), (-1, 1))]))
        for row in section.alerts:  # overspent: red on pink, as the note below names them
            table.setStyle(TableStyle([
                ("BACKGROUND", (0, row + 1), (-1, row + 1), colors.HexColor("#fde0dc")),
                ("TEXTCOLOR", (1, row + 1), (-1, row + 1), RED),
                ("FONT", (1, row + 1), (-1, row + 1), bold, 8.5),
            ]))  # fmt: skip
        block: list[Any] = [Paragraph(escape(section.title), heading), table]
        if section.note:
            block += [Spacer(1, 1.5 * mm), Paragraph(escape(section.note), note)]
        chart = _chart(section, regular)
        if chart is not None:
            block += [Spacer(1, 2 * mm), chart]
        story.append(KeepTogether(block))
    made, approved = (
        ("Elaboró: analista de información, oficinas centrales",
         "Vo. Bo.: titular de la coordinación, oficinas centrales")
        if consolidated else ("Elaboró", "Vo. Bo. Supervisor(a) o jefe(a) de oficina")
    )  # fmt: skip
    signatures = Table(
        [["", "", ""], [Paragraph(escape(made), center), "", Paragraph(escape(approved), center)],
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

    def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        if draft:  # under everything drawn later on the page, light enough to read through
            canvas.saveState()
            canvas.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.12))
            canvas.setFont(bold, 64)
            canvas.translate(LETTER[0] / 2, LETTER[1] / 2)
            canvas.rotate(50)
            canvas.drawCentredString(0, 0, "PRELIMINAR")
            canvas.setFont(bold, 16)
            canvas.drawCentredString(0, -28, "mes abierto — las cifras pueden cambiar")
            canvas.restoreState()
        canvas.setFont(regular, 7)
        said = f"{PRELIMINARY_LINE}." if draft else f"{status_line(document)}."
        lines = [  # clear of the page number
            line for text in (f"Frontera Desk · solo cifras agregadas, sin datos personales. "
                              f"{said}", SUPPRESSED_NOTE, *([GE_NOTE] if consolidated else []))
            for line in simpleSplit(text, regular, 7, WIDTH - 20 * mm)
        ]  # fmt: skip
        for n, line in enumerate(lines):
            canvas.drawString(18 * mm, (16 - 2.9 * n) * mm, line)
        canvas.drawRightString(LETTER[0] - 18 * mm, 16 * mm, f"Página {doc.page}")

    doc = SimpleDocTemplate(str(target), pagesize=LETTER, leftMargin=18 * mm,
                            rightMargin=18 * mm, topMargin=15 * mm, bottomMargin=22 * mm,
                            title=f"{kind.capitalize()} {document['period']}",
                            author=office["name"])  # fmt: skip
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return target
