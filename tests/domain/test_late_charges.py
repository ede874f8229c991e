"""Late-charge engine: worked examples computed by hand (arithmetic in the comments)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.charge_rules import day_count_keys, parse_day_count, parse_rule_kind, rule_kind_keys
from ar_desktop.domain.late_charges import ChargeRule, DayCount, InvoiceForCharges, RuleKind, compute_charges
from ar_desktop.domain.money import round_money
from ar_desktop.domain.reference_rates import MissingRate, RateBook, RateRow, seed_rate_book

d = dt.date
BOOK = seed_rate_book()


def inv(gross: str, due: dt.date, *payments: tuple[dt.date, str], currency: str = "EUR",
        number: str = "INV-1") -> InvoiceForCharges:
    return InvoiceForCharges(number, currency, D(gross), due, tuple((p, D(a)) for p, a in payments))


def spans(result):
    return [(p.start, p.end, p.days, p.balance, p.rate_percent) for p in result.periods]


# --- keys and parsing -------------------------------------------------------------------

def test_rule_kind_keys_are_the_contract():
    assert rule_kind_keys() == ("none", "contract_daily", "contract_annual", "contract_tiered",
                                "statutory_eu", "statutory_de", "statutory_uk")
    assert parse_rule_kind(" Statutory_UK ") is RuleKind.STATUTORY_UK
    with pytest.raises(UserError, match="'statutory_fr' is not a late-charge rule. Use one of: none, "
                                        "contract_daily, contract_annual, contract_tiered, statutory_eu, statutory_de, "
                                        "statutory_uk."):
        parse_rule_kind("statutory_fr")


def test_day_count_keys_and_aliases():
    assert day_count_keys() == ("365", "360", "actual")
    assert parse_day_count("ACT/ACT") is DayCount.ACTUAL
    assert parse_day_count("act/360") is DayCount.D360
    with pytest.raises(UserError, match="'252' is not a day count. Use 365"):
        parse_day_count("252")


# --- contract_daily -------------------------------------------------------------------------

def test_contract_daily_open_invoice():
    # 1000.00 due 31 Mar, open on 30 Apr: 1 Apr..30 Apr = 30 days.
    # 1000.00 x 0.05 % x 30 = 15.00
    r = compute_charges(inv("1000.00", d(2025, 3, 31)), ChargeRule("contract_daily", D("0.05")), d(2025, 4, 30), BOOK)
    assert r.days_late == 30
    assert r.cleared_on is None
    assert spans(r) == [(d(2025, 4, 1), d(2025, 4, 30), 30, D("1000.00"), D("0.05"))]
    assert r.periods[0].rate_unit == "day" and r.periods[0].day_basis is None
    assert r.interest == D("15.00")
    assert r.fixed_compensation == D("0.00")
    assert r.total == D("15.00")
    assert r.rule_name == "contract_daily"


def test_contract_daily_partial_payment_and_ignores_day_count():
    # Payment of 400.00 on 10 Apr: the 10th still bears interest on 1000.00.
    # 1 Apr..10 Apr: 10 days x 1000.00 x 0.05 % = 5.00
    # 11 Apr..30 Apr: 20 days x 600.00 x 0.05 % = 6.00   -> 11.00
    invoice = inv("1000.00", d(2025, 3, 31), (d(2025, 4, 10), "400.00"))
    for day_count in ("365", "360", "actual"):
        r = compute_charges(invoice, ChargeRule("contract_daily", D("0.05"), day_count=day_count), d(2025, 4, 30), BOOK)
        assert spans(r) == [(d(2025, 4, 1), d(2025, 4, 10), 10, D("1000.00"), D("0.05")),
                            (d(2025, 4, 11), d(2025, 4, 30), 20, D("600.00"), D("0.05"))]
        assert r.interest == D("11.00")


def test_contract_daily_with_configured_fixed_fee():
    # 3 days x 500.00 x 0.1 % = 1.50 ; fixed 25.00 -> total 26.50
    rule = ChargeRule("contract_daily", D("0.1"), fixed_fee=D("25"))
    r = compute_charges(inv("500.00", d(2025, 1, 10)), rule, d(2025, 1, 13), BOOK)
    assert (r.interest, r.fixed_compensation, r.total) == (D("1.50"), D("25.00"), D("26.50"))
    assert "Fixed compensation: 25.00 EUR (agreed amount per late invoice)." in r.explanation


# --- contract_annual and day counts -------------------------------------------------------

def test_contract_annual_paid_late_365_and_360():
    # 1000.00 due 31 Jan 2025, paid in full 2 Mar 2025: 1 Feb..2 Mar = 28 + 2 = 30 days.
    # 365: 1000 x 18 % x 30 / 365 = 540000 / 36500 = 14.7945... -> 14.79
    # 360: 1000 x 18 % x 30 / 360 = 15.00
    invoice = inv("1000.00", d(2025, 1, 31), (d(2025, 3, 2), "1000.00"))
    r365 = compute_charges(invoice, ChargeRule("contract_annual", D("18")), d(2025, 6, 30), BOOK)
    assert r365.days_late == 30
    assert r365.cleared_on == d(2025, 3, 2)
    assert spans(r365) == [(d(2025, 2, 1), d(2025, 3, 2), 30, D("1000.00"), D("18"))]
    # kept unrounded (540000/36500 = 14.794520547945205479452054...)
    assert r365.periods[0].interest_unrounded.quantize(D("1e-24")) == D("14.794520547945205479452055")
    assert r365.periods[0].interest_display == D("14.79")
    assert r365.interest == D("14.79")
    r360 = compute_charges(invoice, ChargeRule("contract_annual", D("18"), day_count="360"), d(2025, 6, 30), BOOK)
    assert r360.periods[0].day_basis == 360
    assert r360.interest == D("15.00")


def test_leap_year_365_versus_actual():
    # 3660.00 at 10 %, due 31 Jan 2024, open on 1 Mar 2024: 1 Feb..1 Mar = 29 + 1 = 30 days.
    # 365:    3660 x 10 % x 30 / 365 = 1098 / 36.5 = 30.0821... -> 30.08
    # actual: 3660 x 10 % x 30 / 366 = 30.00 (2024 has 366 days)
    invoice = inv("3660.00", d(2024, 1, 31))
    assert compute_charges(invoice, ChargeRule("contract_annual", D("10")), d(2024, 3, 1), BOOK).interest == D("30.08")
    r = compute_charges(invoice, ChargeRule("contract_annual", D("10"), day_count="actual"), d(2024, 3, 1), BOOK)
    assert r.periods[0].day_basis == 366
    assert r.interest == D("30.00")


def test_actual_day_count_splits_at_the_year_end():
    # 1000.00 at 10 %, due 21 Dec 2024, open on 10 Jan 2025.
    # actual: 22..31 Dec 2024 = 10 days / 366 -> 100000/36600 = 2.732240...
    #         1..10 Jan 2025  = 10 days / 365 -> 100000/36500 = 2.739726...
    #         sum 5.471966... -> 5.47
    # 365:    20 days / 365 -> 200000/36500 = 5.479452... -> 5.48
    invoice = inv("1000.00", d(2024, 12, 21))
    r = compute_charges(invoice, ChargeRule("contract_annual", D("10"), day_count="actual"), d(2025, 1, 10), BOOK)
    assert [(p.start, p.end, p.days, p.day_basis) for p in r.periods] == [
        (d(2024, 12, 22), d(2024, 12, 31), 10, 366), (d(2025, 1, 1), d(2025, 1, 10), 10, 365)]
    assert r.interest == D("5.47")
    r365 = compute_charges(invoice, ChargeRule("contract_annual", D("10")), d(2025, 1, 10), BOOK)
    assert len(r365.periods) == 1
    assert r365.interest == D("5.48")


# --- statutory_eu ---------------------------------------------------------------------------

def test_statutory_eu_crosses_1_july():
    # 10000.00 EUR due 20 Jun 2025, open on 10 Jul 2025.
    # 21..30 Jun: ECB rate on 1 Jan 2025 = 3.15 (the cut to 2.15 on 11 Jun does not count) + 8 = 11.15 %
    #   10000 x 11.15 % x 10 / 365 = 1115000 / 36500 = 30.5479...
    # 1..10 Jul: ECB rate on 1 Jul 2025 = 2.15 + 8 = 10.15 %
    #   10000 x 10.15 % x 10 / 365 = 1015000 / 36500 = 27.8082...
    # sum = 2130000 / 36500 = 58.3561... -> 58.36 ; fixed 40.00
    r = compute_charges(inv("10000.00", d(2025, 6, 20)), ChargeRule("statutory_eu"), d(2025, 7, 10), BOOK)
    assert spans(r) == [(d(2025, 6, 21), d(2025, 6, 30), 10, D("10000.00"), D("11.15")),
                        (d(2025, 7, 1), d(2025, 7, 10), 10, D("10000.00"), D("10.15"))]
    first, second = r.periods
    assert (first.reference_table, first.reference_date, first.reference_rate_percent, first.margin_percent) == (
        "ecb_mro", d(2025, 1, 1), D("3.15"), D("8"))
    assert (second.reference_date, second.reference_rate_percent) == (d(2025, 7, 1), D("2.15"))
    assert (first.interest_display, second.interest_display) == (D("30.55"), D("27.81"))
    assert r.interest == D("58.36")
    assert r.fixed_compensation == D("40.00")
    assert r.total == D("98.36")
    assert r.days_late == 20


def test_statutory_eu_partial_payment_and_rate_change_in_one_invoice():
    # 1000.00 due 31 May 2025, 400.00 paid 20 Jun, open on 14 Aug.
    # 1..20 Jun  20 days x 1000 x 11.15 % / 365 = 223000/36500  = 6.1095...
    # 21..30 Jun 10 days x  600 x 11.15 % / 365 =  66900/36500  = 1.8328...
    # 1 Jul..14 Aug 45 days x 600 x 10.15 % / 365 = 274050/36500 = 7.5082...
    # sum = 563950 / 36500 = 15.4506... -> 15.45
    invoice = inv("1000.00", d(2025, 5, 31), (d(2025, 6, 20), "400.00"))
    r = compute_charges(invoice, ChargeRule("statutory_eu"), d(2025, 8, 14), BOOK)
    assert [(p.start, p.days, p.balance) for p in r.periods] == [
        (d(2025, 6, 1), 20, D("1000.00")), (d(2025, 6, 21), 10, D("600.00")), (d(2025, 7, 1), 45, D("600.00"))]
    assert r.interest == D("15.45")
    assert r.days_late == 75


# --- statutory_de ---------------------------------------------------------------------------

def test_statutory_de_crosses_1_july_in_a_leap_year():
    # 5000.00 EUR due 25 Jun 2024, open on 5 Jul 2024.
    # 26..30 Jun: base rate 3.62 + 9 = 12.62 % ; 1..5 Jul: 3.37 + 9 = 12.37 %
    # 365:    (5000 x 12.62 x 5 + 5000 x 12.37 x 5) / 36500 = 624750 / 36500 = 17.1164... -> 17.12
    # actual: 624750 / 36600 = 17.0696... -> 17.07
    invoice = inv("5000.00", d(2024, 6, 25))
    r = compute_charges(invoice, ChargeRule("statutory_de"), d(2024, 7, 5), BOOK)
    assert spans(r) == [(d(2024, 6, 26), d(2024, 6, 30), 5, D("5000.00"), D("12.62")),
                        (d(2024, 7, 1), d(2024, 7, 5), 5, D("5000.00"), D("12.37"))]
    assert [p.margin_percent for p in r.periods] == [D("9"), D("9")]
    assert r.interest == D("17.12")
    assert r.fixed_compensation == D("40.00")
    r_act = compute_charges(invoice, ChargeRule("statutory_de", day_count="actual"), d(2024, 7, 5), BOOK)
    assert [p.day_basis for p in r_act.periods] == [366, 366]
    assert r_act.interest == D("17.07")


def test_statutory_de_refuses_a_missing_half_year_base_rate():
    # The seed has the base rate up to 1 Jan 2026; 1 Jul 2026 is not published in it.
    with pytest.raises(MissingRate, match="enter the German base rate valid from 2026-07-01 under Settings ▸ Reference "
                                          "rates"):
        compute_charges(inv("100.00", d(2026, 6, 25)), ChargeRule("statutory_de"), d(2026, 7, 5), BOOK)
    # ... while the first half of 2026 works: 5 days x 100 x 10.27 % / 365 = 5135/36500 = 0.1406... -> 0.14
    assert compute_charges(inv("100.00", d(2026, 6, 25)), ChargeRule("statutory_de"),
                           d(2026, 6, 30), BOOK).interest == D("0.14")


# --- statutory_uk ---------------------------------------------------------------------------

def test_statutory_uk_reference_fixed_at_start():
    # 1000.00 GBP due 15 Jun 2025: interest starts 16 Jun (January-June) -> Bank Rate on
    # 31 Dec 2024 = 4.75 % (not 4.25 %, the rate on the start day), + 8 = 12.75 %, fixed
    # although Bank Rate fell to 4.00 on 7 Aug 2025.
    # 16 Jun..14 Aug = 15 + 31 + 14 = 60 days: 1000 x 12.75 % x 60 / 365 = 765000/36500 = 20.9589... -> 20.96
    # Fixed sum: 1000.00 -> 70.00
    r = compute_charges(inv("1000.00", d(2025, 6, 15), currency="GBP"), ChargeRule("statutory_uk"), d(2025, 8, 14), BOOK)
    assert spans(r) == [(d(2025, 6, 16), d(2025, 8, 14), 60, D("1000.00"), D("12.75"))]
    assert (r.periods[0].reference_table, r.periods[0].reference_date, r.periods[0].reference_rate_percent) == (
        "boe_bank_rate", d(2024, 12, 31), D("4.75"))
    assert r.interest == D("20.96")
    assert r.fixed_compensation == D("70.00")
    assert r.currency == "GBP"


def test_statutory_uk_start_in_july_uses_30_june_and_ignores_later_changes():
    # Due 30 Jun 2025: interest starts 1 Jul -> Bank Rate on 30 Jun 2025 = 4.25 + 8 = 12.25 %.
    # Partial payment 200.00 on 31 Jul; open on 31 Dec 2025 (Bank Rate moved on 7 Aug and 18 Dec).
    # 1..31 Jul: 31 days x 500 x 12.25 % / 365 = 189875/36500 = 5.2020...
    # 1 Aug..31 Dec: 153 days x 300 x 12.25 % / 365 = 562275/36500 = 15.4047...
    # sum = 752150/36500 = 20.6068... -> 20.61 ; fixed 40.00 (under 1000)
    invoice = inv("500.00", d(2025, 6, 30), (d(2025, 7, 31), "200.00"), currency="GBP")
    r = compute_charges(invoice, ChargeRule("statutory_uk"), d(2025, 12, 31), BOOK)
    assert spans(r) == [(d(2025, 7, 1), d(2025, 7, 31), 31, D("500.00"), D("12.25")),
                        (d(2025, 8, 1), d(2025, 12, 31), 153, D("300.00"), D("12.25"))]
    assert {p.reference_date for p in r.periods} == {d(2025, 6, 30)}
    assert r.interest == D("20.61")
    assert r.fixed_compensation == D("40.00")


@pytest.mark.parametrize(("gross", "fixed"), [
    ("0.01", "40.00"), ("999.99", "40.00"), ("1000.00", "70.00"), ("9999.99", "70.00"),
    ("10000.00", "100.00"), ("250000.00", "100.00"),
])
def test_statutory_uk_fixed_sum_boundaries(gross, fixed):
    r = compute_charges(inv(gross, d(2025, 3, 31), currency="GBP"), ChargeRule("statutory_uk"), d(2025, 4, 1), BOOK)
    assert r.fixed_compensation == D(fixed)


def test_uk_fixed_sum_uses_gross_not_the_open_balance():
    # 1500.00 with 800.00 paid on time: 700.00 open, but the band is by the invoice's gross: 70.00.
    invoice = inv("1500.00", d(2025, 3, 31), (d(2025, 3, 31), "800.00"), currency="GBP")
    r = compute_charges(invoice, ChargeRule("statutory_uk"), d(2025, 4, 10), BOOK)
    assert r.periods[0].balance == D("700.00")
    assert r.fixed_compensation == D("70.00")


# --- timing edge cases ------------------------------------------------------------------------

@pytest.mark.parametrize("kind", rule_kind_keys())
def test_payment_on_due_date_means_no_charge(kind):
    rate = {"contract_daily": D("0.05"), "contract_annual": D("18"), "contract_tiered": "0.05/30;0.1"}.get(kind)
    rule = ChargeRule(kind, rate)
    currency = "GBP" if kind == "statutory_uk" else "EUR"
    invoice = inv("1000.00", d(2025, 3, 31), (d(2025, 3, 31), "1000.00"), currency=currency)
    r = compute_charges(invoice, rule, d(2025, 12, 31), BOOK)
    assert (r.days_late, r.periods, r.interest, r.fixed_compensation) == (0, (), D("0.00"), D("0.00"))
    assert r.explanation[-1] == "Paid by the due date: nothing to charge."


def test_not_yet_due_or_due_today():
    for as_of in (d(2025, 3, 30), d(2025, 3, 31)):
        r = compute_charges(inv("1000.00", d(2025, 3, 31)), ChargeRule("statutory_eu"), as_of, BOOK)
        assert (r.days_late, r.interest, r.fixed_compensation) == (0, D("0.00"), D("0.00"))
    # One day late: 1000 x 11.15 % / 365 = 0.3054... -> 0.31, and the 40.00 is due.
    r = compute_charges(inv("1000.00", d(2025, 3, 31)), ChargeRule("statutory_eu"), d(2025, 4, 1), BOOK)
    assert (r.days_late, r.interest, r.fixed_compensation) == (1, D("0.31"), D("40.00"))


def test_payment_after_as_of_is_ignored():
    # Same as open on 30 Apr: 30 days x 1000 x 0.05 % = 15.00
    invoice = inv("1000.00", d(2025, 3, 31), (d(2025, 5, 15), "1000.00"))
    r = compute_charges(invoice, ChargeRule("contract_daily", D("0.05")), d(2025, 4, 30), BOOK)
    assert (r.days_late, r.cleared_on, r.interest) == (30, None, D("15.00"))
    assert "Still open on 2025-04-30: 30 days late." in r.explanation


def test_payment_on_as_of_clears_and_overpayment_is_fine():
    # Paid 1200.00 on 30 Apr (more than the 1000.00 due): interest to 30 Apr inclusive.
    invoice = inv("1000.00", d(2025, 3, 31), (d(2025, 4, 30), "1200.00"))
    r = compute_charges(invoice, ChargeRule("contract_daily", D("0.05")), d(2025, 4, 30), BOOK)
    assert (r.days_late, r.cleared_on, r.interest) == (30, d(2025, 4, 30), D("15.00"))


def test_several_payments_same_day_and_early_part_payment():
    # 1000.00; 300.00 paid 20 Mar (before due) -> 700.00 open from 1 Apr.
    # Two payments of 350.00 on 5 Apr clear it; interest 1..5 Apr: 5 x 700 x 0.05 % = 1.75
    invoice = inv("1000.00", d(2025, 3, 31), (d(2025, 4, 5), "350.00"), (d(2025, 3, 20), "300.00"),
                  (d(2025, 4, 5), "350.00"))
    r = compute_charges(invoice, ChargeRule("contract_daily", D("0.05")), d(2025, 6, 1), BOOK)
    assert spans(r) == [(d(2025, 4, 1), d(2025, 4, 5), 5, D("700.00"), D("0.05"))]
    assert (r.days_late, r.cleared_on, r.interest) == (5, d(2025, 4, 5), D("1.75"))


def test_rule_none_charges_nothing_but_reports_days_late():
    r = compute_charges(inv("1000.00", d(2025, 3, 31)), ChargeRule("none"), d(2025, 4, 30), BOOK)
    assert (r.days_late, r.periods, r.interest, r.fixed_compensation) == (30, (), D("0.00"), D("0.00"))


# --- rounding -------------------------------------------------------------------------------

def test_round_half_up_on_an_exact_half():
    # 1 day x 100.00 x 0.005 % = 0.005 exactly -> half-up 0.01 (half-even would give 0.00)
    r = compute_charges(inv("100.00", d(2025, 3, 31)), ChargeRule("contract_daily", D("0.005")), d(2025, 4, 1), BOOK)
    assert r.periods[0].interest_unrounded == D("0.005")
    assert r.interest == D("0.01")


def test_rounded_once_per_invoice_not_per_period():
    # 1 Apr: 100.00 x 0.004 % = 0.004 ; payment 10.00 on 1 Apr ; 2 Apr: 90.00 x 0.004 % = 0.0036
    # per period rounded: 0.00 + 0.00 = 0.00 ; once: 0.0076 -> 0.01
    invoice = inv("100.00", d(2025, 3, 31), (d(2025, 4, 1), "10.00"))
    r = compute_charges(invoice, ChargeRule("contract_daily", D("0.004")), d(2025, 4, 2), BOOK)
    assert [p.interest_display for p in r.periods] == [D("0.00"), D("0.00")]
    assert sum(p.interest_unrounded for p in r.periods) == D("0.0076")
    assert r.interest == D("0.01")


def test_zero_decimal_currency():
    # 1000 JPY x 0.05 % x 1 day = 0.5 -> 1 JPY
    r = compute_charges(inv("1000", d(2025, 3, 31), currency="JPY"), ChargeRule("contract_daily", D("0.05")),
                        d(2025, 4, 1), BOOK)
    assert r.interest == D("1")
    assert str(r.interest) == "1"


# --- explanation ------------------------------------------------------------------------------

def test_explanation_lines():
    r = compute_charges(inv("10000.00", d(2025, 6, 20), number="A-17"), ChargeRule("statutory_eu"), d(2025, 7, 10), BOOK)
    assert r.explanation == (
        "Invoice A-17: 10,000.00 EUR, due 2025-06-20.",
        "Still open on 2025-07-10: 20 days late.",
        "Rule: EU statutory interest (ECB main refinancing rate + 8 points), days/365.",
        "2025-06-21 to 2025-06-30: 10,000.00 EUR x 11.15 % x 10 / 365 = 30.55 EUR "
        "(ECB main refinancing operations rate 3.15 % on 2025-01-01 + 8.00 points).",
        "2025-07-01 to 2025-07-10: 10,000.00 EUR x 10.15 % x 10 / 365 = 27.81 EUR "
        "(ECB main refinancing operations rate 2.15 % on 2025-07-01 + 8.00 points).",
        "Interest: 58.36 EUR (the periods are added unrounded, then rounded once).",
        "Fixed compensation: 40.00 EUR (EU late payment directive).",
        "Total: 98.36 EUR.",
    )


# --- bad input --------------------------------------------------------------------------------

@pytest.mark.parametrize(("kwargs", "message"), [
    ({"kind": "contract_daily"}, "needs the agreed interest rate in percent \\(per day, e.g. 0.05\\)"),
    ({"kind": "contract_annual"}, "needs the agreed interest rate in percent \\(per year, e.g. 18\\)"),
    ({"kind": "contract_annual", "rate_percent": D("-1")}, "must be greater than zero"),
    ({"kind": "contract_annual", "rate_percent": D("0")}, "choose the rule 'none'"),
    ({"kind": "contract_annual", "rate_percent": D("180")}, "above 100 % a year"),
    ({"kind": "contract_daily", "rate_percent": D("18")}, "above 1 % a day"),
    ({"kind": "contract_annual", "rate_percent": "abc"}, "'abc' is not a number"),
    ({"kind": "statutory_eu", "rate_percent": D("8")}, "takes no interest rate of its own"),
    ({"kind": "statutory_uk", "fixed_fee": D("40")}, "takes no fixed amount of its own \\(the law sets it\\)"),
    ({"kind": "none", "fixed_fee": D("5")}, "takes no fixed amount of its own \\(it charges nothing\\)"),
    ({"kind": "contract_daily", "rate_percent": D("0.05"), "fixed_fee": D("-5")}, "is negative"),
    ({"kind": "late_fee"}, "'late_fee' is not a late-charge rule"),
    ({"kind": "contract_annual", "rate_percent": D("8"), "day_count": "30/360"}, "'30/360' is not a day count"),
])
def test_bad_rules(kwargs, message):
    with pytest.raises(UserError, match=message):
        ChargeRule(**kwargs)


def test_bad_invoices():
    daily = ChargeRule("contract_daily", D("0.05"))
    with pytest.raises(UserError, match="'XYZ' is not a known currency code"):
        compute_charges(inv("100.00", d(2025, 3, 31), currency="XYZ"), daily, d(2025, 4, 30), BOOK)
    with pytest.raises(UserError, match="100.001 has more than 2 decimals"):
        compute_charges(inv("100.001", d(2025, 3, 31)), daily, d(2025, 4, 30), BOOK)
    with pytest.raises(UserError, match="The amount -100.00 is negative"):
        compute_charges(inv("-100.00", d(2025, 3, 31)), daily, d(2025, 4, 30), BOOK)
    with pytest.raises(UserError, match="The payment of 0.00 on 2025-04-02 for invoice INV-1 is zero"):
        compute_charges(inv("100.00", d(2025, 3, 31), (d(2025, 4, 2), "0.00")), daily, d(2025, 4, 30), BOOK)
    with pytest.raises(UserError, match="Invoice INV-1 is in USD, but the rule 'EU statutory interest \\(ECB rate \\+ 8 points\\)' applies to EUR debts only"):
        compute_charges(inv("100.00", d(2025, 3, 31), currency="USD"), ChargeRule("statutory_eu"), d(2025, 4, 30), BOOK)
    with pytest.raises(UserError, match="the rule 'UK Late Payment Act \\(Bank Rate \\+ 8 points\\)' applies to GBP debts only"):
        compute_charges(inv("100.00", d(2025, 3, 31)), ChargeRule("statutory_uk"), d(2025, 4, 30), BOOK)
    with pytest.raises(TypeError):
        compute_charges(InvoiceForCharges("X", "EUR", 100.0, d(2025, 3, 31)), daily, d(2025, 4, 30), BOOK)
    with pytest.raises(TypeError):
        compute_charges(inv("100.00", d(2025, 3, 31)), daily, dt.datetime(2025, 4, 30), BOOK)


def test_missing_reference_rate_names_table_and_date():
    # Interest starting 1 Feb 2020 needs Bank Rate on 31 Dec 2019, before the seed's first row.
    with pytest.raises(MissingRate, match="enter the Bank of England Bank Rate valid from 2019-12-31"):
        compute_charges(inv("100.00", d(2020, 1, 31), currency="GBP"), ChargeRule("statutory_uk"), d(2020, 3, 1), BOOK)
    empty = RateBook.from_rows([])
    with pytest.raises(MissingRate, match="enter the ECB main refinancing rate valid from 2025-01-01"):
        compute_charges(inv("100.00", d(2025, 1, 31)), ChargeRule("statutory_eu"), d(2025, 3, 1), empty)
    # Contractual rules need no rate table at all: 28 days x 100 x 0.05 % = 1.40
    assert compute_charges(inv("100.00", d(2025, 1, 31)), ChargeRule("contract_daily", D("0.05")),
                           d(2025, 2, 28), empty).interest == D("1.40")


def test_negative_reference_rate_never_gives_a_credit():
    book = RateBook.from_rows([RateRow("ecb_mro", d(2020, 1, 1), D("-9.00")), RateRow("ecb_mro", d(2025, 1, 1), D("-9.00"))])
    r = compute_charges(inv("100.00", d(2025, 1, 31)), ChargeRule("statutory_eu"), d(2025, 3, 1), book)
    assert r.periods[0].rate_percent == D("-1.00")
    assert r.interest == D("0.00")


# --- properties ---------------------------------------------------------------------------------

RULES = [
    ChargeRule("contract_daily", D("0.05")),
    ChargeRule("contract_annual", D("18"), day_count="actual"),
    ChargeRule("contract_annual", D("9.5"), day_count="360"),
    ChargeRule("statutory_eu"),
    ChargeRule("statutory_de"),
    ChargeRule("statutory_uk"),
]
START, END = d(2023, 1, 1), d(2025, 12, 31)
dates = st.dates(min_value=START, max_value=END)
amounts = st.decimals(min_value=D("0.01"), max_value=D("50000.00"), places=2)


@st.composite
def cases(draw):
    rule = draw(st.sampled_from(RULES))
    due = draw(dates)
    gross = draw(amounts)
    payments = tuple(draw(st.lists(st.tuples(dates, amounts), max_size=4)))
    currency = "GBP" if rule.kind is RuleKind.STATUTORY_UK else "EUR"
    return rule, InvoiceForCharges("P", currency, gross, due, payments)


@settings(max_examples=150, deadline=None)
@given(cases(), dates, dates)
def test_interest_never_negative_and_monotonic_in_as_of(case, a, b):
    rule, invoice = case
    early, late = min(a, b), max(a, b)
    r1 = compute_charges(invoice, rule, early, BOOK)
    r2 = compute_charges(invoice, rule, late, BOOK)
    assert D("0") <= r1.interest <= r2.interest
    assert r1.days_late <= r2.days_late
    assert r1.fixed_compensation <= r2.fixed_compensation


@settings(max_examples=150, deadline=None)
@given(cases(), dates)
def test_periods_are_consistent(case, as_of):
    rule, invoice = case
    r = compute_charges(invoice, rule, as_of, BOOK)
    assert sum(p.days for p in r.periods) == r.days_late
    assert r.interest == round_money(sum((p.interest_unrounded for p in r.periods), D("0")), invoice.currency)
    for before, after in zip(r.periods, r.periods[1:]):
        assert after.start == before.end + dt.timedelta(days=1)
        assert after.balance <= before.balance
    if r.periods:
        assert r.periods[0].start == invoice.due_date + dt.timedelta(days=1)
        assert r.periods[-1].end == (r.cleared_on or as_of)
    assert (r.fixed_compensation > 0) == (r.days_late > 0 and rule.kind in (
        RuleKind.STATUTORY_EU, RuleKind.STATUTORY_DE, RuleKind.STATUTORY_UK))


@settings(max_examples=100, deadline=None)
@given(cases(), dates, dates, amounts)
def test_an_extra_payment_never_raises_interest(case, as_of, paid_on, amount):
    rule, invoice = case
    more = InvoiceForCharges(invoice.number, invoice.currency, invoice.gross, invoice.due_date,
                             invoice.payments + ((paid_on, amount),))
    assert compute_charges(more, rule, as_of, BOOK).interest <= compute_charges(invoice, rule, as_of, BOOK).interest


def test_eu_and_uk_rules_never_reuse_an_old_rate_past_the_table():
    """The table is known up to its last row: a later reference day is refused, naming the rate and
    the day to enter, instead of silently reusing the last rate (EU, UK and German rules alike)."""
    book = RateBook.from_rows([RateRow("ecb_mro", d(2024, 12, 18), D("3.15")), RateRow("ecb_mro", d(2025, 6, 11), D("2.15")),
                               RateRow("boe_bank_rate", d(2025, 8, 7), D("4.00"))])
    with pytest.raises(MissingRate, match="enter the ECB main refinancing rate valid from 2025-07-01 under Settings"):
        compute_charges(inv("100.00", d(2025, 6, 20)), ChargeRule("statutory_eu"), d(2025, 7, 10), book)
    # interest starting in July 2026 needs Bank Rate on 30 June 2026, which no row confirms
    with pytest.raises(MissingRate, match="enter the Bank of England Bank Rate valid from 2026-06-30"):
        compute_charges(inv("100.00", d(2026, 7, 1), currency="GBP"), ChargeRule("statutory_uk"), d(2026, 7, 20),
                        book)
    # a row restating the rate on the reference day confirms it
    ok = RateBook.from_rows([*book.rows(), RateRow("ecb_mro", d(2025, 7, 1), D("2.15"))])
    assert compute_charges(inv("100.00", d(2025, 6, 20)), ChargeRule("statutory_eu"), d(2025, 7, 10), ok).interest \
        > 0


# --- reversed payments -----------------------------------------------------------------------------

def test_a_reversed_payment_owes_interest_again_from_the_reversal():
    """Paid 10 days late, reversed 10 days later (a bounced cheque): interest for the days the
    books showed it unpaid, none while they showed it paid."""
    daily = ChargeRule("contract_daily", D("0.05"))
    r = compute_charges(inv("1000.00", d(2025, 3, 31), (d(2025, 4, 10), "1000.00"), (d(2025, 4, 20), "-1000.00")),
                        daily, d(2025, 4, 30), BOOK)
    assert [(p.start, p.end, p.balance) for p in r.periods] == [
        (d(2025, 4, 1), d(2025, 4, 10), D("1000.00")), (d(2025, 4, 21), d(2025, 4, 30), D("1000.00"))]
    assert r.interest == D("10.00") and r.days_late == 30 and r.cleared_on is None
    # as of a day before the reversal, the payment still counts: nothing changes in the past
    before = compute_charges(inv("1000.00", d(2025, 3, 31), (d(2025, 4, 10), "1000.00"),
                                 (d(2025, 4, 20), "-1000.00")), daily, d(2025, 4, 15), BOOK)
    assert before.interest == D("5.00") and before.cleared_on == d(2025, 4, 10) and before.days_late == 10


def test_paid_on_time_then_reversed_runs_interest_from_the_reversal():
    daily = ChargeRule("contract_daily", D("0.05"))
    r = compute_charges(inv("1000.00", d(2025, 3, 31), (d(2025, 3, 25), "1000.00"), (d(2025, 4, 10), "-1000.00")),
                        daily, d(2025, 4, 30), BOOK)
    assert [(p.start, p.end) for p in r.periods] == [(d(2025, 4, 11), d(2025, 4, 30))]
    assert r.interest == D("10.00")
    on_time = compute_charges(inv("1000.00", d(2025, 3, 31), (d(2025, 3, 25), "1000.00")), daily, d(2025, 4, 30),
                              BOOK)
    assert on_time.interest == D("0.00") and on_time.days_late == 0
