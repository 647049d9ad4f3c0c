"""Organizations, agreements (convenios), their disbursements and attached files."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontera_desk.db.models import (
    Agreement,
    AgreementParty,
    AgreementPerson,
    Disbursement,
    Organization,
    Person,
)
from frontera_desk.db.paging import IdList
from frontera_desk.domain.enums import (
    AGREEMENT_STATUS_ES,
    AgreementKind,
    AgreementStatus,
    OrganizationKind,
)
from frontera_desk.domain.errors import (
    FronteraError,
    InvalidTransition,
    NotFoundError,
    OverrideRequired,
    ValidationError,
)
from frontera_desk.domain.money import MAX_CENTAVOS, format_money
from frontera_desk.domain.text import checked
from frontera_desk.services import attachments, audit, months
from frontera_desk.services.context import Action, Actor, require, require_unchanged
from frontera_desk.services.people import full_name

A = AgreementStatus
AGREEMENT_TRANSITIONS: dict[AgreementStatus, set[AgreementStatus]] = {
    A.DRAFT: {A.SIGNED, A.CANCELLED},
    A.SIGNED: {A.IN_FORCE, A.CANCELLED},
    A.IN_FORCE: {A.CONCLUDED, A.CANCELLED},
    A.CONCLUDED: set(),
    A.CANCELLED: set(),
}


# --- organizations ----------------------------------------------------------------------------


@dataclass
class OrganizationInput:
    kind: OrganizationKind | str
    name: str
    acronym: str = ""
    municipality: str = ""
    contact: str = ""
    capacity: int | None = None


@dataclass(frozen=True)
class OrganizationInfo:
    id: int
    kind: OrganizationKind
    name: str
    acronym: str
    municipality: str
    contact: str
    capacity: int | None
    version: int = 0

    @property
    def label(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


def _org_info(o: Organization) -> OrganizationInfo:
    return OrganizationInfo(o.id, OrganizationKind(o.kind), o.name, o.acronym or "",
                            o.municipality or "", o.contact or "", o.capacity,
                            o.version)  # fmt: skip


def save_organization(
    session: Session,
    actor: Actor,
    data: OrganizationInput,
    organization_id: int | None = None,
    expected_version: int | None = None,
) -> OrganizationInfo:
    require(actor, Action.MANAGE_AGREEMENTS)
    try:
        kind = OrganizationKind(data.kind)
    except ValueError:
        raise ValidationError("kind", "Tipo de organización: no válido.") from None
    name = checked(data.name, "name", "Nombre", 200, True)
    if data.capacity is not None and not 0 < data.capacity <= 10_000:
        raise ValidationError("capacity", "Capacidad del albergue: entre 1 y 10,000 lugares.")
    same = session.scalars(
        select(Organization).where(func.lower(Organization.name) == name.lower())
    ).first()
    if same is not None and same.id != organization_id:
        raise ValidationError("name", f"Ya existe la organización «{same.name}».")
    org = session.get(Organization, organization_id) if organization_id else None
    if organization_id and org is None:
        raise NotFoundError(f"No existe la organización núm. {organization_id}.")
    require_unchanged(org, expected_version, "esta organización")
    if org is None:
        org = Organization(office_code=actor.office_code, created_by_id=actor.user_id)
        session.add(org)
    org.kind, org.name = kind.value, name
    org.acronym = checked(data.acronym, "acronym", "Siglas", 30) or None
    org.municipality = checked(data.municipality, "municipality", "Municipio", 100) or None
    org.contact = checked(data.contact, "contact", "Contacto", 300) or None
    org.capacity = data.capacity
    session.flush()
    audit.record(session, actor, "guardar", "organizacion", org.uuid, {"nombre": name})
    return _org_info(org)


def organizations(session: Session) -> list[OrganizationInfo]:
    return [_org_info(o) for o in session.scalars(select(Organization).order_by(Organization.name))]


# --- agreements -------------------------------------------------------------------------------


@dataclass
class AgreementInput:
    title: str
    kind: AgreementKind | str
    organization_ids: list[int]
    purpose: str = ""
    signed_on: date | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    committed_centavos: int = 0
    funding_source: str = ""
    municipality: str = ""
    signatories: str = ""


@dataclass(frozen=True)
class DisbursementInfo:
    id: int
    paid_on: date
    amount_centavos: int
    reference: str
    paid_for: str
    override_reason: str


@dataclass(frozen=True)
class FileInfo:
    id: int
    original_name: str
    size: int
    description: str


@dataclass(frozen=True)
class AgreementRecord:
    id: int
    uuid: str
    title: str
    purpose: str
    kind: AgreementKind
    status: AgreementStatus
    signed_on: date | None
    valid_from: date | None
    valid_until: date | None
    committed_centavos: int
    disbursed_centavos: int
    funding_source: str
    municipality: str
    signatories: str
    organizations: tuple[OrganizationInfo, ...]
    disbursements: tuple[DisbursementInfo, ...] = field(default=())
    files: tuple[FileInfo, ...] = field(default=())
    beneficiaries: tuple[tuple[int, str], ...] = field(default=())  # (person id, name)
    version: int = 0

    @property
    def balance_centavos(self) -> int:
        return self.committed_centavos - self.disbursed_centavos

    def as_input(self) -> AgreementInput:
        return AgreementInput(
            self.title, self.kind, [o.id for o in self.organizations], self.purpose,
            self.signed_on, self.valid_from, self.valid_until, self.committed_centavos,
            self.funding_source, self.municipality, self.signatories,
        )  # fmt: skip


def _validate(session: Session, data: AgreementInput) -> AgreementKind:
    checked(data.title, "title", "Título", 300, True)  # in the order of the form
    try:
        kind = AgreementKind(data.kind)
    except ValueError:
        raise ValidationError("kind", "Tipo de convenio: no válido.") from None
    if not data.organization_ids:
        raise ValidationError("organization_ids", "Contraparte: elija al menos una organización.")
    for org_id in data.organization_ids:
        if session.get(Organization, org_id) is None:
            raise ValidationError("organization_ids", f"Contraparte: no existe la núm. {org_id}.")
    if (
        not isinstance(data.committed_centavos, int)
        or not 0 <= data.committed_centavos <= MAX_CENTAVOS
    ):
        raise ValidationError("committed", "Monto comprometido: de cero al máximo permitido.")
    if data.valid_from and data.valid_until and data.valid_until < data.valid_from:
        raise ValidationError("valid_until", "Vigencia: la fecha final es anterior a la inicial.")
    if data.signed_on and data.signed_on > date.today():
        raise ValidationError("signed_on", "Fecha de firma: no puede ser futura.")
    return kind


def save_agreement(
    session: Session,
    actor: Actor,
    data: AgreementInput,
    agreement_id: int | None = None,
    expected_version: int | None = None,
) -> AgreementRecord:
    require(actor, Action.MANAGE_AGREEMENTS)
    kind = _validate(session, data)
    if agreement_id is None:
        agreement = Agreement(office_code=actor.office_code, created_by_id=actor.user_id,
                              status=A.DRAFT.value)  # fmt: skip
        session.add(agreement)
    else:
        agreement = _load(session, agreement_id)
        require_unchanged(agreement, expected_version, "este convenio")
        disbursed = _disbursed(session, agreement.id)
        if (
            data.committed_centavos < disbursed
            and data.committed_centavos != agreement.committed_centavos
        ):
            raise ValidationError(
                "committed",
                f"Monto comprometido: ya se ministraron {format_money(disbursed)}; "
                "no puede ser menor.",
            )
    agreement.title = checked(data.title, "title", "Título", 300, True)
    agreement.purpose = checked(data.purpose, "purpose", "Objeto", 3000)
    agreement.kind = kind.value
    agreement.signed_on = data.signed_on
    agreement.valid_from, agreement.valid_until = data.valid_from, data.valid_until
    agreement.committed_centavos = data.committed_centavos
    agreement.funding_source = (
        checked(data.funding_source, "funding_source", "Fuente de recursos", 200) or None
    )
    agreement.municipality = checked(data.municipality, "municipality", "Municipio", 100) or None
    agreement.signatories = checked(data.signatories, "signatories", "Firmantes", 1000) or None
    agreement.parties = [
        AgreementParty(organization_id=o) for o in dict.fromkeys(data.organization_ids)
    ]
    session.flush()
    summary = {"titulo": agreement.title, "comprometido": agreement.committed_centavos}
    audit.record(session, actor, "guardar", "convenio", agreement.uuid, summary)
    return get_agreement(session, agreement.id)


def change_status(
    session: Session, actor: Actor, agreement_id: int, new: AgreementStatus
) -> AgreementRecord:
    require(actor, Action.MANAGE_AGREEMENTS)
    agreement = _load(session, agreement_id)
    old = A(agreement.status)
    if new not in AGREEMENT_TRANSITIONS[old]:
        raise InvalidTransition(
            f"Un convenio {AGREEMENT_STATUS_ES[old].lower()} no puede pasar a "
            f"{AGREEMENT_STATUS_ES[new].lower()}."
        )
    if new is A.SIGNED and agreement.signed_on is None:
        raise ValidationError("signed_on", "Para marcarlo firmado, capture la fecha de firma.")
    agreement.status = new.value
    audit.record(
        session, actor, "estado", "convenio", agreement.uuid, {"estado": [old.value, new.value]}
    )
    return get_agreement(session, agreement.id)


def _load(session: Session, agreement_id: int) -> Agreement:
    agreement = session.get(Agreement, agreement_id)
    if agreement is None:
        raise NotFoundError(f"No existe el convenio núm. {agreement_id}.")
    return agreement


def _disbursed(session: Session, agreement_id: int) -> int:
    total = session.scalar(
        select(func.coalesce(func.sum(Disbursement.amount_centavos), 0)).where(
            Disbursement.agreement_id == agreement_id
        )
    )
    return int(total or 0)


def get_agreement(session: Session, agreement_id: int) -> AgreementRecord:
    a = _load(session, agreement_id)
    orgs = [session.get(Organization, p.organization_id) for p in a.parties]
    files = attachments.list_attachments(
        session, attachments.Owner(attachments.OwnerType.AGREEMENT, a.id)
    )
    return AgreementRecord(
        a.id, a.uuid, a.title, a.purpose, AgreementKind(a.kind), A(a.status), a.signed_on,
        a.valid_from, a.valid_until, a.committed_centavos, _disbursed(session, a.id),
        a.funding_source or "", a.municipality or "", a.signatories or "",
        tuple(_org_info(o) for o in orgs if o is not None),
        tuple(DisbursementInfo(d.id, d.paid_on, d.amount_centavos, d.reference or "", d.paid_for,
                               d.override_reason or "") for d in a.disbursements),
        tuple(FileInfo(f.id, f.original_name, f.size, f.description) for f in files),
        tuple(
            (p.id, full_name(p.given_names, p.first_surname, p.second_surname))
            for p in session.scalars(
                select(Person).join(AgreementPerson, AgreementPerson.person_id == Person.id)
                .where(AgreementPerson.agreement_id == a.id).order_by(Person.sort_key)
            )
        ),
        a.version,
    )  # fmt: skip


@dataclass(frozen=True)
class AgreementRow:
    id: int
    title: str
    counterparts: str
    status: AgreementStatus
    signed_on: date | None
    committed_centavos: int
    balance_centavos: int


def agreement_list(status: AgreementStatus | None = None) -> IdList:
    """The agreements (in one status), the latest signed first and drafts (not signed yet)
    above them; the list's model reads them in batches."""
    signed = func.coalesce(Agreement.signed_on, date.max)  # never NULL: read after the last row
    query = select(Agreement.id, signed)
    if status is not None:
        query = query.where(Agreement.status == status.value)
    return IdList(query, descending=True)


def fetch_rows(session: Session, ids: list[int]) -> dict[int, AgreementRow]:
    """The list rows of these agreements: counterparts and balance included."""
    parties: dict[int, list[str]] = {}
    for agreement_id, acronym, name in session.execute(
        select(AgreementParty.agreement_id, Organization.acronym, Organization.name)
        .join(Organization, Organization.id == AgreementParty.organization_id)
        .where(AgreementParty.agreement_id.in_(ids))
    ):
        parties.setdefault(agreement_id, []).append(acronym or name)
    disbursed = {
        agreement_id: total
        for agreement_id, total in session.execute(
            select(Disbursement.agreement_id, func.sum(Disbursement.amount_centavos))
            .where(Disbursement.agreement_id.in_(ids))
            .group_by(Disbursement.agreement_id)
        )
    }
    return {
        a.id: AgreementRow(
            a.id,
            a.title,
            ", ".join(sorted(parties.get(a.id, ()), key=str.casefold)),
            A(a.status),
            a.signed_on,
            a.committed_centavos,
            a.committed_centavos - int(disbursed.get(a.id) or 0),
        )  # fmt: skip
        for a in session.execute(
            select(
                Agreement.id,
                Agreement.title,
                Agreement.status,
                Agreement.signed_on,
                Agreement.committed_centavos,
            ).where(Agreement.id.in_(ids))
        )  # fmt: skip
    }


# --- disbursements ----------------------------------------------------------------------------


@dataclass
class DisbursementInput:
    paid_on: date
    amount_centavos: int
    paid_for: str
    reference: str = ""
    override_reason: str = ""


def add_disbursement(
    session: Session, actor: Actor, agreement_id: int, data: DisbursementInput
) -> AgreementRecord:
    """Pay under an agreement. Beyond the balance or outside the validity needs a reason."""
    require(actor, Action.MANAGE_AGREEMENTS)
    agreement = _load(session, agreement_id)
    if A(agreement.status) in (A.DRAFT, A.CANCELLED, A.CONCLUDED):
        raise FronteraError(
            f"No se pueden registrar ministraciones en un convenio "
            f"{AGREEMENT_STATUS_ES[A(agreement.status)].lower()}."
        )
    if not isinstance(data.amount_centavos, int) or data.amount_centavos <= 0:
        raise ValidationError("amount", "Importe de la ministración: debe ser mayor que cero.")
    if data.paid_on > date.today():
        raise ValidationError("paid_on", "Fecha de la ministración: no puede ser futura.")
    if agreement.signed_on and data.paid_on < agreement.signed_on:
        raise ValidationError(
            "paid_on",
            f"Fecha de la ministración: anterior a la firma ({agreement.signed_on:%d/%m/%Y}).",
        )
    months.ensure_open(session, actor.office_code, data.paid_on)
    paid_for = checked(data.paid_for, "paid_for", "Concepto", 300, True)
    reason = checked(data.override_reason, "override_reason", "Motivo", 500)
    problems = []
    balance = agreement.committed_centavos - _disbursed(session, agreement.id)
    if data.amount_centavos > balance:
        problems.append(f"rebasa el saldo del convenio ({format_money(balance)})")
    outside = (agreement.valid_from and data.paid_on < agreement.valid_from) or (
        agreement.valid_until and data.paid_on > agreement.valid_until
    )
    if outside:
        problems.append("cae fuera de la vigencia del convenio")
    if problems and not reason:
        raise OverrideRequired(
            "La ministración " + " y ".join(problems) + ": escriba el motivo de la autorización."
        )
    payment = Disbursement(
        office_code=actor.office_code, created_by_id=actor.user_id, agreement_id=agreement.id,
        paid_on=data.paid_on, amount_centavos=data.amount_centavos,
        reference=checked(data.reference, "reference", "Referencia", 100) or None,
        paid_for=paid_for, override_reason=reason if problems else None,
    )  # fmt: skip
    session.add(payment)
    session.flush()
    audit.record(session, actor, "ministrar", "convenio", agreement.uuid,
                 {"importe": data.amount_centavos, "fecha": data.paid_on.isoformat()})  # fmt: skip
    session.expire(agreement, ["disbursements"])
    return get_agreement(session, agreement.id)


# --- attached files ---------------------------------------------------------------------------


def attach_file(
    session: Session, actor: Actor, agreement_id: int, source: Path, description: str = ""
) -> AgreementRecord:
    """Keep a file (the signed agreement's scan…) with the agreement, encrypted in the
    database (services/attachments.py)."""
    require(actor, Action.MANAGE_AGREEMENTS)
    agreement = _load(session, agreement_id)
    owner = attachments.Owner(attachments.OwnerType.AGREEMENT, agreement.id)
    attachments.attach_file(session, actor, owner, attachments.OTHER, source, description)
    return get_agreement(session, agreement.id)


def link_person(
    session: Session, actor: Actor, agreement_id: int, person_id: int, linked: bool = True
) -> AgreementRecord:
    """Record (or undo) that an agreement benefits a person or their family."""
    require(actor, Action.MANAGE_AGREEMENTS)
    agreement = _load(session, agreement_id)
    if session.get(Person, person_id) is None:
        raise ValidationError("person_id", f"No existe la persona núm. {person_id}.")
    current = session.get(AgreementPerson, (agreement.id, person_id))
    if linked and current is None:
        session.add(AgreementPerson(agreement_id=agreement.id, person_id=person_id))
    elif not linked and current is not None:
        session.delete(current)
    session.flush()
    audit.record(session, actor, "vincular" if linked else "desvincular", "convenio",
                 agreement.uuid, {"persona": person_id})  # fmt: skip
    return get_agreement(session, agreement.id)
