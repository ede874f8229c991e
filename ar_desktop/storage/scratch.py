"""Temporary files a kill or a full disk could leave behind, and tidying them on the next open.

A use case that writes a temporary file beside its destination (a backup's ``.part``, an export's ``.part``,
a restore's ``.restoring``) notes it first in ``<stem>.backups/.pending/`` of the company file, one small note
per temporary file, locked while its writer lives. Opening the company file removes the temporary files whose
writer is gone - the noted ones wherever they are, and those beside the company file itself - and their notes.
A temporary file still locked by a living writer (e.g. an online backup another process is making) is left alone.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

from ar_desktop.storage.lock import try_lock

PENDING = ".pending"
SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")


def is_temp_name(path: Path) -> bool:
    """Names only this program gives its temporary files: nothing else is ever removed."""
    name = Path(path).name
    return name.endswith((".part", ".restoring")) or (name.startswith(".") and name.endswith(".tmp"))


@contextlib.contextmanager
def tracked(company: Path, temp: Path) -> Iterator[None]:
    """Note ``temp`` while the block runs, so that the next open removes it if the process dies meanwhile.

    Best effort: when the note cannot be written (read-only or full disk) the work goes on; the temporary file
    is still removed by the block's own error handling, only a kill would then leave it."""
    from ar_desktop.storage.safety import backups_dir

    note: tuple[Path, int] | None = None
    try:
        folder = backups_dir(company) / PENDING
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{uuid.uuid4().hex}.note"
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        note = (path, fd)
        try_lock(fd)
        os.write(fd, os.fsencode(str(Path(temp).absolute())))
    except OSError:
        pass
    try:
        yield
    finally:
        if note is not None:
            with contextlib.suppress(OSError):
                note[0].unlink()
            os.close(note[1])


def _remove_if_abandoned(temp: Path) -> bool:
    """Remove a temporary file (and SQLite's side files of it) unless a living writer holds its lock."""
    try:
        fd = os.open(temp, os.O_RDONLY)
    except FileNotFoundError:
        fd = None
    except OSError:
        return False
    try:
        if fd is not None and not try_lock(fd):
            return False
        removed = False
        for p in (temp, *(Path(f"{temp}{s}") for s in SQLITE_SIDE_FILES)):
            try:
                p.unlink()
                removed = True
            except FileNotFoundError:
                pass
        return removed
    except OSError:
        return False
    finally:
        if fd is not None:
            os.close(fd)


def tidy(company: Path) -> list[Path]:
    """Remove what interrupted work left behind for ``company``; returns the files removed.

    Called by the lock holder on open, so nobody else is writing the company file's own temporary files."""
    from ar_desktop.storage.safety import backups_dir

    company = Path(company)
    removed: list[Path] = []
    candidates: list[Path] = []
    pending = backups_dir(company) / PENDING
    notes = sorted(pending.glob("*.note")) if pending.is_dir() else []
    for note in notes:
        try:
            fd = os.open(note, os.O_RDONLY)
        except OSError:
            continue
        try:
            if not try_lock(fd):
                continue  # its writer is still at work
            temp = Path(os.fsdecode(os.read(fd, 65536)))
        except OSError:
            continue
        finally:
            os.close(fd)
        if temp.is_absolute() and is_temp_name(temp):
            candidates.append(temp)
        with contextlib.suppress(OSError):
            note.unlink()
    candidates.append(company.with_name(company.name + ".restoring"))
    # only the exact names this program gives them: a browser's download.part beside the file is not ours
    candidates += company.parent.glob(f"{company.stem}.before-upgrade-*{company.suffix}.bak.part")
    if backups_dir(company).is_dir():
        candidates += backups_dir(company).glob(f"{company.stem}-*{company.suffix}.part")
    letters = company.with_name(f"{company.stem}.letters")
    if letters.is_dir():
        candidates += [p for p in letters.rglob(".*.tmp") if p.is_file()]
    for temp in dict.fromkeys(candidates):
        if _remove_if_abandoned(temp):
            removed.append(temp)
    return removed
