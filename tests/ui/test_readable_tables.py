"""Every table of the window can be read whole, in English and in Chinese: no heading of a list is cut
off, no column of a dialog's table is squeezed below its heading, and a cell whose text is cut off
shows all of it when the mouse rests on it, in every tab and every dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QToolTip, QTreeView

from dialog_catalogue import CATALOGUE
from ar_desktop.ui.i18n import install_translator, remove_translator


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    translator = install_translator(qapp, request.param) if request.param != "en" else None
    yield request.param
    if translator is not None:
        remove_translator(qapp, translator)


def _views(root) -> list[QAbstractItemView]:
    return [v for v in root.findChildren(QTableView) + root.findChildren(QTreeView) if v.isVisibleTo(root)]


def _header(view: QAbstractItemView) -> QHeaderView:
    return view.horizontalHeader() if isinstance(view, QTableView) else view.header()


def _squeezed_headings(view: QAbstractItemView) -> list[str]:
    """Headings narrower than their text (the last section may stretch: it is never squeezed)."""
    header, model = _header(view), view.model()
    found = []
    for col in range(model.columnCount()):
        text = model.headerData(col, header.orientation())
        if header.isSectionHidden(col) or not text:
            continue
        if header.sectionSize(col) < header.sectionSizeHint(col) - 1:
            found.append(f"{text!r}: {header.sectionSize(col)} px < {header.sectionSizeHint(col)} px")
    return found


def _hover_tip(view: QAbstractItemView, index) -> str:
    """What the user reads when the mouse rests on the cell."""
    QToolTip.hideText()
    view.scrollTo(index)
    centre = view.visualRect(index).center()
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, centre,
                                                       view.viewport().mapToGlobal(centre)))
    return QToolTip.text()


def _check_hover(view: QAbstractItemView, where: str) -> None:
    """Squeeze the first column with text to a sliver: resting on a cell shows its whole text."""
    model = view.model()
    if model is None or model.rowCount() == 0:
        return
    for col in range(model.columnCount()):
        index = model.index(0, col)
        text = index.data()
        if isinstance(text, str) and len(text) > 3 and not _header(view).isSectionHidden(col):
            break
    else:
        return
    header = _header(view)
    header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    header.resizeSection(col, 12)
    QApplication.processEvents()
    assert text in _hover_tip(view, index), f"{where}: the cut-off cell {text!r} shows no tooltip"


def test_no_list_heading_is_cut_off(window, language, qtbot):
    window.close_file()  # the tabs are built again in the language chosen
    window.open_file(window.settings.value("files/last"))
    for tab in (window.customers, window.invoices, window.payments):
        window.tabs.setCurrentWidget(tab)
        QApplication.processEvents()
        assert not _squeezed_headings(tab.table), (language, type(tab).__name__, _squeezed_headings(tab.table))


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_every_table_of_a_dialog_shows_its_headings_and_cut_off_cells(name, window, qtbot, tmp_path):
    dialog = CATALOGUE[name](window, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    for view in _views(dialog):
        assert not _squeezed_headings(view), (name, _squeezed_headings(view))
        _check_hover(view, name)


def test_every_table_of_every_tab_shows_its_cut_off_cells(window, qtbot):
    for i in range(window.tabs.count()):
        tab = window.tabs.widget(i)
        window.tabs.setCurrentWidget(tab)
        qtbot.wait(50)
        for view in _views(tab):
            if view.model() is not None and view.model().rowCount() == 0 and hasattr(tab, "reload"):
                tab.reload()
            _check_hover(view, window.tabs.tabText(i))


def test_the_changes_of_a_record_show_amounts_and_customers_as_the_window_does(window, qtbot, tmp_path):
    dialog = CATALOGUE["audit"](window, tmp_path)
    qtbot.addWidget(dialog)
    model = dialog.model
    created = next(r for r in range(model.rowCount()) if model.rows[r].action == "create")
    new_value = model.index(created, 4).data()
    assert "Amount: 7.674,08 EUR" in new_value and "Customer: BAL02" in new_value, new_value  # a German company
    assert "767408" not in new_value and "Customer: 2;" not in new_value


def test_an_import_problem_names_its_column_never_its_key(window, qtbot, tmp_path):
    dialog = CATALOGUE["import-refused"](window, tmp_path)
    qtbot.addWidget(dialog)
    columns = {dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())}
    assert "Customer code" in columns and "Issue date" in columns, columns
    assert not {"customer_code", "issue_date", "due_date"} & columns
