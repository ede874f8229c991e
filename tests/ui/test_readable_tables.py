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


def _cut_off_cells(view: QTableView, keys: tuple[str, ...]) -> list[str]:
    from ar_desktop.ui.cell_tips import is_cut_off

    model, header = view.model(), view.horizontalHeader()
    columns = [c for c in range(model.columnCount()) if model.headerData(c, header.orientation()) in keys]
    assert len(columns) == len(keys), (keys, [model.headerData(c, header.orientation())
                                               for c in range(model.columnCount())])
    found = []
    for row in range(model.rowCount()):
        view.scrollTo(model.index(row, 0))
        found += [model.index(row, c).data() for c in columns if is_cut_off(view, model.index(row, c))]
    return found


def test_the_worklist_and_the_credit_lists_read_whole_on_a_laptop(window, language, qtbot):
    """Issue #13: "Last step" and "Promise" of the worklist and the Credit tab's customers were cut off at
    1366 px: each column is as wide as its content, the less needed ones give up room first."""
    from PySide6.QtCore import QCoreApplication

    window.close_file()
    window.open_file(window.settings.value("files/last"))
    window.resize(1366, 768)
    tab = window.collections
    window.tabs.setCurrentWidget(tab)
    tab.reload()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 10)
    qtbot.wait(20)
    heading = [QCoreApplication.translate("Worklist", k)
               for k in ("State", "Last step", "Promise", "Overdue", "Due since")]
    assert any(tab.model.index(r, 9).data() for r in range(tab.model.rowCount())), "no promise in the worklist"
    assert not _cut_off_cells(tab.table, tuple(heading)), (language, _cut_off_cells(tab.table, tuple(heading)))
    assert tab.table.horizontalScrollBar().maximum() == 0  # all of it within the window, nothing sideways
    credit = window.credit
    window.tabs.setCurrentWidget(credit)
    credit.only_warned.setChecked(False)  # every limitation clock, not only those about to run out
    credit.reload()
    for page, table, context in ((0, credit.actions_view.table, "CreditActionsView"),
                                 (1, credit.insurance_table, "CreditTab"), (2, credit.clock_table, "CreditTab")):
        credit.pages.setCurrentIndex(page)
        qtbot.waitUntil(lambda table=table: table.model().rowCount() > 0)
        qtbot.wait(20)
        keys = (QCoreApplication.translate(context, "Customer"),)
        assert not _cut_off_cells(table, keys), (language, page, _cut_off_cells(table, keys))


def test_the_worklist_state_reads_alone_and_its_extras_stay_in_the_row(window, qtbot):
    """At 1366 px the state with its extras ("Action due · promise broken, credit review") was cut off in
    English: the state column says the state, the promise's own column says it is broken (in red), the class
    its ⟳, and the state's tooltip all of it."""
    import dataclasses

    from PySide6.QtCore import Qt

    from ar_desktop.ui import palette
    from ar_desktop.ui.worklist_model import COLUMN_KEYS

    tab = window.collections
    tab.reload()
    qtbot.waitUntil(lambda: any(r.promise for r in tab.model.rows))
    row = next(r for r in tab.model.rows if r.promise)
    broken = dataclasses.replace(row, state="action_due", broken_promise=True, credit_review=True,
                                 promise=dataclasses.replace(row.promise, status="broken"))
    tab.model.set_rows([broken], tab.model.as_of)
    cell = {k: tab.model.index(0, COLUMN_KEYS.index(k)) for k in ("state", "promise", "class")}
    assert cell["state"].data() == "Action due"
    assert cell["state"].data(Qt.ItemDataRole.ToolTipRole) == "Action due · promise broken, credit review"
    assert cell["promise"].data().endswith("(broken)")
    assert cell["promise"].data(Qt.ItemDataRole.ForegroundRole) == palette.color_for(palette.OVERDUE)
    assert cell["class"].data().endswith("⟳")


def test_columns_give_up_room_group_by_group_down_to_their_floor():
    from ar_desktop.ui.column_fit import fitted_widths

    needs = {0: 50, 1: 200, 2: 160, 3: 240, 4: 300}
    assert fitted_widths(needs, 1000, {2: 90}) == needs  # all fit: everyone gets what it needs
    # 950 needed, 850 room: the state gives up 70 (down to its floor), the name the 30 left
    assert fitted_widths(needs, 850, {2: 90}, {1: 140}, {3: 150}) == {0: 50, 1: 170, 2: 90, 3: 240, 4: 300}
    # a group shares in proportion to what each has above its floor
    assert fitted_widths(needs, 900, {1: 100, 3: 140}) == {0: 50, 1: 175, 2: 160, 3: 215, 4: 300}
    # what no group can give up stays: the table scrolls
    assert sum(fitted_widths(needs, 500, {2: 90}).values()) == 880


def test_a_column_the_user_drags_keeps_its_width_when_the_list_reloads(window, qtbot):
    """Fitting to content must not undo the user: a worklist column dragged wider stays so after a reload
    and a resize of the window, and the other columns fit around it."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtTest import QTest

    window.resize(1366, 768)
    tab = window.collections
    window.tabs.setCurrentWidget(tab)
    tab.reload()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 10)
    qtbot.wait(20)
    header = tab.table.horizontalHeader()
    column = 1  # the customer's name: one that gives up room on a laptop
    before = header.sectionSize(column)
    edge = header.sectionViewportPosition(column) + before - 1
    y = header.height() // 2
    QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(edge, y))
    for x in range(edge + 10, edge + 81, 10):  # a drag: moves with the button held
        move = QMouseEvent(QEvent.Type.MouseMove, QPointF(x, y), header.viewport().mapToGlobal(QPointF(x, y)),
                           Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(header.viewport(), move)
    QTest.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(edge + 80, y))
    dragged = header.sectionSize(column)
    assert dragged >= before + 60, (before, dragged)
    tab.reload()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 10)
    window.resize(1300, 760)
    qtbot.wait(50)
    assert header.sectionSize(column) == dragged
    window.resize(1366, 768)
    qtbot.wait(50)
    assert header.sectionSize(column) == dragged
