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
