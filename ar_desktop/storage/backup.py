"""Copies of a company file made with SQLite's online backup: consistent even while the file is open and
being written elsewhere, read-only on the source, and checked before the copy gets its name."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, translate
from ar_desktop.storage import scratch
from ar_desktop.storage.lock import try_lock

PAGES_PER_STEP = 4096  # 16 MB at a time: progress moves, the file stays usable in between


def backup_file(source: Path, dest: Path, progress: Callable[[int, int], None] | None = None, *,
                replace: bool = False, company: Path | None = None) -> Path:
    """Copy ``source`` to ``dest``; ``progress(done_pages, total_pages)`` may raise to cancel.

    The copy is written to ``dest.part`` (locked, noted for tidying under ``company``), checked with SQLite's
    integrity check, synced, and only then given its name: never over an existing ``dest`` unless ``replace``
    (the caller has made sure that replacing it is safe). A damaged source gives no backup (DamagedFile)."""
    from ar_desktop.storage import safety

    source, dest = Path(source), Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    fd = os.open(tmp, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    try:
        if not try_lock(fd):
            raise UserError(Text(translate("Messages", "Another backup to {name} is under way. Wait for it to "
                                           "finish, or choose another name."), name=dest.name))
        with scratch.tracked(company or source, tmp):
            try:
                os.ftruncate(fd, 0)  # a leftover of an interrupted copy is started afresh
                for side in scratch.SQLITE_SIDE_FILES:
                    Path(f"{tmp}{side}").unlink(missing_ok=True)
                _copy_pages(source, tmp, progress)
                problems = safety.integrity_problems(tmp)
                if problems:
                    raise safety.DamagedFile(source, problems, safety.latest_backup(source))
                os.fsync(fd)
                _place(tmp, dest, replace)
                safety.fsync_dir(dest.parent)
            except BaseException:
                for p in (tmp, *(Path(f"{tmp}{s}") for s in scratch.SQLITE_SIDE_FILES)):
                    p.unlink(missing_ok=True)  # a cancelled or failed copy leaves nothing behind
                raise
    finally:
        os.close(fd)
    return dest


def _copy_pages(source: Path, tmp: Path, progress: Callable[[int, int], None] | None) -> None:
    from ar_desktop.storage.safety import connect_ro

    src = connect_ro(source)
    try:
        out = sqlite3.connect(tmp)
        try:
            if progress is None:
                src.backup(out)
            else:
                src.backup(out, pages=PAGES_PER_STEP,
                           progress=lambda _status, remaining, total: progress(total - remaining, total))
            out.execute("PRAGMA journal_mode=DELETE")  # the copy stands alone: no -wal to lose beside it
        finally:
            out.close()
    finally:
        src.close()


def _place(tmp: Path, dest: Path, replace: bool) -> None:
    """Give the finished copy its name; without ``replace`` an existing file is never touched, even one that
    appeared while the copy was being made (a hard link fails instead of overwriting)."""
    if replace:
        os.replace(tmp, dest)
        return
    try:
        os.link(tmp, dest)
    except FileExistsError:
        raise already_exists(dest) from None
    except OSError as e:
        if e.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS):
            raise
        if dest.exists() or dest.is_symlink():  # no hard links here (e.g. a FAT stick): check, then rename
            raise already_exists(dest) from None
        os.replace(tmp, dest)
        return
    with contextlib.suppress(OSError):
        tmp.unlink()


def already_exists(dest: Path) -> UserError:
    return UserError(Text(translate("Messages", "{path} already exists; it was not changed. Choose a new name for the "
                                    "backup, or replace that file on purpose (--replace on the command line)."),
                          path=str(dest)))


def timestamped_backup(source: Path, reason: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = source.with_name(f"{source.stem}.{reason}-{stamp}{source.suffix}.bak")
    return backup_file(source, dest)
