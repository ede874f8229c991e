"""Backing up, describing, restoring and checking company files.

- ``back_up`` copies the open file with SQLite's online backup (consistent while in use).
- Closing a file that was changed makes an automatic backup in ``<stem>.backups/`` (the newest
  ``backup_keep`` are kept, default 10); every schema migration is preceded by a backup too.
- ``restore`` checks the backup (integrity, company file, schema version), backs up the current
  file, then replaces it atomically.
- ``check`` (services.file_check) runs SQLite's integrity check and the books' consistency rules.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.context import Books
from ar_desktop.services.file_check import CheckReport, check, check_path
from ar_desktop.services.progress import NO_PROGRESS, Progress
from ar_desktop.storage.backup import already_exists, backup_file
from ar_desktop.storage.lock import FileLock, is_locked_elsewhere
from ar_desktop.storage.safety import (APPLICATION_ID, DEFAULT_KEEP, KEEP_SETTING, DamagedFile, DiskFull, FileBusy,
                                       ReadOnlyFile, StorageError, backups_dir, describe_file, drop_wal, file_error,
                                       fsync_dir, inspect_company_file, integrity_problems, latest_backup,
                                       list_backups, in_use_by_sqlite, map_operational_error, rotating_backup)
from ar_desktop.storage.upgrade import known_revisions

__all__ = ["BackupInfo", "CheckReport", "DamagedFile", "DiskFull", "FileBusy", "ReadOnlyFile", "RestoreResult",
           "StorageError", "automatic_backups", "back_up", "backup_keep", "backups_dir_of",
           "check", "check_path", "describe_backup", "latest_good_backup", "restore", "set_backup_keep"]


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


_WORKING_FILES = ("-wal", "-shm", "-journal", ".lock", ".part", ".restoring")


def back_up(source: Books | str | Path, dest: str | Path, progress: Progress = NO_PROGRESS, *,
            replace: bool = False) -> Path:
    """Copy a company file to ``dest`` with SQLite's online backup: read-only on the source, no lock taken,
    so it works while the file is open here, in a window or in another process; cancellable.

    An existing ``dest`` is refused unless ``replace``; even then never the company file itself, a company
    file open anywhere, or a working file of SQLite or AR Desktop (-wal, -shm, -journal, .lock)."""
    path = _path(source)
    if not isinstance(source, Books):
        inspect_company_file(path)  # a backup is made of company files only; nothing is written here
    dest = Path(dest).expanduser().absolute()
    _check_destination(path, dest, replace)
    company = path if isinstance(source, Books) else None
    copying = Text(translate("Messages", "Copying to {name}…"), name=dest.name)
    try:
        return backup_file(path, dest, lambda done, total: progress.step(done, total, copying),
                           replace=replace, company=company)
    except OSError as e:
        raise _not_written(dest, file_error(dest, e)) from None
    except sqlite3.Error as e:
        mapped = map_operational_error(e, dest)
        if isinstance(mapped, DamagedFile):  # the copy's check fails: the source is damaged
            raise DamagedFile(path, mapped.problems, latest_backup(path)) from None
        raise _not_written(dest, mapped) if mapped else UserError(Text(translate("Messages", "Cannot write the backup {name} ({reason}). Choose a "
                                                 "folder with room that you may write to."),
                                       name=dest.name, reason=str(e))) from None


def _not_written(dest: Path, error: UserError) -> UserError:
    if isinstance(error, DiskFull):
        return DiskFull(Text(translate("Messages", "The disk holding {name} is full; the backup was not made and "
                                       "nothing was left behind. Free some space or choose another disk, then back "
                                       "up again."), name=dest.name))
    return error


def _not_restored(target: Path, e: OSError | sqlite3.Error) -> UserError:
    full = getattr(e, "errno", None) == 28 or "full" in str(e).lower()
    if full:
        return DiskFull(Text(translate("Messages", "The disk holding {name} is full, so the backup could not be "
                                       "restored; {name} was not changed and nothing was left behind. Free some "
                                       "space, then restore again."), name=target.name))
    return StorageError(Text(translate("Messages", "The backup could not be restored ({reason}); {name} was not "
                                       "changed. Check the disk and the folder, then restore again."),
                             name=target.name, reason=str(e)))


def _check_destination(source: Path, dest: Path, replace: bool) -> None:
    name = dest.name
    if name.lower().endswith(_WORKING_FILES):
        raise UserError(Text(translate("Messages", "{name} is the name of a working file of SQLite or AR Desktop "
                                       "(ending in -wal, -shm, -journal, .lock, .part or .restoring); a backup there "
                                       "could be deleted or mixed into another file. Choose a name ending in .ardb. "
                                       "Nothing was changed."), name=name))
    if not dest.parent.is_dir():
        raise UserError(Text(translate("Messages", "The folder {folder} does not exist. Choose an existing folder."),
                             folder=str(dest.parent)))
    if not (dest.exists() or dest.is_symlink()):
        return
    if dest.exists() and os.path.samefile(dest, source):
        raise UserError(Text(translate("Messages", "{name} is the company file itself; choose another file for the "
                                       "backup. Nothing was changed."), name=name))
    if not replace:
        raise already_exists(dest)
    if dest.is_dir() or (dest.exists() and not dest.is_file()):
        raise UserError(Text(translate("Messages", "{path} is a folder or a device, not a file; it was not changed. "
                                       "Choose a file name."), path=str(dest)))
    if dest.exists() and is_locked_elsewhere(dest):
        raise UserError(Text(translate("Messages", "{name} is a company file open in AR Desktop (here or in another "
                                       "window or process); it was not replaced. Close it there, or choose another "
                                       "name for the backup."), name=name))
    if in_use_by_sqlite(dest):
        raise UserError(Text(translate("Messages", "{name} is in use by another program, or was not closed cleanly "
                                       "(its -wal, -shm or -journal file is beside it); it was not replaced. Choose "
                                       "another name for the backup."), name=name))


def backup_keep(books: Books) -> int:
    from ar_desktop.storage import company_repo  # here: opening a file (DamagedFile) loads no ORM

    with books.db.session() as s:
        return int(company_repo.get_setting(s, KEEP_SETTING, DEFAULT_KEEP))


def set_backup_keep(books: Books, keep: int) -> None:
    if not 1 <= int(keep) <= 1000:
        raise UserError(Text(translate("Messages", "Keep between 1 and 1000 automatic backups.")))
    from ar_desktop.storage import company_repo

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
        raise UserError(Text(translate("Messages", "There is no backup file at {path}. Check the name and folder."),
                             path=path))
    size = path.stat().st_size
    if size == 0:
        raise UserError(Text(translate("Messages", "{name} is empty; it is not a backup of a company file."),
                             name=path.name))
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
        raise UserError(Text(translate("Messages", "{name} is not a sound backup ({problems}). Choose another "
                                                   "backup; the company file was not changed."),
                             name=src.name, problems='; '.join(info.problems[:3])))
    known, _head = known_revisions()
    if info.schema not in known:
        raise UserError(Text(translate("Messages", "{name} was written by a newer version of AR Desktop (schema "
                                                   "{schema}). Install the newer version to restore it; nothing was "
                                                   "changed."), name=src.name, schema=info.schema))
    if isinstance(books_or_path, Books):
        target = books_or_path.db.path
        books_or_path.db.auto_backup = False  # the safety copy below is the backup
        books_or_path.close()
    else:
        target = Path(books_or_path).expanduser().resolve()
    if target.exists() and os.path.samefile(src, target):
        raise UserError(Text(translate("Messages", "That is the company file itself; choose a backup file to "
                                                   "restore.")))
    lock = FileLock(target)
    lock.acquire()  # nobody else may have the file open while it is replaced
    try:
        saved = _save_current(target)
        tmp = target.with_name(target.name + ".restoring")
        copy_lock = FileLock(tmp)
        try:
            backup_file(src, tmp, replace=True, company=target)
            copy_lock.acquire()  # the lock moves with the copy: nobody opens the new file before we let go
            drop_wal(target)
            os.replace(tmp, target)
            fsync_dir(target.parent)
        except (OSError, sqlite3.Error) as e:
            tmp.unlink(missing_ok=True)
            raise _not_restored(target, e) from None
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        finally:
            copy_lock.release()
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
            part = dest.with_name(dest.name + ".part")
            try:
                shutil.copy2(target, part)
                os.replace(part, dest)
            except BaseException:
                part.unlink(missing_ok=True)
                raise
            return dest
        return rotating_backup(target, 1000, "before-restore")
    except (OSError, sqlite3.Error) as e:
        raise _not_restored(target, e) from None


def backups_dir_of(path_or_books: Books | str | Path) -> Path:
    """The ``<stem>.backups/`` folder beside a company file (it may not exist yet)."""
    return backups_dir(_path(path_or_books))
