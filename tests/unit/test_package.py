"""The monthly package: export at an office, enrollment, import and consolidation at
headquarters, and every kind of bad package rejected without touching the headquarters
database."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from frontera_desk import paths
from frontera_desk.db import open_database
from frontera_desk.db.models import AuditEntry, ReceivedFile, ReceivedPackage, User
from frontera_desk.domain.enums import Role
from frontera_desk.domain.errors import FronteraError, PermissionDenied
from frontera_desk.exchange import package as pkg
from frontera_desk.exchange import signing
from frontera_desk.services import months, office
from frontera_desk.services import packages as package
from frontera_desk.services.context import actor_for
from tests.unit.test_summary import LAST_MONTH, build_month

PERIOD = f"{LAST_MONTH.year:04d}-{LAST_MONTH.month:02d}"
KEYS: dict[str, object] = {}  # each test office's key, by its database
BY_PUBLIC: dict[str, object] = {}  # the same keys by their public half (to forge as the office)


def new_office(tmp_path: Path, code: str, is_hq: bool = False, is_demo: bool = False):
    tmp_path.mkdir(parents=True, exist_ok=True)
    app_paths = paths.resolve(tmp_path / code).create()
    database = open_database(app_paths.database, app_paths.backup_dir)
    with database.write() as session:
        office.initialize_office(session, code, f"Oficina {code}", is_hq=is_hq, is_demo=is_demo)
        for username, role in (("ana", Role.CAPTURISTA), ("sofia", Role.SUPERVISOR),
                               ("admin", Role.ADMINISTRADOR)):  # fmt: skip
            session.add(User(username=username, full_name=username.title(), role=role.value))
    with database.read() as session:
        ids = dict(session.execute(select(User.role, User.id)).all())
        actors = {Role(r): actor_for(session, i) for r, i in ids.items() if r != "sistema"}
    key = KEYS[str(database.engine.url)] = signing.new_private_key()
    BY_PUBLIC[signing.b64(signing.public_bytes(key))] = key
    return database, actors


def key_of(database):
    return KEYS[str(database.engine.url)]


def export(database, boss, target: Path) -> Path:
    with database.write() as session:
        return package.export_package(session, boss, LAST_MONTH.year, LAST_MONTH.month, target,
                                      key_of(database))  # fmt: skip


def card_of(database, actor) -> bytes:
    with database.read() as session:
        card = package.office_card(session, actor, key_of(database))
    return json.dumps(card).encode()


def close_last_month(database, boss) -> None:
    """Close the month before last (build_month delivers in it) and last month: months close in
    order within a year."""
    before = LAST_MONTH.replace(day=1) - timedelta(days=1)
    with database.write() as session:
        if (
            before.year == LAST_MONTH.year
            and not months.state(session, boss.office_code, before.year, before.month).closed
        ):
            months.close_month(session, boss, before.year, before.month)
        months.close_month(session, boss, LAST_MONTH.year, LAST_MONTH.month)


@pytest.fixture
def sent(tmp_path):
    """Two offices with last month built and closed, each with its package written."""
    out = {}
    for code in ("TAP", "ARR"):
        database, actors = new_office(tmp_path, code)
        build_month(database, actors, LAST_MONTH)
        boss = actors[Role.SUPERVISOR]
        close_last_month(database, boss)
        out[code] = (database, boss, export(database, boss, tmp_path / f"{code}.zip"))
    yield out
    for database, _, _ in out.values():
        database.dispose()


def enroll(hq, database, actor, reason: str = "", card: bytes | None = None) -> str:
    with hq[0].write() as session:
        return package.enroll_office(session, hq[2], card or card_of(database, actor),
                                     "oficina.oficina", reason)  # fmt: skip


@pytest.fixture
def hq(tmp_path, sent):
    """Headquarters with both offices of ``sent`` enrolled from their cards."""
    database, actors = new_office(tmp_path, "CEN", is_hq=True)
    place = (database, actors[Role.SUPERVISOR], actors[Role.ADMINISTRADOR])
    for office_db, boss, _ in sent.values():
        enroll(place, office_db, boss)
    yield place
    database.dispose()


def receive(hq, *files: Path) -> list[str]:
    database, boss = hq[0], hq[1]
    lines = []
    for file in files:
        with database.write() as session:
            lines.append(package.import_package(session, boss, file))
    return lines


def hq_state(hq) -> tuple:
    database = hq[0]
    with database.read() as session:
        rows = session.execute(
            select(ReceivedPackage.office_code, ReceivedPackage.revision,
                   ReceivedPackage.package_sha256, ReceivedPackage.received_at)
            .order_by(ReceivedPackage.office_code)
        ).all()  # fmt: skip
        return tuple(rows), session.scalar(select(func.count(AuditEntry.id)))


def consolidated(hq) -> dict:
    with hq[0].read() as session:
        return package.summary_document(session, LAST_MONTH.year, LAST_MONTH.month)


def test_the_package_holds_what_the_manifest_says_and_no_names(sent):
    with zipfile.ZipFile(sent["TAP"][2]) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
        blobs = {n: archive.read(n) for n in names}
    assert names == {"manifest.json", "resumen.json", "resumen.pdf", "resumen.xlsx"}
    assert manifest["format"] == "frontera-desk-monthly-package"
    assert (manifest["office"]["code"], manifest["period"], manifest["revision"]) == (
        "TAP", PERIOD, 1,
    )  # fmt: skip
    assert len(manifest["audit_chain_head"]) == 64 and manifest["app_version"]
    for name, entry in manifest["files"].items():
        assert hashlib.sha256(blobs[name]).hexdigest() == entry["sha256"]
    text = blobs["resumen.json"].decode()
    for name in ("Rosa", "Kevin", "Pierre", "Cruz"):
        assert name not in text


def test_export_needs_a_closed_month_and_an_office(tmp_path, hq):
    database, actors = new_office(tmp_path, "SUC")
    hq = (hq[0], hq[1])
    with pytest.raises(FronteraError, match="Cierre primero el mes"):
        export(database, actors[Role.SUPERVISOR], tmp_path / "x.zip")
    with pytest.raises(FronteraError, match="no los envía"), hq[0].write() as session:
        package.export_package(session, hq[1], 2026, 1, tmp_path / "y.zip",
                               signing.new_private_key())  # fmt: skip
    assert not (tmp_path / "x.zip").exists()
    database.dispose()


def test_an_import_at_a_fresh_hq_reproduces_the_office_figures(sent, hq):
    database, _, file = sent["TAP"]
    with database.read() as session:
        own = package.summary_document(session, LAST_MONTH.year, LAST_MONTH.month)
    assert receive(hq, file) == [f"TAP {PERIOD}: revisión 1 importada."]
    total = consolidated(hq)
    for key in ("supports", "people", "activities", "year_to_date", "budget", "targets"):
        assert total[key] == own[key], key
    assert total["agreements"] == own["agreements"]
    invested = own["year_to_date"]["investment_centavos"]
    assert total["offices"] == [{"code": "TAP", "name": "Oficina TAP", "revision": 1,
                                 "supports": 2, "amount_centavos": 220_000, "people": 2,
                                 "investment_centavos": invested,
                                 "first_folio": own["receipts"]["first_folio"],
                                 "last_folio": own["receipts"]["last_folio"]}]  # fmt: skip
    # ARR is enrolled and has not sent the month: the consolidation names it
    assert total["missing_offices"] == [{"code": "ARR", "name": "Oficina ARR"}]


def test_two_offices_add_up(sent, hq):
    receive(hq, sent["TAP"][2], sent["ARR"][2])
    total = consolidated(hq)
    assert (total["supports"]["count"], total["supports"]["amount_centavos"]) == (4, 440_000)
    assert total["supports"]["by_type"] == [
        {"code": "DESPENSA", "name": "Despensa", "count": 4, "amount_centavos": 440_000,
         "people": 4}
    ]  # fmt: skip
    # two hidden counts of 1 to 4 add up to at least 2: never shown as an exact small number
    # (by sex too: each office's 1 woman and 1 man went to headquarters as "<5")
    assert total["people"]["by_sex"] == {"F": "≥2", "M": "≥2"}
    assert total["people"]["by_nationality"] == {"GT": "≥2", "HN": "≥2"}
    assert total["agreements"]["disbursed_centavos"] == 800_000
    assert [o["code"] for o in total["offices"]] == ["ARR", "TAP"]
    assert "dos oficinas otorgaron cuatro apoyos" in total["narrative"]


def test_the_same_package_twice_changes_nothing(sent, hq):
    receive(hq, sent["TAP"][2])
    before = hq_state(hq)
    assert receive(hq, sent["TAP"][2]) == [
        f"TAP {PERIOD}: la revisión 1 ya estaba recibida; sin cambios."
    ]
    assert hq_state(hq) == before


def test_a_later_revision_replaces_and_an_older_one_is_refused(sent, hq, tmp_path):
    database, boss, first = sent["TAP"]
    with database.write() as session:
        months.reopen_month(session, boss, LAST_MONTH.year, LAST_MONTH.month, "Faltó un apoyo")
        months.close_month(session, boss, LAST_MONTH.year, LAST_MONTH.month)
    second = export(database, boss, tmp_path / "TAP-r2.zip")
    receive(hq, first)
    assert receive(hq, second) == [f"TAP {PERIOD}: revisión 2 importada (reemplaza la revisión 1)."]
    before = hq_state(hq)
    with pytest.raises(FronteraError, match="ya se tiene la revisión 2 .* es anterior"):
        receive(hq, first)
    assert hq_state(hq) == before
    with hq[0].read() as session:
        assert [(r.office_code, r.revision) for r in package.received(session)] == [("TAP", 2)]


def _rezip(source: Path, target: Path, change=None, extra=()) -> Path:
    """Copy a package, replacing some members' bytes and adding raw entries."""
    change = change or {}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for name in old.namelist():
            data = old.read(name)
            if name in change:
                data = change[name](data)
            new.writestr(name, data)
        for info, data in extra:
            new.writestr(info, data)
    return target


def _json_edit(edit):
    def apply(data: bytes) -> bytes:
        document = json.loads(data)
        edit(document)
        return json.dumps(document).encode()

    return apply


def _link() -> zipfile.ZipInfo:
    info = zipfile.ZipInfo("resumen.txt")
    info.external_attr = 0o120777 << 16
    return info


def _resealed(source: Path, target: Path, edit=None, edit_manifest=None, key=None) -> Path:
    """A package whose resumen.json and manifest were edited and signed again: by ``key``, or
    by the office's own key (what an office, or someone holding its key, could make)."""
    with zipfile.ZipFile(source) as archive:
        summary = json.loads(archive.read("resumen.json"))
        manifest = json.loads(archive.read("manifest.json"))
    if edit:
        edit(summary)
    data = json.dumps(summary).encode()
    manifest["files"]["resumen.json"] = {"sha256": hashlib.sha256(data).hexdigest(),
                                         "size": len(data)}  # fmt: skip
    if edit_manifest:
        edit_manifest(manifest)
    signed = pkg.sign_manifest(manifest, key or BY_PUBLIC[manifest["public_key"]])
    return _rezip(
        source,
        target,
        {"resumen.json": lambda _: data, "manifest.json": lambda _: json.dumps(signed).encode()},
    )


BAD = {
    "tampered": (lambda src, dst: _rezip(src, dst, {"resumen.pdf": lambda d: d + b"%"}),
                 "resumen.pdf fue alterado"),
    "manifest schema": (lambda src, dst: _rezip(src, dst, {"manifest.json": _json_edit(
        lambda m: m.pop("office"))}), "El manifiesto no cumple el esquema"),
    "summary schema": (lambda src, dst: _resealed(src, dst, lambda s: s["supports"].update(
        count=-3)), "El resumen no cumple el esquema en supports/count"),
    "names smuggled": (lambda src, dst: _resealed(src, dst, lambda s: s["people"].update(
        names=["Rosa Cruz"])), "El resumen no cumple el esquema en people"),
    "future": (lambda src, dst: _rezip(src, dst, {"manifest.json": _json_edit(
        lambda m: m.update(schema_version=3))}), "versión más reciente"),
    "outside": (lambda src, dst: _rezip(src, dst, extra=[("../../evil.txt", b"x")]),
                "fuera de su carpeta"),
    "absolute": (lambda src, dst: _rezip(src, dst, extra=[("/etc/evil.txt", b"x")]),
                 "ruta absoluta"),
    "link": (lambda src, dst: _rezip(src, dst, extra=[(_link(), b"/etc/passwd")]), "enlace"),
    "bomb ratio": (lambda src, dst: _rezip(src, dst, extra=[("resumen.csv", b"\0" * 5_000_000)]),
                   "posible bomba zip"),
    "bomb size": (lambda src, dst: _rezip(src, dst, extra=[
        (f"r{i}.bin", bytes(range(256)) * 60_000) for i in range(4)]), "posible bomba zip"),
    "not a zip": (lambda src, dst: dst.write_bytes(b"%PDF-1.4 not a zip") and dst,
                  "no es un archivo zip"),
    "truncated": (lambda src, dst: dst.write_bytes(src.read_bytes()[:-200]) and dst,
                  "no es un archivo zip o está dañado"),
    "extra file": (lambda src, dst: _rezip(src, dst, extra=[("notas.txt", b"hola")]),
                   "archivos inesperados"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_package_is_rejected_with_one_line_and_hq_is_unchanged(sent, hq, tmp_path, case):
    receive(hq, sent["ARR"][2])
    make, reason = BAD[case]
    bad = make(sent["TAP"][2], tmp_path / f"{case}.zip")
    before = hq_state(hq)
    with pytest.raises(FronteraError, match=reason) as caught:
        receive(hq, bad)
    assert "\n" not in str(caught.value) and str(caught.value).startswith(bad.name)
    assert hq_state(hq) == before


def test_only_headquarters_imports(sent):
    database, boss, file = sent["ARR"]
    with (
        pytest.raises(FronteraError, match="no es de oficinas centrales"),
        database.write() as session,
    ):
        package.import_package(session, boss, file)


def test_the_pdf_text_the_workbook_and_the_json_carry_the_same_figures(sent, tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from frontera_desk.reports.summary_pdf import cell_text
    from frontera_desk.reports.summary_tables import Money, Ratio, sections

    with zipfile.ZipFile(sent["TAP"][2]) as archive:
        archive.extractall(tmp_path / "paquete")
    folder = tmp_path / "paquete"
    document = json.loads((folder / "resumen.json").read_text(encoding="utf-8"))
    pdf = " ".join(page.extract_text() for page in PdfReader(folder / "resumen.pdf").pages)
    pdf = " ".join(pdf.split())
    book = load_workbook(folder / "resumen.xlsx")
    assert document["narrative"][:60] in pdf
    checked = 0
    for section in sections(document):
        assert section.title in pdf
        sheet = [list(r) for r in book[section.key].iter_rows(min_row=3, values_only=True)]
        if not section.rows:
            assert [c for c in sheet[0] if c] == [section.empty] and section.empty in pdf
            continue
        assert len(sheet) == len(section.rows), section.key
        for row, cells in zip(section.rows, sheet, strict=True):
            line = " ".join(cell_text(c) for c in row)
            assert line in pdf, line
            for value, cell in zip(row, cells, strict=False):
                expected = (value.centavos / 100 if isinstance(value, Money)
                            else value.value if isinstance(value, Ratio) else value)  # fmt: skip
                assert cell == expected, (section.key, row)
                checked += 1
    assert document["supports"]["amount_centavos"] == 220_000 and "$2,200.00" in pdf
    assert checked > 60


# --- signed packages and enrolled offices (issue 20, items 4 and 5) ----------------------------


def test_the_manifest_is_signed_and_names_the_office_its_key_and_its_chain(sent):
    database, _, file = sent["TAP"]
    with zipfile.ZipFile(file) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    with database.read() as session:
        uuid = session.scalar(select(office.Office.uuid)) if hasattr(office, "Office") else None
        entries = session.scalar(select(func.count(AuditEntry.id)))
    public = signing.public_bytes(key_of(database))
    assert manifest["public_key"] == signing.b64(public)
    assert manifest["office"]["uuid"] and (uuid is None or manifest["office"]["uuid"] == uuid)
    assert 0 < manifest["audit_chain_length"] < entries  # the export's own entry came after
    body = {k: v for k, v in manifest.items() if k != "signature"}
    assert signing.verify(public, body, manifest["signature"])
    body["revision"] = 5
    assert not signing.verify(public, body, manifest["signature"])


def test_a_caseworker_cannot_sign_a_package_or_a_card(sent, tmp_path):
    database, _, _ = sent["TAP"]
    with database.read() as session:
        ids = dict(session.execute(select(User.username, User.id)).all())
        ana = actor_for(session, ids["ana"])
    with pytest.raises(PermissionDenied), database.write() as session:  # no key in her session
        package.export_package(session, ana, LAST_MONTH.year, LAST_MONTH.month,
                               tmp_path / "x.zip", None)  # fmt: skip
    with pytest.raises(PermissionDenied), database.write() as session:  # nor with one
        package.export_package(session, ana, LAST_MONTH.year, LAST_MONTH.month,
                               tmp_path / "x.zip", key_of(database))  # fmt: skip
    with pytest.raises(PermissionDenied, match="llave de la oficina"), database.read() as s:
        package.office_card(s, ana, None)
    assert not (tmp_path / "x.zip").exists()


def test_the_office_card_carries_what_is_read_over_the_phone(sent):
    database, boss, _ = sent["TAP"]
    card = json.loads(card_of(database, boss))
    public = signing.public_bytes(key_of(database))
    assert card["office"]["code"] == "TAP" and card["office"]["name"] == "Oficina TAP"
    assert card["office"]["place"] == "Tapachula, Chiapas" and len(card["office"]["uuid"]) == 36
    assert card["fingerprint"] == signing.fingerprint(public)
    read = pkg.read_card(json.dumps(card).encode(), "TAP.oficina")
    assert (read.code, read.fingerprint) == ("TAP", signing.fingerprint(public))
    card["office"]["name"] = "Oficina falsa"
    with pytest.raises(FronteraError, match="TAP.oficina: la firma de la cédula"):
        pkg.read_card(json.dumps(card).encode(), "TAP.oficina")


def test_enrollment_and_a_key_change(sent, hq):
    database, boss, _ = sent["TAP"]
    assert "sin cambios" in enroll(hq, database, boss)
    with hq[0].write() as session, pytest.raises(PermissionDenied):  # a supervisor does not
        package.enroll_office(session, hq[1], card_of(database, boss), "TAP.oficina")
    old = key_of(database)
    new = signing.new_private_key()
    KEYS[str(database.engine.url)] = new
    BY_PUBLIC[signing.b64(signing.public_bytes(new))] = new
    unendorsed = card_of(database, boss)
    with pytest.raises(FronteraError, match="otra llave .* sin la firma de la llave anterior"):
        enroll(hq, database, boss, card=unendorsed)
    with database.read() as session:
        endorsed = package.office_card(session, boss, new, previous_key=old)
    assert "reinscrita" in enroll(hq, database, boss, card=json.dumps(endorsed).encode())
    other = signing.new_private_key()
    with database.read() as session:
        forged = package.office_card(session, boss, other, previous_key=signing.new_private_key())
    with pytest.raises(FronteraError, match="sin la firma de la llave anterior"):
        enroll(hq, database, boss, card=json.dumps(forged).encode())
    # headquarters' administrator may re-enroll with a reason (a lost laptop)
    assert "reinscrita" in enroll(
        hq, database, boss, reason="Se perdió la laptop", card=json.dumps(forged).encode()
    )
    with hq[0].read() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert last.action == "reinscribir_oficina" and "Se perdió la laptop" in last.changes


def test_an_office_not_enrolled_is_refused(sent, tmp_path):
    database, actors = new_office(tmp_path, "CEN", is_hq=True)
    with pytest.raises(FronteraError, match="TAP.zip: la oficina TAP no está inscrita"):
        receive((database, actors[Role.SUPERVISOR]), sent["TAP"][2])
    database.dispose()


def _raw_manifest(source: Path, target: Path, replace_text) -> Path:
    return _rezip(source, target, {"manifest.json": lambda d: replace_text(d.decode()).encode()})


def _close_and_export(database, boss, tmp_path, name) -> Path:
    with database.write() as session:
        months.reopen_month(session, boss, LAST_MONTH.year, LAST_MONTH.month, "Corrección")
        months.close_month(session, boss, LAST_MONTH.year, LAST_MONTH.month)
    return export(database, boss, tmp_path / name)


def test_a_batch_of_bad_packages_is_refused_file_by_file_and_hq_keeps_its_figures(
    sent, hq, tmp_path
):
    """Every bad input of issue 20, in one batch with a good package at the end."""
    database, boss, first = sent["TAP"]
    second = _close_and_export(database, boss, tmp_path, "TAP-r2.zip")
    receive(hq, second)
    figures = consolidated(hq)
    before = hq_state(hq)

    impostor_db, impostor = new_office(tmp_path / "falsa", "CDMX")  # a forged office
    build_month(impostor_db, impostor, LAST_MONTH)
    close_last_month(impostor_db, impostor[Role.SUPERVISOR])
    forged_office = export(impostor_db, impostor[Role.SUPERVISOR], tmp_path / "cdmx.zip")
    twin_db, twin = new_office(tmp_path / "gemela", "TAP")  # a second folder calling itself TAP
    build_month(twin_db, twin, LAST_MONTH)
    close_last_month(twin_db, twin[Role.SUPERVISOR])
    twin_file = export(twin_db, twin[Role.SUPERVISOR], tmp_path / "tap-gemela.zip")
    outsider = signing.new_private_key()

    def amount(value):
        return lambda s: s["supports"].update(amount_centavos=value)

    def by_type_name(s):
        s["supports"]["by_type"][0]["name"] = "Despensa\nTOTAL 999"

    def bomb(source, target):  # stored, not deflated: it is the parser that must hold
        with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
            for name in old.namelist():
                data = old.read(name)
                if name == "manifest.json":
                    data = b'{"format": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
                new.writestr(name, data, zipfile.ZIP_STORED)
        return target

    demo_db, demo = new_office(tmp_path / "demo", "DEM", is_demo=True)
    build_month(demo_db, demo, LAST_MONTH)
    close_last_month(demo_db, demo[Role.SUPERVISOR])
    demo_file = export(demo_db, demo[Role.SUPERVISOR], tmp_path / "demo.zip")

    bad = {
        "cdmx.zip": (lambda s, t: forged_office, "no está inscrita"),
        "mayor.zip": (lambda s, t: _resealed(s, t, lambda d: d.update(revision=5) or amount(
            22_000_000)(d), lambda m: m.update(revision=5), key=outsider),
                      "llave que no es la inscrita"),
        "mayor-sin-firma.zip": (lambda s, t: _rezip(s, t, {"manifest.json": _json_edit(
            lambda m: m.update(revision=5))}), "firma que no corresponde"),
        "sin-firma.zip": (lambda s, t: _rezip(s, t, {"manifest.json": _json_edit(
            lambda m: m.pop("signature"))}), "no está firmado"),
        "anterior.zip": (lambda s, t: first, "es anterior"),
        "otra-r2.zip": (lambda s, t: _resealed(second, t, amount(1)), "CONFLICTO: la revisión 2"),
        "tap-gemela.zip": (lambda s, t: twin_file, "otra instalación usa la clave TAP"),
        "r2-63.zip": (lambda s, t: _resealed(second, t, edit_manifest=lambda m: m.update(
            revision=2**63)), "fuera de rango"),
        "r-9999999.zip": (lambda s, t: _resealed(second, t, lambda d: d.update(revision=9_999_999),
                                                 lambda m: m.update(revision=9_999_999)),
                          "El manifiesto no cumple el esquema en revision"),
        "pesos.zip": (lambda s, t: _resealed(second, t, amount(10**400)), "fuera de rango"),
        "r1.0.zip": (lambda s, t: _raw_manifest(second, t, lambda x: x.replace(
            '"revision": 2', '"revision": 2.0')), "número con decimales"),
        "corchetes.zip": (lambda s, t: bomb(second, t), "anida demasiados niveles"),
        "salto.zip": (lambda s, t: _resealed(second, t, by_type_name), "salto de línea"),
        "corta.zip": (lambda s, t: _resealed(second, t, lambda d: d.update(revision=3),
                                             lambda m: m.update(
            revision=3, audit_chain_length=2, generated_at="2099-01-01T00:00:00+00:00")),
            "menos que los"),
        "preliminar.zip": (lambda s, t: _resealed(second, t, lambda d: d.update(
            estado="preliminar")), "PRELIMINAR"),
        "demo.zip": (lambda s, t: demo_file, "es un paquete de demostración"),
    }  # fmt: skip
    files = []
    for name, (make, _) in bad.items():
        files.append((name, make(second, tmp_path / name)))
    arr = sent["ARR"][2]
    outcome = package.import_packages(hq[0], hq[1], [f for _, f in files] + [arr])
    for (name, made), (accepted, line) in zip(files, outcome, strict=False):
        assert not accepted, (name, line)
        assert line.startswith(f"{made.name}: ") and "\n" not in line, line
        assert bad[name][1] in line, (name, line)
    assert outcome[-1] == (True, f"ARR {PERIOD}: revisión 1 importada.")
    after = consolidated(hq)
    tap = [o for o in after["offices"] if o["code"] == "TAP"]
    assert tap == [o for o in figures["offices"] if o["code"] == "TAP"]
    assert hq_state(hq)[0][1] == before[0][0]  # TAP's row: same revision, hash, time
    with hq[0].read() as session:
        log = session.execute(
            select(ReceivedFile.file_name, ReceivedFile.accepted, ReceivedFile.outcome)
            .order_by(ReceivedFile.id)
        ).all()  # fmt: skip
    assert [(r.file_name, r.accepted) for r in log] == [(f.name, False) for _, f in files] + [
        ("ARR.zip", True)
    ]
    assert "CONFLICTO" in log[[n for n, _ in files].index("otra-r2.zip")].outcome
    for place in (impostor_db, twin_db, demo_db):
        place.dispose()


def test_a_real_package_at_a_demo_hq_and_a_real_card_are_refused(sent, tmp_path):
    database, actors = new_office(tmp_path, "CEN", is_hq=True, is_demo=True)
    place = (database, actors[Role.SUPERVISOR], actors[Role.ADMINISTRADOR])
    with pytest.raises(FronteraError, match="de una oficina real; .* de demostración"):
        enroll(place, sent["TAP"][0], sent["TAP"][1])
    with pytest.raises(FronteraError, match="TAP.zip: es un paquete de una oficina real"):
        receive(place, sent["TAP"][2])
    database.dispose()


def test_json_is_measured_before_it_is_parsed():
    with pytest.raises(FronteraError, match="x.json anida demasiados niveles"):
        pkg.load_json(b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "x.json")
    assert pkg.load_json(b'{"a": "[[[[[[[[[[[[[[[[[[[[[[[["}', "x.json") == {"a": "[" * 24}
    with pytest.raises(FronteraError, match="fuera de rango"):
        pkg.load_json(b'{"a": 1' + b"0" * 400 + b"}", "x.json")
    with pytest.raises(FronteraError, match="valor no numérico"):
        pkg.load_json(b'{"a": NaN}', "x.json")


# --- the consolidation an analyst reads (issue 20, item 6) -------------------------------------


def _runs(pdf: Path) -> list[tuple[int, float, float, float, str, str]]:
    """Every run of text in the PDF: page, baseline, left x, right x, font, text."""
    from pypdf import PdfReader
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out = []
    for number, page in enumerate(PdfReader(pdf).pages):

        def visit(text, cm, tm, font, size, number=number):
            if text.strip() and font:
                name = str(font["/BaseFont"]).split("+")[-1]
                x = cm[4] + tm[4] * cm[0]
                width = stringWidth(text.strip("\n"), name, size)
                out.append((number, round(cm[5] + tm[5] * cm[3], 1), x, x + width, name, text))

        page.extract_text(visitor_text=visit)
    return out


def test_the_consolidated_pdf_is_readable(sent, hq, tmp_path):
    """Today's layout printed "1,630$2,897,983.70": no two texts on a line may overlap, the
    offices keep their full names, and the notes say what ≥N and the people count mean."""
    receive(hq, sent["TAP"][2])  # ARR enrolled but not sent
    document = consolidated(hq)
    long_name = (
        "Oficina de Atención a Personas Migrantes y Solicitantes de la Condición de Refugiado "
        "de la Región Soconusco, con sede en Tapachula de Córdova y Ordóñez"
    )
    document["offices"][0].update(name=long_name, people=1630, amount_centavos=289_798_370,
                                  investment_centavos=9_999_999_999)  # fmt: skip
    document["people"]["by_nationality"] = {"HN": "≥7"}
    target = package.write_document(document, tmp_path / "consolidado.pdf")
    runs = _runs(target)
    lines: dict[tuple[int, float], list] = {}
    for page, y, left, right, _font, text in runs:
        lines.setdefault((page, y), []).append((left, right, text))
        assert right <= 612 - 18 * 72 / 25.4 + 1, text  # inside the right margin
    for key, items in lines.items():
        items.sort()
        for (_, right, text), (left, _, following) in zip(items, items[1:], strict=False):
            assert right <= left + 0.5, (key, text, following)
    text = " ".join(" ".join(r[5].split()) for r in runs)
    assert " ".join(long_name.split()[:6]) in text and "Ordóñez" in text
    assert "$2,897,983.70" in text and "1,630" in text
    assert f"{document['offices'][0]['first_folio']}" in text
    assert "≥N: la suma incluye cifras de 1 a 4" in text
    assert "cuenta dos veces" in text
    assert "Oficinas inscritas que no han enviado el mes" in text and "Oficina ARR" in text
    assert "analista de información, oficinas centrales" in text
    assert "Supervisor(a) o jefe(a) de oficina" not in text


def test_the_consolidated_outputs_never_fail_on_what_was_accepted(sent, hq, tmp_path):
    """The largest figures and longest names a package may carry, from two offices: the
    consolidation adds them up and writes its PDF, workbook and JSON."""
    big = pkg.MAX_INTEGER - 1
    name = "Á" * pkg.MAX_NAME

    def edit(summary):
        summary["supports"].update(count=big, amount_centavos=big, people=big)
        for line in summary["supports"]["by_type"]:
            line.update(name=name, count=big, amount_centavos=big, people=big)
        summary["year_to_date"] = dict.fromkeys(summary["year_to_date"], big)
        summary["people"]["by_nationality"] = {"HN": "<5", "GT": big}
        summary["agreements"]["balance_in_force_centavos"] = -big

    files = [
        _resealed(sent[code][2], tmp_path / f"{code}-max.zip", edit,
                  lambda m: m.update(office={**m["office"], "name": name[:200]}))
        for code in ("TAP", "ARR")
    ]  # fmt: skip
    limit = pkg.MAX_INTEGER
    too_big = _resealed(sent["TAP"][2], tmp_path / "TAP-mas.zip",
                        lambda s: s["supports"].update(amount_centavos=limit))  # fmt: skip
    too_long = _resealed(sent["TAP"][2], tmp_path / "TAP-largo.zip",
                         lambda s: s["supports"]["by_type"][0].update(name=name + "A"))  # fmt: skip
    outcome = package.import_packages(hq[0], hq[1], [too_big, too_long, *files])
    assert [accepted for accepted, _ in outcome] == [False, False, True, True], outcome
    document = consolidated(hq)
    assert document["supports"]["amount_centavos"] == 2 * big
    for suffix in (".pdf", ".xlsx", ".json"):
        assert package.write_document(document, tmp_path / f"c{suffix}").stat().st_size > 0


def test_a_rolled_back_office_is_refused_until_the_administrator_re_enrolls_it(sent, hq, tmp_path):
    database, boss, first = sent["TAP"]
    receive(hq, first)
    later = _resealed(first, tmp_path / "restaurada.zip", lambda d: d.update(revision=2),
                      lambda m: m.update(revision=2, audit_chain_length=3,
                                         generated_at="2099-01-01T00:00:00+00:00"))  # fmt: skip
    with pytest.raises(FronteraError, match="restaurada.zip: la bitácora de TAP tiene 3 registros"):
        receive(hq, later)
    assert "reinscrita con la misma llave" in enroll(hq, database, boss, reason="Restauró respaldo")
    assert receive(hq, later) == [f"TAP {PERIOD}: revisión 2 importada (reemplaza la revisión 1)."]


def test_a_bug_on_one_file_does_not_end_the_batch(sent, hq, tmp_path, monkeypatch):
    real = pkg.read_package
    bug = tmp_path / "bug.zip"
    bug.write_bytes(sent["TAP"][2].read_bytes())

    def read(path):
        if path.name == "bug.zip":
            raise RecursionError("a bug")
        return real(path)

    monkeypatch.setattr(pkg, "read_package", read)
    outcome = package.import_packages(hq[0], hq[1], [bug, sent["ARR"][2]])
    assert outcome[0] == (False, "bug.zip: error inesperado al leerlo; se rechaza (detalles en "
                                 "el registro del programa).")  # fmt: skip
    assert outcome[1][0] is True
