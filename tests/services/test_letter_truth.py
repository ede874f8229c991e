"""Letters never say anything untrue: on random histories, every claim a letter makes about the
past (earlier reminders, demands, registered mailings, late charges) is read back from the PDF
with pdftotext and checked against what the test itself recorded."""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pdf"))
from pdftext import text  # noqa: E402

from ar_desktop.clock import FixedClock  # noqa: E402
from ar_desktop.services import collection_log  # noqa: E402
from ar_desktop.services import customers, invoicing, letters  # noqa: E402
from ar_desktop.services import registered_mail as rm  # noqa: E402
from ar_desktop.services.company_file import create_company, save_company_profile  # noqa: E402

TODAY = dt.date(2026, 3, 31)
DUE = dt.date(2026, 1, 10)
STEPS = ("courtesy_reminder", "reminder", "phone_call", "demand_letter")
LETTER_STEPS = ("reminder", "demand_letter", "legal_action", "agency")


def long(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    rnd = random.Random(20260331)
    path = tmp_path_factory.mktemp("truth") / "truth.ardb"
    b = create_company(path, "Truthful Trading GmbH", "EUR", "DE", clock=FixedClock(TODAY))
    save_company_profile(b, {"legal_name": "Truthful Trading GmbH", "address": "Ring 1", "postcode": "10115",
                             "city": "Berlin", "country": "DE", "bank_account": "DE89370400440532013000",
                             "bank_bic": "COBADEFFXXX", "bank_name": "Commerzbank", "currency": "EUR",
                             "signer_name": "Eva Klar", "phone": "+49 30 1234"})
    truth = {}
    for n in range(24):
        code = f"C{n:02d}"
        rule = rnd.choice([{}, {"late_charge_rule": "contract_daily", "late_charge_rate": "0.05"},
                           {"late_charge_rule": "statutory_de"}])
        customers.add_customer(b, {"code": code, "name": f"Customer {n} GmbH", "address": f"Weg {n}",
                                   "postcode": "20095", "city": "Hamburg", "country": "DE", **rule})
        invoicing.add_invoice(b, {"number": f"{code}-1", "customer_code": code, "issue_date": "2025-12-11",
                                  "due_date": DUE.isoformat(), "amount": f"{rnd.randint(100, 9000)}.00"})
        done: list[tuple[str, dt.date]] = []
        posted: dict[dt.date, str] = {}
        day = DUE + dt.timedelta(days=rnd.randint(1, 5))
        for step in STEPS:
            if rnd.random() < 0.45:
                continue
            if step in ("reminder", "demand_letter") and rnd.random() < 0.6:   # a letter issued by the program
                [x] = letters.issue_letters(b, day, [code], step)
                if step == "demand_letter" and rnd.random() < 0.6:
                    tracking = rnd.choice(["RR123456785DE", "RR987654312DE"])
                    rm.record_posting(b, x.letter_id, "Deutsche Post", "Einschreiben Rückschein", tracking,
                                      day + dt.timedelta(days=1))
                    posted[day] = tracking
            elif rnd.random() < 0.3:
                collection_log.log_step(b, code, step, day, skipped=True, reason="not needed")
                day += dt.timedelta(days=rnd.randint(2, 9))
                continue
            else:
                collection_log.log_step(b, code, step, day, note="by e-mail")
            done.append((step, day))
            day += dt.timedelta(days=rnd.randint(2, 9))
        truth[code] = (done, posted, rule.get("late_charge_rule"), rnd.choice(LETTER_STEPS))
    try:
        yield b, truth
    finally:
        b.close()


def _claims_hold(body: str, done, posted, step: str, charges: bool) -> None:
    dates = {s: {d for k, d in done if k == s} for s in STEPS}
    for m in re.finditer(r"reminder of (\d{1,2} \w+ \d{4})", body):
        assert m.group(1) in {long(d) for d in dates["reminder"]}, m.group(0)
    for m in re.finditer(r"note of (\d{1,2} \w+ \d{4})", body):
        assert m.group(1) in {long(d) for d in dates["courtesy_reminder"]}, m.group(0)
    for m in re.finditer(r"(?:On (\d{1,2} \w+ \d{4}) we formally demanded|formal demand of (\d{1,2} \w+ \d{4}))",
                         body):
        assert (m.group(1) or m.group(2)) in {long(d) for d in dates["demand_letter"]}, m.group(0)
    for m in re.finditer(r"tracking number (\w+)", body):
        assert m.group(1) in posted.values(), m.group(0)
    if not posted:
        assert "tracking number" not in body and "Einschreiben" not in body.split("Dear", 1)[-1]
    assert "several times" not in body
    assert ("late-payment charges" in body.lower()) == charges
    if not dates["reminder"]:
        assert "reminder of" not in body and "Despite" not in body
    if not dates["demand_letter"]:
        assert "formally demanded" not in body and "formal demand of" not in body


def test_no_letter_claims_a_step_a_charge_or_a_mailing_the_record_lacks(world):
    b, truth = world
    checked = 0
    said = {"reminder of": 0, "tracking number": 0, "formal demand of": 0, "late-payment charges": 0}
    for code, (done, posted, rule, step) in truth.items():
        try:
            doc = letters.build_letter(b, code, TODAY, step)
        except letters.SkipLetter as e:
            pytest.fail(f"{code}: {e}")
        body = " ".join(text(letters.preview_letter(b, code, TODAY, step)).split())
        _claims_hold(body, done, posted, step, doc.charges_total > 0)
        # what the record does hold is said: the latest reminder and demand are named with their dates
        reminders = [d for k, d in done if k == "reminder"]
        demands = [d for k, d in done if k == "demand_letter"]
        if step == "demand_letter" and reminders:
            assert f"reminder of {long(max(reminders))}" in body
        if step in ("legal_action", "agency") and demands:
            assert f"formal demand of {long(max(demands))}" in body
        assert doc.subject in body
        checked += 1
        for k in said:
            said[k] += k in body.lower()
    assert checked == len(truth) == 24
    assert all(said.values()), said      # the histories are varied enough to test every kind of claim


def test_chinese_letters_claim_nothing_the_record_lacks(tmp_path):
    b = create_company(tmp_path / "zh.ardb", "上海明远贸易有限公司", "CNY", "CN", clock=FixedClock(TODAY))
    try:
        customers.add_customer(b, {"code": "HQ", "name": "深圳市华强电子科技有限公司", "address": "南山区高新南一道8号",
                                   "city": "深圳市", "country": "CN", "language": "zh", "currency": "CNY"})
        invoicing.add_invoice(b, {"number": "Z-1", "customer_code": "HQ", "issue_date": "2025-12-11",
                                  "due_date": DUE.isoformat(), "amount": "80229.05"})
        body = "".join(text(letters.preview_letter(b, "HQ", TODAY, "demand_letter")).split())
        assert "付款提醒" not in body and "多次" not in body and "逾期费用" not in body
        assert "人民币80,229.05元" in body and "人民币捌万零贰佰贰拾玖元零伍分" in body
        assert not re.search(r"(^|\n)\s*[，。、；：]", text(letters.preview_letter(b, "HQ", TODAY, "demand_letter")))
        collection_log.log_step(b, "HQ", "reminder", dt.date(2026, 3, 4))
        body = "".join(text(letters.preview_letter(b, "HQ", TODAY, "demand_letter")).split())
        assert "我司已于2026年3月4日就下列款项向贵司发出付款提醒" in body
    finally:
        b.close()
