"""The figures and the cash forecast as CSV text and as a plain-text table (the CSV is a contract:
docs/command-line.md)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

from ar_desktop.domain.forecast import Forecast
from ar_desktop.domain.kpi import AMOUNTS, LABELS, METRICS, Kpis, change
from ar_desktop.services.report_formats import table

KPI_HEADER = ["metric", "value"]
FORECAST_HEADER = ["week_start", "expected"]


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def figure_text(value: Decimal | None) -> str:
    """Exact text of a figure as rounded: '' when undefined."""
    return "" if value is None else str(value)


def kpi_csv(kpis: Kpis) -> str:
    return _csv([KPI_HEADER, *([m, figure_text(v)] for m, v in kpis.values().items())])


def _shown(metric: str, value: Decimal | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.2f}" if metric in AMOUNTS else f"{value:,.1f}"


def kpi_table(kpis: Kpis, previous: Kpis | None = None) -> str:
    p = kpis.period
    head = (f"Receivables figures as of {p.as_of.isoformat()} in {kpis.currency}; period of {p.days} days "
            f"({p.first_day.isoformat()} to {p.as_of.isoformat()})\n\n")
    header = ["Figure", "Value"] + (["Previous period", "Change"] if previous else [])
    rows = []
    for m in METRICS:
        value = kpis.value(m)
        row = [str(LABELS[m]), _shown(m, value)]
        if previous is not None:
            before = previous.value(m)
            c = change(m, value, before)
            row += [_shown(m, before), "" if c.difference is None else
                    ("+" if c.difference > 0 else "") + _shown(m, c.difference)]
        rows.append(row)
    return head + table(header, rows, {1, 2, 3})


def forecast_csv(f: Forecast) -> str:
    rows = [FORECAST_HEADER]
    rows += [[start.isoformat(), f"{amount:.2f}"] for start, amount in zip(f.week_starts, f.per_week, strict=True)]
    rows += [["UNCERTAIN", f"{f.uncertain:.2f}"], ["LATER", f"{f.later:.2f}"], ["TOTAL", f"{f.total:.2f}"]]
    return _csv(rows)


def forecast_table(f: Forecast, currency: str) -> str:
    head = (f"Expected receipts as of {f.as_of.isoformat()} in {currency}, week by week from "
            f"{(f.as_of + dt.timedelta(days=1)).isoformat()}\n\n")
    rows = [[f"{start.isoformat()} to {(start + dt.timedelta(days=6)).isoformat()}", f"{amount:,.2f}"]
            for start, amount in zip(f.week_starts, f.per_week, strict=True)]
    rows += [[f"Later (after {f.last_day.isoformat()})", f"{f.later:,.2f}"],
             ["Uncertain (disputed, legal action or agency)", f"{f.uncertain:,.2f}"],
             ["Total (= total owed)", f"{f.total:,.2f}"]]
    return head + table(["Week", "Expected"], rows, {1})
