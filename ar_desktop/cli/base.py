"""Command registry, argument parsing and the exit-code contract of the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from ar_desktop import __version__
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.records import parse_date

if TYPE_CHECKING:
    from ar_desktop.services.context import Books

EXIT_USER_ERROR = 1
EXIT_BUG = 70
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a writer whose reader left

Command = Callable[[argparse.Namespace], int]
_COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Command]] = {}


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


def as_of_and_format(p: argparse.ArgumentParser) -> None:
    """The arguments of a report printed on the terminal: its day (required) and table or CSV."""
    p.add_argument("--as-of", type=as_of_arg, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--format", choices=["table", "csv"], default="table")


def open_books(args, *, reading: bool = False) -> Books:
    """The company file of ``--db``. ``reading``: the command only reads (figures): the file is
    recognised, locked and upgraded as for any command, but the promise and plan outcomes are not
    recorded on the way and the background check waits for a write (services.company_file)."""
    from ar_desktop.services.company_file import open_company
    from ar_desktop.storage.opening import OpeningWatch, long_opening

    watch = OpeningWatch(_say_step) if args.db and long_opening(args.db) else None
    return open_company(args.db, record_outcomes=not reading, reading=reading, watch=watch)


def _say_step(text, done: int, total: int) -> None:
    """A long opening (a full check, an upgrade) says each step once on stderr, so that a minute's upgrade of
    a big file is not taken for a hang; stdout stays the command's own."""
    line = str(text)
    if line != getattr(_say_step, "last", None):
        _say_step.last = line
        print(line, file=sys.stderr, flush=True)


T = TypeVar("T")


def with_books(args, use: Callable[[Books], T]) -> T:
    """Open the company file of ``--db``, run ``use`` on it and close it, whatever happens: what
    most commands do between reading their arguments and printing what was done."""
    books = open_books(args)
    try:
        return use(books)
    finally:
        books.close()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        # The contract: one line on stderr saying what is wrong.
        self.exit(2, f"error: {message} (see: {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="ar-desktop", description="AR Desktop: receivables and collections.")
    p.add_argument("--version", action="version", version=f"AR Desktop {__version__}")
    p.add_argument("--db", metavar="FILE", help="the company file (.ardb)")
    p.add_argument("--open", metavar="FILE", help="start the window on this company file")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (help_text, add_arguments, _run) in _COMMANDS.items():
        sp = sub.add_parser(name, help=help_text, description=help_text)
        add_arguments(sp)
    return p


def run(argv: Sequence[str], parser: argparse.ArgumentParser | None = None) -> int:
    """Run the command ``argv`` names (``parser``: ``build_parser()``'s, when the caller has built it)."""
    parser = parser or build_parser()
    args = parser.parse_args(list(argv))
    if not args.command:
        parser.error("no command given")
    if not args.db:
        parser.error(f"'{args.command}' needs the company file: ar-desktop --db FILE {args.command} ...")
    try:
        code = _COMMANDS[args.command][2](args)
        sys.stdout.flush()  # here, so that a reader that went away is noticed here
        return code
    except UserError as e:
        print(f"error: {' '.join(str(e).split())}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("error: interrupted; nothing half-written was kept", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (`... | head -1`): the work is done, the rest of the output has nowhere to go
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as e:  # a bug: say so plainly, keep the traceback for the report
        import traceback

        traceback.print_exc()
        print(f"error: internal error ({type(e).__name__}: {e}); nothing was changed. Please report this.",
              file=sys.stderr)
        return EXIT_BUG


def date_cell(value) -> str:
    """A date as a CSV or table cell: ISO, or empty when there is none."""
    return value.isoformat() if value else ""


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    import csv
    import io

    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return out.getvalue()


def write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's own flush at exit does not fail a second time."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
