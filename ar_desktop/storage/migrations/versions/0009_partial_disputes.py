"""partial disputes: invoice.disputed_amount (minor units of the contested part, 0 = not disputed)

Revision ID: 0009
Revises: 0008
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('invoice', schema=None) as batch_op:
        batch_op.add_column(sa.Column('disputed_amount', sa.Integer(), nullable=False, server_default='0'))
    # A dispute recorded before: the amount of its latest 'dispute' event, else the whole open amount.
    op.execute("""
        UPDATE invoice SET disputed_amount = MIN(amount - paid, COALESCE(
            (SELECT e.amount FROM collection_event e WHERE e.invoice_id = invoice.id AND e.kind = 'dispute'
             AND e.amount > 0 ORDER BY e.date DESC, e.id DESC LIMIT 1), amount - paid))
        WHERE disputed = 1 AND paid < amount
    """)


def downgrade() -> None:
    with op.batch_alter_table('invoice', schema=None) as batch_op:
        batch_op.drop_column('disputed_amount')
