"""The import contract of DESIGN.md §3, checked on the code's imports: nothing below gui/
imports Qt, and each package imports only the layers beneath it."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "frontera_desk"

# Which parts of the project each part may import (its own modules always). The modules at the
# top of the package are utilities (paths, settings, instance, about, the package's version)
# or the composition roots (cli, app, startup, __main__), which may import anything.
UTILITIES = {"frontera_desk", "paths", "settings", "instance", "about"}
MAY_IMPORT = {
    "domain": set(),  # values and rules: nothing of the project
    "db": {"domain"},
    "exchange": {"domain"},  # pure code of the files exchanged with HQ
    "reports": {"domain"},  # PDFs and workbooks from plain data
    "services": {"db", "domain", "exchange", "reports"} | UTILITIES,
    "gui": {"services", "reports", "exchange", "domain"} | UTILITIES,
    "paths": {"domain"},
    "settings": set(),
    "instance": {"domain", "paths"},
    "about": {"frontera_desk"},
}
ROOTS = {"cli", "app", "startup", "__main__", "frontera_desk"}

# Today's breaches, each to be removed as issue #21 goes on (never add one to pass a test).
ALLOWED = {
    # item 3: MonthlySummary is a service's dataclass; it moves to domain/ with the summary rules
    ("exchange.summary_json", "services.summary"),
    # item 3: the data a receipt and an attendance sheet print are services' dataclasses
    ("reports.receipt", "services.receipts"),
    ("reports.activity_sheets", "services.activities"),
    ("reports.certificate", "services.certificates"),
    # item 3: the year report's dataclasses, likewise (and its sections' month list)
    ("exchange.year_json", "services.year_report"),
    ("reports.year_docx", "services.year_report"),
    ("reports.year_pdf", "services.year_report"),
    ("reports.year_tables", "services.year_report"),
    ("reports.year_xlsx", "services.year_report"),
    # item 3: how a budget line reads belongs with the plan's rules in domain/
    ("reports.summary_tables", "services.plan"),
    # item 3: the GUI's list queries move to read-side row sources; until then gui/ reads db/
    ("gui.context", "db"),
    ("gui.models.lazy", "db"),
    ("gui.models.tables", "db"),
}


def part(module: str) -> str:
    """``frontera_desk.services.people`` → ``services``; ``frontera_desk.cli`` → ``cli``."""
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else pieces[0]


def imports_of(source: str, module: str, is_package: bool = False) -> set[str]:
    """The project modules that ``source`` (the text of ``module``) imports, anywhere in it
    (imports inside functions and under TYPE_CHECKING count: they are dependencies too)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from its package
                base = module.split(".")[: len(module.split(".")) - node.level + is_package]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.add(name)
            if name == "frontera_desk":  # from frontera_desk import paths
                found |= {f"frontera_desk.{alias.name}" for alias in node.names
                          if (PACKAGE / f"{alias.name}.py").exists()
                          or (PACKAGE / alias.name).is_dir()}  # fmt: skip
    return {name for name in found if name == "frontera_desk" or name.startswith("frontera_desk.")}


def breaches(module: str, imported: set[str], allowed=frozenset()) -> list[str]:
    """The imports of ``module`` that the contract forbids (and the allow-list does not hold)."""
    source = part(module)
    if source in ROOTS:
        return []
    may = MAY_IMPORT[source] | {source}
    wrong = []
    for name in sorted(imported):
        target = part(name)
        if target in may:
            continue
        short, target_short = (
            module.removeprefix("frontera_desk."),
            name.removeprefix("frontera_desk."),
        )
        if any(short == a and (target_short == b or target_short.startswith(b + "."))
               for a, b in allowed):  # fmt: skip
            continue
        wrong.append(f"{short} imports {target_short}")
    return wrong


def project_modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        if "generated" in path.parts or "versions" in path.parts:
            continue
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        is_package = relative.name == "__init__"
        module = ".".join(relative.parts[:-1] if is_package else relative.parts)
        yield module, path, is_package


def test_each_layer_imports_only_the_layers_beneath_it():
    wrong = []
    used = set()
    for module, path, is_package in project_modules():
        imported = imports_of(path.read_text(encoding="utf-8"), module, is_package)
        wrong += breaches(module, imported, ALLOWED)
        for name in imported:
            short = (module.removeprefix("frontera_desk."), name.removeprefix("frontera_desk."))
            used |= {entry for entry in ALLOWED if short[0] == entry[0]
                     and (short[1] == entry[1] or short[1].startswith(entry[1] + "."))}  # fmt: skip
    assert wrong == []
    assert used == ALLOWED, f"fixed, remove from ALLOWED: {sorted(ALLOWED - used)}"


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        ("frontera_desk.domain.money", "from frontera_desk.db.models import Person",
         ["domain.money imports db.models"]),
        ("frontera_desk.domain.money", "def f():\n    import frontera_desk.services.people",
         ["domain.money imports services.people"]),
        ("frontera_desk.reports.receipt", "from frontera_desk.services import months",
         ["reports.receipt imports services"]),
        ("frontera_desk.exchange.package", "from frontera_desk import gui",
         ["exchange.package imports frontera_desk", "exchange.package imports gui"]),
        ("frontera_desk.db.models", "from ..services import audit",
         ["db.models imports services"]),
        ("frontera_desk.services.people", "from frontera_desk.gui.labels import money",
         ["services.people imports gui.labels"]),
        ("frontera_desk.services.people", "from frontera_desk.db.models import Person", []),
        ("frontera_desk.gui.pages.x", "from frontera_desk.services import people", []),
    ],
)  # fmt: skip
def test_the_contract_check_finds_a_wrong_import(module, source, expected):
    assert breaches(module, imports_of(source, module), ALLOWED) == expected


def test_lower_layers_load_without_qt():
    code = (
        "import sys, pkgutil, importlib\n"
        "import frontera_desk\n"
        "for pkg in ('domain', 'db', 'services', 'reports', 'exchange'):\n"
        "    mod = importlib.import_module('frontera_desk.' + pkg)\n"
        "    for info in pkgutil.walk_packages(mod.__path__, mod.__name__ + '.'):\n"
        "        if '.migrations.env' in info.name or '.versions.' in info.name:\n"
        "            continue\n"
        "        importlib.import_module(info.name)\n"
        "import frontera_desk.cli, frontera_desk.paths, frontera_desk.settings\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_month_names_are_defined_once_in_the_domain():
    from frontera_desk.domain import months
    from frontera_desk.reports import receipt
    from frontera_desk.services import months as month_service

    assert month_service.month_name is months.month_name
    assert month_service.MONTHS_ES is receipt.MONTHS is months.MONTHS_ES
    assert months.month_name(2026, 3) == "marzo de 2026"
