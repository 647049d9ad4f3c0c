"""Server mode's bad input (issue #8): an unreachable server, a wrong user, a database of a
newer version, a connection lost in the middle of a save. Each is one clear message and
nothing is half-saved."""

from datetime import date

import pytest
from sqlalchemy import create_engine, text

from frontera_desk import paths
from frontera_desk.db import open_database
from frontera_desk.domain.enums import Role, Sex
from frontera_desk.domain.errors import DatabaseError
from frontera_desk.services import auth, people
from frontera_desk.services.people import PersonInput
from tests import postgres as pg


@pytest.fixture
def backend() -> str:
    return "postgresql"


def test_an_unreachable_server_is_one_clear_message(tmp_path):
    url = "postgresql+psycopg://frontera@127.0.0.1:1/oficina"  # nothing listens on port 1
    with pytest.raises(DatabaseError, match="No se pudo conectar con el servidor"):
        open_database(url, None)
    with pytest.raises(DatabaseError, match="No se pudo conectar"):
        auth.sign_in(paths.resolve(tmp_path, database_url=url), "admin", "x")


def test_a_wrong_user_or_database_is_named(postgres):
    base = postgres.rsplit("/", 1)[0]
    with pytest.raises(DatabaseError, match="rechazó el usuario o la contraseña"):
        open_database(base.replace("postgres@", "nadie@") + "/postgres", None)
    with pytest.raises(DatabaseError, match="no existe en el servidor"):
        open_database(base + "/no_existe", None)


def test_a_database_of_a_newer_version_is_refused_untouched(db, app_paths):
    with db.write() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.dispose()
    with pytest.raises(DatabaseError, match="más nueva"):
        open_database(app_paths.database_url, None)


def test_a_connection_lost_while_saving_saves_nothing_and_the_next_save_works(
    db, actors, postgres, app_paths
):
    worker = actors[Role.CAPTURISTA]
    admin = create_engine(postgres, isolation_level="AUTOCOMMIT")
    database = app_paths.database_url.rsplit("/", 1)[1]
    with pytest.raises(DatabaseError, match="Se perdió la conexión"), db.write() as session:
        people.create_person(session, worker, PersonInput(
            "Rosa", "Mejía", sex=Sex.FEMALE, birth_date=date(1985, 2, 1)))  # fmt: skip
        with admin.connect() as conn:  # the network drops before the commit
            others = ("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                      "WHERE datname = :d AND pid <> pg_backend_pid()")  # fmt: skip
            conn.execute(text(others), {"d": database})
    admin.dispose()
    with db.read() as session:
        assert people.count_people(session) == 0  # nothing half-saved
    with db.write() as session:  # a new connection replaces the dead one
        people.create_person(session, worker, PersonInput(
            "Rosa", "Mejía", sex=Sex.FEMALE, birth_date=date(1985, 2, 1)))  # fmt: skip
    with db.read() as session:
        assert people.count_people(session) == 1


def test_the_database_url_shown_never_has_the_password(tmp_path):
    app_paths = paths.resolve(tmp_path, database_url="postgresql+psycopg://ana:s3creta@srv/of")
    assert "s3creta" not in app_paths.location and "srv/of" in app_paths.location
    assert pg.database_url("postgresql+psycopg://a@h/x", "y") == "postgresql+psycopg://a@h/y"


def test_models_and_migrations_do_not_drift_on_postgresql(db):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from frontera_desk.db.migrate import include_object
    from frontera_desk.db.models import Base

    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        assert compare_metadata(context, Base.metadata) == []


def test_amounts_past_two_billion_centavos_fit(db, actors):
    from frontera_desk.domain.enums import Indicator
    from frontera_desk.services import plan

    with db.write() as session:
        plan.set_plan(session, actors[Role.SUPERVISOR],
                      plan.Plan(2026, {}, {Indicator.AMOUNT: 5_333_333_300}))  # fmt: skip
    with db.read() as session:
        assert plan.get_plan(session, 2026).targets[Indicator.AMOUNT] == 5_333_333_300
