"""Long work off the GUI thread, behind a progress dialog with a Cancel button.

A task function receives a ``Progress`` to report through and to ask whether the user
cancelled; it raises ``Cancelled`` to stop, and its service rolls the transaction back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ar_desktop.services.progress import Cancelled, Progress
from ar_desktop.ui.messages import show_error


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], progress: Progress, signals: _Signals):
        super().__init__()
        self.fn, self.progress, self.signals = fn, progress, signals

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as e:  # noqa: BLE001 - reported on the GUI thread
            self.signals.failed.emit(e)
        else:
            self.signals.finished.emit(result)


class BackgroundTask(QObject):
    """Runs ``fn(progress)`` in the thread pool; ``done(result)`` is called on the GUI thread."""

    def __init__(self, parent: QWidget, title: str, fn: Callable[[Progress], Any],
                 done: Callable[[Any], None] | None = None, *, quiet: bool = False):
        """``quiet``: no progress dialog (a read-only refresh the user need not wait for)."""
        super().__init__(parent)
        self._parent = parent
        self._done = done
        self._cancel = threading.Event()
        self.signals = _Signals()
        self.dialog = QProgressDialog(title, QCoreApplication.translate("Messages", "Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        if quiet:
            self.dialog.setMinimumDuration(2**30)  # never shown
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self._cancel.set)
        self.signals.progress.connect(self._on_progress)
        self.signals.finished.connect(self._on_finished)
        self.signals.failed.connect(self._on_failed)
        self.progress = Progress(lambda done, total, text: self.signals.progress.emit(done, total, text),
                                 self._cancel.is_set)
        self._job = _Job(fn, self.progress, self.signals)
        self.result: Any = None
        self.error: BaseException | None = None
        self.finished = threading.Event()

    def start(self) -> BackgroundTask:
        QThreadPool.globalInstance().start(self._job)
        return self

    def cancel(self) -> None:
        self._cancel.set()

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(done)
        if text:
            self.dialog.setLabelText(text)

    def _on_finished(self, result: Any) -> None:
        self.dialog.close()
        self.result = result
        self.finished.set()
        if self._done is not None:
            self._done(result)

    def _on_failed(self, error: BaseException) -> None:
        self.dialog.close()
        self.error = error
        self.finished.set()
        if not isinstance(error, Cancelled):
            show_error(self._parent, error)
