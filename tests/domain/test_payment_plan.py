"""Payment plans: exact instalments, and when a plan is broken."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.payment_plan import (BROKEN, ENDED, HOLDING, plan_broken, plan_broken_on, plan_instalments,
                                           plan_state, schedule_text)

D = Decimal
START = date(2026, 4, 15)


def test_even_split():
    assert plan_instalments(D("1200.00"), 3, START, 30) == [
        (date(2026, 4, 15), D("400.00")), (date(2026, 5, 15), D("400.00")), (date(2026, 6, 14), D("400.00"))]


def test_last_instalment_takes_the_remainder():
    assert plan_instalments(D("100.00"), 3, START, 7) == [
        (date(2026, 4, 15), D("33.33")), (date(2026, 4, 22), D("33.33")), (date(2026, 4, 29), D("33.34"))]


def test_one_instalment_and_zero_decimal_currency():
    assert plan_instalments(D("99.99"), 1, START, 30) == [(START, D("99.99"))]
    assert plan_instalments(D("1000"), 3, START, 10, D("1")) == [
        (date(2026, 4, 15), D("333")), (date(2026, 4, 25), D("333")), (date(2026, 5, 5), D("334"))]


@pytest.mark.parametrize("total,count,every", [(D("0"), 2, 7), (D("100"), 0, 7), (D("100"), 2, 0),
                                               (D("0.01"), 2, 7), (D("1.001"), 1, 7)])
def test_impossible_splits_are_refused(total, count, every):
    with pytest.raises(UserError):
        plan_instalments(total, count, START, every)


@given(cents=st.integers(min_value=1, max_value=10**12), count=st.integers(min_value=1, max_value=60),
       every=st.integers(min_value=7, max_value=92))
def test_instalments_add_up_to_the_total(cents, count, every):
    total = D(cents) / 100
    if cents < count:
        with pytest.raises(UserError):
            plan_instalments(total, count, START, every)
        return
    plan = plan_instalments(total, count, START, every)
    assert sum(a for _d, a in plan) == total
    assert len(plan) == count and all(a > 0 for _d, a in plan)
    assert all(a.as_tuple().exponent >= -2 for _d, a in plan)
    assert [d for d, _a in plan] == sorted(d for d, _a in plan)
    assert plan[-1][1] - plan[0][1] < D("0.01") * count


PLAN = plan_instalments(D("1200.00"), 3, START, 30)   # 400 on 04-15, 05-15, 06-14


def paid(amount: Decimal, on: date = START) -> list[tuple[date, Decimal]]:
    return [(on, amount)]


def test_not_broken_before_the_first_deadline():
    # due 04-15 + 3 grace days = 04-18: nothing missed up to that day
    assert not plan_broken(PLAN, paid(D("0")), date(2026, 4, 18), 3)
    assert plan_broken(PLAN, paid(D("0")), date(2026, 4, 19), 3)
    assert plan_broken_on(PLAN, paid(D("0")), date(2026, 5, 30), 3) == date(2026, 4, 19)


def test_paid_on_time_holds_and_underpaid_breaks():
    assert not plan_broken(PLAN, paid(D("400.00")), date(2026, 5, 18), 3)
    assert plan_broken_on(PLAN, paid(D("400.00")), date(2026, 5, 19), 3) == date(2026, 5, 19)
    assert plan_broken_on(PLAN, paid(D("799.99")), date(2026, 6, 1), 0) == date(2026, 5, 16)
    assert not plan_broken(PLAN, paid(D("800.00")), date(2026, 6, 1), 0)
    assert not plan_broken(PLAN, paid(D("1200.00")), date(2027, 1, 1), 3)


def test_paying_ahead_counts():
    assert not plan_broken(PLAN, paid(D("800.00")), date(2026, 6, 1), 3)


LAST_DAY = date(2026, 6, 17)   # the last instalment (06-14) + 3 grace days: the plan's ends_on


@pytest.mark.parametrize("on_time, day, state", [
    (D("800.00"), date(2026, 6, 14), (HOLDING, None)),      # the last instalment's day
    (D("800.00"), LAST_DAY, (HOLDING, None)),               # the plan's last day
    (D("800.00"), date(2026, 6, 18), (BROKEN, date(2026, 6, 18))),   # the day after: broken, not just over
    (D("800.00"), date(2026, 9, 1), (BROKEN, date(2026, 6, 18))),    # judged long after: broken that day
    (D("1200.00"), date(2026, 6, 18), (ENDED, None)),       # paid in full by its last day: over, not broken
    (D("0"), date(2026, 4, 14), (ENDED, None)),             # before it starts
])
def test_an_open_plan_is_judged_also_after_its_last_day(on_time, day, state):
    assert plan_state("open", START, LAST_DAY, PLAN, paid(on_time), day, 3) == state


def test_a_recorded_plan_held_over_its_recorded_dates():
    broken_on_05_18 = ("broken", START, date(2026, 5, 18), PLAN, paid(D("400.00")))
    assert plan_state(*broken_on_05_18, date(2026, 5, 18), 3) == (HOLDING, None)
    assert plan_state(*broken_on_05_18, date(2026, 7, 1), 3) == (ENDED, None)
    assert plan_state("kept", START, LAST_DAY, PLAN, paid(D("0")), date(2026, 7, 1), 3) == (ENDED, None)


def test_money_after_a_deadline_does_not_mend_what_broke_on_it():
    # the first 400 (due 04-15, grace to 04-18) paid on 04-25: broken on 04-19, also when judged in June
    late = [(date(2026, 4, 25), D("400.00")), (date(2026, 5, 15), D("400.00"))]
    assert plan_broken_on(PLAN, late, date(2026, 6, 1), 3) == date(2026, 4, 19)
    assert plan_broken_on(PLAN, late[:1] + [(date(2026, 4, 18), D("0.01"))], date(2026, 6, 1), 3) == date(2026, 4, 19)
    on_time = [(date(2026, 4, 18), D("400.00")), (date(2026, 5, 18), D("400.00"))]
    assert plan_broken_on(PLAN, on_time, date(2026, 6, 1), 3) is None


def test_the_plan_s_last_day_caps_a_grace_lengthened_later():
    # made with grace 3 (ends 06-17); the grace is now 10: the last instalment is still due by 06-17
    assert plan_broken_on(PLAN, paid(D("800.00")), date(2026, 6, 18), 10, LAST_DAY) == date(2026, 6, 18)
    assert plan_broken_on(PLAN, paid(D("800.00")), date(2026, 6, 18), 10) is None


def test_schedule_text():
    assert str(schedule_text(PLAN, 30)) == "3 instalments of 400.00 from 2026-04-15 every 30 days"
    assert str(schedule_text(plan_instalments(D("100"), 3, START, 7), 7)) == \
        "3 instalments of 33.33 (last 33.34) from 2026-04-15 every 7 days"
    assert str(schedule_text([(START, D("5.00"))], 30)) == "1 instalment of 5.00 on 2026-04-15"
