"""Receipts: folio allocation, the data a receipt prints, reprints, voids and verification.

A folio ``{OFFICE}-{YYYY}-{NNNNNN}`` is allocated in the transaction that records the delivery,
together with the receipt row and its audit entry; the PDF is produced after the commit. Folios
run consecutively with no gap per office and year and are never reused: a void keeps its folio.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, func, or_, select, update
from sqlalchemy.orm import Session

from frontera_desk.db import search
from frontera_desk.db.models import (
    Case,
    FolioCounter,
    IdentityDocument,
    OfficeSetting,
    Person,
    Receipt,
    Support,
    SupportEvent,
    SupportType,
    User,
    utcnow,
)
from frontera_desk.domain import wording
from frontera_desk.domain.amount_words import amount_in_words
from frontera_desk.domain.countries import country_name
from frontera_desk.domain.enums import DOCUMENT_ES, DocumentType, SupportStatus
from frontera_desk.domain.errors import FronteraError, NotFoundError, ValidationError
from frontera_desk.domain.money import format_money
from frontera_desk.domain.text import clean
from frontera_desk.services import audit, months
from frontera_desk.services.office import get_logo, get_office, get_settings
from frontera_desk.services.people import full_name
from frontera_desk.services.permissions import Action, Actor, require

_FOLIO = re.compile(r"^[A-Z]{2,6}-\d{4}-\d{6}$")
_SECRET_KEY = "receipt_secret"


def format_folio(office: str, year: int, number: int) -> str:
    return f"{office}-{year:04d}-{number:06d}"


# --- issuing ----------------------------------------------------------------------------------


def issue(session: Session, actor: Actor, support: Support) -> Receipt:
    """Allocate the next folio and create the receipt, in the caller's transaction."""
    if support.status != SupportStatus.DELIVERED.value or support.delivered_on is None:
        raise FronteraError("Solo un apoyo entregado lleva recibo.")
    if support.amount_centavos <= 0:
        raise FronteraError("Un recibo no puede ser por un importe de cero o negativo.")
    year = support.delivered_on.year
    office = actor.office_code
    # The UPDATE takes the row's write lock (SQLite: the database's; PostgreSQL: the row's),
    # so two desks can never read the same last number.
    bumped = session.execute(
        update(FolioCounter)
        .where(FolioCounter.office_code == office, FolioCounter.year == year)
        .values(last_number=FolioCounter.last_number + 1)
        .returning(FolioCounter.last_number)
    ).scalar()
    if bumped is None:
        session.add(FolioCounter(office_code=office, year=year, last_number=1))
        session.flush()
        bumped = 1
    receipt = Receipt(
        office_code=office, created_by_id=actor.user_id, support_id=support.id,
        folio=format_folio(office, year, bumped), year=year, number=bumped,
        issued_on=support.delivered_on, amount_centavos=support.amount_centavos,
    )  # fmt: skip
    session.add(receipt)
    session.flush()
    audit.record(session, actor, "emitir_recibo", "recibo", receipt.uuid,
                 {"folio": receipt.folio, "importe": receipt.amount_centavos})  # fmt: skip
    return receipt


def void(session: Session, actor: Actor, folio: str, reason: str) -> ReceiptData:
    """Cancel a receipt (supervisor): the folio stays, marked CANCELADO, and the support can be
    delivered again with a new folio."""
    require(actor, Action.VOID_RECEIPT)
    reason = clean(reason)
    if not reason or len(reason) > 500:
        raise ValidationError(
            "reason", "Motivo de la cancelación: obligatorio, hasta 500 caracteres."
        )
    receipt = _by_folio(session, folio)
    if receipt.voided_at is not None:
        raise FronteraError(f"El recibo {receipt.folio} ya estaba cancelado.")
    months.ensure_open(session, actor.office_code, receipt.issued_on)
    receipt.voided_at = utcnow()
    receipt.voided_by_id = actor.user_id
    receipt.void_reason = reason
    support = session.get(Support, receipt.support_id)
    assert support is not None
    support.status = SupportStatus.APPROVED.value
    support.delivered_on = None
    support.delivered_by_id = None
    session.add(SupportEvent(support_id=support.id, from_status=SupportStatus.DELIVERED.value,
                             to_status=SupportStatus.APPROVED.value, by_user_id=actor.user_id,
                             reason=f"Recibo {receipt.folio} cancelado: {reason}"))  # fmt: skip
    audit.record(session, actor, "cancelar_recibo", "recibo", receipt.uuid,
                 {"folio": receipt.folio, "motivo": reason})  # fmt: skip
    session.flush()
    return receipt_data(session, receipt.folio)


def _by_folio(session: Session, folio: str) -> Receipt:
    folio = clean(folio).upper()
    if not _FOLIO.match(folio):
        raise ValidationError("folio", f"«{folio}» no es un folio (ejemplo: TAP-2026-000123).")
    receipt = session.scalars(select(Receipt).where(Receipt.folio == folio)).first()
    if receipt is None:
        raise NotFoundError(f"No existe el recibo con folio {folio}.")
    return receipt


# --- what a receipt prints --------------------------------------------------------------------


@dataclass(frozen=True)
class ReceiptData:
    folio: str
    issued_on: date
    office_code: str
    office_name: str
    office_address: str
    place: str
    beneficiary: str
    nationality: str
    document: str
    concept: str
    description: str
    provider: str
    amount_centavos: int
    amount_text: str
    amount_words: str
    delivered_by: str
    approved_by: str
    program_legend: str
    privacy_legend: str
    verification: str
    voided: bool
    void_reason: str
    print_count: int
    demo: bool
    two_copies: bool
    logo: bytes | None = None
    # The institutional header and what an auditor matches the receipt with (0021)
    government: str = ""
    unit: str = ""
    program_name: str = ""
    budget_line: str = ""
    case_number: str = ""
    delivered_title: str = ""
    approved_title: str = ""
    # A payment to a provider on the beneficiary's behalf: the provider's RFC and invoice
    # (folio fiscal or series and number) when the support's file has them
    provider_rfc: str = ""
    invoice: str = ""

    @property
    def concept_text(self) -> str:
        """The support's type and description, written once (``wording.concept``)."""
        return wording.concept(self.concept, self.description)

    @property
    def body(self) -> str:
        """The receipt's statement: the beneficiary received the amount, or (a provider was
        paid) the office paid the provider on the beneficiary's behalf and the beneficiary
        received the goods or service."""
        amount = f"la cantidad de {self.amount_text} ({self.amount_words})"
        if not self.provider:
            return (f"Recibí {wording.of_office(self.office_name)} {amount} por concepto de "
                    f"{self.concept_text}.")  # fmt: skip
        paid = wording.with_article(self.office_name)
        # "pagó a X la cantidad", or with the invoice's data set off by commas
        provider = ", ".join(
            part for part in (
                self.provider,
                f"RFC {self.provider_rfc}" if self.provider_rfc else "",
                f"factura {self.invoice}" if self.invoice else "",
            ) if part
        ) + ("," if self.provider_rfc or self.invoice else "")  # fmt: skip
        return (
            f"{paid[:1].upper()}{paid[1:]} pagó a {provider} {amount} por cuenta de "
            f"{self.beneficiary}, por concepto de {self.concept_text}. Recibí de conformidad "
            "los bienes o el servicio pagados en mi nombre."
        )


def receipt_data(session: Session, folio: str) -> ReceiptData:
    receipt = _by_folio(session, folio)
    support = session.get(Support, receipt.support_id)
    assert support is not None
    person = session.get(Person, support.person_id)
    assert person is not None
    office = get_office(session)
    settings = get_settings(session)
    users = {u.id: (u.full_name, u.job_title or "") for u in session.scalars(select(User))}
    doc = session.scalars(
        select(IdentityDocument).where(IdentityDocument.person_id == person.id)
        .order_by(IdentityDocument.id).limit(1)
    ).first()  # fmt: skip
    document = ""
    if doc is not None and doc.doc_type != DocumentType.NONE.value:
        document = f"{DOCUMENT_ES[DocumentType(doc.doc_type)]} {doc.number or ''}".strip()
    events = {e.to_status: e.by_user_id for e in support.events}
    delivered_by = users.get(receipt.created_by_id, ("", ""))
    approved_by = users.get(
        events.get(SupportStatus.APPROVED.value) or support.decided_by_id or 0, ("", "")
    )
    case_number = session.scalar(select(Case.number).where(Case.id == support.case_id))
    return ReceiptData(
        folio=receipt.folio,
        issued_on=receipt.issued_on,
        office_code=receipt.office_code,
        office_name=office.name if office else "",
        office_address=settings.receipt_address,
        place=settings.receipt_place,
        beneficiary=full_name(person.given_names, person.first_surname, person.second_surname),
        nationality=country_name(person.nationality) if person.nationality else "",
        document=document,
        concept=support.support_type.name,
        description=support.description,
        provider=support.provider or "",
        amount_centavos=receipt.amount_centavos,
        amount_text=format_money(receipt.amount_centavos),
        amount_words=amount_in_words(receipt.amount_centavos),
        delivered_by=delivered_by[0],
        approved_by=approved_by[0],
        program_legend=settings.receipt_legend,
        privacy_legend=settings.receipt_privacy_legend,
        verification=verification_code(session, receipt),
        voided=receipt.voided_at is not None,
        void_reason=_void_note(session, receipt),
        print_count=receipt.print_count,
        demo=bool(office and office.is_demo),
        two_copies=settings.receipt_two_copies,
        logo=get_logo(session),
        government=settings.header_government,
        unit=settings.header_unit,
        program_name=support.support_type.program_name or "",
        budget_line=support.support_type.budget_line or "",
        case_number=case_number or "",
        delivered_title=delivered_by[1],
        approved_title=approved_by[1],
    )


def record_print(session: Session, actor: Actor, folio: str) -> ReceiptData:
    """Count a print (the first is the original; later ones are reprints) and audit it."""
    receipt = _by_folio(session, folio)
    data = receipt_data(session, folio)
    action = "imprimir_recibo" if receipt.print_count == 0 else "reimprimir_recibo"
    receipt.print_count += 1
    audit.record(session, actor, action, "recibo", receipt.uuid,
                 {"folio": receipt.folio, "impresion": receipt.print_count})  # fmt: skip
    return data


def folio_of_support(session: Session, support_id: int) -> str:
    """The support's current (not voided) receipt."""
    folio = session.scalar(
        select(Receipt.folio).where(Receipt.support_id == support_id, Receipt.voided_at.is_(None))
    )
    if folio is None:
        raise NotFoundError(f"El apoyo núm. {support_id} no tiene recibo vigente.")
    return folio


@dataclass(frozen=True)
class ReceiptRow:
    folio: str
    issued_on: date
    beneficiary: str
    concept: str
    amount_centavos: int
    voided: bool
    support_id: int
    void_note: str = ""  # why, by whom and when, for a voided one


FIND_LIMIT = 500  # receipts a search lists at most, the newest


def find(
    session: Session, text: str = "", on: date | None = None, limit: int = FIND_LIMIT
) -> list[ReceiptRow]:
    """Receipts newest first: all, or by folio (whole, ``2026-123`` or its number alone), by
    beneficiary (the people search: name or document words) and by day."""
    query = (
        select(Receipt, Person.given_names, Person.first_surname, Person.second_surname,
               SupportType.name)
        .join(Support, Support.id == Receipt.support_id)
        .join(Person, Person.id == Support.person_id)
        .join(SupportType, SupportType.id == Support.support_type_id)
        .order_by(Receipt.issued_on.desc(), Receipt.number.desc())
        .limit(limit)
    )  # fmt: skip
    if on is not None:
        query = query.where(Receipt.issued_on == on)
    typed = clean(text).upper()
    if typed:
        query = query.where(_matching(session, typed))
    return [
        ReceiptRow(
            r.folio,
            r.issued_on,
            full_name(g, f, s),
            t,
            r.amount_centavos,
            r.voided_at is not None,
            r.support_id,
            _void_note(session, r),
        )  # fmt: skip
        for r, g, f, s, t in session.execute(query)
    ]


WALK_FACTOR = 80  # see _matching
_TYPED_FOLIO = re.compile(r"^(?:([A-Z]{2,6})-)?(?:(\d{4})-)?(\d{1,6})$")


def _folios_meant(session: Session, typed: str) -> list[str]:
    """The folios that a folio typed whole (``TAP-2026-000123``), without the office
    (``2026-123``) or as its number alone (``123``: that number in every year with receipts)
    can mean; each is then found through the folio's index."""
    match = _TYPED_FOLIO.match(typed)
    office = get_office(session) if match else None  # a name asks for no folio
    if match is None or office is None:
        return []
    code, year, number = match.groups()
    if year is not None:
        years: list[int] | range = [int(year)]
    else:
        first = session.scalar(select(func.min(Receipt.issued_on)))
        years = range(first.year, date.today().year + 1) if first else []
    return [format_folio(code or office.code, y, int(number)) for y in years]


def _matching(session: Session, typed: str) -> ColumnElement[bool]:
    """Receipts of this folio or number, or of the people the words find. Few people: their
    receipts are read and sorted (about 0.075 ms a person). Many: the receipts are walked newest
    first until the list is full, each checked against them (``+ 0``: the people are not used to
    look receipts up), which costs about 6 ms × everyone / the people found. The two cross where
    found² = 80 × everyone: 4,000 of 200,000 people, 0.3 s either way; either takes seconds far
    from there (all the receipts of 50,000 people; a walk past 500,000 receipts for a rare
    name)."""
    conditions = [Receipt.folio.in_(_folios_meant(session, typed))]
    words = search.fts_query(typed)
    if words:
        found = session.scalar(search.count_matches(words)) or 0
        people = select(Person.id).where(search.matching(words, in_name_order=False))
        if found * found > WALK_FACTOR * (session.scalar(select(func.count(Person.id))) or 1):
            conditions.append((Support.person_id + 0).in_(people))
        else:
            theirs = select(Receipt.id).join(Support, Support.id == Receipt.support_id)
            conditions.append(Receipt.id.in_(theirs.where(Support.person_id.in_(people))))
    return or_(*conditions)


# --- verification -----------------------------------------------------------------------------


def _secret(session: Session) -> bytes:
    stored = session.get(OfficeSetting, _SECRET_KEY)
    if stored is None:
        stored = OfficeSetting(key=_SECRET_KEY, value=secrets.token_hex(32))
        session.add(stored)
        session.flush()
    return bytes.fromhex(stored.value)


def _mac(secret: bytes, folio: str, on: date, amount: int) -> str:
    digest = hmac.new(secret, f"{folio}|{on.isoformat()}|{amount}".encode(), hashlib.sha256)
    return base64.b32encode(digest.digest()[:10]).decode()[:12]


def keyed_code(session: Session, *fields: str) -> str:
    """The short keyed hash of a printed code's fields (certificates use it as receipts do)."""
    digest = hmac.new(_secret(session), "|".join(fields).encode(), hashlib.sha256)
    return base64.b32encode(digest.digest()[:10]).decode()[:12]


def verification_code(session: Session, receipt: Receipt) -> str:
    """What the QR code carries: folio, date, amount and a short keyed hash, readable by eye."""
    mac = _mac(_secret(session), receipt.folio, receipt.issued_on, receipt.amount_centavos)
    return f"FD|{receipt.folio}|{receipt.issued_on:%Y%m%d}|{receipt.amount_centavos}|{mac}"


@dataclass(frozen=True)
class Verification:
    matches: bool
    message: str
    verdict: str = "unknown"  # valid, altered, voided, unknown (what the verifier shows)


def verify_code(session: Session, code: str) -> Verification:
    """Check a scanned or typed code against the records."""
    parts = code.strip().split("|")
    if len(parts) != 5 or parts[0] != "FD":
        return Verification(
            False, "El código no es de un recibo ni de una constancia de Frontera Desk."
        )
    _, folio, day, amount, mac = parts
    from frontera_desk.services import certificates  # it builds on this module

    if certificates.FOLIO.match(folio.strip().upper()):
        return Verification(*certificates.verify(session, folio, day, amount, mac))
    try:
        on = date(int(day[:4]), int(day[4:6]), int(day[6:8]))
        centavos = int(amount)
        receipt = _by_folio(session, folio)
    except (ValueError, FronteraError):
        return Verification(False, "El código no corresponde a ningún recibo registrado.")
    expected = _mac(_secret(session), receipt.folio, receipt.issued_on, receipt.amount_centavos)
    if (on, centavos) != (receipt.issued_on, receipt.amount_centavos) or not hmac.compare_digest(
        mac.upper(), expected
    ):
        return Verification(
            False,
            f"El código NO coincide con el recibo {receipt.folio}: puede estar alterado.",
            "altered",
        )
    if receipt.voided_at is not None:
        return Verification(
            True,
            f"El recibo {receipt.folio} existe pero fue CANCELADO: {receipt.void_reason}.",
            "voided",
        )
    return Verification(
        True,
        f"Recibo {receipt.folio} válido: {format_money(receipt.amount_centavos)} del "
        f"{receipt.issued_on:%d/%m/%Y}.",
        "valid",
    )


def _void_note(session: Session, receipt: Receipt) -> str:
    """Why a receipt was voided, by whom and when, as its CANCELADO mark prints it."""
    if receipt.voided_at is None:
        return ""
    from frontera_desk.domain.clock import on_paper

    who = session.get(User, receipt.voided_by_id) if receipt.voided_by_id else None
    by = f" por {who.full_name}" if who else ""
    return f"{receipt.void_reason or ''} (cancelado el {on_paper(receipt.voided_at)}{by})"
