"""Nothing below gui/ imports Qt (DESIGN.md §3)."""

import subprocess
import sys


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
