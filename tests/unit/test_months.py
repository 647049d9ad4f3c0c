"""Month close: closed months refuse changes dated in them; reopening needs a reason."""

from datetime import date, timedelta

import pytest

from frontera_desk.domain.enums import Role, Sex
from frontera_desk.domain.errors import FronteraError, PermissionDenied, ValidationError
from frontera_desk.services import months, people, supports
from frontera_desk.services.people import PersonInput
from frontera_desk.services.supports import SupportInput

LAST_MONTH = date.today().replace(day=1) - timedelta(days=1)


@pytest.fixture
def person(db, actors):
    with db.write() as session:
        return people.create_person(
            session, actors[Role.CAPTURISTA], PersonInput("Rosa", "Cruz", sex=Sex.FEMALE)
        )


def request(db, actor, person_id, on):
    with db.write() as session:
        water = next(t.id for t in supports.support_types(session) if t.code == "AGUA")
        return supports.request_support(
            session, actor, SupportInput(person_id, water, "Agua", 10_000, "", on)
        )


def test_a_closed_month_refuses_changes_until_reopened(db, actors, person):
    boss = actors[Role.SUPERVISOR]
    made = request(db, actors[Role.CAPTURISTA], person.id, LAST_MONTH)
    with db.write() as session:
        closed = months.close_month(session, boss, LAST_MONTH.year, LAST_MONTH.month)
    assert closed.closed and closed.revision == 1
    with pytest.raises(FronteraError, match="está cerrado"):
        request(db, actors[Role.CAPTURISTA], person.id, LAST_MONTH)
    with pytest.raises(FronteraError, match="está cerrado"), db.write() as session:
        supports.approve_support(session, boss, made.id, on=LAST_MONTH)
    with db.write() as session:  # today is in an open month: approving now is fine
        supports.approve_support(session, boss, made.id)
    with pytest.raises(ValidationError, match="Motivo"), db.write() as session:
        months.reopen_month(session, boss, LAST_MONTH.year, LAST_MONTH.month, " ")
    with db.write() as session:
        reopened = months.reopen_month(
            session, boss, LAST_MONTH.year, LAST_MONTH.month, "Faltó un apoyo"
        )
        assert not reopened.closed and reopened.revision == 2
    request(db, actors[Role.CAPTURISTA], person.id, LAST_MONTH)
    with db.write() as session:
        again = months.close_month(session, boss, LAST_MONTH.year, LAST_MONTH.month)
    assert again.revision == 2


def test_only_supervisors_close_and_only_finished_months(db, actors):
    with pytest.raises(PermissionDenied), db.write() as session:
        months.close_month(session, actors[Role.CAPTURISTA], LAST_MONTH.year, LAST_MONTH.month)
    today = date.today()
    with pytest.raises(ValidationError, match="ya terminó"), db.write() as session:
        months.close_month(session, actors[Role.SUPERVISOR], today.year, today.month)
