"""Reading a provider's invoice against the bare XML parse of the same bytes.

    python -m tests.benchmarks.bench_cfdi

Prints the median time of ``domain.cfdi.parse`` (the hardened parse, the checks for DOCTYPE and
entities, every field, both RFCs through python-stdnum, the concepts) next to the bare parse of
the same bytes with the same hardened parser (its floor) and with lxml's default parser (for
information), for a one-concept invoice and a 200-concept one; then the time to find and read
the QR code in a photo of a printed receipt (zxing-cpp). Nothing fails on time.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from lxml import etree

from frontera_desk.domain import cfdi
from tests.benchmarks.common import median_ms, table
from tests.cfdi_samples import make_cfdi


def rows(repeat: int = 200) -> list[tuple[str, float, float | None, str]]:
    found: list[tuple[str, float, float | None, str]] = []
    for concepts in (1, 200):
        data = make_cfdi(concepts=concepts)
        cfdi.parse(data)  # warm up: lxml and stdnum loaded
        # microseconds: a small invoice reads in a fraction of a millisecond
        read = 1000 * median_ms(lambda data=data: cfdi.parse(data), repeat)  # type: ignore[misc]
        bare = 1000 * median_ms(lambda data=data: cfdi.bare_parse(data), repeat)  # type: ignore[misc]
        default = 1000 * median_ms(lambda data=data: etree.fromstring(data), repeat)  # type: ignore[misc]
        label = f"CFDI of {concepts} concept(s), {len(data) / 1000:.1f} KB"
        found.append((f"read and check a {label} vs its hardened parse (µs)", read, bare,
                      "<= 20 ms"))  # fmt: skip
        found.append(("  lxml's default parser, same bytes (µs)", default, None, "(information)"))
    return found


def qr_rows(repeat: int = 5) -> list[tuple[str, float, float | None, str]]:
    """The QR code read from a receipt rendered at 150 dpi, blurred and turned 3 degrees."""
    if shutil.which("pdftoppm") is None:
        return []
    from PIL import Image, ImageFilter

    from frontera_desk.reports.receipt import write_receipts
    from frontera_desk.services.receipt_scans import decode_codes
    from tests.benchmarks.bench_receipts import SAMPLE

    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "recibo.pdf"
        write_receipts([SAMPLE], pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(Path(folder) / "p")],
                       check=True)  # fmt: skip
        page = Image.open(next(Path(folder).glob("p*.png"))).convert("RGB")
    photo = page.filter(ImageFilter.GaussianBlur(1)).rotate(3, expand=True, fillcolor="white")
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=80)
    jpeg = out.getvalue()
    assert set(decode_codes(jpeg)) == {SAMPLE.verification}  # original and copy
    return [(f"QR read from a {photo.width}x{photo.height} photo of a receipt (ms)",
             median_ms(lambda: decode_codes(jpeg), repeat), None, "(information)")]  # fmt: skip


def main() -> None:
    print(table(rows() + qr_rows()))


if __name__ == "__main__":
    main()
