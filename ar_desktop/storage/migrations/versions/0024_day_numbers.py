"""day numbers: the dates of invoice, payment and allocation as days since 1970-01-01 and their created_at as
microseconds (storage.days), the three tables rebuilt packed; the summary of clearings keyed by day numbers. On the
million-invoice file ~650 MB of pages in use become ~420 MB (docs/benchmarks.md).

Each table is rebuilt by SQLite's procedure (a new table, its rows copied in id order, the old one dropped,
the new one renamed; storage/engine.py runs migrations with foreign keys off and checks them before the
commit); its indexes and the search triggers are created again from their own statements (the search index
itself is unchanged: its rows keep their ids and texts), the clearings' summary is created anew and
recomputed. A date that is not a date stops the upgrade (the column is NOT NULL, or the new CHECK fails):
the file is left as it was.

Revision ID: 0024
Revises: 0020
"""
import re

from alembic import op

revision = '0024'
down_revision = '0020'
branch_labels = None
depends_on = None

# (table, its date columns, its time columns), as storage.days had them when this was written
_TABLES = (
    ("invoice", ("issue_date", "due_date", "voided_on", "discount_until", "last_paid_on", "cleared_on", "closed_on"),
     ("created_at",)),
    ("payment", ("date",), ("created_at",)),
    ("allocation", ("date",), ()),
)
_OLD_PAID_LATE = "cleared_on >= date(due_date, '+2 days')"
_NEW_PAID_LATE = "cleared_on >= due_date + 2"
_CLEARING_TRIGGERS = ("clearing_month_insert", "clearing_month_delete", "clearing_month_update_old",
                      "clearing_month_update_new")

# storage.clearing_summary's statements as they were when this was written (a migration never changes)
_CLEARING = (
    # clearing_month
    'CREATE TABLE clearing_month (customer_id INTEGER NOT NULL, month TEXT NOT NULL, since INTEGER NOT NULL, until INTEGER NOT NULL, invoices INTEGER NOT NULL, late INTEGER NOT NULL, days_late INTEGER NOT NULL, days_to_pay INTEGER NOT NULL, PRIMARY KEY (customer_id, month, since, until)) WITHOUT ROWID',
    # clearing_month_insert
    "CREATE TRIGGER clearing_month_insert AFTER INSERT ON invoice WHEN new.closed_on IS NOT NULL AND new.paid >= new.amount AND new.last_paid_on = new.closed_on AND (NOT new.voided OR new.voided_on IS NOT NULL) BEGIN INSERT INTO clearing_month (customer_id, month, since, until, invoices, late, days_late, days_to_pay) SELECT new.customer_id, strftime('%Y-%m', (new.closed_on) * 86400, 'unixepoch'), CASE WHEN new.issue_date > new.closed_on THEN new.issue_date ELSE -719162 END, CASE WHEN new.voided THEN new.voided_on ELSE 2932896 END, 1, new.closed_on > new.due_date, max(new.closed_on - new.due_date, 0), new.closed_on - new.issue_date WHERE new.closed_on IS NOT NULL AND new.paid >= new.amount AND new.last_paid_on = new.closed_on AND (NOT new.voided OR new.voided_on IS NOT NULL) ON CONFLICT (customer_id, month, since, until) DO UPDATE SET invoices = invoices + excluded.invoices, late = late + excluded.late, days_late = days_late + excluded.days_late, days_to_pay = days_to_pay + excluded.days_to_pay; END",
    # clearing_month_delete
    "CREATE TRIGGER clearing_month_delete AFTER DELETE ON invoice WHEN old.closed_on IS NOT NULL AND old.paid >= old.amount AND old.last_paid_on = old.closed_on AND (NOT old.voided OR old.voided_on IS NOT NULL) BEGIN UPDATE clearing_month SET invoices = invoices - 1, late = late - (old.closed_on > old.due_date), days_late = days_late - max(old.closed_on - old.due_date, 0), days_to_pay = days_to_pay - (old.closed_on - old.issue_date) WHERE customer_id = old.customer_id AND month = strftime('%Y-%m', (old.closed_on) * 86400, 'unixepoch') AND since = CASE WHEN old.issue_date > old.closed_on THEN old.issue_date ELSE -719162 END AND until = CASE WHEN old.voided THEN old.voided_on ELSE 2932896 END; DELETE FROM clearing_month WHERE customer_id = old.customer_id AND month = strftime('%Y-%m', (old.closed_on) * 86400, 'unixepoch') AND since = CASE WHEN old.issue_date > old.closed_on THEN old.issue_date ELSE -719162 END AND until = CASE WHEN old.voided THEN old.voided_on ELSE 2932896 END AND invoices = 0; END",
    # clearing_month_update_old
    "CREATE TRIGGER clearing_month_update_old AFTER UPDATE OF customer_id, issue_date, due_date, amount, voided, voided_on, paid, last_paid_on, closed_on ON invoice WHEN old.closed_on IS NOT NULL AND old.paid >= old.amount AND old.last_paid_on = old.closed_on AND (NOT old.voided OR old.voided_on IS NOT NULL) BEGIN UPDATE clearing_month SET invoices = invoices - 1, late = late - (old.closed_on > old.due_date), days_late = days_late - max(old.closed_on - old.due_date, 0), days_to_pay = days_to_pay - (old.closed_on - old.issue_date) WHERE customer_id = old.customer_id AND month = strftime('%Y-%m', (old.closed_on) * 86400, 'unixepoch') AND since = CASE WHEN old.issue_date > old.closed_on THEN old.issue_date ELSE -719162 END AND until = CASE WHEN old.voided THEN old.voided_on ELSE 2932896 END; DELETE FROM clearing_month WHERE customer_id = old.customer_id AND month = strftime('%Y-%m', (old.closed_on) * 86400, 'unixepoch') AND since = CASE WHEN old.issue_date > old.closed_on THEN old.issue_date ELSE -719162 END AND until = CASE WHEN old.voided THEN old.voided_on ELSE 2932896 END AND invoices = 0; END",
    # clearing_month_update_new
    "CREATE TRIGGER clearing_month_update_new AFTER UPDATE OF customer_id, issue_date, due_date, amount, voided, voided_on, paid, last_paid_on, closed_on ON invoice WHEN new.closed_on IS NOT NULL AND new.paid >= new.amount AND new.last_paid_on = new.closed_on AND (NOT new.voided OR new.voided_on IS NOT NULL) BEGIN INSERT INTO clearing_month (customer_id, month, since, until, invoices, late, days_late, days_to_pay) SELECT new.customer_id, strftime('%Y-%m', (new.closed_on) * 86400, 'unixepoch'), CASE WHEN new.issue_date > new.closed_on THEN new.issue_date ELSE -719162 END, CASE WHEN new.voided THEN new.voided_on ELSE 2932896 END, 1, new.closed_on > new.due_date, max(new.closed_on - new.due_date, 0), new.closed_on - new.issue_date WHERE new.closed_on IS NOT NULL AND new.paid >= new.amount AND new.last_paid_on = new.closed_on AND (NOT new.voided OR new.voided_on IS NOT NULL) ON CONFLICT (customer_id, month, since, until) DO UPDATE SET invoices = invoices + excluded.invoices, late = late + excluded.late, days_late = days_late + excluded.days_late, days_to_pay = days_to_pay + excluded.days_to_pay; END",
)
_CLEARING_REBUILD = (
    "INSERT INTO clearing_month (customer_id, month, since, until, invoices, late, days_late, days_to_pay) SELECT i.customer_id AS customer_id, strftime('%Y-%m', (i.closed_on) * 86400, 'unixepoch') AS month, CASE WHEN i.issue_date > i.closed_on THEN i.issue_date ELSE -719162 END AS since, CASE WHEN i.voided THEN i.voided_on ELSE 2932896 END AS until, count(*), sum(i.closed_on > i.due_date), sum(max(i.closed_on - i.due_date, 0)), sum(i.closed_on - i.issue_date) FROM invoice i WHERE i.closed_on IS NOT NULL AND i.paid >= i.amount AND i.last_paid_on = i.closed_on AND (NOT i.voided OR i.voided_on IS NOT NULL) GROUP BY 1, 2, 3, 4")


def _day(column: str) -> str:
    return f"CAST(julianday({column}) - 2440587.5 AS INTEGER)"


def _second(column: str) -> str:
    """ISO date and time -> microseconds since 1970 (the fraction SQLAlchemy wrote kept: the timeline orders one
    day's entries by it)."""
    return (f"(CAST(strftime('%s', {column}) AS INTEGER) * 1000000 "
            f"+ CAST(substr(substr({column}, 21) || '000000', 1, 6) AS INTEGER))")


def _iso_day(column: str) -> str:
    return f"date({column} * 86400, 'unixepoch')"


def _iso_second(column: str) -> str:
    return f"datetime({column} / 1000000, 'unixepoch') || '.' || substr('000000' || ({column} % 1000000), -6, 6)"


def _kinds(days, seconds) -> str:
    """The CHECK that every date and time is a number: a writer still passing ISO text fails loudly."""
    nullable = {"voided_on", "discount_until", "last_paid_on", "cleared_on", "closed_on"}
    return " AND ".join(f"typeof({c}) IN ('integer', 'null')" if c in nullable else f"typeof({c}) = 'integer'"
                        for c in (*days, *seconds))


def _rebuild(con, table: str, days, seconds, back: bool = False) -> None:
    """Rebuild ``table`` with its dates as day numbers (or, ``back``, as ISO text again)."""
    create = con.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                                 (table,)).scalar_one()
    indexes = [sql for (sql,) in con.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", (table,))]
    triggers = [sql for name, sql in con.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,))
        if name not in _CLEARING_TRIGGERS]
    columns = [r[1] for r in con.exec_driver_sql(f"PRAGMA table_info({table})")]
    new = re.sub(r'^CREATE TABLE\s+"?\w+"?', f"CREATE TABLE {table}_days", create)
    for c in (*days, *seconds):   # the column's declared type (its affinity)
        kind = "INTEGER" if not back else "DATE" if c in days else "DATETIME"
        new, n = re.subn(rf'(\n\s*|, ){c} (DATE|DATETIME|INTEGER)\b', rf'\g<1>{c} {kind}', new)
        assert n == 1, (table, c)
    if back:
        new = re.sub(rf",\s*CONSTRAINT ck_{table}_days CHECK \(.*\)\n\)$", "\n)", new, flags=re.S)
        values = ", ".join(_iso_day(c) if c in days else _iso_second(c) if c in seconds else c for c in columns)
        old_paid_late, new_paid_late = _NEW_PAID_LATE, _OLD_PAID_LATE
    else:
        new = new[:new.rstrip().rindex(")")] + f", \n\tCONSTRAINT ck_{table}_days CHECK ({_kinds(days, seconds)})\n)"
        values = ", ".join(_day(c) if c in days else _second(c) if c in seconds else c for c in columns)
        old_paid_late, new_paid_late = _OLD_PAID_LATE, _NEW_PAID_LATE
    con.exec_driver_sql(new)
    con.exec_driver_sql(f"INSERT INTO {table}_days ({', '.join(columns)}) SELECT {values} FROM {table} ORDER BY id")
    con.exec_driver_sql(f"DROP TABLE {table}")
    con.exec_driver_sql(f"ALTER TABLE {table}_days RENAME TO {table}")
    for sql in indexes:   # built after the rows: each by one sort, its pages full
        con.exec_driver_sql(sql.replace(old_paid_late, new_paid_late))
    for sql in triggers:
        con.exec_driver_sql(sql)


def upgrade() -> None:
    con = op.get_bind()
    for name in _CLEARING_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS clearing_month")
    for table, days, seconds in _TABLES:
        _rebuild(con, table, days, seconds)
    for statement in _CLEARING:
        op.execute(statement)
    op.execute(_CLEARING_REBUILD)


def downgrade() -> None:
    # back to ISO text, and the summary of clearings as 0020 made it (its statements: migration 0020's)
    import importlib.util
    from pathlib import Path

    con = op.get_bind()
    for name in _CLEARING_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS clearing_month")
    for table, days, seconds in _TABLES:
        _rebuild(con, table, days, seconds, back=True)
    spec = importlib.util.spec_from_file_location("v0020", Path(__file__).with_name("0020_clearing_summary.py"))
    v0020 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(v0020)
    v0020.upgrade()
