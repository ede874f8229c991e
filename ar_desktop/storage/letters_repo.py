"""Letters issued, their items, the registered-mail log, and the invoice data late charges and
letters are computed from (payments as of a date come from allocations dated on or before it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from ar_desktop.domain.money import from_minor
from ar_desktop.storage.orm import Allocation, Customer, Invoice
from ar_desktop.storage.orm_letters import Letter, LetterItem, MailEntry


# --- invoices as of a date --------------------------------------------------------------------------

@dataclass(frozen=True)
class ChargeInvoice:
    """An invoice as of D: gross amount, payments dated <= D, and its customer's late-charge rule."""

    invoice_id: int
    number: str
    customer_id: int
    customer_code: str
    currency: str
    issue_date: dt.date
    due_date: dt.date
    gross: Decimal
    payments: tuple[tuple[dt.date, Decimal], ...]
    disputed: bool
    reference: str
    customer_rule: str          # '' = the company default
    customer_rate: str          # exact decimal text, '' = none
    disputed_amount: Decimal = Decimal(0)   # the contested part (as stored now), see disputed_part
    dispute_reason: str = ""
    retention_of_title: bool = False        # goods delivered under retention of title

    @property
    def paid(self) -> Decimal:
        return sum((a for _d, a in self.payments), Decimal(0))

    @property
    def open_amount(self) -> Decimal:
        return self.gross - self.paid

    @property
    def disputed_part(self) -> Decimal:
        """The contested part of the open amount as of D (never more than is open)."""
        return max(Decimal(0), min(self.disputed_amount, self.open_amount)) if self.disputed else Decimal(0)

    @property
    def claimable(self) -> Decimal:
        """The undisputed open amount: what a letter claims."""
        return self.open_amount - self.disputed_part


def charge_invoices(s: Session, as_of: dt.date, customer_ids: list[int] | None = None, *,
                    only_due_before: bool = True) -> list[ChargeInvoice]:
    """Invoices that exist as of D (issued by then, not voided by then), with their payments dated
    <= D. ``only_due_before``: only those due before D (the ones that can be late)."""
    live = and_(Invoice.issue_date <= as_of,
                or_(Invoice.voided.is_(False), and_(Invoice.voided_on.is_not(None), Invoice.voided_on > as_of)))
    q = (select(Invoice, Customer.code, Customer.late_charge_rule, Customer.late_charge_rate)
         .join(Customer, Customer.id == Invoice.customer_id).where(live))
    if only_due_before:
        q = q.where(Invoice.due_date < as_of)
    if customer_ids is not None:
        q = q.where(Invoice.customer_id.in_(customer_ids))
    found = list(s.execute(q))
    ids = [i.id for i, *_ in found]
    pays: dict[int, list[tuple[dt.date, int]]] = {}
    for chunk in range(0, len(ids), 900):
        part = ids[chunk:chunk + 900]
        for inv_id, date, amount in s.execute(
                select(Allocation.invoice_id, Allocation.date, Allocation.amount)
                .where(Allocation.invoice_id.in_(part), Allocation.date <= as_of)
                .order_by(Allocation.date, Allocation.id)):
            pays.setdefault(inv_id, []).append((date, amount))
    out = []
    for inv, code, rule, rate in found:
        cur = inv.currency
        out.append(ChargeInvoice(
            inv.id, inv.number, inv.customer_id, code, cur, inv.issue_date, inv.due_date, from_minor(inv.amount, cur),
            tuple((d, from_minor(a, cur)) for d, a in pays.get(inv.id, [])), inv.disputed, inv.reference,
            rule or "", rate or "",
            from_minor(inv.disputed_amount if inv.disputed_amount > 0 else inv.amount, cur) if inv.disputed
            else Decimal(0), inv.dispute_reason if inv.disputed else "", bool(inv.retention_of_title)))
    out.sort(key=lambda c: (c.customer_code, c.number))
    return out


# --- letters ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LetterRecord:
    id: int
    customer_id: int
    customer_code: str
    customer_name: str
    step_key: str
    template: str
    template_version: str
    language: str
    layout: str
    letter_date: dt.date
    deadline: dt.date
    currency: str
    total_claimed: Decimal
    archive_path: str
    sha256: str
    size: int
    document_json: str
    created_at: dt.datetime

    @property
    def reference(self) -> str:
        return letter_reference(self.id)


@dataclass(frozen=True)
class LetterItemRecord:
    letter_id: int
    invoice_id: int
    invoice_number: str
    open_amount: Decimal
    interest: Decimal
    fixed_compensation: Decimal
    rule: str
    explanation: str


@dataclass(frozen=True)
class MailEntryRecord:
    id: int
    letter_id: int
    kind: str
    carrier: str
    service: str
    tracking_number: str
    date: dt.date
    signed_by: str
    attachment_path: str
    note: str
    corrects_id: int | None
    created_at: dt.datetime


def letter_reference(letter_id: int) -> str:
    """'L000123': the reference printed on the letter and used in its file name."""
    return f"L{letter_id:06d}"


def add_letter(s: Session, *, customer_id: int, step_key: str, template: str, template_version: str,
               language: str, layout: str, letter_date: dt.date, deadline: dt.date, currency: str,
               total_claimed: int) -> int:
    row = Letter(customer_id=customer_id, step_key=step_key, template=template, template_version=template_version,
                 language=language, layout=layout, letter_date=letter_date, deadline=deadline, currency=currency,
                 total_claimed=total_claimed, archive_path="", sha256="", size=0, document_json="")
    s.add(row)
    s.flush()
    return row.id


def set_archive(s: Session, letter_id: int, *, archive_path: str, sha256: str, size: int,
                document_json: str) -> None:
    row = s.get(Letter, letter_id)
    row.archive_path, row.sha256, row.size, row.document_json = archive_path, sha256, size, document_json
    s.flush()


def add_item(s: Session, *, letter_id: int, invoice_id: int, open_amount: int, interest: int,
             fixed_compensation: int, rule: str, explanation: str) -> None:
    s.add(LetterItem(letter_id=letter_id, invoice_id=invoice_id, open_amount=open_amount, interest=interest,
                     fixed_compensation=fixed_compensation, rule=rule, explanation=explanation))


def _record(r: Letter, code: str, name: str) -> LetterRecord:
    return LetterRecord(r.id, r.customer_id, code, name, r.step_key, r.template, r.template_version, r.language,
                        r.layout, r.letter_date, r.deadline, r.currency, from_minor(r.total_claimed, r.currency),
                        r.archive_path, r.sha256, r.size, r.document_json, r.created_at)


def get(s: Session, letter_id: int) -> LetterRecord | None:
    row = s.execute(select(Letter, Customer.code, Customer.name).join(Customer, Customer.id == Letter.customer_id)
                    .where(Letter.id == letter_id)).first()
    return None if row is None else _record(*row)


def for_customer(s: Session, customer_id: int) -> list[LetterRecord]:
    q = (select(Letter, Customer.code, Customer.name).join(Customer, Customer.id == Letter.customer_id)
         .where(Letter.customer_id == customer_id).order_by(Letter.letter_date, Letter.id))
    return [_record(*r) for r in s.execute(q)]


def list_letters(s: Session, *, date_from: dt.date | None = None, date_to: dt.date | None = None) -> list[LetterRecord]:
    q = select(Letter, Customer.code, Customer.name).join(Customer, Customer.id == Letter.customer_id)
    if date_from is not None:
        q = q.where(Letter.letter_date >= date_from)
    if date_to is not None:
        q = q.where(Letter.letter_date <= date_to)
    return [_record(*r) for r in s.execute(q.order_by(Letter.letter_date, Letter.id))]


def items(s: Session, letter_id: int) -> list[LetterItemRecord]:
    q = (select(LetterItem, Invoice.number, Invoice.currency).join(Invoice, Invoice.id == LetterItem.invoice_id)
         .where(LetterItem.letter_id == letter_id).order_by(LetterItem.id))
    return [LetterItemRecord(i.letter_id, i.invoice_id, number, from_minor(i.open_amount, cur),
                             from_minor(i.interest, cur), from_minor(i.fixed_compensation, cur), i.rule, i.explanation)
            for i, number, cur in s.execute(q)]


# --- registered mail --------------------------------------------------------------------------------

def add_mail_entry(s: Session, *, letter_id: int, kind: str, date: dt.date, carrier: str = "", service: str = "",
                   tracking_number: str = "", signed_by: str = "", attachment_path: str = "", note: str = "",
                   corrects_id: int | None = None) -> int:
    row = MailEntry(letter_id=letter_id, kind=kind, date=date, carrier=carrier, service=service,
                    tracking_number=tracking_number, signed_by=signed_by, attachment_path=attachment_path, note=note,
                    corrects_id=corrects_id)
    s.add(row)
    s.flush()
    return row.id


def mail_entries(s: Session, letter_ids: list[int]) -> list[MailEntryRecord]:
    """The entries of the letters in the order they were recorded."""
    out: list[MailEntryRecord] = []
    for i in range(0, len(letter_ids), 900):
        q = select(MailEntry).where(MailEntry.letter_id.in_(letter_ids[i:i + 900])).order_by(MailEntry.id)
        out += [MailEntryRecord(e.id, e.letter_id, e.kind, e.carrier, e.service, e.tracking_number, e.date,
                                e.signed_by, e.attachment_path, e.note, e.corrects_id, e.created_at)
                for e in s.scalars(q)]
    out.sort(key=lambda e: e.id)
    return out


def mail_entries_for_customer(s: Session, customer_id: int) -> list[MailEntryRecord]:
    ids = list(s.scalars(select(Letter.id).where(Letter.customer_id == customer_id)))
    return mail_entries(s, ids) if ids else []


def mail_entries_by_ids(s: Session, entry_ids: list[int]) -> list[MailEntryRecord]:
    letter_ids = list(s.scalars(select(MailEntry.letter_id).where(MailEntry.id.in_(entry_ids)).distinct()))
    wanted = set(entry_ids)
    return [e for e in mail_entries(s, letter_ids) if e.id in wanted]


def archive_paths(s: Session) -> set[str]:
    """The archive paths of every letter committed (to tell orphaned archive files)."""
    return set(s.scalars(select(Letter.archive_path)))
