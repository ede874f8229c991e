"""No traceback, ever, for something outside the program; and tidy after trouble (issue 9, items 5 and 7).

Each case runs the real program in a subprocess, on real trouble: a full disk is a small tmpfs filled to the
last byte, a read-only folder a read-only bind mount (see tests/conftest.py), a broken pipe a pipe whose
reader has gone.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ar_desktop.clock import FixedClock
from ar_desktop.services.backups import automatic_backups, check_path, describe_backup
from ar_desktop.services.company_file import create_company, open_company
from ar_desktop.services.customers import add_customer

TODAY = dt.date(2026, 3, 31)

ENV = {"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": os.getcwd()}


def ar(*args, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ar_desktop", *map(str, args)], stdout=stdout,
                          stderr=subprocess.PIPE, text=True, env=ENV, timeout=120)


def plain_error(r: subprocess.CompletedProcess, *words: str) -> str:
    """Exit 1 and one line on stderr that says what is wrong: no traceback."""
    assert r.returncode == 1, (r.returncode, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), r.stderr
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr
    for w in words:
        assert w in lines[0], lines[0]
    return lines[0]


def make_company(path: Path, customers: int = 3) -> Path:
    books = create_company(path, "Trouble GmbH", "EUR", clock=FixedClock(TODAY))
    for i in range(customers):
        add_customer(books, {"code": f"C{i:03d}", "name": f"Customer {i}"})
    books.close()
    return path


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.name != "filler.bin")


# ---- a full disk ---------------------------------------------------------------------------------------

@pytest.fixture
def full_disk(small_disk, fill_disk):
    """A company file (with its automatic backups) on a disk that is then filled to the last byte."""
    disk = small_disk(4096)
    company = make_company(disk / "co.ardb")
    (disk / "customers.csv").write_text("code,name\nNEW1,New One\nNEW2,New Two\n", encoding="utf-8")
    # plain invoices: imported on a plain sqlite3 connection (storage.plain_invoices), not a session
    (disk / "invoices.csv").write_text("number,customer_code,issue_date,amount\nR1,C000,2026-03-01,10.00\n",
                                       encoding="utf-8")
    fill_disk(disk)
    return company


def test_every_command_on_a_full_disk_is_a_plain_error(full_disk, tmp_path):
    disk = full_disk.parent
    before = full_disk.read_bytes()
    backups = automatic_backups(full_disk)
    # SQLite needs a little room beside the file even to read it (its -shm): a plain message, not "damaged"
    for command in (["aging", "--as-of", "2026-03-31"], ["check"]):
        line = plain_error(ar("--db", full_disk, *command), "full", "not changed")
        assert "damaged" not in line
    # writing says the disk is full, stores nothing, leaves nothing, and makes no automatic backup
    plain_error(ar("--db", full_disk, "import", "customers", disk / "customers.csv"), "full")
    plain_error(ar("--db", full_disk, "import", "invoices", disk / "invoices.csv"), "full")
    plain_error(ar("--db", full_disk, "export", "customers", disk / "out.csv"), "full")
    plain_error(ar("--db", full_disk, "backup", disk / "copy.ardb"), "full")
    plain_error(ar("--db", disk / "new.ardb", "init", "--company", "New"), "full")
    assert full_disk.read_bytes() == before
    assert automatic_backups(full_disk) == backups
    leftovers = [n for n in listing(disk) if n.endswith((".part", ".restoring", "-journal")) or "new.ardb" in n
                 or n in ("out.csv", "copy.ardb")]
    assert leftovers == []
    # with room again, everything works
    (disk / "filler.bin").unlink()
    assert describe_backup(full_disk).counts["customer"] == 3
    assert ar("--db", full_disk, "backup", tmp_path / "elsewhere.ardb").returncode == 0
    assert ar("--db", full_disk, "import", "customers", disk / "customers.csv").returncode == 0
    assert ar("--db", full_disk, "import", "invoices", disk / "invoices.csv").returncode == 0
    assert describe_backup(full_disk).counts["invoice"] == 1


def test_restore_onto_a_full_disk_leaves_the_file_as_it_was(small_disk, fill_disk, tmp_path):
    disk = small_disk(4096)
    company = make_company(disk / "co.ardb")
    backup = make_company(tmp_path / "backup.ardb", customers=40)
    fill_disk(disk)
    before = company.read_bytes()
    plain_error(ar("--db", company, "restore", backup), "full", "was not changed")
    assert company.read_bytes() == before
    assert not [n for n in listing(disk) if n.endswith((".part", ".restoring", "-journal"))]
    (disk / "filler.bin").unlink()  # room again: the restore works
    r = ar("--db", company, "restore", backup)
    assert r.returncode == 0, r.stderr
    assert describe_backup(company).counts["customer"] == 40


# ---- read-only folders ---------------------------------------------------------------------------------

def test_export_and_backup_into_a_read_only_folder(tmp_path, read_only_dir):
    company = make_company(tmp_path / "co.ardb")
    folder = tmp_path / "ro"
    folder.mkdir()
    read_only_dir(folder)
    plain_error(ar("--db", company, "export", "customers", folder / "c.csv"), "c.csv")
    plain_error(ar("--db", company, "export", "aging", folder / "a.xlsx", "--as-of", "2026-03-31"), "a.xlsx")
    plain_error(ar("--db", company, "backup", folder / "b.ardb"), "b.ardb")
    assert list(folder.iterdir()) == []


# ---- a reader that went away ---------------------------------------------------------------------------

@pytest.mark.parametrize("command", [["backup", "{tmp}/copy.ardb"], ["aging", "--as-of", "2026-03-31"], ["check"],
                                     ["export", "customers", "{tmp}/c.csv"]])
def test_a_closed_pipe_is_no_error(tmp_path, command):
    """`ar-desktop ... | head -1`: the reader leaves before the program writes; the work is done, quietly."""
    company = make_company(tmp_path / "co.ardb")
    read, write = os.pipe()
    os.close(read)
    try:
        r = ar("--db", company, *[c.format(tmp=tmp_path) for c in command], stdout=write)
    finally:
        os.close(write)
    assert r.returncode == 141 and r.stderr == "", r.stderr
    if command[0] == "backup":
        assert check_path(tmp_path / "copy.ardb").ok  # the backup was made all the same


# ---- tidy after trouble --------------------------------------------------------------------------------

KILLED_MID_WRITE = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from ar_desktop.storage import scratch
    company, temp = Path(sys.argv[1]), Path(sys.argv[2])
    with scratch.tracked(company, temp):
        temp.write_bytes(b"half of an export")
        Path(str(temp) + "-journal").write_bytes(b"journal")
        os.kill(os.getpid(), 9)
""")


def test_leftovers_of_interrupted_work_are_removed_on_the_next_open(tmp_path):
    company = make_company(tmp_path / "co.ardb")
    exports = tmp_path / "exports"
    exports.mkdir()
    for temp in (exports / "invoices.csv.part", tmp_path / "copy.ardb.part"):  # an export, a backup elsewhere
        r = subprocess.run([sys.executable, "-c", KILLED_MID_WRITE, str(company), str(temp)], env=ENV)
        assert r.returncode == -9 and temp.exists()
    # beside the company file: a restore's copy, a rotating backup's and an upgrade backup's copies,
    # hidden temporary PDFs of a letter batch
    left = [tmp_path / "co.ardb.restoring", tmp_path / "co.ardb.restoring-journal",
            tmp_path / "co.backups" / "co-20260331-120000-000000-closed.ardb.part",
            tmp_path / "co.before-upgrade-20260331-120000-000000.ardb.bak.part",
            tmp_path / "co.letters" / "2026" / ".2026-03-31_C001_demand_letter_L000001.pdf.0a1b2c.tmp"]
    for p in left:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"left over")
    mine = [tmp_path / "download.pdf.part", tmp_path / "co.ardb.notes", exports / "invoices.csv",
            tmp_path / "co.letters" / "2026" / "keep.tmp"]  # not ours: never removed
    for p in mine:
        p.write_bytes(b"the user's own")
    books = open_company(company)
    books.close()
    for p in left + [exports / "invoices.csv.part", exports / "invoices.csv.part-journal", tmp_path / "copy.ardb.part"]:
        assert not p.exists(), p
    assert all(p.read_bytes() == b"the user's own" for p in mine)
    assert list((tmp_path / "co.backups" / ".pending").iterdir()) == []


def test_a_temp_file_still_being_written_is_left_alone(tmp_path):
    """An online backup in another process, still at work: its .part is locked and noted, not removed."""
    company = make_company(tmp_path / "co.ardb")
    still = textwrap.dedent("""
        import sys, time
        from pathlib import Path
        from ar_desktop.storage import scratch
        from ar_desktop.storage.lock import FileLock
        temp = Path(sys.argv[2])
        temp.write_bytes(b"copy in progress")
        lock = FileLock(temp)
        lock.acquire()
        with scratch.tracked(Path(sys.argv[1]), temp):
            print("ready", flush=True)
            time.sleep(60)
    """)
    temp = tmp_path / "busy.ardb.part"
    proc = subprocess.Popen([sys.executable, "-c", still, str(company), str(temp)], env=ENV, stdout=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        open_company(company).close()
        assert temp.read_bytes() == b"copy in progress"
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
    open_company(company).close()
    assert not temp.exists()


def test_a_company_file_on_a_read_only_disk_can_be_read_not_written(tmp_path, read_only_dir):
    folder = tmp_path / "cd"
    folder.mkdir()
    company = make_company(folder / "co.ardb")
    (tmp_path / "customers.csv").write_text("code,name\nNEW1,New One\n", encoding="utf-8")
    (tmp_path / "invoices.csv").write_text("number,customer_code,issue_date,amount\nR1,C000,2026-03-01,10.00\n",
                                           encoding="utf-8")
    read_only_dir(folder)
    before = company.read_bytes()
    assert ar("--db", company, "aging", "--as-of", "2026-03-31").returncode == 0
    assert ar("--db", company, "check").returncode == 0
    assert ar("--db", company, "backup", tmp_path / "copy.ardb").returncode == 0
    plain_error(ar("--db", company, "import", "customers", tmp_path / "customers.csv"), "read-only")
    plain_error(ar("--db", company, "import", "invoices", tmp_path / "invoices.csv"), "read-only")
    assert company.read_bytes() == before
    assert describe_backup(tmp_path / "copy.ardb").counts["customer"] == 3


def test_the_worklist_of_a_file_on_a_read_only_disk_with_a_broken_promise(tmp_path, read_only_dir):
    """Showing the worklist used to record the broken promise, so on a read-only disk it failed with
    'the change was not saved' although the bookkeeper changed nothing. Looking only reads."""
    from ar_desktop.services import collection_log, invoicing

    folder = tmp_path / "cd"
    folder.mkdir()
    company = make_company(folder / "co.ardb")
    books = open_company(company, clock=FixedClock(TODAY))
    invoicing.add_invoice(books, {"number": "I1", "customer_code": "C000", "issue_date": "2026-01-02",
                                  "due_date": "2026-02-01", "amount": "300.00"})
    collection_log.record_promise(books, "C000", "2026-03-10", "100.00", made_on="2026-03-01")
    books.close()
    read_only_dir(folder)
    before = company.read_bytes()
    r = ar("--db", company, "collections", "--as-of", "2026-03-31", "--by", "customer", "--format", "csv")
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert r.stdout.splitlines()[1].startswith("C000,")
    assert company.read_bytes() == before
