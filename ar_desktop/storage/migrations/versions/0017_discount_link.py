"""discount link: payment.earned_by_id names the payment that earned an early-payment discount, so that
reversing (or re-splitting) that payment undoes exactly its discount

Revision ID: 0017
Revises: 0016
"""
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A column added (no table rebuild: a big file upgrades in moments); NULL for every other entry.
    op.execute("ALTER TABLE payment ADD COLUMN earned_by_id INTEGER REFERENCES payment (id)")
    op.execute("CREATE INDEX ix_payment_earned_by ON payment (earned_by_id) WHERE earned_by_id IS NOT NULL")
    # The discounts booked so far were written right after the payment that earned them: the latest
    # earlier payment of the customer on the same day applied to the same invoice.
    op.execute("""
        UPDATE payment SET earned_by_id = (
            SELECT max(p.id) FROM payment p JOIN allocation a ON a.payment_id = p.id
            WHERE p.customer_id = payment.customer_id AND p.date = payment.date AND p.id < payment.id
              AND p.reverses_id IS NULL
              AND p.method NOT IN ('discount', 'write-off', 'credit note', 'void reversal', 'recovery')
              AND a.invoice_id IN (SELECT invoice_id FROM allocation WHERE payment_id = payment.id))
        WHERE method = 'discount' AND reverses_id IS NULL""")


def downgrade() -> None:
    op.execute("DROP INDEX ix_payment_earned_by")
    op.execute("ALTER TABLE payment DROP COLUMN earned_by_id")
