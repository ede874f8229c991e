"""The customer filter of the Invoices and Payments lists: one model both filters share, read once when a
file opens and again after a change (not once a tab), each customer with what it owes."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox

from ar_desktop.ui.table_models import money_text


class CustomerChoices(QAbstractListModel):
    """The customer filter's entries: "all customers", then every customer with what it owes. A model, not
    ten thousand addItem calls: each text is made when the list shows it (the id is the UserRole)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.first = ""
        self.choices: list = []
        self._combos: list[QComboBox] = []

    def attach(self, combo: QComboBox) -> None:
        """Show the choices in ``combo``; a new reading keeps the customer each combo had chosen."""
        combo.setModel(self)
        # Ten thousand customers: Qt would otherwise ask for every entry's text to size the combo (seconds,
        # when the window is first shown) and lay out every entry of the drop-down list
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(24)
        combo.view().setUniformItemSizes(True)
        self._combos.append(combo)

    def load(self, books) -> None:
        self.show_choices(read_choices(books))

    def show_choices(self, choices: list) -> None:
        """Choices read by ``read_choices`` (off the GUI thread when a file opens)."""
        self.set_choices(QCoreApplication.translate("InvoicesTab", "All customers"), choices)

    def set_choices(self, first: str, choices: list) -> None:
        combos = [c for c in self._combos if shiboken6.isValid(c)]
        chosen = [c.currentData() for c in combos]
        for c in combos:
            c.blockSignals(True)  # the same customer stays chosen: nothing to reload
        try:
            self.beginResetModel()
            self.first, self.choices = first, choices
            self.endResetModel()
            for c, cid in zip(combos, chosen):
                c.setCurrentIndex(0 if cid is None else max(c.findData(cid), 0))
        finally:
            for c in combos:
                c.blockSignals(False)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or not self.first else len(self.choices) + 1   # empty until the file is open

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = index.row()
        if role == Qt.ItemDataRole.UserRole:
            return None if row == 0 else self.choices[row - 1].id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if row == 0:
                return self.first
            c = self.choices[row - 1]
            owes = f"  ·  {money_text(c.open_balance)} {c.currency}" if c.open_balance else ""
            return f"{c.code} – {c.name}{owes}"
        return None


def read_choices(books) -> list:
    """Every customer with what it owes (a read of the file, any thread)."""
    from ar_desktop.services.customers import customer_picker  # with the file: the window starts without it

    return customer_picker(books)
