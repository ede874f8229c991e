"""Per currency and day, what was paid on the invoices and what fell overdue: with the summary of sales
(storage.sales_summary) the open balance on any day D and its overdue part, read as a few thousand rows
instead of the invoices open on D (45,000-57,000 entries of ix_invoice_span on a million-invoice file, ~16-25
ms a day; the Overview's trend asks twelve month-ends, its figures three days).

An invoice is open on D when it was issued by D and neither cleared nor voided by D (storage.open_set); what
is open on it is its amount less its allocations dated by D. What is paid never exceeds the amount, so an
invoice cleared by D adds 0, and the open balance on D is a sum over the invoices issued by D and not voided by
D, with no word of clearing: the sales so far less the allocations dated by D on those invoices. An allocation
counts from the day both its own day and its invoice's issue day are past. So the table ``balance_day``
(migration 0032) holds per (currency, ``kind``, ``day``, ``until``) a sum of units, where ``until`` is the
invoice's void day (9999-12-31 when not voided; a void without a day never counts: such an invoice has no row,
as in sales_day) and a row counts on D when ``day <= D < until``:

* ``PAID`` (0): minus each allocation, at the later of its day and the invoice's issue day. The open balance
  on D is sales_day's rows issued by D and not voided by D plus these rows;
* ``OVERDUE`` (1): the invoice's amount from the day after its due date, minus each allocation at the later of
  its day and that day (an invoice is due on or after its issue: ck_invoice_due). Their sum on D is what is
  open on invoices due before D: the aging's overdue part (the not-yet-due part is the rest).

Kept in step by triggers on ``invoice`` (an insert, a delete, an update of the currency, the days, the amount
or the void) and on ``allocation`` (an insert, a delete, an update), in the writer's own transaction; a row
whose sum comes to 0 stays until the next ``rebuild`` or ``catch_up`` (the sums are right with it; deleting
it per row would cost every trigger a statement). A bulk writer holds them for the rows it adds (``hold``
stores the largest invoice and allocation ids then; the triggers leave the rows above them alone, and an
update of an invoice moves only its allocations not held) and ``catch_up`` adds those rows' sums in two
statements before it commits. ``rebuild`` recomputes the table (the migration, and ``restore`` when a table
rebuild dropped the triggers); ``problems`` tells ``check`` where it differs from that recomputation.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict

from ar_desktop.domain.text import Text, translate
from ar_desktop.storage import derived_tables
from ar_desktop.storage.days import LAST, day

__all__ = ["HOLD", "OVERDUE", "PAID", "TABLE", "catch_up", "hold", "open_totals", "problems", "put_held", "rebuild",
           "restore", "statements"]

TABLE = "balance_day"
HOLD = "balance_day_hold"   # a row here (inside a bulk writer's transaction only): the ids above these are held
# ranges of held allocation ids their writer summed in already (``put_held``), left out by ``catch_up``: TEMP, on the
# writer's connection, made and dropped in its transaction
COUNTED = "temp.balance_day_counted"
PAID, OVERDUE = 0, 1
_COLUMNS = "currency, kind, day, until, amount"
_UPSERT = f"ON CONFLICT (currency, kind, day, until) DO UPDATE SET amount = amount + excluded.amount"


def _counts(i: str) -> str:
    """Whether invoice row ``i`` counts on some day: not voided, or voided on a day."""
    return f"(NOT {i}.voided OR {i}.voided_on IS NOT NULL)"


def _until(i: str) -> str:
    return f"CASE WHEN {i}.voided THEN {i}.voided_on ELSE {LAST} END"


def _amount_rows(i: str, sign: str = "") -> str:
    """SELECT of invoice row ``i``'s own contribution (its amount, from the day after its due date); WHERE to add."""
    return (f"SELECT {i}.currency AS currency, {OVERDUE} AS kind, {i}.due_date + 1 AS day, {_until(i)} AS until, "
            f"{sign}{i}.amount AS amount")


def _paid_rows(i: str, a: str, units: str) -> str:
    """SELECT of the two rows of allocation units ``units`` (dated ``a``.date) on invoice row ``i``: minus them
    (``units`` carries the sign) from the later of the day and the issue day, and from the later of the day
    and the day after the due date; FROM and WHERE to add."""
    return (f"SELECT {i}.currency AS currency, k.kind AS kind, max({a}.date, CASE k.kind WHEN {PAID} THEN "
            f"{i}.issue_date ELSE {i}.due_date + 1 END) AS day, {_until(i)} AS until, {units} AS amount")


_KINDS = f"(SELECT {PAID} AS kind UNION ALL SELECT {OVERDUE})"


def _alloc_free(a: str) -> str:
    return f"NOT EXISTS (SELECT 1 FROM {HOLD} WHERE {a}.id > allocations)"


def _invoice_free(i: str) -> str:
    return f"NOT EXISTS (SELECT 1 FROM {HOLD} WHERE {i}.id > invoices)"


def _one_allocation(a: str, sign: str) -> str:
    """The trigger statement for allocation row ``a`` (new: minus its units, old: plus them)."""
    return (f"INSERT INTO {TABLE} ({_COLUMNS}) {_paid_rows('i', a, f'{sign}{a}.amount')} FROM invoice i, {_KINDS} AS k "
            f"WHERE i.id = {a}.invoice_id AND {_counts('i')} {_UPSERT};")


def _allocations_of(i: str, sign: str) -> str:
    """The trigger statement that moves the allocations (those not held) of invoice row ``i`` out (old: plus
    them) or in (new: minus them), summed per day."""
    return (f"INSERT INTO {TABLE} ({_COLUMNS}) SELECT * FROM ({_paid_rows(i, 'a', f'{sign}sum(a.amount)')} "
            f"FROM allocation a, {_KINDS} AS k WHERE a.invoice_id = {i}.id AND {_alloc_free('a')} "
            f"GROUP BY k.kind, a.date) WHERE true {_UPSERT};")


# The columns a contribution depends on: an update of any other column (a payment's) fires nothing. The
# allocations' rows do not depend on the amount: an amount change moves the amount alone.
_KEYS = ("currency", "issue_date", "due_date", "voided", "voided_on")
_WATCHED = (*_KEYS, "amount")


def statements() -> dict[str, str]:
    """object name -> CREATE statement (the tables and the triggers)."""
    def changed(columns):
        return " OR ".join(f"old.{c} IS NOT new.{c}" for c in columns)

    def amount(r, sign):
        return f"INSERT INTO {TABLE} ({_COLUMNS}) {_amount_rows(r, sign)} WHERE true {_UPSERT};"

    invoice = {   # name: (event, row, extra condition, body)
        "insert": ("AFTER INSERT", "new", "", amount("new", "")),
        "delete": ("AFTER DELETE", "old", "", amount("old", "-") + " " + _allocations_of("old", "")),
        "amount_old": (f"AFTER UPDATE OF {', '.join(_WATCHED)}", "old", f" AND ({changed(_WATCHED)})",
                       amount("old", "-")),
        "amount_new": (f"AFTER UPDATE OF {', '.join(_WATCHED)}", "new", f" AND ({changed(_WATCHED)})",
                       amount("new", "")),
        "paid_old": (f"AFTER UPDATE OF {', '.join(_KEYS)}", "old", f" AND ({changed(_KEYS)})",
                     _allocations_of("old", "")),
        "paid_new": (f"AFTER UPDATE OF {', '.join(_KEYS)}", "new", f" AND ({changed(_KEYS)})",
                     _allocations_of("new", "-")),
    }
    allocation = {
        "paid_insert": ("AFTER INSERT", "new", "", _one_allocation("new", "-")),
        "paid_delete": ("AFTER DELETE", "old", "", _one_allocation("old", "")),
        "paid_update_old": ("AFTER UPDATE OF invoice_id, date, amount", "old", "", _one_allocation("old", "")),
        "paid_update_new": ("AFTER UPDATE OF invoice_id, date, amount", "new", "", _one_allocation("new", "-")),
    }
    out = {
        TABLE: f"CREATE TABLE {TABLE} (currency TEXT NOT NULL, kind INTEGER NOT NULL, day INTEGER NOT NULL, "
               "until INTEGER NOT NULL, amount INTEGER NOT NULL, PRIMARY KEY (currency, kind, day, until)) "
               "WITHOUT ROWID",
        HOLD: f"CREATE TABLE {HOLD} (invoices INTEGER NOT NULL, allocations INTEGER NOT NULL)",
    }
    for name, (event, r, when, body) in invoice.items():
        # the old and new sides of an update in two triggers, each firing only when its side counts (they commute)
        out[f"{TABLE}_{name}"] = (f"CREATE TRIGGER {TABLE}_{name} {event} ON invoice WHEN {_counts(r)}{when} "
                                  f"AND {_invoice_free(r)} BEGIN {body} END")
    for name, (event, r, when, body) in allocation.items():
        out[f"{TABLE}_{name}"] = (f"CREATE TRIGGER {TABLE}_{name} {event} ON allocation WHEN {_alloc_free(r)}{when} "
                                  f"BEGIN {body} END")
    return out


def _in_invoice_order(con: sqlite3.Connection) -> bool:
    """Whether the allocations can be read in invoice order (ix_allocation_aging is there: a damaged or hand-made
    file may lack it, and ``check`` must still answer)."""
    return con.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'ix_allocation_aging'"
                       ).fetchone() is not None


def _amounts(invoices: str = "") -> str:
    """SELECT of the invoices' own rows (``invoices``: a condition on ``i``), read in one pass or a range of ids (NOT
    INDEXED), not through an index; not summed."""
    return f"{_amount_rows('i')} FROM invoice i NOT INDEXED WHERE {_counts('i')}{f' AND {invoices}' if invoices else ''}"


def _paid_groups(allocations: str = "", few: bool = False) -> str:
    """SELECT of the allocations (``allocations``: a condition on ``a``) summed per (currency, ``paid``: the day they
    count from in PAID, ``overdue``: in OVERDUE, until), before each group is made into its two rows (~50,000
    groups on a million-invoice file instead of ~1,900,000 rows to sort). They are read in invoice order
    (ix_allocation_aging, the ids being in its entries), each invoice's row then the next one's in the table, or,
    when they are ``few``, by their range of ids with a seek of their invoice each (so too without the index)."""
    source = "allocation a NOT INDEXED" if few else "allocation a INDEXED BY ix_allocation_aging"
    return (f"SELECT i.currency AS currency, max(a.date, i.issue_date) AS paid, max(a.date, i.due_date + 1) AS "
            f"overdue, {_until('i')} AS until, -sum(a.amount) AS amount FROM {source} CROSS JOIN invoice i "
            f"ON i.id = a.invoice_id WHERE {_counts('i')}{f' AND {allocations}' if allocations else ''} "
            "GROUP BY 2, 3, 4, 1")   # the days first: SQLite's sorter compares a leading integer quicker (-15 %)


def _paid_sums(allocations: str = "", few: bool = False) -> str:
    """SELECT of the allocations' groups (``_paid_groups``), each made into its two rows (PAID and OVERDUE)."""
    return (f"SELECT g.currency, k.kind, CASE k.kind WHEN {PAID} THEN g.paid ELSE g.overdue END, g.until, g.amount "
            f"FROM ({_paid_groups(allocations, few)}) AS g, {_KINDS} AS k")


def _recomputed(invoices: str = "", allocations: str = "", few: bool = False) -> str:
    """SELECT of the rows the table holds, from the invoices (``_amounts``) and the allocations (``_paid_sums``),
    zero sums left out."""
    return (f"SELECT currency, kind, day, until, sum(amount) AS amount FROM ({_amounts(invoices)} UNION ALL "
            f"{_paid_sums(allocations, few)}) GROUP BY 1, 2, 3, 4 HAVING sum(amount) <> 0")


def _recomputed_rows(con: sqlite3.Connection) -> set[tuple]:
    """The rows of ``_recomputed()`` as (currency, day, kind, until, amount): the invoices' rows summed apart from
    the allocations' groups and the two added here (~60,000 sums), not sorted together in one more GROUP BY of
    ~1,100,000 rows (``problems`` on a million-invoice file: 4.0 s CPU that way, 3.3 s so)."""
    sums: dict[tuple, int] = defaultdict(int)
    for currency, kind, d, until, units in con.execute(f"SELECT currency, kind, day, until, sum(amount) FROM "
                                                       f"({_amounts()}) GROUP BY 3, 4, 1"):
        sums[currency, d, kind, until] += units
    for currency, paid, overdue, until, units in con.execute(_paid_groups(few=not _in_invoice_order(con))):
        sums[currency, paid, PAID, until] += units
        sums[currency, overdue, OVERDUE, until] += units
    return {(*key, units) for key, units in sums.items() if units}


def rebuild(con: sqlite3.Connection) -> None:
    """The summary recomputed from the invoices and allocations (one pass over each)."""
    con.execute(f"DELETE FROM {TABLE}")
    con.execute(f"INSERT INTO {TABLE} ({_COLUMNS}) {_recomputed(few=not _in_invoice_order(con))}")


def hold(con) -> None:
    """Hold the triggers for the invoices and allocations added from now on in this transaction (a bulk
    writer's)."""
    con.execute(f"INSERT INTO {HOLD} (invoices, allocations) SELECT (SELECT coalesce(max(id), 0) FROM invoice), "
                "(SELECT coalesce(max(id), 0) FROM allocation)")


def put_held(con, lo: int, hi: int, sums: dict[tuple, int]) -> bool:
    """While the allocations are held: those with ids ``lo``..``hi`` summed in by their writer, ``sums`` being their
    rows ((currency, kind, day, until) -> units, as ``_paid_sums`` makes them from the allocations and their invoices
    now), and left out by ``catch_up``. A payments import's quick lane knows their invoices (open, not void; the
    import changes none of their currencies, days or voids), so the allocations are not read again at the end
    (~3 s of 950,000 payments on a million-invoice file, in invoice order). False, nothing done: not held."""
    held = con.execute(f"SELECT min(allocations) FROM {HOLD}").fetchone()[0]
    if held is None or lo <= held or hi < lo:
        return False
    con.execute(f"CREATE TABLE IF NOT EXISTS {COUNTED} (lo INTEGER NOT NULL, hi INTEGER NOT NULL)")
    con.execute(f"INSERT INTO {COUNTED} (lo, hi) VALUES (?, ?)", (lo, hi))
    con.executemany(f"INSERT INTO {TABLE} ({_COLUMNS}) VALUES (?, ?, ?, ?, ?) {_UPSERT}",
                    [(*key, units) for key, units in sorted(sums.items()) if units])
    return True


def _not_counted(con, above: int, top: int) -> list[tuple[int, int]]:
    """The ranges of allocation ids above ``above`` up to ``top`` that ``put_held`` did not sum in (the table of
    those it did is dropped)."""
    if con.execute("SELECT 1 FROM temp.sqlite_master WHERE name = 'balance_day_counted'").fetchone() is None:
        return [(above + 1, top)] if top > above else []
    out, at = [], above + 1
    for lo, hi in con.execute(f"SELECT lo, hi FROM {COUNTED} ORDER BY lo").fetchall():
        if lo > at:
            out.append((at, lo - 1))
        at = max(at, hi + 1)
    con.execute(f"DROP TABLE {COUNTED}")
    return out + ([(at, top)] if top >= at else [])


def catch_up(con, days_above: int | None = None) -> None:
    """Release the hold: the invoices and allocations added meanwhile (ids above the hold's) summed into the
    table, as they are now (the triggers left them alone whatever happened to them). ``days_above``: the invoices
    above that id are summed in sales_summary's TEMP table ``DAYS`` (``held_days``), read instead of them when
    they are this hold's."""
    from ar_desktop.storage.sales_summary import DAYS

    invoices, allocations = con.execute(f"SELECT min(invoices), min(allocations) FROM {HOLD}").fetchone()
    con.execute(f"DELETE FROM {HOLD}")
    if invoices is None:
        return
    # the new rows' ranges of ids (but those their writer summed in, ``put_held``); the new allocations by their
    # ids when fewer than a sixth of all (a seek of their invoice each, ~3.5 µs), else in invoice order (~2 µs an
    # allocation for all of them); none added (an invoices import without settlements): not read at all (in
    # invoice order, the file's every allocation)
    every = con.execute("SELECT coalesce(max(id), 0) FROM allocation").fetchone()[0]
    ranges = _not_counted(con, allocations, every)
    added = sum(hi - lo + 1 for lo, hi in ranges)
    few = added * 6 < every or not _in_invoice_order(con)
    if days_above is not None and days_above == invoices:
        own = f"SELECT currency, {OVERDUE} AS kind, due_date + 1 AS day, until, amount FROM {DAYS}"
    else:
        own = _amounts("i.id > ?1")
    which = " OR ".join(f"a.id BETWEEN {lo:d} AND {hi:d}" for lo, hi in ranges)
    paid = f" UNION ALL {_paid_sums(f'({which})', few)}" if added > 0 else ""
    con.execute(f"INSERT INTO {TABLE} ({_COLUMNS}) SELECT * FROM (SELECT currency, kind, day, until, sum(amount) "
                f"AS amount FROM ({own}{paid}) GROUP BY 1, 2, 3, 4 HAVING sum(amount) <> 0) WHERE true {_UPSERT}",
                (invoices,) if "?1" in own else ())
    con.execute(f"DELETE FROM {TABLE} WHERE amount = 0")


def restore(con: sqlite3.Connection) -> list[str]:
    """Create whatever of the tables and triggers is missing (a migration that rebuilds the invoice or the
    allocation table drops their triggers) and recompute the summary then: writes may have gone by without them."""
    return derived_tables.restore(con, statements(), rebuild)


_SENTENCES = derived_tables.Sentences(
    translate("Messages", "the summary of balances {name} is missing: the figures and the Overview's trend read wrong "
                          "open balances (the next upgrade of the file by a newer AR Desktop rebuilds it)"),
    translate("Messages", "the summary of balances is held by an import that never finished: the figures read wrong "
                          "open balances (the next upgrade of the file by a newer AR Desktop rebuilds it)"),
    translate("Messages", "the summary of balances in {currency} of {day} differs from the invoices and payments: "
                          "the figures and the Overview's trend read wrong open balances there (the next upgrade of "
                          "the file by a newer AR Desktop rebuilds it)"))


def problems(con: sqlite3.Connection, limit: int = 20) -> list[Text]:
    """What ``check`` reports: a missing table or trigger, a hold left behind, and the days that differ from a
    recomputation. Rows summing to 0 are left by the triggers and count for nothing: compared without them."""
    return derived_tables.summary_problems(con, statements(), TABLE, HOLD, _SENTENCES,
                                           f"SELECT currency, day, kind, until, amount FROM {TABLE} WHERE amount <> 0",
                                           lambda: _recomputed_rows(con), limit)


# --- reading ------------------------------------------------------------------------------------

def open_totals(con: sqlite3.Connection, days, currency: str) -> dict[dt.date, tuple[int, int]]:
    """Per day D of ``days``: (open balance, its not-yet-due part) in minor units, as kpi_sql.open_totals
    defines them (the aging's open amounts, due on or after D not yet due), from the two summaries."""
    from ar_desktop.storage import sales_summary

    out = {}
    for d in sorted(set(days)):
        n = day(d)
        sales, paid, overdue = con.execute(
            f"SELECT (SELECT coalesce(sum(amount), 0) FROM {sales_summary.TABLE} WHERE currency = ?1 AND day <= ?2 "
            f"AND until > ?2), (SELECT coalesce(sum(amount), 0) FROM {TABLE} WHERE currency = ?1 AND kind = {PAID} "
            f"AND day <= ?2 AND until > ?2), (SELECT coalesce(sum(amount), 0) FROM {TABLE} WHERE currency = ?1 "
            f"AND kind = {OVERDUE} AND day <= ?2 AND until > ?2)", (currency, n)).fetchone()
        total = int(sales) + int(paid)
        out[d] = (total, total - int(overdue))
    return out
