"""The audit trail of a record: every create, change, void, write-off, credit note and delete, and
the import that wrote it (docs/architecture.md, "The audit trail")."""

from __future__ import annotations

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.context import Books
from ar_desktop.storage import audit_repo
from ar_desktop.storage.audit_repo import AuditRow

ENTITIES = ("customer", "invoice", "payment", "allocation", "company", "setting")

__all__ = ["AuditRow", "audit_for", "imports", "recent_changes"]


def audit_for(books: Books, entity: str, entity_id: int) -> list[AuditRow]:
    """Entries for one record, oldest first (entity: customer, invoice, payment, allocation, ...)."""
    if not entity or not entity.replace("_", "").isalpha():
        raise UserError(Text(translate("Messages", "'{entity}' is not a kind of record; use customer, invoice or "
                                                   "payment."), entity=entity))
    with books.db.session() as s:
        return audit_repo.for_entity(s, entity, entity_id)


def recent_changes(books: Books, limit: int = 200) -> list[AuditRow]:
    with books.db.session() as s:
        return audit_repo.recent(s, limit)


def imports(books: Books) -> list[AuditRow]:
    """Every bulk import, oldest first: who, when, the file's name and SHA-256, per kind of record
    the row count and id range (``new_value``, JSON)."""
    with books.db.session() as s:
        return audit_repo.imports(s)
