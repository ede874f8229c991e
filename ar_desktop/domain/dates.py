"""Dates as people write them in files: one chosen format, read strictly.

``parse_date`` (records) reads the program's own ISO dates; an import reads the format the user
chose for the file, and only that one: no ISO week dates, no two-digit years, no other digits
than 0-9. A spreadsheet's typed date cell arrives as a ``date`` and needs no format.
"""

from __future__ import annotations

import datetime as dt
import re

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, name_text, translate

ISO = "YYYY-MM-DD"
DATE_FORMATS = (ISO, "D/M/YYYY", "M/D/YYYY", "D.M.YYYY")
_ISO_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", re.ASCII)
_DMY_RE = {"/": re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})", re.ASCII),
           ".": re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})", re.ASCII)}


def check_format(fmt: str) -> str:
    if fmt not in DATE_FORMATS:
        raise UserError(Text(translate("Messages", "Unknown date format '{format}'; choose one of {choices}."),
                             format=fmt, choices=", ".join(DATE_FORMATS)))
    return fmt


def read_date(text: str | dt.date, fmt: str = ISO) -> dt.date | None:
    """The date ``text`` means in ``fmt``, or None if it is not a date written that way."""
    if isinstance(text, dt.datetime):
        return text.date()
    if isinstance(text, dt.date):
        return text
    raw = (text or "").strip()
    try:
        if fmt == ISO:
            m = _ISO_RE.fullmatch(raw)
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
        m = _DMY_RE["." if fmt == "D.M.YYYY" else "/"].fullmatch(raw)
        if not m:
            return None
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        return dt.date(y, a, b) if fmt == "M/D/YYYY" else dt.date(y, b, a)
    except ValueError:  # 31/02/2026
        return None


def parse_date_as(text: str | dt.date, fmt: str = ISO, what: str = "date") -> dt.date:
    """Read a date written in ``fmt``; refuse anything else naming the format."""
    from ar_desktop.domain.records import parse_date

    raw = text if isinstance(text, dt.date) else (text or "").strip()
    if fmt == ISO or isinstance(raw, dt.date):
        return parse_date(raw, what)
    if raw == "":
        raise UserError(Text(translate("Messages", "The {what} is empty. Enter a date as {format}."),
                             what=name_text(what), format=fmt))
    value = read_date(raw, fmt)
    if value is None:
        raise UserError(Text(translate("Messages", "'{text}' is not a valid {what} in the format {format}. "
                                                   "Choose the file's date format, or fix the cell."),
                             text=str(raw)[:40], what=name_text(what), format=fmt))
    return parse_date(value, what)


def guess_date_format(values: list[str]) -> str:
    """The format that reads every value; for D/M vs M/D, whichever a value proves (a day over 12)."""
    values = [v.strip() for v in values if isinstance(v, str) and v.strip()]
    if not values or all(_ISO_RE.fullmatch(v) for v in values):
        return ISO
    if any("." in v for v in values) and not any("/" in v for v in values):
        return "D.M.YYYY"
    first_big = second_big = False
    for v in values:
        m = _DMY_RE["/"].fullmatch(v)
        if m:
            first_big |= int(m.group(1)) > 12
            second_big |= int(m.group(2)) > 12
    return "M/D/YYYY" if second_big and not first_big else "D/M/YYYY"
