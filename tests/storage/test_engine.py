import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from ar_desktop.domain.errors import UserError
from ar_desktop.storage import balance_summary, clearing_summary, late_runs, list_schema, sales_summary
from ar_desktop.storage.backup import timestamped_backup
from ar_desktop.storage.engine import open_database
from ar_desktop.storage.safety import APPLICATION_ID
from ar_desktop.storage.upgrade import alembic_config, known_revisions
from ar_desktop.storage.schema import metadata


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    p = tmp_path / "co.ardb"
    open_database(p, create=True).close()
    return p


def test_create_from_empty_runs_migrations(tmp_path):
    db = open_database(tmp_path / "new.ardb", create=True)
    try:
        _known, head = known_revisions()
        with db.engine.connect() as c:
            assert c.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head
            assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert c.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID
        with db.session() as s:  # sessions see the same pragmas
            assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        db.close()


def test_foreign_keys_are_enforced(db_path):
    db = open_database(db_path)
    try:
        with pytest.raises(Exception, match="FOREIGN KEY"):
            with db.session() as s:
                s.execute(text("INSERT INTO payment (customer_id, date, amount, currency, method, reference, "
                               "created_at) VALUES (999, 20454, 1, 'EUR', '', '', 1767225600)"))   # 2026-01-01 (storage.days)
    finally:
        db.close()


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_migrated_schema_matches_orm(db_path):
    """Every ORM table, column and index exists in a freshly migrated file: guards against a forgotten migration."""
    db = open_database(db_path)
    try:
        insp = inspect(db.engine)
        tables = set(insp.get_table_names())
        for table in metadata.sorted_tables:
            assert table.name in tables, f"table {table.name} has no migration"
            columns = {c["name"]: c for c in insp.get_columns(table.name)}
            for col in table.columns:
                assert col.name in columns, f"column {table.name}.{col.name} has no migration"
                assert columns[col.name]["nullable"] == col.nullable, f"{table.name}.{col.name} nullability"
            migrated = {i["name"] for i in insp.get_indexes(table.name)}
            for index in table.indexes:
                assert index.name in migrated, f"index {index.name} has no migration"
        search = {t for t in tables if any(t == n or t.startswith(n + "_") for n in list_schema.SEARCH)}  # + FTS5's
        assert {"invoice_search", "customer_search"} <= search
        assert tables - {t.name for t in metadata.sorted_tables} - search == {
            "alembic_version", list_schema.HOLD, clearing_summary.TABLE, late_runs.TABLE, late_runs.HULL,
            late_runs.HOLD, late_runs.PENDING, sales_summary.TABLE, sales_summary.HOLD, balance_summary.TABLE,
            balance_summary.HOLD}
        assert list_schema.problems(db.engine.raw_connection().driver_connection) == []
        assert clearing_summary.problems(db.engine.raw_connection().driver_connection) == []
        assert late_runs.problems(db.engine.raw_connection().driver_connection) == []
        assert sales_summary.problems(db.engine.raw_connection().driver_connection) == []
        assert balance_summary.problems(db.engine.raw_connection().driver_connection) == []
    finally:
        db.close()


def test_reopen_keeps_data(db_path):
    db = open_database(db_path)
    with db.session() as s:
        s.execute(text("INSERT INTO setting (key, value) VALUES ('k', '1')"))
    db.close()
    db = open_database(db_path)
    try:
        with db.session() as s:
            assert s.execute(text("SELECT value FROM setting WHERE key='k'")).scalar() == "1"
    finally:
        db.close()
    assert list(db_path.parent.glob("*.bak")) == []  # no upgrade, no backup


def test_refuses_file_of_newer_version(db_path):
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(UserError, match=r"co.ardb was written by a newer version of AR Desktop \(schema 9999_future\)"):
        open_database(db_path)
    assert db_path.read_bytes() == before
    assert list(db_path.parent.glob("*.bak")) == []
    assert not Path(str(db_path) + ".lock").exists()


def test_refuses_non_sqlite_file(tmp_path):
    p = tmp_path / "letter.ardb"
    p.write_bytes(b"%PDF-1.7\n" + b"x" * 2000)
    before = p.read_bytes()
    with pytest.raises(UserError, match="letter.ardb is not an AR Desktop company file \\(it is not a SQLite database"):
        open_database(p)
    assert p.read_bytes() == before


def test_refuses_foreign_sqlite_database(tmp_path):
    p = tmp_path / "other.sqlite"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    con.commit()
    con.close()
    before = p.read_bytes()
    with pytest.raises(UserError, match="other.sqlite is another program.s SQLite database \\(tables notes\\), not an AR Desktop company file"):
        open_database(p)
    assert p.read_bytes() == before


def test_missing_file_and_existing_file(tmp_path, db_path):
    with pytest.raises(UserError, match="There is no company file at"):
        open_database(tmp_path / "nope.ardb")
    with pytest.raises(UserError, match="already exists"):
        open_database(db_path, create=True)
    with pytest.raises(UserError, match="does not exist. Choose an existing folder"):
        open_database(tmp_path / "no-such-dir" / "x.ardb", create=True)


def test_lock_in_same_process(db_path):
    first = open_database(db_path)
    try:
        with pytest.raises(UserError, match="co.ardb is already open in another AR Desktop window or process"):
            open_database(db_path)
    finally:
        first.close()
    again = open_database(db_path)
    again.close()


def test_lock_across_processes(db_path):
    script = textwrap.dedent(f"""
        import sys
        from ar_desktop.domain.errors import UserError
        from ar_desktop.storage.engine import open_database
        try:
            open_database({str(db_path)!r}).close()
        except UserError as e:
            print(e)
            sys.exit(3)
    """)
    first = open_database(db_path)
    try:
        r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
        assert r.returncode == 3, r.stderr
        assert "already open" in r.stdout
    finally:
        first.close()
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr


def _make_file_at_revision(path: Path, revision: str) -> None:
    """A company file as an older AR Desktop left it: migrated only up to ``revision``."""
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
            command.upgrade(alembic_config(conn), revision)
            conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS probe_kept (v TEXT)")
            conn.exec_driver_sql("INSERT INTO probe_kept VALUES ('old data')")
    finally:
        engine.dispose()


def test_backup_before_upgrade(tmp_path):
    from alembic.script import ScriptDirectory

    known, head = known_revisions()
    path = tmp_path / "co.ardb"
    if len(known) > 1:
        older = ScriptDirectory.from_config(alembic_config(None)).get_revision(head).down_revision
        _make_file_at_revision(path, older)
        open_database(path).close()
        (backup,) = tmp_path.glob("co.before-upgrade-*.ardb.bak")
        con = sqlite3.connect(backup)
        try:
            assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (older,)
            assert con.execute("SELECT v FROM probe_kept").fetchone() == ("old data",)
        finally:
            con.close()
        con = sqlite3.connect(path)
        try:
            assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)
            assert con.execute("SELECT v FROM probe_kept").fetchone() == ("old data",)
        finally:
            con.close()
    else:  # pragma: no cover - only while there is a single migration
        open_database(path, create=True).close()
        backup = timestamped_backup(path, "before-upgrade")
        assert backup.name.startswith("co.before-upgrade-") and backup.name.endswith(".ardb.bak")
        con = sqlite3.connect(backup)
        try:
            assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        finally:
            con.close()
    assert not list(tmp_path.glob("*.part"))


def test_known_revisions_agree_with_alembic():
    """Opening reads the revisions from the scripts without Alembic; Alembic must see the same."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(None))
    known, head = known_revisions()
    assert known == {s.revision for s in script.walk_revisions()}
    assert head == script.get_current_head()
