"""What a bulk writer holds back while it works and does once at the end, on any connection: the base of
storage.bulk_repo's ``BulkWriter`` (SQLAlchemy's session) and of storage.plain_invoices' writer (a plain
sqlite3 connection, no SQLAlchemy loaded). Its SQL goes through ``execute`` (the session's connection, so that
the file's write guards see each write, or the plain connection) and the summaries' and runs' own functions
through ``dbapi`` (the DB-API connection).

What SQLite keeps in step row by row is done once, at the end of the transaction (``finish``, run just before
it commits; a rollback or a kill undoes all of it with the rows):
- the search index (storage.list_schema): a row in ``search_hold`` holds the per-row insert triggers
  back while the writer works, and the rows added meanwhile enter the search in one INSERT ... SELECT
  (FTS5 writes its pending terms at every statement: per row or per batch, that is most of the cost);
- the secondary indexes of a table that was empty when the writer first wrote to it (a first import
  into a new file), or of the invoices once an import that expects to add at least half as many as
  there are has read enough of its file to tell (``adding``, ``GROWTH``, ``LOOK``): dropped, and created
  again from their own CREATE statements once the rows are in; SQLite then builds each by one sort instead
  of a random insert per row. Unique indexes and those the importers read during the import (``KEPT``)
  stay. (100,000 invoices into a file of 1,000: 3.2-3.8 s of SQL inserting into the 13 indexes, 1.8-1.9 s
  rebuilding them; into 100,000: 4.4 s against 2.8-3.5 s; into 300,000: 5.4 s against 5.9 s, about even: a
  sort per index costs ~10 us a row of the table, an insert ~30 us a row added);
- the invoice and allocation insert triggers that do nothing for its rows (``IDLE``): dropped with its first
  invoice or allocation, created again from their own statements before the summaries below are caught up;
- the runs of late payments (storage.late_runs): held from the first invoice or allocation written (the
  triggers note the customers), and those customers' runs recomputed in one statement;
- the summary of sales (storage.sales_summary): held for the invoices this writer adds (from its first
  invoice), whose sums go in by one INSERT ... SELECT;
- the summary of balances (storage.balance_summary): held for the invoices and allocations this writer adds
  (from its first invoice or allocation), whose sums go in by one INSERT ... SELECT; the invoices' read from
  the TEMP table both summaries share when both are held for the same ids (``sales_summary.held_days``).
What only payments need (the paid totals' indexes, the summary of clearings) is ``BulkWriter``'s.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from ar_desktop.storage import balance_summary, late_runs, sales_summary
from ar_desktop.storage.bulk_audit import BulkBatch
from ar_desktop.storage.list_schema import HOLD, SEARCH

# Indexes an importer reads while it works (payments_on, unrecovered, written_off): deferred only by
# ``BulkWriter.defer_lookups``.
KEPT = frozenset({"ix_payment_customer_date", "ix_allocation_aging"})
GROWTH = 2   # all the invoice indexes are deferred when the invoices to add times GROWTH are at least those there
LOOK = 8_000   # ... as the share of the rows read (at most LOOK, or half the estimate) that were stored says
# The invoice triggers that do nothing for a row a writer inserts, once it holds the search and the
# summaries (``_prepare``): those three are held for the ids it adds, and the others fire only for a row
# inserted cleared or closed, which none is (the derived columns are never inserted: they start NULL / 0). A
# WHEN per trigger and row was ~1.6 us a row (0.16 s of 100,000 invoices); they are dropped with the first
# invoice and created again at ``finish`` from their own statements (tests/storage/test_bulk_import_killed.py,
# test_bulk_writer_holds.py: a new AFTER INSERT trigger must be added here or it fails).
IDLE_INSERT_TRIGGERS = ("invoice_search_insert", "clearing_month_insert", "late_run_insert",
                        "late_run_insert_held", "sales_day_insert", "balance_day_insert")
# ... and per table (the allocations' one: held with the summary of balances, from the first allocation; its WHEN
# was ~0.4 us a row, 0.45 s of a million allocations)
IDLE = {"invoice": IDLE_INSERT_TRIGGERS, "allocation": ("balance_day_paid_insert",)}
_MANY_TERMS, _BIG_HASH, _FTS5_HASH = 50_000, 64 << 20, 1 << 20   # rows; FTS5's pending terms: ours, its default


class BulkHolds:
    """The holds, deferred indexes and catch-ups of one writer's transaction, and its audit batch (``batch``)."""

    def __init__(self, batch: BulkBatch, adding: int = 0):
        self.batch = batch
        self._adding = adding   # the invoices an invoices import expects to add (its file's estimate), 0: not known
        self._read = self._stored = 0   # ... the rows of its file it read (``read``), the invoices stored of them
        self._prepared: set[str] = set()
        self._search_above: dict[str, int] | None = None   # search table -> its content's max id at the hold
        self._deferred: list[str] = []                     # CREATE statements of the indexes dropped
        self._triggers_away: list[str] = []                # ... and of the insert triggers (IDLE)
        self._late_runs_held = False
        self._sales_held = False
        self._balances_held = False

    # ---- the connection (the subclasses') ------------------------------------------------------

    def execute(self, sql: str, params=()):
        """Run one statement; the result has ``fetchone``, ``fetchall`` and ``rowcount``."""
        raise NotImplementedError

    def dbapi(self):
        """The DB-API connection (sqlite3) of the transaction."""
        raise NotImplementedError

    def _one(self, sql: str, params=()):
        return self.execute(sql, params).fetchone()[0]

    # ---- before the first row --------------------------------------------------------------------

    def _prepare(self, table: str) -> None:
        """Before the first row of ``table``: hold the search triggers, defer the indexes of an empty table."""
        if table in self._prepared:
            return
        self._prepared.add(table)
        raw = self.dbapi()
        if not self._late_runs_held and table in ("invoice", "allocation"):
            late_runs.hold(raw)
            self._late_runs_held = True
        if not self._balances_held and table in ("invoice", "allocation"):
            balance_summary.hold(raw)
            self._balances_held = True
        if not self._sales_held and table == "invoice":
            sales_summary.hold(raw)
            self._sales_held = True
        if self._search_above is None and any(content == table for content, _c, _d in SEARCH.values()):
            self._search_above = {name: self._one(f"SELECT coalesce(max(id), 0) FROM {content}")
                                  for name, (content, _c, _d) in SEARCH.items()}
            self.execute(f"INSERT INTO {HOLD} (held) VALUES (1)")
        if table in IDLE:   # held above: these do nothing for the rows this writer adds
            names = ", ".join(f"'{n}'" for n in IDLE[table])
            for name, sql in self.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                          f"AND tbl_name = ? AND name IN ({names})", (table,)).fetchall():
                self.execute(f'DROP TRIGGER "{name}"')
                self._triggers_away.append(sql)
        if self.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None:
            self._drop_indexes(table)

    def _drop_indexes(self, table: str) -> None:
        """Drop the secondary indexes of ``table`` (but the unique ones and ``KEPT``), to be built at ``finish``."""
        for name, sql in self.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
                "AND sql NOT LIKE 'CREATE UNIQUE%'", (table,)).fetchall():
            if name not in KEPT:
                self.execute(f'DROP INDEX "{name}"')
                self._deferred.append(sql)

    # ---- the invoices added ------------------------------------------------------------------------

    def read(self, rows: int) -> None:
        """The importer read ``rows`` more rows of its file (to be stored, skipped or refused): ``_growing``
        projects from them how many of the file's rows will be stored."""
        self._read += rows

    def _growing(self, stored: int) -> None:
        """After invoices were stored: an import expecting to add at least half as many as the file holds
        (``adding``, ``GROWTH``) has the invoice indexes dropped, to be built at ``finish``, once it read half its
        estimate or ``LOOK`` rows (the first batch of a small file). Its estimate is the file's rows times the
        share of those read that were stored: a file whose rows are in the books already (``--mode skip``) stores
        few or none, and rebuilding the indexes would be all its cost, as it would for a file whose first rows
        are new and the rest skipped. Decided once, after at most ``LOOK`` rows went into the indexes one by one."""
        if not self._adding:
            return
        self._stored += stored
        if not self._stored or self._read < min(self._adding // 2, LOOK):
            return
        adding, self._adding = self._adding, 0   # decided once
        expected = adding * self._stored // self._read
        if expected * GROWTH >= self._one("SELECT max(id) FROM invoice"):
            self._drop_indexes("invoice")

    def _defaults(self, table: str, columns: list[str]) -> dict[str, object]:
        """The stored values of the columns the rows of ``table`` leave out (one value for the statement)."""
        raise NotImplementedError

    def _flush(self) -> None:
        """Write what the transaction holds apart from SQL (an ORM session's objects) before rows are read."""

    def invoices_from(self, columns: list[str], select_sql: str) -> tuple[int, int]:
        """New open invoices from an SQL SELECT of ``columns``, in the SELECT's order; they take the next
        ids (SQLite's own: one above the largest), the other columns their defaults. Returns the first id and how
        many were added."""
        if set(columns) & set(DERIVED):   # a row inserted paid or closed would need the insert triggers
            raise ValueError(f"invoices are inserted open: not {sorted(set(columns) & set(DERIVED))}")
        self._flush()
        above = self._one("SELECT coalesce(max(id), 0) FROM invoice")
        n = self._insert_from("invoice", columns, select_sql)
        if n:
            self._added("invoice", above, n)
            self._growing(n)
        return above + 1, n

    def _insert_from(self, table: str, columns: list[str], select_sql: str) -> int:
        """INSERT ... SELECT of ``columns``, the others their defaults (one value for the statement)."""
        self._prepare(table)
        fixed = {f"default_{k}": v for k, v in self._defaults(table, columns).items()}
        extra = [k.removeprefix("default_") for k in fixed]
        sql = (f"INSERT INTO {table} ({', '.join([*columns, *extra])}) "
               f"SELECT *{''.join(', :' + k for k in fixed)} FROM ({select_sql})")
        return self.execute(sql, fixed).rowcount

    def _added(self, table: str, above: int, n: int) -> int:
        """The first id of the ``n`` rows just added above ``above``, checked to be one new range, audited."""
        first, last, count = self.execute(f"SELECT min(id), max(id), count(*) FROM {table} "  # noqa: S608
                                       "WHERE id > ?", (above,)).fetchone()
        if first != above + 1 or count != n or last - first + 1 != n:
            raise ValueError(f"{table}: {n} rows must take new consecutive ids above {above}, not {first}..{last}")
        self.batch.added(table, n, first, last)
        return first

    # ---- at the end ----------------------------------------------------------------------------------

    def finish(self) -> None:
        """What was held back, done once: the search entries of the rows added, the insert triggers, the
        deferred indexes, the runs and summaries caught up. Run just before the commit; again, it does nothing.
        A subclass adds its own through the hooks below (``BulkWriter``: a payments import's)."""
        self._release_search()
        self._restore_triggers()
        deferred = self._take_deferred()
        with self._building(deferred):
            for sql in deferred:
                self.execute(sql)
        self._before_catch_up()
        self._catch_up()
        self._after_catch_up()

    # ---- the hooks of ``finish`` ----------------------------------------------------------------------

    def _take_deferred(self) -> list[str]:
        """The CREATE statements of the indexes to build now (forgotten: ``finish`` builds them once)."""
        deferred, self._deferred = self._deferred, []
        return deferred

    def _building(self, deferred: list[str]) -> contextlib.AbstractContextManager:
        """What holds while the deferred indexes are built (the connection's settings for the sorts)."""
        return contextlib.nullcontext()

    def _before_catch_up(self) -> None:
        """After the indexes, before the runs and summaries are caught up (triggers held apart from theirs)."""

    def _late_runs_added(self):
        """The periods for ``late_runs.catch_up``'s ``added`` (None: the runs recomputed from the invoices)."""
        return None

    def _after_catch_up(self) -> None:
        """After the runs and summaries were caught up."""

    def _release_search(self) -> None:
        if self._search_above is not None:
            above, self._search_above = self._search_above, None
            self.execute(f"DELETE FROM {HOLD}")
            for name, (content, columns, _detail) in SEARCH.items():
                cols = ", ".join(columns)
                with self._pending_terms(name, above[name], content):
                    self.execute(f"INSERT INTO {name} (rowid, {cols}) SELECT id, {cols} FROM {content} "
                              f"WHERE id > ?", (above[name],))

    def _restore_triggers(self) -> None:
        away, self._triggers_away = self._triggers_away, []
        for sql in away:   # before the holds are released: they then count every row from now on
            self.execute(sql)

    def _catch_up(self) -> None:
        raw = self.dbapi()
        if self._late_runs_held:
            self._late_runs_held = False
            late_runs.catch_up(raw, self._late_runs_added())
        # both summaries read the invoices added summed per day once (sales_summary.held_days)
        days = sales_summary.held_days(raw) if self._sales_held and self._balances_held else None
        if self._sales_held:
            self._sales_held = False
            sales_summary.catch_up(raw, days=days is not None)
        if self._balances_held:
            self._balances_held = False
            balance_summary.catch_up(raw, days_above=days)
        if days is not None:
            raw.execute(f"DROP TABLE {sales_summary.DAYS}")

    @contextlib.contextmanager
    def _pending_terms(self, name: str, above: int, content: str) -> Iterator[None]:
        """Many rows into the FTS5 table ``name`` in one statement: FTS5 writes its pending terms out as a new
        segment whenever they pass its ``hashsize`` (1 MB by default), and merges those segments as they come;
        with 64 MB pending at a time, a million invoices take about a third less time (and up to 64 MB more
        memory, once). The setting is put back as it was (no row: FTS5's default) in the same transaction."""
        # the rows added, at most the ids above (their count read a million rows' ids: 0.3 s)
        if self._one(f"SELECT coalesce(max(id), 0) - ? FROM {content}", (above,)) < _MANY_TERMS:
            yield
            return
        before = self.execute(f"SELECT v FROM {name}_config WHERE k = 'hashsize'").fetchone()
        self.execute(f"INSERT INTO {name} ({name}, rank) VALUES ('hashsize', ?)", (_BIG_HASH,))
        yield
        self.execute(f"INSERT INTO {name} ({name}, rank) VALUES ('hashsize', ?)",
                  (_FTS5_HASH if before is None else before[0],))
        if before is None:
            self.execute(f"DELETE FROM {name}_config WHERE k = 'hashsize'")


# The invoice columns that follow from its allocations and void (storage.open_set): never inserted.
DERIVED = ("paid", "last_paid_on", "first_paid_on", "cleared_on", "closed_on", "span_class")
