"""What the program writes into a customer's records reads in the interface language when it is shown: the
collection file's lines written by the services (a promise broken or kept, a payment plan made, broken and
kept, an override, a quarterly review, an issued letter, a scanned receipt, an e-mail reminder, an
early-payment discount) are kept as sentences with their figures, never as English text; English that an older
version stored stays readable as it was. Also in Chinese: the reminder e-mail to a Chinese customer, the ladder
dialog's description of each class, the letter archive's and the file check's findings, and the errors the
system or SQLite give."""

from __future__ import annotations

import datetime as dt
import errno
import sqlite3

import pytest
from sqlalchemy import text

from ar_desktop.clock import FixedClock
from ar_desktop.domain.text import Text
from ar_desktop.services import (collection_history, collection_ladders, collection_log, credit_limits, payment_plans,
                                 worklist)
from ar_desktop.services import customers, invoicing, payments, review
from ar_desktop.services.company_file import create_company
from ar_desktop.services.letter_archive import archive_problems
from ar_desktop.services.letter_issue import issue_letters
from ar_desktop.services.registered_mail import attach_receipt
from ar_desktop.services.reminder_mail import reminder_mail
from ar_desktop.ui.dialogs.ladder_dialog import LadderDialog
from ar_desktop.ui.i18n import render, trouble_text


from test_no_english_in_chinese import chinese, english_in  # noqa: F401 - the fixture

DUE = dt.date(2026, 3, 1)
TYPED = ("Zahlungszusage", "the director agreed", "Note from an older version: customer called twice")


def d(n: int) -> dt.date:
    return DUE + dt.timedelta(days=n)


@pytest.fixture
def bk(tmp_path):
    clock = FixedClock(d(0))
    b = create_company(tmp_path / "co.ardb", "Test Trading Ltd", "EUR", "DE", clock=clock)
    b.test_clock = clock
    customers.add_customer(b, {"code": "C1", "name": "深圳市华强电子科技有限公司", "contact": "李明", "language": "zh",
                               "email": "ap@huaqiang.example", "terms": "2/10 net 30", "credit_class": "B",
                               "address": "南山区高新南一道8号", "postcode": "518057", "city": "深圳市", "country": "CN"})
    for number, due in (("I1", DUE), ("I2", DUE), ("I3", DUE), ("I4", d(40))):
        invoicing.add_invoice(b, {"number": number, "customer_code": "C1", "issue_date": (due - dt.timedelta(days=30))
                                  .isoformat(), "due_date": due.isoformat(), "amount": "1300.00"})
    yield b
    b.close()


def _history_written_by_the_program(bk, tmp_path) -> None:
    clock = bk.test_clock
    clock.day = d(5)
    collection_log.record_promise(bk, "C1", d(10), "100.00", d(5))                      # broken: nothing paid by then
    clock.day = d(20)
    worklist.record_outcomes(bk)
    payment_plans.create_payment_plan(bk, "C1", ["I2"], 2, d(30), 30, starts_on=d(20))  # broken: nothing paid
    clock.day = d(70)
    worklist.record_outcomes(bk)
    payment_plans.create_payment_plan(bk, "C1", ["I3"], 1, d(80), 30, starts_on=d(70))  # kept: paid in full
    clock.day = d(72)
    payments.record_payment(bk, {"customer_code": "C1", "date": d(71).isoformat(), "amount": "1300.00",
                                 "invoice_number": "I3"})
    worklist.record_outcomes(bk)
    payments.record_payment(bk, {"customer_code": "C1", "date": d(15).isoformat(), "amount": "1274.00",
                                 "invoice_number": "I4"})                     # within 10 days: 2 % discount
    credit_limits.record_credit_override(bk, "C1", "NEXT-9", TYPED[1], on=d(72))
    review.record_decision(bk, "2026Q2", "C1", "change_limit", new_limit="5000.00", note=TYPED[0], on=d(72))
    [letter] = issue_letters(bk, d(72), ["C1"])
    scan = tmp_path / "receipt.pdf"
    scan.write_bytes(b"%PDF-1.4\n%%EOF\n")
    attach_receipt(bk, letter.letter_id, scan, "posting_receipt", d(72))
    collection_log.add_note(bk, "C1", d(72), Text("E-mail reminder opened in the mail program, to {to}: {subject}",
                                                  to="ap@huaqiang.example", subject="付款提醒"))
    collection_log.add_note(bk, "C1", d(72), TYPED[2])


def test_the_collection_file_reads_in_chinese(chinese, bk, tmp_path):
    _history_written_by_the_program(bk, tmp_path)
    history = collection_history.history(bk, "C1")
    kinds = {e.kind for e in history}
    assert {"promise_broken", "plan", "plan_broken", "plan_kept", "credit_override", "credit_review", "discount",
            "step_done", "mail_receipt", "note"} <= kinds, kinds
    lines = [render(e.text) for e in history]
    data = ["深圳市华强电子科技有限公司", "ap@huaqiang.example", "Test Trading Ltd", "NEXT-9", *TYPED, "L000001", "I1", "I2", "I3", "I4",
            "SHA-256", "EUR"]
    english = english_in([("history", line) for line in lines if TYPED[2] not in line], data)
    assert not english, english
    # the figures are the record's, and the older English note is shown as it was stored
    assert any("发票 I3 已全额付清" in line for line in lines), lines
    assert ("discount", "发票 I4") in [(e.kind, line) for e, line in zip(history, lines)], lines   # beside 现金折扣
    assert any(line.endswith(TYPED[2]) for line in lines)
    # the command line reads the same records in English
    english_lines = [str(e.text) for e in history]
    assert any(t.startswith("Invoices I3 paid in full.") for t in english_lines), english_lines
    assert any("invoice I4" == t for t in english_lines), english_lines


def test_the_reminder_mail_is_written_in_the_customers_language(bk):
    to, subject, body = reminder_mail(bk, "C1", d(10))
    assert to == "ap@huaqiang.example"
    assert subject == "付款提醒：3张逾期发票（3,900.00欧元）"
    assert body.startswith("尊敬的李明：")
    assert "I1  到期日 2026-03-01  已逾期   10 天" in body and "逾期应收账款合计：3,900.00欧元" in body
    words = [w for w in __import__("re").findall(r"[A-Za-z]{3,}", body) if w not in ("Test", "Trading", "Ltd")]
    assert words == [], words


def test_the_ladder_dialog_describes_each_class_in_chinese_from_its_steps(chinese, bk, qtbot):
    dialog = LadderDialog(None, bk)
    qtbot.addWidget(dialog)
    for i in range(dialog.credit_class.count()):
        dialog.credit_class.setCurrentIndex(i)
        text = dialog.explanation.text()
        assert english_in([("ladder", text)], []) == [], text
    assert "逾期 45 天" in text and "到期前 5 天" in text   # class C's own days
    collection_ladders.set_class_ladder(bk, "C", [dict(s.to_dict(), threshold_days=s.threshold_days + 1)
                                   for s in collection_ladders.class_ladder(bk, "C").steps])
    dialog.load()
    assert "逾期 46 天" in dialog.explanation.text()       # an edited ladder is described as it is


def test_the_archive_check_and_system_errors_read_in_chinese(chinese, bk, tmp_path):
    _history_written_by_the_program(bk, tmp_path)
    folder = tmp_path / "co.letters"
    [pdf] = [p for p in folder.rglob("*.pdf") if p.parent.name.isdigit()]
    stray = pdf.with_name(pdf.name.replace("L000001", "L000009"))
    stray.write_bytes(pdf.read_bytes())
    pdf.write_bytes(b"changed")
    problems = archive_problems(bk.db.path)
    assert len(problems) == 2 and all(isinstance(p, Text) for p in problems)
    shown = [render(p) for p in problems]
    assert english_in([("check", s) for s in shown], [str(stray), str(folder / "interrupted"), "SHA-256", "L000001",
                                                       "L000009"]) == [], shown
    assert "orphan" not in " ".join(str(p) for p in problems)  # the command line's English is whole sentences
    for error, words in ((PermissionError(errno.EACCES, "Permission denied", "/srv/co.ardb"), "权限"),
                         (OSError(errno.ENOSPC, "No space left on device", "/srv/co.ardb"), "磁盘已满"),
                         (sqlite3.DatabaseError("database disk image is malformed"), "恢复最近的备份"),
                         (sqlite3.OperationalError("database is locked"), "另一个程序")):
        text = trouble_text(error)
        assert words in text, text
        said, detail = text.split("（系统信息：")          # what happened and what to do, then the system's words
        assert english_in([("error", said)], []) == [], said
        assert detail.rstrip("）") in (f"{error.strerror}: {error.filename}" if isinstance(error, OSError)
                                      else str(error))


def test_the_timeline_says_a_correction_s_kind_once_in_english_and_chinese(chinese, bk):
    """Beside "discount", "reversal", "credit from a void" and "recovery" the timeline gives the details alone (the
    invoice, what was taken back and why, the payment's reference), never the kind's label again ("reversal |
    Payment reversed (…)", "recovery | Recovery of a written-off debt (Recovery of written-off debt. …)"), in either
    language; a void's credit no longer shows its English reference."""
    from ar_desktop.domain.collection_file import kind_text
    from ar_desktop.services.adjustments import write_off
    from ar_desktop.storage import invoices_repo

    bk.test_clock.day = d(30)
    payments.record_payment(bk, {"customer_code": "C1", "date": d(15).isoformat(), "amount": "1274.00",
                                 "invoice_number": "I4"})                      # within 10 days: 2 % discount
    cheque = payments.record_payment(bk, {"customer_code": "C1", "date": d(16).isoformat(), "amount": "100.00",
                                          "invoice_number": "I1", "reference": "BANK 7", "method": "cheque"})
    payments.reverse_payment(bk, cheque, d(17), "bounced")
    with bk.db.session() as s:
        [(discount,)] = s.execute(text("SELECT id FROM payment WHERE method = 'discount'")).all()
    payments.reverse_payment(bk, discount, d(17), "granted by mistake")
    payments.record_payment(bk, {"customer_code": "C1", "date": d(18).isoformat(), "amount": "1300.00",
                                 "invoice_number": "I2"})
    with bk.db.session() as s:
        i2 = invoices_repo.id_by_number(s, "I2")
    invoicing.void_invoice(bk, i2, "issued twice", d(19))                      # its 1,300.00 kept as credit
    write_off(bk, "I3", None, "insolvent", date=d(20))
    payments.record_payment(bk, {"customer_code": "C1", "date": d(21).isoformat(), "amount": "1800.00",
                                 "reference": "BANK 9"})                       # 500.00 more than is open: recovered
    lines = [(e.kind, str(e.text), render(kind_text(e.kind)), render(e.text))
             for e in collection_history.history(bk, "C1") if e.source == "ledger" and e.kind != "invoice"]
    assert [(kind, en) for kind, en, _k, _zh in lines] == [
        ("payment", "bank transfer"), ("discount", "invoice I4"), ("payment", "cheque, ref. BANK 7"),
        ("reversal", "cheque, ref. BANK 7: bounced"),
        ("reversal", "Early-payment discount (invoice I4): granted by mistake"), ("payment", "bank transfer"), ("void reversal", "invoice I2"),
        ("write-off", "insolvent"), ("recovery", "BANK 9"), ("payment", "bank transfer, ref. BANK 9")], lines
    shown = {kind: zh for kind, _en, _k, zh in lines if kind != "reversal"}
    assert (shown["discount"], shown["void reversal"], shown["recovery"]) == ("发票 I4", "发票 I2", "BANK 9")
    assert [zh for kind, _en, _k, zh in lines if kind == "reversal"] == ["支票，参考号 BANK 7：bounced",
                                                                       "提前付款折扣（发票 I4）：granted by mistake"]
    for kind, _en, label, zh in lines:   # the kind is said once: beside its label, not again in the details
        assert label not in zh, (kind, label, zh)
    assert english_in([("history", zh) for *_rest, zh in lines], ["BANK 7", "BANK 9", "bounced", "insolvent", "I2",
                                                                    "I4", "granted by mistake"]) == [], lines
