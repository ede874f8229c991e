"""Late charges over the books: the report as of a date, customer vs company rule, rate tables."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.late_charges import ChargeRule, InvoiceForCharges, compute_charges
from ar_desktop.domain.reference_rates import seed_rate_book
from ar_desktop.services import customers, invoicing, payments
from ar_desktop.services import late_charges as lc


def customer(b, code, **kw):
    customers.add_customer(b, {"code": code, "name": f"{code} Ltd", **kw})


def invoice(b, number, code, due, amount, issue=None):
    invoicing.add_invoice(b, {"number": number, "customer_code": code,
                              "issue_date": (issue or due - dt.timedelta(days=30)).isoformat(),
                              "due_date": due.isoformat(), "amount": amount})


def pay(b, code, date, amount, number):
    payments.record_payment(b, {"customer_code": code, "date": date.isoformat(), "amount": amount,
                                "invoice_number": number})


@pytest.fixture
def bk(books):
    customer(books, "EU1", late_charge_rule="statutory_eu")
    customer(books, "DAILY", late_charge_rule="contract_daily", late_charge_rate="0.05")
    customer(books, "DEF")  # company default
    invoice(books, "E-1", "EU1", dt.date(2025, 6, 20), "10000.00")          # docs example: 58.36 + 40.00
    invoice(books, "D-1", "DAILY", dt.date(2025, 3, 31), "1000.00")         # docs example: 11.00
    pay(books, "DAILY", dt.date(2025, 4, 10), "400.00", "D-1")
    invoice(books, "F-1", "DEF", dt.date(2025, 1, 31), "1000.00")
    pay(books, "DEF", dt.date(2025, 3, 2), "1000.00", "F-1")                # paid 30 days late
    invoice(books, "F-2", "DEF", dt.date(2025, 1, 31), "500.00")
    pay(books, "DEF", dt.date(2025, 1, 20), "500.00", "F-2")                # paid on time: no row
    return books


def test_report_matches_the_documented_examples(bk):
    lc.set_company_rule(bk, ChargeRule("contract_annual", Decimal("18"), "365"))
    rows = lc.charges_report(bk, dt.date(2025, 7, 10))
    got = {r.invoice_number: (r.customer_code, r.days_late, r.interest, r.fixed_compensation, r.rule) for r in rows}
    # D-1 at 30 Apr would be 11.00; as of 10 Jul the 600.00 keeps running: 5.00 + 600 x 0.05 % x 91
    assert got["E-1"] == ("EU1", 20, Decimal("58.36"), Decimal("40.00"), "statutory_eu")
    assert got["D-1"] == ("DAILY", 101, Decimal("32.30"), Decimal("0.00"), "contract_daily")
    assert got["F-1"] == ("DEF", 30, Decimal("14.79"), Decimal("0.00"), "contract_annual")
    assert "F-2" not in got
    assert [r.customer_code for r in rows] == sorted(r.customer_code for r in rows)
    # payments dated after the as-of date are ignored
    d1 = {r.invoice_number: r for r in lc.charges_report(bk, dt.date(2025, 4, 30))}["D-1"]
    assert d1.interest == Decimal("11.00") and d1.days_late == 30


def test_report_equals_engine_for_each_row(bk):
    rows = lc.charges_report(bk, dt.date(2025, 7, 10))
    e1 = next(r for r in rows if r.invoice_number == "E-1")
    expected = compute_charges(InvoiceForCharges("E-1", "EUR", Decimal("10000.00"), dt.date(2025, 6, 20)),
                               ChargeRule("statutory_eu"), dt.date(2025, 7, 10), seed_rate_book())
    assert (e1.interest, e1.fixed_compensation, e1.explanation) == (expected.interest, expected.fixed_compensation,
                                                                    expected.explanation)


def test_default_rule_is_none_and_rows_still_listed(bk):
    rows = {r.invoice_number: r for r in lc.charges_report(bk, dt.date(2025, 7, 10))}
    assert rows["F-1"].rule == "none" and rows["F-1"].interest == 0 and rows["F-1"].days_late == 30


def test_csv_exact(bk):
    lc.set_company_rule(bk, ChargeRule("contract_annual", Decimal("18"), "365", Decimal("5")))
    text = lc.charges_csv(lc.charges_report(bk, dt.date(2025, 7, 10)))
    assert text == ("invoice_number,customer_code,currency,days_late,interest,fixed_compensation,rule\n"
                    "D-1,DAILY,EUR,101,32.30,5.00,contract_daily\n"  # the company fixed fee
                    "F-1,DEF,EUR,30,14.79,5.00,contract_annual\n"
                    "E-1,EU1,EUR,20,58.36,40.00,statutory_eu\n")


def test_day_count_of_the_company_default_applies_to_customer_rules(bk):
    lc.set_company_rule(bk, ChargeRule("contract_annual", Decimal("18"), "360"))
    rows = {r.invoice_number: r for r in lc.charges_report(bk, dt.date(2025, 7, 10))}
    assert rows["F-1"].interest == Decimal("15.00")        # docs: days/360
    assert rows["E-1"].interest == Decimal("59.17")        # 10000 x (11.15 % + 10.15 %) x 10 / 360


def test_customer_rule_resolution():
    default = ChargeRule("contract_annual", Decimal("9"), "actual", Decimal("10"))
    assert lc.customer_rule(default, "", "") == default
    assert lc.customer_rule(default, "", "12").rate_percent == Decimal("12")
    assert lc.customer_rule(default, "statutory_de", "") == ChargeRule("statutory_de", None, "actual")
    assert lc.customer_rule(default, "contract_daily", "0.1") == ChargeRule("contract_daily", Decimal("0.1"),
                                                                            "actual", Decimal("10"))
    with pytest.raises(UserError, match="needs the agreed interest rate"):
        lc.customer_rule(default, "contract_daily", "")


def test_company_rule_round_trip(books):
    assert lc.company_rule(books) == ChargeRule("none")
    rule = ChargeRule("contract_daily", Decimal("0.05"), "365", Decimal("2.50"))
    lc.set_company_rule(books, rule)
    assert lc.company_rule(books) == rule


def test_rates_seeded_and_crud(books):
    rows = lc.list_rates(books, "ecb_mro")
    assert rows and all(r.table == "ecb_mro" for r in rows)
    assert lc.rate_book(books).rate_on("ecb_mro", dt.date(2025, 1, 1)) == Decimal("3.15")
    lc.add_rate(books, "boe_bank_rate", "2030-01-01", "3.25", "test")
    assert lc.rate_book(books).rate_on("boe_bank_rate", dt.date(2030, 2, 1)) == Decimal("3.25")
    with pytest.raises(UserError, match="already has a rate from 2030-01-01"):
        lc.add_rate(books, "boe_bank_rate", "2030-01-01", "3.50")
    lc.correct_rate(books, "boe_bank_rate", "2030-01-01", "3.50", "corrected")
    row = [r for r in lc.list_rates(books, "boe_bank_rate") if r.effective_from == dt.date(2030, 1, 1)][0]
    assert (row.rate_percent, row.note) == (Decimal("3.50"), "corrected")
    assert str(row.rate_percent) == "3.50"  # exact decimal text kept
    with pytest.raises(UserError, match="has no rate from 2031-01-01"):
        lc.correct_rate(books, "boe_bank_rate", "2031-01-01", "1")
    with pytest.raises(UserError, match="is outside -20 to 100"):
        lc.add_rate(books, "ecb_mro", "2031-01-01", "450")
    with pytest.raises(UserError, match="Use '.' as decimal point"):
        lc.add_rate(books, "ecb_mro", "2031-01-01", "4,5")
    with pytest.raises(UserError, match="not a known rate table"):
        lc.add_rate(books, "fed_funds", "2031-01-01", "4")
    lc.remove_rate(books, "boe_bank_rate", "2030-01-01")
    assert all(r.effective_from != dt.date(2030, 1, 1) for r in lc.list_rates(books, "boe_bank_rate"))


def test_import_rates_csv_adds_new_refuses_contradictions(books):
    assert lc.import_rates_csv(books, "table,effective_from,rate_percent\necb_mro,2022-07-27,0.50\n"
                                      "ecb_mro,2030-01-01,1.00\n") == 1
    with pytest.raises(UserError, match="contradicts"):
        lc.import_rates_csv(books, "table,effective_from,rate_percent\necb_mro,2022-07-27,3.00\n")


def test_rate_change_in_db_changes_charges(bk):
    # the ECB rate in force on 1 July 2025 (a row of that day): the rates come from the company file
    lc.correct_rate(bk, "ecb_mro", "2025-07-01", "5.15")
    e1 = {r.invoice_number: r for r in lc.charges_report(bk, dt.date(2025, 7, 10))}["E-1"]
    assert e1.interest == Decimal("66.58")  # 30.5479... + 10000 x 13.15 % x 10 / 365 = 36.0274...


def test_wrong_currency_for_statutory_rule_names_customer(books):
    customer(books, "USD1", currency="USD", late_charge_rule="statutory_eu")
    invoice(books, "U-1", "USD1", dt.date(2025, 6, 1), "100.00")
    rows, gaps = lc.charges_report_with_gaps(books, dt.date(2025, 7, 1))
    assert rows == [] and [g.invoice_number for g in gaps] == ["U-1"]
    assert "Invoice U-1 is in USD" in str(gaps[0].reason) and gaps[0].line().startswith("skipped U-1 (USD1): ")


def test_a_missing_rate_skips_only_the_invoices_that_need_it(books):
    customer(books, "DE1", late_charge_rule="statutory_de")
    customer(books, "K1", late_charge_rule="contract_annual", late_charge_rate="8")
    invoice(books, "D-1", "DE1", dt.date(2026, 6, 20), "1000.00")
    invoice(books, "K-1", "K1", dt.date(2026, 6, 20), "1000.00")
    rows, gaps = lc.charges_report_with_gaps(books, dt.date(2026, 7, 20))
    assert [r.invoice_number for r in rows] == ["K-1"]
    assert [g.invoice_number for g in gaps] == ["D-1"]
    assert "enter the German base rate valid from 2026-07-01 under Settings ▸ Reference rates" in str(gaps[0].reason)
    assert [t.table for t in lc.stale_rate_tables(books, dt.date(2026, 7, 20))] == \
        ["ecb_mro", "de_basiszins", "boe_bank_rate"]
    lc.add_rate(books, "de_basiszins", "2026-07-01", "1.27", "published")
    rows, gaps = lc.charges_report_with_gaps(books, dt.date(2026, 7, 20))
    assert [r.invoice_number for r in rows] == ["D-1", "K-1"] and gaps == []


def test_a_customer_with_tiered_charges_from_the_file_to_the_letter(books, csv_file):
    from ar_desktop.domain.errors import ValidationError
    from ar_desktop.services.importing import import_file

    import_file(books, "customers", csv_file(["code,name,late_charge_rule,late_charge_rate",
                                              "TIER,Tiered Ltd,contract_tiered,0.05/30;0.08/60;0.1"]))
    cid = customers.customer_ids(books, search="TIER")[0]
    assert customers.get_customer(books, cid).late_charge_rate == "0.05/30;0.08/60;0.10"
    invoice(books, "T-1", "TIER", dt.date(2026, 1, 31), "1000.00")
    pay(books, "TIER", dt.date(2026, 3, 12), "400.00", "T-1")
    row = {r.invoice_number: r for r in lc.charges_report(books, dt.date(2026, 3, 31))}["T-1"]
    # 1000 x 0.05 % x 30 + 1000 x 0.08 % x 10 + 600 x 0.08 % x 19
    assert (row.rule, row.days_late, row.interest) == ("contract_tiered", 59, Decimal("32.12"))
    with pytest.raises(ValidationError, match="Tier 2 ends on day 20"):
        customers.add_customer(books, {"code": "BAD", "name": "Bad", "late_charge_rule": "contract_tiered",
                                       "late_charge_rate": "0.05/30;0.08/20;0.1"})
    # the company default may be tiered too, and is stored as written
    lc.set_company_rule(books, ChargeRule("contract_tiered", "0.02/10;0.04"))
    assert lc.company_rule(books).rate_text == "0.02/10;0.04"
