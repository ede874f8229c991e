"""Showing errors: a user-fixable problem plainly, a bug with its details (and nothing lost)."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ar_desktop.domain.errors import UserError, ValidationError
from ar_desktop.ui.i18n import error_text, render, trouble_text

log = logging.getLogger("ar_desktop")


def show_error(parent: QWidget | None, error: BaseException, title: str | None = None) -> None:
    if isinstance(error, ValidationError):
        text = "\n".join(f"• {render(m)}" for m in error.problems.values())
        QMessageBox.warning(parent, title or QCoreApplication.translate("Messages", "Please check"), text)
    elif isinstance(error, UserError):
        QMessageBox.warning(parent, title or QCoreApplication.translate("Messages", "Cannot do that"),
                            error_text(error))
    elif trouble_text(error) is not None:  # the system or SQLite said no: what happened, what to do, its words
        log.warning("system error", exc_info=error)
        QMessageBox.warning(parent, title or QCoreApplication.translate("Messages", "Cannot do that"),
                            trouble_text(error))
    else:
        log.error("unexpected error", exc_info=error)
        box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Messages", "Unexpected error"),
                          QCoreApplication.translate("Messages", "Something went wrong inside AR Desktop. "
                                                     "The action was undone; nothing already stored was lost."),
                          QMessageBox.StandardButton.Ok, parent)
        box.setDetailedText("".join(traceback.format_exception(error)))
        box.exec()


def run_action(parent: QWidget, fn, *args, **kwargs):
    """Call a service; show what went wrong instead of raising. Returns (ok, result)."""
    try:
        return True, fn(*args, **kwargs)
    except Exception as e:  # noqa: BLE001 - every failure is shown to the user
        show_error(parent, e)
        return False, None


def confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
