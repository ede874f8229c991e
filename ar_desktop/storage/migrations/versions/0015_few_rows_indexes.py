"""few-rows indexes: ix_invoice_disputed (the flagged invoices) and ix_payment_adjustment (write-offs
and credit notes), partial indexes of a few rows each, so that the disputed part of the balance and
"was this clearing an adjustment?" read those rows instead of the whole invoice or payment table

Revision ID: 0015
Revises: 0014
"""
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_invoice_disputed ON invoice (id) WHERE disputed = 1")
    op.execute("CREATE INDEX ix_payment_adjustment ON payment (id) WHERE method IN ('write-off', 'credit note')")


def downgrade() -> None:
    op.execute("DROP INDEX ix_payment_adjustment")
    op.execute("DROP INDEX ix_invoice_disputed")
