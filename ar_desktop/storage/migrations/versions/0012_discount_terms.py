"""early-payment discount terms and retention of title: customer.discount_percent / discount_days /
retention_of_title, invoice.discount / discount_until / retention_of_title

Revision ID: 0012
Revises: 0011
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMNs (no table rebuild: a file with a million invoices upgrades at once)
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('discount_percent', sa.String(length=10), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('discount_days', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('retention_of_title', sa.Boolean(), nullable=False, server_default='0'))
    with op.batch_alter_table('invoice', schema=None) as batch_op:
        batch_op.add_column(sa.Column('discount', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('discount_until', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('retention_of_title', sa.Boolean(), nullable=False, server_default='0'))


def downgrade() -> None:
    with op.batch_alter_table('invoice', schema=None) as batch_op:
        batch_op.drop_column('retention_of_title')
        batch_op.drop_column('discount_until')
        batch_op.drop_column('discount')
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_column('retention_of_title')
        batch_op.drop_column('discount_days')
        batch_op.drop_column('discount_percent')
