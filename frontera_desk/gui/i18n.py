"""Load the interface language: Qt's own strings and ours (compiled at build time)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).parent / "generated" / "i18n"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Spanish (Mexico) by default; English is the source language and needs no file."""
    QLocale.setDefault(
        QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico)
        if language == "es"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    )
    if language == "en":
        return []
    installed = []
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for translator, name, folder in (
        (QTranslator(app), "qtbase_es", qt_translations),
        # Qt's Spanish is Spain's ("fichero", "directorio"); Mexico says "archivo", "carpeta".
        # Installed later, it is asked first.
        (QTranslator(app), "qtbase_overrides_es", str(I18N_DIR)),
        (QTranslator(app), "frontera_desk_es", str(I18N_DIR)),
    ):
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
