"""The payments import's SQLite floor: what writing exactly what `ar-desktop import payments` stores costs plain
SQLite, beside what the whole command costs (issue #10's "the SQLite floor for the same question"; not a test).

    .venv/bin/python benchmarks/payments_floor.py --folder DIR [--revision REV] [--imported FILE]

DIR holds ``books.ardb`` (the customers and invoices imported, no payment) and ``payments.csv``, as
``import_speed.py --payments-only --folder DIR`` leaves them (the session's prebuilt million-invoice inputs:
copy the folder first, the files written here go into it). Steps:

1. the real import, once, by ``--revision`` (default: this working tree; a git revision is checked out in a
   temporary worktree, ``sides.before_tree``): a copy of the books, ``check``-ed as import_speed.py does (so it
   opens as a file closed cleanly), then ``ar-desktop import payments`` timed as its own process (CPU = user +
   system, Python's start included). ``--imported FILE``: a file that import left (kept by an earlier run) instead.
2. what it stored, read from its result against the books: the new payments and allocations, the invoices'
   changed columns, every other table's rows added, changed or removed (the summaries, the audit entry).
3. on a fresh copy of the books, on one plain ``sqlite3`` connection with the program's pragmas (foreign keys on,
   WAL, synchronous NORMAL, a 64 MB cache), timed part by part in CPU seconds of this process: the indexes the
   import defers dropped (every index of payment and allocation, the invoice indexes that hold a paid total or
   what follows from it: ``storage.bulk_repo``'s rule) and the written tables' triggers (the summaries are
   written as rows here); ``executemany`` into payment and into allocation in id order; one ``executemany``
   ``UPDATE`` of the invoices' changed columns by id, in id order; the deferred indexes built again (16 MB cache,
   as the import builds them); the summaries' rows written; the triggers created again; one commit.
4. the floor's file compared with the import's: every table's rows (both ways) and the schema's definitions
   must be equal, or the script stops: the floor writes what the import writes, no less.
5. the Python floor of reading the CSV: the ``csv`` module over every row, each row's cells typed (the date a
   day number, the amount in minor units), in batches of 100,000 rows.
6. not in the floor: the invoices' UPDATE again, on another fresh copy, as the import runs it, once per batch of
   100,000 payments (each batch's invoices in id order), rolled back: what the batches' passes over the invoice
   pages cost against one pass.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from import_speed import run_sampled  # noqa: E402
from sides import ROOT, before_tree, revision, run_command  # noqa: E402

from ar_desktop.storage.bulk_repo import follows_paid  # noqa: E402  (the rule the import defers its indexes by)

CACHE_KIB, BUILD_CACHE_KIB = 64 * 1024, 16 * 1024   # plain_invoices.IMPORT_CACHE_MIB, bulk_repo._BUILD_CACHE_KIB
EPOCH = dt.date(1970, 1, 1).toordinal()               # storage.days: a day number counts from 1970-01-01
BATCH = 100_000


def cpu() -> float:
    return time.process_time()


def the_import(src: Path, books: Path, folder: Path, payments: Path) -> tuple[Path, tuple]:
    """The command's result file and its figures (wall, CPU, peak RSS, system CPU, peak anonymous MB)."""
    db = folder / "floor-import.ardb"
    for old in (db, *(Path(f"{db}{side}") for side in ("-wal", "-shm"))):
        old.unlink(missing_ok=True)
    shutil.rmtree(folder / "floor-import.backups", ignore_errors=True)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(src / "ar_desktop")], check=True,
                   stdout=subprocess.DEVNULL)
    shutil.copy(books, db)
    run_command(src, ["--db", str(db), "check"])
    figures = run_sampled(src, ["--db", str(db), "import", "payments", str(payments)])
    shutil.rmtree(folder / "floor-import.backups", ignore_errors=True)   # the closing's automatic backup
    return db, figures


def tables(con: sqlite3.Connection, schema: str = "main") -> list[str]:
    return [n for (n,) in con.execute(f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
                                      "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]


def quoted(column: str) -> str:
    return column if column == "rowid" else f'"{column}"'


def columns(con: sqlite3.Connection, table: str) -> tuple[list[str], list[str]]:
    """A table's columns, and its key's (the primary key's columns, or rowid)."""
    info = con.execute(f'PRAGMA main.table_info("{table}")').fetchall()
    names = [r[1] for r in info]
    key = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]]
    return names, key or ["rowid"]


class Writes:
    """What the import stored, as the floor writes it (read from ``imported`` against the books, ``con``)."""

    def __init__(self, con: sqlite3.Connection, imported: Path):
        con.execute("ATTACH ? AS r", (f"file:{imported}?mode=ro",))
        self.inserts: dict[str, tuple[str, list]] = {}    # payment, allocation: (sql, rows in id order)
        self.invoice_sql, self.invoice_rows, self.invoice_columns = "", [], []
        self.summaries: dict[str, list[tuple[str, list]]] = {}   # table -> [(sql, rows)]: deletes, updates, inserts
        for table in ("payment", "allocation"):
            names, _key = columns(con, table)
            old = con.execute(f"SELECT count(*) FROM (SELECT * FROM main.{table} EXCEPT SELECT * FROM r.{table})"
                              ).fetchone()[0]
            if old:
                raise SystemExit(f"the import changed or removed {old} {table} rows the books held: not handled here")
            top = con.execute(f"SELECT coalesce(max(id), 0) FROM main.{table}").fetchone()[0]
            rows = con.execute(f"SELECT {', '.join(names)} FROM r.{table} WHERE id > ? ORDER BY id", (top,)).fetchall()
            self.inserts[table] = (f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                                   rows)
        names, _key = columns(con, "invoice")
        if con.execute("SELECT count(*) FROM r.invoice n LEFT JOIN main.invoice o ON o.id = n.id WHERE o.id IS NULL"
                       ).fetchone()[0]:
            raise SystemExit("the import added invoices: not handled here")
        changed = con.execute("SELECT " + ", ".join(f"sum(n.{c} IS NOT o.{c})" for c in names)
                              + " FROM r.invoice n JOIN main.invoice o ON o.id = n.id").fetchone()
        self.invoice_columns = [c for c, k in zip(names, changed) if k]
        cols = self.invoice_columns
        if cols:
            self.invoice_rows = con.execute(
                f"SELECT {', '.join('n.' + c for c in cols)}, n.id FROM r.invoice n JOIN main.invoice o ON o.id = n.id "
                f"WHERE {' OR '.join(f'n.{c} IS NOT o.{c}' for c in cols)} ORDER BY n.id").fetchall()
            self.invoice_sql = f"UPDATE invoice SET {', '.join(c + ' = ?' for c in cols)} WHERE id = ?"
        for table in tables(con):
            if table in ("payment", "allocation", "invoice"):
                continue
            names, key = columns(con, table)
            sel = ", ".join(map(quoted, dict.fromkeys(key + names)))   # the key first (rowid is no column)
            width = len(key)
            before = {r[:width]: r for r in con.execute(f'SELECT {sel} FROM main."{table}"')}
            after = {r[:width]: r for r in con.execute(f'SELECT {sel} FROM r."{table}"')}
            if before == after:
                continue
            gone = sorted(k for k in before if k not in after)
            moved = sorted(k for k in after if k in before and after[k] != before[k])
            new = sorted(k for k in after if k not in before)
            rest = [c for c in dict.fromkeys(key + names) if c not in key]
            where = " AND ".join(f"{quoted(c)} = ?" for c in key)
            ops = []
            if gone:
                ops.append((f'DELETE FROM "{table}" WHERE {where}', gone))
            if moved and rest:
                sets = ", ".join(f"{quoted(c)} = ?" for c in rest)
                ops.append((f'UPDATE "{table}" SET {sets} WHERE {where}', [after[k][width:] + k for k in moved]))
            if new:
                cols_in = list(dict.fromkeys(key + names))
                marks = ", ".join("?" * len(cols_in))
                ops.append((f'INSERT INTO "{table}" ({", ".join(map(quoted, cols_in))}) VALUES ({marks})',
                            [after[k] for k in new]))
            self.summaries[table] = ops
        con.execute("DETACH r")

    def written(self) -> list[str]:
        return ["payment", "allocation", "invoice", *self.summaries]


def deferred_indexes(con: sqlite3.Connection) -> list[tuple[str, str]]:
    """(name, sql) of the indexes the import defers: every one of payment's and allocation's, and the invoice's
    (not unique) that hold a paid total or what follows from it."""
    out = []
    for name, table, sql in con.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' "
                                        "AND sql IS NOT NULL ORDER BY tbl_name, name"):
        if table in ("payment", "allocation") or (
                table == "invoice" and not sql.startswith("CREATE UNIQUE")
                and follows_paid(name, sql)):
            out.append((name, sql))
    return out


def fresh_copy(books: Path, work: Path) -> sqlite3.Connection:
    """``work`` a fresh copy of the books, opened with the program's pragmas (foreign keys on, WAL, its import cache)."""
    for old in (work, *(Path(f"{work}{side}") for side in ("-wal", "-shm"))):
        old.unlink(missing_ok=True)
    shutil.copy(books, work)
    con = sqlite3.connect(work, isolation_level=None)
    for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=NORMAL", f"cache_size=-{CACHE_KIB}"):
        con.execute(f"PRAGMA {pragma}")
    return con


def floor(books: Path, work: Path, writes: Writes) -> dict[str, float]:
    """Write ``writes`` into a fresh copy of the books; CPU seconds by part."""
    con = fresh_copy(books, work)
    parts: dict[str, float] = {}

    def timed(label: str, fn) -> None:
        t = cpu()
        fn()
        parts[label] = parts.get(label, 0.0) + cpu() - t

    indexes = deferred_indexes(con)
    written = writes.written()
    triggers = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
                           f"({', '.join('?' * len(written))}) ORDER BY name", written).fetchall()

    def drop() -> None:
        con.execute("BEGIN")
        for name, _sql in indexes:
            con.execute(f'DROP INDEX "{name}"')
        for name, _sql in triggers:
            con.execute(f'DROP TRIGGER "{name}"')

    def build() -> None:
        con.execute(f"PRAGMA cache_size=-{BUILD_CACHE_KIB}")
        for _name, sql in indexes:
            con.execute(sql)
        con.execute(f"PRAGMA cache_size=-{CACHE_KIB}")

    def summaries() -> None:
        for ops in writes.summaries.values():
            for sql, rows in ops:
                con.executemany(sql, rows)

    def retrigger() -> None:
        for _name, sql in triggers:
            con.execute(sql)

    timed("drop the deferred indexes and the triggers", drop)
    for table, (sql, rows) in writes.inserts.items():
        timed(f"insert {len(rows):,} {table} rows", lambda sql=sql, rows=rows: con.executemany(sql, rows))
    if writes.invoice_rows:
        timed(f"update {len(writes.invoice_rows):,} invoices ({len(writes.invoice_columns)} columns)",
              lambda: con.executemany(writes.invoice_sql, writes.invoice_rows))
    timed(f"build {len(indexes)} deferred indexes", build)
    n = sum(len(rows) for ops in writes.summaries.values() for _sql, rows in ops)
    timed(f"summaries and audit: {n:,} rows in {len(writes.summaries)} tables", summaries)
    timed("create the triggers again", retrigger)
    timed("commit", lambda: con.execute("COMMIT"))
    t = cpu()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    parts["(checkpoint, as the command's closing does; not in the floor)"] = cpu() - t
    con.close()
    return parts


def batched_update(books: Path, work: Path, writes: Writes) -> tuple[float, int]:
    """CPU seconds of the floor's invoice UPDATE done as the import does it, once per batch of BATCH payments (in
    row order, so in payment id order): each batch's invoices (those its allocations pay), in id order, on a fresh
    copy with the deferred indexes and the triggers away; rolled back. Returns the seconds and the row updates."""
    (payment_sql, payments), (allocation_sql, allocations) = writes.inserts["payment"], writes.inserts["allocation"]
    first = payments[0][columns_of(payment_sql).index("id")] if payments else 0
    names = columns_of(allocation_sql)
    pid_at, iid_at = names.index("payment_id"), names.index("invoice_id")
    batches: dict[int, set[int]] = {}
    for row in allocations:
        batches.setdefault((row[pid_at] - first) // BATCH, set()).add(row[iid_at])
    final = {row[-1]: row for row in writes.invoice_rows}
    con = fresh_copy(books, work)
    con.execute("BEGIN")
    for name, _sql in deferred_indexes(con):
        con.execute(f'DROP INDEX "{name}"')
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'invoice'"
                               ).fetchall():
        con.execute(f'DROP TRIGGER "{name}"')
    t, n = cpu(), 0
    for k in sorted(batches):
        rows = [final[i] for i in sorted(batches[k]) if i in final]
        con.executemany(writes.invoice_sql, rows)
        n += len(rows)
    seconds = cpu() - t
    con.execute("ROLLBACK")
    con.close()
    for old in (work, *(Path(f"{work}{side}") for side in ("-wal", "-shm"))):
        old.unlink(missing_ok=True)
    return seconds, n


def columns_of(insert: str) -> list[str]:
    """The column names of an ``INSERT INTO t (a, b) VALUES …``."""
    return [c.strip().strip('"') for c in insert.split("(", 1)[1].split(")", 1)[0].split(",")]


def same_file(a: Path, b: Path) -> list[str]:
    """Differences between two company files' rows and schemas ([] when none)."""
    con = sqlite3.connect(f"file:{a}?mode=ro", uri=True)
    con.execute("ATTACH ? AS b", (f"file:{b}?mode=ro",))
    out = []
    schema = "SELECT type, name, tbl_name, sql FROM {}.sqlite_master"
    if set(con.execute(schema.format("main"))) != set(con.execute(schema.format("b"))):
        out.append("the schemas differ")
    names = tables(con)
    if names != tables(con, "b"):
        out.append("the tables differ")
    for t in names:
        for x, y in (("main", "b"), ("b", "main")):
            n = con.execute(f'SELECT count(*) FROM (SELECT * FROM {x}."{t}" EXCEPT SELECT * FROM {y}."{t}")'
                            ).fetchone()[0]
            if n:
                out.append(f"{t}: {n} rows of {x} not in {y}")
        if con.execute(f'SELECT (SELECT count(*) FROM main."{t}") - (SELECT count(*) FROM b."{t}")').fetchone()[0]:
            out.append(f"{t}: row counts differ")
    con.close()
    return out


def csv_floor(path: Path) -> tuple[float, int]:
    """CPU seconds and rows of reading the payments CSV with the csv module, every row's cells typed."""
    t, n = cpu(), 0
    fromiso = dt.date.fromisoformat
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = [h.strip().lower() for h in next(reader)]
        at = [header.index(k) for k in ("date", "customer_code", "amount", "invoice_number", "reference", "method")]
        d_at, c_at, a_at, i_at, r_at, m_at = at
        batch = []
        for cells in reader:
            whole, _dot, cents = cells[a_at].partition(".")
            batch.append((fromiso(cells[d_at]).toordinal() - EPOCH, cells[c_at],
                          int(whole) * 100 + int(cents.ljust(2, "0")), cells[i_at], cells[r_at], cells[m_at]))
            if len(batch) >= BATCH:
                n += len(batch)
                batch = []
        n += len(batch)
    return cpu() - t, n


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--folder", type=Path, required=True,
                   help="holds books.ardb and payments.csv; files are written there")
    p.add_argument("--revision", help="git revision whose import is timed (default: this working tree)")
    p.add_argument("--imported", type=Path, help="the import's result, kept from an earlier run (not timed again)")
    args = p.parse_args(argv)
    folder = args.folder.resolve()
    books, payments = folder / "books.ardb", folder / "payments.csv"
    if Path(f"{books}-wal").exists() and Path(f"{books}-wal").stat().st_size:
        raise SystemExit(f"{books} has a log beside it: check it first so that a copy holds everything")
    src = before_tree(args.revision) if args.revision else ROOT
    label = f"{args.revision} ({revision(args.revision)})" if args.revision else "this working tree"
    if args.imported:
        imported, command = args.imported.resolve(), None
    else:
        print(f"importing {payments.name} by {label}…", flush=True)
        imported, command = the_import(src, books, folder, payments)
        print(f"  {command[0]:.1f} s wall, {command[1]:.1f} s CPU", flush=True)
    t = cpu()
    reading = sqlite3.connect(f"file:{books}?mode=ro", uri=True)
    writes = Writes(reading, imported)
    reading.close()
    print(f"read what it stored in {cpu() - t:.1f} s CPU; writing it plainly…", flush=True)
    work = folder / "floor.ardb"
    parts = floor(books, work, writes)
    problems = same_file(work, imported)
    if problems:
        raise SystemExit("the floor's file differs from the import's: " + "; ".join(problems[:10]))
    if writes.invoice_rows:
        seconds, n = batched_update(books, folder / "floor-batched.ardb", writes)
        parts[f"(the invoices' UPDATE as the import runs it, once per batch of {BATCH:,} payments: {n:,} row "
              "updates; not in the floor)"] = seconds
    csv_cpu, csv_rows = csv_floor(payments)
    load = os.getloadavg()[0]
    sql_floor = sum(v for k, v in parts.items() if not k.startswith("("))
    print(f"\nThe import by {label}; the floor on a copy of {books} (same rows, checked: every table and the "
          f"schema equal). CPU seconds (user + system); load average at the end {load:.1f} on "
          f"{os.cpu_count()} cores.\n")
    print("| part | CPU |")
    print("|---|---:|")
    if command:
        print(f"| **the whole command** `ar-desktop import payments` ({command[0]:.1f} s wall, peak RSS "
              f"{command[2]} MB, of which system {command[3]:.1f} s) | **{command[1]:.1f} s** |")
    for k, v in parts.items():
        if not k.startswith("("):
            print(f"| SQL floor: {k} | {v:.2f} s |")
    print(f"| **SQL floor** | **{sql_floor:.1f} s** |")
    print(f"| CSV floor: {csv_rows:,} rows read by the csv module, cells typed | **{csv_cpu:.1f} s** |")
    print(f"| **floor** (SQL + CSV) | **{sql_floor + csv_cpu:.1f} s** |")
    if command:
        print(f"| the command beyond the floor | {command[1] - sql_floor - csv_cpu:.1f} s |")
    for k, v in parts.items():
        if k.startswith("("):
            print(f"| {k} | {v:.2f} s |")
    for path in (work, *(Path(f"{work}{side}") for side in ("-wal", "-shm"))):
        path.unlink(missing_ok=True)
    if command:
        print(f"\nkept the import's result: {imported} (--imported to reuse it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
