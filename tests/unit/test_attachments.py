"""The attachment store: encrypted in the database, checked when opened, limited, typed."""

from __future__ import annotations

import struct
import zlib
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, update

from frontera_desk import paths
from frontera_desk.db.models import Attachment, AttachmentKey
from frontera_desk.domain.enums import Role, Sex
from frontera_desk.domain.errors import FronteraError, PermissionDenied, ValidationError
from frontera_desk.services import attachments, auth, office, people
from frontera_desk.services.attachments import Owner, OwnerType
from frontera_desk.services.people import PersonInput
from tests.conftest import TODAY

MARKER = b"MARCADOR-ACTA-DEFUNCION-7Q2X"


def png(extra: bytes = b"", size: int = 0) -> bytes:
    """A valid 1x1 PNG; ``extra`` goes into a text chunk, ``size`` pads it to about that many
    bytes (a scan's weight)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))  # fmt: skip

    body = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
    body += chunk(b"tEXt", b"Comment\x00" + extra + b"x" * max(0, size - 100))
    body += chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


@pytest.fixture
def person(db, actors):
    with db.write() as session:
        return people.create_person(
            session, actors[Role.CAPTURISTA],
            PersonInput("Rosa", "Mejía", "Cruz", Sex.FEMALE, date(1985, 2, 1)), today=TODAY,
        )  # fmt: skip


def test_attach_then_open_gives_back_the_same_bytes(db, actors, person):
    owner = Owner(OwnerType.PERSON, person.id)
    data = png(MARKER, 50_000)
    with db.write() as session:
        info = attachments.attach(session, actors[Role.CAPTURISTA], owner, "identificacion",
                                  r"C:\fotos\ine.png", data)  # fmt: skip
    assert (info.original_name, info.media_type, info.size) == ("ine.png", "image/png", len(data))
    assert info.created_by == "Ana" and info.available
    with db.write() as session:
        assert attachments.open_attachment(session, actors[Role.SUPERVISOR], info.id) == data
        assert [a.id for a in attachments.list_attachments(session, owner)] == [info.id]
        stored = session.scalars(select(Attachment)).one()
        assert MARKER not in stored.content and len(stored.wrapped_key) == 12 + 32 + 16


def test_the_audit_says_who_attached_and_opened_without_the_file_or_its_name(db, actors, person):
    from frontera_desk.db.models import AuditEntry

    owner = Owner(OwnerType.PERSON, person.id)
    with db.write() as session:
        info = attachments.attach(session, actors[Role.CAPTURISTA], owner, "identificacion",
                                  "pasaporte-rosa-mejia.png", png(MARKER))  # fmt: skip
        attachments.open_attachment(session, actors[Role.CAPTURISTA], info.id)
    with db.read() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.entity == "adjunto")).all()
    assert [r.action for r in rows] == ["adjuntar", "abrir"]
    assert all("rosa" not in (r.changes or "").lower() for r in rows)


def test_a_changed_byte_in_the_database_is_refused_on_open(db, actors, person):
    owner = Owner(OwnerType.PERSON, person.id)
    with db.write() as session:
        info = attachments.attach(session, actors[Role.CAPTURISTA], owner, "identificacion",
                                  "ine.png", png())  # fmt: skip
    for column in ("content", "wrapped_key"):
        with db.write() as session:
            original = session.scalar(select(getattr(Attachment, column)))
            changed = original[:20] + bytes([original[20] ^ 1]) + original[21:]
            session.execute(update(Attachment).values({column: changed}))
        with db.read() as session, pytest.raises(FronteraError, match="alterado o está dañado"):
            attachments.open_attachment(session, actors[Role.CAPTURISTA], info.id)
        with db.write() as session:
            session.execute(update(Attachment).values({column: original}))
    with db.write() as session:  # the recorded hash no longer matches what decrypts
        session.execute(update(Attachment).values(sha256="0" * 64))
    with db.read() as session, pytest.raises(FronteraError, match="alterado o está dañado"):
        attachments.open_attachment(session, actors[Role.CAPTURISTA], info.id)


def test_types_are_recognized_by_their_bytes_not_their_name(db, actors, person):
    owner = Owner(OwnerType.PERSON, person.id)
    cases = {
        "acta.jpg": (b"\xff\xd8\xff\xe0" + b"\x00" * 100, "image/jpeg"),
        "receta.pdf": (b"%PDF-1.7\n" + b"0" * 100, "application/pdf"),
        "factura.xml": (b'\xef\xbb\xbf<?xml version="1.0"?><cfdi:Comprobante/>', "application/xml"),
        "foto.jpg": (png(), "image/png"),  # a PNG named .jpg is a PNG
    }
    with db.write() as session:
        for name, (data, expected) in cases.items():
            info = attachments.attach(session, actors[Role.CAPTURISTA], owner, "otro", name, data)
            assert info.media_type == expected, name
    refused = {
        "acta.pdf": (b"MZ\x90\x00" + b"\x00" * 200, "es un programa"),
        "foto.jpg": (b"\x7fELF\x02\x01\x01" + b"\x00" * 200, "es un programa"),
        "scan.png": (b"PK\x03\x04" + b"\x00" * 200, "archivo comprimido"),
        "IMG_0001.jpg": (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "HEIC"),
        "nota.txt": (b"hola, esto es texto", "no es JPEG, PNG, PDF ni XML"),
        "vacio.pdf": (b"", "vacío"),
    }
    for name, (data, message) in refused.items():
        with pytest.raises(ValidationError, match=message), db.write() as session:
            attachments.attach(session, actors[Role.CAPTURISTA], owner, "otro", name, data)
    with db.read() as session:
        assert len(attachments.list_attachments(session, owner)) == len(cases)  # none half-saved


def test_a_200_mb_photo_is_refused_before_it_is_read(db, actors, person, tmp_path, monkeypatch):
    huge = tmp_path / "foto.jpg"
    with open(huge, "wb") as out:  # sparse: 200 MB on paper, nothing on disk
        out.write(b"\xff\xd8\xff\xe0")
        out.truncate(200 * 1024 * 1024)
    read = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or b"")
    too_big = r"pesa 200.0 MB; el máximo por archivo es 20 MB"
    with pytest.raises(ValidationError, match=too_big), db.write() as session:
        attachments.attach_file(session, actors[Role.CAPTURISTA],
                                Owner(OwnerType.PERSON, person.id), "otro", huge)  # fmt: skip
    assert read == []


def test_limits_per_file_and_per_support_come_from_the_settings(db, actors, person):
    from frontera_desk.services import supports
    from frontera_desk.services.supports import SupportInput

    with db.write() as session:
        despensa = next(t for t in supports.support_types(session) if t.code == "DESPENSA")
        data = SupportInput(person.id, despensa.id, "Despensa", 50_000, "Abarrotes", TODAY)
        support = supports.request_support(session, actors[Role.CAPTURISTA], data, today=TODAY)
        settings = replace(office.get_settings(session), attachment_max_mb=1,
                           attachments_per_support=2, attachments_support_mb=1)  # fmt: skip
        office.update_settings(session, actors[Role.ADMINISTRADOR], settings)
    owner = Owner(OwnerType.SUPPORT, support.id)
    caseworker = actors[Role.CAPTURISTA]
    with pytest.raises(ValidationError, match="máximo por archivo es 1 MB"), db.write() as s:
        attachments.attach(s, caseworker, owner, "otro", "grande.png", png(size=1_100_000))
    with db.write() as session:
        attachments.attach(session, caseworker, owner, "otro", "a.png", png(size=600_000))
    with pytest.raises(ValidationError, match="pasarían de 1 MB en total"), db.write() as s:
        attachments.attach(s, caseworker, owner, "otro", "b.png", png(size=600_000))
    with db.write() as session:
        attachments.attach(session, caseworker, owner, "otro", "b.png", png())
    full = "Ya hay 2 archivos adjuntos en el apoyo"
    with pytest.raises(ValidationError, match=full), db.write() as session:
        attachments.attach(session, caseworker, owner, "otro", "c.png", png())
    with pytest.raises(ValidationError, match="de 1 a 50 MB"), db.write() as session:
        office.update_settings(
            session, actors[Role.ADMINISTRADOR], replace(settings, attachment_max_mb=60)
        )


def test_permissions_follow_the_owner(db, actors, person):
    owner = Owner(OwnerType.PERSON, person.id)
    with db.write() as session:
        info = attachments.attach(session, actors[Role.CAPTURISTA], owner, "otro", "a.png", png())
    # an administrator manages the office, not people's files
    with pytest.raises(PermissionDenied), db.read() as session:
        attachments.open_attachment(session, actors[Role.ADMINISTRADOR], info.id)
    with pytest.raises(PermissionDenied), db.write() as session:
        attachments.attach(session, actors[Role.ADMINISTRADOR], owner, "otro", "b.png", png())


def test_a_removed_file_keeps_its_trace_but_not_its_bytes(db, actors, person):
    owner = Owner(OwnerType.PERSON, person.id)
    with db.write() as session:
        info = attachments.attach(session, actors[Role.CAPTURISTA], owner, "otro", "a.png", png())
    with pytest.raises(ValidationError, match="Motivo"), db.write() as session:
        attachments.remove(session, actors[Role.CAPTURISTA], info.id, "  ")
    with db.write() as session:
        removed = attachments.remove(session, actors[Role.CAPTURISTA], info.id, "Foto borrosa")
        assert removed.erased and not attachments.list_attachments(session, owner)
        assert session.get(Attachment, info.id).content is None
    with pytest.raises(FronteraError, match="fue borrado"), db.read() as session:
        attachments.open_attachment(session, actors[Role.CAPTURISTA], info.id)


def test_without_the_database_key_nothing_opens(db, actors, person):
    owner = Owner(OwnerType.PERSON, person.id)
    with db.write() as session:
        info = attachments.attach(session, actors[Role.CAPTURISTA], owner, "otro", "a.png", png())
    db.vault_key = bytes(32)  # another office's key, an old key file's
    with pytest.raises(FronteraError, match="no corresponde"), db.read() as session:
        attachments.open_attachment(session, actors[Role.CAPTURISTA], info.id)


# --- a real office: sign-in, re-key, data folder -------------------------------------------------


@pytest.fixture
def signed_office(tmp_path, cheap_kdf, request):
    if getattr(request, "param", False):
        request.getfixturevalue("monkeypatch").setenv(auth.ENV_PLAINTEXT, "1")
    app_paths = paths.resolve(tmp_path / "datos")
    made = auth.setup(app_paths, "TAP", "Oficina Tapachula", "admin", "Admin", "contrasena-1")
    with made.signed_in.db.write() as session:
        auth.add_user(session, made.signed_in.actor, made.signed_in.vault, "sofia", "Sofía",
                      Role.SUPERVISOR, "contrasena-2")  # fmt: skip
        auth.add_user(session, made.signed_in.actor, made.signed_in.vault, "ana", "Ana",
                      Role.CAPTURISTA, "contrasena-3")  # fmt: skip
    made.signed_in.vault.seal()
    made.signed_in.db.dispose()
    return app_paths


@pytest.mark.parametrize("signed_office", [False, True], ids=["sqlcipher", "plaintext-db"],
                         indirect=True)  # fmt: skip
def test_the_data_folder_holds_no_readable_scan(signed_office):
    """Even on an unencrypted development database, the scan is encrypted by the store."""
    signed = auth.sign_in(signed_office, "sofia", "contrasena-2")
    with signed.db.write() as session:
        person = people.create_person(session, signed.actor, PersonInput(
            "Rosa", "Mejía", "", Sex.FEMALE, date(1985, 2, 1)), today=TODAY)  # fmt: skip
        info = attachments.attach(session, signed.actor, Owner(OwnerType.PERSON, person.id),
                                  "identificacion", "acta.png", png(MARKER, 300_000))  # fmt: skip

    def readable() -> list[Path]:
        return [f for f in signed_office.data_dir.rglob("*") if f.is_file()
                and MARKER in f.read_bytes()]  # fmt: skip

    assert readable() == []  # the WAL included, while the database is open
    with signed.db.read() as session:
        assert MARKER in attachments.open_attachment(session, signed.actor, info.id)
    signed.db.dispose()
    assert readable() == []


def test_a_rekey_keeps_every_attachment_readable(signed_office):
    signed = auth.sign_in(signed_office, "sofia", "contrasena-2")
    with signed.db.write() as session:
        person = people.create_person(session, signed.actor, PersonInput(
            "Rosa", "Mejía", "", Sex.FEMALE, date(1985, 2, 1)), today=TODAY)  # fmt: skip
        info = attachments.attach(session, signed.actor, Owner(OwnerType.PERSON, person.id),
                                  "otro", "a.png", png(MARKER))  # fmt: skip
        before = session.scalars(select(AttachmentKey.key_check)).all()
    signed.db.dispose()
    admin = auth.sign_in(signed_office, "admin", "contrasena-1")
    assert auth.disable_user(admin.db, admin.actor, admin.vault, "ana").rekeyed
    admin.db.dispose()
    signed = auth.sign_in(signed_office, "sofia", "contrasena-2")
    with signed.db.read() as session:
        assert MARKER in attachments.open_attachment(session, signed.actor, info.id)
        after = session.scalars(select(AttachmentKey.key_check)).all()
    signed.db.dispose()
    assert len(after) == 1 and after != before  # wrapped under the new key only
