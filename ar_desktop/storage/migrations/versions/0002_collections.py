"""collections: history events, promises, holds, per-customer ladders

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_KINDS = ("step_done", "step_skipped", "call", "promise", "promise_broken", "promise_kept", "dispute",
          "dispute_resolved", "hold", "hold_released", "note", "credit_override", "credit_review")
_OUTCOMES = ("reached", "no_answer", "promised", "disputed", "refused")


def _in(values) -> str:
    return ", ".join(f"'{v}'" for v in values)


def upgrade() -> None:
    op.create_table('promise',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('made_on', sa.Date(), nullable=False),
    sa.Column('promised_date', sa.Date(), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('broken_recorded_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('amount > 0', name='ck_promise_amount'),
    sa.CheckConstraint('promised_date >= made_on', name='ck_promise_dates'),
    sa.CheckConstraint("status IN ('open', 'kept', 'broken')", name='ck_promise_status'),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('promise', schema=None) as batch_op:
        batch_op.create_index('ix_promise_customer', ['customer_id', 'made_on'], unique=False)

    op.create_table('hold',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('until', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('set_on', sa.Date(), nullable=False),
    sa.Column('released_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('until >= set_on', name='ck_hold_dates'),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('hold', schema=None) as batch_op:
        batch_op.create_index('ix_hold_customer', ['customer_id', 'set_on'], unique=False)

    op.create_table('customer_ladder',
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('ladder_json', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], ),
    sa.PrimaryKeyConstraint('customer_id')
    )
    op.create_table('collection_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('step_key', sa.String(length=40), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=True),
    sa.Column('invoice_id', sa.Integer(), nullable=True),
    sa.Column('promise_id', sa.Integer(), nullable=True),
    sa.Column('hold_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint(f"kind IN ({_in(_KINDS)})", name='ck_collection_event_kind'),
    sa.CheckConstraint(f"outcome = '' OR outcome IN ({_in(_OUTCOMES)})", name='ck_collection_event_outcome'),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], ),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoice.id'], ),
    sa.ForeignKeyConstraint(['promise_id'], ['promise.id'], ),
    sa.ForeignKeyConstraint(['hold_id'], ['hold.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('collection_event', schema=None) as batch_op:
        batch_op.create_index('ix_collection_event_customer', ['customer_id', 'date'], unique=False)
        batch_op.create_index('ix_collection_event_kind', ['kind', 'customer_id', 'date'], unique=False)
        batch_op.create_index('ix_collection_event_invoice', ['invoice_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('collection_event', schema=None) as batch_op:
        batch_op.drop_index('ix_collection_event_invoice')
        batch_op.drop_index('ix_collection_event_kind')
        batch_op.drop_index('ix_collection_event_customer')

    op.drop_table('collection_event')
    op.drop_table('customer_ladder')
    with op.batch_alter_table('hold', schema=None) as batch_op:
        batch_op.drop_index('ix_hold_customer')

    op.drop_table('hold')
    with op.batch_alter_table('promise', schema=None) as batch_op:
        batch_op.drop_index('ix_promise_customer')

    op.drop_table('promise')
