"""Long work off the GUI thread, behind a progress dialog with a Cancel button.

A task function receives a ``Progress`` to report through and to ask whether the user
cancelled; it raises ``Cancelled`` to stop, and its service rolls the transaction back. Cancelling
(the dialog's button, or closing the file) also interrupts the SQLite statement the task is
reading with, so a long read on a big file stops at once; a write transaction is never interrupted.

Lifetimes are the whole difficulty here. A task is kept alive by this module, not by the
widget that started it, until its result has been delivered on the GUI thread: a widget
closed while a query runs must not free the objects the worker thread still emits through
(that crashed the test suite once in two runs). The runnable is not auto-deleted for the
same reason, and whatever must wait for the pool to fall idle (closing the company file the
workers read) goes through ``when_idle``.

Python's cyclic garbage collector runs on whichever thread happens to allocate. Were it to free
an unreachable window or dialog on a worker thread, Qt could not unregister that object's timers
there and the GUI thread would later fire a timer on freed memory (the suite's rare segfault in
QTimerInfoList::activateTimers). So automatic collection is paused while any task runs and resumes with
a collection made on the GUI thread once the last one has delivered and its result is painted: resumed
at once, the first allocation would start a collection of everything the tasks left (0.06 s on the
million-invoice file) before the result is shown.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ar_desktop.services.progress import Cancelled, Progress
from ar_desktop.domain.text import Text
from ar_desktop.ui.i18n import render
from ar_desktop.ui.messages import show_error

_live: set[BackgroundTask] = set()
_when_idle: list[Callable[[], None]] = []
# Stops the database reads of the given worker threads (the open file's Database.interrupt_reads)
_interrupt: Callable[[set[int]], int] | None = None
_COLLECT_AFTER_MS = 50   # a timer, not the next turn of the loop: Qt paints at low priority, after posted calls


class _Signals(QObject):
    progress = Signal(int, int, object)   # the step's text: a Text, rendered here in the reader's language
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], progress: Progress, signals: _Signals,
                 cancelled: Callable[[], bool]):
        super().__init__()
        self.setAutoDelete(False)
        self.fn, self.progress, self.signals, self.cancelled = fn, progress, signals, cancelled
        self.lock = threading.Lock()
        self.thread: int | None = None   # the worker thread while the job runs (pool threads run other jobs after)

    def run(self) -> None:
        with self.lock:
            self.thread = threading.get_ident()
        try:
            result = self.fn(self.progress)
        except BaseException as e:  # noqa: BLE001 - reported on the GUI thread
            # a cancelled job may fail in whatever it was doing (a read interrupted): it was cancelled
            self.signals.failed.emit(Cancelled() if self.cancelled() else e)
        else:
            self.signals.finished.emit(result)
        finally:
            with self.lock:
                self.thread = None

    def interrupt(self) -> None:
        """Stop the database reads this job is running now (under the lock: never another job's)."""
        with self.lock:
            if self.thread is not None and _interrupt is not None:
                _interrupt({self.thread})


class BackgroundTask(QObject):
    """Runs ``fn(progress)`` in the thread pool; ``done(result)`` is called on the GUI thread."""

    def __init__(self, parent: QWidget, title: str, fn: Callable[[Progress], Any],
                 done: Callable[[Any], None] | None = None, *, quiet: bool = False,
                 on_cancel: Callable[[], None] | None = None, failed: Callable[[BaseException], None] | None = None):
        """``quiet``: no progress dialog (a read-only refresh the user need not wait for). ``on_cancel``: called
        (on the GUI thread) when the task is cancelled, for work that stops otherwise than by its reads.
        ``failed``: called on the GUI thread with the error (Cancelled included) when ``fn`` raised, before
        the error is shown, for work that goes on after this task whatever its outcome."""
        self._on_cancel = on_cancel
        self._failed = failed
        super().__init__()  # no parent: the widget may go before the worker ends
        self._parent = parent
        self._done = done
        self._cancel = threading.Event()
        self.signals = _Signals()
        self.dialog: QProgressDialog | None = None
        if not quiet:
            self.dialog = QProgressDialog(title, QCoreApplication.translate("Messages", "Cancel"), 0, 0, parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(300)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.canceled.connect(self.cancel)
        self.signals.progress.connect(self._on_progress)
        self.signals.finished.connect(self._on_finished)
        self.signals.failed.connect(self._on_failed)
        self.progress = Progress(lambda done, total, text: self.signals.progress.emit(done, total, text),
                                 self._cancel.is_set)
        self._job = _Job(fn, self.progress, self.signals, self._cancel.is_set)
        self.result: Any = None
        self.error: BaseException | None = None
        self.finished = threading.Event()

    def start(self) -> BackgroundTask:
        if not _live:
            gc.disable()
        _live.add(self)
        QThreadPool.globalInstance().start(self._job)
        return self

    def cancel(self) -> None:
        """Ask the task to stop: it stops at its next progress step, and a database read it is running
        stops at once (reads only: a write transaction is left to its own cancelling and rollback)."""
        self._cancel.set()
        self._job.interrupt()
        if self._on_cancel is not None:
            self._on_cancel()

    def _parent_alive(self) -> bool:
        return shiboken6.isValid(self._parent)

    def _on_progress(self, done: int, total: int, text: Text | str) -> None:
        dialog = self.dialog  # setValue() of a modal dialog runs the event loop: the task may end inside it
        if dialog is None or not shiboken6.isValid(dialog):
            return
        if text:
            dialog.setLabelText(render(text))
        dialog.setMaximum(max(total, 0))
        dialog.setValue(done)

    def _end(self) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = None
        self.finished.set()
        _live.discard(self)
        if not _live:
            QTimer.singleShot(_COLLECT_AFTER_MS, _collect)
            waiting = list(_when_idle)
            _when_idle.clear()
            for callback in waiting:
                callback()

    # The task counts as finished before its result is shown: showing it may open a modal box
    # whose event loop only returns once someone (a user, a test waiting on ``finished``) answers.
    def _on_finished(self, result: Any) -> None:
        self.result = result
        self._end()
        if self._done is not None and self._parent_alive():
            self._done(result)

    def _on_failed(self, error: BaseException) -> None:
        self.error = error
        self._end()
        if self._failed is not None and self._parent_alive():
            self._failed(error)
        if not isinstance(error, Cancelled) and self._parent_alive():
            show_error(self._parent, error)


def _collect() -> None:
    """The garbage of the tasks' time, collected on the GUI thread once the result is shown and painted (a
    full collection takes 0.03–0.2 s once the storage layer is loaded: the user would wait for it), and
    automatic collection resumed; when another task has started meanwhile, when that one delivers."""
    if not _live:
        gc.enable()
        gc.collect()


def running() -> int:
    """How many tasks have started and not yet delivered their result."""
    return len(_live)


def cancel_all() -> None:
    for task in _live:
        task.cancel()


def when_idle(callback: Callable[[], None]) -> None:
    """Call ``callback`` now if no task is running, else once the last one has delivered."""
    if _live:
        _when_idle.append(callback)
    else:
        callback()


def interrupt_reads_with(interrupt: Callable[[set[int]], int] | None) -> None:
    """How cancelling stops the reads of the open company file (None when no file is open)."""
    global _interrupt
    _interrupt = interrupt


def wait_idle(timeout_ms: int = 60_000) -> bool:
    """Block until every task has delivered (for quitting, closing the file); True when none is left.
    A cancelled task that starts another read while it winds down has that read stopped too."""
    pool = QThreadPool.globalInstance()
    deadline = time.monotonic() + timeout_ms / 1000
    while not pool.waitForDone(50) and time.monotonic() < deadline:
        for task in list(_live):
            if task._cancel.is_set():
                task._job.interrupt()
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()
    return not _live
