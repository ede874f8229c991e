"""The Overview, `kpi`, `forecast` and the worklist on a big company file, before and after a change:
prints a table of timings side by side from one run (not a test).

    .venv/bin/python benchmarks/overview_speed.py [--file PATH] [--invoices 1000000] [--repeat 3]
                                                  [--before REV] [--no-gui]

The file is built first (benchmarks/build_big_file.py) when it does not exist. Each side runs in
its own child process with its own code first on ``sys.path``: "after" is this checkout, "before"
is the git revision REV checked out in a temporary worktree (same installed dependencies; REV
must open the file without upgrading it, i.e. have the same schema). Figures: the whole `kpi`,
`forecast` and `aging` commands as a user runs them (a new process each: Python start, imports,
open the file, compute, print), the services the Overview tab and the Collections tab call, and
the window from the file opened to each part of the Overview on screen (offscreen, 1366x768).
Without ``--before`` only this checkout is timed. See docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sides import ROOT, Timings, before_tree, big_file, ms, run_side, use_checkout

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# ---- what is timed (in a child process whose code comes first on sys.path) ----------------------

def command_figures(src: Path, path: Path, t: Timings) -> None:
    env = {**os.environ, "PYTHONPATH": str(src)}
    today = time.strftime("%Y-%m-%d")
    for label, args in (("`kpi --format csv` (whole command)", ["kpi", "--as-of", today, "--format", "csv"]),
                        ("`kpi` table with the previous period (whole command)", ["kpi", "--as-of", today]),
                        ("`forecast --format csv` (whole command)", ["forecast", "--as-of", today, "--format", "csv"]),
                        ("`aging --format csv` (whole command)", ["aging", "--as-of", today, "--format", "csv"])):
        def run(a=args):
            r = subprocess.run([sys.executable, "-m", "ar_desktop", "--db", str(path), *a], capture_output=True,
                               text=True, timeout=1800, env=env, cwd=tempfile.gettempdir())
            if r.returncode:
                raise SystemExit(r.stderr)
        t.measure(label, run)


def service_figures(path: Path, t: Timings) -> None:
    from ar_desktop.services import kpis, overview, worklist
    from ar_desktop.services.company_file import open_company
    from ar_desktop.services.forecast import cash_forecast

    books = open_company(path)
    try:
        # the integrity check runs in a thread of this process after opening: its CPU would count in
        # the first figures (a window pays it once per opening, alongside)
        books.db.wait_until_checked()
        today = books.today()
        t.measure("services: figures and the previous period", lambda: kpis.kpis_with_previous(books, today))
        t.measure("services: cash forecast, 13 weeks", lambda: cash_forecast(books, today),
                  note=lambda f: f"{len(f.receipts):,} amounts")
        t.measure("services: trend at 12 month-ends", lambda: kpis.trend(books, today))
        t.measure("services: Overview figures (figures and the previous period, aging, largest, rates)",
                  lambda: overview.overview_figures(books, today))
        t.measure("services: Overview actions (from the worklist)", lambda: overview.overview_actions(books, today),
                  note=lambda a: f"{sum(x.count for x in a.actions):,} accounts to act on")
        t.measure("services: collections worklist", lambda: worklist.worklist(books, today),
               note=lambda w: f"{len(w):,} customers")
    finally:
        books.close()


def gui_figures(path: Path) -> dict[str, float]:
    """Open the file in the window; seconds until each part of the Overview shows."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ar_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(QSettings(str(Path(tmp) / "bench.ini"), QSettings.Format.IniFormat))
        window.resize(1366, 768)
        window.show()
        arrived: dict[str, float] = {}
        o = window.overview
        parts = [n for n in ("_show_figures", "_show_trend", "_show_forecast", "_show_actions") if hasattr(o, n)]
        for name in parts:
            original = getattr(o, name)

            def timed(result, original=original, name=name):
                original(result)
                arrived[name] = time.perf_counter()
            setattr(o, name, timed)
        t0 = time.perf_counter()
        window.open_file(path)
        t1 = time.perf_counter()
        while len(arrived) < len(parts) and time.perf_counter() - t1 < 900:
            app.processEvents()
            time.sleep(0.005)
        out = {"window: open_file (lock, checks, the tabs' first lists)": t1 - t0,
               "window: Overview figures on screen, after the file is open": arrived.get("_show_figures", t1) - t1,
               "window: Overview trend on screen, after the file is open": arrived.get("_show_trend", t1) - t1,
               "window: Overview forecast on screen, after the file is open":
                   arrived.get("_show_forecast", arrived.get("_show_figures", t1)) - t1,
               "window: Overview actions on screen, after the file is open": arrived.get("_show_actions", t1) - t1,
               "window: whole Overview on screen, after the file is open": max(arrived.values(), default=t1) - t1}
        window.close()
    return out


def child(src: Path, path: Path, repeat: int, gui: bool) -> dict:
    """Runs in the child process: every figure with the code of ``src``."""
    use_checkout(src)
    t = Timings(repeat)
    command_figures(src, path, t)
    service_figures(path, t)
    if gui:
        runs = [gui_figures(path) for _ in range(repeat)]
        for key in runs[0]:
            values = [r[key] for r in runs]
            t.rows[key] = (values[0], statistics.median(values), "")
    return t.rows


# ---- the parent: one child per side, the table ---------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--invoices", type=int, default=1_000_000)
    p.add_argument("--file", type=Path)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--before", help="git revision to time as 'before' (same schema as this checkout, or give "
                                    "--before-file)")
    p.add_argument("--before-file", type=Path, help="the file 'before' opens, when this checkout upgrades the "
                                                    "schema: a copy of --file taken before this checkout opened it")
    p.add_argument("--no-gui", action="store_true")
    p.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.file, args.repeat, not args.no_gui)))
        return 0
    path = big_file(args.file, args.invoices)
    print(f"{path} ({path.stat().st_size / 1e6:,.0f} MB), {args.repeat} runs each: first and median\n")
    sides = {}
    gui = ["--no-gui"] if args.no_gui else []
    if args.before:
        sides[f"before ({args.before})"] = run_side(__file__, "before", before_tree(args.before),
                                                    (args.before_file or path).resolve(), args.repeat, *gui)
    sides["after (this checkout)"] = run_side(__file__, "after", ROOT, path, args.repeat, *gui)
    names = list(sides)
    header = "| Operation | " + " | ".join(f"{n}: first | median | CPU" for n in names) + " | |"
    print(header)
    print("|---|" + "---:|---:|---:|" * len(names) + "---|")
    for label in sides[names[-1]]:
        cells = []
        for n in names:
            first, median, _note, *cpu = sides[n].get(label, (None, None, "", None))
            cells += [ms(first), ms(median), ms(cpu[0] if cpu else None)]
        print(f"| {label} | " + " | ".join(cells) + f" | {sides[names[-1]][label][2]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
