"""Cold start of the window on the sample company: from the start of the Python process to the
main window shown with the company file open, and which imports it waited for.

    .venv/bin/python benchmarks/cold_start.py [RUNS] [--before REV]

Each run is a fresh process (the figure includes the interpreter's own start). Prints the median
and the range, then the heaviest modules the first screen imported (``python -X importtime``) and
whether ReportLab, Alembic, openpyxl and PDFium were imported before the window was shown (they
should not be: they load on first use). With ``--before REV`` the git revision REV (in a temporary
worktree) is timed too, the two sides' runs interleaved, on the same sample company file; CPU
seconds (user + sys) of each process beside the wall time.

The child processes write and use Python's bytecode caches (``__pycache__``), as an installed program does
(the PyInstaller bundle and pip both compile them): a shell with PYTHONDONTWRITEBYTECODE=1 would otherwise
make every start compile each module's source again (about a second on this machine), on both sides.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LATE = ("reportlab", "alembic", "openpyxl", "pypdfium2")

CHILD = r"""
import os, sys, time
start = float(sys.argv[2])
sys.path.insert(0, sys.argv[4])
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from ar_desktop.ui.application import build_window
app = QApplication([sys.argv[0]])
settings = QSettings(os.path.join(sys.argv[3], "settings.ini"), QSettings.Format.IniFormat)
window = build_window(app, settings, sys.argv[1])
window.show()
def shown():
    late = [m for m in %r if m in sys.modules]
    print(f"{time.time() - start:.3f} {' '.join(late) or '-'}")
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
""" % (LATE,)


def _env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               QT_LOGGING_RULES="qt.qpa.*=false")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode caches, as an installed program has them
    return env


def one_run(company: Path, tmp: str, src: Path = ROOT) -> tuple[float, str, float]:
    """(seconds to the window shown, the late modules it imported, CPU seconds of the process)."""
    env = _env()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([sys.executable, "-c", CHILD, str(company), "%.6f" % time.time(), tmp, str(src)],
                         capture_output=True, text=True, env=env, check=True, cwd=src).stdout.split(maxsplit=1)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return float(out[0]), out[1].strip(), cpu


def import_profile(company: Path, tmp: str, top: int = 12) -> list[tuple[float, str]]:
    env = _env()
    err = subprocess.run([sys.executable, "-X", "importtime", "-c", CHILD, str(company), "0", tmp, str(ROOT)],
                         capture_output=True, text=True, env=env).stderr
    rows = []
    for line in err.splitlines():
        if line.startswith("import time:") and "|" in line:
            _self, cumulative, name = line[len("import time:"):].split("|")
            top_level = name.startswith(" ") and not name.startswith("  ")  # one space: not nested
            if cumulative.strip().isdigit() and top_level:
                rows.append((int(cumulative) / 1e6, name.strip()))
    return sorted(rows, reverse=True)[:top]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("runs", nargs="?", type=int, default=7)
    p.add_argument("--before", help="git revision to time beside this checkout")
    args = p.parse_args()
    runs = args.runs
    sys.path.insert(0, str(ROOT))
    from ar_desktop.services.demo import build_demo

    sides = {"after (this checkout)": ROOT}
    if args.before:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from sides import before_tree

        sides = {f"before ({args.before})": before_tree(args.before), **sides}
    with tempfile.TemporaryDirectory() as tmp:
        company = Path(tmp) / "Sample Company.ardb"
        build_demo(company).close()
        for src in sides.values():
            one_run(company, tmp, src)  # warm the disk cache
        times: dict[str, list[float]] = {name: [] for name in sides}
        cpus: dict[str, list[float]] = {name: [] for name in sides}
        late: dict[str, set[str]] = {name: set() for name in sides}
        for _ in range(runs):
            for name, src in sides.items():  # interleaved: the machine's load falls on both sides alike
                t, loaded, cpu = one_run(company, tmp, src)
                times[name].append(t)
                cpus[name].append(cpu)
                late[name].update(loaded.split()) if loaded != "-" else None
        print(f"window shown on the sample company, {runs} cold processes a side, load average "
              f"{os.getloadavg()[0]:.1f}:")
        for name in sides:
            print(f"  {name:<24} median {statistics.median(times[name]):.2f} s (min {min(times[name]):.2f}, "
                  f"max {max(times[name]):.2f}), CPU median {statistics.median(cpus[name]):.2f} s; loaded before "
                  f"the window was shown: {', '.join(sorted(late[name])) or 'none of ' + ', '.join(LATE)}")
        print("heaviest top-level imports (cumulative seconds, one run with -X importtime):")
        for seconds, name in import_profile(company, tmp):
            print(f"  {seconds:6.3f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
