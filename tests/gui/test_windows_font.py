"""The interface font on Windows (issue 26): Segoe UI where Windows has it; elsewhere — Wine, a
trimmed system — the DejaVu Sans the program ships, never a font that drops "Ó"."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QFontMetrics

from frontera_desk.app import use_a_font_with_accents


def test_without_segoe_ui_the_interface_uses_the_shipped_font(qapp) -> None:
    assert "Segoe UI" not in QFontDatabase.families()  # as under Wine
    before = qapp.font()
    try:
        use_a_font_with_accents(qapp, platform="win32")
        font = qapp.font()
        assert font.family() == "DejaVu Sans"
        assert font.pointSizeF() == before.pointSizeF()
        assert all(QFontMetrics(font).inFontUcs4(ord(c)) for c in "ÓÁÉÍÚÑóáéíúñ¿¡")
    finally:
        qapp.setFont(before)


def test_elsewhere_the_system_font_stays(qapp) -> None:
    before = qapp.font().family()
    use_a_font_with_accents(qapp, platform="linux")
    assert qapp.font().family() == before
