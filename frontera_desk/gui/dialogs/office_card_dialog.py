"""The office card: who this office is and its public key, saved for headquarters to enroll, with
the fingerprint to read over the phone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QWidget

from frontera_desk.gui.dialogs.base import Dialog
from frontera_desk.gui.generated.ui_office_card_dialog import Ui_OfficeCardDialog
from frontera_desk.services import packages


class OfficeCardDialog(Dialog):
    def __init__(self, card: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self.ui = ui = Ui_OfficeCardDialog()
        ui.setupUi(self)
        office = card["office"]
        ui.code.setText(office["code"])
        ui.name.setText(office["name"])
        ui.place.setText(office["place"] or "—")
        ui.uuid.setText(office["uuid"])
        ui.publicKey.setText(card["public_key"])
        ui.fingerprint.setText(card["fingerprint"])
        ui.save.clicked.connect(self.save_card)
        ui.buttons.button(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)

    def save_card(self) -> None:
        name = f"{self.card['office']['code']}.oficina"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Office card"), str(Path.home() / name), "*.oficina"
        )
        if chosen:
            self.write(Path(chosen))

    def write(self, target: Path) -> None:
        try:
            packages.write_card(self.card, target)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Office card"), str(error.strerror or error))
            return
        self.ui.intro.setText(self.tr("Card saved in %1. Read the fingerprint to headquarters "
                                      "over the phone.").replace("%1", str(target)))  # fmt: skip
