"""What the Overview tab is given: figures, aging, largest overdue, forecast, the lists behind them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ar_desktop.domain.aging import BUCKET_KEYS
from ar_desktop.services.aging import aging_report
from ar_desktop.services.collection_log import log_call
from ar_desktop.services.customers import add_customer
from ar_desktop.services.forecast import cash_forecast
from ar_desktop.services.invoicing import add_invoice
from ar_desktop.services.kpis import kpis, kpis_with_previous
from ar_desktop.services.late_charges import add_rate
from ar_desktop.services.overview import open_invoices, overview_actions, overview_figures
from ar_desktop.services.payments import record_payment

TODAY = dt.date(2026, 3, 31)


def day(n: int) -> str:
    return (TODAY + dt.timedelta(days=n)).isoformat()


def build(books):
    for code, limit in (("AAA", None), ("BBB", "1000.00"), ("CCC", None)):
        add_customer(books, {"code": code, "name": f"Customer {code}", "credit_limit": limit or ""})
    rows = [("A-1", "AAA", -100, -70, "500.00"), ("A-2", "AAA", -20, 10, "300.00"), ("B-1", "BBB", -50, -20, "900.00"),
            ("B-2", "BBB", -40, -5, "120.00"), ("C-1", "CCC", -200, -150, "75.00"), ("C-2", "CCC", -10, 0, "60.00")]
    for number, code, issued, due, amount in rows:
        add_invoice(books, {"number": number, "customer_code": code, "issue_date": day(issued), "due_date": day(due),
                            "amount": amount})
    record_payment(books, {"date": day(-3), "customer_code": "AAA", "amount": "200.00", "invoice_number": "A-1"})


def test_figures_buckets_and_largest_overdue(books):
    build(books)
    f = overview_figures(books, TODAY, 90)
    assert (f.kpis, f.previous) == kpis_with_previous(books, TODAY, 90)
    assert sum(f.buckets.values()) == f.kpis.total_ar == Decimal("1755.00")
    (block,) = aging_report(books, TODAY)
    assert f.buckets == block.total.buckets
    assert [(c.code, c.overdue, c.oldest_days) for c in f.largest_overdue] == [
        ("BBB", Decimal("1020.00"), 20), ("AAA", Decimal("300.00"), 70), ("CCC", Decimal("75.00"), 150)]
    assert cash_forecast(books, TODAY).total == f.kpis.total_ar
    assert f.currency == "EUR" and f.stale_rates == ()


def test_the_largest_overdue_balances_are_cut_by_amount_then_code(books):
    """SQLite keeps the largest few (kpi_sql.open_summary): by overdue amount, ties by customer code."""
    from ar_desktop.storage import kpi_sql

    build(books)
    add_customer(books, {"code": "A00", "name": "Customer A00"})   # created after AAA, its code before it
    add_invoice(books, {"number": "Z-1", "customer_code": "A00", "issue_date": day(-60), "due_date": day(-30),
                        "amount": "300.00"})   # as overdue as AAA
    with books.db.reader() as con:
        whole = kpi_sql.open_summary(con, TODAY, "EUR", 10)
        for n in range(5):
            cut = kpi_sql.open_summary(con, TODAY, "EUR", n)
            assert [c.code for c in cut.largest] == ["BBB", "A00", "AAA", "CCC"][:n]
            assert cut.buckets == whole.buckets
    assert sum(whole.buckets) == 175500 + 30000


def test_the_list_behind_each_figure_adds_up_to_it(books):
    build(books)
    k = kpis(books, TODAY, 90)
    total = lambda rows: sum((r.open_amount for r in rows), Decimal(0))  # noqa: E731
    assert total(open_invoices(books, TODAY, "all")) == k.total_ar
    assert total(open_invoices(books, TODAY, "current")) == k.current_ar
    assert total(open_invoices(books, TODAY, "overdue")) == k.overdue_ar
    f = overview_figures(books, TODAY, 90)
    for key in BUCKET_KEYS:
        assert total(open_invoices(books, TODAY, key)) == f.buckets[key], key
    assert [r.number for r in open_invoices(books, TODAY, "d1_30")] == ["B-1", "B-2"]   # by due date
    past = dt.date(2026, 1, 1)
    assert total(open_invoices(books, past, "all")) == kpis(books, past, 90).total_ar


def test_todays_actions_and_credit_reviews(books):
    build(books)
    log_call(books, "CCC", day(-1), "promised", "will pay", promised_date=day(0), amount="75.00")
    a = overview_actions(books, TODAY)
    counts = {x.key: x.count for x in a.actions}
    assert set(counts) == {"calls", "letters", "promises", "legal"}
    assert counts["promises"] == 1
    assert sum(counts.values()) >= 2
    # BBB owes 1020.00 overdue on a 1000.00 limit: its credit needs a review
    assert [r.customer_code for r in a.reviews] == ["BBB"]


def test_rate_tables_out_of_date_only_for_rules_in_use(books):
    build(books)
    assert overview_figures(books, TODAY, 90).stale_rates == ()
    add_customer(books, {"code": "DDD", "name": "German customer", "late_charge_rule": "statutory_de"})
    later = dt.date(2026, 7, 15)   # the shipped German base rate table ends on 2026-01-01
    stale = overview_figures(books, later, 90).stale_rates
    assert [(t.table, t.last_from) for t in stale] == [("de_basiszins", dt.date(2026, 1, 1))]
    add_rate(books, "de_basiszins", "2026-07-01", "1.27", "confirmed")
    assert overview_figures(books, later, 90).stale_rates == ()


def test_rate_tables_out_of_date_for_the_companys_own_rule(books):
    """The figures read the rate tables only when a rule of the file may use one: the company's counts as
    much as a customer's."""
    from ar_desktop.domain.late_charges import ChargeRule, RuleKind
    from ar_desktop.services.late_charges import set_company_rule

    build(books)
    later = dt.date(2026, 7, 15)
    assert overview_figures(books, later, 90).stale_rates == ()
    set_company_rule(books, ChargeRule(RuleKind.STATUTORY_DE))
    stale = overview_figures(books, later, 90).stale_rates
    assert [(t.table, t.last_from) for t in stale] == [("de_basiszins", dt.date(2026, 1, 1))]


def test_todays_actions_count_the_worklist_rows_as_a_plain_recomputation(tmp_path):
    """overview_actions goes over the worklist's rows once: on the sample (calls, letters, legal steps, promises,
    reviews) its counts, sums and reviews equal those of one list per kind filtered from the worklist."""
    from ar_desktop.clock import FixedClock
    from ar_desktop.domain.ladder import ActionKind
    from ar_desktop.services.demo import build_demo
    from ar_desktop.services.worklist import worklist

    books = build_demo(tmp_path / "sample.ardb", FixedClock(TODAY))
    try:
        promised = sorted({r.promise.promised_date for r in worklist(books, TODAY) if r.promise is not None})
        assert promised   # a promise falls due on its own day: counted then
        for as_of in (TODAY, TODAY - dt.timedelta(days=45), TODAY + dt.timedelta(days=30), *promised):
            rows = worklist(books, as_of)
            due = [r for r in rows if r.state == "action_due" and r.status.next_step is not None]
            plain = {
                "calls": [r for r in due if r.status.next_step.action == ActionKind.PHONE_CALL],
                "letters": [r for r in due if r.status.next_step.action.is_letter],
                "legal": [r for r in due if r.status.next_step.action in (ActionKind.LEGAL_ACTION, ActionKind.AGENCY)],
                "promises": [r for r in rows if r.promise is not None and r.promise.status == "open"
                             and r.promise.promised_date <= as_of],
            }
            a = overview_actions(books, as_of)
            assert [(x.key, x.count, x.amount) for x in a.actions] == [
                (k, len(v), sum((r.overdue_amount for r in v), Decimal(0))) for k, v in plain.items()]
            assert [r.customer_code for r in a.reviews] == [
                r.customer_code for r in sorted(rows, key=lambda r: (-r.overdue_amount, r.customer_code))
                if r.credit_review]
            assert sum(x.count for x in a.actions) > 0
    finally:
        books.close()
