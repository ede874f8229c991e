"""payment lookup: ix_payment_customer_date, so that an import finds the payments a customer made on
a day (is this row already in the books?) from an index instead of reading the whole payment table

Revision ID: 0008
Revises: 0007
"""
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_payment_customer_date', 'payment', ['customer_id', 'date'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_payment_customer_date', table_name='payment')
