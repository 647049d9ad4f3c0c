"""A list on screen (people, supports, receipts) as an XLSX workbook: a cover sheet with the
privacy legend, then the list as filtered and sorted, numbers and dates as such, text made safe."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from frontera_desk.domain.text import spreadsheet_safe

MONEY_FORMAT = '"$"#,##0.00'
DATE_FORMAT = "dd/mm/yyyy"
MONEY, DATE, NUMBER, TEXT = "money", "date", "number", "text"


def write_list_xlsx(
    target: Path,
    title: str,
    cover_lines: Sequence[str],
    columns: Sequence[tuple[str, str, int]],  # header, kind, width
    rows: Iterable[Sequence[object]],
) -> int:
    """Write the workbook; returns the number of rows. Money comes in centavos and is written
    in pesos with a currency format; every text cell goes through ``spreadsheet_safe``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=False)
    cover = book.active
    assert cover is not None
    cover.title = "Aviso"
    cover.column_dimensions["A"].width = 110
    for n, line in enumerate(cover_lines, 1):
        cell = cover.cell(row=n, column=1, value=spreadsheet_safe(line))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if n == 1:
            cell.font = Font(bold=True, size=14)
    sheet = book.create_sheet(title[:31])
    sheet.append([spreadsheet_safe(header) for header, _, _ in columns])
    for i, (_, _, width) in enumerate(columns, 1):
        sheet.column_dimensions[get_column_letter(i)].width = width
        head = sheet.cell(row=1, column=i)
        head.font = Font(bold=True, color="FFFFFF")
        head.fill = PatternFill("solid", fgColor="37474F")
    count = 0
    for count, row in enumerate(rows, 1):  # noqa: B007 - the count is the result
        values: list[object] = []
        for (_, kind, _), value in zip(columns, row, strict=True):
            if kind == MONEY and isinstance(value, int):
                values.append(value / 100)
            elif isinstance(value, str):
                values.append(spreadsheet_safe(value))
            else:
                values.append(value)
        sheet.append(values)
        for i, (_, kind, _) in enumerate(columns, 1):
            if kind == MONEY:
                sheet.cell(row=count + 1, column=i).number_format = MONEY_FORMAT
            elif kind == DATE:
                sheet.cell(row=count + 1, column=i).number_format = DATE_FORMAT
    sheet.freeze_panes = "A2"
    if count:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    target.parent.mkdir(parents=True, exist_ok=True)
    book.save(target)
    return count
