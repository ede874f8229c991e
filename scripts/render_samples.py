#!/usr/bin/env python
"""Regenerate the sample letters in docs/letters/ from a real company file (needs pdftoppm):
every layout, both languages, with and without late charges, with one and with eight invoices.

    .venv/bin/python scripts/render_samples.py
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ar_desktop.clock import FixedClock  # noqa: E402
from ar_desktop.services import collections as col  # noqa: E402
from ar_desktop.services import customers, invoicing, letters  # noqa: E402
from ar_desktop.services.company_file import create_company, save_company_profile  # noqa: E402

OUT = ROOT / "docs" / "letters"
TODAY = dt.date(2026, 3, 31)
LAYOUTS = ("din-a", "din-b", "us-10", "plain")


def build(folder: Path):
    b = create_company(folder / "samples.ardb", "Northwind Components GmbH", "EUR", "DE", clock=FixedClock(TODAY))
    save_company_profile(b, {
        "legal_name": "Northwind Components GmbH", "address": "Hafenstraße 12", "postcode": "20457",
        "city": "Hamburg", "country": "DE", "registration_id": "HRB 123456 Hamburg", "tax_id": "DE331245682",
        "phone": "+49 40 1234 560", "email": "receivables@northwind.example", "bank_name": "Hamburger Sparkasse",
        "bank_account": "DE89 3704 0044 0532 0130 00", "bank_bic": "COBADEFFXXX", "currency": "EUR",
        "signer_name": "Dr. Thomas Vogel", "signer_title": "Head of Finance"})
    people = {
        "en": {"name": "Acme Widgets Ltd.", "contact": "Accounts Payable", "address": "Unit 4, Riverside Estate\nMill Lane",
               "postcode": "M4 5JD", "city": "Manchester", "country": "GB", "tax_id": "GB980780684"},
        "zh": {"name": "深圳市华强电子科技有限公司", "contact": "李明（财务部）", "address": "南山区科技园南区高新南一道8号",
               "postcode": "518057", "city": "深圳市", "country": "CN", "language": "zh",
               "tax_id": "91440300MA5DXXXX1X"},
    }
    for lang, person in people.items():
        for charges in (False, True):
            for n in (1, 8):
                code = f"{lang.upper()}-{'C' if charges else 'N'}{n}"
                rule = {"late_charge_rule": "statutory_de"} if charges and lang == "en" else (
                    {"late_charge_rule": "contract_daily", "late_charge_rate": "0.05"} if charges else {})
                customers.add_customer(b, {"code": code, **person, **rule,
                                           "currency": "EUR" if lang == "en" else "CNY"})
                for k in range(n):
                    due = dt.date(2026, 1, 20) + dt.timedelta(days=4 * k)
                    invoicing.add_invoice(b, {"number": f"{code}-{1041 + k}", "customer_code": code,
                                              "issue_date": (due - dt.timedelta(days=30)).isoformat(),
                                              "due_date": due.isoformat(), "reference": "PO-2026-017",
                                              "amount": f"{1250 + 317 * k}.45"})
                col.log_step(b, code, "reminder", dt.date(2026, 2, 4))
    return b


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        b = build(Path(tmp))
        try:
            for lang in ("en", "zh"):
                for charges in ("N", "C"):
                    for n in (1, 8):
                        code = f"{lang.upper()}-{charges}{n}"
                        for layout in LAYOUTS:
                            pdf = letters.preview_letter(b, code, TODAY, "demand_letter", layout)
                            name = f"{lang}-{layout}-{'charges' if charges == 'C' else 'no-charges'}-{n}"
                            subprocess.run(["pdftoppm", "-r", "60", "-png", "-", str(OUT / name)], input=pdf,
                                           check=True)
            courtesy_due = dt.date(2026, 1, 18)
            for lang in ("en", "zh"):
                code = f"{lang.upper()}-N1"
                pdf = letters.preview_letter(b, code, courtesy_due, "courtesy_reminder", "din-a")
                subprocess.run(["pdftoppm", "-r", "60", "-png", "-", str(OUT / f"{lang}-courtesy-note")],
                               input=pdf, check=True)
        finally:
            b.close()
    print(f"wrote {len(list(OUT.glob('*.png')))} pages to {OUT}")


if __name__ == "__main__":
    main()
