"""The printed collection file read back: a Chinese customer's name in the page heading is text, not
boxes; the last step reads by its name, never its key; the headings of the columns of figures
stand over their figures; in a Chinese interface the whole file is Chinese; amounts are written as
the company writes them."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from pdftext import find_words, text, words

from ar_desktop.clock import FixedClock
from ar_desktop.services import (collection_history, collection_holds, collection_log, credit_limits, disputes,
                                 letters, payment_plans, worklist)
from ar_desktop.services.collection_file import collection_file_pdf
from ar_desktop.services.demo import build_demo

TODAY = dt.date(2026, 3, 31)


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    b = build_demo(tmp_path_factory.mktemp("cfile") / "demo.ardb", FixedClock(TODAY))
    yield b
    b.close()


def test_a_chinese_name_in_the_page_heading_is_text(books):
    pdf = collection_file_pdf(books, "HUA08", TODAY)
    first_line = text(pdf).splitlines()[0]
    assert first_line.startswith("Collection file HUA08 — 华南纺织品进出口有限公司 — as of 2026-03-31"), first_line


def test_the_last_step_reads_by_its_name(books):
    code = "BAL02"
    letters.issue_letters(books, TODAY, [code])
    status = worklist.customer_status(books, code, TODAY)
    assert status.last_step == "agency"
    body = " ".join(text(collection_file_pdf(books, code, TODAY)).split())
    assert "Last step Hand over to a collection agency on 2026-03-31" in body
    assert "agency on" not in body.replace("collection agency on", "")


def test_figures_stand_under_their_headings(books):
    pdf = collection_file_pdf(books, "HUA08", TODAY)
    ws = [w for w in words(pdf) if w.page == 1]
    for heading, figure in (("Amount", "1.801,64"), ("Open", "1.163,23")):  # a German company's style
        value = find_words(ws, figure)[0]
        head = max((w for w in ws if w.text == heading and w.y0 < value.y0), key=lambda w: w.y0)  # just above
        assert abs(head.x1 - value.x1) < 2, (heading, head, value)  # right-aligned together


def _chinese():
    """The program's shipped Chinese translation, as the window's translator reads it."""
    from PySide6.QtCore import QTranslator

    from ar_desktop.paths import TRANSLATIONS

    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "ar_desktop_zh_CN.qm"))
    return lambda context, source: translator.translate(context, source) or source


RAW_KEY = re.compile(r"\b[a-z]+_[a-z_]+\b")  # demand_letter, action_due, step_done


def test_in_a_chinese_interface_the_whole_file_is_chinese(books):
    """Issue #13: headings and state words were English and raw ("action due", step keys) in Chinese."""
    pdf = collection_file_pdf(books, "SAX19", TODAY, _chinese())
    body = " ".join(text(pdf).split())
    for words in ("催收档案 SAX19", "截至 2026-03-31", "编制单位", "联系人", "未结余额", "状态 待处理", "下一步骤 正式催款函（挂号信）",
                  "付款承诺 2026-03-21 前付 2.000,00（已履行）", "未结发票", "开票日期", "逾期天数", "催收记录",
                  "承诺付款 2026-03-21 前付 2.000,00", "第 1 页，共 1 页"):
        assert words in body, (words, body)
    english = [w for w in ("Collection file", "Prepared by", "Open balance", "Overdue", "State", "Action due", "Next step",
                           "Promise", "Open invoices", "Issued", "Days overdue", "Timeline", "Details", "Page", "kept",
                           "due 2026", "bank transfer", "Total") if w in body]
    assert not english, english
    assert not RAW_KEY.findall(body), RAW_KEY.findall(body)


def test_the_english_file_names_states_and_kinds_never_keys(books):
    body = " ".join(text(collection_file_pdf(books, "SAX19", TODAY)).split())
    assert "State Action due" in body and "Promise 2.000,00 by 2026-03-21 (kept)" in body, body
    assert "promise 2.000,00 by 2026-03-21" in body  # the timeline's amounts in the company's style too
    assert "Next step Formal demand letter (registered mail) (due since 2026-01-10)" in body
    assert not RAW_KEY.findall(body), RAW_KEY.findall(body)
    assert "2000.00" not in body and "2,000.00" not in body


def test_a_step_due_later_is_not_due_since_a_future_day(books):
    status = worklist.customer_status(books, "KAS11", TODAY)
    assert status.next_step_date > TODAY  # due in 11 days: the worklist says "in 11 days"
    body = " ".join(text(collection_file_pdf(books, "KAS11", TODAY)).split())
    assert f"(due on {status.next_step_date.isoformat()})" in body and "due since" not in body


def test_a_note_reads_its_label_once(books):
    """The timeline names the entry's kind beside its details: a note read "备注 | 备注：…" ("note | Note: …")."""
    collection_log.add_note(books, "GRA07", TODAY, "Rang the accountant, cheque in the post")
    english = " ".join(text(collection_file_pdf(books, "GRA07", TODAY)).split())
    assert "note Rang the accountant, cheque in the post" in english, english
    assert "Note: Rang" not in english
    chinese = " ".join(text(collection_file_pdf(books, "GRA07", TODAY, _chinese())).split())
    assert "备注 Rang the accountant, cheque in the post" in chinese, chinese
    assert "备注：" not in chinese and "备注:" not in chinese
    entry = [e for e in collection_history.history(books, "GRA07") if e.kind == "note"][-1]
    assert str(entry.text) == "Rang the accountant, cheque in the post"


def test_plans_holds_and_credit_reviews_read_their_label_once(books):
    """As the note: a plan read "payment plan | Payment plan: …" (分期付款计划 | 分期付款计划：…), a hold "hold |
    Collections on hold until …", a credit review "credit review | Credit reviewed: …"; each label stands once,
    in its column, and the details say the rest."""
    code = "GRA07"
    number = payment_plans.plan_candidates(books, code)[0].number
    payment_plans.create_payment_plan(books, code, [number], 2, TODAY + dt.timedelta(days=10), 30, "agreed by phone",
                                      starts_on=TODAY)
    collection_holds.put_on_hold(books, code, TODAY + dt.timedelta(days=5), "waiting for the delivery notes", on=TODAY)
    collection_holds.release_hold(books, code, TODAY, "notes found")
    credit_limits.mark_credit_reviewed(books, code, TODAY, "limit kept")
    english = " ".join(text(collection_file_pdf(books, code, TODAY)).split())
    assert f"payment plan 2 instalments of " in english and "Payment plan" not in english, english
    assert "hold until 2026-04-05: waiting for the delivery notes" in english and "on hold until" not in english
    assert "hold released notes found" in english and "Hold released" not in english
    assert "credit review limit kept" in english and "Credit reviewed" not in english
    chinese = " ".join(text(collection_file_pdf(books, code, TODAY, _chinese())).split())
    for label, details in (("分期付款计划", "共 2 期"), ("暂停催收", "至 2026-04-05：waiting for the delivery notes"),
                           ("恢复催收", "notes found"), ("信用复核", "limit kept")):
        assert f"{label} " in chinese and details in chinese, (label, chinese)
        assert f"{label}：" not in chinese and f"{label} {label}" not in chinese, (label, chinese)
    assert "已完成信用复核" not in chinese and "解除暂停" not in chinese


def test_steps_and_calls_read_their_label_once(books):
    """As the note: a step read "step done | Step done: Reminder" (步骤完成 | 已完成步骤：付款提醒), a call "call |
    Phone call: no answer" (电话 | 电话催收：无人接听)."""
    code = "THA20"   # a customer no other test here reads (KAS11's next step is read above)
    collection_log.log_step(books, code, "reminder", TODAY, note="by e-mail")
    collection_log.log_step(books, code, "phone_call", TODAY, skipped=True, reason="no number on file")
    collection_log.log_call(books, code, TODAY, "no_answer")
    english = " ".join(text(collection_file_pdf(books, code, TODAY)).split())
    for line in ("step done Reminder: by e-mail", "step skipped Phone call: no number on file", "call no answer"):
        assert f"2026-03-31 {line}" in english, (line, english)
    assert "Step done" not in english and "Step skipped" not in english and "Phone call: no answer" not in english
    chinese = " ".join(text(collection_file_pdf(books, code, TODAY, _chinese())).split())
    for line in ("步骤完成 付款提醒：by e-mail", "步骤跳过 电话催收：no number on file", "电话 无人接听"):
        assert f"2026-03-31 {line}" in chinese, (line, chinese)
    assert "已完成步骤" not in chinese and "已跳过步骤" not in chinese and "电话催收：无人接听" not in chinese


def test_a_long_name_is_cut_in_the_running_heading_and_a_company_without_an_address_ends_its_line(tmp_path):
    """The heading ran off the page for a long name (drawn on one line); "Prepared by X," ended in a comma."""
    from pdftext import page_sizes

    from ar_desktop.services import customers
    from ar_desktop.services.company_file import create_company

    b = create_company(tmp_path / "co.ardb", "Test Trading Ltd", "EUR", "DE", clock=FixedClock(TODAY))
    try:
        for code, name in (("LONG", ("Long Name Trading and Manufacturing Company " * 5)[:200]),
                           ("HUA", "华南纺织品进出口有限公司" * 16)):
            customers.add_customer(b, {"code": code, "name": name})
            for tr in (None, _chinese()):
                pdf = collection_file_pdf(b, code, TODAY, tr)
                width = page_sizes(pdf)[0][0]
                ws = words(pdf)
                top = min(w.y0 for w in ws)
                heading = [w for w in ws if w.page == 1 and w.y0 == top]
                assert max(w.x1 for w in heading) < width - 40, heading[-1]   # inside the right margin
                assert heading[-1].text == "2026-03-31" and "…" in "".join(w.text for w in heading), heading
                body = "".join(text(pdf).split())
                assert "".join(name.split()) in body          # the title says it whole
                assert ("PreparedbyTestTradingLtd" if tr is None else "编制单位：TestTradingLtd") in body
                assert "TestTradingLtd," not in body and "TestTradingLtd，" not in body
    finally:
        b.close()


def test_credit_entries_read_their_label_once(books):
    """An insured limit read "insured limit | Insured limit 20.000,00 (policy …)" (保险限额 | 保险限额 …), a credit
    check "credit check | Credit check (registry): …", a confirmation "confirmation sent | Balance confirmation sent,
    …"; each label now stands once, in its column. The sources of a check are listed with 、 in Chinese (were ", ")."""
    from ar_desktop.services import confirmations, credit_checks

    code = "ELB05"   # insured in the sample; no other test here reads it
    credit_checks.record_credit_check(books, code, TODAY, "registry, financials", "Registry clean", "approved", "30000",
                                      next_review=dt.date(2026, 9, 30), apply_limit=False)
    rid, _pdf = confirmations.request_confirmation(books, code, dt.date(2026, 4, 30))
    confirmations.record_returned_slip(books, rid, TODAY, agreed=False, note="credit note missing")
    english = " ".join(text(collection_file_pdf(books, code, TODAY)).split())
    for line in ("insured limit 40.000,00 (policy", "credit check registry extract, financial statements: credit granted; next review "
                 "2026-09-30. Registry clean", "confirmation sent to be returned by 2026-04-30",
                 "confirmation returned with a difference: credit note missing"):
        assert line in english, (line, english)
    for label in ("Insured limit", "Credit check", "Balance confirmation"):
        assert label not in english, (label, english)
    chinese = " ".join(text(collection_file_pdf(books, code, TODAY, _chinese())).split())
    for line in ("保险限额 40.000,00（保单", "工商登记信息、财务报表：", "须于 2026-04-30 前寄回", "对账函寄回 存在差异：credit note missing"):
        assert line in chinese, (line, chinese)
    for label in ("保险限额 保险限额", "信用调查 信用调查", "已寄出对账确认函", "对账确认函已寄回"):
        assert label not in chinese, (label, chinese)


def test_promises_disputes_and_overrides_read_their_label_once(books):
    """As the steps: a promise read "promise | Promise to pay 500,00 by …" (承诺付款 | 承诺于 … 前付款), a dispute
    "dispute | Invoice X disputed (…)", its end "dispute resolved | Dispute on invoice X resolved", an override
    "credit override | Credit limit overridden for invoice X" (and 信用等级调整, "credit rating adjusted", for it)."""
    code, disputed, overridden = "MIL13", "2026-01121", "2026-01125"
    collection_log.record_promise(books, code, TODAY + dt.timedelta(days=10), "500", made_on=TODAY)
    disputes.mark_dispute(books, disputed, "wrong quantity", "100", on=TODAY)
    disputes.resolve_dispute(books, disputed, "credit note agreed", on=TODAY)
    credit_limits.record_credit_override(books, code, overridden, "agreed by the director", on=TODAY)
    english = " ".join(text(collection_file_pdf(books, code, TODAY)).split())
    for line in ("promise 500,00 by 2026-04-10", f"dispute 100,00 of invoice {disputed}: wrong quantity",
                 f"dispute resolved invoice {disputed}: credit note agreed",
                 f"credit override invoice {overridden}: agreed by the director"):
        assert f"2026-03-31 {line}" in english, (line, english)
    assert not [w for w in ("Promise to pay", "disputed (", "Dispute on", "Credit limit overridden") if w in english]
    chinese = " ".join(text(collection_file_pdf(books, code, TODAY, _chinese())).split())
    for line in ("承诺付款 2026-04-10 前付 500,00", f"争议 发票 {disputed} 的 100,00：wrong quantity",
                 f"争议解决 发票 {disputed}：credit note agreed", f"超信用额度开票 发票 {overridden}：agreed by the director"):
        assert f"2026-03-31 {line}" in chinese, (line, chinese)
    assert not [w for w in ("承诺于", "有争议（", "的争议已解决", "超信用额度开具", "信用等级调整") if w in chinese]
