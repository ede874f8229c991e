"""What every use case needs: the open company file and the clock that says what "today" is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ar_desktop.clock import Clock, SystemClock
from ar_desktop.storage.engine import Database


@dataclass
class Books:
    db: Database
    clock: Clock = SystemClock()

    def today(self) -> dt.date:
        return self.clock.today()

    def close(self) -> None:
        self.db.close()
