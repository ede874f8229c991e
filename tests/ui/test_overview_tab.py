"""The Overview tab: first in the window, computed in the background, every figure and bar clickable."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from ar_desktop.domain.kpi import METRICS
from ar_desktop.services.forecast import cash_forecast
from ar_desktop.services.kpis import kpis_with_previous
from ar_desktop.ui.dialogs.figure_list_dialog import FigureListDialog
from ar_desktop.ui.figure_card import figure_text
from ar_desktop.ui.table_models import RawRole


def loaded(qtbot, window):
    o = window.overview
    qtbot.waitUntil(lambda: o._generation > 0 and not o._pending, timeout=30_000)
    return o


def click_bar(qtbot, chart, index: int):
    rect = chart.hit_rects()[index]
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())


def last_dialog(qtbot, kind=FigureListDialog):
    qtbot.waitUntil(lambda: any(isinstance(w, kind) and w.isVisible() for w in QApplication.topLevelWidgets()))
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()][-1]


def test_overview_is_the_first_tab_and_shows_every_figure(qtbot, window):
    assert window.tabs.widget(0) is window.overview and window.tabs.currentWidget() is window.overview
    o = loaded(qtbot, window)
    now, before = kpis_with_previous(window.books, window.books.today(), 90)
    for m in METRICS:
        assert o.grid.cards[m].value.text() == figure_text(m, now.value(m)), m
    assert "was" in o.grid.cards["dso"].change.text()
    assert o.status.text().startswith("Computed in")
    assert o.figures.previous == before
    # the forecast bars hold every open cent
    f = cash_forecast(window.books, window.books.today())
    bars = o.charts.forecast_chart.bars
    assert [b.value for b in bars] == [*f.per_week, f.later, f.uncertain]
    assert sum(b.value for b in bars) == now.total_ar


def test_overdue_opens_the_invoices_tab_filtered_to_overdue(qtbot, window):
    o = loaded(qtbot, window)
    qtbot.mouseClick(o.grid.cards["overdue_ar"], Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.invoices
    assert window.invoices.status.currentData() == "overdue"
    assert window.invoices.model.rowCount() > 0
    totals = window.invoices.totals.text()
    assert f"overdue {o.grid.cards['overdue_ar'].value.text()}" in totals


def test_an_aging_bar_opens_the_invoices_it_adds_up(qtbot, window):
    o = loaded(qtbot, window)
    click_bar(qtbot, o.charts.aging_chart, 2)   # 31–60 days
    d = last_dialog(qtbot)
    rows = d.model.rows
    assert rows and all(31 <= r.days_overdue <= 60 for r in rows)
    assert sum(r.open_amount for r in rows) == o.figures.buckets["d31_60"]
    d.close()


def test_a_forecast_bar_opens_the_receipts_of_its_week(qtbot, window):
    o = loaded(qtbot, window)
    fc = o.forecast
    week = max(range(len(fc.per_week)), key=lambda i: fc.per_week[i])
    o.charts.forecast_chart.setFocus()
    for _ in range(week + 1):
        qtbot.keyClick(o.charts.forecast_chart, Qt.Key.Key_Right)
    qtbot.keyClick(o.charts.forecast_chart, Qt.Key.Key_Return)
    d = last_dialog(qtbot)
    assert sum(r.amount for r in d.model.rows) == fc.per_week[week]
    start = fc.week_starts[week]
    assert all(start <= r.expected_on <= start + dt.timedelta(days=6) for r in d.model.rows)
    d.close()


def test_every_chart_has_its_numbers_one_click_away(qtbot, window):
    o = loaded(qtbot, window)
    for panel in (o.charts.aging_panel, o.charts.trend_panel, o.charts.forecast_panel):
        qtbot.mouseClick(panel.numbers, Qt.MouseButton.LeftButton)
        assert panel.stack.currentWidget() is panel.table
        assert panel.table.model().rowCount() > 0
    assert o.charts.trend_numbers.rowCount() == 12
    total = o.charts.aging_numbers.index(o.charts.aging_numbers.rowCount() - 1, 1).data(RawRole)
    assert total == o.figures.kpis.total_ar


def test_dso_explains_its_arithmetic(qtbot, window):
    o = loaded(qtbot, window)
    qtbot.mouseClick(o.grid.cards["dso"], Qt.MouseButton.LeftButton)
    box = last_dialog(qtbot, QMessageBox)
    assert "DSO = owed ÷ sales × days" in box.text()
    assert o.grid.cards["dso"].value.text().split()[0] in box.text()
    box.close()


def test_days_to_pay_lists_the_invoices_paid_in_the_period(qtbot, window):
    o = loaded(qtbot, window)
    qtbot.mouseClick(o.grid.cards["average_days_to_pay"], Qt.MouseButton.LeftButton)
    d = last_dialog(qtbot)
    counted = [r for r in d.model.rows if not r.invoice.by_adjustment]
    assert len(counted) == o.figures.kpis.cleared_count
    mean = Decimal(sum((r.invoice.cleared_on - r.invoice.issue_date).days for r in counted)) / len(counted)
    assert abs(mean - o.figures.kpis.average_days_to_pay) <= Decimal("0.05")
    d.close()


def test_an_earlier_date_recomputes_everything(qtbot, window):
    o = loaded(qtbot, window)
    before = o.grid.cards["total_ar"].value.text()
    earlier = window.books.today() - dt.timedelta(days=60)
    o.as_of.setDate(earlier)
    qtbot.waitUntil(lambda: not o._pending and o.figures.as_of == earlier, timeout=30_000)
    assert o.grid.cards["total_ar"].value.text() != before
    # a past date: the overdue figure lists the invoices as of then instead of today's list
    qtbot.mouseClick(o.grid.cards["overdue_ar"], Qt.MouseButton.LeftButton)
    d = last_dialog(qtbot)
    assert sum(r.open_amount for r in d.model.rows) == o.figures.kpis.overdue_ar
    d.close()
    assert window.tabs.currentWidget() is window.overview


def test_todays_actions_open_the_collections_tab(qtbot, window):
    o = loaded(qtbot, window)
    letters = [i for i, a in enumerate(o.lists.todo.rows) if a.key == "letters"][0]
    o.open_action(letters)
    assert window.tabs.currentWidget() is window.collections
    assert window.collections.filter.currentData() == "letters"
    qtbot.waitUntil(lambda: not window.collections._stale, timeout=30_000)
    assert window.collections.model.rowCount() == o.lists.todo.rows[letters].count


def test_a_credit_review_row_selects_the_customer(qtbot, window):
    o = loaded(qtbot, window)
    assert o.lists.reviews.rowCount() > 0
    code = o.lists.reviews.rows[0].customer_code
    o.lists.views["reviews"].doubleClicked.emit(o.lists.reviews.index(0, 0))
    assert window.tabs.currentWidget() is window.collections
    qtbot.waitUntil(lambda: window.collections.current_row() is not None
                    and window.collections.current_row().customer_code == code, timeout=30_000)
    assert window.collections.filter.currentData() == "review"


def test_fits_a_laptop_screen(qtbot, window):
    window.resize(1366, 768)
    o = loaded(qtbot, window)
    qtbot.wait(50)
    for card in o.grid.cards.values():
        top_left = card.mapTo(window, QPoint(0, 0))
        assert top_left.x() + card.width() <= 1366 and top_left.y() + card.height() <= 768
        assert card.value.width() >= card.value.sizeHint().width() - 1, card.key
    for view in o.lists.views.values():
        assert view.mapTo(window, QPoint(0, 0)).y() < 768 - 60
    chart = o.charts.aging_chart
    assert chart.hit_rects()[0].contains(QPointF(chart.hit_rects()[0].center()))


def test_a_cards_change_line_shows_whole_with_a_million_invoices_amounts(qtbot):
    """On the million-invoice file at 1366x768 a card is ~220 px wide: '▼ −13,596,669.93 (was 58,907,458.74) ·
    worse' ran past its edge and was cut. The line wraps instead, and the card grows to show it."""
    from PySide6.QtCore import QRect

    from ar_desktop.domain.kpi import change
    from ar_desktop.ui.figure_card import FigureCard

    card = FigureCard("total_ar", "Total receivables", "")
    qtbot.addWidget(card)
    card.setFixedWidth(220)
    now, before = Decimal("45310788.81"), Decimal("58907458.74")
    card.show_value(now, before, change("total_ar", now, before))
    card.show()
    qtbot.waitExposed(card)
    label = card.change
    room = label.contentsRect()
    fm = label.fontMetrics()
    if label.wordWrap():
        needed = fm.boundingRect(QRect(0, 0, room.width(), 10_000), int(Qt.TextFlag.TextWordWrap), label.text())
        assert needed.width() <= room.width() and needed.height() <= room.height(), (needed, room)
    else:
        assert fm.horizontalAdvance(label.text()) <= room.width(), (label.text(), room)


def test_a_bars_value_never_runs_into_its_neighbours(qtbot):
    """Thirteen weeks of a big forecast in a chart ~550 px wide: '728,3k' and '636,7k' were written over each
    other. A value wider than its bar's slot is left out (its tooltip and the chart's data still hold it); the
    wide bars keep theirs."""
    from PySide6.QtGui import QFontMetrics

    from ar_desktop.ui.charts import Bar, BarChart

    chart = BarChart()
    qtbot.addWidget(chart)
    values = [21_000_000, 1_900_000, 2_300_000, 2_400_000, 2_500_000, 2_100_000, 1_300_000, 1_100_000, 728_300,
              636_700, 136_800, 60_000, 42_700, 41_000, 9_100_000]
    chart.set_bars([Bar(label=f"W{k}", value=Decimal(v), tone="current") for k, v in enumerate(values)])
    chart.resize(550, 260)
    fm = QFontMetrics(chart._small_font())
    slots = chart._slots(chart._geometry()[1])
    shown = chart.value_labels()
    assert all(fm.horizontalAdvance(t) <= w for t, (_x, w) in zip(shown, slots, strict=True)), shown
    assert shown[0] and shown[-1]   # the values that fit are still written
    chart.resize(1400, 260)
    assert all(chart.value_labels())


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_todays_actions_show_whole_in_a_laptops_narrow_box(qtbot, qapp, language):
    """At 1366x768 on the million-invoice file the actions' box is ~270 px wide beside '35,496,192.22': 'Legal
    action / …' and 'Promises fallin…' were cut. Their text wraps and the row grows: every line shows whole."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyle

    from ar_desktop.services.overview import ActionCount
    from ar_desktop.ui.i18n import install_translator, remove_translator
    from ar_desktop.ui.overview_lists import ACTION_TEXT, OverviewLists

    translator = install_translator(qapp, language) if language != "en" else None
    try:
        lists = OverviewLists()
        qtbot.addWidget(lists)
        lists.todo.set_rows([ActionCount(key, 6366, Decimal("35496192.22")) for key in ACTION_TEXT])
        lists.resize(1340, 230)   # the lists' room in the window at 1366x768
        lists.show()
        qtbot.waitExposed(lists)
        view = lists.views["todo"]
        assert view.width() < 300
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        fm = view.fontMetrics()
        for row in range(len(ACTION_TEXT)):
            index = view.model().index(row, 0)
            rect, text = view.visualRect(index), index.data()
            room = rect.width() - 2 * margin
            needed = fm.boundingRect(QRect(0, 0, room, 10_000), int(Qt.TextFlag.TextWordWrap), text)
            assert needed.width() <= room and needed.height() <= rect.height(), (text, needed, rect)
    finally:
        if translator is not None:
            remove_translator(qapp, translator)
