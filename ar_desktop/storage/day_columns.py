"""The ORM's column types for storage.days' day numbers and microseconds: Python sees dates and datetimes."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, cast, func
from sqlalchemy.sql import operators
from sqlalchemy.types import TypeDecorator

from ar_desktop.storage.days import date_of, day, stamp, stamp_of

__all__ = ["DayNumber", "Stamp", "day_of_iso", "month_of"]


def day_of_iso(column, plus_days: int = 0):
    """SQL: the day number of an ISO-text date column of another table (``days.from_iso_sql``), plus some days:
    what compares with our day-number columns."""
    return cast(cast(func.julianday(column) - 2440587.5, Integer) + int(plus_days), DayNumber())


def month_of(column):
    """SQL: the month (YYYY-MM) of a day-number column (``days.month_sql``'s expression)."""
    return func.strftime("%Y-%m", column * 86400, "unixepoch")


class DayNumber(TypeDecorator):
    """An ORM date column stored as its day number; Python sees ``datetime.date``."""

    impl = Integer
    cache_ok = True

    class comparator_factory(TypeDecorator.Comparator):
        def _adapt_expression(self, op, other_comparator):
            # day - day is a number of days; day +/- days is a day
            if op is operators.sub and isinstance(other_comparator.type, DayNumber):
                return op, Integer()
            if op in (operators.add, operators.sub):
                return op, self.type
            return super()._adapt_expression(op, other_comparator)

    @property
    def python_type(self):
        return dt.date

    def coerce_compared_value(self, op, value):
        # a date beside a day-number column is a day number; a plain number (``issue_date + 30``) is days
        return self if isinstance(value, dt.date) else Integer()

    def process_bind_param(self, value, dialect):
        return day(value)

    def process_literal_param(self, value, dialect):
        return str(day(value))

    def process_result_value(self, value, dialect):
        return date_of(value)


class Stamp(TypeDecorator):
    """An ORM timestamp column stored as microseconds since 1970; Python sees a naive ``datetime.datetime``."""

    impl = Integer
    cache_ok = True

    @property
    def python_type(self):
        return dt.datetime

    def process_bind_param(self, value, dialect):
        return stamp(value)

    def process_literal_param(self, value, dialect):
        return str(stamp(value))

    def process_result_value(self, value, dialect):
        return stamp_of(value)
