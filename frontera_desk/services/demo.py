"""Reproducible, synthetic demonstration data: people, cases and supports over several months.

Everything here is invented. The names are common in each country; no real person is described.
"""

from __future__ import annotations

import random
import shutil
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session

from frontera_desk.db.bulk import bulk_load, insert_rows
from frontera_desk.db.models import FolioCounter
from frontera_desk.db.search import FTS_TABLE, person_text
from frontera_desk.domain.enums import (
    Audience,
    DocumentType,
    Role,
    Sex,
    SupportStatus,
    Vulnerability,
)
from frontera_desk.domain.errors import FronteraError
from frontera_desk.domain.text import fold, fold_document
from frontera_desk.paths import DEMO_PASSWORD, Paths  # every demo account's
from frontera_desk.services import audit, auth, evidence, people, receipts, supports
from frontera_desk.services.months import months_back
from frontera_desk.services.office import (
    get_settings,
    program_lines,
    set_program_lines,
    update_settings,
)
from frontera_desk.services.permissions import Actor, actor_for

DEMO_OFFICE = ("TAP", "Oficina de Atención a Migrantes Tapachula (DEMOSTRACIÓN)")
DEMO_USERS = (
    ("supervisor", "Supervisora de oficina (demo)", Role.SUPERVISOR),
    ("capturista", "Trabajadora social (demo)", Role.CAPTURISTA),
)
DEMO_JOB_TITLES = {Role.SUPERVISOR: "Jefa de oficina", Role.CAPTURISTA: "Trabajadora social"}
# The header, signer and program of the demo's receipts and certificates (synthetic names)
DEMO_INSTITUTION = {
    "header_government": "Gobierno del Estado de Chiapas",
    "header_unit": "Secretaría para la Atención de Personas Migrantes (DEMOSTRACIÓN)",
    "certificate_signer": "Mtra. Laura Ríos Pineda",
    "certificate_signer_title": "Titular de la oficina",
}
DEMO_PLACE = "Tapachula, Chiapas"
DEMO_PROGRAM = ("Programa Estatal de Atención a Personas Migrantes", "4410")  # partida 4410

_HISPANIC_F = [
    "María",
    "Ana",
    "Rosa",
    "Karla",
    "Yesenia",
    "Daniela",
    "Gabriela",
    "Sofía",
    "Dayana",
    "Lisbeth",
    "Fernanda",
    "Marisol",
    "Reina",
    "Ángela",
    "Lucía",
]
_HISPANIC_M = [
    "José",
    "Luis",
    "Carlos",
    "Juan",
    "Wilmer",
    "Kevin",
    "Óscar",
    "Jesús",
    "Ángel",
    "Edwin",
    "Josué",
    "Yordani",
    "Brayan",
    "Andrés",
    "Erick",
]
_HISPANIC_SURNAMES = [
    "Hernández",
    "López",
    "Martínez",
    "García",
    "Rodríguez",
    "Pérez",
    "Ramírez",
    "Núñez",
    "Castillo",
    "Mejía",
    "Reyes",
    "Flores",
    "Álvarez",
    "Cruz",
    "Orellana",
    "Zelaya",
    "Chávez",
    "Peña",
    "Ibáñez",
    "Gómez",
]
_NAMES: dict[str, tuple[list[str], list[str], list[str], bool]] = {
    # nationality: (women's names, men's names, surnames, two surnames?)
    "HN": (_HISPANIC_F, _HISPANIC_M, _HISPANIC_SURNAMES, True),
    "GT": (_HISPANIC_F, _HISPANIC_M, _HISPANIC_SURNAMES + ["Xuc", "Pop", "Cux", "Tzul"], True),
    "SV": (_HISPANIC_F, _HISPANIC_M, _HISPANIC_SURNAMES, True),
    "NI": (_HISPANIC_F, _HISPANIC_M, _HISPANIC_SURNAMES, True),
    "CU": (
        _HISPANIC_F + ["Yaimí", "Yudelkis"],
        _HISPANIC_M + ["Yoandri", "Reinier"],
        _HISPANIC_SURNAMES,
        True,
    ),
    "VE": (
        _HISPANIC_F + ["Oriana", "Yusmary"],
        _HISPANIC_M + ["Yeferson", "Jhonny"],
        _HISPANIC_SURNAMES,
        True,
    ),
    "HT": (
        ["Marie", "Nadège", "Roseline", "Widelande", "Fabienne", "Jeanne", "Guerline"],
        ["Jean", "Pierre", "Wilner", "Jean-Baptiste", "Fritznel", "Evens", "Junior"],
        [
            "Joseph",
            "Pierre",
            "Louis",
            "Charles",
            "Saint-Fleur",
            "Jean-Louis",
            "Désir",
            "Étienne",
            "Baptiste",
            "Dorvil",
        ],
        False,
    ),
    "CM": (
        ["Aïcha", "Brigitte", "Clarisse", "Mireille", "Ngozi"],
        ["Emmanuel", "Serge", "Blaise", "Hervé", "Ibrahim"],
        ["Mbarga", "Ngono", "Fotso", "Tchoupo", "Eto'o", "Nkoulou", "Abanda"],
        False,
    ),
    "IN": (
        ["Priya", "Sunita", "Pooja", "Harpreet"],
        ["Rajesh", "Amit", "Gurpreet", "Sandeep"],
        ["Singh", "Kumar", "Sharma", "Patel", "Kaur"],
        False,
    ),
    "BD": (
        ["Fatema", "Nasrin", "Ayesha"],
        ["Mohammad", "Rafiqul", "Shahidul", "Abdul"],
        ["Rahman", "Hossain", "Akter", "Islam", "Uddin"],
        False,
    ),
}
_NATIONALITY_WEIGHTS = {
    "HN": 30,
    "GT": 16,
    "SV": 10,
    "CU": 12,
    "HT": 12,
    "VE": 10,
    "NI": 5,
    "CM": 2,
    "IN": 2,
    "BD": 1,
}
_SHELTERS = [
    "Albergue Belén",
    "Albergue Jesús el Buen Pastor",
    "Casa del Migrante Scalabrini",
    "Albergue Todo por Ellos",
    "Hotel en el centro de Tapachula",
    "Cuarto rentado, colonia Los Laureles",
    "Cuarto rentado, colonia 5 de Febrero",
]
_PROVIDERS = {
    "FUNERAL": ("Funerales del Soconusco", 9_000, 28_000, "Servicio funerario básico y traslado"),
    "MED_PROTESIS": ("Óptica y Prótesis del Sur", 8_000, 22_000, "Prótesis ocular"),
    "MED_ESTUDIOS": ("Laboratorio y Rayos X Tapachula", 600, 4_500, "Ultrasonido abdominal"),
    "MED_MEDICAMENTOS": ("Farmacia del Ahorro", 150, 2_500, "Medicamentos según receta"),
    "MED_CONSULTA": ("Consultorio médico Centro", 250, 900, "Consulta de medicina general"),
    "DESPENSA": ("Abarrotes La Frontera", 600, 1_400, "Despensa básica familiar"),
    "AGUA": ("Purificadora Tacaná", 80, 450, "Garrafones de agua purificada"),
    "ELECTRODOMESTICO": ("Electrodomésticos del Soconusco", 1_500, 8_500, "Refrigerador usado"),
    "EQUIPO_COMPUTO": ("Servicio de cómputo Tapachula", 500, 4_500, "Reparación de laptop"),
    "TRANSPORTE": ("Autotransportes del Sur", 300, 3_000, "Boleto de autobús"),
    "HOSPEDAJE": ("Hotel San Francisco", 600, 3_800, "Hospedaje por una semana"),
    "OTRO": ("Varios", 200, 3_000, "Artículos de higiene personal"),
}
_TYPE_WEIGHTS = {"DESPENSA": 30, "AGUA": 14, "MED_MEDICAMENTOS": 14, "MED_CONSULTA": 10,
                 "MED_ESTUDIOS": 6, "TRANSPORTE": 6, "HOSPEDAJE": 5, "OTRO": 4, "FUNERAL": 2,
                 "MED_PROTESIS": 1, "ELECTRODOMESTICO": 2, "EQUIPO_COMPUTO": 2}  # fmt: skip


@dataclass(frozen=True)
class DemoStats:
    persons: int
    supports: int


def create_demo(
    session: Session,
    caseworker: Actor,
    supervisor: Actor,
    persons: int = 300,
    months: int = 12,
    seed: int = 2026,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoStats:
    """Fill a new office's database with demo data. Same seed and date → same data.

    People, cases, supports with their history and receipts are written in bulk (200,000
    people in about a minute); organizations, agreements, activities and the plan go through
    the services. One audit entry records the generation.
    """
    rng = random.Random(seed)
    today = today or date.today()
    first_day = date(*months_back(today, months - 1), 1)
    made = _Bulk(session, caseworker, supervisor, today).run(rng, first_day, persons, progress)
    signed = create_agreements_and_activities(
        session, supervisor, caseworker, rng, first_day, today
    )
    for year in range(first_day.year, today.year + 1):
        set_demo_plan(session, supervisor, year, persons * 12 // max(months, 1),
                      agreements=sum(1 for day in signed if day.year == year))  # fmt: skip
    audit.record(session, supervisor, "crear_demo", "oficina", None,
                 {"personas": persons, "apoyos": made, "meses": months, "semilla": seed})  # fmt: skip
    return DemoStats(persons, made)


_COLUMNS = {
    "persons": "id, uuid, created_at, updated_at, office_code, created_by_id, given_names, "
    "first_surname, second_surname, name_key, sort_key, sex, birth_date, birth_date_estimated, "
    "nationality, phone, lodging, household_head_id, household_size, dependents",
    "cases": "id, uuid, created_at, updated_at, office_code, created_by_id, person_id, number, "
    "opened_on",
    "identity_documents": "uuid, created_at, updated_at, office_code, created_by_id, person_id, "
    "doc_type, number, number_key",
    "person_vulnerabilities": "person_id, flag",
    "consents": 'person_id, given, "on", notice_sha256, recorded_by_id, recorded_at',
    FTS_TABLE: "rowid, names, documents",
    "supports": "id, uuid, created_at, updated_at, office_code, created_by_id, case_id, "
    "person_id, support_type_id, description, amount_centavos, provider, status, requested_on, "
    "requested_by_id, decided_on, decided_by_id, delivered_on, delivered_by_id, status_reason",
    "support_events": "support_id, from_status, to_status, at, by_user_id, reason",
    "support_documents": "uuid, created_at, updated_at, office_code, created_by_id, support_id, "
    "code, name, received, received_at, received_by_id",
    "receipts": "uuid, created_at, updated_at, office_code, created_by_id, support_id, folio, "
    "year, number, issued_on, amount_centavos, print_count",
}


@lru_cache(maxsize=8192)
def _day(day: date) -> str:
    return day.isoformat()


@lru_cache(maxsize=8192)
def _stamp(day: date, minutes: int = 0) -> str:
    """A UTC timestamp as SQLAlchemy stores it in SQLite (office hours of that day)."""
    return f"{day.isoformat()} {15 + minutes // 60:02d}:{minutes % 60:02d}:00.000000"


_TYPE_CODES = list(_TYPE_WEIGHTS)
_TYPE_CUMULATIVE = list(accumulate(_TYPE_WEIGHTS.values()))
_DAYS = [timedelta(days=n) for n in range(4)]
_REQUESTED, _APPROVED, _DELIVERED = (SupportStatus.REQUESTED.value, SupportStatus.APPROVED.value,
                                     SupportStatus.DELIVERED.value)  # fmt: skip
_REJECTED, _CANCELLED = SupportStatus.REJECTED.value, SupportStatus.CANCELLED.value


class _Bulk:
    """Rows made in Python and written with executemany, a few thousand people at a time."""

    BATCH = 5000

    def __init__(self, session: Session, caseworker: Actor, supervisor: Actor, today: date):
        self.conn = session.connection()
        self.session = session
        self.office = caseworker.office_code
        self.worker, self.boss = caseworker.user_id, supervisor.user_id
        self.today = today
        self.types = {t.code: t.id for t in supports.support_types(session)}
        self.documents = {  # each type's required documents: (code, name)
            t.code: [(evidence.document_code(name), name) for name in t.required_documents]
            for t in supports.support_types(session)
        }
        self.notice = people.notice_hash(get_settings(session).privacy_notice)
        self.rows: dict[str, list[tuple[object, ...]]] = {table: [] for table in _COLUMNS}
        self.deliveries: list[tuple[date, int, int]] = []  # (day, support id, amount)
        self.person_id = self.support_id = 0
        self.uuids = random.Random(0)  # reseeded by run(): same seed, same UUIDs
        self.serial = 0

    def _uuid(self) -> str:
        """A time-ordered UUID (version 7 layout: serial, version, random, variant): unique
        indexes grow at their end, which keeps a bulk of a million rows fast."""
        self.serial += 1
        h = f"{self.serial:012x}7{self.uuids.getrandbits(12):03x}"
        tail = f"{0x8000_0000_0000_0000 | self.uuids.getrandbits(62):016x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{tail[:4]}-{tail[4:]}"

    def run(
        self, rng: random.Random, first_day: date, persons: int,
        progress: Callable[[int, int], None] | None,
    ) -> int:  # fmt: skip
        self.uuids.seed(rng.random())
        with bulk_load(self.conn, list(_COLUMNS)):
            made = self._people(rng, first_day, persons, progress)
            self._receipts()
        return made

    def _people(
        self, rng: random.Random, first_day: date, persons: int,
        progress: Callable[[int, int], None] | None,
    ) -> int:  # fmt: skip
        span = (self.today - first_day).days
        heads: deque[tuple[int, people.PersonInput]] = deque(maxlen=20)  # recent family heads
        made = 0
        for index in range(persons):
            registered = first_day + timedelta(days=int(span * (index / max(persons, 1))))
            data = _person(rng, registered)
            adult = data.birth_date is None or (registered - data.birth_date).days >= 18 * 365
            if heads and (not adult or rng.random() < 0.2):
                head_id, head = rng.choice(heads)
                data = _person(rng, registered, head.nationality)  # the family shares its origin
                data.household_head_id, data.household_size = head_id, head.household_size
                data.dependents = rng.randint(0, data.household_size - 1)
                data.first_surname, data.lodging = head.first_surname, head.lodging
            person_id = self._person(data, registered)
            if data.household_head_id is None and data.household_size > 1 and adult:
                heads.append((person_id, data))
            since = (self.today - registered).days + 1
            for _ in range(rng.choice((0, 1, 2, 2, 3, 4, 4, 7))):  # about 3 a person
                on = registered + timedelta(days=int(rng.random() * since))
                self._support(rng, person_id, on)
                made += 1
            if (index + 1) % self.BATCH == 0 or index + 1 == persons:
                self._flush()
                if progress:
                    progress(index + 1, persons)
        return made

    def _person(self, data: people.PersonInput, registered: date) -> int:
        """The rows of one person. The generator makes valid people (a test runs thousands of
        them through ``people.validate_person``), so the bulk skips that check."""
        self.person_id += 1
        pid, now, day = self.person_id, _stamp(registered), _day(registered)
        given, first, second = data.given_names, data.first_surname, data.second_surname or None
        birth, estimated = data.birth_date, data.birth_date is None
        if birth is None:
            birth = people.birth_from_age(data.estimated_age or 0, registered)
        common = (now, now, self.office, self.worker)
        self.rows["persons"].append((
            pid, self._uuid(), *common, given, first, second,
            " ".join(fold(part) for part in (given, first, second) if part),  # names repeat:
            " ".join(fold(part) for part in (first, second, given) if part),  # fold is cached
            Sex(data.sex).value, _day(birth), estimated, data.nationality, data.phone or None,
            data.lodging or None, data.household_head_id, data.household_size, data.dependents,
        ))  # fmt: skip
        self.rows["cases"].append((pid, self._uuid(), *common, pid,
                                   f"{self.office}-EXP-{pid:06d}", day))  # fmt: skip
        for doc in data.documents:
            self.rows["identity_documents"].append((
                self._uuid(), *common, pid, doc.doc_type.value, doc.number,
                fold_document(doc.number),
            ))  # fmt: skip
        self.rows["person_vulnerabilities"] += [(pid, f.value) for f in data.vulnerabilities]
        if data.consent is not None:
            self.rows["consents"].append((pid, data.consent, day, self.notice, self.worker, now))
        names, documents = person_text([given, first, second], [d.number for d in data.documents])
        self.rows[FTS_TABLE].append((pid, names, documents))
        return pid

    def _support(self, rng: random.Random, person_id: int, on: date) -> None:
        """A support taken as far as its fate says, with the events of each step."""
        self.support_id += 1
        sid = self.support_id
        code = rng.choices(_TYPE_CODES, cum_weights=_TYPE_CUMULATIVE)[0]
        provider, low, high, description = _PROVIDERS[code]
        amount = (low + int(rng.random() * (high - low + 1))) * 100 + rng.choice((0, 0, 50, 90))
        events: list[tuple[object, ...]] = [(sid, None, _REQUESTED, _stamp(on), self.worker, None)]
        fate, age_days = rng.random(), (self.today - on).days
        status, decided, delivered, reason = _REQUESTED, None, None, None
        if not (age_days < 7 and fate < 0.5):
            decided = min(self.today, on + _DAYS[int(rng.random() * 3)])
            status = _REJECTED if fate < 0.06 else _APPROVED
            reason = "No cumple los requisitos" if fate < 0.06 else None
            events.append((sid, _REQUESTED, status, _stamp(decided, 30), self.boss, reason))
        if status == _APPROVED and 0.06 <= fate < 0.09:
            status, reason = _CANCELLED, "La persona ya no se presentó"
            events.append((sid, _APPROVED, status, _stamp(decided or on, 60), self.boss, reason))
        elif status == _APPROVED and not (age_days < 3 and fate < 0.7):
            delivered = min(self.today, (decided or on) + _DAYS[int(rng.random() * 4)])
            status = _DELIVERED
            events.append((sid, _APPROVED, status, _stamp(delivered, 90), self.worker, None))
            self.deliveries.append((delivered, sid, amount))
            # The folder is complete, but for a third of this month's deliveries (their
            # paperwork still coming in: the Inicio page lists them)
            this_month = (delivered.year, delivered.month) == (self.today.year, self.today.month)
            if not (this_month and sid % 3 == 0):  # (no draw: the rest of the demo stays)
                at = _stamp(delivered, 80)
                self.rows["support_documents"] += [
                    (self._uuid(), at, at, self.office, self.worker, sid, doc, name[:200], True,
                     at, self.worker)
                    for doc, name in self.documents[code]
                ]  # fmt: skip
        now = _stamp(on)
        self.rows["supports"].append((
            sid, self._uuid(), now, now, self.office, self.worker, person_id, person_id,
            self.types[code], description, amount, provider, status, _day(on),
            self.worker, decided and _day(decided), decided and self.boss,
            delivered and _day(delivered), delivered and self.worker, reason,
        ))  # fmt: skip
        self.rows["support_events"] += events

    def _flush(self) -> None:
        for table, rows in self.rows.items():
            if rows:
                insert_rows(self.conn, table, _COLUMNS[table], rows)
                rows.clear()

    def _receipts(self) -> None:
        """Folios in date order, consecutive per year, as an office would have issued them."""
        numbers: dict[int, int] = {}
        for day, sid, amount in sorted(self.deliveries):
            number = numbers[day.year] = numbers.get(day.year, 0) + 1
            now = _stamp(day, 90)
            self.rows["receipts"].append((
                self._uuid(), now, now, self.office, self.worker, sid,
                receipts.format_folio(self.office, day.year, number), day.year, number,
                _day(day), amount, 1,
            ))  # fmt: skip
        self._flush()
        self.session.add_all(FolioCounter(office_code=self.office, year=year, last_number=n)
                             for year, n in numbers.items())  # fmt: skip
        self.session.flush()


def set_demo_plan(
    session: Session, supervisor: Actor, year: int, persons: int, agreements: int = 6
) -> None:
    """A budget and targets in proportion to the demo's size: ``persons`` registered in a
    year. Every type the demo gives has its budget line, about what it spends in a year with
    some room, except funeral payments, under-budgeted as offices find them (the budget table
    marks the overspending); ``agreements`` is the year's target of agreements signed."""
    from frontera_desk.domain.enums import BudgetCategory, Indicator
    from frontera_desk.services import plan

    scale = max(persons, 1) / 300
    supports_a_year = persons * 2.6  # about 2.9 supports a person, 9 in 10 delivered
    weights = sum(_TYPE_WEIGHTS.values())
    budget = {}
    for code, weight in _TYPE_WEIGHTS.items():
        _provider, low, high, _what = _PROVIDERS[code]
        spend = supports_a_year * weight / weights * (low + high) / 2  # pesos
        room = 0.85 if code == "FUNERAL" else 1.2
        budget[(BudgetCategory.SUPPORT_TYPE, code)] = max(int(round(spend * room, -3)), 1000) * 100
    budget[(BudgetCategory.FUNDING_SOURCE, "Recursos estatales")] = 1_500_000_00
    targets = {Indicator.SUPPORTS: int(600 * scale), Indicator.PEOPLE: int(250 * scale),
               Indicator.AMOUNT: int(800_000 * scale) * 100, Indicator.AGREEMENTS: agreements,
               # about three activities a week (create_agreements_and_activities)
               Indicator.WORKSHOPS: 80, Indicator.COURSES: 20, Indicator.EVENTS: 40,
               Indicator.ATTENDEES: 4000}  # fmt: skip
    plan.set_plan(session, supervisor, plan.Plan(year, budget, targets))


def _person(
    rng: random.Random, registered: date, nationality: str | None = None
) -> people.PersonInput:
    nationality = (
        nationality
        or rng.choices(list(_NATIONALITY_WEIGHTS), list(_NATIONALITY_WEIGHTS.values()))[0]
    )
    women, men, surnames, two = _NAMES[nationality]
    sex = rng.choice((Sex.FEMALE, Sex.MALE, Sex.FEMALE, Sex.MALE, Sex.MALE))
    names = women if sex is Sex.FEMALE else men
    given = " ".join(rng.sample(names, 2 if rng.random() < 0.3 else 1))
    age = rng.choice(
        (rng.randint(0, 17), rng.randint(18, 35), rng.randint(18, 35), rng.randint(36, 70))
    )
    birth = registered - timedelta(days=age * 365 + rng.randint(0, 364))
    flags = set()
    if sex is Sex.FEMALE and 16 <= age <= 42 and rng.random() < 0.12:
        flags.add(Vulnerability.PREGNANT)
    if age < 18 and rng.random() < 0.15:
        flags.add(Vulnerability.UNACCOMPANIED_MINOR)
    for flag, chance in (
        (Vulnerability.ASYLUM, 0.35),
        (Vulnerability.VIOLENCE_SURVIVOR, 0.08),
        (Vulnerability.DISABILITY, 0.04),
        (Vulnerability.TRAFFICKING, 0.02),
    ):
        if rng.random() < chance:
            flags.add(flag)
    documents = []
    kind = rng.random()
    if kind < 0.45:
        documents.append(
            people.DocumentInput(
                DocumentType.PASSPORT, f"{nationality}{rng.randint(1000000, 9999999)}"
            )
        )
    elif kind < 0.65:
        documents.append(
            people.DocumentInput(
                DocumentType.COMAR, f"COMAR-{registered.year}-{rng.randint(10000, 99999)}"
            )
        )
    elif kind < 0.8:
        documents.append(
            people.DocumentInput(DocumentType.TVRH, f"TVRH{rng.randint(100000000, 999999999)}")
        )
    elif kind < 0.9:
        documents.append(
            people.DocumentInput(
                DocumentType.NATIONAL_ID, f"{rng.randint(1000, 9999)}-{rng.randint(10000, 99999)}"
            )
        )
    household = rng.choice((1, 1, 2, 3, 4, 5, 6))
    return people.PersonInput(
        given_names=given,
        first_surname=rng.choice(surnames),
        second_surname=rng.choice(surnames) if two else "",
        sex=sex,
        birth_date=birth if rng.random() < 0.85 else None,
        estimated_age=age,
        nationality=nationality,
        phone=f"962 {rng.randint(100, 999)} {rng.randint(1000, 9999)}" if rng.random() < 0.6 else "",
        lodging=rng.choice(_SHELTERS),
        household_size=household,
        dependents=rng.randint(0, household - 1),
        vulnerabilities=flags,
        documents=documents,
        consent=rng.random() < 0.97,  # the notice is read at registration; few decline
    )  # fmt: skip


def _clear_demo_dir(app_paths: Paths, force: bool) -> None:
    """Make room for a demonstration: never over a real office's data, and over an earlier
    demonstration only with ``force``."""
    if app_paths.on_server:
        if auth.is_set_up(app_paths):
            raise FronteraError("Esa base de datos del servidor ya tiene una oficina; la "
                                "demostración necesita una base de datos vacía.")  # fmt: skip
    elif app_paths.database.exists() or app_paths.keys.exists():
        if not auth.is_demo_dir(app_paths):
            raise FronteraError(
                f"{app_paths.data_dir} contiene los datos reales de una oficina; la demostración "
                "no los reemplaza. Use otra carpeta (--data-dir)."
            )
        if not force:
            raise FronteraError(
                f"Ya hay una demostración en {app_paths.data_dir}; use --force para reemplazarla."
            )
        database = app_paths.database
        for leftover in (database.with_name(database.name + s) for s in ("", "-wal", "-shm")):
            leftover.unlink(missing_ok=True)
        app_paths.keys.unlink(missing_ok=True)
        shutil.rmtree(app_paths.data_dir / DEMO_OFFICES_DIR, ignore_errors=True)


def _demo_users(session: Session, signed: auth.SignedIn) -> dict[Role, auth.UserInfo]:
    return {
        role: auth.add_user(session, signed.actor, signed.vault, username, name, role,
                            DEMO_PASSWORD, check=False, job_title=DEMO_JOB_TITLES[role])
        for username, name, role in DEMO_USERS
    }  # fmt: skip


def create_demo_dir(
    app_paths: Paths,
    persons: int = 300,
    months: int = 12,
    seed: int = 2026,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
    office: tuple[str, str] = DEMO_OFFICE,
    place: str | None = None,
) -> DemoStats:
    """Create (or with ``force`` replace) a demo office in a data dir: ``office`` is its code
    and name, ``place`` the town printed on its receipts and its card.

    A data dir holding a real office's database is never replaced. On a server (benchmarks,
    training) the database must be empty: a server database is never dropped from here.
    """
    _clear_demo_dir(app_paths, force)
    code, name = office
    if "DEMOSTRACI" not in name.upper():
        name = f"{name[:180]} (DEMOSTRACIÓN)"
    created = auth.setup(
        app_paths, code, name, "admin", "Administración (demo)", DEMO_PASSWORD,
        is_demo=True, check_admin_password=False,
    )  # fmt: skip
    signed = created.signed_in
    try:
        with signed.db.write() as session:
            i = DEMO_INSTITUTION
            settings = replace(
                get_settings(session), receipt_place=place or DEMO_PLACE,
                header_government=i["header_government"], header_unit=i["header_unit"],
                certificate_signer=i["certificate_signer"],
                certificate_signer_title=i["certificate_signer_title"],
            )  # fmt: skip
            update_settings(session, signed.actor, settings)
            set_program_lines(session, signed.actor,
                              {line.support_type_id: DEMO_PROGRAM
                               for line in program_lines(session)})  # fmt: skip
            actors = _demo_users(session, signed)
            return create_demo(
                session,
                actor_for(session, actors[Role.CAPTURISTA].id),
                actor_for(session, actors[Role.SUPERVISOR].id),
                persons, months, seed, progress=progress,
            )  # fmt: skip
    finally:
        signed.db.dispose()


DEMO_HQ = ("CEN", "Oficinas Centrales (DEMOSTRACIÓN)")
DEMO_OFFICES_DIR = "oficinas-demo"  # inside a demo headquarters' folder: its three offices
DEMO_HQ_OFFICES = (
    ("TAP", "Oficina de Atención a Migrantes Tapachula", "Tapachula, Chiapas"),
    ("ARR", "Oficina de Atención a Migrantes Arriaga", "Arriaga, Chiapas"),
    ("SUC", "Oficina de Atención a Migrantes Suchiate", "Ciudad Hidalgo, Suchiate, Chiapas"),
)


@dataclass(frozen=True)
class HqDemoStats:
    offices: tuple[tuple[str, DemoStats], ...]
    period: str  # the month each office closed and sent
    lines: tuple[str, ...]  # what enrollment and import said


def office_key(signed: auth.SignedIn) -> Ed25519PrivateKey:
    """The office key of a signed-in supervisor or administrator."""
    key = signed.vault.signing_key
    if key is None:
        raise FronteraError("La sesión no tiene la llave de la oficina: no puede firmar.")
    return key


def create_demo_hq(
    app_paths: Paths,
    persons: int = 300,
    months: int = 12,
    seed: int = 2026,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
    today: date | None = None,
) -> HqDemoStats:
    """A demonstration headquarters with three demo offices in its folder: each office closes
    its months up to the last one and writes its card and last month's package; headquarters
    enrolls the cards and imports the packages — the whole monthly cycle, on one laptop."""
    from frontera_desk.services import months as month_service
    from frontera_desk.services import packages

    _clear_demo_dir(app_paths, force)
    today = today or date.today()
    year, month = month_service.months_back(today, 1)
    folder = app_paths.data_dir / DEMO_OFFICES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    made, cards, files = [], [], []
    for index, (code, name, place) in enumerate(DEMO_HQ_OFFICES):
        office_paths = Paths(folder / code, chosen=True).create()
        stats = create_demo_dir(office_paths, persons, months, seed + index, True, progress,
                                (code, name), place)  # fmt: skip
        made.append((code, stats))
        signed = auth.sign_in(office_paths, "supervisor", DEMO_PASSWORD)
        try:
            key = office_key(signed)
            with signed.db.write() as session:
                for back in range(max(min(months, 12) - 1, 1), 0, -1):  # oldest first, in order
                    y, m = month_service.months_back(today, back)
                    if not month_service.state(session, code, y, m).closed:
                        month_service.close_month(session, signed.actor, y, m,
                                                  confirm_evidence_pending=True)  # fmt: skip
            with signed.db.write() as session:
                card = packages.office_card(session, signed.actor, key)
                cards.append((f"{code}.oficina", packages.write_card(
                    card, folder / f"{code}.oficina").read_bytes()))  # fmt: skip
                files.append(packages.export_package(
                    session, signed.actor, year, month,
                    folder / f"paquete-{code}-{year}-{month:02d}.zip", key,
                ))  # fmt: skip
        finally:
            signed.db.dispose()
    created = auth.setup(
        app_paths, *DEMO_HQ, "admin", "Administración (demo)", DEMO_PASSWORD, is_hq=True,
        is_demo=True, check_admin_password=False,
    )  # fmt: skip
    signed = created.signed_in
    lines = []
    try:
        with signed.db.write() as session:
            actors = _demo_users(session, signed)
            for file_name, data in cards:
                lines.append(packages.enroll_office(session, signed.actor, data, file_name))
            supervisor = actor_for(session, actors[Role.SUPERVISOR].id)
        for accepted, line in packages.import_packages(signed.db, supervisor, files):
            if not accepted:
                raise FronteraError(line)
            lines.append(line)
    finally:
        signed.db.dispose()
    return HqDemoStats(tuple(made), f"{year:04d}-{month:02d}", tuple(lines))


_ORGANIZATIONS = (
    ("agencia_internacional", "Alto Comisionado de las Naciones Unidas para los Refugiados", "ACNUR", "Tapachula", None),
    ("agencia_internacional", "Organización Internacional para las Migraciones", "OIM", "Tapachula", None),
    ("agencia_internacional", "Fondo de las Naciones Unidas para la Infancia", "UNICEF", "Tapachula", None),
    ("asociacion_civil", "Albergue Jesús el Buen Pastor del Pobre y del Migrante, A.C.", "", "Tapachula", 150),
    ("asociacion_civil", "Casa del Migrante Scalabrini, A.C.", "", "Tapachula", 120),
    ("asociacion_civil", "Nadie es Extranjero, A.C.", "", "Arriaga", 60),
    ("asociacion_civil", "Por la Superación de la Mujer, A.C.", "", "Tapachula", None),
    ("fundacion", "Fundación Casa Chiapas", "", "Tuxtla Gutiérrez", None),
    ("embajada", "Embajada de Francia en México", "", "Ciudad de México", None),
    ("consulado", "Consulado General de Guatemala en Tapachula", "", "Tapachula", None),
    ("agencia_cooperacion", "Agencia Mexicana de Cooperación Internacional para el Desarrollo", "AMEXCID", "Ciudad de México", None),
    ("municipio", "H. Ayuntamiento de Huixtla", "", "Huixtla", None),
)  # fmt: skip
_AGREEMENTS = (
    ("Despensas y muebles de cocina para familias solicitantes de refugio", "colaboracion_aportacion", ["ACNUR"], 45_000_000),
    ("Actividades de mutuo interés sobre asuntos migratorios", "coordinacion", ["OIM"], 0),
    ("Insumos, medicamentos y materiales para talleres productivos de mujeres", "colaboracion_aportacion", ["Por la Superación de la Mujer, A.C."], 18_000_000),
    ("Alimentación en albergues de Tapachula", "colaboracion_aportacion", ["Albergue Jesús el Buen Pastor del Pobre y del Migrante, A.C.", "Casa del Migrante Scalabrini, A.C."], 30_000_000),
    ("Atención en el albergue de Arriaga", "colaboracion_aportacion", ["Nadie es Extranjero, A.C."], 12_000_000),
    ("Operación de Casa Chiapas en el extranjero", "donacion", ["Fundación Casa Chiapas"], 25_000_000),
)  # fmt: skip
_ACTIVITIES = (
    ("taller", "Ley General en Materia de Trata de Personas y sus implicaciones", 1, {"funcionarios", "policia_municipal"}),
    ("taller", "La protección internacional y la importancia del derecho a solicitar asilo", 2, {"sociedad_civil", "migrantes"}),
    ("taller", "Derechos humanos de los migrantes y competencia de la CNDH", 3, {"funcionarios"}),
    ("curso", "Primera capacitación de enlaces municipales de atención a migrantes", 7, {"enlaces_municipales"}),
    ("evento", "Día Internacional del Migrante", 8, {"migrantes", "sociedad_civil"}),
    ("evento", "Feria de servicios para personas migrantes", 8, {"migrantes"}),
    ("taller", "Trabajadores temporales transfronterizos en el Soconusco", 4, {"sociedad_civil"}),
)  # fmt: skip


# Liaison and outreach actions, about one a week: (kind, title, counterparts, pieces, town)
_ACTIONS: tuple[tuple[str, str, list[str], int | None, str], ...] = (
    ("diagnostico", "Flujo migratorio regular en el estado de Chiapas", [], None, ""),
    ("material_difusion", "Trípticos y lonas contra la trata de personas", [], 500, "Tapachula"),
    ("enlace", "Logística de la visita oficial a Puerto Chiapas", ["Embajada de Francia en México"], None, "Tapachula"),
    ("acercamiento", "Visita de reciprocidad de funcionarios guatemaltecos", ["Consulado General de Guatemala en Tapachula"], None, "Tapachula"),
    ("reunion_vinculacion", "Líneas de acción con OIM y ACNUR", ["OIM", "ACNUR"], None, "Tuxtla Gutiérrez"),
    ("reunion_seguimiento", "Seguimiento del proyecto de seguridad alimentaria", ["AMEXCID"], None, "Tuxtla Gutiérrez"),
    ("gestion_financiamiento", "Telemedicina para poblaciones rurales", ["AMEXCID"], None, ""),
    ("mecanismo_municipal", "Mecanismo municipal de atención a migrantes chiapanecos", ["H. Ayuntamiento de Huixtla"], None, "Huixtla"),
)  # fmt: skip


def _demo_actions(
    session: Session, supervisor: Actor, orgs: dict[str, int], first_day: date, today: date
) -> None:
    """About one liaison or outreach action a week (no random draws: the rest of the demo
    stays as it was for the same seed)."""
    from frontera_desk.services import actions

    span = max((today - first_day).days, 1)
    count = max(len(_ACTIONS), span // 7)
    for index in range(count):
        kind, title, parties, pieces, town = _ACTIONS[index % len(_ACTIONS)]
        done = min(first_day + timedelta(days=int(span * (index + 0.5) / count)), today)
        actions.save_action(session, supervisor, actions.ActionInput(
            kind, title, done, [orgs[p] for p in parties], pieces, town))  # fmt: skip


def _attendee_names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """(name, sex) of workshop attendees, each name's sex as the name tables use it."""
    out: list[tuple[str, str]] = []
    while len(out) < count:
        sex = rng.choice((Sex.FEMALE, Sex.MALE))
        given = rng.choice(_HISPANIC_F if sex is Sex.FEMALE else _HISPANIC_M)
        name = f"{given} {rng.choice(_HISPANIC_SURNAMES)} {rng.choice(_HISPANIC_SURNAMES)}"
        if name not in (n for n, _ in out):
            out.append((name, sex.value))
    return out


def create_agreements_and_activities(
    session: Session, supervisor: Actor, caseworker: Actor, rng: random.Random, first_day: date,
    today: date,
) -> list[date]:  # fmt: skip
    """Organizations, agreements with disbursements, and activities of every kind; returns the
    days the agreements were signed.

    Each agreement is signed once, in the demo's first months, where its counterpart works (a
    shelter in Arriaga signs in Arriaga), and stays in force to the end of the last year with
    its disbursements paid over the period. An outreach event is held at most once a month
    (the International Migrants Day in December only); workshop attendees' sex is their
    name's."""
    from frontera_desk.domain.enums import AGE_BANDS, AgreementStatus
    from frontera_desk.services import activities, agreements

    orgs, towns = {}, {}
    for kind, name, acronym, town, capacity in _ORGANIZATIONS:
        info = agreements.save_organization(
            session,
            supervisor,
            agreements.OrganizationInput(kind, name, acronym, town, "", capacity),
        )
        orgs[acronym or name], towns[acronym or name] = info.id, town
    span = max((today - first_day).days, 1)
    until = date(today.year, 12, 31)
    signed_days = []
    for title, kind, parties, committed in _AGREEMENTS:
        signed = min(first_day + timedelta(days=rng.randint(0, min(span, 365) // 2)), today)
        signed_days.append(signed)
        # where the counterpart works: the shelter, else the first named organization
        town = next((towns[p] for p in parties if "A.C." in p), towns[parties[0]])
        record = agreements.save_agreement(session, supervisor, agreements.AgreementInput(
            title, kind, [orgs[p] for p in parties], "Convenio de demostración.",
            signed, signed, until, committed, "Recursos estatales", town,
            "Titular de la oficina; representante de la contraparte",
        ))  # fmt: skip
        agreements.change_status(session, supervisor, record.id, AgreementStatus.SIGNED)
        agreements.change_status(session, supervisor, record.id, AgreementStatus.IN_FORCE)
        paid_on, paid, part = signed, 0, 0
        while committed and paid + committed // 8 <= committed:
            paid_on = paid_on + timedelta(days=rng.randint(60, 120))
            if paid_on > today:
                break
            part += 1
            agreements.add_disbursement(session, supervisor, record.id, agreements.DisbursementInput(
                paid_on, committed // 8, f"Ministración {part}", f"TRF-{rng.randint(10000, 99999)}"))  # fmt: skip
            paid += committed // 8
    topic_ids = dict(enumerate((t for t, _ in activities.topics(session)), start=1))
    held_count = max(len(_ACTIVITIES) * 2, span * 3 // 7)  # about three a week
    events_held: set[tuple[str, int, int]] = set()
    workshops = [a for a in _ACTIVITIES if a[0] != "evento"]
    for index in range(held_count):
        kind, title, topic, audiences = _ACTIVITIES[index % len(_ACTIVITIES)]
        held = min(first_day + timedelta(days=int(span * (index + 0.5) / held_count)), today)
        if kind == "evento":
            month = (title, held.year, held.month)
            if month in events_held or (title.startswith("Día Internacional del Migrante")
                                        and held.month != 12):  # fmt: skip
                kind, title, topic, audiences = workshops[index % len(workshops)]
            else:
                events_held.add(month)
        data = activities.ActivityInput(kind, title, held, rng.choice((2, 3, 4, 8)),
                                        topic_ids.get(topic), "Tapachula", "Auditorio municipal",
                                        "Personal de la oficina", orgs["ACNUR"] if index % 3 == 0 else None,
                                        {Audience(a) for a in audiences})  # fmt: skip
        if kind == "evento":
            data.counts = {
                (sex, band): rng.randint(0, 25) for sex in ("F", "M") for band in AGE_BANDS[1:4]
            }
        else:
            data.attendees = [
                activities.AttendeeInput(name, sex, rng.choice(AGE_BANDS[2:4]),
                                         rng.choice(("Policía municipal", "DIF municipal", "Sociedad civil")))
                for name, sex in _attendee_names(rng, rng.randint(3, 6))
            ]  # fmt: skip
        activities.save_activity(session, caseworker, data)
    _demo_actions(session, supervisor, orgs, first_day, today)
    return signed_days
