"""The Python functions every connection to a company file gives SQLite (storage.connection registers
them), kept apart from the queries that use them so that a plain connection needs no SQLAlchemy."""

from __future__ import annotations


def folded_contains(haystack: str | None, needle: str | None) -> bool:
    """SQL function ``ar_contains``: the needle appears in the haystack, ignoring case (Unicode)."""
    if haystack is None or needle is None:
        return False
    return needle.lower() in haystack.lower()
