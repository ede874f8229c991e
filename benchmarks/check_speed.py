"""`check` on a big company file, before and after a change: prints a table of timings side by side from one run
(not a test).

    .venv/bin/python benchmarks/check_speed.py [--file PATH] [--invoices 1000000] [--repeat 3] [--before REV]
                                               [--sections "summary of sales,summary of balances"]

Figures: the whole `ar-desktop --db FILE check` as a user runs it (a new process each: Python start, SQLite's
quick check, every section), alternating the two sides run by run, and the sections of ``check`` named by
``--sections`` (titles of ``services.file_check.FILE_CHECKS``; "all") in each side's own child process. CPU seconds (user + system) are the figures
to compare on a loaded machine. ``check`` only reads the file: both sides read the same one. Without ``--before``
only this checkout is timed. See docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from sides import ROOT, Timings, before_tree, big_file, ms, run_command, run_side, use_checkout


def child(src: Path, path: Path, repeat: int, sections: str) -> None:
    """In a side's process: each section of ``check`` on an open read-only connection, ``repeat`` times."""
    use_checkout(src)
    from ar_desktop.services import file_check
    from ar_desktop.storage.safety import connect_ro

    timings = Timings(repeat)
    con = connect_ro(path)
    try:
        for title, run in file_check.FILE_CHECKS:
            if sections != "all" and title not in sections.split(","):
                continue
            timings.measure(f"section: {title}", lambda run=run: run(path, con),
                            note=lambda found: f"{len(found)} problem(s)")
    finally:
        con.close()
    print(json.dumps(timings.rows))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--invoices", type=int, default=1_000_000)
    p.add_argument("--file", type=Path)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--before", help="git revision to time as 'before' (the same schema as this checkout)")
    p.add_argument("--sections", default="summary of sales,summary of balances",
                   help="the sections of check to time in process, by title, comma-separated, or all")
    p.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.child:
        child(a.child, a.file, a.repeat, a.sections)
        return 0
    path = big_file(a.file, a.invoices)
    sides = [("after", ROOT)] if not a.before else [(f"before ({a.before})", before_tree(a.before)), ("after", ROOT)]
    commands: dict[str, list[tuple[float, float, int]]] = {name: [] for name, _src in sides}
    for _ in range(a.repeat):   # the sides in turn, run by run: a drift of the machine's speed falls on both
        for name, src in sides:
            commands[name].append(run_command(src, ["--db", str(path), "check"]))
            print(f"  {name}: check {ms(commands[name][-1][0])} wall, {ms(commands[name][-1][1])} cpu",
                  file=sys.stderr, flush=True)
    rows = {name: run_side(__file__, name, src, path, a.repeat, "--sections", a.sections) for name, src in sides}
    print(f"\n{'':<40}" + "".join(f"{name:>34}" for name, _src in sides))
    print(f"{'check, whole command (median)':<40}" + "".join(
        f"{ms(statistics.median(r[1] for r in commands[n])) + ' cpu, ' + ms(statistics.median(r[0] for r in commands[n])) + ' wall':>34}"
        for n, _src in sides))
    for label in rows[sides[-1][0]]:
        print(f"{label:<40}" + "".join(f"{ms(rows[n].get(label, (None,) * 4)[3]) + ' cpu':>34}" for n, _src in sides))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
