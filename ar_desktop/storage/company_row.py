"""The company profile and its settings read in plain SQL on a DB-API connection (``Database.reader``): what
the window's title and amount style need the moment a file is open, before SQLAlchemy is imported, and the
settings the Overview's readers (forecast, today's actions) need without it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection
from dataclasses import fields
from typing import Any

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.records import CompanyProfile
from ar_desktop.domain.text import Text, translate

_COLUMNS = tuple(f.name for f in fields(CompanyProfile))  # the company table's columns of the same names


def no_profile() -> UserError:
    return UserError(Text(translate("Messages", "This company file has no company profile yet. Fill it in under "
                                                "File ▸ Company profile.")))


def read_profile(con: sqlite3.Connection) -> CompanyProfile:
    row = con.execute(f"SELECT {', '.join(_COLUMNS)} FROM company WHERE id = 1").fetchone()
    if row is None:
        raise no_profile()
    return CompanyProfile(**dict(zip(_COLUMNS, row)))


def read_settings(con: sqlite3.Connection, keys: Collection[str]) -> dict[str, Any]:
    """The stored settings among ``keys`` (company_repo.get_settings' counterpart without the ORM)."""
    return {k: json.loads(v) for k, v in con.execute("SELECT key, value FROM setting WHERE key IN "
                                                     "(SELECT value FROM json_each(?))", (json.dumps(list(keys)),))}
