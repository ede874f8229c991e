"""The receipts behind a forecast bar: read again when a bar is first clicked (every open amount placed: ~0.5 s on
a million invoices), off the GUI thread, the window saying so meanwhile; the read stops with the file or a newer
forecast; and the list behind a bar, a second read after the weekly totals, agrees with its bar after a write."""

from __future__ import annotations

import dataclasses
import threading
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from ar_desktop.domain.forecast import DUE
from ar_desktop.ui import tasks
from ar_desktop.ui.dialogs.figure_list_dialog import FigureListDialog
from ar_desktop.ui.dialogs.payment_dialog import PaymentDialog
from test_overview_tab import click_bar, last_dialog, loaded

LISTING = "Listing the expected receipts…"


def _dialogs() -> list[FigureListDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, FigureListDialog) and w.isVisible()]


def _busiest_week(fc) -> int:
    return max(range(len(fc.per_week)), key=lambda i: fc.per_week[i])


def test_a_bars_receipts_are_read_off_the_gui_thread_and_the_window_says_so(qtbot, window):
    """The first click starts the read and returns at once: the status line and the chart's cursor say the receipts
    are being listed; a second bar clicked meanwhile is the one that opens. The next clicks open at once."""
    o = loaded(qtbot, window)
    read_on = []

    def build():   # the service's own read, noting the thread it runs on
        read_on.append(threading.get_ident())
        return shown.build_receipts()

    shown, chart = o.forecast, o.charts.forecast_chart
    o.forecast = fc = dataclasses.replace(shown, build_receipts=build)
    computed = o.status.text()
    week = _busiest_week(fc)
    click_bar(qtbot, chart, 0)
    assert not _dialogs()
    assert o.status.text() == LISTING and chart.cursor().shape() == Qt.CursorShape.BusyCursor
    click_bar(qtbot, chart, week)   # changed their mind while it loads
    d = last_dialog(qtbot)
    assert len(_dialogs()) == 1 and read_on and read_on[0] != threading.get_ident()
    assert d.model.total.amount == fc.per_week[week] == sum(r.amount for r in d.model.rows)
    assert d.windowTitle() == f"Expected in the week from {fc.week_starts[week].isoformat()}"
    assert o.status.text() == computed and chart.cursor().shape() == Qt.CursorShape.ArrowCursor
    d.close()
    uncertain = o.open_forecast_bar(len(chart.bars) - 1)   # read already: at once
    assert uncertain is not None and uncertain.model.total.amount == fc.uncertain
    uncertain.close()


def test_closing_the_file_or_a_newer_forecast_stops_the_read(qtbot, window, tmp_path, demo_template,
                                                             copy_company_file):
    """A file closed (or another opened) while the receipts load opens no list of it; a newer request (another
    date) drops the older forecast's read and the status line is the new request's."""
    o = loaded(qtbot, window)
    o.open_forecast_bar(0)
    assert o.status.text() == LISTING
    o.as_of.setDate(o.as_of.date().addDays(-7))   # a newer request while the receipts are read
    assert o._listing is None and o.status.text() == "Computing…"
    o = loaded(qtbot, window)
    qtbot.wait(50)
    assert not _dialogs()
    assert o.open_forecast_bar(1) is None and o.status.text() == LISTING
    window.open_file(copy_company_file(demo_template, tmp_path / "other.ardb"))   # the first file closes
    qtbot.waitUntil(lambda: tasks.running() == 0, timeout=30_000)   # the new file's Overview and tabs filled
    assert not _dialogs()
    assert window.overview.status.text() != LISTING


def test_after_a_payment_a_bars_list_agrees_with_its_bar(qtbot, window, when_dialog_opens):
    """The list behind a bar is read after the weekly totals, from the file as it is then: a payment recorded in
    the window reloads the Overview, and the bar and its list both show the invoice 10,00 lower."""
    o = loaded(qtbot, window)
    week = _busiest_week(o.forecast)
    before = o.forecast.per_week[week]
    click_bar(qtbot, o.charts.forecast_chart, week)
    d = last_dialog(qtbot)
    target = next(r for r in d.model.rows if r.basis == DUE and r.amount > 20)
    d.close()

    def pay(dialog: PaymentDialog) -> None:
        dialog.customer.setCurrentIndex(dialog.customer.findData(target.customer_code))
        dialog.amount.setText("10,00")
        model = dialog.model
        for row, inv in enumerate(model.invoices):
            assert model.setData(model.index(row, 3), "10,00" if inv.number == target.invoice_number else "0")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    window.tabs.setCurrentWidget(window.payments)
    when_dialog_opens(pay, PaymentDialog)
    window.payments.record_payment()
    window.tabs.setCurrentWidget(o)
    qtbot.waitUntil(lambda: not o._pending and o.forecast.per_week[week] != before, timeout=30_000)
    fc = o.forecast
    assert fc.per_week[week] == before - Decimal("10.00")
    click_bar(qtbot, o.charts.forecast_chart, week)
    d = last_dialog(qtbot)
    assert d.model.total.amount == fc.per_week[week] == sum(r.amount for r in d.model.rows)
    assert sum(r.amount for r in d.model.rows if r.invoice_number == target.invoice_number) == (
        target.amount - Decimal("10.00"))
    d.close()


def test_a_bar_clicked_on_a_forecast_replaced_meanwhile_asks_for_the_click_again(qtbot, window):
    """Clicked while a refresh was pending: the list read is of the older forecast. When the new one has arrived by
    then, no list of the old one opens over the new chart, and the click is not lost silently: the window asks for
    it again (session 12's review)."""
    o = loaded(qtbot, window)
    release = threading.Event()

    def build():   # the read holds until the newer forecast is on screen
        release.wait(10)
        return old.build_receipts()

    old = o.forecast
    o.forecast = dataclasses.replace(old, build_receipts=build)
    click_bar(qtbot, o.charts.forecast_chart, 0)
    assert o.status.text() == LISTING
    o.forecast = dataclasses.replace(old)   # what the refresh brought meanwhile
    release.set()
    qtbot.waitUntil(lambda: o._listing is None, timeout=10_000)
    assert not _dialogs()
    assert o.status.text() == "The forecast was brought up to date meanwhile: click the bar again."
    click_bar(qtbot, o.charts.forecast_chart, 0)   # clicked again: the new forecast's list
    d = last_dialog(qtbot)
    assert d.model.total.amount == o.forecast.per_week[0]
    d.close()



def test_a_list_read_after_the_user_left_the_overview_does_not_open_over_another_tab(qtbot, window):
    """The user clicked a bar, then went to the Customers tab before the receipts arrived: no list opens over it."""
    o = loaded(qtbot, window)
    release = threading.Event()

    def build():
        release.wait(10)
        return shown.build_receipts()

    shown = o.forecast
    o.forecast = dataclasses.replace(shown, build_receipts=build)
    click_bar(qtbot, o.charts.forecast_chart, 0)
    window.tabs.setCurrentWidget(window.customers)
    release.set()
    qtbot.waitUntil(lambda: o._listing is None, timeout=10_000)
    assert not _dialogs()
