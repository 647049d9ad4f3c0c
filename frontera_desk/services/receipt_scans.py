"""The signed receipt back in the record: its scan or photo, and its QR code read from the image.

The caseworker scans or photographs the receipt the beneficiary signed or thumbprinted and
attaches it to its folio (kept encrypted by services/attachments.py). The QR code printed on the
receipt is read from the image (zxing-cpp) and checked as *Verificar un código* checks a typed
code; a scan whose code names another receipt is refused for this folio.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from sqlalchemy.orm import Session

from frontera_desk.domain.errors import FronteraError
from frontera_desk.services import receipts
from frontera_desk.services.receipts import Verification

MAX_PIXELS = 60_000_000  # a 60-megapixel photo; larger images are refused, not decoded


class ImageUnreadable(FronteraError):
    """The file is not an image the QR reader can use; the message says why."""


def _image(data: bytes):  # type: ignore[no-untyped-def]
    from PIL import Image, ImageOps, UnidentifiedImageError

    if data[:5] == b"%PDF-":
        raise ImageUnreadable(
            "El archivo es un PDF: para leer el código elija una foto o imagen escaneada "
            "(JPEG o PNG) del recibo."
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            opened = Image.open(io.BytesIO(data))
            if opened.width * opened.height > MAX_PIXELS:
                raise ImageUnreadable(
                    f"La imagen mide {opened.width}×{opened.height} píxeles: es demasiado grande "
                    "para leer el código; tómela con menor resolución."
                )
            opened.load()
            image = ImageOps.exif_transpose(opened)  # a phone photo taken sideways
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ImageUnreadable(
            "El archivo no es una imagen que se pueda leer (JPEG o PNG)."
        ) from None
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ImageUnreadable(
            "La imagen es demasiado grande para leer el código; tómela con menor resolución."
        ) from None
    return image.convert("L")


def decode_codes(data: bytes) -> list[str]:
    """The texts of the QR codes found in an image (JPEG, PNG…), in the order found."""
    import zxingcpp  # loaded when an image is read, not at start-up

    image = _image(data)
    found = zxingcpp.read_barcodes(
        image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    )
    return [code.text for code in found if code.valid and code.text]


@dataclass(frozen=True)
class ImageVerification:
    code: str  # the code read ("" when none was found)
    folio: str  # the folio the code names ("" when it names none)
    verification: Verification


def _folio_in(code: str) -> str:
    parts = code.strip().split("|")
    return parts[1].upper() if len(parts) == 5 and parts[0] == "FD" else ""


def verify_image(session: Session, data: bytes) -> ImageVerification:
    """Read the receipt's QR code from a scan or photo and check it against the records."""
    codes = decode_codes(data)
    if not codes:
        return ImageVerification(
            "", "", Verification(
                False,
                "No se encontró un código QR en la imagen: tome la foto más de cerca, con luz y "
                "sin reflejos, con el código completo.",
            ),
        )  # fmt: skip
    ours = [code for code in codes if _folio_in(code)]
    code = ours[0] if ours else codes[0]
    return ImageVerification(code, _folio_in(code), receipts.verify_code(session, code))
