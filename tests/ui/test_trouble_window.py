"""Trouble outside the program, met through the window: a plain message in a warning box, never the
"Unexpected error" box, nothing half-written (issue 9, item 5)."""

from __future__ import annotations

import datetime as dt
import sqlite3

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ar_desktop.clock import FixedClock
from ar_desktop.domain.errors import UserError
from ar_desktop.services.backups import DiskFull, describe_backup
from ar_desktop.services.company_file import create_company
from ar_desktop.services.customers import add_customer
from ar_desktop.ui.data_actions import back_up_file, export_data, restore_backup
from ar_desktop.ui.main_window import MainWindow

UI_TODAY = dt.date(2026, 3, 31)


def _answer(when_dialog_opens, seen: list, button=QMessageBox.StandardButton.Ok):
    """Answer the next message box (not a progress dialog that may open first and would be left waiting)."""
    def handle(box):
        seen.append((box.windowTitle(), box.text()))
        box.button(button).click()
    when_dialog_opens(handle, QMessageBox)


def _close_box(seen: list) -> None:
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        seen.append((box.windowTitle(), box.text()))
        box.button(QMessageBox.StandardButton.Ok).click()


def _finished(qtbot, task):
    qtbot.waitUntil(task.finished.is_set, timeout=60000)
    return task


def _company(path, customers=3):
    books = create_company(path, "Window Trouble Ltd", clock=FixedClock(UI_TODAY))
    for i in range(customers):
        add_customer(books, dict(code=f"W{i:03d}", name=f"Customer {i}"))
    books.close()
    return path


def test_back_up_onto_a_full_disk(window, qtbot, small_disk, fill_disk, when_dialog_opens):
    disk = small_disk(1024)
    fill_disk(disk)
    seen: list = []
    _answer(when_dialog_opens, seen)
    task = _finished(qtbot, back_up_file(window, str(disk / "copy.ardb")))
    assert isinstance(task.error, DiskFull)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0][0] == "Cannot do that" and "is full; the backup was not made" in seen[0][1]
    assert [p.name for p in disk.iterdir()] == ["filler.bin"]


def test_export_into_a_read_only_folder(window, qtbot, tmp_path, read_only_dir, when_dialog_opens):
    folder = tmp_path / "ro"
    folder.mkdir()
    read_only_dir(folder)
    seen: list = []
    _answer(when_dialog_opens, seen)
    task = _finished(qtbot, export_data(window, "customers", ".csv", str(folder / "customers.csv")))
    assert isinstance(task.error, UserError)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0][0] == "Cannot do that" and "customers.csv" in seen[0][1]
    assert list(folder.iterdir()) == []


def test_restore_onto_a_full_disk(qtbot, settings, small_disk, fill_disk, tmp_path, when_dialog_opens):
    disk = small_disk(4096)
    company = _company(disk / "co.ardb")
    backup = _company(tmp_path / "backup.ardb", customers=40)
    window = MainWindow(settings, FixedClock(UI_TODAY))
    qtbot.addWidget(window)
    assert window.open_file(company)
    fill_disk(disk)  # the disk fills up while the file is open
    before = company.read_bytes()
    seen: list = []
    timer = QTimer()  # answers every message box, however many the restore and the reopening show
    timer.timeout.connect(lambda: _close_box(seen))
    timer.start(50)
    try:
        assert not restore_backup(window, backup, confirm=False)
    finally:
        timer.stop()
    assert seen and seen[0][0] == "Cannot do that" and "is full" in seen[0][1] and "was not changed" in seen[0][1]
    assert all(title == "Cannot do that" and "is full" in text for title, text in seen)  # reopening: plain too
    if window.books is not None:
        window.close_file()
    assert company.read_bytes() == before
    (disk / "filler.bin").unlink()
    assert describe_backup(company).counts["customer"] == 3


def test_opening_a_company_file_without_its_schema_table(qtbot, settings, tmp_path, when_dialog_opens):
    company = _company(tmp_path / "co.ardb")
    con = sqlite3.connect(company)
    con.execute("DROP TABLE alembic_version")
    con.commit()
    con.close()
    before = company.read_bytes()
    window = MainWindow(settings, FixedClock(UI_TODAY))
    qtbot.addWidget(window)
    seen: list = []
    _answer(when_dialog_opens, seen, QMessageBox.StandardButton.No)  # offered the latest good backup: not now
    assert not window.open_file(company)
    assert seen and "alembic_version" in seen[0][1] and "backup" in seen[0][1].lower()
    assert seen[0][0] != "Unexpected error"
    assert window.books is None and company.read_bytes() == before


def test_a_read_error_inside_the_list_is_a_plain_message(qtbot, settings, tmp_path, when_dialog_opens):
    """A list reads its rows inside Qt's own calls (sort(), data()), where an exception used to be printed to
    a console nobody sees, again on every repaint. Now the tab says what happened, once."""
    from PySide6.QtCore import Qt

    company = tmp_path / "co.ardb"
    books = create_company(company, "Window Trouble Ltd", clock=FixedClock(UI_TODAY))
    for i in range(400):  # a few dozen pages of customers
        add_customer(books, dict(code=f"W{i:04d}", name=f"Customer {i}", notes="n" * 300))
    books.close()
    window = MainWindow(settings, FixedClock(UI_TODAY))
    qtbot.addWidget(window)
    assert window.open_file(company)
    qtbot.waitUntil(lambda: window.books.db.check_result() == [], timeout=60000)
    tab = window.customers
    window.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() == 400
    # the disk goes bad under the open file: the customer pages now read back as garbage ...
    con = sqlite3.connect(f"file:{company}?mode=ro", uri=True)
    size = con.execute("PRAGMA page_size").fetchone()[0]
    pages = [p for (p,) in con.execute(  # the table and its indexes: a page of the list may come from either
        "SELECT pageno FROM dbstat WHERE name IN (SELECT name FROM sqlite_master WHERE tbl_name = 'customer')")]
    con.close()
    with company.open("r+b") as f:
        for p in pages:
            f.seek((p - 1) * size)
            f.write(b"\xa5" * size)
    window.books.db.engine.dispose()  # ... and no page of them is left in SQLite's caches
    seen: list = []
    with qtbot.capture_exceptions() as exceptions:
        when_dialog_opens(lambda box: (seen.append((box.windowTitle(), box.text())),
                                       box.button(QMessageBox.StandardButton.Ok).click()), QMessageBox)
        tab.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # Qt calls the model's sort()
        qtbot.waitUntil(lambda: bool(seen) or bool(exceptions), timeout=10000)
    assert list(exceptions) == []
    assert len(seen) == 1 and seen[0][0] != "Unexpected error", seen
    assert "damaged" in seen[0][1].lower(), seen
    tab.table.viewport().repaint()
    qtbot.wait(300)
    assert len(seen) == 1  # said once, not on every repaint
    window.close_file()
