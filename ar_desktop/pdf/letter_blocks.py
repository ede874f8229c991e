"""The sections of a letter's story: the tables of invoices and of charges, the total claimed, the bank
details with the payment QR code, the legal basis of the charges, and the closing and signature."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from ar_desktop.domain.letter_facts import ZH_CURRENCY, short_date
from ar_desktop.domain.letters import LetterDocument, LetterInvoiceLine, format_date
from ar_desktop.pdf.letter_words import LEGAL_BASIS, TEXT, money, money_cur, words_amount
from ar_desktop.pdf.page_style import GREY, Styles, fit_widths, table_style

# mm
SEAL_AREA_W = 60.0            # blank area for the company seal (zh), ≥ 45 mm square
SEAL_AREA_H = 20.0           # a 42 mm seal is stamped over the company name and date below it
SIGNATURE_SPACE = 8.0


# ----------------------------------------------------------------------------- the letter story

class SealArea(Flowable):
    """A blank area reserved for the company seal (nothing is drawn)."""

    def __init__(self, width_mm: float = SEAL_AREA_W, height_mm: float = SEAL_AREA_H):
        super().__init__()
        self.width, self.height = width_mm * mm, height_mm * mm

    def draw(self):  # pragma: no cover - intentionally blank
        pass


def invoice_table(st: Styles, invoices: Sequence[LetterInvoiceLine], currency: str, width: float,
                  *, totals: bool = True, extra_col: Callable[[LetterInvoiceLine], str] | None = None,
                  extra_head: str = "", courtesy: bool = False) -> Table:
    """Invoices with amount, paid and open; with a dispute among them, the part in dispute and the
    part claimed instead of the open amount. ``courtesy``: invoices not yet due (days until due)."""
    lang = st.language
    disputes = any(i.disputed for i in invoices)
    head = list(TEXT[lang]["inv_head"])
    head[4] = f"{head[4]} ({currency})" if lang == "en" else f"{head[4]}（{ZH_CURRENCY.get(currency, currency)}）"
    if courtesy:
        head[3] = TEXT[lang]["due_in"]
    ratios = [0.19, 0.13, 0.13, 0.1, 0.15, 0.15, 0.15]
    if disputes:
        head[6:] = [TEXT[lang]["in_dispute"], TEXT[lang]["claimed"]]
        ratios = [0.16, 0.12, 0.12, 0.09, 0.13, 0.12, 0.13, 0.13]
    if extra_col:
        head.append(extra_head)
        ratios = [0.14, 0.125, 0.125, 0.085, 0.125, 0.1, 0.125, 0.175]
    right_cols = set(range(3, len(head) - (1 if extra_col else 0)))

    def amounts(items) -> list[str]:
        out = [money(sum((i.amount for i in items), Decimal(0)), currency),
               money(sum((i.paid for i in items), Decimal(0)), currency)]
        if disputes:
            out += [money(sum((i.disputed for i in items), Decimal(0)), currency),
                    money(sum((i.claimed for i in items), Decimal(0)), currency)]
        else:
            out.append(money(sum((i.open_amount for i in items), Decimal(0)), currency))
        return out

    rows = [[st.para(h, st.cell_right_bold if i in right_cols else st.cell_bold) for i, h in enumerate(head)]]
    for inv in invoices:
        days = -inv.days_overdue if courtesy else inv.days_overdue
        cells = [inv.number, short_date(inv.issue_date, lang, st.us), short_date(inv.due_date, lang, st.us), str(days),
                 *amounts([inv])]
        if extra_col:
            cells.append(extra_col(inv))
        rows.append([st.para(v, st.cell_right if i in right_cols else st.cell) for i, v in enumerate(cells)])
    if totals:
        tot = [TEXT[lang]["total"], "", "", "", *amounts(invoices)]
        if extra_col:
            tot.append("")
        rows.append([st.para(v, st.cell_right_bold if i in right_cols else st.cell_bold) for i, v in enumerate(tot)])
    wrap = {len(head) - 1} if extra_col else set()
    table = Table(rows, colWidths=fit_widths(rows, ratios, width, wrap), repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(1, 1 if totals else 0))
    return table


def _short_calc(line: str) -> str:
    """'2026-01-21 to 2026-03-31: 1,250.45 EUR x 10.27 % x 70 / 365 = 24.63 EUR (German base rate ...)'
    without the parenthesis naming the reference rate (the legal basis under the table names it)."""
    return line.split(" (", 1)[0].rstrip(".")


def claim_table(st: Styles, doc: LetterDocument, width: float) -> Table:
    """The invoices claimed with their late charges in one table (so that a letter of up to three
    invoices with charges fits on one page); under each invoice, in small print, how its charges
    were computed. The header repeats on every page the table runs onto."""
    lang, cur = st.language, doc.currency
    t = TEXT[lang]
    disputes = any(i.disputed for i in doc.invoices)
    head = list(t["claim_head"])          # invoice, due, days, amount, paid, claimed, interest, fixed, total
    head[3] = f"{head[3]} ({cur})" if lang == "en" else f"{head[3]}（{ZH_CURRENCY.get(cur, cur)}）"
    ratios = [0.14, 0.11, 0.075, 0.115, 0.1, 0.115, 0.1, 0.12, 0.125]
    if disputes:
        head.insert(5, t["in_dispute"])
        ratios = [0.125, 0.1, 0.065, 0.105, 0.085, 0.1, 0.105, 0.095, 0.11, 0.11]
    right = set(range(2, len(head)))
    rows = [[st.para(h, st.cell_right_bold if k in right else st.cell_bold) for k, h in enumerate(head)]]
    note = ParagraphStyle("calc", parent=st.cell, fontSize=6.8, leading=8.4, textColor=GREY)
    spans = []
    by_number = {c.invoice_number: c for c in doc.charges}
    zero = Decimal(0)
    for inv in doc.invoices:
        ch = by_number.get(inv.number)
        cells = [inv.number, short_date(inv.due_date, lang, st.us), str(inv.days_overdue), money(inv.amount, cur),
                 money(inv.paid, cur)]
        if disputes:
            cells.append(money(inv.disputed, cur))
        cells += [money(inv.claimed, cur), money(ch.interest if ch else zero, cur),
                  money(ch.fixed_compensation if ch else zero, cur), money(inv.claimed + (ch.total if ch else zero), cur)]
        rows.append([st.para(v, st.cell_right if k in right else st.cell) for k, v in enumerate(cells)])
        if ch is not None:   # the rule and the arithmetic (the reference rate is named in the legal basis)
            sep = "；" if lang == "zh" else "; "
            calc = sep.join(_short_calc(x) for x in ch.explanation)
            text = ch.description + ("：" if lang == "zh" else ": ") + calc if calc else ch.description
            rows.append([st.para(text, note)] + [""] * (len(head) - 1))
            spans.append(len(rows) - 1)
    totals = [t["total"], "", "", money(sum((i.amount for i in doc.invoices), zero), cur),
              money(sum((i.paid for i in doc.invoices), zero), cur)]
    if disputes:
        totals.append(money(sum((i.disputed for i in doc.invoices), zero), cur))
    totals += [money(doc.invoices_open, cur), money(sum((c.interest for c in doc.charges), zero), cur),
               money(sum((c.fixed_compensation for c in doc.charges), zero), cur),
               money(doc.invoices_open + doc.charges_total, cur)]
    rows.append([st.para(v, st.cell_right_bold if k in right else st.cell_bold) for k, v in enumerate(totals)])
    table = Table(rows, colWidths=fit_widths([r for k, r in enumerate(rows) if k not in spans], ratios, width),
                  repeatRows=1, hAlign="LEFT")
    style = table_style(1, 1)
    for r in spans:
        style.add("SPAN", (0, r), (-1, r))
        style.add("TOPPADDING", (0, r), (-1, r), 0)
        style.add("LINEABOVE", (0, r), (-1, r), 0, colors.white)
    table.setStyle(style)
    return table


def totals_block(st: Styles, doc: LetterDocument, width: float) -> Table:
    lang, cur = st.language, doc.currency
    if doc.template == "courtesy_reminder":
        rows = [[st.para(TEXT[lang]["amount_due"], st.cell_bold),
                 st.para(money_cur(doc.invoices_open, cur, lang), st.cell_right_bold)]]
        lined = 0
    else:
        rows = []   # the table above has the invoices and the charges; here the sum to pay
        lined = 0
        rows.append([st.para(TEXT[lang]["total_claimed"], st.cell_bold),
                     st.para(money_cur(doc.total_claimed, cur, lang), st.cell_right_bold)])
        if lang == "zh":
            rows.append([st.para(TEXT[lang]["words"], st.cell_bold),
                         st.para(words_amount(doc.total_claimed, cur), st.cell_right_bold)])
    table = Table(rows, colWidths=[0.45 * width, 0.55 * width], hAlign="RIGHT")
    cmds = [("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    if lined:
        cmds.append(("LINEABOVE", (0, lined), (-1, lined), 0.8, colors.black))
    table.setStyle(TableStyle(cmds))
    return table


def bank_table(st: Styles, doc: LetterDocument, width: float) -> Table:
    """Account holder, bank, IBAN, BIC and payment reference, two pairs a row."""
    t, co = TEXT[st.language], doc.company
    pairs = [(k, v) for k, v in ((t["holder"], co.account_holder or co.legal_name), (t["bank"], co.bank_name),
                                 (t["iban"], co.iban), (t["bic"], co.bic), (t["payref"], doc.reference)) if v]
    data = []
    for k in range(0, len(pairs), 2):
        row = []
        for label, value in pairs[k:k + 2]:
            row += [st.para(label, st.cell), st.para(value, st.cell_bold)]
        data.append(row + [""] * (4 - len(row)))
    table = Table(data, colWidths=fit_widths([[None] * 4, *data], [0.2, 0.37, 0.13, 0.3], width), hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


QR_SIZE = 20.0   # mm: the EPC guidelines ask for at least 2 x 2 cm


class PaymentQr(Flowable):
    """The EPC "SEPA credit transfer" QR code (ReportLab's own QR encoder, error level M, UTF-8)."""

    def __init__(self, payload: str, size_mm: float = QR_SIZE):
        super().__init__()
        self.payload = payload
        self.width = self.height = size_mm * mm

    def draw(self):
        from reportlab.graphics import renderPDF
        from reportlab.graphics.barcode.qr import QrCodeWidget
        from reportlab.graphics.shapes import Drawing

        widget = QrCodeWidget(self.payload, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        drawing = Drawing(self.width, self.height,
                          transform=[self.width / (x1 - x0), 0, 0, self.height / (y1 - y0), 0, 0])
        drawing.add(widget)
        renderPDF.draw(drawing, self.canv, 0, 0)


class QrRight(Flowable):
    """The payment QR code at the right margin (Chinese letters: the seal block takes the bottom)."""

    def __init__(self, payload: str, width: float, caption: str, st: Styles):
        super().__init__()
        self.qr = PaymentQr(payload)
        self.width, self.height = width, QR_SIZE * mm

    def draw(self):
        self.canv.saveState()
        self.canv.translate(self.width - QR_SIZE * mm, 0)
        self.qr.canv = self.canv
        self.qr.draw()
        self.canv.restoreState()


def bank_line(doc: LetterDocument, lang: str) -> str:
    """The account to pay to, in one sentence (markup; the footer repeats it on every page)."""
    co = doc.company
    bic = (f"；SWIFT：{escape(co.bic)}" if lang == "zh" else f", BIC {escape(co.bic)}") if co.bic else ""
    return TEXT[lang]["bank_line"].format(holder=escape(co.account_holder or co.legal_name),
                                          bank=escape(co.bank_name or "-"), iban=escape(co.iban or "-"), bic=bic,
                                          ref=escape(doc.reference))


def bank_block(st: Styles, doc: LetterDocument, width: float):
    """The bank details to pay to; beside them, for a EUR letter from a company with an IBAN, the
    EPC QR code a banking app scans to pay without typing."""
    if not doc.payment_qr:
        return bank_table(st, doc, width)
    qr_w = QR_SIZE * mm
    caption = st.para(TEXT[st.language]["scan"], ParagraphStyle("qrc", parent=st.small, alignment=TA_CENTER,
                                                               fontSize=6.5, leading=8))
    table = Table([[bank_table(st, doc, width - qr_w - 8 * mm), [PaymentQr(doc.payment_qr), caption]]],
                  colWidths=[width - qr_w - 6 * mm, qr_w + 6 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0), ("ALIGN", (1, 0), (1, 0), "RIGHT")]))
    return table


def signature_block(st: Styles, doc: LetterDocument, width: float) -> list:
    """The closing and the signature, as one block (never split from each other)."""
    co, lang = doc.company, st.language
    if lang == "zh":
        right_w = SEAL_AREA_W * mm
        signer = " ".join(p for p in (co.signer_name, co.signer_title) if p)
        right = [SealArea(), st.para(co.legal_name + TEXT["zh"]["seal"], ParagraphStyle("sr", parent=st.body,
                                                                                       alignment=TA_CENTER)),
                 st.para(format_date(doc.letter_date, "zh"), ParagraphStyle("sd", parent=st.body, alignment=TA_CENTER))]
        # a ruled blank line to sign on, the signer's name under it
        left = [Spacer(1, SEAL_AREA_H * mm - 16 * mm),
                st.para(TEXT["zh"]["signer"], st.body), SignLine(0.5 * (width - right_w)),
                st.para(signer, st.small)]
        table = Table([[left, right]], colWidths=[width - right_w, right_w], hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return [st.para(TEXT["zh"]["closing"], st.body_indent), table]
    closing = TEXT["en"]["closing_us" if doc.date_style == "us" else "closing"]
    parts = [st.para(closing), st.para(co.legal_name), Spacer(1, SIGNATURE_SPACE * mm)]
    signer = ", ".join(p for p in (co.signer_name, co.signer_title) if p)
    if signer:
        parts.append(st.para(signer, ParagraphStyle("sig", parent=st.body, spaceAfter=0)))
    return parts


class SignLine(Flowable):
    """A ruled line to sign on."""

    def __init__(self, width: float):
        super().__init__()
        self.width, self.height = width, 9 * mm

    def draw(self):
        self.canv.setLineWidth(0.5)
        self.canv.line(0, 2, self.width, 2)


def _first_rows_height(heading: Paragraph, table: Table, width: float, rows: int = 3) -> float:
    """Height of a heading with the first ``rows`` rows of its table (header included)."""
    _w, h = heading.wrap(width, 10_000)
    first = Table(table._cellvalues[:rows], colWidths=table._colWidths)
    first.setStyle(table_style(1, 0))
    _w, h2 = first.wrap(width, 10_000)
    return h + h2 + heading.getSpaceBefore() + heading.getSpaceAfter() + 2


def with_heading(st: Styles, title: str, table: Table, width: float) -> list:
    """A heading never stays alone at the foot of a page: it moves on with its table's first rows
    (the table's header repeats on every page it runs onto)."""
    heading = st.para(title, st.heading)
    return [CondPageBreak(_first_rows_height(heading, table, width)), heading, table]


def legal_basis(st: Styles, doc: LetterDocument) -> list:
    """The legal basis of the charges claimed, and that interest keeps running (and by how much)."""
    facts = doc.facts
    if facts is None or not doc.charges:
        return []
    texts = LEGAL_BASIS[st.language]
    out = []
    for key in dict.fromkeys(b for b in facts.legal_bases if b in texts):
        out.append(st.para(texts[key].format(ref=doc.contract_ref), st.small))
    if facts.interest_per_day:
        out.append(st.para(texts["accrues"].format(amount=money_cur(facts.interest_per_day, doc.currency,
                                                                    st.language)), st.small))
    return out
