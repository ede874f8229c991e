"""What the list tabs share: a toolbar row, a SQL-backed table and selection helpers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QMenu, QTableView, QToolButton, QVBoxLayout,
                               QWidget)

from ar_desktop.ui.cell_tips import show_cut_off_text
from ar_desktop.ui.table_models import PagedTableModel


class ListTab(QWidget):
    changed = Signal()  # this tab wrote something: other views may need a refresh

    def __init__(self, parent=None):
        super().__init__(parent)
        self.books = None
        self.model: PagedTableModel | None = None
        self.toolbar = QHBoxLayout()
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        show_cut_off_text(self.table)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Enter opens the selected row
            QShortcut(QKeySequence(key), self.table, self.edit_selected, context=Qt.ShortcutContext.WidgetShortcut)
        layout = QVBoxLayout(self)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.table, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.reload)

    def attach_model(self, model: PagedTableModel, widths: dict[str, int] | None = None,
                     sort_column: int = 0, descending: bool = False) -> None:
        """Show ``model``; ``widths`` by column key (a column added later cannot take another's width),
        each widened to its heading where the language needs it, so no heading is cut off."""
        self.model = model
        self.table.setModel(model)
        model.failed.connect(self._read_failed, Qt.ConnectionType.QueuedConnection)  # not inside Qt's paint
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        unknown = set(widths or {}) - {c.key for c in model.columns}
        assert not unknown, f"widths for columns the list does not have: {sorted(unknown)}"
        for col, column in enumerate(model.columns):
            wanted = (widths or {}).get(column.key, header.defaultSectionSize())
            header.resizeSection(col, max(wanted, header.sectionSizeHint(col)))
        # the model starts in this order already; the header says so without asking it to sort (read the
        # list) once more: the tab's reload reads it once
        header.blockSignals(True)
        header.setSortIndicator(sort_column, Qt.SortOrder.DescendingOrder if descending
                                else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    def add_more_menu(self, items) -> dict:
        """A "More" button at the end of the toolbar for the less-used actions; returns them by key."""
        button = QToolButton()
        button.setText(QCoreApplication.translate("ListTab", "More"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        actions = {key: menu.addAction(text, slot) for key, text, slot in items}
        button.setMenu(menu)
        self.toolbar.addWidget(button)
        self.more_button = button
        return actions

    def reload_soon(self) -> None:
        self._debounce.start()

    def reload(self) -> None:
        if self.model is not None and self.books is not None:
            selected = self.selected_ids()
            self.model.reload()
            self.select_ids(selected)

    def selected_ids(self) -> list[int]:
        if self.model is None:
            return []
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [i for i in (self.model.id_at(r) for r in rows) if i is not None]

    def current_id(self) -> int | None:
        ids = self.selected_ids()
        return ids[0] if ids else None

    def select_ids(self, ids: list[int]) -> None:
        if self.model is None:
            return
        for ident in ids[:1]:
            row = self.model.row_of_id(ident)
            if row >= 0:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))

    def edit_selected(self) -> None:  # overridden
        pass

    def _read_failed(self, error: BaseException) -> None:
        from ar_desktop.ui.messages import show_error

        show_error(self, error)

    # -- printing the list (Ctrl+P) -------------------------------------------------------------
    def list_title(self) -> str:  # overridden: the printed title
        return ""

    def filter_text(self) -> str:  # overridden: the filters in force, in words
        return ""

    def print_list(self):
        """Preview the list as it is filtered and sorted, to print or save it."""
        if self.model is None or self.books is None:
            return None
        from ar_desktop.ui.list_printing import print_model

        totals = self.totals.text() if getattr(self, "totals", None) is not None else ""
        return print_model(self, self.books, self.model, self.list_title(), subtitle=self.filter_text(),
                           totals=totals)
