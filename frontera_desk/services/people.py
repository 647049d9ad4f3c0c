"""People (beneficiaries): registration, correction, duplicate warning, search, detail."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, bindparam, func, or_, select
from sqlalchemy.orm import Session, aliased, selectinload

from frontera_desk.db import search
from frontera_desk.db.models import (
    Case,
    Consent,
    IdentityDocument,
    Person,
    PersonVulnerability,
    User,
)
from frontera_desk.db.paging import IdList
from frontera_desk.domain.countries import countries
from frontera_desk.domain.enums import DOCUMENT_ES, DocumentType, Sex, Vulnerability
from frontera_desk.domain.errors import (
    FronteraError,
    NotFoundError,
    PossibleDuplicate,
    ValidationError,
)
from frontera_desk.domain.text import checked, fold, fold_document
from frontera_desk.services import audit
from frontera_desk.services.permissions import Action, Actor, require, require_unchanged

MAX_AGE = 120
_NAME_PUNCTUATION = set("'’-. ")


@dataclass
class DocumentInput:
    doc_type: DocumentType
    number: str = ""
    issuer: str = ""


@dataclass
class PersonInput:
    """What the registration form collects. ``estimated_age`` is used when the date is unknown."""

    given_names: str
    first_surname: str
    second_surname: str = ""
    sex: Sex | str = ""
    birth_date: date | None = None
    estimated_age: int | None = None
    nationality: str | None = None
    phone: str = ""
    lodging: str = ""
    household_head_id: int | None = None
    household_size: int = 1
    dependents: int = 0
    vulnerabilities: set[Vulnerability] = field(default_factory=set)
    documents: list[DocumentInput] = field(default_factory=list)
    notes: str = ""
    # The answer to the privacy notice, recorded with the save: True (consents), False (refuses),
    # NOT_ASKED (could not be asked: an emergency, a small child alone); None records nothing.
    consent: bool | str | None = None


@dataclass(frozen=True)
class PersonRow:
    """One line of a list of people."""

    id: int
    full_name: str
    sex: str
    birth_date: date | None
    birth_date_estimated: bool
    nationality: str | None
    document_type: DocumentType | None  # the first document shown, if any
    document_number: str
    lodging: str
    created_on: date

    def age(self, today: date | None = None) -> int | None:
        return age_on(self.birth_date, today or date.today())

    @property
    def document(self) -> str:
        """The first document in Spanish, e.g. "Pasaporte F123456" (empty when none)."""
        if self.document_type is None:
            return ""
        return f"{DOCUMENT_ES[self.document_type]} {self.document_number}".strip()


@dataclass(frozen=True)
class DocumentRecord:
    doc_type: DocumentType
    number: str
    issuer: str


@dataclass(frozen=True)
class PersonRecord:
    id: int
    uuid: str
    case_number: str
    given_names: str
    first_surname: str
    second_surname: str
    full_name: str
    sex: Sex
    birth_date: date | None
    birth_date_estimated: bool
    nationality: str | None
    phone: str
    lodging: str
    household_head_id: int | None
    household_head_name: str
    household_size: int
    dependents: int
    vulnerabilities: frozenset[Vulnerability]
    documents: tuple[DocumentRecord, ...]
    notes: str
    consent: ConsentInfo | None
    anonymized: bool
    version: int = 0  # what a form sends back as expected_version

    def as_input(self) -> PersonInput:
        return PersonInput(
            given_names=self.given_names,
            first_surname=self.first_surname,
            second_surname=self.second_surname,
            sex=self.sex,
            birth_date=None if self.birth_date_estimated else self.birth_date,
            estimated_age=age_on(self.birth_date, date.today())
            if self.birth_date_estimated
            else None,
            nationality=self.nationality,
            phone=self.phone,
            lodging=self.lodging,
            household_head_id=self.household_head_id,
            household_size=self.household_size,
            dependents=self.dependents,
            vulnerabilities=set(self.vulnerabilities),
            documents=[DocumentInput(d.doc_type, d.number, d.issuer) for d in self.documents],
            notes=self.notes,
        )


@dataclass(frozen=True)
class ConsentInfo:
    given: bool | None  # None: the person could not be asked (imported from a spreadsheet)
    on: date
    recorded_by: str


def age_on(birth_date: date | None, today: date) -> int | None:
    if birth_date is None:
        return None
    return (
        today.year
        - birth_date.year
        - ((today.month, today.day) < (birth_date.month, birth_date.day))
    )


def full_name(given: str, first: str, second: str | None) -> str:
    return " ".join(part for part in (given, first, second) if part)


# --- validation -------------------------------------------------------------------------------


def _name(value: str | None, field_name: str, label: str, required: bool) -> str:
    value = checked(value, field_name, label, 100, required)
    if not value:
        return value
    ok = all(
        ch in _NAME_PUNCTUATION or unicodedata.category(ch)[0] in "LM" for ch in value
    ) and any(unicodedata.category(ch)[0] == "L" for ch in value)
    if not ok:
        raise ValidationError(
            field_name, f"{label}: solo puede llevar letras, espacios, apóstrofos y guiones."
        )
    return value


@dataclass(frozen=True)
class _Clean:
    given: str
    first: str
    second: str | None
    sex: Sex
    birth_date: date | None
    estimated: bool
    nationality: str | None
    phone: str | None
    lodging: str | None
    household_head_id: int | None
    household_size: int
    dependents: int
    vulnerabilities: frozenset[Vulnerability]
    documents: tuple[tuple[DocumentType, str | None, str | None], ...]
    notes: str | None

    @property
    def name_key(self) -> str:
        return fold(full_name(self.given, self.first, self.second))

    @property
    def sort_key(self) -> str:
        return fold(" ".join(part for part in (self.first, self.second, self.given) if part))


def validate_person(data: PersonInput, today: date) -> _Clean:
    given = _name(data.given_names, "given_names", "Nombre(s)", True)
    first = _name(data.first_surname, "first_surname", "Primer apellido", True)
    second = _name(data.second_surname, "second_surname", "Segundo apellido", False) or None
    if not data.sex:
        raise ValidationError("sex", "Sexo: es obligatorio.")
    try:
        sex = Sex(data.sex)
    except ValueError:
        raise ValidationError("sex", "Sexo: valor no válido.") from None
    estimated = False
    birth = data.birth_date
    if birth is not None:
        if birth > today:
            raise ValidationError("birth_date", "Fecha de nacimiento: no puede ser futura.")
        if age_on(birth, today) > MAX_AGE:  # type: ignore[operator]
            raise ValidationError(
                "birth_date", f"Fecha de nacimiento: indica más de {MAX_AGE} años."
            )
    elif data.estimated_age is not None:
        if not 0 <= data.estimated_age <= MAX_AGE:
            raise ValidationError("estimated_age", f"Edad aproximada: entre 0 y {MAX_AGE} años.")
        birth = birth_from_age(data.estimated_age, today)
        estimated = True
    nationality = (data.nationality or "").upper() or None
    if nationality is not None and nationality not in countries("es"):
        raise ValidationError("nationality", f"Nacionalidad: «{nationality}» no es un país.")
    phone = checked(data.phone, "phone", "Teléfono", 40, False) or None
    if phone and not all(ch.isdigit() or ch in "+-() " for ch in phone):
        raise ValidationError("phone", "Teléfono: solo dígitos, espacios y los signos + - ( ).")
    lodging = checked(data.lodging, "lodging", "Dónde se aloja", 200, False) or None
    if not 1 <= data.household_size <= 30:
        raise ValidationError("household_size", "Integrantes del hogar: entre 1 y 30.")
    if not 0 <= data.dependents < data.household_size:
        raise ValidationError(
            "dependents",
            "Dependientes económicos: no pueden ser negativos ni tantos como los integrantes "
            "del hogar (la persona registrada cuenta como integrante).",
        )
    try:
        flags = frozenset(Vulnerability(flag) for flag in data.vulnerabilities)
    except ValueError:
        raise ValidationError("vulnerabilities", "Situación de vulnerabilidad no válida.") from None
    if Vulnerability.UNACCOMPANIED_MINOR in flags and birth and age_on(birth, today) >= 18:  # type: ignore[operator]
        raise ValidationError(
            "vulnerabilities",
            "«Niña, niño o adolescente no acompañado» solo aplica a menores de 18 años.",
        )
    documents = tuple(_document(doc) for doc in data.documents)
    keys = [(t, fold_document(n)) for t, n, _ in documents if n]
    if len(keys) != len(set(keys)):
        raise ValidationError("documents", "Documentos: el mismo documento aparece dos veces.")
    notes = checked(data.notes, "notes", "Observaciones", 2000, False) or None
    return _Clean(
        given, first, second, sex, birth, estimated, nationality, phone, lodging,
        data.household_head_id, data.household_size, data.dependents, flags, documents, notes,
    )  # fmt: skip


def birth_from_age(age: int, today: date) -> date:
    try:
        return today.replace(year=today.year - age)
    except ValueError:  # 29 February
        return today.replace(year=today.year - age, day=28)


def _document(doc: DocumentInput) -> tuple[DocumentType, str | None, str | None]:
    try:
        doc_type = DocumentType(doc.doc_type)
    except ValueError:
        raise ValidationError("documents", "Documento: tipo no válido.") from None
    label = f"Documento ({DOCUMENT_ES[doc_type]})"
    number = checked(doc.number, "documents", label, 60, False) or None
    issuer = checked(doc.issuer, "documents", f"{label}, emisor", 100, False) or None
    if doc_type is DocumentType.NONE:
        return doc_type, None, None
    if not number or not fold_document(number):
        raise ValidationError("documents", f"{label}: falta el número.")
    return doc_type, number, issuer


# --- duplicates -------------------------------------------------------------------------------


def find_duplicates(
    session: Session, data: PersonInput, exclude_id: int | None = None, today: date | None = None
) -> list[PersonRow]:
    """People already registered with the same name and birth date, or the same document."""
    person = validate_person(data, today or date.today())
    return _duplicates(session, person, exclude_id)


def _duplicates(session: Session, person: _Clean, exclude_id: int | None) -> list[PersonRow]:
    ids: set[int] = set()
    for pid, birth, estimated in session.execute(
        select(Person.id, Person.birth_date, Person.birth_date_estimated).where(
            Person.name_key == person.name_key
        )
    ):
        if _same_birth(person.birth_date, person.estimated, birth, estimated):
            ids.add(pid)
    doc_keys = [(t.value, fold_document(n)) for t, n, _ in person.documents if n]
    for doc_type, key in doc_keys:
        ids.update(
            session.scalars(
                select(IdentityDocument.person_id).where(
                    IdentityDocument.doc_type == doc_type, IdentityDocument.number_key == key
                )
            )
        )
    if exclude_id is not None:
        ids.discard(exclude_id)
    rows = fetch_rows(session, sorted(ids))
    return [rows[i] for i in sorted(ids)]


def _same_birth(a: date | None, a_est: bool, b: date | None, b_est: bool) -> bool:
    if a is None or b is None:
        return False
    if a_est or b_est:
        return abs(a.year - b.year) <= 1
    return a == b


def _raise_if_duplicate(session: Session, person: _Clean, exclude_id: int | None) -> None:
    matches = _duplicates(session, person, exclude_id)
    if matches:
        names = "; ".join(f"{m.full_name} (núm. {m.id})" for m in matches[:3])
        raise PossibleDuplicate(
            f"Posible registro duplicado: ya existe {names}. Abra el registro existente o "
            "confirme que se trata de otra persona.",
            matches,
        )


# --- writes -----------------------------------------------------------------------------------


def _household_head(session: Session, head_id: int | None, self_id: int | None) -> int | None:
    if head_id is None:
        return None
    head = session.get(Person, head_id)
    if head is None:
        raise ValidationError("household_head_id", "Hogar: la persona titular no existe.")
    # Households are one level deep: join the head's own head if it has one.
    root = head.household_head_id or head.id
    if root == self_id:
        return None
    return root


def _snapshot(person: Person) -> dict[str, Any]:
    return {
        "given_names": person.given_names,
        "first_surname": person.first_surname,
        "second_surname": person.second_surname,
        "sex": person.sex,
        "birth_date": person.birth_date,
        "birth_date_estimated": person.birth_date_estimated,
        "nationality": person.nationality,
        "phone": person.phone,
        "lodging": person.lodging,
        "household_head_id": person.household_head_id,
        "household_size": person.household_size,
        "dependents": person.dependents,
        "notes": person.notes,
        "vulnerabilities": ",".join(v.flag for v in person.vulnerabilities),
        "documents": "; ".join(f"{d.doc_type}:{d.number or ''}" for d in person.documents),
    }


def _apply(session: Session, actor: Actor, person: Person, data: _Clean) -> None:
    person.given_names = data.given
    person.first_surname = data.first
    person.second_surname = data.second
    person.name_key = data.name_key
    person.sort_key = data.sort_key
    person.sex = data.sex.value
    person.birth_date = data.birth_date
    person.birth_date_estimated = data.estimated
    person.nationality = data.nationality
    person.phone = data.phone
    person.lodging = data.lodging
    person.household_head_id = _household_head(session, data.household_head_id, person.id)
    person.household_size = data.household_size
    person.dependents = data.dependents
    person.notes = data.notes
    person.vulnerabilities = [
        PersonVulnerability(flag=f.value) for f in sorted(data.vulnerabilities)
    ]
    existing = {(d.doc_type, d.number_key): d for d in person.documents}
    documents = []
    for doc_type, number, issuer in data.documents:
        key = (doc_type.value, fold_document(number) if number else None)
        doc = existing.get(key) or IdentityDocument(
            office_code=actor.office_code, created_by_id=actor.user_id, doc_type=doc_type.value
        )
        doc.number, doc.number_key, doc.issuer = number, key[1], issuer
        documents.append(doc)
    person.documents = documents


def _reindex(session: Session, person: Person) -> None:
    names, docs = search.person_text(
        [person.given_names, person.first_surname, person.second_surname],
        [d.number for d in person.documents],
    )
    search.index_person(session, person.id, names, docs)


def create_person(
    session: Session,
    actor: Actor,
    data: PersonInput,
    *,
    confirmed_not_duplicate: bool = False,
    today: date | None = None,
) -> PersonRecord:
    """Register a person and open their case. Raises PossibleDuplicate unless confirmed."""
    require(actor, Action.EDIT_PEOPLE)
    person = add_person(session, actor, data, confirmed_not_duplicate, today or date.today())
    return get_person(session, person.id)


def add_person(
    session: Session,
    actor: Actor,
    data: PersonInput,
    confirmed_not_duplicate: bool,
    today: date,
    origin: dict[str, list[Any]] | None = None,
) -> Person:
    """create_person once its caller checked the permission (registration, or an import, whose
    ``origin`` goes into the same audit entry). Returns the new row, flushed."""
    clean_data = validate_person(data, today)
    if not confirmed_not_duplicate:
        _raise_if_duplicate(session, clean_data, None)
    person = Person(office_code=actor.office_code, created_by_id=actor.user_id)
    _apply(session, actor, person, clean_data)
    session.add(person)
    session.flush()
    session.add(
        Case(
            office_code=actor.office_code,
            created_by_id=actor.user_id,
            person_id=person.id,
            number=f"{actor.office_code}-EXP-{person.id:06d}",
            opened_on=today,
        )
    )
    _reindex(session, person)
    changes = audit.diff({}, _snapshot(person)) | (origin or {})
    audit.record(session, actor, "crear", "persona", person.uuid, changes)
    if data.consent is not None:
        record_consent(session, actor, person.id, data.consent, today)
    session.flush()
    return person


def update_person(
    session: Session,
    actor: Actor,
    person_id: int,
    data: PersonInput,
    *,
    confirmed_not_duplicate: bool = False,
    today: date | None = None,
    expected_version: int | None = None,
) -> PersonRecord:
    """Correct a person's data; the audit keeps what it was before."""
    require(actor, Action.EDIT_PEOPLE)
    person = _load(session, person_id)
    require_unchanged(person, expected_version, "los datos de esta persona")
    if person.anonymized_at is not None:
        raise FronteraError("Esta persona fue anonimizada: sus datos ya no se pueden modificar.")
    clean_data = validate_person(data, today or date.today())
    if not confirmed_not_duplicate:
        _raise_if_duplicate(session, clean_data, person_id)
    before = _snapshot(person)
    _apply(session, actor, person, clean_data)
    session.flush()
    changes = audit.diff(before, _snapshot(person))
    if changes:
        _reindex(session, person)
        audit.record(session, actor, "modificar", "persona", person.uuid, changes)
    if data.consent is not None:
        record_consent(session, actor, person.id, data.consent, today)
    return get_person(session, person.id)


# --- reads ------------------------------------------------------------------------------------


def _load(session: Session, person_id: int) -> Person:
    person = session.get(
        Person,
        person_id,
        options=[selectinload(Person.documents), selectinload(Person.vulnerabilities)],
    )
    if person is None:
        raise NotFoundError(f"No existe la persona núm. {person_id}.")
    return person


def get_person(session: Session, person_id: int) -> PersonRecord:
    p = _load(session, person_id)
    head_name = ""
    if p.household_head_id:
        head = session.get(Person, p.household_head_id)
        head_name = (
            full_name(head.given_names, head.first_surname, head.second_surname) if head else ""
        )
    case_number = session.scalar(select(Case.number).where(Case.person_id == p.id)) or ""
    return PersonRecord(
        id=p.id,
        uuid=p.uuid,
        case_number=case_number,
        given_names=p.given_names,
        first_surname=p.first_surname,
        second_surname=p.second_surname or "",
        full_name=full_name(p.given_names, p.first_surname, p.second_surname),
        sex=Sex(p.sex),
        birth_date=p.birth_date,
        birth_date_estimated=p.birth_date_estimated,
        nationality=p.nationality,
        phone=p.phone or "",
        lodging=p.lodging or "",
        household_head_id=p.household_head_id,
        household_head_name=head_name,
        household_size=p.household_size,
        dependents=p.dependents,
        vulnerabilities=frozenset(Vulnerability(v.flag) for v in p.vulnerabilities),
        documents=tuple(
            DocumentRecord(DocumentType(d.doc_type), d.number or "", d.issuer or "")
            for d in p.documents
        ),
        notes=p.notes or "",
        consent=latest_consent(session, p.id),
        anonymized=p.anonymized_at is not None,
        version=p.version,
    )


NOT_ASKED = "no_se_pudo_preguntar"
CONSENT_ES = {True: "otorgado", False: "negado", None: "no se pudo preguntar"}


def notice_hash(notice: str) -> str:
    return hashlib.sha256(notice.encode("utf-8")).hexdigest()


def record_consent(
    session: Session, actor: Actor, person_id: int, given: bool | str | None,
    on: date | None = None,
) -> None:  # fmt: skip
    """The office's current privacy notice was shown to the person; record their answer
    (True, False, or NOT_ASKED / None when they could not be asked)."""
    if isinstance(given, str):
        if given != NOT_ASKED:
            raise ValidationError("consent", "Aviso de privacidad: respuesta no reconocida.")
        given = None
    from frontera_desk.services.office import get_settings

    require(actor, Action.EDIT_PEOPLE)
    person = _load(session, person_id)
    notice = get_settings(session).privacy_notice
    session.add(
        Consent(person_id=person_id, given=given, on=on or date.today(),
                notice_sha256=notice_hash(notice), recorded_by_id=actor.user_id)
    )  # fmt: skip
    audit.record(session, actor, "consentimiento", "persona", person.uuid,
                 {"respuesta": CONSENT_ES[given]})  # fmt: skip


def latest_consent(session: Session, person_id: int) -> ConsentInfo | None:
    row = session.execute(
        select(Consent.given, Consent.on, User.full_name)
        .join(User, User.id == Consent.recorded_by_id)
        .where(Consent.person_id == person_id)
        .order_by(Consent.id.desc())
        .limit(1)
    ).first()
    return ConsentInfo(row.given, row.on, row.full_name) if row else None


def household_members(session: Session, person_id: int) -> list[PersonRow]:
    """Everyone in the person's household (head first), the person included."""
    person = _load(session, person_id)
    root = person.household_head_id or person.id
    ids = list(
        session.scalars(
            select(Person.id)
            .where(or_(Person.id == root, Person.household_head_id == root))
            .order_by(Person.household_head_id.is_not(None), Person.id)
        )
    )
    rows = fetch_rows(session, ids)
    return [rows[i] for i in ids]


SORT_KEYS = {  # the column of each sort, and whether it can be NULL
    "name": (Person.sort_key, False),
    "birth_date": (Person.birth_date, True),
    "nationality": (Person.nationality, True),
    "created": (None, False),  # registration order is id order
}


def person_list(query: str = "", sort: str = "name", descending: bool = False) -> IdList:
    """The people matching ``query`` (everyone when empty), in list order; the list's model
    reads it a batch at a time."""
    if sort == "age":  # older means an earlier birth date
        sort, descending = "birth_date", not descending
    key, nullable = SORT_KEYS[sort]
    ids = select(Person.id) if key is None else select(Person.id, key)
    fts = search.fts_query(query)
    if fts is not None:
        ids = ids.where(search.matching(fts, in_name_order=sort == "name"))
    return IdList(ids, descending, nullable)


def person_count_query(query: str = "") -> Select[Any]:
    """How many people the list of ``query`` holds."""
    fts = search.fts_query(query)
    if fts is None:
        return select(func.count(Person.id))
    return search.count_matches(fts)


def person_ids(
    session: Session, query: str = "", sort: str = "name", descending: bool = False,
    limit: int | None = None,
) -> list[int]:  # fmt: skip
    return list(session.scalars(person_list(query, sort, descending).ids().limit(limit)))


_DOC = aliased(IdentityDocument)
# One statement built once (building a select costs more than running this one): each person
# with their first document, for a list of ids.
_ROWS = (
    select(
        Person.id, Person.given_names, Person.first_surname, Person.second_surname, Person.sex,
        Person.birth_date, Person.birth_date_estimated, Person.nationality, Person.lodging,
        Person.created_at, IdentityDocument.doc_type, IdentityDocument.number,
    )
    .outerjoin(IdentityDocument, IdentityDocument.id == (
        select(func.min(_DOC.id)).where(_DOC.person_id == Person.id).scalar_subquery()
    ))
    .where(Person.id.in_(bindparam("ids", expanding=True)))
)  # fmt: skip


def fetch_rows(session: Session, ids: list[int]) -> dict[int, PersonRow]:
    """List rows for these ids."""
    if not ids:
        return {}
    return {
        p.id: PersonRow(
            id=p.id,
            full_name=full_name(p.given_names, p.first_surname, p.second_surname),
            sex=p.sex,
            birth_date=p.birth_date,
            birth_date_estimated=p.birth_date_estimated,
            nationality=p.nationality,
            document_type=DocumentType(p.doc_type) if p.doc_type else None,
            document_number=p.number or "",
            lodging=p.lodging or "",
            created_on=p.created_at.date(),
        )
        for p in session.connection().execute(_ROWS, {"ids": ids})
    }


def search_people(session: Session, query: str, limit: int = 50) -> list[PersonRow]:
    ids = person_ids(session, query, limit=limit)
    rows = fetch_rows(session, ids)
    return [rows[i] for i in ids]


def count_people(session: Session) -> int:
    return session.scalar(select(func.count(Person.id))) or 0
