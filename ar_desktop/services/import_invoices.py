"""Importing invoices: new ones (with their disputes and voids), updates, settlement dates, and the
customers the file names (created only when the user allowed it)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ar_desktop.domain.dates import parse_date_as
from ar_desktop.domain.errors import UserError, ValidationError
from ar_desktop.domain.money import ZERO, check_storable, from_minor, parse_amount, to_minor
from ar_desktop.domain.quick_rows import quick_invoice
from ar_desktop.domain.records import InvoiceData, invoice_currency, parse_bool, parse_customer, parse_invoice
from ar_desktop.domain.terms import PaymentTerms
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.importing import Batch, ImportOptions, ImportReport, problems_of, raw_text
from ar_desktop.services.invoice_lane import QuickInvoices
from ar_desktop.storage import company_repo, import_repo
from ar_desktop.storage.bulk_repo import BulkWriter
from ar_desktop.storage.convert import customer_columns
from ar_desktop.storage.orm import Invoice, Payment


class InvoiceRows(QuickInvoices):
    def __init__(self, s, books, options: ImportOptions, report: ImportReport, preview_rows: int, writer: BulkWriter):
        super().__init__(writer, books, options, report, preview_rows, company_repo.get(s).currency,
                         import_repo.customers_by_code(s), import_repo.next_id(s, Invoice))
        self.s = s
        self.updated: dict[str, int] = {}  # number -> row, for invoices updated or skipped by this import
        self.unknown: dict[str, int] = {}  # customer code -> first row naming it

    def checks_rest(self, rest: list[tuple[int, dict]], where: dict[str, str]) -> None:
        """The rows the quick lane left, through the Python checks (a customer they create is staged for the next)."""
        created = self.report.customers_created
        self._add(Batch(rest, where))
        if self.report.customers_created != created:
            self.staging.customers(self.customers)

    # ---- one batch --------------------------------------------------------------------------

    def add(self, batch: Batch) -> None:
        self.writer.read(len(batch.rows))
        self._add(batch)

    def _add(self, batch: Batch) -> None:
        numbers = [raw_text(v.get("number", "")) for _n, v in batch.rows]
        existing = import_repo.invoice_states(self.s, [x for x in numbers if x])
        in_batch: dict[str, int] = {}
        records, settlements = [], []
        for n, values in batch.rows:
            got = self._row(n, values, batch, existing, in_batch)
            if got is None:
                continue
            record, settled = got
            if record.get("id") is not None:
                records.append(record)
                if settled is not None:
                    settlements.append((record["id"], record["customer_id"], record["amount"], record["currency"],
                                        record["number"], settled))
            elif settled is not None:
                old = record["old"]   # settled at its amount as this file gives it
                settlements.append((old.id, old.customer_id, record["amount"] - old.paid, old.currency,
                                    old.number, settled))
        self.writer.invoices(records)
        self._settle(settlements)

    def _row(self, n: int, values: dict[str, Any], batch: Batch, existing, in_batch):
        report, options = self.report, self.options
        code = raw_text(values.get("customer_code", ""))
        cust = self.customers.get(code)
        try:
            # a plain row is read the quick way; any other, or one it is unsure of, by parse_invoice
            currency = cust[2] if cust else self.company_currency   # the amount's, without a currency column
            data = (quick_invoice(values, options.numbers, options.date_format, currency)
                    or parse_invoice(values, currency=currency, numbers=options.numbers, dates=options.date_format))
        except ValidationError as e:
            problems_of(report, n, batch, values, e.problems)
            return None
        problems: dict[str, Any] = {}
        voided = self._void(values, data.issue_date, problems)
        settled = None
        if values.get("settled_date") not in (None, ""):
            try:
                settled = parse_date_as(values["settled_date"], options.date_format, "settlement date")
            except UserError as e:
                problems["settled_date"] = e.message
            else:
                if settled < data.issue_date:
                    problems["settled_date"] = Text(translate("Messages", "settled on {date}, before the issue date "
                                                                          "{issue}"), date=settled.isoformat(),
                                                    issue=data.issue_date.isoformat())
                elif settled > self.today:
                    problems["settled_date"] = Text(translate("Messages", "the settlement date {date} is in the "
                                                                          "future"), date=settled.isoformat())
                elif voided is not None:
                    problems["settled_date"] = Text(translate("Messages", "a void invoice cannot be settled"))
        if problems:
            problems_of(report, n, batch, values, problems)
            return None
        if data.number in in_batch or (data.number in self.updated):
            report.error(n, batch.column("number"), data.number,
                         Text(translate("Messages", "invoice {number} is also on row {row}"), number=data.number,
                              row=in_batch.get(data.number) or self.updated[data.number]))
            return None
        in_batch[data.number] = n
        old = existing.get(data.number)
        if old is not None and old.id >= self.first_id:  # added by this import, from an earlier batch
            report.error(n, batch.column("number"), data.number,
                         Text(translate("Messages", "invoice {number} is also on row {row}"), number=data.number,
                              row=self.rows_of_new[old.id - self.first_id]))
            return None
        if cust is None:
            cust = self._new_customer(n, code, values, batch, data.currency)
            if cust is None:
                return None
        cid, terms, cust_currency, retention = cust
        try:
            currency = invoice_currency(data.currency, code, cust_currency)
        except UserError as e:
            report.error(n, batch.column("currency"), values.get("currency", ""), e.message)
            return None
        try:
            check_storable(data.amount, currency, values.get("amount"))
            units = to_minor(data.amount, currency)
        except UserError as e:
            report.error(n, batch.column("amount"), values.get("amount", ""), e.message)
            return None
        due = data.due_date or terms.due_date(data.issue_date)
        try:
            discount, until = self._discount(values, batch, data, due, currency, terms)
        except UserError as e:
            report.error(n, batch.column("discount_until" if "discount_until" in batch.where else "discount"),
                         values.get("discount", ""), e.message)
            return None
        record = dict(number=data.number, customer_id=cid, issue_date=data.issue_date, due_date=due, amount=units,
                      discount=to_minor(discount, currency), discount_until=until,
                      currency=currency, reference=data.reference, description=data.description,
                      disputed=data.disputed, dispute_reason=data.dispute_reason,
                      retention_of_title=retention if data.retention_of_title is None else data.retention_of_title,
                      voided=voided is not None, voided_on=voided[0] if voided else None,
                      void_reason=voided[1] if voided else "", paid=0)
        if old is not None:
            return self._existing(n, values, batch, old, record, settled)
        record["id"] = self.next_id
        self.next_id += 1
        self.rows_of_new.append(n)
        report.new += 1
        self._preview(n, "new", record, code, settled)
        return record, settled

    def _discount(self, values: dict[str, Any], batch: Batch, data: InvoiceData, due: dt.date, currency: str,
                  terms: PaymentTerms) -> tuple:
        """(discount, last day) the invoice offers: the file's columns when it has them (an export
        read back: empty = none), else the customer's terms."""
        if "discount" not in batch.where and "discount_until" not in batch.where:
            return terms.offer(data.amount, data.issue_date, currency)
        raw, until_raw = values.get("discount", ""), values.get("discount_until", "")
        discount = ZERO if raw in ("", None) else parse_amount(raw, currency, fmt=self.options.numbers)
        if not discount and until_raw in ("", None):
            return ZERO, None
        if not discount or until_raw in ("", None):
            raise UserError(Text(translate("Messages", "an early-payment discount needs both its amount and the "
                                                       "last day to take it")))
        until = parse_date_as(until_raw, self.options.date_format, "discount date")
        if discount >= data.amount:
            raise UserError(Text(translate("Messages", "the discount {discount} is not less than the invoice amount "
                                                       "{amount}"), discount=discount, amount=data.amount))
        if not data.issue_date <= until <= due:
            raise UserError(Text(translate("Messages", "the discount date {date} is not between the issue date and "
                                                       "the due date"), date=until.isoformat()))
        return discount, until

    def _void(self, values: dict[str, Any], issue: dt.date, problems: dict) -> tuple[dt.date, str] | None:
        """(void date, reason) of a void invoice; None if it is not void."""
        if all(values.get(k, "") in ("", None) for k in ("voided", "void_date", "void_reason")):
            return None  # nothing said about voiding (almost every row)
        try:
            voided = parse_bool(values.get("voided", ""), "void")
        except UserError as e:
            problems["voided"] = e.message
            return None
        date_raw, reason = values.get("void_date", ""), raw_text(values.get("void_reason", ""))
        if not voided:
            if date_raw not in ("", None) or reason:
                problems["voided"] = Text(translate("Messages", "a void date or reason is given but the invoice is "
                                                                "not marked void; write yes in the void column"))
            return None
        if date_raw in ("", None):
            problems["void_date"] = Text(translate("Messages", "a void invoice needs the date it was voided"))
            return None
        try:
            on = parse_date_as(date_raw, self.options.date_format, "void date")
        except UserError as e:
            problems["void_date"] = e.message
            return None
        if on < issue:
            problems["void_date"] = Text(translate("Messages", "voided on {date}, before the issue date {issue}"),
                                         date=on.isoformat(), issue=issue.isoformat())
        if not reason:
            problems["void_reason"] = Text(translate("Messages", "a void invoice needs the reason it was voided"))
        return on, reason

    def _existing(self, n, values, batch, old, record, settled):
        report, options = self.report, self.options
        if options.mode == "refuse":
            report.error(n, batch.column("number"), old.number,
                         Text(translate("Messages", "invoice {number} already exists; choose 'skip' or 'update' to "
                                                    "import the rest"), number=old.number))
            return None
        self.updated[old.number] = n
        if options.mode == "skip":
            report.skip(n, old.number)
            return None
        problem = _update_problem(old, record)
        if problem:
            report.error(n, batch.column(problem[0]), values.get(problem[0], ""), problem[1])
            return None
        row = self.s.get(Invoice, old.id)
        mapped = set(batch.where)
        for k, v in record.items():
            if k in ("paid", "voided", "voided_on", "void_reason"):
                continue
            if (k in mapped or k in ("due_date", "currency", "customer_id")) and getattr(row, k) != v:
                setattr(row, k, v)
        report.updated += 1
        self._preview(n, "update", record, raw_text(values.get("customer_code", "")), settled)
        return ({"old": old, "id": None, "amount": record["amount"]},
                settled if settled is not None and old.paid < record["amount"] else None)

    def _new_customer(self, n, code, values, batch, currency) -> tuple | None:
        report = self.report
        if not self.options.create_customers:
            if code not in self.unknown:
                self.unknown[code] = n
                report.new_customers.append(code)
            report.error(n, batch.column("customer_code"), code,
                         Text(translate("Messages", "unknown customer '{code}'; add it first or tick 'create unknown "
                                                    "customers'"), code=code))
            return None
        note = raw_text(values.get("customer_notes", ""))
        raw = {"code": code, "name": raw_text(values.get("customer_name", "")) or code,
               "country": raw_text(values.get("customer_country", "")),
               "notes": f"{batch.column('customer_notes')}: {note}" if note else "",
               "currency": currency or self.company_currency}
        try:
            data = parse_customer(raw, self.company_currency)
        except ValidationError as e:
            keys = {"code": "customer_code", "name": "customer_name", "country": "customer_country",
                    "notes": "customer_notes"}
            for key, message in e.problems.items():
                field = keys.get(key, "customer_code")
                report.error(n, batch.column(field), values.get(field, ""),
                             Text(translate("Messages", "new customer: {problem}"), problem=message))
            return None
        self.writer.customers([customer_columns(data)])
        cid = import_repo.customers_by_code(self.s).get(code)  # small: customers, not invoices
        self.customers[code] = cid
        report.new_customers.append(code)
        report.customers_created += 1
        return cid

    def _settle(self, settlements: list[tuple[int, int, int, str, str, dt.date]]) -> None:
        """A payment of the whole open amount on the settlement date for each settled invoice."""
        settlements = [t for t in settlements if t[2] > 0]
        if not settlements:
            return
        next_id = import_repo.next_id(self.s, Payment)
        payments, allocations = [], []
        for k, (iid, cid, open_units, currency, number, date) in enumerate(settlements):
            payments.append(dict(id=next_id + k, customer_id=cid, date=date, amount=open_units, currency=currency,
                                 method="bank transfer", reference=f"settled {number}"[:100]))
            allocations.append(dict(payment_id=next_id + k, invoice_id=iid, date=date, amount=open_units))
        self.writer.payments(payments, allocations)
        self.report.payments += len(payments)

    def _preview(self, n, status, record, code, settled) -> None:
        if len(self.report.preview) >= self.preview_rows:
            return
        cur = record["currency"]
        self.report.preview.append({
            "row": str(n), "status": status, "number": record["number"], "customer_code": code,
            "issue_date": record["issue_date"].isoformat(), "due_date": record["due_date"].isoformat(),
            "amount": str(from_minor(record["amount"], cur)), "currency": cur,
            "disputed": "yes" if record["disputed"] else "no", "reference": record["reference"],
            "description": record["description"],
            "void": record["voided_on"].isoformat() if record["voided_on"] else "",
            "settled_date": settled.isoformat() if settled else ""})

    def finish(self) -> None:
        self.s.flush()
        super().finish()


def _update_problem(old: import_repo.InvoiceState, record: dict) -> tuple[str, Text] | None:
    if old.voided:
        return "number", Text(translate("Messages", "invoice {number} is void and cannot be updated"), number=old.number)
    if record["voided"]:
        return "voided", Text(translate("Messages", "invoice {number} is in the books; void it there, not by an "
                                                    "import"), number=old.number)
    if old.paid and (record["customer_id"] != old.customer_id or record["currency"] != old.currency):
        return "customer_code", Text(translate("Messages", "invoice {number} has payments; its customer and currency "
                                                           "cannot change"), number=old.number)
    if record["amount"] < old.paid:
        return "amount", Text(translate("Messages", "invoice {number} has {paid} paid already; the amount cannot be "
                                                    "lower"), number=old.number, paid=from_minor(old.paid, old.currency))
    if old.paid and record["issue_date"] > old.issue_date:
        return "issue_date", Text(translate("Messages", "invoice {number} has payments; its issue date cannot move "
                                                        "later"), number=old.number)
    return None
