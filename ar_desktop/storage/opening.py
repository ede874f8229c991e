"""Following and stopping a long opening from another thread.

Most files open at once (closed cleanly, at this version's schema: checked in the background). Two kinds of
opening read or rewrite the whole file first: the full check of a file that was not closed cleanly, and an
upgrade (the check, a copy of the file as it was, the migrations): seconds to minutes on a big file. The
window runs those off its thread behind a progress dialog; this is how it hears which step is running and
how its Cancel reaches SQLite. A cancelled check or upgrade stops at once and leaves the file as it was (an
upgrade is one transaction, rolled back); once the upgrade has committed, Cancel no longer applies.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from ar_desktop.domain.text import Text

# SQLite calls the handler every this many virtual-machine steps: a few thousand times a second at most
_STEPS = 50_000
# From this size a full check or an upgrade takes long enough to be shown (about half a second of SQLite's
# integrity check or of an upgrade's rebuilds on the office PC): the window runs it behind a progress
# dialog, the command line names its steps on stderr
LONG_OPENING_ABOVE = 8 * 2**20


class OpeningCancelled(Exception):
    """The user stopped an opening before it changed the file."""


class OpeningWatch:
    """Reports an opening's steps (``report(text, done, total)``, called on the opening thread) and lets any
    thread cancel it."""

    def __init__(self, report: Callable[[Text, int, int], None] | None = None):
        self.report = report or (lambda text, done, total: None)
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def step(self, text: Text, done: int = 0, total: int = 0) -> None:
        """Report the step, or stop here when the user cancelled."""
        self.stop_if_cancelled()
        self.report(text, done, total)

    def stop_if_cancelled(self) -> None:
        if self._cancel.is_set():
            raise OpeningCancelled()

    def guard(self, con: sqlite3.Connection) -> None:
        """Make Cancel stop the statement ``con`` is running (SQLite's progress handler: it fails with
        "interrupted", and its transaction is rolled back)."""
        con.set_progress_handler(lambda: 1 if self._cancel.is_set() else 0, _STEPS)

    @staticmethod
    def release(con: sqlite3.Connection) -> None:
        con.set_progress_handler(None, 0)


def long_opening(path: str | Path) -> str | None:
    """``opening_work`` for a file of LONG_OPENING_ABOVE bytes or more; None for a smaller one (or none)."""
    try:
        if Path(path).expanduser().stat().st_size < LONG_OPENING_ABOVE:
            return None
    except OSError:
        return None  # the opening says why
    return opening_work(path)


def opening_work(path: str | Path) -> str | None:
    """What opening ``path`` does before the file can be used: "upgrade" (an older schema), "check" (not closed
    cleanly: the full check first) or None (at once). None too when the file cannot be opened at all: the
    opening itself then says why."""
    from ar_desktop.storage import clean_close, safety
    from ar_desktop.storage.upgrade import known_revisions

    path = Path(path).expanduser()
    try:
        current = safety.inspect_company_file(path)
    except Exception:  # noqa: BLE001 - not a company file, damaged, unreadable: open_database says so
        return None
    known, head = known_revisions()
    if current != head:
        return "upgrade" if current in known else None
    return None if clean_close.closed_cleanly(path.resolve()) else "check"
