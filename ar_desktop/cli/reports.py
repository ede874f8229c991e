"""Figures, cash forecast and printed reports."""

from __future__ import annotations

from ar_desktop.cli.base import as_of_arg, command, open_books, write
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.figure_periods import DEFAULT_DAYS, DEFAULT_WEEKS   # (not domain.kpi, domain.forecast)


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

    # figures only read: no promise outcomes recorded on the way, no integrity check beside the work
    books = open_books(args, reading=True)
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

    # figures only read (as `kpi`): no outcomes recorded on the way, no integrity check beside the work
    books = open_books(args, reading=True)
    try:
        currency = report_currency(books, args.currency)
        f = cash_forecast(books, args.as_of, args.weeks, currency)
    finally:
        books.close()
    write(forecast_csv(f) if args.format == "csv" else forecast_table(f, currency))
    return 0


@command("report", "print a report to PDF: aging, statements, kpi, forecast, or the quarterly review")
def _report_args(p):
    p.add_argument("kind", choices=["aging", "statements", "kpi", "forecast", "review"])
    p.add_argument("--as-of", type=as_of_arg, metavar="YYYY-MM-DD", help="the date of the report (not for review)")
    p.add_argument("--quarter", metavar="YYYYQn", help="review: the quarter, e.g. 2026Q1")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument("--customer", metavar="CODE", help="aging, statements, review: only this customer")
    p.add_argument("--class", dest="credit_class", choices=["A", "B", "C"], help="aging, statements: one credit class")
    p.add_argument("--overdue-only", action="store_true", help="aging, statements: customers with overdue invoices")
    p.add_argument("--detail", action="store_true", help="aging: every open invoice under its customer")
    p.add_argument("--days", type=int, default=DEFAULT_DAYS, help=f"kpi: the period (default {DEFAULT_DAYS})")
    p.add_argument("--weeks", type=int, default=DEFAULT_WEEKS, help=f"forecast: weeks (default {DEFAULT_WEEKS})")
    p.add_argument("--currency", help="kpi, forecast: the currency (default the company's)")
    p.add_argument("--language", choices=["en", "zh"], default="en", help="the report's language (default en)")


@_report_args
def _report(args) -> int:
    from ar_desktop.services import reports

    if args.kind == "review":
        if not args.quarter:
            raise UserError("report review needs --quarter YYYYQn, e.g. --quarter 2026Q1.")
    elif args.as_of is None:
        raise UserError(f"report {args.kind} needs --as-of YYYY-MM-DD.")
    reports.check_pdf_path(args.out)   # before any work: a wrong --out is said at once
    books = open_books(args)
    try:
        common = {"language": args.language}
        filters = {"customer": args.customer, "credit_class": args.credit_class, "overdue_only": args.overdue_only}
        if args.kind == "aging":
            data = reports.aging_pdf(books, args.as_of, detail=args.detail, **filters, **common)
        elif args.kind == "statements":
            data = reports.statement_list_pdf(books, args.as_of, **filters, **common)
        elif args.kind == "kpi":
            data = reports.kpi_pdf(books, args.as_of, days=args.days, currency=args.currency, **common)
        elif args.kind == "forecast":
            data = reports.forecast_pdf(books, args.as_of, weeks=args.weeks, currency=args.currency, **common)
        else:
            from ar_desktop.services.review import review_pdf

            data = review_pdf(books, args.quarter, customer=args.customer, **common)
    finally:
        books.close()
    reports.save_pdf(args.out, data)
    print(f"wrote {args.out}")
    return 0
