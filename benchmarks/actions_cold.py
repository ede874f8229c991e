"""Today's collection actions as the window first pays for them, before and after a change: the cold cost of
the Overview's last part in a fresh process (not a test).

    .venv/bin/python benchmarks/actions_cold.py --file PATH --before REV [--runs 5]

Each run is a fresh process that opens ``--file`` as the window does (no outcomes recorded, no session yet, the
integrity check held back: ``Database.hold_check``; else the first session would start it, and its CPU count),
then imports ``services.overview`` and computes ``overview_actions`` for today: the CPU seconds (user + sys)
and wall of that import and first call, whether it loaded SQLAlchemy, and the median of three more calls of
``overview_actions`` and of ``worklist`` in the same process. The two sides' processes alternate ("before" is
the git revision REV in a temporary worktree) on the same file, which must have REV's schema; medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

from sides import ROOT, before_tree

CHILD = r"""
import resource, sys, time
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
from ar_desktop.services.company_file import open_company
books = open_company(sys.argv[1], record_outcomes=False, reading=True)
books.db.hold_check()   # as the window: the integrity check starts once the whole Overview is on screen
c, w = cpu(), time.perf_counter()
from ar_desktop.services.overview import overview_actions
overview_actions(books, books.today())
cold, wall, orm = cpu() - c, time.perf_counter() - w, "sqlalchemy" in sys.modules
from ar_desktop.services.worklist import worklist
actions, rows = [], []
for _ in range(3):
    c = cpu(); overview_actions(books, books.today()); actions.append(cpu() - c)
    c = cpu(); worklist(books, books.today()); rows.append(cpu() - c)
books.close()
print(cold, wall, sorted(actions)[1], sorted(rows)[1], orm)
"""


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--file", type=Path, required=True)
    p.add_argument("--before", required=True, help="git revision to time beside this checkout")
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    sides = {f"before ({args.before})": before_tree(args.before), "after (this checkout)": ROOT}
    got: dict[str, list[list[str]]] = {name: [] for name in sides}
    for _ in range(args.runs):
        for name, tree in sides.items():
            env = dict(os.environ, PYTHONPATH=str(tree), QT_QPA_PLATFORM="offscreen")
            r = subprocess.run([sys.executable, "-c", CHILD, str(args.file.resolve())], cwd=tree, env=env,
                               capture_output=True, text=True, check=True)
            got[name].append(r.stdout.split())
    print(f"{args.file}, {args.runs} fresh processes a side, alternating; medians; load {os.getloadavg()[0]:.1f}\n")
    print("| side | import + first overview_actions: CPU | wall | overview_actions again: CPU | worklist again: CPU "
          "| SQLAlchemy loaded |")
    print("|---|---:|---:|---:|---:|---|")
    for name, runs in got.items():
        med = [statistics.median(float(r[i]) for r in runs) for i in range(4)]
        print(f"| {name} | {med[0]:.2f} s | {med[1]:.2f} s | {med[2]:.2f} s | {med[3]:.2f} s | {runs[0][4]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
