"""Every figure on a hand-made ledger, against numbers worked out by hand and a plain recomputation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import pytest

from ar_desktop.clock import FixedClock
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.kpi import METRICS, Period
from ar_desktop.services.adjustments import credit_note, write_off
from ar_desktop.services.aging import aging_report
from ar_desktop.services.disputes import mark_dispute, resolve_dispute
from ar_desktop.services.company_file import create_company
from ar_desktop.services.customers import add_customer
from ar_desktop.services.invoicing import add_invoice, invoice_ids, invoice_rows, void_invoice
from ar_desktop.services.kpis import cleared_invoices, kpis, kpis_with_previous, trend
from ar_desktop.services.payments import record_payment
from ar_desktop.storage.invoices_repo import InvoiceFilter

TODAY = dt.date(2026, 3, 31)
D = dt.date(2026, 3, 20)
DAYS = 30          # P = (2026-02-18, 2026-03-20]
START = D - dt.timedelta(days=DAYS)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@dataclass
class Inv:
    number: str
    customer: str
    issued: str
    due: str
    amount: str
    payments: list[tuple[str, str, str]] = field(default_factory=list)   # (date, amount, method)
    voided_on: str | None = None
    disputes: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # (date, amount, resolved on)


LEDGER = [
    # paid in full on the day before P starts (the start day itself): outside the averages
    Inv("I01", "A", "2026-01-20", "2026-02-19", "1000.00", [("2026-02-18", "1000.00", "")]),
    # paid in full on the first day of P: inside
    Inv("I02", "A", "2026-01-25", "2026-02-10", "500.00", [("2026-02-19", "500.00", "")]),
    # paid in full on D, in two parts: inside (days from the clearing day)
    Inv("I03", "A", "2026-02-01", "2026-03-03", "800.00", [("2026-02-25", "300.00", ""), ("2026-03-20", "500.00", "")]),
    # paid in full the day after D: open as of D, outside the averages
    Inv("I04", "A", "2026-02-05", "2026-03-01", "700.00", [("2026-03-21", "700.00", "")]),
    # issued on the start day: not a sale of P; due on D: not yet due
    Inv("I05", "B", "2026-02-18", "2026-03-20", "200.00"),
    # issued on the first day of P, partly paid, the rest written off: out of the averages
    Inv("I06", "B", "2026-02-19", "2026-03-05", "300.00", [("2026-03-01", "100.00", ""),
                                                          ("2026-03-10", "200.00", "write-off")]),
    # voided inside P: neither a sale nor owed
    Inv("I07", "B", "2026-02-20", "2026-03-06", "400.00", voided_on="2026-03-10"),
    # voided after D: still a sale and still owed as of D
    Inv("I08", "B", "2026-02-21", "2026-03-07", "90.00", voided_on="2026-03-25"),
    # disputed in full, not yet due
    Inv("I09", "C", "2026-03-01", "2026-03-31", "600.00", disputes=[("2026-03-05", None, None)]),
    # overdue and partly paid; 100.00 of it disputed
    Inv("I10", "C", "2026-01-10", "2026-02-09", "900.00", [("2026-02-01", "250.00", "")],
        disputes=[("2026-03-02", "100.00", None)]),
    # a dispute resolved before D: not disputed on D
    Inv("I11", "C", "2026-02-22", "2026-03-08", "150.00", disputes=[("2026-03-09", None, "2026-03-15")]),
    # a credit note, then the rest paid: cleared by the payment, inside the averages
    Inv("I12", "D", "2026-02-23", "2026-03-05", "120.00", [("2026-02-24", "20.00", "credit note"),
                                                          ("2026-03-16", "100.00", "")]),
    # a payment, then a credit note clears it: out of the averages
    Inv("I13", "D", "2026-02-24", "2026-03-06", "250.00", [("2026-03-01", "150.00", ""),
                                                          ("2026-03-12", "100.00", "credit note")]),
    # issued on D: a sale, not yet due
    Inv("I14", "D", "2026-03-20", "2026-04-19", "50.00"),
    # issued after D: nothing as of D
    Inv("I15", "D", "2026-03-21", "2026-04-20", "75.00"),
    # old invoice open since before the previous period
    Inv("I16", "E", "2025-11-01", "2025-12-01", "1234.56"),
]


def build(books) -> None:
    for code in sorted({i.customer for i in LEDGER}):
        add_customer(books, {"code": code, "name": f"Customer {code}"})
    for inv in LEDGER:
        add_invoice(books, {"number": inv.number, "customer_code": inv.customer, "issue_date": inv.issued,
                            "due_date": inv.due, "amount": inv.amount})
    ids = {r.number: r.id for r in invoice_rows(books, invoice_ids(books, InvoiceFilter()))}
    events = []
    for inv in LEDGER:
        for day, amount, method in inv.payments:
            events.append((day, 1, inv, ("pay", amount, method)))
        for day, amount, resolved in inv.disputes:
            events.append((day, 0, inv, ("dispute", amount, None)))
            if resolved:
                events.append((resolved, 0, inv, ("resolve", None, None)))
        if inv.voided_on:
            events.append((inv.voided_on, 2, inv, ("void", None, None)))
    for day, _order, inv, (kind, amount, method) in sorted(events, key=lambda e: (e[0], e[1], e[2].number)):
        if kind == "pay" and method == "write-off":
            write_off(books, inv.number, amount, "uncollectable", date=day)
        elif kind == "pay" and method == "credit note":
            credit_note(books, inv.number, amount, "returned goods", date=day)
        elif kind == "pay":
            record_payment(books, {"date": day, "customer_code": inv.customer, "amount": amount,
                                   "invoice_number": inv.number})
        elif kind == "dispute":
            mark_dispute(books, inv.number, "quality", amount, on=day)
        elif kind == "resolve":
            resolve_dispute(books, inv.number, on=day)
        else:
            void_invoice(books, ids[inv.number], "cancelled order", on=d(day))


# --- a plain recomputation, straight from the ledger above --------------------------------------

def _open(inv: Inv, as_of: dt.date) -> Decimal:
    if d(inv.issued) > as_of or (inv.voided_on and d(inv.voided_on) <= as_of):
        return Decimal(0)
    return Decimal(inv.amount) - sum((Decimal(a) for day, a, _m in inv.payments if d(day) <= as_of), Decimal(0))


def _disputed(inv: Inv, as_of: dt.date) -> Decimal:
    state = Decimal(0)
    for day, amount, resolved in inv.disputes:
        if d(day) <= as_of:
            state = Decimal(amount) if amount else _open(inv, as_of)
        if resolved and d(resolved) <= as_of:
            state = Decimal(0)
    return min(state, _open(inv, as_of))


def _r(value: Decimal, places: str) -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def plain(as_of: dt.date, days: int) -> dict[str, Decimal | None]:
    start = as_of - dt.timedelta(days=days)
    total = sum((_open(i, as_of) for i in LEDGER), Decimal(0))
    current = sum((_open(i, as_of) for i in LEDGER if d(i.due) >= as_of), Decimal(0))
    ar_start = sum((_open(i, start) for i in LEDGER), Decimal(0))
    sales = sum((Decimal(i.amount) for i in LEDGER if start < d(i.issued) <= as_of
                 and not (i.voided_on and d(i.voided_on) <= as_of)), Decimal(0))
    to_pay, late = [], []
    for i in LEDGER:
        if not i.payments or _open(i, as_of) != 0 or d(i.issued) > as_of or (i.voided_on and d(i.voided_on) <= as_of):
            continue
        cleared = max(d(day) for day, _a, _m in i.payments if d(day) <= as_of)
        by_adjustment = any(m for day, _a, m in i.payments if d(day) == cleared)
        if start < cleared <= as_of and not by_adjustment:
            to_pay.append((cleared - d(i.issued)).days)
            late.append(max(0, (cleared - d(i.due)).days))
    overdue = total - current
    out = {"total_ar": _r(total, "0.01"), "current_ar": _r(current, "0.01"), "overdue_ar": _r(overdue, "0.01"),
           "overdue_percent": _r(overdue * 100 / total, "0.1") if total else Decimal("0.0"),
           "disputed_ar": _r(sum((_disputed(i, as_of) for i in LEDGER), Decimal(0)), "0.01"),
           "sales": _r(sales, "0.01")}
    if sales:
        out.update(dso=_r(total / sales * days, "0.1"), best_possible_dso=_r(current / sales * days, "0.1"),
                   average_days_delinquent=_r(overdue / sales * days, "0.1"))
    else:
        out.update(dso=None, best_possible_dso=None, average_days_delinquent=None)
    denominator = ar_start + sales - current
    out["cei"] = _r(100 * (ar_start + sales - total) / denominator, "0.1") if denominator else None
    out["average_days_to_pay"] = _r(Decimal(sum(to_pay)) / len(to_pay), "0.1") if to_pay else None
    out["average_days_late"] = _r(Decimal(sum(late)) / len(late), "0.1") if late else None
    return out


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    """Read-only: built once for the module."""
    b = create_company(tmp_path_factory.mktemp("kpi") / "ledger.ardb", "Ledger Ltd", "EUR", "DE",
                       clock=FixedClock(TODAY))
    build(b)
    yield b
    b.close()


def test_figures_worked_out_by_hand(ledger):
    k = kpis(ledger, D, DAYS)
    # open on D: I04 700, I05 200, I08 90, I09 600, I10 650, I11 150, I14 50, I16 1234.56
    assert k.total_ar == Decimal("3674.56")
    assert k.current_ar == Decimal("850.00")          # I05 (due on D), I09, I14
    assert k.overdue_ar == Decimal("2824.56")
    assert k.overdue_percent == Decimal("76.9")       # 2824.56 / 3674.56 = 76.868 %
    assert k.disputed_ar == Decimal("700.00")         # I09 in full, 100.00 of I10; I11 resolved
    # issued in P and not voided by D: I02? no (01-25). I06 300, I08 90, I09 600, I11 150, I12 120,
    # I13 250, I14 50 (I05 on the start day is not in P; I07 voided in P)
    assert k.sales == Decimal("1560.00")
    assert k.dso == Decimal("70.7")                   # 3674.56 / 1560 x 30 = 70.664
    assert k.best_possible_dso == Decimal("16.3")     # 850 / 1560 x 30 = 16.346
    assert k.average_days_delinquent == Decimal("54.3")  # 2824.56 / 1560 x 30 = 54.318
    # cleared by payment in P: I02 on 02-19 (25 days, 9 late), I03 on 03-20 (47, 17 late), I12 on 03-16
    # (21, 11 late); I01 on the start day, I04 after D, I06 and I13 by adjustments are left out
    assert k.cleared_count == 3
    assert k.average_days_to_pay == Decimal("31.0")   # (25 + 47 + 21) / 3
    assert k.average_days_late == Decimal("12.3")     # (9 + 17 + 11) / 3 = 12.333
    # open on the start day 02-18: I02 500, I03 800, I04 700, I05 200, I10 650, I16 1234.56 (I01 paid that day)
    assert k.ar_start == Decimal("4084.56")
    assert k.cei == Decimal("41.1")   # 100 x (4084.56 + 1560 - 3674.56) / (4084.56 + 1560 - 850) = 1970 / 4794.56


@pytest.mark.parametrize("as_of,days", [(D, DAYS), (D, 90), (D, 1), (dt.date(2026, 2, 19), 1),
                                        (dt.date(2026, 2, 18), 1), (dt.date(2026, 3, 31), 45),
                                        (dt.date(2025, 12, 31), 30), (dt.date(2025, 10, 1), 30)])
def test_every_figure_matches_a_plain_recomputation(ledger, as_of, days):
    assert kpis(ledger, as_of, days).values() == plain(as_of, days)


def test_totals_agree_with_the_aging_report(ledger):
    for as_of in (START, D, dt.date(2026, 3, 31)):
        k = kpis(ledger, as_of, DAYS)
        (block,) = aging_report(ledger, as_of)
        assert k.total_ar == block.total.total
        assert k.current_ar == block.total.buckets["current"]


def test_previous_period_is_the_same_figures_one_period_earlier(ledger):
    now, before = kpis_with_previous(ledger, D, DAYS)
    assert now == kpis(ledger, D, DAYS)
    assert before == kpis(ledger, START, DAYS)
    assert before.period == Period(START, DAYS)


def test_nothing_owed_and_no_sales_leave_figures_empty(books):
    k = kpis(books, D, DAYS)
    assert k.total_ar == 0 and k.overdue_percent == Decimal("0.0")
    assert (k.dso, k.best_possible_dso, k.average_days_delinquent, k.cei, k.average_days_to_pay,
            k.average_days_late) == (None,) * 6
    assert list(k.values()) == list(METRICS)


def test_cleared_invoices_are_the_list_behind_the_averages(ledger):
    rows = cleared_invoices(ledger, D, DAYS)
    assert [(r.number, r.invoice.cleared_on.isoformat(), r.invoice.by_adjustment) for r in rows] == [
        ("I02", "2026-02-19", False), ("I06", "2026-03-10", True), ("I13", "2026-03-12", True),
        ("I12", "2026-03-16", False), ("I03", "2026-03-20", False)]


def test_trend_points_are_the_figures_at_month_ends(ledger):
    points = trend(ledger, dt.date(2026, 3, 31), DAYS, points=4)
    assert [p.day for p in points] == [d("2025-12-31"), d("2026-01-31"), d("2026-02-28"), d("2026-03-31")]
    for p in points:
        k = kpis(ledger, p.day, DAYS)
        assert (p.dso, p.overdue_percent, p.total_ar, p.overdue_ar, p.sales) == (
            k.dso, k.overdue_percent, k.total_ar, k.overdue_ar, k.sales)


def test_bad_period_is_refused_plainly(ledger):
    with pytest.raises(UserError, match="1 to 3660 days"):
        kpis(ledger, D, 0)
    with pytest.raises(UserError, match="not a known currency"):
        kpis(ledger, D, DAYS, "XYZ")
