"""SQLite's integrity check of a company file that was opened without waiting for it: on its own
read-only connection, off the caller's thread, cancellable (storage.engine.Database holds writes back
until it has passed)."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path

from ar_desktop.domain.errors import UserError
from ar_desktop.storage import safety


class BackgroundCheck:
    def __init__(self, path: Path):
        self.path = path
        self.problems: list[str] | None = None  # None while running, or when cancelled
        self.error: UserError | None = None  # the disk would not let the check read the file
        self.done = threading.Event()
        self._connections: list[sqlite3.Connection] = []
        self._cancelled = False
        self._thread = threading.Thread(target=self._run, name=f"check {path.name}", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            problems = safety.integrity_problems(self.path, interrupt=self._connections)
        except UserError as e:  # not checked: writes stay held, with the disk's own message
            self.error, problems = e, []
        except Exception as e:  # noqa: BLE001 - whatever else stops the check counts against the file
            problems = [str(e)]
        if not self._cancelled:
            self.problems = problems
        self.done.set()

    def cancel(self) -> None:
        self._cancelled = True
        # SQLite's interrupt stops only a statement already running: a check still connecting, or about to
        # start, would run its whole course (seconds on a big file, and closing waited for it)
        while self._thread.is_alive():
            for con in list(self._connections):
                with contextlib.suppress(sqlite3.Error):
                    con.interrupt()
            self._thread.join(0.02)
