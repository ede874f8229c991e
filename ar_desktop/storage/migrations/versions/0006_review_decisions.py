"""quarterly review: review_decision (the decision box, recorded with its collection-file event)

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('review_decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('quarter', sa.String(length=6), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('decision', sa.String(length=20), nullable=False),
    sa.Column('old_limit', sa.Integer(), nullable=True),
    sa.Column('new_limit', sa.Integer(), nullable=True),
    sa.Column('old_class', sa.String(length=1), nullable=False),
    sa.Column('new_class', sa.String(length=1), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("decision IN ('keep', 'change_limit', 'change_class', 'stop_supplying')",
                       name='ck_review_decision_kind'),
    sa.CheckConstraint('new_limit IS NULL OR new_limit > 0', name='ck_review_decision_limit'),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], ),
    sa.ForeignKeyConstraint(['event_id'], ['collection_event.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('review_decision', schema=None) as batch_op:
        batch_op.create_index('ix_review_decision_quarter', ['quarter', 'customer_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('review_decision', schema=None) as batch_op:
        batch_op.drop_index('ix_review_decision_quarter')
    op.drop_table('review_decision')
