"""Participation certificates (constancias): landscape letter, one per page, with the office's
institutional header, a folio of their own and the QR code that *Verificar un código* checks.

Long names and titles (up to 300 characters, any script the embedded DejaVu font draws) are
set smaller and wrapped so that they never leave the frame.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from frontera_desk.domain import wording
from frontera_desk.domain.months import MONTHS_ES as MONTHS
from frontera_desk.domain.text import fold
from frontera_desk.reports.fonts import register
from frontera_desk.reports.receipt import RED, TEAL, _logo, _qr, qr_matrix
from frontera_desk.services.certificates import CertificateData

WIDTH, HEIGHT = landscape(LETTER)
FRAME = 24
TEXT_WIDTH = WIDTH - 2 * FRAME - 80


def _day(d: date) -> str:
    return f"{d.day} de {MONTHS[d.month - 1]} de {d.year}"


def _centred(
    c: Canvas, text: str, y: float, font: str, size: float, leading: float,
    width: float = TEXT_WIDTH, max_lines: int = 3, smallest: float = 9,
) -> float:  # fmt: skip
    """Draw centred, shrinking the type until the text fits in ``max_lines``; return the y
    below it."""
    while size > smallest and len(simpleSplit(text, font, size, width)) > max_lines:
        size -= 1
        leading = size * 1.2
    lines = simpleSplit(text, font, size, width)
    if len(lines) > max_lines:  # even the smallest type: the rest, cut with an ellipsis
        lines = lines[:max_lines]
        while stringWidth(lines[-1] + "…", font, size) > width:
            lines[-1] = lines[-1][:-1]
        lines[-1] += "…"
    c.setFont(font, size)
    for line in lines:
        c.drawCentredString(WIDTH / 2, y, line)
        y -= leading
    return y


def _participation(data: CertificateData) -> tuple[str, str]:
    """ "por su participación en el taller" and the title, the kind said once: a title that
    starts with it ("Taller sobre…") is not preceded by it again."""
    kind = data.kind_text
    if fold(data.activity_title).startswith(fold(kind)):
        return "por su participación en el", data.activity_title
    return f"por su participación en el {kind}", f"«{data.activity_title}»"


def draw_certificate(c: Canvas, data: CertificateData, qr: list[list[bool]]) -> None:
    regular, bold = register()
    c.setStrokeColor(TEAL)
    c.setLineWidth(3)
    c.rect(FRAME, FRAME, WIDTH - 2 * FRAME, HEIGHT - 2 * FRAME)
    c.setStrokeColor(colors.black)
    top = HEIGHT - FRAME - 30
    if data.logo:
        logo = _logo(data.logo)
        width, height = logo.getSize()
        scale = min(56 / height, 120 / width)
        c.drawImage(logo, FRAME + 18, top - 40, width * scale, height * scale, mask="auto")
    # the institutional header, centred
    y = top
    header_width = WIDTH - 2 * FRAME - 300  # clear of the logo and the folio
    if data.government:
        y = _centred(c, data.government, y, bold, 13, 16, header_width, 2)
    if data.unit:
        y = _centred(c, data.unit, y, regular, 11, 14, header_width, 2)
    c.setFillColor(TEAL)
    y = _centred(c, data.office_name, y, bold, 12, 15, header_width, 2)
    c.setFillColor(colors.black)
    if data.office_address:
        y = _centred(c, data.office_address, y, regular, 8, 10, header_width, 2)
    # folio, and the reprint mark, top right
    right = WIDTH - FRAME - 18
    c.setFont(bold, 10)
    c.drawRightString(right, top, f"Folio: {data.folio}")
    if data.print_count > 0:
        c.setFillColor(RED)
        c.setFont(bold, 8)
        c.drawRightString(right, top - 12, f"REIMPRESIÓN núm. {data.print_count}")
        c.setFillColor(colors.black)
    y = min(y, top - 60) - 44
    c.setFont(bold, 34)
    c.drawCentredString(WIDTH / 2, y, "CONSTANCIA")
    y -= 40
    grants = wording.with_article(data.office_name)
    y = _centred(c, f"{grants[:1].upper()}{grants[1:]} otorga la presente constancia a", y,
                 regular, 13, 16)  # fmt: skip
    y -= 16
    y = _centred(c, data.name, y, bold, 24, 28, max_lines=3, smallest=11) - 14
    lead, title = _participation(data)
    y = _centred(c, lead, y, regular, 13, 16) - 8
    y = _centred(c, title, y, bold, 16, 19, max_lines=4, smallest=9) - 10
    where = ", ".join(p for p in (data.venue, data.municipality) if p)
    hours = f"{data.hours} {'hora' if data.hours == 1 else 'horas'}"
    held = f"realizado el {_day(data.held_on)}" + (f" en {where}" if where else "")
    held += f", con duración de {hours}."
    y = _centred(c, held, y, regular, 12, 15, max_lines=2)
    issued = (
        f"{data.place}, a {_day(data.issued_on)}."
        if data.place
        else (f"Expedida el {_day(data.issued_on)}.")
    )
    _centred(c, issued, y - 22, regular, 11, 14, max_lines=2)
    # the signer, centred at the bottom
    sign_y = FRAME + 96
    c.setLineWidth(0.8)
    c.line(WIDTH / 2 - 130, sign_y, WIDTH / 2 + 130, sign_y)
    _centred(c, data.signer_name, sign_y - 13, bold, 10, 12, 300, 2, 7)
    _centred(c, data.signer_title, sign_y - 26, regular, 9, 11, 300, 2, 7)
    # QR and its code, bottom right
    qr_size = 72
    _qr(c, qr, right - qr_size, FRAME + 22, qr_size)
    c.setFont(regular, 5.5)
    c.drawRightString(right, FRAME + 14, data.verification[:60])
    if data.voided:
        c.setFillColor(RED)
        c.setFont(bold, 9)
        reason = simpleSplit(f"CONSTANCIA CANCELADA: {data.void_reason}", bold, 9, 200)
        for n, line in enumerate(reason[:4]):  # left of the signature line
            c.drawString(FRAME + 18, FRAME + 96 - 11 * n, line)
        _mark(c, "CANCELADA", RED)
    if data.demo:
        _mark(c, "DEMOSTRACIÓN", colors.grey)


def _mark(c: Canvas, text: str, color: colors.Color) -> None:
    _regular, bold = register()
    c.saveState()
    c.setFillColor(color)
    c.setFillAlpha(0.22)
    c.setFont(bold, 72)
    c.translate(WIDTH / 2, HEIGHT / 2)
    c.rotate(20)
    c.drawCentredString(0, -24, text)
    c.restoreState()


def write_certificates(certificates: Iterable[CertificateData], target: Path | BinaryIO) -> int:
    """One certificate a page; returns the page count."""
    register()
    c = Canvas(str(target) if isinstance(target, Path) else target, pagesize=(WIDTH, HEIGHT))
    c.setTitle("Constancias de participación")
    c.setAuthor("Frontera Desk")
    pages = 0
    for data in certificates:
        draw_certificate(c, data, qr_matrix(data.verification))
        c.showPage()
        pages += 1
    c.save()
    return pages
