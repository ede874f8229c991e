"""`check` tells the truth: 0 sound, 1 not a company file, 3 a company file with problems (each listed);
and no command ever turns a foreign file into a company file (issue 9, item 4)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3

import pytest

from ar_desktop.app import main
from ar_desktop.clock import FixedClock
from ar_desktop.services.company_file import create_company, open_company
from ar_desktop.services.customers import add_customer
from ar_desktop.services.file_check import FILE_CHECKS, check_path
from ar_desktop.services.invoicing import add_invoice
from ar_desktop.services.payments import record_payment
from ar_desktop.storage.safety import APPLICATION_ID

TODAY = dt.date(2026, 3, 31)


@pytest.fixture
def sound(tmp_path):
    p = tmp_path / "books" / "co.ardb"
    p.parent.mkdir()
    b = create_company(p, "Check GmbH", "EUR", clock=FixedClock(TODAY))
    add_customer(b, {"code": "C1", "name": "One"})
    add_invoice(b, {"number": "I-1", "customer_code": "C1", "issue_date": "2026-01-10", "amount": "100.00"})
    record_payment(b, {"date": "2026-02-01", "customer_code": "C1", "amount": "40.00"})
    b.close()
    return p


def run_check(path, capsys):
    code = main(["--db", str(path), "check"])
    out = capsys.readouterr()
    return code, out.out + out.err


def _sqlite(path, *sql):
    con = sqlite3.connect(path)
    for s in sql:
        con.execute(s)
    con.commit()
    con.close()
    return path


def test_sound_file_is_0(sound, capsys):
    code, out = run_check(sound, capsys)
    assert code == 0 and "result: OK" in out


@pytest.mark.parametrize("kind, expected", [
    ("zero bytes", "is empty (0 bytes)"),
    ("text", "it is not a SQLite database"),
    ("empty sqlite", "is an empty SQLite database"),
    ("other program", "another program's SQLite database (tables notes)"),
    ("wrong application id", "application id 0x12345678"),
])
def test_not_a_company_file_is_1(tmp_path, capsys, kind, expected):
    p = tmp_path / "x.ardb"
    if kind == "zero bytes":
        p.write_bytes(b"")
    elif kind == "text":
        p.write_text("Dear Sir,\n" * 500)
    elif kind == "empty sqlite":
        _sqlite(p, "PRAGMA user_version=7")  # a valid SQLite file without a single table
    elif kind == "other program":
        _sqlite(p, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO notes (body) VALUES ('x')")
    else:
        _sqlite(p, "PRAGMA application_id=305419896", "CREATE TABLE invoice (id INTEGER PRIMARY KEY)")
    before = p.read_bytes()
    code, out = run_check(p, capsys)
    assert code == 1 and "NOT A COMPANY FILE" in out and expected in out, out
    assert "result: OK" not in out
    assert p.read_bytes() == before
    for command in (["aging", "--as-of", "2026-03-31"], ["export", "customers", str(tmp_path / "c.csv")],
                    ["backup", str(tmp_path / "copy.ardb")]):
        assert main(["--db", str(p), *command]) == 1
        assert expected in capsys.readouterr().err
        assert p.read_bytes() == before  # never turned into a company file
    assert not (tmp_path / "copy.ardb").exists()


def test_another_ardb_company_file_id_is_what_makes_it_ours(sound, tmp_path, capsys):
    """The same tables under another application id are not a company file: the id is the test."""
    other = tmp_path / "copy.ardb"
    shutil.copy(sound, other)
    _sqlite(other, "PRAGMA application_id=0")
    code, out = run_check(other, capsys)
    assert code == 1 and "another program's SQLite database" in out
    _sqlite(other, f"PRAGMA application_id={APPLICATION_ID}")
    assert run_check(other, capsys)[0] == 0


def test_inconsistent_books_are_3_each_listed(sound, capsys):
    _sqlite(sound, "UPDATE invoice SET paid = paid + 1", "UPDATE allocation SET amount = amount + 100000")
    code, out = run_check(sound, capsys)
    assert code == 3 and "PROBLEMS FOUND" in out
    assert "invoice I-1: paid column 4001 differs from its allocations 104000" in out
    assert "payment 1: allocations 104000 exceed the payment 4000" in out


def test_damaged_pages_are_3(sound, capsys):
    b = open_company(sound, FixedClock(TODAY))
    for i in range(300):
        add_customer(b, {"code": f"D{i:04d}", "name": f"Damage {i}", "notes": "n" * 200})
    b.close()
    with sound.open("r+b") as f:
        f.seek(4096 * 3)
        f.write(os.urandom(4096 * 4))
    code, out = run_check(sound, capsys)
    assert code == 3 and "PROBLEMS FOUND" in out and "integrity" in out


def test_missing_schema_table_is_3_and_opening_it_is_a_plain_error(sound, capsys):
    _sqlite(sound, "DROP TABLE alembic_version")
    code, out = run_check(sound, capsys)
    assert code == 3 and "alembic_version" in out and "missing" in out
    before = sound.read_bytes()
    assert main(["--db", str(sound), "aging", "--as-of", "2026-03-31"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "alembic_version" in err and "Traceback" not in err
    assert sound.read_bytes() == before


def test_sound_file_on_a_read_only_disk_is_sound(sound, capsys, read_only_dir):
    read_only_dir(sound.parent)
    assert not os.access(sound.parent, os.W_OK) or os.geteuid() == 0
    with pytest.raises(OSError):
        (sound.parent / "probe").write_text("x")
    code, out = run_check(sound, capsys)
    assert code == 0, out
    assert "result: OK" in out


def test_registered_checks_run_and_are_listed(sound, capsys):
    """The slot where further checks (e.g. the letter archive) plug in: their problems make exit 3."""
    FILE_CHECKS.append(("probe", lambda path, con: [f"{path.name}: {con.execute('SELECT COUNT(*) FROM customer').fetchone()[0]} customer(s) seen"]))
    try:
        code, out = run_check(sound, capsys)
    finally:
        FILE_CHECKS.pop()
    assert code == 3 and "probe: 1 problem(s)" in out and "co.ardb: 1 customer(s) seen" in out
    assert check_path(sound).ok
