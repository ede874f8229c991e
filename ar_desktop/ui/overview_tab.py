"""Overview: the whole ledger at a glance — figures with the previous period, aging, trend and
forecast charts, the largest overdue balances, today's actions, credit reviews and rate tables.

Everything is computed off the GUI thread (four background reads: figures, trend, forecast,
worklist) when the tab is shown and after any change, each part on screen as soon as its read ends
(the figures never wait for the forecast or the worklist); a generation counter drops results that a
newer request replaced. Every figure, bar, point and list row opens the list behind it: the Invoices or
Collections tab (``navigate``) where they show exactly that list, else a dialog with the rows.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Any
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFrame, QGridLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QMessageBox, QScrollArea, QSizePolicy, QStackedWidget, QTableView,
                               QVBoxLayout,
                               QWidget)

from ar_desktop.domain.aging import BUCKET_KEYS
from ar_desktop.domain.forecast import DEFAULT_WEEKS, DISPUTED, DUE, LEGAL, PLAN, PROMISE, Forecast
from ar_desktop.domain.kpi import LABELS, METRICS, TrendPoint, change
from ar_desktop.services import kpis as kpi_service
from ar_desktop.services.forecast import cash_forecast
from ar_desktop.services import overview as overview_service
from ar_desktop.ui import palette
from ar_desktop.ui.aging_view import BUCKET_TEXT
from ar_desktop.ui.charts import Bar, BarChart, ChartPanel, LineChart, Series
from ar_desktop.ui.dialogs.form import date_edit
from ar_desktop.ui.figure_card import FigureCard, figure_text
from ar_desktop.ui.rows_model import RowColumn, RowsModel
from ar_desktop.ui.table_models import money_text
from ar_desktop.ui.refresh_on_show import RefreshWhenShown
from ar_desktop.ui.tasks import BackgroundTask
from ar_desktop.ui import amounts

if TYPE_CHECKING:  # for annotations only: imported where used
    from ar_desktop.ui.dialogs.figure_list_dialog import FigureListDialog

PERIODS = (30, 60, 90, 180, 365)
MONTHS = (QT_TRANSLATE_NOOP("Overview", "Jan"), QT_TRANSLATE_NOOP("Overview", "Feb"),
          QT_TRANSLATE_NOOP("Overview", "Mar"), QT_TRANSLATE_NOOP("Overview", "Apr"),
          QT_TRANSLATE_NOOP("Overview", "May"), QT_TRANSLATE_NOOP("Overview", "Jun"),
          QT_TRANSLATE_NOOP("Overview", "Jul"), QT_TRANSLATE_NOOP("Overview", "Aug"),
          QT_TRANSLATE_NOOP("Overview", "Sep"), QT_TRANSLATE_NOOP("Overview", "Oct"),
          QT_TRANSLATE_NOOP("Overview", "Nov"), QT_TRANSLATE_NOOP("Overview", "Dec"))
TIPS = {
    "total_ar": QT_TRANSLATE_NOOP("Overview", "Everything owed on the date, as in the aging report."
                                   " Click for the invoices."),
    "current_ar": QT_TRANSLATE_NOOP("Overview", "The part not yet due (due on the date or later)."
                                     " Click for the invoices."),
    "overdue_ar": QT_TRANSLATE_NOOP("Overview", "Owed and past its due date. Click for the overdue invoices."),
    "overdue_percent": QT_TRANSLATE_NOOP("Overview", "Overdue as a share of everything owed."
                                          " Click for the overdue invoices."),
    "disputed_ar": QT_TRANSLATE_NOOP("Overview", "The disputed part of what is owed. Click for the disputed invoices."),
    "sales": QT_TRANSLATE_NOOP("Overview", "Invoiced in the period (voided invoices left out)."
                                " Click for the invoices."),
    "dso": QT_TRANSLATE_NOOP("Overview", "Days sales outstanding: owed ÷ sales of the period × its days."
                              " Click for the arithmetic."),
    "best_possible_dso": QT_TRANSLATE_NOOP("Overview", "DSO if nothing were overdue: not yet due ÷ sales × days."
                                            " Click for the arithmetic."),
    "average_days_delinquent": QT_TRANSLATE_NOOP("Overview", "DSO minus best possible DSO: the days customers add by paying late."
                                                  " Click for the arithmetic."),
    "cei": QT_TRANSLATE_NOOP("Overview", "Collection effectiveness: the share of what could be collected in the period that was."
                              " Click for the arithmetic."),
    "average_days_to_pay": QT_TRANSLATE_NOOP("Overview", "Mean days from issue to full payment of the invoices paid in the period."
                                              " Click for them."),
    "average_days_late": QT_TRANSLATE_NOOP("Overview", "Mean days after the due date of the invoices paid in the period."
                                            " Click for them."),
}
ACTION_TEXT = {"calls": QT_TRANSLATE_NOOP("Overview", "Calls to make"),
               "letters": QT_TRANSLATE_NOOP("Overview", "Letters to print"),
               "promises": QT_TRANSLATE_NOOP("Overview", "Promises falling due"),
               "legal": QT_TRANSLATE_NOOP("Overview", "Legal action / agency")}
BASIS_TEXT = {PLAN: QT_TRANSLATE_NOOP("Overview", "payment plan"), PROMISE: QT_TRANSLATE_NOOP("Overview", "promise"),
              DUE: QT_TRANSLATE_NOOP("Overview", "due date + days late"),
              DISPUTED: QT_TRANSLATE_NOOP("Overview", "disputed"),
              LEGAL: QT_TRANSLATE_NOOP("Overview", "legal action / agency")}


def tr(text: str) -> str:
    return QCoreApplication.translate("Overview", text)


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


def _table(model: RowsModel, rows_visible: int = 5) -> QTableView:
    t = QTableView()
    t.setModel(model)
    t.verticalHeader().hide()
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setAlternatingRowColors(True)
    t.setWordWrap(False)
    h = t.horizontalHeader()
    h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)   # names take what the numbers leave
    h.setStretchLastSection(False)
    t.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 6)
    t.setMinimumHeight(t.fontMetrics().height() * (rows_visible + 2))
    return t


class OverviewTab(RefreshWhenShown, QWidget):
    navigate = Signal(object)   # a Navigate for the main window
    loaded = Signal()           # everything of the current request is on screen
    changed = Signal()

    def __init__(self, parent=None):
        from ar_desktop.ui.report_actions import ReportActions

        super().__init__(parent)
        self.books = None
        self.figures: overview_service.OverviewFigures | None = None
        self.trend: list[TrendPoint] = []
        self.forecast: Forecast | None = None
        self.actions: overview_service.OverviewActions | None = None
        self._pending: set[str] = set()
        self._started = 0.0

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

        grid = QGridLayout()
        grid.setSpacing(6)
        self.cards: dict[str, FigureCard] = {}
        for i, m in enumerate(METRICS):
            card = FigureCard(m, QCoreApplication.translate("Kpi", LABELS[m]), QCoreApplication.translate("Overview", TIPS[m]))
            card.clicked.connect(lambda m=m: self.open_figure(m))
            card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.cards[m] = card
            grid.addWidget(card, i // 6, i % 6)

        self.aging_chart = BarChart()
        self.aging_chart.setObjectName("aging_chart")
        self.aging_chart.activated.connect(lambda i: self.open_bucket(BUCKET_KEYS[i]))
        self.aging_numbers = RowsModel([RowColumn(QT_TRANSLATE_NOOP("Overview", "Age"), lambda r: r[0]), RowColumn(QT_TRANSLATE_NOOP("Overview", "Owed"), lambda r: r[1], "money"),
                                        RowColumn(QT_TRANSLATE_NOOP("Overview", "Share"), lambda r: r[2])], self)
        self.trend_chart = LineChart()
        self.trend_chart.setObjectName("trend_chart")
        self.trend_chart.activated.connect(self.open_trend_point)
        self.trend_numbers = RowsModel([RowColumn(QT_TRANSLATE_NOOP("Overview", "Month-end"), lambda p: p.day, "date"),
                                        RowColumn(QT_TRANSLATE_NOOP("Overview", "DSO (days)"), lambda p: p.dso, "number"),
                                        RowColumn(QT_TRANSLATE_NOOP("Overview", "Overdue share (%)"), lambda p: p.overdue_percent, "number"),
                                        RowColumn(QT_TRANSLATE_NOOP("Overview", "Owed"), lambda p: p.total_ar, "money"),
                                        RowColumn(QT_TRANSLATE_NOOP("Overview", "Sales in the period"), lambda p: p.sales, "money")], self)
        self.forecast_chart = BarChart()
        self.forecast_chart.setObjectName("forecast_chart")
        self.forecast_chart.activated.connect(self.open_forecast_bar)
        self.forecast_numbers = RowsModel([RowColumn(QT_TRANSLATE_NOOP("Overview", "Week from"), lambda r: r[0]),
                                           RowColumn(QT_TRANSLATE_NOOP("Overview", "Expected"), lambda r: r[1], "money")], self)
        charts = QHBoxLayout()
        self.aging_panel = ChartPanel(self.tr("Aging"), self.aging_chart, self.aging_numbers)
        self.trend_panel = ChartPanel(self.tr("DSO and overdue share at month-ends"), self.trend_chart,
                                      self.trend_numbers)
        self.forecast_panel = ChartPanel(self.tr("Expected receipts by week"), self.forecast_chart,
                                         self.forecast_numbers)
        for panel, stretch in ((self.aging_panel, 3), (self.trend_panel, 4), (self.forecast_panel, 5)):
            charts.addWidget(panel, stretch)

        self.largest = RowsModel([RowColumn(QT_TRANSLATE_NOOP("Overview", "Customer"), lambda c: f"{c.code} – {c.name}"),
                                  RowColumn(QT_TRANSLATE_NOOP("Overview", "Overdue"), lambda c: c.overdue, "money"),
                                  RowColumn(QT_TRANSLATE_NOOP("Overview", "Days"), lambda c: c.oldest_days, "int")], self,
                                 tone=lambda c: palette.OVERDUE)
        self.todo = RowsModel([RowColumn(QT_TRANSLATE_NOOP("Overview", "Today"), lambda a: tr(ACTION_TEXT[a.key])),
                               RowColumn(QT_TRANSLATE_NOOP("Overview", "Accounts"), lambda a: a.count, "int"),
                               RowColumn(QT_TRANSLATE_NOOP("Overview", "Overdue"), lambda a: a.amount, "money")], self)
        self.reviews = RowsModel([RowColumn(QT_TRANSLATE_NOOP("Overview", "Customer"), lambda r: f"{r.customer_code} – {r.customer_name}"),
                                  RowColumn(QT_TRANSLATE_NOOP("Overview", "Overdue"), lambda r: r.overdue, "money"),
                                  RowColumn(QT_TRANSLATE_NOOP("Overview", "Limit"), lambda r: r.credit_limit, "money"),
                                  RowColumn(QT_TRANSLATE_NOOP("Overview", "Class"), lambda r: r.credit_class if not r.suggested_class or
                                            r.suggested_class == r.credit_class
                                            else f"{r.credit_class} → {r.suggested_class}")], self)
        self.rates = RowsModel([RowColumn(QT_TRANSLATE_NOOP("Overview", "Table"), lambda t: t.description),
                                RowColumn(QT_TRANSLATE_NOOP("Overview", "Latest rate from"), lambda t: t.last_from, "date")], self)
        lists = QHBoxLayout()
        self.list_views: dict[str, QTableView] = {}
        self.list_stacks: dict[str, QStackedWidget] = {}
        for key, title, model, slot, stretch, empty in (
                ("largest", self.tr("Largest overdue balances"), self.largest, self.open_largest, 4,
                 self.tr("Nothing is overdue.")),
                ("todo", self.tr("Today's collection actions"), self.todo, self.open_action, 3,
                 self.tr("Nothing to do today.")),
                ("reviews", self.tr("Credit reviews due"), self.reviews, self.open_review, 4,
                 self.tr("No credit review is due.")),
                ("rates", self.tr("Reference-rate tables out of date"), self.rates, self.open_rates, 3,
                 self.tr("The rate tables your late-charge rules use are up to date."))):
            box = QGroupBox(title)
            view = _table(model)
            view.setObjectName(f"list_{key}")
            view.activated.connect(lambda index, f=slot: f(index.row()))
            view.doubleClicked.connect(lambda index, f=slot: f(index.row()))
            placeholder = QLabel(empty)
            placeholder.setWordWrap(True)
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            stack = QStackedWidget()
            stack.addWidget(view)
            stack.addWidget(placeholder)
            model.modelReset.connect(lambda m=model, st=stack: st.setCurrentIndex(0 if m.rowCount() else 1))
            bl = QVBoxLayout(box)
            bl.setContentsMargins(4, 4, 4, 4)
            bl.addWidget(stack)
            self.list_views[key] = view
            self.list_stacks[key] = stack
            lists.addWidget(box, stretch)

        body = QWidget()
        bl = QVBoxLayout(body)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addLayout(grid)
        bl.addLayout(charts, 5)
        bl.addLayout(lists, 4)
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
        """Recompute in the background; each part shows when it arrives."""
        if self.books is None:
            return []
        self._stale = False
        self._generation += 1
        generation, books = self._generation, self.books
        as_of, days, currency = self.as_of_date(), self.days(), self.chosen_currency()
        self._pending = {"figures", "trend", "forecast", "actions"}
        self._started = time.perf_counter()
        self.status.setText(self.tr("Computing…"))
        for card in self.cards.values():
            card.show_pending()
        jobs = (("figures", lambda _p: overview_service.overview_figures(books, as_of, days, currency)),
                ("trend", lambda _p: kpi_service.trend(books, as_of, days, currency)),
                ("forecast", lambda _p: cash_forecast(books, as_of, DEFAULT_WEEKS, currency)),
                ("actions", lambda _p: overview_service.overview_actions(books, as_of)))
        return [BackgroundTask(self, self.tr("Computing the overview…"), fn,
                               lambda result, part=part: self._arrived(generation, part, result), quiet=True).start()
                for part, fn in jobs]

    def _arrived(self, generation: int, part: str, result: Any) -> None:
        if generation != self._generation or self.books is None:
            return
        {"figures": self._show_figures, "trend": self._show_trend, "forecast": self._show_forecast,
         "actions": self._show_actions}[part](result)
        self._pending.discard(part)
        if not self._pending:
            self.status.setText(self.tr("Computed in {0:.1f} s").format(time.perf_counter() - self._started))
            self.loaded.emit()

    def _show_figures(self, f: overview_service.OverviewFigures) -> None:
        self.figures = f
        for m, card in self.cards.items():
            now, before = f.kpis.value(m), f.previous.value(m)
            card.show_value(now, before, change(m, now, before))
        total = sum(f.buckets.values())
        labels = [QCoreApplication.translate("Columns", t) for t in BUCKET_TEXT]
        self.aging_chart.set_bars([
            Bar(label, f.buckets[k], palette.BUCKET_TONES[i],
                self.tr("{0}: {1} ({2} of what is owed)").format(label, money_text(f.buckets[k]),
                                                                   _share(f.buckets[k], total)))
            for i, (k, label) in enumerate(zip(BUCKET_KEYS, labels, strict=True))])
        self.aging_numbers.set_rows([(label, f.buckets[k], _share(f.buckets[k], total))
                                     for k, label in zip(BUCKET_KEYS, labels, strict=True)],
                                    (self.tr("Total"), total, "100 %" if total else ""))
        self.largest.set_rows(f.largest_overdue)
        self.rates.set_rows(f.stale_rates)

    def _show_forecast(self, fc: Forecast) -> None:
        self.forecast = fc
        bars = [Bar(f"{s:%m-%d}", amount, palette.CHART_EXPECTED,
                    self.tr("Week from {0}: {1}").format(s.isoformat(), money_text(amount)))
                for s, amount in zip(fc.week_starts, fc.per_week, strict=True)]
        bars.append(Bar(self.tr("Later"), fc.later, palette.CHART_LATER,
                        self.tr("After {0}: {1}").format(fc.last_day.isoformat(), money_text(fc.later)), weight=1.5))
        bars.append(Bar(self.tr("Uncertain"), fc.uncertain, palette.CHART_UNCERTAIN,
                        self.tr("Disputed or with a legal or agency step: {0}").format(money_text(fc.uncertain)),
                        hatched=True, weight=2))
        self.forecast_chart.set_bars(bars)
        self.forecast_numbers.set_rows([(s.isoformat(), a) for s, a in zip(fc.week_starts, fc.per_week, strict=True)]
                                       + [(self.tr("Later"), fc.later), (self.tr("Uncertain"), fc.uncertain)],
                                       (self.tr("Total"), fc.total))

    def _show_trend(self, points: list[TrendPoint]) -> None:
        self.trend = points
        labels = [tr(MONTHS[p.day.month - 1]) for p in points]
        tips = [self.tr("{0}: DSO {1}, overdue {2} %").format(
            p.day.isoformat(), "–" if p.dso is None else amounts.number(p.dso), amounts.number(p.overdue_percent)) for p in points]
        self.trend_chart.set_data(labels, [
            Series(self.tr("DSO (days)"), tuple(p.dso for p in points), palette.CHART_DSO, "left", ""),
            Series(self.tr("Overdue share (%)"), tuple(p.overdue_percent for p in points),
                   palette.CHART_OVERDUE_SHARE, "right", " %", dashed=True, marker="square")], tips)
        self.trend_numbers.set_rows(points)

    def _show_actions(self, a: overview_service.OverviewActions) -> None:
        self.actions = a
        self.todo.set_rows(a.actions)
        self.reviews.set_rows(a.reviews)

    # -- the lists behind -------------------------------------------------------------------------
    def _is_today(self) -> bool:
        return self.books is not None and self.as_of_date() == self.books.today()

    def open_figure(self, metric: str) -> FigureListDialog | QMessageBox | None:
        if self.books is None or self.figures is None:
            return None
        f, k = self.figures, self.figures.kpis
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
            return self.open_cleared()
        return self.explain(metric)

    def open_invoices(self, which: str, title: str, as_of: dt.date | None = None) -> FigureListDialog:
        from ar_desktop.ui.dialogs.figure_list_dialog import FigureListDialog

        as_of = as_of or self.as_of_date()
        rows = overview_service.open_invoices(self.books, as_of, which, self.chosen_currency())
        total = sum((r.disputed_amount if which == "disputed" else r.open_amount for r in rows), start=0)
        columns = [RowColumn(QT_TRANSLATE_NOOP("Overview", "Invoice"), lambda r: r.number), RowColumn(QT_TRANSLATE_NOOP("Overview", "Customer"), lambda r: r.customer_name),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Issued"), lambda r: r.issue_date, "date"), RowColumn(QT_TRANSLATE_NOOP("Overview", "Due"), lambda r: r.due_date, "date"),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Days overdue"), lambda r: r.days_overdue if r.days_overdue > 0 else None, "int"),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Amount"), lambda r: r.amount, "money"), RowColumn(QT_TRANSLATE_NOOP("Overview", "Open"), lambda r: r.open_amount, "money"),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Disputed"), lambda r: r.disputed_amount or None, "money")]
        total_row = overview_service.OpenInvoice(self.tr("Total"), "", "", 0, None, None, 0, None,
                                                 total if which != "disputed" else None,
                                                 total if which == "disputed" else 0, "")
        subtitle = self.tr("{0} invoices open on {1}, {2} in all.").format(len(rows), as_of.isoformat(),
                                                                           money_text(total))
        d = FigureListDialog(self, title, subtitle, columns, rows, total_row,
                             tone=lambda r: palette.OVERDUE if r.days_overdue > 0 else None)
        d.open()
        return d

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
        from ar_desktop.ui.dialogs.figure_list_dialog import FigureListDialog

        if self.forecast is None:
            return None
        fc = self.forecast
        if index < len(fc.week_starts):
            rows = fc.receipts_in_week(index)
            start = fc.week_starts[index]
            title = self.tr("Expected in the week from {0}").format(start.isoformat())
        elif index == len(fc.week_starts):
            rows, title = fc.receipts_later(), self.tr("Expected after {0}").format(fc.last_day.isoformat())
        else:
            rows, title = fc.receipts_uncertain(), self.tr("Uncertain receipts")
        columns = [RowColumn(QT_TRANSLATE_NOOP("Overview", "Invoice"), lambda r: r.invoice_number), RowColumn(QT_TRANSLATE_NOOP("Overview", "Customer"), lambda r: r.customer_code),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Expected on"), lambda r: r.expected_on, "date"),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Why then"), lambda r: tr(BASIS_TEXT[r.basis]) if r.basis in BASIS_TEXT else ""),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Amount"), lambda r: r.amount, "money")]
        total = sum((r.amount for r in rows), start=0)
        subtitle = self.tr("{0} amounts, {1} in all.").format(len(rows), money_text(total))
        d = FigureListDialog(self, title, subtitle, columns, rows, buttons=())
        d.open()
        return d

    def open_cleared(self) -> FigureListDialog:
        from ar_desktop.ui.dialogs.figure_list_dialog import FigureListDialog

        k = self.figures.kpis
        rows = kpi_service.cleared_invoices(self.books, k.period.as_of, k.period.days, self.chosen_currency())
        columns = [RowColumn(QT_TRANSLATE_NOOP("Overview", "Invoice"), lambda r: r.number),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Issued"), lambda r: r.invoice.issue_date, "date"),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Due"), lambda r: r.invoice.due_date, "date"),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Paid in full on"), lambda r: r.invoice.cleared_on, "date"),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Days to pay"), lambda r: (r.invoice.cleared_on - r.invoice.issue_date).days, "int"),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Days late"), lambda r: max(0, (r.invoice.cleared_on - r.invoice.due_date).days), "int"),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Counted"), lambda r: self.tr("no: written off or credited") if r.invoice.by_adjustment
                             else self.tr("yes"))]
        subtitle = self.tr("Invoices paid in full from {0} to {1}: {2} counted; average {3} days to pay, "
                           "{4} days late.").format(k.period.first_day.isoformat(), k.period.as_of.isoformat(),
                                                    k.cleared_count, figure_text("x", k.average_days_to_pay),
                                                    figure_text("x", k.average_days_late))
        d = FigureListDialog(self, self.tr("Invoices paid in the period"), subtitle, columns, rows)
        d.open()
        return d

    def explain(self, metric: str) -> QMessageBox:
        k = self.figures.kpis
        p = k.period
        m = money_text
        lines = [self.tr("As of {0}, period of {1} days from {2}:").format(p.as_of.isoformat(), p.days,
                                                                         p.first_day.isoformat()),
                 self.tr("owed {0}, of which not yet due {1} and overdue {2};").format(m(k.total_ar), m(k.current_ar),
                                                                                      m(k.overdue_ar)),
                 self.tr("sales in the period {0}; owed at its start ({1}) {2}.").format(
                     m(k.sales), p.start.isoformat(), m(k.ar_start)), ""]
        if metric == "cei":
            lines.append(self.tr("CEI = 100 × (owed at the start + sales − owed) ÷ (owed at the start + sales − not "
                                 "yet due) = {0}").format(figure_text(metric, k.cei)))
        else:
            formula = {"dso": self.tr("DSO = owed ÷ sales × days = {0}"),
                       "best_possible_dso": self.tr("Best possible DSO = not yet due ÷ sales × days = {0}"),
                       "average_days_delinquent": self.tr("Average days delinquent = overdue ÷ sales × days = {0}")}
            lines.append(formula[metric].format(figure_text(metric, k.value(metric))))
        if k.sales == 0 and metric != "cei":
            lines.append(self.tr("There were no sales in the period, so the figure is left empty."))
        box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("Kpi", LABELS[metric]),
                          "\n".join(lines), QMessageBox.StandardButton.Close, self)
        owed = box.addButton(self.tr("Invoices owed…"), QMessageBox.ButtonRole.ActionRole)
        sold = box.addButton(self.tr("Invoices of the period…"), QMessageBox.ButtonRole.ActionRole)
        owed.clicked.connect(lambda: self.open_figure("total_ar"))
        sold.clicked.connect(lambda: self.open_figure("sales"))
        box.open()
        return box

    def open_largest(self, row: int) -> FigureListDialog | None:
        from ar_desktop.ui.dialogs.figure_list_dialog import FigureListDialog

        c = self.largest.row_at(row)
        if c is None:
            return None
        if self._is_today():
            self.navigate.emit(Navigate("invoices", "overdue", customer_id=c.customer_id))
            return None
        rows = [r for r in overview_service.open_invoices(self.books, self.as_of_date(), "overdue",
                                                          self.chosen_currency(), customer_id=c.customer_id)]
        d = FigureListDialog(self, f"{c.code} – {c.name}", self.tr("Overdue on {0}: {1}").format(
            self.as_of_date().isoformat(), money_text(c.overdue)),
            [RowColumn(QT_TRANSLATE_NOOP("Overview", "Invoice"), lambda r: r.number), RowColumn(QT_TRANSLATE_NOOP("Overview", "Due"), lambda r: r.due_date, "date"),
             RowColumn(QT_TRANSLATE_NOOP("Overview", "Days overdue"), lambda r: r.days_overdue, "int"),
             RowColumn(QT_TRANSLATE_NOOP("Overview", "Open"), lambda r: r.open_amount, "money")], rows)
        d.open()
        return d

    def open_action(self, row: int) -> None:
        a = self.todo.row_at(row)
        if a is not None:
            self.navigate.emit(Navigate("collections", filter_key=a.key))

    def open_review(self, row: int) -> None:
        r = self.reviews.row_at(row)
        if r is not None:
            self.navigate.emit(Navigate("collections", filter_key="review", customer_code=r.customer_code))

    def open_rates(self, row: int) -> None:
        if self.rates.row_at(row) is not None:
            self.navigate.emit(Navigate("rates"))


def _share(part, total) -> str:
    return f"{amounts.number(part * 100 / total)} %" if total else ""
