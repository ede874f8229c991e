"""The one place "today" comes from, so every computation can be run as of any day."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def today(self) -> dt.date: ...


class SystemClock:
    def today(self) -> dt.date:
        return dt.date.today()


class FixedClock:
    def __init__(self, day: dt.date):
        self.day = day

    def today(self) -> dt.date:
        return self.day
