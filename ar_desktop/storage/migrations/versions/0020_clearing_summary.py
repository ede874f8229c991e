"""summary of clearings: clearing_month, per customer and month the invoices cleared in it (count, how many
late, days late and days to pay summed), kept in step by triggers on invoice (storage.clearing_summary), so
that a year of payment behaviour or days late is ~12 rows per customer instead of every invoice cleared

Revision ID: 0020
Revises: 0019
"""
from alembic import op

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None

# As storage.clearing_summary had them when this migration was written (a migration never changes).
_STATEMENTS = (
    # clearing_month
    'CREATE TABLE clearing_month (customer_id INTEGER NOT NULL, month TEXT NOT NULL, since TEXT NOT NULL, until TEXT NOT NULL, invoices INTEGER NOT NULL, late INTEGER NOT NULL, days_late INTEGER NOT NULL, days_to_pay INTEGER NOT NULL, PRIMARY KEY (customer_id, month, since, until)) WITHOUT ROWID',
    # clearing_month_insert
    "CREATE TRIGGER clearing_month_insert AFTER INSERT ON invoice WHEN new.closed_on IS NOT NULL AND new.paid >= new.amount AND new.last_paid_on = new.closed_on AND (NOT new.voided OR new.voided_on IS NOT NULL) BEGIN INSERT INTO clearing_month (customer_id, month, since, until, invoices, late, days_late, days_to_pay) SELECT new.customer_id, substr(new.closed_on, 1, 7), CASE WHEN new.issue_date > new.closed_on THEN new.issue_date ELSE '' END, CASE WHEN new.voided THEN new.voided_on ELSE '9999-12-31' END, 1, new.closed_on > new.due_date, max(CAST(julianday(new.closed_on) - julianday(new.due_date) AS INTEGER), 0), CAST(julianday(new.closed_on) - julianday(new.issue_date) AS INTEGER) WHERE new.closed_on IS NOT NULL AND new.paid >= new.amount AND new.last_paid_on = new.closed_on AND (NOT new.voided OR new.voided_on IS NOT NULL) ON CONFLICT (customer_id, month, since, until) DO UPDATE SET invoices = invoices + excluded.invoices, late = late + excluded.late, days_late = days_late + excluded.days_late, days_to_pay = days_to_pay + excluded.days_to_pay; END",
    # clearing_month_delete
    "CREATE TRIGGER clearing_month_delete AFTER DELETE ON invoice WHEN old.closed_on IS NOT NULL AND old.paid >= old.amount AND old.last_paid_on = old.closed_on AND (NOT old.voided OR old.voided_on IS NOT NULL) BEGIN UPDATE clearing_month SET invoices = invoices - 1, late = late - (old.closed_on > old.due_date), days_late = days_late - max(CAST(julianday(old.closed_on) - julianday(old.due_date) AS INTEGER), 0), days_to_pay = days_to_pay - CAST(julianday(old.closed_on) - julianday(old.issue_date) AS INTEGER) WHERE customer_id = old.customer_id AND month = substr(old.closed_on, 1, 7) AND since = CASE WHEN old.issue_date > old.closed_on THEN old.issue_date ELSE '' END AND until = CASE WHEN old.voided THEN old.voided_on ELSE '9999-12-31' END; DELETE FROM clearing_month WHERE customer_id = old.customer_id AND month = substr(old.closed_on, 1, 7) AND since = CASE WHEN old.issue_date > old.closed_on THEN old.issue_date ELSE '' END AND until = CASE WHEN old.voided THEN old.voided_on ELSE '9999-12-31' END AND invoices = 0; END",
    # clearing_month_update_old
    "CREATE TRIGGER clearing_month_update_old AFTER UPDATE OF customer_id, issue_date, due_date, amount, voided, voided_on, paid, last_paid_on, closed_on ON invoice WHEN old.closed_on IS NOT NULL AND old.paid >= old.amount AND old.last_paid_on = old.closed_on AND (NOT old.voided OR old.voided_on IS NOT NULL) BEGIN UPDATE clearing_month SET invoices = invoices - 1, late = late - (old.closed_on > old.due_date), days_late = days_late - max(CAST(julianday(old.closed_on) - julianday(old.due_date) AS INTEGER), 0), days_to_pay = days_to_pay - CAST(julianday(old.closed_on) - julianday(old.issue_date) AS INTEGER) WHERE customer_id = old.customer_id AND month = substr(old.closed_on, 1, 7) AND since = CASE WHEN old.issue_date > old.closed_on THEN old.issue_date ELSE '' END AND until = CASE WHEN old.voided THEN old.voided_on ELSE '9999-12-31' END; DELETE FROM clearing_month WHERE customer_id = old.customer_id AND month = substr(old.closed_on, 1, 7) AND since = CASE WHEN old.issue_date > old.closed_on THEN old.issue_date ELSE '' END AND until = CASE WHEN old.voided THEN old.voided_on ELSE '9999-12-31' END AND invoices = 0; END",
    # clearing_month_update_new
    "CREATE TRIGGER clearing_month_update_new AFTER UPDATE OF customer_id, issue_date, due_date, amount, voided, voided_on, paid, last_paid_on, closed_on ON invoice WHEN new.closed_on IS NOT NULL AND new.paid >= new.amount AND new.last_paid_on = new.closed_on AND (NOT new.voided OR new.voided_on IS NOT NULL) BEGIN INSERT INTO clearing_month (customer_id, month, since, until, invoices, late, days_late, days_to_pay) SELECT new.customer_id, substr(new.closed_on, 1, 7), CASE WHEN new.issue_date > new.closed_on THEN new.issue_date ELSE '' END, CASE WHEN new.voided THEN new.voided_on ELSE '9999-12-31' END, 1, new.closed_on > new.due_date, max(CAST(julianday(new.closed_on) - julianday(new.due_date) AS INTEGER), 0), CAST(julianday(new.closed_on) - julianday(new.issue_date) AS INTEGER) WHERE new.closed_on IS NOT NULL AND new.paid >= new.amount AND new.last_paid_on = new.closed_on AND (NOT new.voided OR new.voided_on IS NOT NULL) ON CONFLICT (customer_id, month, since, until) DO UPDATE SET invoices = invoices + excluded.invoices, late = late + excluded.late, days_late = days_late + excluded.days_late, days_to_pay = days_to_pay + excluded.days_to_pay; END",
)
_REBUILD = (
    "INSERT INTO clearing_month (customer_id, month, since, until, invoices, late, days_late, days_to_pay) "
    "SELECT i.customer_id, substr(i.closed_on, 1, 7), CASE WHEN i.issue_date > i.closed_on THEN i.issue_date ELSE '' END, CASE WHEN i.voided THEN i.voided_on ELSE '9999-12-31' END, count(*), sum(i.closed_on > i.due_date), sum(max(CAST(julianday(i.closed_on) - julianday(i.due_date) AS INTEGER), 0)), sum(CAST(julianday(i.closed_on) - julianday(i.issue_date) AS INTEGER)) FROM invoice i WHERE i.closed_on IS NOT NULL AND i.paid >= i.amount AND i.last_paid_on = i.closed_on AND (NOT i.voided OR i.voided_on IS NOT NULL) GROUP BY 1, 2, 3, 4")


def upgrade() -> None:
    for statement in _STATEMENTS:
        op.execute(statement)
    op.execute(_REBUILD)


def downgrade() -> None:
    for name in ("clearing_month_insert", "clearing_month_delete", "clearing_month_update_old", "clearing_month_update_new"):
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE clearing_month")
