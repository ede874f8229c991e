"""Company files, import and the aging report."""

from __future__ import annotations

from ar_desktop.cli.base import as_of_and_format, command, open_books, with_books, write


@command("init", "create a new, empty company file")
def _init_args(p):
    p.add_argument("--company", required=True, help="the company's legal name")
    p.add_argument("--currency", default="EUR", help="default currency (ISO code), default EUR")
    p.add_argument("--country", default="", help="two-letter country code, e.g. DE")


@_init_args
def _init(args) -> int:
    from ar_desktop.services.company_file import create_company

    create_company(args.db, args.company, args.currency, args.country).close()
    print(f"created {args.db}")
    return 0


@command("demo", "build the sample company (dated around today) in a new file")
def _demo_args(p):
    pass


@_demo_args
def _demo(args) -> int:
    from ar_desktop.services.demo import build_demo

    build_demo(args.db).close()
    print(f"created sample company in {args.db}")
    return 0


@command("import", "import customers, invoices or payments from a CSV or .xlsx file (all rows or none)")
def _import_args(p):
    from ar_desktop.domain.dates import DATE_FORMATS
    from ar_desktop.domain.money import DEFAULT_FORMAT, NUMBER_FORMATS

    p.add_argument("kind", choices=["customers", "invoices", "payments"])
    p.add_argument("file", metavar="CSV_OR_XLSX", help="the columns are named as the export writes them")
    p.add_argument("--sheet", metavar="NAME", help=".xlsx: the sheet to read (default the first)")
    p.add_argument("--mode", choices=["refuse", "skip", "update"], default="refuse",
                   help="rows whose code, number or payment is already in the books: refuse the file (default), "
                        "skip them, or update them")
    p.add_argument("--dates", choices=list(DATE_FORMATS), default="YYYY-MM-DD", help="how dates are written")
    p.add_argument("--numbers", choices=list(NUMBER_FORMATS), default=DEFAULT_FORMAT.key,
                   help="how amounts are written (default point-comma: 1,234.56 or 1234.56)")
    p.add_argument("--create-customers", action="store_true",
                   help="invoices: create the customers the file names but the books do not have")


@_import_args
def _import(args) -> int:
    from ar_desktop.services.importing import import_file

    books = open_books(args)
    try:
        report = import_file(books, args.kind, args.file, sheet=args.sheet, mode=args.mode, date_format=args.dates,
                             number_format=args.numbers, create_customers=args.create_customers)
    finally:
        books.close()
    if report.notice is not None:
        import sys

        print(f"note: {report.notice}", file=sys.stderr)
    print(report.summary())
    return 0


@command("aging", "aging report as of a date")
def _aging_args(p):
    as_of_and_format(p)


@_aging_args
def _aging(args) -> int:
    from ar_desktop.services.aging import aging_report
    from ar_desktop.services.report_formats import aging_csv, aging_table

    blocks = with_books(args, lambda b: aging_report(b, args.as_of))
    write(aging_csv(blocks) if args.format == "csv" else aging_table(blocks))
    return 0
