"""The command line as an HQ script or an administrator uses it: real processes, real files."""

import json
import os
import subprocess
import sys

import pytest


def run(*args, data_dir, check=True, env=None):
    result = subprocess.run(
        [sys.executable, "-m", "frontera_desk", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("demo")
    result = run(
        "demo", "create", "--persons", "60", "--months", "3", "--seed", "7", data_dir=data_dir
    )
    assert "60 personas" in result.stdout
    return data_dir


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


def test_demo_is_reproducible(demo_dir, tmp_path):
    again = tmp_path / "again"
    run("demo", "create", "--persons", "60", "--months", "3", "--seed", "7", data_dir=again)
    first = run("people", "search", "a", "--json", "--limit", "500", data_dir=demo_dir).stdout
    second = run("people", "search", "a", "--json", "--limit", "500", data_dir=again).stdout
    strip = lambda out: [{k: v for k, v in r.items() if k != "uuid"} for r in json.loads(out)]  # noqa: E731
    assert strip(first) == strip(second)


def test_demo_refuses_to_overwrite_without_force(demo_dir):
    result = run("demo", "create", "--persons", "5", data_dir=demo_dir, check=False)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "--force" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_input_is_one_line_on_stderr(tmp_path):
    result = run("demo", "create", "--persons", "0", data_dir=tmp_path, check=False)
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    usage = run("people", data_dir=tmp_path, check=False)
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


def test_db_check_reports_a_damaged_file(demo_dir, tmp_path):
    assert "íntegra" in run("db", "check", data_dir=demo_dir).stdout
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "frontera.db").write_bytes(b"this is not a database" * 100)
    result = run("db", "check", data_dir=broken, check=False)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "dañada" in result.stderr


def test_smoke_test_opens_the_window_and_exits(demo_dir):
    result = run("--smoke-test", data_dir=demo_dir)
    assert "interactive in" in result.stdout


def test_smoke_test_on_an_empty_dir_fails_clearly(tmp_path):
    result = run("--smoke-test", data_dir=tmp_path, check=False)
    assert result.returncode == 1 and "no está configurada" in result.stderr


def test_data_dir_goes_before_or_after_the_subcommand(demo_dir):
    before = subprocess.run(
        [
            sys.executable,
            "-m",
            "frontera_desk",
            "--data-dir",
            str(demo_dir),
            "people",
            "search",
            "a",
        ],
        capture_output=True,
        text=True,
    )
    after = run("people", "search", "a", data_dir=demo_dir)
    assert before.returncode == 0 and before.stdout == after.stdout


def test_demo_never_replaces_a_real_office(tmp_path):
    from frontera_desk import paths
    from frontera_desk.db import open_database
    from frontera_desk.services.office import initialize_office

    real = paths.resolve(tmp_path / "real").create()
    db = open_database(real.database, real.backup_dir)
    with db.write() as session:
        initialize_office(session, "ARR", "Oficina Arriaga")
    db.dispose()
    result = run("demo", "create", "--force", data_dir=real.data_dir, check=False)
    assert result.returncode == 1 and "ARR" in result.stderr
    assert "íntegra" in run("db", "check", data_dir=real.data_dir).stdout
