"""The demo generator: its people obey the service's rules, and its bulk rows read back as the
services expect (cases, receipts with consecutive folios, search, an intact audit chain)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import func, select

from frontera_desk.db.models import Case, Person, Receipt, Support, SupportEvent
from frontera_desk.domain.enums import Role, SupportStatus
from frontera_desk.services import audit, people, receipts
from frontera_desk.services.demo import _person, create_demo


def test_every_generated_person_passes_the_service_validation():
    rng = random.Random(3)
    for n in range(3000):
        day = date(2024, 1, 1) + timedelta(days=n % 900)
        people.validate_person(_person(rng, day), day)  # raises on the first invalid one


def test_the_bulk_demo_reads_back_through_the_services(db, actors):
    with db.write() as session:
        stats = create_demo(session, actors[Role.CAPTURISTA], actors[Role.SUPERVISOR],
                            persons=400, months=6, seed=5)  # fmt: skip
    with db.read() as session:
        assert session.scalar(select(func.count(Person.id))) == 400
        assert session.scalar(select(func.count(Case.id))) == 400
        assert session.scalar(select(func.count(Support.id))) == stats.supports
        delivered = session.scalar(
            select(func.count(Support.id)).where(Support.status == SupportStatus.DELIVERED.value)
        )
        numbers = session.execute(
            select(Receipt.year, Receipt.number).order_by(Receipt.year, Receipt.number)
        ).all()
        assert len(numbers) == delivered > 0
        for year in {y for y, _ in numbers}:  # consecutive from 1 in each year: no gap
            assert [n for y, n in numbers if y == year] == list(
                range(1, sum(1 for y2, _ in numbers if y2 == year) + 1)
            )
        # every support starts with its request event; delivered ones end delivered
        assert (
            session.scalar(
                select(func.count(SupportEvent.id)).where(SupportEvent.from_status.is_(None))
            )
            == stats.supports
        )
        first = session.scalars(select(Receipt.folio).order_by(Receipt.id)).first()
        assert receipts.receipt_data(session, first).folio == first
        some = session.scalars(select(Person).limit(1)).one()
        found = people.search_people(session, f"{some.first_surname} {some.given_names}")
        assert some.id in [row.id for row in found]
        assert audit.verify(session).ok


def test_a_demo_folder_is_recognised_without_a_password_check(tmp_path, cheap_kdf, monkeypatch):
    """The key file says it was made for a demonstration (start-up then spends no Argon2 on
    it); a real office's does not; a demo folder made before that mark is still recognised."""
    import json

    from frontera_desk import paths
    from frontera_desk.db import keyfile
    from frontera_desk.services import auth
    from frontera_desk.services.demo import create_demo_dir

    demo = paths.resolve(tmp_path / "demo")
    create_demo_dir(demo, persons=5, months=1)
    real = paths.resolve(tmp_path / "real")
    auth.setup(real, "TAP", "Oficina Tapachula", "admin", "Ana", "clave-segura-1"
               ).signed_in.db.dispose()  # fmt: skip
    derived = []
    monkeypatch.setattr(keyfile, "_derive", lambda *a: derived.append(a) or b"\0" * 32)
    assert auth.is_demo_dir(demo) and not auth.is_demo_dir(real) and not derived
    data = json.loads(demo.keys.read_text())
    del data["demo"]  # as before the mark
    demo.keys.write_text(json.dumps(data))
    monkeypatch.undo()
    assert auth.is_demo_dir(demo)


def test_a_demo_office_has_its_own_code_name_and_place(tmp_path, cheap_kdf):
    from frontera_desk import paths
    from frontera_desk.services import auth, office
    from frontera_desk.services.demo import create_demo_dir

    place = paths.resolve(tmp_path / "arr")
    create_demo_dir(place, persons=5, months=1, office=("ARR", "Oficina Arriaga"),
                    place="Arriaga, Chiapas")  # fmt: skip
    signed = auth.sign_in(place, "supervisor", "demo")
    with signed.db.read() as session:
        info = office.get_office(session)
        assert (info.code, info.name, info.is_demo) == (
            "ARR",
            "Oficina Arriaga (DEMOSTRACIÓN)",
            True,
        )
        assert office.get_settings(session).receipt_place == "Arriaga, Chiapas"
    signed.db.dispose()


def test_a_demo_headquarters_receives_three_demo_offices(tmp_path, cheap_kdf, monkeypatch):
    """The trainer's rehearsal: three demo offices close their months, write their cards and
    packages; the demo headquarters enrolls and imports them, and its consolidation adds up
    each office's own figures. A real office's package is refused there."""
    import json

    from frontera_desk import paths
    from frontera_desk.services import auth, packages
    from frontera_desk.services.demo import DEMO_OFFICES_DIR, create_demo_hq

    hq = paths.resolve(tmp_path / "oc")
    made = create_demo_hq(hq, persons=30, months=3, seed=3)
    assert [code for code, _ in made.offices] == ["TAP", "ARR", "SUC"]
    assert sum("importada" in line for line in made.lines) == 3
    assert sum("inscrita" in line for line in made.lines) == 3
    year, month = (int(x) for x in made.period.split("-"))
    own = {}
    for code, _ in made.offices:
        office_paths = paths.resolve(hq.data_dir / DEMO_OFFICES_DIR / code)
        signed = auth.sign_in(office_paths, "supervisor", "demo")
        with signed.db.read() as session:
            own[code] = packages.summary_document(session, year, month)
        signed.db.dispose()
    signed = auth.sign_in(hq, "supervisor", "demo")
    with signed.db.read() as session:
        total = packages.summary_document(session, year, month)
        enrolled = packages.enrolled_offices(session)
    signed.db.dispose()
    assert {o["code"]: o["amount_centavos"] for o in total["offices"]} == {
        code: d["supports"]["amount_centavos"] for code, d in own.items()
    }
    assert total["supports"]["amount_centavos"] == sum(
        d["supports"]["amount_centavos"] for d in own.values()
    )
    assert total["missing_offices"] == []
    assert [(e.code, e.last_period, e.missing) for e in enrolled] == [
        ("ARR", made.period, ()),
        ("SUC", made.period, ()),
        ("TAP", made.period, ()),
    ]
    assert json.loads((hq.data_dir / DEMO_OFFICES_DIR / "TAP.oficina").read_text())["demo"]
