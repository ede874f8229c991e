"""Tiered contractual late charges (阶梯式滞纳金): rates that rise with lateness, split at the tier
boundaries and at partial payments (arithmetic in the comments)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.charge_rules import Tier, parse_tiers, tiers_text
from ar_desktop.domain.late_charges import ChargeRule, InvoiceForCharges, RuleKind, compute_charges
from ar_desktop.domain.reference_rates import seed_rate_book

BOOK = seed_rate_book()
DUE = dt.date(2026, 1, 31)
RULE = ChargeRule("contract_tiered", "0.05/30;0.08/60;0.1")


def charge(as_of: dt.date, *payments, gross="1000.00", rule=RULE):
    return compute_charges(InvoiceForCharges("T-1", "EUR", D(gross), DUE, tuple((p, D(a)) for p, a in payments)),
                           rule, as_of, BOOK)


def spans(result):
    return [(p.start, p.end, p.days, p.balance, p.rate_percent) for p in result.periods]


def test_tiers_are_read_and_written_back():
    assert parse_tiers("0.05/30; 0.08/60 ;0.1") == (Tier(D("0.05"), 30), Tier(D("0.08"), 60), Tier(D("0.1"), None))
    assert tiers_text(RULE.tiers) == "0.05/30;0.08/60;0.10"
    assert RULE.rate_percent is None and RULE.rate_text == "0.05/30;0.08/60;0.10"
    assert parse_tiers("0.05") == (Tier(D("0.05"), None),)  # one tier: a daily rate
    assert RULE.describe() == ("Contractual tiered interest: 0.05 % a day for days 1-30, 0.08 % a day for days "
                               "31-60, 0.10 % a day from day 61 of lateness")


@pytest.mark.parametrize("text, message", [
    ("", "needs its tiers"),
    ("0.05/30;0.08/20;0.1", "Tier 2 ends on day 20, not after the tier before it \\(day 30\\)"),
    ("0.05/30;0.08", None),
    ("0.05;0.08/60", "needs the last day of lateness"),
    ("0.05/30;0.1/90", "The last tier \\(0.1/90\\) applies to every later day"),
    ("0/30;0.1", "Tier 1 \\(0/30\\): the daily rate must be a number above 0 and at most 1 %"),
    ("x/30;0.1", "Tier 1 \\(x/30\\): the daily rate must be a number"),
    ("2/30;0.1", "at most 1 %"),
    (";".join(["0.01/%d" % k for k in range(1, 12)] + ["0.1"]), "At most 10 tiers"),
])
def test_wrong_tiers_are_refused_with_what_to_write(text, message):
    if message is None:
        assert len(parse_tiers(text)) == 2
        return
    with pytest.raises(UserError, match=message):
        ChargeRule("contract_tiered", text)


def test_each_day_takes_the_rate_of_its_tier_and_the_tiers_switch_on_their_exact_day():
    # day 30 of lateness = 2 March 2026: still the first tier
    r = charge(dt.date(2026, 3, 2))
    assert spans(r) == [(dt.date(2026, 2, 1), dt.date(2026, 3, 2), 30, D("1000.00"), D("0.05"))]
    assert r.interest == D("15.00")                                  # 1000 x 0.05 % x 30
    # day 31: the second tier starts
    r = charge(dt.date(2026, 3, 3))
    assert spans(r)[-1] == (dt.date(2026, 3, 3), dt.date(2026, 3, 3), 1, D("1000.00"), D("0.08"))
    assert r.interest == D("15.80")                                  # 15.00 + 1000 x 0.08 % x 1
    # day 60 is 1 April, day 61 (2 April) the third tier
    assert charge(dt.date(2026, 4, 1)).interest == D("39.00")       # 15.00 + 1000 x 0.08 % x 30
    r = charge(dt.date(2026, 4, 2))
    assert [s[2] for s in spans(r)] == [30, 30, 1]
    assert r.interest == D("40.00")                                  # 15.00 + 24.00 + 1.00
    assert r.days_late == 61


def test_a_partial_payment_splits_the_tier_it_falls_in():
    # 400 paid on day 40 (12 March): days 31-40 on 1000, days 41-60 on 600, from day 61 on 600
    r = charge(dt.date(2026, 4, 10), (dt.date(2026, 3, 12), "400.00"))
    assert spans(r) == [(dt.date(2026, 2, 1), dt.date(2026, 3, 2), 30, D("1000.00"), D("0.05")),
                        (dt.date(2026, 3, 3), dt.date(2026, 3, 12), 10, D("1000.00"), D("0.08")),
                        (dt.date(2026, 3, 13), dt.date(2026, 4, 1), 20, D("600.00"), D("0.08")),
                        (dt.date(2026, 4, 2), dt.date(2026, 4, 10), 9, D("600.00"), D("0.1"))]
    # 15.00 + 8.00 + 9.60 + 5.40
    assert r.interest == D("38.00")
    assert "2026-03-13 to 2026-04-01: 600.00 EUR x 0.08 % x 20 days = 9.60 EUR." in r.explanation


def test_paid_on_time_or_not_yet_late_charges_nothing():
    assert charge(DUE).interest == D("0.00")
    assert charge(dt.date(2026, 3, 1), (DUE, "1000.00")).interest == D("0.00")


def test_a_fixed_fee_applies_as_for_the_other_contract_rules():
    rule = ChargeRule("contract_tiered", "0.05/30;0.1", fixed_fee=D("25"))
    assert rule.kind is RuleKind.CONTRACT_TIERED
    assert charge(dt.date(2026, 2, 1), rule=rule).fixed_compensation == D("25.00")
