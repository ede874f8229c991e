"""Importing payments and corrections, with what they were applied to.

How a row is applied, in this order:
- an ``allocations`` cell ("R-1: 100.00; R-2: 50.00 on 2026-04-01", as exports write it): exactly
  that, each part checked (the invoice exists, is the customer's, was issued by then, is not
  overpaid, was not void then);
- an ``invoice_number``: that invoice, which must exist, be the customer's and be open on the
  payment date (the rest of the payment stays as credit);
- otherwise a payment goes to the customer's open invoices, oldest due first, in the order of the
  file; the rest is credit.
A correction (``kind`` write-off, credit note…) must name its invoice and be applied in full, with
its reason in the reference; a payment's method can never claim to be a correction. The same
payment (customer, date, amount, reference) already in the books is refused (mode refuse) or
skipped (mode skip): importing a file twice never stores it twice.

A ``reversal`` (as exports write it: negative, ``reverses`` naming the payment_id of the entry it
reverses, with its ``reason``) is imported only with that entry, on a row above it in the same
file: it takes back exactly what that entry applies to each invoice. A change of split is the
entry's own allocations, negative parts dated the day of the change (never more than the entry
had applied to that invoice).
"""

from __future__ import annotations

import datetime as dt
import re
from array import array
from decimal import Decimal
from typing import Any

from ar_desktop.domain.allocation import OpenInvoice, oldest_due_first, suggest_allocation
from ar_desktop.domain.dates import parse_date_as
from ar_desktop.domain.errors import UserError, ValidationError
from ar_desktop.domain.money import KNOWN_CURRENCIES, from_minor, parse_amount, to_minor
from ar_desktop.domain.payment_kinds import (DISCOUNT, KINDS, PAYMENT, RECOVERY, REVERSAL, WRITE_OFF,
                                            discount_reference, recovery_reference)
from ar_desktop.domain.quick_rows import quick_payment
from ar_desktop.domain.records import parse_payment
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.importing import Batch, ImportOptions, ImportReport, problems_of, raw_text
from ar_desktop.services.payment_lane import QuickLane
from ar_desktop.services.payment_rules import (allocation_problem, discount_problem, int_cell, link_discounts,
                                               open_invoice)
from ar_desktop.storage import company_repo, import_repo
from ar_desktop.storage.bulk_repo import BulkWriter
from ar_desktop.storage.import_repo import InvoiceState
from ar_desktop.storage.orm import Payment

CACHED_INVOICES = 300_000
_PART = re.compile(r"\s*(?P<number>[^:;]+?)\s*:\s*(?P<amount>.+?)(?:\s+on\s+(?P<date>\S+))?\s*")


class PaymentRows(QuickLane):
    def __init__(self, s, books, options: ImportOptions, report: ImportReport, preview_rows: int, writer: BulkWriter):
        self.s, self.options, self.report, self.preview_rows, self.writer = s, options, report, preview_rows, writer
        self.company_currency = company_repo.get(s).currency
        self.customers = import_repo.customers_by_code(s)
        self.today = books.today()
        self.first_id = self.next_id = import_repo.next_id(s, Payment)
        self.rows_of_new = array("q")  # file row of each payment this import added, by id - first_id
        self.source_ids = array("q")  # the file's payment_id of each, when it has that column (else 0)
        # The open invoices of customers met so far, oldest due first, carried from batch to batch so
        # that each customer's open set is read once (until the cache is full)
        self.states: dict[int, InvoiceState] = {}
        self.queues: dict[int, list[int]] = {}
        # What was written off and not yet recovered, by customer (read when first needed), and the
        # invoices this import wrote off: what a payment leaves over is a recovery up to that amount
        self.unrecovered: dict[int, int] = {}
        self.written_off: set[int] = set()
        self.may_recover = True
        self.customers_paid: set[int] = set()   # whose promises and plans the import may have kept
        # what each entry of this import applies per invoice, and the entries by the file's payment_id:
        # a reversal further down takes back exactly what its entry applies
        self.applied: dict[tuple[int, int], int] = {}
        self.by_source: dict[int, tuple[int, int, int]] = {}   # file's payment_id -> (id, customer, units)
        self.reversed: set[int] = set()
        self.computes_discounts = True

    def add(self, batch: Batch) -> None:
        parsed = []
        for n, values in batch.rows:
            got = self._parse(n, values, batch)
            if got is not None:
                parsed.append(got)
        if not parsed:
            return
        self.writer.keep_lookups()   # the look-ups below read the payments by customer and day, allocations by invoice
        if len(self.states) > CACHED_INVOICES:  # memory stays bounded: start again from the file
            self.states.clear()
            self.queues.clear()
        by_id = self.states  # one state per invoice, kept current by this import (the only writer)
        numbers = [num for p in parsed for num in p["numbers"]]
        invoices = {num: by_id.setdefault(st.id, st)
                    for num, st in import_repo.invoice_states(self.s, numbers).items()}
        missing = {p["cid"] for p in parsed if p["auto"] and p["cid"] not in self.queues}
        if missing:
            opened = [by_id.setdefault(st.id, st) for st in import_repo.open_invoice_states(self.s, list(missing))]
            for cid in missing:
                self.queues[cid] = []
            for inv in oldest_due_first([OpenInvoice(i.id, i.number, i.issue_date, i.due_date, Decimal(i.open))
                                         for i in opened if i.open > 0]):
                self.queues[by_id[inv.invoice_id].customer_id].append(inv.invoice_id)
        queues = self.queues
        unknown = {p["cid"] for p in parsed if p["cid"] not in self.unrecovered}
        if unknown:  # what they wrote off and did not recover yet: one query for the batch, not one per customer
            self.unrecovered.update(import_repo.unrecovered(self.s, list(unknown), WRITE_OFF.key, RECOVERY.key))
        # A file that says what each payment was applied to (an export) also lists its recoveries
        self.may_recover = not {"allocations", "unapplied"} & batch.where.keys()
        # ... and one with a kind column lists its discounts as rows of their own (checked against the
        # invoices' terms): only a bank's file, which says neither, has them computed as entered payments do
        self.computes_discounts = self.may_recover and "kind" not in batch.where
        matches = import_repo.payments_on(self.s, [(p["cid"], p["data"].date) for p in parsed])
        in_batch: dict[tuple, list[int]] = {}
        payments, allocations = [], []
        for p in parsed:
            if not self._new_payment(p, batch, matches, in_batch):
                continue
            planned = self._apply(p, batch, invoices, by_id, queues)
            if planned is None:
                continue
            data = p["data"]
            recovered = self._recovered(p, planned)
            entries = [(p["units"] - recovered, p["method"], data.reference, planned)] if recovered != p["units"] else []
            if recovered:
                entries.append((recovered, RECOVERY.key, recovery_reference(data.reference), []))
            # the early-payment discounts the payment earned, each its own entry (as payments.record_payment)
            entries += [(units, DISCOUNT.key, discount_reference(by_id[iid].number),
                         [(iid, units, data.date)]) for iid, units in p.get("discounts", ())]
            earner = self.next_id if recovered != p["units"] else None   # the payment: its discounts' link
            for units, method, reference, parts in entries:
                pid = self.next_id
                self.next_id += 1
                self.rows_of_new.append(p["n"])
                self.source_ids.append(p["source_id"])
                in_batch.setdefault(p["key"], []).append(pid)
                row = dict(id=pid, customer_id=p["cid"], date=data.date, amount=units, currency=p["currency"],
                           method=method, reference=reference, reverses_id=None, note="",   # one key set per batch
                           earned_by_id=earner if method == DISCOUNT.key and pid != earner else None)
                owner = pid
                if p["kind"] is REVERSAL:
                    owner = self.by_source[p["reverses"]][0]
                    self.reversed.add(owner)
                    row.update(reverses_id=owner, note=p["reason"])
                elif p["source_id"] and method == p["method"]:
                    self.by_source.setdefault(p["source_id"], (pid, p["cid"], units))
                payments.append(row)
                for iid, applied, on in parts:
                    by_id[iid].paid += applied
                    self.applied[owner, iid] = self.applied.get((owner, iid), 0) + applied
                    if applied > 0:   # what a reversal takes back is no payment day
                        last = by_id[iid].last_paid_on
                        by_id[iid].last_paid_on = on if last is None else max(last, on)
                    allocations.append(dict(payment_id=pid, invoice_id=iid, date=on, amount=applied))
            self._note_correction(p, planned)
            self.customers_paid.add(p["cid"])
            self.report.new += 1
            self._preview(p, planned, by_id)
        link_discounts(payments, allocations)
        self.writer.payments(payments, allocations)

    # ---- reading a row ----------------------------------------------------------------------

    def _parse(self, n: int, values: dict[str, Any], batch: Batch) -> dict | None:
        report, options = self.report, self.options
        code = raw_text(values.get("customer_code", ""))
        cust = self.customers.get(code)
        listed = raw_text(values.get("currency", "")).upper()
        # the amount is read in the row's currency: a wrong one is named below, not as the amount's decimals
        currency = listed if listed in KNOWN_CURRENCIES else cust[2] if cust else self.company_currency
        kind_text = raw_text(values.get("kind", "")).lower() or PAYMENT.key
        kind = KINDS.get(kind_text)
        raw = values if kind is PAYMENT else dict(values)
        problems: dict[str, Any] = {}
        if kind is None:
            problems["kind"] = Text(translate("Messages", "'{kind}' is not a kind of payment; use one of {kinds}"),
                                    kind=kind_text, kinds=", ".join(KINDS))
        elif kind is REVERSAL:
            amount_text = raw_text(values.get("amount", ""))
            if amount_text.startswith("-"):
                raw["amount"] = amount_text[1:]   # read as the amount it takes back
            else:
                problems["amount"] = Text(translate("Messages", "a reversal is negative: minus the amount of the "
                                                                "entry it reverses"))
        elif kind is not PAYMENT:
            method = raw_text(values.get("method", "")).lower()
            if method not in ("", kind.key):
                problems["method"] = Text(translate("Messages", "a {kind} has no payment method; leave the method "
                                                                "empty"), kind=kind.key)
            raw["method"] = ""
        try:
            # a plain payment is read the quick way; any other row, or one it is unsure of, by parse_payment
            data = ((quick_payment(raw, currency, options.numbers, options.date_format) if kind is PAYMENT else None)
                    or parse_payment(raw, currency, numbers=options.numbers, dates=options.date_format))
        except ValidationError as e:
            problems = {**e.problems, **problems}
            data = None
        if problems:
            problems_of(report, n, batch, values, problems)
            return None
        if cust is None:
            report.error(n, batch.column("customer_code"), code,
                         Text(translate("Messages", "unknown customer '{code}'"), code=code))
            return None
        if data.date > self.today:
            report.error(n, batch.column("date"), values.get("date", ""),
                         Text(translate("Messages", "the payment date {date} is in the future"),
                              date=data.date.isoformat()))
            return None
        if listed and listed != cust[2]:
            report.error(n, batch.column("currency"), listed,
                         Text(translate("Messages", "customer {code} is kept in {currency}, not {listed}"), code=code,
                              currency=cust[2], listed=listed))
            return None
        if kind.needs_reason and not data.reference:
            report.error(n, batch.column("reference") or batch.column("kind"), "",
                         Text(translate("Messages", "a {kind} needs its reason in the reference column"),
                              kind=kind.key))
            return None
        parts = self._parts(n, values, batch, currency, data.date)
        if parts is None:
            return None
        numbers = [num for num, _u, _d in parts] if parts else ([data.invoice_number] if data.invoice_number else [])
        if kind.applied == "full" and not numbers:
            report.error(n, batch.column("invoice_number") or batch.column("allocations") or batch.column("kind"), "",
                         Text(translate("Messages", "a {kind} must name the invoice it corrects"), kind=kind.key))
            return None
        units = to_minor(data.amount, cust[2])
        source_id = int_cell(values.get("payment_id", ""))
        reverses = int_cell(values.get("reverses", ""))
        if kind is REVERSAL:
            units = -units
            if not reverses:
                report.error(n, batch.column("reverses") or batch.column("kind"), values.get("reverses", ""),
                             Text(translate("Messages", "a reversal names the payment_id of the entry it reverses "
                                                        "(a row above it in this file) in the reverses column")))
                return None
            if not raw_text(values.get("reason", "")):
                report.error(n, batch.column("reason") or batch.column("kind"), "",
                             Text(translate("Messages", "a reversal needs its reason in the reason column")))
                return None
        elif reverses:
            report.error(n, batch.column("reverses"), values.get("reverses", ""),
                         Text(translate("Messages", "only a reversal reverses an entry; leave this column empty")))
            return None
        return dict(n=n, values=values, data=data, kind=kind, cid=cust[0], code=code, currency=cust[2], units=units,
                    parts=parts, numbers=numbers,
                    method=data.method if kind in (PAYMENT, REVERSAL) else kind.key,
                    auto=kind is PAYMENT and not numbers, source_id=source_id, reverses=reverses,
                    reason=raw_text(values.get("reason", "")), key=(cust[0], data.date, units, data.reference))

    def _parts(self, n, values, batch, currency, date) -> list[tuple[str, int, dt.date]] | None:
        """The allocations cell as (invoice number, units, date); [] when there is none."""
        text = raw_text(values.get("allocations", ""))
        if not text:
            return []
        out = []
        for piece in text.split(";"):
            if not piece.strip():
                continue
            m = _PART.fullmatch(piece)
            try:
                if not m:
                    raise UserError(Text(translate("Messages", "'{part}' is not 'INVOICE: AMOUNT' or 'INVOICE: AMOUNT "
                                                               "on DATE'"), part=piece.strip()[:60]))
                # negative: what a change of split or a reversal takes back (checked when applied)
                amount = parse_amount(m.group("amount"), currency, allow_zero=False, allow_negative=True,
                                      fmt=self.options.numbers)
                on = parse_date_as(m.group("date"), self.options.date_format, "allocation date") \
                    if m.group("date") else date
            except UserError as e:
                self.report.error(n, batch.column("allocations"), text, e.message)
                return None
            out.append((m.group("number"), to_minor(amount, currency), on))
        return out

    # ---- duplicates -------------------------------------------------------------------------

    def _new_payment(self, p: dict, batch: Batch, matches, in_batch) -> bool:
        """False (reported) when this payment is already in the books or earlier in the file."""
        report, n, data, key = self.report, p["n"], p["data"], p["key"]
        stored = matches.get(key[:2], [])
        units, reference = key[2], key[3]
        earlier = [pid for pid, amount, _m, ref in stored if amount == units and ref == reference]
        if p["kind"] is PAYMENT:  # stored as a payment and the recovery split from it, or as a recovery alone
            split = recovery_reference(reference)
            earlier += [pid for pid, amount, method, ref in stored if method == RECOVERY.key and ref == split and (
                amount == units or any(a == units - amount and r == reference for _p, a, _m, r in stored))]
        earlier += in_batch.get(key, [])
        if any(pid < self.first_id for pid in earlier):
            if self.options.mode == "refuse":
                report.error(n, batch.column("amount"), p["values"].get("amount", ""),
                             Text(translate("Messages", "this payment (same date, customer, amount and reference) is "
                                                        "already recorded; choose 'skip' to import the rest")))
            else:  # a payment is never updated: the same payment again is skipped
                report.skip(n, f"{p['code']} {data.date.isoformat()} {data.amount}")
            return False
        for pid in earlier:
            k = pid - self.first_id
            if p["source_id"] and self.source_ids[k] and self.source_ids[k] != p["source_id"]:
                continue  # two payments alike, told apart by the file's own payment ids
            report.error(n, "", "", Text(translate("Messages", "the same payment (date, customer, amount, reference) "
                                                              "is also on row {row}"), row=self.rows_of_new[k]))
            return False
        return True

    # ---- applying ---------------------------------------------------------------------------

    def _apply(self, p, batch, invoices, by_id, queues) -> list[tuple[int, int, dt.date]] | None:
        if p["kind"] is REVERSAL:
            return self._take_back(p, batch, invoices)
        report, n, data, kind = self.report, p["n"], p["data"], p["kind"]
        out: list[tuple[int, int, dt.date]] = []
        column = batch.column("allocations") if p["parts"] else batch.column("invoice_number")
        if p["parts"]:
            wanted = p["parts"]
        elif p["numbers"]:
            inv = invoices.get(p["numbers"][0])
            open_units = inv.amount - inv.paid if inv is not None else 0
            settled = inv is not None and inv.customer_id == p["cid"] and open_units <= 0
            if settled and self._recovers(p, inv):
                wanted = []  # paid on a written-off invoice: what it pays is a recovery
            elif settled:
                report.error(n, column, inv.number, Text(translate("Messages", "invoice {number} is already paid"),
                                                         number=inv.number))
                return None
            elif kind is PAYMENT and self.computes_discounts and inv is not None and inv.customer_id == p["cid"]:
                # a file that does not say what it applied (a bank's): the invoice's discount may settle it
                plan = suggest_allocation(Decimal(p["units"]), [open_invoice(inv)], data.date)
                wanted = [(inv.number, int(a.amount), data.date) for a in plan.allocations]
                p["discounts"] = [(d.invoice_id, int(d.amount)) for d in plan.discounts]
            else:
                wanted = [(p["numbers"][0], min(p["units"], open_units) if kind is PAYMENT else p["units"], data.date)]
        else:
            wanted = []
        pending: dict[int, int] = {}
        for number, units, on in wanted:
            inv = invoices.get(number)
            if inv is not None and units < 0 and pending.get(inv.id, 0) + units < 0:   # a change of split
                report.error(n, column, number, Text(translate(
                    "Messages", "takes back {amount} from invoice {number}, more than this payment applied to it "
                                "before"), amount=from_minor(-units, p["currency"]), number=number))
                return None
            problem = allocation_problem(inv, number, p, units + pending.get(inv.id if inv else 0, 0), on)
            if problem is not None:
                report.error(n, column, number, problem)
                return None
            if kind is DISCOUNT:
                problem = discount_problem(inv, units + pending.get(inv.id, 0), on)
                if problem is not None:
                    where, problem = problem
                    cell = {"amount": p["values"].get("amount", ""), "date": p["values"].get("date", "")}
                    report.error(n, (batch.column(where) if not p["parts"] else None) or column,
                                 cell.get(where, number), problem)
                    return None
            pending[inv.id] = pending.get(inv.id, 0) + units
            out.append((inv.id, units, on))
        if p["auto"]:
            # The queue is oldest due first: its first invoices open on the day that cover the payment
            # are all the rule can take (a customer may have thousands open: never read them all)
            queue = queues.get(p["cid"], [])
            on = data.date if self.computes_discounts else None  # a bank's file: discounts may apply
            candidates, cover, walked = [], 0, 0
            for i in queue:
                walked += 1
                inv = by_id[i]
                if inv.open > 0 and inv.issue_date <= data.date:
                    candidate = open_invoice(inv)
                    candidates.append(candidate)
                    cover += inv.open - int(candidate.discount_on(on))
                    if cover >= p["units"]:
                        break
            plan = suggest_allocation(Decimal(p["units"]), candidates, on)
            out = [(a.invoice_id, int(a.amount), data.date) for a in plan.allocations]
            p["discounts"] = [(d.invoice_id, int(d.amount)) for d in plan.discounts]
            taken: dict[int, int] = {}
            for i, u, _d in out + [(i, u, data.date) for i, u in p["discounts"]]:
                taken[i] = taken.get(i, 0) + u
            queues[p["cid"]] = [i for i in queue[:walked] if by_id[i].open - taken.get(i, 0) > 0] + queue[walked:]
        applied = sum(u for _i, u, _d in out)
        if kind.applied == "none" and out:
            report.error(n, column, "", Text(translate("Messages", "a {kind} is not applied to invoices; leave its "
                                                                   "allocations empty"), kind=kind.key))
            return None
        if applied > p["units"]:
            report.error(n, column, "", Text(translate("Messages", "{applied} is applied to invoices but the payment "
                                                                   "is only {amount}"),
                                             applied=from_minor(applied, p["currency"]), amount=data.amount))
            return None
        if kind.applied == "full" and applied != p["units"]:
            report.error(n, column, "", Text(translate("Messages", "a {kind} is applied in full to its invoice: "
                                                                   "{applied} of {amount} is"), kind=kind.key,
                                             applied=from_minor(applied, p["currency"]), amount=data.amount))
            return None
        if not self._derived_agree(p, batch, applied):
            return None
        return out

    def _take_back(self, p, batch, invoices) -> list[tuple[int, int, dt.date]] | None:
        """A reversal's allocations: exactly the opposite of what its entry applies to each invoice."""
        report, n = self.report, p["n"]
        original = self.by_source.get(p["reverses"])
        if original is None or original[1] != p["cid"] or original[2] != -p["units"]:
            report.error(n, batch.column("reverses"), p["values"].get("reverses", ""), Text(translate(
                "Messages", "reverses payment {id}, which is not an entry of the same customer and amount on a row "
                            "above it in this file; import the two together, as an export writes them"),
                id=p["reverses"]))
            return None
        if original[0] in self.reversed:
            report.error(n, batch.column("reverses"), p["values"].get("reverses", ""),
                         Text(translate("Messages", "payment {id} is reversed on another row already"),
                              id=p["reverses"]))
            return None
        out, left = [], {iid: units for (pid, iid), units in self.applied.items() if pid == original[0] and units}
        for number, units, on in p["parts"]:
            inv = invoices.get(number)
            if inv is None or on < p["data"].date or units >= 0 or left.get(inv.id, 0) + units != 0:
                break
            left.pop(inv.id)
            out.append((inv.id, units, on))
        if len(out) != len(p["parts"]) or left:
            report.error(n, batch.column("allocations"), raw_text(p["values"].get("allocations", "")), Text(translate(
                "Messages", "a reversal takes back exactly what its entry applies to each invoice, on its own date; "
                            "these allocations do not")))
            return None
        return out if self._derived_agree(p, batch, sum(u for _i, u, _d in out)) else None

    # ---- recoveries -------------------------------------------------------------------------

    def _unrecovered(self, cid: int) -> int:
        if cid not in self.unrecovered:
            self.unrecovered.update(import_repo.unrecovered(self.s, [cid], WRITE_OFF.key, RECOVERY.key))
        return self.unrecovered[cid]

    def _recovers(self, p: dict, inv: InvoiceState) -> bool:
        """True if a payment on this settled invoice recovers what was written off on it."""
        return p["kind"] is PAYMENT and self.may_recover and (
            inv.id in self.written_off or import_repo.written_off(self.s, inv.id, WRITE_OFF.key))

    def _recovered(self, p: dict, planned: list) -> int:
        """Units of a payment booked as a recovery: what it leaves over after its invoices, up to what
        the customer had written off and not yet recovered (as ``payments.record_payment`` does)."""
        left = p["units"] - sum(u for _i, u, _d in planned)
        if p["kind"] is not PAYMENT or not self.may_recover or left <= 0:
            return 0
        amount = min(left, self._unrecovered(p["cid"]))
        if amount > 0:
            self.unrecovered[p["cid"]] -= amount
        return max(amount, 0)

    def _note_correction(self, p: dict, planned: list) -> None:
        if p["kind"] is WRITE_OFF:
            self.unrecovered[p["cid"]] = self._unrecovered(p["cid"]) + p["units"]
            self.written_off.update(i for i, _u, _d in planned)
        elif p["kind"] is RECOVERY:
            self.unrecovered[p["cid"]] = self._unrecovered(p["cid"]) - p["units"]

    def _derived_agree(self, p, batch, applied: int) -> bool:
        """An export's applied / unapplied columns, when given, must say what the allocations do."""
        for key, units in (("applied", applied), ("unapplied", p["units"] - applied)):
            value = p["values"].get(key, "")
            if value in ("", None):
                continue
            try:
                listed = parse_amount(value, p["currency"], allow_negative=p["kind"] is REVERSAL, fmt=self.options.numbers)
            except UserError as e:
                self.report.error(p["n"], batch.column(key), value, e.message)
                return False
            if to_minor(listed, p["currency"]) != units:
                self.report.error(p["n"], batch.column(key), value,
                                  Text(translate("Messages", "says {listed} but the allocations make {computed}; "
                                                             "correct the allocations or this column"),
                                       listed=listed, computed=from_minor(units, p["currency"])))
                return False
        return True

    def _preview(self, p, planned, by_id) -> None:
        if len(self.report.preview) >= self.preview_rows:
            return
        data = p["data"]
        self.report.preview.append({
            "row": str(p["n"]), "status": "new", "date": data.date.isoformat(), "customer_code": p["code"],
            "amount": str(data.amount), "currency": p["currency"], "kind": p["kind"].key, "method": p["method"],
            "reference": data.reference,
            "applied_to": "; ".join(f"{by_id[i].number}: {from_minor(u, p['currency'])}" for i, u, _ in planned)})

    def finish(self) -> None:
        if self.staging is not None:
            if self.staged:
                self._apply_staged()
            self.staging.close()
        self.s.flush()
        if self.report.ok:
            self.writer.finish()   # the indexes it held back are built before anything below reads them
        if self.report.ok and self.customers_paid:
            # what the payments did to promises and plans is recorded with them, as for one entered by hand
            from ar_desktop.services.worklist import record_outcomes_in

            record_outcomes_in(self.s, self.today, sorted(self.customers_paid))
