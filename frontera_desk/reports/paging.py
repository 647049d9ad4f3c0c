"""A reportlab canvas that writes "Página N de M" on every page once the pages are counted."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from frontera_desk.reports.fonts import register


class PagedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
    """Pass as ``canvasmaker``: each page is kept until the document ends, then numbered at
    the bottom right, inside ``MARGIN``."""

    MARGIN = 12 * mm

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        regular, _ = register()
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            self.setFont(regular, 8.5)
            self.drawRightString(self._pagesize[0] - self.MARGIN, 7 * mm,
                                 f"Página {number} de {total}")  # fmt: skip
            super().showPage()
        super().save()
