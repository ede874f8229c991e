"""Backups that cannot destroy, and one writer per company file whatever its name (issue 9, items 1 and 2)."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import random

import pytest

from ar_desktop.app import main
from ar_desktop.clock import FixedClock
from ar_desktop.domain.errors import UserError
from ar_desktop.services.backups import back_up, check_path, describe_backup
from ar_desktop.services.company_file import create_company, open_company
from ar_desktop.services.customers import add_customer
from ar_desktop.storage.engine import open_database

TODAY = dt.date(2026, 3, 31)
ENV = {**os.environ, "PYTHONPATH": os.getcwd()}

# Opens a company file (by whatever name it is given), says "ready", then adds customers until killed.
HOLDER = textwrap.dedent("""
    import sys, itertools
    from ar_desktop.domain.errors import UserError
    from ar_desktop.services.company_file import open_company
    from ar_desktop.services.customers import add_customer
    try:
        books = open_company(sys.argv[1])
    except UserError as e:
        print("refused:", e, flush=True)
        sys.exit(3)
    print("ready", flush=True)
    for i in itertools.count():
        add_customer(books, {"code": f"H{i:06d}", "name": f"Holder {i}"})
""")


# Another program reading a company file through SQLite (as the sqlite3 shell would), until killed.
SQLITE_SHELL = textwrap.dedent("""
    import sqlite3, sys, time
    con = sqlite3.connect(sys.argv[1])
    con.execute("SELECT count(*) FROM customer").fetchall()
    print("ready", flush=True)
    time.sleep(120)
""")


def make_company(path, name="Safe GmbH", customers=3):
    books = create_company(path, name, "EUR", clock=FixedClock(TODAY))
    for i in range(customers):
        add_customer(books, {"code": f"C{i:03d}", "name": f"Customer {i}"})
    books.close()
    return path


def holder(path):
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=ENV)
    line = proc.stdout.readline().strip()
    return proc, line


def stop(proc):
    proc.kill()
    proc.wait(timeout=30)
    proc.stdout.close()
    proc.stderr.close()


@pytest.fixture
def company(tmp_path):
    return make_company(tmp_path / "co.ardb")


def cli(*args):
    return main([str(a) for a in args])


# ---- backup DEST never destroys -----------------------------------------------------------------

def test_existing_destination_is_refused_without_replace(company, tmp_path, capsys):
    other = make_company(tmp_path / "other.ardb", "Other Ltd", customers=5)
    text = tmp_path / "notes.txt"
    text.write_text("my notes\n")
    for dest in (other, text):
        before = dest.read_bytes()
        assert cli("--db", company, "backup", dest) == 1
        assert "already exists; it was not changed" in capsys.readouterr().err
        assert dest.read_bytes() == before
    assert describe_backup(other).counts["customer"] == 5
    assert not list(tmp_path.glob("*.part"))


def test_replace_replaces_a_closed_file(company, tmp_path, capsys):
    old = tmp_path / "old-copy.ardb"
    old.write_text("an old, unwanted file\n")
    assert cli("--db", company, "backup", old, "--replace") == 0
    assert "backed up to" in capsys.readouterr().out
    assert describe_backup(old).counts["customer"] == 3 and check_path(old).ok


def test_working_files_and_the_source_are_never_replaced(company, tmp_path, capsys):
    open_database(company).close()
    for name in ("x.ardb-wal", "x.ardb-shm", "x.ardb-journal", "co.ardb.lock", "x.ardb.part"):
        dest = tmp_path / name
        for extra in ((), ("--replace",)):
            assert cli("--db", company, "backup", dest, *extra) == 1
            assert "working file" in capsys.readouterr().err
            assert not dest.exists()
    link = tmp_path / "link.ardb"
    os.link(company, link)
    sym = tmp_path / "sym.ardb"
    sym.symlink_to(company)
    before = company.read_bytes()
    for dest in (company, link, sym, tmp_path / "." / "co.ardb"):
        assert cli("--db", company, "backup", dest, "--replace") == 1
        assert "is the company file itself" in capsys.readouterr().err
    assert company.read_bytes() == before


def test_a_company_file_open_in_another_process_is_never_replaced(company, tmp_path, capsys):
    busy = make_company(tmp_path / "busy.ardb", "Busy Ltd")
    proc, line = holder(busy)
    try:
        assert line == "ready"
        assert cli("--db", company, "backup", busy, "--replace") == 1
        assert "open in AR Desktop" in capsys.readouterr().err
    finally:
        stop(proc)
    report = check_path(busy)
    assert report.ok, report.text()
    assert describe_backup(busy).company == "Busy Ltd"


def test_a_file_in_use_by_another_program_is_never_replaced(company, tmp_path, capsys):
    other = make_company(tmp_path / "other.ardb", "Other Ltd")
    reader = subprocess.Popen([sys.executable, "-c", SQLITE_SHELL, str(other)], stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "ready"
        assert cli("--db", company, "backup", other, "--replace") == 1
        assert "in use by another program" in capsys.readouterr().err
    finally:
        reader.kill()
        reader.wait(timeout=30)
        reader.stdout.close()
    assert describe_backup(other).company == "Other Ltd"
    assert cli("--db", company, "backup", other, "--replace") == 0  # once it let go


def test_backup_of_a_file_open_in_another_process_works(company, tmp_path, capsys):
    proc, line = holder(company)
    try:
        assert line == "ready"
        dest = tmp_path / "while-open.ardb"
        assert cli("--db", company, "backup", dest) == 0, capsys.readouterr().err
        report = check_path(dest)
        assert report.ok, report.text()
        assert describe_backup(dest).counts["customer"] >= 3
        assert proc.poll() is None  # the holder was not disturbed: it is still writing
    finally:
        stop(proc)


def test_backup_of_the_file_open_in_this_process(company, tmp_path):
    books = open_company(company, FixedClock(TODAY))
    try:
        assert main(["--db", str(company), "backup", str(tmp_path / "cli.ardb")]) == 0  # no lock taken
        back_up(books, tmp_path / "window.ardb")
        with pytest.raises(UserError, match="already exists"):
            back_up(books, tmp_path / "window.ardb")
        add_customer(books, {"code": "AFTER", "name": "After the backups"})  # the file is still ours to write
    finally:
        books.close()
    assert describe_backup(tmp_path / "window.ardb").counts["customer"] == 3


# ---- one writer, whatever the name --------------------------------------------------------------

def test_lock_holds_through_a_hard_link_across_processes(company, tmp_path):
    link = tmp_path / "elsewhere" / "same-books.ardb"
    link.parent.mkdir()
    os.link(company, link)
    proc, line = holder(company)
    try:
        assert line == "ready"
        second, line2 = holder(link)
        assert line2.startswith("refused:") and "already open" in line2
        assert second.wait(timeout=60) == 3
        second.stdout.close()
        second.stderr.close()
    finally:
        stop(proc)
    report = check_path(company)
    assert report.ok, report.text()


def test_lock_holds_for_symlinks_and_other_spellings(company, tmp_path):
    sym = tmp_path / "sym.ardb"
    sym.symlink_to(company)
    link = tmp_path / "hard.ardb"
    os.link(company, link)
    first = open_database(company)
    try:
        for name in (sym, link, tmp_path / "." / "co.ardb", tmp_path / "x" / ".." / "co.ardb"):
            with pytest.raises(UserError, match="already open"):
                open_database(name)
    finally:
        first.close()
    open_database(link).close()  # free again once closed


def test_no_lock_file_is_left_beside_the_company_file(company):
    books = open_company(company)
    books.close()
    assert not (company.parent / "co.ardb.lock").exists()


# ---- the kill test: backups while the file is written elsewhere ---------------------------------

@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_killed_backups_of_a_file_written_elsewhere(company, tmp_path):
    con = sqlite3.connect(company)  # ~40 MB, so that a kill lands while the copy is being written
    con.executemany("INSERT INTO setting (key, value) VALUES (?, ?)", [(f"ballast.{i}", "x" * 2**20) for i in range(40)])
    con.commit()
    con.close()
    rng = random.Random(9)
    proc, line = holder(company)
    assert line == "ready"
    dest = tmp_path / "copy.ardb"
    part = tmp_path / "copy.ardb.part"
    src = make_company(tmp_path / "src.ardb")
    left_behind = 0
    try:
        for _ in range(6):
            backup = subprocess.Popen([sys.executable, "-m", "ar_desktop", "--db", str(company), "backup", str(dest),
                                       "--replace"], env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 60
            while not part.exists() and backup.poll() is None and time.monotonic() < deadline:
                time.sleep(0.005)
            time.sleep(rng.uniform(0.0, 0.3))
            backup.send_signal(signal.SIGKILL)
            backup.wait(timeout=30)
            left_behind += part.exists()
            if dest.exists():  # a copy that got its name is whole and sound
                assert check_path(dest).ok
            # and a backup onto the file being written is refused, whatever it comes from
            assert cli("--db", src, "backup", company, "--replace") == 1
    finally:
        stop(proc)
    assert left_behind, "no kill landed during a copy"
    report = check_path(company)
    assert report.ok, report.text()
    books = open_company(company)  # the next open tidies what the killed backups left
    books.db.auto_backup = False
    books.close()
    assert not part.exists() and not list(tmp_path.glob("*.part*")), list(tmp_path.iterdir())
    assert not list((tmp_path / "co.backups" / ".pending").glob("*"))


# Opens a company file, changes it, says "closing", and closes it: the automatic backup on closing.
CLOSER = textwrap.dedent("""
    import sys
    from ar_desktop.services.company_file import open_company
    from ar_desktop.services.customers import add_customer
    books = open_company(sys.argv[1])
    books.db.wait_until_checked()
    add_customer(books, {"code": sys.argv[2], "name": "Closer"})
    print("closing", flush=True)
    books.close()
""")


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_killed_while_the_closing_backup_copies_the_file(company, tmp_path):
    """The closing backup of a checked file is a byte copy of the checkpointed file (storage.backup._copy_file):
    killed while it copies or checks the copy, the company file is sound, no copy has a backup's name unless it
    is whole and sound, and the next open tidies what was left."""
    con = sqlite3.connect(company)   # ~40 MB, so that a kill lands while the copy is being written or checked
    con.executemany("INSERT INTO setting (key, value) VALUES (?, ?)", [(f"ballast.{i}", "x" * 2**20) for i in range(40)])
    con.commit()
    con.close()
    books = open_company(company)   # checked and closed cleanly once: the next opens trust it
    books.db.auto_backup = False
    books.close()
    folder = tmp_path / "co.backups"
    rng = random.Random(3)
    left_behind = 0
    for k in range(6):
        proc = subprocess.Popen([sys.executable, "-c", CLOSER, str(company), f"K{k}"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=ENV)
        assert proc.stdout.readline().strip() == "closing", proc.stderr.read()[-2000:]
        deadline = time.monotonic() + 60
        while not list(folder.glob("*.part")) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.001)
        time.sleep(rng.uniform(0.0, 0.02))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()
        left_behind += bool(list(folder.glob("*.part")))
        for copy in folder.glob("*-closed.ardb"):   # a copy that got its name is whole and sound
            assert check_path(copy).ok, copy
    assert left_behind, "no kill landed during a copy"
    report = check_path(company)
    assert report.ok, report.text()
    books = open_company(company)   # the next open tidies what the killed closings left
    books.db.auto_backup = False
    books.close()
    assert not list(folder.glob("*.part*")), list(folder.iterdir())
