"""Search as you type over a million invoices: SQL conditions that an index answers.

Two trigram full-text indexes (SQLite FTS5, storage.list_schema) are kept in step with their tables by triggers:
``invoice_search`` over the invoice's number, reference and description, ``customer_search`` over the
customer's code, name, city and contact. A term of three characters or more matches any substring,
ignoring case (Unicode case for customers' names; the invoice texts' index stores no positions, so a
candidate is confirmed against the row itself). A shorter term matches the start of the invoice number or
of the customer's code or name, where plain B-tree indexes answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from sqlalchemy import ColumnElement, text

from ar_desktop.storage.sql_functions import folded_contains

__all__ = ["MIN_SUBSTRING", "SearchTerm", "customer_condition", "folded_contains", "invoice_condition"]

MIN_SUBSTRING = 3  # characters: a trigram index finds substrings at least this long


@dataclass(frozen=True)
class SearchTerm:
    """What the user typed, trimmed; empty means no search."""

    text: str

    @classmethod
    def of(cls, raw: str) -> SearchTerm:
        return cls(" ".join(raw.split()))

    def __bool__(self) -> bool:
        return bool(self.text)

    @property
    def substring(self) -> bool:
        return len(self.text) >= MIN_SUBSTRING

    def phrase(self) -> str:
        """An FTS5 query for the term as one phrase (a substring in a trigram index that keeps positions)."""
        return '"' + self.text.replace('"', '""') + '"'

    def trigrams(self) -> str:
        """An FTS5 query for every trigram of the term (for an index without positions: a superset)."""
        grams = dict.fromkeys(self.text[i:i + 3] for i in range(len(self.text) - 2))
        return " AND ".join('"' + g.replace('"', '""') + '"' for g in grams)

    def like(self) -> str:
        """A LIKE pattern for the term anywhere (with ESCAPE '\\')."""
        return "%" + _escape_like(self.text) + "%"

    def prefix(self) -> str:
        return _escape_like(self.text) + "%"

    def ascii(self) -> bool:
        return self.text.isascii()

    def case_variants(self) -> list[str]:
        """A short term in every mix of upper and lower case (at most four for two letters): the spellings a
        case-sensitive index is asked for."""
        return list(dict.fromkeys("".join(p) for p in product(*(dict.fromkeys((c.lower(), c.upper()))
                                                                 for c in self.text))))


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _next_prefix(value: str) -> str:
    """The smallest string after every string that starts with ``value`` (for a range on an index)."""
    return value[:-1] + chr(ord(value[-1]) + 1)


def _customers_matching(term: SearchTerm, columns: tuple[str, ...], p: dict, *, short: str) -> str:
    """SQL: the ids of the customers whose ``columns`` match the term (a short term: ``short`` is the LIKE
    pattern, the term at the start or anywhere; the customer table is small enough to read)."""
    if term.substring:
        p["customer_phrase"] = "{" + " ".join(columns) + "}: " + term.phrase()
        return "SELECT rowid FROM customer_search WHERE customer_search MATCH :customer_phrase"
    p["customer_like"] = short
    return "SELECT id FROM customer WHERE " + " OR ".join(f"{c} LIKE :customer_like ESCAPE '\\'" for c in columns)


def invoice_condition(term: SearchTerm, alias: str = "i") -> tuple[str, dict]:
    """SQL condition on ``invoice AS alias``: the invoice's number, reference or description contains the term,
    or its customer's code or name does (a short term: the number or the customer's code or name starts with it).

    Written as an OR of indexed terms on the row itself, which SQLite answers by a union of index lookups
    (a subquery returning ids would make it read every matched row once more)."""
    p: dict = {}
    own: list[str] = []
    if term.substring:
        p["trigrams"], p["pattern"] = term.trigrams(), term.like() if term.ascii() else term.text
        check = "{c} LIKE :pattern ESCAPE '\\'" if term.ascii() else "ar_contains({c}, :pattern)"
        confirmed = " OR ".join(check.format(c=f"{alias}.{c}") for c in ("number", "reference", "description"))
        own.append(f"({alias}.id IN (SELECT rowid FROM invoice_search WHERE invoice_search MATCH :trigrams) "
                   f"AND ({confirmed}))")
    else:
        for k, variant in enumerate(term.case_variants()):
            p[f"lo{k}"], p[f"hi{k}"] = variant, _next_prefix(variant)
            own.append(f"({alias}.number >= :lo{k} AND {alias}.number < :hi{k})")
    customers = _customers_matching(term, ("code", "name"), p, short=term.prefix())
    return "(" + " OR ".join([*own, f"{alias}.customer_id IN ({customers})"]) + ")", p


def customer_condition(term: SearchTerm, alias: str = "c") -> tuple[str, dict]:
    """SQL condition on ``customer AS alias``: its code, name, city or contact contains the term."""
    p: dict = {}
    found = _customers_matching(term, ("code", "name", "city", "contact"), p, short=term.like())
    return f"({alias}.id IN ({found}))", p


def as_clause(condition: tuple[str, dict]) -> ColumnElement[bool]:
    sql, params = condition
    return text(sql).bindparams(**params)
