"""Receipt rendering against its floor: a bare reportlab page with the same text.

    python -m tests.benchmarks.bench_receipts [--batch 1000]

Prints the median time of one receipt (original and copy on one sheet, embedded font, QR code)
next to a bare reportlab page drawing the same strings with a built-in font, and the time and
peak memory of a batch written into one PDF. Target (issue 5): under 25 ms per receipt and
within 5x of the floor.
"""

from __future__ import annotations

import argparse
import io
import time
import tracemalloc
from dataclasses import replace
from datetime import date

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

from frontera_desk.domain.amount_words import amount_in_words
from frontera_desk.reports.fonts import register
from frontera_desk.reports.receipt import write_receipts
from frontera_desk.services.receipts import ReceiptData
from tests.benchmarks.common import median_ms

SAMPLE = ReceiptData(
    folio="TAP-2026-000123", issued_on=date(2026, 11, 25), office_code="TAP",
    office_name="Oficina de Atención a Migrantes Tapachula",
    office_address="4a. Avenida Norte 12, Centro, Tapachula, Chiapas", place="Tapachula, Chiapas",
    beneficiary="Widelande Saint-Fleur Désir", nationality="Haití",
    document="Constancia de la COMAR COMAR-2026-77740", concept="Pago de servicios funerarios",
    description="Servicio funerario básico y traslado", provider="Funerales del Soconusco",
    amount_centavos=1_334_000, amount_text="$13,340.00", amount_words=amount_in_words(1_334_000),
    delivered_by="Trabajadora social", approved_by="Supervisora de oficina",
    program_legend="Este programa es público, ajeno a cualquier partido político.",
    privacy_legend="Sus datos personales se tratan conforme al aviso de privacidad.",
    verification="FD|TAP-2026-000123|20261125|1334000|ABCDEFGHIJKL", voided=False,
    void_reason="", print_count=0, demo=False, two_copies=True,
)  # fmt: skip


def bare_page(out: io.BytesIO, font: str = "Helvetica") -> None:
    """The floor: the same strings, twice, on one page, no layout and no QR code."""
    c = Canvas(out, pagesize=LETTER)
    for top in (792, 396):
        y = top - 40
        for text in (SAMPLE.office_name, SAMPLE.folio, SAMPLE.beneficiary, SAMPLE.amount_words,
                     SAMPLE.description, SAMPLE.program_legend, SAMPLE.privacy_legend):  # fmt: skip
            c.setFont(font, 10)
            c.drawString(36, y, text)
            y -= 14
    c.showPage()
    c.save()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=1000)
    args = parser.parse_args()
    register()
    write_receipts([SAMPLE], io.BytesIO())  # warm up: fonts registered once per process
    floor = median_ms(lambda: bare_page(io.BytesIO()), 30)
    embedded = median_ms(lambda: bare_page(io.BytesIO(), "DejaVuSans"))
    one = median_ms(lambda: write_receipts([SAMPLE], io.BytesIO()))

    def batch(count: int) -> io.BytesIO:
        out = io.BytesIO()
        write_receipts((replace(SAMPLE, folio=f"TAP-2026-{n:06d}") for n in range(count)), out)
        return out

    start = time.perf_counter()
    out = batch(args.batch)
    batch_s = time.perf_counter() - start
    peaks = {}
    for count in (args.batch // 10, args.batch):  # memory, measured apart: tracing is slow
        tracemalloc.start()
        batch(count)
        peaks[count] = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    print(f"{'measure':<46} {'value':>10} {'floor':>10} {'ratio':>7}")
    print(f"{'one receipt (median, ms) vs bare page, Helvetica':<46} {one:>10.2f} {floor:>10.2f} "
          f"{one / floor:>6.1f}x")  # fmt: skip
    print(f"{'one receipt (median, ms) vs bare page, DejaVu':<46} {one:>10.2f} {embedded:>10.2f} "
          f"{one / embedded:>6.1f}x")  # fmt: skip
    print(f"{f'batch of {args.batch} into one PDF (s)':<46} {batch_s:>10.2f}")
    print(f"{'  per receipt (ms)':<46} {1000 * batch_s / args.batch:>10.2f}")
    print(f"{'  PDF size (MB)':<46} {out.tell() / 1e6:>10.2f}")
    for count, peak in peaks.items():
        print(f"{f'  peak Python memory, batch of {count} (MB)':<46} {peak:>10.1f}")


if __name__ == "__main__":
    main()
