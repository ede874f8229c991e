"""runs of late payments: late_run, per customer the runs of overdue days of the invoices paid late (not voided),
kept in step by triggers on invoice (storage.late_runs), so that the worklist reads two rows per customer for the
collection episode instead of every invoice cleared late; ix_invoice_voided_late, the few voided ones the runs
leave out

Revision ID: 0025
Revises: 0024
"""
from alembic import op

revision = '0025'
down_revision = '0024'
branch_labels = None
depends_on = None

# As storage.late_runs had them when this migration was written (a migration never changes).
_STATEMENTS = (
    # late_run
    'CREATE TABLE late_run (customer_id INTEGER NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL, PRIMARY KEY (customer_id, first)) WITHOUT ROWID',
    # late_run_hull
    'CREATE TABLE late_run_hull (customer_id INTEGER PRIMARY KEY, lo INTEGER NOT NULL, hi INTEGER NOT NULL)',
    # late_run_hold
    'CREATE TABLE late_run_hold (held INTEGER NOT NULL)',
    # late_run_pending
    'CREATE TABLE late_run_pending (customer_id INTEGER PRIMARY KEY)',
    # late_run_insert
    'CREATE TRIGGER late_run_insert AFTER INSERT ON invoice WHEN new.cleared_on >= new.due_date + 2 AND NOT new.voided AND NOT EXISTS (SELECT 1 FROM late_run_hold) BEGIN INSERT OR REPLACE INTO late_run (customer_id, first, last) SELECT new.customer_id, min(new.due_date + 1, coalesce(min(first), new.due_date + 1)), max(new.cleared_on - 1, coalesce(max(last), new.cleared_on - 1)) FROM late_run WHERE customer_id = new.customer_id AND first <= new.cleared_on AND last >= new.due_date AND first >= coalesce((SELECT max(first) FROM late_run WHERE customer_id = new.customer_id AND first <= new.due_date), new.due_date); DELETE FROM late_run WHERE customer_id = new.customer_id AND first > (SELECT first FROM late_run WHERE customer_id = new.customer_id AND first <= new.due_date + 1 ORDER BY first DESC LIMIT 1) AND first <= (SELECT last FROM late_run WHERE customer_id = new.customer_id AND first <= new.due_date + 1 ORDER BY first DESC LIMIT 1); END',
    # late_run_insert_held
    'CREATE TRIGGER late_run_insert_held AFTER INSERT ON invoice WHEN new.cleared_on >= new.due_date + 2 AND NOT new.voided AND EXISTS (SELECT 1 FROM late_run_hold) BEGIN INSERT OR IGNORE INTO late_run_pending (customer_id) VALUES (new.customer_id); END',
    # late_run_delete
    'CREATE TRIGGER late_run_delete AFTER DELETE ON invoice WHEN old.cleared_on >= old.due_date + 2 AND NOT old.voided AND NOT EXISTS (SELECT 1 FROM late_run_hold) BEGIN INSERT INTO late_run_hull (customer_id, lo, hi) SELECT old.customer_id, min(old.due_date + 1, coalesce(min(first), old.due_date + 1)), max(old.cleared_on - 1, coalesce(max(last), old.cleared_on - 1)) FROM late_run WHERE customer_id = old.customer_id AND first <= old.cleared_on AND last >= old.due_date AND first >= coalesce((SELECT max(first) FROM late_run WHERE customer_id = old.customer_id AND first <= old.due_date), old.due_date); DELETE FROM late_run WHERE customer_id = old.customer_id AND first BETWEEN (SELECT lo FROM late_run_hull WHERE customer_id = old.customer_id) AND (SELECT hi FROM late_run_hull WHERE customer_id = old.customer_id); INSERT INTO late_run (customer_id, first, last) SELECT customer_id, min(f), max(l) FROM (SELECT customer_id, f, l, sum(brk) OVER (PARTITION BY customer_id ORDER BY f, l ROWS UNBOUNDED PRECEDING) AS grp FROM (SELECT customer_id, f, l, coalesce(f > max(l) OVER (PARTITION BY customer_id ORDER BY f, l ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) + 1, 1) AS brk FROM (SELECT i.customer_id, i.due_date + 1 AS f, i.cleared_on - 1 AS l FROM invoice i WHERE i.cleared_on >= i.due_date + 2 AND NOT i.voided AND i.customer_id = old.customer_id AND i.cleared_on BETWEEN (SELECT lo FROM late_run_hull WHERE customer_id = old.customer_id) + 1 AND (SELECT hi FROM late_run_hull WHERE customer_id = old.customer_id) + 1 AND i.due_date + 1 >= (SELECT lo FROM late_run_hull WHERE customer_id = old.customer_id)))) GROUP BY customer_id, grp; DELETE FROM late_run_hull WHERE customer_id = old.customer_id; END',
    # late_run_delete_held
    'CREATE TRIGGER late_run_delete_held AFTER DELETE ON invoice WHEN old.cleared_on >= old.due_date + 2 AND NOT old.voided AND EXISTS (SELECT 1 FROM late_run_hold) BEGIN INSERT OR IGNORE INTO late_run_pending (customer_id) VALUES (old.customer_id); END',
    # late_run_update_old
    'CREATE TRIGGER late_run_update_old AFTER UPDATE OF customer_id, due_date, voided, cleared_on ON invoice WHEN old.cleared_on >= old.due_date + 2 AND NOT old.voided AND (old.customer_id IS NOT new.customer_id OR old.due_date IS NOT new.due_date OR old.voided IS NOT new.voided OR old.cleared_on IS NOT new.cleared_on) AND NOT EXISTS (SELECT 1 FROM late_run_hold) BEGIN INSERT INTO late_run_hull (customer_id, lo, hi) SELECT old.customer_id, min(old.due_date + 1, coalesce(min(first), old.due_date + 1)), max(old.cleared_on - 1, coalesce(max(last), old.cleared_on - 1)) FROM late_run WHERE customer_id = old.customer_id AND first <= old.cleared_on AND last >= old.due_date AND first >= coalesce((SELECT max(first) FROM late_run WHERE customer_id = old.customer_id AND first <= old.due_date), old.due_date); DELETE FROM late_run WHERE customer_id = old.customer_id AND first BETWEEN (SELECT lo FROM late_run_hull WHERE customer_id = old.customer_id) AND (SELECT hi FROM late_run_hull WHERE customer_id = old.customer_id); INSERT INTO late_run (customer_id, first, last) SELECT customer_id, min(f), max(l) FROM (SELECT customer_id, f, l, sum(brk) OVER (PARTITION BY customer_id ORDER BY f, l ROWS UNBOUNDED PRECEDING) AS grp FROM (SELECT customer_id, f, l, coalesce(f > max(l) OVER (PARTITION BY customer_id ORDER BY f, l ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) + 1, 1) AS brk FROM (SELECT i.customer_id, i.due_date + 1 AS f, i.cleared_on - 1 AS l FROM invoice i WHERE i.cleared_on >= i.due_date + 2 AND NOT i.voided AND i.customer_id = old.customer_id AND i.cleared_on BETWEEN (SELECT lo FROM late_run_hull WHERE customer_id = old.customer_id) + 1 AND (SELECT hi FROM late_run_hull WHERE customer_id = old.customer_id) + 1 AND i.due_date + 1 >= (SELECT lo FROM late_run_hull WHERE customer_id = old.customer_id)))) GROUP BY customer_id, grp; DELETE FROM late_run_hull WHERE customer_id = old.customer_id; END',
    # late_run_update_old_held
    'CREATE TRIGGER late_run_update_old_held AFTER UPDATE OF customer_id, due_date, voided, cleared_on ON invoice WHEN old.cleared_on >= old.due_date + 2 AND NOT old.voided AND (old.customer_id IS NOT new.customer_id OR old.due_date IS NOT new.due_date OR old.voided IS NOT new.voided OR old.cleared_on IS NOT new.cleared_on) AND EXISTS (SELECT 1 FROM late_run_hold) BEGIN INSERT OR IGNORE INTO late_run_pending (customer_id) VALUES (old.customer_id); END',
    # late_run_update_new
    'CREATE TRIGGER late_run_update_new AFTER UPDATE OF customer_id, due_date, voided, cleared_on ON invoice WHEN new.cleared_on >= new.due_date + 2 AND NOT new.voided AND (old.customer_id IS NOT new.customer_id OR old.due_date IS NOT new.due_date OR old.voided IS NOT new.voided OR old.cleared_on IS NOT new.cleared_on) AND NOT EXISTS (SELECT 1 FROM late_run_hold) BEGIN INSERT OR REPLACE INTO late_run (customer_id, first, last) SELECT new.customer_id, min(new.due_date + 1, coalesce(min(first), new.due_date + 1)), max(new.cleared_on - 1, coalesce(max(last), new.cleared_on - 1)) FROM late_run WHERE customer_id = new.customer_id AND first <= new.cleared_on AND last >= new.due_date AND first >= coalesce((SELECT max(first) FROM late_run WHERE customer_id = new.customer_id AND first <= new.due_date), new.due_date); DELETE FROM late_run WHERE customer_id = new.customer_id AND first > (SELECT first FROM late_run WHERE customer_id = new.customer_id AND first <= new.due_date + 1 ORDER BY first DESC LIMIT 1) AND first <= (SELECT last FROM late_run WHERE customer_id = new.customer_id AND first <= new.due_date + 1 ORDER BY first DESC LIMIT 1); END',
    # late_run_update_new_held
    'CREATE TRIGGER late_run_update_new_held AFTER UPDATE OF customer_id, due_date, voided, cleared_on ON invoice WHEN new.cleared_on >= new.due_date + 2 AND NOT new.voided AND (old.customer_id IS NOT new.customer_id OR old.due_date IS NOT new.due_date OR old.voided IS NOT new.voided OR old.cleared_on IS NOT new.cleared_on) AND EXISTS (SELECT 1 FROM late_run_hold) BEGIN INSERT OR IGNORE INTO late_run_pending (customer_id) VALUES (new.customer_id); END',
    "CREATE INDEX ix_invoice_voided_late ON invoice (customer_id, cleared_on) WHERE cleared_on >= due_date + 2 AND voided",
)
_REBUILD = 'INSERT INTO late_run (customer_id, first, last) SELECT customer_id, min(f), max(l) FROM (SELECT customer_id, f, l, sum(brk) OVER (PARTITION BY customer_id ORDER BY f, l ROWS UNBOUNDED PRECEDING) AS grp FROM (SELECT customer_id, f, l, coalesce(f > max(l) OVER (PARTITION BY customer_id ORDER BY f, l ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) + 1, 1) AS brk FROM (SELECT i.customer_id, i.due_date + 1 AS f, i.cleared_on - 1 AS l FROM invoice i INDEXED BY ix_invoice_paid_late WHERE i.cleared_on >= i.due_date + 2 AND NOT i.voided ))) GROUP BY customer_id, grp'
_TRIGGERS = ('late_run_insert', 'late_run_insert_held', 'late_run_delete', 'late_run_delete_held', 'late_run_update_old', 'late_run_update_old_held', 'late_run_update_new', 'late_run_update_new_held')


def upgrade() -> None:
    for statement in _STATEMENTS:
        op.execute(statement)
    op.execute(_REBUILD)


def downgrade() -> None:
    for name in _TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP INDEX ix_invoice_voided_late")
    for name in ("late_run", "late_run_hull", "late_run_hold", "late_run_pending"):
        op.execute(f"DROP TABLE {name}")
