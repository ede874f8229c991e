"""credit risk: insurance policies, insured limits, insurer events, acknowledgements, credit checks,
balance confirmations; customer.limitation

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('limitation', sa.String(length=4), nullable=False, server_default=''))

    op.create_table('insurance_policy',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('insurer', sa.String(length=100), nullable=False),
    sa.Column('number', sa.String(length=100), nullable=False),
    sa.Column('indemnity_percent', sa.String(length=20), nullable=False),
    sa.Column('max_extension_days', sa.Integer(), nullable=False),
    sa.Column('notify_within_days', sa.Integer(), nullable=False),
    sa.Column('transfer_within_days', sa.Integer(), nullable=False),
    sa.Column('max_credit_days', sa.Integer(), nullable=True),
    sa.Column('discretionary_limit', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('number')
    )
    op.create_table('insured_limit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('policy_id', sa.Integer(), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('reference', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('amount >= 0', name='ck_insured_limit_amount'),
    sa.CheckConstraint('valid_until IS NULL OR valid_until >= valid_from', name='ck_insured_limit_dates'),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], ),
    sa.ForeignKeyConstraint(['policy_id'], ['insurance_policy.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('insured_limit', schema=None) as batch_op:
        batch_op.create_index('ix_insured_limit_customer', ['customer_id', 'valid_from'], unique=False)

    op.create_table('insurer_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('policy_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('notified', 'transferred', 'claim_filed', 'indemnified')",
                       name='ck_insurer_event_kind'),
    sa.CheckConstraint('amount IS NULL OR amount >= 0', name='ck_insurer_event_amount'),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], ),
    sa.ForeignKeyConstraint(['policy_id'], ['insurance_policy.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('insurer_event', schema=None) as batch_op:
        batch_op.create_index('ix_insurer_event_customer', ['customer_id', 'date'], unique=False)

    op.create_table('balance_confirmation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('return_by', sa.Date(), nullable=False),
    sa.Column('returned_on', sa.Date(), nullable=True),
    sa.Column('agreed', sa.Boolean(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('return_by >= as_of', name='ck_balance_confirmation_dates'),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('balance_confirmation', schema=None) as batch_op:
        batch_op.create_index('ix_balance_confirmation_customer', ['customer_id', 'as_of'], unique=False)

    op.create_table('acknowledgement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('invoice_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('confirmation_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('written', 'oral', 'confirmation')", name='ck_acknowledgement_kind'),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoice.id'], ),
    sa.ForeignKeyConstraint(['confirmation_id'], ['balance_confirmation.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('acknowledgement', schema=None) as batch_op:
        batch_op.create_index('ix_acknowledgement_invoice', ['invoice_id', 'date'], unique=False)

    op.create_table('credit_check',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('sources', sa.String(length=200), nullable=False),
    sa.Column('findings', sa.Text(), nullable=False),
    sa.Column('decision', sa.String(length=30), nullable=False),
    sa.Column('limit_granted', sa.Integer(), nullable=True),
    sa.Column('next_review', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("decision IN ('approved', 'approved_with_conditions', 'declined')",
                       name='ck_credit_check_decision'),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('credit_check', schema=None) as batch_op:
        batch_op.create_index('ix_credit_check_customer', ['customer_id', 'date'], unique=False)


def downgrade() -> None:
    for table, index in (('credit_check', 'ix_credit_check_customer'), ('acknowledgement', 'ix_acknowledgement_invoice'),
                         ('balance_confirmation', 'ix_balance_confirmation_customer'),
                         ('insurer_event', 'ix_insurer_event_customer'), ('insured_limit', 'ix_insured_limit_customer')):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(index)
        op.drop_table(table)
    op.drop_table('insurance_policy')
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_column('limitation')
