"""open set: the invoice's derived last_paid_on, cleared_on, closed_on, span_class and ix_invoice_span
("open on D" as an index lookup); ix_invoice_open covers the balances; audit_entry.who

Revision ID: 0011
Revises: 0010
"""
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

_OPEN = "paid < amount AND voided = 0"
# storage.orm.derived as it was written when this migration was (a migration never changes)
_SPAN = ("CASE WHEN closed_on IS NULL THEN 12 "
         + " ".join(f"WHEN julianday(closed_on) - julianday(issue_date) <= {n} THEN {k}"
                    for k, n in enumerate((8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192)))
         + " ELSE 11 END")


def upgrade() -> None:
    # Plain ALTER TABLE and set-based UPDATEs: no batch copy of a million invoices.
    for column in ("last_paid_on DATE", "cleared_on DATE", "closed_on DATE", "span_class INTEGER NOT NULL DEFAULT 12"):
        op.execute(f"ALTER TABLE invoice ADD COLUMN {column}")
    op.execute("UPDATE invoice SET last_paid_on = (SELECT MAX(date) FROM allocation a WHERE a.invoice_id = invoice.id)"
               " WHERE paid > 0")
    op.execute("UPDATE invoice SET cleared_on = last_paid_on WHERE paid >= amount")
    op.execute("UPDATE invoice SET closed_on = CASE WHEN voided THEN min(coalesce(voided_on, issue_date), "
               "coalesce(cleared_on, '9999-12-31')) ELSE cleared_on END WHERE voided OR cleared_on IS NOT NULL")
    op.execute(f"UPDATE invoice SET span_class = {_SPAN} WHERE closed_on IS NOT NULL")
    op.execute("CREATE INDEX ix_invoice_span ON invoice (span_class, issue_date, closed_on, customer_id, due_date, "
               "amount, paid, last_paid_on, currency, voided, voided_on)")
    op.execute("DROP INDEX ix_invoice_open")
    op.execute(f"CREATE INDEX ix_invoice_open ON invoice (customer_id, due_date, amount, paid) WHERE {_OPEN}")
    op.execute("ALTER TABLE audit_entry ADD COLUMN who VARCHAR(100)")


def downgrade() -> None:
    op.execute("ALTER TABLE audit_entry DROP COLUMN who")
    op.execute("DROP INDEX ix_invoice_open")
    op.execute(f"CREATE INDEX ix_invoice_open ON invoice (customer_id, due_date) WHERE {_OPEN}")
    op.execute("DROP INDEX ix_invoice_span")
    for column in ("span_class", "closed_on", "cleared_on", "last_paid_on"):
        op.execute(f"ALTER TABLE invoice DROP COLUMN {column}")
