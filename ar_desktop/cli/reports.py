"""Figures, cash forecast and printed reports."""

from __future__ import annotations

from ar_desktop.cli.base import as_of_arg, command, open_books, write
from ar_desktop.domain.forecast import DEFAULT_WEEKS
from ar_desktop.domain.kpi import DEFAULT_DAYS


def _figure_args(p, extra: str, default: int, help_text: str) -> None:
    p.add_argument("--as-of", type=as_of_arg, required=True, metavar="YYYY-MM-DD")
    p.add_argument(extra, type=int, default=default, help=f"{help_text} (default {default})")
    p.add_argument("--format", choices=["table", "csv"], default="table")
    p.add_argument("--currency", help="the currency to report (default the company's)")


@command("kpi", "receivables figures (DSO, CEI, overdue share...) as of a date")
def _kpi_args(p):
    _figure_args(p, "--days", DEFAULT_DAYS, "length of the period in days")


@_kpi_args
def _kpi(args) -> int:
    from ar_desktop.services.figure_formats import kpi_csv, kpi_table
    from ar_desktop.services.kpis import kpis, kpis_with_previous

    books = open_books(args)
    try:
        if args.format == "csv":
            text = kpi_csv(kpis(books, args.as_of, args.days, args.currency))
        else:
            text = kpi_table(*kpis_with_previous(books, args.as_of, args.days, args.currency))
    finally:
        books.close()
    write(text)
    return 0


@command("forecast", "expected receipts week by week from the day after a date")
def _forecast_args(p):
    _figure_args(p, "--weeks", DEFAULT_WEEKS, "number of weeks")


@_forecast_args
def _forecast(args) -> int:
    from ar_desktop.services.figure_formats import forecast_csv, forecast_table
    from ar_desktop.services.forecast import cash_forecast
    from ar_desktop.services.kpis import report_currency

    books = open_books(args)
    try:
        currency = report_currency(books, args.currency)
        f = cash_forecast(books, args.as_of, args.weeks, currency)
    finally:
        books.close()
    write(forecast_csv(f) if args.format == "csv" else forecast_table(f, currency))
    return 0
