"""The collections worklist, the aging report as of any date and the customer picker on a big company file,
before and after a change: prints a table side by side from one run (not a test).

    .venv/bin/python benchmarks/worklist_speed.py --file PATH --before REV [--repeat 3] [--after-file PATH]

Each side runs in its own child process with its own code first on ``sys.path``: "before" is the git revision
REV checked out in a temporary worktree and opens a temporary copy of ``--file`` (which must have REV's
schema); "after" is this checkout and opens another copy, upgraded by this checkout first (or ``--after-file``,
a file this checkout already upgraded, opened in place). ``--file`` itself is never written. Each figure is
the service call the window and the command line make, in process (the file open, the process started): the
worklist (the Collections tab and the Overview's actions), the aging report (the Aging view, ``aging``), the
customer picker with balances (the Invoices tab's customer filter) and the window's own path for it (the
tab's combo box filled, offscreen), timed once the integrity check that opening starts in a thread of the same
process is over (its CPU seconds would count in every call made meanwhile). Both wall and CPU seconds (user + sys of the process) are printed, with
the load average when each side ran: on a loaded machine the CPU seconds are the figure to compare. The last
rows give SQLite's floor for the aging: its one query in the sqlite3 module on the after side's file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from list_speed import before_tree  # noqa: E402 - the same temporary worktree of the revision

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _s(seconds: float | None) -> str:
    if seconds is None:
        return ""
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


class Timings:
    """label -> (median wall, median CPU, note), in seconds."""

    def __init__(self, repeat: int):
        self.repeat = repeat
        self.rows: dict[str, tuple] = {}

    def measure(self, label: str, fn, *, repeat: int | None = None, note=None):
        walls, cpus, result = [], [], None
        for _ in range(repeat or self.repeat):
            t, c = time.perf_counter(), time.process_time()
            result = fn()
            walls.append(time.perf_counter() - t)
            cpus.append(time.process_time() - c)
        self.rows[label] = (statistics.median(walls), statistics.median(cpus),
                            note(result) if callable(note) else (note or ""))
        print(f"  {label:<48} wall {_s(walls[-1]):>9}  CPU {_s(cpus[-1]):>9}  load {os.getloadavg()[0]:.1f}",
              file=sys.stderr, flush=True)
        return result


# ---- what is timed (in a child process whose code comes first on sys.path) ----------------------

def figures(path: Path, t: Timings) -> None:
    from ar_desktop.services import customers, worklist
    from ar_desktop.services.aging import aging_report
    from ar_desktop.services.company_file import open_company

    books = open_company(path)
    # the integrity check that opening starts in a thread of this process: its CPU seconds are not the calls'
    books.db.wait_until_checked()
    try:
        today = books.today()
        n_rows = lambda rows: f"{len(rows):,} customers"  # noqa: E731
        n_blocks = lambda blocks: f"{sum(len(b.rows) for b in blocks):,} customers"  # noqa: E731
        t.measure("collections worklist as of today", lambda: worklist.worklist(books, today), note=n_rows)
        t.measure("collections worklist a year ago", lambda: worklist.worklist(books, today - dt.timedelta(365)),
               note=n_rows)
        for label, back in (("today", 0), ("30 days ago", 30), ("a year ago", 365), ("two years ago", 730)):
            t.measure(f"aging report as of {label}",
                      lambda b=back: aging_report(books, today - dt.timedelta(days=b)), note=n_blocks)
        t.measure("customer picker with balances (service)", lambda: customers.customer_picker(books),
                  note=lambda c: f"{len(c):,} customers")
        _window_picker(books, t)
    finally:
        books.close()


def _window_picker(books, t: Timings) -> None:
    """The Invoices tab's customer filter filled, as the window does on opening and after each change."""
    from PySide6.QtWidgets import QApplication

    from ar_desktop.ui.invoices_tab import InvoicesTab

    _app = QApplication.instance() or QApplication([sys.argv[0]])
    tab = InvoicesTab()
    tab.books = books
    t.measure("customer picker in the window (combo box filled)", tab.load_customers,
              note=lambda _r: f"{tab.customer.count() - 1:,} customers")


FLOOR_SQL = ("SELECT customer_id, sum(amount - paid) FROM invoice WHERE issue_date <= ? AND "
             "(closed_on IS NULL OR closed_on > ?) GROUP BY customer_id")


def floor_query(con: sqlite3.Connection, as_of: dt.date) -> list[tuple[int, int]]:
    """The floor's one query: per customer, the invoices issued by ``as_of`` and not closed by then, from the
    open set's index. The day is bound as the file stores it: a day number since the day-numbers migration
    (storage.days), ISO text before (an INTEGER column compared with text matches every row or none)."""
    from ar_desktop.storage import days

    d = days.day(as_of) if days.in_use(con) else as_of.isoformat()
    return con.execute(FLOOR_SQL, (d, d)).fetchall()


def floor_figures(path: Path, t: Timings) -> None:
    """SQLite alone (the sqlite3 module, as the shell would run it): the invoices open today and a year ago
    from the open set's index, summed per customer."""
    con = sqlite3.connect(path)
    today = dt.date.today()
    for label, back in (("today", 0), ("a year ago", 365)):
        d = today - dt.timedelta(days=back)
        t.measure(f"SQLite floor: open amounts per customer as of {label} (whole table)",
                  lambda d=d: floor_query(con, d))
    con.close()


def child(src: Path, path: Path, repeat: int, upgrade: bool, floor: bool) -> dict:
    sys.path.insert(0, str(src))
    import ar_desktop

    if Path(ar_desktop.__file__).resolve().parent.parent != src.resolve():
        raise SystemExit(f"ar_desktop came from {ar_desktop.__file__}, not {src}")
    t = Timings(repeat)
    if upgrade:  # timed once: it is what opening the file with this version does first
        from ar_desktop.services.company_file import open_company

        t.measure("upgrade of the file (checks and migrations)", lambda: open_company(path).close(), repeat=1)
    figures(path, t)
    if floor:
        floor_figures(path, t)
    t.rows["load average while this side ran"] = (None, None, " / ".join(f"{x:.1f}" for x in os.getloadavg()))
    return t.rows


# ---- the parent: one child per side, the table ---------------------------------------------------

def run_side(name: str, src: Path, path: Path, repeat: int, upgrade: bool, floor: bool) -> dict:
    print(f"{name}: {src} on {path}", file=sys.stderr, flush=True)
    r = subprocess.run([sys.executable, __file__, "--child", str(src), "--file", str(path), "--repeat", str(repeat),
                        *(["--upgrade"] if upgrade else []), *(["--floor"] if floor else [])],
                       stdout=subprocess.PIPE, text=True, timeout=6 * 3600)
    if r.returncode:
        raise SystemExit(f"the {name} side failed")
    return json.loads(r.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--file", type=Path, required=True, help="a company file with the schema of --before")
    p.add_argument("--before", help="git revision to time as 'before' (required)")
    p.add_argument("--after-file", type=Path, help="a copy this checkout already upgraded (opened in place)")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--upgrade", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--floor", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.file, args.repeat, args.upgrade, args.floor)))
        return 0
    if not args.before:
        p.error("--before REV is required: the revision to compare with")
    source = args.file.resolve()
    work = Path(tempfile.mkdtemp(prefix="ar-worklist-bench-"))
    try:
        sides = {}
        copy = work / "before.ardb"
        shutil.copyfile(source, copy)
        sides[f"before ({args.before})"] = run_side("before", before_tree(args.before), copy, args.repeat,
                                                    False, False)
        copy.unlink()
        if args.after_file:
            after, upgrade = args.after_file.resolve(), False
        else:
            after, upgrade = work / "after.ardb", True
            shutil.copyfile(source, after)
        sides["after (this checkout)"] = run_side("after", ROOT, after, args.repeat, upgrade, True)
        print(f"\n{source} ({source.stat().st_size / 1e6:,.0f} MB), {args.repeat} runs each, medians: "
              "wall / CPU (user + sys)\n")
        names = list(sides)
        print("| Operation | " + " | ".join(names) + " | |")
        print("|---|" + "---:|" * len(names) + "---|")
        for label in dict.fromkeys(label for side in sides.values() for label in side):
            cells, notes = [], []
            for n in names:
                wall, cpu, note = sides[n].get(label, (None, None, ""))
                cells.append(f"{_s(wall)} / {_s(cpu)}" if wall is not None else note)
                if wall is not None and note:
                    notes.append(note)
            print(f"| {label} | " + " | ".join(cells) + f" | {' / '.join(dict.fromkeys(notes))} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
