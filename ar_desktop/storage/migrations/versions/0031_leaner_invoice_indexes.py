"""leaner invoice indexes: two indexes of a million-invoice file (31 MB of its 471) that nothing needs any more.

- ix_invoice_currency (currency), 13.6 MB: an invoice is in its customer's currency, which cannot change once the
  customer has invoices, so the Invoices list by currency walks the customers in currency and name order
  (ix_customer_currency_name, 10,000 rows) and each one's invoices by ix_invoice_aging, as the list by customer
  does (storage.invoice_list);
- ix_invoice_paid_late (customer_id, cleared_on, ...) WHERE cleared_on >= due_date + 2, 17.3 MB: the worklist
  reads the runs of late payments (late_run, migration 0025) instead; what is left of its use, recomputing runs
  (check, an upgrade, a bulk writer's catch-up, a reversal's trigger), reads the invoice table in one pass or one
  customer's invoices through ix_invoice_aging (storage.late_runs).

Revision ID: 0031
Revises: 0029
"""
from alembic import op

revision = '0031'
down_revision = '0029'
branch_labels = None
depends_on = None

# As the schema had them when this migration was written (a migration never changes).
_DROPPED = (
    "CREATE INDEX ix_invoice_currency ON invoice (currency)",
    "CREATE INDEX ix_invoice_paid_late ON invoice (customer_id, cleared_on, due_date, issue_date, voided, voided_on) "
    "WHERE cleared_on >= due_date + 2",
)
_ADDED = ("CREATE INDEX ix_customer_currency_name ON customer (currency, lower(name))",)


def upgrade() -> None:
    for statement in _DROPPED:
        op.execute(f"DROP INDEX IF EXISTS {statement.split()[2]}")
    for statement in _ADDED:
        op.execute(statement.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS"))


def downgrade() -> None:
    for statement in _ADDED:
        op.execute(f"DROP INDEX IF EXISTS {statement.split()[2]}")
    for statement in _DROPPED:
        op.execute(statement)
