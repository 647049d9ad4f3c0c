"""Providers' invoices (CFDI 4.0) for supports paid to a provider.

An invoice is read (domain/cfdi.py), checked against its support — total equal to the amount
(or a supervisor's written reason), a plausible date, the office's RFC as receiver, and a folio
fiscal never accepted before in the office — then kept: its figures in ``provider_invoices``
(the folio fiscal UNIQUE, so two desks racing with one invoice cannot both win), the XML and its
PDF encrypted among the support's attachments, and the support's provider filled in from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from frontera_desk.db.models import ProviderInvoice, Support, User
from frontera_desk.domain import cfdi
from frontera_desk.domain.enums import STATUS_ES, SupportStatus
from frontera_desk.domain.errors import FronteraError, NotFoundError, OverrideRequired
from frontera_desk.domain.money import format_money
from frontera_desk.domain.text import checked
from frontera_desk.services import attachments, audit
from frontera_desk.services.attachments import Owner, OwnerType
from frontera_desk.services.office import get_settings
from frontera_desk.services.permissions import Action, Actor, require

# An invoice dated this long before the request is for something else (a quotation precedes
# the request; the invoice comes with or after the payment).
DAYS_BEFORE_REQUEST = 60


@dataclass(frozen=True)
class Check:
    """One comparison of the invoice with its support, as the support's file shows it."""

    label: str
    ok: bool
    detail: str


@dataclass(frozen=True)
class InvoiceRecord:
    id: int
    support_id: int
    folio_fiscal: str
    issuer_rfc: str
    issuer_name: str
    receiver_rfc: str
    issued_on: date
    total_centavos: int
    concepts: tuple[str, ...]
    total_reason: str
    total_reason_by: str
    xml_attachment_id: int | None
    pdf_attachment_id: int | None
    checks: tuple[Check, ...]


def _support(session: Session, support_id: int) -> Support:
    support = session.get(Support, support_id)
    if support is None:
        raise NotFoundError(f"No existe el apoyo núm. {support_id}.")
    return support


def checks(
    session: Session, support: Support, uuid: str, total: int, issued_on: date,
    receiver_rfc: str, today: date,
) -> list[Check]:  # fmt: skip
    """How an invoice compares with its support (each check, passed or not)."""
    office_rfc = get_settings(session).office_rfc
    earliest = support.requested_on - timedelta(days=DAYS_BEFORE_REQUEST)
    taken = session.scalar(
        select(ProviderInvoice.support_id).where(ProviderInvoice.folio_fiscal == uuid)
    )
    return [
        Check(
            "Total",
            total == support.amount_centavos,
            f"factura {format_money(total)}, apoyo {format_money(support.amount_centavos)}",
        ),
        Check(
            "Fecha",
            earliest <= issued_on <= today,
            f"{issued_on:%d/%m/%Y}; solicitud del {support.requested_on:%d/%m/%Y}",
        ),
        Check(
            "RFC del receptor",
            bool(office_rfc) and receiver_rfc == office_rfc,
            f"{receiver_rfc}; oficina: {office_rfc or 'sin configurar'}",
        ),
        Check(
            "Folio fiscal",
            taken is None or taken == support.id,
            uuid if taken in (None, support.id) else f"{uuid}, ya usado en el apoyo núm. {taken}",
        ),
    ]


def _checks_of(session: Session, support: Support, invoice: cfdi.Cfdi, today: date) -> list[Check]:
    return checks(session, support, invoice.uuid, invoice.total_centavos, invoice.issued_on,
                  invoice.receiver_rfc, today)  # fmt: skip


def read_invoice(
    session: Session, support_id: int, data: bytes, today: date | None = None
) -> tuple[cfdi.Cfdi, list[Check]]:
    """The invoice and its checks against the support, saving nothing (the GUI shows them before
    the caseworker accepts it)."""
    invoice = cfdi.parse(data)
    support = _support(session, support_id)
    return invoice, _checks_of(session, support, invoice, today or date.today())


def _refuse(session: Session, support: Support, invoice: cfdi.Cfdi, found: list[Check],
            total_reason: str, actor: Actor, today: date) -> str | None:  # fmt: skip
    """Raise the first failed check that no one may pass; the total alone may be passed by a
    supervisor with a written reason (returned)."""
    failed = {c.label for c in found if not c.ok}
    if "Folio fiscal" in failed:
        other = session.scalar(
            select(ProviderInvoice.support_id).where(ProviderInvoice.folio_fiscal == invoice.uuid)
        )
        raise FronteraError(
            f"La factura con folio fiscal {invoice.uuid} ya se aceptó para el apoyo núm. {other}: "
            "una factura no respalda dos pagos."
        )
    if "RFC del receptor" in failed:
        office_rfc = get_settings(session).office_rfc
        if not office_rfc:
            raise FronteraError(
                "Falta el RFC de la oficina (Administración → Configuración): sin él no se puede "
                "comprobar a quién se facturó."
            )
        raise FronteraError(
            f"La factura se emitió al RFC {invoice.receiver_rfc}, no al de la oficina "
            f"({office_rfc}): no sirve para comprobar este pago."
        )
    if "Fecha" in failed:
        if invoice.issued_on > today:
            raise FronteraError(
                f"La factura tiene fecha futura ({invoice.issued_on:%d/%m/%Y}): no se acepta."
            )
        raise FronteraError(
            f"La factura es del {invoice.issued_on:%d/%m/%Y}, más de {DAYS_BEFORE_REQUEST} días "
            f"antes de la solicitud ({support.requested_on:%d/%m/%Y}): no corresponde a este pago."
        )
    if "Total" in failed:
        if not total_reason:
            raise OverrideRequired(
                f"El total de la factura ({format_money(invoice.total_centavos)}) no es el importe "
                f"del apoyo ({format_money(support.amount_centavos)}): se necesita el motivo "
                "escrito de un(a) supervisor(a)."
            )
        require(actor, Action.OVERRIDE_LIMIT)
        return total_reason
    return None


def attach_invoice(
    session: Session,
    actor: Actor,
    support_id: int,
    filename: str,
    xml: bytes,
    *,
    pdf: bytes | None = None,
    pdf_name: str = "",
    total_reason: str = "",
    today: date | None = None,
) -> InvoiceRecord:
    """Accept the provider's invoice for a support, with its PDF if given: checked, recorded,
    the XML and PDF kept among the support's attachments, the provider filled in, audited."""
    require(actor, Action.REQUEST_SUPPORT)
    today = today or date.today()
    support = _support(session, support_id)
    status = SupportStatus(support.status)
    if status in (SupportStatus.REJECTED, SupportStatus.CANCELLED):
        raise FronteraError(f"El apoyo está {STATUS_ES[status].lower()}: no lleva factura.")
    existing = session.scalar(
        select(ProviderInvoice.folio_fiscal).where(ProviderInvoice.support_id == support.id)
    )
    if existing is not None:
        raise FronteraError(f"El apoyo núm. {support.id} ya tiene su factura ({existing}).")
    reason = checked(total_reason, "total_reason", "Motivo", 500)
    invoice = cfdi.parse(xml)
    if pdf is not None and attachments.media_type(pdf[:64], pdf_name or "factura.pdf") != (
        attachments.PDF
    ):
        raise FronteraError(f"«{pdf_name}» no es un PDF: adjunte la representación impresa.")
    found = _checks_of(session, support, invoice, today)
    override = _refuse(session, support, invoice, found, reason, actor, today)
    record = ProviderInvoice(
        office_code=actor.office_code, created_by_id=actor.user_id, support_id=support.id,
        folio_fiscal=invoice.uuid, issuer_rfc=invoice.issuer_rfc,
        issuer_name=invoice.issuer_name, receiver_rfc=invoice.receiver_rfc,
        issued_on=invoice.issued_on, total_centavos=invoice.total_centavos,
        concepts="\n".join(c.description for c in invoice.concepts),
        total_reason=override, total_reason_by_id=actor.user_id if override else None,
    )  # fmt: skip
    session.add(record)
    try:
        session.flush()
    except IntegrityError:  # another desk accepted the same folio fiscal a moment ago
        raise FronteraError(
            f"La factura con folio fiscal {invoice.uuid} ya se aceptó en la oficina: "
            "una factura no respalda dos pagos."
        ) from None
    owner = Owner(OwnerType.SUPPORT, support.id)
    label = f"Factura {invoice.series_folio or invoice.uuid} de {invoice.issuer_name}"[:300]
    record.xml_attachment_id = attachments.attach(
        session, actor, owner, attachments.INVOICE_XML, filename or "factura.xml", xml, label
    ).id
    if pdf is not None:
        record.pdf_attachment_id = attachments.attach(
            session, actor, owner, attachments.INVOICE_PDF, pdf_name or "factura.pdf", pdf, label
        ).id
    old_provider = [support.provider, support.provider_rfc]
    support.provider = invoice.issuer_name or support.provider
    support.provider_rfc = invoice.issuer_rfc
    audit.record(
        session, actor, "aceptar_factura", "apoyo", support.uuid,
        {"folio_fiscal": invoice.uuid, "emisor": invoice.issuer_rfc,
         "total": invoice.total_centavos, "motivo_total": override,
         "proveedor": [old_provider, [support.provider, support.provider_rfc]]},
    )  # fmt: skip
    session.flush()
    return invoice_of_support(session, support.id)  # type: ignore[return-value]


def remove_invoice(session: Session, actor: Actor, support_id: int, reason: str) -> None:
    """Take back an invoice accepted by mistake (a supervisor, with a reason): its XML and PDF
    are erased from the support's file, and its folio fiscal may back another payment again.
    The audit log keeps the folio fiscal, who removed it and why."""
    require(actor, Action.DECIDE_SUPPORT)
    reason = checked(reason, "reason", "Motivo", 300, True)
    support = _support(session, support_id)
    record = session.scalar(select(ProviderInvoice).where(ProviderInvoice.support_id == support.id))
    if record is None:
        raise NotFoundError(f"El apoyo núm. {support.id} no tiene factura.")
    for attachment_id in (record.xml_attachment_id, record.pdf_attachment_id):
        if (
            attachment_id is not None
            and not attachments.get_attachment(session, attachment_id).erased
        ):
            attachments.remove(session, actor, attachment_id, f"Factura retirada: {reason}")
    audit.record(session, actor, "retirar_factura", "apoyo", support.uuid,
                 {"folio_fiscal": record.folio_fiscal, "motivo": reason})  # fmt: skip
    session.delete(record)
    session.flush()


def invoice_of_support(session: Session, support_id: int) -> InvoiceRecord | None:
    record = session.scalar(select(ProviderInvoice).where(ProviderInvoice.support_id == support_id))
    if record is None:
        return None
    support = _support(session, support_id)
    today = max(record.issued_on, date.today())
    found = checks(session, support, record.folio_fiscal, record.total_centavos,
                   record.issued_on, record.receiver_rfc, today)  # fmt: skip
    by = session.get(User, record.total_reason_by_id) if record.total_reason_by_id else None
    return InvoiceRecord(
        id=record.id, support_id=support_id, folio_fiscal=record.folio_fiscal,
        issuer_rfc=record.issuer_rfc, issuer_name=record.issuer_name,
        receiver_rfc=record.receiver_rfc, issued_on=record.issued_on,
        total_centavos=record.total_centavos,
        concepts=tuple(line for line in record.concepts.splitlines() if line),
        total_reason=record.total_reason or "", total_reason_by=by.full_name if by else "",
        xml_attachment_id=record.xml_attachment_id, pdf_attachment_id=record.pdf_attachment_id,
        checks=tuple(found),
    )  # fmt: skip
