"""How AR Desktop behaves on a big company file: prints a table of timings (not a test).

    .venv/bin/python benchmarks/big_file.py [--invoices 1000000] [--file PATH] [--repeat 3] [--no-gui]
    .venv/bin/python benchmarks/big_file.py --file PATH --before REV [--window-runs 3]

The file is built first (benchmarks/build_big_file.py) when it does not exist. Every figure goes
through the same service and model calls the window makes, on the system clock's today. Each
operation runs ``--repeat`` times; the table shows the first run (cold connection cache) and the
median. The window figures come from a child process, so its peak memory is the window's alone.

With ``--before REV`` only the window is timed, before (git revision REV, in a temporary worktree) and after
(this checkout) side by side: each side opens its own copy of ``--file`` (never written itself; it must
have the schema of both), opened and closed once first so that it was closed cleanly, then
``--window-runs`` fresh processes each time the window to shown with the file, and the cold open and close
of the company file. Wall time is the median; CPU (user + sys) is the median of the child processes.
See docs/benchmarks.md for what each line measures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if "--src" in sys.argv:  # a side's child process (--before): that side's code first (benchmarks/sides.py)
    sys.path.insert(0, sys.argv[sys.argv.index("--src") + 1])
    import ar_desktop  # noqa: F401 - this side's package, before build_big_file puts this checkout first
else:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from build_big_file import DEFAULT_INVOICES  # noqa: E402
from sides import Timings, big_file, ms  # noqa: E402

from ar_desktop.services import customers as customer_service  # noqa: E402
from ar_desktop.services import invoicing  # noqa: E402
from ar_desktop.services.aging import aging_report  # noqa: E402
from ar_desktop.services.company_file import open_company  # noqa: E402
from ar_desktop.storage.invoices_repo import InvoiceFilter  # noqa: E402

PAGE = 200


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class Table(Timings):
    """The timings as a table on stdout (and as Markdown), in the order measured."""

    def show(self, label: str) -> None:
        first, median, text, cpu = self.rows[label]
        print(f"  {label:<52} {ms(first):>10} {ms(median):>10} {ms(cpu):>10}  {text}", flush=True)

    def add(self, label: str, seconds: float | None, text: str = "") -> None:
        """A figure measured once (or not a time at all, when ``seconds`` is None)."""
        self.rows[label] = (seconds, None, text, None)
        self.show(label)

    def markdown(self) -> str:
        out = ["| Operation | first | median | median CPU | |", "|---|---:|---:|---:|---|"]
        for label, (first, median, text, cpu) in self.rows.items():
            out.append(f"| {label} | {ms(first)} | {ms(median)} | {ms(cpu)} | {text} |")
        return "\n".join(out)


def _count(ids) -> str:
    return f"{len(ids):,} rows"


def service_figures(path: Path, t: Table) -> None:
    def opened():
        books = open_company(path)
        books.close()

    t.measure("open company file (open_company + close)", opened)
    books = open_company(path)
    try:
        _lists(books, t)
        _reports(books, t)
    finally:
        books.close()


def _lists(books, t: Table) -> None:
    today = books.today()
    # Customers tab: ids in SQL order, then the first page of rows with balances.
    ids = t.measure("customers: ids by code", lambda: customer_service.customer_ids(books), note=_count)
    t.measure("customers: first page (200 rows with balances)",
              lambda: customer_service.customer_rows(books, ids[:PAGE]))
    t.measure("customers: ids by open balance, descending",
              lambda: customer_service.customer_ids(books, sort="open_balance", descending=True))
    t.measure("customers: overdue only, by days overdue",
              lambda: customer_service.customer_ids(books, only_overdue=True, sort="oldest_days_overdue"),
              note=_count)
    t.measure("customers: search 'müller'", lambda: customer_service.customer_ids(books, search="müller"), note=_count)
    t.measure("customer picker (all customers with balances)", lambda: customer_service.customer_choices(books),
              note=_count)

    everything = InvoiceFilter(status="all")
    for label, sort, desc in (("due date", "due_date", False), ("amount, descending", "amount", True),
                              ("customer name", "customer", False), ("status", "status", False)):
        ids = t.measure(f"invoices: all ids by {label}",
                        lambda s=sort, d=desc: invoicing.invoice_ids(books, everything, sort=s, descending=d),
                        note=_count)
    ids = invoicing.invoice_ids(books, everything, sort="due_date")
    t.measure("invoices: open ids by due date (window default)",
              lambda: invoicing.invoice_ids(books, InvoiceFilter(status="open")), note=_count)
    t.measure("invoices: first page (200 rows)", lambda: invoicing.invoice_rows(books, ids[:PAGE]))
    _scrolling(books, ids, t)

    biggest = _biggest_customer(books)
    month_ago = today - dt.timedelta(days=30)
    filters = (("overdue", InvoiceFilter(status="overdue")),
               ("one customer (the largest)", InvoiceFilter(customer_id=biggest)),
               ("issued in the last 30 days", InvoiceFilter(date_from=month_ago, date_to=today)),
               ("one customer, open, last year", InvoiceFilter(status="open", customer_id=biggest,
                                                              date_from=today - dt.timedelta(days=365))),
               ("search 'Müller'", InvoiceFilter(search="Müller")),
               ("search an invoice number", InvoiceFilter(search=_some_number(books, ids))))
    for label, f in filters:
        t.measure(f"invoices: filter {label}", lambda f=f: invoicing.invoice_ids(books, f), note=_count)
    t.measure("invoices: totals under the list (all)", lambda: invoicing.invoice_totals(books, everything),
              note=lambda r: f"{r.count:,} invoices")
    for label, f in filters[:3]:
        t.measure(f"invoices: totals, filter {label}", lambda f=f: invoicing.invoice_totals(books, f))


def _scrolling(books, ids: list[int], t: Table) -> None:
    from PySide6.QtWidgets import QApplication

    from ar_desktop.ui.columns import InvoiceColumns
    from ar_desktop.ui.table_models import PagedTableModel

    _app = QApplication.instance() or QApplication([sys.argv[0]])
    cols = InvoiceColumns(books.today)
    model = PagedTableModel(cols.columns(), lambda sort, desc: invoicing.invoice_ids(
        books, InvoiceFilter(status="all"), sort=sort, descending=desc),
        lambda chunk: invoicing.invoice_rows(books, chunk), cols.tone, "due_date")
    t.measure("model.reload() (ids by due date into the model)", model.reload, repeat=1)
    rng = random.Random(7)
    pages = len(ids) // PAGE

    def scroll():
        model._pages.clear()  # noqa: SLF001 - a benchmark measures fetching, not the page cache
        for _ in range(50):
            row = rng.randrange(pages) * PAGE + rng.randrange(PAGE)
            model.row_at(row)
            for c in range(model.columnCount()):  # what painting the row asks for
                model.data(model.index(row, c))

    t.measure("scrolling: 50 random pages via row_at (total)", scroll)


def _some_number(books, ids: list[int]) -> str:
    """A real invoice number from the middle of the list, without its last two digits (matches ~100)."""
    return invoicing.invoice_rows(books, [ids[len(ids) // 2]])[0].number[:-2]


def _biggest_customer(books) -> int:
    ids = customer_service.customer_ids(books, sort="open_balance", descending=True)
    return ids[0]


def _reports(books, t: Table) -> None:
    today = books.today()
    n = lambda blocks: f"{sum(len(b.rows) for b in blocks):,} customers"  # noqa: E731
    t.measure("aging report as of today", lambda: aging_report(books, today), note=n)
    t.measure("aging report as of a year ago", lambda: aging_report(books, today - dt.timedelta(days=365)), note=n)
    worklist = None
    for name in ("ar_desktop.services.worklist", "ar_desktop.services.collections"):  # where it lives, where it was
        try:
            worklist = importlib.import_module(name).worklist
            break
        except (ImportError, AttributeError) as e:
            problem = e
    if worklist is None:
        print(f"  (collections worklist skipped: {problem})")
        return
    t.measure("collections worklist as of today", lambda: worklist(books, today),
              note=lambda rows: f"{len(rows):,} customers")
    t.measure("collections worklist as of a year ago", lambda: worklist(books, today - dt.timedelta(days=365)),
              note=lambda rows: f"{len(rows):,} customers")


def gui_figures(path: Path, src: Path | None = None) -> dict:
    """Runs in a child process: window creation to shown window with the file open (with the code of ``src``)."""
    if src is not None:
        from sides import use_checkout

        use_checkout(src)
    t0 = time.perf_counter()
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ar_desktop.ui.i18n import install_font
    from ar_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    t_import = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "bench.ini"), QSettings.Format.IniFormat)
        out: dict = {"import Qt and the window modules": t_import}
        t0 = time.perf_counter()
        install_font(app)
        window = MainWindow(settings)
        t1 = time.perf_counter()
        for name in ("customers", "invoices", "payments", "collections", "overview", "credit"):  # each tab's load
            tab = getattr(window, name, None)
            if tab is not None:
                tab.set_books = _timed(tab.set_books, out, f"  of which {name} tab loads")
        ok = window.open_file(path)
        t2 = time.perf_counter()
        window.show()
        exposed = QTest.qWaitForWindowExposed(window, 10_000)
        app.processEvents()
        t3 = time.perf_counter()
        out.update({"MainWindow() (no file)": t1 - t0, "open_file (file open, tabs loaded)": t2 - t1,
                    "show until exposed": t3 - t2, "MainWindow() to shown window with the file": t3 - t0})
        payments = window.payments
        window.tabs.setCurrentWidget(payments)
        app.processEvents()
        amount = [c.key for c in payments.model.columns].index("amount")
        t4 = time.perf_counter()
        payments.table.horizontalHeader().setSortIndicator(amount, Qt.SortOrder.DescendingOrder)  # a click
        payments.model.row_at(0)
        out["payments: sort by amount (header click, first row)"] = time.perf_counter() - t4
        t5 = time.perf_counter()
        window.close()
        out["close the window (and the file)"] = time.perf_counter() - t5
        out.update({"ok": ok and exposed, "peak_rss_mb": peak_rss_mb()})
    return out


def open_figures(path: Path, src: Path | None = None) -> dict:
    """Runs in a child process: the first open of a file closed cleanly (no window), and its close."""
    if src is not None:
        from sides import use_checkout

        use_checkout(src)
    from ar_desktop.services.company_file import open_company

    t0 = time.perf_counter()
    books = open_company(path)
    t1 = time.perf_counter()
    books.close()
    return {"open_company, first in the process": t1 - t0, "close right after": time.perf_counter() - t1}


def window_sides(path: Path, before: str, runs: int) -> int:
    """The window before and after, side by side: each side on its own copy of ``path``."""
    import shutil
    import statistics

    from sides import ROOT, before_tree, cpu_seconds

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_LOGGING_RULES": "qt.qpa.*=false"}
    work = Path(tempfile.mkdtemp(prefix="ar-window-bench-"))
    table: dict[str, dict[str, str]] = {}
    try:
        for side, src in ((f"before ({before})", before_tree(before)), ("after (this checkout)", ROOT)):
            copy = work / f"{'after' if src == ROOT else 'before'}.ardb"
            shutil.copyfile(path, copy)
            print(f"{side}: {src} on {copy}", file=sys.stderr, flush=True)
            runs_of: dict[str, list[float]] = {}
            for n, flag in enumerate(["--open-child"] + ["--open-child", "--gui-child"] * runs):
                c = cpu_seconds()
                child = subprocess.run([sys.executable, __file__, "--file", str(copy), flag, "--src", str(src)],
                                       capture_output=True, text=True, env=env)
                if child.returncode != 0:
                    print(child.stderr, file=sys.stderr)
                    return 1
                if n == 0:
                    continue  # the copy's first open checks it fully; its close leaves it closed cleanly
                figures = json.loads(child.stdout.strip().splitlines()[-1])
                figures[f"CPU of the {flag[2:-6]} process"] = cpu_seconds() - c
                if not figures.pop("ok", True):
                    print(f"{side}: the window was NOT shown", file=sys.stderr)
                for key, value in figures.items():
                    runs_of.setdefault(key, []).append(value)
            for key, values in runs_of.items():
                m = statistics.median(values)
                text = f"{m:,.0f} MB" if key == "peak_rss_mb" else ms(m)
                table.setdefault(key.strip(), {})[side] = f"{text} ({ms(min(values))}–{ms(max(values))})" \
                    if key != "peak_rss_mb" else text
        sides = list(next(iter(table.values())).keys()) if table else []
        print(f"\n{path} ({path.stat().st_size / 2**20:,.0f} MB), {runs} fresh processes a side: median (range); "
              f"load average {os.getloadavg()[0]:.1f}\n")
        print("| window | " + " | ".join(sides) + " |")
        print("|---|" + "---:|" * len(sides))
        for key, by_side in table.items():
            label = "peak RSS (window process)" if key == "peak_rss_mb" else key
            print(f"| {label} | " + " | ".join(by_side.get(s, "") for s in sides) + " |")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _timed(fn, out: dict, key: str):
    def wrapper(*a, **kw):
        t = time.perf_counter()
        try:
            return fn(*a, **kw)
        finally:
            out[key] = time.perf_counter() - t
    return wrapper


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--invoices", type=int, default=DEFAULT_INVOICES, help="size of the file to build if missing")
    p.add_argument("--file", type=Path, help="the company file (default /tmp/ar-bench/big-N.ardb)")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--no-gui", action="store_true", help="skip the window figures")
    p.add_argument("--gui-child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--open-child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--src", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--before", help="git revision: time the window before (REV) and after (this checkout)")
    p.add_argument("--window-runs", type=int, default=3, help="fresh processes a side with --before")
    p.add_argument("--markdown", action="store_true", help="also print the table as Markdown")
    args = p.parse_args(argv)
    if args.gui_child:
        print(json.dumps(gui_figures(args.file, args.src)))
        return 0
    if args.open_child:
        print(json.dumps(open_figures(args.file, args.src)))
        return 0
    if args.before:
        if not args.file:
            p.error("--before needs --file")
        return window_sides(args.file.resolve(), args.before, args.window_runs)
    path = big_file(args.file, args.invoices)
    print(f"company file {path} ({path.stat().st_size / 2**20:,.0f} MB), today {dt.date.today()}")
    print(f"  {'operation':<52} {'first':>10} {'median':>10} {'CPU':>10}")
    t = Table(args.repeat)
    service_figures(path, t)
    t.add("peak RSS of this process (services + model)", None, f"{peak_rss_mb():,.0f} MB")
    if not args.no_gui:
        child = subprocess.run([sys.executable, __file__, "--file", str(path), "--gui-child"], capture_output=True,
                               text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        if child.returncode != 0:
            print(child.stderr, file=sys.stderr)
            return 1
        gui = json.loads(child.stdout.strip().splitlines()[-1])
        for key, value in gui.items():
            if key not in ("ok", "peak_rss_mb"):
                t.add(f"window: {key.strip()}", value)
        t.add("window: peak RSS (window process)", None, f"{gui['peak_rss_mb']:,.0f} MB"
              + ("" if gui["ok"] else " (window NOT shown!)"))
    if args.markdown:
        print()
        print(t.markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main())
