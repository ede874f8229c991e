"""first payment day: invoice.first_paid_on, the day of the invoice's earliest allocation (a derived column
like last_paid_on, storage.open_set), added to ix_invoice_span. An invoice open on a past day D whose first
allocation is after D had nothing paid by D: the open set's sums then need no seek in the allocations (on
the million-invoice file, most invoices open on a past month-end were paid later, one seek each).

The column is filled from the allocations (one pass over ix_allocation_aging in invoice order), with the index
dropped meanwhile and built again after the rows (one sort). A CHECK keeps it a day number (storage.days).

Revision ID: 0026
Revises: 0025
"""
from alembic import op

revision = '0026'
down_revision = '0025'
branch_labels = None
depends_on = None

_COLUMNS = ("span_class, issue_date, closed_on, customer_id, due_date, amount, paid, last_paid_on, currency, voided, "
            "voided_on")


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_invoice_span")
    op.execute("ALTER TABLE invoice ADD COLUMN first_paid_on INTEGER "
               "CONSTRAINT ck_invoice_first_paid CHECK (typeof(first_paid_on) IN ('integer', 'null'))")
    op.execute("UPDATE invoice SET first_paid_on = f.first FROM "
               "(SELECT invoice_id, min(date) AS first FROM allocation GROUP BY invoice_id) AS f "
               "WHERE invoice.id = f.invoice_id")
    op.execute(f"CREATE INDEX ix_invoice_span ON invoice ({_COLUMNS}, first_paid_on)")


def downgrade() -> None:
    op.execute("DROP INDEX ix_invoice_span")
    op.execute("ALTER TABLE invoice DROP COLUMN first_paid_on")
    op.execute(f"CREATE INDEX ix_invoice_span ON invoice ({_COLUMNS})")
