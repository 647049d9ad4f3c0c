"""The monthly summary as an XLSX workbook (openpyxl): one sheet per section, numbers as numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from frontera_desk.domain.text import spreadsheet_safe
from frontera_desk.reports.summary_tables import (
    PRELIMINARY_LINE,
    SUPPRESSED_NOTE,
    Money,
    Ratio,
    is_preliminary,
    period_title,
    sections,
    status_line,
)

MONEY_FORMAT = '"$"#,##0.00'
COUNT_FORMAT = "#,##0"
RATIO_FORMAT = "0.0%"


def print_set_up(sheet: Any, title_rows: str | None = "1:2", landscape: bool = False) -> None:
    """Printed on Letter paper, every column on one page's width (as many pages long as it
    takes), the title and the table's header repeated on every page: the tables split across
    pages, their columns cut off, and the later pages had no header."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_LETTER
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # no limit: as many pages long as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    if title_rows:
        sheet.print_title_rows = title_rows


def write_summary_xlsx(document: dict[str, Any], target: Path, demo: bool = False) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    office = document["office"]
    book = Workbook()
    cover = book.active
    assert cover is not None
    cover.title = "Resumen"
    kind = "Resumen consolidado" if "offices" in document else "Resumen mensual"
    draft, status = is_preliminary(document), status_line(document)
    for line in (
        [f"{office['name']} ({office['code']})"],
        [f"{kind} — {period_title(document)}"],
        [status],
        [f"Revisión {document['revision']}", f"Generado {document['generated_at']}"],
        ["DEMOSTRACIÓN — datos ficticios, sin validez."] if demo else [],
        [],
        [document["narrative"]],
        [],
        [SUPPRESSED_NOTE],
    ):
        cover.append([spreadsheet_safe(v) for v in line])
    cover["A2"].font = Font(bold=True, size=14)
    cover["A3"].font = Font(bold=True, size=12, color="B71C1C" if draft else "00695C")
    cover["A7"].alignment = Alignment(wrap_text=True, vertical="top")
    cover.column_dimensions["A"].width = 110
    cover.row_dimensions[7].height = 90
    cover["A9"].alignment = Alignment(wrap_text=True, vertical="top")
    cover.row_dimensions[9].height = 30
    # a workbook has no watermark: every sheet says it in its first row and its printed header
    mark = f"{PRELIMINARY_LINE}" if draft else status
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="E0F2F1")
    cover.oddHeader.center.text = mark
    print_set_up(cover, title_rows=None)
    for section in sections(document):
        sheet = book.create_sheet(section.key)
        sheet.append([section.title, None, None, spreadsheet_safe(mark) if draft else None])
        sheet["A1"].font = Font(bold=True, size=12)
        sheet["D1"].font = Font(bold=True, color="B71C1C")
        sheet.oddHeader.center.text = mark
        sheet.append(list(section.header))
        for cell in sheet[2]:
            cell.font, cell.fill = bold, fill
        for values in section.rows:
            row: list[object] = []
            for value in values:
                if isinstance(value, Money):
                    row.append(value.centavos / 100)
                elif isinstance(value, Ratio):
                    row.append(value.value)
                else:
                    row.append(spreadsheet_safe(value) if isinstance(value, str) else value)
            sheet.append(row)
            for column, value in enumerate(values, start=1):
                cell = sheet.cell(sheet.max_row, column)
                if isinstance(value, Money):
                    cell.number_format = MONEY_FORMAT
                elif isinstance(value, Ratio):
                    cell.number_format = RATIO_FORMAT
                elif isinstance(value, int):
                    cell.number_format = COUNT_FORMAT
            if section.widths:
                for cell in sheet[sheet.max_row]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        if not section.rows:
            sheet.append([section.empty])
        if section.note:
            sheet.append([])
            sheet.append([spreadsheet_safe(section.note)])
        if section.widths:
            for index, share in enumerate(section.widths):
                sheet.column_dimensions[chr(ord("A") + index)].width = max(10, share * 120)
        else:
            sheet.column_dimensions["A"].width = 48
            for letter in "BCDEF":
                sheet.column_dimensions[letter].width = 18
        sheet.freeze_panes = "A3"
        print_set_up(sheet, landscape=len(section.header) > 5)
    book.save(target)
    return target
