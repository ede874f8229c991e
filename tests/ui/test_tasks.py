"""Background tasks: a progress report that arrives while the task ends is no error."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ar_desktop.ui.tasks import BackgroundTask


def test_progress_while_the_task_ends(qtbot):
    """A modal QProgressDialog.setValue runs the event loop; the result delivered meanwhile ends the task
    and drops its dialog before the label is set (seen in the suite as an AttributeError on None)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    task = BackgroundTask(parent, "Backing up", lambda _progress: 1)
    dialog = task.dialog
    ended = []

    def set_value(value: int) -> None:
        task._on_finished(value)  # what the nested event loop delivers
        ended.append(value)

    dialog.setValue = set_value
    task._on_progress(1, 3, "Checking the copy")
    assert ended == [1] and task.dialog is None and task.finished.is_set()


def test_ledger_tabs_compute_when_shown_and_drop_what_arrives_after_the_file_closed(window, qtbot):
    """The Overview, Collections and Credit tabs read the whole ledger: a change recomputes the tab on
    screen at once and the others only when they are shown; a result arriving after the file closed is
    dropped."""
    from ar_desktop.ui import tasks

    tabs = {"overview": window.overview, "collections": window.collections, "credit": window.credit}
    window.tabs.setCurrentWidget(window.overview)
    qtbot.waitUntil(lambda: tasks.running() == 0, timeout=60_000)
    calls = dict.fromkeys(tabs, 0)
    for name, tab in tabs.items():
        def counted(*a, _original=tab.refresh, _name=name):
            calls[_name] += 1
            return _original(*a)
        tab.refresh = counted
    for tab in tabs.values():
        tab.mark_stale()
    assert calls == {"overview": 1, "collections": 0, "credit": 0}
    window.tabs.setCurrentWidget(window.credit)
    assert calls == {"overview": 1, "collections": 0, "credit": 1}
    qtbot.waitUntil(lambda: tasks.running() == 0, timeout=60_000)
    window.tabs.setCurrentWidget(window.overview)   # computed since: nothing to do on showing it again
    window.tabs.setCurrentWidget(window.credit)
    assert calls == {"overview": 1, "collections": 0, "credit": 1}
    window.tabs.setCurrentWidget(window.collections)
    assert calls["collections"] == 1
    shown = []
    window.collections._show_rows = shown.append
    window.collections.detach()           # what closing the file does first
    qtbot.waitUntil(lambda: tasks.running() == 0, timeout=60_000)
    assert shown == []


COUNT_TO = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {0}) "
            "SELECT count(*) FROM n")


def test_closing_the_file_interrupts_a_long_read_at_once(window, qtbot, tmp_path):
    """A worker reading a big file does not hold up closing it: the read is interrupted (SQLite's
    interrupt), the task ends as cancelled (no error shown) and the file closes cleanly."""
    import threading
    import time

    from sqlalchemy import text

    from ar_desktop.services.file_check import check_path
    from ar_desktop.services.progress import Cancelled

    books, path = window.books, window.books.db.path
    started = threading.Event()

    def long_read(_progress):
        with books.db.session() as s:
            started.set()
            return s.execute(text(COUNT_TO.format(10**10))).scalar()   # hours, were it not stopped

    task = BackgroundTask(window, "Reading", long_read, quiet=True).start()
    assert started.wait(30)
    time.sleep(0.3)
    t0 = time.monotonic()
    window.close_file()
    assert time.monotonic() - t0 < 10 and window.books is None
    assert task.finished.is_set() and isinstance(task.error, Cancelled)
    assert check_path(path).ok


def test_cancelling_leaves_a_write_transaction_to_finish_whole(window, qtbot):
    """Only reads are interrupted: a task that has written in its open transaction is not stopped
    halfway by cancelling; it commits whole (or its service rolls it back on its own)."""
    import threading
    import time

    from sqlalchemy import text

    from ar_desktop.ui import tasks

    books = window.books
    inside = threading.Event()

    def write_then_read(_progress):
        with books.db.session() as s:
            s.execute(text("INSERT INTO setting(key, value) VALUES ('test.marker', '1')"))
            inside.set()
            s.execute(text(COUNT_TO.format(3_000_000))).scalar()
        return "done"

    task = BackgroundTask(window, "Writing", write_then_read, quiet=True).start()
    assert inside.wait(30)
    time.sleep(0.1)
    tasks.cancel_all()
    qtbot.waitUntil(task.finished.is_set, timeout=120_000)
    assert task.error is None and task.result == "done"
    with books.db.session() as s:
        assert s.execute(text("SELECT value FROM setting WHERE key = 'test.marker'")).scalar() == "1"


def test_no_garbage_collection_before_the_result_is_shown(qtbot):
    """The garbage a task leaves is collected on the GUI thread after its result is shown and painted, and
    automatic collection resumes then: resumed when the task ended, the first allocation would collect it all
    before the result is shown (0.06 s on the million-invoice file, right before today's actions)."""
    import gc
    import threading

    from ar_desktop.ui import tasks

    parent = QWidget()
    qtbot.addWidget(parent)
    qtbot.waitUntil(lambda: tasks.running() == 0 and gc.isenabled(), timeout=10_000)
    collected: list[bool] = []   # one entry per collection: on the GUI thread?
    shown: list[int] = []

    def record(phase, _info):
        if phase == "start":
            collected.append(threading.current_thread() is threading.main_thread())

    def garbage(_progress) -> int:
        for _ in range(50_000):   # cycles: only a collection frees them
            cycle: list = []
            cycle.append(cycle)
        return 1

    gc.callbacks.append(record)
    try:
        task = BackgroundTask(parent, "", garbage, lambda result: shown.append(len(collected)), quiet=True).start()
        qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
        assert task.result == 1 and shown == [0] and not gc.isenabled()
        qtbot.waitUntil(gc.isenabled, timeout=10_000)
        assert collected and all(collected)
    finally:
        gc.callbacks.remove(record)
