"""Shared fixtures: real company files in tmp_path, a fixed 'today', and CSV helpers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from ar_desktop.clock import FixedClock
from ar_desktop.services.company_file import create_company
from ar_desktop.services.context import Books

TODAY = dt.date(2026, 3, 31)


def write_csv(path: Path, lines: list[str] | str, *, encoding: str = "utf-8", bom: bool = False) -> Path:
    """Write CSV lines (joined with \\n) exactly as given; ``bom`` prepends a UTF-8 byte-order mark."""
    text = lines if isinstance(lines, str) else "\n".join(lines) + "\n"
    data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture
def books(tmp_path: Path) -> Iterator[Books]:
    b = create_company(tmp_path / "books.ardb", "Test Trading Ltd", "EUR", "DE", clock=FixedClock(TODAY))
    try:
        yield b
    finally:
        b.close()


@pytest.fixture
def csv_file(tmp_path: Path):
    """csv_file(lines, name='x.csv', **kw) -> path of a CSV file written in tmp_path."""
    counter = iter(range(10_000))

    def make(lines: list[str] | str, name: str | None = None, **kw) -> Path:
        return write_csv(tmp_path / (name or f"data{next(counter)}.csv"), lines, **kw)

    return make
