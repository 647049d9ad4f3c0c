"""Synthetic CFDI 4.0 invoices made for tests (never a real one): invented RFCs, names, seals."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

PROVIDER_RFC = "FSR850101AB7"  # Funeraria San Roque (invented), persona moral
OFFICE_RFC = "GCH000101AAA"  # the office's (invented)
OTHER_RFC = "OTR991231XY6"
UUID = "6F1C2B3A-4D5E-4F60-8A7B-9C0D1E2F3A4B"


def make_cfdi(
    *,
    uuid: str = UUID,
    total: str = "15000.00",
    issued: str = "2026-03-10T11:20:00",
    issuer_rfc: str = PROVIDER_RFC,
    issuer_name: str = "FUNERARIA SAN ROQUE",
    receiver_rfc: str = OFFICE_RFC,
    kind: str = "I",
    currency: str = "MXN",
    stamped: bool = True,
    concepts: int = 1,
) -> bytes:
    stamp = (
        '<cfdi:Complemento><tfd:TimbreFiscalDigital Version="1.1" '
        f'UUID="{uuid}" FechaTimbrado="{issued}" RfcProvCertif="SPR190613I52" '
        'SelloCFD="U0lOVEVUSUNP" NoCertificadoSAT="00001000000700000001" SelloSAT="U0lOVEVUSUNP"/>'
        "</cfdi:Complemento>"
        if stamped
        else ""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<cfdi:Comprobante xmlns:cfdi="http://www.sat.gob.mx/cfd/4" '
        'xmlns:tfd="http://www.sat.gob.mx/TimbreFiscalDigital" '
        f'Version="4.0" Serie="F" Folio="1207" Fecha="{issued}" Sello="U0lOVEVUSUNP" '
        'NoCertificado="00001000000500000001" Certificado="Q0VSVElGSUNBRE8=" '
        f'SubTotal="{total}" Moneda="{currency}" Total="{total}" TipoDeComprobante="{kind}" '
        'Exportacion="01" MetodoPago="PUE" FormaPago="03" LugarExpedicion="30700">'
        f"<cfdi:Emisor Rfc={quoteattr(issuer_rfc)} Nombre={quoteattr(issuer_name)} "
        'RegimenFiscal="601"/>'
        f'<cfdi:Receptor Rfc={quoteattr(receiver_rfc)} Nombre="OFICINA DE ATENCION A MIGRANTES" '
        'DomicilioFiscalReceptor="29000" RegimenFiscalReceptor="603" UsoCFDI="G03"/>'
        "<cfdi:Conceptos>"
        + (
            '<cfdi:Concepto ClaveProdServ="85171500" Cantidad="1" ClaveUnidad="E48" '
            'Descripcion="Servicio funerario: ataúd, velación y traslado" '
            f'ValorUnitario="{total}" Importe="{total}" ObjetoImp="01"/>'
        )
        * concepts
        + "</cfdi:Conceptos>"
        f"{stamp}"
        "</cfdi:Comprobante>\n"
    ).encode()


XXE = (
    b'<?xml version="1.0"?>\n<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    b'<cfdi:Comprobante xmlns:cfdi="http://www.sat.gob.mx/cfd/4" Version="4.0">'
    b'<cfdi:Emisor Rfc="&xxe;"/></cfdi:Comprobante>'
)

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b']>\n<cfdi:Comprobante xmlns:cfdi="http://www.sat.gob.mx/cfd/4">&lol9;</cfdi:Comprobante>'
)
