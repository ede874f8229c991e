"""The Invoices and Customers lists, search and the customer picker on a big company file, before and after a
change: prints a table side by side from one run (not a test).

    .venv/bin/python benchmarks/list_speed.py --file PATH --before REV [--repeat 3] [--keep] [--after-file PATH]

Each side runs in its own child process with its own code first on ``sys.path``: "before" is the git revision
REV checked out in a temporary worktree and opens a temporary copy of ``--file`` (which must have REV's
schema); "after" is this checkout and opens another copy, upgraded by this checkout first (the upgrade is
timed: it builds the lists' indexes and search tables), or ``--after-file``, a copy this checkout already upgraded,
opened in place (then the after side's figures are not taken in the process that just ran the upgrade, with what
the upgrade left in its memory). ``--file`` itself is never written. A list figure is
what the window waits for: the count of rows (the scroll bar) and the first page of 200 rows with their
values, through the same service calls the tabs make; a jump is the page in the middle of the list. The
last rows give SQLite's floor: the plain queries in the sqlite3 module on the upgraded copy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from sides import ROOT, Timings, before_tree, ms, run_side, use_checkout

PAGE = 200
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# ---- what is timed (in a child process whose code comes first on sys.path) ----------------------

def list_figures(path: Path, t: Timings) -> None:
    from ar_desktop.services import customers as customer_service
    from ar_desktop.services import invoicing
    from ar_desktop.services.company_file import open_company
    from ar_desktop.storage.invoices_repo import InvoiceFilter

    books = open_company(path)
    try:
        today = books.today()

        def shown(f, sort="due_date", desc=False, middle=False):
            """What the Invoices tab waits for: the count, then a page of rows (the first, or the middle one)."""
            ids = invoicing.invoice_ids(books, f, sort=sort, descending=desc)
            n = len(ids)
            start = (n // 2) // PAGE * PAGE if middle else 0
            invoicing.invoice_rows(books, ids[start:start + PAGE])
            return n

        rows = lambda n: f"{n:,} rows"  # noqa: E731
        everything = InvoiceFilter(status="all")
        for key in ("number", "customer", "issue_date", "due_date", "amount", "paid", "open_amount", "currency",
                    "status"):
            t.measure(f"invoices: all, by {key}", lambda k=key: shown(everything, k), note=rows)
        t.measure("invoices: all, by amount descending", lambda: shown(everything, "amount", True))
        t.measure("invoices: all, by customer descending", lambda: shown(everything, "customer", True))
        t.measure("invoices: all by due date, jump to the middle page", lambda: shown(everything, middle=True))
        t.measure("invoices: all by customer, jump to the middle page",
                  lambda: shown(everything, "customer", middle=True))
        t.measure("invoices: open by due date (the tab's default)", lambda: shown(InvoiceFilter(status="open")),
                  note=rows)
        t.measure("invoices: open by number", lambda: shown(InvoiceFilter(status="open"), "number"))
        t.measure("invoices: open by customer", lambda: shown(InvoiceFilter(status="open"), "customer"))
        t.measure("invoices: overdue by amount descending", lambda: shown(InvoiceFilter(status="overdue"), "amount",
                                                                          True), note=rows)
        biggest = _biggest_customer(books)
        t.measure("invoices: one customer (the largest), by number", lambda: shown(InvoiceFilter(customer_id=biggest),
                                                                                  "number"), note=rows)
        t.measure("invoices: issued in the last 30 days, by customer",
                  lambda: shown(InvoiceFilter(date_from=today - dt.timedelta(days=30), date_to=today), "customer"),
                  note=rows)
        number = _some_number(books)
        for label, term in (("a customer's name 'Müller'", "Müller"), ("an invoice number", number),
                            ("a reference 'PO-1234'", "PO-1234"), ("two letters 'zh'", "zh")):
            t.measure(f"invoices: search {label}", lambda s=term: shown(InvoiceFilter(search=s)), note=rows)
        t.measure("invoices: totals under the list (all)",
                  lambda: invoicing.invoice_totals(books, everything), note=lambda r: f"{r.count:,} invoices")
        t.measure("invoices: totals under the list (open)", lambda: invoicing.invoice_totals(
            books, InvoiceFilter(status="open")))

        def customers(**kw):
            ids = customer_service.customer_ids(books, **kw)
            customer_service.customer_rows(books, ids[:PAGE])
            return len(ids)

        t.measure("customers: by code", customers, note=rows)
        t.measure("customers: by open balance, descending", lambda: customers(sort="open_balance", descending=True))
        t.measure("customers: overdue only, by days overdue",
                  lambda: customers(only_overdue=True, sort="oldest_days_overdue"), note=rows)
        t.measure("customers: search 'müller'", lambda: customers(search="müller"), note=rows)
        picker = getattr(customer_service, "customer_picker", customer_service.customer_choices)
        t.measure("customer picker with balances", lambda: picker(books), note=lambda c: f"{len(c):,} customers")
        _scrolling(books, t)
    finally:
        books.close()


def _scrolling(books, t: Timings) -> None:
    """The Invoices tab's model: a reload, then 50 random pages painted (a scroll bar dragged about)."""
    from PySide6.QtWidgets import QApplication

    from ar_desktop.services import invoicing
    from ar_desktop.storage.invoices_repo import InvoiceFilter
    from ar_desktop.ui.columns import InvoiceColumns
    from ar_desktop.ui.table_models import PagedTableModel

    _app = QApplication.instance() or QApplication([sys.argv[0]])
    cols = InvoiceColumns(books.today)
    model = PagedTableModel(cols.columns(), lambda sort, desc: invoicing.invoice_ids(
        books, InvoiceFilter(status="all"), sort=sort, descending=desc),
        lambda chunk: invoicing.invoice_rows(books, chunk), cols.tone, "due_date")
    t.measure("model: reload, all invoices by due date", model.reload)
    amount = next(n for n, c in enumerate(model.columns) if c.key == "amount")
    t.measure("model: sort by amount (header clicked)", lambda: model.sort(amount))
    rng = random.Random(7)

    def scroll():
        model.reload()
        for _ in range(50):
            row = rng.randrange(model.rowCount())
            for c in range(model.columnCount()):  # what painting the row asks for
                model.data(model.index(row, c))

    t.measure("model: 50 random pages painted", scroll)


def _some_number(books) -> str:
    """A real invoice number from the middle of the file, without its last two digits (matches ~100)."""
    with books.db.session() as s:
        from sqlalchemy import text

        number = s.execute(text("SELECT number FROM invoice WHERE id = (SELECT max(id) / 2 FROM invoice)")).scalar()
    return number[:-2]


def _biggest_customer(books) -> int:
    with books.db.session() as s:
        from sqlalchemy import text

        return s.execute(text("SELECT customer_id FROM invoice GROUP BY customer_id ORDER BY count(*) DESC "
                              "LIMIT 1")).scalar()


def floor_figures(path: Path, t: Timings) -> None:
    """SQLite alone (the sqlite3 module, as the shell would run it) on the upgraded file."""
    con = sqlite3.connect(path)
    run = lambda sql, *a: (lambda: con.execute(sql, a).fetchall())  # noqa: E731
    t.measure("SQLite floor: count of all invoices", run("SELECT count(*) FROM invoice"))
    t.measure("SQLite floor: 200 ids by amount", run("SELECT id FROM invoice ORDER BY amount, id LIMIT 200"))
    t.measure("SQLite floor: 200 ids by amount at row 500,000",
              run("SELECT id FROM invoice ORDER BY amount, id LIMIT 200 OFFSET 500000"))
    t.measure("SQLite floor: invoices whose customer matches 'müller' (FTS5)",
              run("SELECT count(*) FROM invoice WHERE customer_id IN (SELECT rowid FROM customer_search WHERE "
                  "customer_search MATCH '\"müller\"')"))
    con.close()


def child(src: Path, path: Path, repeat: int, floor: bool, upgrade: bool) -> dict:
    use_checkout(src)
    t = Timings(repeat)
    if upgrade:  # the upgrade, timed once (it is what opening the file with the new version does first)
        from ar_desktop.services.company_file import open_company

        t.measure("upgrade of the file (lists' indexes and search tables)", lambda: open_company(path).close(),
                  repeat=1)
    list_figures(path, t)
    t.rows["peak memory of the process"] = (None, None, f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    if floor:
        floor_figures(path, t)
    return t.rows


# ---- the parent: one child per side, the table ---------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--file", type=Path, required=True, help="a company file with the schema of --before")
    p.add_argument("--before", help="git revision to time as 'before' (required)")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--keep", action="store_true", help="keep the two copies (in the temporary folder)")
    p.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--after-file", type=Path, help="a copy this checkout already upgraded (opened in place)")
    p.add_argument("--floor", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--upgrade", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.file, args.repeat, args.floor, args.upgrade)))
        return 0
    if not args.before:
        p.error("--before REV is required: the revision to compare with")
    source = args.file.resolve()
    work = Path(tempfile.mkdtemp(prefix="ar-list-bench-"))
    try:
        sides = {}
        for name, src, floor in ((f"before ({args.before})", before_tree(args.before), False),
                                 ("after (this checkout)", ROOT, True)):
            if floor and args.after_file:
                copy, flags = args.after_file.resolve(), ["--floor"]
            else:
                copy, flags = work / f"{'after' if floor else 'before'}.ardb", ["--floor", "--upgrade"] if floor else []
                shutil.copyfile(source, copy)
            sides[name] = run_side(__file__, name, src, copy, args.repeat, *flags)
            size = copy.stat().st_size / 1e6
            sides[name]["file size after the run"] = (None, None, f"{size:,.0f} MB")
        print(f"\n{source} ({source.stat().st_size / 1e6:,.0f} MB), {args.repeat} runs each: median (first)\n")
        names = list(sides)
        print("| Operation | " + " | ".join(names) + " | |")
        print("|---|" + "---:|" * len(names) + "---|")
        labels = list(dict.fromkeys(label for side in sides.values() for label in side))
        for label in labels:
            cells, notes = [], []
            for n in names:
                first, median, note, *_cpu = sides[n].get(label, (None, None, ""))
                cells.append(f"{ms(median)} ({ms(first)})" if median is not None else note)
                if median is not None and note:
                    notes.append(note)
            print(f"| {label} | " + " | ".join(cells) + f" | {' / '.join(dict.fromkeys(notes))} |")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
