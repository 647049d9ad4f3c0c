"""The year's report as an XLSX workbook: the narrative on the first sheet, one sheet per
section, numbers as numbers, printed on Letter fitted to the width with the header repeated."""

from __future__ import annotations

from pathlib import Path

from frontera_desk.domain.text import spreadsheet_safe
from frontera_desk.reports.summary_tables import Money, Ratio
from frontera_desk.reports.summary_xlsx import (
    COUNT_FORMAT,
    MONEY_FORMAT,
    RATIO_FORMAT,
    print_set_up,
)
from frontera_desk.reports.year_tables import sections, status_line, title
from frontera_desk.services.year_report import YearReport


def write_year_xlsx(report: YearReport, target: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    cover = book.active
    assert cover is not None
    cover.title = "Informe"
    status = status_line(report)
    wrap = Alignment(wrap_text=True, vertical="top")
    lines: list[tuple[str, Font | None]] = [
        (f"{report.office_name} ({report.office_code})", None),
        (title(report), Font(bold=True, size=14)),
        (status, Font(bold=True, color="B71C1C" if report.preliminary else "00695C")),
        (f"Generado {report.generated_at}", None),
    ]
    if report.demo:
        lines.append(("DEMOSTRACIÓN — datos ficticios, sin validez.", Font(bold=True)))
    lines.append(("", None))
    for paragraph in report.narrative:
        if paragraph.title:
            lines.append((paragraph.title, Font(bold=True)))
        lines.append((paragraph.text, None))
    lines += [(text, Font(italic=True, size=9)) for text in report.notes]
    for text, font in lines:
        cover.append([spreadsheet_safe(text)])
        cell = cover.cell(cover.max_row, 1)
        cell.alignment = wrap
        if font is not None:
            cell.font = font
        if len(text) > 100:  # Excel does not grow a wrapped row by itself
            cover.row_dimensions[cover.max_row].height = 13 * (len(text) // 95 + 1)
    cover.column_dimensions["A"].width = 110
    cover.oddHeader.center.text = status
    print_set_up(cover, title_rows=None)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="E0F2F1")
    for section in sections(report):
        sheet = book.create_sheet(section.key[:31])
        sheet.append([section.title])
        sheet["A1"].font = Font(bold=True, size=12)
        sheet.oddHeader.center.text = f"{title(report)} — {status}"
        sheet.append(list(section.header))
        for cell in sheet[2]:
            cell.font, cell.fill = bold, fill
            cell.alignment = wrap
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
                cell.alignment = wrap
                if isinstance(value, Money):
                    cell.number_format = MONEY_FORMAT
                elif isinstance(value, Ratio):
                    cell.number_format = RATIO_FORMAT
                elif isinstance(value, int):
                    cell.number_format = COUNT_FORMAT
        if not section.rows:
            sheet.append([section.empty])
        if section.note:
            sheet.append([])
            sheet.append([spreadsheet_safe(section.note)])
        shares = section.widths or (0.4,) + (0.6 / max(len(section.header) - 1, 1),) * (
            len(section.header) - 1)  # fmt: skip
        for index, share in enumerate(shares, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = max(10, share * 130)
        sheet.freeze_panes = "A3"
        print_set_up(sheet, landscape=len(section.header) > 6)
    book.save(target)
    return target
