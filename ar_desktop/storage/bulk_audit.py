"""The audit entry of rows written in bulk, without SQLAlchemy: ONE entry for a whole batch, with who, when,
the source file's name and SHA-256, and per kind of record the row count and id range (storage.orm_audit
writes it through the session when the transaction commits; storage.plain_invoices on its plain connection).
The file itself is the evidence of what the rows said."""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

IMPORT_ENTITY = "import"
# audit_entry's columns as the ORM stores them (storage.orm_audit.AuditEntry; ``at`` as SQLAlchemy's SQLite
# DATETIME text: tests/storage/test_plain_invoices.py compares the two paths' entries)
ENTRY_COLUMNS = ("at", "entity", "entity_id", "action", "field", "old_value", "new_value", "note", "who")


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


_WHO: list[str] = []


def who() -> str:
    """The user name the computer gives this session (the same for every entry it writes)."""
    if not _WHO:
        try:
            _WHO.append(getpass.getuser())
        except (OSError, KeyError, ImportError):  # no user name in the environment or passwd
            _WHO.append("")
    return _WHO[0]


def audit_row(at, entity, entity_id, action, old=None, new=None, note="") -> dict:
    return dict(at=at, entity=entity, entity_id=entity_id, action=action, field="", old_value=old, new_value=new,
                note=note, who=who())


@dataclass(frozen=True)
class BulkSource:
    """Where rows written in bulk came from: a file's name and the SHA-256 of its bytes ("" when
    the rows were not read from a file, e.g. generated)."""

    file_name: str
    sha256: str = ""
    kind: str = "import"   # what wrote them, e.g. "import", "import-company"

    @classmethod
    def of_file(cls, path: str | Path, kind: str = "import") -> BulkSource:
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        return cls(Path(path).name, digest.hexdigest(), kind)


@dataclass
class BulkCounts:
    """Rows of one kind written in bulk by one writer: how many, and the range of their ids."""

    rows: int = 0
    first_id: int | None = None
    last_id: int | None = None

    def add(self, n: int, first: int | None, last: int | None) -> None:
        self.rows += n
        if first is not None:
            self.first_id = first if self.first_id is None else min(self.first_id, first)
        if last is not None:
            self.last_id = last if self.last_id is None else max(self.last_id, last)


class BulkBatch:
    """One batch of bulk writes and its ONE audit entry, written when the transaction commits (so it exists
    exactly when the rows do). The bulk writers fill it (storage.bulk_holds)."""

    def __init__(self, source: BulkSource):
        self.source = source
        self.counts: dict[str, BulkCounts] = {}

    def added(self, entity: str, n: int, first: int | None, last: int | None) -> None:
        if n:
            self.counts.setdefault(entity, BulkCounts()).add(n, first, last)

    def entry(self, at: dt.datetime) -> dict | None:
        if not self.counts:
            return None
        details = {"file": self.source.file_name, "sha256": self.source.sha256,
                   "rows": {e: {"count": c.rows, "first_id": c.first_id, "last_id": c.last_id}
                            for e, c in sorted(self.counts.items())}}
        return audit_row(at, IMPORT_ENTITY, None, "import",
                         new=json.dumps(details, ensure_ascii=False, sort_keys=True),
                         note=f"{self.source.kind}: {self.source.file_name}")
