"""The audit trail: who-changed-what entries written by the storage layer itself.

``install(sessions)`` hooks a session factory so that every flush (ORM objects) and every ORM
bulk insert or update (imports) writes audit entries in the same transaction: a change that
is committed is audited, and one rolled back leaves no entry. Services need not remember it.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from sqlalchemy import DateTime, Index, Integer, String, Text, event, insert, inspect, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ar_desktop.storage.orm import Base

ACTIONS = ("create", "change", "void", "write_off", "credit_note", "delete")
ADJUSTMENT_METHODS = {"write-off": "write_off", "credit note": "credit_note"}
_SKIP = {"created_at"}


class AuditEntry(Base):
    __tablename__ = "audit_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    action: Mapped[str] = mapped_column(String(12))
    field: Mapped[str] = mapped_column(String(60), default="")
    old_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    new_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
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
    return json.dumps({k: _text(v) for k, v in values.items() if k not in _SKIP}, ensure_ascii=False,
                      sort_keys=True)


def _entity(cls_or_table) -> str:
    return getattr(cls_or_table, "__tablename__", None) or str(cls_or_table)


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _row(at, entity, entity_id, action, field="", old=None, new=None, note="") -> dict:
    return dict(at=at, entity=entity, entity_id=entity_id, action=action, field=field, old_value=old,
                new_value=new, note=note)


def _columns(obj) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {a.key: getattr(obj, a.key) for a in mapper.column_attrs}


def _after_flush(session: Session, _ctx) -> None:
    at = _now()
    rows: list[dict] = []
    for obj in session.new:
        if isinstance(obj, AuditEntry):
            continue
        entity = _entity(type(obj))
        action = "create"
        note = ""
        if entity == "payment" and getattr(obj, "method", "") in ADJUSTMENT_METHODS:
            action, note = ADJUSTMENT_METHODS[obj.method], obj.reference
        rows.append(_row(at, entity, _pk(obj), action, new=_json(_columns(obj)), note=note))
    for obj in session.dirty:
        if isinstance(obj, AuditEntry) or not session.is_modified(obj, include_collections=False):
            continue
        state = inspect(obj)
        entity = _entity(type(obj))
        for attr in state.mapper.column_attrs:
            hist = state.attrs[attr.key].history
            if not hist.has_changes() or attr.key in _SKIP:
                continue
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if _text(old) == _text(new):
                continue
            action = "void" if (entity == "invoice" and attr.key == "voided" and new) else "change"
            note = getattr(obj, "void_reason", "") if action == "void" else ""
            rows.append(_row(at, entity, _pk(obj), action, attr.key, _text(old), _text(new), note))
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


_NATURAL_KEYS = {"customer": "code", "invoice": "number"}


def _do_orm_execute(state) -> Any:
    """ORM bulk inserts and updates (lists of rows, as imports use) are audited row by row."""
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
        keys = sorted({k for p in params for k in p if k != pk})
        ids = [p[pk] for p in params if pk in p]
        old: dict[Any, dict] = {}
        for i in range(0, len(ids), 900):
            q = select(getattr(cls, pk), *(getattr(cls, k) for k in keys)).where(getattr(cls, pk).in_(ids[i:i + 900]))
            for r in session.connection().execute(q):
                old[r[0]] = dict(zip(keys, r[1:], strict=True))
        result = state.invoke_statement()
        rows = [_row(at, entity, p[pk], "change", k, _text(old.get(p[pk], {}).get(k)), _text(v))
                for p in params for k, v in p.items() if k != pk and _text(old.get(p[pk], {}).get(k)) != _text(v)]
    else:
        result = state.invoke_statement()
        ids = _inserted_ids(session, cls, entity, params)
        rows = []
        for p, pid in zip(params, ids, strict=True):
            action, note = "create", ""
            if entity == "payment" and p.get("method") in ADJUSTMENT_METHODS:
                action, note = ADJUSTMENT_METHODS[p["method"]], p.get("reference", "")
            if entity == "allocation":
                note = f"payment {p.get('payment_id')} to invoice {p.get('invoice_id')}"
            rows.append(_row(at, entity, pid, action, new=_json(p), note=note))
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


def entries(session: Session, entity: str, entity_id: int) -> list[AuditEntry]:
    q = (select(AuditEntry).where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
         .order_by(AuditEntry.id))
    return list(session.scalars(q))
