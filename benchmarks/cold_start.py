"""Cold start of the window on the sample company: from the start of the Python process to the
main window shown with the company file open, and which imports it waited for.

    .venv/bin/python benchmarks/cold_start.py [RUNS]

Each run is a fresh process (the figure includes the interpreter's own start). Prints the median
and the range, then the heaviest modules the first screen imported (``python -X importtime``) and
whether ReportLab, Alembic, openpyxl and PDFium were imported before the window was shown (they
should not be: they load on first use).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LATE = ("reportlab", "alembic", "openpyxl", "pypdfium2")

CHILD = r"""
import os, sys, time
start = float(sys.argv[2])
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


def one_run(company: Path, tmp: str) -> tuple[float, str]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               QT_LOGGING_RULES="qt.qpa.*=false")
    out = subprocess.run([sys.executable, "-c", CHILD, str(company), "%.6f" % __import__("time").time(), tmp],
                         capture_output=True, text=True, env=env, check=True).stdout.split(maxsplit=1)
    return float(out[0]), out[1].strip()


def import_profile(company: Path, tmp: str, top: int = 12) -> list[tuple[float, str]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.qpa.*=false")
    err = subprocess.run([sys.executable, "-X", "importtime", "-c", CHILD, str(company), "0", tmp],
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
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    sys.path.insert(0, str(ROOT))
    from ar_desktop.services.demo import build_demo

    with tempfile.TemporaryDirectory() as tmp:
        company = Path(tmp) / "Sample Company.ardb"
        build_demo(company).close()
        one_run(company, tmp)  # warm the disk cache
        times, late = [], set()
        for _ in range(runs):
            t, loaded = one_run(company, tmp)
            times.append(t)
            late.update(loaded.split()) if loaded != "-" else None
        print(f"window shown on the sample company: median {statistics.median(times):.2f} s "
              f"(min {min(times):.2f}, max {max(times):.2f}, {runs} cold processes)")
        print("loaded before the window was shown:", ", ".join(sorted(late)) or "none of " + ", ".join(LATE))
        print("heaviest top-level imports (cumulative seconds, one run with -X importtime):")
        for seconds, name in import_profile(company, tmp):
            print(f"  {seconds:6.3f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
