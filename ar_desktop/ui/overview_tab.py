"""Overview: the whole ledger at a glance — figures with the previous period (overview_figures), aging, trend
and forecast charts (overview_charts), the largest overdue balances, today's actions, credit reviews and rate
tables (overview_lists).

Everything is computed off the GUI thread (four background reads: figures, trend, forecast,
worklist) when the tab is shown and after any change, each part on screen as soon as its read ends; a
generation counter drops results that a newer request replaced. The figures are read first and alone
(what a user reads first: on a big file the other reads would share the two cores and the GIL with
them), then the worklist (the longest) beside the trend and the forecast; ``ahead`` says when every part is
on screen (or failed), which the window waits for before it loads the other tabs and checks the file. Every
figure, bar, point and list row opens the list behind it: the Invoices or Collections tab (``navigate``) where
they show exactly that list, else a dialog with the rows (overview_details). The receipts behind the forecast's
bars are read again when a bar is first clicked (every open amount placed in Python: ~0.5 s on a million
invoices), off the GUI thread too, the status line and the chart's cursor saying so meanwhile.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QMessageBox, QScrollArea, QVBoxLayout, QWidget

from ar_desktop.domain.aging import BUCKET_KEYS
from ar_desktop.domain.forecast import DEFAULT_WEEKS, Forecast
from ar_desktop.domain.kpi import LABELS, TrendPoint
from ar_desktop.services import kpis as kpi_service
from ar_desktop.ui.aging_view import BUCKET_TEXT
from ar_desktop.ui.dialogs.form import date_edit
from ar_desktop.ui.overview_charts import OverviewCharts
from ar_desktop.ui.overview_details import OverviewDetails
from ar_desktop.ui.overview_figures import FigureGrid
from ar_desktop.ui.overview_lists import OverviewLists
from ar_desktop.ui.refresh_on_show import RefreshWhenShown
from ar_desktop.ui.tasks import BackgroundTask

if TYPE_CHECKING:  # for annotations only: imported where used
    from ar_desktop.services.overview import OverviewActions, OverviewFigures
    from ar_desktop.ui.dialogs.figure_list_dialog import FigureListDialog

PERIODS = (30, 60, 90, 180, 365)
# In the order they start: the figures alone, then the others (Qt's pool runs two at a time, the rest queued
# in this order): the worklist first, as it takes longest (the trend and then the forecast share the other
# thread meanwhile, mostly in SQLite, which lets the worklist's Python have the GIL)
PARTS = ("figures", "actions", "trend", "forecast")
FIRST = ("figures",)


def _figures(books, as_of: dt.date, days: int, currency: str | None) -> OverviewFigures:
    from ar_desktop.services.overview import overview_figures  # on first use, off the window's start-up

    return overview_figures(books, as_of, days, currency)


def _actions(books, as_of: dt.date) -> OverviewActions:
    from ar_desktop.services.overview import overview_actions

    return overview_actions(books, as_of)


def _forecast(books, as_of: dt.date, currency: str | None) -> Forecast:
    from ar_desktop.services.forecast import cash_forecast

    return cash_forecast(books, as_of, DEFAULT_WEEKS, currency)


@dataclass(frozen=True)
class Navigate:
    """A request to show another tab: ``tab`` invoices | collections | rates, with its filter."""

    tab: str
    status: str = ""                 # invoices: open | overdue | all
    customer_id: int | None = None
    issued_from: dt.date | None = None
    issued_to: dt.date | None = None
    filter_key: str = ""             # collections: a filter of the Collections tab
    customer_code: str = ""


class OverviewTab(RefreshWhenShown, QWidget):
    navigate = Signal(object)   # a Navigate for the main window
    loaded = Signal()           # everything of the current request is on screen
    ahead = Signal()            # every part of the current request is on screen or failed
    changed = Signal()

    def __init__(self, parent=None):
        from ar_desktop.ui.report_actions import ReportActions

        super().__init__(parent)
        self.books = None
        self.figures: OverviewFigures | None = None
        self.trend: list[TrendPoint] = []
        self.forecast: Forecast | None = None
        self.actions: OverviewActions | None = None
        self._pending: set[str] = set()   # parts not on screen yet
        self._running: set[str] = set()   # parts whose read has not ended (on screen or failed)
        self._started = 0.0
        self._listing: BackgroundTask | None = None   # the receipts behind the forecast's bars being read
        self._bar_wanted = -1                          # the bar clicked last meanwhile: opened when they arrive
        self._status_before = ""

        self.as_of = date_edit()
        self.as_of.dateChanged.connect(self.refresh)
        self.period = QComboBox()
        for days in PERIODS:
            self.period.addItem(self.tr("{0} days").format(days), days)
        self.period.setCurrentIndex(PERIODS.index(90))
        self.period.currentIndexChanged.connect(self.refresh)
        self.currency = QComboBox()
        self.currency.currentIndexChanged.connect(self.refresh)
        self.status = QLabel()
        self.status.setObjectName("overview_status")
        top = QHBoxLayout()
        title = QLabel(self.tr("Overview as of"))
        title.setStyleSheet("font-weight: bold;")
        for w in (title, self.as_of, QLabel(self.tr("period")), self.period, self.currency, self.status):
            top.addWidget(w)
        top.addStretch(1)
        self.reports = ReportActions(self, lambda: (self.books, self.as_of_date(), self.days(),
                                                    self.chosen_currency()), self.changed.emit)
        top.addWidget(self.reports.button)

        self.grid = FigureGrid()
        self.grid.opened.connect(self.open_figure)
        self.charts = OverviewCharts()
        self.charts.bucket_opened.connect(self.open_bucket)
        self.charts.month_opened.connect(self.open_trend_point)
        self.charts.week_opened.connect(self.open_forecast_bar)
        self.lists = OverviewLists()
        self.lists.opened.connect(lambda key, row: {"largest": self.open_largest, "todo": self.open_action,
                                                    "reviews": self.open_review, "rates": self.open_rates}[key](row))
        self.details = OverviewDetails(self)

        body = QWidget()
        bl = QVBoxLayout(body)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.grid)
        bl.addWidget(self.charts, 5)
        bl.addWidget(self.lists, 4)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body.setMinimumSize(980, 560)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    # -- data ---------------------------------------------------------------------------------
    def set_books(self, books) -> None:
        self.books = books
        today = books.today()
        for w in (self.as_of, self.currency):
            w.blockSignals(True)
        self.as_of.setDate(QDate(today.year, today.month, today.day))
        self.currency.clear()
        for code in kpi_service.currencies(books):
            self.currency.addItem(code, code)
        self.currency.setVisible(self.currency.count() > 1)
        for w in (self.as_of, self.currency):
            w.blockSignals(False)
        self.mark_stale()

    def as_of_date(self) -> dt.date:
        return self.as_of.date().toPython()

    def days(self) -> int:
        return self.period.currentData()

    def chosen_currency(self) -> str | None:
        return self.currency.currentData()

    def refresh(self) -> list[BackgroundTask]:
        """Recompute in the background; each part shows when it arrives. Returns the reads started now
        (the figures: the others start when they have ended)."""
        if self.books is None:
            return []
        self._stale = False
        self._generation += 1
        self._stop_listing()
        request = (self._generation, self.books, self.as_of_date(), self.days(), self.chosen_currency())
        self._pending, self._running = set(PARTS), set(PARTS)
        self._started = time.perf_counter()
        self.status.setText(self.tr("Computing…"))
        self.grid.show_pending()
        return self._start(request, FIRST)

    def _start(self, request: tuple, parts: tuple[str, ...]) -> list[BackgroundTask]:
        generation, books, as_of, days, currency = request
        jobs = {"figures": lambda _p: _figures(books, as_of, days, currency),
                "trend": lambda _p: kpi_service.trend(books, as_of, days, currency),
                "forecast": lambda _p: _forecast(books, as_of, currency),
                "actions": lambda _p: _actions(books, as_of)}
        started = []
        for part in parts:
            # a failed read (the task says why) ends its part too: the next parts and the window go on
            started.append(BackgroundTask(self, self.tr("Computing the overview…"), jobs[part],
                                          lambda result, part=part: self._arrived(request, part, result), quiet=True,
                                          failed=lambda _error, part=part: self._ended(request, part)).start())
        return started

    def _arrived(self, request: tuple, part: str, result: Any) -> None:
        if request[0] != self._generation or self.books is None:
            return
        {"figures": self._show_figures, "trend": self._show_trend, "forecast": self._show_forecast,
         "actions": self._show_actions}[part](result)
        self._pending.discard(part)
        if not self._pending:
            self.status.setText(self.tr("Computed in {0:.1f} s").format(time.perf_counter() - self._started))
            self.loaded.emit()
        self._ended(request, part)

    def _ended(self, request: tuple, part: str) -> None:
        if request[0] != self._generation or self.books is None or part not in self._running:
            return
        self._running.discard(part)
        if part in FIRST and not self._running & set(FIRST):
            self._start(request, tuple(p for p in PARTS if p not in FIRST))
        if not self._running:
            self.ahead.emit()

    def _show_figures(self, f: OverviewFigures) -> None:
        self.figures = f
        self.grid.show_values(f.kpis, f.previous)
        self.charts.show_aging(f.buckets)
        self.lists.largest.set_rows(f.largest_overdue)
        self.lists.rates.set_rows(f.stale_rates)

    def _show_forecast(self, fc: Forecast) -> None:
        self.forecast = fc
        self.charts.show_forecast(fc)

    def detach(self) -> None:
        super().detach()
        self._stop_listing()

    def _show_trend(self, points: list[TrendPoint]) -> None:
        self.trend = points
        self.charts.show_trend(points)

    def _show_actions(self, a: OverviewActions) -> None:
        self.actions = a
        self.lists.todo.set_rows(a.actions)
        self.lists.reviews.set_rows(a.reviews)

    # -- the lists behind: another tab where it shows exactly that list, else a dialog ------------------
    def _is_today(self) -> bool:
        return self.books is not None and self.as_of_date() == self.books.today()

    def open_figure(self, metric: str) -> FigureListDialog | QMessageBox | None:
        if self.books is None or self.figures is None:
            return None
        k = self.figures.kpis
        if metric in ("total_ar", "overdue_ar", "overdue_percent") and self._is_today():
            self.navigate.emit(Navigate("invoices", "open" if metric == "total_ar" else "overdue"))
            return None
        if metric in ("total_ar", "current_ar", "overdue_ar", "overdue_percent", "disputed_ar"):
            which = {"total_ar": "all", "current_ar": "current", "disputed_ar": "disputed"}.get(metric, "overdue")
            return self.open_invoices(which, QCoreApplication.translate("Kpi", LABELS[metric]))
        if metric == "sales":
            self.navigate.emit(Navigate("invoices", "all", issued_from=k.period.first_day, issued_to=k.period.as_of))
            return None
        if metric in ("average_days_to_pay", "average_days_late"):
            return self.details.cleared(self.books, k, self.chosen_currency())
        return self.details.arithmetic(k, metric, self.open_figure)

    def open_invoices(self, which: str, title: str, as_of: dt.date | None = None) -> FigureListDialog:
        return self.details.invoices(self.books, as_of or self.as_of_date(), which, title, self.chosen_currency())

    def open_bucket(self, key: str) -> FigureListDialog | None:
        if self.books is None:
            return None
        label = QCoreApplication.translate("Columns", BUCKET_TEXT[BUCKET_KEYS.index(key)])
        return self.open_invoices(key, self.tr("Aging: {0}").format(label))

    def open_trend_point(self, index: int) -> FigureListDialog | None:
        if self.books is None or index >= len(self.trend):
            return None
        day = self.trend[index].day
        return self.open_invoices("all", self.tr("Owed on {0}").format(day.isoformat()), as_of=day)

    def open_forecast_bar(self, index: int) -> FigureListDialog | None:
        """The receipts behind a bar; None while they are read (the first click on this forecast): the last bar
        clicked meanwhile opens when they arrive."""
        fc = self.forecast
        if fc is None or self.books is None:
            return None
        if self._listing is None and "receipts_by_bar" in fc.__dict__:   # read (cached_property keeps it there)
            return self.details.receipts(fc, index)
        self._bar_wanted = index
        if self._listing is None:
            generation = self._generation
            self._listing = BackgroundTask(self, self.tr("Listing the expected receipts…"),
                                           lambda _p: fc.receipts_by_bar,
                                           lambda _bars: self._listed(generation, fc), quiet=True,
                                           failed=lambda _error: self._listed(generation, None))
            self._status_before = self.status.text()
            self.status.setText(self.tr("Listing the expected receipts…"))
            self.charts.forecast_chart.setCursor(Qt.CursorShape.BusyCursor)
            self._listing.start()
        return None

    def _listed(self, generation: int, fc: Forecast | None) -> None:
        """The receipts arrived (``fc``) or their read failed or was cancelled (None)."""
        if generation != self._generation:   # a newer request or the file closed: already stopped
            return
        index = self._bar_wanted
        self._stop_listing()
        if fc is None or self.books is None or not self.isVisible():   # failed, closed, or the user went elsewhere
            return
        if fc is self.forecast:
            self.details.receipts(fc, index)
        else:   # clicked on the forecast a refresh then replaced: its weeks may differ, so the click is not guessed
            self.status.setText(self.tr("The forecast was brought up to date meanwhile: click the bar again."))

    def _stop_listing(self) -> None:
        """No read of the receipts any more: the one running is cancelled (its read interrupted), the status line
        and the cursor as before it."""
        task, self._listing, self._bar_wanted = self._listing, None, -1
        if task is None:
            return
        if not task.finished.is_set():
            task.cancel()
        self.charts.forecast_chart.unsetCursor()
        if self.status.text() == self.tr("Listing the expected receipts…"):
            self.status.setText(self._status_before)

    def open_largest(self, row: int) -> FigureListDialog | None:
        c = self.lists.largest.row_at(row)
        if c is None:
            return None
        if self._is_today():
            self.navigate.emit(Navigate("invoices", "overdue", customer_id=c.customer_id))
            return None
        return self.details.overdue_of(self.books, self.as_of_date(), self.chosen_currency(), c)

    def open_action(self, row: int) -> None:
        a = self.lists.todo.row_at(row)
        if a is not None:
            self.navigate.emit(Navigate("collections", filter_key=a.key))

    def open_review(self, row: int) -> None:
        r = self.lists.reviews.row_at(row)
        if r is not None:
            self.navigate.emit(Navigate("collections", filter_key="review", customer_code=r.customer_code))

    def open_rates(self, row: int) -> None:
        if self.lists.rates.row_at(row) is not None:
            self.navigate.emit(Navigate("rates"))
