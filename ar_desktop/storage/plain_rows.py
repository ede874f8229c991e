"""Rows of a SQLAlchemy query as plain tuples, straight from the DB-API cursor.

SQLAlchemy's result processing (a Row object per row, a regular expression per date column) costs
more than SQLite's own work for the reads of tens of thousands of rows the Overview, the forecast
and the reports make. ``plain_rows`` runs the same statement, in the session's transaction, and
returns what SQLite returns: dates as ISO text (``dt.date.fromisoformat``), booleans as 0/1.

Compiled statements are kept per cache key (the statement's shape; its values are read from the
key each time), as SQLAlchemy does, so repeating a question does not compile it again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from sqlalchemy.orm import Session

_CACHE_SIZE = 64
_cache: OrderedDict = OrderedDict()
_lock = threading.Lock()


def plain_rows(s: Session, stmt) -> list[tuple]:
    conn = s.connection()
    dialect = conn.dialect
    key = stmt._generate_cache_key()
    compiled = None
    if key is not None:
        with _lock:
            compiled = _cache.get((dialect, key.key))
            if compiled is not None:
                _cache.move_to_end((dialect, key.key))
    if compiled is None:
        compiled = dialect.statement_compiler(dialect, stmt, cache_key=key)
        if compiled.post_compile_params:   # an expanding IN list: pass the values as json_each instead
            raise ValueError("plain_rows takes no IN (...) list of values")
        if key is not None:
            with _lock:
                _cache[(dialect, key.key)] = compiled
                while len(_cache) > _CACHE_SIZE:
                    _cache.popitem(last=False)
    params = compiled.construct_params(extracted_parameters=key.bindparams if key is not None else None)
    processors = compiled._bind_processors
    args = [processors[k](params[k]) if k in processors else params[k] for k in compiled.positiontup]
    cur = conn.connection.dbapi_connection.cursor()
    try:
        return cur.execute(compiled.string, args).fetchall()
    finally:
        cur.close()
