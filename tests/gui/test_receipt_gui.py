"""The receipt preview (QtPdf), saving and reprinting, the receipts list and code checking."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from frontera_desk.domain.enums import Role, Sex
from frontera_desk.gui.dialogs.receipt_dialogs import (
    ReceiptPreview,
    ReceiptSearchDialog,
    VerifyReceiptDialog,
)
from frontera_desk.services import evidence, people, receipts, supports
from frontera_desk.services.people import PersonInput
from frontera_desk.services.supports import SupportInput


@pytest.fixture
def folios(db, actors):
    made = []
    with db.write() as session:
        other = next(t.id for t in supports.support_types(session) if t.code == "OTRO")
        for name in ("Rosa", "Luz"):
            p = people.create_person(
                session, actors[Role.CAPTURISTA], PersonInput(name, "Cruz", sex=Sex.FEMALE)
            )
            s = supports.request_support(
                session, actors[Role.CAPTURISTA], SupportInput(p.id, other, "Kit", 45_000)
            )
            supports.approve_support(session, actors[Role.SUPERVISOR], s.id)
            evidence.receive_all(session, actors[Role.CAPTURISTA], s.id)
            made.append(supports.deliver_support(session, actors[Role.CAPTURISTA], s.id).folio)
    return made


def test_preview_shows_the_receipt_and_saving_counts_as_a_print(
    qtbot, ctx, db, folios, tmp_path, monkeypatch
):
    preview = ReceiptPreview(ctx, folios[:1])
    qtbot.addWidget(preview)
    assert preview.document.pageCount() == 1
    assert preview.windowTitle() == f"Recibo {folios[0]}"
    target = tmp_path / "recibo.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)")
    )
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")
    with db.read() as session:
        assert receipts.receipt_data(session, folios[0]).print_count == 1  # the next is a reprint
    from pypdf import PdfReader

    assert "REIMPRESIÓN núm. 1" in PdfReader(preview.pdf).pages[0].extract_text()
    preview.reject()
    assert not preview.pdf.exists()  # the temporary copy goes with the dialog


def test_the_receipts_list_finds_by_name_folio_and_number_off_the_gui_thread(
    qtbot, ctx, db, folios, monkeypatch
):
    dialog = ReceiptSearchDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.ui.count.text() == "2 recibos")  # found off the GUI thread
    assert dialog.ui.table.rowCount() == 2

    def search(text: str) -> list[str]:
        with qtbot.waitSignal(dialog.listed, timeout=10000):
            dialog.ui.search.setText(text)  # one search after the typing pause
        return [dialog.ui.table.item(row, 0).text() for row in range(dialog.ui.table.rowCount())]

    assert search("luz") == [folios[1]]
    assert search("cru") == [folios[1], folios[0]]  # newest first; a word's start is enough
    assert search(folios[0].lower()) == [folios[0]]  # the whole folio, as typed
    assert search(str(int(folios[0][-6:]))) == [folios[0]]  # or its number alone
    assert search("zzz") == [] and dialog.ui.count.text() == "0 recibos"
    with qtbot.waitSignal(dialog.listed, timeout=10000):
        dialog.ui.search.clear()
    with qtbot.waitSignal(dialog.listed, timeout=10000):
        dialog.ui.onlyDay.setChecked(True)
    assert dialog.ui.table.rowCount() == 2  # both today
    monkeypatch.setattr(receipts, "FIND_LIMIT", 2)  # a full list says it may not be all
    with qtbot.waitSignal(dialog.listed, timeout=10000):
        dialog.ui.onlyDay.setChecked(False)
    assert dialog.ui.count.text().startswith("Los 2 recibos más recientes")
    with db.read() as session:
        code = receipts.receipt_data(session, folios[0]).verification
    verify = VerifyReceiptDialog(ctx)
    qtbot.addWidget(verify)
    qtbot.keyClicks(verify.ui.code, code)
    qtbot.keyClick(verify.ui.code, Qt.Key.Key_Return)
    assert "válido" in verify.ui.result.text()
    verify.ui.code.setText(code.replace("|45000|", "|95000|"))
    verify.check()
    assert "NO coincide" in verify.ui.result.text()
    assert date.today().year == int(folios[0][4:8])
