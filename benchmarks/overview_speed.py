"""The Overview, `kpi` and `forecast` on a big company file: prints a table of timings (not a test).

    .venv/bin/python benchmarks/overview_speed.py [--file PATH] [--invoices 1000000] [--repeat 3] [--no-gui]

The file is built first (benchmarks/build_big_file.py) when it does not exist. Figures: the whole
`kpi` and `forecast` commands as a user runs them (a new process each: Python start, imports, open
the file, compute, print), the services the Overview tab calls, and the window: from the file
opened to every part of the Overview on screen (in a child process, offscreen). See
docs/benchmarks.md.
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from big_file import Table  # noqa: E402
from build_big_file import DEFAULT_INVOICES, build, default_path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def command_figures(path: Path, t: Table, repeat: int) -> None:
    exe = Path(sys.executable).parent / "ar-desktop"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "ar_desktop"]
    today = time.strftime("%Y-%m-%d")
    for label, args in (("`kpi --format csv` (whole command)", ["kpi", "--as-of", today, "--format", "csv"]),
                        ("`kpi` table with the previous period (whole command)", ["kpi", "--as-of", today]),
                        ("`forecast --format csv` (whole command)", ["forecast", "--as-of", today, "--format", "csv"]),
                        ("`aging --format csv` (whole command, for comparison)",
                         ["aging", "--as-of", today, "--format", "csv"])):
        def run(a=args):
            r = subprocess.run([*cmd, "--db", str(path), *a], capture_output=True, text=True, timeout=600)
            if r.returncode:
                raise SystemExit(r.stderr)
        t.measure(label, run, repeat=repeat)


def service_figures(path: Path, t: Table) -> None:
    from ar_desktop.services import kpis, overview
    from ar_desktop.services.company_file import open_company
    from ar_desktop.services.forecast import cash_forecast

    books = open_company(path)
    try:
        today = books.today()
        t.measure("services: figures and the previous period", lambda: kpis.kpis_with_previous(books, today))
        t.measure("services: cash forecast, 13 weeks", lambda: cash_forecast(books, today),
                  note=lambda f: f"{len(f.receipts):,} amounts")
        t.measure("services: trend at 12 month-ends", lambda: kpis.trend(books, today))
        t.measure("services: Overview figures (figures, aging, largest, forecast)",
                  lambda: overview.overview_figures(books, today))
        t.measure("services: Overview actions (from the worklist)", lambda: overview.overview_actions(books, today),
                  note=lambda a: f"{sum(x.count for x in a.actions):,} accounts to act on")
    finally:
        books.close()


def gui_figures(path: Path) -> dict:
    """In a child process: open the file in the window, time until each part of the Overview shows."""
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
        for name in ("_show_figures", "_show_trend", "_show_actions"):
            original = getattr(o, name)

            def timed(result, original=original, name=name):
                original(result)
                arrived[name] = time.perf_counter()
            setattr(o, name, timed)
        t0 = time.perf_counter()
        window.open_file(path)
        t1 = time.perf_counter()
        while len(arrived) < 3 and time.perf_counter() - t1 < 600:
            app.processEvents()
            time.sleep(0.005)
        out = {"open_file (lock, checks, the tabs' first lists)": t1 - t0,
               "Overview figures on screen, after the file is open": arrived.get("_show_figures", t1) - t1,
               "Overview trend on screen, after the file is open": arrived.get("_show_trend", t1) - t1,
               "Overview actions on screen, after the file is open": arrived.get("_show_actions", t1) - t1,
               "whole Overview on screen, after the file is open": max(arrived.values(), default=t1) - t1}
        window.close()
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--invoices", type=int, default=DEFAULT_INVOICES)
    p.add_argument("--file", type=Path)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--no-gui", action="store_true")
    p.add_argument("--gui-child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--markdown", action="store_true")
    args = p.parse_args(argv)
    path = (args.file or default_path(args.invoices)).resolve()
    if args.gui_child:
        print(json.dumps(gui_figures(path)))
        return 0
    if not path.exists():
        build(path, args.invoices)
    t = Table(args.repeat)
    print(f"{path} ({path.stat().st_size / 1e6:,.0f} MB)\n")
    command_figures(path, t, args.repeat)
    service_figures(path, t)
    if not args.no_gui:
        runs = []
        for _ in range(args.repeat):
            r = subprocess.run([sys.executable, __file__, "--file", str(path), "--gui-child"], capture_output=True,
                               text=True, timeout=1800)
            if r.returncode:
                raise SystemExit(r.stderr)
            runs.append(json.loads(r.stdout.strip().splitlines()[-1]))
        for key in runs[0]:
            values = [run[key] for run in runs]
            t.rows.append((f"window: {key}", values[0], statistics.median(values), ""))
            print(f"  window: {key:<60} {values[0] * 1000:>9,.0f} ms {statistics.median(values) * 1000:>9,.0f} ms")
    if args.markdown:
        print()
        print(t.markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main())
