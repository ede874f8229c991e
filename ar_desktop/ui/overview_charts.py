"""The Overview's three charts, each with its numbers one click away: aging by bucket, DSO and the overdue share
at month-ends, and the receipts expected by week. A bar or point clicked asks for the list behind it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from ar_desktop.domain.aging import BUCKET_KEYS
from ar_desktop.domain.forecast import Forecast
from ar_desktop.domain.kpi import TrendPoint
from ar_desktop.ui import amounts, palette
from ar_desktop.ui.aging_view import BUCKET_TEXT
from ar_desktop.ui.charts import Bar, BarChart, ChartPanel, LineChart, Series
from ar_desktop.ui.rows_model import RowColumn, RowsModel
from ar_desktop.ui.table_models import money_text

MONTHS = (QT_TRANSLATE_NOOP("Overview", "Jan"), QT_TRANSLATE_NOOP("Overview", "Feb"),
          QT_TRANSLATE_NOOP("Overview", "Mar"), QT_TRANSLATE_NOOP("Overview", "Apr"),
          QT_TRANSLATE_NOOP("Overview", "May"), QT_TRANSLATE_NOOP("Overview", "Jun"),
          QT_TRANSLATE_NOOP("Overview", "Jul"), QT_TRANSLATE_NOOP("Overview", "Aug"),
          QT_TRANSLATE_NOOP("Overview", "Sep"), QT_TRANSLATE_NOOP("Overview", "Oct"),
          QT_TRANSLATE_NOOP("Overview", "Nov"), QT_TRANSLATE_NOOP("Overview", "Dec"))


class OverviewCharts(QWidget):
    """Aging, trend and forecast side by side."""

    bucket_opened = Signal(str)     # an aging bucket's key
    month_opened = Signal(int)      # the index of a month-end of the trend
    week_opened = Signal(int)       # the index of a forecast bar (the weeks, then "Later", then "Uncertain")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.aging_chart = BarChart()
        self.aging_chart.setObjectName("aging_chart")
        self.aging_chart.activated.connect(lambda i: self.bucket_opened.emit(BUCKET_KEYS[i]))
        self.aging_numbers = RowsModel([RowColumn(QT_TRANSLATE_NOOP("Overview", "Age"), lambda r: r[0]),
                                        RowColumn(QT_TRANSLATE_NOOP("Overview", "Owed"), lambda r: r[1], "money"),
                                        RowColumn(QT_TRANSLATE_NOOP("Overview", "Share"), lambda r: r[2])], self)
        self.trend_chart = LineChart()
        self.trend_chart.setObjectName("trend_chart")
        self.trend_chart.activated.connect(self.month_opened)
        self.trend_numbers = RowsModel([RowColumn(QT_TRANSLATE_NOOP("Overview", "Month-end"), lambda p: p.day, "date"),
                                        RowColumn(QT_TRANSLATE_NOOP("Overview", "DSO (days)"), lambda p: p.dso, "number"),
                                        RowColumn(QT_TRANSLATE_NOOP("Overview", "Overdue share (%)"),
                                                  lambda p: p.overdue_percent, "number"),
                                        RowColumn(QT_TRANSLATE_NOOP("Overview", "Owed"), lambda p: p.total_ar, "money"),
                                        RowColumn(QT_TRANSLATE_NOOP("Overview", "Sales in the period"),
                                                  lambda p: p.sales, "money")], self)
        self.forecast_chart = BarChart()
        self.forecast_chart.setObjectName("forecast_chart")
        self.forecast_chart.activated.connect(self.week_opened)
        self.forecast_numbers = RowsModel([RowColumn(QT_TRANSLATE_NOOP("Overview", "Week from"), lambda r: r[0]),
                                           RowColumn(QT_TRANSLATE_NOOP("Overview", "Expected"), lambda r: r[1], "money")],
                                          self)
        self.aging_panel = ChartPanel(self.tr("Aging"), self.aging_chart, self.aging_numbers)
        self.trend_panel = ChartPanel(self.tr("DSO and overdue share at month-ends"), self.trend_chart,
                                      self.trend_numbers)
        self.forecast_panel = ChartPanel(self.tr("Expected receipts by week"), self.forecast_chart,
                                         self.forecast_numbers)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for panel, stretch in ((self.aging_panel, 3), (self.trend_panel, 4), (self.forecast_panel, 5)):
            row.addWidget(panel, stretch)

    def show_aging(self, buckets: dict[str, object]) -> None:
        total = sum(buckets.values())
        labels = [QCoreApplication.translate("Columns", t) for t in BUCKET_TEXT]
        self.aging_chart.set_bars([
            Bar(label, buckets[k], palette.BUCKET_TONES[i],
                self.tr("{0}: {1} ({2} of what is owed)").format(label, money_text(buckets[k]),
                                                                   _share(buckets[k], total)))
            for i, (k, label) in enumerate(zip(BUCKET_KEYS, labels, strict=True))])
        self.aging_numbers.set_rows([(label, buckets[k], _share(buckets[k], total))
                                     for k, label in zip(BUCKET_KEYS, labels, strict=True)],
                                    (self.tr("Total"), total, "100 %" if total else ""))

    def show_trend(self, points: list[TrendPoint]) -> None:
        labels = [QCoreApplication.translate("Overview", MONTHS[p.day.month - 1]) for p in points]
        tips = [self.tr("{0}: DSO {1}, overdue {2} %").format(
            p.day.isoformat(), "–" if p.dso is None else amounts.number(p.dso), amounts.number(p.overdue_percent))
            for p in points]
        self.trend_chart.set_data(labels, [
            Series(self.tr("DSO (days)"), tuple(p.dso for p in points), palette.CHART_DSO, "left", ""),
            Series(self.tr("Overdue share (%)"), tuple(p.overdue_percent for p in points),
                   palette.CHART_OVERDUE_SHARE, "right", " %", dashed=True, marker="square")], tips)
        self.trend_numbers.set_rows(points)

    def show_forecast(self, fc: Forecast) -> None:
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


def _share(part, total) -> str:
    return f"{amounts.number(part * 100 / total)} %" if total else ""
