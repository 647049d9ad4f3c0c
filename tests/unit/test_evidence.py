"""A support's evidence file: the checklist, delivery without documents, what is pending."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from frontera_desk.db.models import Attachment, AuditEntry
from frontera_desk.domain.enums import Role, Sex, SupportStatus
from frontera_desk.domain.errors import OverrideRequired, PermissionDenied, ValidationError
from frontera_desk.services import (
    attachments,
    dashboard,
    evidence,
    months,
    people,
    privacy,
    summary,
    supports,
)
from frontera_desk.services.attachments import Owner, OwnerType
from frontera_desk.services.people import PersonInput
from frontera_desk.services.supports import SupportInput
from tests.conftest import TODAY
from tests.unit.test_attachments import png

ACTA, QUOTE, ID = "certificado_o_acta_de_defuncion", "cotizacion_de_la_funeraria", "identificacion"


@pytest.fixture
def funeral(db, actors):
    """A funeral payment, approved: three documents required."""
    with db.write() as session:
        person = people.create_person(session, actors[Role.CAPTURISTA], PersonInput(
            "Rosa", "Mejía", "Cruz", Sex.FEMALE, date(1985, 2, 1)), today=TODAY)  # fmt: skip
        kind = next(t for t in supports.support_types(session) if t.code == "FUNERAL")
        support = supports.request_support(session, actors[Role.CAPTURISTA], SupportInput(
            person.id, kind.id, "Servicio funerario", 1_500_000, "Funeraria San José", TODAY,
        ), today=TODAY)  # fmt: skip
        supports.approve_support(session, actors[Role.SUPERVISOR], support.id, today=TODAY)
    return person, support


def test_the_checklist_follows_the_type_and_says_who_received_what(db, actors, funeral):
    person, support = funeral
    with db.read() as session:
        folder = evidence.support_file(session, support.id)
    assert [d.code for d in folder.documents] == [ACTA, QUOTE, ID]
    assert folder.missing == ("Certificado o acta de defunción", "Cotización de la funeraria",
                              "Identificación o constancia de la persona beneficiaria")  # fmt: skip
    with db.write() as session:
        folder = evidence.mark_document(session, actors[Role.CAPTURISTA], support.id, QUOTE,
                                        note="Original en el archivo físico")  # fmt: skip
    quote = folder.documents[1]
    assert (quote.received, quote.received_by, quote.note) == (True, "Ana", "Original en el "
                                                               "archivo físico")  # fmt: skip
    assert quote.received_at is not None
    with db.write() as session:  # a scan of the death certificate marks it received
        folder = evidence.attach_document(session, actors[Role.CAPTURISTA], support.id, ACTA,
                                          "acta.pdf", b"%PDF-1.4 acta")  # fmt: skip
    assert folder.documents[0].received and [f.original_name for f in folder.documents[0].files]
    assert folder.missing == ("Identificación o constancia de la persona beneficiaria",)
    with pytest.raises(ValidationError, match="no requiere"), db.write() as session:
        evidence.mark_document(session, actors[Role.CAPTURISTA], support.id, "pasaporte")
    with db.write() as session:  # unchecked again: who and when are cleared
        folder = evidence.mark_document(session, actors[Role.CAPTURISTA], support.id, QUOTE,
                                        received=False)  # fmt: skip
    assert not folder.documents[1].received and folder.documents[1].received_by == ""


def test_an_identification_is_kept_with_the_person_and_reused(db, actors, funeral):
    person, support = funeral
    with db.write() as session:
        evidence.attach_document(session, actors[Role.CAPTURISTA], support.id, ID, "ine.png",
                                 png())  # fmt: skip
        kind = next(t for t in supports.support_types(session) if t.code == "MED_MEDICAMENTOS")
        other = supports.request_support(session, actors[Role.CAPTURISTA], SupportInput(
            person.id, kind.id, "Antibiótico", 40_000, "Farmacia", TODAY), today=TODAY)  # fmt: skip
        folder = evidence.support_file(session, other.id)
    assert [a.original_name for a in folder.person_files] == ["ine.png"]
    identification = next(d for d in folder.documents if d.code == ID)
    assert [f.original_name for f in identification.files] == ["ine.png"]
    assert not identification.received  # seen on file; each support's checklist is its own


def test_delivery_needs_the_documents_or_a_supervisors_written_reason(db, actors, funeral):
    _, support = funeral
    caseworker, boss = actors[Role.CAPTURISTA], actors[Role.SUPERVISOR]
    missing = "Faltan documentos del expediente: Certificado"
    with pytest.raises(OverrideRequired, match=missing), db.write() as session:
        supports.deliver_support(session, caseworker, support.id, today=TODAY)
    not_allowed = "entregar un apoyo sin sus documentos"
    with pytest.raises(PermissionDenied, match=not_allowed), db.write() as session:
        supports.deliver_support(session, caseworker, support.id, today=TODAY,
                                 evidence_reason="La familia los trae el lunes")  # fmt: skip
    with db.write() as session:
        reason = "Sepelio urgente; acta en trámite"
        done = supports.deliver_support(
            session, boss, support.id, today=TODAY, evidence_reason=reason
        )
        entry = session.scalars(select(AuditEntry).where(
            AuditEntry.action == "entregar_sin_documentos")).one()  # fmt: skip
    assert done.status is SupportStatus.DELIVERED and done.folio
    assert "Sepelio urgente" in entry.changes and ACTA in entry.changes
    assert done.events[-1].reason == "Sin documentos: Sepelio urgente; acta en trámite"


def test_a_caseworker_delivers_once_the_folder_is_complete(db, actors, funeral):
    _, support = funeral
    with db.write() as session:
        evidence.receive_all(session, actors[Role.CAPTURISTA], support.id)
        done = supports.deliver_support(session, actors[Role.CAPTURISTA], support.id, today=TODAY)
    assert done.status is SupportStatus.DELIVERED


def test_inicio_and_the_month_show_deliveries_with_evidence_pending(db, actors, funeral):
    _, support = funeral
    boss = actors[Role.SUPERVISOR]
    with db.write() as session:
        supports.deliver_support(session, boss, support.id, today=TODAY, evidence_reason="Urgente")
        assert dashboard.overview(session, TODAY).evidence_pending == 1
        [pending] = evidence.delivered_pending(session)
        assert (pending.support_id, pending.missing) == (support.id, 3)
        figures = summary.monthly_summary(session, boss.office_code, TODAY.year, TODAY.month)
        assert figures.evidence_pending == 1
    pending = "1 apoyo entregado en .* tiene documentos"
    with pytest.raises(months.EvidencePending, match=pending), db.write() as session:
        months.close_month(session, boss, TODAY.year, TODAY.month)
    with db.write() as session:
        state = months.close_month(session, boss, TODAY.year, TODAY.month,
                                   confirm_evidence_pending=True)  # fmt: skip
        snapshot = months.snapshot_document(session, TODAY.year, TODAY.month)
    assert state.closed and snapshot[0]["supports"]["evidence_pending"] == 1
    with db.write() as session:  # the documents arrive after the close: the count drops
        evidence.receive_all(session, actors[Role.CAPTURISTA], support.id)
        assert dashboard.overview(session, TODAY).evidence_pending == 0


def test_anonymizing_erases_the_persons_files_and_the_audit_says_so(db, actors, funeral):
    person, support = funeral
    caseworker = actors[Role.CAPTURISTA]
    with db.write() as session:
        evidence.attach_document(session, caseworker, support.id, ID, "ine.png", png())
        evidence.attach_document(session, caseworker, support.id, ACTA, "acta.pdf", b"%PDF-1 a")
        attachments.attach(
            session,
            caseworker,
            Owner(OwnerType.SUPPORT, support.id),
            attachments.INVOICE_XML,
            "factura.xml",
            b"<?xml version='1.0'?><a/>",
        )
        exported = privacy.export_person(session, actors[Role.SUPERVISOR], person.id)
    assert sorted(a["nombre"] for a in exported["archivos"]) == ["acta.pdf", "factura.xml",
                                                                  "ine.png"]  # fmt: skip
    with db.write() as session:
        privacy.anonymize_person(session, actors[Role.SUPERVISOR], person.id, "Lo pidió")
        rows = [(r.erased, r.content is None, r.original_name)
                for r in session.scalars(select(Attachment).order_by(Attachment.id))]  # fmt: skip
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "anonimizar")).one()
        listed = attachments.attachments_of_person(session, person.id)
    assert rows == [(True, True, "(borrado)"), (True, True, "(borrado)"),
                    (False, False, "factura.xml")]  # fmt: skip
    assert '"adjuntos_borrados": 2' in entry.changes
    assert [a.erased for a in listed] == [True, True, False]
