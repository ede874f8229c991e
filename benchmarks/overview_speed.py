"""The Overview, `kpi`, `forecast` and the worklist on a big company file, before and after a change:
prints a table of timings side by side from one run (not a test).

    .venv/bin/python benchmarks/overview_speed.py [--file PATH] [--invoices 1000000] [--repeat 3]
                                                  [--before REV [--before-file PATH]] [--no-gui]
                                                  [--parts commands,services,window]
                                                  [--services figures,trend,forecast,kpi,actions,worklist]
                                                  [--as-of YYYY-MM-DD ...]

The file is built first (benchmarks/build_big_file.py) when it does not exist. Each side runs in
its own child process with its own code first on ``sys.path``: "after" is this checkout, "before"
is the git revision REV checked out in a temporary worktree (same installed dependencies; REV
must open the file without upgrading it, i.e. have the same schema). Figures: the whole `kpi`,
`forecast` and `aging` commands as a user runs them (a new process each: Python start, imports,
open the file, compute, print), the services the Overview tab and the Collections tab call, and
the window (a fresh process per run, as the program's start opens the last file: offscreen, 1366x768)
from the file opened to each part of the Overview painted, with the CPU seconds the whole process
(every thread: the Overview's jobs, the other tabs' lists, the background integrity check) spent until
then, the window shown with the file open and the process's peak memory. ``--parts`` picks what to time,
``--services`` which services (the worklist's take the longest), ``--as-of`` the days the commands are asked
about (default today).
Without ``--before`` only this checkout is timed. See docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sides import ROOT, Timings, before_tree, big_file, cpu_seconds, ms, run_side, use_checkout

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# ---- what is timed (in a child process whose code comes first on sys.path) ----------------------

def _commands(days: list[str]):
    today = time.strftime("%Y-%m-%d")
    for d in days or [today]:
        at = "" if d == today else f" as of {d}"
        yield f"`kpi --format csv` (whole command){at}", ["kpi", "--as-of", d, "--format", "csv"]
        yield f"`kpi` table with the previous period (whole command){at}", ["kpi", "--as-of", d]
        yield f"`forecast --format csv` (whole command){at}", ["forecast", "--as-of", d, "--format", "csv"]
        yield f"`forecast` table (whole command){at}", ["forecast", "--as-of", d]
    yield "`aging --format csv` (whole command)", ["aging", "--as-of", today, "--format", "csv"]


def command_figures(src: Path, path: Path, t: Timings, days: list[str]) -> None:
    env = {**os.environ, "PYTHONPATH": str(src)}
    for label, args in _commands(days):
        def run(a=args):
            r = subprocess.run([sys.executable, "-m", "ar_desktop", "--db", str(path), *a], capture_output=True,
                               text=True, timeout=1800, env=env, cwd=tempfile.gettempdir())
            if r.returncode:
                raise SystemExit(r.stderr)
        t.measure(label, run)


SERVICES = ("kpi", "forecast", "trend", "figures", "actions", "worklist")


def service_figures(path: Path, t: Timings, services: set[str]) -> None:
    from ar_desktop.services import kpis, overview, worklist
    from ar_desktop.services.company_file import open_company
    from ar_desktop.services.forecast import cash_forecast

    books = open_company(path)
    try:
        # the integrity check runs in a thread of this process after opening: its CPU would count in
        # the first figures (a window pays it once per opening, alongside)
        books.db.wait_until_checked()
        today = books.today()
        timed = {
            "kpi": ("services: figures and the previous period", lambda: kpis.kpis_with_previous(books, today), None),
            "forecast": ("services: cash forecast, 13 weeks", lambda: cash_forecast(books, today),
                         lambda f: f"{len(f.receipts):,} amounts"),
            "trend": ("services: trend at 12 month-ends", lambda: kpis.trend(books, today), None),
            "figures": ("services: Overview figures (figures and the previous period, aging, largest, rates)",
                        lambda: overview.overview_figures(books, today), None),
            "actions": ("services: Overview actions (from the worklist)", lambda: overview.overview_actions(books, today),
                        lambda a: f"{sum(x.count for x in a.actions):,} accounts to act on"),
            "worklist": ("services: collections worklist", lambda: worklist.worklist(books, today),
                         lambda w: f"{len(w):,} customers"),
        }
        for key in SERVICES:
            if key in services:
                label, fn, note = timed[key]
                t.measure(label, fn, note=note)
    finally:
        books.close()


PARTS = ("figures", "trend", "forecast", "actions")
WAIT = 600   # seconds: a part not on screen by then is left out of the table (never shown: "")
SHOWN = "window: MainWindow() to shown with the file open"
PEAK = "window: peak RSS of the process, whole Overview on screen"


def gui_figures(path: Path) -> dict[str, tuple[float, float]]:
    """A fresh process opens the file in the window as the program's start does (``ui.application``: the
    window made, the file opened, then shown, 1366x768 offscreen); (wall, CPU) seconds until each part of
    the Overview is on screen, i.e. painted (the end of the window's first paint after the part arrived),
    counted from the file being open (``open_file`` returned). CPU is the whole process's: every thread (the
    Overview's reads, the other tabs' lists, the background integrity check)."""
    from PySide6.QtCore import QEvent, QEventLoop, QSettings, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ar_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    painted: list[tuple[float, float]] = []
    loop = QEventLoop()

    class Timed(MainWindow):
        def event(self, e):
            handled = super().event(e)
            if e.type() == QEvent.Type.UpdateRequest:
                painted.append((time.perf_counter(), cpu_seconds()))
                if all(on_screen(p) is not None for p in parts):
                    loop.quit()
            return handled

    arrived: dict[str, tuple[float, float]] = {}
    parts: list[str] = []

    def on_screen(part: str) -> tuple[float, float] | None:
        return next((p for p in painted if p[0] >= arrived[part][0]), None) if part in arrived else None

    with tempfile.TemporaryDirectory() as tmp:
        t0, c0 = time.perf_counter(), cpu_seconds()
        window = Timed(QSettings(str(Path(tmp) / "bench.ini"), QSettings.Format.IniFormat))
        window.resize(1366, 768)
        o = window.overview
        parts += [p for p in PARTS if hasattr(o, f"_show_{p}")]
        for part in parts:
            original = getattr(o, f"_show_{part}")

            def timed(result, original=original, part=part):
                original(result)
                arrived[part] = (time.perf_counter(), cpu_seconds())
            setattr(o, f"_show_{part}", timed)
        window.open_file(path)
        t1, c1 = time.perf_counter(), cpu_seconds()
        window.show()
        QTest.qWaitForWindowExposed(window, 10_000)
        app.processEvents()
        t2, c2 = time.perf_counter(), cpu_seconds()

        # the event loop waits for events as the program's does (no polling: its CPU would count in the figures)
        if any(on_screen(p) is None for p in parts):
            QTimer.singleShot(WAIT * 1000, loop.quit)
            loop.exec()
        out = {"window: open_file (lock, checks, the company's name)": (t1 - t0, c1 - c0),
               SHOWN: (t2 - t0, c2 - c0)}
        shown = {p: on_screen(p) for p in parts}
        for part in parts:
            if shown[part] is not None:
                out[f"window: Overview {part} on screen, after the file is open"] = (shown[part][0] - t1,
                                                                                     shown[part][1] - c1)
        if all(shown.values()):
            last = max(shown.values())
            out["window: whole Overview on screen, after the file is open"] = (last[0] - t1, last[1] - c1)
        out[PEAK] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0.0)   # MB
        window.close()
        app.processEvents()
    return out


def child(src: Path, path: Path, repeat: int, parts: set[str], services: set[str], days: list[str]) -> dict:
    """Runs in the child process: the figures of ``parts`` with the code of ``src``. The window is timed in
    a fresh process per run (``--window-child``): a second file opened in the same process finds the storage
    layer loaded and takes another path."""
    use_checkout(src)
    t = Timings(repeat)
    if "commands" in parts:
        command_figures(src, path, t, days)
    if "services" in parts:
        service_figures(path, t, services)
    if "window" in parts:
        runs = []
        for _ in range(repeat):
            r = subprocess.run([sys.executable, __file__, "--window-child", str(src), "--file", str(path)],
                               stdout=subprocess.PIPE, text=True, timeout=WAIT + 300)
            if r.returncode:
                raise SystemExit("the window's run failed")
            runs.append(json.loads(r.stdout.strip().splitlines()[-1]))
        for key in runs[0]:
            values = [r[key] for r in runs if key in r]
            if key == PEAK:
                t.rows[key] = (values[0][0], statistics.median(v[0] for v in values), "", None)
                continue
            t.rows[key] = (values[0][0], statistics.median(v[0] for v in values),
                           "" if len(values) == len(runs) else f"on screen in {len(values)} of {len(runs)} runs",
                           statistics.median(v[1] for v in values))
            t.show(key)
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
    p.add_argument("--no-gui", action="store_true", help="leave the window out (as --parts commands,services)")
    p.add_argument("--parts", default="commands,services,window",
                   help="what to time, of commands (whole commands), services, window")
    p.add_argument("--services", default=",".join(SERVICES), help=f"which services to time, of {', '.join(SERVICES)}")
    p.add_argument("--as-of", action="append", default=[], metavar="YYYY-MM-DD",
                   help="a day the commands are asked about (repeatable; default today)")
    p.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--window-child", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.window_child:
        use_checkout(args.window_child)
        print(json.dumps(gui_figures(args.file)))
        return 0
    parts = set(args.parts.split(",")) - ({"window"} if args.no_gui else set())
    if not parts <= {"commands", "services", "window"}:
        p.error(f"--parts: {args.parts}")
    services = set(args.services.split(","))
    if not services <= set(SERVICES):
        p.error(f"--services: {args.services}")
    if args.child:
        print(json.dumps(child(args.child, args.file, args.repeat, parts, services, args.as_of)))
        return 0
    path = big_file(args.file, args.invoices)
    print(f"{path} ({path.stat().st_size / 1e6:,.0f} MB), {args.repeat} runs each: first and median\n")
    sides = {}
    gui = ["--parts", ",".join(sorted(parts)), "--services", ",".join(sorted(services)),
           *(a for d in args.as_of for a in ("--as-of", d))]
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
            if label == PEAK:
                cells += [f"{first:,.0f} MB" if first else "", f"{median:,.0f} MB" if median else "", ""]
                continue
            cells += [ms(first), ms(median), ms(cpu[0] if cpu else None)]
        print(f"| {label} | " + " | ".join(cells) + f" | {sides[names[-1]][label][2]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
