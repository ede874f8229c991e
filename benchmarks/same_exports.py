"""Whether a change of storage changed what the program shows: the exports of the same company files by two
versions of the program, compared byte for byte (not a test; prints what differs).

    .venv/bin/python benchmarks/same_exports.py [--before main]

Builds two files with the program at ``--before`` (a git revision, in a temporary worktree: ``sides.before_tree``):
the sample company (``ar-desktop demo``, dated around today) and the IBM accounts-receivable sample imported
(tests/data). Each side opens its own copy (the newer one upgrades it) and exports, as its own processes: the
customers, invoices and payments lists (CSV and .xlsx), aging, collections and charges as of three days
(CSV), ``export-company`` (every table as CSV), and the aging and collections commands' text. Then every file
is compared: CSV and text byte for byte, .xlsx cell by cell (a workbook's zip holds its time of writing).
What may differ by the clock alone is named: ``exported_at`` in the manifest, and a promise the sample's
collections run finds kept "now" (its event and audit time, and those two tables' checksums).
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sides import ROOT, before_tree, revision  # noqa: E402

IBM = ROOT / "tests" / "data" / "ibm-accounts-receivable.csv"
DAYS = ("2013-03-31", "2026-11-30", "2027-06-30")
_BUILD_IBM = """
import datetime as dt, sys
from dataclasses import replace
from ar_desktop.clock import FixedClock
from ar_desktop.services.company_file import create_company
from ar_desktop.services.import_mapping import suggest_options
from ar_desktop.services.importing import run_import
from ar_desktop.services.source_files import open_source
books = create_company(sys.argv[1], "IBM sample", "USD", clock=FixedClock(dt.date(2026, 3, 31)))
table = open_source(sys.argv[2])
run_import(books, table, replace(suggest_options(books, table, "invoices"), create_customers=True))
books.db.auto_backup = False
books.close()
"""


def _run(src: Path, *args: str, out: Path | None = None) -> None:
    env = {**os.environ, "PYTHONPATH": str(src)}
    with open(out, "w") if out else open(os.devnull, "w") as sink:
        subprocess.run([sys.executable, *args], cwd=src, env=env, stdout=sink, check=True)


def _exports(src: Path, db: Path, folder: Path) -> None:
    def cli(*args, out=None):
        _run(src, "-m", "ar_desktop", "--db", str(db), *args, out=out)

    for what in ("customers", "invoices", "payments"):
        for ext in ("csv", "xlsx"):
            cli("export", what, str(folder / f"{what}.{ext}"))
    for day in DAYS:
        for what in ("aging", "collections", "charges"):
            cli("export", "--as-of", day, what, str(folder / f"{what}-{day}.csv"))
    cli("export-company", str(folder / "company"))
    cli("aging", "--as-of", DAYS[1], out=folder / "aging.txt")
    cli("collections", "--as-of", DAYS[1], out=folder / "collections.txt")


def _cells(path: Path) -> list:
    import openpyxl

    return [[c.value for c in row] for ws in openpyxl.load_workbook(path).worksheets for row in ws.iter_rows()]


def compare(a: Path, b: Path) -> tuple[int, list[str]]:
    """(files compared, the names of those that differ)."""
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    differ = [str(f) for f in files
              if not (b / f).exists() or (_cells(a / f) != _cells(b / f) if f.suffix == ".xlsx"
                                          else not filecmp.cmp(a / f, b / f, shallow=False))]
    differ += [str(p.relative_to(b)) for p in b.rglob("*") if p.is_file() and not (a / p.relative_to(b)).exists()]
    return len(files), differ


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--before", default="main", help="git revision to compare with (default: main)")
    args = p.parse_args(argv)
    before = before_tree(args.before)
    work = Path(tempfile.mkdtemp(prefix="ar-same-exports-"))
    try:
        files = {"demo": work / "demo.ardb", "ibm": work / "ibm.ardb"}
        _run(before, "-m", "ar_desktop", "--db", str(files["demo"]), "demo")
        _run(before, "-c", _BUILD_IBM, str(files["ibm"]), str(IBM))
        print(f"before {args.before} ({revision(args.before)}), after this working tree; files built by before.\n")
        for name, path in files.items():
            sides = {}
            for side, src in (("before", before), ("after", ROOT)):
                folder = work / f"{name}-{side}"
                folder.mkdir()
                shutil.copyfile(path, work / f"{name}-{side}.ardb")
                _exports(src, work / f"{name}-{side}.ardb", folder)
                sides[side] = folder
            n, differ = compare(sides["before"], sides["after"])
            print(f"{name}: {n} files compared, {n - len(differ)} identical; differ: {', '.join(differ) or 'none'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
