"""The receipt a beneficiary signs: letter size, original and copy on one sheet by default.

Drawn on a reportlab canvas (not flowables) so that one receipt costs a few milliseconds and a
day's batch is one PDF. The DejaVu font is embedded so that any name prints.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from typing import BinaryIO

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen.canvas import Canvas

from frontera_desk.domain.months import MONTHS_ES as MONTHS
from frontera_desk.reports.fonts import register
from frontera_desk.services.receipts import ReceiptData

WIDTH, HEIGHT = LETTER
MARGIN = 36
HALF = HEIGHT / 2
TEAL = colors.HexColor("#00695c")
RED = colors.HexColor("#b00020")


def spanish_date(data: ReceiptData) -> str:
    d = data.issued_on
    return f"{d.day} de {MONTHS[d.month - 1]} de {d.year}"


def _wrapped(c: Canvas, text: str, x: float, y: float, width: float, font: str, size: float,
             leading: float) -> float:  # fmt: skip
    """Draw wrapped text from the top line at ``y``; return the y below it."""
    c.setFont(font, size)
    for line in simpleSplit(text, font, size, width):
        c.drawString(x, y, line)
        y -= leading
    return y


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR modules for ``text`` (error correction M). The mask is fixed instead of searched:
    every mask is valid, and the search is what made reportlab's widget slow."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.version = code.calculate_version()
    code.makeImpl(False, 0)
    return [[bool(cell) for cell in row] for row in code.modules]


def _qr(c: Canvas, modules: list[list[bool]], x: float, y: float, size: float) -> None:
    """Draw the modules as one filled path, a rectangle per run of dark cells."""
    quiet = 2
    box = size / (len(modules) + 2 * quiet)
    path = c.beginPath()
    for r, row in enumerate(modules):
        column = 0
        for dark, run in groupby(row):
            length = len(list(run))
            if dark:
                path.rect(x + (column + quiet) * box, y + size - (r + quiet + 1) * box,
                          length * box, box)  # fmt: skip
            column += length
    c.drawPath(path, stroke=0, fill=1)


@lru_cache(maxsize=2)
def _logo(image: bytes) -> ImageReader:
    return ImageReader(io.BytesIO(image))


def _mark(c: Canvas, text: str, top: float, color: colors.Color) -> None:
    """A large diagonal mark across one receipt (CANCELADO, DEMOSTRACIÓN)."""
    _regular, bold = register()
    c.saveState()
    c.setFillColor(color)
    c.setFillAlpha(0.25)
    c.setFont(bold, 54)
    c.translate(WIDTH / 2, top - HALF / 2)
    c.rotate(22)
    c.drawCentredString(0, -18, text)
    c.restoreState()


def draw_receipt(
    c: Canvas, data: ReceiptData, top: float, copy_label: str, qr: list[list[bool]]
) -> None:
    """One receipt in the half page whose top edge is at ``top``."""
    regular, bold = register()
    x, right = MARGIN, WIDTH - MARGIN
    y = top - MARGIN
    # header
    if data.logo:
        logo = _logo(data.logo)
        width, height = logo.getSize()
        scale = min(48 / height, 110 / width)
        c.drawImage(logo, x, y - 48 * 0.75, width * scale, height * scale, mask="auto")
        x += width * scale + 8
    width = 330 - (x - MARGIN)
    line_y = y  # the state government and the unit above the office's own name
    if data.government:
        line_y = _wrapped(c, data.government, x, line_y, width, bold, 8.5, 10)
    if data.unit:
        line_y = _wrapped(c, data.unit, x, line_y, width, regular, 8, 10)
    c.setFillColor(TEAL)
    name_bottom = _wrapped(c, data.office_name, x, line_y - (2 if line_y < y else 0), width,
                           bold, 11, 13)  # fmt: skip
    c.setFillColor(colors.black)
    header_bottom = _wrapped(c, data.office_address, x, name_bottom + 2, width, regular, 7.5, 9)
    x = MARGIN
    c.setFont(bold, 13)
    c.drawRightString(right, y, "RECIBO DE APOYO")
    c.setFont(bold, 11)
    c.drawRightString(right, y - 15, f"Folio: {data.folio}")
    c.setFont(regular, 8)
    c.drawRightString(right, y - 27, copy_label)
    if data.print_count > 0:
        c.setFillColor(RED)
        c.setFont(bold, 8)
        c.drawRightString(right, y - 38, f"REIMPRESIÓN núm. {data.print_count}")
        c.setFillColor(colors.black)
    y = min(header_bottom, y - 40) - 6
    c.setFont(regular, 9)
    when = f"{data.place}, a {spanish_date(data)}." if data.place else f"{spanish_date(data)}."
    c.drawString(x, y, when)
    y -= 12
    record = "  ·  ".join(
        f"{label}: {value}"
        for label, value in (
            ("Programa", data.program_name),
            ("Partida", data.budget_line),
            ("Expediente", data.case_number),
        )
        if value
    )
    if record:
        y = _wrapped(c, record, x, y, right - x, regular, 8, 10)
    y -= 6
    # body
    y = _wrapped(c, data.body, x, y, right - x, regular, 10, 13) - 4
    c.setFont(bold, 16)
    c.drawRightString(right, y, data.amount_text)
    c.setFont(bold, 10)
    c.drawString(x, y, f"Persona beneficiaria: {data.beneficiary}")
    y -= 13
    details = []
    if data.nationality:
        details.append(f"Nacionalidad: {data.nationality}")
    if data.document:
        details.append(f"Identificación: {data.document}")
    if details:
        c.setFont(regular, 9)
        c.drawString(x, y, "    ".join(details))
        y -= 12
    if data.voided:
        c.setFillColor(RED)
        _wrapped(c, f"RECIBO CANCELADO: {data.void_reason}", x, y - 4, right - x, bold, 9, 11)
        c.setFillColor(colors.black)
    # signatures, fingerprint box and QR code
    sign_y = top - HALF + 92
    box = 58
    c.setLineWidth(0.6)
    c.rect(x, sign_y - 4, box, box + 8)
    c.setFont(regular, 6.5)
    c.drawCentredString(x + box / 2, sign_y - 12, "Huella digital")
    columns = [
        (x + box + 12, 140, "Firma de la persona beneficiaria", data.beneficiary, ""),
        (x + box + 164, 115, "Entregó", data.delivered_by, data.delivered_title),
        (x + box + 291, 115, "Autorizó", data.approved_by, data.approved_title),
    ]
    for left, width, title, name, job in columns:
        c.line(left, sign_y + 14, left + width, sign_y + 14)
        c.setFont(regular, 7)
        c.drawString(left, sign_y + 5, title)
        c.setFont(bold, 7)
        c.drawString(left, sign_y - 4, simpleSplit(name, bold, 7, width)[0] if name else "")
        if job:
            c.setFont(regular, 6.5)
            c.drawString(left, sign_y - 12, simpleSplit(job, regular, 6.5, width)[0])
    qr_size = 66
    _qr(c, qr, right - qr_size, sign_y - 8, qr_size)
    # legends
    # the code under the QR, on its own line below the signers' job titles
    c.setFont(regular, 5.5)
    c.drawRightString(right, sign_y - 20, data.verification[:60])
    legend_y = sign_y - 29
    legend_y = _wrapped(c, data.program_legend, x, legend_y, right - x, regular, 6.5, 8)
    _wrapped(c, data.privacy_legend, x, legend_y, right - x, regular, 6.5, 8)
    if data.voided:
        _mark(c, "CANCELADO", top, RED)
    if data.demo:
        _mark(c, "DEMOSTRACIÓN", top - 60, colors.grey)


def write_receipts(
    receipts: Iterable[ReceiptData],
    target: Path | BinaryIO,
    progress: Callable[[int, int], None] | None = None,
    total: int = 0,
) -> int:
    """Write one or many receipts into one PDF (one sheet each). Returns the page count."""
    register()
    c = Canvas(str(target) if isinstance(target, Path) else target, pagesize=LETTER)
    c.setTitle("Recibos de apoyo")
    c.setAuthor("Frontera Desk")
    pages = 0
    for data in receipts:
        qr = qr_matrix(data.verification)
        draw_receipt(c, data, HEIGHT, "ORIGINAL", qr)
        if data.two_copies:
            c.setDash(4, 3)
            c.setStrokeColor(colors.grey)
            c.line(MARGIN / 2, HALF, WIDTH - MARGIN / 2, HALF)
            c.setDash()
            c.setStrokeColor(colors.black)
            draw_receipt(c, data, HALF, "COPIA PARA LA OFICINA", qr)
        c.showPage()
        pages += 1
        if progress:
            progress(pages, total)
    c.save()
    return pages
