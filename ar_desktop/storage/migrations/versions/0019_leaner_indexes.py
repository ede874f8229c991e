"""leaner indexes: ix_payment_customer_id is a prefix of ix_payment_customer_date (which answers everything it
did), ix_invoice_open is ix_invoice_owed less its last column with the same WHERE, and ux_payment_reverses
holds only the few reversals (partial: every other entry's reverses_id is NULL, which a unique index never
compared anyway). On the million-invoice file: 7.1 + 2.7 + 5.8 MB less, and three fewer indexes to keep up
per imported row.

Revision ID: 0019
Revises: 0018
"""
from alembic import op

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None

_OPEN = "paid < amount AND voided = 0"


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_payment_customer_id")
    op.execute("DROP INDEX IF EXISTS ix_invoice_open")
    op.execute("DROP INDEX IF EXISTS ux_payment_reverses")
    op.execute("CREATE UNIQUE INDEX ux_payment_reverses ON payment (reverses_id) WHERE reverses_id IS NOT NULL")


def downgrade() -> None:
    op.execute("DROP INDEX ux_payment_reverses")
    op.execute("CREATE UNIQUE INDEX ux_payment_reverses ON payment (reverses_id)")
    op.execute(f"CREATE INDEX ix_invoice_open ON invoice (customer_id, due_date, amount, paid) WHERE {_OPEN}")
    op.execute("CREATE INDEX ix_payment_customer_id ON payment (customer_id)")
