"""Ayuda › Acerca de: version, data folder, log file and the bundled components' licenses."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from frontera_desk import __version__
from frontera_desk.gui.dialogs.about_dialog import AboutDialog
from frontera_desk.gui.main_window import MainWindow


def test_about_opens_from_the_help_menu(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    help_menu = window.menuBar().actions()[-1].menu()
    about = next(a for a in help_menu.actions() if "Acerca de" in a.text())
    seen = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.windowTitle())
        dialog.close()

    QTimer.singleShot(0, look)
    about.trigger()
    assert seen == ["Acerca de Frontera Desk"]


def test_about_shows_version_paths_and_license_texts(qtbot, ctx):
    dialog = AboutDialog(ctx.paths)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert f"Frontera Desk {__version__}" in texts
    assert str(ctx.paths.data_dir) in texts and str(ctx.paths.log_file) in texts
    assert any("GPL-3.0-or-later" in text for text in texts)
    names = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    for bundled in ("SQLAlchemy", "reportlab", "Qt", "Python", "sqlcipher3", "DejaVu Sans"):
        assert bundled in names
    row = names.index("SQLAlchemy")
    assert dialog.table.item(row, 2).text() == "MIT"
    dialog.table.selectRow(row)
    assert "Permission is hereby granted" in dialog.license_text.toPlainText()
    dialog.copy_details()
    copied = QApplication.clipboard().text()
    assert __version__ in copied and f"Carpeta de datos: {ctx.paths.data_dir}" in copied
