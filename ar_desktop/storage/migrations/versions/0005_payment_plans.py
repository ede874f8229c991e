"""payment plans: payment_plan, its invoices and instalments; plan event kinds

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

_OLD_KINDS = ("step_done", "step_skipped", "call", "promise", "promise_broken", "promise_kept", "dispute",
              "dispute_resolved", "hold", "hold_released", "note", "credit_override", "credit_review")
_KINDS = _OLD_KINDS + ("plan", "plan_broken", "plan_kept", "plan_cancelled")


def _in(values) -> str:
    return ", ".join(f"'{v}'" for v in values)


def upgrade() -> None:
    op.create_table('payment_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('open', 'kept', 'broken', 'cancelled')", name='ck_payment_plan_status'),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('payment_plan', schema=None) as batch_op:
        batch_op.create_index('ix_payment_plan_customer', ['customer_id', 'starts_on'], unique=False)

    op.create_table('payment_plan_invoice',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('invoice_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['payment_plan.id'], ),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoice.id'], ),
    sa.PrimaryKeyConstraint('plan_id', 'invoice_id')
    )
    with op.batch_alter_table('payment_plan_invoice', schema=None) as batch_op:
        batch_op.create_index('ix_payment_plan_invoice_invoice', ['invoice_id'], unique=False)

    op.create_table('payment_plan_instalment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.CheckConstraint('amount > 0', name='ck_payment_plan_instalment_amount'),
    sa.ForeignKeyConstraint(['plan_id'], ['payment_plan.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('payment_plan_instalment', schema=None) as batch_op:
        batch_op.create_index('ix_payment_plan_instalment_plan', ['plan_id', 'due_on'], unique=False)

    with op.batch_alter_table('collection_event', schema=None) as batch_op:
        batch_op.drop_constraint('ck_collection_event_kind', type_='check')
        batch_op.create_check_constraint('ck_collection_event_kind', f"kind IN ({_in(_KINDS)})")


def downgrade() -> None:
    op.execute(f"DELETE FROM collection_event WHERE kind NOT IN ({_in(_OLD_KINDS)})")
    with op.batch_alter_table('collection_event', schema=None) as batch_op:
        batch_op.drop_constraint('ck_collection_event_kind', type_='check')
        batch_op.create_check_constraint('ck_collection_event_kind', f"kind IN ({_in(_OLD_KINDS)})")

    with op.batch_alter_table('payment_plan_instalment', schema=None) as batch_op:
        batch_op.drop_index('ix_payment_plan_instalment_plan')
    op.drop_table('payment_plan_instalment')
    with op.batch_alter_table('payment_plan_invoice', schema=None) as batch_op:
        batch_op.drop_index('ix_payment_plan_invoice_invoice')
    op.drop_table('payment_plan_invoice')
    with op.batch_alter_table('payment_plan', schema=None) as batch_op:
        batch_op.drop_index('ix_payment_plan_customer')
    op.drop_table('payment_plan')
