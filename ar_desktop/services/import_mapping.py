"""The wizard's mapping: which column of a file is which field, guessed from the header names and
the values, and remembered per set of header names (also after a failed attempt)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

from ar_desktop.domain.dates import DATE_FORMATS, ISO, guess_date_format
from ar_desktop.domain.money import DEFAULT_FORMAT, NUMBER_FORMATS
from ar_desktop.services.context import Books
from ar_desktop.services.importing import ImportOptions, MODES, check_kind
from ar_desktop.services.record_columns import Column, columns_for
from ar_desktop.services.source_files import SourceTable
from ar_desktop.storage import company_repo

SETTING_PREFIX = "import.mapping."


def fields_for(kind: str) -> tuple[Column, ...]:
    """The fields a column can be mapped to (derived columns that an import ignores are not offered)."""
    check_kind(kind)
    return tuple(c for c in columns_for(kind) if c.imported)


def _norm(header: str) -> str:
    return re.sub(r"[\W_]+", "", header.strip().lower())


def auto_mapping(kind: str, table: SourceTable) -> dict[str, str | None]:
    """Each header matched to a field by name or synonym; each field used at most once."""
    columns = columns_for(kind)
    out: dict[str, str | None] = {h: None for h in table.header}
    used: set[str] = set()
    for h in table.header:  # a column's own name first (exports), then synonyms in field order
        key = _norm(h)
        hit = next((c.key for c in columns if _norm(c.key) == key and c.key not in used), None)
        hit = hit or next((c.key for c in columns if c.imported and key in c.synonyms and c.key not in used), None)
        if hit:
            out[h] = hit
            used.add(hit)
    for h, f in list(out.items()):  # a numeric or long "country" is not an ISO code: keep it as notes
        if f in ("customer_country", "country"):
            values = [v.strip() for v in table.column(h, 200) if isinstance(v, str) and v.strip()]
            values += [str(v) for v in table.column(h, 200) if isinstance(v, Decimal)]
            if values and not all(len(v) == 2 and v.isalpha() for v in values):
                notes = "customer_notes" if kind == "invoices" else "notes"
                out[h] = notes if notes not in used else None
                used.add(notes)
    return out


def mapping_key(kind: str, header: list[str]) -> str:
    digest = hashlib.sha1("\x1f".join(sorted(h.strip().lower() for h in header)).encode()).hexdigest()[:20]
    return f"{SETTING_PREFIX}{kind}.{digest}"


def suggest_options(books: Books, table: SourceTable, kind: str) -> ImportOptions:
    """The remembered options for files with these headers, else a guessed mapping and formats.
    Unknown customers are never created unless the user ticks it (a typo must not become a customer)."""
    check_kind(kind)
    with books.db.session() as s:
        saved = company_repo.get_setting(s, mapping_key(kind, table.header))
    if isinstance(saved, dict):
        try:
            valid = {c.key for c in columns_for(kind)}
            mapping = {h: (f if (f := saved["mapping"].get(h)) in valid else None) for h in table.header}
            dates = saved.get("date_format", ISO)
            numbers = saved.get("number_format", DEFAULT_FORMAT.key)
            mode = saved.get("mode", "refuse")
            if dates in DATE_FORMATS and numbers in NUMBER_FORMATS and mode in MODES:
                return ImportOptions(kind, mapping, dates, numbers, mode, False)
        except (KeyError, AttributeError, TypeError):
            pass  # an unreadable remembered mapping is ignored
    mapping = auto_mapping(kind, table)
    types = {c.key: c.type for c in columns_for(kind)}
    dates = [v for h, f in mapping.items() if f and types[f] == "date" for v in table.column(h)]
    amounts = [v for h, f in mapping.items() if f and types[f] == "money" for v in table.column(h)]
    return ImportOptions(kind, mapping, guess_date_format(dates), guess_number_format(amounts), "refuse", False)


def guess_number_format(values: list[Any]) -> str:
    texts = [v.strip() for v in values if isinstance(v, str) and v.strip()]
    comma = sum(bool(re.search(r",[0-9]{1,2}$", v)) for v in texts)
    dot = sum(bool(re.search(r"\.[0-9]{1,2}$", v)) for v in texts)
    if comma > dot:
        return "comma-point" if any("." in v for v in texts) else "comma"
    return DEFAULT_FORMAT.key


def _saved(table: SourceTable, options: ImportOptions) -> dict:
    return {"header": table.header, "mapping": options.mapping, "date_format": options.date_format,
            "number_format": options.number_format, "mode": options.mode}


def remember_options(books: Books, table: SourceTable, options: ImportOptions) -> None:
    """Keep the mapping the user chose, at once (also when the import is then refused)."""
    with books.db.session() as s:
        remember_options_in(s, table, options)


def remember_options_in(s, table: SourceTable, options: ImportOptions) -> None:
    company_repo.set_setting(s, mapping_key(options.kind, table.header), _saved(table, options))


__all__ = ["auto_mapping", "fields_for", "guess_number_format", "mapping_key", "remember_options", "replace",
           "suggest_options"]
