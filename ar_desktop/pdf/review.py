"""The quarterly credit review pack: a portfolio page, then one page per customer ending with the
decision box (ticked when the decision was recorded in the window, blank to tick by hand)."""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from ar_desktop.domain.review import CHANGE_CLASS, CHANGE_LIMIT, DECISIONS, KEEP, STOP_SUPPLYING, ReviewDocument
from ar_desktop.pdf.letter_words import money
from ar_desktop.pdf.page_style import Styles, build_pdf
from ar_desktop.pdf.reports import REPORT_LAYOUT, _d, _t, _table, _title_block, _width, kpi_charts, kpi_table, \
    report_templates

TEXT = {
    "en": {
        "title": "Quarterly credit review {quarter}", "span": "{first} to {last}",
        "running": "The quarter is not over: figures as of {date}.",
        "portfolio": "Portfolio", "largest": "Largest exposures", "over_limit": "Customers over their credit limit",
        "written_off": "Bad debts written off in the quarter", "none": "None.",
        "balance": "Balance", "overdue": "Overdue", "limit": "Limit", "use": "Use", "excess": "Over by",
        "date": "Date", "invoice": "Invoice", "amount": "Amount", "reason": "Reason", "total": "Total",
        "customer": "Customer", "class": "Credit class", "suggested": "suggested {cls}", "no_suggestion": "no suggestion",
        "limit_line": "Credit limit", "no_limit": "no limit", "used": "{pct} % used", "on_hold": "on hold",
        "month": "Month", "sales": "Invoiced", "payments": "Received", "adjustments": "Written off / credited / discounts",
        "activity": "Sales and payments by month", "paying": "How it paid (invoices paid in full)",
        "quarter": "Quarter", "paid_n": "Invoices", "days_to_pay": "Days to pay", "days_late": "Days late",
        "disputes": "Disputes", "dispute": "disputed", "dispute_resolved": "resolved", "disputed_open": "Disputed now",
        "promises": "Promises to pay: {made} made, {kept} kept, {broken} broken",
        "steps": "Collection steps taken", "no_steps": "No collection step in the quarter.",
        "decision": "Decision", "decisions": {KEEP: "Keep as it is", CHANGE_LIMIT: "Change the credit limit to",
                                              CHANGE_CLASS: "Change the credit class to",
                                              STOP_SUPPLYING: "Stop supplying on credit"},
        "recorded": "Recorded on {date}.", "sign": "Date and signature: ______________________",
        "note": "Note: {note}",
    },
    "zh": {
        "title": "季度信用复核 {quarter}", "span": "{first} 至 {last}",
        "running": "本季度尚未结束：数据截至 {date}。",
        "portfolio": "总体情况", "largest": "风险敞口最大的客户", "over_limit": "超出信用额度的客户",
        "written_off": "本季度核销的坏账", "none": "无。",
        "balance": "应收余额", "overdue": "逾期", "limit": "信用额度", "use": "使用率", "excess": "超出",
        "date": "日期", "invoice": "发票号", "amount": "金额", "reason": "原因", "total": "合计",
        "customer": "客户", "class": "信用等级", "suggested": "建议 {cls}", "no_suggestion": "暂无建议",
        "limit_line": "信用额度", "no_limit": "未设额度", "used": "已使用 {pct} %", "on_hold": "已暂停赊销",
        "month": "月份", "sales": "开票金额", "payments": "收款金额", "adjustments": "核销 / 红字发票 / 现金折扣",
        "activity": "按月销售与收款", "paying": "付款情况（全额付清的发票）",
        "quarter": "季度", "paid_n": "发票数", "days_to_pay": "平均付款天数", "days_late": "平均逾期天数",
        "disputes": "争议", "dispute": "提出争议", "dispute_resolved": "争议已解决", "disputed_open": "当前争议金额",
        "promises": "付款承诺：新增 {made} 次，兑现 {kept} 次，违约 {broken} 次",
        "steps": "已采取的催收步骤", "no_steps": "本季度未采取催收步骤。",
        "decision": "复核决定", "decisions": {KEEP: "维持不变", CHANGE_LIMIT: "调整信用额度为",
                                          CHANGE_CLASS: "调整信用等级为", STOP_SUPPLYING: "停止赊销"},
        "recorded": "已于 {date} 记录。", "sign": "日期及签字：______________________",
        "note": "备注：{note}",
    },
}


def _r(lang: str, key: str):
    return TEXT[lang][key]


class CheckBox(Flowable):
    """A square, crossed when ticked (drawn, so no font needs the ☐/☒ glyphs)."""

    def __init__(self, ticked: bool, size: float = 3.6 * mm):
        super().__init__()
        self.ticked, self.width, self.height = ticked, size, size

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(0.7)
        c.rect(0, 0, self.width, self.height)
        if self.ticked:
            c.line(0.6, 0.6, self.width - 0.6, self.height - 0.6)
            c.line(0.6, self.height - 0.6, self.width - 0.6, 0.6)


def _money(value: Decimal | None, currency: str) -> str:
    return "–" if value is None else money(value, currency)


def portfolio_story(doc: ReviewDocument) -> list:
    lang = doc.language
    st = Styles(lang)
    width = _width()
    lines = [_r(lang, "span").format(first=_d(doc.first_day, lang), last=_d(doc.last_day, lang)),
             _t(lang, "printed").format(date=_d(doc.printed_on, lang))]
    if doc.as_of < doc.last_day:
        lines.insert(1, _r(lang, "running").format(date=_d(doc.as_of, lang)))
    story = _title_block(st, _r(lang, "title").format(quarter=doc.quarter), lines)
    story += [st.para(_r(lang, "portfolio") + f" ({doc.kpis.currency})", st.heading), kpi_table(st, doc.kpis, doc.previous, width),
              Spacer(1, 3 * mm), kpi_charts(lang, doc.buckets, doc.trend, width, 44 * mm), Spacer(1, 2 * mm)]
    rows = [[f"{e.code} – {e.name}", _money(e.balance, e.currency), _money(e.overdue, e.currency),
             _money(e.credit_limit, e.currency),
             f"{e.balance * 100 / e.credit_limit:,.0f} %" if e.credit_limit else ""] for e in doc.largest]
    head = [_r(lang, "customer"), _r(lang, "balance"), _r(lang, "overdue"), _r(lang, "limit"), _r(lang, "use")]
    story.append(KeepTogether([st.para(_r(lang, "largest"), st.heading),
                               _table(st, head, rows, [0.4, 0.16, 0.16, 0.16, 0.12], width, {1, 2, 3, 4})
                               if rows else st.para(_r(lang, "none"))]))
    over = [[f"{e.code} – {e.name}", _money(e.balance, e.currency), _money(e.credit_limit, e.currency),
             _money(e.balance - e.credit_limit, e.currency)] for e in doc.over_limit]
    story.append(KeepTogether([st.para(_r(lang, "over_limit"), st.heading),
                               _table(st, [_r(lang, "customer"), _r(lang, "balance"), _r(lang, "limit"),
                                           _r(lang, "excess")], over, [0.46, 0.18, 0.18, 0.18], width, {1, 2, 3})
                               if over else st.para(_r(lang, "none"))]))
    offs = [[_d(w.day, lang), f"{w.customer_code} – {w.customer_name}", w.invoice_number, w.reason,
             money(w.amount, w.currency)] for w in doc.written_off]
    for cur in sorted({w.currency for w in doc.written_off}):
        offs.append([_r(lang, "total") + f" {cur}", "", "", "", money(doc.written_off_total(cur), cur)])
    story += [CondPageBreak(30 * mm), st.para(_r(lang, "written_off"), st.heading),
              _table(st, [_r(lang, "date"), _r(lang, "customer"), _r(lang, "invoice"), _r(lang, "reason"),
                          _r(lang, "amount")], offs, [0.13, 0.33, 0.15, 0.24, 0.15], width, {4},
                     totals=len({w.currency for w in doc.written_off}))
              if offs else st.para(_r(lang, "none"))]
    return story


def customer_story(doc: ReviewDocument, c) -> list:
    lang, cur = doc.language, c.currency
    st = Styles(lang)
    width = _width()
    story = [st.para(f"{c.code} – {c.name}", st.subject),
             st.para(_r(lang, "title").format(quarter=doc.quarter) + " · "
                     + _r(lang, "span").format(first=_d(doc.first_day, lang), last=_d(doc.as_of, lang)), st.small)]
    suggested = _r(lang, "suggested").format(cls=c.suggested_class) if c.suggested_class else _r(lang, "no_suggestion")
    limit = (money(c.credit_limit, cur) + f" {cur} · " + _r(lang, "used").format(pct=f"{c.limit_use:,.1f}")
             if c.credit_limit else _r(lang, "no_limit"))
    facts = [[_r(lang, "class"), f"{c.credit_class} ({suggested})" + (f" · {_r(lang, 'on_hold')}" if c.on_hold else ""),
              _r(lang, "balance"), f"{money(c.balance, cur)} {cur}"],
             [_r(lang, "limit_line"), limit, _r(lang, "overdue"), money(c.overdue, cur)],
             ["", "", _r(lang, "disputed_open"), money(c.disputed_open, cur)]]
    t = Table([[st.para(v, st.cell_bold if i % 2 == 0 else st.cell) for i, v in enumerate(row)] for row in facts],
              colWidths=[0.17 * width, 0.38 * width, 0.2 * width, 0.25 * width], hAlign="LEFT")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                           ("TOPPADDING", (0, 0), (-1, -1), 1)]))
    story += [Spacer(1, 2 * mm), t, Spacer(1, 2 * mm), st.para(_r(lang, "activity"), st.heading)]
    rows = [[f"{m.month:%Y-%m}", money(m.sales, cur), money(m.payments, cur), money(m.adjustments, cur)]
            for m in c.months]
    rows.append([_r(lang, "total"), *(money(sum((getattr(m, f) for m in c.months), Decimal(0)), cur)
                                      for f in ("sales", "payments", "adjustments"))])
    story.append(_table(st, [_r(lang, "month"), _r(lang, "sales"), _r(lang, "payments"), _r(lang, "adjustments")],
                        rows, [0.25, 0.25, 0.25, 0.25], width, {1, 2, 3}, totals=1))
    rows = [[p.quarter, str(p.invoices), "–" if p.days_to_pay is None else f"{p.days_to_pay:,.1f}",
             "–" if p.days_late is None else f"{p.days_late:,.1f}"] for p in c.payment_trend]
    story += [st.para(_r(lang, "paying"), st.heading),
              _table(st, [_r(lang, "quarter"), _r(lang, "paid_n"), _r(lang, "days_to_pay"), _r(lang, "days_late")],
                     rows, [0.25, 0.25, 0.25, 0.25], width, {1, 2, 3})]
    if c.disputes:
        rows = [[_d(d, lang), _r(lang, kind) if kind in TEXT[lang] else kind, number,
                 "" if amount is None else money(amount, cur)] for d, kind, number, amount in c.disputes]
        story += [st.para(_r(lang, "disputes"), st.heading),
                  _table(st, [_r(lang, "date"), "", _r(lang, "invoice"), _r(lang, "amount")], rows,
                         [0.2, 0.3, 0.25, 0.25], width, {3})]
    made, kept, broken = c.promises
    story += [Spacer(1, 1.5 * mm), st.para(_r(lang, "promises").format(made=made, kept=kept, broken=broken)),
              st.para(_r(lang, "steps"), st.heading)]
    steps = [[_d(d, lang), name] for d, _key, name in c.steps]  # named in the language (services.review)
    story += ([_table(st, [_r(lang, "date"), ""], steps, [0.2, 0.8], width, set())] if c.steps
              else [st.para(_r(lang, "no_steps"))])
    story += [Spacer(1, 3 * mm), decision_box(st, lang, c, width)]
    return story


def decision_box(st: Styles, lang: str, c, width: float) -> KeepTogether:
    d = c.decision
    labels = _r(lang, "decisions")
    rows = []
    for key in DECISIONS:
        text = labels[key]
        if key == CHANGE_LIMIT:
            text += " " + (f"{money(d.new_limit, c.currency)} {c.currency}" if d and d.decision == key
                           else "______________")
        elif key == CHANGE_CLASS:
            text += " " + (d.new_class if d and d.decision == key else "____")
        rows.append([CheckBox(d is not None and d.decision == key), st.para(text)])
    foot = _r(lang, "recorded").format(date=_d(d.decided_on, lang)) if d else _r(lang, "sign")
    if d and d.note:
        foot += " " + _r(lang, "note").format(note=d.note)
    rows.append(["", st.para(foot, st.small)])
    box = Table(rows, colWidths=[8 * mm, width - 8 * mm - 2], hAlign="LEFT")
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                             ("LEFTPADDING", (0, 0), (0, -1), 3 * mm), ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]))
    return KeepTogether([st.para(_r(lang, "decision"), st.heading), box])


def render_review(doc: ReviewDocument) -> bytes:
    title = _r(doc.language, "title").format(quarter=doc.quarter)
    story = portfolio_story(doc)
    for c in doc.customers:
        story += [PageBreak(), *customer_story(doc, c)]
    return build_pdf(REPORT_LAYOUT, report_templates(0, doc.company, doc.language, title), story, title=title,
                     author=doc.company.legal_name, lang=doc.language)
