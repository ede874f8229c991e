"""summary of sales: sales_day, per currency, issue day and void day (9999-12-31: not voided) the gross
amount of the invoices, kept in step by triggers on invoice (storage.sales_summary), so that the figures' sales
and the Overview's trend read one row per day instead of every invoice issued in their periods

Revision ID: 0029
Revises: 0026
"""
from alembic import op

revision = '0029'
down_revision = '0026'
branch_labels = None
depends_on = None

# As storage.sales_summary had them when this migration was written (a migration never changes).
_STATEMENTS = (
    # sales_day
    'CREATE TABLE sales_day (currency TEXT NOT NULL, day INTEGER NOT NULL, until INTEGER NOT NULL, amount INTEGER NOT NULL, PRIMARY KEY (currency, day, until)) WITHOUT ROWID',
    # sales_day_hold
    'CREATE TABLE sales_day_hold (above INTEGER NOT NULL)',
    # sales_day_insert
    'CREATE TRIGGER sales_day_insert AFTER INSERT ON invoice WHEN (NOT new.voided OR new.voided_on IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM sales_day_hold WHERE new.id > above) BEGIN INSERT INTO sales_day (currency, day, until, amount) VALUES (new.currency, new.issue_date, CASE WHEN new.voided THEN new.voided_on ELSE 2932896 END, new.amount) ON CONFLICT (currency, day, until) DO UPDATE SET amount = amount + excluded.amount; END',
    # sales_day_delete
    'CREATE TRIGGER sales_day_delete AFTER DELETE ON invoice WHEN (NOT old.voided OR old.voided_on IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM sales_day_hold WHERE old.id > above) BEGIN UPDATE sales_day SET amount = amount - old.amount WHERE currency = old.currency AND day = old.issue_date AND until = CASE WHEN old.voided THEN old.voided_on ELSE 2932896 END; DELETE FROM sales_day WHERE currency = old.currency AND day = old.issue_date AND until = CASE WHEN old.voided THEN old.voided_on ELSE 2932896 END AND amount = 0; END',
    # sales_day_update_old
    'CREATE TRIGGER sales_day_update_old AFTER UPDATE OF currency, issue_date, amount, voided, voided_on ON invoice WHEN (NOT old.voided OR old.voided_on IS NOT NULL) AND (old.currency IS NOT new.currency OR old.issue_date IS NOT new.issue_date OR old.amount IS NOT new.amount OR old.voided IS NOT new.voided OR old.voided_on IS NOT new.voided_on) AND NOT EXISTS (SELECT 1 FROM sales_day_hold WHERE old.id > above) BEGIN UPDATE sales_day SET amount = amount - old.amount WHERE currency = old.currency AND day = old.issue_date AND until = CASE WHEN old.voided THEN old.voided_on ELSE 2932896 END; DELETE FROM sales_day WHERE currency = old.currency AND day = old.issue_date AND until = CASE WHEN old.voided THEN old.voided_on ELSE 2932896 END AND amount = 0; END',
    # sales_day_update_new
    'CREATE TRIGGER sales_day_update_new AFTER UPDATE OF currency, issue_date, amount, voided, voided_on ON invoice WHEN (NOT new.voided OR new.voided_on IS NOT NULL) AND (old.currency IS NOT new.currency OR old.issue_date IS NOT new.issue_date OR old.amount IS NOT new.amount OR old.voided IS NOT new.voided OR old.voided_on IS NOT new.voided_on) AND NOT EXISTS (SELECT 1 FROM sales_day_hold WHERE new.id > above) BEGIN INSERT INTO sales_day (currency, day, until, amount) VALUES (new.currency, new.issue_date, CASE WHEN new.voided THEN new.voided_on ELSE 2932896 END, new.amount) ON CONFLICT (currency, day, until) DO UPDATE SET amount = amount + excluded.amount; END',
)
_REBUILD = 'INSERT INTO sales_day (currency, day, until, amount) SELECT i.currency AS currency, i.issue_date AS day, CASE WHEN i.voided THEN i.voided_on ELSE 2932896 END AS until, sum(i.amount) AS amount FROM invoice i WHERE (NOT i.voided OR i.voided_on IS NOT NULL) GROUP BY 1, 2, 3'
_TRIGGERS = ('sales_day_insert', 'sales_day_delete', 'sales_day_update_old', 'sales_day_update_new')


def upgrade() -> None:
    for statement in _STATEMENTS:
        op.execute(statement)
    op.execute(_REBUILD)


def downgrade() -> None:
    for name in _TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    for name in ("sales_day", "sales_day_hold"):
        op.execute(f"DROP TABLE {name}")
