"""Per customer, the runs of overdue days of the invoices paid late: what the next-step rule reads of a
customer's settled invoices (the collection episode that reaches D, and the run before it), read as two
rows per customer instead of every invoice cleared late (~60,000 index entries on a million-invoice file).

An invoice paid late was overdue from the day after its due date to the day before it was cleared. The
table ``late_run`` (migration 0025) holds, per customer, the maximal runs (first, last day) of the union of
those periods over its *regular* paid-late invoices: cleared (``cleared_on``) two days or more after the due
date and not voided (day numbers, storage.days). Touching or overlapping periods make one run.

**Exact for any past day D.** The overdue days up to D of the invoices settled by D, and of those open on
D, are the stored runs cut at D, joined with the open invoices' periods (due + 1 to D):

* an invoice cleared by D has its whole period before D;
* one cleared after D is open on D, and its period cut at D is the open one, due + 1 to D (one issued
  after D is not due by D: no invoice is due before its issue, ck_invoice_due, so its period starts after D);
* what the runs cannot tell, for which the rule gets every invoice of the customer instead: an invoice
  voided after it was cleared late (it counts until its void day: ``voided_late_customers``), and one paid
  in full by D and reopened after D by a reversal or a change of split (its clearing then is no longer
  stored; the open set of D shows it, with nothing open).

Kept in step by triggers on ``invoice`` (its derived columns change only where allocations and voids are
written; any writer of the invoice row fires them), in the writer's own transaction: a period added (an
invoice cleared late: what payments do) merges with the runs it touches; a period taken out (a reversal,
a void, a change of due date) takes the runs that touch it (the *hull*) and puts back the runs of the
periods inside the hull, gaps-and-islands over the customer's invoices (ix_invoice_aging). A bulk writer holds
the triggers (a row in ``late_run_hold``: they then note the customer in ``late_run_pending``) and
``catch_up`` recomputes those customers' runs once before it commits. A payments import, which changes
invoices only by its batches' UPDATE of paid totals, drops the update triggers instead (``hold_updates``:
four trigger programs per invoice paid were a third of that UPDATE) and notes the customers of the invoices each
batch's UPDATE changed (``note_customers``, from what the UPDATE returned); ``release_updates`` creates them again
before ``catch_up``, which merges the periods those UPDATEs added (``added_period``) with the runs the customers had
when every change only grew a period (the import's allocations all positive), and reads their invoices otherwise.
``rebuild`` recomputes the whole table (the migration, and ``restore`` when a table rebuild dropped the triggers);
``problems`` tells ``check`` where it differs from that recomputation.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Mapping

from ar_desktop.domain.text import Text, translate
from ar_desktop.storage import derived_tables
from ar_desktop.storage.days import FIRST, date_of

__all__ = ["HOLD", "PENDING", "TABLE", "added_period", "catch_up", "hold_updates", "note_customers", "problems",
           "rebuild", "release_updates", "restore", "runs_before", "statements", "voided_late_customers"]

TABLE = "late_run"
# ix_invoice_voided_late's WHERE (storage.orm), named exactly so in a query for SQLite to use that partial index
VOIDED_LATE_SQL = "cleared_on >= due_date + 2 AND voided"
HULL = "late_run_hull"        # the hull of one change, while its trigger runs (empty otherwise)
HOLD = "late_run_hold"        # a row here (inside a bulk writer's transaction only) holds the triggers
PENDING = "late_run_pending"  # the customers whose invoices changed while the triggers were held


def counts_sql(r: str) -> str:
    """Whether invoice row ``r`` (old / new / i) has a period in the runs: a regular invoice paid late."""
    return f"{r}.cleared_on >= {r}.due_date + 2 AND NOT {r}.voided"


# The same as a FROM ... WHERE. No index holds these invoices (ix_invoice_paid_late did until migration 0031:
# 17 MB of a million-invoice file, read only here once the worklist read the runs): one customer's are read
# through ix_invoice_aging (the triggers: SQLite picks it for the customer), many customers' in one pass over
# the table (NOT INDEXED: walking ix_invoice_aging and seeking each row would take twice the CPU).
_PAID_LATE = "FROM invoice i WHERE i.cleared_on >= i.due_date + 2 AND NOT i.voided"
_PAID_LATE_PASS = _PAID_LATE.replace("FROM invoice i", "FROM invoice i NOT INDEXED")


def _islands(periods: str, by: str) -> str:
    """The runs (``by``, first, last) of the periods (``by``, f, l) of a sub-select: merged when they touch."""
    return (f"SELECT {by}, min(f), max(l) FROM (SELECT {by}, f, l, sum(brk) OVER (PARTITION BY {by} ORDER BY f, l "
            "ROWS UNBOUNDED PRECEDING) AS grp FROM (SELECT {by}, f, l, coalesce(f > max(l) OVER (PARTITION BY "
            f"{by} ORDER BY f, l ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) + 1, 1) AS brk FROM ({periods}))) "
            f"GROUP BY {by}, grp").replace("{by}", by)


def _touching(c: str, due: str, cleared: str) -> str:
    """FROM ... WHERE of the runs touching the period [due + 1, cleared - 1] of customer ``c`` (reaching its due
    day or its clearing day): they start at or after the last run that starts by the due day."""
    return (f"FROM {TABLE} WHERE customer_id = {c} AND first <= {cleared} AND last >= {due} AND first >= "
            f"coalesce((SELECT max(first) FROM {TABLE} WHERE customer_id = {c} AND first <= {due}), {due})")


def _merge(r: str) -> str:
    """The trigger statements that add the period of invoice row ``r`` (new): the runs it touches and it become
    one run (nothing else changes, nothing is read but those runs)."""
    c, due, cleared = f"{r}.customer_id", f"{r}.due_date", f"{r}.cleared_on"
    merged = f"SELECT first, last FROM {TABLE} WHERE customer_id = {c} AND first <= {due} + 1 ORDER BY first DESC LIMIT 1"
    return (f"INSERT OR REPLACE INTO {TABLE} (customer_id, first, last) SELECT {c}, "
            f"min({due} + 1, coalesce(min(first), {due} + 1)), max({cleared} - 1, coalesce(max(last), {cleared} - 1)) "
            f"{_touching(c, due, cleared)}; "
            # the merged run starts by the due day + 1 (the latest that does): the others inside it go
            f"DELETE FROM {TABLE} WHERE customer_id = {c} AND first > ({merged.replace('first, last', 'first')}) "
            f"AND first <= ({merged.replace('first, last', 'last')});")


def _recompute(r: str) -> str:
    """The trigger statements that take the period of invoice row ``r`` (old) out: the runs it touches (the
    hull) are deleted and the runs of the periods inside the hull put back, read from the customer's invoices
    cleared in the hull (through ix_invoice_aging: a customer with 36,000 invoices, 70 ms)."""
    c, due, cleared = f"{r}.customer_id", f"{r}.due_date", f"{r}.cleared_on"
    hull_lo = f"(SELECT lo FROM {HULL} WHERE customer_id = {c})"
    hull_hi = f"(SELECT hi FROM {HULL} WHERE customer_id = {c})"
    periods = (f"SELECT i.customer_id, i.due_date + 1 AS f, i.cleared_on - 1 AS l {_PAID_LATE} "
               f"AND i.customer_id = {c} AND i.cleared_on BETWEEN {hull_lo} + 1 AND {hull_hi} + 1 "
               f"AND i.due_date + 1 >= {hull_lo}")
    return (f"INSERT INTO {HULL} (customer_id, lo, hi) SELECT {c}, min({due} + 1, coalesce(min(first), {due} + 1)), "
            f"max({cleared} - 1, coalesce(max(last), {cleared} - 1)) {_touching(c, due, cleared)}; "
            f"DELETE FROM {TABLE} WHERE customer_id = {c} AND first BETWEEN {hull_lo} AND {hull_hi}; "
            f"INSERT INTO {TABLE} (customer_id, first, last) {_islands(periods, 'customer_id')}; "
            f"DELETE FROM {HULL} WHERE customer_id = {c};")


def _held(r: str) -> str:
    return f"INSERT OR IGNORE INTO {PENDING} (customer_id) VALUES ({r}.customer_id);"


# The columns a period depends on: an update of any other column fires nothing.
_WATCHED = "customer_id, due_date, voided, cleared_on"
_FREE = f"NOT EXISTS (SELECT 1 FROM {HOLD})"
_IS_HELD = f"EXISTS (SELECT 1 FROM {HOLD})"


def statements() -> dict[str, str]:
    """object name -> CREATE statement (the tables and the triggers)."""
    out = {
        TABLE: f"CREATE TABLE {TABLE} (customer_id INTEGER NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL, "
               "PRIMARY KEY (customer_id, first)) WITHOUT ROWID",
        HULL: f"CREATE TABLE {HULL} (customer_id INTEGER PRIMARY KEY, lo INTEGER NOT NULL, hi INTEGER NOT NULL)",
        HOLD: f"CREATE TABLE {HOLD} (held INTEGER NOT NULL)",
        PENDING: f"CREATE TABLE {PENDING} (customer_id INTEGER PRIMARY KEY)",
    }
    # an update only when a column a period depends on changed, in two triggers, each firing only when its
    # side counts (a payment that clears an invoice runs the new side only); the new side merges, the old
    # side recomputes the periods inside its hull from the rows as they are now, so either order is right
    changed = " OR ".join(f"old.{col} IS NOT new.{col}" for col in _WATCHED.split(", "))
    sides = {"insert": ("AFTER INSERT", "new", "", _merge), "delete": ("AFTER DELETE", "old", "", _recompute),
             "update_old": (f"AFTER UPDATE OF {_WATCHED}", "old", f" AND ({changed})", _recompute),
             "update_new": (f"AFTER UPDATE OF {_WATCHED}", "new", f" AND ({changed})", _merge)}
    for name, (event, r, when, body) in sides.items():
        out[f"{TABLE}_{name}"] = (f"CREATE TRIGGER {TABLE}_{name} {event} ON invoice WHEN {counts_sql(r)}{when} "
                                  f"AND {_FREE} BEGIN {body(r)} END")
        out[f"{TABLE}_{name}_held"] = (f"CREATE TRIGGER {TABLE}_{name}_held {event} ON invoice WHEN {counts_sql(r)}"
                                       f"{when} AND {_IS_HELD} BEGIN {_held(r)} END")
    return out


def _recomputed(where: str = "", one_pass: bool = True) -> str:
    source = _PAID_LATE_PASS if one_pass else _PAID_LATE
    periods = f"SELECT i.customer_id, i.due_date + 1 AS f, i.cleared_on - 1 AS l {source} {where}"
    return _islands(periods, "customer_id")


def rebuild(con: sqlite3.Connection) -> None:
    """The runs recomputed from the invoices (one pass over the table)."""
    con.execute(f"DELETE FROM {TABLE}")
    con.execute(f"INSERT INTO {TABLE} (customer_id, first, last) {_recomputed()}")


def hold(con) -> None:
    """Hold the triggers (a bulk writer, inside its transaction): they note the customers instead."""
    con.execute(f"INSERT INTO {HOLD} (held) VALUES (1)")


_UPDATE_TRIGGERS = tuple(f"{TABLE}_update_{side}{held}" for side in ("old", "new") for held in ("", "_held"))


def hold_updates(con: sqlite3.Connection) -> list[str]:
    """Drop the update triggers (those the file has), inside a bulk writer's transaction whose invoices change
    only by ``note_paid``'s batches; returns their names, for ``release_updates``."""
    return derived_tables.drop_triggers(con, _UPDATE_TRIGGERS)


def note_customers(con: sqlite3.Connection, customer_ids) -> None:
    """While the update triggers are held: these customers (those of the invoices a batch's UPDATE changed, as it
    returned them) are noted, as the held triggers would note them."""
    con.executemany(f"INSERT OR IGNORE INTO {PENDING} (customer_id) VALUES (?)", [(c,) for c in customer_ids])


def release_updates(con: sqlite3.Connection, held: list[str]) -> None:
    """The triggers ``hold_updates`` dropped, created again."""
    made = statements()
    for name in held:
        con.execute(made[name])


# A period packed as one integer ordered as (customer, first, last): the days as offsets from the first day
# (LAST - FIRST < 2 ** _DAY_BITS), the customer above them (a customer id under _CUSTOMERS fits 63 bits).
_DAY_BITS = 22
_CUSTOMERS = 1 << (63 - 2 * _DAY_BITS)


def added_period(customer: int, due: int, cleared: int | None, voided) -> int | None:
    """``counts_sql`` in Python, for an invoice a payments import's UPDATE returned: its period packed (for
    ``catch_up``'s ``added``) when it is a regular invoice paid late, else None. Raises OverflowError for a customer
    id that does not fit (the caller then catches up by the pass)."""
    if cleared is None or voided or cleared < due + 2:
        return None
    if not 0 < customer < _CUSTOMERS:
        raise OverflowError(customer)
    return (((customer << _DAY_BITS) | (due + 1 - FIRST)) << _DAY_BITS) | (cleared - 1 - FIRST)


def _unpacked(packed) -> Iterator[tuple[int, int, int]]:
    mask = (1 << _DAY_BITS) - 1
    for k in packed:
        yield k >> 2 * _DAY_BITS, ((k >> _DAY_BITS) & mask) + FIRST, (k & mask) + FIRST


def catch_up(con, added=None) -> None:
    """Release the hold: the runs of the customers noted meanwhile recomputed, in one statement. ``added``: the
    periods (``added_period``) of every invoice whose period changed while held, when each such change only grew
    it (an invoice paid late, or a late payment later: a payments import whose allocations are all positive, the
    update triggers held from before any customer was noted): the runs are then those the noted customers had,
    merged with these, without reading their invoices (a pass over a million invoices and a sort of half a million
    periods, ~1.9 s)."""
    con.execute(f"DELETE FROM {HOLD}")
    if added is not None:
        had = con.execute(f"SELECT customer_id, first, last FROM {TABLE} WHERE customer_id IN "
                          f"(SELECT customer_id FROM {PENDING})")
        periods = sorted([*added, *((((c << _DAY_BITS) | (f - FIRST)) << _DAY_BITS) | (la - FIRST)
                                    for c, f, la in had)])
        con.execute(f"DELETE FROM {TABLE} WHERE customer_id IN (SELECT customer_id FROM {PENDING})")
        con.executemany(f"INSERT INTO {TABLE} (customer_id, first, last) VALUES (?, ?, ?)",
                        _merged(_unpacked(periods)))
        con.execute(f"DELETE FROM {PENDING}")
        return
    pending = f"i.customer_id IN (SELECT customer_id FROM {PENDING})"
    # their invoices (counted in ix_invoice_aging, no row read): a sixth of the file or more, and one pass over the
    # table (~0.3 µs an invoice on a million) costs less than a seek for each of theirs (~1.9 µs)
    theirs, top = con.execute(f"SELECT (SELECT count(*) FROM invoice i WHERE {pending}), "
                              "(SELECT coalesce(max(id), 0) FROM invoice)").fetchone()
    con.execute(f"DELETE FROM {TABLE} WHERE customer_id IN (SELECT customer_id FROM {PENDING})")
    source = _PAID_LATE_PASS if theirs * 6 >= top else _PAID_LATE
    periods = con.execute(f"SELECT i.customer_id, i.due_date + 1, i.cleared_on - 1 {source} AND {pending} "
                          "ORDER BY 1, 2, 3")
    con.executemany(f"INSERT INTO {TABLE} (customer_id, first, last) VALUES (?, ?, ?)", _merged(periods))
    con.execute(f"DELETE FROM {PENDING}")


def _merged(periods) -> Iterator[tuple[int, int, int]]:
    """The runs (``_islands``) of periods (customer, first, last) sorted so, merged in one pass: a payments import
    notes most customers, and the islands' two window functions and GROUP BY over half a million periods were
    ~2 s of a million invoices' catch-up (the sort and this loop ~1.3 s)."""
    run = None
    for customer, first, last in periods:
        if run is not None and customer == run[0] and first <= run[2] + 1:   # touching: one run
            if last > run[2]:
                run[2] = last
            continue
        if run is not None:
            yield tuple(run)
        run = [customer, first, last]
    if run is not None:
        yield tuple(run)


def restore(con: sqlite3.Connection) -> list[str]:
    """Create whatever of the tables and triggers is missing (a migration that rebuilds the invoice table
    drops its triggers) and recompute the runs then: writes may have gone by without them."""
    return derived_tables.restore(con, statements(), rebuild)


def problems(con: sqlite3.Connection, limit: int = 20) -> list[Text]:
    """What ``check`` reports: a missing table or trigger, and customers whose runs differ from a recomputation."""
    missing = derived_tables.missing(con, statements())
    out = [Text(translate("Messages", "the runs of late payments {name} are missing: the worklist reads wrong "
                                      "collection episodes (the next upgrade of the file by a newer AR Desktop "
                                      "rebuilds them)"), name=n) for n in missing]
    if TABLE in missing:
        return out
    rows = derived_tables.differing(con, TABLE, _recomputed(), "customer_id", limit,
                                    also=f"SELECT customer_id FROM {PENDING}")
    code = derived_tables.customer_codes(con)
    out += [Text(translate("Messages", "the runs of late payments of customer {code} differ from its invoices: the "
                                       "worklist reads wrong collection episodes there (the next upgrade of the file "
                                       "by a newer AR Desktop rebuilds them)"), code=code.get(cid, str(cid)))
            for (cid,) in rows]
    return out


def runs_before(con, starts: Mapping[int, int]) -> dict[int, list[tuple[dt.date, dt.date]]]:
    """Per customer of ``starts`` (customer id -> a day number S): the two latest runs that begin before S,
    latest last, as (first, last) dates. For S the first day the open invoices of D were overdue (D + 1 when
    none is), these are the run that joins them (when it reaches S - 1) and the one before: all the rule
    needs of the settled invoices (the caller cuts the first at D)."""
    if not starts:
        return {}
    q = (f"SELECT s.key, r.first, r.last FROM json_each(?) AS s JOIN {TABLE} r ON r.customer_id = s.key "
         f"AND r.first < s.value AND r.first >= coalesce((SELECT first FROM {TABLE} p WHERE p.customer_id = s.key "
         f"AND p.first < s.value ORDER BY p.first DESC LIMIT 1 OFFSET 1), {FIRST}) ORDER BY s.key, r.first DESC")
    out: dict[int, list[tuple[dt.date, dt.date]]] = {}
    for key, first, last in con.execute(q, (json.dumps({str(k): v for k, v in starts.items()}),)):
        out.setdefault(int(key), []).append((date_of(first), date_of(last)))
    return out


def voided_late_customers(con, as_of_day: int) -> set[int]:
    """The customers with an invoice cleared late by D that the runs leave out because it is voided now: on D
    (before its void day) it may count, so the rule must see every invoice of theirs (few: the partial
    index ix_invoice_voided_late)."""
    return {cid for (cid,) in con.execute(
        f"SELECT DISTINCT customer_id FROM invoice INDEXED BY ix_invoice_voided_late WHERE {VOIDED_LATE_SQL} "
        "AND cleared_on <= ?", (as_of_day,))}

