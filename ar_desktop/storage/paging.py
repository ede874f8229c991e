"""A sorted, filtered list of ids read from SQL a page at a time: its length is one count, each page one
indexed query, so a list of a million rows never holds a million ids in Python.

A ``ListQuery`` says how (``count``, ``ids(offset, limit)``, ``position(id)``); ``PagedIds`` is the
sequence a table model reads, with the pages it read last kept in a small cache.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Protocol, overload

from sqlalchemy.orm import Session

__all__ = ["ListQuery", "PagedIds"]

PAGE = 200
CACHED_PAGES = 64  # ~13,000 ids: what a user scrolls back and forth over


class ListQuery(Protocol):
    def count(self, s: Session) -> int: ...

    def ids(self, s: Session, offset: int, limit: int) -> list[int]: ...

    def position(self, s: Session, ident: int) -> int | None: ...


class PagedIds(Sequence[int]):
    """The ids ``query`` keeps, in its order; each read opens a session from ``session`` (a context manager)."""

    def __init__(self, session: Callable[[], AbstractContextManager[Session]], query: ListQuery, *,
                 page: int | None = None):
        self._session = session
        self.query = query
        self._page = page or PAGE
        self._count: int | None = None
        self._pages: OrderedDict[int, list[int]] = OrderedDict()

    def __len__(self) -> int:
        if self._count is None:
            with self._session() as s:
                self._count = self.query.count(s)
        return self._count

    def page(self, number: int) -> list[int]:
        """The ids of page ``number`` (``page`` ids each; the last one shorter)."""
        if number in self._pages:
            self._pages.move_to_end(number)
            return self._pages[number]
        with self._session() as s:
            ids = self.query.ids(s, number * self._page, self._page)
        self._pages[number] = ids
        while len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)
        return ids

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return [self[i] for i in range(start, stop, step)]
            out: list[int] = []
            for number in range(start // self._page, (stop - 1) // self._page + 1 if stop > start else 0):
                ids = self.page(number)
                first = number * self._page
                out.extend(ids[max(start - first, 0):max(stop - first, 0)])
            return out
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        number, offset = divmod(index, self._page)
        ids = self.page(number)
        if offset >= len(ids):  # the rows changed since the count
            raise IndexError(index)
        return ids[offset]

    def __iter__(self) -> Iterator[int]:
        for number in range((len(self) + self._page - 1) // self._page):
            yield from self.page(number)

    def index(self, ident: int, start: int = 0, stop: int | None = None) -> int:
        """Where ``ident`` stands: from the pages read already, else asked of the database."""
        for number, ids in self._pages.items():
            if ident in ids:
                return number * self._page + ids.index(ident)
        with self._session() as s:
            found = self.query.position(s, ident)
        if found is None:
            raise ValueError(f"{ident} is not in the list")
        return found

    def __contains__(self, ident: object) -> bool:
        try:
            self.index(ident)  # type: ignore[arg-type]
        except ValueError:
            return False
        return True
