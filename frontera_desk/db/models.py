"""SQLAlchemy 2 typed models. Every record: integer key, UUID, UTC timestamps, creator, office."""

from __future__ import annotations

import uuid as uuid_mod
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SYSTEM_USER_ID = 1


def utcnow() -> datetime:
    return datetime.now(UTC)


# Centavos reach past 2**31 (a large agreement, a year's budget): 64 bits on PostgreSQL. SQLite's
# INTEGER is 64 bits already, and stays INTEGER so that its schema does not change.
Money = BigInteger().with_variant(Integer(), "sqlite")


def new_uuid() -> str:
    return str(uuid_mod.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as naive UTC; returns them aware (UTC) on every dialect."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use UTC-aware datetimes")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Record:
    """Columns every record carries."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    office_code: Mapped[str] = mapped_column(String(10))


class Versioned:
    """Records that people edit in forms. SQLAlchemy adds 1 to ``version`` at every update (and
    refuses one whose row changed since it was read); the services compare it with the version
    the form was opened on, so two desks editing the same record never overwrite each other."""

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - SQLAlchemy's declared_attr
        return {"version_id_col": cls.version}


class KeyStore(Base):
    """Server mode (PostgreSQL): the key file's document lives here instead of beside the
    database, so every desk signs in with the same accounts (see db/keyfile.py)."""

    __tablename__ = "key_store"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Office(Base):
    """This installation's office (one row). ``is_demo`` marks demonstration data."""

    __tablename__ = "office"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    code: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    is_hq: Mapped[bool] = mapped_column(Boolean, default=False)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The office key's public half (raw Ed25519, 32 bytes); the private half lives sealed in
    # the key file for supervisors and administrators (migration 0013; None until set)
    public_key: Mapped[bytes | None] = mapped_column(LargeBinary(32))


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    # The position printed under the name on receipts and certificates (0021)
    job_title: Mapped[str | None] = mapped_column(String(120))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Person(Versioned, Record, Base):
    __tablename__ = "persons"
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    given_names: Mapped[str] = mapped_column(String(100))
    first_surname: Mapped[str] = mapped_column(String(100))
    second_surname: Mapped[str | None] = mapped_column(String(100))
    name_key: Mapped[str] = mapped_column(String(310), index=True)  # folded "given first second"
    sort_key: Mapped[str] = mapped_column(String(310), index=True)  # folded "first second given"
    sex: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[date | None] = mapped_column(Date, index=True)
    birth_date_estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    nationality: Mapped[str | None] = mapped_column(String(2), index=True)
    phone: Mapped[str | None] = mapped_column(String(40))
    lodging: Mapped[str | None] = mapped_column(String(200))
    household_head_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), index=True)
    household_size: Mapped[int] = mapped_column(Integer, default=1)
    dependents: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str | None] = mapped_column(Text)
    anonymized_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    documents: Mapped[list[IdentityDocument]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="IdentityDocument.id"
    )
    vulnerabilities: Mapped[list[PersonVulnerability]] = relationship(
        cascade="all, delete-orphan", order_by="PersonVulnerability.flag"
    )
    case: Mapped[Case | None] = relationship(back_populates="person", uselist=False)

    __table_args__ = (
        CheckConstraint("household_size >= 1", name="household_size_positive"),
        CheckConstraint("dependents >= 0", name="dependents_not_negative"),
    )


class PersonVulnerability(Base):
    __tablename__ = "person_vulnerabilities"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True
    )
    flag: Mapped[str] = mapped_column(String(30), primary_key=True)


class IdentityDocument(Record, Base):
    __tablename__ = "identity_documents"
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    doc_type: Mapped[str] = mapped_column(String(20))
    number: Mapped[str | None] = mapped_column(String(60))
    number_key: Mapped[str | None] = mapped_column(String(60), index=True)
    issuer: Mapped[str | None] = mapped_column(String(100))
    person: Mapped[Person] = relationship(back_populates="documents")


class Case(Record, Base):
    """The person's file (expediente): one per person, holding every support given."""

    __tablename__ = "cases"
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), unique=True)
    number: Mapped[str] = mapped_column(String(30), unique=True)
    opened_on: Mapped[date] = mapped_column(Date)
    person: Mapped[Person] = relationship(back_populates="case")
    supports: Mapped[list[Support]] = relationship(back_populates="case", order_by="Support.id")


class SupportType(Record, Base):
    """Catalog of assistance supports, with optional ceiling and per-period limit."""

    __tablename__ = "support_types"
    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    ceiling_centavos: Mapped[int | None] = mapped_column(Money)
    limit_count: Mapped[int | None] = mapped_column(Integer)
    limit_scope: Mapped[str | None] = mapped_column(String(10))
    limit_period: Mapped[str | None] = mapped_column(String(10))
    required_documents: Mapped[str] = mapped_column(Text, default="")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    # What an auditor looks for on the receipt: the program that pays and its budget line (0021)
    program_name: Mapped[str | None] = mapped_column(String(200))
    budget_line: Mapped[str | None] = mapped_column(String(60))  # partida presupuestal


class Support(Versioned, Record, Base):
    __tablename__ = "supports"
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    # Denormalized from the case so that household limits and lists need no join.
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    support_type_id: Mapped[int] = mapped_column(ForeignKey("support_types.id"), index=True)
    description: Mapped[str] = mapped_column(String(500))
    amount_centavos: Mapped[int] = mapped_column(Money)
    provider: Mapped[str | None] = mapped_column(String(200))
    provider_rfc: Mapped[str | None] = mapped_column(String(13))  # from its invoice (0020)
    status: Mapped[str] = mapped_column(String(12))
    requested_on: Mapped[date] = mapped_column(Date)
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    decided_on: Mapped[date | None] = mapped_column(Date)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    delivered_on: Mapped[date | None] = mapped_column(Date, index=True)  # the business date
    delivered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    status_reason: Mapped[str | None] = mapped_column(String(500))
    override_reason: Mapped[str | None] = mapped_column(String(500))
    override_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    case: Mapped[Case] = relationship(back_populates="supports")
    support_type: Mapped[SupportType] = relationship()
    events: Mapped[list[SupportEvent]] = relationship(
        back_populates="support", order_by="SupportEvent.id", cascade="all, delete-orphan"
    )

    __table_args__ = (
        CheckConstraint("amount_centavos > 0", name="amount_positive"),
        # A type's deliveries with their amounts and people: the summary's figures by type (0012)
        Index(
            "ix_supports_type_delivered_cover",
            "support_type_id",
            "status",
            "delivered_on",
            "amount_centavos",
            "person_id",
        ),
        # The list in request order (the default sort), filtered by status, by type or by
        # month (the delivery date, else the request date): read from the index alone.
        Index("ix_supports_requested_on", "requested_on", "delivered_on"),
        Index("ix_supports_status_requested", "status", "requested_on", "delivered_on"),
        Index("ix_supports_type_requested", "support_type_id", "requested_on", "delivered_on"),
        # The list by amount, a status's by amount or by type, a type's by amount (0011)
        Index("ix_supports_amount", "amount_centavos"),
        Index("ix_supports_status_amount", "status", "amount_centavos"),
        Index("ix_supports_status_type", "status", "support_type_id"),
        Index("ix_supports_type_amount", "support_type_id", "amount_centavos"),
        # Covers every figure of the monthly summary and the dashboard: no table lookups.
        Index(
            "ix_supports_delivered_cover",
            "status",
            "delivered_on",
            "support_type_id",
            "person_id",
            "amount_centavos",
        ),
    )


class SupportEvent(Base):
    """One step of a support's workflow: who moved it from which status to which, and when."""

    __tablename__ = "support_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    support_id: Mapped[int] = mapped_column(
        ForeignKey("supports.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[str | None] = mapped_column(String(12))
    to_status: Mapped[str] = mapped_column(String(12))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    by_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str | None] = mapped_column(String(500))
    support: Mapped[Support] = relationship(back_populates="events")


class SupportDocument(Record, Base):
    """A required document of a support's type, marked received (or not) in its evidence file
    (expediente de comprobación): by whom, when, with an optional note. A row exists once the
    document was marked; no row means not received."""

    __tablename__ = "support_documents"
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    support_id: Mapped[int] = mapped_column(ForeignKey("supports.id"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    received: Mapped[bool] = mapped_column(Boolean, default=False)
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    received_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str | None] = mapped_column(String(300))

    __table_args__ = (UniqueConstraint("support_id", "code"),)


class AuditEntry(Base):
    """Who changed what, with before/after values, chained by SHA-256 (each hashes the previous)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    office_code: Mapped[str] = mapped_column(String(10))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    changes: Mapped[str | None] = mapped_column(Text)  # JSON {"field": [before, after]}
    changes_sha256: Mapped[str] = mapped_column(String(64))
    redacted: Mapped[bool] = mapped_column(Boolean, default=False)  # values erased (anonymization)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (  # the log's filters, a period newest first (migration 0010)
        Index("ix_audit_log_action_at", "action", "at"),
        Index("ix_audit_log_user_id_at", "user_id", "at"),
    )


class Consent(Base):
    """The privacy notice was shown; whether the person consented, when, and who recorded it."""

    __tablename__ = "consents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    # None: the person could not be asked ("no se pudo preguntar": imported from a spreadsheet,
    # until the person is seen; migration 0022)
    given: Mapped[bool | None] = mapped_column(Boolean)
    on: Mapped[date] = mapped_column(Date)
    notice_sha256: Mapped[str] = mapped_column(String(64))  # which text was shown
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class OfficeSetting(Base):
    """Office-wide settings kept in the database (privacy notice, retention, …)."""

    __tablename__ = "office_settings"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class FolioCounter(Base):
    """The last receipt number used per office and year; its row is the allocation lock."""

    __tablename__ = "folio_counters"
    office_code: Mapped[str] = mapped_column(String(10), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class CertificateCounter(Base):
    """The last certificate (constancia) number used per office and year: their own series,
    allocated like receipt folios (the row is the lock)."""

    __tablename__ = "certificate_counters"
    office_code: Mapped[str] = mapped_column(String(10), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class Receipt(Record, Base):
    """The paper a beneficiary signs. Never deleted: a void keeps the folio and its reason."""

    __tablename__ = "receipts"
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    support_id: Mapped[int] = mapped_column(ForeignKey("supports.id"), index=True)
    folio: Mapped[str] = mapped_column(String(30), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    issued_on: Mapped[date] = mapped_column(Date, index=True)  # the delivery date
    amount_centavos: Mapped[int] = mapped_column(Money)
    print_count: Mapped[int] = mapped_column(Integer, default=0)
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    voided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    void_reason: Mapped[str | None] = mapped_column(String(500))

    __table_args__ = (
        UniqueConstraint("office_code", "year", "number", name="office_year_number"),
        CheckConstraint("amount_centavos > 0", name="receipt_amount_positive"),
        # The month's receipts issued (with their first and last folio) and voided (0012)
        Index("ix_receipts_office_issued", "office_code", "issued_on", "folio"),
        Index("ix_receipts_office_voided", "office_code", "voided_at"),
    )


class ProviderInvoice(Record, Base):
    """A provider's CFDI accepted for a support paid to it. The folio fiscal (UUID) is unique in
    the office: the same invoice never backs two payments. The XML and its PDF are attachments
    of the support."""

    __tablename__ = "provider_invoices"
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    support_id: Mapped[int] = mapped_column(ForeignKey("supports.id"), unique=True)
    folio_fiscal: Mapped[str] = mapped_column(String(36), unique=True)
    issuer_rfc: Mapped[str] = mapped_column(String(13))
    issuer_name: Mapped[str] = mapped_column(String(200))
    receiver_rfc: Mapped[str] = mapped_column(String(13))
    issued_on: Mapped[date] = mapped_column(Date)
    total_centavos: Mapped[int] = mapped_column(Money)
    concepts: Mapped[str] = mapped_column(Text, default="")  # one description a line
    # A total other than the support's amount, accepted by a supervisor with this reason
    total_reason: Mapped[str | None] = mapped_column(String(500))
    total_reason_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    xml_attachment_id: Mapped[int | None] = mapped_column(ForeignKey("attachments.id"))
    pdf_attachment_id: Mapped[int | None] = mapped_column(ForeignKey("attachments.id"))


class Organization(Versioned, Record, Base):
    """An agency, shelter, civil association, government body, company or foundation."""

    __tablename__ = "organizations"
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(200), unique=True)
    acronym: Mapped[str | None] = mapped_column(String(30))
    municipality: Mapped[str | None] = mapped_column(String(100))
    contact: Mapped[str | None] = mapped_column(String(300))
    capacity: Mapped[int | None] = mapped_column(Integer)  # beds, for a shelter


class Agreement(Versioned, Record, Base):
    """A convenio: counterparts, money committed and disbursed, validity, status, files."""

    __tablename__ = "agreements"
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str] = mapped_column(String(300))
    purpose: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(12), index=True)
    signed_on: Mapped[date | None] = mapped_column(Date)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    committed_centavos: Mapped[int] = mapped_column(Money, default=0)
    funding_source: Mapped[str | None] = mapped_column(String(200))
    municipality: Mapped[str | None] = mapped_column(String(100))
    signatories: Mapped[str | None] = mapped_column(Text)
    parties: Mapped[list[AgreementParty]] = relationship(cascade="all, delete-orphan")
    disbursements: Mapped[list[Disbursement]] = relationship(order_by="Disbursement.paid_on")

    __table_args__ = (CheckConstraint("committed_centavos >= 0", name="committed_not_negative"),)


class AgreementParty(Base):
    __tablename__ = "agreement_parties"
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), primary_key=True
    )
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), primary_key=True)


class AgreementPerson(Base):
    """A person or family an agreement benefits (optional)."""

    __tablename__ = "agreement_people"
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), primary_key=True)


class Disbursement(Record, Base):
    """A ministración: money paid under an agreement."""

    __tablename__ = "disbursements"
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id"), index=True)
    paid_on: Mapped[date] = mapped_column(Date, index=True)
    amount_centavos: Mapped[int] = mapped_column(Money)
    reference: Mapped[str | None] = mapped_column(String(100))
    paid_for: Mapped[str] = mapped_column(String(300))
    override_reason: Mapped[str | None] = mapped_column(String(500))

    __table_args__ = (CheckConstraint("amount_centavos > 0", name="disbursement_positive"),)


class AttachmentKey(Base):
    """The attachments key (random, 256 bits) wrapped under a key derived from the database key;
    one row per database key that can open it (two only while a re-key is under way). See
    services/attachments.py."""

    __tablename__ = "attachment_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key_check: Mapped[str] = mapped_column(String(32), unique=True)  # which database key
    wrapped: Mapped[bytes] = mapped_column(LargeBinary)  # nonce + AES-GCM of the key
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Attachment(Record, Base):
    """A file kept in the database, encrypted (AES-256-GCM) under its own key, which is wrapped
    by the attachments key. Owned by a support, a person, a receipt or an agreement."""

    __tablename__ = "attachments"
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    owner_type: Mapped[str] = mapped_column(String(12))  # apoyo, persona, recibo, convenio
    owner_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))  # a required document's code, factura_xml…
    original_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"))
    sha256: Mapped[str] = mapped_column(String(64))  # of the plain bytes
    description: Mapped[str | None] = mapped_column(String(300))
    # nonce + ciphertext + tag; deferred: lists never read the bytes
    content: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    wrapped_key: Mapped[bytes | None] = mapped_column(LargeBinary)  # nonce + AES-GCM(file key)
    # A file attached before migration 0019 and still in a desk's data folder (adopted into
    # the database at that desk's next sign-in)
    legacy_name: Mapped[str | None] = mapped_column(String(80))
    erased: Mapped[bool] = mapped_column(Boolean, default=False)
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    erased_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    __table_args__ = (Index("ix_attachments_owner", "owner_type", "owner_id"),)


class ActivityTopic(Base):
    """Catalog of workshop and course topics (seeded from the program's annual report)."""

    __tablename__ = "activity_topics"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class Activity(Versioned, Record, Base):
    """A workshop, training course or outreach event, with its attendance."""

    __tablename__ = "activities"
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(String(300))
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("activity_topics.id"))
    held_on: Mapped[date] = mapped_column(Date, index=True)
    hours: Mapped[int] = mapped_column(Integer, default=2)
    municipality: Mapped[str | None] = mapped_column(String(100))
    venue: Mapped[str | None] = mapped_column(String(200))
    facilitator: Mapped[str | None] = mapped_column(String(200))
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"))
    audiences: Mapped[str] = mapped_column(String(200), default="")  # comma-separated codes
    notes: Mapped[str | None] = mapped_column(Text)


class AttendanceCount(Base):
    """Attendance told as numbers, by sex and age band."""

    __tablename__ = "attendance_counts"
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True
    )
    sex: Mapped[str] = mapped_column(String(1), primary_key=True)
    age_band: Mapped[str] = mapped_column(String(5), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)

    __table_args__ = (CheckConstraint("count >= 0", name="count_not_negative"),)


class Attendee(Base):
    """One person on the attendance list: a registered person, or a name typed in."""

    __tablename__ = "attendees"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"))
    name: Mapped[str] = mapped_column(String(310))
    sex: Mapped[str] = mapped_column(String(1))
    age_band: Mapped[str] = mapped_column(String(5))
    organization: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (UniqueConstraint("activity_id", "person_id", name="one_entry_per_person"),)


class OutreachAction(Versioned, Record, Base):
    """An acción de vinculación y difusión (a diagnostic, promotional materials, a liaison…):
    counted in the state's report apart from workshops, courses and events."""

    __tablename__ = "outreach_actions"
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(30))
    done_on: Mapped[date] = mapped_column(Date, index=True)
    title: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[int | None] = mapped_column(Integer)  # pieces, for promotional materials
    municipality: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str | None] = mapped_column(Text)
    parties: Mapped[list[OutreachActionParty]] = relationship(cascade="all, delete-orphan")

    __table_args__ = (
        CheckConstraint("quantity IS NULL OR quantity > 0", name="quantity_positive"),
    )


class OutreachActionParty(Base):
    """A counterpart of an action, from the organizations catalog."""

    __tablename__ = "outreach_action_parties"
    action_id: Mapped[int] = mapped_column(
        ForeignKey("outreach_actions.id", ondelete="CASCADE"), primary_key=True
    )
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id"), primary_key=True, index=True
    )


class Certificate(Record, Base):
    """A participation certificate issued to one attendee of an activity (0021). Never deleted:
    a void keeps the folio and its reason. The name and signer are kept as printed, since the
    attendance list is replaced whole when the activity is edited."""

    __tablename__ = "certificates"
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), index=True)
    name: Mapped[str] = mapped_column(String(310))
    folio: Mapped[str] = mapped_column(String(30), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    issued_on: Mapped[date] = mapped_column(Date)
    signer_name: Mapped[str] = mapped_column(String(200))
    signer_title: Mapped[str] = mapped_column(String(200))
    print_count: Mapped[int] = mapped_column(Integer, default=0)
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    voided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    void_reason: Mapped[str | None] = mapped_column(String(500))

    __table_args__ = (
        UniqueConstraint("office_code", "year", "number", name="certificate_office_year_number"),
    )


class MonthClose(Base):
    """A month an office has closed: its records can no longer change until it is reopened."""

    __tablename__ = "month_closes"
    office_code: Mapped[str] = mapped_column(String(10), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True)
    is_closed: Mapped[bool] = mapped_column(Boolean, default=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)  # bumped by every reopening
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reopen_reason: Mapped[str | None] = mapped_column(String(500))


class MonthRevision(Base):
    """One closing of a month: its revision, who closed it and why (the reopening that led to
    it), and the summary as it was sent — a JSON snapshot and its SHA-256. Every document of
    that revision (PDF, XLSX, the package) is made from the snapshot; the history is kept."""

    __tablename__ = "month_revisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_code: Mapped[str] = mapped_column(String(10))
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    revision: Mapped[int] = mapped_column(Integer)
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str | None] = mapped_column(String(500))  # why it was reopened before
    snapshot: Mapped[str] = mapped_column(Text)  # the summary's JSON, byte for byte as sent
    sha256: Mapped[str] = mapped_column(String(64))
    reopened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reopened_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reopen_reason: Mapped[str | None] = mapped_column(String(500))  # why it was reopened

    __table_args__ = (
        UniqueConstraint("office_code", "year", "month", "revision", name="one_row_per_revision"),
    )


class BudgetLine(Base):
    """The annual budget of one support type or one funding source of agreements."""

    __tablename__ = "budget_lines"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    category: Mapped[str] = mapped_column(String(20), primary_key=True)  # BudgetCategory
    key: Mapped[str] = mapped_column(String(200), primary_key=True)  # type code or source name
    amount_centavos: Mapped[int] = mapped_column(Money)

    __table_args__ = (CheckConstraint("amount_centavos >= 0", name="budget_not_negative"),)


class Target(Base):
    """An annual target (meta) for one indicator of the state report."""

    __tablename__ = "targets"
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    indicator: Mapped[str] = mapped_column(String(30), primary_key=True)  # Indicator
    value: Mapped[int] = mapped_column(Money)

    __table_args__ = (CheckConstraint("value >= 0", name="target_not_negative"),)


class ReceivedPackage(Base):
    """At headquarters: the latest revision received of one office's monthly package."""

    __tablename__ = "received_packages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_code: Mapped[str] = mapped_column(String(10))
    office_name: Mapped[str] = mapped_column(String(200))
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    revision: Mapped[int] = mapped_column(Integer)
    package_sha256: Mapped[str] = mapped_column(String(64))
    manifest: Mapped[str] = mapped_column(Text)  # JSON, as received
    summary: Mapped[str] = mapped_column(Text)  # JSON, as received and validated
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    received_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))

    __table_args__ = (
        UniqueConstraint("office_code", "year", "month", name="one_package_per_office_month"),
    )


class EnrolledOffice(Base):
    """At headquarters: an office enrolled from its office card, known by its UUID and public
    key; ``last_*`` describe the newest package (by the office's own clock) received from it."""

    __tablename__ = "enrolled_offices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(10), unique=True)
    office_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    place: Mapped[str] = mapped_column(String(200))
    public_key: Mapped[str] = mapped_column(String(64))  # base64 of the raw 32 bytes
    fingerprint: Mapped[str] = mapped_column(String(20))
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    enrolled_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    last_generated_at: Mapped[str | None] = mapped_column(String(40))
    last_chain_length: Mapped[int | None] = mapped_column(BigInteger)
    last_chain_head: Mapped[str | None] = mapped_column(String(64))
    last_received_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ReceivedFile(Base):
    """At headquarters: every package file offered for import, accepted or not, and why."""

    __tablename__ = "received_files"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(String(255))
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    accepted: Mapped[bool] = mapped_column(Boolean)
    outcome: Mapped[str] = mapped_column(Text)  # the one line shown to the user
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    received_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class ImportBatch(Record, Base):
    """One import of a spreadsheet: its file (name and SHA-256), sheet, who ran it, what it
    made, and whether it was undone (migration 0022)."""

    __tablename__ = "import_batches"
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(10))  # "personas" or "apoyos"
    file_name: Mapped[str] = mapped_column(String(255))
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    sheet: Mapped[str] = mapped_column(String(100))
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    created_count: Mapped[int] = mapped_column(Integer, default=0)
    merged_count: Mapped[int] = mapped_column(Integer, default=0)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    undone_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class ImportedRow(Base):
    """Where an imported record came from: its batch and the row of the sheet. ``version`` is
    the person's version right after the import (the batch can be undone while it holds);
    ``filled`` lists what a merge filled in an existing person (JSON), to take it back."""

    __tablename__ = "imported_rows"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batches.id"), index=True)
    row: Mapped[int] = mapped_column(Integer)
    entity: Mapped[str] = mapped_column(String(10))  # "persona" or "apoyo"
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(10))  # "crear" or "completar"
    version: Mapped[int | None] = mapped_column(Integer)
    filled: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_imported_rows_entity", "entity", "entity_id"),)


class ImportDecision(Base):
    """A reviewer's choice on a likely duplicate of a file's row, kept by the file's hash so
    that a second run of the same file proposes nothing already decided."""

    __tablename__ = "import_decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_sha256: Mapped[str] = mapped_column(String(64))
    sheet: Mapped[str] = mapped_column(String(100))
    row: Mapped[int] = mapped_column(Integer)
    other: Mapped[str] = mapped_column(String(20))  # "R12" (a row) or "P34" (a person)
    decision: Mapped[str] = mapped_column(String(12))  # misma / distinta / omitir
    decided_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint("file_sha256", "sheet", "row", "other", name="uq_import_decisions_pair"),
    )
