"""the flagged invoices' index covers what their open amounts need: ix_invoice_disputed (id) WHERE disputed = 1
becomes (id, disputed, currency, issue_date, closed_on, amount, paid, first_paid_on, last_paid_on) WHERE
disputed = 1, so the disputed part of the balance on a day (storage.kpi_sql.disputed_units: the Overview's
figures, `kpi`) sums the ~10,000 flagged invoices of a million-invoice file from the index (~60 pages) instead of
reading each one's table row (a page each): 22 -> 4 ms CPU. ``disputed`` is always 1 there, but SQLite counts an
index as covering only when it holds every column the query names, its own WHERE's included. Its reads by id alone
are unchanged (id first).

Revision ID: 0033
Revises: 0032
"""
from alembic import op

revision = '0033'
down_revision = '0032'
branch_labels = None
depends_on = None

# As the schema had them when this migration was written (a migration never changes).
_BEFORE = "CREATE INDEX ix_invoice_disputed ON invoice (id) WHERE disputed = 1"
_AFTER = ("CREATE INDEX ix_invoice_disputed ON invoice (id, disputed, currency, issue_date, closed_on, amount, paid, "
          "first_paid_on, last_paid_on) WHERE disputed = 1")


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_invoice_disputed")
    op.execute(_AFTER)


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_invoice_disputed")
    op.execute(_BEFORE)
