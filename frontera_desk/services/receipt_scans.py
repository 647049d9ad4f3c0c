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

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontera_desk.db.models import Attachment, Receipt
from frontera_desk.domain.errors import FronteraError, NotFoundError
from frontera_desk.domain.text import clean
from frontera_desk.services import attachments, receipts
from frontera_desk.services.attachments import AttachmentInfo, Owner, OwnerType
from frontera_desk.services.permissions import Actor
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


# --- the signed copy --------------------------------------------------------------------------


@dataclass(frozen=True)
class SignedCopy:
    folio: str
    attachment: AttachmentInfo
    code_checked: bool  # the QR code was read from the image and matched this receipt


def _receipt(session: Session, folio: str) -> Receipt:
    folio = clean(folio).upper()
    receipt = session.scalars(select(Receipt).where(Receipt.folio == folio)).first()
    if receipt is None:
        raise NotFoundError(f"No existe el recibo con folio {folio}.")
    return receipt


def attach_signed_copy(
    session: Session, actor: Actor, folio: str, filename: str, data: bytes
) -> SignedCopy:
    """Keep the scan or photo of the receipt as signed (or thumbprinted) by the beneficiary,
    among the receipt's attachments. When the image shows a QR code it must be this receipt's,
    unaltered; a scan where no code can be read (a PDF, a poor photo) is kept all the same."""
    receipt = _receipt(session, folio)
    if receipt.voided_at is not None:
        raise FronteraError(
            f"El recibo {receipt.folio} fue cancelado: no se le adjunta una copia firmada."
        )
    code_checked = False
    if attachments.media_type(data[:64], filename) in (attachments.JPEG, attachments.PNG):
        found = verify_image(session, data)
        if found.folio and found.folio != receipt.folio:
            raise FronteraError(
                f"La imagen es del recibo {found.folio}, no del {receipt.folio}: no se adjuntó."
            )
        if found.folio and found.verification.verdict != "valid":
            raise FronteraError(f"{found.verification.message} No se adjuntó.")
        code_checked = bool(found.folio)
    info = attachments.attach(
        session, actor, Owner(OwnerType.RECEIPT, receipt.id), attachments.SIGNED_RECEIPT,
        filename, data, f"Recibo {receipt.folio} firmado",
    )  # fmt: skip
    return SignedCopy(receipt.folio, info, code_checked)


def signed_copies(session: Session, folio: str) -> list[AttachmentInfo]:
    owner = Owner(OwnerType.RECEIPT, _receipt(session, folio).id)
    return [
        a for a in attachments.list_attachments(session, owner)
        if a.kind == attachments.SIGNED_RECEIPT
    ]  # fmt: skip


def signed_folios(session: Session, folios: list[str]) -> set[str]:
    """Which of these receipts have their signed copy attached (the receipts list's column)."""
    if not folios:
        return set()
    query = (
        select(Receipt.folio)
        .join(Attachment, (Attachment.owner_type == OwnerType.RECEIPT.value)
              & (Attachment.owner_id == Receipt.id))
        .where(Receipt.folio.in_(folios), Attachment.kind == attachments.SIGNED_RECEIPT,
               Attachment.erased.is_(False))
    )  # fmt: skip
    return set(session.scalars(query))
