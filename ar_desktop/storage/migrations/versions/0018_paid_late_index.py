"""paid-late index: ix_invoice_paid_late (customer_id, cleared_on, due_date, ...) over the invoices cleared
two days or more after their due date (an overdue period), so that the worklist finds, per customer, those
that cleared in a window of days as one index range instead of reading every invoice the customer has
(it holds what that question reads: the table is not read)

Revision ID: 0018
Revises: 0017
"""
from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_invoice_paid_late ON invoice (customer_id, cleared_on, due_date, issue_date, voided, "
               "voided_on) WHERE cleared_on >= date(due_date, '+2 days')")


def downgrade() -> None:
    op.execute("DROP INDEX ix_invoice_paid_late")
