"""summary of balances: balance_day, per currency, kind (0: paid, 1: overdue), day and void day (9999-12-31: not
voided) the units paid on the invoices and fallen overdue, kept in step by triggers on invoice and allocation
(storage.balance_summary), so that the open balance on any day and its overdue part (the Overview's trend at
twelve month-ends, the figures' earlier days) are a sum over a few thousand rows with sales_day's, not a read of
the invoices open that day

Revision ID: 0032
Revises: 0031
"""
from alembic import op

revision = '0032'
down_revision = '0031'
branch_labels = None
depends_on = None

# As storage.balance_summary had them when this migration was written (a migration never changes).
_STATEMENTS = (
    # balance_day
    'CREATE TABLE balance_day (currency TEXT NOT NULL, kind INTEGER NOT NULL, day INTEGER NOT NULL, until INTEGER NOT NULL, amount INTEGER NOT NULL, PRIMARY KEY (currency, kind, day, until)) WITHOUT ROWID',
    # balance_day_hold
    'CREATE TABLE balance_day_hold (invoices INTEGER NOT NULL, allocations INTEGER NOT NULL)',
    # balance_day_insert
    'CREATE TRIGGER balance_day_insert AFTER INSERT ON invoice WHEN (NOT new.voided OR new.voided_on IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM balance_day_hold WHERE new.id > invoices) BEGIN INSERT INTO balance_day (currency, kind, day, until, amount) SELECT new.currency AS currency, 1 AS kind, new.due_date + 1 AS day, CASE WHEN new.voided THEN new.voided_on ELSE 2932896 END AS until, new.amount AS amount WHERE true ON CONFLICT (currency, kind, day, until) DO UPDATE SET amount = amount + excluded.amount; END',
    # balance_day_delete
    'CREATE TRIGGER balance_day_delete AFTER DELETE ON invoice WHEN (NOT old.voided OR old.voided_on IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM balance_day_hold WHERE old.id > invoices) BEGIN INSERT INTO balance_day (currency, kind, day, until, amount) SELECT old.currency AS currency, 1 AS kind, old.due_date + 1 AS day, CASE WHEN old.voided THEN old.voided_on ELSE 2932896 END AS until, -old.amount AS amount WHERE true ON CONFLICT (currency, kind, day, until) DO UPDATE SET amount = amount + excluded.amount; INSERT INTO balance_day (currency, kind, day, until, amount) SELECT * FROM (SELECT old.currency AS currency, k.kind AS kind, max(a.date, CASE k.kind WHEN 0 THEN old.issue_date ELSE old.due_date + 1 END) AS day, CASE WHEN old.voided THEN old.voided_on ELSE 2932896 END AS until, sum(a.amount) AS amount FROM allocation a, (SELECT 0 AS kind UNION ALL SELECT 1) AS k WHERE a.invoice_id = old.id AND NOT EXISTS (SELECT 1 FROM balance_day_hold WHERE a.id > allocations) GROUP BY k.kind, a.date) WHERE true ON CONFLICT (currency, kind, day, until) DO UPDATE SET amount = amount + excluded.amount; END',
    # balance_day_amount_old
    'CREATE TRIGGER balance_day_amount_old AFTER UPDATE OF currency, issue_date, due_date, voided, voided_on, amount ON invoice WHEN (NOT old.voided OR old.voided_on IS NOT NULL) AND (old.currency IS NOT new.currency OR old.issue_date IS NOT new.issue_date OR old.due_date IS NOT new.due_date OR old.voided IS NOT new.voided OR old.voided_on IS NOT new.voided_on OR old.amount IS NOT new.amount) AND NOT EXISTS (SELECT 1 FROM balance_day_hold WHERE old.id > invoices) BEGIN INSERT INTO balance_day (currency, kind, day, until, amount) SELECT old.currency AS currency, 1 AS kind, old.due_date + 1 AS day, CASE WHEN old.voided THEN old.voided_on ELSE 2932896 END AS until, -old.amount AS amount WHERE true ON CONFLICT (currency, kind, day, until) DO UPDATE SET amount = amount + excluded.amount; END',
    # balance_day_amount_new
    'CREATE TRIGGER balance_day_amount_new AFTER UPDATE OF currency, issue_date, due_date, voided, voided_on, amount ON invoice WHEN (NOT new.voided OR new.voided_on IS NOT NULL) AND (old.currency IS NOT new.currency OR old.issue_date IS NOT new.issue_date OR old.due_date IS NOT new.due_date OR old.voided IS NOT new.voided OR old.voided_on IS NOT new.voided_on OR old.amount IS NOT new.amount) AND NOT EXISTS (SELECT 1 FROM balance_day_hold WHERE new.id > invoices) BEGIN INSERT INTO balance_day (currency, kind, day, until, amount) SELECT new.currency AS currency, 1 AS kind, new.due_date + 1 AS day, CASE WHEN new.voided THEN new.voided_on ELSE 2932896 END AS until, new.amount AS amount WHERE true ON CONFLICT (currency, kind, day, until) DO UPDATE SET amount = amount + excluded.amount; END',
    # balance_day_paid_old
    'CREATE TRIGGER balance_day_paid_old AFTER UPDATE OF currency, issue_date, due_date, voided, voided_on ON invoice WHEN (NOT old.voided OR old.voided_on IS NOT NULL) AND (old.currency IS NOT new.currency OR old.issue_date IS NOT new.issue_date OR old.due_date IS NOT new.due_date OR old.voided IS NOT new.voided OR old.voided_on IS NOT new.voided_on) AND NOT EXISTS (SELECT 1 FROM balance_day_hold WHERE old.id > invoices) BEGIN INSERT INTO balance_day (currency, kind, day, until, amount) SELECT * FROM (SELECT old.currency AS currency, k.kind AS kind, max(a.date, CASE k.kind WHEN 0 THEN old.issue_date ELSE old.due_date + 1 END) AS day, CASE WHEN old.voided THEN old.voided_on ELSE 2932896 END AS until, sum(a.amount) AS amount FROM allocation a, (SELECT 0 AS kind UNION ALL SELECT 1) AS k WHERE a.invoice_id = old.id AND NOT EXISTS (SELECT 1 FROM balance_day_hold WHERE a.id > allocations) GROUP BY k.kind, a.date) WHERE true ON CONFLICT (currency, kind, day, until) DO UPDATE SET amount = amount + excluded.amount; END',
    # balance_day_paid_new
    'CREATE TRIGGER balance_day_paid_new AFTER UPDATE OF currency, issue_date, due_date, voided, voided_on ON invoice WHEN (NOT new.voided OR new.voided_on IS NOT NULL) AND (old.currency IS NOT new.currency OR old.issue_date IS NOT new.issue_date OR old.due_date IS NOT new.due_date OR old.voided IS NOT new.voided OR old.voided_on IS NOT new.voided_on) AND NOT EXISTS (SELECT 1 FROM balance_day_hold WHERE new.id > invoices) BEGIN INSERT INTO balance_day (currency, kind, day, until, amount) SELECT * FROM (SELECT new.currency AS currency, k.kind AS kind, max(a.date, CASE k.kind WHEN 0 THEN new.issue_date ELSE new.due_date + 1 END) AS day, CASE WHEN new.voided THEN new.voided_on ELSE 2932896 END AS until, -sum(a.amount) AS amount FROM allocation a, (SELECT 0 AS kind UNION ALL SELECT 1) AS k WHERE a.invoice_id = new.id AND NOT EXISTS (SELECT 1 FROM balance_day_hold WHERE a.id > allocations) GROUP BY k.kind, a.date) WHERE true ON CONFLICT (currency, kind, day, until) DO UPDATE SET amount = amount + excluded.amount; END',
    # balance_day_paid_insert
    'CREATE TRIGGER balance_day_paid_insert AFTER INSERT ON allocation WHEN NOT EXISTS (SELECT 1 FROM balance_day_hold WHERE new.id > allocations) BEGIN INSERT INTO balance_day (currency, kind, day, until, amount) SELECT i.currency AS currency, k.kind AS kind, max(new.date, CASE k.kind WHEN 0 THEN i.issue_date ELSE i.due_date + 1 END) AS day, CASE WHEN i.voided THEN i.voided_on ELSE 2932896 END AS until, -new.amount AS amount FROM invoice i, (SELECT 0 AS kind UNION ALL SELECT 1) AS k WHERE i.id = new.invoice_id AND (NOT i.voided OR i.voided_on IS NOT NULL) ON CONFLICT (currency, kind, day, until) DO UPDATE SET amount = amount + excluded.amount; END',
    # balance_day_paid_delete
    'CREATE TRIGGER balance_day_paid_delete AFTER DELETE ON allocation WHEN NOT EXISTS (SELECT 1 FROM balance_day_hold WHERE old.id > allocations) BEGIN INSERT INTO balance_day (currency, kind, day, until, amount) SELECT i.currency AS currency, k.kind AS kind, max(old.date, CASE k.kind WHEN 0 THEN i.issue_date ELSE i.due_date + 1 END) AS day, CASE WHEN i.voided THEN i.voided_on ELSE 2932896 END AS until, old.amount AS amount FROM invoice i, (SELECT 0 AS kind UNION ALL SELECT 1) AS k WHERE i.id = old.invoice_id AND (NOT i.voided OR i.voided_on IS NOT NULL) ON CONFLICT (currency, kind, day, until) DO UPDATE SET amount = amount + excluded.amount; END',
    # balance_day_paid_update_old
    'CREATE TRIGGER balance_day_paid_update_old AFTER UPDATE OF invoice_id, date, amount ON allocation WHEN NOT EXISTS (SELECT 1 FROM balance_day_hold WHERE old.id > allocations) BEGIN INSERT INTO balance_day (currency, kind, day, until, amount) SELECT i.currency AS currency, k.kind AS kind, max(old.date, CASE k.kind WHEN 0 THEN i.issue_date ELSE i.due_date + 1 END) AS day, CASE WHEN i.voided THEN i.voided_on ELSE 2932896 END AS until, old.amount AS amount FROM invoice i, (SELECT 0 AS kind UNION ALL SELECT 1) AS k WHERE i.id = old.invoice_id AND (NOT i.voided OR i.voided_on IS NOT NULL) ON CONFLICT (currency, kind, day, until) DO UPDATE SET amount = amount + excluded.amount; END',
    # balance_day_paid_update_new
    'CREATE TRIGGER balance_day_paid_update_new AFTER UPDATE OF invoice_id, date, amount ON allocation WHEN NOT EXISTS (SELECT 1 FROM balance_day_hold WHERE new.id > allocations) BEGIN INSERT INTO balance_day (currency, kind, day, until, amount) SELECT i.currency AS currency, k.kind AS kind, max(new.date, CASE k.kind WHEN 0 THEN i.issue_date ELSE i.due_date + 1 END) AS day, CASE WHEN i.voided THEN i.voided_on ELSE 2932896 END AS until, -new.amount AS amount FROM invoice i, (SELECT 0 AS kind UNION ALL SELECT 1) AS k WHERE i.id = new.invoice_id AND (NOT i.voided OR i.voided_on IS NOT NULL) ON CONFLICT (currency, kind, day, until) DO UPDATE SET amount = amount + excluded.amount; END',
)
_REBUILD = 'INSERT INTO balance_day (currency, kind, day, until, amount) SELECT currency, kind, day, until, sum(amount) AS amount FROM (SELECT i.currency AS currency, 1 AS kind, i.due_date + 1 AS day, CASE WHEN i.voided THEN i.voided_on ELSE 2932896 END AS until, i.amount AS amount FROM invoice i NOT INDEXED WHERE (NOT i.voided OR i.voided_on IS NOT NULL) UNION ALL SELECT g.currency, k.kind, max(g.date, CASE k.kind WHEN 0 THEN g.issued ELSE g.overdue END), g.until, g.amount FROM (SELECT i.currency AS currency, i.issue_date AS issued, i.due_date + 1 AS overdue, CASE WHEN i.voided THEN i.voided_on ELSE 2932896 END AS until, a.date AS date, -sum(a.amount) AS amount FROM invoice i NOT INDEXED CROSS JOIN allocation a INDEXED BY ix_allocation_aging ON a.invoice_id = i.id WHERE (NOT i.voided OR i.voided_on IS NOT NULL) GROUP BY 1, 2, 3, 4, 5) AS g, (SELECT 0 AS kind UNION ALL SELECT 1) AS k) GROUP BY 1, 2, 3, 4 HAVING sum(amount) <> 0'
_TRIGGERS = ('balance_day_insert', 'balance_day_delete', 'balance_day_amount_old', 'balance_day_amount_new', 'balance_day_paid_old', 'balance_day_paid_new', 'balance_day_paid_insert', 'balance_day_paid_delete', 'balance_day_paid_update_old', 'balance_day_paid_update_new')


def upgrade() -> None:
    for statement in _STATEMENTS:
        op.execute(statement)
    op.execute(_REBUILD)


def downgrade() -> None:
    for name in _TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    for name in ('balance_day', 'balance_day_hold'):
        op.execute(f"DROP TABLE {name}")
