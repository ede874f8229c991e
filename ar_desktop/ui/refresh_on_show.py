"""Tabs that compute from the whole ledger (the Overview, the Collections worklist, Credit risk):
they compute when they are looked at, not every time a file opens or another tab saves something.

``mark_stale`` says the books changed: a visible tab recomputes at once, a hidden one when it is next
shown. Each computation runs off the GUI thread under a generation number; a result whose
generation is no longer the newest (a newer request, or the file closed: ``detach``) is dropped.
"""

from __future__ import annotations


class RefreshWhenShown:
    """Mixed into a QWidget (listed before it) that has ``books`` and a ``refresh()`` starting the computation."""

    _stale = True
    _generation = 0   # results of an older computation never replace newer ones

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def detach(self) -> None:
        """The file is closing: drop any computation still running for it."""
        self._generation += 1
        self.books = None
