import datetime as dt
from decimal import Decimal

import pytest

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.kpi import (METRICS, ClearedInvoice, ClearingStats, KpiInputs, Period, change, clearing_stats,
                                   compute_kpis, month_ends, quarter_bounds, quarter_of, round_figure, sales_in)

D = dt.date(2026, 3, 31)


def inputs(total="0", current="0", sales="0", ar_start="0", disputed="0", days=90, cleared=ClearingStats()):
    return KpiInputs(Period(D, days), "EUR", Decimal(total), Decimal(current), Decimal(disputed), Decimal(sales),
                     Decimal(ar_start), cleared)


def test_period_is_the_days_ending_on_the_date():
    p = Period(D, 90)
    assert p.start == dt.date(2025, 12, 31) and p.first_day == dt.date(2026, 1, 1)
    assert not p.contains(p.start) and p.contains(p.first_day) and p.contains(D)
    assert not p.contains(D + dt.timedelta(days=1))
    assert p.previous() == Period(dt.date(2025, 12, 31), 90)
    assert Period(D, 1).start == dt.date(2026, 3, 30)


@pytest.mark.parametrize("days", [0, -5, 3661, 1.5, True, "90"])
def test_period_length_is_checked(days):
    with pytest.raises(UserError, match="1 to 3660 days"):
        Period(D, days)


def test_clearing_stats_count_the_days_of_the_clearing_payment():
    p = Period(D, 30)   # (2026-03-01, 2026-03-31]
    paid = [
        ClearedInvoice(dt.date(2026, 2, 1), dt.date(2026, 3, 3), dt.date(2026, 3, 1)),   # start day: out
        ClearedInvoice(dt.date(2026, 2, 1), dt.date(2026, 3, 3), dt.date(2026, 3, 2)),   # first day: 29 / 0
        ClearedInvoice(dt.date(2026, 2, 10), dt.date(2026, 3, 12), D),                   # last day: 49 / 19
        ClearedInvoice(dt.date(2026, 2, 10), dt.date(2026, 3, 12), D + dt.timedelta(days=1)),  # after: out
        ClearedInvoice(dt.date(2026, 2, 10), dt.date(2026, 3, 1), dt.date(2026, 3, 20), by_adjustment=True),
    ]
    assert clearing_stats(paid, p) == ClearingStats(2, 29 + 49, 0 + 19)


def test_figures_of_the_definitions():
    k = compute_kpis(inputs(total="1000", current="400", sales="3000", ar_start="800", disputed="50.005",
                            cleared=ClearingStats(4, 130, 21)))
    assert k.overdue_ar == Decimal("600.00") and k.overdue_percent == Decimal("60.0")
    assert k.disputed_ar == Decimal("50.01")                     # amounts: two decimals, half-up
    assert (k.dso, k.best_possible_dso, k.average_days_delinquent) == (Decimal("30.0"), Decimal("12.0"),
                                                                      Decimal("18.0"))
    assert k.cei == Decimal("82.4")                              # 100 x 2800 / 3400 = 82.35
    assert (k.average_days_to_pay, k.average_days_late) == (Decimal("32.5"), Decimal("5.3"))  # 5.25 -> 5.3
    assert list(k.values()) == list(METRICS)


def test_days_delinquent_is_exact_before_rounding():
    # dso 10.05 -> 10.1 and best 5.04 -> 5.0 would give 5.1; the exact difference 5.01 gives 5.0
    k = compute_kpis(inputs(total="1005", current="504", sales="100", days=1))
    assert (k.dso, k.best_possible_dso, k.average_days_delinquent) == (Decimal("10.1"), Decimal("5.0"),
                                                                      Decimal("5.0"))


def test_undefined_figures_are_none():
    k = compute_kpis(inputs())
    assert k.overdue_percent == Decimal("0.0") and str(k.overdue_percent) == "0.0"
    assert all(k.value(m) is None for m in ("dso", "best_possible_dso", "average_days_delinquent", "cei",
                                            "average_days_to_pay", "average_days_late"))
    # the CEI denominator ar_start + sales - current is zero although sales are not
    k = compute_kpis(inputs(total="100", current="100", sales="100"))
    assert k.cei is None and k.dso == Decimal("90.0")


def test_rounding_is_half_up_and_never_negative_zero():
    assert round_figure(Decimal("0.05")) == Decimal("0.1")
    assert round_figure(Decimal("2.25")) == Decimal("2.3")
    assert str(round_figure(Decimal("-0.04"))) == "0.0"
    k = compute_kpis(inputs(total="100.001", current="0", sales="1"))
    assert str(k.total_ar) == "100.00"


def test_change_says_whether_the_move_is_good_news():
    assert change("dso", Decimal("40"), Decimal("45")).better is True
    assert change("dso", Decimal("50"), Decimal("45")).direction == "up"
    assert change("dso", Decimal("50"), Decimal("45")).better is False
    assert change("cei", Decimal("90"), Decimal("80")).better is True
    assert change("total_ar", Decimal("1"), Decimal("1")).direction == "same"
    assert change("cei", None, Decimal("80")).direction is None


def test_month_ends():
    assert month_ends(D, 3) == [dt.date(2026, 1, 31), dt.date(2026, 2, 28), D]
    assert month_ends(dt.date(2024, 3, 30), 2) == [dt.date(2024, 1, 31), dt.date(2024, 2, 29)]
    ends = month_ends(dt.date(2026, 1, 15))
    assert len(ends) == 12 and ends[0] == dt.date(2025, 1, 31) and ends[-1] == dt.date(2025, 12, 31)


def test_quarters():
    assert quarter_bounds("2026Q1") == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert quarter_bounds(" 2024q4 ") == (dt.date(2024, 10, 1), dt.date(2024, 12, 31))
    assert quarter_of(dt.date(2026, 8, 1)) == "2026Q3"
    for bad in ("2026Q5", "2026-1", "Q1 2026", "", "0026Q1"):
        with pytest.raises(UserError, match="not a quarter"):
            quarter_bounds(bad)


def test_sales_count_an_invoice_voided_after_the_period_end():
    daily = {dt.date(2026, 3, 1): 100, dt.date(2026, 3, 2): 50, dt.date(2026, 1, 1): 7}
    voided = [(dt.date(2026, 3, 5), dt.date(2026, 3, 31), 30), (dt.date(2026, 3, 5), D + dt.timedelta(days=1), 20)]
    assert sales_in(Period(D, 30), daily, voided) == 50 + 20
