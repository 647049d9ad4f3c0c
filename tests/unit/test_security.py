"""Sign-in, lockout, key wrapping, encryption at rest, permissions per role, audit chain."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, text

from frontera_desk import paths
from frontera_desk.db.models import AuditEntry, User
from frontera_desk.domain.enums import Role, Sex
from frontera_desk.domain.errors import FronteraError, PermissionDenied, ValidationError
from frontera_desk.services import audit, auth, evidence, people, privacy, supports
from frontera_desk.services.people import PersonInput
from frontera_desk.services.permissions import PERMISSIONS, Action
from frontera_desk.services.supports import SupportInput

PASSWORD = "correcta-caballo-1"


pytestmark = pytest.mark.usefixtures("cheap_kdf")


@pytest.fixture
def office(tmp_path, database_url):
    app_paths = paths.resolve(tmp_path / "oficina", database_url=database_url)
    result = auth.setup(app_paths, "TAP", "Oficina Tapachula", "admin", "Ana Admin", PASSWORD)
    signed = result.signed_in
    with signed.db.write() as session:
        for username, role in (("sofia", Role.SUPERVISOR), ("ana", Role.CAPTURISTA)):
            auth.add_user(
                session, signed.actor, signed.vault, username, username.title(), role, PASSWORD
            )
    signed.db.dispose()
    return app_paths, result.recovery_code


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.mark.sqlite_only
def test_the_database_file_is_not_readable_as_plain_sqlite(office):
    app_paths, _ = office
    assert not app_paths.database.read_bytes().startswith(b"SQLite format 3")
    import sqlite3

    conn = sqlite3.connect(app_paths.database)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT count(*) FROM persons").fetchall()
    conn.close()


def test_each_user_and_the_recovery_code_open_the_same_database(office):
    app_paths, recovery = office
    for username in ("admin", "sofia", "ana"):
        signed = auth.sign_in(app_paths, username, PASSWORD)
        assert signed.actor.username == username
        signed.db.dispose()
    signed = auth.recover(app_paths, recovery.lower().replace("-", " "), "admin", "nueva-clave-77")
    assert signed.actor.role is Role.ADMINISTRADOR
    signed.db.dispose()
    auth.sign_in(app_paths, "admin", "nueva-clave-77").db.dispose()
    with pytest.raises(auth.SignInFailed):
        auth.sign_in(app_paths, "admin", PASSWORD)


@pytest.mark.sqlite_only  # the key file (a server keeps the keys in the database)
def test_a_key_derived_ahead_signs_in_and_a_wrong_guess_changes_nothing(office, monkeypatch):
    from frontera_desk.db import keyfile

    app_paths, _code = office
    monkeypatch.setattr(keyfile, "_AHEAD", {})
    keyfile.derive_ahead(app_paths.keys, keyfile.user_entry("ana"), PASSWORD)
    keyfile.derive_ahead(app_paths.keys, keyfile.user_entry("sofia"), "no-es-la-clave-1")
    keyfile.derive_ahead(app_paths.keys.with_name("no-existe"), keyfile.user_entry("ana"), "x")
    for ahead in list(keyfile._AHEAD.values()):
        ahead.result()
    real, derived = keyfile._argon2, []
    monkeypatch.setattr(keyfile, "_argon2", lambda *args: derived.append(args) or real(*args))
    auth.sign_in(app_paths, "ana", PASSWORD).db.dispose()
    assert derived == []  # the key derived ahead was used
    auth.sign_in(app_paths, "sofia", PASSWORD).db.dispose()
    assert len(derived) == 1  # the wrong guess was not
    with pytest.raises(FronteraError):
        auth.sign_in(app_paths, "sofia", "no-es-la-clave-1")


def test_a_wrong_recovery_code_is_refused(office):
    app_paths, _ = office
    with pytest.raises(auth.SignInFailed, match="incorrectos"):
        auth.recover(app_paths, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", "admin", "nueva-clave-77")


def test_changing_a_password_rewraps_without_reencrypting(office):
    app_paths, _ = office
    before = b"" if app_paths.on_server else app_paths.database.read_bytes()[:4096]
    signed = auth.sign_in(app_paths, "ana", PASSWORD)
    with signed.db.write() as session, pytest.raises(ValidationError, match="actual"):
        auth.change_password(session, signed.actor, signed.vault, "otra", "nueva-clave-88")
    with signed.db.write() as session:
        auth.change_password(session, signed.actor, signed.vault, PASSWORD, "nueva-clave-88")
    signed.db.dispose()
    assert before == (b"" if app_paths.on_server else app_paths.database.read_bytes()[:4096])
    auth.sign_in(app_paths, "ana", "nueva-clave-88").db.dispose()


def test_a_disabled_user_cannot_sign_in(office):
    app_paths, _ = office
    admin = auth.sign_in(app_paths, "admin", PASSWORD)
    auth.disable_user(admin.db, admin.actor, admin.vault, "ana")
    with admin.db.read() as session:
        assert [u.is_active for u in auth.list_users(session) if u.username == "ana"] == [False]
    admin.db.dispose()
    with pytest.raises(auth.SignInFailed):
        auth.sign_in(app_paths, "ana", PASSWORD)


def test_a_reset_password_replaces_the_old_one_on_either_database(office):
    """SQLite re-keys the file (tests/unit/test_keys.py); a server only changes the entry."""
    app_paths, _ = office
    admin = auth.sign_in(app_paths, "admin", PASSWORD)
    result = auth.reset_password(admin.db, admin.actor, admin.vault, "ana", "nueva-clave-77")
    admin.db.dispose()
    assert result.rekeyed is not app_paths.on_server
    with pytest.raises(auth.SignInFailed):
        auth.sign_in(app_paths, "ana", PASSWORD)
    auth.sign_in(app_paths, "ana", "nueva-clave-77").db.dispose()
    with pytest.raises(PermissionDenied):  # only an administrator may
        ana = auth.sign_in(app_paths, "ana", "nueva-clave-77")
        try:
            auth.reset_password(ana.db, ana.actor, ana.vault, "sofia", "nueva-clave-77")
        finally:
            ana.db.dispose()


def test_five_failures_lock_the_account_for_fifteen_minutes(office):
    app_paths, _ = office
    clock = Clock()
    for attempt in range(4):
        left = ("cuatro intentos", "tres intentos", "dos intentos", "un intento")[attempt]
        with pytest.raises(auth.SignInFailed, match=f"Queda[n]? {left} antes del bloqueo"):
            auth.sign_in(app_paths, "sofia", "mal", now=clock)
    with pytest.raises(auth.SignInFailed, match="bloqueada"):
        auth.sign_in(app_paths, "sofia", "mal", now=clock)
    clock.now += timedelta(minutes=14)
    with pytest.raises(auth.SignInFailed, match="bloqueada"):
        auth.sign_in(app_paths, "sofia", PASSWORD, now=clock)  # even the right password
    clock.now += timedelta(minutes=2)
    signed = auth.sign_in(app_paths, "sofia", PASSWORD, now=clock)
    with signed.db.read() as session:
        failed = [e for e in session.query(AuditEntry) if e.action == "acceso_fallido"]
    # copied into the audit log at the next successful sign-in: the five, and the right
    # password turned away by the lockout (every attempt is counted, issue 19)
    assert len(failed) == 6
    signed.db.dispose()


def test_a_failed_sign_in_is_logged_in_the_name_typed_not_the_next_user(office):
    """Issue 24, item 12: the entry is written at the next sign-in, by whoever signs in."""
    app_paths, _ = office
    for typed in ("sofia", "nadie"):
        with pytest.raises(auth.SignInFailed):
            auth.sign_in(app_paths, typed, "mal")
    signed = auth.sign_in(app_paths, "ana", PASSWORD)
    with signed.db.read() as session:
        failed = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "acceso_fallido")
        ).all()
        names = {e.user_id: session.get(User, e.user_id).username for e in failed}
        ana = session.scalar(select(User.id).where(User.username == "ana"))
    signed.db.dispose()
    assert sorted(names.values()) == ["sistema", "sofia"] and ana not in names
    assert '"usuario": "nadie"' in next(e.changes for e in failed if names[e.user_id] == "sistema")


def test_unknown_users_get_the_same_answer(office):
    app_paths, _ = office
    with pytest.raises(auth.SignInFailed, match="Usuario o contraseña incorrectos"):
        auth.sign_in(app_paths, "nadie", PASSWORD)


def test_weak_passwords_and_bad_usernames_are_refused(office):
    app_paths, _ = office
    admin = auth.sign_in(app_paths, "admin", PASSWORD)
    with admin.db.write() as session:
        with pytest.raises(ValidationError, match="al menos 8"):
            auth.add_user(session, admin.actor, admin.vault, "luis", "Luis", "capturista", "corta")
        with pytest.raises(ValidationError, match="no debe contener"):
            auth.add_user(
                session, admin.actor, admin.vault, "luis", "Luis", "capturista", "luis12345"
            )
        with pytest.raises(ValidationError, match="Usuario"):
            auth.add_user(session, admin.actor, admin.vault, "L", "Luis", "capturista", PASSWORD)
        with pytest.raises(ValidationError, match="Ya existe"):
            auth.add_user(session, admin.actor, admin.vault, "ana", "Ana", "capturista", PASSWORD)
    admin.db.dispose()


def test_setup_refuses_a_folder_that_already_has_an_office(office):
    app_paths, _ = office
    with pytest.raises(FronteraError, match="ya tiene"):
        auth.setup(app_paths, "TAP", "Otra", "admin", "Ana", PASSWORD)


# --- permissions ------------------------------------------------------------------------------

MATRIX = {
    Role.CAPTURISTA: {
        Action.EDIT_PEOPLE,
        Action.REQUEST_SUPPORT,
        Action.DELIVER_SUPPORT,
        Action.EXPORT_PERSON,
        Action.EDIT_ACTIVITIES,
    },
    Role.SUPERVISOR: set(Action) - {Action.MANAGE_USERS, Action.MANAGE_SETTINGS, Action.RESTORE},
    Role.ADMINISTRADOR: {
        Action.MANAGE_USERS,
        Action.MANAGE_SETTINGS,
        Action.SET_PLAN,
        Action.VIEW_AUDIT,
        Action.BACKUP,
        Action.RESTORE,
        Action.IMPORT_DATA,  # bring the office's spreadsheets in (issue 25)
    },
}


def test_the_permission_matrix_is_the_documented_one():
    for role, allowed in MATRIX.items():
        assert PERMISSIONS[role] == allowed


def test_each_role_is_refused_in_the_service_and_the_refusal_is_audited(db, actors):
    with db.write() as session:
        person = people.create_person(
            session, actors[Role.CAPTURISTA], PersonInput("Rosa", "Cruz", sex=Sex.FEMALE)
        )
        water = next(t.id for t in supports.support_types(session) if t.code == "AGUA")
        request = supports.request_support(
            session, actors[Role.CAPTURISTA], SupportInput(person.id, water, "Agua", 10_000)
        )
    calls = {
        Action.DECIDE_SUPPORT: lambda s, a: supports.approve_support(s, a, request.id),
        Action.EDIT_PEOPLE: lambda s, a: people.update_person(s, a, person.id, person.as_input()),
        Action.ANONYMIZE_PERSON: lambda s, a: privacy.anonymize_person(s, a, person.id, "Pidió"),
        Action.VIEW_AUDIT: lambda s, a: audit.entry_ids(s, a),
        Action.EXPORT_PERSON: lambda s, a: privacy.export_person(s, a, person.id),
    }
    for role in (Role.CAPTURISTA, Role.ADMINISTRADOR):
        for action, call in calls.items():
            if action in MATRIX[role]:
                continue
            with pytest.raises(PermissionDenied, match=role.value), db.write() as session:
                call(session, actors[role])
    with db.read() as session:
        refusals = session.query(AuditEntry).filter_by(action="denegado").count()
    denied = sum(
        1 for r in (Role.CAPTURISTA, Role.ADMINISTRADOR) for a in calls if a not in MATRIX[r]
    )
    assert refusals == denied


# --- audit chain ------------------------------------------------------------------------------


def test_an_edited_audit_row_is_found_and_named(db, actors):
    with db.write() as session:
        for name in ("Rosa", "Luz", "Eva"):
            people.create_person(
                session, actors[Role.CAPTURISTA], PersonInput(name, "Cruz", sex=Sex.FEMALE)
            )
    with db.read() as session:
        seen = []
        check = audit.verify(session, batch=2, progress=lambda n, total: seen.append((n, total)))
        assert check.ok and check.entries == 3
        assert seen == [(0, 3), (2, 3), (3, 3)]  # a progress report before each batch
        second = session.query(AuditEntry).order_by(AuditEntry.id).all()[1].id
    with db.write() as session:
        session.execute(
            text("UPDATE audit_log SET changes = replace(changes, 'Luz', 'Paz') WHERE id = :i"),
            {"i": second},
        )
    with db.read() as session:
        check = audit.verify(session)
    assert not check.ok and check.first_broken_id == second
    assert f"núm. {second}" in check.message


def test_a_deleted_audit_row_breaks_the_chain(db, actors):
    with db.write() as session:
        for name in ("Rosa", "Luz", "Eva"):
            people.create_person(
                session, actors[Role.CAPTURISTA], PersonInput(name, "Cruz", sex=Sex.FEMALE)
            )
        first_id = session.query(AuditEntry).order_by(AuditEntry.id).first().id
        session.execute(text("DELETE FROM audit_log WHERE id = :i"), {"i": first_id + 1})
    with db.read() as session:
        check = audit.verify(session)
    assert not check.ok and check.first_broken_id == first_id + 2


# --- privacy ----------------------------------------------------------------------------------


def test_the_audit_log_filters_by_action_and_user_newest_first(db, actors):
    from frontera_desk.services.audit import AuditFilter

    with db.read() as session:
        assert audit.actions(session) == []  # an empty log
    with db.write() as session:
        rosa = people.create_person(
            session, actors[Role.CAPTURISTA], PersonInput("Rosa", "Cruz", sex=Sex.FEMALE)
        )
        changed = replace(rosa.as_input(), phone="962 000 0000")
        people.update_person(session, actors[Role.SUPERVISOR], rosa.id, changed)
        people.create_person(
            session, actors[Role.CAPTURISTA], PersonInput("Luz", "Cruz", sex=Sex.FEMALE)
        )
    viewer = actors[Role.ADMINISTRADOR]
    with db.read() as session:
        assert audit.actions(session) == ["crear", "modificar"]  # each once, in order

        def listed(**f: object) -> list[tuple[str, int]]:
            ids = audit.entry_ids(session, viewer, AuditFilter(**f))
            rows = audit.fetch_rows(session, ids)
            return [(rows[i].action, rows[i].id) for i in ids]

        created = listed(action="crear")
        assert [a for a, _ in created] == ["crear", "crear"]
        assert [i for _, i in created] == sorted((i for _, i in created), reverse=True)
        by_supervisor = listed(user_id=actors[Role.SUPERVISOR].user_id)
        assert [a for a, _ in by_supervisor] == ["modificar"]


def test_consent_is_recorded_with_the_notice_shown(db, actors):
    with db.write() as session:
        person = people.create_person(
            session,
            actors[Role.CAPTURISTA],
            PersonInput("Rosa", "Cruz", sex=Sex.FEMALE, consent=True),
        )
    assert person.consent is not None and person.consent.given
    assert person.consent.recorded_by == "Ana"


def test_export_gives_the_person_everything_held_about_them(db, actors):
    with db.write() as session:
        person = people.create_person(
            session,
            actors[Role.CAPTURISTA],
            PersonInput("Rosa", "Cruz", sex=Sex.FEMALE, phone="962 111 2222"),
        )
        data = privacy.export_person(session, actors[Role.CAPTURISTA], person.id)
    assert data["nombre_completo"] == "Rosa Cruz"
    assert data["telefono"] == "962 111 2222"
    assert data["historial_de_cambios"][0]["accion"] == "crear"


def test_anonymizing_keeps_totals_and_erases_personal_data_everywhere(db, actors):
    from frontera_desk.services import dashboard

    with db.write() as session:
        person = people.create_person(
            session,
            actors[Role.CAPTURISTA],
            PersonInput(
                "Rosa María",
                "Núñez",
                "Cruz",
                Sex.FEMALE,
                date(1990, 5, 4),
                nationality="HN",
                phone="962 111 2222",
                notes="Vive con su hermana",
                documents=[people.DocumentInput("pasaporte", "F123456")],
            ),
        )
        water = next(t.id for t in supports.support_types(session) if t.code == "AGUA")
        s = supports.request_support(
            session, actors[Role.CAPTURISTA], SupportInput(person.id, water, "Agua", 10_000)
        )
        supports.approve_support(session, actors[Role.SUPERVISOR], s.id)
        evidence.receive_all(session, actors[Role.CAPTURISTA], s.id)
        supports.deliver_support(session, actors[Role.CAPTURISTA], s.id)
        before = dashboard.overview(session)
    with db.write() as session:
        privacy.anonymize_person(session, actors[Role.SUPERVISOR], person.id, "Lo pidió la persona")
    with db.read() as session:
        after = dashboard.overview(session)
        record = people.get_person(session, person.id)
        assert people.search_people(session, "nunez") == []
        assert people.search_people(session, "f123456") == []
        log = " ".join(e.changes or "" for e in session.query(AuditEntry))
        assert audit.verify(session).ok
    assert after == before
    assert record.anonymized and record.full_name.startswith("Persona anonimizada")
    assert (record.sex, record.nationality, record.birth_date.year) == (Sex.FEMALE, "HN", 1990)
    assert record.documents == () and record.phone == "" and record.notes == ""
    assert "Núñez" not in log and "F123456" not in log and "962 111" not in log
    with pytest.raises(FronteraError, match="anonimizada"), db.write() as session:
        people.update_person(session, actors[Role.SUPERVISOR], person.id, record.as_input())


def test_retention_lists_people_without_recent_activity_in_name_order(db, actors):
    supervisor = actors[Role.SUPERVISOR]
    with db.write() as session:
        rosa, ana, luis = (
            people.create_person(
                session, actors[Role.CAPTURISTA], PersonInput(given, surname, sex=sex)
            ).id
            for given, surname, sex in (
                ("Rosa", "Cruz", Sex.FEMALE),
                ("Ana", "Zamora", Sex.FEMALE),
                ("Luis", "Álvarez", Sex.MALE),
            )
        )
        water = next(t.id for t in supports.support_types(session) if t.code == "AGUA")
        supports.request_support(
            session, actors[Role.CAPTURISTA], SupportInput(rosa, water, "Agua", 10_000)
        )
    later = date.today() + timedelta(days=365 * 6)
    with db.read() as session:
        assert privacy.inactive_ids(session, supervisor, years=5) == []
        # Six years on, nobody has changed or received anything for five
        assert privacy.inactive_ids(session, supervisor, years=5, today=later) == [luis, rosa, ana]
    with db.write() as session:  # Rosa's support, as if requested five years from now
        session.execute(text("UPDATE supports SET requested_on = :on"),
                        {"on": date.today() + timedelta(days=365 * 5)})  # fmt: skip
    with db.read() as session:
        assert privacy.inactive_ids(session, supervisor, years=5, today=later) == [luis, ana]
        with pytest.raises(PermissionDenied):
            privacy.inactive_ids(session, actors[Role.CAPTURISTA], years=5)


def test_the_exported_pdf_reads_back_with_any_name(db, actors, tmp_path):
    from pypdf import PdfReader

    from frontera_desk.reports.person_export import write_person_pdf

    with db.write() as session:
        person = people.create_person(
            session, actors[Role.CAPTURISTA],
            PersonInput("Widelande", "Saint-Fleur", sex=Sex.FEMALE, nationality="HT", consent=True,
                        documents=[people.DocumentInput("comar", "COMAR-2026-1")]),
        )  # fmt: skip
        data = privacy.export_person(session, actors[Role.CAPTURISTA], person.id)
    data["observaciones"] = "Олена Шевченко; Nguyễn Thị Hương; Núñez"
    target = write_person_pdf(data, tmp_path / "datos.pdf", demo=True)
    text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    for expected in ("Widelande Saint-Fleur", "Haití", "COMAR-2026-1", "otorgado", "DEMOSTRACIÓN",
                     "Шевченко", "Nguyễn", "Núñez"):  # fmt: skip
        assert expected in text


def test_two_desks_changing_accounts_at_once_both_keep_their_change(postgres, tmp_path):
    """Server mode: the key document is shared; a desk saving a stale copy (a sign-in that
    clears its failures) must not undo the account another desk added meanwhile."""
    from tests import postgres as pg

    url = pg.new_database(postgres)
    try:
        app_paths = paths.resolve(tmp_path / "escritorio", database_url=url)
        auth.setup(app_paths, "TAP", "Oficina Tapachula", "admin", "Ana Admin", PASSWORD
                   ).signed_in.db.dispose()  # fmt: skip
        with pytest.raises(auth.SignInFailed):
            auth.sign_in(app_paths, "admin", "mal")
        slow_desk = auth.unlock(app_paths, "admin", PASSWORD)[0]  # read before the new user
        admin = auth.sign_in(app_paths, "admin", PASSWORD)
        with admin.db.write() as session:
            auth.add_user(session, admin.actor, admin.vault, "luis", "Luis", "capturista", PASSWORD)
        admin.db.dispose()
        slow_desk.add_clear(
            "user:admin", auth.utc_now(), None, slow_desk.unwrap("user:admin", PASSWORD)
        )
        slow_desk.save()
        auth.sign_in(app_paths, "luis", PASSWORD).db.dispose()
    finally:
        pg.drop_database(postgres, url)
