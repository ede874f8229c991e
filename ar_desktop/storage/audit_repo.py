"""Reading the audit trail (entries are written by orm_audit's session hooks)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ar_desktop.storage.orm_audit import AuditEntry


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


def _row(e: AuditEntry) -> AuditRow:
    return AuditRow(e.id, e.at, e.entity, e.entity_id, e.action, e.field, e.old_value, e.new_value, e.note)


def for_entity(s: Session, entity: str, entity_id: int) -> list[AuditRow]:
    q = (select(AuditEntry).where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
         .order_by(AuditEntry.id))
    return [_row(e) for e in s.scalars(q)]


def recent(s: Session, limit: int = 200) -> list[AuditRow]:
    return [_row(e) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit))]
