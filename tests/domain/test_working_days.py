"""Counting the ladder's days: calendar days, or working days of a calendar (any predicate)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from ar_desktop.domain.ladder import default_ladder
from ar_desktop.domain.next_step import InvoiceState, collection_status
from ar_desktop.domain.working_days import CALENDAR_DAYS, WorkingDays

d = dt.date
HOLIDAYS = {d(2026, 12, 25), d(2026, 12, 26), d(2027, 1, 1)}
# Monday to Friday less the holidays above, and one working Saturday (as China's 调休)
EXTRA = {d(2026, 12, 19)}
WORK = WorkingDays(lambda day: day in EXTRA or (day.weekday() < 5 and day not in HOLIDAYS), "XX")


def slow_between(a: dt.date, b: dt.date) -> int:
    days = [a + dt.timedelta(i) for i in range(1, (b - a).days + 1)] if b >= a else \
        [b + dt.timedelta(i) for i in range((a - b).days)]
    n = sum(1 for x in days if x in EXTRA or (x.weekday() < 5 and x not in HOLIDAYS))
    return n if b >= a else -n


def test_a_step_over_a_weekend_and_a_holiday():
    due = d(2026, 12, 22)   # a Tuesday
    assert WORK.add(due, 3) == d(2026, 12, 28)          # Wed 23, Thu 24, (Fri 25, Sat 26, Sun 27 off) Mon 28
    assert CALENDAR_DAYS.add(due, 3) == d(2026, 12, 25)
    assert WORK.add(d(2026, 12, 31), 1) == d(2027, 1, 4)  # over New Year's Day and a weekend, into the next year
    assert WORK.add(due, -3) == d(2026, 12, 18)          # Mon 21, Sat 19 (a working Saturday), Fri 18
    assert WORK.add(due, 0) == due and WORK.add(d(2026, 12, 25), 0) == d(2026, 12, 25)
    assert WORK.between(due, d(2026, 12, 27)) == 2 and WORK.between(due, d(2026, 12, 28)) == 3
    assert WORK.between(d(2026, 12, 28), due) == -3


@given(st.dates(d(2025, 6, 1), d(2028, 6, 1)), st.dates(d(2025, 6, 1), d(2028, 6, 1)), st.integers(-300, 400))
def test_counting_agrees_with_a_day_by_day_count(a, b, n):
    assert WORK.between(a, b) == slow_between(a, b)
    if n:
        after = WORK.add(a, n)
        assert WORK.between(a, after) == n
        assert after.weekday() < 5 and after not in HOLIDAYS or after in EXTRA   # lands on a working day
        nearer = after - dt.timedelta(days=1 if n > 0 else -1)
        assert WORK.between(a, nearer) == (n - 1 if n > 0 else n + 1) or nearer == a


def test_the_ladder_counts_its_thresholds_in_the_days_it_is_given():
    ladder = default_ladder("B")   # reminder 3 days after the due date
    inv = InvoiceState("R-1", d(2026, 12, 22), 100, issue_date=d(2026, 11, 22))
    on_sunday = collection_status(ladder, [inv], [], d(2026, 12, 27), days=WORK)
    assert (on_sunday.reached_step.key, on_sunday.age_days) == ("courtesy_reminder", 2)
    calendar = collection_status(ladder, [inv], [], d(2026, 12, 27))
    assert (calendar.reached_step.key, calendar.next_step_date) == ("reminder", d(2026, 12, 25))
    monday = collection_status(ladder, [inv], [], d(2026, 12, 28), days=WORK)
    assert (monday.reached_step.key, monday.next_step.key, monday.next_step_date) == ("reminder", "reminder",
                                                                                       d(2026, 12, 28))
