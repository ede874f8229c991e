"""A background task's progress while it ends: a window-modal progress dialog processes events
in setValue, so the task's result can be delivered (and its dialog dropped) inside it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from ar_desktop.ui.tasks import BackgroundTask


def test_progress_that_lets_the_task_end_inside_it_does_not_fail(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    delivered = []
    task = BackgroundTask(parent, "Working", lambda progress: None, delivered.append)
    task.dialog.setMinimumDuration(0)
    task.dialog.setMaximum(10)
    task.dialog.setValue(1)                                  # shown: setValue now processes events
    QTimer.singleShot(0, lambda: task._on_finished("done"))  # the result, queued behind the progress
    task._on_progress(2, 10, "Letter 2 of 10")
    assert delivered == ["done"] and task.finished.is_set() and task.dialog is None
