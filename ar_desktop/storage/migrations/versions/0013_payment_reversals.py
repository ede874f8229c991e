"""payment reversals: payment.reverses_id and note; negative reversal entries and allocations

Revision ID: 0013
Revises: 0012
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

# storage.orm.derived's span class as 0011 wrote it (a migration never changes)
_SPAN = ("CASE WHEN closed_on IS NULL THEN 12 "
         + " ".join(f"WHEN julianday(closed_on) - julianday(issue_date) <= {n} THEN {k}"
                    for k, n in enumerate((8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192)))
         + " ELSE 11 END")


def upgrade() -> None:
    # The payment and allocation tables are rebuilt (SQLite cannot change a CHECK constraint);
    # storage/upgrade.py runs migrations with foreign keys off and checks them before committing.
    # An entry's kind is its method (domain/payment_kinds.py) or, for a reversal, reverses_id.
    with op.batch_alter_table('payment', schema=None, recreate='always') as batch_op:
        batch_op.add_column(sa.Column('reverses_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('note', sa.Text(), server_default='', nullable=False))
        batch_op.create_foreign_key('fk_payment_reverses', 'payment', ['reverses_id'], ['id'])
        batch_op.drop_constraint('ck_payment_amount', type_='check')
        batch_op.create_check_constraint(
            'ck_payment_amount', "(reverses_id IS NULL AND amount > 0) OR (reverses_id IS NOT NULL AND amount < 0)")
        batch_op.create_index('ux_payment_reverses', ['reverses_id'], unique=True)

    with op.batch_alter_table('allocation', schema=None, recreate='always') as batch_op:
        batch_op.drop_constraint('ck_allocation_amount', type_='check')
        batch_op.create_check_constraint('ck_allocation_amount', 'amount <> 0')


def downgrade() -> None:
    # Reversals cannot be expressed in the older schema: they are removed with their allocations;
    # a changed split becomes its net result per invoice, dated on the last change.
    op.execute("DELETE FROM allocation WHERE payment_id IN (SELECT id FROM payment WHERE reverses_id IS NOT NULL)")
    op.execute("DELETE FROM payment WHERE reverses_id IS NOT NULL")
    op.execute("CREATE TEMP TABLE net_allocation AS SELECT payment_id, invoice_id, MAX(date) AS date, "
               "SUM(amount) AS amount FROM allocation WHERE payment_id IN "
               "(SELECT payment_id FROM allocation WHERE amount < 0) GROUP BY payment_id, invoice_id")
    op.execute("DELETE FROM allocation WHERE payment_id IN (SELECT payment_id FROM net_allocation)")
    op.execute("INSERT INTO allocation (payment_id, invoice_id, date, amount) "
               "SELECT payment_id, invoice_id, date, amount FROM net_allocation WHERE amount > 0")
    op.execute("DROP TABLE net_allocation")
    op.execute("UPDATE invoice SET paid = COALESCE((SELECT SUM(amount) FROM allocation "
               "WHERE allocation.invoice_id = invoice.id), 0)")
    # the open set's derived columns (0011) follow the allocations left, as 0011 computed them
    op.execute("UPDATE invoice SET last_paid_on = (SELECT MAX(date) FROM allocation a WHERE a.invoice_id = invoice.id)")
    op.execute("UPDATE invoice SET cleared_on = CASE WHEN paid >= amount THEN last_paid_on END")
    op.execute("UPDATE invoice SET closed_on = CASE WHEN voided THEN min(coalesce(voided_on, issue_date), "
               "coalesce(cleared_on, '9999-12-31')) ELSE cleared_on END")
    op.execute(f"UPDATE invoice SET span_class = {_SPAN}")
    with op.batch_alter_table('allocation', schema=None, recreate='always') as batch_op:
        batch_op.drop_constraint('ck_allocation_amount', type_='check')
        batch_op.create_check_constraint('ck_allocation_amount', 'amount > 0')
    with op.batch_alter_table('payment', schema=None, recreate='always') as batch_op:
        batch_op.drop_index('ux_payment_reverses')
        batch_op.drop_constraint('ck_payment_amount', type_='check')
        batch_op.drop_constraint('fk_payment_reverses', type_='foreignkey')
        batch_op.create_check_constraint('ck_payment_amount', 'amount > 0')
        batch_op.drop_column('note')
        batch_op.drop_column('reverses_id')
