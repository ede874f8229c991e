"""One writer per company file: an OS lock on the database file itself, dropped by the system if the process dies.

The lock is taken on the file's inode, not on a name beside it, so every name of the same file - a hard
link, a symbolic link, another spelling of the path - meets the same lock. SQLite's own locks are POSIX
record locks (``fcntl``); ``flock`` locks are separate from those on Linux and macOS local disks, so holding
one never blocks SQLite (another process can still read the file, e.g. for an online backup).
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, translate

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    # Windows locks are mandatory, so lock a byte SQLite never reads or writes: inside its lock-byte page
    # (the page at 1 GiB is reserved for locking; SQLite uses only its first 512 bytes).
    _LOCK_OFFSET = 0x40000000 + 600

    def try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
else:
    import fcntl

    def try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError as e:
            if e.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return False
            raise


_HELD: set[tuple[int, int]] = set()  # (device, inode) of the files this process holds


def _key(st: os.stat_result) -> tuple[int, int]:
    return st.st_dev, st.st_ino


def _busy(path: Path) -> UserError:
    return UserError(Text(translate("Messages", "{name} is already open in another AR Desktop window or process. "
                                    "Close it there first, then open it here."), name=path.name))


class FileLock:
    """An exclusive lock on ``db_path`` (created empty when ``create``). ``release`` must come after every
    SQLite connection of this process to the file is closed: closing our descriptor would otherwise drop
    SQLite's POSIX locks on the same file."""

    def __init__(self, db_path: Path):
        self.path = Path(db_path)
        self._fd: int | None = None

    def acquire(self, *, create: bool = False) -> None:
        # A file this process holds is refused before a descriptor is opened on it: closing that descriptor
        # again would drop SQLite's POSIX locks on the file (they belong to the process, not the descriptor).
        with contextlib.suppress(OSError):
            if _key(os.stat(self.path)) in _HELD:
                raise _busy(self.path)
        flags = (os.O_RDWR | os.O_CREAT) if create else os.O_RDONLY
        try:
            fd = os.open(self.path, flags | getattr(os, "O_CLOEXEC", 0), 0o644)
        except OSError as e:
            raise _open_error(self.path, e) from None
        try:
            locked = try_lock(fd)
        except OSError as e:
            os.close(fd)
            raise UserError(Text(translate("Messages", "Cannot lock {name}: {reason}. Keep company files on a local "
                                           "disk (network folders may not support locks)."),
                                 name=self.path.name, reason=e.strerror)) from None
        if not locked:
            os.close(fd)
            raise _busy(self.path)
        self._fd = fd
        self._key = _key(os.fstat(fd))
        _HELD.add(self._key)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is not None:
            _HELD.discard(self._key)
            os.close(self._fd)  # the system drops the lock with the descriptor
            self._fd = None


def is_locked_elsewhere(path: Path) -> bool:
    """True when some AR Desktop process (this one included) holds the lock on ``path``."""
    probe = FileLock(path)
    try:
        probe.acquire()
    except UserError:
        return Path(path).exists()
    probe.release()
    return False


def _open_error(path: Path, e: OSError) -> UserError:
    if e.errno == errno.ENOENT:
        return UserError(Text(translate("Messages", "There is no company file at {path}. Check the name, or create it "
                                        "with File ▸ New."), path=str(path)))
    if e.errno == errno.ENOSPC:
        from ar_desktop.storage.safety import DiskFull

        return DiskFull(Text(translate("Messages", "The disk holding {name} is full, so the file cannot be created. "
                                       "Free some space (or choose a disk with room), then do it again."),
                             name=path.name))
    if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        from ar_desktop.storage.safety import ReadOnlyFile

        return ReadOnlyFile(Text(translate("Messages", "Cannot open {path}: {reason}. Check that you may read the "
                                           "file and write to its folder."), path=str(path), reason=e.strerror))
    return UserError(Text(translate("Messages", "Cannot open {path}: {reason}. Check that the folder exists and "
                                    "that you may use it."), path=str(path), reason=e.strerror))
