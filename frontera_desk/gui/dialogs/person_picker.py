"""Choosing a person."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from frontera_desk.gui.context import AppContext
from frontera_desk.gui.dialogs.base import Dialog
from frontera_desk.gui.generated.ui_person_picker_dialog import Ui_PersonPickerDialog
from frontera_desk.gui.models.lazy import IdRole
from frontera_desk.gui.models.tables import people_model
from frontera_desk.gui.widgets import set_up_table


class PersonPickerDialog(Dialog):
    """Search and choose one registered person (``person_id``, ``person_name``)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PersonPickerDialog")
        self.ui = ui = Ui_PersonPickerDialog()
        ui.setupUi(self)
        self.person_id: int | None = None
        self.person_name = ""
        self.model = people_model(ctx.db, ctx.language, self)
        self.model.reload()
        set_up_table(ui.table, self.model)
        self._timer = QTimer(self, singleShot=True, interval=ctx.settings.search_delay_ms)
        self._timer.timeout.connect(lambda: self._search(ui.search.text()))
        ui.search.textChanged.connect(lambda _text: self._timer.start())
        ui.search.returnPressed.connect(lambda: self._search(ui.search.text()))
        ui.table.doubleClicked.connect(lambda _index: self.accept())
        ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Choose"))
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)

    def _search(self, text: str) -> None:
        self._timer.stop()
        self.model.set_filter(text)
        if self.model.rowCount():
            self.ui.table.selectionModel().select(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.ui.table.setCurrentIndex(self.model.index(0, 0))

    def accept(self) -> None:
        index = self.ui.table.currentIndex()
        if not index.isValid():
            return
        self.person_id = index.data(IdRole)
        self.person_name = self.model.row_data(index.row()).full_name  # type: ignore[union-attr]
        super().accept()
