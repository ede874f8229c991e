"""Evidence that cannot be half-written: a kill at any point of an issuing batch leaves every
committed letter with its archived file and fingerprint; `check` catches a removed or altered
archive file and reports orphans; the next batch moves orphans aside."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from ar_desktop.clock import FixedClock
from ar_desktop.services import customers, invoicing, letters
from ar_desktop.services.backups import check_path
from ar_desktop.services.company_file import create_company, open_company

TODAY = dt.date(2026, 3, 31)

_ISSUE = """
import datetime as dt, sys
from ar_desktop.clock import FixedClock
from ar_desktop.services.company_file import open_company
from ar_desktop.services.letters import issue_batch
books = open_company(sys.argv[1], FixedClock(dt.date(2026, 3, 31)))
print("ready", flush=True)
issue_batch(books, dt.date(2026, 3, 31))
books.close()
print("done", flush=True)
"""


def _company(path, n):
    b = create_company(path, "Kill GmbH", "EUR", "DE", clock=FixedClock(TODAY))
    for k in range(n):
        code = f"K{k:03d}"
        customers.add_customer(b, {"code": code, "name": f"Kunde {k} GmbH", "address": "Weg 1", "city": "Bremen",
                                   "postcode": "28195", "country": "DE"})
        invoicing.add_invoice(b, {"number": f"{code}-1", "customer_code": code, "issue_date": "2026-01-01",
                                  "due_date": "2026-02-01", "amount": f"{100 + k}.00"})
    b.close()


def _committed_letters_are_whole(path):
    b = open_company(path, FixedClock(TODAY))
    try:
        with b.db.session() as s:
            from ar_desktop.storage.letters_repo import list_letters
            recs = list_letters(s)
        for r in recs:
            check = letters.verify_letter(b, r.id)
            assert check.ok, check.message
        return len(recs)
    finally:
        b.close()


@pytest.mark.slow
def test_kill_at_many_points_inside_an_issuing_batch(tmp_path):
    rnd = random.Random(7)
    outcomes = []
    for attempt in range(10):
        path = tmp_path / f"kill{attempt}.ardb"
        _company(path, 30)
        with subprocess.Popen([sys.executable, "-c", _ISSUE, str(path)], stdout=subprocess.PIPE, text=True,
                              cwd=os.getcwd()) as proc:
            assert proc.stdout.readline().strip() == "ready"
            time.sleep(rnd.uniform(0.0, 4.0))
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=60)
        n = _committed_letters_are_whole(path)
        problems = check_path(path).consistency
        # a committed letter is never without its file; files of an uncommitted batch are orphans
        assert not [p for p in problems if "missing" in p or "changed" in p or "without its archived" in p]
        orphans = [p for p in problems if "which no letter in this company file names" in p]
        assert n in (0, 30)                                   # one transaction: all letters or none
        outcomes.append((n, len(orphans)))
        # the next batch moves orphans aside and issues everything
        b = open_company(path, FixedClock(TODAY))
        try:
            batch = letters.issue_batch(b, TODAY)
            assert len(batch.issued) == 30 - n and batch.skipped == []
        finally:
            b.close()
        assert check_path(path).ok, check_path(path).text()
    # the kills landed at different points: before anything, with files written and no commit, after
    assert len({o for o in outcomes}) >= 2, outcomes


def test_check_catches_a_removed_or_altered_archive_file_and_orphans(tmp_path):
    path = tmp_path / "c.ardb"
    _company(path, 3)
    b = open_company(path, FixedClock(TODAY))
    try:
        issued = letters.issue_batch(b, TODAY).issued
    finally:
        b.close()
    assert check_path(path).ok
    issued[0].path.unlink()
    data = bytearray(issued[1].path.read_bytes())
    data[-20] ^= 1
    issued[1].path.write_bytes(bytes(data))
    orphan = issued[2].path.parent / "2026-03-31_K999_reminder_L000999.pdf"
    orphan.write_bytes(b"%PDF-1.4 left by an interrupted batch")
    report = check_path(path)
    assert not report.ok
    text = "\n".join(report.consistency)
    assert f"Letter {issued[0].reference}: the archived file" in text and "is missing" in text
    assert f"Letter {issued[1].reference}: the archived file" in text and "was changed after it was issued" in text
    assert "L000999.pdf, which no letter in this company file names" in text
