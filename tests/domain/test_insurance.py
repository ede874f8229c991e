"""Credit insurance: each status switching on its exact day, the exposure figures, the limits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ar_desktop.domain import insurance as ins
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.insurance import InsuredLimit, InsurerEvent, Policy, insurance_position, limit_on

D = dt.date
DUE = D(2026, 1, 10)
POLICY = Policy("Allianz Trade", "P-1", Decimal("90"), 60, 30, 90)  # M=60, N=30, T=90
LIMIT = InsuredLimit(Decimal("10000"), D(2025, 1, 1))
M = DUE + dt.timedelta(days=60)        # 2026-03-11: covered until here
NOTIFY_BY = M + dt.timedelta(days=30)  # 2026-04-10
TRANSFER_BY = M + dt.timedelta(days=90)  # 2026-06-09


def pos(as_of, events=(), exposure="12000", limit=LIMIT, due=DUE):
    return insurance_position(POLICY, limit, Decimal(exposure), due, [InsurerEvent(k, d) for k, d in events], as_of)


def test_figures():
    p = pos(D(2026, 2, 1))
    assert (p.insured_limit, p.exposure, p.insured_exposure, p.uninsured_exposure, p.expected_indemnity) == \
        (Decimal("10000"), Decimal("12000"), Decimal("10000"), Decimal("2000"), Decimal("9000.00"))
    assert (p.oldest_unpaid_due, p.notify_by, p.transfer_by) == (DUE, NOTIFY_BY, TRANSFER_BY)
    small = pos(D(2026, 2, 1), exposure="1234.56")
    assert (small.insured_exposure, small.uninsured_exposure, small.expected_indemnity) == \
        (Decimal("1234.56"), Decimal("0"), Decimal("1111.10"))  # 1111.104 rounded


def test_ok_until_the_end_of_the_extension_then_notify_now():
    assert pos(M).status == ins.OK
    assert pos(M + dt.timedelta(days=1)).status == ins.NOTIFY_NOW


def test_notify_now_until_notify_by_then_late():
    assert pos(NOTIFY_BY).status == ins.NOTIFY_NOW
    assert pos(NOTIFY_BY + dt.timedelta(days=1)).status == ins.NOTIFICATION_LATE
    assert pos(TRANSFER_BY + dt.timedelta(days=5)).status == ins.NOTIFICATION_LATE  # never notified


def test_notified_until_transfer_by_then_transfer_late():
    events = [("notified", D(2026, 3, 20))]
    assert pos(D(2026, 3, 19), events).status == ins.NOTIFY_NOW    # not yet notified on that day
    assert pos(D(2026, 3, 20), events).status == ins.NOTIFIED
    assert pos(TRANSFER_BY, events).status == ins.NOTIFIED
    assert pos(TRANSFER_BY + dt.timedelta(days=1), events).status == ins.TRANSFER_LATE


def test_a_late_notification_still_counts_as_notified():
    assert pos(D(2026, 5, 1), [("notified", D(2026, 4, 20))]).status == ins.NOTIFIED


def test_transferred_from_its_day():
    events = [("notified", D(2026, 3, 20)), ("transferred", D(2026, 6, 1))]
    assert pos(D(2026, 5, 31), events).status == ins.NOTIFIED
    assert pos(D(2026, 6, 1), events).status == ins.TRANSFERRED
    assert pos(D(2027, 6, 1), events).status == ins.TRANSFERRED


def test_events_of_an_earlier_case_do_not_count():
    # notified about debts that were paid before the present oldest invoice fell due
    assert pos(D(2026, 3, 20), [("notified", D(2025, 12, 1))]).status == ins.NOTIFY_NOW


def test_nothing_open_is_ok_and_no_limit_is_not_insured():
    p = pos(D(2026, 5, 1), exposure="0", due=None)
    assert p.status == ins.OK and p.notify_by is None and p.expected_indemnity == Decimal("0.00")
    n = insurance_position(POLICY, None, Decimal("500"), DUE, [], D(2026, 5, 1))
    assert n.status == ins.NOT_INSURED and n.insured_limit is None and n.notify_by is None


def test_limit_in_force_on_a_day():
    a = InsuredLimit(Decimal("10000"), D(2025, 1, 1), order=1)
    b = InsuredLimit(Decimal("5000"), D(2025, 6, 1), D(2025, 12, 31), "R2", order=2)
    withdrawn = InsuredLimit(Decimal("0"), D(2026, 3, 1), order=3)
    assert limit_on([a, b, withdrawn], D(2024, 12, 31)) is None
    assert limit_on([a, b, withdrawn], D(2025, 1, 1)) is a
    assert limit_on([a, b, withdrawn], D(2025, 5, 31)) is a
    assert limit_on([a, b, withdrawn], D(2025, 6, 1)) is b
    assert limit_on([a, b, withdrawn], D(2025, 12, 31)) is b
    assert limit_on([a, b, withdrawn], D(2026, 1, 1)) is None  # b expired; a was replaced by b
    assert limit_on([a, withdrawn], D(2026, 2, 28)) is a
    assert limit_on([a, withdrawn], D(2026, 3, 1)) is None


def test_policy_checks():
    with pytest.raises(UserError, match="indemnity"):
        Policy("X", "1", Decimal("0"), 60, 30, 90)
    with pytest.raises(UserError, match="indemnity"):
        Policy("X", "1", Decimal("100.5"), 60, 30, 90)
    with pytest.raises(UserError, match="cannot be due before the notification"):
        Policy("X", "1", Decimal("90"), 60, 30, 20)
    with pytest.raises(UserError, match="whole number of days"):
        Policy("X", "1", Decimal("90"), -1, 30, 90)
    with pytest.raises(UserError, match="insurer's name"):
        Policy(" ", "1", Decimal("90"), 60, 30, 90)


def test_a_limit_above_the_discretionary_limit_needs_the_insurers_reference():
    p = Policy("X", "1", Decimal("90"), 60, 30, 90, discretionary_limit=Decimal("20000"))
    ins.check_limit(InsuredLimit(Decimal("20000"), D(2026, 1, 1)), p)
    with pytest.raises(UserError, match="discretionary limit of 20000"):
        ins.check_limit(InsuredLimit(Decimal("20000.01"), D(2026, 1, 1)), p)
    ins.check_limit(InsuredLimit(Decimal("50000"), D(2026, 1, 1), reference="EH-77"), p)
    with pytest.raises(UserError, match="allows no limit you set yourself"):
        ins.check_limit(InsuredLimit(Decimal("1"), D(2026, 1, 1)), POLICY)


def test_new_invoice_warnings():
    p = pos(D(2026, 2, 1), exposure="9000")
    texts = [str(t) for t in ins.new_invoice_warnings(p, D(2026, 2, 1), Decimal("1500"), 30, POLICY, "EUR")]
    assert len(texts) == 1 and "above the insured limit" in texts[0] and "500.00 EUR would not be insured" in texts[0]
    late = pos(M + dt.timedelta(days=1), exposure="100")
    texts = [str(t) for t in ins.new_invoice_warnings(late, M + dt.timedelta(days=1), Decimal("10"), 30, POLICY,
                                                      "EUR")]
    assert len(texts) == 1 and "no longer covered" in texts[0]
    assert ins.new_invoice_warnings(pos(M, exposure="100"), M, Decimal("10"), 30, POLICY, "EUR") == []
    capped = Policy("X", "1", Decimal("90"), 60, 30, 90, max_credit_days=60)
    texts = [str(t) for t in ins.new_invoice_warnings(pos(M, exposure="100"), M, Decimal("10"), 61, capped, "EUR")]
    assert len(texts) == 1 and "61 days" in texts[0]
