"""Reading a provider's electronic invoice (CFDI 4.0 XML), with no I/O and no trust in the file.

The bytes come from outside (a provider's e-mail, a USB stick), so the parser resolves no entity,
loads no DTD, reaches no network and refuses huge trees, and any DOCTYPE is refused outright: a
CFDI never carries one, and one is how external-entity (XXE) and entity-expansion ("billion
laughs") attacks begin. What is read: the issuer's RFC and name, the receiver's RFC, the folio
fiscal (UUID of the Timbre Fiscal Digital), the date, the total in centavos and the concepts.
The seals are not verified here (see the README's evidence section for why).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING

from frontera_desk.domain.errors import FronteraError

if TYPE_CHECKING:
    from lxml import etree

CFDI_40 = "http://www.sat.gob.mx/cfd/4"
CFDI_33 = "http://www.sat.gob.mx/cfd/3"
TFD = "http://www.sat.gob.mx/TimbreFiscalDigital"
MAX_BYTES = 5_000_000  # an invoice with hundreds of concepts weighs a few hundred KB
_UUID = re.compile(r"^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$")
_KINDS = {"I": "ingreso", "E": "egreso", "T": "traslado", "N": "nómina", "P": "pago"}


_DOCTYPE = (
    "El XML declara un DOCTYPE o entidades, que una factura del SAT nunca lleva: "
    "se rechazó sin leerlo."
)


class InvoiceRefused(FronteraError):
    """The file is not an invoice this office can accept; the message says why in one line."""


@dataclass(frozen=True)
class Concept:
    description: str
    quantity: str
    amount_centavos: int


@dataclass(frozen=True)
class Cfdi:
    uuid: str  # folio fiscal, upper case
    issued_at: datetime  # Fecha (local time of the issuer, no zone)
    stamped_at: datetime  # FechaTimbrado of the Timbre Fiscal Digital
    issuer_rfc: str
    issuer_name: str
    receiver_rfc: str
    receiver_name: str
    total_centavos: int
    currency: str
    series_folio: str  # Serie and Folio, the issuer's own numbering (may be empty)
    concepts: tuple[Concept, ...]

    @property
    def issued_on(self) -> date:
        return self.issued_at.date()


def _parser() -> etree.XMLParser:
    from lxml import etree  # loaded when an invoice is read, not at start-up

    return etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
        dtd_validation=False, remove_comments=True, remove_pis=True,
    )  # fmt: skip


def valid_rfc(value: str, what: str) -> str:
    """An RFC in upper case without separators, or refused naming ``what`` it is."""
    # python-stdnum takes some 20 ms to import: loaded when an RFC is checked, not at start-up
    from stdnum.exceptions import ValidationError as StdnumError
    from stdnum.mx import rfc as stdnum_rfc

    text = value.strip().upper()
    try:
        return str(stdnum_rfc.validate(text))
    except StdnumError:
        raise InvoiceRefused(f"El RFC {what} «{text[:20]}» no es un RFC válido.") from None


def _centavos(text: str | None, what: str) -> int:
    try:
        value = Decimal((text or "").strip())
    except InvalidOperation:
        raise InvoiceRefused(f"La factura trae un {what} que no es un importe: «{text}».") from None
    if not value.is_finite() or value < 0:
        raise InvoiceRefused(f"La factura trae un {what} que no es un importe: «{text}».")
    return int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _moment(text: str | None, what: str) -> datetime:
    try:
        return datetime.fromisoformat((text or "").strip()[:19])
    except ValueError:
        raise InvoiceRefused(f"La factura trae una {what} que no es una fecha: «{text}».") from None


def parse(data: bytes) -> Cfdi:
    """The invoice the bytes hold, or InvoiceRefused with one Spanish line."""
    if len(data) > MAX_BYTES:
        raise InvoiceRefused("El XML pesa más de 5 MB: no parece una factura; no se leyó.")
    if not data.strip():
        raise InvoiceRefused("El archivo está vacío: no es una factura.")
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise InvoiceRefused(_DOCTYPE)
    from lxml import etree

    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        line = f" (línea {error.lineno})" if error.lineno else ""
        raise InvoiceRefused(f"El archivo no es un XML bien formado{line}: no se leyó.") from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise InvoiceRefused(_DOCTYPE)
    if root.tag == f"{{{CFDI_33}}}Comprobante":
        raise InvoiceRefused("La factura es un CFDI 3.3, ya sin validez: se requiere un CFDI 4.0.")
    if root.tag != f"{{{CFDI_40}}}Comprobante":
        raise InvoiceRefused("El XML no es una factura electrónica (CFDI 4.0) del SAT.")
    if root.get("Version") != "4.0":
        raise InvoiceRefused(f"La factura dice versión «{root.get('Version')}»: se requiere 4.0.")
    kind = root.get("TipoDeComprobante", "")
    if kind != "I":
        name = _KINDS.get(kind, kind or "sin tipo")
        raise InvoiceRefused(
            f"El comprobante es de tipo «{name}»: para un pago se requiere una factura de ingreso."
        )
    currency = root.get("Moneda", "")
    if currency != "MXN":
        raise InvoiceRefused(f"La factura está en «{currency}»: el apoyo se paga en pesos (MXN).")
    ns = {"cfdi": CFDI_40, "tfd": TFD}
    issuer = root.find("cfdi:Emisor", ns)
    receiver = root.find("cfdi:Receptor", ns)
    stamp = root.find("cfdi:Complemento/tfd:TimbreFiscalDigital", ns)
    if issuer is None or receiver is None:
        raise InvoiceRefused("La factura no trae emisor o receptor: no es un CFDI completo.")
    if stamp is None:
        raise InvoiceRefused(
            "La factura no está timbrada (le falta el Timbre Fiscal Digital): no tiene validez."
        )
    uuid = (stamp.get("UUID") or "").strip().upper()
    if not _UUID.match(uuid):
        raise InvoiceRefused(f"El folio fiscal (UUID) «{uuid[:40]}» no tiene la forma de uno.")
    concepts = tuple(
        Concept(
            description=" ".join((c.get("Descripcion") or "").split())[:300],
            quantity=(c.get("Cantidad") or "").strip(),
            amount_centavos=_centavos(c.get("Importe"), "importe de concepto"),
        )
        for c in root.iterfind("cfdi:Conceptos/cfdi:Concepto", ns)
    )
    if not concepts:
        raise InvoiceRefused("La factura no trae conceptos: no dice qué se pagó.")
    series = " ".join(
        p for p in (root.get("Serie", "").strip(), root.get("Folio", "").strip()) if p
    )
    return Cfdi(
        uuid=uuid,
        issued_at=_moment(root.get("Fecha"), "fecha de emisión"),
        stamped_at=_moment(stamp.get("FechaTimbrado"), "fecha de timbrado"),
        issuer_rfc=valid_rfc(issuer.get("Rfc", ""), "del emisor"),
        issuer_name=" ".join((issuer.get("Nombre") or "").split())[:200],
        receiver_rfc=valid_rfc(receiver.get("Rfc", ""), "del receptor"),
        receiver_name=" ".join((receiver.get("Nombre") or "").split())[:200],
        total_centavos=_centavos(root.get("Total"), "total"),
        currency=currency,
        series_folio=series[:60],
        concepts=concepts,
    )


def bare_parse(data: bytes) -> object:
    """The parse alone, with the same hardened parser (the benchmark's baseline)."""
    from lxml import etree

    return etree.fromstring(data, _parser())
