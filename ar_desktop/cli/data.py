"""Export, backup, restore and check: keeping the records safe from the command line."""

from __future__ import annotations

from ar_desktop.cli.base import as_of_arg, command, open_books, write
from ar_desktop.services.exports import WHATS

EXIT_PROBLEMS = 3


@command("export", "export a list or report to CSV or .xlsx (by the extension)")
def _export_args(p):
    p.add_argument("what", choices=list(WHATS))
    p.add_argument("file", metavar="CSV_OR_XLSX")
    p.add_argument("--as-of", type=as_of_arg, metavar="YYYY-MM-DD", help="aging, collections, charges: the as-of date (default today)")


@_export_args
def _export(args) -> int:
    from ar_desktop.services.exports import export

    books = open_books(args)
    try:
        n = export(books, args.what, args.file, args.as_of)
    finally:
        books.close()
    print(f"exported {n} {args.what} rows to {args.file}")
    return 0


@command("export-company", "write the whole company to a new folder: every table as CSV, the archived letters "
                           "and manifest.json (row counts, SHA-256)")
def _export_company_args(p):
    p.add_argument("folder", metavar="DIR")


@_export_company_args
def _export_company(args) -> int:
    from ar_desktop.services.company_transfer import export_company

    books = open_books(args)
    try:
        manifest = export_company(books, args.folder)
    finally:
        books.close()
    rows = ", ".join(f"{info['rows']} {name.removesuffix('.csv')}" for name, info in manifest["files"].items()
                     if info["rows"] and name.removesuffix(".csv") in ("customers", "invoices", "payments"))
    print(f"exported {manifest['company']} to {args.folder}: {rows or 'no records'}; "
          f"{len(manifest['files'])} tables, {len(manifest['letters'])} archived files")
    return 0


@command("import-company", "build a NEW company file (--db) from a folder written by export-company; all or nothing")
def _import_company_args(p):
    p.add_argument("folder", metavar="DIR")


@_import_company_args
def _import_company(args) -> int:
    from ar_desktop.services.company_transfer import import_company

    counts = import_company(args.folder, args.db)
    print(f"created {args.db} from {args.folder}: " + ", ".join(f"{counts.get(k, 0)} {k}" for k in
                                                                 ("customers", "invoices", "payments")))
    return 0


@command("backup", "copy the company file to DEST (consistent even while it is open elsewhere)")
def _backup_args(p):
    p.add_argument("dest", metavar="DEST")


@_backup_args
def _backup(args) -> int:
    from ar_desktop.services.backups import back_up, describe_backup

    books = open_books(args)
    try:
        dest = back_up(books, args.dest)
    finally:
        books.db.auto_backup = False
        books.close()
    print(f"backed up to {dest}")
    print(describe_backup(dest).describe())
    return 0


@command("restore", "replace the company file by the backup SRC (the current file is backed up first)")
def _restore_args(p):
    p.add_argument("src", metavar="SRC")


@_restore_args
def _restore(args) -> int:
    from ar_desktop.services.backups import restore

    result = restore(args.db, args.src)
    print(f"restored {result.restored.describe()}")
    print(f"the file as it was before is saved as {result.previous_saved_as}")
    return 0


@command("check", "check the company file: SQLite integrity and the books' consistency (exit 3 on a problem)")
def _check_args(p):
    pass


@_check_args
def _check(args) -> int:
    from ar_desktop.services.backups import check_path

    report = check_path(args.db)
    write(report.text())
    return 0 if report.ok else EXIT_PROBLEMS
