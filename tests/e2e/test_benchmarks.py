"""The benchmarks run in their quick mode, so that they cannot rot (no time is asserted)."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_benchmark_runs_and_prints_its_figure_next_to_its_floor(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.run_all", "--quick", "--data-dir",
         str(tmp_path / "demo")],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    table = result.stdout
    for measure in ("demo create --persons 2,000", "start-up to interactive window",
                    "name search hernandez", "monthly summary", "one receipt",
                    "open page Personas, next visits: longest frame",
                    "Personas: drag 2,000 rows to the end",
                    "Apoyos: each filter and sort",
                    "Apoyos: request a support (choose the person)",
                    "peak memory of the GUI"):  # fmt: skip
        assert measure in table, measure
    startup = next(line for line in table.splitlines() if line.startswith("start-up"))
    assert re.search(r"\d+\.\d\dx\s+<= 1\.5x$", startup)  # a ratio against the bare window
    signing = next(line for line in table.splitlines() if line.startswith("sign-in dialog"))
    assert re.search(r"\d+\.\d\dx\s+<= 1\.2x$", signing)
    assert "against a bare window that opens the office through the ORM" in table
    assert "a bare window that opens the office without the ORM" in table


def test_the_audit_benchmark_runs_in_its_quick_mode():
    result = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.bench_audit", "--quick"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    for measure in (
        "the actions to filter by",
        "a month, one user: count",
        "a month, a rare action: first 1,000 of the list",
        "check the whole chain",
    ):
        assert measure in result.stdout, measure
