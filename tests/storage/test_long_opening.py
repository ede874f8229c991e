"""A long opening (the full check of a file not closed cleanly, an upgrade) reports its steps and can be cancelled
at each of them, leaving the file as it was and no copy behind (storage.opening)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ar_desktop.clock import FixedClock
from ar_desktop.services.company_file import create_company, open_company
from ar_desktop.storage import clean_close
from ar_desktop.storage.opening import OpeningCancelled, OpeningWatch, opening_work
from ar_desktop.storage.upgrade import known_revisions
from old_files import file_at_revision, invoice_sql

TODAY = dt.date(2026, 3, 31)


def _old_file(path: Path) -> Path:
    """A file of that version: in WAL mode, as the program has always kept its files."""
    file_at_revision(path, "0005", *(invoice_sql(i, "2025-01-01", "2025-01-31", 100 * i) for i in range(1, 40)))
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.close()
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _revision(path: Path) -> str:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def _copies(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.stem}.before-upgrade-*"))


class _CancelAt(OpeningWatch):
    """Cancels (as the dialog's button would) when a step whose text starts with ``start`` is reported."""

    def __init__(self, start: str, after_pages: int = 0):
        super().__init__(self._heard)
        self.start, self.after_pages, self.heard = start, after_pages, []

    def _heard(self, text, done, total):
        self.heard.append(str(text))
        if str(text).startswith(self.start) and done >= self.after_pages:
            self.cancel()


def test_what_an_opening_will_do_is_known_before_it_starts(tmp_path):
    old = _old_file(tmp_path / "old.ardb")
    assert opening_work(old) == "upgrade"
    books = create_company(tmp_path / "new.ardb", "New Co", clock=FixedClock(TODAY))
    books.close()
    assert opening_work(tmp_path / "new.ardb") is None      # closed cleanly: opens at once, checked meanwhile
    clean_close.forget(tmp_path / "new.ardb")                # as a crash or a kill leaves it
    assert opening_work(tmp_path / "new.ardb") == "check"
    (tmp_path / "nothing.ardb").write_bytes(b"not a database at all" * 10)
    assert opening_work(tmp_path / "nothing.ardb") is None  # the opening itself says what is wrong
    assert opening_work(tmp_path / "missing.ardb") is None


def test_an_upgrade_reports_its_steps_and_opens(tmp_path):
    path = _old_file(tmp_path / "old.ardb")
    watch = _CancelAt("(never)")
    books = open_company(path, clock=FixedClock(TODAY), watch=watch)
    books.close()
    assert [h.split(" ")[0] for h in dict.fromkeys(watch.heard)] == ["Checking", "Keeping", "Upgrading"]
    assert _revision(path) == known_revisions()[1]
    assert len(_copies(path)) == 1


@pytest.mark.parametrize(("step", "pages"), [("Checking", 0), ("Keeping", 0), ("Keeping", 1), ("Upgrading", 0)])
def test_an_upgrade_cancelled_at_any_step_leaves_the_file_as_it_was_and_no_copy(tmp_path, step, pages):
    path = _old_file(tmp_path / "old.ardb")
    before = _digest(path)
    watch = _CancelAt(step, pages)
    with pytest.raises(OpeningCancelled):
        open_company(path, clock=FixedClock(TODAY), watch=watch)
    assert _digest(path) == before and _revision(path) == "0005"
    assert _copies(path) == [] and list(tmp_path.glob("*.part")) == []
    books = open_company(path, clock=FixedClock(TODAY))   # unlocked, and it upgrades when opened again
    books.close()
    assert _revision(path) == known_revisions()[1]


def test_a_cancelled_check_is_not_taken_for_damage(tmp_path):
    books = create_company(tmp_path / "co.ardb", "Co", clock=FixedClock(TODAY))
    books.close()
    clean_close.forget(tmp_path / "co.ardb")
    with pytest.raises(OpeningCancelled):
        open_company(tmp_path / "co.ardb", clock=FixedClock(TODAY), watch=_CancelAt("Checking"))
    books = open_company(tmp_path / "co.ardb", clock=FixedClock(TODAY))   # neither damaged nor locked
    books.close()


def test_cancel_stops_a_long_statement_at_once(tmp_path):
    con = sqlite3.connect(tmp_path / "x.sqlite")
    watch = OpeningWatch()
    watch.guard(con)
    watch.cancel()
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        con.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n").fetchone()
    watch.release(con)
    assert con.execute("SELECT 1").fetchone() == (1,)
    con.close()


def test_the_command_line_names_a_big_files_upgrade_steps_on_stderr(tmp_path):
    small = _old_file(tmp_path / "small.ardb")
    big = file_at_revision(tmp_path / "big.ardb", "0005", "UPDATE customer SET notes = randomblob(9000000)")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": os.getcwd()}
    runs = {p.name: subprocess.run([sys.executable, "-m", "ar_desktop", "--db", str(p), "company"], env=env,
                                   capture_output=True, text=True, timeout=300) for p in (small, big)}
    assert all(r.returncode == 0 and r.stdout.startswith("legal_name") for r in runs.values())
    assert runs["small.ardb"].stderr == ""   # opens in a blink: nothing to say
    assert runs["big.ardb"].stderr.splitlines() == [
        "Checking big.ardb before opening it…", "Keeping a copy of big.ardb as it was before the upgrade…",
        "Upgrading big.ardb to this version of AR Desktop…"]
    assert _revision(big) == known_revisions()[1]
