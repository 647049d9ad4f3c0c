"""Render the icon set from resources/icons/frontera-desk.svg (run after editing the SVG).

PNGs for the Linux desktop (hicolor sizes) and a multi-size .ico for Windows, written into
resources/icons/ and committed, so a build needs neither an SVG renderer nor Pillow.

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "frontera-desk.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    return ICONS / "hicolor" / f"{size}x{size}" / "apps" / "frontera-desk.png"


def render() -> None:
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - fonts, plugins
    renderer = QSvgRenderer(str(SVG))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        png_path(size).parent.mkdir(parents=True, exist_ok=True)
        image.save(str(png_path(size)))
    largest = Image.open(png_path(SIZES[-1]))
    largest.save(ICONS / "frontera-desk.ico", sizes=[(s, s) for s in SIZES])


if __name__ == "__main__":
    render()
    print(f"icons written to {ICONS}")
