"""Keys that revoke, a lockout that holds, the office key (issue 19, items 4-6).

Re-keying is about the SQLCipher file, so most of these run on SQLite only; server mode is
covered by the account tests of test_security.py, which run on both.
"""

import json
import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from frontera_desk import paths
from frontera_desk.db import keyfile
from frontera_desk.db.engine import key_opens
from frontera_desk.db.models import AuditEntry, Office
from frontera_desk.domain.enums import Role
from frontera_desk.exchange.signing import new_private_key, public_bytes, sign, verify
from frontera_desk.services import auth

PASSWORD = "correcta-caballo-1"
NEW = "otra-clave-segura-2"

pytestmark = [pytest.mark.usefixtures("cheap_kdf"), pytest.mark.sqlite_only]


@pytest.fixture
def office(tmp_path):
    app_paths = paths.resolve(tmp_path / "oficina")
    result = auth.setup(app_paths, "TAP", "Oficina Tapachula", "admin", "Ana Admin", PASSWORD)
    signed = result.signed_in
    with signed.db.write() as session:
        for username, role in (("sofia", Role.SUPERVISOR), ("ana", Role.CAPTURISTA)):
            auth.add_user(
                session, signed.actor, signed.vault, username, username.title(), role, PASSWORD
            )
    signed.db.dispose()
    return app_paths, result.recovery_code


def old_copy(app_paths, tmp_path) -> Path:
    copy = tmp_path / "copia.keys"
    copy.write_bytes(app_paths.keys.read_bytes())
    return copy


def opens(app_paths, keys: Path, name: str, secret: str) -> bool:
    """Whether this key file and secret open today's database (what a thief would try)."""
    key = keyfile.KeyFile.load(keys).unwrap(name, secret)
    return key is not None and key_opens(app_paths.database, key)


def actions(signed) -> list[str]:
    with signed.db.read() as session:
        return [e.action for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]


# --- keys that revoke --------------------------------------------------------------------------


def test_a_disabled_users_old_key_file_no_longer_opens_the_database(office, tmp_path):
    app_paths, _ = office
    before = old_copy(app_paths, tmp_path)
    assert opens(app_paths, before, "user:ana", PASSWORD)
    admin = auth.sign_in(app_paths, "admin", PASSWORD)
    result = auth.disable_user(admin.db, admin.actor, admin.vault, "ana")
    assert result.rekeyed and result.needs_reset == [] and result.recovery_code is None
    with admin.db.read() as session:  # the signed-in session goes on with the new key
        assert session.scalar(text("SELECT count(*) FROM users")) == 4
    admin.db.dispose()
    assert not opens(app_paths, before, "user:ana", PASSWORD)
    assert not opens(app_paths, before, "user:admin", PASSWORD)  # nobody's old copy opens it
    assert "user:ana" not in keyfile.KeyFile.load(app_paths.keys).names()
    for username in ("admin", "sofia"):  # the others sign in as before
        auth.sign_in(app_paths, username, PASSWORD).db.dispose()
    signed = auth.sign_in(app_paths, "admin", PASSWORD)
    assert "cambiar_llave" in actions(signed) and "llaves_alteradas" not in actions(signed)
    signed.db.dispose()


def test_an_administrators_reset_shuts_out_the_old_password_in_any_copy(office, tmp_path):
    app_paths, _ = office
    before = old_copy(app_paths, tmp_path)
    admin = auth.sign_in(app_paths, "admin", PASSWORD)
    auth.reset_password(admin.db, admin.actor, admin.vault, "sofia", NEW)
    admin.db.dispose()
    assert not opens(app_paths, before, "user:sofia", PASSWORD)
    app_paths.keys.write_bytes(before.read_bytes())  # the old key file put back
    with pytest.raises(auth.FronteraError, match="Ninguna llave|dañada"):
        auth.sign_in(app_paths, "sofia", PASSWORD)


def test_the_new_password_after_a_reset_signs_in_and_keeps_the_office_key(office):
    app_paths, _ = office
    admin = auth.sign_in(app_paths, "admin", PASSWORD)
    auth.reset_password(admin.db, admin.actor, admin.vault, "sofia", NEW)
    assert auth.verify_password(admin.vault, "admin", PASSWORD)  # the idle lock still opens
    admin.db.dispose()
    with pytest.raises(auth.SignInFailed):
        auth.sign_in(app_paths, "sofia", PASSWORD)
    sofia = auth.sign_in(app_paths, "sofia", NEW)
    assert public_bytes(sofia.vault.signing_key) == auth.office_public_key(app_paths)
    sofia.db.dispose()


def test_a_recovery_rekeys_and_records_no_false_alarm(office, tmp_path):
    app_paths, code = office
    before = old_copy(app_paths, tmp_path)
    signed = auth.recover(app_paths, code, "admin", NEW)
    assert signed.rekey is not None and signed.rekey.rekeyed
    assert "llaves_alteradas" not in actions(signed)
    signed.db.dispose()
    assert not opens(app_paths, before, "user:admin", PASSWORD)
    assert not opens(app_paths, before, keyfile.RECOVERY, code)
    again = auth.sign_in(app_paths, "admin", NEW)  # and the next sign-in finds nothing odd
    assert "llaves_alteradas" not in actions(again)
    again.db.dispose()
    auth.recover(app_paths, code, "sofia", NEW).db.dispose()  # the code goes on working


REKEY = textwrap.dedent("""
    import sys
    from frontera_desk import paths
    from frontera_desk.services import auth
    app_paths = paths.resolve(sys.argv[1])
    admin = auth.sign_in(app_paths, "admin", sys.argv[2])
    if sys.argv[3] == "disable":
        auth.disable_user(admin.db, admin.actor, admin.vault, "ana")
    else:
        auth.reset_password(admin.db, admin.actor, admin.vault, "sofia", sys.argv[4])
    print("finished")
""")


@pytest.mark.parametrize("step", ["rekey:before-pending", "rekey:pending", "rekey:rekeyed",
                                  "rekey:done", None])  # fmt: skip
@pytest.mark.parametrize("change", ["disable", "reset"])
def test_a_rekey_killed_at_any_step_leaves_an_office_that_opens_and_revokes(
    office, tmp_path, step, change
):
    app_paths, _ = office
    with auth.sign_in(app_paths, "admin", PASSWORD).db.engine.connect():
        pass
    before = old_copy(app_paths, tmp_path)
    env = {**os.environ, "PYTHONPATH": str(Path.cwd())}
    if step:
        env[keyfile.ENV_CRASH] = step
    run = subprocess.run([sys.executable, "-c", REKEY, str(app_paths.data_dir), PASSWORD, change,
                          NEW], env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert run.returncode == (86 if step else 0), run.stderr
    # The office opens with the keys of before or of after, and the next sign-in finishes
    signed = auth.sign_in(app_paths, "admin", PASSWORD)
    with signed.db.read() as session:
        assert session.scalar(text("PRAGMA integrity_check")) == "ok"
        active = dict(session.execute(text("SELECT username, is_active FROM users")).all())
    signed.db.dispose()
    if change == "disable":
        assert not opens(app_paths, before, "user:ana", PASSWORD)  # revoked in the end
        assert active["ana"] == 0
        with pytest.raises(auth.SignInFailed):
            auth.sign_in(app_paths, "ana", PASSWORD)
        auth.sign_in(app_paths, "sofia", PASSWORD).db.dispose()
    elif step in ("rekey:before-pending",):
        auth.sign_in(app_paths, "sofia", PASSWORD).db.dispose()  # nothing happened yet
    else:
        assert not opens(app_paths, before, "user:sofia", PASSWORD)
        auth.sign_in(app_paths, "sofia", NEW).db.dispose()
    assert (
        "pending" not in json.loads(app_paths.keys.read_text())
        or not json.loads(app_paths.keys.read_text())["pending"]
    )


# --- a lockout that holds ----------------------------------------------------------------------


ATTEMPT = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from frontera_desk import paths
    from frontera_desk.services import auth
    start = Path(sys.argv[2])
    while not start.exists():
        time.sleep(0.005)
    try:
        auth.sign_in(paths.resolve(sys.argv[1]), "sofia", "no-es-la-clave")
    except auth.FronteraError as error:
        print(error)
""")


def test_ten_processes_signing_in_at_once_are_all_counted(office, tmp_path):
    app_paths, _ = office
    start = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(Path.cwd())}
    runs = [subprocess.Popen([sys.executable, "-c", ATTEMPT, str(app_paths.data_dir), str(start)],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(10)]  # fmt: skip
    import time

    time.sleep(2.0)  # all ten started and waiting
    start.touch()
    answers = [run.communicate(timeout=120) for run in runs]
    assert all(run.returncode == 0 for run in runs), [err for _, err in answers]
    said = [out for out, _ in answers]
    assert sum("incorrectos" in s for s in said) == 4
    assert sum("bloquead" in s for s in said) == 6  # the fifth locks, the rest are refused
    keys = keyfile.KeyFile.load(app_paths.keys)
    assert keys.locked_until("user:sofia", datetime.now(UTC)) is not None
    assert [a["n"] for a in keys.data["attempts"]] == list(range(1, 11))  # every one numbered
    with pytest.raises(auth.SignInFailed, match="bloqueada"):
        auth.sign_in(app_paths, "sofia", PASSWORD)
    assert not list(app_paths.data_dir.glob("*.tmp"))
    admin = auth.sign_in(app_paths, "admin", PASSWORD)
    with admin.db.read() as session:
        failed = session.scalars(select(AuditEntry).where(AuditEntry.action == "acceso_fallido"))
        assert len(failed.all()) == 11  # the ten, and the right password turned away
    admin.db.dispose()


def test_the_recovery_code_lock_is_enforced(office):
    app_paths, code = office
    for _ in range(5):
        with pytest.raises(auth.SignInFailed):
            auth.recover(app_paths, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", "admin", NEW)
    with pytest.raises(auth.SignInFailed, match="bloqueado"):
        auth.recover(app_paths, code, "admin", NEW)  # even the right code, for 15 minutes


def test_a_full_disk_during_the_rekey_does_not_keep_anyone_out(office, tmp_path, monkeypatch):
    from frontera_desk.db import engine
    from frontera_desk.domain.errors import DatabaseError

    app_paths, _ = office
    before = old_copy(app_paths, tmp_path)
    admin = auth.sign_in(app_paths, "admin", PASSWORD)
    real = engine.Database.rekey

    def full(self, key):
        raise DatabaseError("El disco está lleno: no se guardó el cambio.")

    monkeypatch.setattr(engine.Database, "rekey", full)
    with pytest.raises(DatabaseError, match="lleno"):
        auth.disable_user(admin.db, admin.actor, admin.vault, "ana")
    with admin.db.read() as session:  # the session goes on with the key it has
        assert session.scalar(text("SELECT count(*) FROM users")) == 4
    admin.db.dispose()
    auth.sign_in(app_paths, "sofia", PASSWORD).db.dispose()  # still full: signs in all the same
    assert keyfile.KeyFile.load(app_paths.keys).pending
    monkeypatch.setattr(engine.Database, "rekey", real)
    auth.sign_in(app_paths, "sofia", PASSWORD).db.dispose()  # space again: the re-key is done
    assert not keyfile.KeyFile.load(app_paths.keys).pending
    assert not opens(app_paths, before, "user:ana", PASSWORD)


def test_an_attempt_that_cannot_be_recorded_is_refused_unchecked(office, monkeypatch):
    app_paths, _ = office

    def full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(keyfile.os, "fsync", full)
    for password in (PASSWORD, "no-es-la-clave"):  # the right one too: no answer uncounted
        with pytest.raises(auth.SignInFailed, match="No se pudo registrar el intento"):
            auth.sign_in(app_paths, "sofia", password)
    monkeypatch.undo()
    assert not list(app_paths.data_dir.glob("*.tmp"))
    auth.sign_in(app_paths, "sofia", PASSWORD).db.dispose()


def edit(app_paths, change) -> None:
    data = json.loads(app_paths.keys.read_text())
    change(data)
    app_paths.keys.write_text(json.dumps(data))


def alarm_fields(signed) -> list[str]:
    with signed.db.read() as session:
        found = session.scalars(select(AuditEntry.changes)
                                .where(AuditEntry.action == "llaves_alteradas")).all()  # fmt: skip
    return sorted({f for changes in found for f in json.loads(changes)["campos"]})


def lock_sofia(app_paths, clock):
    for _ in range(5):
        with pytest.raises(auth.SignInFailed):
            auth.sign_in(app_paths, "sofia", "mal", now=clock)


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


def test_a_lockout_edited_out_of_the_sealed_state_is_named_to_the_administrator(office):
    app_paths, _ = office
    clock = Clock()
    lock_sofia(app_paths, clock)
    auth.sign_in(app_paths, "ana", PASSWORD, now=clock).db.dispose()  # seals sofia's lockout
    assert keyfile.KeyFile.load(app_paths.keys).data["lockout"]["locked_until"]
    edit(app_paths, lambda d: d["lockout"].update(locked_until={}, streak={}))
    auth.sign_in(app_paths, "sofia", PASSWORD, now=clock).db.dispose()  # cannot be prevented…
    admin = auth.sign_in(app_paths, "admin", PASSWORD, now=clock)  # …but is caught and shown
    assert alarm_fields(admin) == ["lockout"]
    assert admin.alarms and "archivo de llaves" in admin.alarms[0]
    admin.db.dispose()
    later = auth.sign_in(app_paths, "admin", PASSWORD, now=clock)
    assert later.alarms == []  # shown once; the audit log keeps it
    later.db.dispose()


def test_failures_removed_from_the_log_or_an_old_key_file_are_caught(office, tmp_path):
    app_paths, _ = office
    clock = Clock()
    lock_sofia(app_paths, clock)
    edit(app_paths, lambda d: d["attempts"].pop(2))  # one attempt cut out of the middle
    admin = auth.sign_in(app_paths, "admin", PASSWORD, now=clock)
    assert alarm_fields(admin) == ["intentos"]
    admin.db.dispose()
    stale = old_copy(app_paths, tmp_path)
    auth.sign_in(app_paths, "ana", PASSWORD, now=clock).db.dispose()
    app_paths.keys.write_bytes(stale.read_bytes())  # the key file of before that sign-in
    admin = auth.sign_in(app_paths, "admin", PASSWORD, now=clock)
    assert "contador" in alarm_fields(admin)
    admin.db.dispose()


def test_a_forged_clear_of_the_streak_is_caught(office):
    app_paths, _ = office
    clock = Clock()
    for _ in range(4):
        with pytest.raises(auth.SignInFailed):
            auth.sign_in(app_paths, "sofia", "mal", now=clock)
    n = len(json.loads(app_paths.keys.read_text())["attempts"])
    forged = {"n": n + 1, "user": "user:sofia", "at": clock.now.isoformat(), "clears": None,
              "mac": "0" * 64}  # fmt: skip
    edit(app_paths, lambda d: d["attempts"].append(forged))
    admin = auth.sign_in(app_paths, "admin", PASSWORD, now=clock)
    assert alarm_fields(admin) == ["intentos"]
    admin.db.dispose()


def test_a_lock_runs_out_and_failures_are_audited_once(office):
    app_paths, _ = office
    clock = Clock()
    lock_sofia(app_paths, clock)
    clock.now += timedelta(minutes=16)
    signed = auth.sign_in(app_paths, "sofia", PASSWORD, now=clock)
    signed.db.dispose()
    admin = auth.sign_in(app_paths, "admin", PASSWORD, now=clock)
    with admin.db.read() as session:
        failed = session.scalars(select(AuditEntry).where(AuditEntry.action == "acceso_fallido"))
        assert len(failed.all()) == 5
    assert alarm_fields(admin) == []
    admin.db.dispose()


# --- the office key ----------------------------------------------------------------------------


def test_the_office_key_is_for_supervisors_and_administrators_only(office):
    app_paths, code = office
    public = auth.office_public_key(app_paths)
    assert public is not None and len(public) == 32
    for username in ("admin", "sofia"):
        signed = auth.sign_in(app_paths, username, PASSWORD)
        signature = sign(signed.vault.signing_key, {"mes": "2026-03"})
        assert verify(public, {"mes": "2026-03"}, signature)
        with signed.db.read() as session:
            assert session.scalars(select(Office)).one().public_key == public
        signed.db.dispose()
    ana = auth.sign_in(app_paths, "ana", PASSWORD)
    assert ana.vault.signing_key is None
    ana.db.dispose()
    opened = keyfile.KeyFile.load(app_paths.keys).open_entry("user:ana", PASSWORD)
    assert opened is not None and opened.signing_key is None  # not in her entry at all
    assert keyfile.KeyFile.load(app_paths.keys).open_entry(keyfile.RECOVERY, code).signing_key


def test_a_stored_public_key_that_does_not_match_raises_an_alarm(office):
    app_paths, _ = office
    admin = auth.sign_in(app_paths, "admin", PASSWORD)
    with admin.db.write() as session:
        session.scalars(select(Office)).one().public_key = public_bytes(new_private_key())
    admin.db.dispose()
    sofia = auth.sign_in(app_paths, "sofia", PASSWORD)
    assert "llave_de_oficina_distinta" in actions(sofia)
    sofia.db.dispose()


# --- offices set up before version 2 ------------------------------------------------------------


def make_version_1(app_paths) -> None:
    """Turn the office's key file into the format of before (the password wraps the database
    key itself), and forget the office key, as an office set up before this change."""
    import base64
    import hashlib
    import hmac
    import secrets

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    data = json.loads(app_paths.keys.read_text())
    key = keyfile.KeyFile.load(app_paths.keys).unwrap("user:admin", PASSWORD)
    entries = {}
    for name in data["entries"]:
        secret = PASSWORD if name.startswith("user:") else CODE[0]
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kdf = {"t": 1, "m": 1024, "p": 1}
        derived = keyfile._argon2(secret, salt, kdf)
        entries[name] = {"kdf": {"name": "argon2id", **kdf,
                                 "salt": base64.b64encode(salt).decode()},
                         "nonce": base64.b64encode(nonce).decode(),
                         "wrapped": base64.b64encode(AESGCM(derived).encrypt(
                             nonce, key, name.encode())).decode()}  # fmt: skip
    mac_key = hashlib.sha256(b"frontera-desk key file seal" + key).digest()
    mac = hmac.new(mac_key, json.dumps(entries, sort_keys=True).encode(), hashlib.sha256)
    old = {"format": keyfile.FORMAT, "version": 1, "encrypted": True, "demo": False,
           "entries": entries, "mac": mac.hexdigest(), "failures": {}, "streak": {},
           "locked_until": {}}  # fmt: skip
    app_paths.keys.write_text(json.dumps(old))
    from frontera_desk.db import open_database

    db = open_database(app_paths.database, None, key)
    with db.write() as session:
        session.scalars(select(Office)).one().public_key = None
    db.dispose()


CODE: list[str] = []


def test_an_office_of_before_is_migrated_at_each_sign_in_and_gets_its_office_key(office):
    app_paths, code = office
    CODE[:] = [code]
    make_version_1(app_paths)
    assert auth.office_public_key(app_paths) is None
    ana = auth.sign_in(app_paths, "ana", PASSWORD)  # a caseworker: migrated, no office key
    assert ana.vault.signing_key is None and "llaves_alteradas" not in actions(ana)
    ana.db.dispose()
    keys = keyfile.KeyFile.load(app_paths.keys)
    assert not keys.is_legacy("user:ana") and keys.is_legacy("user:sofia")
    assert auth.office_public_key(app_paths) is None
    sofia = auth.sign_in(app_paths, "sofia", PASSWORD)  # the first supervisor: the office key
    public = auth.office_public_key(app_paths)
    assert public is not None and public_bytes(sofia.vault.signing_key) == public
    with sofia.db.read() as session:
        assert session.scalars(select(Office)).one().public_key == public
    assert "crear_llave_de_oficina" in actions(sofia)
    sofia.db.dispose()
    auth.sign_in(app_paths, "admin", PASSWORD).db.dispose()  # migrated, after sofia
    auth.sign_in(app_paths, "sofia", PASSWORD).db.dispose()  # sofia seals it for admin
    admin = auth.sign_in(app_paths, "admin", PASSWORD)
    assert public_bytes(admin.vault.signing_key) == public
    admin.db.dispose()


def test_a_rekey_names_the_accounts_of_before_and_replaces_an_old_recovery_code(office):
    app_paths, code = office
    CODE[:] = [code]
    make_version_1(app_paths)
    admin = auth.sign_in(app_paths, "admin", PASSWORD)
    result = auth.disable_user(admin.db, admin.actor, admin.vault, "ana")
    admin.db.dispose()
    assert result.needs_reset == ["sofia"]  # never signed in since: no way to carry it over
    assert result.recovery_code and result.recovery_code != code
    assert "sofia" in auth.rekey_message(result) and result.recovery_code in auth.rekey_message(
        result)  # fmt: skip
    with pytest.raises(auth.SignInFailed):
        auth.recover(app_paths, code, "admin", NEW)
    signed = auth.recover(app_paths, result.recovery_code, "sofia", NEW)
    assert signed.vault.signing_key is not None  # the new code holds the office key
    signed.db.dispose()


def test_a_rekey_killed_inside_sqlciphers_rekey_leaves_an_office_that_opens(office, tmp_path):
    """SIGKILL while ``PRAGMA rekey`` rewrites the file (20 MB here), at several moments."""
    import random
    import signal
    import time

    app_paths, _ = office
    admin = auth.sign_in(app_paths, "admin", PASSWORD)
    with admin.db.write() as session:
        session.execute(text("CREATE TABLE relleno (datos BLOB)"))
        for _ in range(200):
            session.execute(text("INSERT INTO relleno VALUES (randomblob(100000))"))
    admin.db.dispose()
    rng = random.Random(19)
    env = {**os.environ, "PYTHONPATH": str(Path.cwd()), keyfile.ENV_CRASH: "trace"}
    password = PASSWORD
    for round_ in range(4):
        new = f"{NEW}-{round_}"
        command = [sys.executable, "-c", REKEY, str(app_paths.data_dir), PASSWORD, "reset", new]
        run = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
        assert run.stderr.readline().strip() == "rekey:before-pending"
        assert run.stderr.readline().strip() == "rekey:pending"  # now inside PRAGMA rekey
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(run.pid, signal.SIGKILL)
        run.communicate()
        signed = auth.sign_in(app_paths, "admin", PASSWORD)  # opens, and finishes the re-key
        with signed.db.read() as session:
            assert session.scalar(text("PRAGMA integrity_check")) == "ok"
            assert session.scalar(text("SELECT count(*) FROM relleno")) == 200
        signed.db.dispose()
        auth.sign_in(app_paths, "sofia", new).db.dispose()  # the reset took, as its keys did
        password = new
    assert password != PASSWORD
