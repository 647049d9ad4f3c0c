"""A provider's CFDI attached to a support: checked against it, the folio fiscal never twice."""

from datetime import date

import pytest

from frontera_desk.db.models import AuditEntry
from frontera_desk.domain.cfdi import InvoiceRefused
from frontera_desk.domain.enums import Role, Sex
from frontera_desk.domain.errors import FronteraError, OverrideRequired, PermissionDenied
from frontera_desk.services import (
    attachments,
    evidence,
    invoices,
    office,
    people,
    receipt_scans,
    supports,
)
from frontera_desk.services.attachments import Owner, OwnerType
from frontera_desk.services.people import PersonInput
from frontera_desk.services.supports import SupportInput
from tests.cfdi_samples import (
    BILLION_LAUGHS,
    OFFICE_RFC,
    OTHER_RFC,
    PROVIDER_RFC,
    UUID,
    XXE,
    make_cfdi,
)
from tests.conftest import TODAY

OTHER_UUID = "0A1B2C3D-4E5F-4A6B-8C7D-8E9F0A1B2C3D"


def set_office_rfc(db, actors, rfc=OFFICE_RFC):
    with db.write() as session:
        current = office.get_settings(session)
        office.update_settings(
            session, actors[Role.ADMINISTRADOR],
            office.OfficeSettings(**{**current.__dict__, "office_rfc": rfc}),
        )  # fmt: skip


def funeral(db, actors, amount=1_500_000, given="Marta"):
    with db.write() as session:
        person = people.create_person(
            session, actors[Role.CAPTURISTA],
            PersonInput(given, "Lopez", "", Sex.FEMALE, date(1980, 1, 1)), today=TODAY,
        )  # fmt: skip
        kind = next(t for t in supports.support_types(session) if t.code == "FUNERAL")
        return supports.request_support(
            session, actors[Role.CAPTURISTA],
            SupportInput(person.id, kind.id, "Servicio funerario", amount, "", TODAY),
            today=TODAY,
        ).id  # fmt: skip


@pytest.fixture
def support_id(db, actors):
    set_office_rfc(db, actors)
    return funeral(db, actors)


def attach(db, actor, support_id, data, **kwargs):
    with db.write() as session:
        return invoices.attach_invoice(
            session, actor, support_id, "factura.xml", data, today=TODAY, **kwargs
        )


def test_a_matching_invoice_is_accepted_and_fills_in_the_provider(db, actors, support_id):
    record = attach(db, actors[Role.CAPTURISTA], support_id, make_cfdi())
    assert (record.folio_fiscal, record.issuer_rfc, record.total_centavos) == (
        UUID, PROVIDER_RFC, 1_500_000,
    )  # fmt: skip
    assert all(check.ok for check in record.checks)
    with db.read() as session:
        support = supports.get_support(session, support_id)
        assert support.provider == "FUNERARIA SAN ROQUE"
        assert support.provider_rfc == PROVIDER_RFC
        assert invoices.invoice_of_support(session, support_id) == record
        entry = session.query(AuditEntry).order_by(AuditEntry.id.desc()).first()
        assert entry.action == "aceptar_factura" and UUID in entry.changes


def test_the_same_folio_fiscal_is_never_accepted_twice(db, actors, support_id):
    attach(db, actors[Role.CAPTURISTA], support_id, make_cfdi())
    second = funeral(db, actors, given="Julia")
    with pytest.raises(FronteraError, match=f"ya se aceptó para el apoyo núm. {support_id}"):
        attach(db, actors[Role.CAPTURISTA], second, make_cfdi(uuid=UUID.lower()))
    with db.read() as session:
        assert invoices.invoice_of_support(session, second) is None
        assert supports.get_support(session, second).provider == ""


def test_another_total_needs_a_supervisors_written_reason(db, actors, support_id):
    other_total = make_cfdi(total="15800.00")
    with pytest.raises(OverrideRequired, match=r"\$15,800.00.*\$15,000.00"):
        attach(db, actors[Role.CAPTURISTA], support_id, other_total)
    with pytest.raises(PermissionDenied):
        attach(db, actors[Role.CAPTURISTA], support_id, other_total, total_reason="Traslado")
    record = attach(db, actors[Role.SUPERVISOR], support_id, other_total,
                    total_reason="Incluye traslado pagado por la familia")  # fmt: skip
    assert record.total_reason == "Incluye traslado pagado por la familia"
    assert record.total_reason_by == "Sofia"
    assert [c.label for c in record.checks if not c.ok] == ["Total"]
    with db.read() as session:
        entry = session.query(AuditEntry).order_by(AuditEntry.id.desc()).first()
        assert "Incluye traslado" in entry.changes


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (make_cfdi(receiver_rfc=OTHER_RFC), f"se emitió al RFC {OTHER_RFC}"),
        (make_cfdi(issued="2026-04-01T09:00:00"), "fecha futura"),
        (make_cfdi(issued="2025-10-01T09:00:00"), "más de 60 días antes de la solicitud"),
        (XXE, "DOCTYPE"),
        (BILLION_LAUGHS, "DOCTYPE"),
        (b"<cfdi:Comprobante", "bien formado"),
        (b"<?xml version='1.0'?><pedido/>", "no es una factura"),
    ],
    ids=["other-receiver", "future", "too-old", "xxe", "billion-laughs", "malformed", "not-cfdi"],
)
def test_refused_invoices_save_nothing(db, actors, support_id, data, words):
    with pytest.raises(FronteraError, match=words) as refused:
        attach(db, actors[Role.CAPTURISTA], support_id, data)
    assert "\n" not in str(refused.value)
    with db.read() as session:
        assert invoices.invoice_of_support(session, support_id) is None
    # and a good invoice is still accepted afterwards
    attach(db, actors[Role.CAPTURISTA], support_id, make_cfdi(uuid=OTHER_UUID))


def test_without_the_office_rfc_no_invoice_can_be_checked(db, actors):
    support_id = funeral(db, actors)
    with pytest.raises(FronteraError, match="Falta el RFC de la oficina"):
        attach(db, actors[Role.CAPTURISTA], support_id, make_cfdi())


def test_the_office_rfc_setting_is_validated(db, actors):
    with pytest.raises(FronteraError, match="RFC de la oficina"):
        set_office_rfc(db, actors, "NO-ES-RFC")
    set_office_rfc(db, actors, "gch-000101-aaa")
    with db.read() as session:
        assert office.get_settings(session).office_rfc == OFFICE_RFC


def test_read_invoice_shows_the_checks_without_saving(db, actors, support_id):
    with db.read() as session:
        invoice, found = invoices.read_invoice(
            session, support_id, make_cfdi(total="1.00"), today=TODAY
        )
    assert invoice.issuer_name == "FUNERARIA SAN ROQUE"
    assert {c.label: c.ok for c in found} == {
        "Total": False, "Fecha": True, "RFC del receptor": True, "Folio fiscal": True,
    }  # fmt: skip
    with pytest.raises(InvoiceRefused), db.read() as session:
        invoices.read_invoice(session, support_id, XXE, today=TODAY)


def test_a_funeral_paid_to_the_provider_keeps_its_invoice_and_signed_receipt(
    db, actors, support_id, tmp_path
):
    """Issue #23, done when: the delivery with the provider's CFDI (XML and PDF) and the scan
    of the signed receipt, all of it in the support's file."""
    from tests.unit.test_attachments import png
    from tests.unit.test_receipt_scans import photo_of_printed_receipt

    caseworker, supervisor = actors[Role.CAPTURISTA], actors[Role.SUPERVISOR]
    pdf = b"%PDF-1.4\n% representacion impresa sintetica\n%%EOF\n"
    with db.write() as session:
        supports.approve_support(session, supervisor, support_id, on=TODAY, today=TODAY)
        for code, name in evidence.missing_documents(session, support_id):  # scans of each
            evidence.attach_document(session, caseworker, support_id, code, f"{code}.png",
                                     png(name.encode()))  # fmt: skip
    record = attach(db, caseworker, support_id, make_cfdi(), pdf=pdf, pdf_name="F1207.pdf")
    with db.write() as session:
        delivered = supports.deliver_support(session, caseworker, support_id, on=TODAY,
                                             today=TODAY)  # fmt: skip
    photo = photo_of_printed_receipt(db, delivered.folio, tmp_path)
    with db.write() as session:
        kept = receipt_scans.attach_signed_copy(session, caseworker, delivered.folio,
                                                "firmado.jpg", photo)  # fmt: skip
    assert kept.code_checked
    with db.write() as session:
        folder = evidence.support_file(session, support_id)
        assert folder.complete and all(doc.files for doc in folder.documents)
        kinds = [(f.kind, f.original_name) for f in folder.support_files + folder.person_files]
        assert ("factura_xml", "factura.xml") in kinds and ("factura_pdf", "F1207.pdf") in kinds
        assert ("recibo_firmado", "firmado.jpg") in kinds
        assert attachments.open_attachment(session, supervisor, record.xml_attachment_id) == (
            make_cfdi()
        )
        assert receipt_scans.signed_folios(session, [delivered.folio]) == {delivered.folio}
        support = supports.get_support(session, support_id)
        assert (support.provider, support.provider_rfc) == ("FUNERARIA SAN ROQUE", PROVIDER_RFC)
    # the same invoice for another funeral: refused, and nothing of it kept
    second = funeral(db, actors, given="Julia")
    with pytest.raises(FronteraError, match="una factura no respalda dos pagos"):
        attach(db, caseworker, second, make_cfdi(), pdf=pdf, pdf_name="F1207.pdf")
    with db.read() as session:
        assert attachments.list_attachments(session, Owner(OwnerType.SUPPORT, second)) == []


def test_the_printed_invoice_must_be_a_pdf(db, actors, support_id):
    with pytest.raises(FronteraError, match="no es un PDF"):
        attach(db, actors[Role.CAPTURISTA], support_id, make_cfdi(), pdf=b"\x89PNG\r\n\x1a\n" * 8,
               pdf_name="foto.png")  # fmt: skip
    with db.read() as session:
        assert invoices.invoice_of_support(session, support_id) is None


def test_a_supervisor_takes_back_an_invoice_accepted_by_mistake(db, actors, support_id):
    record = attach(db, actors[Role.CAPTURISTA], support_id, make_cfdi())
    with pytest.raises(PermissionDenied), db.write() as session:
        invoices.remove_invoice(session, actors[Role.CAPTURISTA], support_id, "Era de otro")
    with db.write() as session:
        invoices.remove_invoice(session, actors[Role.SUPERVISOR], support_id, "Era de otro")
    with db.write() as session:
        assert invoices.invoice_of_support(session, support_id) is None
        assert attachments.get_attachment(session, record.xml_attachment_id).erased
        entry = session.query(AuditEntry).order_by(AuditEntry.id.desc()).first()
        assert entry.action == "retirar_factura" and "Era de otro" in entry.changes
    second = funeral(db, actors, given="Julia")  # the folio fiscal may now back its payment
    assert attach(db, actors[Role.CAPTURISTA], second, make_cfdi()).support_id == second


def test_two_desks_racing_with_one_invoice_cannot_both_win(db, actors, support_id, monkeypatch):
    """The check reads before it writes; the UNIQUE folio fiscal catches the desk that read
    before the other's invoice was committed."""
    attach(db, actors[Role.CAPTURISTA], support_id, make_cfdi())
    second = funeral(db, actors, given="Julia")
    blind = [invoices.Check("Folio fiscal", True, UUID)]
    monkeypatch.setattr(invoices, "_checks_of", lambda *args: blind)  # read before the commit
    with pytest.raises(FronteraError, match="ya se aceptó en la oficina"):
        attach(db, actors[Role.CAPTURISTA], second, make_cfdi())
    with db.read() as session:
        assert invoices.invoice_of_support(session, second) is None
        assert attachments.list_attachments(session, Owner(OwnerType.SUPPORT, second)) == []
