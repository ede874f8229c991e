"""Credit-risk entries of a customer's collection file: insured-limit decisions, insurer events,
acknowledgements, credit checks and balance confirmations (registered as a history source)."""

from __future__ import annotations

from ar_desktop.domain import insurance as ins
from ar_desktop.domain.credit_check import DECISION_NAMES, SOURCE_NAMES
from ar_desktop.domain.money import from_minor
from ar_desktop.services.collections import HistoryEntry, register_history_source
from ar_desktop.storage import company_repo, credit_repo, customers_repo

_ACK = {"written": "Debt acknowledged in writing", "oral": "Debt acknowledged orally",
        "confirmation": "Debt acknowledged by the returned balance confirmation"}


def credit_history(s, customer_id: int) -> list[HistoryEntry]:
    currency = customers_repo.get(s, customer_id).currency
    numbers = {pid: p.number for pid, p in credit_repo.policies(s, company_repo.get(s).currency).items()}
    out: list[HistoryEntry] = []
    for r in credit_repo.limits(s, [customer_id]).get(customer_id, []):
        d = r.decision
        if d.limit > 0:
            text = f"Insured limit {d.limit:,.2f} (policy {numbers.get(r.policy_id, '')}"
            text += f", until {d.valid_until.isoformat()}" if d.valid_until else ""
            text += f", insurer's ref. {d.reference})" if d.reference else ", set under the discretionary limit)"
        else:
            text = f"Insurer withdrew the cover (policy {numbers.get(r.policy_id, '')})"
        out.append(HistoryEntry(d.valid_from, "insured_limit", text, d.limit, None, "credit", 1_000_000 + r.id))
    for eid, e, note in credit_repo.insurer_events(s, [customer_id]).get(customer_id, []):
        text = str(ins.EVENT_NAMES[e.kind]).capitalize() + (f": {note}" if note else "")
        out.append(HistoryEntry(e.date, f"insurer_{e.kind}", text, e.amount, None, "credit", 2_000_000 + eid))
    for aid, day, kind, number, note in credit_repo.acknowledgements_of_customer(s, customer_id):
        out.append(HistoryEntry(day, "acknowledgement", _ACK[kind] + (f": {note}" if note else ""), None, number,
                                "credit", 3_000_000 + aid))
    for c in credit_repo.credit_checks(s, customer_id):
        sources = ", ".join(str(SOURCE_NAMES[k]) for k in c.sources.split(",") if k in SOURCE_NAMES)
        text = f"Credit check ({sources}): {DECISION_NAMES[c.decision]}"
        text += f"; next review {c.next_review.isoformat()}" if c.next_review else ""
        text += f". {c.findings}"
        out.append(HistoryEntry(c.date, "credit_check", text,
                                None if c.limit_granted is None else from_minor(c.limit_granted, currency), None,
                                "credit", 4_000_000 + c.id))
    for b in credit_repo.confirmations(s, customer_id):
        out.append(HistoryEntry(b.as_of, "confirmation_sent",
                                f"Balance confirmation sent, to be returned by {b.return_by.isoformat()}",
                                from_minor(b.amount, b.currency), None, "credit", 5_000_000 + b.id))
        if b.returned_on is not None:
            text = "Balance confirmation returned " + ("signed as sent" if b.agreed else "with a difference")
            out.append(HistoryEntry(b.returned_on, "confirmation_returned", text + (f": {b.note}" if b.note else ""),
                                    None, None, "credit", 5_500_000 + b.id))
    return out


register_history_source("credit", credit_history)
