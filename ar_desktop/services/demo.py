"""A sample company dated around today, so every bucket, state and colour shows up."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from pathlib import Path

from ar_desktop.clock import Clock, SystemClock
from ar_desktop.domain.records import parse_company
from ar_desktop.services.company_file import create_company
from ar_desktop.services.context import Books
from ar_desktop.services.customers import add_customer
from ar_desktop.services.invoicing import add_invoice
from ar_desktop.services.payments import record_payment
from ar_desktop.storage import company_repo

COMPANY = {
    "legal_name": "Harbour Line Trading GmbH", "address": "Speicherstraße 12", "postcode": "20457",
    "city": "Hamburg", "country": "DE", "tax_id": "DE331245682", "registration_id": "HRB 145872", "phone": "+49 40 1234 5670",
    "email": "accounts@harbourline.example", "bank_name": "Hamburger Sparkasse",
    "bank_account": "DE34 2005 0550 1234 5678 90", "bank_bic": "HASPDEHHXXX", "currency": "EUR",
    "signer_name": "Katrin Albers", "signer_title": "Head of Accounts Receivable",
}

# code, name, contact, address, postcode, city, country, class, limit, terms, language
CUSTOMERS = [
    ("ALP01", "Alpenblick Feinkost AG", "Sabine Huber", "Bahnhofstraße 4", "6020", "Innsbruck", "AT", "A", 25000, 30, "en"),
    ("BAL02", "Baltic Marine Supplies Ltd", "Jonas Petersen", "12 Harbour Road", "PO7 4RT", "Portsmouth", "GB", "B", 15000, 30, "en"),
    ("CAN03", "Canal Street Imports BV", "Pieter de Vries", "Keizersgracht 221", "1016 DV", "Amsterdam", "NL", "B", 20000, 45, "en"),
    ("DRA04", "Dragon Gate Electronics Co., Ltd.", "王伟", "深圳市南山区科技园南路 88 号", "518057", "深圳", "CN", "C", 30000, 60, "zh"),
    ("ELB05", "Elbe Logistik GmbH & Co. KG", "Markus Brandt", "Am Sandtorkai 50", "20457", "Hamburg", "DE", "A", 40000, 14, "en"),
    ("FJO06", "Fjord Seafood AS", "Ingrid Larsen", "Bryggen 7", "5003", "Bergen", "NO", "B", 12000, 30, "en"),
    ("GRA07", "Granite State Tools Inc.", "Mike O'Connor", "400 Elm Street", "03101", "Manchester NH", "US", "C", 8000, 30, "en"),
    ("HUA08", "华南纺织品进出口有限公司", "李娜", "广州市天河区体育西路 191 号", "510620", "广州", "CN", "B", 50000, 30, "zh"),
    ("IBE09", "Iberia Textiles S.L.", "Lucía Fernández", "Calle de Alcalá 120", "28009", "Madrid", "ES", "B", 10000, 60, "en"),
    ("JUR10", "Jura Uhren Vertrieb GmbH", "Thomas Keller", "Rue du Marché 3", "2300", "La Chaux-de-Fonds", "CH", "A", 18000, 30, "en"),
    ("KAS11", "Kastanie Möbelbau OHG", "Frieda Wolff", "Kastanienallee 77", "10435", "Berlin", "DE", "C", 6000, 14, "en"),
    ("LOI12", "Loire Vins et Spiritueux SARL", "Claire Martin", "8 Quai de la Fosse", "44000", "Nantes", "FR", "B", 14000, 30, "en"),
    ("MIL13", "Milano Design Studio S.r.l.", "Giulia Rossi", "Via Tortona 31", "20144", "Milano", "IT", "B", 9000, 30, "en"),
    ("NOR14", "Nordlicht Solar GmbH", "Lars Jensen", "Hafenstraße 18", "24103", "Kiel", "DE", "A", 35000, 30, "en"),
    ("OST15", "Ostsee Hotelbedarf e.K.", "Birgit Lange", "Strandweg 2", "18119", "Rostock", "DE", "C", 5000, 14, "en"),
    ("PAC16", "Pacific Rim Components Pte. Ltd.", "Tan Wei Ming", "30 Raffles Place #12-01", "048622", "Singapore", "SG", "B", 22000, 45, "en"),
    ("QIN17", "青岛海景食品有限公司", "张强", "青岛市市南区香港中路 76 号", "266071", "青岛", "CN", "C", 20000, 30, "zh"),
    ("RHE18", "Rhein Chemie Handel GmbH", "Andreas Vogel", "Rheinuferstraße 9", "50668", "Köln", "DE", "B", 28000, 30, "en"),
    ("SAX19", "Saxonia Druck & Medien GmbH", "Petra Schulze", "Königsbrücker Straße 33", "01099", "Dresden", "DE", "B", 7000, 30, "en"),
    ("THA20", "Thames Valley Catering Ltd", "Oliver Hughes", "5 Bridge Street", "RG1 2LU", "Reading", "GB", "A", 11000, 30, "en"),
]

# days past due (as of today) of the open sample invoices, by credit class: every bucket and
# boundary shows up, reliable (A) customers are mostly current, class C ones far behind.
AGES = {
    "A": [-40, -20, -10, -6, -2, 0, 3],
    "B": [-40, -20, -10, -6, -2, 0, 3, 8, 15, 29, 31, 45, 59, 64, 88, 95, 130],
    "C": [-5, 8, 15, 29, 31, 45, 61, 64, 88, 91, 130, 200],
}


def build_demo(path: str | Path, clock: Clock | None = None, seed: int = 7) -> Books:
    clock = clock or SystemClock()
    today = clock.today()
    books = create_company(path, COMPANY["legal_name"], "EUR", "DE", clock=clock)
    try:
        _fill(books, today, random.Random(seed))
        _collection_history(books, today)
        _credit_risk(books, today)
    except BaseException:
        books.close()
        Path(path).unlink(missing_ok=True)  # a half-built sample is worth nothing
        raise
    return books


def _credit_risk(books: Books, today: dt.date) -> None:
    """A credit-insurance policy with insured limits and one notification, and credit checks (one
    due for review), so the Credit tab has something to show. No invoice is added."""
    from ar_desktop.services import credit_checks, insurance

    def ago(days: int) -> str:
        return (today - dt.timedelta(days=days)).isoformat()

    insurance.add_policy(books, "Allianz Trade", "EH-2025-0147", "90", "60", "30", "90", "120", "10000")
    for code, limit, ref in (("BAL02", "15000", "EH-88123"), ("DRA04", "20000", "EH-88977"),
                             ("ELB05", "40000", "EH-87001"), ("HUA08", "30000", "EH-89310"),
                             ("QIN17", "10000", ""), ("RHE18", "25000", "EH-88410")):
        insurance.insure(books, code, limit, ago(300), reference=ref)
    insurance.record_insurer_event(books, "DRA04", "notified", ago(20), note="Overdue notification sent online")
    credit_checks.record_credit_check(books, "NOR14", ago(370), "registry, financials, credit_report",
                                      "Registry clean, equity ratio 38 %, credit report score 1.9",
                                      "approved", "35000", ago(5))
    credit_checks.record_credit_check(books, "KAS11", ago(40), "credit_report, trade_references",
                                      "Two suppliers report payments 20-30 days late", "approved_with_conditions",
                                      "6000", (today + dt.timedelta(days=140)).isoformat())


def _collection_history(books: Books, today: dt.date) -> None:
    """Steps already taken, so the worklist shows every state: waiting, promised, on hold..."""
    from ar_desktop.services import collection_holds, collection_log, worklist

    def ago(days: int) -> str:
        return (today - dt.timedelta(days=days)).isoformat()

    rows = {r.customer_code: r for r in worklist.worklist(books, today)}

    def age(code: str) -> int:
        return rows[code].oldest_days_overdue if code in rows else 0

    for code in ("BAL02", "CAN03", "OST15"):
        if age(code) > 40:
            collection_log.log_step(books, code, "reminder", ago(age(code) - 4), "Reminder sent by e-mail")
            collection_log.log_call(books, code, ago(age(code) - 8), "no_answer", "Left a message with reception",
                                    step_key="phone_call")
    if age("BAL02") > 40:
        collection_log.log_step(books, "BAL02", "demand_letter", ago(20), "Formal demand sent by registered mail")
    if age("OST15") > 20:
        collection_log.log_step(books, "OST15", "demand_letter", ago(6), "Formal demand sent by registered mail")
    if "KAS11" in rows:
        collection_log.log_call(books, "KAS11", ago(2), "promised", "Owner promised payment after a large order",
                                promised_date=(today + dt.timedelta(days=7)).isoformat(),
                             amount=str(min(rows["KAS11"].overdue_amount, Decimal("5000.00"))))
    if "SAX19" in rows:
        collection_log.record_promise(books, "SAX19", ago(10), str(min(rows["SAX19"].overdue_amount,
                                                                   Decimal("2000.00"))), made_on=ago(25))
    if "MIL13" in rows:
        collection_holds.put_on_hold(books, "MIL13", (today + dt.timedelta(days=10)).isoformat(),
                                     "Customer's accountant checking the delivery notes", on=ago(1))
    if "FJO06" in rows:
        collection_log.log_step(books, "FJO06", "reminder", ago(max(age("FJO06") - 5, 1)), "Reminder sent by e-mail")


def _fill(books: Books, today: dt.date, rnd: random.Random) -> None:
    with books.db.session() as s:
        company_repo.save(s, parse_company(COMPANY))
    n = 1000
    for idx, (code, name, contact, address, pc, city, country, cls, limit, terms, lang) in enumerate(CUSTOMERS):
        add_customer(books, dict(code=code, name=name, contact=contact, address=address, postcode=pc, city=city,
                                 country=country, credit_class=cls, credit_limit=str(limit), terms_days=str(terms),
                                 language=lang, email=f"ap@{code.lower()}.example", phone=f"+00 {idx:02d} 555 0100"))
        # History: invoices paid over the past year, some late.
        for k in range(rnd.randint(4, 9)):
            issue = today - dt.timedelta(days=rnd.randint(120, 360))
            amount = Decimal(rnd.randint(300, 6000)) + Decimal(rnd.randint(0, 99)) / 100
            n += 1
            add_invoice(books, dict(number=f"2026-{n:05d}", customer_code=code, issue_date=issue.isoformat(),
                                    amount=str(amount), reference=f"PO {rnd.randint(1000, 9999)}",
                                    description="Goods delivered as per order"))
            late = rnd.choice([0, 0, 0, 5, 12, 30]) if cls != "C" else rnd.choice([5, 20, 45])
            paid_on = min(today, issue + dt.timedelta(days=terms + late))
            record_payment(books, dict(date=paid_on.isoformat(), customer_code=code, amount=str(amount),
                                       method="bank transfer", reference=f"Remittance {n}",
                                       invoice_number=f"2026-{n:05d}"))
        # Open items at chosen ages so the aging and the ladder have something to show.
        for age in rnd.sample(AGES[cls], rnd.randint(2, 5)):
            due = today - dt.timedelta(days=age)
            issue = due - dt.timedelta(days=terms)
            if issue > today:
                continue
            amount = Decimal(rnd.randint(200, 9000)) + Decimal(rnd.randint(0, 99)) / 100
            n += 1
            number = f"2026-{n:05d}"
            disputed = age > 40 and rnd.random() < 0.15
            add_invoice(books, dict(number=number, customer_code=code, issue_date=issue.isoformat(),
                                    due_date=due.isoformat(), amount=str(amount),
                                    reference=f"Contract {code}-{rnd.randint(10, 99)}",
                                    description="Goods delivered as per order", disputed=disputed,
                                    dispute_reason="Quantity short-shipped" if disputed else ""))
            if age > 20 and rnd.random() < 0.4:
                part = (amount * Decimal(rnd.choice([25, 40, 50])) / 100).quantize(Decimal("0.01"))
                paid_on = min(today, due + dt.timedelta(days=rnd.randint(1, max(1, age - 1))))
                record_payment(books, dict(date=paid_on.isoformat(), customer_code=code, amount=str(part),
                                           method="bank transfer", reference="Part payment",
                                           invoice_number=number))
