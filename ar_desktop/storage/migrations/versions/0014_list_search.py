"""lists and search: an index behind every sortable column of the Invoices list, and trigram full-text
indexes (FTS5) over the invoices' number, reference and description and the customers' code, name, city and
contact, kept in step by triggers (storage.search)

Revision ID: 0014
Revises: 0013
"""
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

# As storage.list_schema had them when this migration was written (a migration never changes).
_INDEXES = (
    "CREATE INDEX ix_invoice_amount ON invoice (amount)",
    "CREATE INDEX ix_invoice_paid ON invoice (paid)",
    "CREATE INDEX ix_invoice_open_amount ON invoice ((CASE WHEN voided THEN 0 ELSE amount - paid END))",
    "CREATE INDEX ix_invoice_currency ON invoice (currency)",
    "CREATE INDEX ix_invoice_status ON invoice (voided, paid >= amount, due_date)",
    "CREATE INDEX ix_invoice_open_number ON invoice (number) WHERE paid < amount AND voided = 0",
    "CREATE INDEX ix_invoice_owed ON invoice (customer_id, due_date, amount, paid, voided) "
    "WHERE paid < amount AND voided = 0",
    "CREATE INDEX ix_customer_lower_name ON customer (lower(name))",
)
_SEARCH = {
    "invoice": ("invoice_search", ("number", "reference", "description"), "detail=none"),  # a third of the size
    "customer": ("customer_search", ("code", "name", "city", "contact"), "detail=full"),
}


def _statements(table: str) -> list[str]:
    name, columns, detail = _SEARCH[table]
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    delete = f"INSERT INTO {name}({name}, rowid, {cols}) VALUES ('delete', old.id, {old});"
    insert = f"INSERT INTO {name}(rowid, {cols}) VALUES (new.id, {new});"
    return [
        f"CREATE VIRTUAL TABLE {name} USING fts5({cols}, content='{table}', content_rowid='id', "
        f"tokenize='trigram', {detail}, columnsize=0)",
        f"INSERT INTO {name}({name}) VALUES ('rebuild')",
        f"CREATE TRIGGER {name}_insert AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {name}_delete AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {name}_update AFTER UPDATE OF {cols} ON {table} BEGIN {delete} {insert} END",
    ]


def upgrade() -> None:
    for statement in _INDEXES:
        op.execute(statement)
    for table in _SEARCH:
        for statement in _statements(table):
            op.execute(statement)


def downgrade() -> None:
    for name, _columns, _detail in _SEARCH.values():
        for suffix in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER {name}_{suffix}")
        op.execute(f"DROP TABLE {name}")
    for statement in reversed(_INDEXES):
        op.execute(f"DROP INDEX {statement.split()[2]}")
