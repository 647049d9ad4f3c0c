"""Backups: round trip, refusal of tampered or broken files, rotation, restore safety."""

import shutil
import zipfile
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import MetaData, select

from frontera_desk import paths
from frontera_desk.db import open_database
from frontera_desk.domain.errors import FronteraError
from frontera_desk.services import auth, backup
from frontera_desk.services.demo import create_demo_dir

pytestmark = pytest.mark.usefixtures("cheap_kdf")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    app_paths = paths.resolve(tmp_path_factory.mktemp("demo") / "datos")
    create_demo_dir(app_paths, persons=40, months=2, seed=5)
    return app_paths


def dump(app_paths):
    """Every row of every table, to compare two databases (read without signing in: a
    sign-in would add an audit entry)."""
    _, key = auth.unlock(app_paths, "admin", "demo")
    db = open_database(app_paths.database, app_paths.backup_dir, key)
    meta = MetaData()
    with db.engine.connect() as conn:
        meta.reflect(conn)
        tables = {
            name: sorted(tuple(map(str, row)) for row in conn.execute(select(table)))
            for name, table in meta.tables.items()
            if not name.startswith("person_fts")
        }
    db.dispose()
    return tables


def test_backup_then_restore_gives_back_every_table(demo, tmp_path):
    signed = auth.sign_in(demo, "admin", "demo")
    before_backup = dump(demo)
    made = backup.create_backup(demo, signed.db, tmp_path / "usb")
    signed.db.dispose()
    before = dump(demo)
    assert before == before_backup
    assert made.manifest.office_code == "TAP" and made.manifest.schema_revision
    manifest = backup.verify_backup(made.path, signed.vault.db_key, work_dir=tmp_path)
    assert manifest.database_sha256 == made.manifest.database_sha256
    # a dead laptop: restore into an empty folder on another machine
    fresh = paths.resolve(tmp_path / "nueva")
    assert backup.restore_backup(fresh, made.path, "admin", "demo").replaced is None
    restored = dump(fresh)
    assert dump(demo) == before
    log = restored.pop("audit_log")  # the backup's chain, and the restore at its end
    assert restored == {k: v for k, v in before.items() if k != "audit_log"}
    assert [row for row in log if row not in before["audit_log"]] == [
        next(row for row in log if "restaurar_respaldo" in row)
    ]


def test_restore_keeps_the_current_database_aside(demo, tmp_path):
    work = paths.resolve(tmp_path / "work")
    shutil.copytree(demo.data_dir, work.data_dir)
    signed = auth.sign_in(work, "admin", "demo")
    made = backup.create_backup(work, signed.db, tmp_path / "usb")
    signed.db.dispose()
    aside = backup.restore_backup(work, made.path, "admin", "demo").aside
    assert (
        aside is not None
        and (aside / "frontera.db").exists()
        and (aside / "frontera.keys").exists()
    )
    auth.sign_in(work, "admin", "demo").db.dispose()


def test_a_tampered_backup_is_refused_and_the_folder_is_untouched(demo, tmp_path):
    signed = auth.sign_in(demo, "admin", "demo")
    made = backup.create_backup(demo, signed.db, tmp_path / "usb")
    signed.db.dispose()
    tampered = tmp_path / "alterado.fdrespaldo"
    with zipfile.ZipFile(made.path) as src, zipfile.ZipFile(tampered, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "frontera.db":
                data = data[:5000] + bytes([data[5000] ^ 1]) + data[5001:]
            dst.writestr(item, data)
    work = paths.resolve(tmp_path / "work")
    shutil.copytree(demo.data_dir, work.data_dir)
    before = dump(work)
    with pytest.raises(FronteraError, match="alterado"):
        backup.restore_backup(work, tampered, "admin", "demo")
    after = dump(work)  # the same office; only its log says who signed in to restore
    assert set(before.pop("audit_log")) < set(after.pop("audit_log"))
    assert after == before
    assert not any(p.name.startswith(("antes-de-restaurar", ".")) for p in work.data_dir.iterdir())


def test_a_corrupt_database_inside_a_consistent_backup_is_refused(demo, tmp_path):
    """Hashes match (the copy was corrupt when made): the integrity check still catches it."""
    signed = auth.sign_in(demo, "admin", "demo")
    made = backup.create_backup(demo, signed.db, tmp_path / "usb")
    key = signed.vault.db_key
    signed.db.dispose()
    import hashlib
    import json

    broken = tmp_path / "roto.fdrespaldo"
    with zipfile.ZipFile(made.path) as src:
        manifest = json.loads(src.read("manifest.json"))
        data = bytearray(src.read("frontera.db"))
        data[8192 : 8192 + 100] = b"\0" * 100
        manifest["database_sha256"] = hashlib.sha256(bytes(data)).hexdigest()
        with zipfile.ZipFile(broken, "w") as dst:
            dst.writestr("manifest.json", json.dumps(manifest))
            dst.writestr("frontera.keys", src.read("frontera.keys"))
            dst.writestr("frontera.db", bytes(data))
    with pytest.raises(FronteraError, match="no es utilizable"):
        backup.verify_backup(broken, key, work_dir=tmp_path)


@pytest.mark.parametrize("content", [b"not a zip", b""])
def test_files_that_are_not_backups_are_refused(tmp_path, content):
    path = tmp_path / "x.fdrespaldo"
    path.write_bytes(content)
    with pytest.raises(FronteraError, match="no es un respaldo"):
        backup.read_manifest(path)


def test_a_zip_with_other_files_is_refused(tmp_path):
    path = tmp_path / "x.fdrespaldo"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("../../etc/passwd", "x")
    with pytest.raises(FronteraError, match="no es un respaldo"):
        backup.read_manifest(path)


def test_rotation_keeps_seven_days_and_twelve_months(demo, tmp_path):
    signed = auth.sign_in(demo, "admin", "demo")
    folder = tmp_path / "auto"
    start = datetime(2026, 11, 25, 18, tzinfo=UTC)
    for days_back in range(0, 400, 3):
        backup.create_backup(
            demo, signed.db, folder, automatic=True, now=start - timedelta(days=days_back)
        )
    manual = backup.create_backup(demo, signed.db, folder, now=start - timedelta(days=900))
    signed.db.dispose()
    backup.rotate(folder)
    kept = backup.list_backups(folder)
    automatic = [b for b in kept if b.path.name.startswith("auto-")]
    days = {b.created_at.date() for b in automatic}
    months = {b.created_at.strftime("%Y-%m") for b in automatic}
    assert len(days) <= 7 + 12 and len(months) == 12
    assert start.date() in days
    assert manual.path.exists()  # manual backups are never rotated away
    assert not backup.daily_backup_due(folder, start + timedelta(hours=2))
    assert backup.daily_backup_due(folder, start + timedelta(days=2))


def test_agreement_files_travel_with_the_backup(demo, tmp_path):
    from frontera_desk.services import agreements, attachments

    work = paths.resolve(tmp_path / "work")
    shutil.copytree(demo.data_dir, work.data_dir)
    scan = tmp_path / "firmado.pdf"
    scan.write_bytes(b"%PDF-1.4 convenio firmado")
    signed = auth.sign_in(work, "supervisor", "demo")
    with signed.db.write() as session:
        first = session.scalars(agreements.agreement_list().ids()).first()
        agreement = agreements.fetch_rows(session, [first])[first]
        record = agreements.attach_file(session, signed.actor, agreement.id, scan)
    made = backup.create_backup(work, signed.db, tmp_path / "usb")
    key = signed.vault.db_key
    signed.db.dispose()
    assert made.manifest.files == {}  # in the database now, not beside it
    fresh = paths.resolve(tmp_path / "nueva")
    backup.restore_backup(fresh, made.path, "admin", "demo")
    db = open_database(fresh.database, fresh.backup_dir, key)
    db.vault_key = key
    with db.read() as session:
        restored = attachments.open_attachment(session, signed.actor, record.files[-1].id)
    db.dispose()
    assert restored == scan.read_bytes()
