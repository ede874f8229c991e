"""``check``: is this a sound AR Desktop company file? Read-only, so it also works on a read-only disk.

The answer has three values, which the command line turns into its exit code:
- sound: a company file that passes every check below;
- not a company file (empty, not SQLite, another program's database, another application id): NotCompanyFile;
- a company file with problems, each listed: SQLite's integrity check (``quick_check`` above 200 MB), the
  books' consistency rules, and the checks registered in ``FILE_CHECKS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
import sqlite3

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.context import Books
from ar_desktop.storage.safety import (DamagedFile, NotCompanyFile, check_is_full, connect_ro, consistency_problems,
                                       inspect_company_file, integrity_problems)

__all__ = ["FILE_CHECKS", "CheckReport", "NotCompanyFile", "check", "check_path"]

# Further checks of a company file that passed SQLite's integrity check, each (title, function). A function gets
# the company file's path and a read-only connection to it and returns its problems, one sentence each.
# The archive of issued letters ("every archived letter exists and matches its SHA-256; no orphans") belongs
# here too.
FILE_CHECKS: list[tuple[str, Callable[[Path, sqlite3.Connection], list[str | Text]]]] = [
    ("consistency", lambda _path, con: consistency_problems(con)),
    ("archived letters", lambda path, _con: _archive_problems(path)),
    ("list indexes and search", lambda _path, con: _list_problems(con)),
    ("summary of clearings", lambda _path, con: _summary_problems(con)),
    ("runs of late payments", lambda _path, con: _late_run_problems(con)),
    ("summary of sales", lambda _path, con: _sales_problems(con)),
    ("summary of balances", lambda _path, con: _balance_problems(con)),
]


def _summary_problems(con: sqlite3.Connection) -> list[Text]:
    from ar_desktop.storage import clearing_summary

    return _if_invoices(con, clearing_summary.problems)


def _late_run_problems(con: sqlite3.Connection) -> list[Text]:
    from ar_desktop.storage import late_runs

    return _if_invoices(con, late_runs.problems)


def _if_invoices(con: sqlite3.Connection, problems: Callable[[sqlite3.Connection], list[Text]]) -> list[Text]:
    """The problems of a table derived from the invoices, in a file that has them (an older one may not)."""
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return problems(con) if "invoice" in tables else []


def _sales_problems(con: sqlite3.Connection) -> list[Text]:
    from ar_desktop.storage import sales_summary

    return _if_invoices(con, sales_summary.problems)


def _balance_problems(con: sqlite3.Connection) -> list[Text]:
    from ar_desktop.storage import balance_summary

    return _if_invoices(con, balance_summary.problems)


def _list_problems(con: sqlite3.Connection) -> list[Text]:
    from ar_desktop.storage.list_schema import problems

    return problems(con)


def _archive_problems(path: Path) -> list[Text]:
    from ar_desktop.services.letter_archive import archive_problems

    return archive_problems(path)


@dataclass
class CheckReport:
    path: Path
    integrity: list[str] = field(default_factory=list)
    sections: dict[str, list[str | Text]] = field(default_factory=dict)  # problems: sentences (Texts) or SQLite's
    quick: bool = False

    @property
    def consistency(self) -> list[str]:
        """Every problem beyond SQLite's integrity: the books' rules and each registered check (in English)."""
        return [str(p) for problems in self.sections.values() for p in problems]

    @property
    def ok(self) -> bool:
        return not self.integrity and not any(self.sections.values())

    def text(self) -> str:
        lines = [f"Checked {self.path}",
                 f"integrity ({'quick_check' if self.quick else 'integrity_check'}): "
                 + ("ok" if not self.integrity else f"{len(self.integrity)} problem(s)")]
        lines += [f"  - {p}" for p in self.integrity[:50]]
        for title, problems in self.sections.items():
            lines.append(f"{title}: " + ("ok" if not problems else f"{len(problems)} problem(s)"))
            lines += [f"  - {p}" for p in problems[:50]]
            if len(problems) > 50:
                lines.append(f"  ... and {len(problems) - 50} more")
        lines.append("result: " + ("OK" if self.ok else "PROBLEMS FOUND"))
        return "\n".join(lines) + "\n"


def check(books: Books) -> CheckReport:
    return check_path(books.db.path)


def check_path(path: str | Path) -> CheckReport:
    """Check a company file without writing to it (open elsewhere or not). Raises NotCompanyFile for a file
    that is not one, UserError when there is no such file."""
    path = Path(path).expanduser().resolve()
    if not path.exists():
        raise UserError(Text(translate("Messages", "There is no company file at {path}. Check the name and folder."),
                             path=path))
    quick = path.is_file() and not check_is_full(path)
    report = CheckReport(path, quick=quick)
    try:
        inspect_company_file(path)
    except DamagedFile as e:
        report.integrity = list(e.problems)
        return report
    report.integrity = integrity_problems(path, full=not quick)
    if report.integrity:
        return report
    con = connect_ro(path)
    try:
        for title, run in FILE_CHECKS:
            report.sections[title] = run(path, con)
    finally:
        con.close()
    return report
