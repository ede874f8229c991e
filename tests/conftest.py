"""Shared fixtures: real company files in tmp_path, a fixed 'today', and CSV helpers."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ar_desktop.clock import FixedClock
from ar_desktop.services.company_file import create_company, open_company
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


def copy_company(template: Path, dest: Path) -> Path:
    """A fresh copy of a closed company file (creating one runs every migration: ~0.5 s each)."""
    shutil.copyfile(template, dest)
    for suffix in ("-wal",):
        extra = template.with_name(template.name + suffix)
        if extra.exists():
            shutil.copyfile(extra, dest.with_name(dest.name + suffix))
    return dest


@pytest.fixture(scope="session")
def copy_company_file():
    """copy_company_file(template, dest) -> dest: a fresh copy of a closed company file."""
    return copy_company


@pytest.fixture(scope="session")
def empty_company_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("templates") / "empty.ardb"
    create_company(path, "Test Trading Ltd", "EUR", "DE", clock=FixedClock(TODAY)).close()
    return path


@pytest.fixture
def books(tmp_path: Path, empty_company_template: Path) -> Iterator[Books]:
    b = open_company(copy_company(empty_company_template, tmp_path / "books.ardb"), clock=FixedClock(TODAY))
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
