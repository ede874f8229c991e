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
from day_number_guard import Guard

TODAY = dt.date(2026, 3, 31)

_DAY_NUMBERS = Guard()
_DAY_NUMBERS.install()


@pytest.fixture(autouse=True)
def _day_numbers_compared_as_days():
    """Fails a test whose SQL compares a day-number column with ISO text (tests/day_number_guard.py)."""
    _DAY_NUMBERS.seen.clear()
    yield
    if _DAY_NUMBERS.seen:
        report = _DAY_NUMBERS.report()
        _DAY_NUMBERS.seen.clear()
        pytest.fail(report, pytrace=False)


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


# ---- real disks that say no: a read-only folder and a full disk -----------------------------------------
# As root (test.sh runs as root) these are real mounts: a read-only bind mount, and a small tmpfs that fills
# up. Without the right to mount, a read-only folder falls back to permission bits (which stop a non-root
# user); a full disk cannot be had without mounting, and those tests say so when skipped.

def _mount(*args: str) -> bool:
    import subprocess

    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


def _umount(path: Path) -> None:
    import subprocess

    subprocess.run(["umount", "-l", str(path)], capture_output=True)


@pytest.fixture
def read_only_dir():
    """read_only_dir(folder): make ``folder`` read-only for the rest of the test (a real read-only mount)."""
    import os

    undo = []

    def make(folder: Path) -> Path:
        if os.geteuid() == 0:
            if not (_mount("--bind", str(folder), str(folder))
                    and _mount("-o", "remount,ro,bind", str(folder), str(folder))):
                _umount(folder)
                pytest.skip("cannot mount here (no CAP_SYS_ADMIN): no read-only folder for root")
            undo.append(lambda: _umount(folder))
        else:
            for p in [folder, *folder.rglob("*")]:
                p.chmod(p.stat().st_mode & ~0o222)
            undo.append(lambda: [p.chmod(p.stat().st_mode | 0o200) for p in [folder, *folder.rglob("*")]])
        return folder

    yield make
    for u in reversed(undo):
        u()


@pytest.fixture
def small_disk(tmp_path):
    """small_disk(kib): a fresh folder on its own tmpfs of ``kib`` KiB, for filling up (root only)."""
    import os

    mounted = []

    def make(kib: int, name: str = "disk") -> Path:
        folder = tmp_path / name
        folder.mkdir()
        if os.geteuid() != 0 or not _mount("-t", "tmpfs", "-o", f"size={kib}k", "tmpfs", str(folder)):
            pytest.skip("a full disk needs a tmpfs mount (root with CAP_SYS_ADMIN)")
        mounted.append(folder)
        return folder

    yield make
    for folder in mounted:
        _umount(folder)


@pytest.fixture
def fill_disk():
    """fill_disk(folder): fill the disk holding ``folder`` to the last byte."""
    return _fill


def _fill(folder: Path) -> None:
    import errno

    with open(folder / "filler.bin", "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 65536)
        except OSError as e:
            assert e.errno == errno.ENOSPC
        try:
            while True:
                f.write(b"\0")
        except OSError:
            pass
