import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from frontera_desk.db import Database, open_database
from frontera_desk.db.migrate import alembic_config, current_revision, include_object
from frontera_desk.db.migrations import HEAD
from frontera_desk.db.models import Base
from frontera_desk.domain.errors import DatabaseError


def test_head_constant_matches_alembic():
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD


def test_upgrade_from_empty_reaches_head_with_wal_and_foreign_keys(app_paths):
    db = open_database(app_paths.database, app_paths.backup_dir)
    assert current_revision(db) == HEAD
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    db.dispose()


def test_models_and_migrations_do_not_drift(app_paths):
    db = open_database(app_paths.database, app_paths.backup_dir)
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": include_object, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []
    db.dispose()


def test_a_database_from_a_newer_version_is_refused_untouched(app_paths):
    open_database(app_paths.database, app_paths.backup_dir).dispose()
    with sqlite3.connect(app_paths.database) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = app_paths.database.read_bytes()
    with pytest.raises(DatabaseError, match="más nueva"):
        open_database(app_paths.database, app_paths.backup_dir)
    assert app_paths.database.read_bytes() == before


def test_upgrade_downgrade_roundtrip(app_paths):
    from alembic import command

    db = Database(f"sqlite:///{app_paths.database}")
    config = alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        command.downgrade(config, "base")
        command.upgrade(config, "head")
    assert current_revision(db) == HEAD
    db.dispose()


def test_agreement_files_move_into_the_encrypted_store(tmp_path, cheap_kdf):
    """An office of revision 0017 with two agreement files in ``adjuntos/``, one of them
    attached on another desk (not here): after the upgrade and a sign-in, the first is in
    the database, encrypted, and its loose copy gone; the other waits for its desk."""
    import hashlib
    from datetime import date

    from alembic import command
    from sqlalchemy import select, text

    from frontera_desk import paths
    from frontera_desk.db.engine import sqlite_url
    from frontera_desk.db.models import Attachment
    from frontera_desk.domain.enums import AgreementKind, OrganizationKind, Role
    from frontera_desk.services import agreements, attachments, auth

    app_paths = paths.resolve(tmp_path / "datos")
    made = auth.setup(app_paths, "TAP", "Oficina Tapachula", "admin", "Admin", "contrasena-1")
    signed = made.signed_in
    with signed.db.write() as session:
        auth.add_user(session, signed.actor, signed.vault, "sofia", "Sofía", Role.SUPERVISOR,
                      "contrasena-2")  # fmt: skip
    signed.vault.seal()
    signed.db.dispose()
    sofia = auth.sign_in(app_paths, "sofia", "contrasena-2")
    with sofia.db.write() as session:
        org = agreements.save_organization(session, sofia.actor, agreements.OrganizationInput(
            OrganizationKind.CIVIL, "Albergue Belén"))  # fmt: skip
        agreement = agreements.save_agreement(session, sofia.actor, agreements.AgreementInput(
            "Convenio de alimentos", AgreementKind.CONTRIBUTION, [org.id],
            signed_on=date(2026, 1, 10)))  # fmt: skip
    key = sofia.vault.db_key
    sofia.db.dispose()
    # back to 0017, as the previous version left it: rows in agreement_files, files beside
    old = Database(sqlite_url(app_paths.database), key)
    config = alembic_config()
    scan = b"%PDF-1.4 convenio firmado por ambas partes"
    app_paths.attachments.mkdir()
    (app_paths.attachments / ("a" * 32 + ".pdf")).write_bytes(scan)
    with old.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0017")
        for stored, name, data in (
            (("a" * 32 + ".pdf"), "firmado.pdf", scan),
            (("b" * 32 + ".jpg"), "foto.jpg", b"\xff\xd8\xff otra"),
        ):
            conn.execute(text(
                "INSERT INTO agreement_files (created_by_id, agreement_id, original_name, "
                "stored_name, sha256, size, description, uuid, created_at, updated_at, "
                "office_code) VALUES (2, :a, :n, :s, :h, :z, 'Firmado', :u, "
                "'2026-01-11 10:00:00', '2026-01-11 10:00:00', 'TAP')"),
                {"a": agreement.id, "n": name, "s": stored, "u": stored[:8] + "-uuid",
                 "h": hashlib.sha256(data).hexdigest(), "z": len(data)})  # fmt: skip
    assert current_revision(old) == "0017"
    old.dispose()

    sofia = auth.sign_in(app_paths, "sofia", "contrasena-2")  # upgrades, then moves the file
    assert not (app_paths.attachments / ("a" * 32 + ".pdf")).exists()
    with sofia.db.write() as session:
        assert current_revision(sofia.db) == HEAD
        files = agreements.get_agreement(session, agreement.id).files
        assert [(f.original_name, f.description) for f in files] == [
            ("firmado.pdf", "Firmado"), ("foto.jpg", "Firmado")]  # fmt: skip
        assert attachments.open_attachment(session, sofia.actor, files[0].id) == scan
        with pytest.raises(Exception, match="computadora que lo adjuntó"):
            attachments.open_attachment(session, sofia.actor, files[1].id)
        moved = session.scalars(select(Attachment).order_by(Attachment.id)).all()
        assert scan not in (moved[0].content or b"") and moved[0].legacy_name is None
        assert moved[1].legacy_name == "b" * 32 + ".jpg"
    sofia.db.dispose()
