"""Moving a company's books between PCs or programs in plain files: export-company / import-company.

``export_company(books, DIR)`` writes every table as CSV: customers, invoices and payments as the
lists the importer reads (``customers.csv``, ``invoices.csv``, ``payments.csv``), every other table
under its own name, the archived letters under ``letters/``, and ``manifest.json`` with the row
count and SHA-256 of each file. It writes into ``DIR.part`` and renames it when complete.

``import_company(DIR, FILE)`` checks the manifest (a file changed since the export is refused),
builds the new company file beside FILE under a temporary name through the same importer as every
other import, checks the row counts, and only then gives it its name: all or nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from ar_desktop import __version__
from ar_desktop.clock import Clock
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.records import parse_company
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.context import Books
from ar_desktop.services.exports import csv_bytes, sheet_for
from ar_desktop.services.importing import ImportRefused, fixed_options, run_import
from ar_desktop.services.progress import NO_PROGRESS, Progress
from ar_desktop.services.report_formats import neutralise, restore_neutralised
from ar_desktop.services.source_files import open_source
from ar_desktop.storage import company_repo, company_tables

FORMAT = "ar-desktop company export"
VERSION = 1
LISTS = ("customers", "invoices", "payments")
LETTERS = "letters"
MAX_MANIFEST = 1024 * 1024
_TABLE_CELL = 16 * 1024 * 1024  # a frozen letter can be long


def _error(template: str, **params) -> UserError:
    return UserError(Text(template, **params))


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1024 * 1024):
            h.update(chunk)
    return h.hexdigest()


def _archive(db_path: Path) -> Path:
    return db_path.parent / f"{db_path.stem}.letters"


# ---- export -----------------------------------------------------------------------------------

def export_company(books: Books, folder: str | Path, progress: Progress = NO_PROGRESS) -> dict:
    """Write the whole company to ``folder`` (which must not exist or be empty); returns the manifest."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise _error(translate("Messages", "{folder} already exists and is not an empty folder. Choose a new folder "
                                           "for the export; nothing was written."), folder=str(folder))
    if not folder.parent.is_dir():
        raise _error(translate("Messages", "The folder {folder} does not exist. Choose an existing folder."),
                     folder=str(folder.parent))
    part = folder.with_name(folder.name + ".part")
    try:
        shutil.rmtree(part, ignore_errors=True)
        part.mkdir()
        files: dict[str, dict] = {}
        steps = len(LISTS) + len(company_tables.tables()) + 1
        for k, what in enumerate(LISTS):
            progress.step(k, steps, Text(translate("Messages", "Writing {name}…"), name=f"{what}.csv"))
            sheet = sheet_for(books, what)
            (part / f"{what}.csv").write_bytes(csv_bytes(sheet))
            files[f"{what}.csv"] = {"rows": len(sheet.rows)}
        with books.db.session() as s:
            company = company_repo.get(s)
            for k, table in enumerate(company_tables.tables()):
                progress.step(len(LISTS) + k, steps, Text(translate("Messages", "Writing {name}…"),
                                                          name=f"{table.name}.csv"))
                files[f"{table.name}.csv"] = {"rows": _write_table(part / f"{table.name}.csv",
                                                                   company_tables.header(table),
                                                                   company_tables.dump(s, table))}
        archive = _archive(Path(books.db.path))
        letters = _copy_tree(archive, part / LETTERS) if archive.is_dir() else {}
        for name, info in files.items():
            info["sha256"] = _sha256(part / name)
        manifest = {"format": FORMAT, "version": VERSION, "program": f"AR Desktop {__version__}",
                    "exported_at": dt.datetime.now().replace(microsecond=0).isoformat(),
                    "company": company.legal_name, "currency": company.currency, "files": files,
                    "letters": letters}
        (part / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
        _fsync_tree(part)
        if folder.exists():
            folder.rmdir()
        part.rename(folder)
    except OSError as e:
        shutil.rmtree(part, ignore_errors=True)
        raise _error(translate("Messages", "Cannot write the export to {folder}: {reason}. Check that the disk has "
                                           "room and that you may write there; nothing was left behind."),
                     folder=str(folder), reason=e.strerror or type(e).__name__) from None
    except BaseException:
        shutil.rmtree(part, ignore_errors=True)
        raise
    progress.step(steps, steps, "")
    return manifest


def _write_table(path: Path, header: list[str], rows: Iterator[list[str]]) -> int:
    n = 0
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(header)
        for row in rows:
            w.writerow([neutralise(v) for v in row])
            n += 1
    return n


def _copy_tree(src: Path, dest: Path) -> dict[str, str]:
    """Copy the regular files under ``src``; returns relative path -> SHA-256."""
    out = {}
    for path in sorted(src.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        rel = path.relative_to(src).as_posix()
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        out[rel] = _sha256(target)
    return out


def _fsync_tree(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            with path.open("rb") as f:
                os.fsync(f.fileno())


# ---- import -----------------------------------------------------------------------------------

def read_manifest(folder: Path) -> dict:
    path = folder / "manifest.json"
    try:
        if not path.is_file() or path.stat().st_size > MAX_MANIFEST:
            raise ValueError
        manifest = json.loads(path.read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT or not isinstance(manifest.get("files"), dict):
            raise ValueError
    except (OSError, ValueError, UnicodeDecodeError):
        raise _error(translate("Messages", "{folder} is not a company export (its manifest.json is missing or not "
                                           "one that export-company writes)."), folder=str(folder)) from None
    if manifest.get("version", 0) > VERSION:
        raise _error(translate("Messages", "{folder} was written by a newer version of AR Desktop. Update the "
                                           "program to import it."), folder=str(folder))
    for name, info in {**manifest["files"], **{f"{LETTERS}/{k}": {"sha256": v}
                                               for k, v in manifest.get("letters", {}).items()}}.items():
        path = folder / name
        if ".." in Path(name).parts or not path.is_file() or _sha256(path) != info.get("sha256"):
            raise _error(translate("Messages", "{file} in {folder} is missing or was changed after the export (its "
                                               "SHA-256 differs from the manifest). Export the company again."),
                         file=name, folder=str(folder))
    return manifest


def import_company(folder: str | Path, path: str | Path, clock: Clock | None = None,
                   progress: Progress = NO_PROGRESS) -> dict[str, int]:
    """Build a new company file at ``path`` from an export folder; all or nothing. Returns row counts."""
    from ar_desktop.services.company_file import create_company

    folder, path = Path(folder), Path(path)
    if path.exists():
        raise _error(translate("Messages", "{path} already exists. import-company builds a new company file; choose "
                                           "a name that is not taken."), path=str(path))
    manifest = read_manifest(folder)
    part = path.with_name(f"{path.stem}.importing{path.suffix or '.ardb'}")
    archive, archive_part = _archive(path), _archive(part)
    for leftover in (part, archive_part):
        _remove(leftover)
    if archive.exists():
        raise _error(translate("Messages", "{path} already exists; move it away first (it would hold the imported "
                                           "letters)."), path=str(archive))
    company = _company_row(folder)
    counts: dict[str, int] = {}
    try:
        books = create_company(part, company.get("legal_name", "") or manifest.get("company", ""),
                               company.get("currency", "EUR") or "EUR", company.get("country", ""), clock)
        try:
            counts = _fill(books, folder, manifest, company, progress)
        finally:
            books.db.auto_backup = False
            books.close()
        if manifest.get("letters"):
            _copy_tree(folder / LETTERS, archive_part)
        os.replace(part, path)
        if archive_part.exists():
            archive_part.rename(archive)
    except BaseException:
        _remove(part)
        _remove(archive_part)
        raise
    return counts


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal"), Path(f"{path}.lock")):
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
        else:
            p.unlink(missing_ok=True)


def _company_row(folder: Path) -> dict[str, str]:
    path = folder / "company.csv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(io.StringIO(f.read(MAX_MANIFEST))))
    return dict(zip(rows[0], [restore_neutralised(v) for v in rows[1]], strict=False)) if len(rows) > 1 else {}


def _fill(books: Books, folder: Path, manifest: dict, company: dict[str, str], progress: Progress) -> dict[str, int]:
    counts: dict[str, int] = {}
    if company:
        raw = {k: v for k, v in company.items() if k != "id"}
        with books.db.session() as s:
            company_repo.save(s, parse_company(raw))
    for what in LISTS:
        name = f"{what}.csv"
        if manifest["files"].get(name, {}).get("rows", 0) == 0:
            counts[what] = 0
            continue
        table = open_source(folder / name)
        try:
            report = run_import(books, table, fixed_options(what, table), progress, remember=False,
                                audit_as="import-company")
        except ImportRefused as e:
            raise _error(translate("Messages", "{file} cannot be imported, so no company file was made: {problems}"),
                         file=name, problems=str(e)) from None
        counts[what] = report.new
    payment_ids = _payment_ids(folder / "payments.csv") if counts.get("payments") else {}
    with books.db.session() as s:
        company_tables.clear(s, skip=("company", *company_tables.HISTORY_ONLY))
        for table in company_tables.tables():
            name = f"{table.name}.csv"
            if name not in manifest["files"] or table.name in company_tables.HISTORY_ONLY or table.name == "company":
                continue
            source = open_source(folder / name, cell_limit=_TABLE_CELL) if manifest["files"][name]["rows"] else None
            if source is None:
                counts[table.name] = 0
                continue
            try:
                counts[table.name] = company_tables.load(
                    s, table, source.header, (list(map(str, cells)) for _n, cells in source.rows()),
                    payment_ids.get)
            except company_tables.LoadProblem as e:
                raise _error(translate("Messages", "{file}, column {column}: {problem} ('{value}'); no company file "
                                                   "was made."), file=name, column=e.column, problem=e.what,
                             value=e.value[:60]) from None
    for name, info in manifest["files"].items():
        key = name.removesuffix(".csv")
        if key in counts and counts[key] != info.get("rows"):
            raise _error(translate("Messages", "{file} holds {rows} rows but {count} were imported; no company file "
                                               "was made."), file=name, rows=info.get("rows"), count=counts[key])
    return counts


def _payment_ids(path: Path) -> dict[int, int]:
    """The exported payment_id of each payment -> its id in the new file (numbered in file order)."""
    table = open_source(path)
    column = table.header.index("payment_id")
    return {int(str(cells[column])): k for k, (_n, cells) in enumerate(table.rows(), start=1)}
