"""Reading the audit trail (entries are written by orm_audit's session hooks).

A change entry holds every field it changed (JSON objects of old and new values); it is read back
as one row per field, as older files stored it. An invoice's paid total is not audited (it follows
from its allocations): its history shows the payments and adjustments applied to it instead. A record written in bulk has no entry of its
own: the import entry whose id range holds it says who imported it, when, and from which file.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.sql import ColumnElement
from sqlalchemy.orm import Session

from ar_desktop.storage.orm import Allocation
from ar_desktop.storage.orm_audit import IMPORT_ENTITY, AuditEntry


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    entity: str
    entity_id: int | None
    action: str
    field: str
    old_value: str | None
    new_value: str | None
    note: str
    who: str = ""


def _rows(e: AuditEntry) -> list[AuditRow]:
    who = e.who or ""
    if e.action in ("change", "void") and not e.field and (e.new_value or "").startswith("{"):
        old, new = json.loads(e.old_value or "{}"), json.loads(e.new_value)
        return [AuditRow(e.id, e.at, e.entity, e.entity_id, e.action, k, old.get(k), v, e.note, who)
                for k, v in new.items()]
    return [AuditRow(e.id, e.at, e.entity, e.entity_id, e.action, e.field, e.old_value, e.new_value, e.note, who)]


def _imports_holding(s: Session, entity: str, entity_id: int) -> list[AuditEntry]:
    out = []
    for e in s.scalars(select(AuditEntry).where(AuditEntry.entity == IMPORT_ENTITY).order_by(AuditEntry.id)):
        span = json.loads(e.new_value or "{}").get("rows", {}).get(entity)
        if span and span["first_id"] is not None and span["first_id"] <= entity_id <= span["last_id"]:
            out.append(e)
    return out


def _records(entity: str, ids) -> ColumnElement[bool]:
    return and_(AuditEntry.entity == entity, AuditEntry.entity_id.in_(ids))


def for_entity(s: Session, entity: str, entity_id: int) -> list[AuditRow]:
    """Every entry about one record, oldest first: the import that wrote it (if it was imported),
    its creation, each field changed, its void or deletion; for an invoice also the payments,
    write-offs and credit notes applied to it (what changed what it was paid)."""
    which = and_(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
    if entity == "invoice":
        applied = select(Allocation.id).where(Allocation.invoice_id == entity_id)
        payments = select(Allocation.payment_id).where(Allocation.invoice_id == entity_id)
        which = or_(which, _records("allocation", applied), _records("payment", payments))
    entries = sorted([*_imports_holding(s, entity, entity_id),
                      *s.scalars(select(AuditEntry).where(which).order_by(AuditEntry.id))], key=lambda e: e.id)
    return [r for e in entries for r in _rows(e)]


def recent(s: Session, limit: int = 200) -> list[AuditRow]:
    """The latest entries, newest first (an import is one entry, whatever its size)."""
    return [r for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)) for r in _rows(e)]


def imports(s: Session) -> list[AuditRow]:
    """Every bulk import recorded, oldest first (file, SHA-256, row counts and id ranges as JSON)."""
    return [r for e in s.scalars(select(AuditEntry).where(AuditEntry.entity == IMPORT_ENTITY)
                                 .order_by(AuditEntry.id)) for r in _rows(e)]
