"""Making and verifying a backup are use cases of the service (issue #21, item 1): the
permission is checked and the audit entry written there, once, whoever calls."""

import logging
import os

import pytest
from sqlalchemy import func, select

from frontera_desk import cli, paths
from frontera_desk.db.models import AuditEntry
from frontera_desk.domain.errors import FronteraError, PermissionDenied
from frontera_desk.services import auth, backup
from frontera_desk.services.demo import create_demo_dir

pytestmark = pytest.mark.usefixtures("cheap_kdf")


@pytest.fixture
def office(tmp_path):
    app_paths = paths.resolve(tmp_path / "datos")
    create_demo_dir(app_paths, persons=5, months=1, seed=3)
    return app_paths


def entries(app_paths, action):
    signed = auth.sign_in(app_paths, "admin", "demo")
    try:
        with signed.db.read() as session:
            return session.scalar(select(func.count()).where(AuditEntry.action == action))
    finally:
        signed.db.dispose()


def test_a_caseworker_may_not_make_or_verify_a_backup_and_the_refusal_is_audited(office, tmp_path):
    supervisor = auth.sign_in(office, "supervisor", "demo")
    made = backup.create(office, supervisor.db, supervisor.actor, tmp_path / "usb")
    supervisor.db.dispose()
    caseworker = auth.sign_in(office, "capturista", "demo")
    try:
        with pytest.raises(PermissionDenied, match="respaldar"):
            backup.create(office, caseworker.db, caseworker.actor, tmp_path / "otra")
        with pytest.raises(PermissionDenied):
            backup.verify(caseworker.db, caseworker.actor, made.path,
                          caseworker.vault.db_key, work_dir=tmp_path)  # fmt: skip
    finally:
        caseworker.db.dispose()
    assert not (tmp_path / "otra").exists()
    assert entries(office, "denegado") == 2
    assert entries(office, "crear_respaldo") == 1 and entries(office, "verificar_respaldo") == 0


def run_cli(argv):
    """cli.main in this process; the log file it opened closed after it."""
    root = logging.getLogger()
    before = root.handlers[:]
    try:
        return cli.main(argv)
    finally:
        for handler in root.handlers:
            if handler not in before:
                handler.close()
        root.handlers[:] = before


def test_the_cli_backup_is_audited_once_by_the_service(office, tmp_path, monkeypatch):
    monkeypatch.setenv("FRONTERA_DESK_USER", "supervisor")
    monkeypatch.setenv("FRONTERA_DESK_PASSWORD", "demo")
    folder = tmp_path / "usb"
    argv = ["backup", "create", "-o", f"{folder}/", "--data-dir", str(office.data_dir)]
    assert run_cli(argv) == 0
    assert entries(office, "crear_respaldo") == 1
    monkeypatch.setenv("FRONTERA_DESK_USER", "capturista")
    assert run_cli(argv) == 1  # refused, in one line, by the service
    assert len(os.listdir(folder)) == 1 and entries(office, "crear_respaldo") == 1


def test_verifying_a_backup_is_audited_with_its_outcome(office, tmp_path):
    signed = auth.sign_in(office, "supervisor", "demo")
    try:
        made = backup.create(office, signed.db, signed.actor, tmp_path / "usb")
        manifest = backup.verify(signed.db, signed.actor, made.path, signed.vault.db_key,
                                 work_dir=tmp_path)  # fmt: skip
        assert manifest.office_code == made.manifest.office_code
        broken = tmp_path / "roto.fdrespaldo"
        broken.write_bytes(b"no es un respaldo")
        with pytest.raises(FronteraError):
            backup.verify(signed.db, signed.actor, broken, signed.vault.db_key, work_dir=tmp_path)
    finally:
        signed.db.dispose()
    assert entries(office, "verificar_respaldo") == 2
