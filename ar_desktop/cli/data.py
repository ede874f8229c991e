"""Export, backup, restore and check: keeping the records safe from the command line."""

from __future__ import annotations

from ar_desktop.cli.base import as_of_arg, command, with_books, write
from ar_desktop.services.export_kinds import WHATS

EXIT_NOT_COMPANY_FILE = 1
EXIT_PROBLEMS = 3


@command("export", "export a list or report to CSV or .xlsx (by the extension)")
def _export_args(p):
    p.add_argument("what", choices=list(WHATS))
    p.add_argument("file", metavar="CSV_OR_XLSX")
    p.add_argument("--as-of", type=as_of_arg, metavar="YYYY-MM-DD", help="aging, collections, charges: the as-of date (default today)")


@_export_args
def _export(args) -> int:
    from ar_desktop.services.exports import export

    n = with_books(args, lambda b: export(b, args.what, args.file, args.as_of))
    print(f"exported {n} {args.what} rows to {args.file}")
    return 0


@command("export-company", "write the whole company to a new folder: every table as CSV, the archived letters "
                           "and manifest.json (row counts, SHA-256)")
def _export_company_args(p):
    p.add_argument("folder", metavar="DIR")


@_export_company_args
def _export_company(args) -> int:
    from ar_desktop.services.company_transfer import export_company

    manifest = with_books(args, lambda b: export_company(b, args.folder))
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


@command("backup", "copy the company file to DEST (works while it is open elsewhere: read-only, no lock taken)")
def _backup_args(p):
    p.add_argument("dest", metavar="DEST")
    p.add_argument("--replace", action="store_true",
                   help="replace DEST if it exists (never the company file itself, a company file open anywhere, "
                        "or a -wal/-shm/-journal/.lock file)")


@_backup_args
def _backup(args) -> int:
    from ar_desktop.services.backups import back_up, describe_backup

    dest = back_up(args.db, args.dest, replace=args.replace)
    write(f"backed up to {dest}\n{describe_backup(dest).describe()}\n")
    return 0


@command("restore", "replace the company file by the backup SRC (the current file is backed up first)")
def _restore_args(p):
    p.add_argument("src", metavar="SRC")


@_restore_args
def _restore(args) -> int:
    from ar_desktop.services.backups import restore

    result = restore(args.db, args.src)
    write(f"restored {result.restored.describe()}\nthe file as it was before is saved as {result.previous_saved_as}\n")
    return 0


@command("check", "check the company file, read-only: exit 0 sound, 1 not a company file, 3 problems (listed)")
def _check_args(p):
    pass


@_check_args
def _check(args) -> int:
    from ar_desktop.services.file_check import NotCompanyFile, check_path

    try:
        report = check_path(args.db)
    except NotCompanyFile as e:
        write(f"Checked {args.db}\nresult: NOT A COMPANY FILE: {e}\n")
        return EXIT_NOT_COMPANY_FILE
    write(report.text())
    return 0 if report.ok else EXIT_PROBLEMS
