"""`letters --out` killed at many points (issue 9, "the kill test covers ... letters"): the next open leaves no
temporary file behind, every letter the register names has its archived file, every copy in the folder is
whole and is the archived letter, and running the command again issues exactly what was not issued."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ar_desktop.clock import FixedClock
from ar_desktop.services import customers, invoicing, letters
from ar_desktop.services.backups import check_path
from ar_desktop.services.company_file import create_company, open_company
from ar_desktop.storage.letters_repo import list_letters

TODAY = dt.date(2026, 3, 31)
LETTERS = 3
ENV = {"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": os.getcwd()}

# The real command, killed (SIGKILL, nothing runs after it) just before the n-th file is named by os.replace
# in FOLDER: its temporary file is then written in full and not yet named. n = 0: not killed.
KILLED_AT = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    db, folder, n, out = sys.argv[1], Path(sys.argv[2]).resolve(), int(sys.argv[3]), sys.argv[4]
    real, seen = os.replace, []
    def replace(src, dst, *a, **kw):
        if Path(dst).resolve().parent == folder:
            seen.append(dst)
            if len(seen) == n:
                os.kill(os.getpid(), 9)
        return real(src, dst, *a, **kw)
    os.replace = replace
    from ar_desktop.cli.base import run
    sys.exit(run(["--db", db, "letters", "--as-of", "2026-03-31", "--out", out]))
""")


def _company(path: Path) -> Path:
    b = create_company(path, "Kill GmbH", "EUR", "DE", clock=FixedClock(TODAY))
    try:
        for k in range(LETTERS):
            code = f"K{k:03d}"
            customers.add_customer(b, {"code": code, "name": f"Kunde {k} GmbH", "address": "Weg 1",
                                       "city": "Bremen", "postcode": "28195", "country": "DE"})
            invoicing.add_invoice(b, {"number": f"{code}-1", "customer_code": code, "issue_date": "2026-01-01",
                                      "due_date": "2026-02-01", "amount": f"{100 + k}.00"})
    finally:
        b.close()
    return path


def _letters(path: Path, folder: Path, n: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", KILLED_AT, str(path), str(folder), str(n), str(path.parent / "out")],
                          env=ENV, capture_output=True, text=True, timeout=300)


def _temporary(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith((".tmp", ".part"))] if folder.is_dir() else []


def _register(path: Path) -> dict[str, bytes]:
    """File name -> archived bytes of every letter the company file names, each checked against its
    fingerprint."""
    b = open_company(path, FixedClock(TODAY))
    try:
        with b.db.session() as s:
            ids = [r.id for r in list_letters(s)]
        out = {}
        for i in ids:
            check = letters.verify_letter(b, i)
            assert check.ok, check.message
            p = letters.letter_path(b, i)
            out[p.name] = p.read_bytes()
        return out
    finally:
        b.close()


@pytest.mark.slow
@pytest.mark.parametrize("where, n", [("archive", 2), ("out", 1), ("out", 2),
                                      ("out", LETTERS)])
def test_letters_out_killed_leaves_no_leftover_and_the_register_agrees_with_the_files(tmp_path, where, n):
    path = _company(tmp_path / "co.ardb")
    archive, out = tmp_path / "co.letters", tmp_path / "out"
    folder = out if where == "out" else archive / "2026"
    r = _letters(path, folder, n)
    assert r.returncode == -9, (r.returncode, r.stderr)
    assert _temporary(out if where == "out" else archive), "the kill did not land while a file was being written"

    open_company(path, FixedClock(TODAY)).close()   # the next open
    assert _temporary(out) == [] and _temporary(archive) == []
    assert list((tmp_path / "co.backups" / ".pending").glob("*")) == []
    issued = _register(path)
    # killed while archiving: the batch's one transaction never committed; while copying: it had
    assert len(issued) == (0 if where == "archive" else LETTERS)
    copies = {p.name: p.read_bytes() for p in out.iterdir()} if out.is_dir() else {}
    assert len(copies) == (n - 1 if where == "out" else 0)
    for name, data in copies.items():   # each copy whole: the archived letter itself
        assert issued[name] == data, name

    # the bookkeeper runs the command again: what was not issued is issued, nothing twice, the file is sound
    r = _letters(path, folder, 0)
    assert r.returncode == 0, r.stderr
    again = _register(path)
    assert len(again) == LETTERS and issued.items() <= again.items()
    assert check_path(path).ok, check_path(path).text()
    copies = {p.name: p.read_bytes() for p in out.iterdir()} if out.is_dir() else {}
    assert all(again[name] == data for name, data in copies.items())
    if where == "archive":
        assert copies.keys() == again.keys()   # the letters issued now are copied now
