"""Cold start of the window on the sample company: from the start of the Python process to the main
window shown with the company file open, then to its first list filled.

    .venv/bin/python benchmarks/cold_start.py [RUNS] [--before REV]

Each run is a fresh process started as the program starts (``ar_desktop.app.main(["--open", FILE])``, its
settings in a temporary folder), and the figures include the interpreter's own start. Two moments:

- **window shown**: the main window painted (the first paint pass after the company's legal name is in
  its title), stamped when that pass has ended;
- **first list filled**: the Customers list holds the company's rows (the window fills its tabs once the
  storage layer is loaded).

Each run then closes the window as a user does, so that the next run opens a cleanly closed file.

For each, the median and range of wall seconds and of the process's CPU seconds (user + sys) up to that
moment; then which thread imported SQLAlchemy (the GUI thread's import is time the window waits for),
the heaviest modules the start imported (``python -X importtime``) and whether ReportLab, Alembic,
openpyxl and PDFium were imported before the list was filled (they should not be: they load on first
use). With ``--before REV`` the git revision REV (in a temporary worktree) is timed too, the two sides'
runs interleaved, on the same sample company file.

The child processes write and use Python's bytecode caches (``__pycache__``), as an installed program does
(the PyInstaller bundle and pip both compile them): a shell with PYTHONDONTWRITEBYTECODE=1 would otherwise
make every start compile each module's source again (about a second on this machine), on both sides.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LATE = ("reportlab", "alembic", "openpyxl", "pypdfium2")

CHILD = r"""
import os, resource, sys, threading, time
start, name = float(sys.argv[2]), sys.argv[4]
sys.path.insert(0, sys.argv[3])
sqlalchemy_thread = []
class Watch:  # which thread imports SQLAlchemy first
    def find_spec(self, fullname, path=None, target=None):
        if fullname == "sqlalchemy" and not sqlalchemy_thread:
            sqlalchemy_thread.append("GUI" if threading.current_thread() is threading.main_thread() else "worker")
        return None
sys.meta_path.insert(0, Watch())
from ar_desktop import app as program, cli
cli.build_parser()  # what program.main does before Qt: the modules come in the program's own order
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
qapp = QApplication([sys.argv[0]])  # program.main's run_gui takes it over, as it is made before
marks = {}
def stamp(key):
    if key not in marks:
        r = resource.getrusage(resource.RUSAGE_SELF)
        marks[key] = (time.time() - start, r.ru_utime + r.ru_stime)
def main_window():
    return next((w for w in qapp.topLevelWidgets() if type(w).__name__ == "MainWindow"), None)
class Painted(QObject):
    def eventFilter(self, obj, event):
        window = main_window() if event.type() == QEvent.Type.Paint and "shown" not in marks else None
        if window is not None and window.isVisible() and name in window.windowTitle():
            QTimer.singleShot(0, lambda: stamp("shown"))  # runs once this paint pass has ended
        return False
painted = Painted()
qapp.installEventFilter(painted)
def poll():
    window = main_window()
    model = window.customers.model if window is not None else None
    if model is not None and model.rowCount() > 0:
        stamp("filled")
    if len(marks) == 2:
        timer.stop()
        late = [m for m in %r if m in sys.modules]
        print(*marks["shown"], *marks["filled"], sqlalchemy_thread[0] if sqlalchemy_thread else "-",
              " ".join(late) or "-", flush=True)
        window.close()  # closed cleanly, as a user closes it: the next run opens it without the full check
        qapp.quit()
timer = QTimer()
timer.timeout.connect(poll)
timer.start(5)
program.main(["--open", sys.argv[1]])
""" % (LATE,)


def _env(tmp: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               QT_LOGGING_RULES="qt.qpa.*=false", XDG_CONFIG_HOME=tmp)  # the program's settings, not the user's
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode caches, as an installed program has them
    return env


def one_run(company: Path, name: str, tmp: str, src: Path = ROOT) -> dict:
    """Seconds (wall, CPU) to the window shown and to the first list filled, the thread that imported
    SQLAlchemy, and the late modules imported by then."""
    out = subprocess.run([sys.executable, "-c", CHILD, str(company), "%.6f" % time.time(), str(src), name],
                         capture_output=True, text=True, env=_env(tmp), check=True, cwd=src).stdout.split(maxsplit=5)
    return {"shown": float(out[0]), "shown_cpu": float(out[1]), "filled": float(out[2]),
            "filled_cpu": float(out[3]), "sqlalchemy": out[4], "late": out[5].strip()}


def import_profile(company: Path, name: str, tmp: str, top: int = 12) -> list[tuple[float, str]]:
    err = subprocess.run([sys.executable, "-X", "importtime", "-c", CHILD, str(company), "0", str(ROOT), name],
                         capture_output=True, text=True, env=_env(tmp)).stderr
    rows = []
    for line in err.splitlines():
        if line.startswith("import time:") and "|" in line:
            _self, cumulative, module = line[len("import time:"):].split("|")
            top_level = module.startswith(" ") and not module.startswith("  ")  # one space: not nested
            if cumulative.strip().isdigit() and top_level:
                rows.append((int(cumulative) / 1e6, module.strip()))
    return sorted(rows, reverse=True)[:top]


def _range(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f})"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("runs", nargs="?", type=int, default=7)
    p.add_argument("--before", help="git revision to time beside this checkout")
    args = p.parse_args()
    sys.path.insert(0, str(ROOT))
    from ar_desktop.services.company_file import company_profile, open_company
    from ar_desktop.services.demo import build_demo

    sides = {"after (this checkout)": ROOT}
    if args.before:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from sides import before_tree

        sides = {f"before ({args.before})": before_tree(args.before), **sides}
    with tempfile.TemporaryDirectory() as tmp:
        company = Path(tmp) / "Sample Company.ardb"
        build_demo(company).close()
        books = open_company(company, record_outcomes=False)
        name = company_profile(books).legal_name
        books.close()
        for src in sides.values():
            one_run(company, name, tmp, src)  # warm the disk cache
        runs: dict[str, list[dict]] = {side: [] for side in sides}
        loads = [os.getloadavg()[0]]
        for _ in range(args.runs):
            for side, src in sides.items():  # interleaved: the machine's load falls on both sides alike
                runs[side].append(one_run(company, name, tmp, src))
            loads.append(os.getloadavg()[0])
        print(f"the sample company, {args.runs} cold processes a side, load average (1 min) "
              f"{min(loads):.1f}–{max(loads):.1f}; median (min–max):")
        for side, rs in runs.items():
            late = sorted({m for r in rs for m in r["late"].split() if m != "-"})
            print(f"  {side}")
            print(f"    window shown       wall {_range([r['shown'] for r in rs])}, "
                  f"CPU {_range([r['shown_cpu'] for r in rs])}")
            print(f"    first list filled  wall {_range([r['filled'] for r in rs])}, "
                  f"CPU {_range([r['filled_cpu'] for r in rs])}")
            print(f"    SQLAlchemy imported on the {'/'.join(sorted({r['sqlalchemy'] for r in rs}))} thread; "
                  f"loaded by then: {', '.join(late) or 'none of ' + ', '.join(LATE)}")
        print("heaviest top-level imports (cumulative seconds, one run with -X importtime, this checkout):")
        for seconds, module in import_profile(company, name, tmp):
            print(f"  {seconds:6.3f}  {module}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
