"""Credit-risk entries of a customer's collection file: insured-limit decisions, insurer events,
acknowledgements, credit checks and balance confirmations (registered as a history source)."""

from __future__ import annotations

from ar_desktop.domain.credit_check import DECISION_NAMES, SOURCE_NAMES
from ar_desktop.domain.money import from_minor
from ar_desktop.domain.text import Amount, Text, from_stored, listed, translate, verbatim
from ar_desktop.services.history_entry import HistoryEntry, register_history_source
from ar_desktop.storage import company_repo, credit_repo, customers_repo

_ACK = {"written": translate("Messages", "Debt acknowledged in writing"),
        "oral": translate("Messages", "Debt acknowledged orally"),
        "confirmation": translate("Messages", "Debt acknowledged by the returned balance confirmation")}


def _with_note(text: Text, note: str) -> Text:
    return Text(translate("Messages", "{what}: {note}"), what=text, note=from_stored(note)) if note else text


def credit_history(s, customer_id: int) -> list[HistoryEntry]:
    currency = customers_repo.get(s, customer_id).currency
    numbers = {pid: p.number for pid, p in credit_repo.policies(s, company_repo.get(s).currency).items()}
    out: list[HistoryEntry] = []
    for r in credit_repo.limits(s, [customer_id]).get(customer_id, []):
        d = r.decision
        policy = numbers.get(r.policy_id, "")
        if d.limit > 0:
            until = (Text(translate("Messages", ", until {date}"), date=d.valid_until.isoformat())
                     if d.valid_until else "")
            if d.reference:   # beside its kind, "insured limit"
                text = Text(translate("Messages", "{limit} (policy {policy}{until}, insurer's ref. {reference})"),
                            limit=Amount(d.limit), policy=policy, until=until, reference=d.reference)
            else:
                text = Text(translate("Messages", "{limit} (policy {policy}{until}, set under the discretionary "
                                                  "limit)"),
                            limit=Amount(d.limit), policy=policy, until=until)
        else:
            text = Text(translate("Messages", "Insurer withdrew the cover (policy {policy})"), policy=policy)
        out.append(HistoryEntry(d.valid_from, "insured_limit", text, d.limit, None, "credit", 1_000_000 + r.id))
    for eid, e, note in credit_repo.insurer_events(s, [customer_id]).get(customer_id, []):
        stored = from_stored(note)   # beside its kind ("insurer notified", "indemnity"…): the note alone
        text = stored if isinstance(stored, Text) else verbatim(stored)
        out.append(HistoryEntry(e.date, f"insurer_{e.kind}", text, e.amount, None, "credit", 2_000_000 + eid))
    for aid, day, kind, number, note in credit_repo.acknowledgements_of_customer(s, customer_id):
        out.append(HistoryEntry(day, "acknowledgement", _with_note(Text(_ACK[kind]), note), None, number,
                                "credit", 3_000_000 + aid))
    for c in credit_repo.credit_checks(s, customer_id):
        sources = listed([Text(SOURCE_NAMES[k]) for k in c.sources.split(",") if k in SOURCE_NAMES])
        if c.next_review:   # beside its kind, "credit check"
            text = Text(translate("Messages", "{sources}: {decision}; next review {date}. {findings}"),
                        sources=sources, decision=Text(DECISION_NAMES[c.decision]),
                        date=c.next_review.isoformat(), findings=c.findings)
        else:
            text = Text(translate("Messages", "{sources}: {decision}. {findings}"),
                        sources=sources, decision=Text(DECISION_NAMES[c.decision]), findings=c.findings)
        out.append(HistoryEntry(c.date, "credit_check", text,
                                None if c.limit_granted is None else from_minor(c.limit_granted, currency), None,
                                "credit", 4_000_000 + c.id))
    for b in credit_repo.confirmations(s, customer_id):
        out.append(HistoryEntry(b.as_of, "confirmation_sent",
                                Text(translate("Messages", "to be returned by {date}"),   # "confirmation sent"
                                     date=b.return_by.isoformat()),
                                from_minor(b.amount, b.currency), None, "credit", 5_000_000 + b.id))
        if b.returned_on is not None:
            text = (Text(translate("Messages", "signed as sent")) if b.agreed   # beside "confirmation returned"
                    else Text(translate("Messages", "with a difference")))
            out.append(HistoryEntry(b.returned_on, "confirmation_returned", _with_note(text, b.note),
                                    None, None, "credit", 5_500_000 + b.id))
    return out


register_history_source("credit", credit_history)
