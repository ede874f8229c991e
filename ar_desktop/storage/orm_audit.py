"""The audit trail: who-changed-what entries written by the storage layer itself.

``install(sessions)`` hooks a session factory so that every flush (ORM objects) writes audit
entries in the same transaction: a change that is committed is audited, and one rolled back leaves
no entry. Services need not remember it. What is stored (docs/architecture.md, "The audit trail"):

* a record created, changed or deleted one by one: ONE entry per record and flush, with the values
  it was created with, the old and new values of the fields that changed (a JSON object each), or
  the values it had when deleted. Columns derived from other records (an invoice's paid total and
  last payment date, generated columns) are left out: the allocations that make them are audited.
* rows written in bulk (``storage.bulk_repo``, imports; storage.bulk_audit): ONE entry for the whole batch, with who,
  when, the source file's name and SHA-256, and per kind of record the row count and id range
  (``record_bulk``). The file itself is the evidence of what the rows said.
* any other ORM bulk INSERT/UPDATE of a list of rows (none in the program today) is still audited
  row by row, so that nothing written escapes the trail.

Older files keep their earlier entries (one per changed field; a copy of every imported row);
``storage.audit_repo`` reads both forms.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from sqlalchemy import DateTime, Index, Integer, String, Text, event, insert, inspect, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ar_desktop.storage.bulk_audit import IMPORT_ENTITY, BulkBatch, BulkCounts, BulkSource, who  # noqa: F401
from ar_desktop.storage.bulk_audit import audit_row as _row
from ar_desktop.storage.bulk_audit import now as _now
from ar_desktop.storage.orm import Base

ACTIONS = ("create", "change", "void", "write_off", "credit_note", "reversal", "delete", "import")
ADJUSTMENT_METHODS = {"write-off": "write_off", "credit note": "credit_note"}
# Not audited: when a row was made (the entry says when) and what follows from other records.
_SKIP = {"created_at", "paid", "last_paid_on", "first_paid_on", "cleared_on", "closed_on", "span_class"}
_PENDING = "ar_desktop.audit.pending_bulk"


class AuditEntry(Base):
    __tablename__ = "audit_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    action: Mapped[str] = mapped_column(String(12))
    # "" in the entries written now (the fields are the keys of old_value/new_value); older files
    # have one entry per changed field, named here.
    field: Mapped[str] = mapped_column(String(60), default="")
    old_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    new_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    who: Mapped[str | None] = mapped_column(String(100), nullable=True)  # the computer's user name
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id", "id"),)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal | int | float):
        return str(value)
    return str(value)


def _json(values: dict[str, Any]) -> str:
    """Compact JSON of the values worth keeping: no derived columns, no empty texts or nulls."""
    kept = {k: _text(v) for k, v in values.items() if k not in _SKIP and v is not None and v != ""}
    return json.dumps(kept, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _entity(cls_or_table) -> str:
    return getattr(cls_or_table, "__tablename__", None) or str(cls_or_table)


def _columns(obj) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {a.key: getattr(obj, a.key) for a in mapper.column_attrs if a.key not in _SKIP}


def _after_flush(session: Session, _ctx) -> None:
    at = _now()
    rows: list[dict] = []
    for obj in session.new:
        if isinstance(obj, AuditEntry):
            continue
        entity = _entity(type(obj))
        action = "create"
        note = ""
        if entity == "payment" and getattr(obj, "reverses_id", None) is not None:
            action, note = "reversal", obj.note
        elif entity == "payment" and getattr(obj, "method", "") in ADJUSTMENT_METHODS:
            action, note = ADJUSTMENT_METHODS[obj.method], obj.reference
        values = _columns(obj)
        values.pop("id", None)
        rows.append(_row(at, entity, _pk(obj), action, new=_json(values), note=note))
    for obj in session.dirty:
        if isinstance(obj, AuditEntry) or not session.is_modified(obj, include_collections=False):
            continue
        state = inspect(obj)
        entity = _entity(type(obj))
        old: dict[str, str | None] = {}
        new: dict[str, str | None] = {}
        for attr in state.mapper.column_attrs:
            if attr.key in _SKIP:
                continue
            hist = state.attrs[attr.key].history
            if not hist.has_changes():
                continue
            before = _text(hist.deleted[0] if hist.deleted else None)
            after = _text(hist.added[0] if hist.added else None)
            if before != after:
                old[attr.key], new[attr.key] = before, after
        if not new:
            continue
        action = "void" if (entity == "invoice" and new.get("voided") == "true") else "change"
        note = getattr(obj, "void_reason", "") if action == "void" else ""
        rows.append(_row(at, entity, _pk(obj), action, json.dumps(old, ensure_ascii=False, separators=(",", ":")),
                         json.dumps(new, ensure_ascii=False, separators=(",", ":")), note))
    for obj in session.deleted:
        if isinstance(obj, AuditEntry):
            continue
        rows.append(_row(at, _entity(type(obj)), _pk(obj), "delete", old=_json(_columns(obj))))
    if rows:
        session.connection().execute(insert(AuditEntry.__table__), rows)


def _pk(obj) -> int | None:
    state = inspect(obj)
    ident = state.identity or tuple(state.mapper.primary_key_from_instance(obj))
    if ident and len(ident) == 1 and isinstance(ident[0], int):
        return ident[0]
    return None


# --- rows written in bulk -------------------------------------------------------------------------

def pend(session: Session, batch: BulkBatch) -> BulkBatch:
    """``batch``'s entry is written when ``session``'s transaction commits (``_before_commit``)."""
    session.info.setdefault(_PENDING, []).append(batch)
    return batch


def _before_commit(session: Session) -> None:
    batches = session.info.pop(_PENDING, [])
    at = _now()
    rows = [r for r in (b.entry(at) for b in batches) if r is not None]
    if rows:
        session.connection().execute(insert(AuditEntry.__table__), rows)


def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)


# --- the safety net: ORM bulk statements outside bulk_repo ----------------------------------------

_NATURAL_KEYS = {"customer": "code", "invoice": "number"}


def _do_orm_execute(state) -> Any:
    """ORM bulk inserts and updates (lists of rows) other than bulk_repo's are audited row by row."""
    if not (state.is_insert or state.is_update) or not isinstance(state.parameters, list) or not state.parameters:
        return None
    mapper = state.bind_mapper
    if mapper is None or mapper.class_ is AuditEntry:
        return None
    cls = mapper.class_
    entity = _entity(cls)
    params: list[dict] = state.parameters
    at = _now()
    session = state.session
    if state.is_update:
        pk = mapper.primary_key[0].key
        keys = sorted({k for p in params for k in p if k != pk and k not in _SKIP})
        ids = [p[pk] for p in params if pk in p]
        old: dict[Any, dict] = {}
        for i in range(0, len(ids), 900):
            q = select(getattr(cls, pk), *(getattr(cls, k) for k in keys)).where(getattr(cls, pk).in_(ids[i:i + 900]))
            for r in session.connection().execute(q):
                old[r[0]] = dict(zip(keys, r[1:], strict=True))
        result = state.invoke_statement()
        rows = []
        for p in params:
            before = {k: _text(old.get(p[pk], {}).get(k)) for k in keys if k in p}
            after = {k: _text(p[k]) for k in keys if k in p}
            changed = [k for k in after if before[k] != after[k]]
            if changed:
                rows.append(_row(at, entity, p[pk], "change", json.dumps({k: before[k] for k in changed}),
                                 json.dumps({k: after[k] for k in changed})))
    else:
        result = state.invoke_statement()
        ids = _inserted_ids(session, cls, entity, params)
        rows = []
        for p, pid in zip(params, ids, strict=True):
            action, note = "create", ""
            if entity == "payment" and p.get("method") in ADJUSTMENT_METHODS:
                action, note = ADJUSTMENT_METHODS[p["method"]], p.get("reference", "")
            rows.append(_row(at, entity, pid, action, new=_json({k: v for k, v in p.items() if k != "id"}),
                             note=note))
    if rows:
        session.connection().execute(insert(AuditEntry.__table__), rows)
    return result


def _inserted_ids(session: Session, cls, entity: str, params: list[dict]) -> list[int | None]:
    if all("id" in p for p in params):
        return [p["id"] for p in params]
    key = _NATURAL_KEYS.get(entity)
    if key is None or not all(key in p for p in params):
        return [None] * len(params)
    found: dict[Any, int] = {}
    values = [p[key] for p in params]
    col = getattr(cls, key)
    for i in range(0, len(values), 900):
        found.update(session.connection().execute(select(col, cls.id).where(col.in_(values[i:i + 900]))).tuples().all())
    return [found.get(p[key]) for p in params]


def install(sessions) -> None:
    """Audit every write made through sessions of this factory."""
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "do_orm_execute", _do_orm_execute)
    event.listen(sessions, "before_commit", _before_commit)
    event.listen(sessions, "after_rollback", _after_rollback)
