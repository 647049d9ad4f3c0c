"""The command line as an HQ script or an administrator uses it: real processes, real files."""

import json
import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

import pytest

from tests import postgres as pg
from tests.both_databases import BACKENDS

DEMO_SUPERVISOR = {"FRONTERA_DESK_USER": "supervisor", "FRONTERA_DESK_PASSWORD": "demo"}


class Office(NamedTuple):
    """Where an office keeps its data: a data folder, and on a server also a database URL."""

    path: Path
    url: str | None = None


def run(*args, data_dir, check=True, env=None):
    """Run the CLI; it signs in as the demo supervisor unless ``env`` says otherwise."""
    place = data_dir if isinstance(data_dir, Office) else Office(data_dir)
    base = {k: v for k, v in os.environ.items() if not k.startswith("FRONTERA_DESK_")}
    if place.url:
        base["FRONTERA_DESK_DATABASE_URL"] = place.url
    result = subprocess.run(
        [sys.executable, "-m", "frontera_desk", *args, "--data-dir", str(place.path)],
        capture_output=True,
        text=True,
        env={**base, "QT_QPA_PLATFORM": "offscreen", **DEMO_SUPERVISOR, **(env or {})},
        stdin=subprocess.DEVNULL,
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request) -> str:
    """Module-wide, so that a test's demo office and its new offices share a database kind."""
    return str(request.param)


@pytest.fixture
def new_office(request, backend, tmp_path):
    """``new_office(name)``: an empty place for an office on this test's database."""
    made: list[str] = []

    def make(name: str, like: Office | None = None) -> Office:
        folder = tmp_path / name
        if like is not None:  # a copy of another office (its folder, and its database)
            shutil.copytree(like.path, folder)
        if backend == "sqlite":
            return Office(folder)
        admin = request.getfixturevalue("postgres")
        template = like.url.rsplit("/", 1)[1] if like is not None and like.url else None
        made.append(pg.new_database(admin, template=template))
        return Office(folder, made[-1])

    yield make
    for url in made:
        pg.drop_database(request.getfixturevalue("postgres"), url)


@pytest.fixture(scope="module")
def demo_dir(request, backend, tmp_path_factory):
    """One demo office per database for the module (a copy is made where a test changes it)."""
    place = Office(tmp_path_factory.mktemp("demo"))
    if backend == "postgresql":
        admin = request.getfixturevalue("postgres")
        place = Office(place.path, pg.new_database(admin, template=None))
    result = run(
        "demo", "create", "--persons", "60", "--months", "3", "--seed", "7", data_dir=place
    )
    assert "60 personas" in result.stdout
    yield place
    if place.url:
        pg.drop_database(request.getfixturevalue("postgres"), place.url)


def test_version():
    result = subprocess.run(
        [sys.executable, "-m", "frontera_desk", "--version"], capture_output=True, text=True
    )
    assert result.stdout.startswith("frontera-desk 0.")


def test_people_search_json_has_the_documented_fields(demo_dir):
    result = run("people", "search", "a", "--json", data_dir=demo_dir)
    rows = json.loads(result.stdout)
    assert rows
    assert set(rows[0]) == {
        "id",
        "uuid",
        "given_names",
        "first_surname",
        "second_surname",
        "sex",
        "birth_date",
        "nationality",
    }


def test_search_ignores_accents_from_the_command_line(demo_dir):
    accented = json.loads(run("people", "search", "Pérez", "--json", data_dir=demo_dir).stdout)
    plain = json.loads(run("people", "search", "PEREZ", "--json", data_dir=demo_dir).stdout)
    assert accented == plain


def test_demo_is_reproducible(demo_dir, new_office):
    again = new_office("again")
    run("demo", "create", "--persons", "60", "--months", "3", "--seed", "7", data_dir=again)
    first = run("people", "search", "a", "--json", "--limit", "500", data_dir=demo_dir).stdout
    second = run("people", "search", "a", "--json", "--limit", "500", data_dir=again).stdout
    strip = lambda out: [{k: v for k, v in r.items() if k != "uuid"} for r in json.loads(out)]  # noqa: E731
    assert strip(first) == strip(second)


def test_demo_refuses_to_overwrite_without_force(demo_dir):
    result = run("demo", "create", "--persons", "5", data_dir=demo_dir, check=False)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    # a demo folder may be replaced with --force; a server database is never dropped
    assert ("vacía" if demo_dir.url else "--force") in result.stderr


def test_bad_input_is_one_line_on_stderr(tmp_path):
    result = run("demo", "create", "--persons", "0", data_dir=tmp_path, check=False)
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    usage = run("people", data_dir=tmp_path, check=False)
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


@pytest.mark.sqlite_only
def test_db_check_reports_a_damaged_file(demo_dir, tmp_path):
    assert "íntegra" in run("db", "check", data_dir=demo_dir).stdout
    broken = tmp_path / "broken"
    shutil.copytree(demo_dir.path, broken)
    database = broken / "frontera.db"
    data = bytearray(database.read_bytes())
    for page in range(2, 40, 3):  # pages scrambled here and there, as a failing disk would
        data[page * 4096 + 100 : page * 4096 + 300] = b"\x00" * 200
    database.write_bytes(bytes(data))
    result = run("db", "check", data_dir=broken, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    # a short verdict and what to do, not SQLite's page-by-page list (issue 24)
    assert result.stderr.count("\n") == 1 and "dañada" in result.stderr
    assert "Restaure el último respaldo" in result.stderr
    verbose = run("db", "check", "--verbose", data_dir=broken, check=False)
    assert verbose.returncode == 1 and verbose.stderr.count("\n") > 1


def test_smoke_test_opens_the_window_and_exits(demo_dir):
    result = run("--smoke-test", data_dir=demo_dir)
    assert "interactive in" in result.stdout


def test_smoke_test_of_the_sign_in_dialog_paints_it_loads_the_data_layer_and_exits(demo_dir):
    result = run("--smoke-test=sign-in", data_dir=demo_dir)
    assert "interactive in" in result.stdout and "(sign-in)" in result.stdout


def test_smoke_test_on_an_empty_dir_fails_clearly(new_office):
    result = run("--smoke-test", data_dir=new_office("empty"), check=False)
    assert result.returncode == 1 and "no está configurada" in result.stderr


def test_data_dir_goes_before_or_after_the_subcommand(demo_dir):
    command = [
        sys.executable,
        "-m",
        "frontera_desk",
        "--data-dir",
        str(demo_dir.path),
        "people",
        "search",
        "a",
    ]
    server = {"FRONTERA_DESK_DATABASE_URL": demo_dir.url} if demo_dir.url else {}
    env = {**os.environ, **DEMO_SUPERVISOR, **server}
    before = subprocess.run(command, capture_output=True, text=True, env=env)
    after = run("people", "search", "a", data_dir=demo_dir)
    assert before.returncode == 0 and before.stdout == after.stdout


def test_demo_never_replaces_a_real_office(new_office):
    real = new_office("real")
    admin = {"FRONTERA_DESK_USER": "admin", "FRONTERA_DESK_PASSWORD": "clave-segura-1"}
    run("setup", "--office", "ARR", "--name", "Oficina Arriaga", data_dir=real, env=admin)
    result = run("demo", "create", "--force", data_dir=real, check=False)
    assert result.returncode == 1 and ("reales" in result.stderr or "vacía" in result.stderr)
    assert "íntegra" in run("db", "check", data_dir=real, env=admin).stdout


def test_setup_users_and_audit_from_the_command_line(new_office):
    office = new_office("office")
    admin = {"FRONTERA_DESK_USER": "admin", "FRONTERA_DESK_PASSWORD": "clave-segura-1"}
    out = run("setup", "--office", "tap", "--name", "Oficina Tapachula", data_dir=office, env=admin)
    code = out.stdout.splitlines()[-1].strip()
    assert len(code) == 29 and code.count("-") == 5
    new = {**admin, "FRONTERA_DESK_NEW_PASSWORD": "otra-clave-22"}
    run(
        "user",
        "add",
        "lucia",
        "--role",
        "capturista",
        "--name",
        "Lucía Pérez",
        data_dir=office,
        env=new,
    )
    listing = run("user", "list", data_dir=office, env=admin).stdout
    assert "lucia" in listing and "capturista" in listing
    lucia = {"FRONTERA_DESK_USER": "lucia", "FRONTERA_DESK_PASSWORD": "otra-clave-22"}
    assert run("people", "search", "x", data_dir=office, env=lucia).stdout == ""
    denied = run("user", "list", data_dir=office, env=lucia, check=False)
    assert denied.returncode == 0  # listing accounts reads no personal data
    refused = run(
        "user",
        "add",
        "pepe",
        "--role",
        "capturista",
        "--name",
        "Pepe",
        data_dir=office,
        env={**lucia, "FRONTERA_DESK_NEW_PASSWORD": "clave-pepe-1"},
        check=False,
    )
    assert refused.returncode == 1 and "no permite administrar usuarios" in refused.stderr
    run("user", "disable", "lucia", data_dir=office, env=admin)
    gone = run("people", "search", "x", data_dir=office, env=lucia, check=False)
    assert gone.returncode == 1 and gone.stderr.count("\n") == 1
    assert "íntegra" in run("audit", "verify", data_dir=office, env=admin).stdout


def test_wrong_or_missing_credentials_are_one_line(demo_dir):
    wrong = run(
        "people",
        "search",
        "a",
        data_dir=demo_dir,
        check=False,
        env={"FRONTERA_DESK_PASSWORD": "mala"},
    )
    assert wrong.returncode == 1 and "incorrectos" in wrong.stderr and wrong.stderr.count("\n") == 1
    missing = run(
        "people",
        "search",
        "a",
        data_dir=demo_dir,
        check=False,
        env={"FRONTERA_DESK_USER": "", "FRONTERA_DESK_PASSWORD": ""},
    )
    assert missing.returncode == 1 and "FRONTERA_DESK_USER" in missing.stderr


def test_backup_create_verify_and_restore_from_the_command_line(demo_dir, new_office, tmp_path):
    office = new_office("office", like=demo_dir)
    usb = tmp_path / "usb"
    admin = {"FRONTERA_DESK_USER": "admin", "FRONTERA_DESK_PASSWORD": "demo"}
    made = run("backup", "create", "-o", f"{usb}/", data_dir=office, env=admin)  # a new folder
    file = next(usb.glob("*.fdrespaldo"))
    assert str(file) in made.stdout
    named = tmp_path / "respaldo del lunes"  # any name is that file, not a folder (issue 24)
    made = run("backup", "create", "-o", str(named), data_dir=office, env=admin)
    assert str(named) in made.stdout
    assert named.is_file()
    assert "íntegro" in run("backup", "verify", str(named), data_dir=office, env=admin).stdout
    assert "íntegro" in run("backup", "verify", str(file), data_dir=office, env=admin).stdout
    refused = run("backup", "restore", str(file), data_dir=office, env=admin, check=False)
    assert refused.returncode == 1 and "--yes" in refused.stderr
    # a dead laptop: restore onto a new, empty data folder
    fresh = new_office("nueva")
    done = run("backup", "restore", str(file), "--yes", data_dir=fresh, env=admin)
    assert "restaurado" in done.stdout
    before = run("people", "search", "a", "--json", data_dir=office).stdout
    assert run("people", "search", "a", "--json", data_dir=fresh).stdout == before
    caseworker = {"FRONTERA_DESK_USER": "capturista", "FRONTERA_DESK_PASSWORD": "demo"}
    denied = run("backup", "create", data_dir=office, env=caseworker, check=False)
    assert denied.returncode == 1 and "no permite respaldar" in denied.stderr
    # restore over an office: its own administrator only (issue 19)
    for who in ("capturista", "supervisor"):
        refused = run(
            "backup",
            "restore",
            str(file),
            "--yes",
            data_dir=office,
            check=False,
            env={"FRONTERA_DESK_USER": who, "FRONTERA_DESK_PASSWORD": "demo"},
        )
        assert refused.returncode == 1 and "no permite restaurar" in refused.stderr
        assert refused.stderr.count("\n") == 1
    done = run("backup", "restore", str(file), "--yes", data_dir=office, env=admin)
    assert "restaurado" in done.stdout


def test_restoring_another_office_needs_its_code(demo_dir, new_office, tmp_path):
    office = new_office("office", like=demo_dir)
    other = new_office("otra")
    admin = {"FRONTERA_DESK_USER": "admin", "FRONTERA_DESK_PASSWORD": "clave-segura-1"}
    run("setup", "--office", "ARR", "--name", "Arriaga", data_dir=other, env=admin)
    run("backup", "create", "-o", f"{tmp_path / 'usb'}/", data_dir=other, env=admin)
    file = next((tmp_path / "usb").glob("*.fdrespaldo"))
    # the same account exists in the office to replace (its administrator, a new password)
    demo_admin = {"FRONTERA_DESK_USER": "admin", "FRONTERA_DESK_PASSWORD": "demo",
                  "FRONTERA_DESK_NEW_PASSWORD": "clave-segura-1"}  # fmt: skip
    run("user", "passwd", "admin", data_dir=office, env=demo_admin)
    refused = run("backup", "restore", str(file), "--yes", data_dir=office, env=admin,
                  check=False)  # fmt: skip
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    assert "oficina ARR, no de esta (TAP)" in refused.stderr
    wrong = run("backup", "restore", str(file), "--yes", "--replace-office", "ARR",
                data_dir=office, env=admin, check=False)  # fmt: skip
    assert wrong.returncode == 1 and "no es la de esta oficina" in wrong.stderr
    assert run("people", "search", "a", data_dir=office, env=admin).stdout  # still TAP's
    done = run("backup", "restore", str(file), "--yes", "--replace-office", "TAP",
               data_dir=office, env=admin)  # fmt: skip
    assert "ARR" in done.stdout
    assert run("people", "search", "a", data_dir=office, env=admin).stdout == ""


def test_a_data_folder_on_a_missing_drive_is_refused(tmp_path):
    result = run(
        "people", "search", "a", data_dir=tmp_path / "usb-desconectada" / "datos", check=False
    )
    assert result.returncode == 1 and "No existe la carpeta" in result.stderr
    assert not (tmp_path / "usb-desconectada").exists()


def test_receipt_pdf_and_void_from_the_command_line(demo_dir, new_office, tmp_path):
    office = new_office("office", like=demo_dir)
    folio = f"TAP-{date.today().year}-000001"  # the demo delivers supports every month
    out = tmp_path / "recibo.pdf"
    result = run("receipt", "pdf", "--folio", folio, "-o", str(out), data_dir=office)
    assert out.read_bytes().startswith(b"%PDF") and folio in result.stdout
    from pypdf import PdfReader

    text = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert folio in text and "DEMOSTRACIÓN" in text
    missing = run(
        "receipt", "pdf", "--folio", "TAP-2026-999999", "-o", str(out), data_dir=office, check=False
    )
    assert (
        missing.returncode == 1
        and missing.stderr.count("\n") == 1
        and "No existe" in missing.stderr
    )
    caseworker = {"FRONTERA_DESK_USER": "capturista", "FRONTERA_DESK_PASSWORD": "demo"}
    denied = run(
        "receipt",
        "void",
        "--folio",
        folio,
        "--reason",
        "x",
        data_dir=office,
        env=caseworker,
        check=False,
    )
    assert denied.returncode == 1 and "no permite cancelar recibos" in denied.stderr
    run("receipt", "void", "--folio", folio, "--reason", "Error de captura", data_dir=office)
    again = run("receipt", "void", "--folio", folio, "--reason", "x", data_dir=office, check=False)
    assert again.returncode == 1 and "ya estaba cancelado" in again.stderr


def test_summary_and_month_close_from_the_command_line(demo_dir, tmp_path):
    last = date.today().replace(day=1) - timedelta(days=1)
    month = f"{last:%Y-%m}"
    for suffix in (".json", ".pdf", ".xlsx"):
        result = run("summary", "--month", month, "-o", str(tmp_path / f"r{suffix}"),
                     data_dir=demo_dir)  # fmt: skip
        assert "escrito" in result.stdout
    document = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert document["period"] == month and document["office"]["code"] == "TAP"
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    bad = run("summary", "--month", "2026-13", "-o", str(tmp_path / "x.json"), data_dir=demo_dir,
              check=False)  # fmt: skip
    assert bad.returncode == 1 and "no es un mes" in bad.stderr and "Traceback" not in bad.stderr
    early = run("package", "export", "--month", month, "-o", str(tmp_path / "p.zip"),
                data_dir=demo_dir, check=False)  # fmt: skip
    assert early.returncode == 1 and "Cierre primero" in early.stderr


def test_the_year_report_from_the_command_line(demo_dir, tmp_path):
    """summary --year in the four formats; a year without records, a bad year and a bad
    extension get one line each."""
    year = str(date.today().year)
    for suffix in (".json", ".pdf", ".xlsx", ".docx"):
        result = run("summary", "--year", year, "-o", str(tmp_path / f"a{suffix}"),
                     data_dir=demo_dir)  # fmt: skip
        assert f"Informe anual {year} (PRELIMINAR) escrito" in result.stdout
    document = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert document["year"] == int(year) and document["preliminary"]
    assert (tmp_path / "a.docx").read_bytes().startswith(b"PK")
    for args, said in (
        (("--year", "2019", "-o", "x.pdf"), "no tiene registros de ese año"),
        (("--year", "20x6", "-o", "x.pdf"), "no es un año"),
        (("--year", year, "-o", "x.txt"), ".pdf, .xlsx, .json o .docx"),
        (("--year", year, "--month", f"{year}-01", "-o", "x.pdf"), "no se permite junto con"),
    ):
        bad = run("summary", *args, data_dir=demo_dir, check=False)
        assert bad.returncode != 0 and said in bad.stderr and "Traceback" not in bad.stderr


def test_demo_offices_and_a_demo_headquarters_from_the_command_line(new_office, tmp_path):
    """demo create --office/--name/--place; setup --hq --demo; office enroll and package import
    refuse bad files in one line each; a caseworker cannot write the office card."""
    arr = new_office("arr")
    made = run("demo", "create", "--office", "arr", "--name", "Oficina Arriaga", "--place",
               "Arriaga, Chiapas", "--persons", "20", "--months", "2", data_dir=arr)  # fmt: skip
    assert "20 personas" in made.stdout
    people = json.loads(run("people", "search", "a", "--json", data_dir=arr).stdout)
    assert people  # the demo office is usable
    worker = {"FRONTERA_DESK_USER": "capturista", "FRONTERA_DESK_PASSWORD": "demo"}
    card = run("office", "card", "-o", str(tmp_path / "ARR.oficina"), data_dir=arr, env=worker,
               check=False)  # fmt: skip
    assert card.returncode == 1 and "llave de la oficina" in card.stderr
    assert card.stderr.count("\n") == 1 and not (tmp_path / "ARR.oficina").exists()
    hq = new_office("hq")
    admin = {"FRONTERA_DESK_USER": "admin", "FRONTERA_DESK_PASSWORD": "clave-segura-1"}
    out = run("setup", "--office", "CEN", "--name", "Oficinas centrales (ensayo)", "--hq",
              "--demo", data_dir=hq, env=admin)  # fmt: skip
    assert "CEN configurada" in out.stdout
    only_hq = run("setup", "--office", "XX", "--name", "X", "--demo", data_dir=new_office("x"),
                  env=admin, check=False)  # fmt: skip
    assert only_hq.returncode == 1 and "--hq" in only_hq.stderr
    junk = tmp_path / "nota.oficina"
    junk.write_text('{"format": ' + "[" * 100_000 + "]" * 100_000 + "}")
    refused = run("office", "enroll", str(junk), data_dir=hq, env=admin, check=False)
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    assert "nota.oficina" in refused.stderr and "Traceback" not in refused.stderr
    assert run("office", "list", data_dir=hq, env=admin).stdout == ""


def test_the_monthly_cycle_from_the_command_line(demo_dir, new_office, tmp_path):
    """An office closes its month, writes its card and package; headquarters enrolls the card and
    imports a batch in which the demo package and a junk file are refused, one line each."""
    last = date.today().replace(day=1) - timedelta(days=1)
    month = f"{last:%Y-%m}"
    before = last.replace(day=1) - timedelta(days=1)  # the demo has records in it too
    first = f"{before:%Y-%m}" if before.year == last.year else month
    if first != month:  # months close in order
        early = run("month", "close", "--month", month, data_dir=demo_dir, check=False)
        assert early.returncode == 1 and "los meses se cierran en orden" in early.stderr
        run("month", "close", "--month", first, data_dir=demo_dir)
    run("month", "close", "--month", month, data_dir=demo_dir)
    run("package", "export", "--month", month, "-o", str(tmp_path / "demo.zip"), data_dir=demo_dir)
    run("month", "reopen", "--month", first, "--reason", "Prueba", data_dir=demo_dir)  # both

    admin = {"FRONTERA_DESK_USER": "admin", "FRONTERA_DESK_PASSWORD": "clave-segura-1"}
    boss = {"FRONTERA_DESK_USER": "jefa", "FRONTERA_DESK_PASSWORD": "clave-segura-33"}
    add_boss = {**admin, "FRONTERA_DESK_NEW_PASSWORD": boss["FRONTERA_DESK_PASSWORD"]}
    office, hq = new_office("arr"), new_office("hq")
    run("setup", "--office", "ARR", "--name", "Oficina Arriaga", data_dir=office, env=admin)
    run("setup", "--office", "CEN", "--name", "Oficinas centrales", "--hq", data_dir=hq, env=admin)
    for folder in (office, hq):
        run("user", "add", "jefa", "--role", "supervisor", "--name", "Jefa", data_dir=folder,
            env=add_boss)  # fmt: skip
    card = run("office", "card", "-o", str(tmp_path / "ARR.oficina"), data_dir=office, env=boss)
    fingerprint = card.stdout.split("huella ")[1][:19]
    enrolled = run("office", "enroll", str(tmp_path / "ARR.oficina"), data_dir=hq, env=admin)
    assert fingerprint in enrolled.stdout
    run("month", "close", "--month", month, data_dir=office, env=boss)
    real = tmp_path / "arr.zip"
    run("package", "export", "--month", month, "-o", str(real), data_dir=office, env=boss)
    junk = tmp_path / "notas.zip"
    junk.write_text("no soy un zip")
    batch = run("package", "import", str(tmp_path / "demo.zip"), str(junk), str(real),
                data_dir=hq, env=boss, check=False)  # fmt: skip
    assert batch.returncode == 1
    assert f"ARR {month}: revisión 1 importada." in batch.stdout
    rejected = batch.stderr.strip().splitlines()
    assert (
        len(rejected) == 2
        and "demo.zip" in rejected[0] and "demostración" in rejected[0]
        and "no es un archivo zip" in rejected[1]
    )  # fmt: skip
    again = run("package", "import", str(real), data_dir=hq, env=boss)
    assert "sin cambios" in again.stdout
    listing = run("office", "list", data_dir=hq, env=boss).stdout
    assert fingerprint in listing and f"último paquete: {month}" in listing
    run("summary", "--month", month, "-o", str(tmp_path / "total.json"), data_dir=hq, env=boss)
    total = json.loads((tmp_path / "total.json").read_text(encoding="utf-8"))
    assert [o["code"] for o in total["offices"]] == ["ARR"]


def test_the_trainers_rehearsal_from_the_command_line(tmp_path):
    hq = tmp_path / "oc"
    made = run("demo", "create", "--hq", "--persons", "20", "--months", "2", data_dir=hq)
    assert made.stdout.count("importada") == 3 and made.stdout.count("inscrita") == 3
    month = f"{date.today().replace(day=1) - timedelta(days=1):%Y-%m}"
    run("summary", "--month", month, "-o", str(tmp_path / "total.pdf"), data_dir=hq)
    assert (tmp_path / "total.pdf").read_bytes().startswith(b"%PDF")


def test_an_office_moves_from_its_file_to_a_server(postgres, tmp_path):
    """db move-to-server: same people, same receipts, same accounts and passwords, the audit
    chain intact; the folder then opens the server by itself (its settings)."""
    folder = tmp_path / "oficina"
    run("demo", "create", "--persons", "40", "--months", "2", data_dir=folder)
    before = run("people", "search", "a", "--json", "--limit", "500", data_dir=folder).stdout
    url = pg.new_database(postgres, template=None)
    try:
        admin = {"FRONTERA_DESK_USER": "admin", "FRONTERA_DESK_PASSWORD": "demo"}
        moved = run("db", "move-to-server", "--to", url, data_dir=folder, env=admin)
        assert "Oficina copiada" in moved.stdout and "settings.json" in moved.stdout
        after = run("people", "search", "a", "--json", "--limit", "500", data_dir=folder)
        assert after.stdout == before
        assert "íntegra" in run("audit", "verify", data_dir=folder, env=admin).stdout
        assert "íntegra" in run("db", "check", data_dir=folder, env=admin).stdout
        folio = f"TAP-{date.today().year}-000001"
        pdf = tmp_path / "r.pdf"
        run("receipt", "pdf", "--folio", folio, "-o", str(pdf), data_dir=folder,
            env={"FRONTERA_DESK_USER": "capturista", "FRONTERA_DESK_PASSWORD": "demo"})  # fmt: skip
        assert pdf.read_bytes().startswith(b"%PDF")
        again = run("db", "move-to-server", "--to", url, data_dir=folder, env=admin, check=False)
        assert again.returncode == 1 and "ya trabaja en un servidor" in again.stderr
    finally:
        pg.drop_database(postgres, url)


def test_a_server_password_never_reaches_the_screen_or_the_log(tmp_path):
    url = "postgresql+psycopg://ana:s3creta-9@127.0.0.1:1/oficina"  # nothing listens on port 1
    result = run("people", "search", "a", "--database-url", url, data_dir=tmp_path, check=False)
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "No se pudo conectar con el servidor" in result.stderr
    logged = "".join(p.read_text() for p in (tmp_path / "logs").glob("*.log*"))
    assert "s3creta-9" not in result.stderr + result.stdout + logged
