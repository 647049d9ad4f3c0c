"""Workshops, training courses and outreach events, with attendance as counts or as a list."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from frontera_desk.db.models import (
    Activity,
    ActivityTopic,
    AttendanceCount,
    Attendee,
    Organization,
    Person,
)
from frontera_desk.db.paging import IdList
from frontera_desk.domain.enums import AGE_BANDS, ActivityKind, Audience, Sex
from frontera_desk.domain.errors import NotFoundError, ValidationError
from frontera_desk.domain.text import checked, clean
from frontera_desk.services import audit, months
from frontera_desk.services.people import age_on, full_name
from frontera_desk.services.permissions import Action, Actor, require, require_unchanged


def age_band(age: int | None) -> str:
    if age is None:
        return "18-29"  # the commonest band when the age is unknown
    for band, top in zip(AGE_BANDS, (11, 17, 29, 59), strict=False):
        if age <= top:
            return band
    return AGE_BANDS[-1]


@dataclass
class AttendeeInput:
    name: str = ""
    sex: Sex | str = Sex.OTHER
    age_band: str = "18-29"
    organization: str = ""
    person_id: int | None = None  # a registered person: name, sex and age come from the record


@dataclass
class ActivityInput:
    kind: ActivityKind | str
    title: str
    held_on: date
    hours: int = 2
    topic_id: int | None = None
    municipality: str = ""
    venue: str = ""
    facilitator: str = ""
    partner_id: int | None = None
    audiences: set[Audience] = field(default_factory=set)
    counts: dict[tuple[str, str], int] = field(default_factory=dict)  # (sex, band) → people
    attendees: list[AttendeeInput] = field(default_factory=list)
    notes: str = ""


@dataclass(frozen=True)
class ActivityRecord:
    id: int
    uuid: str
    kind: ActivityKind
    title: str
    topic: str
    topic_id: int | None
    held_on: date
    hours: int
    municipality: str
    venue: str
    facilitator: str
    partner: str
    partner_id: int | None
    audiences: frozenset[Audience]
    counts: dict[tuple[str, str], int]
    attendees: tuple[AttendeeInput, ...]
    notes: str
    version: int = 0

    @property
    def total(self) -> int:
        """People who attended: the counts when given, else the list."""
        return sum(self.counts.values()) or len(self.attendees)

    def as_input(self) -> ActivityInput:
        return ActivityInput(
            self.kind, self.title, self.held_on, self.hours, self.topic_id, self.municipality,
            self.venue, self.facilitator, self.partner_id, set(self.audiences), dict(self.counts),
            list(self.attendees), self.notes,
        )  # fmt: skip


def topics(session: Session) -> list[tuple[int, str]]:
    query = select(ActivityTopic.id, ActivityTopic.name).where(ActivityTopic.is_active)
    return [(row.id, row.name) for row in session.execute(query.order_by(ActivityTopic.id))]


def registered_attendee(session: Session, person_id: int, held_on: date) -> AttendeeInput:
    """A registered person as the attendance list records them: name, sex and age band from
    their file (as saving the activity does)."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(f"No existe la persona núm. {person_id}.")
    name = full_name(person.given_names, person.first_surname, person.second_surname)
    band = age_band(age_on(person.birth_date, held_on))
    return AttendeeInput(name, Sex(person.sex), band, person_id=person.id)


def _attendees(session: Session, items: list[AttendeeInput], held_on: date) -> list[Attendee]:
    rows, seen = [], set()
    for item in items:
        if item.person_id is not None:
            if item.person_id in seen:
                raise ValidationError(
                    "attendees", "Asistencia: la misma persona aparece dos veces."
                )
            seen.add(item.person_id)
            person = session.get(Person, item.person_id)
            if person is None:
                raise ValidationError(
                    "attendees", f"Asistencia: no existe la persona núm. {item.person_id}."
                )
            rows.append(Attendee(
                person_id=person.id, sex=person.sex, organization=clean(item.organization) or None,
                name=full_name(person.given_names, person.first_surname, person.second_surname),
                age_band=age_band(age_on(person.birth_date, held_on)),
            ))  # fmt: skip
            continue
        name = checked(item.name, "attendees", "Nombre del asistente", 300, True)
        if item.age_band not in AGE_BANDS:
            raise ValidationError("attendees", "Asistencia: grupo de edad no válido.")
        try:
            sex = Sex(item.sex)
        except ValueError:
            raise ValidationError("attendees", "Asistencia: sexo no válido.") from None
        organization = checked(item.organization, "attendees", "Organización", 200) or None
        rows.append(Attendee(person_id=None, name=name, sex=sex.value, age_band=item.age_band,
                             organization=organization))  # fmt: skip
    return rows


def save_activity(
    session: Session,
    actor: Actor,
    data: ActivityInput,
    activity_id: int | None = None,
    expected_version: int | None = None,
) -> ActivityRecord:
    require(actor, Action.EDIT_ACTIVITIES)
    try:
        kind = ActivityKind(data.kind)
    except ValueError:
        raise ValidationError("kind", "Tipo de actividad: taller, curso o evento.") from None
    title = checked(data.title, "title", "Título", 300, True)
    if data.held_on > date.today():
        raise ValidationError("held_on", "Fecha: registre la actividad cuando ya se realizó.")
    if not 1 <= data.hours <= 200:
        raise ValidationError("hours", "Duración: de 1 a 200 horas.")
    if data.topic_id is not None and session.get(ActivityTopic, data.topic_id) is None:
        raise ValidationError("topic_id", "Tema: no existe en el catálogo.")
    if data.partner_id is not None and session.get(Organization, data.partner_id) is None:
        raise ValidationError("partner_id", "Organización aliada: no existe.")
    try:
        audiences = sorted(Audience(a).value for a in data.audiences)
    except ValueError:
        raise ValidationError("audiences", "Público: valor no válido.") from None
    counts = {}
    for (sex, band), count in data.counts.items():
        if sex not in {s.value for s in Sex} or band not in AGE_BANDS:
            raise ValidationError("counts", "Asistencia: sexo o grupo de edad no válido.")
        if not isinstance(count, int) or count < 0:
            raise ValidationError("counts", "Asistencia: los conteos no pueden ser negativos.")
        if count:
            counts[(sex, band)] = count
    attendees = _attendees(session, data.attendees, data.held_on)
    if counts and attendees and sum(counts.values()) != len(attendees):
        raise ValidationError(
            "counts",
            f"Asistencia: los conteos suman {sum(counts.values())} pero la lista tiene "
            f"{len(attendees)} personas.",
        )
    activity = session.get(Activity, activity_id) if activity_id else None
    if activity_id and activity is None:
        raise NotFoundError(f"No existe la actividad núm. {activity_id}.")
    require_unchanged(activity, expected_version, "esta actividad")
    months.ensure_open(session, actor.office_code, data.held_on)
    if activity is not None:
        months.ensure_open(session, actor.office_code, activity.held_on)
    if activity is None:
        activity = Activity(office_code=actor.office_code, created_by_id=actor.user_id)
        session.add(activity)
    activity.kind, activity.title, activity.held_on, activity.hours = (
        kind.value,
        title,
        data.held_on,
        data.hours,
    )
    activity.topic_id, activity.partner_id = data.topic_id, data.partner_id
    activity.municipality = checked(data.municipality, "municipality", "Municipio", 100) or None
    activity.venue = checked(data.venue, "venue", "Sede", 200) or None
    activity.facilitator = checked(data.facilitator, "facilitator", "Facilitador(a)", 200) or None
    activity.audiences = ",".join(audiences)
    activity.notes = checked(data.notes, "notes", "Observaciones", 2000) or None
    session.flush()
    for table in (AttendanceCount, Attendee):  # the attendance is replaced whole
        for old in session.scalars(select(table).where(table.activity_id == activity.id)):
            session.delete(old)
    session.flush()
    for (sex, band), count in counts.items():
        session.add(AttendanceCount(activity_id=activity.id, sex=sex, age_band=band, count=count))
    for attendee in attendees:
        attendee.activity_id = activity.id
        session.add(attendee)
    session.flush()
    total = sum(counts.values()) or len(attendees)
    audit.record(session, actor, "guardar", "actividad", activity.uuid,
                 {"titulo": title, "asistentes": total})  # fmt: skip
    return get_activity(session, activity.id)


def get_activity(session: Session, activity_id: int) -> ActivityRecord:
    a = session.get(Activity, activity_id)
    if a is None:
        raise NotFoundError(f"No existe la actividad núm. {activity_id}.")
    topic = session.get(ActivityTopic, a.topic_id) if a.topic_id else None
    partner = session.get(Organization, a.partner_id) if a.partner_id else None
    counts = {
        (c.sex, c.age_band): c.count
        for c in session.scalars(select(AttendanceCount).where(AttendanceCount.activity_id == a.id))
    }
    attendees = tuple(
        AttendeeInput(t.name, Sex(t.sex), t.age_band, t.organization or "", t.person_id)
        for t in session.scalars(
            select(Attendee).where(Attendee.activity_id == a.id).order_by(Attendee.id)
        )
    )
    return ActivityRecord(
        a.id, a.uuid, ActivityKind(a.kind), a.title, topic.name if topic else "", a.topic_id,
        a.held_on, a.hours, a.municipality or "", a.venue or "", a.facilitator or "",
        partner.name if partner else "", a.partner_id,
        frozenset(Audience(x) for x in a.audiences.split(",") if x), counts, attendees,
        a.notes or "", a.version,
    )  # fmt: skip


@dataclass(frozen=True)
class ActivityRow:
    id: int
    kind: ActivityKind
    title: str
    held_on: date
    municipality: str
    total: int


def activity_list(kind: ActivityKind | None = None) -> IdList:
    """The activities (of one kind), newest first; the list's model reads them in batches."""
    query = select(Activity.id, Activity.held_on)
    if kind is not None:
        query = query.where(Activity.kind == kind.value)
    return IdList(query, descending=True)


# Built once. The attendance is the counts when given, else the list (ActivityRecord.total).
_ROWS = select(
    Activity.id, Activity.kind, Activity.title, Activity.held_on, Activity.municipality,
    select(func.sum(AttendanceCount.count))
    .where(AttendanceCount.activity_id == Activity.id).scalar_subquery().label("counted"),
    select(func.count(Attendee.id))
    .where(Attendee.activity_id == Activity.id).scalar_subquery().label("listed"),
).where(Activity.id.in_(bindparam("ids", expanding=True)))  # fmt: skip


def fetch_rows(session: Session, ids: list[int]) -> dict[int, ActivityRow]:
    return {
        r.id: ActivityRow(
            r.id,
            ActivityKind(r.kind),
            r.title,
            r.held_on,
            r.municipality or "",
            r.counted or r.listed,
        )  # fmt: skip
        for r in session.connection().execute(_ROWS, {"ids": ids})
    }
