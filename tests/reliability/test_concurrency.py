"""Several desks at once on one database (issue #8): folios, balances, a month closing while
desks pay into it, edits of the same person, the audit chain."""

import subprocess
import sys
from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from frontera_desk.db.models import Disbursement, MonthClose
from frontera_desk.domain.enums import AgreementKind, AgreementStatus, Role, Sex
from frontera_desk.services import agreements, audit, people, supports
from frontera_desk.services.agreements import AgreementInput, OrganizationInput
from frontera_desk.services.people import PersonInput
from frontera_desk.services.supports import SupportInput
from tests.both_databases import BACKENDS

DESKS, DELIVERIES = 4, 20  # per desk; every other delivery also tries a payment


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return str(request.param)


def test_four_desks_at_once_lose_nothing_and_duplicate_nothing(db, actors, app_paths):
    worker, boss = actors[Role.CAPTURISTA], actors[Role.SUPERVISOR]
    with db.write() as session:
        person = people.create_person(session, worker, PersonInput(
            "Rosa", "Mejía", sex=Sex.FEMALE, birth_date=date(1985, 2, 1)))  # fmt: skip
        other = next(t.id for t in supports.support_types(session) if t.code == "OTRO")
        ids = []
        for n in range(DESKS * DELIVERIES):
            data = SupportInput(person.id, other, "Apoyo", 1000 + n)
            s = supports.request_support(session, worker, data)
            supports.approve_support(session, boss, s.id)
            ids.append(s.id)
        org = agreements.save_organization(session, boss, OrganizationInput(
            "asociacion_civil", "Albergue Belén", "", "Tapachula"))  # fmt: skip
        # signed on the first of last month: the month before it has no records, and months
        # close in order
        start = (date.today().replace(day=1) - timedelta(days=1)).replace(day=1)
        agreement = agreements.save_agreement(session, boss, AgreementInput(
            "Ministraciones al albergue", AgreementKind.CONTRIBUTION, [org.id], signed_on=start,
            valid_from=start, valid_until=date.today() + timedelta(days=30),
            committed_centavos=1_000_000))  # fmt: skip  # room for exactly 20 payments of 500
        agreements.change_status(session, boss, agreement.id, AgreementStatus.SIGNED)
        agreements.change_status(session, boss, agreement.id, AgreementStatus.IN_FORCE)
    url = app_paths.database_url or ""
    last_month = date.today().replace(day=1) - timedelta(days=1)

    def desk(name: str, *args: object) -> subprocess.Popen:
        command = [sys.executable, "-m", "tests.reliability.desk", str(app_paths.data_dir), url]
        return subprocess.Popen([*command, name, *map(str, args)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)  # fmt: skip

    desks = [desk(f"d{d}", person.id, agreement.id, last_month,
                  *ids[d * DELIVERIES:(d + 1) * DELIVERIES]) for d in range(DESKS)]  # fmt: skip
    desks.append(desk("close", 2.5, 0, last_month))  # a supervisor closes the month meanwhile
    outputs = [desk.communicate(timeout=600) for desk in desks]
    assert all(desk.returncode == 0 for desk in desks), [err for _out, err in outputs]
    lines = [line.split() for out, _err in outputs for line in out.splitlines()]
    outcomes = Counter(line[0] for line in lines)

    folios = sorted(int(line[1][-6:]) for line in lines if line[0] == "folio")
    assert folios == list(range(1, DESKS * DELIVERIES + 1))  # no duplicate, no gap
    attempts = DESKS * DELIVERIES // 2
    assert outcomes["month-closed"] == 1
    assert outcomes["paid"] + outcomes["refused"] + outcomes["closed"] == attempts
    assert outcomes["paid"] <= 20 and (outcomes["refused"] == 0 or outcomes["paid"] == 20)
    edits = DESKS * len(range(0, DELIVERIES, 4))
    assert outcomes["edited"] == edits
    with db.read() as session:
        paid = agreements.get_agreement(session, agreement.id)
        assert paid.disbursed_centavos == outcomes["paid"] * 50_000  # never beyond the balance
        assert paid.balance_centavos >= 0
        closed = session.get(MonthClose, ("TAP", last_month.year, last_month.month))
        assert closed.is_closed  # and nothing was paid into the month after it closed
        assert all(d.created_at <= closed.closed_at for d in session.scalars(select(Disbursement)))
        edited = people.get_person(session, person.id)
        assert edited.version == person.version + edits  # every save counted once
        for d in range(DESKS):  # no edit was lost
            for n in range(0, DELIVERIES, 4):
                assert f"d{d}-{n}" in edited.notes.split()
        assert audit.verify(session).ok  # the chain stayed one line through it all
