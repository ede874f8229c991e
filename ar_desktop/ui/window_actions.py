"""Keyboard first: the actions of everyday work and their shortcuts, installed in the main window.

``install_work_actions(window, file_menu, view_menu, help_menu)`` adds:
Entries ▸ New in this list (Ctrl+N), New invoice (Ctrl+Shift+N), Record payment (Ctrl+Shift+P);
File ▸ Print this list (Ctrl+P); View ▸ Search this list (Ctrl+F) and one entry per tab
(Ctrl+1 … Ctrl+9); Help ▸ User guide (F1) and Keyboard shortcuts. It relies on the window's
``tabs``, ``books``, ``invoices``, ``payments`` and ``new_file()``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow, QMenu


def install_work_actions(window: QMainWindow, file_menu: QMenu, view_menu: QMenu, help_menu: QMenu, *,
                         print_before: QAction, entries_before: QAction) -> dict[str, QAction]:
    """``print_before``: the File action Print goes above; ``entries_before``: the menu-bar entry the
    Entries menu goes before."""
    actions: dict[str, QAction] = {}

    def add(menu: QMenu, key: str, text: str, slot, shortcut=None, needs_file: bool = True) -> QAction:
        a = QAction(text, window)
        a.setObjectName(f"action_{key}")
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(lambda _=False: slot())
        menu.addAction(a)
        actions[key] = a
        if needs_file:
            window._file_actions.append(a)
        return a

    entries = QMenu(QCoreApplication.translate("WindowActions", "&Entries"), window)
    window.menuBar().insertMenu(entries_before, entries)
    add(entries, "new_here", QCoreApplication.translate("WindowActions", "&New in this list…"),
        lambda: new_in_tab(window), QKeySequence.StandardKey.New, needs_file=False)
    add(entries, "new_invoice", QCoreApplication.translate("WindowActions", "New &invoice…"),
        lambda: new_invoice(window), "Ctrl+Shift+N")
    add(entries, "record_payment", QCoreApplication.translate("WindowActions", "Record &payment…"),
        lambda: record_payment(window), "Ctrl+Shift+P")
    print_action = QAction(QCoreApplication.translate("WindowActions", "&Print this list…"), window)
    print_action.setObjectName("action_print_list")
    print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
    print_action.triggered.connect(lambda _=False: print_current(window))
    file_menu.insertAction(print_before, print_action)
    actions["print_list"] = print_action
    window._file_actions.append(print_action)

    add(view_menu, "search", QCoreApplication.translate("WindowActions", "&Search this list"),
        lambda: focus_search(window), QKeySequence.StandardKey.Find)
    go = view_menu.addMenu(QCoreApplication.translate("WindowActions", "&Go to"))
    for i in range(min(window.tabs.count(), 9)):
        add(go, f"tab_{i}", window.tabs.tabText(i), lambda i=i: window.tabs.setCurrentIndex(i), f"Ctrl+{i + 1}")

    add(help_menu, "user_guide", QCoreApplication.translate("WindowActions", "&User guide"),
        lambda: show_user_guide(window), QKeySequence.StandardKey.HelpContents, needs_file=False)
    add(help_menu, "shortcuts", QCoreApplication.translate("WindowActions", "&Keyboard shortcuts"),
        lambda: show_shortcuts(window), needs_file=False)
    help_menu.addSeparator()
    window.work_actions = actions
    return actions


def current_tab(window):
    return window.tabs.currentWidget() if window.books is not None else None


def new_in_tab(window) -> None:
    """Ctrl+N: a new record of the list in front (a company file when none is open)."""
    tab = current_tab(window)
    if tab is None:
        window.new_file()
        return
    for name in ("new_customer", "new_invoice", "record_payment"):
        if hasattr(tab, name):
            getattr(tab, name)()
            return
    new_invoice(window)


def new_invoice(window) -> None:
    if window.books is not None:
        window.tabs.setCurrentWidget(window.invoices)
        window.invoices.new_invoice()


def record_payment(window) -> None:
    """For the customer selected in the list in front, when it has one."""
    tab = current_tab(window)
    if tab is None:
        return
    if hasattr(tab, "record_payment"):
        tab.record_payment()
    else:
        window.payments.record_payment()


def print_current(window):
    """Ctrl+P: the list in front as shown; on the Overview, its page of figures."""
    tab = current_tab(window)
    if tab is not None and hasattr(tab, "print_list"):
        return tab.print_list()
    if tab is not None and hasattr(tab, "reports"):
        return tab.reports.open("kpi")
    return None


def focus_search(window) -> QLineEdit | None:
    tab = current_tab(window)
    search = getattr(tab, "search", None) if tab is not None else None
    if isinstance(search, QLineEdit):
        search.setFocus()
        search.selectAll()
        return search
    return None


def show_user_guide(window):
    from ar_desktop.ui.help import UserGuide

    guide = UserGuide(window)
    guide.show()
    return guide


def show_shortcuts(window):
    from ar_desktop.ui.help import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    dialog.open()
    return dialog
