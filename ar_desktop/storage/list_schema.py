"""The indexes, search tables and triggers behind the Invoices and Customers lists (created by the migration
``*_list_search``): what they are now, whether a file has them all, and putting back what a later migration
dropped.

A migration that rebuilds the invoice or customer table (Alembic's batch mode copies it into a new table)
drops the table's triggers and its indexes on expressions, which SQLAlchemy cannot read back; the search
index would then fall silently out of step. ``restore`` runs after every upgrade and puts them back
(re-reading the search index from its table when a trigger was missing); ``problems`` tells ``check``.
"""

from __future__ import annotations

import random
import sqlite3

from ar_desktop.domain.text import Text, translate

__all__ = ["INDEXES", "SEARCH", "problems", "restore"]

INDEXES = {
    "ix_invoice_amount": "invoice (amount)",
    "ix_invoice_paid": "invoice (paid)",
    "ix_invoice_open_amount": "invoice ((CASE WHEN voided THEN 0 ELSE amount - paid END))",
    "ix_invoice_status": "invoice (voided, paid >= amount, due_date)",
    "ix_invoice_open_number": "invoice (number) WHERE paid < amount AND voided = 0",
    # ix_invoice_open with the void flag its WHERE names: SQLite 3.40 reads the table for a column named only
    # in a partial index's WHERE, so without it every balance would read 50,000 scattered rows
    "ix_invoice_owed": "invoice (customer_id, due_date, amount, paid, voided) WHERE paid < amount AND voided = 0",
    "ix_customer_lower_name": "customer (lower(name))",
    # the Invoices list by currency: the customers in currency order, each one's invoices by ix_invoice_aging
    # (storage.invoice_list; ix_invoice_currency until migration 0031)
    "ix_customer_currency_name": "customer (currency, lower(name))",
}
# search table -> (content table, its indexed columns, FTS5 detail)
SEARCH = {
    "invoice_search": ("invoice", ("number", "reference", "description"), "none"),
    "customer_search": ("customer", ("code", "name", "city", "contact"), "full"),
}
TRIGGERS = ("insert", "delete", "update")
# A row here (only ever inside a bulk writer's transaction) holds the insert triggers back: FTS5 writes its
# pending terms to disk at every statement, so a trigger fired by each row of an executemany is ~70 times
# slower than one INSERT ... SELECT of all the rows at the end, which storage.bulk_repo runs instead.
HOLD = "search_hold"
SAMPLE = 200  # rows whose search entries ``problems`` looks up


def search_statements(name: str) -> dict[str, str]:
    """object name -> CREATE statement, for a search table and its three triggers."""
    table, columns, detail = SEARCH[name]
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    delete = f"INSERT INTO {name}({name}, rowid, {cols}) VALUES ('delete', old.id, {old});"
    insert = f"INSERT INTO {name}(rowid, {cols}) VALUES (new.id, {new});"
    return {
        name: f"CREATE VIRTUAL TABLE {name} USING fts5({cols}, content='{table}', content_rowid='id', "
              f"tokenize='trigram', detail={detail}, columnsize=0)",
        f"{name}_insert": f"CREATE TRIGGER {name}_insert AFTER INSERT ON {table} "
                          f"WHEN NOT EXISTS (SELECT 1 FROM {HOLD}) BEGIN {insert} END",
        f"{name}_delete": f"CREATE TRIGGER {name}_delete AFTER DELETE ON {table} BEGIN {delete} END",
        f"{name}_update": f"CREATE TRIGGER {name}_update AFTER UPDATE OF {cols} ON {table} BEGIN {delete} {insert} END",
    }


def _present(con: sqlite3.Connection) -> set[str]:
    return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('index', 'table', 'trigger')")}


def restore(con: sqlite3.Connection) -> list[str]:
    """Create whatever of the lists' indexes, search tables and triggers is missing; returns their names."""
    present = _present(con)
    made = []
    if HOLD not in present:
        con.execute(f"CREATE TABLE {HOLD} (held INTEGER NOT NULL)")
        made.append(HOLD)
    for name, what in INDEXES.items():
        if name not in present:
            con.execute(f"CREATE INDEX {name} ON {what}")
            made.append(name)
    for name in SEARCH:
        statements = search_statements(name)
        missing = [n for n in statements if n not in present]
        for n in missing:
            con.execute(statements[n])
        if missing:  # writes went by without the triggers: read the whole table again
            con.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")
        made += missing
    return made


def problems(con: sqlite3.Connection) -> list[Text]:
    """What ``check`` reports: a missing index, search table or trigger, and rows the search does not find
    (a sample of them, looked up by their own number or code: reading all would take minutes)."""
    present = _present(con)
    out = [Text(translate("Messages", "the table {name} is missing"), name=HOLD) for _ in [0] if HOLD not in present]
    out += [Text(translate("Messages", "the list index {name} is missing: lists sorted by its column read the whole "
                                       "table (the next upgrade of the file by a newer AR Desktop puts it back)"), name=n)
            for n in INDEXES if n not in present]
    for name in SEARCH:
        missing = [n for n in search_statements(name) if n not in present]
        out += [Text(translate("Messages", "the search table {name} is missing: searches miss what was written since "
                                           "(the next upgrade of the file by a newer AR Desktop rebuilds the search "
                                           "index)") if n == name else
                     translate("Messages", "the search trigger {name} is missing: searches miss what was written "
                                           "since (the next upgrade of the file by a newer AR Desktop rebuilds the "
                                           "search index)"), name=n)
                for n in missing]
        if not missing:
            out += _unfound(con, name)
    return out


def _unfound(con: sqlite3.Connection, name: str) -> list[Text]:
    table, columns, _detail = SEARCH[name]
    key = columns[0]  # number / code: unique, so every row is found by it
    top = con.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0
    rng = random.Random(top)
    ids = sorted({rng.randint(1, top) for _ in range(SAMPLE)}) if top else []
    out = []
    for ident, value in con.execute(f"SELECT id, {key} FROM {table} WHERE id IN ({', '.join(map(str, ids))})"
                                    if ids else "SELECT 1, '' WHERE 0"):
        if len(value) < 3:
            continue
        grams = " AND ".join('"' + value[i:i + 3].replace('"', '""') + '"' for i in range(len(value) - 2))
        hit = con.execute(f"SELECT 1 FROM {name} WHERE {name} MATCH ? AND rowid = ?", (grams, ident)).fetchone()
        if hit is None:
            what = Text(translate("Messages", "invoice") if table == "invoice" else translate("Messages", "customer"))
            out.append(Text(translate("Messages", "the search index does not find {what} {value} (id {id}): it is "
                                                  "out of step with the list; a backup taken before the damage, or "
                                                  "support, can restore it"), what=what, value=value, id=ident))
    return out
