"""search hold: a row in search_hold (only ever inside a bulk writer's transaction) holds the search insert
triggers back, so a batch enters the search index in one INSERT ... SELECT (storage.list_schema.index_later)

Revision ID: 0016
Revises: 0015
"""
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

# As storage.list_schema had them when this migration was written (a migration never changes).
_SEARCH = {"invoice_search": ("invoice", ("number", "reference", "description")),
           "customer_search": ("customer", ("code", "name", "city", "contact"))}


def _insert_trigger(name: str, held: bool) -> str:
    table, columns = _SEARCH[name]
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    when = "WHEN NOT EXISTS (SELECT 1 FROM search_hold) " if held else ""
    return (f"CREATE TRIGGER {name}_insert AFTER INSERT ON {table} {when}"
            f"BEGIN INSERT INTO {name}(rowid, {cols}) VALUES (new.id, {new}); END")


def upgrade() -> None:
    op.execute("CREATE TABLE search_hold (held INTEGER NOT NULL)")
    for name in _SEARCH:
        op.execute(f"DROP TRIGGER IF EXISTS {name}_insert")
        op.execute(_insert_trigger(name, held=True))


def downgrade() -> None:
    for name in _SEARCH:
        op.execute(f"DROP TRIGGER IF EXISTS {name}_insert")
        op.execute(_insert_trigger(name, held=False))
    op.execute("DROP TABLE search_hold")
