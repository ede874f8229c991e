"""How the collection ladder counts its days: calendar days, or working days of one country.

A ladder's thresholds (days after the due date) and waiting periods (days after an earlier step)
are counted by a ``DayCount``: ``add(d, n)`` is the day n days after d (before it when n < 0) and
``between(a, b)`` how many days b is after a, so that ``between(a, add(a, n)) == n``.

Working days are the days that are neither a weekend day nor a public holiday of the company's
country, and that include the weekend days a country declares working days (China's 调休). Which
days those are is told by a predicate: services.ladder_days asks the maintained ``holidays``
calendar, imported only when a company counts in working days. Counting by working days, n days after d is the n-th working day
after d (day 0 is d itself, whatever it is); ``between(a, b)`` counts the working days in (a, b].
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
from typing import Protocol

_ONE = dt.timedelta(days=1)
# a calendar whose years have no working day at all would make add() search for ever
_MAX_YEARS = 30


class DayCount(Protocol):
    def add(self, day: dt.date, n: int) -> dt.date: ...

    def between(self, first: dt.date, last: dt.date) -> int: ...


class CalendarDays:
    """Every day counts."""

    working = False

    def add(self, day: dt.date, n: int) -> dt.date:
        return day + dt.timedelta(days=n)

    def between(self, first: dt.date, last: dt.date) -> int:
        return (last - first).days


CALENDAR_DAYS = CalendarDays()


class WorkingDays:
    """Days for which ``is_working_day`` is true; the count per day of each year is built once (a
    worklist asks for thousands of customers)."""

    working = True

    def __init__(self, is_working_day: Callable[[dt.date], bool], country: str = ""):
        self._is_working_day = is_working_day
        self.country = country
        self._years: dict[int, list[int]] = {}

    def _year(self, year: int) -> list[int]:
        """Working days from 1 January of ``year`` through each of its days (index: day of year - 1)."""
        counts = self._years.get(year)
        if counts is None:
            day, end, k, counts = dt.date(year, 1, 1), dt.date(year, 12, 31), 0, []
            while True:
                k += bool(self._is_working_day(day))
                counts.append(k)
                if day == end:
                    break
                day += _ONE
            self._years[year] = counts
        return counts

    def _through(self, day: dt.date, base: int) -> int:
        """Working days from 1 January of year ``base`` through ``day`` (base <= day's year)."""
        return (sum(self._year(y)[-1] for y in range(base, day.year))
                + self._year(day.year)[day.timetuple().tm_yday - 1])

    def between(self, first: dt.date, last: dt.date) -> int:
        if last >= first:
            return self._through(last, first.year) - self._through(first, first.year)
        # last before first: minus the working days in [last, first)
        base = last.year - 1
        return -(self._through(first - _ONE, base) - self._through(last - _ONE, base))

    def _first_reaching(self, target: int, base: int) -> dt.date:
        """The first day whose count from 1 January of ``base`` reaches ``target`` (>= 1)."""
        year, before = base, 0
        while before + self._year(year)[-1] < target:
            before += self._year(year)[-1]
            year += 1
            if year - base > _MAX_YEARS:
                raise ValueError(f"no working day in {_MAX_YEARS} years of the {self.country} calendar")
        index = bisect.bisect_left(self._year(year), target - before)
        return dt.date(year, 1, 1) + dt.timedelta(days=index)

    def add(self, day: dt.date, n: int) -> dt.date:
        if n == 0:
            return day
        if n > 0:
            return self._first_reaching(self._through(day, day.year) + n, day.year)
        # the |n|-th working day before: the first day from which [that day, day) holds |n| of them
        base = day.year - 1 - (-n) // 200
        return self._first_reaching(self._through(day - _ONE, base) - (-n) + 1, base)
