"""Checkpoints signed by the office key, and the insider who holds the database key."""

import json
import shutil
import stat
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text

from frontera_desk import cli, paths
from frontera_desk.db.audit_chain import entry_hash
from frontera_desk.db.engine import connect_file
from frontera_desk.db.models import AuditEntry
from frontera_desk.domain.enums import Role, Sex
from frontera_desk.exchange import signing
from frontera_desk.services import audit, auth, checkpoints, months, people, privacy
from frontera_desk.services.people import PersonInput
from frontera_desk.services.permissions import actor_for

PASSWORD = "correcta-caballo-1"
THE_KEY: list = []  # the test office's key: its own once offices have one, else a new one
T0 = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)

pytestmark = pytest.mark.usefixtures("cheap_kdf")


def office_key():
    return THE_KEY[-1]


def office_public():
    return signing.public_bytes(THE_KEY[-1])


@pytest.fixture
def office(tmp_path, database_url, monkeypatch):
    """An office with an administrator, a supervisor and a caseworker, some people, and one
    checkpoint signed by the administrator at T0. (Sign-ins that must not sign are a
    caseworker's: she holds no key.)"""
    app_paths = paths.resolve(tmp_path / "oficina", database_url=database_url)
    with monkeypatch.context() as patch:
        patch.setattr(checkpoints, "start", lambda *args, **kwargs: None)  # signed below, at T0
        signed = auth.setup(
            app_paths, "TAP", "Oficina Tapachula", "admin", "Ana Admin", PASSWORD
        ).signed_in
    THE_KEY[:] = [signed.vault.signing_key]
    with signed.db.write() as session:
        for username, role in (("sofia", Role.SUPERVISOR), ("ana", Role.CAPTURISTA)):
            user = auth.add_user(
                session, signed.actor, signed.vault, username, username.title(), role, PASSWORD
            )
        caseworker = actor_for(session, user.id)
        for name in ("Rosa", "Luz", "Eva", "Paz"):
            people.create_person(session, caseworker, PersonInput(name, "Cruz", sex=Sex.FEMALE))
    checkpoints.start(app_paths, signed.db, signed.actor, office_key(), T0)
    signed.db.dispose()
    return app_paths


def check(app_paths, public_key=None):
    """``audit verify`` as the services run it (signed in as the caseworker: nothing signs)."""
    public_key = public_key or office_public()
    signed = auth.sign_in(app_paths, "ana", PASSWORD)
    try:
        with signed.db.read() as session:
            return audit.verify(session, app_paths=app_paths, public_key=public_key)
    finally:
        signed.db.dispose()


def lines(app_paths):
    return [json.loads(line) for line in app_paths.checkpoints.read_text().splitlines()]


def chain_length(db):
    with db.read() as session:
        return session.query(AuditEntry).count()


# --- what a checkpoint is and where it is kept ------------------------------------------------


def test_a_checkpoint_signs_the_chain_and_the_accounts_and_is_kept_twice(office):
    signed = auth.sign_in(office, "ana", PASSWORD)
    with signed.db.read() as session:
        recorded = session.query(AuditEntry).filter_by(action="punto_de_control").one()
        length_before = session.query(AuditEntry).filter(AuditEntry.id < recorded.id).count()
    signed.db.dispose()
    if not office.on_server:  # beside the database, owner-only
        (line,) = lines(office)
        assert stat.S_IMODE(office.checkpoints.stat().st_mode) == 0o600
        assert json.loads(recorded.changes)["checkpoint"] == line
    document = json.loads(recorded.changes)["checkpoint"]["document"]
    assert document["chain"]["length"] == length_before
    assert [(u["username"], u["role"], u["is_active"]) for u in document["users"]] == [
        ("admin", "administrador", True), ("ana", "capturista", True),
        ("sofia", "supervisor", True),
    ]  # fmt: skip
    signature = json.loads(recorded.changes)["checkpoint"]["signature"]
    assert signing.verify(office_public(), document, signature)
    result = check(office)
    assert result.ok and result.checkpoints == 1
    assert signing.fingerprint(office_public()) in result.message


def test_without_the_key_nothing_is_signed(office):
    """A caseworker's session holds no office key: signing in and working sign nothing."""
    before = office.checkpoints.read_text() if not office.on_server else ""
    signed = auth.sign_in(office, "ana", PASSWORD)
    assert signed.vault.signing_key is None
    assert checkpoints.start(office, signed.db, signed.actor, None, T0 + timedelta(days=9)) is None
    with signed.db.write() as session:
        people.create_person(session, signed.actor, PersonInput("Sol", "Rey", sex=Sex.FEMALE))
        checkpoints.sign_after_commit(session, "cierre_de_mes")
    with signed.db.read() as session:
        assert session.query(AuditEntry).filter_by(action="punto_de_control").count() == 1
    signed.db.dispose()
    if not office.on_server:
        assert office.checkpoints.read_text() == before


def test_supervisors_sign_at_the_first_sign_in_of_each_day(office, monkeypatch):
    monkeypatch.setattr(auth.Vault, "signing_key", office_key(), raising=False)
    clock = {"now": T0}
    count = []
    for hours in (2, 20, 25, 26, 60):
        clock["now"] = T0 + timedelta(hours=hours)
        signed = auth.sign_in(office, "sofia", PASSWORD, now=lambda: clock["now"])
        with signed.db.read() as session:
            count.append(session.query(AuditEntry).filter_by(action="punto_de_control").count())
        signed.db.dispose()
    assert count == [1, 1, 2, 2, 3]  # the setup's, then one a day of use
    assert check(office).ok


def test_a_month_close_is_signed_once_it_commits(office, monkeypatch):
    monkeypatch.setattr(auth.Vault, "signing_key", office_key(), raising=False)
    year, month = months.months_back(date.today(), 1)
    signed = auth.sign_in(office, "sofia", PASSWORD, now=lambda: T0 + timedelta(hours=1))
    with signed.db.write() as session:
        months.close_month(session, signed.actor, year, month)
        assert session.query(AuditEntry).filter_by(action="punto_de_control").count() == 1
    length = chain_length(signed.db)
    with signed.db.read() as session:
        last = session.query(AuditEntry).order_by(AuditEntry.id.desc()).first()
    signed.db.dispose()
    document = json.loads(last.changes)["checkpoint"]["document"]
    assert last.action == "punto_de_control" and document["reason"] == "cierre_de_mes"
    assert document["chain"]["length"] == length - 1  # everything up to the close's own entry
    assert check(office).ok


# --- what verify names ------------------------------------------------------------------------


def test_a_checkpoint_signed_by_another_key_or_altered_is_refused(office):
    result = check(office, public_key=signing.public_bytes(signing.new_private_key()))
    assert not result.ok
    assert "firmado con otra llave" in result.message
    assert signing.fingerprint(office_public()) in result.message  # the key that did sign it
    signed = auth.sign_in(office, "ana", PASSWORD)
    other = signing.new_private_key()
    checkpoints.write(signed.db, checkpoints.Signer(other, office, signed.actor), "prueba")
    signed.db.dispose()
    result = check(office)
    assert f"núm. 2 ({T0:%Y-%m-%d}" not in result.message  # (the second is dated now)
    assert "el punto de control núm. 2" in result.message
    assert f"huella {signing.fingerprint(signing.public_bytes(other))}" in result.message


@pytest.mark.sqlite_only
def test_an_edited_checkpoint_line_has_a_bad_signature(office):
    (line,) = lines(office)
    line["document"]["chain"]["length"] -= 3
    office.checkpoints.write_text(signing.canonical(line).decode() + "\n")
    result = check(office)
    assert not result.ok
    assert "el punto de control núm. 1" in result.message and "firma que no es válida" in (
        result.message
    )


@pytest.mark.sqlite_only
def test_a_missing_or_shortened_checkpoint_file_is_named(office, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(auth.Vault, "signing_key", office_key(), raising=False)
        auth.sign_in(office, "sofia", PASSWORD, now=lambda: T0 + timedelta(days=2)).db.dispose()
    first, second = office.checkpoints.read_text().splitlines()
    office.checkpoints.write_text(first + "\n")
    result = check(office)
    assert not result.ok
    assert "perdió o cambió un punto de control que la bitácora registra (núm. 2)" in (
        result.message
    )
    office.checkpoints.write_text(second + "\n")
    assert "perdió o cambió un punto de control que la bitácora registra (núm. 1)" in (
        check(office).message
    )
    office.checkpoints.unlink()
    result = check(office)
    assert not result.ok and "falta el archivo de puntos de control frontera.checkpoints" in (
        result.message
    )


def test_account_changes_made_by_the_services_are_legitimate(office):
    signed = auth.sign_in(office, "admin", PASSWORD)
    with signed.db.write() as session:
        auth.add_user(session, signed.actor, signed.vault, "luis", "Luis", Role.SUPERVISOR,
                      PASSWORD)  # fmt: skip
    auth.disable_user(signed.db, signed.actor, signed.vault, "ana")
    auth.reset_password(signed.db, signed.actor, signed.vault, "ana", PASSWORD)
    auth.disable_user(signed.db, signed.actor, signed.vault, "sofia")
    signed.db.dispose()
    result = check(office)
    assert result.ok, result.message


# --- the insider: a caseworker with the database key -------------------------------------------


def insider(app_paths, *statements):
    """What a signed-in caseworker can do: derive the database key and write SQL."""
    keyfile, db_key = auth.unlock(app_paths, "ana", PASSWORD)
    conn = connect_file(app_paths.database, db_key if keyfile.encrypted else None)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def copy(app_paths, tmp_path, name):
    shutil.copytree(app_paths.data_dir, tmp_path / name)
    return paths.resolve(tmp_path / name)


@pytest.mark.sqlite_only
def test_the_insider_is_named_in_each_of_their_edits(office, tmp_path, monkeypatch):
    signed = auth.sign_in(office, "ana", PASSWORD)  # (a caseworker's sign-in signs nothing)
    with signed.db.write() as session:
        boss = actor_for(session, auth._user(session, "sofia").id)
        victim = people.create_person(session, boss, PersonInput("Flor", "Luna", sex=Sex.FEMALE))
        privacy.anonymize_person(session, boss, victim.id, "lo pidió")
    signed.db.dispose()
    assert check(office).ok
    with monkeypatch.context() as patch:
        patch.setattr(auth.Vault, "signing_key", office_key(), raising=False)
        signed = auth.sign_in(office, "sofia", PASSWORD, now=lambda: T0 + timedelta(days=1))
    length = chain_length(signed.db)  # the second checkpoint covers the anonymization
    with signed.db.read() as session:
        signed_length = json.loads(
            session.query(AuditEntry).filter_by(action="punto_de_control")
            .order_by(AuditEntry.id.desc()).first().changes
        )["checkpoint"]["document"]["chain"]["length"]  # fmt: skip
    signed.db.dispose()

    # (a) the last three entries deleted: the chain still links, but is shorter than signed
    cut = copy(office, tmp_path, "a")
    insider(cut, "DELETE FROM audit_log WHERE id IN "
                 "(SELECT id FROM audit_log ORDER BY id DESC LIMIT 3)")  # fmt: skip
    result = check(cut)
    assert not result.ok and result.first_broken_id is None
    assert (
        f"la bitácora tiene {length - 3 + 1} registros; el punto de control núm. 2 "
        f"({T0 + timedelta(days=1):%Y-%m-%d %H:%M} UTC) firmó {signed_length}"
    ) in result.message  # (+1: the sign-in of the check itself)

    # (b) a caseworker made administrator with one UPDATE
    raised = copy(office, tmp_path, "b")
    insider(raised, "UPDATE users SET role = 'administrador' WHERE username = 'ana'")
    result = check(raised)
    assert not result.ok
    assert "la cuenta «ana» cambió fuera de la aplicación (después de el punto de control " \
           "núm. 2" in result.message  # fmt: skip
    assert "rol capturista → administrador" in result.message

    # (c) text written into a redacted entry
    written = copy(office, tmp_path, "c")
    insider(written, "UPDATE audit_log SET changes = '{\"nombre\": \"inventado\"}' "
                     "WHERE id = (SELECT min(id) FROM audit_log WHERE redacted)")  # fmt: skip
    result = check(written)
    assert not result.ok and "está anonimizado pero guarda valores" in result.message

    # (d) history rewritten: an entry edited and every hash after it computed again
    rewritten = copy(office, tmp_path, "d")
    keyfile, db_key = auth.unlock(rewritten, "ana", PASSWORD)
    conn = connect_file(rewritten.database, db_key)
    rows = conn.execute(
        "SELECT id, at, user_id, office_code, action, entity, entity_uuid, changes_sha256 "
        "FROM audit_log ORDER BY id"
    ).fetchall()
    prev = "0" * 64
    for number, (entry_id, at, user, office_code, action, entity, uuid, digest) in enumerate(rows):
        if number == 3:
            action = "consultar"  # what the entry said is changed…
        moment = datetime.fromisoformat(at).replace(tzinfo=UTC)
        new = entry_hash(prev, moment, user, office_code, action, entity, uuid, digest)
        conn.execute("UPDATE audit_log SET action = ?, prev_hash = ?, hash = ? WHERE id = ?",
                     (action, prev, new, entry_id))  # fmt: skip
        prev = new  # …and the chain made whole again
    conn.commit()
    conn.close()
    with auth.sign_in(rewritten, "ana", PASSWORD).db.read() as session:
        assert audit.verify(session).ok  # the chain alone cannot tell
    result = check(rewritten)
    assert not result.ok and "se borraron o se reescribieron registros hasta ese punto" in (
        result.message
    )

    # an entry of another record emptied as if anonymized
    emptied = copy(office, tmp_path, "e")
    insider(emptied, "UPDATE audit_log SET changes = NULL, redacted = 1 WHERE id = "
                     "(SELECT min(id) FROM audit_log WHERE action = 'crear')")  # fmt: skip
    result = check(emptied)
    assert not result.ok and "no registra ninguna anonimización" in result.message


@pytest.mark.sqlite_only
def test_a_role_raised_before_a_later_checkpoint_is_still_named(office, monkeypatch):
    """The next day's checkpoint signs the raised role as it finds it; the change between two
    checkpoints still has no audit entry, and verify says so."""
    insider(office, "UPDATE users SET role = 'supervisor' WHERE username = 'ana'")
    with monkeypatch.context() as patch:
        patch.setattr(auth.Vault, "signing_key", office_key(), raising=False)
        auth.sign_in(office, "sofia", PASSWORD, now=lambda: T0 + timedelta(days=1)).db.dispose()
    result = check(office)
    assert not result.ok
    assert "la cuenta «ana» cambió fuera de la aplicación (entre el punto de control núm. 1" in (
        result.message
    )
    assert "rol capturista → supervisor" in result.message


@pytest.mark.sqlite_only
def test_audit_verify_on_the_command_line_names_the_cut_and_exits_non_zero(
    office, monkeypatch, capsys
):
    monkeypatch.setattr(checkpoints, "office_public_key", lambda app_paths: office_public())
    monkeypatch.setattr(cli, "setup_logging", lambda app_paths: None)
    monkeypatch.setenv("FRONTERA_DESK_USER", "admin")
    monkeypatch.setenv("FRONTERA_DESK_PASSWORD", PASSWORD)
    assert cli.main(["audit", "verify", "--data-dir", str(office.data_dir)]) == 0
    assert "de control firmado" in capsys.readouterr().out
    insider(office, "DELETE FROM audit_log WHERE id IN "
                    "(SELECT id FROM audit_log ORDER BY id DESC LIMIT 3)")  # fmt: skip
    assert cli.main(["audit", "verify", "--data-dir", str(office.data_dir)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("frontera-desk: La bitácora fue alterada: ")
    assert "el punto de control núm. " in err and len(err.strip().splitlines()) == 1


# --- the redacted loophole (no checkpoint needed) ---------------------------------------------


def test_a_redacted_entry_holds_nothing_and_belongs_to_an_anonymization(db, actors):
    boss = actors[Role.SUPERVISOR]
    with db.write() as session:
        rosa = people.create_person(session, boss, PersonInput("Rosa", "Cruz", sex=Sex.FEMALE))
        luz = people.create_person(session, boss, PersonInput("Luz", "Paz", sex=Sex.FEMALE))
        privacy.anonymize_person(session, boss, rosa.id, "lo pidió")
        redacted = session.query(AuditEntry).filter_by(redacted=True).one().id
        other = session.query(AuditEntry).filter_by(entity_uuid=luz.uuid).one().id
    with db.read() as session:
        assert audit.verify(session).ok
    with db.write() as session:
        session.execute(text("UPDATE audit_log SET changes = '{\"a\": 1}' WHERE id = :i"),
                        {"i": redacted})  # fmt: skip
    with db.read() as session:
        result = audit.verify(session)
    assert not result.ok and result.first_broken_id == redacted
    assert "está anonimizado pero guarda valores" in result.message
    with db.write() as session:
        session.execute(text("UPDATE audit_log SET changes = NULL WHERE id = :i"), {"i": redacted})
        session.execute(text("UPDATE audit_log SET changes = NULL, redacted = :t WHERE id = :i"),
                        {"i": other, "t": True})  # fmt: skip
    with db.read() as session:
        result = audit.verify(session)
    assert not result.ok
    assert f"el registro núm. {other} fue vaciado como si se hubiera anonimizado" in (
        result.message
    )


@pytest.mark.sqlite_only
def test_a_restore_brings_the_checkpoints_of_the_chain_it_restores(office, tmp_path, monkeypatch):
    from frontera_desk.services import backup

    signed = auth.sign_in(office, "admin", PASSWORD, now=lambda: T0)  # none due: T0's stands
    made = backup.create_backup(office, signed.db, tmp_path / "r.fdrespaldo")  # one checkpoint
    signed.db.dispose()
    with monkeypatch.context() as patch:
        patch.setattr(auth.Vault, "signing_key", office_key(), raising=False)
        auth.sign_in(office, "sofia", PASSWORD, now=lambda: T0 + timedelta(days=3)).db.dispose()
    assert len(lines(office)) == 2
    restored = backup.restore_backup(office, made.path, "admin", PASSWORD)
    # the checkpoints of the replaced chain went aside with it; the file is the backup's
    assert len((restored.aside / office.checkpoints.name).read_text().splitlines()) >= 2
    assert [line["document"]["seq"] for line in lines(office)] == [1]
    assert stat.S_IMODE(office.checkpoints.stat().st_mode) == 0o600
    assert check(office).ok


@pytest.mark.sqlite_only
def test_a_checkpoint_that_cannot_be_written_does_not_keep_a_supervisor_out(office, monkeypatch):
    office.checkpoints.unlink()
    office.checkpoints.mkdir()  # unwritable where the file goes
    monkeypatch.setattr(auth.Vault, "signing_key", office_key(), raising=False)
    signed = auth.sign_in(office, "sofia", PASSWORD, now=lambda: T0 + timedelta(days=5))
    with signed.db.read() as session:
        assert session.query(AuditEntry).filter_by(action="punto_de_control").count() == 1
        result = audit.verify(session, app_paths=office, public_key=office_public())
    signed.db.dispose()
    assert not result.ok and "no se puede leer el archivo de puntos de control" in result.message
