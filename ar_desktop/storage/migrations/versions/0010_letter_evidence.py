"""company.registration_id (register number / 统一社会信用代码 on letters); the verified reference
rates shipped since 0003 added where the file has no row of that table and day

Revision ID: 0010
Revises: 0009
"""
import csv
from pathlib import Path

from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

_SEED = Path(__file__).resolve().parents[4] / "resources" / "rates" / "reference-rates.csv"


def upgrade() -> None:
    with op.batch_alter_table('company', schema=None) as batch_op:
        batch_op.add_column(sa.Column('registration_id', sa.String(length=60), nullable=False, server_default=''))
    bind = op.get_bind()
    if _SEED.is_file() and bind.execute(sa.text("SELECT count(*) FROM reference_rate")).scalar():
        with _SEED.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                bind.execute(sa.text('INSERT OR IGNORE INTO reference_rate ("table", effective_from, rate_percent, '
                                     'note) VALUES (:t, :d, :r, :n)'),
                             {"t": row["table"], "d": row["effective_from"], "r": row["rate_percent"],
                              "n": row.get("note") or ""})


def downgrade() -> None:
    with op.batch_alter_table('company', schema=None) as batch_op:
        batch_op.drop_column('registration_id')
