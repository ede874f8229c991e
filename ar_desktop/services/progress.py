"""How a long use case reports progress and learns that the user cancelled (no Qt here)."""

from __future__ import annotations

from collections.abc import Callable

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, translate


class Cancelled(UserError):
    def __init__(self) -> None:
        super().__init__(Text(translate("Messages", "Cancelled; nothing was changed.")))


class Progress:
    """A step's text is a ``Text`` (the window renders it in the reader's language) or ""."""

    def __init__(self, report: Callable[[int, int, Text | str], None] | None = None,
                 cancelled: Callable[[], bool] | None = None):
        self._report = report or (lambda done, total, text: None)
        self._cancelled = cancelled or (lambda: False)

    def report(self, done: int, total: int, text: Text | str = "") -> None:
        """Report without stopping (a step that cannot be cancelled)."""
        self._report(done, total, text)

    def step(self, done: int, total: int, text: Text | str = "") -> None:
        """Report and stop here (raise Cancelled) when the user asked to cancel."""
        if self._cancelled():
            raise Cancelled()
        self._report(done, total, text)


NO_PROGRESS = Progress()
