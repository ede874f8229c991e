"""CSV import of customers, invoices and payments: all rows valid, or nothing stored."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from ar_desktop.domain.allocation import OpenInvoice, oldest_due_first, suggest_allocation
from ar_desktop.domain.errors import UserError, ValidationError
from ar_desktop.domain.money import to_minor
from ar_desktop.domain.records import invoice_currency, parse_customer, parse_invoice, parse_payment
from ar_desktop.domain.terms import due_date_for
from ar_desktop.services.context import Books
from ar_desktop.services.progress import NO_PROGRESS, Progress
from ar_desktop.services.csv_reading import ImportRefused, RowProblem, read_csv
from ar_desktop.storage import bulk_repo, company_repo, customers_repo, invoices_repo
from ar_desktop.storage.convert import customer_columns

CUSTOMER_COLUMNS = ({"code", "name"}, {"contact", "address", "postcode", "city", "country", "email", "phone",
                                       "tax_id", "credit_limit", "credit_class", "terms_days", "currency",
                                       "language", "late_charge_rule", "late_charge_rate", "limitation"})
INVOICE_COLUMNS = ({"number", "customer_code", "issue_date", "amount"},
                   {"due_date", "currency", "reference", "description", "disputed"})
PAYMENT_COLUMNS = ({"date", "customer_code", "amount"}, {"invoice_number", "reference", "method"})
KINDS = ("customers", "invoices", "payments")


def _problems(line: int, err: ValidationError) -> list[RowProblem]:
    return [RowProblem(line, field, msg) for field, msg in err.problems.items()]


def import_csv(books: Books, kind: str, path: str | Path, progress: Progress = NO_PROGRESS) -> int:
    if kind not in KINDS:
        raise UserError(f"Cannot import '{kind}'; choose customers, invoices or payments.")
    return {"customers": import_customers, "invoices": import_invoices, "payments": import_payments}[kind](
        books, path, progress)


def import_customers(books: Books, path: str | Path, progress: Progress = NO_PROGRESS) -> int:
    table = read_csv(path, required=CUSTOMER_COLUMNS[0], optional=CUSTOMER_COLUMNS[1])
    name = Path(path).name
    with books.db.session() as s:
        currency = company_repo.get(s).currency
        existing = customers_repo.ids_by_code(s)
        problems, records, seen = list(table.problems), [], {}
        for n, (line, raw) in enumerate(table.rows):
            if n % 1000 == 0:
                progress.step(n, len(table.rows), f"Checking line {line}")
            try:
                data = parse_customer(raw, currency)
            except ValidationError as e:
                problems += _problems(line, e)
                continue
            if data.late_charge_rule:
                problems += _check_rule(line, data.late_charge_rule)
            if data.code in existing:
                problems.append(RowProblem(line, "code", f"customer {data.code} already exists in this file"))
            elif data.code in seen:
                problems.append(RowProblem(line, "code", f"customer {data.code} is also on line {seen[data.code]}"))
            seen.setdefault(data.code, line)
            records.append(customer_columns(data))
        if problems:
            raise ImportRefused(name, sorted(problems, key=lambda p: p.line))
        progress.step(len(records), len(records), "Saving")
        bulk_repo.insert_customers(s, records)
    return len(records)


def _check_rule(line: int, rule: str) -> list[RowProblem]:
    from ar_desktop.domain.late_charges import parse_rule_kind

    try:
        parse_rule_kind(rule)
    except UserError as e:
        return [RowProblem(line, "late_charge_rule", str(e))]
    return []


def import_invoices(books: Books, path: str | Path, progress: Progress = NO_PROGRESS) -> int:
    table = read_csv(path, required=INVOICE_COLUMNS[0], optional=INVOICE_COLUMNS[1])
    name = Path(path).name
    with books.db.session() as s:
        customers = customers_repo.terms_by_code(s)
        problems, records, seen = list(table.problems), [], {}
        for n, (line, raw) in enumerate(table.rows):
            if n % 1000 == 0:
                progress.step(n, len(table.rows), f"Checking line {line}")
            try:
                data = parse_invoice(raw)
            except ValidationError as e:
                problems += _problems(line, e)
                continue
            cust = customers.get(data.customer_code)
            if cust is None:
                problems.append(RowProblem(line, "customer_code", f"unknown customer '{data.customer_code}'"))
                continue
            if data.number in seen:
                problems.append(RowProblem(line, "number", f"invoice {data.number} is also on line {seen[data.number]}"))
                continue
            seen[data.number] = line
            cid, terms, cust_currency = cust
            try:
                currency = invoice_currency(data.currency, data.customer_code, cust_currency)
                amount = to_minor(data.amount, currency)
            except UserError as e:
                problems.append(RowProblem(line, "currency" if data.currency not in (None, cust_currency) else "amount",
                                           str(e)))
                continue
            records.append(dict(number=data.number, customer_id=cid, issue_date=data.issue_date,
                                due_date=data.due_date or due_date_for(data.issue_date, terms), amount=amount,
                                currency=currency, reference=data.reference, description=data.description,
                                disputed=data.disputed, dispute_reason="", voided=False, void_reason="", paid=0))
        for number in invoices_repo.existing_numbers(s, list(seen)):
            problems.append(RowProblem(seen[number], "number", f"invoice {number} already exists in this file"))
        if problems:
            raise ImportRefused(name, sorted(problems, key=lambda p: p.line))
        progress.step(len(records), len(records), "Saving")
        bulk_repo.insert_invoices(s, records)
    return len(records)


def import_payments(books: Books, path: str | Path, progress: Progress = NO_PROGRESS) -> int:
    table = read_csv(path, required=PAYMENT_COLUMNS[0], optional=PAYMENT_COLUMNS[1])
    name = Path(path).name
    today = books.today()
    with books.db.session() as s:
        customers = customers_repo.terms_by_code(s)
        problems, parsed = list(table.problems), []
        for n, (line, raw) in enumerate(table.rows):
            if n % 1000 == 0:
                progress.step(n, len(table.rows), f"Checking line {line}")
            cust = customers.get(raw.get("customer_code", "").strip())
            try:
                data = parse_payment(raw, cust[2] if cust else "EUR")
            except ValidationError as e:
                problems += _problems(line, e)
                continue
            if cust is None:
                problems.append(RowProblem(line, "customer_code", f"unknown customer '{data.customer_code}'"))
                continue
            if data.date > today:
                problems.append(RowProblem(line, "date", f"the payment date {data.date.isoformat()} is in the future"))
                continue
            parsed.append((line, cust, data))
        # Open amounts in minor units, per customer, oldest due first; updated as payments are applied.
        open_by_customer: dict[int, list[OpenInvoice]] = defaultdict(list)
        for iid, cid, number, issue, due, units, _currency in bulk_repo.open_invoices_of(
                s, {c[0] for _, c, _ in parsed}):
            open_by_customer[cid].append(OpenInvoice(iid, number, issue, due, Decimal(units)))
        for cid, items in open_by_customer.items():
            open_by_customer[cid] = oldest_due_first(items)
        payments, allocations = [], []
        next_id = bulk_repo.next_payment_id(s)
        for line, (cid, _terms, currency), data in sorted(parsed, key=lambda p: (p[2].date, p[0])):
            units = to_minor(data.amount, currency)
            queue = open_by_customer[cid]
            if data.invoice_number:
                picked = [k for k, i in enumerate(queue) if i.number == data.invoice_number
                          and i.issue_date <= data.date and i.open_amount > 0]
                if not picked:
                    problems.append(RowProblem(line, "invoice_number",
                                               f"invoice {data.invoice_number} is not an open invoice of "
                                               f"{data.customer_code} issued on or before {data.date.isoformat()}"))
                    continue
            else:
                picked = _enough_to_cover(queue, units, data.date)
            plan = suggest_allocation(Decimal(units), [queue[k] for k in picked])
            payments.append(dict(id=next_id, customer_id=cid, date=data.date, amount=units, currency=currency,
                                 method=data.method, reference=data.reference))
            applied = {a.invoice_id: int(a.amount) for a in plan.allocations}
            for iid, amount in applied.items():
                allocations.append(dict(payment_id=next_id, invoice_id=iid, date=data.date, amount=amount))
            for k in picked:
                if queue[k].invoice_id in applied:
                    queue[k] = replace(queue[k], open_amount=queue[k].open_amount - applied[queue[k].invoice_id])
            while queue and queue[0].open_amount == 0:  # paid invoices leave the front of the queue
                queue.pop(0)
            next_id += 1
        if problems:
            raise ImportRefused(name, sorted(problems, key=lambda p: p.line))
        progress.step(len(payments), len(payments), "Saving")
        bulk_repo.insert_payments(s, payments, allocations)
    return len(payments)


def _enough_to_cover(queue: list[OpenInvoice], units: int, on) -> list[int]:
    """Positions of the oldest-due open invoices issued by ``on`` whose open amounts first reach the payment."""
    out, total = [], 0
    for k, inv in enumerate(queue):
        if inv.issue_date <= on and inv.open_amount > 0:
            out.append(k)
            total += inv.open_amount
            if total >= units:
                break
    return out
