"""Opening without waiting: a clean-close mark, the full check when the file was not closed cleanly, the
background check with writes held until it passes, and a damaged file never written to (issue 10)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import text

from ar_desktop.clock import FixedClock
from ar_desktop.services.backups import DamagedFile
from ar_desktop.services.company_file import create_company, open_company
from ar_desktop.services.customers import add_customer
from ar_desktop.storage import clean_close, safety

TODAY = dt.date(2026, 3, 31)


@pytest.fixture
def company(tmp_path):
    p = tmp_path / "co.ardb"
    b = create_company(p, "Open GmbH", "EUR", clock=FixedClock(TODAY))
    for i in range(400):  # a few dozen pages, so that damage can hit a table without breaking the header
        add_customer(b, {"code": f"C{i:04d}", "name": f"Customer {i}", "notes": "n" * 300})
    b.close()
    return p


def _count_full_checks(monkeypatch):
    calls = []
    real = safety.integrity_problems

    def spy(path, **kw):
        if path.name == "co.ardb":  # (not the backups the message names)
            calls.append(kw.get("interrupt") is None)  # True: on the caller's thread, not in the background
        return real(path, **kw)

    monkeypatch.setattr(safety, "integrity_problems", spy)
    return calls


def _damage_in_place(path):
    """Damage table pages but keep size and modification time: what a failing disk does behind our back."""
    st = os.stat(path)
    with path.open("r+b") as f:
        f.seek(4096 * 6)
        f.write(os.urandom(4096 * 8))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_clean_close_opens_without_a_check_on_the_way(company, monkeypatch):
    assert clean_close.closed_cleanly(company)
    calls = _count_full_checks(monkeypatch)
    books = open_company(company)
    try:
        assert calls.count(True) == 0  # nothing on the caller's thread
        books.db.wait_until_checked()  # the background check ran and passed
        assert books.db.checked and calls.count(False) == 1
        add_customer(books, {"code": "NEW", "name": "New"})
    finally:
        books.close()
    assert clean_close.closed_cleanly(company)


def test_a_file_changed_behind_our_back_is_checked_first(company, monkeypatch):
    with company.open("r+b") as f:  # another program wrote it: modification time moves
        f.seek(4096 * 6)
        f.write(os.urandom(4096 * 8))
    assert not clean_close.closed_cleanly(company)
    calls = _count_full_checks(monkeypatch)
    with pytest.raises(DamagedFile):
        open_company(company)
    assert calls == [True]


def test_damage_found_in_the_background_holds_every_write(company):
    _damage_in_place(company)
    assert clean_close.closed_cleanly(company)  # the mark cannot see it ...
    before = company.read_bytes()
    backups = sorted((company.parent / "co.backups").glob("*.ardb"))
    books = open_company(company)  # ... so the file opens at once
    try:
        with pytest.raises(DamagedFile) as e:  # ... but the first write waits for the check and is refused
            add_customer(books, {"code": "NEW", "name": "Never written"})
        assert "damaged" in str(e.value) and not books.db.checked
        assert books.db.check_result()
    finally:
        books.close()
    assert company.read_bytes() == before  # not a byte written, not even on close
    assert not clean_close.closed_cleanly(company)  # the next open checks it first
    assert sorted((company.parent / "co.backups").glob("*.ardb")) == backups  # no automatic backup of it
    with pytest.raises(DamagedFile):
        open_company(company)


WRITER = textwrap.dedent("""
    import os, sys
    from ar_desktop.services.company_file import open_company
    from ar_desktop.services.customers import add_customer
    books = open_company(sys.argv[1])
    add_customer(books, {"code": "KILLED", "name": "Written, then killed"})
    os._exit(9)  # no clean close: the write-ahead log stays
""")


def test_a_file_not_closed_cleanly_gets_the_full_check_first(company, monkeypatch):
    r = subprocess.run([sys.executable, "-c", WRITER, str(company)], env={**os.environ, "PYTHONPATH": os.getcwd()},
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 9, r.stderr
    assert os.path.getsize(f"{company}-wal") > 0 and not clean_close.closed_cleanly(company)
    calls = _count_full_checks(monkeypatch)
    books = open_company(company)
    try:
        assert calls[:1] == [True] and books.db.checked
    finally:
        books.close()
    assert clean_close.closed_cleanly(company)


def test_a_short_session_does_not_wait_for_the_check(company):
    books = open_company(company)
    books.close()  # cancels the background check: closing is not held up by it
    assert clean_close.closed_cleanly(company)  # unchanged file, the earlier mark still holds


def test_a_held_check_waits_for_the_first_write_not_the_first_session(company, monkeypatch):
    """The window holds the check while the Overview reads (storage.engine.Database.hold_check): reading
    through a session does not start it; the first write starts it and waits for it."""
    calls = _count_full_checks(monkeypatch)
    books = open_company(company, record_outcomes=False, reading=True)
    try:
        books.db.hold_check()
        with books.db.session() as s:
            assert s.execute(text("SELECT count(*) FROM customer")).scalar() == 400
        assert calls == [] and books.db.check_result() is None and not books.db.checked
        add_customer(books, {"code": "NEW", "name": "New"})
        assert calls == [False] and books.db.checked
    finally:
        books.close()
    assert clean_close.closed_cleanly(company)


def test_a_held_check_is_not_started_by_the_whole_overview(company, monkeypatch):
    """The window holds the check until every part of the Overview is on screen: its four reads (the figures,
    trend and forecast through plain readers, the worklist through a session, which makes the engine) start
    no check; the first write after them still starts it and waits for it."""
    from ar_desktop.services import forecast, kpis, overview

    calls = _count_full_checks(monkeypatch)
    books = open_company(company, record_outcomes=False, reading=True)
    try:
        books.db.hold_check()
        overview.overview_figures(books, TODAY)
        kpis.trend(books, TODAY)
        forecast.cash_forecast(books, TODAY)
        overview.overview_actions(books, TODAY)
        overview.overview_figures(books, TODAY)   # again, now through the engine's connection
        assert calls == [] and books.db.check_result() is None and not books.db.checked
        add_customer(books, {"code": "NEW", "name": "New"})
        assert calls == [False] and books.db.checked
    finally:
        books.close()


def test_a_held_check_still_keeps_a_damaged_file_unwritten(company):
    _damage_in_place(company)
    before = company.read_bytes()
    books = open_company(company, record_outcomes=False, reading=True)
    try:
        books.db.hold_check()
        with pytest.raises(DamagedFile):
            add_customer(books, {"code": "NEW", "name": "Never written"})
        assert not books.db.checked and books.db.check_result()
    finally:
        books.close()
    assert company.read_bytes() == before
    assert not clean_close.closed_cleanly(company)
