"""The command line: the same services as the window, no display needed.

Exit code 0 on success; otherwise a one-line reason on stderr and a non-zero code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from ar_desktop import __version__
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.records import parse_date
from ar_desktop.services.context import Books

EXIT_USER_ERROR = 1
EXIT_BUG = 70

Command = Callable[[argparse.Namespace], int]
_COMMANDS: dict[str, tuple[Callable[[argparse.ArgumentParser], None], Command]] = {}


def command(name: str, help_text: str):
    """Register a subcommand: the decorated function adds its arguments; ``run`` does the work."""

    def wrap(add_arguments):
        def register(run: Command) -> Command:
            _COMMANDS[name] = (help_text, add_arguments, run)
            return run
        return register
    return wrap


def as_of_arg(text: str):
    try:
        return parse_date(text, "as-of date")
    except UserError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _open(args) -> Books:
    from ar_desktop.services.company_file import open_company

    return open_company(args.db)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="ar-desktop", description="AR Desktop: receivables and collections.")
    p.add_argument("--version", action="version", version=f"AR Desktop {__version__}")
    p.add_argument("--db", metavar="FILE", help="the company file (.ardb)")
    p.add_argument("--open", metavar="FILE", help="start the window on this company file")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_text, add_arguments, _run) in _COMMANDS.items():
        sp = sub.add_parser(name, help=help_text, description=help_text)
        add_arguments(sp)
    return p


def run(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if not args.command:
        parser.error("no command given")
    if not args.db:
        parser.error(f"'{args.command}' needs the company file: ar-desktop --db FILE {args.command} ...")
    try:
        return _COMMANDS[args.command][2](args)
    except UserError as e:
        print(f"error: {' '.join(str(e).split())}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("error: interrupted; nothing half-written was kept", file=sys.stderr)
        return 130
    except Exception as e:  # a bug: say so plainly, keep the traceback for the report
        import traceback

        traceback.print_exc()
        print(f"error: internal error ({type(e).__name__}: {e}); nothing was changed. Please report this.",
              file=sys.stderr)
        return EXIT_BUG


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


# ---- commands -------------------------------------------------------------------------------

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


@command("import", "import customers, invoices or payments from a CSV file (all rows or none)")
def _import_args(p):
    p.add_argument("kind", choices=["customers", "invoices", "payments"])
    p.add_argument("csv", metavar="CSV")


@_import_args
def _import(args) -> int:
    from ar_desktop.services.imports import import_csv

    books = _open(args)
    try:
        n = import_csv(books, args.kind, args.csv)
    finally:
        books.close()
    print(f"imported {n} {args.kind}")
    return 0


@command("aging", "aging report as of a date")
def _aging_args(p):
    p.add_argument("--as-of", type=as_of_arg, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--format", choices=["table", "csv"], default="table")


@_aging_args
def _aging(args) -> int:
    from ar_desktop.services.aging import aging_report
    from ar_desktop.services.report_formats import aging_csv, aging_table

    books = _open(args)
    try:
        blocks = aging_report(books, args.as_of)
    finally:
        books.close()
    _write(aging_csv(blocks) if args.format == "csv" else aging_table(blocks))
    return 0
