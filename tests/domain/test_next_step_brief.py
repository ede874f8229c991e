"""The next-step rule on a summary read briefly (today's actions on the Overview): without the invoices' numbers
and, for a customer with no step logged by D, without the runs of overdue days (domain.next_step.OpenSummary).
It must say what it says on the whole summary, but for what was not read."""

import dataclasses
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ar_desktop.domain.ladder import CREDIT_CLASSES, default_ladder
from ar_desktop.domain.next_step import (Hold, InvoiceState, OpenSummary, PaymentPlan, Promise, StepRecord, status_of,
                                         summarize)
from ar_desktop.domain.working_days import CALENDAR_DAYS, WorkingDays

D0 = date(2024, 3, 1)
WEEKDAYS = WorkingDays(lambda day: day.weekday() < 5, "XX")

invoice_st = st.builds(
    lambda n, due, cents, settled, disputed, part: InvoiceState(
        f"I{n}", D0 + timedelta(days=due), Decimal(cents) / 100 if settled is None else Decimal(0),
        disputed=disputed, settled_on=None if settled is None else D0 + timedelta(days=due + settled),
        disputed_amount=None if part is None else Decimal(part)),
    st.integers(0, 30), st.integers(-40, 200), st.integers(1, 50_000), st.none() | st.integers(-20, 120),
    st.booleans(), st.none() | st.integers(0, 300))


def _brief(whole: OpenSummary, periods: bool) -> OpenSummary:
    """``whole`` as today's actions read it: no numbers; the periods only when ``periods``."""
    first = whole.considered[0][0] if whole.considered else None
    return dataclasses.replace(whole, considered=None, first_due=first, periods=whole.periods if periods else None)


def _history(ladder, steps, as_of: date) -> list[StepRecord]:
    """Steps drawn as (ladder position, days from D, skipped): a position past the ladder's end is a step the
    ladder no longer has."""
    return [StepRecord(ladder.steps[k].key if k < len(ladder.steps) else "gone", as_of + timedelta(days=offset),
                       skipped) for k, offset, skipped in steps]


def _review_suppressed(review: date | None, status) -> bool:
    """services.worklist._judge: a credit review logged in the episode running on D holds off another."""
    return review is not None and status.episode_start is not None and review >= status.episode_start


@settings(max_examples=600, deadline=None)
@given(invoices=st.lists(invoice_st, max_size=6), at=st.integers(-30, 300), cls=st.sampled_from(CREDIT_CLASSES),
       working=st.booleans(), promise=st.none() | st.tuples(st.integers(-30, 300), st.integers(0, 40),
                                                           st.integers(1, 900), st.integers(0, 900)),
       hold=st.none() | st.integers(-30, 300), plan=st.booleans(),
       steps=st.lists(st.tuples(st.integers(0, 9), st.integers(-150, 20), st.booleans()), max_size=5),
       review=st.none() | st.integers(-150, 0))
def test_a_brief_summary_gives_the_same_status_but_for_what_it_did_not_read(invoices, at, cls, working, promise,
                                                                           hold, plan, steps, review):
    """Today's actions read the runs of overdue days only for a customer with a step or a credit review logged by
    D (storage.collections_repo.collection_inputs with ``brief``; both are read up to D): with them the status is
    the whole summary's but for the invoices' numbers, and so is whether a review is held off; without them, and
    no step logged by D, it is too but for the episode's bounds, which nothing then reads. Asked without them
    where a step was logged by D, the rule refuses rather than guess."""
    as_of = D0 + timedelta(days=at)
    ladder, days = default_ladder(cls), WEEKDAYS if working else CALENDAR_DAYS
    plans = [PaymentPlan({i.number for i in invoices[:1]}, as_of - timedelta(days=5), as_of + timedelta(days=9))] \
        if plan and invoices else []
    promises = [] if promise is None else [
        Promise(D0 + timedelta(days=promise[0]), D0 + timedelta(days=promise[0] + promise[1]),
                Decimal(promise[2]), paid_since=Decimal(promise[3]))]
    pauses = dict(promises=promises, hold=None if hold is None else Hold(D0 + timedelta(days=hold), "h"),
                  plans=plans, days=days)
    history = _history(ladder, steps, as_of)
    reviewed = None if review is None else as_of + timedelta(days=review)
    stepped = any(r.done_on <= as_of for r in history)
    whole = summarize(invoices, as_of, plans)
    want = status_of(ladder, whole, history, as_of, **pauses)
    for periods in (True, False):
        if not periods and stepped:
            if want is not None:
                with pytest.raises(ValueError, match="overdue periods"):
                    status_of(ladder, _brief(whole, periods), history, as_of, **pauses)
            continue
        got = status_of(ladder, _brief(whole, periods), history, as_of, **pauses)
        if want is None:
            assert got is None
            continue
        unread = {"chased_invoices": ()} if periods else {"chased_invoices": (), "episode_start": None,
                                                          "steps_from": None}
        assert got == dataclasses.replace(want, **unread)
        if periods or reviewed is None:   # what the brief read gives the worklist's review
            assert _review_suppressed(reviewed, got) == _review_suppressed(reviewed, want)


def test_a_step_logged_by_the_day_needs_the_periods():
    """Without the runs of overdue days the rule cannot tell which logged steps count: it refuses rather than
    guess (a step logged after D does not count and needs none)."""
    ladder = default_ladder("B")
    whole = summarize([InvoiceState("I1", D0, Decimal(100))], D0 + timedelta(days=40))
    as_of = D0 + timedelta(days=40)
    later = [StepRecord(ladder.steps[0].key, as_of + timedelta(days=1))]
    assert status_of(ladder, _brief(whole, False), later, as_of) == \
        dataclasses.replace(status_of(ladder, whole, later, as_of), chased_invoices=(), episode_start=None,
                            steps_from=None)
    with pytest.raises(ValueError, match="overdue periods"):
        status_of(ladder, _brief(whole, False), [StepRecord(ladder.steps[0].key, as_of)], as_of)
