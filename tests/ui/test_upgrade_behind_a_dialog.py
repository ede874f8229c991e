"""A big file that must be checked fully or upgraded before it opens is opened off the GUI thread, behind a
progress dialog whose Cancel leaves the file as it was."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from ar_desktop.clock import FixedClock
from ar_desktop.storage import clean_close, opening
from ar_desktop.storage.upgrade import known_revisions
from ar_desktop.ui.main_window import MainWindow
from conftest import UI_TODAY
from storage.old_files import file_at_revision, invoice_sql


def _revision(path) -> str:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def _window(qtbot, settings) -> MainWindow:
    w = MainWindow(settings, FixedClock(UI_TODAY))
    qtbot.addWidget(w)
    w.show()
    return w


def test_a_file_not_closed_cleanly_is_checked_while_the_window_stays_responsive(qtbot, settings, tmp_path,
                                                                                demo_template, copy_company_file,
                                                                                monkeypatch):
    monkeypatch.setattr(opening, "LONG_OPENING_ABOVE", 0)   # the demo file stands for a big one
    path = copy_company_file(demo_template, tmp_path / "company.ardb")
    clean_close.forget(path)   # as a crash leaves it
    w = _window(qtbot, settings)
    assert w.open_file(path)
    assert w.books is None     # the check runs on a worker; the window goes on painting meanwhile
    qtbot.waitUntil(lambda: w.books is not None and w.tabs.isEnabled(), timeout=60_000)
    assert w.books.db.path == path.resolve()
    w.close_file()


def test_cancelling_an_upgrade_leaves_the_file_as_it_was(qtbot, settings, tmp_path, monkeypatch):
    monkeypatch.setattr(opening, "LONG_OPENING_ABOVE", 0)
    path = file_at_revision(tmp_path / "old.ardb", "0005",
                            *(invoice_sql(i, "2025-01-01", "2025-01-31", 100 * i) for i in range(1, 20)))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("BEGIN IMMEDIATE")   # another writer: the upgrade waits for it, so Cancel comes first
    w = _window(qtbot, settings)
    try:
        assert w.open_file(path)

        def upgrading() -> QProgressDialog | None:
            d = QApplication.activeModalWidget()
            return d if isinstance(d, QProgressDialog) and d.labelText().startswith("Upgrading old.ardb") else None

        qtbot.waitUntil(lambda: upgrading() is not None, timeout=30_000)
        assert upgrading().windowTitle() == "Upgrading old.ardb"
        qtbot.mouseClick(upgrading().findChild(QPushButton), Qt.MouseButton.LeftButton)   # its Cancel
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    qtbot.waitUntil(lambda: "cancelled" in w.statusBar().currentMessage(), timeout=30_000)
    assert w.statusBar().currentMessage() == "Opening old.ardb was cancelled; the file was not changed."
    assert w.books is None
    assert _revision(path) == "0005"
    assert list(tmp_path.glob("old.before-upgrade-*")) == []
    assert w.open_file(path)   # opened again, it upgrades
    qtbot.waitUntil(lambda: w.books is not None, timeout=60_000)
    assert _revision(path) == known_revisions()[1]
    assert len(list(tmp_path.glob("old.before-upgrade-*"))) == 1
    w.close_file()
