"""Backing up, describing, restoring and checking company files.

- ``back_up`` copies the open file with SQLite's online backup (consistent while in use).
- Closing a file that was changed makes an automatic backup in ``<stem>.backups/`` (the newest
  ``backup_keep`` are kept, default 10); every schema migration is preceded by a backup too.
- ``restore`` checks the backup (integrity, company file, schema version), backs up the current
  file, then replaces it atomically.
- ``check`` runs SQLite's integrity check and the books' consistency rules.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ar_desktop.domain.errors import UserError
from ar_desktop.services.context import Books
from ar_desktop.services.progress import NO_PROGRESS, Progress
from ar_desktop.storage import company_repo
from ar_desktop.storage.backup import backup_file
from ar_desktop.storage.engine import APPLICATION_ID, known_revisions
from ar_desktop.storage.lock import FileLock
from ar_desktop.storage.safety import (DEFAULT_KEEP, KEEP_SETTING, DamagedFile, DiskFull, FileBusy, ReadOnlyFile,
                                       StorageError, backups_dir, consistency_of, describe_file, drop_wal,
                                       fsync_dir, integrity_problems, latest_backup, list_backups, rotating_backup)

__all__ = ["BackupInfo", "CheckReport", "DamagedFile", "DiskFull", "FileBusy", "ReadOnlyFile", "RestoreResult",
           "StorageError", "automatic_backups", "back_up", "backup_keep", "backups_dir_of", "check", "check_path",
           "describe_backup", "latest_good_backup", "restore", "set_backup_keep"]


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    company: str
    schema: str
    counts: dict[str, int]
    last_change: dt.datetime | None
    size: int
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    def describe(self) -> str:
        when = self.last_change.strftime("%Y-%m-%d %H:%M") if self.last_change else "unknown"
        counts = ", ".join(f"{n} {k}" for k, n in self.counts.items())
        state = "sound" if self.ok else "DAMAGED: " + "; ".join(self.problems[:3])
        return (f"{self.path.name}: company '{self.company}', {counts}; last change {when}; "
                f"schema {self.schema}; {self.size / 2**20:.1f} MB; {state}")


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    previous_saved_as: Path


@dataclass
class CheckReport:
    path: Path
    integrity: list[str] = field(default_factory=list)
    consistency: list[str] = field(default_factory=list)
    quick: bool = False

    @property
    def ok(self) -> bool:
        return not self.integrity and not self.consistency

    def text(self) -> str:
        lines = [f"Checked {self.path}",
                 f"integrity ({'quick_check' if self.quick else 'integrity_check'}): "
                 + ("ok" if not self.integrity else f"{len(self.integrity)} problem(s)")]
        lines += [f"  - {p}" for p in self.integrity[:50]]
        lines.append("consistency: " + ("ok" if not self.consistency else f"{len(self.consistency)} problem(s)"))
        lines += [f"  - {p}" for p in self.consistency[:50]]
        lines.append("result: " + ("OK" if self.ok else "PROBLEMS FOUND"))
        return "\n".join(lines) + "\n"


def _file_error(path: Path, e: OSError) -> UserError:
    if getattr(e, "errno", None) == 28:
        return DiskFull(f"The disk is full; {path.name} was not written. Free some space or choose another disk.")
    return UserError(f"Cannot write {path}: {e.strerror or e}. Choose a folder you may write to.")


def back_up(books: Books, dest: str | Path, progress: Progress = NO_PROGRESS) -> Path:
    """Copy the open company file to ``dest`` (consistent even while open); cancellable."""
    dest = Path(dest).expanduser().resolve()
    if dest == books.db.path:
        raise UserError("Choose another file for the backup; it cannot replace the company file itself.")
    if not dest.parent.is_dir():
        raise UserError(f"The folder {dest.parent} does not exist. Choose an existing folder.")
    try:
        return backup_file(books.db.path, dest,
                           lambda done, total: progress.step(done, total, f"Copying to {dest.name}"))
    except OSError as e:
        raise _file_error(dest, e) from None
    except sqlite3.Error as e:
        raise UserError(f"Cannot write the backup {dest.name} ({e}). Choose a folder with room that you may "
                        "write to.") from None


def backup_keep(books: Books) -> int:
    with books.db.session() as s:
        return int(company_repo.get_setting(s, KEEP_SETTING, DEFAULT_KEEP))


def set_backup_keep(books: Books, keep: int) -> None:
    if not 1 <= int(keep) <= 1000:
        raise UserError("Keep between 1 and 1000 automatic backups.")
    with books.db.session() as s:
        company_repo.set_setting(s, KEEP_SETTING, int(keep))


def automatic_backups(path_or_books: Books | str | Path) -> list[Path]:
    """The automatic backups beside the file, newest first."""
    return list_backups(_path(path_or_books))


def latest_good_backup(path_or_books: Books | str | Path) -> Path | None:
    return latest_backup(_path(path_or_books))


def _path(path_or_books: Books | str | Path) -> Path:
    return path_or_books.db.path if isinstance(path_or_books, Books) else Path(path_or_books).expanduser().resolve()


def describe_backup(path: str | Path) -> BackupInfo:
    """What a backup holds (company, counts, last change, schema) and whether it is sound. Read-only."""
    path = Path(path).expanduser().resolve()
    if not path.is_file():
        raise UserError(f"There is no backup file at {path}. Check the name and folder.")
    size = path.stat().st_size
    if size == 0:
        raise UserError(f"{path.name} is empty; it is not a backup of a company file.")
    try:
        d = describe_file(path, APPLICATION_ID)
    except sqlite3.DatabaseError as e:
        return BackupInfo(path, "?", "?", {}, None, size, (f"cannot be read: {e}",))
    stamps, problems = d["stamps"], d["consistency"]
    problems = integrity_problems(path) + problems
    last = max((dt.datetime.fromisoformat(str(x)) for x in stamps if x), default=None)
    if last is None:
        last = dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
    return BackupInfo(path, d["company"], d["schema"], d["counts"], last, size, tuple(problems))


def restore(books_or_path: Books | str | Path, src: str | Path) -> RestoreResult:
    """Replace a company file by a backup, after checking the backup and backing up the current file.

    An open ``Books`` is closed first (open the file again afterwards)."""
    src = Path(src).expanduser().resolve()
    info = describe_backup(src)
    if not info.ok:
        raise UserError(f"{src.name} is not a sound backup ({'; '.join(info.problems[:3])}). Choose another "
                        "backup; the company file was not changed.")
    known, _head = known_revisions()
    if info.schema not in known:
        raise UserError(f"{src.name} was written by a newer version of AR Desktop (schema {info.schema}). Install "
                        "the newer version to restore it; nothing was changed.")
    if isinstance(books_or_path, Books):
        target = books_or_path.db.path
        books_or_path.db.auto_backup = False  # the safety copy below is the backup
        books_or_path.close()
    else:
        target = Path(books_or_path).expanduser().resolve()
    if src == target:
        raise UserError("That is the company file itself; choose a backup file to restore.")
    lock = FileLock(target)
    lock.acquire()  # nobody else may have the file open while it is replaced
    try:
        saved = _save_current(target)
        tmp = target.with_name(target.name + ".restoring")
        try:
            backup_file(src, tmp)
            drop_wal(target)
            os.replace(tmp, target)
            fsync_dir(target.parent)
        except OSError as e:
            tmp.unlink(missing_ok=True)
            raise _file_error(target, e) from None
        except sqlite3.Error as e:
            tmp.unlink(missing_ok=True)
            raise UserError(f"Could not copy {src.name} ({e}); the company file was not changed.") from None
    finally:
        lock.release()
    return RestoreResult(describe_backup(target), saved)


def _save_current(target: Path) -> Path:
    if not target.exists() or target.stat().st_size == 0:
        return target
    try:
        if integrity_problems(target, full=False):
            # a damaged file cannot be copied page by page reliably: keep its bytes as they are
            import shutil

            dest = backups_dir(target) / f"{target.stem}-{dt.datetime.now():%Y%m%d-%H%M%S-%f}-damaged{target.suffix}"
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(target, dest)
            return dest
        return rotating_backup(target, 1000, "before-restore")
    except OSError as e:
        raise _file_error(target, e) from None


def check(books: Books) -> CheckReport:
    return check_path(books.db.path)


def check_path(path: str | Path) -> CheckReport:
    """SQLite's integrity check (quick_check above 200 MB) and the books' consistency rules."""
    from ar_desktop.storage.safety import QUICK_CHECK_ABOVE

    path = Path(path).expanduser().resolve()
    if not path.is_file():
        raise UserError(f"There is no company file at {path}.")
    quick = path.stat().st_size > QUICK_CHECK_ABOVE
    report = CheckReport(path, integrity_problems(path, full=not quick), quick=quick)
    if not report.integrity:
        report.consistency = consistency_of(path)
        from ar_desktop.services.letter_archive import archive_problems

        report.consistency += archive_problems(path)   # every archived letter there and unchanged; orphans
    return report


def backups_dir_of(path_or_books: Books | str | Path) -> Path:
    """The ``<stem>.backups/`` folder beside a company file (it may not exist yet)."""
    return backups_dir(_path(path_or_books))
