"""``frontera-desk import people|supports FILE`` (issue 25): a dry run saves nothing, a run
lists its skipped rows by number, a second run of the same file imports nothing, undo."""

from __future__ import annotations

import json

import openpyxl
import pytest

from tests.e2e.test_cli import run


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    place = tmp_path_factory.mktemp("demo")
    run("demo", "create", "--persons", "5", "--months", "1", "--seed", "3", data_dir=place)
    return place


@pytest.mark.sqlite_only
def test_import_people_from_the_command_line(office, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["Nombre completo", "Fecha de nacimiento", "Sexo", "País", "Pasaporte"])
    book.active.append(["Zoila Quetzal Ixcamparic", "05/03/1990", "Mujer", "Guatemala", "G 77"])
    book.active.append(["Yaretzi Xol", "32/13/1990", "Mujer", "Guatemala", ""])
    book.save(tmp_path / "lista.xlsx")
    trial = run(
        "import",
        "people",
        str(tmp_path / "lista.xlsx"),
        "--dry-run",
        "--save-mapping",
        str(tmp_path / "m.json"),
        data_dir=office,
    )
    assert "fila 3: se omite: Fecha de nacimiento" in trial.stdout
    assert "1 filas se importarían" in trial.stdout
    assert json.loads((tmp_path / "m.json").read_text())["columnas"]["passport"] == "Pasaporte"
    assert "Ixcamparic" not in run("people", "search", "ixcamparic", data_dir=office).stdout
    done = run(
        "import",
        "people",
        str(tmp_path / "lista.xlsx"),
        "--mapping",
        str(tmp_path / "m.json"),
        data_dir=office,
    )
    assert "1 personas nuevas" in done.stdout and "fila 3: se omitió" in done.stdout
    found = json.loads(run("people", "search", "G77", "--json", data_dir=office).stdout)
    assert [(p["given_names"], p["first_surname"], p["second_surname"]) for p in found] == [
        ("Zoila", "Quetzal", "Ixcamparic")
    ]
    batch = done.stdout.rsplit("Lote ", 1)[1].split(":")[0]
    again = run("import", "people", str(tmp_path / "lista.xlsx"), data_dir=office)
    assert "0 personas nuevas" in again.stdout and "ya importada" in again.stdout
    run("import", "undo", batch, data_dir=office)
    assert json.loads(run("people", "search", "G77", "--json", data_dir=office).stdout) == []
    pdf = tmp_path / "lista2.xlsx"
    pdf.write_bytes(b"%PDF-1.4 nada")
    bad = run("import", "people", str(pdf), data_dir=office, check=False)
    assert bad.returncode == 1 and "es un PDF" in bad.stderr and "Traceback" not in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1
