"""The insurer's notification of an overdue account and the claim file (cover, the collection
file, the letters with their proof of posting, then the archived letters and receipts themselves)."""

from __future__ import annotations

import io
from collections.abc import Iterable

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer, Table, TableStyle

from ar_desktop.domain.collection_file import kind_text
from ar_desktop.domain.insurer_documents import ClaimFile, InsurerNotice
from ar_desktop.domain.text import english
from ar_desktop.pdf.collection_file import _NumberedDoc, _money, _p, _story, _table
from ar_desktop.pdf.fonts import register_fonts

SMALL = 7.5


def _d(value) -> str:
    return value.isoformat() if value else "—"


def _build(title: str, story: list) -> bytes:
    def build(total: int) -> tuple[bytes, int]:
        buf = io.BytesIO()
        pdf = _NumberedDoc(buf, title)
        pdf.total_pages = total
        pdf.build(list(story), onFirstPage=pdf.footer, onLaterPages=pdf.footer)
        return buf.getvalue(), pdf.page

    _data, pages = build(0)
    return build(pages)[0]


def _facts(rows: list[tuple[str, str]]) -> Table:
    t = Table([[_p(k, bold=True), _p(v)] for k, v in rows], colWidths=[55 * mm, None])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return t


def _notice_story(n: InsurerNotice, title: str) -> list:
    story = [_p(title, 14, True), Spacer(1, 2 * mm),
             _p(f"To {n.insurer} — policy {n.policy_number}", 10), Spacer(1, 1 * mm),
             _p(f"From {n.company_name}, {n.company_address}", SMALL), Spacer(1, 4 * mm)]
    story.append(_facts([
        ("Buyer (debtor)", f"{n.customer_name} ({n.customer_code})\n{n.customer_address}"),
        ("Registration / tax id", n.customer_tax_id or "—"),
        ("Insurer's reference", n.insurer_reference or "limit set under the discretionary limit"),
        ("Insured limit", f"{_money(n.insured_limit)} {n.currency}" if n.insured_limit is not None else "—"),
        ("Exposure on " + n.as_of.isoformat(), f"{_money(n.exposure)} {n.currency}"),
        ("Overdue", f"{_money(n.overdue_total)} {n.currency}"),
        ("Oldest unpaid due date", _d(n.oldest_unpaid_due)),
        ("Covered (maximum extension) until", _d(n.covered_until)),
        ("Notification due by", _d(n.notify_by)),
        ("Transfer of collection due by", _d(n.transfer_by)),
    ]))
    story += [Spacer(1, 5 * mm), _p("Unpaid invoices", 11, True), Spacer(1, 2 * mm)]
    rows = [["Invoice", "Issued", "Due", "Days overdue", "Amount", "Open", "Disputed"]]
    rows += [[i.number, i.issue_date.isoformat(), i.due_date.isoformat(),
              str(i.days_overdue) if i.days_overdue > 0 else "", _money(i.amount), _money(i.open_amount),
              "yes" if i.disputed else ""] for i in n.items]
    rows.append(["Total", "", "", "", "", _money(sum((i.open_amount for i in n.items), 0)), ""])
    story.append(_table(rows, [28 * mm, 22 * mm, 22 * mm, 22 * mm, 28 * mm, 28 * mm, 18 * mm], numeric=(3, 4, 5)))
    story += [Spacer(1, 5 * mm), _p("Collection measures taken", 11, True), Spacer(1, 2 * mm)]
    rows = [["Date", "What", "Details"]] + [[e.date.isoformat(), english(kind_text(e.kind)),
                                              _p(english(e.text), SMALL)] for e in n.measures]
    if len(rows) == 1:
        rows.append(["", "", "none recorded"])
    story.append(_table(rows, [20 * mm, 30 * mm, None], numeric=()))
    story += [Spacer(1, 10 * mm), _p(f"{n.as_of.isoformat()}   {n.signer or n.company_name}"),
              Spacer(1, 12 * mm), _p("Signature and company seal: ______________________________")]
    return story


def render_notice(n: InsurerNotice) -> bytes:
    register_fonts()
    title = f"Notification of overdue account — {n.customer_name} — policy {n.policy_number}"
    return _build(title, _notice_story(n, "Notification of an overdue account"))


def render_claim_file(c: ClaimFile, attachments: Iterable[bytes] = ()) -> bytes:
    """The claim file; ``attachments`` (archived letters, receipt scans as PDF) are appended whole."""
    register_fonts()
    n = c.notice
    story = _notice_story(n, "Claim file")
    if c.expected_indemnity is not None:
        story.insert(6, _p(f"Expected indemnity: {_money(c.expected_indemnity)} {n.currency}", 10, True))
    story += [PageBreak(), _p("Letters sent and proof of posting", 11, True), Spacer(1, 2 * mm)]
    rows = [["Letter", "Date", "Step", "Claimed", "Posted", "Tracking", "Delivered / signed by", "Returned"]]
    rows += [[x.reference, x.letter_date.isoformat(), x.step_key.replace("_", " "), _money(x.total_claimed),
              _d(x.posted_on), x.tracking_number, f"{_d(x.delivered_on)} {x.signed_by}".strip(), _d(x.returned_on)]
             for x in c.letters]
    if len(rows) == 1:
        rows.append(["", "", "no letter issued", "", "", "", "", ""])
    story.append(_table(rows, [18 * mm, 20 * mm, 26 * mm, 20 * mm, 20 * mm, 28 * mm, 26 * mm, 18 * mm],
                        numeric=(3,)))
    fingerprints = [f"{x.reference}: SHA-256 {x.sha256}" + (f"; receipts {', '.join(x.receipts)}" if x.receipts
                                                           else "") for x in c.letters]
    if fingerprints:
        story += [Spacer(1, 3 * mm), _p("Archived letters (the copies appended are verified against these "
                                        "fingerprints):", SMALL)] + [_p(f, SMALL) for f in fingerprints]
    story += [PageBreak()] + _story(c.collection)
    main = _build(f"Claim file — {n.customer_name} — policy {n.policy_number} — {n.as_of.isoformat()}", story)
    extra = list(attachments)
    return merge([main, *extra]) if extra else main


def merge(parts: list[bytes]) -> bytes:
    """One PDF of several, page for page (pdfium; imported here only)."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    for data in parts:
        src = pdfium.PdfDocument(data)
        out.import_pages(src)
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()
