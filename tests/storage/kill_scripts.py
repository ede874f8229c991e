"""The real commands run in a child process that is killed (SIGKILL: nothing runs after it) just before the n-th
SQL statement of a kind, for the tests that prove files and rows change together or not at all. SQLite reports
every statement it runs to a connection's trace callback, so the kill lands inside the writer's transaction."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ENV = {"PATH": "/usr/bin:/bin", "PYTHONPATH": os.getcwd()}

# Kills this process before the n-th statement that starts with WHAT and holds INSIDE (n = 0: never), on every
# connection made after it runs (SQLAlchemy connects through dbapi2).
_KILL_AT = textwrap.dedent("""
    import os, sqlite3, sqlite3.dbapi2, sys
    def kill_at(what, inside, n):
        real, seen = sqlite3.connect, []
        def trace(sql):
            if sql.lstrip().upper().startswith(what) and inside in sql.upper():
                seen.append(sql)
                if len(seen) == n:
                    os.kill(os.getpid(), 9)
        def connect(*a, **kw):
            con = real(*a, **kw)
            con.set_trace_callback(trace)
            return con
        sqlite3.connect = sqlite3.dbapi2.connect = connect
""")

# `ar-desktop --db DB import KIND CSV` (KIND: invoices unless given), killed before its n-th SQL statement that
# starts with WHAT (and holds what follows an @, if any). Arguments: DB CSV WHAT N [KIND].
KILLED_AT = _KILL_AT + textwrap.dedent("""
    db, csv, n = sys.argv[1], sys.argv[2], int(sys.argv[4])
    what, _, inside = sys.argv[3].upper().partition("@")
    kill_at(what, inside, n)
    from ar_desktop.cli.base import run
    sys.exit(run(["--db", db, "import", sys.argv[5] if len(sys.argv) > 5 else "invoices", csv]))
""")

# `ar-desktop --db DB company` (opening upgrades the file), killed likewise. Arguments: DB WHAT N.
_UPGRADE_KILLED_AT = _KILL_AT + textwrap.dedent("""
    db, what, n = sys.argv[1], sys.argv[2].upper(), int(sys.argv[3])
    kill_at(what, "", n)
    from ar_desktop.cli.base import run
    sys.exit(run(["--db", db, "company"]))
""")


def import_killed_at(path: Path, csv: Path, what: str, n: int, kind: str = "invoices", *,
                     prelude: str = "") -> subprocess.CompletedProcess:
    """Import ``csv`` (of ``kind``) into ``path`` with the real command, killed before its n-th statement of
    ``what`` (see KILLED_AT; n = 0: run to its end). ``prelude``: Python run first (a setting lowered)."""
    args = [str(path), str(csv), what, str(n)] + ([kind] if kind != "invoices" else [])
    return subprocess.run([sys.executable, "-c", prelude + KILLED_AT, *args], env=ENV, capture_output=True,
                          text=True, timeout=600)


def upgrade_killed_at(path: Path, what: str, n: int) -> subprocess.CompletedProcess:
    """Open ``path`` with the real command (which upgrades it), killed before its n-th statement starting with
    ``what``."""
    return subprocess.run([sys.executable, "-c", _UPGRADE_KILLED_AT, str(path), what, str(n)], env=ENV,
                          capture_output=True, timeout=300)
