"""``setup --place``: the place printed on receipts, certificates and the office card is the
office's own, asked at set-up (never a Tapachula default)."""

import subprocess
import sys

ADMIN = {"FRONTERA_DESK_USER": "admin", "FRONTERA_DESK_PASSWORD": "clave-segura-1"}


def run(*args, data_dir, check=True):
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", **ADMIN}
    result = subprocess.run(
        [sys.executable, "-m", "frontera_desk", *args, "--data-dir", str(data_dir)],
        capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_setup_records_the_place_and_header(tmp_path):
    office = tmp_path / "arriaga"
    run("setup", "--office", "ARR", "--name", "Oficina de Atención a Migrantes Arriaga",
        "--place", "Arriaga, Chiapas", "--government", "Gobierno del Estado de Chiapas",
        data_dir=office)  # fmt: skip
    card = run("office", "card", "-o", str(tmp_path / "ARR.oficina"), data_dir=office)
    assert "Arriaga, Chiapas" in card.stdout and "Tapachula" not in card.stdout


def test_an_empty_place_is_refused_in_one_line(tmp_path):
    result = run("setup", "--office", "ARR", "--name", "Arriaga", "--place", " ",
                 data_dir=tmp_path / "x", check=False)  # fmt: skip
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "frontera-desk: Lugar: obligatorio; se imprime en recibos y constancias "
        "(Tapachula, Chiapas)."
    ]
