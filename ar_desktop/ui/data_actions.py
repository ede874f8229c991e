"""File-menu actions that keep records safe: import wizard, export, back up, restore.

``install_data_actions(window, file_menu, before)`` adds them to the window's File menu. It relies on the window's
``books``, ``data_changed()``, ``open_file(path)``, ``close_file()``, ``menuBar()`` and ``statusBar()``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from ar_desktop.domain.errors import UserError
from ar_desktop.ui.messages import run_action, show_error
from ar_desktop.ui.tasks import BackgroundTask

if TYPE_CHECKING:  # for annotations only: imported where used
    from ar_desktop.services.importing import ImportReport
    from ar_desktop.ui.dialogs.import_wizard import ImportWizard

EXPORTS = (("customers", QT_TRANSLATE_NOOP("DataActions", "Customers")),
           ("invoices", QT_TRANSLATE_NOOP("DataActions", "Invoices")),
           ("payments", QT_TRANSLATE_NOOP("DataActions", "Payments")),
           ("aging", QT_TRANSLATE_NOOP("DataActions", "Aging report")),
           ("collections", QT_TRANSLATE_NOOP("DataActions", "Collections worklist")),
           ("charges", QT_TRANSLATE_NOOP("DataActions", "Late charges")))


def install_data_actions(window: QMainWindow, menu: QMenu, before: QAction | None = None) -> dict[str, QAction]:
    """Add Import wizard…, Export ▸, Back up…, Restore… to ``menu`` (the File menu), before ``before``."""
    actions: dict[str, QAction] = {}
    needs_file: list[QAction] = []

    def add(key: str, text: str, slot, target: QMenu = menu, file: bool = True) -> QAction:
        a = QAction(text, window)
        a.setObjectName(f"action_{key}")
        a.triggered.connect(lambda _=False: slot())
        if target is menu and before is not None:
            menu.insertAction(before, a)
        else:
            target.addAction(a)
        actions[key] = a
        if file:
            needs_file.append(a)
        return a

    sep = menu.insertSeparator(before) if before is not None else menu.addSeparator()
    del sep
    add("import_wizard", QCoreApplication.translate("DataActions", "Import &wizard…"), lambda: open_import_wizard(window))
    exports = QMenu(QCoreApplication.translate("DataActions", "&Export"), window)
    exports.setObjectName("menu_export")
    for what, label in EXPORTS:
        for suffix, fmt in ((".csv", "CSV"), (".xlsx", "Excel")):
            add(f"export_{what}{suffix.replace('.', '_')}", QCoreApplication.translate("DataActions", "{0} to {1}…").format(QCoreApplication.translate("DataActions", label), fmt),
                lambda w=what, s=suffix: export_data(window, w, s), target=exports)
    if before is not None:
        menu.insertMenu(before, exports)
    else:
        menu.addMenu(exports)
    add("backup", QCoreApplication.translate("DataActions", "&Back up…"), lambda: back_up_file(window))
    add("restore", QCoreApplication.translate("DataActions", "&Restore from backup…"), lambda: restore_backup(window))
    if before is not None:
        menu.insertSeparator(before)

    def refresh() -> None:
        for a in needs_file:
            a.setEnabled(window.books is not None)
        exports.setEnabled(window.books is not None)

    menu.aboutToShow.connect(refresh)
    refresh()
    window.data_actions = actions
    return actions


def _status(window: QMainWindow, text: str) -> None:
    window.statusBar().showMessage(text, 15000)


def open_import_wizard(window: QMainWindow) -> ImportWizard | None:
    from ar_desktop.ui.dialogs.import_wizard import ImportWizard
    if window.books is None:
        return None

    def done(result: ImportReport) -> None:
        window.data_changed()
        _status(window, result.summary())

    wizard = ImportWizard(window, window.books, done)
    wizard.open()
    return wizard


def export_data(window: QMainWindow, what: str, suffix: str, path: str | None = None,
                as_of: dt.date | None = None) -> BackgroundTask | None:
    """Export in the background (big lists take a while); the task's ``result`` is the row count."""
    from ar_desktop.services.exports import AS_OF_WHATS, export
    from ar_desktop.ui.dialogs.date_dialog import ask_date
    books = window.books
    if books is None:
        return None
    if what in AS_OF_WHATS and as_of is None:
        as_of = ask_date(window, QCoreApplication.translate("DataActions", "Report as of"),
                         QCoreApplication.translate("DataActions", "As of"), books.today(),
                         QCoreApplication.translate("DataActions", "The report shows the books as they were at the "
                                                    "end of this day."))
        if as_of is None:
            return None
    if path is None:
        day = (as_of or books.today()).isoformat()   # the date the export shows the books as of
        suggested = str(books.db.path.with_name(f"{books.db.path.stem}-{what}-{day}{suffix}"))
        filt = "CSV (*.csv)" if suffix == ".csv" else QCoreApplication.translate("DataActions", "Excel workbook (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(window, QCoreApplication.translate("DataActions", "Export {0}").format(what), suggested, filt)
        if not path:
            return None
        if not path.lower().endswith(suffix):
            path += suffix
    target = Path(path)

    def done(n: int) -> None:
        _status(window, QCoreApplication.translate("DataActions", "{0} rows exported to {1}.").format(n, target.name))

    return BackgroundTask(window, QCoreApplication.translate("DataActions", "Exporting…"),
                          lambda progress: export(books, what, target, as_of, progress), done).start()


def back_up_file(window: QMainWindow, path: str | None = None) -> BackgroundTask | None:
    """Copy the open file in the background with progress and Cancel; the task's ``result`` is the copy."""
    from ar_desktop.services.backups import back_up
    books = window.books
    if books is None:
        return None
    replace = False
    if path is None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
        suggested = str(books.db.path.with_name(f"{books.db.path.stem}-backup-{stamp}{books.db.path.suffix}"))
        path, _ = QFileDialog.getSaveFileName(window, QCoreApplication.translate("DataActions", "Back up to"), suggested,
                                              QCoreApplication.translate("DataActions", "AR Desktop company (*.ardb);;All files (*)"))
        if not path:
            return None
        replace = True  # the file dialog has asked whether to replace an existing file
    target = Path(path)

    def done(dest: Path) -> None:
        _status(window, QCoreApplication.translate("DataActions", "Backed up to {0}.").format(dest))

    return BackgroundTask(window, QCoreApplication.translate("DataActions", "Backing up…"),
                          lambda progress: back_up(books, target, progress, replace=replace), done).start()


def restore_backup(window: QMainWindow, src: str | Path | None = None, *, confirm: bool = True,
                   target: Path | None = None) -> bool:
    """Describe the chosen backup, then (if confirmed) close the file, restore it and open it again."""
    from ar_desktop.services.backups import backups_dir_of, restore
    from ar_desktop.ui.dialogs.restore_dialog import RestoreDialog
    target = target or (window.books.db.path if window.books is not None else None)
    if target is None:
        return False
    if src is None:
        folder = backups_dir_of(target)
        src, _ = QFileDialog.getOpenFileName(window, QCoreApplication.translate("DataActions", "Restore from backup"),
                                             str(folder if folder.is_dir() else target.parent),
                                             QCoreApplication.translate("DataActions", "Backups (*.ardb *.bak);;All files (*)"))
        if not src:
            return False
    try:
        dialog = RestoreDialog(window, target, Path(src))
    except UserError as e:
        show_error(window, e)
        return False
    if confirm and dialog.exec() != RestoreDialog.DialogCode.Accepted:
        return False
    if not dialog.info.ok:
        return False
    window.close_file()
    ok, result = run_action(window, restore, target, src)
    window.open_file(target)
    if ok:
        _status(window, QCoreApplication.translate("DataActions", "Restored {0}; the previous file is kept as {1}.").format(
            Path(src).name, result.previous_saved_as.name))
    return ok
