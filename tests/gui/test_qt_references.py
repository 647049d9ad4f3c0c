"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 on Python 3.11 took a reference
from None and from the arguments at every call of a method that returns nothing, and the program
aborted ("deallocating None") once a session had made some thousands of such calls."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel

CALLS = 1000


def test_calls_that_return_nothing_give_back_their_references(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    text = "Apoyo entregado"
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(text)
    for _ in range(CALLS):
        label.setText(text)
        label.setEnabled(True)
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(text)
    # A few references may come and go with the interpreter's own bookkeeping; a leak is CALLS.
    assert [abs(b - a) < CALLS // 10 for a, b in zip(before, after, strict=True)] == [True] * 3
