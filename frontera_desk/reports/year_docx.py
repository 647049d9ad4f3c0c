"""The year's report as an editable DOCX (python-docx): the state's report is assembled in a word
processor, so the narrative comes as plain paragraphs by program line and the figures as real
tables (header row repeated on every page), nothing as pictures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from frontera_desk.reports.summary_pdf import cell_text
from frontera_desk.reports.summary_tables import Money, Ratio
from frontera_desk.reports.year_tables import sections, status_line, title
from frontera_desk.services.year_report import YearReport


def _plain(text: str) -> str:
    """Text Word accepts: XML forbids most control characters (a line break stays)."""
    return "".join(c for c in text if c in "\n\t" or ord(c) >= 32)


def write_year_docx(report: YearReport, target: Path) -> Path:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    document = Document()
    page = document.sections[0]
    page.orientation = WD_ORIENT.PORTRAIT
    page.page_width, page.page_height = Mm(215.9), Mm(279.4)  # Letter
    page.left_margin = page.right_margin = Mm(20)
    page.top_margin = page.bottom_margin = Mm(18)
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    document.core_properties.title = title(report).capitalize()
    document.core_properties.author = report.office_name
    page.header.paragraphs[0].text = _plain(f"{report.office_name} · {title(report)}")
    page.footer.paragraphs[0].text = _plain(
        f"{status_line(report)}. Frontera Desk: cifras agregadas y nombres públicos, sin datos "
        "personales."
    )
    document.add_paragraph(_plain(f"{report.office_name} ({report.office_code})"))
    document.add_heading(_plain(title(report)), level=0)
    status = document.add_paragraph().add_run(_plain(status_line(report)))
    status.bold = True
    status.font.color.rgb = RGBColor(0xB7, 0x1C, 0x1C) if report.preliminary else RGBColor(
        0x00, 0x69, 0x5C)  # fmt: skip
    if report.demo:
        document.add_paragraph().add_run("DEMOSTRACIÓN — datos ficticios, sin validez.").bold = True
    document.add_heading("Texto del informe", level=1)
    for paragraph in report.narrative:
        if paragraph.title:
            document.add_paragraph().add_run(_plain(paragraph.title)).bold = True
        body = document.add_paragraph(_plain(paragraph.text))
        body.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for text in report.notes:
        document.add_paragraph(_plain(text)).runs[0].italic = True
    document.add_heading("Cuadros", level=1)
    for section in sections(report):
        document.add_heading(_plain(section.title), level=2)
        columns = len(section.header)
        table = document.add_table(rows=1, cols=columns)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        width = Mm(175.9)
        shares = section.widths or (0.4,) + (0.6 / max(columns - 1, 1),) * (columns - 1)
        widths = [int(width * share) for share in shares]

        def fill(cells: Any, values: Any, bold: bool = False, widths: Any = widths) -> None:
            """Each cell once: its text, size, width and alignment (reading ``row.cells``
            again for each of them made a year of a large office's list take seconds)."""
            for cell, value, cell_width in zip(cells, values, widths, strict=False):
                run = cell.paragraphs[0].add_run(_plain(cell_text(value)))
                run.font.size = Pt(8.5)
                run.bold = bold
                cell.width = cell_width
                if isinstance(value, int | Money | Ratio):
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT

        header = table.rows[0]
        repeat = OxmlElement("w:tblHeader")  # the header row repeats on every page
        repeat.set(qn("w:val"), "true")
        header._tr.get_or_add_trPr().append(repeat)
        fill(header.cells, section.header, bold=True)
        for values in section.rows:
            fill(table.add_row().cells, values)
        if not section.rows:
            cells = table.add_row().cells
            merged = cells[0].merge(cells[-1]) if columns > 1 else cells[0]
            fill([merged], [section.empty])
        if section.note:
            document.add_paragraph(_plain(section.note)).runs[0].font.size = Pt(8)
    document.save(str(target))
    return target
