"""Printed reports: the aging report (summary and detail by invoice), the statement list, the KPI
page and the cash forecast, in English or Chinese.

Every report has the letters' letterhead on its first page, the compact header with the report's
name on the next ones, and the letters' footer with the company's details and "Page x of y"
(``pdf.letter_page``: draw_letterhead, draw_footer; ``pdf.page_style``: NumberedCanvas), so a
bookkeeper's printouts look like one set of documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (CondPageBreak, KeepTogether, NextPageTemplate, PageBreak, PageTemplate, Spacer, Table,
                                TableStyle)

from ar_desktop.domain.aging import BUCKET_KEYS
from ar_desktop.domain.forecast import DISPUTED, DUE, LEGAL, PLAN, PROMISE
from ar_desktop.domain.kpi import AMOUNTS, LABELS, METRICS, change
from ar_desktop.domain.letters import Company
from ar_desktop.domain.report_documents import (AgingReportDocument, ForecastReportDocument, KpiReportDocument,
                                                ReportFilters, StatementListDocument)
from ar_desktop.pdf.fonts import base_fonts
from ar_desktop.pdf.layouts import A4_MM, FOOTER_HEIGHT, LATER_PAGE_TOP, Geometry, Layout, Rect, get_layout
from ar_desktop.pdf.letter_page import PageHead, draw_footer, draw_letterhead, make_templates
from ar_desktop.pdf.letter_words import money
from ar_desktop.pdf.page_style import Styles, build_pdf, draw_text, table_style
from ar_desktop.pdf.report_charts import (AGING_COLORS, EXPECTED, LATER, UNCERTAIN, bar_chart, trend_chart)

FRAME_BOTTOM_GAP = 9.0
FIRST_BODY_TOP = 30.0     # below the full letterhead
LATER_TITLE_Y = 19.0

REPORT_LAYOUT = Layout(
    key="report", title="Report (A4)", page_mm=A4_MM, window=None,
    endorsement=Rect(18.0, 30.0, 80.0, 5.0), recipient=Rect(18.0, 35.0, 80.0, 20.0),
    info=Rect(120.0, 30.0, 72.0, 20.0), body_top=FIRST_BODY_TOP, margin_left=18.0, margin_right=18.0,
    letterhead_height=24.0)

TEXT = {
    "en": {
        "aging": "Aging report as of {date}", "aging_detail": "Aging report by invoice as of {date}",
        "statements": "Statement list as of {date}", "kpi": "Receivables figures as of {date}",
        "forecast": "Cash forecast as of {date}", "printed": "Printed on {date}",
        "currency": "Currency: {currency}", "all_customers": "All customers",
        "f_customer": "Customer: {value}", "f_class": "Credit class {value}", "f_overdue": "Customers with overdue invoices only",
        "code": "Code", "customer": "Customer", "total": "Total", "not_due": "Not yet due",
        "buckets": ("Not yet due", "1–30", "31–60", "61–90", "Over 90"),
        "invoice": "Invoice", "issued": "Issued", "due": "Due", "days": "Days overdue", "amount": "Amount",
        "open": "Open", "disputed": "Disputed", "subtotal": "Total {code}", "age": "Age",
        "summary": "Summary by customer", "detail": "Detail by invoice", "none": "Nothing is owed on this date.",
        "aging_chart": "Owed by age", "open_total": "Open", "overdue": "Overdue", "language": "Language",
        "statements_intro": "Statements of account that follow: {n}, each on its own pages in the customer's language.",
        "period": "Period of {days} days: {first} to {last}; previous period: {pfirst} to {plast}.",
        "figure": "Figure", "value": "Value", "previous": "Previous period", "change": "Change",
        "better": "better", "worse": "worse", "same": "unchanged", "days_unit": "{value} days",
        "trend": "DSO and overdue share at month-ends", "dso": "DSO (days)", "share": "Overdue share (%)",
        "definitions": "Definitions: amounts as of the date; DSO = owed ÷ sales of the period × its days; best possible "
                       "DSO = not yet due ÷ sales × days; CEI = 100 × (owed at the start + sales − owed) ÷ (owed at the "
                       "start + sales − not yet due); days to pay and late over the invoices paid in full in the "
                       "period, write-offs and credit notes left out. Empty: not defined (no sales, nothing paid).",
        "week": "Week", "from_to": "{first} – {last}", "expected": "Expected", "cumulative": "Cumulative",
        "later": "Later (after {date})", "uncertain": "Uncertain (disputed, legal action or agency)",
        "forecast_total": "Total (= everything owed)", "receipts": "Expected receipts by invoice",
        "expected_on": "Expected on", "basis": "Why then", "weekly": "Expected receipts by week",
        "rules": "Each amount open on the date is expected on a payment-plan instalment, a promised date (oldest "
                 "invoices first), else its due date plus the customer's average days late over the last 365 days; "
                 "never before the next day. Disputed amounts and invoices with a legal or agency step are uncertain.",
        "basis_text": {PLAN: "payment plan", PROMISE: "promise", DUE: "due date + days late", DISPUTED: "disputed",
                       LEGAL: "legal action / agency"},
    },
    "zh": {
        "aging": "应收账款账龄分析表（截至{date}）", "aging_detail": "应收账款账龄明细表（截至{date}）",
        "statements": "对账单清单（截至{date}）", "kpi": "应收账款指标（截至{date}）",
        "forecast": "现金回款预测（截至{date}）", "printed": "打印日期：{date}",
        "currency": "币种：{currency}", "all_customers": "全部客户",
        "f_customer": "客户：{value}", "f_class": "信用等级 {value}", "f_overdue": "仅含有逾期发票的客户",
        "code": "编号", "customer": "客户", "total": "合计", "not_due": "未到期",
        "buckets": ("未到期", "1–30 天", "31–60 天", "61–90 天", "90 天以上"),
        "invoice": "发票号", "issued": "开票日期", "due": "到期日", "days": "逾期天数", "amount": "金额",
        "open": "未付", "disputed": "争议金额", "subtotal": "{code} 小计", "age": "账龄",
        "summary": "按客户汇总", "detail": "按发票明细", "none": "该日无应收账款。",
        "aging_chart": "按账龄的应收账款", "open_total": "未付合计", "overdue": "逾期", "language": "语言",
        "statements_intro": "以下对账单共 {n} 份，每份单独成页，使用客户的语言。",
        "period": "统计期间 {days} 天：{first} 至 {last}；上期：{pfirst} 至 {plast}。",
        "figure": "指标", "value": "本期", "previous": "上期", "change": "变化",
        "better": "改善", "worse": "恶化", "same": "持平", "days_unit": "{value} 天",
        "trend": "各月末周转天数与逾期占比", "dso": "周转天数（天）", "share": "逾期占比（%）",
        "definitions": "定义：金额均为截至该日；周转天数 = 应收账款 ÷ 期间销售额 × 期间天数；最佳可能周转天数 = 未到期金额 ÷ "
                       "销售额 × 天数；回款效率 = 100 × (期初应收 + 销售额 − 期末应收) ÷ (期初应收 + 销售额 − 未到期)；"
                       "平均付款天数与逾期天数按期间内全额付清的发票计算，不含核销与红字发票。空白：无法计算（无销售或无付清发票）。",
        "week": "周", "from_to": "{first} 至 {last}", "expected": "预计收款", "cumulative": "累计",
        "later": "更晚（{date} 之后）", "uncertain": "不确定（有争议、已诉讼或移交催收机构）",
        "forecast_total": "合计（= 全部应收账款）", "receipts": "按发票的预计收款",
        "expected_on": "预计收款日", "basis": "依据", "weekly": "按周预计收款",
        "rules": "截至该日的每笔未付金额按以下顺序确定预计收款日：分期付款计划的还款日；付款承诺日期（先抵最早的发票）；否则为到期日加上"
                 "该客户近 365 天的平均逾期天数；最早为次日。有争议的金额以及已采取法律或催收机构措施的发票列为不确定。",
        "basis_text": {PLAN: "分期付款计划", PROMISE: "付款承诺", DUE: "到期日 + 平均逾期天数", DISPUTED: "有争议",
                       LEGAL: "法律诉讼 / 催收机构"},
    },
}
KPI_LABELS_ZH = {
    "total_ar": "应收账款总额", "current_ar": "未到期", "overdue_ar": "逾期", "overdue_percent": "逾期占比（%）",
    "disputed_ar": "争议金额", "sales": "期间销售额", "dso": "应收账款周转天数 DSO（天）",
    "best_possible_dso": "最佳可能周转天数（天）", "average_days_delinquent": "平均拖欠天数",
    "cei": "回款效率 CEI（%）", "average_days_to_pay": "平均付款天数", "average_days_late": "平均逾期天数",
}


def _t(language: str, key: str):
    return TEXT[language][key]


def _d(day: date | None, language: str) -> str:
    return "" if day is None else day.isoformat()


# --- page templates ------------------------------------------------------------------------------

def report_templates(group: int, company: Company, language: str, title: str,
                     layout: Layout = REPORT_LAYOUT) -> list[PageTemplate]:
    """first-<group>: the full letterhead; later-<group>: the compact header with the title. Both
    with the letters' footer (company details, "Page x of y" counted per group)."""
    geo = Geometry(layout)
    head = PageHead(company, company, language, date.today(), title)
    frame_w = (layout.page_mm[0] - layout.margin_left - layout.margin_right) * mm
    bottom = geo.y(layout.page_mm[1] - FOOTER_HEIGHT) + FRAME_BOTTOM_GAP * mm
    from reportlab.platypus import Frame

    def frame(fid: str, top_mm: float) -> Frame:
        return Frame(geo.x(layout.margin_left), bottom, frame_w, geo.y(top_mm) - bottom, id=fid,
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def on_first(c, _doc) -> None:
        c.saveState()
        c.ar_group = group
        draw_letterhead(c, geo, layout, head)
        draw_footer(c, geo, layout, head)
        c.restoreState()

    def on_later(c, _doc) -> None:
        c.saveState()
        c.ar_group = group
        draw_letterhead(c, geo, layout, head, compact=True)
        left, right = geo.x(layout.margin_left), geo.x(layout.page_mm[0] - layout.margin_right)
        draw_text(c, right, geo.y(LATER_TITLE_Y), title, 8, language=language, align="right",
                  max_width=right - left, color=colors.HexColor("#555555"))
        c.setStrokeColor(colors.HexColor("#999999"))
        c.setLineWidth(0.5)
        c.line(left, geo.y(21.5), right, geo.y(21.5))
        draw_footer(c, geo, layout, head)
        c.restoreState()

    return [PageTemplate(id=f"first-{group}", frames=[frame(f"rf{group}", layout.body_top)], onPage=on_first,
                         pagesize=layout.page_size, autoNextPageTemplate=f"later-{group}"),
            PageTemplate(id=f"later-{group}", frames=[frame(f"rl{group}", LATER_PAGE_TOP)], onPage=on_later,
                         pagesize=layout.page_size)]


def _width(layout: Layout = REPORT_LAYOUT) -> float:
    return (layout.page_mm[0] - layout.margin_left - layout.margin_right) * mm


def _title_block(st: Styles, title: str, lines: Sequence[str]) -> list:
    out = [st.para(title, st.subject)]
    out += [st.para(line, st.small) for line in lines if line]
    return out + [Spacer(1, 3 * mm)]


def _filter_lines(f: ReportFilters, language: str) -> list[str]:
    parts = []
    if f.customer:
        parts.append(_t(language, "f_customer").format(value=f.customer))
    if f.credit_class:
        parts.append(_t(language, "f_class").format(value=f.credit_class))
    if f.overdue_only:
        parts.append(_t(language, "f_overdue"))
    return [" · ".join(parts) if parts else _t(language, "all_customers")]


def _table(st: Styles, head: Sequence[str], rows: Sequence[Sequence[str]], ratios: Sequence[float], width: float,
           right: set[int], totals: int = 0, bold_rows: Sequence[int] = ()) -> Table:
    cells = [[st.para(h, st.cell_right_bold if i in right else st.cell_bold) for i, h in enumerate(head)]]
    for n, row in enumerate(rows):
        total = n >= len(rows) - totals or n in bold_rows
        cells.append([st.para(v, (st.cell_right_bold if i in right else st.cell_bold) if total else
                              (st.cell_right if i in right else st.cell)) for i, v in enumerate(row)])
    t = Table(cells, colWidths=[r * width for r in ratios], repeatRows=1, hAlign="LEFT")
    style = table_style(1, totals)
    for n in bold_rows:
        style.add("LINEABOVE", (0, n + 1), (-1, n + 1), 0.4, colors.black)
    t.setStyle(style)
    return t


# --- the aging report ----------------------------------------------------------------------------

def aging_story(doc: AgingReportDocument) -> list:
    lang = doc.language
    st = Styles(lang)
    width = _width()
    key = "aging_detail" if doc.detail else "aging"
    story = _title_block(st, _t(lang, key).format(date=_d(doc.as_of, lang)),
                         [*_filter_lines(doc.filters, lang), _t(lang, "printed").format(date=_d(doc.printed_on, lang))])
    if not doc.blocks:
        return story + [st.para(_t(lang, "none"))]
    regular, _bold = base_fonts(lang)
    buckets = list(_t(lang, "buckets"))
    for n, block in enumerate(doc.blocks):
        cur = block.currency
        if n:
            story.append(CondPageBreak(60 * mm))
        chart = bar_chart(buckets, [block.total.buckets[k] for k in BUCKET_KEYS], AGING_COLORS, width * 0.55, 42 * mm,
                          regular, f"{_t(lang, 'aging_chart')} ({cur})")
        story += [st.para(_t(lang, "currency").format(currency=cur), st.heading), chart, Spacer(1, 2 * mm),
                  st.para(_t(lang, "summary"), st.heading)]
        head = [_t(lang, "code"), _t(lang, "customer"), *buckets, _t(lang, "total")]
        rows = [[r.customer_code, r.customer_name, *(money(r.buckets[k], cur) if r.buckets[k] else "" for k in BUCKET_KEYS),
                 money(r.total, cur)] for r in block.rows]
        rows.append([_t(lang, "total"), "", *(money(block.total.buckets[k], cur) for k in BUCKET_KEYS),
                     money(block.total.total, cur)])
        story.append(_table(st, head, rows, [0.09, 0.23, 0.11, 0.11, 0.11, 0.11, 0.11, 0.13], width,
                            set(range(2, 8)), totals=1))
        if doc.detail:
            story += [Spacer(1, 4 * mm), CondPageBreak(40 * mm), st.para(_t(lang, "detail"), st.heading)]
            story += _aging_detail(st, block, width, lang, buckets)
    return story


def _aging_detail(st: Styles, block, width: float, lang: str, buckets: list[str]) -> list:
    """Per customer: its open invoices with their age, and a subtotal; then the block's total."""
    cur = block.currency
    head = [_t(lang, k) for k in ("invoice", "issued", "due", "days", "amount", "open", "disputed", "age")]
    label = dict(zip(BUCKET_KEYS, buckets, strict=True))
    out = []
    for r in block.rows:
        items = block.items_of(r.customer_code)
        disputed = sum((i.disputed_amount for i in items), Decimal(0))
        rows = [[i.number, _d(i.issue_date, lang), _d(i.due_date, lang),
                 str(i.days_overdue) if i.days_overdue > 0 else "", money(i.amount, cur), money(i.open_amount, cur),
                 money(i.disputed_amount, cur) if i.disputed_amount else "", label[i.bucket]] for i in items]
        rows.append([_t(lang, "subtotal").format(code=r.customer_code), "", "", "", "",
                     money(sum((i.open_amount for i in items), Decimal(0)), cur),
                     money(disputed, cur) if disputed else "", ""])
        table = _table(st, head, rows, [0.17, 0.12, 0.12, 0.09, 0.13, 0.13, 0.12, 0.12], width, {3, 4, 5, 6},
                       totals=1)
        name = st.para(f"{r.customer_code} – {r.customer_name}", st.cell_bold)
        # a short customer stays on one page with its name; a long one keeps its name with the first rows
        out += [KeepTogether([name, table])] if len(rows) <= 12 else [CondPageBreak(30 * mm), name, table]
        out.append(Spacer(1, 2.5 * mm))
    out.append(st.para(f"{_t(lang, 'total')}: {money(block.total.total, cur)} {cur}", st.heading))
    return out


def render_aging_report(doc: AgingReportDocument) -> bytes:
    title = _t(doc.language, "aging_detail" if doc.detail else "aging").format(date=_d(doc.as_of, doc.language))
    return build_pdf(REPORT_LAYOUT, report_templates(0, doc.company, doc.language, title), aging_story(doc),
                     title=title, author=doc.company.legal_name, lang=doc.language)


# --- the KPI page ----------------------------------------------------------------------------------

def _figure(metric: str, value: Decimal | None, currency: str, lang: str) -> str:
    if value is None:
        return "–"
    if metric in AMOUNTS:
        return money(value, currency)
    if metric in ("overdue_percent", "cei"):
        return f"{value:,.1f} %"
    return _t(lang, "days_unit").format(value=f"{value:,.1f}")


def kpi_table(st: Styles, k, prev, width: float) -> Table:
    """Figure, value, previous period, change (▲/▼ with better/worse) for every metric."""
    lang = st.language
    rows = []
    for m in METRICS:
        now, before = k.value(m), prev.value(m)
        c = change(m, now, before)
        if c.direction is None:
            moved = ""
        elif c.direction == "same":
            moved = _t(lang, "same")
        else:
            diff = money(abs(c.difference), k.currency) if m in AMOUNTS else f"{abs(c.difference):,.1f}"
            moved = f"{'▲' if c.direction == 'up' else '▼'} {'+' if c.difference > 0 else '−'}{diff}"
            if c.better is not None:
                moved += f" ({_t(lang, 'better') if c.better else _t(lang, 'worse')})"
        label = KPI_LABELS_ZH[m] if lang == "zh" else str(LABELS[m])
        rows.append([label, _figure(m, now, k.currency, lang), _figure(m, before, k.currency, lang), moved])
    return _table(st, [_t(lang, "figure"), _t(lang, "value"), _t(lang, "previous"), _t(lang, "change")], rows,
                  [0.36, 0.2, 0.2, 0.24], width, {1, 2, 3})


def kpi_charts(lang: str, buckets, trend, width: float, height: float = 50 * mm) -> Table:
    """The aging bars and the DSO / overdue-share lines side by side."""
    regular, _bold = base_fonts(lang)
    charts = [bar_chart(list(_t(lang, "buckets")), [buckets[b] for b in BUCKET_KEYS], AGING_COLORS,
                        width * 0.44, height, regular, _t(lang, "aging_chart"))]
    if trend:
        charts.append(trend_chart([f"{t.day:%m/%y}" for t in trend], [t.dso for t in trend],
                                  [t.overdue_percent for t in trend], (_t(lang, "dso"), _t(lang, "share")),
                                  width * 0.54, height, regular, _t(lang, "trend")))
    row = Table([charts], colWidths=[width * 0.45, width * 0.55][:len(charts)], hAlign="LEFT")
    row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return row


def kpi_story(doc: KpiReportDocument) -> list:
    lang, k, prev = doc.language, doc.kpis, doc.previous
    st = Styles(lang)
    width = _width()
    p, pp = k.period, prev.period
    story = _title_block(st, _t(lang, "kpi").format(date=_d(p.as_of, lang)), [
        _t(lang, "period").format(days=p.days, first=_d(p.first_day, lang), last=_d(p.as_of, lang),
                                  pfirst=_d(pp.first_day, lang), plast=_d(pp.as_of, lang)),
        _t(lang, "currency").format(currency=k.currency), _t(lang, "printed").format(date=_d(doc.printed_on, lang))])
    story.append(kpi_table(st, k, prev, width))
    story += [Spacer(1, 5 * mm), kpi_charts(lang, doc.buckets, doc.trend, width), Spacer(1, 4 * mm),
              st.para(_t(lang, "definitions"), st.small)]
    if doc.trend:
        trend_rows = [[_d(t.day, lang), "–" if t.dso is None else f"{t.dso:,.1f}", f"{t.overdue_percent:,.1f} %",
                       money(t.total_ar, k.currency), money(t.sales, k.currency)] for t in doc.trend]
        table = _table(st, ["", _t(lang, "dso"), _t(lang, "share"), _t(lang, "open_total"),
                            KPI_LABELS_ZH["sales"] if lang == "zh" else str(LABELS["sales"])],
                       trend_rows, [0.16, 0.16, 0.18, 0.25, 0.25], width, {1, 2, 3, 4})
        story += [Spacer(1, 3 * mm), KeepTogether([st.para(_t(lang, "trend"), st.heading), table])]
    return story


def render_kpi_report(doc: KpiReportDocument) -> bytes:
    title = _t(doc.language, "kpi").format(date=_d(doc.kpis.period.as_of, doc.language))
    return build_pdf(REPORT_LAYOUT, report_templates(0, doc.company, doc.language, title), kpi_story(doc),
                     title=title, author=doc.company.legal_name, lang=doc.language)


# --- the cash forecast ------------------------------------------------------------------------------

def forecast_story(doc: ForecastReportDocument) -> list:
    lang, f, cur = doc.language, doc.forecast, doc.currency
    st = Styles(lang)
    width = _width()
    story = _title_block(st, _t(lang, "forecast").format(date=_d(f.as_of, lang)), [
        _t(lang, "currency").format(currency=cur), _t(lang, "printed").format(date=_d(doc.printed_on, lang))])
    from datetime import timedelta

    regular, _bold = base_fonts(lang)
    labels = [f"{s:%m-%d}" for s in f.week_starts] + [_t(lang, "later").split(" ")[0].split("（")[0],
                                                        _t(lang, "uncertain").split(" ")[0].split("（")[0]]
    fills = [EXPECTED] * len(f.week_starts) + [LATER, UNCERTAIN]
    story += [bar_chart(labels, [*f.per_week, f.later, f.uncertain], fills, width, 52 * mm, regular,
                        _t(lang, "weekly")), Spacer(1, 3 * mm)]
    rows, running = [], Decimal(0)
    for n, (start, amount) in enumerate(zip(f.week_starts, f.per_week, strict=True), start=1):
        running += amount
        rows.append([str(n), _t(lang, "from_to").format(first=_d(start, lang), last=_d(start + timedelta(days=6), lang)),
                     money(amount, cur), money(running, cur)])
    rows.append(["", _t(lang, "later").format(date=_d(f.last_day, lang)), money(f.later, cur), money(running + f.later, cur)])
    rows.append(["", _t(lang, "uncertain"), money(f.uncertain, cur), money(f.total, cur)])
    rows.append(["", _t(lang, "forecast_total"), money(f.total, cur), ""])
    story += [_table(st, [_t(lang, "week"), "", _t(lang, "expected"), _t(lang, "cumulative")], rows,
                     [0.08, 0.52, 0.2, 0.2], width, {2, 3}, totals=1), Spacer(1, 2 * mm),
              st.para(_t(lang, "rules"), st.small), Spacer(1, 3 * mm), CondPageBreak(50 * mm),
              st.para(_t(lang, "receipts"), st.heading)]
    basis = _t(lang, "basis_text")
    detail = [[_d(r.expected_on, lang) if r.expected_on else "–", r.invoice_number,
               f"{r.customer_code} – {doc.names.get(r.customer_code, '')}".rstrip(" –"), basis.get(r.basis, r.basis),
               money(r.amount, cur)] for r in f.receipts]
    detail.append([_t(lang, "total"), "", "", "", money(f.total, cur)])
    story.append(_table(st, [_t(lang, "expected_on"), _t(lang, "invoice"), _t(lang, "customer"), _t(lang, "basis"),
                             _t(lang, "amount")], detail, [0.14, 0.17, 0.35, 0.18, 0.16], width, {4}, totals=1))
    return story


def render_forecast_report(doc: ForecastReportDocument) -> bytes:
    title = _t(doc.language, "forecast").format(date=_d(doc.forecast.as_of, doc.language))
    return build_pdf(REPORT_LAYOUT, report_templates(0, doc.company, doc.language, title), forecast_story(doc),
                     title=title, author=doc.company.legal_name, lang=doc.language)


# --- the statement list --------------------------------------------------------------------------------

def render_statement_list(doc: StatementListDocument, layout: str = "din-a",
                          offset: tuple[float, float] = (0, 0)) -> bytes:
    """A cover list (report pages) then each statement (window-envelope pages, its own page count)."""
    from ar_desktop.pdf.statement import STATEMENT_TEXT, statement_story

    lang = doc.language
    st = Styles(lang)
    width = _width()
    title = _t(lang, "statements").format(date=_d(doc.as_of, lang))
    story = _title_block(st, title, [*_filter_lines(doc.filters, lang),
                                     _t(lang, "printed").format(date=_d(doc.printed_on, lang)),
                                     _t(lang, "statements_intro").format(n=len(doc.statements))])
    rows = [[line.customer_code, line.customer_name, line.currency, money(line.total_open, line.currency),
             money(line.overdue, line.currency) if line.overdue else "", line.language] for line in doc.lines]
    story.append(_table(st, [_t(lang, "code"), _t(lang, "customer"), "", _t(lang, "open_total"), _t(lang, "overdue"),
                             _t(lang, "language")], rows, [0.12, 0.38, 0.08, 0.16, 0.14, 0.12], width, {3, 4}))
    templates = report_templates(0, doc.company, lang, title)
    lay = get_layout(layout)
    geo = Geometry(lay, offset)
    for i, s in enumerate(doc.statements, start=1):
        extra = ((STATEMENT_TEXT[s.language]["customer_no"], s.customer_number),) if s.customer_number else ()
        head = PageHead(s.company, s.recipient, s.language, s.statement_date, s.reference or "-", extra_info=extra)
        templates += make_templates(i, head, lay, geo)
        story += [NextPageTemplate(f"first-{i}"), PageBreak(), *statement_story(s, lay)]
    # the cover list is on the report layout; statements carry their own page size (A4 or Letter)
    return build_pdf(REPORT_LAYOUT, templates, story, title=title, author=doc.company.legal_name, lang=lang)
