"""One program instance per company file: an OS lock the system drops if the process dies."""

from __future__ import annotations

import os
from pathlib import Path

from ar_desktop.domain.errors import UserError

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False


class FileLock:
    def __init__(self, db_path: Path):
        self.path = Path(str(db_path) + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as e:
            raise UserError(f"Cannot open {self.path.parent}: {e.strerror}. Check that the folder exists "
                            "and that you may write to it.") from None
        if not _try_lock(fd):
            os.close(fd)
            raise UserError(f"{self.path.name[:-5]} is already open in another AR Desktop window or process. "
                            "Close it there first, then open it here.")
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
            try:
                self.path.unlink()
            except OSError:
                pass
