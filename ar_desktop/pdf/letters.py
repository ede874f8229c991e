"""Collection letters (reminder, demand letter, final notice) as PDF bytes.

A frozen LetterDocument becomes a story of platypus flowables (its sections: pdf.letter_blocks); the
letterhead, the address window (return line, "By registered mail", tracking number, recipient), the
date/reference block, fold and hole marks, the footer with company and bank details and "Page x of y"
are drawn by page-template callbacks (pdf.letter_page). Several letters can go into one PDF for batch
printing; page numbers then count per letter.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, NextPageTemplate, PageBreak, PageTemplate, Spacer, Table, TableStyle

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.letter_facts import long_date
from ar_desktop.domain.letters import LetterDocument
from ar_desktop.domain.money import format_amount
from ar_desktop.pdf.layouts import Geometry, Layout, get_layout
from ar_desktop.pdf.letter_blocks import (QR_SIZE, PaymentQr, QrRight, bank_line, claim_table, invoice_table,
                                          legal_basis, signature_block, totals_block, with_heading)
from ar_desktop.pdf.letter_page import PageHead, make_templates
from ar_desktop.pdf.letter_page import recipient_lines  # noqa: F401  (the address block: tests read it from here)
from ar_desktop.pdf.letter_words import TEXT, money_cur
from ar_desktop.pdf.page_style import Styles, build_pdf
from ar_desktop.pdf.statement import statement_story


def letter_story(doc: LetterDocument, layout: Layout) -> list:
    us = doc.date_style == "us"
    st = Styles(doc.language, us)
    lang, t = doc.language, TEXT[doc.language]
    courtesy = doc.template == "courtesy_reminder"
    width = (layout.page_mm[0] - layout.margin_left - layout.margin_right) * mm
    story: list = [st.para(doc.subject, st.subject)]
    debt = [t["debt"].format(ref=doc.contract_ref)] if doc.contract_ref else []
    if doc.recipient.tax_id:
        debt.append(t["debtor_tax"].format(name=doc.recipient.legal_name, id=doc.recipient.tax_id))
    if debt:
        story.append(st.para(("；" if lang == "zh" else " · ").join(debt), st.small))
    story.append(Spacer(1, 1.5 * mm))
    for i, text in enumerate(doc.paragraphs):
        is_salutation = i == 0 and (text.endswith("：") or text.endswith(",") or text.endswith(":"))
        story.append(st.para(text, st.body if is_salutation else st.body_indent))
    if doc.invoices and doc.charges:
        story += with_heading(st, t["claim_title"], claim_table(st, doc, width), width)
    elif doc.invoices:
        title = t["due_title"] if courtesy else t["overdue_title"]
        story += with_heading(st, title, invoice_table(st, doc.invoices, doc.currency, width, courtesy=courtesy),
                               width)
    if doc.invoices:
        disputed = [i for i in (*doc.invoices, *doc.wholly_disputed) if i.disputed]
        if disputed:
            sep = "；" if lang == "zh" else "; "
            items = sep.join(t["dispute_item"].format(number=i.number, amount=money_cur(i.disputed, doc.currency, lang))
                             for i in disputed)
            story.append(st.para(t["dispute_note"].format(items=items), st.small))
    if doc.charges:
        story += legal_basis(st, doc)
    if courtesy:   # a friendly note sums what falls due; letters state the total claimed in the pay line
        story += [Spacer(1, 1 * mm), KeepTogether([totals_block(st, doc, 0.62 * width)]), Spacer(1, 1 * mm)]
    else:
        story.append(Spacer(1, 2 * mm))
    total_txt = escape(money_cur(doc.total_claimed, doc.currency, lang))
    deadline = escape(long_date(doc.deadline, lang, us))
    if courtesy:
        pay = t["pay_due"]
    else:
        pay = t["pay"].format(total=total_txt, deadline=deadline)
    if doc.company.iban or doc.company.bank_name:
        story.append(st.para(pay + " " + bank_line(doc, lang), st.body, markup=True))
    announces = doc.template in ("legal_notice", "agency_notice")   # their wording states the step itself
    if not courtesy and not announces and doc.next_step and not any(doc.next_step in p for p in doc.paragraphs):
        story.append(st.para(t["next"].format(deadline=deadline, text=escape(doc.next_step)), st.body, markup=True))
    tail: list = []   # whom to ask is in the information block beside the address
    if doc.statement_attached or doc.statement is not None:
        sdate = doc.statement.statement_date if doc.statement else doc.letter_date
        tail.append(st.para(t["enclosure"].format(date=long_date(sdate, lang, us)), st.small))
    tail.append(Spacer(1, 2 * mm))
    # the closing and signature never stand alone on a page: the last lines before them go along
    last = [story.pop()] if story else []
    if last and isinstance(last[0], KeepTogether):
        last = list(last[0]._content)   # one level: ReportLab measures a nested KeepTogether badly
    closing = signature_block(st, doc, width)
    if doc.payment_qr and lang == "en":   # the pay-by-scan code beside the signature
        qr = [PaymentQr(doc.payment_qr), st.para(TEXT[lang]["scan"], ParagraphStyle(
            "qrc", parent=st.small, alignment=TA_CENTER, fontSize=6.5, leading=8))]
        qr_w = QR_SIZE * mm + 6 * mm
        side = Table([[closing, qr]], colWidths=[width - qr_w, qr_w], hAlign="LEFT")
        side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
        closing = [side]
    elif doc.payment_qr:
        closing = [*closing[:1], QrRight(doc.payment_qr, width, TEXT[lang]["scan"], st), *closing[1:]]
    story.append(KeepTogether([*last, *tail, *closing]))
    return story


def _check_totals(doc: LetterDocument) -> None:
    expected = doc.invoices_open + doc.charges_total
    if doc.total_claimed != expected:
        raise UserError(
            f"The total claimed ({format_amount(doc.total_claimed, doc.currency)}) differs from the open invoice "
            f"amounts plus charges ({format_amount(expected, doc.currency)}). Recalculate the letter before printing."
        )


def _letter_head(doc: LetterDocument) -> PageHead:
    return PageHead(doc.company, doc.recipient, doc.language, doc.letter_date, doc.reference, doc.contract_ref,
                    doc.registered_mail, doc.tracking_number, endorsement=doc.endorsement, date_style=doc.date_style)


def render_letters(docs: Sequence[LetterDocument], layout: str = "din-a",
                   offset: tuple[float, float] = (0, 0)) -> bytes:
    """Many letters (each with its optional statement) in one PDF, for batch printing.
    Every letter starts on a new page; "Page x of y" counts the pages of each letter."""
    if not docs:
        raise UserError("There are no letters to print. Select at least one letter.")
    lay = get_layout(layout)
    geo = Geometry(lay, offset)
    templates: list[PageTemplate] = []
    story: list = []
    for i, doc in enumerate(docs):
        _check_totals(doc)
        head = _letter_head(doc)
        templates += make_templates(i, head, lay, geo)
        if i:
            story += [NextPageTemplate(f"first-{i}"), PageBreak()]
        story += letter_story(doc, lay)
        if doc.statement is not None:
            story += [NextPageTemplate(f"later-{i}"), PageBreak()]
            story += statement_story(doc.statement, lay)
    # The first template in the list starts the document.
    first = docs[0]
    return build_pdf(lay, templates, story, title=first.subject if len(docs) == 1 else "Collection letters",
                     author=first.company.legal_name, lang=first.language)


def render_letter(doc: LetterDocument, layout: str = "din-a", offset: tuple[float, float] = (0, 0)) -> bytes:
    """One letter (plus its statement of account when ``doc.statement`` is set) as PDF bytes."""
    return render_letters([doc], layout, offset)
