"""The Spanish translation is current (no string missing from the .ts) and complete."""

import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "frontera_desk_es.ts"


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message
    return found


def _lupdate() -> list[str]:
    spec = importlib.util.spec_from_file_location(
        "hatch_build", ROOT / "packaging" / "hatch_build.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module._tool("lupdate")


def test_ts_file_lists_every_visible_string(tmp_path):
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = sorted(
        str(p) for p in (ROOT / "frontera_desk").rglob("*.py")
        if ("gui" in p.parts or p.name == "app.py") and "generated" not in p.parts
    )  # fmt: skip
    forms = sorted(str(p) for p in (ROOT / "forms").glob("*.ui"))
    subprocess.run(
        [*_lupdate(), *sources, *forms, "-ts", str(fresh), "-no-obsolete", "-locations", "none",
         "-target-language", "es_MX"],
        check=True, capture_output=True,
    )  # fmt: skip
    assert set(_messages(fresh)) == set(_messages(TS)), "run packaging/update_translations.sh"


def test_every_string_has_a_spanish_translation():
    missing = []
    for key, message in _messages(TS).items():
        translation = message.find("translation")
        forms = [f.text for f in translation.findall("numerusform")] or [translation.text]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
            missing.append(key)
    assert missing == []


def test_no_tr_call_hides_inside_an_f_string():
    """lupdate cannot see tr() inside an f-string's braces; such strings would stay English."""
    offenders = []
    for path in (ROOT / "frontera_desk" / "gui").rglob("*.py"):
        if "generated" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\{[^}]*\btr(anslate)?\(", line):
                offenders.append(f"{path.name}:{number}")
    assert offenders == []
