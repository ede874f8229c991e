"""How big a company file is, before and after a change of schema: prints both, side by side (not a test).

    .venv/bin/python benchmarks/file_size.py --file /tmp/ar-bench/big-1000000.ardb [--before main] [--vacuum]

Copies the file twice into a temporary folder (the file itself is never opened), opens one copy with the
program at ``--before`` (a git revision, in a temporary worktree: ``sides.before_tree``) and the other with this working tree,
each as its own ``ar-desktop company`` process (opening upgrades a file to that program's schema), then
prints what each table, index and search table takes (SQLite's ``dbstat``: the pages in use) and the
whole file: in use, and on disk. Pages an upgrade frees stay in the file as free pages until it is
compacted; ``--vacuum`` also prints each copy's size after ``VACUUM`` (what a new file built with that
schema, or a restored backup, would take). Issue #10's target: under 450 MB for the million-invoice file.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sides import ROOT, before_tree, revision, run_command  # noqa: E402

MB = 1e6


def _mb(n: int | None) -> str:
    return "—" if n is None else f"{n / MB:,.1f} MB"


def upgrade(version: Path, path: Path) -> None:
    run_command(version, ["--db", str(path), "company"])   # opening upgrades the file to that program's schema
    for leftover in path.parent.glob(f"{path.stem}.before-upgrade-*"):   # the upgrade's own safety copy
        leftover.unlink()


def sizes(path: Path) -> tuple[dict[str, int], int, int]:
    """(bytes in use per table or index, bytes in use in all, bytes on disk)."""
    con = sqlite3.connect(path)
    try:
        per = dict(con.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"))
        page, count, free = (con.execute(f"PRAGMA {p}").fetchone()[0]
                             for p in ("page_size", "page_count", "freelist_count"))
        return per, page * (count - free), path.stat().st_size
    finally:
        con.close()


def vacuumed(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        con.execute("VACUUM")
    finally:
        con.close()
    return path.stat().st_size


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--file", type=Path, required=True, help="the company file to measure (copied, never opened)")
    p.add_argument("--before", default="main", help="git revision to compare with (default: main)")
    p.add_argument("--vacuum", action="store_true", help="also compact each copy and print its size")
    p.add_argument("--top", type=int, default=25, help="largest tables and indexes to list")
    args = p.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="ar-size-bench-"))
    try:
        before, after = folder / "before.ardb", folder / "after.ardb"
        shutil.copyfile(args.file, before)
        shutil.copyfile(args.file, after)
        upgrade(before_tree(args.before), before)
        upgrade(ROOT, after)
        (b_per, b_use, b_disk), (a_per, a_use, a_disk) = sizes(before), sizes(after)
        rev = revision(args.before)
        print(f"{args.file}: before {args.before} ({rev}), after this working tree, each copy opened (upgraded) by "
              f"its program.\n")
        print("| table or index | before | after |")
        print("|---|---:|---:|")
        names = sorted(set(b_per) | set(a_per), key=lambda n: -max(b_per.get(n, 0), a_per.get(n, 0)))
        for name in names[:args.top]:
            b, a = b_per.get(name), a_per.get(name)
            print(f"| {name} | {_mb(b)} | {_mb(a)} |")
        rest_b = sum(b_per.get(n, 0) for n in names[args.top:])
        rest_a = sum(a_per.get(n, 0) for n in names[args.top:])
        print(f"| (the other {max(len(names) - args.top, 0)}) | {rest_b / MB:,.1f} MB | {rest_a / MB:,.1f} MB |")
        print(f"| **pages in use** | **{b_use / MB:,.1f} MB** | **{a_use / MB:,.1f} MB** |")
        print(f"| file on disk (free pages included) | {b_disk / MB:,.1f} MB | {a_disk / MB:,.1f} MB |")
        if args.vacuum:
            print(f"| after VACUUM | {vacuumed(before) / MB:,.1f} MB | {vacuumed(after) / MB:,.1f} MB |")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
