"""The SHA-256 of every collections worklist row as of some dates, to show that two versions of the code give
the same rows on a big company file (not a test).

    .venv/bin/python benchmarks/worklist_rows.py --file PATH [--src CHECKOUT] [--as-of YYYY-MM-DD ...]

``--src`` (default: this checkout) is the code that runs, first on ``sys.path`` (e.g. ``sides.before_tree``'s
worktree of main); the file is opened as it is (it must have that code's schema; open a copy). Each row is
hashed as the ``repr`` of every field of its ``WorklistRow`` and every field of its ``CollectionStatus`` (the
steps, amounts with their exponent, dates), in the worklist's order; one line per date: date, rows, digest.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
from pathlib import Path

from sides import ROOT, use_checkout

DATES = ("2026-11-30", "2026-10-15", "2025-11-30")


def _fields(obj) -> tuple:
    """Every field of a dataclass, the nested ones (a promise, a step, the status) field by field too."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return (type(obj).__name__,) + tuple((f.name, _fields(getattr(obj, f.name))) for f in dataclasses.fields(obj))
    if isinstance(obj, (list, tuple)):
        return tuple(_fields(x) for x in obj)
    return repr(obj)


def digest(rows) -> str:
    h = hashlib.sha256()
    for row in rows:
        h.update(repr(_fields(row)).encode())
        h.update(b"\n")
    return h.hexdigest()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--file", type=Path, required=True)
    p.add_argument("--src", type=Path, default=ROOT)
    p.add_argument("--as-of", nargs="*", default=list(DATES))
    args = p.parse_args()
    use_checkout(args.src)
    from ar_desktop.services import worklist
    from ar_desktop.services.company_file import open_company

    books = open_company(args.file)
    try:
        for d in args.as_of:
            rows = worklist.worklist(books, dt.date.fromisoformat(d))
            print(f"{d} {len(rows):>6} {digest(rows)}", flush=True)
    finally:
        books.close()


if __name__ == "__main__":
    main()
