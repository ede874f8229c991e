"""What a reviewer's pass over the Overview found, each kept fixed: the lists behind the figures say their figures
once, in the words the cards use."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from ar_desktop.ui.figure_card import figure_text
from test_overview_tab import loaded


def loaded_the_day_before(qtbot, window):
    """The Overview as of yesterday (its lists behind a figure then open as dialogs), and that day."""
    o = loaded(qtbot, window)
    past = window.books.today() - dt.timedelta(days=1)
    o.as_of.setDate(QDate(past.year, past.month, past.day))
    return loaded(qtbot, window), past


def test_the_invoices_paid_in_the_period_say_each_average_once(qtbot, window):
    """The list behind "Average days to pay" / "Average days late" (on a past day: a dialog) states both averages
    as the cards show them: "on average 54,4 days to pay", not "54,4 days days to pay"."""
    o, past = loaded_the_day_before(qtbot, window)
    k = o.figures.kpis
    assert k.cleared_count > 0
    for metric in ("average_days_to_pay", "average_days_late"):
        d = o.open_figure(metric)
        text = d.subtitle.text()
        assert "days days" not in text, text
        assert (f"on average {figure_text('x', k.average_days_to_pay)} to pay, "
                f"{figure_text('x', k.average_days_late)} late.") in text, text
        assert len(d.model.rows) >= k.cleared_count
        d.close()


def test_the_receipts_behind_a_forecast_bar_end_in_their_total(qtbot, window):
    """Every list behind the Overview ends in a bold total row; the receipts of a forecast bar (a week's, the later
    and the uncertain ones) had only a sentence: their total now closes the list, equal to the bar."""
    from PySide6.QtCore import Qt

    from test_overview_tab import click_bar, last_dialog

    o = loaded(qtbot, window)
    bars = o.charts.forecast_chart.bars
    for index in (0, len(bars) - 1):   # the first week's, the uncertain ones
        click_bar(qtbot, o.charts.forecast_chart, index)
        d = last_dialog(qtbot)
        model = d.model
        last = model.rowCount() - 1
        assert last == len(model.rows) and model.total.amount == bars[index].value
        assert model.index(last, 0).data(Qt.ItemDataRole.DisplayRole) == "Total"
        d.close()


def test_a_list_behind_a_figure_keeps_its_own_order_until_a_header_is_clicked(qtbot, window):
    """The invoices behind a figure come by due date (services.overview.open_invoices), the receipts of a week by
    day: the dialog showed them sorted by the first column, descending (Qt's order when sorting is turned on), so
    the invoice with the highest number came first. A click on a header still sorts."""
    from PySide6.QtCore import Qt

    o, past = loaded_the_day_before(qtbot, window)
    d = o.open_figure("total_ar")
    rows = d.model.rows
    assert len(rows) > 2
    assert [(r.due_date, r.customer_code, r.number) for r in rows] == sorted((r.due_date, r.customer_code, r.number)
                                                                            for r in rows)
    assert d.table.horizontalHeader().sortIndicatorSection() == -1
    d.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)   # the user's click
    assert [r.number for r in d.model.rows] == sorted((r.number for r in rows), reverse=True)
    d.close()


def test_the_counts_over_a_list_are_written_as_its_numbers(qtbot, window):
    """Over a list of 1,500 receipts the sentence wrote "1500 amounts" while the tables write 1.500 (the company's
    style): the counts are written the same way now."""
    from decimal import Decimal

    from ar_desktop.domain.forecast import DUE, ExpectedReceipt, Forecast

    o = loaded(qtbot, window)
    day = window.books.today()
    receipts = tuple(ExpectedReceipt(f"N{n}", "C1", Decimal("1.00"), day + dt.timedelta(days=1), DUE)
                     for n in range(1500))
    fc = Forecast(day, (day + dt.timedelta(days=1),), (Decimal("1500.00"),), Decimal(0), Decimal(0),
                  lambda: receipts)
    d = o.details.receipts(fc, 0)
    assert d.subtitle.text() == "1.500 amounts, 1.500,00 in all.", d.subtitle.text()
    d.close()


def test_a_bar_chart_marks_its_axis_at_round_values(qtbot):
    """The forecast's axis on the million-invoice file read 0, 6,2M, 12,5M, 18,8M, 25M (quarters of 25M): an axis
    up to 2.5 or 5 × 10^n is marked in fifths (5M, 10M …), the others in quarters as before; the printed charts
    step alike (chart_scale.steps)."""
    from decimal import Decimal

    from ar_desktop.domain.chart_scale import nice_ceiling, steps
    from ar_desktop.ui import amounts
    from ar_desktop.ui.charts import Bar, BarChart

    amounts.use_company("DE")
    chart = BarChart()
    qtbot.addWidget(chart)
    for highest, marks in [(21_000_000, ["0", "5M", "10M", "15M", "20M", "25M"]),
                           (4_100, ["0", "1k", "2k", "3k", "4k", "5k"]),
                           (83_800, ["0", "25k", "50k", "75k", "100k"]),
                           (1_900, ["0", "500", "1k", "1,5k", "2k"])]:
        chart.set_bars([Bar("a", Decimal(highest), "current"), Bar("b", Decimal(1), "current")])
        assert [amounts.short(v) for v in chart.axis_values()] == marks, highest
        top = nice_ceiling(highest)
        assert top / steps(top) * steps(top) == top


def test_the_disputed_list_says_its_total_is_of_the_disputed_parts(qtbot, window):
    """The list behind "Disputed" ends in the disputed parts' total, which its sentence called "… in all" as if it
    were what the invoices leave open: it says "disputed" now."""
    o, past = loaded_the_day_before(qtbot, window)
    d = o.open_figure("disputed_ar")
    rows = d.model.rows
    assert rows
    assert d.subtitle.text() == (f"{len(rows)} invoices open on {past.isoformat()} with a dispute, "
                                 f"{figure_text('disputed_ar', o.figures.kpis.disputed_ar)} disputed in all.")
    d.close()
