"""What the tests of the derived tables (clearing_month, late_run, sales_day, balance_day) each ask of ``problems``,
``check`` and ``restore``, and of a bulk import killed while it holds their triggers (test_bulk_import_killed's
kills too): the small file they start from, a table's rows, a write around the triggers reported, a kill that
leaves the file as before."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from sqlalchemy import text

from ar_desktop.clock import FixedClock
from ar_desktop.services import invoicing, payments
from ar_desktop.services.backups import check, check_path
from ar_desktop.services.company_file import create_company
from ar_desktop.services.customers import add_customer
from kill_scripts import import_killed_at


def small_file(path: Path, *, invoice: bool = True, paid_on: str = "", today: dt.date = dt.date(2026, 3, 31),
               customers: int = 1):
    """A new company file at ``path`` (EUR, today ``today``) with customers C1 to C``customers`` and, when
    ``invoice``, C1's invoice P1 of 5.00 issued 2026-01-02, paid whole on ``paid_on`` when given; returns the books,
    open."""
    books = create_company(path, "Kill GmbH", "EUR", "DE", clock=FixedClock(today))
    try:
        add_customer(books, {"code": "C1", "name": "One"})
        for k in range(2, customers + 1):
            add_customer(books, {"code": f"C{k}", "name": f"Customer {k}"})
        if invoice:
            invoicing.add_invoice(books, {"number": "P1", "customer_code": "C1", "issue_date": "2026-01-02",
                                          "amount": "5.00"})
        if paid_on:
            payments.record_payment(books, {"customer_code": "C1", "date": paid_on, "amount": "5.00"})
    except BaseException:
        books.close()
        raise
    return books


def rows_of(path: Path, query: str) -> list[tuple]:
    """The rows of ``query`` on the file at ``path``, read on a connection of their own."""
    con = sqlite3.connect(path)
    try:
        return con.execute(query).fetchall()
    finally:
        con.close()


def out_of_step_reported(books, write: str, *words: str) -> None:
    """``check`` is sound, then the SQL ``write`` goes around the triggers: ``check`` reports a problem naming every
    one of ``words``."""
    assert check(books).ok
    with books.db.session() as s:
        s.execute(text(write))
    report = check(books)
    assert not report.ok and any(all(w in p for w in words) for p in report.consistency), report.consistency


def trigger_dropped_and_restored(con: sqlite3.Connection, module: ModuleType, trigger: str) -> None:
    """Drop ``trigger`` of ``module``'s table: ``problems`` names it missing, ``restore`` makes it again (and
    recomputes the table: a write may have gone by without it), and ``problems`` is then empty."""
    con.execute(f"DROP TRIGGER {trigger}")
    assert any("missing" in str(p) for p in module.problems(con))
    assert module.restore(con) == [trigger]
    assert module.problems(con) == []


def restored_and_sound(books, module: ModuleType, trigger: str) -> None:
    """``trigger_dropped_and_restored`` on the books' file, committed: ``check`` is sound again."""
    con = sqlite3.connect(books.db.path)
    try:
        trigger_dropped_and_restored(con, module, trigger)
        con.commit()
    finally:
        con.close()
    assert check(books).ok


def killed_then_done(path: Path, csv: Path, what: str, n: int, state: Callable[[Path], object],
                     kind: str = "invoices", prelude: str = "") -> None:
    """Import ``csv`` (of ``kind``) into ``path``, killed before its n-th statement of ``what`` (kill_scripts): the
    kill lands, the file passes ``check`` and its ``state`` is as before; run again to its end, it passes
    ``check``."""
    before = state(path)
    killed = import_killed_at(path, csv, what, n, kind, prelude=prelude)
    assert killed.returncode == -9, killed.stderr[-2000:]   # the kill landed: the step was reached
    report = check_path(path)
    assert report.ok, report.text()
    assert state(path) == before
    done = import_killed_at(path, csv, what, 0, kind, prelude=prelude)
    assert done.returncode == 0, done.stderr[-2000:]
    report = check_path(path)
    assert report.ok, report.text()


def import_killed_then_done(path: Path, csv: Path, what: str, n: int, rows: Callable[[Path], list], hold: str,
                            kind: str = "invoices") -> None:
    """``killed_then_done`` with the summary's ``rows`` as the state; at the end the bulk writer's ``hold`` table
    is empty."""
    killed_then_done(path, csv, what, n, rows, kind)
    assert rows_of(path, f"SELECT count(*) FROM {hold}") == [(0,)]
