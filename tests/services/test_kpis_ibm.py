"""Every figure on the IBM accounts-receivable sample against a plain recomputation from the CSV
(its own DaysToSettle and DaysLate columns for the two averages)."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from ar_desktop.clock import FixedClock
from ar_desktop.services.company_file import create_company
from ar_desktop.services.forecast import cash_forecast
from ar_desktop.services.import_mapping import suggest_options
from ar_desktop.services.importing import run_import
from ar_desktop.services.source_files import open_source
from ar_desktop.services.kpis import kpis, trend

IBM = Path(__file__).parent.parent / "data" / "ibm-accounts-receivable.csv"


def _date(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%m/%d/%Y").date()


def _rows() -> list[dict]:
    with IBM.open(newline="") as f:
        return list(csv.DictReader(f))


ROWS = [{"issued": _date(r["InvoiceDate"]), "due": _date(r["DueDate"]), "settled": _date(r["SettledDate"]),
         "amount": Decimal(r["InvoiceAmount"]), "disputed": r["Disputed"] == "Yes",
         "to_settle": int(r["DaysToSettle"]), "late": int(r["DaysLate"])}
        for r in _rows()]


@pytest.fixture(scope="module")
def ibm(tmp_path_factory):
    books = create_company(tmp_path_factory.mktemp("ibm") / "ibm.ardb", "IBM sample", "USD",
                           clock=FixedClock(dt.date(2026, 3, 31)))
    table = open_source(IBM)
    run_import(books, table, replace(suggest_options(books, table, "invoices"), create_customers=True))
    yield books
    books.close()


def _r(value: Decimal, places: str) -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def plain(as_of: dt.date, days: int) -> dict[str, Decimal | None]:
    start = as_of - dt.timedelta(days=days)

    def open_on(day):
        return [r for r in ROWS if r["issued"] <= day < r["settled"]]

    total = sum((r["amount"] for r in open_on(as_of)), Decimal(0))
    current = sum((r["amount"] for r in open_on(as_of) if r["due"] >= as_of), Decimal(0))
    disputed = sum((r["amount"] for r in open_on(as_of) if r["disputed"]), Decimal(0))
    ar_start = sum((r["amount"] for r in open_on(start)), Decimal(0))
    sales = sum((r["amount"] for r in ROWS if start < r["issued"] <= as_of), Decimal(0))
    paid = [r for r in ROWS if start < r["settled"] <= as_of]
    overdue = total - current
    out = {"total_ar": total, "current_ar": current, "overdue_ar": overdue,
           "overdue_percent": _r(overdue * 100 / total, "0.1") if total else Decimal("0.0"),
           "disputed_ar": disputed, "sales": sales,
           "dso": _r(total / sales * days, "0.1") if sales else None,
           "best_possible_dso": _r(current / sales * days, "0.1") if sales else None,
           "average_days_delinquent": _r(overdue / sales * days, "0.1") if sales else None}
    denominator = ar_start + sales - current
    out["cei"] = _r(100 * (ar_start + sales - total) / denominator, "0.1") if denominator else None
    out["average_days_to_pay"] = _r(Decimal(sum(r["to_settle"] for r in paid)) / len(paid), "0.1") if paid else None
    out["average_days_late"] = _r(Decimal(sum(r["late"] for r in paid)) / len(paid), "0.1") if paid else None
    return out


@pytest.mark.parametrize("as_of,days", [(dt.date(2012, 6, 30), 90), (dt.date(2013, 3, 31), 30),
                                        (dt.date(2013, 12, 31), 365), (dt.date(2012, 1, 15), 90),
                                        (dt.date(2014, 1, 8), 90), (dt.date(2013, 7, 4), 1)])
def test_ibm_figures_match_a_plain_recomputation(ibm, as_of, days):
    assert kpis(ibm, as_of, days).values() == plain(as_of, days)


def test_ibm_trend_and_forecast(ibm):
    as_of = dt.date(2013, 9, 30)
    for point in trend(ibm, as_of, 90):
        expected = plain(point.day, 90)
        assert (point.dso, point.overdue_percent) == (expected["dso"], expected["overdue_percent"])
    f = cash_forecast(ibm, as_of)
    assert f.total == plain(as_of, 90)["total_ar"]
    assert f.uncertain == plain(as_of, 90)["disputed_ar"]   # disputed in full (the sample's flag)
