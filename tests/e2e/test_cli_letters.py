"""The charges, letters and registered commands, run as a real program in a subprocess."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from clirun import run, ok, one_line_error









@pytest.fixture
def db(tmp_path) -> Path:
    (tmp_path / "customers.csv").write_text(
        "code,name,address,city,late_charge_rule,late_charge_rate\n"
        "BETA,Beta GmbH,Ring 1,Berlin,statutory_de,\n"
        "ACME,Acme Ltd,Mill Lane 4,Manchester,contract_daily,0.05\n"
        "ZED,Zed Ltd,,Leeds,,\n", encoding="utf-8")
    (tmp_path / "invoices.csv").write_text(
        "number,customer_code,issue_date,due_date,amount\n"
        "A-2,ACME,2025-03-01,2025-03-31,1000.00\n"
        "A-1,ACME,2025-03-01,2025-03-31,500.00\n"
        "B-1,BETA,2024-05-26,2024-06-25,5000.00\n"
        "Z-1,ZED,2025-04-01,2025-05-01,10.00\n", encoding="utf-8")
    path = tmp_path / "co.ardb"
    ok("--db", str(path), "init", "--company", "Test GmbH", "--country", "DE")
    ok("--db", str(path), "import", "customers", str(tmp_path / "customers.csv"))
    ok("--db", str(path), "import", "invoices", str(tmp_path / "invoices.csv"))
    return path


def test_charges_csv_exact(db):
    out = ok("--db", str(db), "charges", "--as-of", "2024-07-05", "--format", "csv")
    # docs/late-charges.md: 5,000.00 EUR due 25 Jun 2024 under 288 BGB, open on 5 Jul 2024: 17.12 + 40.00
    assert out == ("invoice_number,customer_code,currency,days_late,interest,fixed_compensation,rule\n"
                   "B-1,BETA,EUR,10,17.12,40.00,statutory_de\n")
    out = ok("--db", str(db), "charges", "--as-of", "2025-04-30", "--format", "csv")
    # B-1 under 288 BGB, 5,000.00 open 26 Jun 2024 - 30 Apr 2025 (309 days, act/365), base rate + 9 points:
    # 5 days at 12.62 % (3.62 + 9) + 184 days at 12.37 % (3.37 + 9) + 120 days at 11.27 % (2.27 + 9)
    # = 8.64 + 311.79 + 185.26 = 505.70, plus the fixed 40.00
    assert out.splitlines() == [
        "invoice_number,customer_code,currency,days_late,interest,fixed_compensation,rule",
        "A-1,ACME,EUR,30,7.50,0.00,contract_daily",
        "A-2,ACME,EUR,30,15.00,0.00,contract_daily",
        "B-1,BETA,EUR,309,505.70,40.00,statutory_de"]
    table = ok("--db", str(db), "charges", "--as-of", "2025-04-30")
    assert table.splitlines()[0].split() == ["invoice_number", "customer_code", "currency", "days_late", "interest",
                                             "fixed_compensation", "rule"]
    assert "No invoice paid late" in ok("--db", str(db), "charges", "--as-of", "2024-01-01")


def test_letters_issue_copy_and_registered(db, tmp_path):
    out_dir = tmp_path / "out"
    out = ok("--db", str(db), "letters", "--as-of", "2025-05-20", "--out", str(out_dir), "--layout", "us-10")
    lines = out.splitlines()
    assert len(lines) == 3                                   # ACME, BETA, ZED: demand letters due
    paths = {}
    for line in lines:
        path, label = line.split("\t")
        assert label.startswith("letter ")
        paths[int(label.split()[1])] = Path(path)
    assert sorted(p.name for p in paths.values()) == [
        "2025-05-20_ACME_demand_letter_L000001.pdf", "2025-05-20_BETA_demand_letter_L000002.pdf",
        "2025-05-20_ZED_demand_letter_L000003.pdf"]
    con = sqlite3.connect(db)
    try:
        for lid, copy in paths.items():
            rel, sha, layout = con.execute("SELECT archive_path, sha256, layout FROM letter WHERE id=?",
                                           (lid,)).fetchone()
            archived = db.parent / "co.letters" / rel
            assert copy.read_bytes() == archived.read_bytes()
            assert hashlib.sha256(archived.read_bytes()).hexdigest() == sha
            assert layout == "us-10"
        assert con.execute("SELECT count(*) FROM collection_event WHERE kind='step_done'").fetchone()[0] == 3
    finally:
        con.close()
    # the steps are done: nothing is due again the same day
    assert ok("--db", str(db), "letters", "--as-of", "2025-05-20", "--out", str(out_dir)).strip() == \
        "No letters due on 2025-05-20."
    # one customer, an explicit step
    out = ok("--db", str(db), "letters", "--as-of", "2025-05-21", "--out", str(out_dir), "--customer", "ACME",
             "--step", "reminder")
    assert out.strip().endswith("letter 4") and "2025-05-21_ACME_reminder_L000004.pdf" in out

    msg = ok("--db", str(db), "registered", "2", "--tracking", "RR123456785DE", "--posted", "2025-05-21")
    assert msg.strip() == "letter 2 (L000002) posted 2025-05-21, tracking RR123456785DE"
    msg = ok("--db", str(db), "registered", "2", "--tracking", "RR123456785DE", "--posted", "2025-05-21",
             "--delivered", "2025-05-23")
    assert msg.strip() == ("letter 2 (L000002) posted 2025-05-21, tracking RR123456785DE; "
                           "delivered 2025-05-23, response due 2025-06-06")
    err = one_line_error(run("--db", str(db), "registered", "1", "--tracking", "RR123456784DE",
                             "--posted", "2025-05-21"))
    assert "check digit" in err
    err = one_line_error(run("--db", str(db), "registered", "2", "--tracking", "RR987654326DE",
                             "--posted", "2025-05-21"))
    assert "already recorded as posted on 2025-05-21" in err


def test_letters_errors_are_one_line(db, tmp_path):
    err = one_line_error(run("--db", str(db), "letters", "--as-of", "2025-05-20", "--out", str(tmp_path / "o"),
                             "--customer", "ACME", "--step", "phone_call"))
    assert "sends no letter" in err
    err = one_line_error(run("--db", str(db), "letters", "--as-of", "2025-05-20", "--out", str(tmp_path / "o"),
                             "--layout", "a5"))
    assert "invalid choice: 'a5'" in err
    assert not (tmp_path / "o").exists()
    assert not (db.parent / "co.letters").exists() or not any((db.parent / "co.letters").rglob("*.pdf"))


def test_letters_batch_skips_with_reasons_exit_4_and_dry_run(db, tmp_path):
    # BETA's statutory German interest needs the base rate of 1 July 2026, which is not published yet
    dry = run("--db", str(db), "letters", "--as-of", "2026-07-20", "--out", str(tmp_path / "drafts"), "--dry-run")
    assert dry.returncode == 4, dry.stderr
    assert dry.stderr.strip().splitlines() == [
        "skipped BETA: The rate table has no German base rate for 2026-07-01: enter the German base rate valid from "
        "2026-07-01 under Settings ▸ Reference rates."]
    drafts = sorted(p.name for p in (tmp_path / "drafts").iterdir())
    assert drafts and all("_DRAFT.pdf" in n for n in drafts) and all("draft (not issued)" in line
                                                                    for line in dry.stdout.splitlines())
    assert sqlite3.connect(db).execute("SELECT count(*) FROM letter").fetchone()[0] == 0
    real = run("--db", str(db), "letters", "--as-of", "2026-07-20", "--out", str(tmp_path / "out"))
    assert real.returncode == 4 and "skipped BETA:" in real.stderr
    issued = real.stdout.strip().splitlines()
    assert len(issued) == len(drafts) and all("\tletter " in line for line in issued)
    # everything due now issued: a second run has nothing left but the skipped customer
    again = run("--db", str(db), "letters", "--as-of", "2026-07-20", "--out", str(tmp_path / "out"))
    assert again.returncode == 4 and again.stdout == ""
    refused = run("--db", str(db), "letters", "--as-of", "2026-07-20", "--out", str(db))
    assert refused.returncode == 1 and "is a file, not a folder" in refused.stderr


def test_a_copy_failing_after_the_commit_says_the_letters_were_issued(db, tmp_path, monkeypatch, capsys):
    import errno

    from ar_desktop.cli import letters as cli_letters
    from ar_desktop.cli import run as run_in_process

    def disk_full(data: bytes, target: Path, *where) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cli_letters, "_copy", disk_full)
    code = run_in_process(["--db", str(db), "letters", "--as-of", "2025-05-20", "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    issued = sqlite3.connect(db).execute("SELECT count(*) FROM letter").fetchone()[0]
    assert code == 1 and issued >= 1
    assert f"{issued} letter(s) were issued, archived in" in err and "No space left on device" in err
    assert "do not issue them again" in err and "othing was" not in err


def test_sample_company_letters_today_exit_0_and_every_due_letter_issued(tmp_path):
    import datetime as dt

    db = tmp_path / "sample.ardb"
    ok("--db", str(db), "demo")
    today = dt.date.today().isoformat()       # the sample company is built around the real today
    first = run("--db", str(db), "letters", "--as-of", today, "--out", str(tmp_path / "out"))
    assert first.returncode == 0 and first.stderr == "", first.stderr
    issued = first.stdout.strip().splitlines()
    assert issued and all("\tletter " in line for line in issued)
    assert len(list((tmp_path / "out").glob("*.pdf"))) == len(issued)
    again = run("--db", str(db), "letters", "--as-of", today, "--out", str(tmp_path / "out"))
    assert again.returncode == 0 and again.stdout == f"No letters due on {today}.\n"
