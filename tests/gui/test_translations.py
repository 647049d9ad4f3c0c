"""The Spanish translation is current (no string missing from the .ts) and complete."""

import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "frontera_desk_es.ts"
TS_EN = ROOT / "resources" / "translations" / "frontera_desk_en.ts"  # plural forms only


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


@pytest.mark.parametrize(
    ("ts", "extra"),
    [(TS, ["-target-language", "es_MX"]), (TS_EN, ["-target-language", "en_US", "-pluralonly"])],
)
def test_ts_files_list_every_visible_string(tmp_path, ts, extra):
    fresh = tmp_path / "fresh.ts"
    shutil.copy(ts, fresh)
    sources = sorted(
        str(p) for p in (ROOT / "frontera_desk").rglob("*.py")
        if ("gui" in p.parts or p.name == "app.py") and "generated" not in p.parts
    )  # fmt: skip
    forms = sorted(str(p) for p in (ROOT / "forms").glob("*.ui"))
    options = ["-ts", str(fresh), "-no-obsolete", "-locations", "none", *extra]
    subprocess.run([*_lupdate(), *sources, *forms, *options], check=True, capture_output=True)
    assert set(_messages(fresh)) == set(_messages(ts)), "run packaging/update_translations.sh"


@pytest.mark.parametrize("ts", [TS, TS_EN])
def test_every_string_is_translated(ts):
    missing = []
    for key, message in _messages(ts).items():
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
            if re.search(r"\bf([\"']).*\{[^}]*\btr(anslate)?\(", line):
                offenders.append(f"{path.name}:{number}")
    assert offenders == []


def test_qt_file_dialog_speaks_mexican_spanish(qtbot):
    """Issue 24, item 19: Qt's own file dialog in Spanish, with Mexico's words (archivo,
    carpeta), not Spain's (fichero, directorio) nor English."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog(None, "Guardar", str(ROOT), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "&Buscar en:" in texts and "Archivos de &tipo:" in texts
    assert "&Nombre del archivo:" in texts
    for wrong in ("Look in", "Files of type", "fichero", "Directorio"):
        assert wrong not in texts


def _visible_texts(root) -> set[str]:
    """The words a user reads on a window: labels, buttons, tabs, titles, list headers."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabWidget

    texts = {root.windowTitle()}
    for label in root.findChildren(QLabel):
        texts.add(label.text())
    for button in root.findChildren(QAbstractButton):
        texts.add(button.text())
    for box in root.findChildren(QGroupBox):
        texts.add(box.title())
    for tabs in root.findChildren(QTabWidget):
        texts.update(tabs.tabText(i) for i in range(tabs.count()))
    return {t for t in texts if t and any(c.isalpha() for c in t)}


def test_no_english_text_on_the_spanish_program(qtbot, make_ctx):
    """Issue 24, item 20: every page and the main forms, in Spanish, show no English source
    text that has a Spanish translation (a string shown without going through tr())."""
    from frontera_desk.domain.enums import Role
    from frontera_desk.gui.dialogs.activity_dialog import ActivityDialog
    from frontera_desk.gui.dialogs.agreement_dialogs import AgreementDialog, OrganizationDialog
    from frontera_desk.gui.dialogs.person_dialog import PersonDialog
    from frontera_desk.gui.main_window import MainWindow

    english = {
        source
        for (_context, source), message in _messages(TS).items()
        if source and message.findtext("translation") not in (None, "", source)
    }
    ctx = make_ctx(Role.ADMINISTRADOR)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    shown = set()
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        shown |= _visible_texts(window)
    for make in (lambda: PersonDialog(ctx), lambda: ActivityDialog(ctx),
                 lambda: AgreementDialog(ctx), lambda: OrganizationDialog(ctx)):  # fmt: skip
        dialog = make()
        qtbot.addWidget(dialog)
        shown |= _visible_texts(dialog)
    assert sorted(shown & english) == []


def test_no_spanish_text_on_the_english_program(qtbot, qapp, make_ctx, monkeypatch):
    """Issue 24, item 20, the other way: in English, no page or form shows a Spanish text of
    the catalog (one the .ts translates from English)."""
    from dataclasses import replace

    from PySide6.QtCore import QTranslator

    from frontera_desk.domain.enums import Role
    from frontera_desk.gui.dialogs.activity_dialog import ActivityDialog
    from frontera_desk.gui.dialogs.person_dialog import PersonDialog
    from frontera_desk.gui.main_window import MainWindow

    spanish = {
        message.findtext("translation")
        for (_context, source), message in _messages(TS).items()
        if message.findtext("translation") not in (None, "", source)
    }
    translators = qapp.findChildren(QTranslator)
    for translator in translators:
        qapp.removeTranslator(translator)
    try:
        base = make_ctx(Role.ADMINISTRADOR)
        ctx = replace(base, settings=replace(base.settings, language="en"))
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        shown = set()
        for row in range(window.nav.count()):
            window.nav.setCurrentRow(row)
            shown |= _visible_texts(window)
        for dialog in (PersonDialog(ctx), ActivityDialog(ctx)):
            qtbot.addWidget(dialog)
            shown |= _visible_texts(dialog)
    finally:
        for translator in translators:
            qapp.installTranslator(translator)
    assert sorted(shown & spanish) == []
