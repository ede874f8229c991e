"""A list the user reads and picks from: a table view of whole rows, one at a time, never edited in place (a
row opened is a dialog's business), without row numbers, in alternating shades."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView


def read_only_table(model: QAbstractItemModel) -> QTableView:
    """The view of ``model``; the caller sets how its columns share the width."""
    t = QTableView()
    t.setModel(model)
    t.verticalHeader().hide()
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setAlternatingRowColors(True)
    return t
