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
                replace: bool = False, company: Path | None = None, source_checked: bool = False) -> Path:
    """Copy ``source`` to ``dest``; ``progress(done_pages, total_pages)`` may raise to cancel.

    The copy is written to ``dest.part`` (locked, noted for tidying under ``company``), checked with SQLite's
    integrity check, synced, and only then given its name: never over an existing ``dest`` unless ``replace``
    (the caller has made sure that replacing it is safe). A damaged source gives no backup (DamagedFile).

    ``source_checked``: the source passed its integrity check in this session and the program has been its
    only writer since (the automatic backup on closing, ``storage.engine``). Its copy is then checked with
    SQLite's ``quick_check`` (every page and b-tree readable and well formed) and compared with the source
    page for page count and header fields (``_same_shape``), not with the full ``integrity_check``, which
    also reads every index against its table: seconds on a big file, at every close. A backup the
    bookkeeper asks for, the copy before an upgrade and a restore keep the full check."""
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
                shape = (source_checked and progress is None and _copy_file(source, tmp, fd)) \
                    or _copy_pages(source, tmp, progress)
                problems = safety.integrity_problems(tmp, full=False if source_checked else None)
                if not problems and source_checked and shape[0] != shape[1]:
                    problems = [f"the copy differs from the file in its header or size ({shape[1]} != {shape[0]})"]
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


def _copy_pages(source: Path, tmp: Path, progress: Callable[[int, int], None] | None) -> tuple[tuple, tuple]:
    """Copy the pages; returns the shape (``_shape``) of the source as copied and of the copy."""
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
            # the source read in one transaction after the copy: what a finished backup copied, unless a
            # write came in between (another process), which the comparison then reports as a difference
            return _shape(src), _shape(out)
        finally:
            out.close()
    finally:
        src.close()


def _copy_file(source: Path, tmp: Path, fd: int) -> tuple[tuple, tuple] | None:
    """The checked source's bytes copied to ``fd`` (``tmp``) by the system, while a read transaction holds its
    snapshot; returns the shapes as ``_copy_pages`` does, or None (nothing copied) when the file is not all
    in its main file: then SQLite's backup copies it page by page.

    A read transaction begun with an empty write-ahead log reads the main file alone, and while it lasts
    SQLite copies nothing into that file (a checkpoint stops at the oldest reader: writes go to the log), so
    its bytes are the snapshot. The closing backup comes right after the checkpoint that empties the log; the
    page-by-page copy costs ~10 µs CPU a page (a second for a million invoices, and much of the wall time)."""
    from ar_desktop.storage.safety import uri_path

    try:
        src = sqlite3.connect(f"file:{uri_path(source)}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        src.execute("BEGIN")
        shape = _shape(src, begin=False)   # (reads the schema: the snapshot is taken here)
        wal = Path(f"{source}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return None
        os.lseek(fd, 0, os.SEEK_SET)
        with open(source, "rb", buffering=0) as f:
            size, done = os.fstat(f.fileno()).st_size, 0
            while done < size:
                if hasattr(os, "sendfile"):
                    n = os.sendfile(fd, f.fileno(), done, min(size - done, 1 << 30))
                else:
                    n = os.write(fd, f.read(min(size - done, 1 << 20)))
                if n <= 0:
                    raise OSError(errno.EIO, f"copying {source.name} stopped at byte {done} of {size}")
                done += n
                if not hasattr(os, "sendfile"):
                    f.seek(done)
        src.execute("COMMIT")
    finally:
        src.close()
    out = sqlite3.connect(tmp)
    try:
        out.execute("PRAGMA journal_mode=DELETE")  # the copy stands alone: no -wal to lose beside it
        return shape, _shape(out)
    finally:
        out.close()


def _shape(con: sqlite3.Connection, *, begin: bool = True) -> tuple:
    """What a page copy must give back exactly: the header's page size, page count, free pages, encoding,
    application id and user version (not the schema cookie: SQLite raises the copy's), and the schema
    itself (each table's and index's root page and definition). ``begin``: in a read transaction of its own."""
    if begin:
        con.execute("BEGIN")
    try:
        fields = tuple(con.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: S608 - fixed names
                       for name in ("page_size", "page_count", "freelist_count", "encoding", "application_id",
                                    "user_version"))
        schema = con.execute("SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master ORDER BY name").fetchall()
    finally:
        if begin:
            con.execute("COMMIT")
    return fields, tuple(schema)


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


def timestamped_backup(source: Path, reason: str, progress: Callable[[int, int], None] | None = None) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = source.with_name(f"{source.stem}.{reason}-{stamp}{source.suffix}.bak")
    return backup_file(source, dest, progress)
