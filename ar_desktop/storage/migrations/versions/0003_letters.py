"""letters: reference rates (seeded), letters issued, their items, the registered-mail log

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    rates = op.create_table('reference_rate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('table', sa.String(length=30), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('rate_percent', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('table', 'effective_from', name='uq_reference_rate')
    )
    op.create_table('letter',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('step_key', sa.String(length=40), nullable=False),
    sa.Column('template', sa.String(length=20), nullable=False),
    sa.Column('template_version', sa.String(length=64), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('layout', sa.String(length=10), nullable=False),
    sa.Column('letter_date', sa.Date(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('total_claimed', sa.Integer(), nullable=False),
    sa.Column('archive_path', sa.String(length=500), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('document_json', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('total_claimed >= 0', name='ck_letter_total'),
    sa.CheckConstraint('deadline >= letter_date', name='ck_letter_deadline'),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('letter', schema=None) as batch_op:
        batch_op.create_index('ix_letter_customer', ['customer_id', 'letter_date'], unique=False)

    op.create_table('letter_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('letter_id', sa.Integer(), nullable=False),
    sa.Column('invoice_id', sa.Integer(), nullable=False),
    sa.Column('open_amount', sa.Integer(), nullable=False),
    sa.Column('interest', sa.Integer(), nullable=False),
    sa.Column('fixed_compensation', sa.Integer(), nullable=False),
    sa.Column('rule', sa.String(length=20), nullable=False),
    sa.Column('explanation', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['letter_id'], ['letter.id'], ),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoice.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('letter_item', schema=None) as batch_op:
        batch_op.create_index('ix_letter_item_letter', ['letter_id'], unique=False)

    op.create_table('mail_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('letter_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('carrier', sa.String(length=60), nullable=False),
    sa.Column('service', sa.String(length=80), nullable=False),
    sa.Column('tracking_number', sa.String(length=40), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('signed_by', sa.String(length=200), nullable=False),
    sa.Column('attachment_path', sa.String(length=500), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('corrects_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('posted', 'delivered', 'returned', 'receipt', 'correction')",
                       name='ck_mail_entry_kind'),
    sa.ForeignKeyConstraint(['letter_id'], ['letter.id'], ),
    sa.ForeignKeyConstraint(['corrects_id'], ['mail_entry.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mail_entry', schema=None) as batch_op:
        batch_op.create_index('ix_mail_entry_letter', ['letter_id', 'id'], unique=False)

    # Seed the reference rates shipped with the program (resources/rates/reference-rates.csv).
    from ar_desktop.domain.reference_rates import load_seed_rates

    op.bulk_insert(rates, [{"table": r.table, "effective_from": r.effective_from, "rate_percent": str(r.rate_percent),
                            "note": r.note} for r in load_seed_rates()])


def downgrade() -> None:
    with op.batch_alter_table('mail_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_mail_entry_letter')
    op.drop_table('mail_entry')
    with op.batch_alter_table('letter_item', schema=None) as batch_op:
        batch_op.drop_index('ix_letter_item_letter')
    op.drop_table('letter_item')
    with op.batch_alter_table('letter', schema=None) as batch_op:
        batch_op.drop_index('ix_letter_customer')
    op.drop_table('letter')
    op.drop_table('reference_rate')
