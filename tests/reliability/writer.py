"""A writer process for the kill test: registers people and supports as fast as it can and
prints each id only after its transaction has committed."""

import os
import sys
from datetime import date

from sqlalchemy import select

from frontera_desk.db import open_database
from frontera_desk.db.models import User
from frontera_desk.domain.enums import Sex
from frontera_desk.paths import resolve
from frontera_desk.services import people, supports
from frontera_desk.services.people import PersonInput
from frontera_desk.services.permissions import actor_for
from frontera_desk.services.supports import SupportInput


def main() -> None:
    app_paths = resolve(sys.argv[1])
    key = bytes.fromhex(os.environ["FRONTERA_TEST_KEY"])
    db = open_database(app_paths.database, app_paths.backup_dir, key)
    with db.read() as session:
        ana = session.scalars(select(User.id).where(User.username == "ana")).one()
        actor = actor_for(session, ana)
        water = next(t.id for t in supports.support_types(session) if t.code == "OTRO")
    n = int(sys.argv[2])
    while True:
        n += 1
        letters = "".join(chr(97 + int(d)) for d in str(n))
        with db.write() as session:
            person = people.create_person(
                session,
                actor,
                PersonInput(
                    f"Prueba{letters}",
                    "Corte",
                    sex=Sex.FEMALE,
                    birth_date=date(1990, 1, 1),
                    notes="x" * 500,
                ),
                confirmed_not_duplicate=True,
            )
            support = supports.request_support(
                session, actor, SupportInput(person.id, water, "Apoyo de prueba", 10_000 + n)
            )
        print(f"{person.id} {support.id}", flush=True)


if __name__ == "__main__":
    main()
