"""The derived columns of an invoice and "open on D" from the index equal a plain recomputation from
the allocations, over random histories written through the program's own write paths (payments,
backdated payments, credit applied later, write-offs, amount changes, voids, bulk imports, payments
in time that take an early-payment discount: suggested, hand-split, named or imported, reversals and
changes of split that reopen an invoice cleared earlier)."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from ar_desktop.clock import FixedClock
from ar_desktop.domain.allocation import Allocation
from ar_desktop.domain.errors import UserError
from ar_desktop.services import adjustments, aging, customers, invoicing, payments
from ar_desktop.services.backups import check
from ar_desktop.services.company_file import create_company, open_company
from ar_desktop.services.importing import import_file
from ar_desktop.domain.ladder import ActionKind, Ladder, Step, default_ladder
from ar_desktop.domain.next_step import StepRecord, collection_status, overdue_periods, status_of, summarize
from ar_desktop.storage.days import iso_sql
from ar_desktop.storage import balance_summary, collections_repo, invoices_repo, open_set
from ar_desktop.storage.bulk_repo import BulkSource, BulkWriter
from ar_desktop.storage.import_repo import next_id
from ar_desktop.storage.orm import Allocation as AllocationRow
from ar_desktop.storage.orm import Invoice, Payment
from ar_desktop.storage.upgrade import REBUILDING, REBUILT, restore_derived
from old_files import file_at_revision, paid_ledger_sql

START = dt.date(2025, 1, 1)
TODAY = dt.date(2026, 6, 30)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                          HealthCheck.too_slow])


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A company file with two customers, copied for every example (opening a copy takes ms)."""
    path = tmp_path_factory.mktemp("openset") / "template.ardb"
    books = create_company(path, "Open Set Ltd", "EUR", "DE", clock=FixedClock(TODAY))
    customers.add_customer(books, {"code": "A", "name": "Alpha", "terms": "2/10 net 30"})   # offers discounts
    customers.add_customer(books, {"code": "B", "name": "Beta", "currency": "USD"})
    books.db.auto_backup = False
    books.close()
    return path


def day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


invoice_st = st.tuples(st.sampled_from("AB"), st.integers(0, 400), st.integers(0, 60), st.integers(1, 900))
op_st = st.one_of(
    st.tuples(st.just("pay"), st.integers(0, 11), st.integers(0, 500), st.integers(1, 100)),
    st.tuples(st.just("credit"), st.integers(0, 11), st.integers(0, 500), st.integers(1, 100)),
    st.tuples(st.just("write_off"), st.integers(0, 11), st.integers(0, 500), st.integers(1, 100)),
    st.tuples(st.just("bulk"), st.integers(0, 11), st.integers(0, 500), st.integers(1, 100)),
    st.tuples(st.just("amount"), st.integers(0, 11), st.integers(0, 500), st.integers(1, 200)),
    st.tuples(st.just("void"), st.integers(0, 11), st.integers(0, 500), st.integers(1, 100)),
    # a payment of the open amount less the discount, on or after the discount's last day, by one of
    # four paths (suggested, hand-split, named for the invoice, a bank file)
    st.tuples(st.just("prompt"), st.integers(0, 11), st.integers(0, 14), st.integers(0, 3)),
    st.tuples(st.just("reverse"), st.integers(0, 11), st.integers(0, 500), st.integers(1, 100)),
    st.tuples(st.just("split"), st.integers(0, 11), st.integers(0, 500), st.integers(1, 100)),
)


def _apply(books, ids: list[int], op) -> None:
    kind, k, offset, pct = op
    iid = ids[k % len(ids)]
    with books.db.session() as s:
        inv = invoices_repo.get(s, iid)
        code = "A" if inv.customer_id == 1 else "B"
        number, currency, open_units = inv.number, inv.currency, inv.amount - inv.paid
        issue, amount, voided, discount = inv.issue_date, inv.amount, inv.voided, inv.discount
    when = min(issue + dt.timedelta(days=offset), TODAY)
    units = max(1, open_units * pct // 100)
    value = str(Decimal(units) / 100)
    try:
        if kind == "pay":         # a payment applied on its own (possibly backdated) date
            payments.record_payment(books, {"customer_code": code, "date": when.isoformat(), "amount": value},
                                    [Allocation(iid, Decimal(value))])
        elif kind == "credit":    # money received earlier, applied to the invoice later
            payments.record_payment(books, {"customer_code": code, "date": issue.isoformat(), "amount": value},
                                    [])
            payments.apply_credit(books, 1 if code == "A" else 2, when)
        elif kind == "write_off":
            adjustments.write_off(books, number, value, "uncollectable", when)
        elif kind == "bulk":      # the one bulk path, as the importers use it
            if voided or open_units <= 0 or when < issue or _taken_back_after(books, iid, when):
                return   # (an import is not checked against reversals dated after its own payments)
            with books.db.session() as s:
                pid = next_id(s, Payment)
                BulkWriter(s, BulkSource("payments.csv", "0" * 64)).payments(
                    [dict(id=pid, customer_id=1 if code == "A" else 2, date=when, amount=units, currency=currency,
                          method="transfer", reference="bulk")],
                    [dict(payment_id=pid, invoice_id=iid, date=when, amount=units)])
        elif kind == "amount":    # an edit of the amount: an invoice paid in full opens again, or closes
            with books.db.session() as s:
                paid = invoices_repo.get(s, iid).paid
            new = Decimal(max(paid, amount * pct // 100, 1)) / 100
            invoicing.update_invoice(books, iid, {"number": number, "customer_code": code,
                                                  "issue_date": issue.isoformat(), "amount": str(new),
                                                  "currency": currency})
        elif kind == "prompt":
            if voided or open_units <= 0:
                return
            value = str(Decimal(open_units - discount if 0 < discount < open_units else open_units) / 100)
            raw = {"customer_code": code, "date": when.isoformat(), "amount": value}
            if pct == 0:
                payments.record_payment(books, raw)
            elif pct == 1:
                payments.record_payment(books, raw, [Allocation(iid, Decimal(value))])
            elif pct == 2:
                payments.record_payment(books, {**raw, "invoice_number": number})
            elif not _taken_back_after(books, iid, when):   # (imports are not checked against later reversals)
                csv = books.db.path.with_name(f"bank-{next_id_of(books)}.csv")
                csv.write_text(f"date,customer_code,amount,invoice_number\n{when.isoformat()},{code},{value},{number}\n")
                import_file(books, "payments", csv)
        elif kind in ("reverse", "split"):   # an entry that paid this invoice, reversed or moved away
            with books.db.session() as s:
                pids = sorted(set(s.scalars(sa.select(AllocationRow.payment_id).where(AllocationRow.invoice_id == iid))))
            if not pids:   # paid on ``when`` first, reversed or moved ``pct`` days later
                pids = [payments.record_payment(books, {"customer_code": code, "date": when.isoformat(),
                                                        "amount": value}, [Allocation(iid, Decimal(value))])]
                when = min(when + dt.timedelta(days=pct), TODAY)
            pid = pids[pct % len(pids)]
            if kind == "reverse":
                payments.reverse_payment(books, pid, when, "cheque bounced")
            else:
                detail = payments.payment_detail(books, pid)
                others = [ln.invoice_id for ln in detail.lines if ln.invoice_id != iid and ln.open_amount > 0]
                wanted = [Allocation(ln.invoice_id, ln.applied) for ln in detail.lines
                          if ln.invoice_id != iid and ln.applied]
                moved = next((ln.applied for ln in detail.lines if ln.invoice_id == iid), Decimal(0))
                if others and pct % 2:   # moved to another invoice (as much as it takes), else left unapplied
                    room = next(ln.open_amount - ln.applied for ln in detail.lines if ln.invoice_id == others[0])
                    wanted.append(Allocation(others[0], min(moved, room) if room > 0 else moved))
                payments.change_split(books, pid, wanted, when)
        else:
            invoicing.void_invoice(books, iid, "issued twice", when)
    except UserError:
        pass  # the program refused it (overpaid, before the last payment, void...): it did not happen


def next_id_of(books) -> int:
    with books.db.session() as s:
        return next_id(s, Payment)
def _taken_back_after(books, iid: int, when: dt.date) -> bool:
    with books.db.session() as s:
        return bool(s.scalar(sa.select(sa.func.count()).select_from(AllocationRow).where(
            AllocationRow.invoice_id == iid, AllocationRow.amount < 0, AllocationRow.date >= when)))


def _plain(path: Path):
    """Invoices and allocations read straight from the file, nothing derived."""
    con = sqlite3.connect(path)
    try:
        iso = iso_sql   # the stored day numbers as ISO text, as the oracles compare them
        invoices = con.execute(f"SELECT i.id, c.code, i.currency, {iso('i.issue_date')}, {iso('i.due_date')}, i.amount, "
                               f"i.voided, {iso('i.voided_on')}, {iso('i.cleared_on')}, {iso('i.closed_on')} "
                               "FROM invoice i JOIN customer c ON c.id = i.customer_id").fetchall()
        allocations = con.execute(f"SELECT invoice_id, {iso('date')}, amount FROM allocation").fetchall()
        mismatches = open_set.derived_mismatches(con)
    finally:
        con.close()
    return invoices, allocations, mismatches


def _paid_by(allocations, iid: int, d: str) -> int:
    return sum(a for i, date, a in allocations if i == iid and date <= d)


def _open_on(inv, allocations, d: str) -> bool:
    iid, _code, _cur, issue, _due, amount, voided, voided_on, _c, _cl = inv
    gone = voided and (voided_on is None or voided_on <= d)
    return issue <= d and not gone and amount - _paid_by(allocations, iid, d) > 0


def _cleared(inv, allocations) -> str | None:
    """Paid by any day stays within 0 and the amount (the program refuses what would overpay an
    invoice on some day or take back more than was paid), so an invoice paid in full now was
    cleared by its last allocation; one a reversal reopened is cleared when paid in full again."""
    total, days = 0, {}
    for i, date, a in allocations:
        if i == inv[0]:
            days[date] = days.get(date, 0) + a
    for date in sorted(days):
        total += days[date]
        assert 0 <= total <= inv[5], (inv, date, total)
    return max(days) if days and total >= inv[5] else None


def _aging_oracle(invoices, allocations, d: dt.date) -> dict[tuple[str, str], list[int]]:
    out: dict[tuple[str, str], list[int]] = {}
    for inv in invoices:
        if not _open_on(inv, allocations, d.isoformat()):
            continue
        late = (d - dt.date.fromisoformat(inv[4])).days
        col = 0 if late <= 0 else 1 if late <= 30 else 2 if late <= 60 else 3 if late <= 90 else 4
        row = out.setdefault((inv[2], inv[1]), [0] * 5)
        row[col] += inv[5] - _paid_by(allocations, inv[0], d.isoformat())
    return {k: v for k, v in out.items() if sum(v)}


@contextlib.contextmanager
def _ledger(template: Path, tmp_path_factory, invoices, ops):
    """A copy of the template with the drawn invoices and operations (payments, disputes...): the
    open books and the file's path; closed and removed afterwards."""
    path = tmp_path_factory.mktemp("ledger") / "books.ardb"
    shutil.copy(template, path)
    books = open_company(path, clock=FixedClock(TODAY))
    try:
        ids = []
        for n, (code, issued, terms, units) in enumerate(invoices):
            ids.append(invoicing.add_invoice(books, {
                "number": f"I{n}", "customer_code": code, "issue_date": day(issued).isoformat(),
                "due_date": (day(issued) + dt.timedelta(days=terms)).isoformat(),
                "amount": str(Decimal(units) / 10)}))
        for op in ops:
            (_dispute if op[0] in ("dispute", "resolve", "entered") else _apply)(books, ids, op)
        yield books, path
    finally:
        books.db.auto_backup = False
        books.close()
        shutil.rmtree(path.parent, ignore_errors=True)


@SETTINGS
@given(invoices=st.lists(invoice_st, min_size=1, max_size=8), ops=st.lists(op_st, max_size=25),
       dates=st.lists(st.integers(-10, 900), min_size=1, max_size=4), data=st.data())
def test_open_on_any_day_equals_a_plain_recomputation(template, tmp_path_factory, invoices, ops, dates, data):
    with _ledger(template, tmp_path_factory, invoices, ops) as (books, path):
        plain, allocations, mismatches = _plain(path)
        assert mismatches == []
        con = sqlite3.connect(path)   # --hypothesis-show-statistics: how often discounts were taken
        event("discount taken" if con.execute("SELECT 1 FROM payment WHERE method = 'discount'").fetchone()
              else "no discount")
        con.close()
        con = sqlite3.connect(path)
        first = dict(con.execute(f"SELECT id, {iso_sql('first_paid_on')} FROM invoice"))
        con.close()
        for inv in plain:
            cleared = _cleared(inv, allocations)
            voided_on = inv[7] if inv[6] else None
            closes = [x for x in (cleared, (voided_on or inv[3]) if inv[6] else None) if x is not None]
            assert (inv[8], inv[9]) == (cleared, min(closes) if closes else None), inv
            # the first payment day (migration 0026): the earliest allocation's, whichever path wrote it
            assert first[inv[0]] == min((a[1] for a in allocations if a[0] == inv[0]), default=None), inv
        # random days, and days where something happened (a payment, a void, an issue or due date) or
        # the day before/after it: where an off-by-one would show
        events = sorted({dt.date.fromisoformat(x) for a in allocations for x in (a[1],)}
                        | {dt.date.fromisoformat(x) for inv in plain for x in (inv[3], inv[4], inv[7]) if x})
        picked = [data.draw(st.sampled_from(events)) + dt.timedelta(days=data.draw(st.integers(-1, 1)))
                  for _ in range(3)]
        for d in [day(offset) for offset in dates] + picked:
            with books.db.session() as s:
                found = set(s.scalars(open_set.open_rows(d)))
                paid = dict(s.execute(open_set.open_rows(d, Invoice.id, open_set.paid_on(d))).tuples().all())
            expected = {inv[0] for inv in plain if _open_on(inv, allocations, d.isoformat())}
            # and those cleared by D that a later reversal or change of split reopened: nothing open on D
            amounts = {inv[0]: inv[5] for inv in plain}
            assert found >= expected and all(paid[i] == amounts[i] for i in found - expected), d
            assert paid == {i: _paid_by(allocations, i, d.isoformat()) for i in found}
            report = {(b.currency, r.customer_code): [int(r.buckets[k] * 100) for k in
                                                      ("current", "d1_30", "d31_60", "d61_90", "over_90")]
                      for b in aging.aging_report(books, d) for r in b.rows}
            assert report == _aging_oracle(plain, allocations, d), d


def test_upgrade_derives_the_columns_of_an_older_file(tmp_path):
    """A file written before the derived columns existed gets them from its allocations when opened."""
    path = file_at_revision(tmp_path / "old.ardb", "0005", *paid_ledger_sql())
    books = open_company(path, clock=FixedClock(TODAY))
    try:
        plain, allocations, mismatches = _plain(path)
        assert mismatches == []
        assert {inv[0]: (inv[8], inv[9]) for inv in plain} == {
            1: ("2025-02-10", "2025-02-10"), 2: (None, None), 3: (None, "2025-03-01"), 4: (None, None),
            5: ("2030-02-01", "2030-02-01")}
        with books.db.session() as s:
            assert set(s.scalars(open_set.open_rows(dt.date(2025, 2, 5)))) == {1, 2, 3, 4, 5}
            assert set(s.scalars(open_set.open_rows(dt.date(2025, 3, 1)))) == {2, 4, 5}
            assert set(s.scalars(open_set.open_rows(dt.date(2040, 1, 1)))) == {2, 4}
    finally:
        books.db.auto_backup = False
        books.close()


@pytest.fixture
def paid_x1(template, tmp_path):
    """A copy of the template with invoice X1 (10.00, issued 2026-01-01) paid on 2026-01-05."""
    path = tmp_path / "books.ardb"
    shutil.copy(template, path)
    books = open_company(path, clock=FixedClock(TODAY))
    invoicing.add_invoice(books, {"number": "X1", "customer_code": "A", "issue_date": "2026-01-01",
                                  "amount": "10.00"})
    payments.record_payment(books, {"customer_code": "A", "date": "2026-01-05", "amount": "10.00"})
    yield books, path
    books.db.auto_backup = False
    books.close()


def _ladders() -> list:
    pre_due = Ladder((Step("pre", "Pre", -90, ActionKind.COURTESY_REMINDER, template="reminder"),
                      Step("r", "R", 1, ActionKind.REMINDER, template="reminder")))
    return [default_ladder(c) for c in "ABC"] + [pre_due]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(invoices=st.lists(invoice_st, min_size=1, max_size=8), ops=st.lists(op_st, max_size=25),
       dates=st.lists(st.integers(-10, 900), min_size=1, max_size=4))
# paid in full on its issue day (the amount lowered to what was paid), the payment reversed 299 days later:
# on the issue day the customer has nothing open and is not on the worklist
@example(invoices=[("A", 0, 0, 1)], ops=[("pay", 0, 0, 1), ("amount", 0, 0, 1), ("reverse", 0, 299, 1)], dates=[0])
def test_worklist_inputs_equal_those_from_every_invoice(template, tmp_path_factory, invoices, ops, dates):
    """The worklist reads the open set of D and, per customer, the runs of the invoices cleared late
    (storage.late_runs), also when a reversal or a change of split reopened after D an
    invoice settled by D: the rule says on that subset what it says on every invoice of the customer."""
    with _ledger(template, tmp_path_factory, invoices, ops) as (books, _path):
        for d in [day(offset) for offset in dates]:
            with books.db.session() as s:
                sub = collections_repo.collection_inputs(s, d)
                full = collections_repo.collection_inputs(s, d, [1, 2])
            assert set(sub) == {cid for cid, ci in full.items()
                                if any(i.settled_on is None and i.open_amount > 0 for i in ci.invoices)}, d
            history = [StepRecord(key, d - dt.timedelta(days=n)) for n, key in
                       zip(range(0, 300, 7), ["pre", "r", "reminder", "phone_call", "demand_letter"] * 9)]
            for cid, ci in sub.items():
                whole = full[cid].invoices
                assert set(ci.invoices) <= set(whole)
                assert [i for i in ci.invoices if i.settled_on is None] in \
                    ([], [i for i in whole if i.settled_on is None])   # [] when summed from the index
                sub_open, whole_open = ci.summary_as_of(d), summarize(whole, d)
                assert (sub_open.considered, str(sub_open.overdue_amount), sub_open.oldest_overdue) == \
                    (whole_open.considered, str(whole_open.overdue_amount), whole_open.oldest_overdue), d
                # the episode running on D (the run that reaches it) is the same
                assert [r for r in overdue_periods((), d, sub_open.periods)[-1:] if r[1] == d] == \
                    [r for r in overdue_periods(whole, d)[-1:] if r[1] == d], d
                for ladder in _ladders():
                    assert status_of(ladder, ci.summary_as_of(d), history, d) \
                        == collection_status(ladder, whole, history, d), d


def test_check_reports_derived_columns_out_of_step(paid_x1):
    books, _path = paid_x1
    assert check(books).ok
    with books.db.session() as s:   # a write that bypassed the one place that writes allocations
        s.execute(text("UPDATE invoice SET closed_on = NULL WHERE number = 'X1'"))
    report = check(books)
    assert not report.ok and any("X1" in p and "derived" in p for p in report.consistency)


def test_the_bulk_path_refuses_to_overpay_an_invoice(paid_x1):
    """The one bulk path's UPDATE returns the number of an invoice it leaves overpaid (and NULL for the others):
    the batch is refused naming it, and nothing of it is kept; paid exactly, a batch is stored."""
    books, _path = paid_x1
    invoicing.add_invoice(books, {"number": "X2", "customer_code": "A", "issue_date": "2026-01-02", "amount": "5.00"})
    invoicing.add_invoice(books, {"number": "X3", "customer_code": "A", "issue_date": "2026-01-03", "amount": "7.00"})

    def pay(units: dict[str, int]) -> None:
        with books.db.session() as s:
            ids = dict(s.execute(select(Invoice.number, Invoice.id)).all())
            pid = next_id(s, Payment)
            when = dt.date(2026, 1, 9)
            BulkWriter(s, BulkSource("payments.csv", "0" * 64)).payments(
                [dict(id=pid, customer_id=1, date=when, amount=sum(units.values()), currency="EUR",
                      method="transfer", reference="bulk")],
                [dict(payment_id=pid, invoice_id=ids[n], date=when, amount=u) for n, u in units.items()])

    with pytest.raises(ValueError, match="invoice X3 would be paid more than its amount"):
        pay({"X2": 500, "X3": 701})
    with books.db.session() as s:
        assert dict(s.execute(select(Invoice.number, Invoice.paid)).all()) == {"X1": 1000, "X2": 0, "X3": 0}
    pay({"X2": 500, "X3": 700})
    with books.db.session() as s:
        assert dict(s.execute(select(Invoice.number, Invoice.paid)).all()) == {"X1": 1000, "X2": 500, "X3": 700}
    assert check(books).ok


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")  # the lists' (list_schema)
def test_a_later_migration_may_rebuild_the_invoice_table(paid_x1):
    """Alembic's batch mode copies the table (as a migration adding a column with a constraint does):
    the derived columns are plain columns (not generated ones, which batch mode cannot copy), so they
    and their index survive the copy."""
    books, path = paid_x1
    with books.db.engine.begin() as conn:
        for pragma in REBUILDING:   # as upgrade.migrate: invoice is referenced, and allocation's triggers read it
            conn.exec_driver_sql(pragma)
        with Operations(MigrationContext.configure(conn)).batch_alter_table("invoice", recreate="always") as b:
            b.add_column(sa.Column("extra", sa.Integer(), nullable=True))
            b.create_check_constraint("ck_invoice_extra", "extra >= 0")
        for pragma in REBUILT:
            conn.exec_driver_sql(pragma)
        assert "balance_day_insert" in restore_derived(conn.connection.driver_connection)   # as migrate does after
        assert balance_summary.problems(conn.connection.driver_connection) == []
        raw = conn.connection.driver_connection
        new = raw.execute("INSERT INTO allocation (payment_id, invoice_id, date, amount) SELECT payment_id, invoice_id, "
                          "date, -1 FROM allocation LIMIT 1").lastrowid   # allocation's triggers read the new table
        assert balance_summary.problems(raw) == []
        raw.execute("DELETE FROM allocation WHERE id = ?", (new,))
    plain, _allocations, mismatches = _plain(path)
    assert mismatches == [] and (plain[0][8], plain[0][9]) == ("2026-01-05", "2026-01-05")
    indexes = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"ix_invoice_span", "ix_invoice_owed", "ix_invoice_voided_late"} <= indexes


def _derived(path: Path) -> dict[str, tuple]:
    con = sqlite3.connect(path)
    try:
        assert open_set.derived_mismatches(con) == []   # every derived column equals check's recomputation
        return {n: (p, last, cleared, closed) for n, p, last, cleared, closed in con.execute(
            f"SELECT number, paid, {iso_sql('last_paid_on')}, {iso_sql('cleared_on')}, {iso_sql('closed_on')} "
            "FROM invoice")}
    finally:
        con.close()


def test_imports_write_offs_and_recoveries_keep_the_derived_columns(books, csv_file):
    """Every writer of allocations outside payments_repo (the importer's new invoices, settlement
    dates, an update of a settled invoice, payment files with write-offs and dated allocations) and
    credit's write-offs and recoveries leave the derived columns equal to a full recomputation."""
    customers.add_customer(books, {"code": "ACME", "name": "Acme", "terms_days": "30"})
    import_file(books, "invoices", csv_file([
        "number,customer_code,issue_date,amount,settled_date,voided,void_date,void_reason",
        "I-1,ACME,2026-01-05,100.00,2026-02-10,,,",
        "I-2,ACME,2026-01-10,200.00,,,,",
        "I-3,ACME,2026-01-15,300.00,,,,",
        "I-4,ACME,2026-01-20,50.00,,,,",
        "I-5,ACME,2026-01-25,80.00,,,,",
        "I-V,ACME,2026-01-02,40.00,,yes,2026-01-20,issued twice"]))
    # an update that raises an amount and settles the invoice in the same file (the ORM row and the bulk payment)
    import_file(books, "invoices", csv_file(["number,customer_code,issue_date,amount,settled_date",
                                             "I-2,ACME,2026-01-10,250.00,2026-03-01"]), mode="update")
    import_file(books, "payments", csv_file([
        "date,customer_code,amount,kind,reference,invoice_number,allocations",
        "2026-02-15,ACME,120.00,payment,bank 1,I-3,",                      # I-3: 120 of 300
        '2026-02-20,ACME,30.00,payment,bank 2,,"I-5: 30.00 on 2026-03-05"',  # a dated allocation
        "2026-03-02,ACME,50.00,write-off,bad debt,I-4,"]))                  # a write-off in a file
    adjustments.write_off(books, "I-3", None, "Customer insolvent", "2026-03-10")   # the rest of I-3
    payments.record_payment(books, {"customer_code": "ACME", "date": "2026-03-20", "amount": "60.00",
                                    "reference": "bank 3"})   # I-5's 50, then 10 recovers a written-off debt
    got = _derived(books.db.path)
    d = dt.date.fromisoformat
    assert got == {
        "I-1": (10000, "2026-02-10", "2026-02-10", "2026-02-10"),
        "I-2": (25000, "2026-03-01", "2026-03-01", "2026-03-01"),
        "I-3": (30000, "2026-03-10", "2026-03-10", "2026-03-10"),
        "I-4": (5000, "2026-03-02", "2026-03-02", "2026-03-02"),
        "I-5": (8000, "2026-03-20", "2026-03-20", "2026-03-20"),
        "I-V": (0, None, None, "2026-01-20")}
    with books.db.session() as s:
        assert set(s.scalars(open_set.open_rows(d("2026-03-04"), Invoice.number))) == {"I-3", "I-5"}
        assert set(s.scalars(open_set.open_rows(d("2026-02-28"), Invoice.number))) == {"I-2", "I-3", "I-4", "I-5"}
    assert check(books).ok


def test_export_and_import_company_keep_the_derived_columns(books, tmp_path):
    """import-company rebuilds a company through the importer: the derived columns of the new file are
    the recomputation's, and its audit trail holds one entry per imported list."""
    from ar_desktop.services.audit import imports
    from ar_desktop.services.company_transfer import export_company, import_company

    customers.add_customer(books, {"code": "ACME", "name": "Acme"})
    for n, issue in enumerate(("2026-01-05", "2026-01-20", "2026-02-01")):
        invoicing.add_invoice(books, {"number": f"E-{n}", "customer_code": "ACME", "issue_date": issue,
                                      "amount": "100.00"})
    payments.record_payment(books, {"customer_code": "ACME", "date": "2026-02-10", "amount": "150.00"})
    adjustments.write_off(books, "E-1", None, "Customer insolvent", "2026-03-01")
    invoicing.void_invoice(books, invoices_repo_id(books, "E-2"), "issued twice", dt.date(2026, 3, 5))
    export_company(books, tmp_path / "export")
    import_company(tmp_path / "export", tmp_path / "moved.ardb", FixedClock(dt.date(2026, 3, 31)))
    assert _derived(tmp_path / "moved.ardb") == _derived(books.db.path)
    moved = open_company(tmp_path / "moved.ardb", clock=FixedClock(dt.date(2026, 3, 31)))
    try:
        assert sorted(e.note.split(":")[0] for e in imports(moved)) == ["import-company"] * 3
    finally:
        moved.db.auto_backup = False
        moved.close()


def invoices_repo_id(books, number: str) -> int:
    with books.db.session() as s:
        return invoices_repo.id_by_number(s, number)


def _kpi_oracle(invoices, allocations, methods, d: dt.date, days: int, currency: str):
    """The KPI sums of storage.kpi_repo, recomputed from plain rows: open total and its not-yet-due
    part on D and on the period's start, sales in the period, invoices cleared in it."""
    start = d - dt.timedelta(days=days)

    def live(inv, day: str) -> bool:
        return inv[3] <= day and not (inv[6] and (inv[7] is None or inv[7] <= day))

    def totals(day: dt.date) -> tuple[int, int]:
        total = current = 0
        for inv in invoices:
            if inv[2] == currency and _open_on(inv, allocations, day.isoformat()):
                units = inv[5] - _paid_by(allocations, inv[0], day.isoformat())
                total += units
                current += units if inv[4] >= day.isoformat() else 0
        return total, current

    sales = sum(inv[5] for inv in invoices if inv[2] == currency and start.isoformat() < inv[3]
                and live(inv, d.isoformat()))
    n = to_pay = late = 0
    for inv in invoices:
        cleared = _cleared(inv, [a for a in allocations if a[1] <= d.isoformat()])
        if inv[2] != currency or cleared is None or not start.isoformat() < cleared <= d.isoformat() \
                or not live(inv, d.isoformat()):
            continue
        if any(i == inv[0] and date == cleared and m in ("write-off", "credit note") for i, date, m in methods):
            continue   # cleared by an adjustment: not a payment
        c = dt.date.fromisoformat(cleared)
        n += 1
        to_pay += (c - dt.date.fromisoformat(inv[3])).days
        late += max(0, (c - dt.date.fromisoformat(inv[4])).days)
    return totals(d), totals(start), sales, (n, to_pay, late)


@SETTINGS
@given(invoices=st.lists(invoice_st, min_size=1, max_size=8), ops=st.lists(op_st, max_size=25),
       dates=st.lists(st.tuples(st.integers(-10, 900), st.sampled_from([1, 7, 30, 90, 365])), min_size=1, max_size=3))
def test_kpi_sums_equal_a_plain_recomputation(template, tmp_path_factory, invoices, ops, dates):
    """The Overview's figures (open totals, sales, days to pay and late) from the open set's index
    equal a recomputation from plain rows at random dates and periods."""
    from ar_desktop.domain.kpi import Period, sales_in
    from ar_desktop.storage import kpi_repo

    with _ledger(template, tmp_path_factory, invoices, ops) as (books, path):
        plain, allocations, mismatches = _plain(path)
        assert mismatches == []
        con = sqlite3.connect(path)
        methods = con.execute(f"SELECT a.invoice_id, {iso_sql('a.date')}, p.method FROM allocation a "
                              "JOIN payment p ON p.id = a.payment_id").fetchall()
        con.close()
        for offset, days in dates:
            d = day(offset)
            period = Period(d, days)
            for currency in ("EUR", "USD"):
                with books.db.session() as s:
                    stats = kpi_repo.clearing_stats(s, period, currency)
                    # the list behind the averages (SQLAlchemy) holds the invoices the sums (plain SQL) count
                    listed = [r for r in kpi_repo.cleared_invoices(s, period, currency) if not r.invoice.by_adjustment]
                    assert len(listed) == stats.count
                    got = (kpi_repo.open_totals(s, d, currency), kpi_repo.open_totals(s, period.start, currency),
                           kpi_repo.sales_units(s, period, currency),
                           (stats.count, stats.days_to_pay, stats.days_late))
                    # the trend's sales: per issue day over a longer range, the voided ones apart
                    daily, voided = kpi_repo.issued(s, period.start - dt.timedelta(days=days - 1), d, currency)
                    assert sales_in(period, daily, voided) == got[2]
                assert got == _kpi_oracle(plain, allocations, methods, d, days, currency), (d, days, currency)


dispute_st = st.one_of(st.tuples(st.just("dispute"), st.integers(0, 11), st.integers(0, 500), st.integers(1, 120)),
                       st.tuples(st.just("resolve"), st.integers(0, 11), st.integers(0, 500), st.integers(0, 0)))
# the invoice edited as disputed: its columns say so (all that is open then), no dispute event
entered_dispute_st = st.tuples(st.just("entered"), st.integers(0, 11), st.just(0), st.just(0))


def _dispute(books, ids: list[int], op) -> None:
    from ar_desktop.services import disputes

    kind, k, offset, pct = op
    with books.db.session() as s:
        inv = invoices_repo.get(s, ids[k % len(ids)])
        number, issue, open_units = inv.number, inv.issue_date, inv.amount - inv.paid
        entered = {"number": number, "customer_code": "A" if inv.customer_id == 1 else "B",
                   "issue_date": issue.isoformat(), "due_date": inv.due_date.isoformat(),
                   "amount": str(Decimal(inv.amount) / 100), "currency": inv.currency, "disputed": "yes",
                   "dispute_reason": "price"}
    when = min(issue + dt.timedelta(days=offset), TODAY)
    try:
        if kind == "entered":
            invoicing.update_invoice(books, ids[k % len(ids)], entered)
        elif kind == "dispute":   # a part (or, above 100 %, all that is open: no amount named)
            amount = None if pct > 100 else str(Decimal(max(1, open_units * pct // 100)) / 100)
            disputes.mark_dispute(books, number, "wrong goods", amount, when)
        else:
            disputes.resolve_dispute(books, number, "credit agreed", when)
    except UserError:
        pass


def _disputed_oracle(inv, events, flag: bool, open_units: int, d: str) -> int:
    """The disputed units of an open invoice on D, from its dispute events (date, id, kind, units):
    the latest event on or before D says; before the first one, the opposite of it; none, the flag."""
    mine = sorted(events)
    before = [e for e in mine if e[0] <= d]
    disputed = (before[-1][2] == "dispute") if before else (mine[0][2] != "dispute") if mine else flag
    if not disputed:
        return 0
    named = [e[3] for e in before if e[2] == "dispute"]
    part = named[-1] if named and named[-1] is not None else open_units
    return max(0, min(part, open_units))


@SETTINGS
@given(invoices=st.lists(invoice_st, min_size=1, max_size=8), ops=st.lists(st.one_of(op_st, dispute_st), max_size=25),
       dates=st.lists(st.integers(-10, 900), min_size=1, max_size=3), data=st.data())
def test_open_items_disputes_and_overview_sums_equal_a_plain_recomputation(template, tmp_path_factory, invoices, ops,
                                                                          dates, data):
    """What the Overview and the forecast read of the open set (open items with their disputed part,
    the disputed total from the flagged invoices' index, the aging bars and largest overdue balances
    summed without an object per invoice, the currencies in use) equals a plain recomputation."""
    from ar_desktop.services.overview import LARGEST, _summary
    from ar_desktop.storage import kpi_repo, kpi_sql

    with _ledger(template, tmp_path_factory, invoices, ops) as (books, path):
        plain, allocations, _mismatches = _plain(path)
        con = sqlite3.connect(path)
        flags = dict(con.execute("SELECT id, disputed FROM invoice"))
        events: dict[int, list] = {}
        for iid, date, eid, kind, units in con.execute(
                "SELECT invoice_id, date, id, kind, amount FROM collection_event WHERE invoice_id IS NOT NULL "
                "AND kind IN ('dispute', 'dispute_resolved')"):
            events.setdefault(iid, []).append((date, eid, kind, units))
        in_use = sorted(r[0] for r in con.execute("SELECT DISTINCT currency FROM invoice"))
        con.close()
        with books.db.session() as s:
            assert kpi_repo.currencies_in_use(s) == in_use
        # and days around a due date or an event: where an off-by-one would show
        near = sorted({dt.date.fromisoformat(x) for inv in plain for x in (inv[4], inv[3])}
                      | {dt.date.fromisoformat(e[0]) for mine in events.values() for e in mine})
        picked = [data.draw(st.sampled_from(near)) + dt.timedelta(days=data.draw(st.integers(-1, 1))) for _ in range(2)]
        for d in [day(offset) for offset in dates] + picked:
            for currency in ("EUR", "USD"):
                expected = {}
                for inv in plain:
                    if inv[2] == currency and _open_on(inv, allocations, d.isoformat()):
                        units = inv[5] - _paid_by(allocations, inv[0], d.isoformat())
                        expected[inv[0]] = (units, _disputed_oracle(inv, events.get(inv[0], []), bool(flags[inv[0]]),
                                                                    units, d.isoformat()))
                with books.db.session() as s:
                    items = kpi_repo.open_items(s, d, currency=currency)
                    disputed = kpi_repo.disputed_units(s, d, currency)
                    summary = kpi_sql.open_summary(kpi_sql.dbapi(s), d, currency, LARGEST)
                    two = kpi_sql.open_summary(kpi_sql.dbapi(s), d, currency, 2)   # SQLite's LIMIT cuts the list
                assert {i.invoice_id: (i.open_units, i.disputed_units) for i in items} == expected, d
                assert disputed == sum(x[1] for x in expected.values())
                buckets, largest = _summary(summary, d, currency)
                oldest = {}
                for i in items:
                    if i.due_date < d:
                        oldest[i.customer_code] = max(oldest.get(i.customer_code, 0), (d - i.due_date).days)
                assert all(c.oldest_days == oldest[c.code] for c in largest)
                aging = {k: v for (cur, _code), v in _aging_oracle(plain, allocations, d).items() if cur == currency
                         for k, v in [(_code, v)]}
                assert [int(v * 100) for v in buckets.values()] == [sum(v[c] for v in aging.values()) for c in range(5)]
                overdue = sorted((-sum(v[1:]), code) for code, v in aging.items() if sum(v[1:]))
                assert [(c.code, int(c.overdue * 100)) for c in largest] == [(code, -o) for o, code in overdue][:10]
                assert [(c.code, c.overdue) for c in two.largest] == [(code, -o) for o, code in overdue][:2]
                assert two.buckets == summary.buckets


@SETTINGS
@given(invoices=st.lists(invoice_st, min_size=1, max_size=8),
       ops=st.lists(st.one_of(op_st, dispute_st, entered_dispute_st), max_size=25),
       dates=st.lists(st.integers(-10, 900), min_size=1, max_size=3))
# edited as disputed (all 100.00 open then), 30.00 paid after: 70.00 is open, and disputed, on D
@example(invoices=[("A", 0, 30, 1000)], ops=[("entered", 0, 0, 0), ("pay", 0, 40, 30)], dates=[100])
def test_worklist_sums_equal_a_plain_recomputation(template, tmp_path_factory, invoices, ops, dates):
    """The worklist's GROUP BY over the open set (worklist_open.customer_sums) and the summary made of it give,
    per customer with nothing unusual, what the rule's own summarize gives over InvoiceStates of the invoices
    open on D made from plain rows (the dispute columns of the invoice, entered or edited as disputed, and
    their part of what is open); a customer with an invoice whose dispute events decide is marked as such."""
    from ar_desktop.domain.money import from_minor
    from ar_desktop.domain.next_step import InvoiceState
    from ar_desktop.storage import kpi_sql, worklist_open

    with _ledger(template, tmp_path_factory, invoices, ops) as (books, path):
        plain, allocations, _mismatches = _plain(path)
        con = sqlite3.connect(path)
        columns = {i: (number, flag, units) for i, number, flag, units in
                   con.execute("SELECT id, number, disputed, disputed_amount FROM invoice")}
        with_events = {i for (i,) in con.execute("SELECT invoice_id FROM collection_event WHERE invoice_id IS NOT "
                                                 "NULL AND kind IN ('dispute', 'dispute_resolved')")}
        con.close()
        # and on the first invoice's due date and the day after: where an off-by-one would show
        due = dt.date.fromisoformat(plain[0][4])
        for d in [day(offset) for offset in dates] + [due, due + dt.timedelta(days=1)]:
            states: dict[str, list[InvoiceState]] = {}
            marked, currencies = set(), {}
            for inv in plain:
                if not _open_on(inv, allocations, d.isoformat()):
                    continue
                number, flag, units = columns[inv[0]]
                cur = inv[2]
                states.setdefault(inv[1], []).append(InvoiceState(
                    number, dt.date.fromisoformat(inv[4]),
                    from_minor(inv[5] - _paid_by(allocations, inv[0], d.isoformat()), cur), disputed=bool(flag),
                    disputed_amount=from_minor(units, cur) if flag and units else None))
                currencies.setdefault(inv[1], set()).add(cur)
                if inv[0] in with_events:
                    marked.add(inv[1])
            with books.db.session() as s:
                sums = {"A" if r.customer_id == 1 else "B": r
                        for r in worklist_open.customer_sums(kpi_sql.dbapi(s), d, with_events)}
                # today's actions': no numbers, only the earliest due day of the invoices with something claimable
                brief = {"A" if r.customer_id == 1 else "B": r
                         for r in worklist_open.customer_sums(kpi_sql.dbapi(s), d, with_events, numbers=False)}
            assert {c: r._replace(considered=None) for c, r in brief.items()} == \
                {c: r._replace(considered=None) for c, r in sums.items()}, d
            assert set(states) <= set(sums), d
            for code, r in sums.items():
                if r.least_open <= 0:   # paid in full by D, reopened later: the rule gets every invoice instead
                    continue
                assert (r.with_events, r.currencies, r.currency) == \
                    (code in marked, len(currencies[code]), min(currencies[code])), d
                if r.with_events:
                    continue
                got, want = worklist_open.summary_of_sums(d, r, []), summarize(states[code], d)
                assert (got.considered, str(got.overdue_amount), got.oldest_overdue, str(got.disputed_amount),
                        got.excluded_claimable) == (want.considered, str(want.overdue_amount), want.oldest_overdue,
                                                    str(want.disputed_amount), want.excluded_claimable), (d, code)
                assert overdue_periods((), d, got.periods) == overdue_periods((), d, want.periods), (d, code)
                short = worklist_open.summary_of_sums(d, brief[code], None)
                assert short == dataclasses.replace(got, considered=None, periods=None,
                                                    first_due=want.considered[0][0] if want.considered else None)


def test_rare_rows_are_read_from_their_partial_indexes(paid_x1):
    """The disputed part reads the flagged invoices from ix_invoice_disputed and the adjustments from
    ix_payment_adjustment, not the whole invoice or payment table: SQLite uses a partial index only
    when the query repeats its WHERE term literally, which a parameter would not."""
    from sqlalchemy.dialects import sqlite

    from ar_desktop.domain.kpi import Period
    from ar_desktop.storage import kpi_repo

    books, path = paid_x1
    d = dt.date(2026, 1, 31)
    statements = [select(kpi_repo._disputed_candidates()), kpi_repo._cleared(Period(d, 90), "EUR")]
    con = sqlite3.connect(path)
    try:
        plans = []
        for q in statements:
            sql = str(q.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
            plans.append(" ".join(r[-1] for r in con.execute("EXPLAIN QUERY PLAN " + sql)))
    finally:
        con.close()
    assert "ix_invoice_disputed" in plans[0] and "SCAN invoice\n" not in plans[0]
    assert "ix_payment_adjustment" in plans[1]
    # and the same sums in plain SQL (storage.kpi_sql, what the `kpi` command runs)
    from ar_desktop.storage import kpi_sql

    class Recording(sqlite3.Connection):
        def execute(self, sql, params=()):
            self.seen.append((sql, params))
            return super().execute(sql, params)

    con = sqlite3.connect(path, factory=Recording)
    con.seen = []
    try:
        kpi_sql.disputed_units(con, [d], "EUR")
        kpi_sql.clearing_stats(con, Period(d, 90), "EUR")
        plans = {sql: " ".join(r[-1] for r in sqlite3.Connection.execute(con, "EXPLAIN QUERY PLAN " + sql, params))
                 for sql, params in con.seen}
    finally:
        con.close()
    disputed = next(p for sql, p in plans.items() if "disputed = 1" in sql)
    adjusted = next(p for sql, p in plans.items() if "write-off" in sql)
    assert "ix_invoice_disputed" in disputed and "ix_payment_adjustment" in adjusted
    assert "COVERING INDEX ix_invoice_disputed" in disputed   # the flagged invoices' sums read no row (0033)
