"""The CFDI 4.0 reader: what it reads from a synthetic invoice, and what it refuses."""

from datetime import date

import pytest
from lxml import etree

from frontera_desk.domain import cfdi
from tests.cfdi_samples import BILLION_LAUGHS, OFFICE_RFC, PROVIDER_RFC, UUID, XXE, make_cfdi


def test_reads_issuer_receiver_uuid_date_total_and_concepts():
    invoice = cfdi.parse(make_cfdi(total="15000.50"))
    assert invoice.issuer_rfc == PROVIDER_RFC
    assert invoice.issuer_name == "FUNERARIA SAN ROQUE"
    assert invoice.receiver_rfc == OFFICE_RFC
    assert invoice.uuid == UUID
    assert invoice.issued_on == date(2026, 3, 10)
    assert invoice.total_centavos == 1_500_050
    assert invoice.series_folio == "F 1207"
    assert [c.description for c in invoice.concepts] == [
        "Servicio funerario: ataúd, velación y traslado"
    ]
    assert invoice.concepts[0].amount_centavos == 1_500_050


def test_a_lower_case_uuid_is_read_in_upper_case():
    assert cfdi.parse(make_cfdi(uuid=UUID.lower())).uuid == UUID


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (XXE, "DOCTYPE"),
        (BILLION_LAUGHS, "DOCTYPE"),
        (b"<cfdi:Comprobante><sin cerrar>", "no es un XML bien formado"),
        (b"", "vacío"),
        (b'<?xml version="1.0"?><factura total="10"/>', "no es una factura electrónica"),
        (make_cfdi().replace(b"cfd/4", b"cfd/3"), "CFDI 3.3"),
        (make_cfdi(stamped=False), "Timbre Fiscal Digital"),
        (make_cfdi(kind="E"), "egreso"),
        (make_cfdi(currency="USD"), "USD"),
        (make_cfdi(issuer_rfc="NO-ES-RFC"), "RFC del emisor"),
        (make_cfdi(receiver_rfc="XYZ"), "RFC del receptor"),
        (make_cfdi(uuid="1234"), "folio fiscal"),
        (make_cfdi(total="mil"), "no es un importe"),
        (b"<a>" * 300 + b"x" + b"</a>" * 300, "no es un XML bien formado")  # depth > 256,
    ],
    ids=["xxe", "billion-laughs", "malformed", "empty", "not-cfdi", "cfdi-3.3", "unstamped",
         "credit-note", "dollars", "issuer-rfc", "receiver-rfc", "uuid", "total", "deep"],
)  # fmt: skip
def test_hostile_or_wrong_xml_is_refused_with_one_spanish_line(data, words):
    with pytest.raises(cfdi.InvoiceRefused) as refused:
        cfdi.parse(data)
    message = str(refused.value)
    assert words in message
    assert "\n" not in message and "root:" not in message  # nothing of /etc/passwd


def test_the_external_entity_is_never_read(tmp_path):
    secret = tmp_path / "secreto.txt"
    secret.write_text("MARCADOR-SECRETO")
    data = XXE.replace(b"file:///etc/passwd", secret.as_uri().encode())
    with pytest.raises(cfdi.InvoiceRefused) as refused:
        cfdi.parse(data)
    assert "MARCADOR" not in str(refused.value)
    # and even the bare hardened parse, given an entity in text, leaves it unresolved
    text = data.replace(b'<cfdi:Emisor Rfc="&xxe;"/>', b"<cfdi:Emisor>&xxe;</cfdi:Emisor>")
    assert b"MARCADOR" not in etree.tostring(cfdi.bare_parse(text))


def test_a_file_too_large_is_refused_before_parsing():
    with pytest.raises(cfdi.InvoiceRefused, match="5 MB"):
        cfdi.parse(b" " * (cfdi.MAX_BYTES + 1))
