"""Restore (issue 19): only the office's administrator, another office only when named, an audit
entry that says what was replaced, hostile backups refused in one line before unpacking, and
owner-only files."""

import base64
import hashlib
import json
import os
import shutil
import stat
import tempfile
import zipfile

import pytest
from sqlalchemy import func, select

from frontera_desk import paths
from frontera_desk.db import open_database
from frontera_desk.db.models import AuditEntry
from frontera_desk.domain.errors import FronteraError, PermissionDenied
from frontera_desk.services import audit, auth, backup
from frontera_desk.services.demo import create_demo_dir

pytestmark = [pytest.mark.usefixtures("cheap_kdf"), pytest.mark.sqlite_only]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    app_paths = paths.resolve(tmp_path_factory.mktemp("demo") / "datos")
    create_demo_dir(app_paths, persons=20, months=1, seed=3)
    return app_paths


@pytest.fixture(scope="module")
def made(demo, tmp_path_factory):
    """A backup of the demo office (TAP), made by its administrator."""
    signed = auth.sign_in(demo, "admin", "demo")
    info = backup.create_backup(demo, signed.db, tmp_path_factory.mktemp("usb"))
    signed.db.dispose()
    return info.path


@pytest.fixture
def office(demo, tmp_path):
    """A copy of the demo office to restore over."""
    work = paths.resolve(tmp_path / "office")
    shutil.copytree(demo.data_dir, work.data_dir)
    return work


def chain(app_paths):
    """(head, length) of the office's audit chain, read without signing in."""
    _, key = auth.unlock(app_paths, "admin", "demo")
    db = open_database(app_paths.database, app_paths.backup_dir, key)
    with db.read() as session:
        found = audit.head(session), session.scalar(select(func.count(AuditEntry.id)))
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        entry = (last.action, json.loads(last.changes or "null"))
    db.dispose()
    return found, entry


def other_office(tmp_path, code, **kw):
    """An office set up elsewhere, with the same administrator name and password."""
    elsewhere = paths.resolve(tmp_path / f"otra-{code}")
    signed = auth.setup(elsewhere, code, "Otra oficina", "admin", "Admin", "demo",
                        check_admin_password=False, **kw).signed_in  # fmt: skip
    info = backup.create_backup(elsewhere, signed.db, tmp_path / f"usb-{code}")
    signed.db.dispose()
    return info.path


@pytest.mark.parametrize("username", ["supervisor", "capturista"])
def test_only_an_administrator_of_the_office_may_restore_it(office, made, username):
    (head, length), _ = chain(office)
    with pytest.raises(PermissionDenied, match="no permite restaurar"):
        backup.restore_backup(office, made, username, "demo")
    (_, after), (action, changes) = chain(office)
    # nothing replaced; the refusal is in the office's own log (after the sign-in)
    assert after == length + 2 and action == "denegado" and changes == {"accion": "restore"}
    assert not any(p.name.startswith(("antes-de", ".")) for p in office.data_dir.iterdir())


def test_a_disabled_administrator_cannot_restore(office, made):
    signed = auth.sign_in(office, "admin", "demo")
    with signed.db.write() as session:
        auth.add_user(session, signed.actor, signed.vault, "admin2", "Otra Admin",
                      "administrador", "clave-segura-2")  # fmt: skip
    auth.disable_user(signed.db, signed.actor, signed.vault, "admin2")
    signed.db.dispose()
    with pytest.raises(auth.SignInFailed):
        backup.restore_backup(office, made, "admin2", "clave-segura-2")


def test_the_backup_of_another_office_needs_the_current_office_code(office, tmp_path):
    foreign = other_office(tmp_path, "ARR")
    (head, length), _ = chain(office)
    with pytest.raises(backup.OtherOffice, match=r"de la oficina ARR, no de esta \(TAP\)") as e:
        backup.restore_backup(office, foreign, "admin", "demo")
    assert e.value.expected == "TAP"
    with pytest.raises(FronteraError, match="no es la de esta oficina"):
        backup.restore_backup(office, foreign, "admin", "demo", replace_office="ARR")
    (_, length), _ = chain(office)  # after the two refused attempts' sign-ins
    done = backup.restore_backup(office, foreign, "admin", "demo", replace_office="tap")
    assert done.replaced == "TAP" and (done.aside / "frontera.db").exists()
    _, (action, changes) = chain(office)
    assert action == "restaurar_respaldo"
    assert changes["archivo"] == foreign.name and changes["oficina"] == "ARR"
    assert changes["usuario"] == "admin" and changes["revision"] and changes["creado"]
    replaced = changes["cadena_reemplazada"]
    # the chain it replaced, as it was after the sign-in that preceded the swap
    assert replaced["oficina"] == "TAP" and replaced["registros"] == length + 1
    assert replaced["cabeza"] != head and len(replaced["cabeza"]) == 64


def test_an_office_with_the_same_code_but_another_identity_is_another_office(office, tmp_path):
    forged = other_office(tmp_path, "TAP")
    with pytest.raises(backup.OtherOffice, match="otra oficina con la misma clave"):
        backup.restore_backup(office, forged, "admin", "demo")


def test_the_restore_entry_names_the_backup_and_the_chain_it_replaced(office, made):
    done = backup.restore_backup(office, made, "admin", "demo")
    assert done.replaced == "TAP" and done.manifest.office_uuid
    _, (action, changes) = chain(office)
    assert action == "restaurar_respaldo" and changes["archivo"] == made.name
    assert changes["cadena_reemplazada"]["registros"] > 0
    assert not office.restore_journal.exists()
    assert not any(p.name.startswith(".") for p in office.data_dir.iterdir())


def test_a_damaged_office_is_restored_with_its_own_key_file(office, made):
    data = bytearray(office.database.read_bytes())
    data[:4096] = b"\0" * 4096  # the header and first page: SQLCipher cannot read it
    office.database.write_bytes(bytes(data))
    with pytest.raises(auth.SignInFailed):  # the current key file still decides who may
        backup.restore_backup(office, made, "admin", "mala")
    with pytest.raises(PermissionDenied, match="sólo un administrador"):
        backup.restore_backup(office, made, "supervisor", "demo")
    done = backup.restore_backup(office, made, "admin", "demo")  # the same key: same office
    assert done.replaced is None and (done.aside / "frontera.db").exists()
    _, (action, changes) = chain(office)
    assert action == "restaurar_respaldo" and changes["cadena_reemplazada"] == "ilegible"


# --- hostile and unusable backups: one Spanish line, before anything is unpacked ---------------


def rewrite(source, target, manifest=None, keys=None, members=None):
    """A copy of a backup with its manifest or key file changed (JSON or raw bytes)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "manifest.json" and manifest is not None:
                data = manifest(json.loads(data)) if callable(manifest) else manifest
                data = data if isinstance(data, bytes) else json.dumps(data).encode()
            if item.filename == "frontera.keys" and keys is not None:
                data = keys(json.loads(data)) if callable(keys) else keys
                data = data if isinstance(data, bytes) else json.dumps(data).encode()
            dst.writestr(item, data)
        for name, data in (members or {}).items():
            dst.writestr(name, data)
    return target


def changed(**values):
    return lambda manifest: {**manifest, **values}


DEEP = b"[" * 100_000 + b"]" * 100_000

MANIFESTS = {
    "nested": DEEP,
    "a list": [1, 2],
    "version as text": changed(version="1"),
    "size as text": changed(database_size="mucho"),
    "huge size": changed(database_size=10**400),
    "infinite size": b'{"format": "frontera-desk-backup", "version": 1, "database_size": 1e999}',
    "files as a list": changed(files=["adjuntos/x"]),
    "office code as a number": changed(office_code=5),
    "a date without zone": changed(created_at="2026-01-01T00:00:00"),
    "not a date": changed(created_at="ayer"),
    "a hash of another shape": changed(database_sha256={"x": 1}),
    "missing fields": lambda m: {"format": m["format"], "version": 1},
    "not UTF-8": b"\xff\xfe\x00",
}


@pytest.mark.parametrize("case", MANIFESTS)
def test_a_malformed_manifest_is_refused_in_one_line(made, tmp_path, case):
    hostile = rewrite(made, tmp_path / "x.fdrespaldo", manifest=MANIFESTS[case])
    with pytest.raises(FronteraError) as refused:
        backup.read_manifest(hostile)
    assert "\n" not in refused.value.message and hostile.name in refused.value.message
    assert backup.list_backups(tmp_path) == []  # skipped, not a crash


def entry(change):
    def edit(keys):
        name = "user:admin"
        keys["entries"][name] = change(dict(keys["entries"][name], kdf=dict(
            keys["entries"][name]["kdf"])))  # fmt: skip
        return keys

    return edit


def kdf(**values):
    return entry(lambda e: {**e, "kdf": {**e["kdf"], **values}})


KEY_FILES = {
    "nested": DEEP,
    "entries as a list": lambda k: {**k, "entries": []},
    "huge time cost": kdf(t=2**40),
    "huge memory": kdf(m=2**40),
    "zero parallelism": kdf(p=0),
    "memory below argon2's minimum": kdf(m=1, p=1),
    "time cost as text": kdf(t="3"),
    "short salt": kdf(salt=base64.b64encode(b"abc").decode()),
    "salt not base64": kdf(salt="¿¿¿"),
    "nonce as a number": entry(lambda e: {**e, "nonce": 12}),
    "entry as text": entry(lambda e: "x"),
    "not JSON": b"{llaves",
    "another format": lambda k: {**k, "format": "otro"},
}


@pytest.mark.parametrize("case", KEY_FILES)
def test_a_malformed_key_file_in_a_backup_is_refused_in_one_line(office, made, tmp_path, case):
    hostile = rewrite(made, tmp_path / "x.fdrespaldo", keys=KEY_FILES[case])
    for attempt in (
        lambda: backup.unlock_backup(hostile, "admin", "demo"),
        lambda: backup.restore_backup(office, hostile, "admin", "demo"),
    ):
        with pytest.raises(FronteraError) as refused:
            attempt()
        assert "\n" not in refused.value.message
    assert not any(p.name.startswith(("antes-de", ".")) for p in office.data_dir.iterdir())


def test_a_backup_of_a_newer_schema_is_refused_by_verify(office, made, tmp_path):
    newer = rewrite(made, tmp_path / "nuevo.fdrespaldo", manifest=changed(schema_revision="9999"))
    key, encrypted = backup.unlock_backup(newer, "admin", "demo")
    with pytest.raises(FronteraError, match="versión más nueva.*9999"):
        backup.verify_backup(newer, key, encrypted, work_dir=office.data_dir)
    with pytest.raises(FronteraError, match="versión más nueva"):
        backup.restore_backup(office, newer, "admin", "demo")


def test_a_backup_that_inflates_a_thousandfold_is_refused_without_unpacking(made, tmp_path):
    """1 MB on disk, 1 GiB declared: refused from the zip's directory alone."""
    bomb = tmp_path / "bomba.fdrespaldo"
    with (
        zipfile.ZipFile(made) as src,
        zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as dst,
    ):
        for item in src.infolist():
            dst.writestr(item.filename, src.read(item))
        block = bytes(1 << 20)
        with dst.open("adjuntos/" + "0" * 32, "w", force_zip64=True) as out:
            for _ in range(1024):
                out.write(block)
    assert bomb.stat().st_size < 10 * 1024**2
    with pytest.raises(FronteraError, match="compresión anómala"):
        backup.read_manifest(bomb)


# --- nothing of the office in the system's temporary folder; owner-only files -------------------


def test_verify_and_restore_leave_nothing_in_the_system_temporary_folder(
    office, made, tmp_path, monkeypatch
):
    system_tmp = tmp_path / "tmp-del-sistema"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    key, encrypted = backup.unlock_backup(made, "admin", "demo")
    backup.verify_backup(made, key, encrypted, work_dir=office.data_dir)
    backup.restore_backup(office, made, "admin", "demo")
    assert list(system_tmp.iterdir()) == []
    assert not any(p.name.startswith(".") for p in office.data_dir.iterdir())


def test_start_up_removes_a_staging_copy_a_crash_left_and_names_a_damaged_journal(office):
    from frontera_desk.cli import finish_restore

    staging = backup.private_dir(office.data_dir, backup.STAGING)
    (staging / "frontera.db").write_bytes(b"copia a medio desempacar")
    assert finish_restore(office) is None and not staging.exists()
    office.restore_journal.write_text('{"format": "frontera-desk-restore", "staging": "../x"}')
    with pytest.raises(FronteraError, match="diario de restauración .* está dañado"):
        finish_restore(office)
    from frontera_desk.instance import instance_lock

    with instance_lock(office), pytest.raises(FronteraError, match="Otro proceso está"):
        finish_restore(office)  # a restore under way elsewhere is left alone


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_office_files_are_its_owners_only(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "umask", os.umask)  # restored afterwards
    previous = os.umask(0o022)  # a usual desktop: new files readable by everyone
    try:
        office = paths.resolve(tmp_path / "datos")
        signed = auth.setup(office, "TAP", "Tapachula", "admin", "Admin", "clave-segura-1")
        db = signed.signed_in.db
        with db.read() as session:  # WAL files exist while a connection is open
            audit.head(session)
            wal = [p for p in office.data_dir.iterdir() if p.name.endswith(("-wal", "-shm"))]
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in wal}
        made = backup.create_backup(office, db)
        db.dispose()
        mode = lambda p: stat.S_IMODE(p.stat().st_mode)  # noqa: E731
        assert mode(office.data_dir) == mode(office.backup_dir) == 0o700
        assert mode(office.database) == mode(office.keys) == mode(made.path) == 0o600
        assert wal and set(modes.values()) == {0o600}
        # a folder made readable by an older version is tightened at the next start
        os.chmod(office.data_dir, 0o755)
        os.chmod(office.database, 0o644)
        office.create()
        assert mode(office.data_dir) == 0o700 and mode(office.database) == 0o600
        staging = backup.private_dir(office.data_dir, backup.STAGING)
        assert mode(staging) == 0o700
    finally:
        os.umask(previous)


def test_a_keys_hash_mismatch_is_still_caught(made, tmp_path):
    """A sound key file that is not the one the manifest names: altered."""
    edited = rewrite(made, tmp_path / "x.fdrespaldo", keys=lambda k: {**k, "demo": False})
    manifest = backup.read_manifest(edited)
    with zipfile.ZipFile(edited) as archive:
        digest = hashlib.sha256(archive.read("frontera.keys")).hexdigest()
    assert digest != manifest.keys_sha256
    key, encrypted = backup.unlock_backup(edited, "admin", "demo")
    with pytest.raises(FronteraError, match="alterado"):
        backup.verify_backup(edited, key, encrypted, work_dir=tmp_path)


def test_the_command_line_refuses_a_hostile_key_file_in_one_line(made, tmp_path):
    import subprocess
    import sys

    hostile = rewrite(made, tmp_path / "x.fdrespaldo", keys=DEEP)
    env = {k: v for k, v in os.environ.items() if not k.startswith("FRONTERA_DESK_")}
    result = subprocess.run(
        [sys.executable, "-m", "frontera_desk", "backup", "verify", str(hostile), "--data-dir",
         str(tmp_path / "datos")],
        capture_output=True, text=True, stdin=subprocess.DEVNULL,
        env={**env, "FRONTERA_DESK_USER": "admin", "FRONTERA_DESK_PASSWORD": "demo"},
    )  # fmt: skip
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "archivo de llaves dañado" in result.stderr and "inesperado" not in result.stderr
