"""The next-step rule, walked over calendar time (docs/collections-rule.md)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.ladder import CREDIT_CLASSES, default_ladder
from ar_desktop.domain.next_step import (
    ACTION_DUE,
    DISPUTED,
    ON_HOLD,
    PROMISED,
    WAITING,
    CollectionStatus,
    Hold,
    InvoiceState,
    PaymentPlan,
    Promise,
    StepRecord,
    collection_status,
    episode_start,
    overdue_periods,
    reached_step_for_invoice,
    urgency_key,
)

DUE = date(2024, 3, 1)
B = default_ladder("B")


def d(n: int) -> date:
    """The day n days after DUE (negative = before)."""
    return DUE + timedelta(days=n)


def inv(number="1", due=0, amount="100", settled=None, disputed=False, **kw):
    return InvoiceState(number, d(due), Decimal(amount) if settled is None else Decimal("0"),
                        disputed=disputed, settled_on=None if settled is None else d(settled), **kw)


def done(key, n, skipped=False):
    return StepRecord(key, d(n), skipped)


def brief(st: CollectionStatus | None):
    if st is None:
        return None
    return (st.state, st.reached_step.key if st.reached_step else None,
            st.next_step.key if st.next_step else None, st.next_step_date)


# ---------------------------------------------------------------------------------------------
# Threshold boundaries, every step of every default ladder


@pytest.mark.parametrize("cls", CREDIT_CLASSES)
def test_every_threshold_boundary_per_invoice(cls):
    lad = default_ladder(cls)
    for k, step in enumerate(lad.steps):
        before = reached_step_for_invoice(lad, DUE, d(step.threshold_days - 1))
        at = reached_step_for_invoice(lad, DUE, d(step.threshold_days))
        assert at == step
        assert before == (lad.steps[k - 1] if k else None)


@pytest.mark.parametrize("cls", CREDIT_CLASSES)
def test_every_threshold_boundary_with_earlier_steps_done_on_time(cls):
    lad = default_ladder(cls)
    invoices = [inv()]
    for k, step in enumerate(lad.steps):
        t = step.threshold_days
        history = [done(s.key, s.threshold_days) for s in lad.steps[:k]]
        before = collection_status(lad, invoices, history, d(t - 1))
        at = collection_status(lad, invoices, history, d(t))
        if k == 0:
            assert before is None
        else:
            assert brief(before) == (WAITING, lad.steps[k - 1].key, step.key, d(t))
            assert before.age_days == t - 1
        assert brief(at) == (ACTION_DUE, step.key, step.key, d(t))
        assert at.age_days == t and at.severity == k


# ---------------------------------------------------------------------------------------------
# Nothing done at all: the ladder catches up, never replays


def test_nothing_done_yet_over_time():
    invoices = [inv(amount="250.00")]
    expected = {
        -10: None,
        -4: None,
        -3: (ACTION_DUE, "courtesy_reminder", "courtesy_reminder", d(-3)),
        0: (ACTION_DUE, "courtesy_reminder", "courtesy_reminder", d(-3)),
        2: (ACTION_DUE, "courtesy_reminder", "courtesy_reminder", d(-3)),
        3: (ACTION_DUE, "reminder", "reminder", d(3)),
        6: (ACTION_DUE, "reminder", "reminder", d(3)),
        7: (ACTION_DUE, "phone_call", "phone_call", d(7)),
        14: (ACTION_DUE, "phone_call", "phone_call", d(7)),
        15: (ACTION_DUE, "demand_letter", "demand_letter", d(15)),
        29: (ACTION_DUE, "demand_letter", "demand_letter", d(15)),
        # legal action reached, but the demand letter was never sent: send it first
        30: (ACTION_DUE, "legal_action", "demand_letter", d(15)),
        40: (ACTION_DUE, "legal_action", "demand_letter", d(15)),
        60: (ACTION_DUE, "agency", "demand_letter", d(15)),
    }
    for n, want in expected.items():
        st = collection_status(B, invoices, [], d(n))
        assert brief(st) == want, n
    st = collection_status(B, invoices, [], d(40))
    assert st.overdue_amount == Decimal("250.00")
    assert st.oldest_days_overdue == 40 and st.age_days == 40
    assert st.episode_start == d(1)
    assert st.last_step is None and st.last_step_date is None and st.broken_promise is None
    pre = collection_status(B, invoices, [], d(-1))
    assert (pre.overdue_amount, pre.oldest_days_overdue, pre.age_days, pre.episode_start) == (
        Decimal("0"), 0, -1, None)


def test_forty_days_overdue_with_demand_letter_history_is_legal_action_not_courtesy():
    st = collection_status(B, [inv()], [done("demand_letter", 15)], d(40))
    assert brief(st) == (ACTION_DUE, "legal_action", "legal_action", d(30))
    assert (st.last_step, st.last_step_date) == ("demand_letter", d(15))


# ---------------------------------------------------------------------------------------------
# Steps done on time: walk day by day, doing whatever is due


def test_steps_done_on_time_walk():
    invoices = [inv()]
    history: list[StepRecord] = []
    states = {}
    for n in range(-6, 91):
        st = collection_status(B, invoices, history, d(n))
        states[n] = brief(st)
        if st is not None and st.state == ACTION_DUE:
            history.append(StepRecord(st.next_step.key, d(n)))
    assert [(r.step_key, r.done_on) for r in history] == [
        ("courtesy_reminder", d(-3)), ("reminder", d(3)), ("phone_call", d(7)),
        ("demand_letter", d(15)), ("legal_action", d(30)), ("agency", d(60))]
    assert states[-2] == (WAITING, "courtesy_reminder", "reminder", d(3))
    assert states[1] == (WAITING, "courtesy_reminder", "reminder", d(3))
    assert states[4] == (WAITING, "reminder", "phone_call", d(7))
    assert states[16] == (WAITING, "demand_letter", "legal_action", d(30))
    assert states[31] == (WAITING, "legal_action", "agency", d(60))
    assert states[61] == (WAITING, "agency", None, None)
    assert states[90] == (WAITING, "agency", None, None)
    st = collection_status(B, invoices, history, d(90))
    assert (st.last_step, st.last_step_date, st.episode_start) == ("agency", d(60), d(1))


# ---------------------------------------------------------------------------------------------
# A payment mid-way


def test_payment_of_oldest_invoice_mid_way_keeps_episode_and_moves_age():
    a, b = inv("A", 0, "100"), inv("B", 10, "50")
    history = [done("courtesy_reminder", -3), done("reminder", 3), done("phone_call", 7)]
    st = collection_status(B, [a, b], history, d(11))
    assert brief(st) == (WAITING, "phone_call", "demand_letter", d(15))
    assert st.overdue_amount == Decimal("150") and st.chased_invoices == ("A", "B")
    # A paid in full on day 12: B (due day 10) is now the oldest; the episode goes on
    a_paid = inv("A", 0, settled=12)
    st = collection_status(B, [a_paid, b], history, d(12))
    assert st.episode_start == d(1)
    assert st.age_days == 2 and st.overdue_amount == Decimal("50") and st.oldest_days_overdue == 2
    # courtesy reached for B and already done in this episode; reminder and phone call too
    assert brief(st) == (WAITING, "courtesy_reminder", "demand_letter", d(25))
    assert brief(collection_status(B, [a_paid, b], history, d(24))) == (
        WAITING, "phone_call", "demand_letter", d(25))
    assert brief(collection_status(B, [a_paid, b], history, d(25))) == (
        ACTION_DUE, "demand_letter", "demand_letter", d(25))


def test_partial_payment_changes_nothing_but_the_amount():
    st = collection_status(B, [inv(amount="30.50")], [done("reminder", 3)], d(5))
    assert brief(st) == (WAITING, "reminder", "phone_call", d(7))
    assert st.overdue_amount == Decimal("30.50")


# ---------------------------------------------------------------------------------------------
# Disputes


def test_dispute_leaves_the_invoice_out_but_not_the_rest_of_the_account():
    a = inv("A", 0, "100", disputed=True)
    b = inv("B", 20, "40")
    st = collection_status(B, [a, b], [], d(10))
    assert brief(st) == (DISPUTED, None, None, None)
    assert (st.age_days, st.overdue_amount, st.oldest_days_overdue, st.episode_start) == (
        -10, Decimal("100"), 10, d(1))
    assert st.chased_invoices == ()
    # B comes near its due date: its own ladder runs although A is disputed
    assert brief(collection_status(B, [a, b], [], d(17))) == (
        ACTION_DUE, "courtesy_reminder", "courtesy_reminder", d(17))
    st = collection_status(B, [a, b], [done("courtesy_reminder", 17)], d(23))
    assert brief(st) == (ACTION_DUE, "reminder", "reminder", d(23))
    assert st.age_days == 3 and st.overdue_amount == Decimal("140") and st.chased_invoices == ("B",)
    # the dispute is settled in the customer's disfavour on day 30: A is back, 30 days late
    a_back = inv("A", 0, "100")
    st = collection_status(B, [a_back, b], [done("courtesy_reminder", 17)], d(30))
    assert brief(st) == (ACTION_DUE, "legal_action", "demand_letter", d(15))


def test_only_disputed_invoices_overdue_gives_disputed():
    st = collection_status(B, [inv(disputed=True)], [], d(45))
    assert brief(st) == (DISPUTED, None, None, None)
    assert st.age_days is None and st.severity == -1
    # a disputed invoice that is not yet due needs no attention
    assert collection_status(B, [inv(disputed=True)], [], d(-2)) is None


# ---------------------------------------------------------------------------------------------
# Promises


def test_kept_promise_pauses_then_account_is_settled():
    history = [done("reminder", 3), done("phone_call", 7)]
    unpaid = Promise(d(10), d(20), Decimal("100"), Decimal("0"))
    assert brief(collection_status(B, [inv()], history, d(10), [unpaid])) == (
        PROMISED, "phone_call", "demand_letter", d(24))
    st = collection_status(B, [inv()], history, d(16), [unpaid])
    assert brief(st) == (PROMISED, "demand_letter", "demand_letter", d(24))
    assert st.broken_promise is None
    # paid in full on day 19: nothing left to chase
    assert collection_status(B, [inv(settled=19)], history, d(19),
                             [Promise(d(10), d(20), Decimal("100"), Decimal("100"))]) is None


def test_kept_partial_promise_resumes_the_ladder_for_the_rest():
    history = [done("reminder", 3), done("phone_call", 7)]
    kept = Promise(d(10), d(20), Decimal("60"), Decimal("60"))
    st = collection_status(B, [inv(amount="40")], history, d(18), [kept])
    assert brief(st) == (ACTION_DUE, "demand_letter", "demand_letter", d(15))
    assert st.broken_promise is None


def test_broken_promise_resumes_at_once_and_is_reported():
    history = [done("reminder", 3), done("phone_call", 7)]
    p = Promise(d(10), d(20), Decimal("100"), Decimal("40"), ref=7)
    # grace of 3 days: paused up to and including day 23
    st = collection_status(B, [inv(amount="60")], history, d(23), [p])
    assert brief(st) == (PROMISED, "demand_letter", "demand_letter", d(24))
    assert st.broken_promise is None
    st = collection_status(B, [inv(amount="60")], history, d(24), [p])
    assert brief(st) == (ACTION_DUE, "demand_letter", "demand_letter", d(15))
    assert st.broken_promise == p and st.broken_promise.ref == 7
    # a grace of 0 days: broken the day after the promised date
    st = collection_status(B, [inv(amount="60")], history, d(21), [p], grace_days=0)
    assert st.state == ACTION_DUE and st.broken_promise == p
    # a new promise replaces the broken one
    p2 = Promise(d(25), d(28), Decimal("60"))
    st = collection_status(B, [inv(amount="60")], history, d(26), [p, p2])
    assert brief(st) == (PROMISED, "demand_letter", "demand_letter", d(32))
    assert st.broken_promise is None


def test_promise_made_in_the_future_is_ignored_and_bad_promise_refused():
    p = Promise(d(20), d(25), Decimal("100"))
    assert collection_status(B, [inv()], [], d(10), [p]).state == ACTION_DUE
    with pytest.raises(UserError, match="greater than zero"):
        Promise(d(1), d(2), Decimal("0"))
    with pytest.raises(UserError, match="before the day the promise was made"):
        Promise(d(5), d(2), Decimal("10"))
    with pytest.raises(UserError, match="grace period"):
        collection_status(B, [inv()], [], d(10), grace_days=-1)


# ---------------------------------------------------------------------------------------------
# Prerequisite wait


def test_legal_action_waits_14_days_after_a_late_demand_letter():
    history = [done("reminder", 3), done("phone_call", 7), done("demand_letter", 25)]
    invoices = [inv()]
    assert brief(collection_status(B, invoices, history, d(29))) == (
        WAITING, "demand_letter", "legal_action", d(39))
    assert brief(collection_status(B, invoices, history, d(30))) == (
        WAITING, "legal_action", "legal_action", d(39))
    assert brief(collection_status(B, invoices, history, d(38))) == (
        WAITING, "legal_action", "legal_action", d(39))
    assert brief(collection_status(B, invoices, history, d(39))) == (
        ACTION_DUE, "legal_action", "legal_action", d(39))
    history.append(done("legal_action", 39))
    assert brief(collection_status(B, invoices, history, d(40))) == (
        WAITING, "legal_action", "agency", d(60))
    assert brief(collection_status(B, invoices, history, d(60))) == (
        ACTION_DUE, "agency", "agency", d(60))


def test_skipped_demand_letter_does_not_satisfy_the_prerequisite():
    history = [done("demand_letter", 15, skipped=True)]
    st = collection_status(B, [inv()], history, d(20))
    assert brief(st) == (WAITING, "demand_letter", "legal_action", d(30))
    assert st.last_step is None  # a skip is not an action taken
    assert brief(collection_status(B, [inv()], history, d(30))) == (
        ACTION_DUE, "legal_action", "demand_letter", d(15))


def test_skipped_step_counts_as_handled_for_the_reached_step():
    st = collection_status(B, [inv()], [done("reminder", 3, skipped=True)], d(5))
    assert brief(st) == (WAITING, "reminder", "phone_call", d(7))


# ---------------------------------------------------------------------------------------------
# Episodes


def test_new_episode_after_full_payment_starts_afresh():
    a = inv("A", 0, settled=10)
    b = inv("B", 30, "80")
    old = [done("courtesy_reminder", -3), done("reminder", 3), done("phone_call", 7)]
    assert collection_status(B, [a, b], old, d(10)) is None
    assert collection_status(B, [a, b], old, d(26)) is None
    # B enters its pre-due window: the old courtesy reminder does not count
    st = collection_status(B, [a, b], old, d(27))
    assert brief(st) == (ACTION_DUE, "courtesy_reminder", "courtesy_reminder", d(27))
    assert st.episode_start is None and st.last_step is None
    history = old + [done("courtesy_reminder", 27)]
    st = collection_status(B, [a, b], history, d(31))
    assert brief(st) == (WAITING, "courtesy_reminder", "reminder", d(33))
    assert (st.episode_start, st.last_step, st.last_step_date) == (d(31), "courtesy_reminder", d(27))
    # the old reminder (day 3) belongs to the previous episode
    assert brief(collection_status(B, [a, b], history, d(33))) == (
        ACTION_DUE, "reminder", "reminder", d(33))


def test_courtesy_reminder_right_after_previous_episode_is_not_counted_twice():
    # A overdue days 1..29 (settled day 30); B due day 31: its pre-due window (day 28) overlaps
    # episode 1, but steps of episode 1 never count for episode 2.
    a = inv("A", 0, settled=30)
    b = inv("B", 31, "80")
    history = [done("courtesy_reminder", 28)]
    st = collection_status(B, [a, b], history, d(32))
    assert st.episode_start == d(32)
    assert brief(st) == (ACTION_DUE, "courtesy_reminder", "courtesy_reminder", d(28))
    history = [done("courtesy_reminder", 30)]
    assert brief(collection_status(B, [a, b], history, d(32))) == (
        WAITING, "courtesy_reminder", "reminder", d(34))


def test_overdue_periods_merge_adjacent_and_split_on_a_clean_day():
    touching = [inv("A", 0, settled=11), inv("B", 10)]
    assert overdue_periods(touching, d(20)) == [(d(1), d(20))]
    gap = [inv("A", 0, settled=11), inv("B", 11)]
    assert overdue_periods(gap, d(20)) == [(d(1), d(10)), (d(12), d(20))]
    assert episode_start(gap, d(20)) == d(12)
    assert episode_start(gap, d(11)) is None
    # paid on the due date or the day after: never overdue
    assert overdue_periods([inv("A", 0, settled=0), inv("B", 0, settled=1)], d(20)) == []
    # voided and not-yet-issued invoices do not count
    assert overdue_periods([inv("V", 0, voided=True)], d(20)) == []
    assert overdue_periods([inv("F", 0, issue_date=d(25))], d(20)) == []
    # settlement after D: still overdue on D
    assert overdue_periods([inv("A", 0, settled=50)], d(20)) == [(d(1), d(20))]


def test_imported_account_90_days_late():
    invoices = [inv(amount="1200.00")]
    st = collection_status(B, invoices, [], d(90))
    assert brief(st) == (ACTION_DUE, "agency", "demand_letter", d(15))
    assert st.severity == 5
    history = [done("demand_letter", 90)]
    assert brief(collection_status(B, invoices, history, d(91))) == (
        WAITING, "agency", "agency", d(104))
    assert brief(collection_status(B, invoices, history, d(103))) == (
        WAITING, "agency", "agency", d(104))
    assert brief(collection_status(B, invoices, history, d(104))) == (
        ACTION_DUE, "agency", "agency", d(104))


# ---------------------------------------------------------------------------------------------
# Hold and payment plan


def test_hold_pauses_until_its_date_inclusive():
    hold = Hold(d(20), "Customer in administration")
    st = collection_status(B, [inv()], [], d(16), hold=hold)
    assert brief(st) == (ON_HOLD, "demand_letter", "demand_letter", d(21))
    assert brief(collection_status(B, [inv()], [], d(20), hold=hold))[0] == ON_HOLD
    assert brief(collection_status(B, [inv()], [], d(21), hold=hold)) == (
        ACTION_DUE, "demand_letter", "demand_letter", d(15))
    # hold wins over a running promise
    p = Promise(d(10), d(30), Decimal("100"))
    assert collection_status(B, [inv()], [], d(16), [p], hold=hold).state == ON_HOLD
    # nothing to chase: no attention needed, hold or not
    assert collection_status(B, [inv()], [], d(-10), hold=hold) is None


def test_payment_plan_covers_its_invoices_while_active():
    a, b = inv("A", 0, "300"), inv("B", 25, "50")
    plan = PaymentPlan(frozenset({"A"}), d(10), d(40))
    st = collection_status(B, [a, b], [], d(15), plans=[plan])
    assert brief(st) == (PROMISED, None, "courtesy_reminder", d(41))
    assert st.overdue_amount == Decimal("300")
    # the uncovered invoice B runs its own ladder
    st = collection_status(B, [a, b], [], d(28), plans=[plan])
    assert brief(st) == (ACTION_DUE, "reminder", "reminder", d(28))
    assert st.chased_invoices == ("B",)
    # after the plan ends, A is back on the ladder
    st = collection_status(B, [a, b], [], d(41), plans=[plan])
    assert brief(st) == (ACTION_DUE, "legal_action", "demand_letter", d(15))
    assert st.chased_invoices == ("A", "B")


# ---------------------------------------------------------------------------------------------
# Urgency


def test_urgency_key_orders_by_severity_then_amount():
    far = collection_status(B, [inv(amount="10")], [], d(31))
    mid_big = collection_status(B, [inv(amount="900")], [], d(16))
    mid_small = collection_status(B, [inv(amount="500")], [], d(20))
    disputed = collection_status(B, [inv(amount="5000", disputed=True)], [], d(50))
    ranked = sorted([disputed, mid_small, far, mid_big], key=urgency_key)
    assert ranked == [far, mid_big, mid_small, disputed]
    assert urgency_key(far) == (-4, Decimal("-10"), -31)


# ---------------------------------------------------------------------------------------------
# Partial disputes: only the contested part leaves the ladder


def test_partial_dispute_only_the_contested_part_leaves_the_ladder():
    big = inv("BIG", amount="70000", disputed=True, disputed_amount=Decimal("1000"))
    assert (big.disputed_part, big.claimable) == (Decimal("1000"), Decimal("69000"))
    st = collection_status(B, [big], [], d(20))
    assert brief(st) == (ACTION_DUE, "demand_letter", "demand_letter", d(15))
    assert (st.overdue_amount, st.disputed_amount, st.chased_invoices) == (Decimal("70000"), Decimal("1000"), ("BIG",))


def test_dispute_without_an_amount_or_above_what_is_open_covers_all_that_is_open():
    whole = inv("W", amount="500", disputed=True)
    more = inv("M", amount="300", disputed=True, disputed_amount=Decimal("900"))
    assert whole.claimable == 0 and more.claimable == 0 and more.disputed_part == Decimal("300")
    st = collection_status(B, [whole, more], [], d(20))
    assert st.state == DISPUTED and st.disputed_amount == Decimal("800")


def test_steps_from_is_where_the_counted_history_begins():
    st = collection_status(B, [inv()], [done("reminder", 3)], d(20))
    assert st.steps_from == d(-3)          # episode starts on +1: one day back and the pre-due window
