"""Today's collection actions are read without SQLAlchemy: the Overview's last part (and the worklist behind it)
costs no import of the ORM in the window's process."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from ar_desktop.clock import FixedClock

TODAY = dt.date(2026, 3, 31)

# Run in a fresh interpreter: open the file as the window does (no outcomes recorded on the way), then the
# Overview's actions, the worklist and its list by invoice; print them and whether the ORM was loaded.
_CHILD = """
import datetime as dt, sys
from ar_desktop.clock import FixedClock
from ar_desktop.services.company_file import open_company
from ar_desktop.services.overview import overview_actions
from ar_desktop.services.worklist import invoice_rows, worklist

books = open_company(sys.argv[1], clock=FixedClock(dt.date(2026, 3, 31)), record_outcomes=False, reading=True)
for as_of in (dt.date(2026, 3, 31), dt.date(2026, 2, 14)):
    print(repr(overview_actions(books, as_of)))
    print(repr([(r, r.status) for r in worklist(books, as_of)]))
    print(repr(invoice_rows(books, as_of)))
books.close()
print(sorted(m for m in sys.modules if m == "sqlalchemy" or m.startswith(("sqlalchemy.", "ar_desktop.storage.orm"))))
"""


def _sample(path):
    """The demo file with what takes the worklist off its summed path: a payment plan, a dispute with its events,
    a customer's own ladder, a class ladder changed and the ladder counted in working days."""
    from ar_desktop.services import collection_ladders, collection_settings
    from ar_desktop.services.demo import build_demo
    from ar_desktop.services.disputes import mark_dispute
    from ar_desktop.services.payment_plans import create_payment_plan
    from ar_desktop.services.worklist import invoice_rows

    books = build_demo(path, FixedClock(TODAY))
    try:
        by_customer: dict[str, list[str]] = {}
        for r in invoice_rows(books, TODAY):
            if r.days_overdue > 0 and not r.disputed:
                by_customer.setdefault(r.customer_code, []).append(r.invoice_number)
        several = sorted(c for c, numbers in by_customer.items() if len(numbers) >= 2)
        plan, disputed, own = several[0], several[1], several[2]
        create_payment_plan(books, plan, by_customer[plan][:2], 3, TODAY + dt.timedelta(days=10), 30,
                            starts_on=TODAY - dt.timedelta(days=5))
        mark_dispute(books, by_customer[disputed][0], "Goods damaged", on=TODAY - dt.timedelta(days=20))
        collection_ladders.set_customer_ladder(books, own, collection_ladders.class_ladder(books, "C"))
        collection_ladders.set_class_ladder(books, "B", collection_ladders.class_ladder(books, "A"))
        settings = collection_settings.collection_settings(books)
        collection_settings.set_collection_settings(books, collection_settings.CollectionSettings(
            settings.grace_days + 2, settings.credit, working_days=True))
        return books
    except BaseException:
        books.close()
        raise


def test_todays_actions_load_no_orm_and_equal_the_readers_in_a_session(tmp_path):
    """A fresh process opens the file as the window does and computes today's actions, the worklist and its list
    by invoice (with a payment plan, a dispute's events, own and changed ladders, working days): SQLAlchemy and
    the ORM's models are never imported, and the answers are those of the same calls in a process whose engine
    is made (the reads then run in a session's transaction)."""
    from ar_desktop.services.overview import overview_actions
    from ar_desktop.services.worklist import invoice_rows, worklist

    path = tmp_path / "sample.ardb"
    books = _sample(path)
    try:
        with books.db.session():   # the engine is made: the reads take the session's connection
            pass
        want = []
        for as_of in (TODAY, dt.date(2026, 2, 14)):
            actions = overview_actions(books, as_of)
            want.append(repr(actions))
            rows = worklist(books, as_of)
            want.append(repr([(r, r.status) for r in rows]))
            want.append(repr(invoice_rows(books, as_of)))
            # the reviews the Overview lists are the worklist's rows flagged for one, with the row's suggested
            # class (the Overview reads the payment behaviour of those customers alone)
            flagged = sorted((r for r in rows if r.credit_review), key=lambda r: (-r.overdue_amount, r.customer_code))
            assert [(v.customer_code, v.overdue, v.credit_limit, v.credit_class, v.suggested_class)
                    for v in actions.reviews] == [(r.customer_code, r.overdue_amount, r.credit_limit, r.credit_class,
                                                   r.suggested_class) for r in flagged]
        assert any(v.suggested_class is not None for v in actions.reviews)
        assert "'waiting'" in want[1] and "'promised'" in want[1] and "'on_hold'" in want[1]
        assert any(r.status.next_step is not None for r in rows)
    finally:
        books.close()
    r = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    *got, modules = r.stdout.splitlines()
    assert modules == "[]"
    assert got == want
