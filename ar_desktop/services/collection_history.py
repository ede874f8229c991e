"""The customer's collection timeline: collection events, invoices issued, payments received, and what
registered sources add (letters, credit documents), each in the reader's language.
"""

from __future__ import annotations

import datetime as dt

from ar_desktop.domain.ladder import Ladder, step_name_text
from ar_desktop.domain.payment_kinds import (CREDIT_NOTE, DISCOUNT, KINDS, METHOD_KINDS, PAYMENT, RECOVERY,
                                             REVERSAL, VOID_REVERSAL, WRITE_OFF, referred)
from ar_desktop.domain.records import PAYMENT_METHODS
from ar_desktop.domain.text import Amount, Template, Text, from_stored, translate, verbatim
from ar_desktop.services.collection_input import customer_by_code
from ar_desktop.services.collection_ladders import ladder_of
from ar_desktop.services.context import Books
# HistoryEntry and register_history_source are the timeline's: its sources and callers take them from here too
from ar_desktop.services.history_entry import (_HISTORY_SOURCES, HistoryEntry, HistorySource,  # noqa: F401
                                               register_history_source)
from ar_desktop.storage import customer_history


def history(books: Books, code: str) -> list[HistoryEntry]:
    """The customer's timeline, oldest first (one day's entries in the order they were entered): collection
    events, invoices issued, payments received, and whatever registered sources add (letters)."""
    from ar_desktop.services import credit_history, letter_archive  # noqa: F401  (register their history sources)

    with books.db.session() as s:
        cid, data = customer_by_code(s, code)
        ladder = ladder_of(s, cid, data.credit_class)
        out: list[HistoryEntry] = []
        for r in customer_history.ledger(s, cid):
            if r.kind == "invoice":   # beside "invoice": its number and due date
                text = Text(translate("Messages", "{number}, due {date} (void)") if r.voided
                            else translate("Messages", "{number}, due {date}"),
                            number=r.number, date=r.due_date.isoformat())
                out.append(HistoryEntry(r.date, "invoice", text, r.amount, r.number, "ledger", 0, r.created_at))
            else:  # a correction (discount, write-off, credit note…) is never shown as money received
                kind = "payment" if r.entry_kind == PAYMENT.key else r.entry_kind
                out.append(HistoryEntry(r.date, kind, _ledger_text(r), r.amount, None, "ledger", 1, r.created_at))
        for e in customer_history.events(s, cid):
            out.append(HistoryEntry(e.date, e.kind, _event_text(e, ladder), e.amount, e.invoice_number, "event",
                                    2 + e.id, e.created_at))
        for name, source in _HISTORY_SOURCES.items():
            out.extend(HistoryEntry(x.date, x.kind, x.text, x.amount, x.invoice_number, name, x.order, x.recorded_at)
                       for x in source(s, cid))
    # One day's entries in the order they were entered (a reversal after the "promise kept" it undid), the
    # same instant (one bulk import) by kind and entry number.
    out.sort(key=lambda x: (x.date, x.recorded_at is None, x.recorded_at or dt.datetime.min, x.order))
    return out


def _method_text(method: str | None) -> Text:
    """A payment method: one of the listed methods in the reader's language, else as typed."""
    if method in PAYMENT_METHODS:
        t = Template(method)
        t.context = "PaymentDialog"  # where the window declares the methods for translation
        return Text(t)
    return verbatim(method or "")


def _details(kind: str, ref: str) -> Text | None:
    """What the timeline says of a correction of ``kind`` beside its kind, from its reference ``ref``: a write-off's
    or credit note's reference (number and reason), the invoice of a discount or of a void's credit, the reference
    of the payment a recovery was split from; None for a payment."""
    if kind in (WRITE_OFF.key, CREDIT_NOTE.key):
        return verbatim(ref)
    if kind not in (DISCOUNT.key, VOID_REVERSAL.key, RECOVERY.key):
        return None
    held = referred(kind, ref)
    if held is None or kind == RECOVERY.key:   # a reference as typed (an imported entry's), or a recovery's
        return verbatim(ref if held is None else held)
    return Text(translate("Messages", "invoice {number}"), number=held)


def _ledger_text(r) -> Text:
    """Beside the entry's kind (the timeline names it): its details alone, never the kind again ("discount |
    invoice D-1", "reversal | cheque, ref. BANK 7: bounced")."""
    ref = r.number or ""
    details = _details(r.entry_kind, ref)
    if details is not None:
        return details
    # beside "payment": how it was paid; beside "reversal": what it took back (a payment's method, or the kind of a
    # correction and its details) and why
    taken = KINDS[r.method] if r.entry_kind == REVERSAL.key and r.method in METHOD_KINDS else None
    if taken is None:
        method = _method_text(r.method)
        what = Text(translate("Messages", "{method}, ref. {ref}"), method=method, ref=ref) if ref else method
    else:
        of = _details(taken.key, ref)
        what = (Text(translate("Messages", "{kind} ({details})"), kind=Text(taken.label), details=of) if str(of)
                else Text(taken.label))
    if r.entry_kind == REVERSAL.key and r.note:
        return Text(translate("Messages", "{what}: {note}"), what=what, note=r.note)
    return what


# How a call ended, as the history reads it (keys of CALL_OUTCOMES).
OUTCOME_NAMES = {"reached": translate("Messages", "reached"), "no_answer": translate("Messages", "no answer"),
                 "promised": translate("Messages", "promised to pay"),
                 "disputed": translate("Messages", "disputes an invoice"),
                 "refused": translate("Messages", "refused to pay")}
# The timeline names an entry's kind beside its details (domain.collection_file.KIND_NAMES): the details never say
# the kind's label again ("payment plan | Payment plan: …", "call | Phone call: …", "promise | Promise to pay …");
# of these kinds they are the note alone.
_NOTE_ALONE = {"note", "hold_released", "credit_review", "plan", "plan_broken", "plan_kept", "plan_cancelled"}


def _event_text(e, ladder: Ladder) -> Text:
    text: Text | None
    step = ladder.get(e.step_key)
    name = step_name_text(e.step_key, step.name if step else None)
    amount = Amount(e.amount) if e.amount is not None else ""  # in the reader's amount style
    by = e.promise_date.isoformat() if e.promise_date else "?"
    kind = e.kind
    if kind in _NOTE_ALONE:
        note = from_stored(e.note)
        return note if isinstance(note, Text) else verbatim(note or "")
    if kind in ("step_done", "step_skipped"):  # beside its kind ("step done"): the step alone
        text = name
    elif kind == "call":  # beside "call": how it ended
        outcome = OUTCOME_NAMES.get(e.outcome)
        text = Text(outcome) if outcome else verbatim(e.outcome or "")
    elif kind in ("promise", "promise_broken"):  # beside "promise" / "promise broken": how much, by when
        text = Text(translate("Messages", "{amount} by {date}"), amount=amount, date=by)
    elif kind == "promise_kept":  # beside "promise kept": how much
        text = verbatim(amount)
    elif kind == "dispute":  # beside "dispute": how much of which invoice
        text = Text(translate("Messages", "{amount} of invoice {number}"), number=e.invoice_number, amount=amount)
    elif kind == "hold":  # beside its kind, "hold"
        text = Text(translate("Messages", "until {date}"), date=e.hold_until.isoformat() if e.hold_until else "?")
    elif kind in ("dispute_resolved", "credit_override"):  # beside its kind: the invoice, if any
        text = Text(translate("Messages", "invoice {number}"), number=e.invoice_number) if e.invoice_number else None
    else:
        text = verbatim(kind)
    note = from_stored(e.note) if kind != "promise" else ""
    if text is None:  # nothing to add to the kind but the note
        return note if isinstance(note, Text) else verbatim(note)
    return Text(translate("Messages", "{what}: {note}"), what=text, note=note) if note else text
