<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AcknowledgementDialog</name>
    <message>
        <source>Acknowledgement of invoice {0}</source>
        <translation>发票 {0} 的债务确认</translation>
    </message>
    <message>
        <source>Acknowledged on</source>
        <translation>确认日期</translation>
    </message>
    <message>
        <source>In writing, signed by the customer</source>
        <translation>书面形式，由客户签署</translation>
    </message>
    <message>
        <source>How (document, letter, e-mail…)</source>
        <translation>方式（文件、信函、电子邮件…）</translation>
    </message>
</context>
<context>
    <name>AdjustmentDialog</name>
    <message>
        <source>Credit note on {0}</source>
        <translation>为 {0} 开具贷项通知单</translation>
    </message>
    <message>
        <source>Write off {0}</source>
        <translation>核销 {0}</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Open now: {0} {1}</source>
        <translation>当前未付：{0} {1}</translation>
    </message>
    <message>
        <source>Reason (kept on record)</source>
        <translation>原因（留档）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>AgingView</name>
    <message>
        <source>Aging as of</source>
        <translation>账龄截至</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>The aging as shown, previewed to print or save as PDF</source>
        <translation>按当前显示的账龄，预览后打印或另存为 PDF</translation>
    </message>
    <message>
        <source>Aging report</source>
        <translation>账龄分析表</translation>
    </message>
    <message>
        <source>As of {0}</source>
        <translation>截至 {0}</translation>
    </message>
</context>
<context>
    <name>AllocationModel</name>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结金额</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>核销金额</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>现金折扣</translation>
    </message>
    <message>
        <source>Early-payment discount {0} if paid by {1}</source>
        <translation>于{1}前付款可享现金折扣 {0}</translation>
    </message>
    <message>
        <source>Invoice {0} has only {1} open; {2} cannot be applied to it.</source>
        <translation>发票 {0} 仅有 {1} 未结清，不能核销 {2}。</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>write-off</source>
        <translation>核销坏账</translation>
    </message>
    <message>
        <source>credit note</source>
        <translation>贷项通知单</translation>
    </message>
    <message>
        <source>reversal</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Voided on</source>
        <translation>作废日期</translation>
    </message>
    <message>
        <source>Disputed amount</source>
        <translation>争议金额</translation>
    </message>
    <message>
        <source>Reverses payment</source>
        <translation>冲销的收款</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Changes — {0}</source>
        <translation>变更记录 — {0}</translation>
    </message>
    <message>
        <source>Every change to this record, newest first. Figures are corrected by new entries, never overwritten.</source>
        <translation>此记录的每一次变更，最新的在前。金额通过新增分录更正，绝不覆盖原记录。</translation>
    </message>
</context>
<context>
    <name>BatchResultDialog</name>
    <message>
        <source>Letters issued</source>
        <translation>已开具的函件</translation>
    </message>
    <message>
        <source>{0} letter(s) issued, {1} customer(s) skipped.</source>
        <translation>已开具 {0} 封函件，跳过 {1} 个客户。</translation>
    </message>
    <message>
        <source>{0}  {1} — {2}: {3} {4}, archived as {5}</source>
        <translation>{0}  {1} — {2}：{3} {4}，已归档为 {5}</translation>
    </message>
    <message>
        <source>Skipped:</source>
        <translation>已跳过：</translation>
    </message>
    <message>
        <source>{0} — {1}: {2}</source>
        <translation>{0} — {1}：{2}</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>Reached, will pay</source>
        <translation>已联系上，将付款</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Promised to pay</source>
        <translation>承诺付款</translation>
    </message>
    <message>
        <source>Disputes an invoice</source>
        <translation>对发票有异议</translation>
    </message>
    <message>
        <source>Refused to pay</source>
        <translation>拒绝付款</translation>
    </message>
    <message>
        <source>Log call — {0}</source>
        <translation>记录电话 — {0}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Promised date</source>
        <translation>承诺付款日期</translation>
    </message>
    <message>
        <source>Promised amount</source>
        <translation>承诺付款金额</translation>
    </message>
    <message>
        <source>Disputed invoice</source>
        <translation>争议发票</translation>
    </message>
    <message>
        <source>What is disputed</source>
        <translation>争议内容</translation>
    </message>
    <message>
        <source>This call was the ladder&apos;s phone-call step</source>
        <translation>本次通话即催收流程中的电话催收步骤</translation>
    </message>
</context>
<context>
    <name>CandidatesModel</name>
    <message>
        <source>Issue</source>
        <translation>发出</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>函件</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <source>Registered mail</source>
        <translation>挂号信</translation>
    </message>
    <message>
        <source>Friendly note (nothing overdue)</source>
        <translation>友情提示（无逾期款项）</translation>
    </message>
    <message>
        <source>not yet due</source>
        <translation>尚未到期</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Numbers</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Show the numbers of the chart as a table</source>
        <translation>以表格显示图表数据</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
</context>
<context>
    <name>CollectionFile</name>
    <message>
        <source>Collection file: {name}</source>
        <translation>催收档案：{name}</translation>
    </message>
    <message>
        <source>Collection file {code} — {name} — as of {date}</source>
        <translation>催收档案 {code} — {name} — 截至 {date}</translation>
    </message>
    <message>
        <source>Prepared by {company}, {address}</source>
        <translation>编制单位：{company}，{address}</translation>
    </message>
    <message>
        <source>Prepared by {company}</source>
        <translation>编制单位：{company}</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Open balance</source>
        <translation>未结余额</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>上一步骤</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步骤</translation>
    </message>
    <message>
        <source>Promise</source>
        <translation>付款承诺</translation>
    </message>
    <message>
        <source>Open invoices</source>
        <translation>未结发票</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>开票日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未付</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>有争议</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Timeline (every step, call, letter, promise, dispute and payment)</source>
        <translation>催收记录（所有步骤、电话、函件、承诺、争议和付款）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>{step} on {date}</source>
        <translation>{step}（{date}）</translation>
    </message>
    <message>
        <source>{step} (due since {date})</source>
        <translation>{step}（自 {date} 起应办）</translation>
    </message>
    <message>
        <source>{step} (due on {date})</source>
        <translation>{step}（{date} 应办）</translation>
    </message>
    <message>
        <source>{amount} by {date} ({status})</source>
        <translation>{date} 前付 {amount}（{status}）</translation>
    </message>
</context>
<context>
    <name>CollectionSettingsDialog</name>
    <message>
        <source>Collection settings</source>
        <translation>催收设置</translation>
    </message>
    <message>
        <source>Grace after a promised date (days)</source>
        <translation>承诺付款日后的宽限期（天）</translation>
    </message>
    <message>
        <source>Count the ladder&apos;s days as working days</source>
        <translation>按工作日计算催收阶梯天数</translation>
    </message>
    <message>
        <source>Ladder days</source>
        <translation>阶梯天数</translation>
    </message>
    <message>
        <source>Thresholds and waits skip weekends and the company country&apos;s public holidays.</source>
        <translation>触发天数和等待期不计周末及本公司所在国家的法定节假日。</translation>
    </message>
    <message>
        <source>Credit review when overdue reaches (% of limit)</source>
        <translation>逾期金额达信用额度的百分比时复核信用（%）</translation>
    </message>
    <message>
        <source>Suggest class A up to (average days late)</source>
        <translation>平均逾期天数不超过此值时建议 A 级（天）</translation>
    </message>
    <message>
        <source>… and at most (% of invoices paid late)</source>
        <translation>… 且逾期付款发票占比不超过（%）</translation>
    </message>
    <message>
        <source>Suggest class C above (average days late)</source>
        <translation>平均逾期天数超过此值时建议 C 级（天）</translation>
    </message>
    <message>
        <source>… or above (% of invoices paid late)</source>
        <translation>… 或逾期付款发票占比超过（%）</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a number.</source>
        <translation>“{0}”不是数字。</translation>
    </message>
    <message>
        <source>Enter a whole number of days, e.g. 3.</source>
        <translation>请输入整数天数，例如 3。</translation>
    </message>
</context>
<context>
    <name>CollectionsTab</name>
    <message>
        <source>Everyone needing attention</source>
        <translation>所有需处理的客户</translation>
    </message>
    <message>
        <source>Action due today</source>
        <translation>今日待办</translation>
    </message>
    <message>
        <source>Calls for today</source>
        <translation>今日电话催收</translation>
    </message>
    <message>
        <source>Letters to print</source>
        <translation>待打印催款函</translation>
    </message>
    <message>
        <source>Legal action / agency</source>
        <translation>法律诉讼 / 委托催收</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>已承诺付款</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>有争议</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>Credit review</source>
        <translation>待信用复核</translation>
    </message>
    <message>
        <source>Customer code or name…</source>
        <translation>客户编号或名称…</translation>
    </message>
    <message>
        <source>Worklist as of</source>
        <translation>催收清单截至</translation>
    </message>
    <message>
        <source>Log call…</source>
        <translation>记录电话…</translation>
    </message>
    <message>
        <source>E-mail reminder…</source>
        <translation>邮件提醒…</translation>
    </message>
    <message>
        <source>Promise…</source>
        <translation>承诺付款…</translation>
    </message>
    <message>
        <source>Payment plan…</source>
        <translation>付款计划…</translation>
    </message>
    <message>
        <source>Dispute…</source>
        <translation>争议…</translation>
    </message>
    <message>
        <source>Hold…</source>
        <translation>挂起…</translation>
    </message>
    <message>
        <source>Step done…</source>
        <translation>步骤完成…</translation>
    </message>
    <message>
        <source>Skip step…</source>
        <translation>跳过步骤…</translation>
    </message>
    <message>
        <source>Credit reviewed</source>
        <translation>信用已复核</translation>
    </message>
    <message>
        <source>Print collection file…</source>
        <translation>打印催收档案…</translation>
    </message>
    <message>
        <source>Letters…</source>
        <translation>催款函…</translation>
    </message>
    <message>
        <source>Registered mail…</source>
        <translation>挂号信…</translation>
    </message>
    <message>
        <source>Collection file</source>
        <translation>催收档案</translation>
    </message>
    <message>
        <source>Aging</source>
        <translation>账龄</translation>
    </message>
    <message>
        <source>Credit actions</source>
        <translation>信用事项</translation>
    </message>
    <message>
        <source>Computing the worklist…</source>
        <translation>正在计算催收清单…</translation>
    </message>
    <message>
        <source>Reference rates out of date: {0}</source>
        <translation>参考利率已过期：{0}</translation>
    </message>
    <message>
        <source>{0} of {1} accounts</source>
        <translation>{0} / {1} 个账户</translation>
    </message>
    <message>
        <source>Select an account to see its collection file.</source>
        <translation>选择一个账户以查看其催收档案。</translation>
    </message>
    <message>
        <source>{0} — {1}: every step, call, letter, promise, dispute and payment</source>
        <translation>{0} — {1}：所有催收步骤、电话、函件、承诺、争议和付款</translation>
    </message>
    <message>
        <source>Release hold</source>
        <translation>解除挂起</translation>
    </message>
    <message>
        <source>Resume the ladder for {0}?</source>
        <translation>恢复对 {0} 的催收流程？</translation>
    </message>
    <message>
        <source>As of {0} · {1}</source>
        <translation>截至 {0} · {1}</translation>
    </message>
    <message>
        <source>search: {0}</source>
        <translation>搜索：{0}</translation>
    </message>
    <message>
        <source>Collections worklist</source>
        <translation>催收工作清单</translation>
    </message>
    <message>
        <source>Collection file {0}</source>
        <translation>催收档案 {0}</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>1–30</source>
        <translation>1–30 天</translation>
    </message>
    <message>
        <source>31–60</source>
        <translation>31–60 天</translation>
    </message>
    <message>
        <source>61–90</source>
        <translation>61–90 天</translation>
    </message>
    <message>
        <source>Over 90</source>
        <translation>90 天以上</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Cur.</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>部分付款</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Over the credit limit: {0} owed on a limit of {1}.</source>
        <translation>超出信用额度：欠款 {0}，信用额度 {1}。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Open balance</source>
        <translation>未结余额</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>暂停赊销</translation>
    </message>
    <message>
        <source>{0} by {1}</source>
        <translation>{1}前付 {0}</translation>
    </message>
    <message>
        <source>Early-payment discount {0}: paying {1} on or before {2} settles the invoice</source>
        <translation>现金折扣 {0}：于{2}（含当日）前支付 {1} 即结清该发票</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>发票号</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>开票日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>With discount</source>
        <translation>折扣后应付</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>争议</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>reversed by no. {0}</source>
        <translation>已被第 {0} 号冲销</translation>
    </message>
    <message>
        <source>reverses no. {0}</source>
        <translation>冲销第 {0} 号</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unapplied</source>
        <translation>未核销</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>Country (ISO code)</source>
        <translation>国家（ISO 代码）</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Tax id</source>
        <translation>税号</translation>
    </message>
    <message>
        <source>Credit class</source>
        <translation>信用等级</translation>
    </message>
    <message>
        <source>Terms (days)</source>
        <translation>账期（天）</translation>
    </message>
    <message>
        <source>Payment terms (e.g. 2/10 net 30)</source>
        <translation>付款条件（如 2/10 net 30）</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Letter language</source>
        <translation>催款函语言</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Retention of title</source>
        <translation>所有权保留</translation>
    </message>
    <message>
        <source>Late-charge rule</source>
        <translation>逾期费用规则</translation>
    </message>
    <message>
        <source>Late-charge rate (%)</source>
        <translation>逾期费率（%）</translation>
    </message>
    <message>
        <source>Limitation law</source>
        <translation>诉讼时效适用法律</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>发票号</translation>
    </message>
    <message>
        <source>Customer name (new customers)</source>
        <translation>客户名称（新客户）</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>开票日期</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Early-payment discount</source>
        <translation>现金折扣</translation>
    </message>
    <message>
        <source>Discount until</source>
        <translation>折扣截止日</translation>
    </message>
    <message>
        <source>Dispute reason</source>
        <translation>争议原因</translation>
    </message>
    <message>
        <source>Voided on</source>
        <translation>作废日期</translation>
    </message>
    <message>
        <source>Void reason</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>Settled on (paid in full)</source>
        <translation>结清日期（全额付清）</translation>
    </message>
    <message>
        <source>Customer country (new customers)</source>
        <translation>客户国家（新客户）</translation>
    </message>
    <message>
        <source>Customer notes (new customers)</source>
        <translation>客户备注（新客户）</translation>
    </message>
    <message>
        <source>Payment id</source>
        <translation>收款编号</translation>
    </message>
    <message>
        <source>Payment date</source>
        <translation>收款日期</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Reverses payment id</source>
        <translation>冲销的收款编号</translation>
    </message>
    <message>
        <source>Reason for the reversal</source>
        <translation>冲销原因</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>已核销</translation>
    </message>
    <message>
        <source>Unapplied (credit)</source>
        <translation>未核销（贷方余额）</translation>
    </message>
    <message>
        <source>Kind (payment or correction)</source>
        <translation>类型（收款或冲账调整）</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>收款方式</translation>
    </message>
    <message>
        <source>Applied to invoices</source>
        <translation>核销至发票</translation>
    </message>
</context>
<context>
    <name>CompanyDialog</name>
    <message>
        <source>Company profile</source>
        <translation>公司资料</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>法定名称</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>街道地址</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Registration / tax id</source>
        <translation>注册号 / 税号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <source>Account / IBAN</source>
        <translation>银行账号 / IBAN</translation>
    </message>
    <message>
        <source>BIC / SWIFT</source>
        <translation>BIC / SWIFT 代码</translation>
    </message>
    <message>
        <source>Default currency</source>
        <translation>默认币种</translation>
    </message>
    <message>
        <source>Letters signed by</source>
        <translation>函件签署人</translation>
    </message>
    <message>
        <source>Signer&apos;s title</source>
        <translation>签署人职务</translation>
    </message>
</context>
<context>
    <name>ConfirmationRequestDialog</name>
    <message>
        <source>Balance confirmation — {0}</source>
        <translation>对账确认函 — {0}</translation>
    </message>
    <message>
        <source>Return the signed slip by</source>
        <translation>签字回执寄回截止日</translation>
    </message>
    <message>
        <source>The statement of today&apos;s open items goes with the slip</source>
        <translation>随函附上截至今日的未结项目对账单</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct the log — {0}</source>
        <translation>更正记录 — {0}</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Correct tracking number</source>
        <translation>更正跟踪号</translation>
    </message>
    <message>
        <source>Empty: unchanged</source>
        <translation>留空：不变</translation>
    </message>
    <message>
        <source>Correct date</source>
        <translation>更正日期</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>Correct signed by</source>
        <translation>更正签收人</translation>
    </message>
    <message>
        <source>Why the correction</source>
        <translation>更正原因</translation>
    </message>
</context>
<context>
    <name>CreditActionsView</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Do it…</source>
        <translation>办理…</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Write off small balance</source>
        <translation>核销小额余额</translation>
    </message>
    <message>
        <source>{0}

Write off every overdue invoice of {1} now?</source>
        <translation>{0}

现在核销{1}的全部逾期发票吗？</translation>
    </message>
</context>
<context>
    <name>CreditCheckDialog</name>
    <message>
        <source>Credit check — {0}</source>
        <translation>信用调查 — {0}</translation>
    </message>
    <message>
        <source>Credit limit: {0}   Open balance: {1} {2}</source>
        <translation>信用额度：{0}   未付余额：{1} {2}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>New customer: the limit counts as at most {0} until it has enough history.</source>
        <translation>新客户：在往来记录足够之前，额度按最多 {0} 计算。</translation>
    </message>
    <message>
        <source>Last check {0}; next review {1}.</source>
        <translation>上次调查 {0}；下次复核 {1}。</translation>
    </message>
    <message>
        <source>Suggested limit: {0} ({1})</source>
        <translation>建议额度：{0}（{1}）</translation>
    </message>
    <message>
        <source>No suggested limit: no sales in the last 12 months.</source>
        <translation>无建议额度：最近 12 个月没有销售。</translation>
    </message>
    <message>
        <source>Use the suggested limit</source>
        <translation>采用建议额度</translation>
    </message>
    <message>
        <source>Date of the check</source>
        <translation>调查日期</translation>
    </message>
    <message>
        <source>Sources consulted</source>
        <translation>调查来源</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>调查结论</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Limit granted</source>
        <translation>授予额度</translation>
    </message>
    <message>
        <source>empty when refused</source>
        <translation>拒绝时留空</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>下次复核</translation>
    </message>
    <message>
        <source>Review again on:</source>
        <translation>复核日期：</translation>
    </message>
    <message>
        <source>Make the limit granted the customer&apos;s credit limit (a refusal puts it on hold)</source>
        <translation>将授予额度设为该客户的信用额度（拒绝时将客户设为暂停赊销）</translation>
    </message>
</context>
<context>
    <name>CreditSettingsDialog</name>
    <message>
        <source>Credit risk settings</source>
        <translation>信用风险设置</translation>
    </message>
    <message>
        <source>Warn of the limitation (days before)</source>
        <translation>诉讼时效提前提醒（天）</translation>
    </message>
    <message>
        <source>US limitation period (years)</source>
        <translation>美国诉讼时效期间（年）</translation>
    </message>
    <message>
        <source>Cost of one collection step</source>
        <translation>一次催收步骤的成本</translation>
    </message>
    <message>
        <source>in the company&apos;s currency; empty = no write-off suggestions</source>
        <translation>以本公司币种计；留空 = 不提供核销建议</translation>
    </message>
    <message>
        <source>Cap on a new customer&apos;s limit</source>
        <translation>新客户额度上限</translation>
    </message>
    <message>
        <source>empty = no cap</source>
        <translation>留空 = 不设上限</translation>
    </message>
    <message>
        <source>…until it has months of history</source>
        <translation>…直至有以下月数的往来记录</translation>
    </message>
</context>
<context>
    <name>CreditTab</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>保单</translation>
    </message>
    <message>
        <source>Insured limit</source>
        <translation>保险限额</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>风险敞口</translation>
    </message>
    <message>
        <source>Insured</source>
        <translation>已保部分</translation>
    </message>
    <message>
        <source>Uninsured</source>
        <translation>未保部分</translation>
    </message>
    <message>
        <source>Expected indemnity</source>
        <translation>预计赔款</translation>
    </message>
    <message>
        <source>Oldest unpaid due</source>
        <translation>最早未付到期日</translation>
    </message>
    <message>
        <source>Notify by</source>
        <translation>申报截止</translation>
    </message>
    <message>
        <source>Transfer by</source>
        <translation>移交截止</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Credit risk as of</source>
        <translation>信用风险，截至</translation>
    </message>
    <message>
        <source>Policies…</source>
        <translation>保单…</translation>
    </message>
    <message>
        <source>Insured limit…</source>
        <translation>保险限额…</translation>
    </message>
    <message>
        <source>Insurer event…</source>
        <translation>保险事项…</translation>
    </message>
    <message>
        <source>Credit check…</source>
        <translation>信用调查…</translation>
    </message>
    <message>
        <source>Notification PDF…</source>
        <translation>逾期申报 PDF…</translation>
    </message>
    <message>
        <source>Claim file PDF…</source>
        <translation>索赔资料 PDF…</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Law</source>
        <translation>适用法律</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未付</translation>
    </message>
    <message>
        <source>Time-barred on</source>
        <translation>时效届满日</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Restarted by</source>
        <translation>重新起算原因</translation>
    </message>
    <message>
        <source>Restarted on</source>
        <translation>重新起算日</translation>
    </message>
    <message>
        <source>Acknowledgement…</source>
        <translation>债务确认…</translation>
    </message>
    <message>
        <source>Credit actions</source>
        <translation>信用事项</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>信用保险</translation>
    </message>
    <message>
        <source>Limitation</source>
        <translation>诉讼时效</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Only those that run out within {0} days</source>
        <translation>仅显示 {0} 天内届满的</translation>
    </message>
    <message>
        <source>{0} actions ({1} overdue) · {2} customers insured or owing · {3} open invoices with a limitation clock</source>
        <translation>{0} 项事项（{1} 项已逾期）· {2} 个已投保或有欠款的客户 · {3} 张计算诉讼时效的未结发票</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>逾期申报</translation>
    </message>
    <message>
        <source>Claim file</source>
        <translation>索赔资料</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>e.g. ACME01</source>
        <translation>例如 ACME01</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>法定名称</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>街道地址</translation>
    </message>
    <message>
        <source>One or more lines</source>
        <translation>可填写多行</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>ISO code, e.g. DE, GB, CN</source>
        <translation>ISO 代码，例如 DE、GB、CN</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Registration / tax id</source>
        <translation>注册号 / 税号</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>empty = no limit</source>
        <translation>留空表示不设额度</translation>
    </message>
    <message>
        <source>Credit class</source>
        <translation>信用等级</translation>
    </message>
    <message>
        <source>A – reliable</source>
        <translation>A – 信用良好</translation>
    </message>
    <message>
        <source>B – normal</source>
        <translation>B – 一般</translation>
    </message>
    <message>
        <source>C – watch</source>
        <translation>C – 需关注</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <source>e.g. 30, or 2/10 net 30</source>
        <translation>例如 30 或 2/10 net 30</translation>
    </message>
    <message>
        <source>Days to pay; &apos;2/10 net 30&apos; also gives 2 % off for payment within 10 days</source>
        <translation>付款天数；“2/10 net 30”表示 10 天内付款可享 2% 现金折扣，30 天内付清全款</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Letter language</source>
        <translation>函件语言</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>Chinese (Simplified)</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Late charges</source>
        <translation>滞纳费用</translation>
    </message>
    <message>
        <source>Company default = the rule under Settings ▸ Late charges</source>
        <translation>公司默认 = 设置 ▸ 滞纳费用中的规则</translation>
    </message>
    <message>
        <source>Late-charge rate (%)</source>
        <translation>滞纳利率（%）</translation>
    </message>
    <message>
        <source>empty = the company&apos;s rate</source>
        <translation>留空表示使用公司利率</translation>
    </message>
    <message>
        <source>Contractual rules only: % per day or % per year as agreed, or tiers such as 0.05/30;0.08/60;0.1</source>
        <translation>仅适用于约定规则：按约定的日利率或年利率（%），或如 0.05/30;0.08/60;0.1 的阶梯费率</translation>
    </message>
    <message>
        <source>From the company&apos;s country</source>
        <translation>按本公司所在国家</translation>
    </message>
    <message>
        <source>Limitation law</source>
        <translation>诉讼时效适用法律</translation>
    </message>
    <message>
        <source>Which country&apos;s limitation clock the invoices follow</source>
        <translation>发票按哪个国家的诉讼时效计算</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>On hold (no new deliveries on credit)</source>
        <translation>暂停赊销（不再赊账发货）</translation>
    </message>
    <message>
        <source>Goods delivered under retention of title (new invoices)</source>
        <translation>所供货物保留所有权（适用于新发票）</translation>
    </message>
    <message>
        <source>Suggested: {0}</source>
        <translation>建议：{0}</translation>
    </message>
    <message>
        <source>Use it</source>
        <translation>采用</translation>
    </message>
</context>
<context>
    <name>CustomersTab</name>
    <message>
        <source>Search code, name, city or contact…</source>
        <translation>搜索编号、名称、城市或联系人…</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅显示逾期</translation>
    </message>
    <message>
        <source>New customer…</source>
        <translation>新建客户…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>登记付款…</translation>
    </message>
    <message>
        <source>Statement…</source>
        <translation>对账单…</translation>
    </message>
    <message>
        <source>Collection file…</source>
        <translation>催收档案…</translation>
    </message>
    <message>
        <source>Ladder…</source>
        <translation>催收流程…</translation>
    </message>
    <message>
        <source>Balance confirmation…</source>
        <translation>对账确认函…</translation>
    </message>
    <message>
        <source>Confirmation returned…</source>
        <translation>确认函已回…</translation>
    </message>
    <message>
        <source>Changes…</source>
        <translation>变更记录…</translation>
    </message>
    <message>
        <source>Delete customer…</source>
        <translation>删除客户…</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>search: {0}</source>
        <translation>搜索：{0}</translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>Delete customer {0} – {1}?</source>
        <translation>删除客户 {0} – {1}？</translation>
    </message>
    <message>
        <source>Statement of account — {0}</source>
        <translation>对账单 — {0}</translation>
    </message>
    <message>
        <source>Apply credit…</source>
        <translation>冲抵余额…</translation>
    </message>
    <message>
        <source>Apply credit</source>
        <translation>冲抵余额</translation>
    </message>
    <message>
        <source>This customer has no unapplied credit.</source>
        <translation>该客户没有未冲抵的余额。</translation>
    </message>
    <message>
        <source>Apply the customer&apos;s credit of {0} to its open invoices, oldest due first?</source>
        <translation>将该客户 {0} 的余额按到期日从早到晚冲抵其未付发票？</translation>
    </message>
</context>
<context>
    <name>DataActions</name>
    <message>
        <source>Import &amp;wizard…</source>
        <translation>导入向导(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>{0} to {1}…</source>
        <translation>{0} 导出为 {1}…</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Aging report</source>
        <translation>账龄报表</translation>
    </message>
    <message>
        <source>Collections worklist</source>
        <translation>催收清单</translation>
    </message>
    <message>
        <source>Late charges</source>
        <translation>逾期费用</translation>
    </message>
    <message>
        <source>Report as of</source>
        <translation>报表截至日期</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>The report shows the books as they were at the end of this day.</source>
        <translation>报表显示账目在这一天结束时的状况。</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export {0}</source>
        <translation>导出 {0}</translation>
    </message>
    <message>
        <source>{0} rows exported to {1}.</source>
        <translation>已将 {0} 行导出到 {1}。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>备份到</translation>
    </message>
    <message>
        <source>AR Desktop company (*.ardb);;All files (*)</source>
        <translation>AR Desktop 公司文件 (*.ardb);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Backed up to {0}.</source>
        <translation>已备份到 {0}。</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Backups (*.ardb *.bak);;All files (*)</source>
        <translation>备份 (*.ardb *.bak);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restored {0}; the previous file is kept as {1}.</source>
        <translation>已恢复 {0}；原文件已保存为 {1}。</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <source>Returned undelivered — {0}</source>
        <translation>退回未投递 — {0}</translation>
    </message>
    <message>
        <source>Delivered — {0}</source>
        <translation>已送达 — {0}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason given by the carrier</source>
        <translation>承运方给出的原因</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签收人</translation>
    </message>
</context>
<context>
    <name>DisputeDialog</name>
    <message>
        <source>Dispute — {0}</source>
        <translation>争议 — {0}</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>{0} · due {1} · {2}</source>
        <translation>{0} · 到期 {1} · {2}</translation>
    </message>
    <message>
        <source>What the customer contests</source>
        <translation>客户异议内容</translation>
    </message>
    <message>
        <source>Disputed amount</source>
        <translation>争议金额</translation>
    </message>
    <message>
        <source>Empty: the whole open amount</source>
        <translation>留空：全部未结金额</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>A CSV file (comma, semicolon or tab separated) or an Excel workbook (.xlsx).</source>
        <translation>CSV 文件（以逗号、分号或制表符分隔）或 Excel 工作簿（.xlsx）。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>What it holds:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>Sheet (workbooks):</source>
        <translation>工作表（工作簿）：</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>导入自</translation>
    </message>
    <message>
        <source>CSV or Excel (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>CSV 或 Excel (*.csv *.txt *.xlsx);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>en</source>
        <comment>language of the user guide file: en or zh_CN</comment>
        <translation>zh_CN</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter（回车）</translation>
    </message>
    <message>
        <source>Open the selected row: a customer, an invoice, a payment&apos;s split, an account&apos;s collection file</source>
        <translation>打开所选的行：客户、发票、收款的核销分配、账户的催收档案</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>双击</translation>
    </message>
    <message>
        <source>The same as Enter</source>
        <translation>与 Enter 相同</translation>
    </message>
    <message>
        <source>Ctrl+P in a preview</source>
        <translation>预览中的 Ctrl+P</translation>
    </message>
    <message>
        <source>Print the document shown</source>
        <translation>打印所显示的文件</translation>
    </message>
    <message>
        <source>Ctrl+S in a preview</source>
        <translation>预览中的 Ctrl+S</translation>
    </message>
    <message>
        <source>Save the document shown as PDF</source>
        <translation>将所显示的文件另存为 PDF</translation>
    </message>
    <message>
        <source>Page Up / Page Down in a preview</source>
        <translation>预览中的 Page Up / Page Down</translation>
    </message>
    <message>
        <source>Previous / next page</source>
        <translation>上一页 / 下一页</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Close a dialog without saving</source>
        <translation>关闭对话框而不保存</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>discount</source>
        <translation>现金折扣</translation>
    </message>
    <message>
        <source>write-off</source>
        <translation>核销</translation>
    </message>
    <message>
        <source>credit note</source>
        <translation>贷项通知单</translation>
    </message>
    <message>
        <source>credit from a void</source>
        <translation>作废发票转入余额</translation>
    </message>
    <message>
        <source>recovery</source>
        <translation>坏账收回</translation>
    </message>
    <message>
        <source>reversal</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>step done</source>
        <translation>步骤完成</translation>
    </message>
    <message>
        <source>step skipped</source>
        <translation>步骤跳过</translation>
    </message>
    <message>
        <source>call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>promise</source>
        <translation>承诺付款</translation>
    </message>
    <message>
        <source>promise broken</source>
        <translation>承诺违约</translation>
    </message>
    <message>
        <source>promise kept</source>
        <translation>承诺履行</translation>
    </message>
    <message>
        <source>dispute</source>
        <translation>争议</translation>
    </message>
    <message>
        <source>dispute resolved</source>
        <translation>争议解决</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>暂停催收</translation>
    </message>
    <message>
        <source>hold released</source>
        <translation>恢复催收</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>credit override</source>
        <translation>超信用额度开票</translation>
    </message>
    <message>
        <source>credit review</source>
        <translation>信用复核</translation>
    </message>
    <message>
        <source>letter</source>
        <translation>催款函</translation>
    </message>
    <message>
        <source>mail posted</source>
        <translation>挂号信已寄出</translation>
    </message>
    <message>
        <source>mail delivered</source>
        <translation>挂号信已送达</translation>
    </message>
    <message>
        <source>mail returned</source>
        <translation>挂号信被退回</translation>
    </message>
    <message>
        <source>mail receipt</source>
        <translation>挂号信回执</translation>
    </message>
    <message>
        <source>mail correction</source>
        <translation>挂号信更正</translation>
    </message>
    <message>
        <source>payment plan</source>
        <translation>分期付款计划</translation>
    </message>
    <message>
        <source>plan broken</source>
        <translation>计划违约</translation>
    </message>
    <message>
        <source>plan kept</source>
        <translation>计划已履行</translation>
    </message>
    <message>
        <source>plan cancelled</source>
        <translation>计划已取消</translation>
    </message>
    <message>
        <source>insured limit</source>
        <translation>保险限额</translation>
    </message>
    <message>
        <source>insurer notified</source>
        <translation>已通知保险公司</translation>
    </message>
    <message>
        <source>transferred to insurer</source>
        <translation>移交保险公司</translation>
    </message>
    <message>
        <source>insurance claim</source>
        <translation>保险索赔</translation>
    </message>
    <message>
        <source>indemnity</source>
        <translation>保险赔款</translation>
    </message>
    <message>
        <source>acknowledgement</source>
        <translation>债务确认</translation>
    </message>
    <message>
        <source>credit check</source>
        <translation>信用调查</translation>
    </message>
    <message>
        <source>confirmation sent</source>
        <translation>寄出对账函</translation>
    </message>
    <message>
        <source>confirmation returned</source>
        <translation>对账函寄回</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Collection file — {0}</source>
        <translation>催收档案 — {0}</translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation>预览并打印…</translation>
    </message>
    <message>
        <source>Every step, call, letter, promise, dispute and payment, newest first.</source>
        <translation>所有催收步骤、电话、函件、承诺、争议和付款，最新的在前。</translation>
    </message>
</context>
<context>
    <name>HoldDialog</name>
    <message>
        <source>Put on hold — {0}</source>
        <translation>挂起 — {0}</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>挂起至</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <source>{0}: nothing was imported. {1} problem(s) must be fixed first; they are listed below by row and column.</source>
        <translation>{0}：未导入任何记录。须先修正 {1} 个问题，下面按行和列列出。</translation>
    </message>
    <message>
        <source>{0}: {1}.</source>
        <translation>{0}：{1}。</translation>
    </message>
    <message>
        <source>Customers created: {0}.</source>
        <translation>已新建客户：{0}。</translation>
    </message>
    <message>
        <source>Skipped rows are listed below: their number, code or payment was already in the books.</source>
        <translation>跳过的行列在下面：其编号、代码或收款已在账中。</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message>
        <source>already in the books</source>
        <translation>已在账中</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>file</source>
        <translation>整个文件</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Number or code</source>
        <translation>编号或代码</translation>
    </message>
    <message>
        <source>Why skipped</source>
        <translation>跳过原因</translation>
    </message>
    <message>
        <source>Save problems as CSV…</source>
        <translation>将问题另存为 CSV…</translation>
    </message>
    <message>
        <source>Save problems as CSV</source>
        <translation>将问题另存为 CSV</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>The first {0} rows</source>
        <translation>前 {0} 行</translation>
    </message>
    <message>
        <source>{0} rows</source>
        <translation>{0} 行</translation>
    </message>
    <message>
        <source>{0}: {1} new, {2} to update, {3} already there (skipped).</source>
        <translation>{0}：新增 {1}，更新 {2}，已存在（跳过）{3}。</translation>
    </message>
    <message>
        <source>These {0} customers will be created: {1}.</source>
        <translation>将新建以下 {0} 个客户：{1}。</translation>
    </message>
    <message>
        <source>{0} customers are not in the books: {1}. Add them, or go back and tick &apos;Create customers…&apos; to create them.</source>
        <translation>{0} 个客户不在账中：{1}。请先添加，或返回上一步勾选“新建客户…”。</translation>
    </message>
    <message>
        <source>{0} payments will be recorded from settlement dates.</source>
        <translation>将按结清日期记录 {0} 笔付款。</translation>
    </message>
    <message>
        <source>{0} problems must be fixed first.</source>
        <translation>须先修正 {0} 个问题。</translation>
    </message>
    <message>
        <source>Import wizard</source>
        <translation>导入向导</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>InsuredLimitDialog</name>
    <message>
        <source>Insured limit — {0}</source>
        <translation>保险限额 — {0}</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>批复日期</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>限额</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>保单</translation>
    </message>
    <message>
        <source>Insurer&apos;s reference</source>
        <translation>保险公司批复编号</translation>
    </message>
    <message>
        <source>Decisions so far (the latest in force counts):</source>
        <translation>历次批复（以最新有效的为准）：</translation>
    </message>
    <message>
        <source>Insured limit</source>
        <translation>保险限额</translation>
    </message>
    <message>
        <source>0 = the insurer withdrew the cover</source>
        <translation>0 = 保险公司撤销承保</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>批复日期</translation>
    </message>
    <message>
        <source>Limited in time</source>
        <translation>有期限</translation>
    </message>
    <message>
        <source>The limit ends on:</source>
        <translation>限额截止于：</translation>
    </message>
    <message>
        <source>empty only for a limit within the discretionary limit</source>
        <translation>仅在自主限额之内时可留空</translation>
    </message>
</context>
<context>
    <name>InsurerEventDialog</name>
    <message>
        <source>Insurer event — {0}</source>
        <translation>保险事项 — {0}</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>required for a claim or an indemnity</source>
        <translation>索赔或赔款时必填</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>InvoiceDialog</name>
    <message>
        <source>Edit invoice {0}</source>
        <translation>编辑发票 {0}</translation>
    </message>
    <message>
        <source>New invoice</source>
        <translation>新建发票</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Choose the customer…</source>
        <translation>请选择客户…</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>发票号</translation>
    </message>
    <message>
        <source>The next free number is suggested; type over it if needed</source>
        <translation>已建议下一个可用号码；如有需要可直接改写</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>开票日期</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Filled from the customer&apos;s payment terms; you may change it</source>
        <translation>根据客户的付款期限自动填写，可修改</translation>
    </message>
    <message>
        <source>Gross amount</source>
        <translation>含税金额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Order / contract reference</source>
        <translation>订单 / 合同编号</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>The customer disputes this invoice</source>
        <translation>客户对此发票有异议</translation>
    </message>
    <message>
        <source>Dispute reason</source>
        <translation>争议原因</translation>
    </message>
    <message>
        <source>Goods delivered under retention of title</source>
        <translation>所供货物保留所有权</translation>
    </message>
    <message>
        <source>The goods remain your property until the invoice is paid in full</source>
        <translation>发票款项全部付清前，货物所有权仍归贵司所有</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Save the invoice anyway?</source>
        <translation>仍要保存此发票吗？</translation>
    </message>
</context>
<context>
    <name>InvoicesTab</name>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Issued from</source>
        <translation>开票日期从</translation>
    </message>
    <message>
        <source>Number, reference or customer…</source>
        <translation>发票号、参考号或客户…</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>New invoice…</source>
        <translation>新建发票…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>登记付款…</translation>
    </message>
    <message>
        <source>Dispute / resolve…</source>
        <translation>争议 / 解决…</translation>
    </message>
    <message>
        <source>Write off…</source>
        <translation>核销…</translation>
    </message>
    <message>
        <source>Credit note…</source>
        <translation>贷项通知单…</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>issued {0} to {1}</source>
        <translation>开票日期 {0} 至 {1}</translation>
    </message>
    <message>
        <source>search: {0}</source>
        <translation>搜索：{0}</translation>
    </message>
    <message>
        <source>Invoice voided</source>
        <translation>发票已作废</translation>
    </message>
    <message>
        <source>The {0} {1} already paid on {2} is now customer credit. Apply it to other invoices with Apply credit on the Customers tab, or keep it for a refund.</source>
        <translation>发票 {2} 上已支付的 {0} {1} 现已转为客户余额。可在“客户”页用“冲抵余额”冲抵其他发票，或保留用于退款。</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Changes…</source>
        <translation>变更记录…</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>{0} invoices · amount {1} · open {2} · overdue {3}</source>
        <translation>{0} 张发票 · 金额 {1} · 未结 {2} · 逾期 {3}</translation>
    </message>
    <message>
        <source>Resolve dispute</source>
        <translation>解决争议</translation>
    </message>
    <message>
        <source>Mark the dispute on invoice {0} as resolved?</source>
        <translation>将发票 {0} 的争议标记为已解决？</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>争议</translation>
    </message>
    <message>
        <source>What does the customer contest on {0}?</source>
        <translation>客户对发票 {0} 有何异议？</translation>
    </message>
    <message>
        <source>Void invoice</source>
        <translation>作废发票</translation>
    </message>
    <message>
        <source>Why is invoice {0} voided? (kept on record)</source>
        <translation>发票 {0} 的作废原因？（将保留记录）</translation>
    </message>
</context>
<context>
    <name>Kpi</name>
    <message>
        <source>Total owed</source>
        <translation>应收账款总额</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Overdue share (%)</source>
        <translation>逾期占比（%）</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>争议金额</translation>
    </message>
    <message>
        <source>Sales in the period</source>
        <translation>期间销售额</translation>
    </message>
    <message>
        <source>DSO (days)</source>
        <translation>应收账款周转天数 DSO（天）</translation>
    </message>
    <message>
        <source>Best possible DSO (days)</source>
        <translation>最佳可能周转天数（天）</translation>
    </message>
    <message>
        <source>Average days delinquent</source>
        <translation>平均拖欠天数</translation>
    </message>
    <message>
        <source>Collection effectiveness (%)</source>
        <translation>回款效率 CEI（%）</translation>
    </message>
    <message>
        <source>Average days to pay</source>
        <translation>平均付款天数</translation>
    </message>
    <message>
        <source>Average days late</source>
        <translation>平均逾期天数</translation>
    </message>
</context>
<context>
    <name>LadderDialog</name>
    <message>
        <source>Collection ladder</source>
        <translation>催收流程</translation>
    </message>
    <message>
        <source>Collection ladder of {0}</source>
        <translation>{0} 的催收流程</translation>
    </message>
    <message>
        <source>Class {0}</source>
        <translation>{0} 级</translation>
    </message>
    <message>
        <source>This customer has its own ladder</source>
        <translation>该客户使用专属催收流程</translation>
    </message>
    <message>
        <source>Ladder for</source>
        <translation>催收流程适用于</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>删除步骤</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Steps for this customer only.</source>
        <translation>仅适用于该客户的步骤。</translation>
    </message>
    <message>
        <source>The customer follows the ladder of its credit class.</source>
        <translation>该客户沿用其信用等级的催收流程。</translation>
    </message>
</context>
<context>
    <name>LateCharges</name>
    <message>
        <source>No late charges</source>
        <translation>不收取滞纳费用</translation>
    </message>
    <message>
        <source>Contractual interest, % per day</source>
        <translation>合同约定利息，按日 %</translation>
    </message>
    <message>
        <source>Contractual interest, % per year</source>
        <translation>合同约定利息，按年 %</translation>
    </message>
    <message>
        <source>Contractual interest, % per day in tiers</source>
        <translation>约定阶梯式滞纳金（按日%，分段）</translation>
    </message>
    <message>
        <source>EU statutory interest (ECB rate + 8 points)</source>
        <translation>欧盟法定利息（欧洲央行利率 + 8 个百分点）</translation>
    </message>
    <message>
        <source>Germany, §288 BGB (base rate + 9 points)</source>
        <translation>德国《民法典》第 288 条（基准利率 + 9 个百分点）</translation>
    </message>
    <message>
        <source>UK Late Payment Act (Bank Rate + 8 points)</source>
        <translation>英国《逾期付款法》（英格兰银行利率 + 8 个百分点）</translation>
    </message>
    <message>
        <source>Letters claim only the open invoice amounts; no interest and no fixed fee are added.</source>
        <translation>催款函只追讨未结发票金额，不加收利息和固定费用。</translation>
    </message>
    <message>
        <source>The rate agreed in your contracts, in percent per day (e.g. 0.05 for 0.05 % a day), on the open amount from the day after the due date until payment. An optional fixed fee is added once per late invoice.</source>
        <translation>合同约定的日利率（%，例如 0.05 表示每日 0.05%），自到期日次日起至付款日按未结金额计算。每张逾期发票可另加收一次固定费用。</translation>
    </message>
    <message>
        <source>The rate agreed in your contracts, in percent per year (e.g. 8), on the open amount from the day after the due date until payment, spread over the days by the day count. An optional fixed fee is added once per late invoice.</source>
        <translation>合同约定的年利率（%，例如 8），自到期日次日起至付款日按未结金额计算，按计息天数规则折算到每日。每张逾期发票可另加收一次固定费用。</translation>
    </message>
    <message>
        <source>Rates in percent per day that rise with lateness (阶梯式滞纳金), written 0.05/30;0.08/60;0.1: 0.05 % a day for days 1-30, 0.08 % for days 31-60, 0.1 % from day 61, on the open amount of each day. An optional fixed fee is added once per late invoice.</source>
        <translation>随逾期天数递增的日利率（阶梯式滞纳金），写作 0.05/30;0.08/60;0.1：逾期第1至30天每日0.05%，第31至60天每日0.08%，第61天起每日0.1%，按每日未付金额计算。每张逾期发票可另加一次固定费用。</translation>
    </message>
    <message>
        <source>EU Late Payment Directive, between businesses: the ECB main refinancing rate plus 8 points, taken from the reference-rate table, plus a fixed EUR 40 per late invoice.</source>
        <translation>欧盟《逾期付款指令》（企业之间）：欧洲央行主要再融资利率加 8 个百分点（取自参考利率表），每张逾期发票另加固定 40 欧元。</translation>
    </message>
    <message>
        <source>German statutory interest between businesses (§288 (2) BGB): the base rate (Basiszinssatz) plus 9 points, taken from the reference-rate table, plus EUR 40 per late invoice (§288 (5) BGB).</source>
        <translation>德国企业间法定利息（《民法典》第 288 条第 2 款）：基准利率（Basiszinssatz）加 9 个百分点（取自参考利率表），每张逾期发票另加 40 欧元（第 288 条第 5 款）。</translation>
    </message>
    <message>
        <source>Late Payment of Commercial Debts (Interest) Act 1998: Bank of England Bank Rate plus 8 points, taken from the reference-rate table, plus a fixed sum of GBP 40, 70 or 100 by size of the debt.</source>
        <translation>英国 1998 年《商业债务逾期付款（利息）法》：英格兰银行利率加 8 个百分点（取自参考利率表），另按债务金额加收固定 40、70 或 100 英镑。</translation>
    </message>
    <message>
        <source>Days / 365</source>
        <translation>实际天数 / 365</translation>
    </message>
    <message>
        <source>Days / 360</source>
        <translation>实际天数 / 360</translation>
    </message>
    <message>
        <source>Days / actual days in the year (365 or 366)</source>
        <translation>实际天数 / 当年实际天数（365 或 366）</translation>
    </message>
    <message>
        <source>Company default</source>
        <translation>公司默认</translation>
    </message>
</context>
<context>
    <name>LateChargesDialog</name>
    <message>
        <source>Late charges</source>
        <translation>滞纳费用</translation>
    </message>
    <message>
        <source>Default rule</source>
        <translation>默认规则</translation>
    </message>
    <message>
        <source>Interest rate (%)</source>
        <translation>利率（%）</translation>
    </message>
    <message>
        <source>Contractual rules only; statutory rules use the reference rates.</source>
        <translation>仅适用于合同规则；法定规则使用参考利率。</translation>
    </message>
    <message>
        <source>Day count</source>
        <translation>计息天数规则</translation>
    </message>
    <message>
        <source>How a yearly rate is divided over the days.</source>
        <translation>年利率如何折算到每日。</translation>
    </message>
    <message>
        <source>Fixed fee per late invoice</source>
        <translation>每张逾期发票的固定费用</translation>
    </message>
    <message>
        <source>empty = none</source>
        <translation>留空表示无</translation>
    </message>
    <message>
        <source>Contractual rules only, in the invoice&apos;s currency.</source>
        <translation>仅适用于合同规则，以发票币种计。</translation>
    </message>
    <message>
        <source>Customers with a rule of their own (customer dialog) keep it; all others use this default.</source>
        <translation>已设置专属规则的客户（在客户对话框中）保持其规则；其他客户均使用此默认规则。</translation>
    </message>
    <message>
        <source>e.g. 0.05 (% a day)</source>
        <translation>例如 0.05（每日 %）</translation>
    </message>
    <message>
        <source>e.g. 0.05/30;0.08/60;0.1</source>
        <translation>例如 0.05/30;0.08/60;0.1</translation>
    </message>
    <message>
        <source>e.g. 8 (% a year)</source>
        <translation>例如 8（每年 %）</translation>
    </message>
</context>
<context>
    <name>LetterSettingsActions</name>
    <message>
        <source>Letters and &amp;printing…</source>
        <translation>信函与打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Late c&amp;harges…</source>
        <translation>逾期费用(&amp;H)…</translation>
    </message>
    <message>
        <source>Reference &amp;rates…</source>
        <translation>参考利率(&amp;R)…</translation>
    </message>
    <message>
        <source>Letter &amp;wording…</source>
        <translation>信函措辞(&amp;W)…</translation>
    </message>
</context>
<context>
    <name>LetterSettingsDialog</name>
    <message>
        <source>DIN 5008 form A (A4, window envelope)</source>
        <translation>DIN 5008 A 式（A4，开窗信封）</translation>
    </message>
    <message>
        <source>German standard letter with a short letterhead: the address sits 27 mm from the top edge, fold marks at 87 and 192 mm. For DL or C5/6 window envelopes.</source>
        <translation>德国标准信函，信头较矮：地址距上边缘 27 毫米，折痕标记位于 87 和 192 毫米处。适用于 DL 或 C5/6 开窗信封。</translation>
    </message>
    <message>
        <source>DIN 5008 form B (A4, window envelope)</source>
        <translation>DIN 5008 B 式（A4，开窗信封）</translation>
    </message>
    <message>
        <source>German standard letter with a taller letterhead: the address sits 45 mm from the top edge, fold marks at 105 and 210 mm. For DL or C5/6 window envelopes.</source>
        <translation>德国标准信函，信头较高：地址距上边缘 45 毫米，折痕标记位于 105 和 210 毫米处。适用于 DL 或 C5/6 开窗信封。</translation>
    </message>
    <message>
        <source>US #10 window envelope (US Letter)</source>
        <translation>美国 #10 开窗信封（US Letter）</translation>
    </message>
    <message>
        <source>US Letter paper folded in three for a #10 window envelope: the address sits about 52 mm (2 1/16 in) from the top edge, ½ in from the left.</source>
        <translation>US Letter 纸三折装入 #10 开窗信封：地址距上边缘约 52 毫米（2 1/16 英寸），距左边缘 ½ 英寸。</translation>
    </message>
    <message>
        <source>Plain A4 (no window envelope)</source>
        <translation>普通 A4（无开窗信封）</translation>
    </message>
    <message>
        <source>Plain A4 page without window positions, for envelopes addressed by hand or with a label.</source>
        <translation>不含开窗定位的普通 A4 页面，适用于手写地址或贴标签的信封。</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> 毫米</translation>
    </message>
    <message>
        <source>Letters and printing</source>
        <translation>函件与打印</translation>
    </message>
    <message>
        <source>Letter layout</source>
        <translation>函件版式</translation>
    </message>
    <message>
        <source>Payment deadline</source>
        <translation>付款期限</translation>
    </message>
    <message>
        <source>Days after the letter date the customer has to pay.</source>
        <translation>客户须在函件日期后多少天内付款。</translation>
    </message>
    <message>
        <source>Printer offset right</source>
        <translation>打印机向右偏移</translation>
    </message>
    <message>
        <source>Positive moves the print to the right, negative to the left.</source>
        <translation>正值向右移动打印内容，负值向左。</translation>
    </message>
    <message>
        <source>Printer offset down</source>
        <translation>打印机向下偏移</translation>
    </message>
    <message>
        <source>Positive moves the print down, negative up.</source>
        <translation>正值向下移动打印内容，负值向上。</translation>
    </message>
    <message>
        <source>Preview calibration page…</source>
        <translation>预览校准页…</translation>
    </message>
    <message>
        <source>Print calibration page…</source>
        <translation>打印校准页…</translation>
    </message>
    <message>
        <source>To find the offset, print the calibration page at 100 %, measure where the lines marked X and Y fall, and enter expected minus measured. The page uses the layout and offset shown here, even before you save.</source>
        <translation>确定偏移量：按 100% 比例打印校准页，测量标有 X 和 Y 的线条的实际位置，填入“预期值减实测值”。校准页使用此处显示的版式和偏移量，无需先保存。</translation>
    </message>
    <message>
        <source>Attach a statement of account (all open items) to each letter</source>
        <translation>每封函件附上对账单（全部未结项目）</translation>
    </message>
    <message>
        <source>en</source>
        <comment>language code of the printed calibration page: en or zh</comment>
        <translation>zh</translation>
    </message>
    <message>
        <source>Calibration page</source>
        <translation>校准页</translation>
    </message>
</context>
<context>
    <name>LettersDialog</name>
    <message>
        <source>DIN 5008 form A (window envelope)</source>
        <translation>DIN 5008 A 式（开窗信封）</translation>
    </message>
    <message>
        <source>DIN 5008 form B (window envelope)</source>
        <translation>DIN 5008 B 式（开窗信封）</translation>
    </message>
    <message>
        <source>US #10 window envelope (Letter paper)</source>
        <translation>美式 10 号开窗信封（US Letter 纸）</translation>
    </message>
    <message>
        <source>Plain (envelope addressed by hand)</source>
        <translation>普通版式（手写信封地址）</translation>
    </message>
    <message>
        <source>Letters to issue — {0}</source>
        <translation>待开具催款函 — {0}</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <source>{0} customer(s) whose next step is a letter. Registered letters are not ticked: tick each one you mean to send. Issuing archives each letter with its fingerprint and marks the ladder step done; a customer that cannot be written to is skipped and listed with the reason.</source>
        <translation>共 {0} 个客户的下一步为发函。挂号函件默认不勾选：请逐一勾选确需寄出的函件。开具时每封函件连同其指纹一并归档，并将催收步骤标记为已完成；无法开具函件的客户将被跳过，并列明原因。</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Issue and print…</source>
        <translation>开具并打印…</translation>
    </message>
    <message>
        <source>Issue and save as PDF…</source>
        <translation>开具并另存为 PDF…</translation>
    </message>
    <message>
        <source>Preview — {0} (draft, not issued)</source>
        <translation>预览 — {0}（草稿，未开具）</translation>
    </message>
    <message>
        <source>A draft is not printed or saved: issue the letter, so that what is sent is archived with its fingerprint.</source>
        <translation>草稿不能打印或保存：请正式出具函件，以便寄出的文件连同其指纹一并存档。</translation>
    </message>
    <message>
        <source>Issuing {0} letter(s)…</source>
        <translation>正在开具 {0} 封函件…</translation>
    </message>
    <message>
        <source>Print letters</source>
        <translation>打印函件</translation>
    </message>
    <message>
        <source>Save letters as PDF</source>
        <translation>将函件另存为 PDF</translation>
    </message>
</context>
<context>
    <name>ListPrinting</name>
    <message>
        <source>en</source>
        <comment>language code of printed lists: en or zh</comment>
        <translation>zh</translation>
    </message>
    <message>
        <source>The first {0} of {1} rows are printed; narrow the list with its filters to print the rest.</source>
        <translation>共 {1} 行，只打印了前 {0} 行；请用筛选条件缩小列表后再打印其余部分。</translation>
    </message>
</context>
<context>
    <name>ListTab</name>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
</context>
<context>
    <name>MailRegisterDialog</name>
    <message>
        <source>Letters and registered mail</source>
        <translation>函件与挂号信</translation>
    </message>
    <message>
        <source>Open letter…</source>
        <translation>打开函件…</translation>
    </message>
    <message>
        <source>Verify fingerprint</source>
        <translation>校验指纹</translation>
    </message>
    <message>
        <source>Posted…</source>
        <translation>已寄出…</translation>
    </message>
    <message>
        <source>Delivered…</source>
        <translation>已送达…</translation>
    </message>
    <message>
        <source>Returned…</source>
        <translation>已退回…</translation>
    </message>
    <message>
        <source>Attach receipt…</source>
        <translation>附加回执…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Mailing book…</source>
        <translation>邮寄登记簿…</translation>
    </message>
    <message>
        <source>Every issued letter, its fingerprint and its way through the post. Corrections are added to the log; nothing is overwritten.</source>
        <translation>每封已开具的函件、其指纹及邮寄过程。更正会追加到记录中，不会覆盖任何内容。</translation>
    </message>
    <message>
        <source>{0} as issued</source>
        <translation>{0}（开具原件）</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Scan of the receipt</source>
        <translation>回执扫描件</translation>
    </message>
    <message>
        <source>Mailing book</source>
        <translation>邮寄登记簿</translation>
    </message>
    <message>
        <source>Select letters already recorded as posted.</source>
        <translation>请选择已登记为寄出的函件。</translation>
    </message>
</context>
<context>
    <name>MailTextDialog</name>
    <message>
        <source>E-mail reminder</source>
        <translation>邮件提醒</translation>
    </message>
    <message>
        <source>No mail program answered. Copy the text, paste it into a new message of your webmail and send it; the reminder is logged in the collection file when you copy it.</source>
        <translation>没有邮件程序响应。请复制正文，粘贴到网页邮箱的新邮件中发送；复制时该提醒会记入催收档案。</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Copy the text</source>
        <translation>复制文本</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>AR Desktop company (*.ardb);;All files (*)</source>
        <translation>AR Desktop 公司文件 (*.ardb);;所有文件 (*)</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客户记录</translation>
    </message>
    <message>
        <source>invoices</source>
        <translation>发票记录</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>付款记录</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>催收</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>信用</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New company…</source>
        <translation>新建公司(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Company &amp;profile…</source>
        <translation>公司资料(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Import CSV</source>
        <translation>导入 CSV(&amp;I)</translation>
    </message>
    <message>
        <source>Customers…</source>
        <translation>客户…</translation>
    </message>
    <message>
        <source>Invoices…</source>
        <translation>发票…</translation>
    </message>
    <message>
        <source>Payments…</source>
        <translation>付款…</translation>
    </message>
    <message>
        <source>&amp;Close company</source>
        <translation>关闭公司(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>Collection &amp;ladder…</source>
        <translation>催收流程(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Collections and credit…</source>
        <translation>催收与信用(&amp;C)…</translation>
    </message>
    <message>
        <source>Credit &amp;insurance policies…</source>
        <translation>信用保险保单(&amp;I)…</translation>
    </message>
    <message>
        <source>Credit &amp;risk…</source>
        <translation>信用风险(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About AR Desktop</source>
        <translation>关于 AR Desktop(&amp;A)</translation>
    </message>
    <message>
        <source>No company file is open.
Create one for each company whose books you keep.</source>
        <translation>尚未打开公司文件。
请为您记账的每家公司分别创建一个公司文件。</translation>
    </message>
    <message>
        <source>New company…</source>
        <translation>新建公司…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Recent company files</source>
        <translation>最近的账套文件</translation>
    </message>
    <message>
        <source>{0} — not found (moved or on a drive not connected)</source>
        <translation>{0} — 找不到（已移动，或所在的磁盘未连接）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>New company</source>
        <translation>新建公司</translation>
    </message>
    <message>
        <source>Company&apos;s legal name:</source>
        <translation>公司法定名称：</translation>
    </message>
    <message>
        <source>Save the new company file</source>
        <translation>保存新的公司文件</translation>
    </message>
    <message>
        <source>Open company file</source>
        <translation>打开公司文件</translation>
    </message>
    <message>
        <source>Opening {0} was cancelled; the file was not changed.</source>
        <translation>已取消打开 {0}；文件未作任何更改。</translation>
    </message>
    <message>
        <source>Checking {0}</source>
        <translation>正在检查 {0}</translation>
    </message>
    <message>
        <source>Upgrading {0}</source>
        <translation>正在升级 {0}</translation>
    </message>
    <message>
        <source>Damaged company file</source>
        <translation>公司文件已损坏</translation>
    </message>
    <message>
        <source>{0}: the Overview is ready; the other tabs are still loading…</source>
        <translation>{0}：概览已就绪，其他选项卡仍在加载…</translation>
    </message>
    <message>
        <source>{0}

Restore the latest good backup now? The damaged file is kept beside it.</source>
        <translation>{0}

现在恢复最近一份完好的备份吗？损坏的文件会保留在旁边。</translation>
    </message>
    <message>
        <source>Opening {0}…</source>
        <translation>正在打开 {0}…</translation>
    </message>
    <message>
        <source>Import {0} from CSV</source>
        <translation>从 CSV 导入{0}</translation>
    </message>
    <message>
        <source>CSV or Excel (*.csv *.xlsx);;All files (*)</source>
        <translation>CSV 或 Excel (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing {0}…</source>
        <translation>正在导入{0}…</translation>
    </message>
    <message>
        <source>About AR Desktop</source>
        <translation>关于 AR Desktop</translation>
    </message>
    <message>
        <source>AR Desktop {0}
Receivables and collections for bookkeepers.</source>
        <translation>AR Desktop {0}
面向记账人员的应收账款与催收管理软件。</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>1,234.56 or 1234.56</source>
        <translation>1,234.56 或 1234.56</translation>
    </message>
    <message>
        <source>1234.56 (no grouping)</source>
        <translation>1234.56（无千位分隔）</translation>
    </message>
    <message>
        <source>1.234,56 or 1234,56</source>
        <translation>1.234,56 或 1234,56</translation>
    </message>
    <message>
        <source>1234,56 (no grouping)</source>
        <translation>1234,56（无千位分隔）</translation>
    </message>
    <message>
        <source>1 234,56</source>
        <translation>1 234,56</translation>
    </message>
    <message>
        <source>1 234.56</source>
        <translation>1 234.56</translation>
    </message>
    <message>
        <source>1&apos;234.56</source>
        <translation>1&apos;234.56</translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation>匹配列</translation>
    </message>
    <message>
        <source>Each column of the file goes to a field, or is not imported. Matches are guessed from the column names and remembered for files with the same columns.</source>
        <translation>文件的每一列对应一个字段，或不导入。系统按列名自动匹配，并为列名相同的文件记住匹配。</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>前几个值</translation>
    </message>
    <message>
        <source>Create customers that the file names but the books do not have (the list is shown before anything is imported)</source>
        <translation>新建文件中有而账中没有的客户（导入前会先列出名单）</translation>
    </message>
    <message>
        <source>Amounts are written as:</source>
        <translation>金额写法：</translation>
    </message>
    <message>
        <source>{0}: {1} columns.</source>
        <translation>{0}：{1} 列。</translation>
    </message>
    <message>
        <source>Dates are written as:</source>
        <translation>日期格式：</translation>
    </message>
    <message>
        <source>Numbers or codes already in the books:</source>
        <translation>账簿中已有的编号或代码：</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— 不导入 —</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Please check</source>
        <translation>请检查</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>无法执行此操作</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong inside AR Desktop. The action was undone; nothing already stored was lost.</source>
        <translation>AR Desktop 内部出错。该操作已撤销，已保存的数据均未丢失。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，未做任何更改。</translation>
    </message>
    <message>
        <source>The as-of date is missing. Enter a date as YYYY-MM-DD.</source>
        <translation>缺少截止日期。请按 YYYY-MM-DD 格式输入日期。</translation>
    </message>
    <message>
        <source>The forecast covers 1 to {max} weeks, not {weeks}. Enter a number of weeks such as 13.</source>
        <translation>预测期为 1 至 {max} 周，不能是 {weeks}。请输入周数，例如 13。</translation>
    </message>
    <message>
        <source>The period must be from 1 to {max} days, not {days}. Enter a number of days such as 30, 90 or 365.</source>
        <translation>统计期间须为 1 至 {max} 天，不能是 {days}。请输入天数，例如 30、90 或 365。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a quarter. Write the year and the quarter, e.g. 2026Q1.</source>
        <translation>“{text}”不是有效的季度。请写年份和季度，例如 2026Q1。</translation>
    </message>
    <message>
        <source>Reports are printed in English (en) or Chinese (zh), not &apos;{language}&apos;.</source>
        <translation>报表可用英文（en）或中文（zh）打印，不能是“{language}”。</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>已履行</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>已违约</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>There is no customer with code &apos;{code}&apos;. Check the code in the customer list.</source>
        <translation>没有编号为“{code}”的客户。请在客户列表中核对编号。</translation>
    </message>
    <message>
        <source>The {what} {day} is in the future (today is {today}). Enter the day it happened.</source>
        <translation>{what} {day} 在未来（今天是 {today}）。请输入实际发生的日期。</translation>
    </message>
    <message>
        <source>The {what} is empty. Type a few words so the history says why.</source>
        <translation>{what}为空。请写几句话，让催收记录说明原因。</translation>
    </message>
    <message>
        <source>The {what} is longer than {max_note} characters. Shorten it.</source>
        <translation>{what}超过 {max_note} 个字符。请缩短。</translation>
    </message>
    <message>
        <source>The {what}: {problem}</source>
        <translation>{what}：{problem}</translation>
    </message>
    <message>
        <source>&apos;{credit_class}&apos; is not a credit class. Use A, B or C.</source>
        <translation>“{credit_class}”不是信用等级。请使用 A、B 或 C。</translation>
    </message>
    <message>
        <source>Paid {paid} of {amount} by {date}.</source>
        <translation>截至 {date} 已付 {paid}（应付 {amount}）。</translation>
    </message>
    <message>
        <source>Paid {paid} since {date}.</source>
        <translation>自 {date} 起已付 {paid}。</translation>
    </message>
    <message>
        <source>Promise to pay {amount} by {date} no longer kept: a payment it counted was reversed; {paid} received.</source>
        <translation>于 {date} 前付款 {amount} 的承诺不再视为已履行：计入的一笔收款已被冲销；实收 {paid}。</translation>
    </message>
    <message>
        <source>Paid {paid} of {amount} due by {date}.</source>
        <translation>截至 {date} 应付 {amount}，已付 {paid}。</translation>
    </message>
    <message>
        <source>Invoices {numbers} paid in full.</source>
        <translation>发票 {numbers} 已全额付清。</translation>
    </message>
    <message>
        <source>date of the step</source>
        <translation>步骤日期</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is not a step of {name}&apos;s collection ladder. Use one of: {keys}.</source>
        <translation>“{key}”不是{name}催收阶梯中的步骤。请使用以下之一：{keys}。</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>reason for skipping the step</source>
        <translation>跳过该步骤的原因</translation>
    </message>
    <message>
        <source>date of the note</source>
        <translation>备注日期</translation>
    </message>
    <message>
        <source>&apos;{outcome}&apos; is not a call outcome. Use one of: {call_outcomes}.</source>
        <translation>“{outcome}”不是电话催收结果。请使用以下之一：{call_outcomes}。</translation>
    </message>
    <message>
        <source>date of the call</source>
        <translation>通话日期</translation>
    </message>
    <message>
        <source>The customer promised to pay: enter the promised date and amount.</source>
        <translation>客户已承诺付款：请输入承诺付款日期和金额。</translation>
    </message>
    <message>
        <source>The customer disputes an invoice: enter the invoice number.</source>
        <translation>客户对发票有异议：请输入发票号。</translation>
    </message>
    <message>
        <source>date the promise was made</source>
        <translation>作出承诺的日期</translation>
    </message>
    <message>
        <source>promised date</source>
        <translation>承诺付款日期</translation>
    </message>
    <message>
        <source>The promised date {promised} is before the day the promise was made ({made_on}). Enter a date on or after it.</source>
        <translation>承诺付款日期 {promised} 早于作出承诺的日期（{made_on}）。请输入当日或之后的日期。</translation>
    </message>
    <message>
        <source>promised amount</source>
        <translation>承诺付款金额</translation>
    </message>
    <message>
        <source>{name} owes nothing on {made_on}, so there is nothing to promise.</source>
        <translation>{name}在 {made_on} 没有欠款，无需承诺付款。</translation>
    </message>
    <message>
        <source>The promised amount {value:.2f} is more than {name} owes on {made_on} ({open_units:.2f}). Enter at most the open balance.</source>
        <translation>承诺付款金额 {value:.2f} 超过{name}在 {made_on} 的欠款（{open_units:.2f}）。金额不得超过未结余额。</translation>
    </message>
    <message>
        <source>number of instalments</source>
        <translation>分期期数</translation>
    </message>
    <message>
        <source>days between instalments</source>
        <translation>每期间隔天数</translation>
    </message>
    <message>
        <source>date the plan starts</source>
        <translation>计划开始日期</translation>
    </message>
    <message>
        <source>first instalment date</source>
        <translation>首期付款日期</translation>
    </message>
    <message>
        <source>The first instalment ({first}) is before the plan starts ({start}). Enter a later date.</source>
        <translation>首期付款日期（{first}）早于计划开始日期（{start}）。请输入更晚的日期。</translation>
    </message>
    <message>
        <source>The first instalment ({first}) is more than {max_every_days} days after the plan starts ({start}). Enter an earlier date.</source>
        <translation>首期付款日期（{first}）比计划开始日期（{start}）晚了超过 {max_every_days} 天。请输入更早的日期。</translation>
    </message>
    <message>
        <source>Choose at least one invoice for the payment plan.</source>
        <translation>请为分期付款计划至少选择一张发票。</translation>
    </message>
    <message>
        <source>Invoice {number} belongs to another customer. Check the invoice number.</source>
        <translation>发票 {number} 属于其他客户。请核对发票号。</translation>
    </message>
    <message>
        <source>Invoice {number} is void; it cannot be in a payment plan.</source>
        <translation>发票 {number} 已作废，不能列入分期付款计划。</translation>
    </message>
    <message>
        <source>Invoice {number} is paid in full; there is nothing to pay in instalments.</source>
        <translation>发票 {number} 已全额付清，无需分期付款。</translation>
    </message>
    <message>
        <source>Invoice {number} is disputed. Resolve the dispute before agreeing a plan.</source>
        <translation>发票 {number} 存在争议。请先解决争议，再商定分期计划。</translation>
    </message>
    <message>
        <source>Invoice {number} was issued on {issue_date}, after the plan starts ({start}).</source>
        <translation>发票 {number} 的开票日期为 {issue_date}，晚于计划开始日期（{start}）。</translation>
    </message>
    <message>
        <source>Invoice {names} is already in a payment plan. Cancel that plan first.</source>
        <translation>发票 {names} 已在一个分期付款计划中。请先取消该计划。</translation>
    </message>
    <message>
        <source>{schedule} (invoices {numbers})</source>
        <translation>{schedule}（发票 {numbers}）</translation>
    </message>
    <message>
        <source>{what}. {note}</source>
        <translation>{what}。{note}</translation>
    </message>
    <message>
        <source>The {what} &apos;{value}&apos; must be a whole number from {lo} to {hi}.</source>
        <translation>{what}“{value}”必须是 {lo} 至 {hi} 之间的整数。</translation>
    </message>
    <message>
        <source>There is no payment plan {plan_id}.</source>
        <translation>没有编号为 {plan_id} 的分期付款计划。</translation>
    </message>
    <message>
        <source>Payment plan {plan_id} is already {status}; only an open plan can be cancelled.</source>
        <translation>分期付款计划 {plan_id} 的状态已是“{status}”；只有进行中的计划可以取消。</translation>
    </message>
    <message>
        <source>date the plan is cancelled</source>
        <translation>计划取消日期</translation>
    </message>
    <message>
        <source>reason for cancelling the plan</source>
        <translation>取消计划的原因</translation>
    </message>
    <message>
        <source>The plan starts on {starts_on}; it cannot be cancelled before that.</source>
        <translation>该计划于 {starts_on} 开始，在此之前不能取消。</translation>
    </message>
    <message>
        <source>date of the dispute</source>
        <translation>争议日期</translation>
    </message>
    <message>
        <source>reason of the dispute (what the customer contests)</source>
        <translation>争议原因（客户对什么有异议）</translation>
    </message>
    <message>
        <source>Invoice {number} is void; there is nothing to dispute.</source>
        <translation>发票 {number} 已作废，无可争议。</translation>
    </message>
    <message>
        <source>Invoice {number} is already disputed ({dispute_reason}). Resolve that dispute first.</source>
        <translation>发票 {number} 已有争议（{dispute_reason}）。请先解决该争议。</translation>
    </message>
    <message>
        <source>Invoice {number} is paid in full; there is nothing to dispute.</source>
        <translation>发票 {number} 已全额付清，无可争议。</translation>
    </message>
    <message>
        <source>Invoice {number} was issued on {issue_date}; it cannot be disputed on {day}. Enter a later date.</source>
        <translation>发票 {number} 的开票日期为 {issue_date}，不能在 {day} 提出争议。请输入更晚的日期。</translation>
    </message>
    <message>
        <source>disputed amount</source>
        <translation>争议金额</translation>
    </message>
    <message>
        <source>The disputed amount {units:.2f} is more than is open on invoice {number} ({open_units:.2f}).</source>
        <translation>争议金额 {units:.2f} 超过发票 {number} 的未结金额（{open_units:.2f}）。</translation>
    </message>
    <message>
        <source>Invoice {number} is not disputed.</source>
        <translation>发票 {number} 没有争议。</translation>
    </message>
    <message>
        <source>date the dispute was resolved</source>
        <translation>争议解决日期</translation>
    </message>
    <message>
        <source>There is no invoice number &apos;{number}&apos;. Check the number in the invoice list.</source>
        <translation>没有发票号为“{number}”的发票。请在发票列表中核对发票号。</translation>
    </message>
    <message>
        <source>date the hold starts</source>
        <translation>暂停赊销开始日期</translation>
    </message>
    <message>
        <source>hold end date</source>
        <translation>暂停赊销结束日期</translation>
    </message>
    <message>
        <source>The hold would end on {end}, before it starts ({day}). Enter a later end date.</source>
        <translation>暂停赊销将于 {end} 结束，早于开始日期（{day}）。请输入更晚的结束日期。</translation>
    </message>
    <message>
        <source>reason for the hold</source>
        <translation>暂停赊销的原因</translation>
    </message>
    <message>
        <source>date the hold is released</source>
        <translation>解除暂停赊销的日期</translation>
    </message>
    <message>
        <source>{name} is not on hold on {day}.</source>
        <translation>{name}在 {day} 未被暂停赊销。</translation>
    </message>
    <message>
        <source>{number}, due {date} (void)</source>
        <translation>{number}，到期日 {date}（已作废）</translation>
    </message>
    <message>
        <source>{number}, due {date}</source>
        <translation>{number}，到期日 {date}</translation>
    </message>
    <message>
        <source>{method}, ref. {ref}</source>
        <translation>{method}，参考号 {ref}</translation>
    </message>
    <message>
        <source>{kind} ({details})</source>
        <translation>{kind}（{details}）</translation>
    </message>
    <message>
        <source>reached</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>promised to pay</source>
        <translation>承诺付款</translation>
    </message>
    <message>
        <source>disputes an invoice</source>
        <translation>对发票提出异议</translation>
    </message>
    <message>
        <source>refused to pay</source>
        <translation>拒绝付款</translation>
    </message>
    <message>
        <source>{amount} by {date}</source>
        <translation>{date} 前付 {amount}</translation>
    </message>
    <message>
        <source>{amount} of invoice {number}</source>
        <translation>发票 {number} 的 {amount}</translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation>至 {date}</translation>
    </message>
    <message>
        <source>invoice {number}</source>
        <translation>发票 {number}</translation>
    </message>
    <message>
        <source>{what}: {note}</source>
        <translation>{what}：{note}</translation>
    </message>
    <message>
        <source>The promise grace period &apos;{grace}&apos; must be a whole number of days from 0 to {max_grace_days}.</source>
        <translation>承诺付款宽限期“{grace}”必须是 0 至 {max_grace_days} 之间的整数天数。</translation>
    </message>
    <message>
        <source>invoice amount</source>
        <translation>发票金额</translation>
    </message>
    <message>
        <source>{name} is on credit hold: agree with the person responsible before invoicing more on credit.</source>
        <translation>{name}已被暂停赊销：继续赊销开票前，请先与负责人商定。</translation>
    </message>
    <message>
        <source>This invoice would take {name}&apos;s open balance to {after}, above the credit limit of {limit} (by {excess}).</source>
        <translation>这张发票将使{name}的未结余额达到 {after}，超过信用额度 {limit}（超出 {excess}）。</translation>
    </message>
    <message>
        <source>{first} {second}</source>
        <translation>{first}{second}</translation>
    </message>
    <message>
        <source>reason for the override</source>
        <translation>超限开票的原因</translation>
    </message>
    <message>
        <source>Invoice {number}: {note}</source>
        <translation>发票 {number}：{note}</translation>
    </message>
    <message>
        <source>date of the override</source>
        <translation>超限开票日期</translation>
    </message>
    <message>
        <source>date of the review</source>
        <translation>复核日期</translation>
    </message>
    <message>
        <source>{name} has no e-mail address. Add it in the customer&apos;s details first.</source>
        <translation>{name}没有电子邮件地址。请先在客户资料中添加。</translation>
    </message>
    <message>
        <source>{name} has no overdue invoice on {as_of}; there is nothing to remind of.</source>
        <translation>{name}在 {as_of} 没有逾期发票，无需提醒。</translation>
    </message>
    <message>
        <source>The slip must be returned between today and {days} days from now. Choose another return date.</source>
        <translation>回执的寄回日期须在今天至 {days} 天之内。请另选寄回日期。</translation>
    </message>
    <message>
        <source>{name} owes nothing today; there is no balance to confirm.</source>
        <translation>{name}今天没有欠款，无需确认余额。</translation>
    </message>
    <message>
        <source>The note is longer than {most} characters. Shorten it.</source>
        <translation>备注超过 {most} 个字符。请缩短。</translation>
    </message>
    <message>
        <source>The customer does not agree: note the amount it states and why.</source>
        <translation>客户不同意：请记下客户所述金额及原因。</translation>
    </message>
    <message>
        <source>The return date {date} is in the future. Enter the day the slip came back.</source>
        <translation>寄回日期 {date} 在未来。请输入回执实际寄回的日期。</translation>
    </message>
    <message>
        <source>There is no balance confirmation {ref}.</source>
        <translation>没有对账确认函 {ref}。</translation>
    </message>
    <message>
        <source>Balance confirmation {ref} was already recorded as returned on {date}.</source>
        <translation>对账确认函 {ref} 已登记于 {date} 寄回。</translation>
    </message>
    <message>
        <source>The slip is dated {as_of}; it cannot have come back on {date}.</source>
        <translation>确认函日期为 {as_of}，不可能在 {date} 寄回。</translation>
    </message>
    <message>
        <source>Balance confirmation {ref}</source>
        <translation>余额确认函 {ref}</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a credit class. Use A, B or C.</source>
        <translation>“{value}”不是信用等级。请使用 A、B 或 C。</translation>
    </message>
    <message>
        <source>{name}: save the report to a file ending in .pdf.</source>
        <translation>{name}：请将报表保存为以 .pdf 结尾的文件。</translation>
    </message>
    <message>
        <source>{folder} already exists and is not an empty folder. Choose a new folder for the export; nothing was written.</source>
        <translation>{folder} 已存在且不是空文件夹。请为导出选择一个新文件夹；未写入任何内容。</translation>
    </message>
    <message>
        <source>Copying to {name}…</source>
        <translation>正在复制到 {name}…</translation>
    </message>
    <message>
        <source>Cannot write the backup {name} ({reason}). Choose a folder with room that you may write to.</source>
        <translation>无法写入备份 {name}（{reason}）。请选择一个有剩余空间且您有写入权限的文件夹。</translation>
    </message>
    <message>
        <source>The disk holding {name} is full; the backup was not made and nothing was left behind. Free some space or choose another disk, then back up again.</source>
        <translation>{name} 所在的磁盘已满；备份未完成，也未留下任何残余文件。请释放一些空间或选择其他磁盘，然后重新备份。</translation>
    </message>
    <message>
        <source>The disk holding {name} is full, so the backup could not be restored; {name} was not changed and nothing was left behind. Free some space, then restore again.</source>
        <translation>{name} 所在的磁盘已满，无法恢复备份；{name} 未被更改，也未留下任何残余文件。请释放一些空间后重新恢复。</translation>
    </message>
    <message>
        <source>The backup could not be restored ({reason}); {name} was not changed. Check the disk and the folder, then restore again.</source>
        <translation>无法恢复备份（{reason}）；{name} 未被更改。请检查磁盘和文件夹后重新恢复。</translation>
    </message>
    <message>
        <source>{name} is the name of a working file of SQLite or AR Desktop (ending in -wal, -shm, -journal, .lock, .part or .restoring); a backup there could be deleted or mixed into another file. Choose a name ending in .ardb. Nothing was changed.</source>
        <translation>{name} 是 SQLite 或 AR Desktop 工作文件的名称（以 -wal、-shm、-journal、.lock、.part 或 .restoring 结尾）；备份放在这里可能被删除或混入其他文件。请选择以 .ardb 结尾的文件名。未做任何更改。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist. Choose an existing folder.</source>
        <translation>文件夹 {folder} 不存在。请选择一个已有的文件夹。</translation>
    </message>
    <message>
        <source>{name} is the company file itself; choose another file for the backup. Nothing was changed.</source>
        <translation>{name} 就是账套文件本身；请为备份另选一个文件。未做任何更改。</translation>
    </message>
    <message>
        <source>{path} is a folder or a device, not a file; it was not changed. Choose a file name.</source>
        <translation>{path} 是文件夹或设备，不是文件；未做更改。请选择一个文件名。</translation>
    </message>
    <message>
        <source>{name} is a company file open in AR Desktop (here or in another window or process); it was not replaced. Close it there, or choose another name for the backup.</source>
        <translation>{name} 是正在 AR Desktop 中打开的账套文件（在本窗口或另一个窗口、进程中）；未被替换。请先在那里关闭它，或为备份另选一个名称。</translation>
    </message>
    <message>
        <source>{name} is in use by another program, or was not closed cleanly (its -wal, -shm or -journal file is beside it); it was not replaced. Choose another name for the backup.</source>
        <translation>{name} 正被其他程序使用，或上次未正常关闭（旁边还有它的 -wal、-shm 或 -journal 文件）；未被替换。请为备份另选一个名称。</translation>
    </message>
    <message>
        <source>Keep between 1 and 1000 automatic backups.</source>
        <translation>自动备份的保留份数须在 1 至 1000 之间。</translation>
    </message>
    <message>
        <source>There is no backup file at {path}. Check the name and folder.</source>
        <translation>{path} 处没有备份文件。请核对文件名和文件夹。</translation>
    </message>
    <message>
        <source>{name} is empty; it is not a backup of a company file.</source>
        <translation>{name} 是空文件，不是公司账套文件的备份。</translation>
    </message>
    <message>
        <source>{name} is not a sound backup ({problems}). Choose another backup; the company file was not changed.</source>
        <translation>{name} 不是完好的备份（{problems}）。请选择另一个备份；公司账套文件未作任何更改。</translation>
    </message>
    <message>
        <source>{name} was written by a newer version of AR Desktop (schema {schema}). Install the newer version to restore it; nothing was changed.</source>
        <translation>{name} 由较新版本的 AR Desktop 写入（结构版本 {schema}）。请安装新版本后再恢复；未作任何更改。</translation>
    </message>
    <message>
        <source>That is the company file itself; choose a backup file to restore.</source>
        <translation>这是公司账套文件本身；请选择要恢复的备份文件。</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>正在写入 {name}…</translation>
    </message>
    <message>
        <source>Cannot write the export to {folder}: {reason}. Check that the disk has room and that you may write there; nothing was left behind.</source>
        <translation>无法将导出写入 {folder}：{reason}。请检查磁盘空间和写入权限；未留下任何文件。</translation>
    </message>
    <message>
        <source>{folder} is not a company export (its manifest.json is missing or not one that export-company writes).</source>
        <translation>{folder} 不是公司导出文件夹（缺少 manifest.json，或不是 export-company 写出的）。</translation>
    </message>
    <message>
        <source>{folder} was written by a newer version of AR Desktop. Update the program to import it.</source>
        <translation>{folder} 由更新版本的 AR Desktop 写出。请先升级程序再导入。</translation>
    </message>
    <message>
        <source>{file} in {folder} is missing or was changed after the export (its SHA-256 differs from the manifest). Export the company again.</source>
        <translation>{folder} 中的 {file} 缺失或在导出后被改动（其 SHA-256 与清单不符）。请重新导出公司。</translation>
    </message>
    <message>
        <source>{path} already exists. import-company builds a new company file; choose a name that is not taken.</source>
        <translation>{path} 已存在。import-company 会新建公司账套文件；请选择未被占用的文件名。</translation>
    </message>
    <message>
        <source>{path} already exists; move it away first (it would hold the imported letters).</source>
        <translation>{path} 已存在；请先移走（它将存放导入的催款函）。</translation>
    </message>
    <message>
        <source>{file} cannot be imported, so no company file was made: {problems}</source>
        <translation>{file} 无法导入，因此未建立公司账套文件：{problems}</translation>
    </message>
    <message>
        <source>{file}, column {column}: {problem} (&apos;{value}&apos;); no company file was made.</source>
        <translation>{file}，{column} 列：{problem}（“{value}”）；未建立公司账套文件。</translation>
    </message>
    <message>
        <source>{file} holds {rows} rows but {count} were imported; no company file was made.</source>
        <translation>{file} 有 {rows} 行，但只导入了 {count} 行；未建立公司账套文件。</translation>
    </message>
    <message>
        <source>The quarter {quarter} has not begun yet (today is {today}). Choose a quarter that has.</source>
        <translation>季度 {quarter} 尚未开始（今天是 {today}）。请选择已开始的季度。</translation>
    </message>
    <message>
        <source>{what} {note}</source>
        <translation>{what} {note}</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a review decision. Choose keep, change_limit, change_class or stop_supplying.</source>
        <translation>“{value}”不是有效的复核决定。请选择 keep、change_limit、change_class 或 stop_supplying。</translation>
    </message>
    <message>
        <source>Enter the new credit limit (an amount greater than zero).</source>
        <translation>请输入新的信用额度（大于零的金额）。</translation>
    </message>
    <message>
        <source>The new credit limit is the same as the current one. Choose “keep” or enter another limit.</source>
        <translation>新的信用额度与当前额度相同。请选择“维持不变”或输入其他额度。</translation>
    </message>
    <message>
        <source>Choose the new credit class: A, B or C.</source>
        <translation>请选择新的信用等级：A、B 或 C。</translation>
    </message>
    <message>
        <source>The customer is already in class {cls}. Choose “keep” or another class.</source>
        <translation>该客户已是 {cls} 级。请选择“维持不变”或其他等级。</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
    <message>
        <source>Notify the insurer</source>
        <translation>通知保险公司</translation>
    </message>
    <message>
        <source>Transfer collection to the insurer</source>
        <translation>将催收移交保险公司</translation>
    </message>
    <message>
        <source>Limitation runs out</source>
        <translation>诉讼时效即将届满</translation>
    </message>
    <message>
        <source>Credit review due</source>
        <translation>应进行信用复核</translation>
    </message>
    <message>
        <source>Write off small balance</source>
        <translation>核销小额余额</translation>
    </message>
    <message>
        <source>Notify {insurer} of the overdue account (policy {policy}) by {date}: the invoice due on {due} is unpaid beyond the maximum extension period.</source>
        <translation>请于 {date} 前向{insurer}申报逾期账款（保单 {policy}）：{due} 到期的发票已超过最长延展期仍未付款。</translation>
    </message>
    <message>
        <source>Transfer the collection to {insurer} (policy {policy}) by {date} unless the customer pays.</source>
        <translation>如客户仍未付款，请于 {date} 前将催收移交{insurer}（保单 {policy}）。</translation>
    </message>
    <message>
        <source>Invoice {number} becomes time-barred on {date}. Sue, or get a part payment or an acknowledgement, before then.</source>
        <translation>发票 {number} 的诉讼时效于 {date} 届满。请在此之前起诉，或取得部分付款或债务确认。</translation>
    </message>
    <message>
        <source>Invoice {number} has been time-barred since {date}.</source>
        <translation>发票 {number} 自 {date} 起已过诉讼时效。</translation>
    </message>
    <message>
        <source>The credit check of {date} asked for a review by {review}.</source>
        <translation>{date} 的信用调查要求在 {review} 前复核。</translation>
    </message>
    <message>
        <source>{overdue} overdue is less than one collection step costs ({cost}); the last letter went out on {date}. Write it off?</source>
        <translation>逾期金额 {overdue} 低于一次催收步骤的成本（{cost}）；最后一封催款函已于 {date} 发出。是否核销？</translation>
    </message>
    <message>
        <source>The credit check date {date} is in the future. Enter the day the check was made.</source>
        <translation>信用调查日期 {date} 在未来。请输入实际调查的日期。</translation>
    </message>
    <message>
        <source>{name} has no sales in the last 12 months, so there is no suggested limit to apply.</source>
        <translation>{name}最近 12 个月没有销售，因此没有可采用的建议额度。</translation>
    </message>
    <message>
        <source>until it has invoices of several months</source>
        <translation>直至有数月的开票记录</translation>
    </message>
    <message>
        <source>{name} is a new customer: its credit limit counts as at most {cap} {currency} ({until}). This invoice takes the open balance to {after} {currency}.</source>
        <translation>{name}是新客户：其信用额度按最多 {cap} {currency} 计算（{until}）。这张发票将使未付余额达到 {after} {currency}。</translation>
    </message>
    <message>
        <source>The {what} &apos;{value}&apos; must be a whole number of days, e.g. 60.</source>
        <translation>{what}“{value}”必须是整数天数，例如 60。</translation>
    </message>
    <message>
        <source>The indemnity percentage &apos;{value}&apos; is not a number. Type it as on the policy, e.g. 90.</source>
        <translation>赔付比例“{value}”不是数字。请按保单填写，例如 90。</translation>
    </message>
    <message>
        <source>The {what} {date} is in the future (today is {today}). Enter the day it happened.</source>
        <translation>{what} {date} 在未来（今天是 {today}）。请输入实际发生的日期。</translation>
    </message>
    <message>
        <source>maximum extension period</source>
        <translation>最长延展期</translation>
    </message>
    <message>
        <source>notification period</source>
        <translation>申报期限</translation>
    </message>
    <message>
        <source>transfer-of-collection period</source>
        <translation>移交催收期限</translation>
    </message>
    <message>
        <source>maximum credit period</source>
        <translation>最长信用期</translation>
    </message>
    <message>
        <source>Policy {number} is already recorded. Edit it instead of adding it again.</source>
        <translation>保单 {number} 已登记。请修改该保单，不要重复添加。</translation>
    </message>
    <message>
        <source>No credit insurance policy is recorded. Add the policy first (insurer, number, indemnity and periods).</source>
        <translation>尚未登记信用保险保单。请先添加保单（保险公司、保单号、赔付比例和各项期限）。</translation>
    </message>
    <message>
        <source>There is no policy number {number}. Use one of: {numbers}.</source>
        <translation>没有保单号 {number}。请使用以下之一：{numbers}。</translation>
    </message>
    <message>
        <source>This file holds several policies: say which one covers the customer ({numbers}).</source>
        <translation>本账套有多份保单：请指明承保该客户的保单（{numbers}）。</translation>
    </message>
    <message>
        <source>decision date</source>
        <translation>批复日期</translation>
    </message>
    <message>
        <source>end of the limit</source>
        <translation>限额截止日期</translation>
    </message>
    <message>
        <source>&apos;{kind}&apos; is not an insurer event. Use notified, transferred, claim_filed or indemnified.</source>
        <translation>“{kind}”不是保险事项。请使用 notified、transferred、claim_filed 或 indemnified。</translation>
    </message>
    <message>
        <source>date of the event</source>
        <translation>事项日期</translation>
    </message>
    <message>
        <source>{name} has no insured limit; there is nothing to report to an insurer. Record the insured limit first.</source>
        <translation>{name}没有保险限额，无需向保险公司报告。请先登记保险限额。</translation>
    </message>
    <message>
        <source>Enter the amount of the claim or of the indemnity received.</source>
        <translation>请输入索赔金额或已收到的赔款金额。</translation>
    </message>
    <message>
        <source>{code} has no insured limit; there is nothing to notify an insurer of.</source>
        <translation>{code} 没有保险限额，无需向保险公司申报。</translation>
    </message>
    <message>
        <source>--within must be a whole number of days, 0 or more.</source>
        <translation>--within 必须是 0 或以上的整数天数。</translation>
    </message>
    <message>
        <source>The acknowledgement date {date} is in the future (today is {today}). Enter the day the customer acknowledged the debt.</source>
        <translation>债务确认日期 {date} 在未来（今天是 {today}）。请输入客户确认债务的日期。</translation>
    </message>
    <message>
        <source>Invoice {number} is not in the books. Check the number.</source>
        <translation>账簿中没有发票 {number}。请核对发票号。</translation>
    </message>
    <message>
        <source>Invoice {number} is void; there is no debt to acknowledge.</source>
        <translation>发票 {number} 已作废，没有可确认的债务。</translation>
    </message>
    <message>
        <source>Invoice {number} was issued on {issued}; it cannot have been acknowledged on {date}.</source>
        <translation>发票 {number} 开具于 {issued}，不可能在 {date} 被确认。</translation>
    </message>
    <message>
        <source>Invoice {number} was fully paid on {date}; there was nothing left to acknowledge.</source>
        <translation>发票 {number} 在 {date} 已全部付清，没有剩余可确认的债务。</translation>
    </message>
    <message>
        <source>{code} is not suggested for a write-off on {date}: its overdue balance is not below the cost of one collection step, or its last letter has not been sent.</source>
        <translation>{code} 在 {date} 不建议核销：其逾期余额不低于一次催收步骤的成本，或最后一封催款函尚未发出。</translation>
    </message>
    <message>
        <source>registry extract</source>
        <translation>工商登记信息</translation>
    </message>
    <message>
        <source>financial statements</source>
        <translation>财务报表</translation>
    </message>
    <message>
        <source>credit report</source>
        <translation>信用报告</translation>
    </message>
    <message>
        <source>trade references</source>
        <translation>同业评价</translation>
    </message>
    <message>
        <source>bank information</source>
        <translation>银行资信</translation>
    </message>
    <message>
        <source>credit granted</source>
        <translation>给予信用</translation>
    </message>
    <message>
        <source>credit granted with conditions</source>
        <translation>有条件给予信用</translation>
    </message>
    <message>
        <source>credit refused</source>
        <translation>拒绝给予信用</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a source of a credit check. Use registry, financials, credit_report, trade_references or bank.</source>
        <translation>“{value}”不是信用调查的信息来源。请使用 registry、financials、credit_report、trade_references 或 bank。</translation>
    </message>
    <message>
        <source>Tick at least one source consulted (registry extract, financial statements, credit report, trade references, bank).</source>
        <translation>请至少勾选一项调查来源（工商登记信息、财务报表、信用报告、同业评价、银行资信）。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a credit decision. Use approved, approved_with_conditions or declined.</source>
        <translation>“{value}”不是信用决定。请使用 approved、approved_with_conditions 或 declined。</translation>
    </message>
    <message>
        <source>Write down the findings: what the sources showed and why you decided so.</source>
        <translation>请写明调查结论：各来源显示了什么，以及作出该决定的理由。</translation>
    </message>
    <message>
        <source>The findings are longer than {most} characters. Shorten them.</source>
        <translation>调查结论超过 {most} 个字符。请缩短。</translation>
    </message>
    <message>
        <source>Credit was refused: leave the limit granted empty.</source>
        <translation>已拒绝给予信用：授予额度请留空。</translation>
    </message>
    <message>
        <source>Enter the credit limit granted (more than zero).</source>
        <translation>请输入授予的信用额度（大于零）。</translation>
    </message>
    <message>
        <source>The credit limit granted cannot be negative.</source>
        <translation>授予的信用额度不能为负数。</translation>
    </message>
    <message>
        <source>The next review ({review}) must come after the check ({date}).</source>
        <translation>下次复核日期（{review}）必须晚于调查日期（{date}）。</translation>
    </message>
    <message>
        <source>The next review is more than {years} years away. Review credit at least that often.</source>
        <translation>下次复核距今超过 {years} 年。请至少按此频率复核信用。</translation>
    </message>
    <message>
        <source>{sales} sales in {months} months = {per_month} a month × ({terms} days terms + {late} days late on average) ÷ 30 × {factor} (class {cls}) = {exact}, rounded down to {limit}</source>
        <translation>{months} 个月销售额 {sales} = 每月 {per_month} ×（账期 {terms} 天 + 平均逾期 {late} 天）÷ 30 × {factor}（{cls} 类）= {exact}，向下取整为 {limit}</translation>
    </message>
    <message>
        <source>The cap on a new customer&apos;s credit limit cannot be negative.</source>
        <translation>新客户信用额度上限不能为负数。</translation>
    </message>
    <message>
        <source>The months of history a new customer needs must be a whole number from 0 to 60.</source>
        <translation>新客户所需的往来月数必须是 0 到 60 之间的整数。</translation>
    </message>
    <message>
        <source>covered</source>
        <translation>在保</translation>
    </message>
    <message>
        <source>notify the insurer now</source>
        <translation>应立即通知保险公司</translation>
    </message>
    <message>
        <source>notification late</source>
        <translation>逾期未申报</translation>
    </message>
    <message>
        <source>notified</source>
        <translation>已申报</translation>
    </message>
    <message>
        <source>transfer of collection late</source>
        <translation>逾期未移交催收</translation>
    </message>
    <message>
        <source>collection transferred</source>
        <translation>已移交催收</translation>
    </message>
    <message>
        <source>not insured</source>
        <translation>未投保</translation>
    </message>
    <message>
        <source>overdue account notified to the insurer</source>
        <translation>已向保险公司申报逾期账款</translation>
    </message>
    <message>
        <source>collection transferred to the insurer</source>
        <translation>已将催收移交保险公司</translation>
    </message>
    <message>
        <source>claim filed with the insurer</source>
        <translation>已向保险公司提出索赔</translation>
    </message>
    <message>
        <source>indemnity received</source>
        <translation>已收到保险赔款</translation>
    </message>
    <message>
        <source>The insurer&apos;s name is empty. Type it as on the policy.</source>
        <translation>保险公司名称为空。请按保单填写。</translation>
    </message>
    <message>
        <source>The policy number is empty. Copy it from the policy.</source>
        <translation>保单号为空。请从保单上抄录。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is longer than {most} characters. Shorten it.</source>
        <translation>“{value}”超过 {most} 个字符。请缩短。</translation>
    </message>
    <message>
        <source>The indemnity percentage {value} must be more than 0 and at most 100, e.g. 90.</source>
        <translation>赔付比例 {value} 必须大于 0 且不超过 100，例如 90。</translation>
    </message>
    <message>
        <source>The {what} &apos;{value}&apos; must be a whole number of days from 0 to {most}.</source>
        <translation>{what}“{value}”必须是 0 到 {most} 之间的整数天数。</translation>
    </message>
    <message>
        <source>The transfer of collection ({transfer} days) cannot be due before the notification ({notify} days). Check the periods on the policy.</source>
        <translation>移交催收期限（{transfer} 天）不能早于申报期限（{notify} 天）。请核对保单上的期限。</translation>
    </message>
    <message>
        <source>The discretionary limit cannot be negative.</source>
        <translation>自主限额不能为负数。</translation>
    </message>
    <message>
        <source>The insured limit cannot be negative. Enter 0 when the insurer withdrew the cover.</source>
        <translation>保险限额不能为负数。保险公司撤销承保时请输入 0。</translation>
    </message>
    <message>
        <source>The limit would end on {until}, before it starts ({start}). Enter a later end date.</source>
        <translation>限额截止于 {until}，早于生效日（{start}）。请输入更晚的截止日期。</translation>
    </message>
    <message>
        <source>The insurer&apos;s reference is longer than {most} characters.</source>
        <translation>保险公司批复编号超过 {most} 个字符。</translation>
    </message>
    <message>
        <source>Policy {number} allows no limit you set yourself: enter the insurer&apos;s reference of its credit-limit decision.</source>
        <translation>保单 {number} 不允许自行设定限额：请输入保险公司限额批复的编号。</translation>
    </message>
    <message>
        <source>A limit above the discretionary limit of {most} needs the insurer&apos;s decision: enter its reference.</source>
        <translation>超过自主限额 {most} 的限额须经保险公司批复：请输入批复编号。</translation>
    </message>
    <message>
        <source>An invoice of this customer due on {due} is unpaid beyond the policy&apos;s maximum extension period (since {since}): new deliveries are no longer covered by the credit insurance.</source>
        <translation>该客户 {due} 到期的发票已超过保单最长延展期仍未付款（自 {since} 起）：新的发货不再受信用保险保障。</translation>
    </message>
    <message>
        <source>This invoice takes the exposure to {after}, above the insured limit of {limit}: {uninsured} would not be insured.</source>
        <translation>这张发票将使风险敞口达到 {after}，超过保险限额 {limit}：其中 {uninsured} 将不在承保范围内。</translation>
    </message>
    <message>
        <source>The invoice gives {days} days to pay, more than the {most} days the policy covers: it is not insured.</source>
        <translation>该发票给予 {days} 天付款期，超过保单承保的 {most} 天：不在承保范围内。</translation>
    </message>
    <message>
        <source>China</source>
        <translation>中国</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>德国</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>英国</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>美国</translation>
    </message>
    <message>
        <source>no limitation clock</source>
        <translation>不计诉讼时效</translation>
    </message>
    <message>
        <source>part payment</source>
        <translation>部分付款</translation>
    </message>
    <message>
        <source>written acknowledgement</source>
        <translation>书面债务确认</translation>
    </message>
    <message>
        <source>oral acknowledgement</source>
        <translation>口头债务确认</translation>
    </message>
    <message>
        <source>returned balance confirmation</source>
        <translation>已回签的对账确认函</translation>
    </message>
    <message>
        <source>demand letter delivered</source>
        <translation>催款函已送达</translation>
    </message>
    <message>
        <source>China: the claim is time-barred 3 years after the due date. A demand letter whose delivery is recorded, a part payment or an acknowledgement by the customer starts the 3 years again from that day.</source>
        <translation>中国：诉讼时效为到期日起 3 年。已登记送达的催款函、部分付款或客户对债务的确认，均使 3 年时效自该日起重新计算。</translation>
    </message>
    <message>
        <source>Germany: the claim is time-barred on 31 December of the third year after the year it fell due. A part payment or an acknowledgement starts 3 years again from that day (no year-end); letters and reminders do not.</source>
        <translation>德国：债权于到期当年之后第三年的 12 月 31 日届满。部分付款或债务确认使 3 年时效自该日起重新计算（不再顺延至年末）；催款函和提醒函不能使其重新计算。</translation>
    </message>
    <message>
        <source>United Kingdom: the claim is time-barred 6 years after the due date. A part payment or an acknowledgement in writing signed by the customer starts the 6 years again; letters and phone calls do not.</source>
        <translation>英国：诉讼时效为到期日起 6 年。部分付款或客户签署的书面债务确认使 6 年时效重新计算；催款函和电话不能使其重新计算。</translation>
    </message>
    <message>
        <source>United States: the claim is time-barred {years} years after the due date. Only a part payment starts the period again; letters and acknowledgements do not.</source>
        <translation>美国：诉讼时效为到期日起 {years} 年。只有部分付款才使时效重新计算；催款函和债务确认不能。</translation>
    </message>
    <message>
        <source>No limitation clock is kept for this customer.</source>
        <translation>该客户不计算诉讼时效。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a limitation jurisdiction. Use cn, de, uk, us or none, or leave it empty to follow the company&apos;s country.</source>
        <translation>“{value}”不是诉讼时效适用地区。请使用 cn、de、uk、us 或 none，或留空以按本公司所在国家确定。</translation>
    </message>
    <message>
        <source>The US limitation period &apos;{years}&apos; must be a whole number of years from 1 to {most}.</source>
        <translation>美国诉讼时效期间“{years}”必须是 1 到 {most} 之间的整数年。</translation>
    </message>
    <message>
        <source>The limitation warning period &apos;{days}&apos; must be a whole number of days from 0 to {most}.</source>
        <translation>诉讼时效提前提醒天数“{days}”必须是 0 到 {most} 之间的整数。</translation>
    </message>
    <message>
        <source>Small balance: {overdue} {currency} overdue is less than the cost of one collection step ({cost} {currency}); the last letter was sent on {date}.</source>
        <translation>小额余额：逾期 {overdue} {currency}，低于一次催收步骤的成本（{cost} {currency}）；最后一封催款函已于 {date} 发出。</translation>
    </message>
    <message>
        <source>The cost of one collection step cannot be negative. Leave it empty to have no write-off suggestions.</source>
        <translation>一次催收步骤的成本不能为负数。如不需要核销建议，请留空。</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>invoices</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {message}</source>
        <translation>第 {row} 行，{column} 列：{message}</translation>
    </message>
    <message>
        <source>row {row}: {message}</source>
        <translation>第 {row} 行：{message}</translation>
    </message>
    <message>
        <source>{count} {kind} imported</source>
        <translation>已导入 {count} 条{kind}</translation>
    </message>
    <message>
        <source>{count} updated</source>
        <translation>更新 {count} 条</translation>
    </message>
    <message>
        <source>{count} already there and skipped</source>
        <translation>{count} 条已存在，已跳过</translation>
    </message>
    <message>
        <source>{count} new customers</source>
        <translation>新建客户 {count} 个</translation>
    </message>
    <message>
        <source>{count} payments from settlement dates</source>
        <translation>按结清日期登记收款 {count} 笔</translation>
    </message>
    <message>
        <source>{name}: {count} problem(s), nothing was imported. Fix them (the wizard saves the list as CSV) and import again: {shown}{more}</source>
        <translation>{name}：{count} 个问题，未导入任何记录。请修正后重新导入（导入向导可将问题清单另存为 CSV）：{shown}{more}</translation>
    </message>
    <message>
        <source>; and {count} more</source>
        <translation>；另有 {count} 个</translation>
    </message>
    <message>
        <source>Cannot import &apos;{kind}&apos;; choose customers, invoices or payments.</source>
        <translation>无法导入“{kind}”；请选择客户、发票或收款。</translation>
    </message>
    <message>
        <source>Unknown import mode &apos;{mode}&apos;; choose refuse, skip or update.</source>
        <translation>未知的导入方式“{mode}”；请选择拒绝、跳过或更新。</translation>
    </message>
    <message>
        <source>Unknown date format &apos;{format}&apos;; choose one of {choices}.</source>
        <translation>未知的日期格式“{format}”；请从以下格式中选择：{choices}。</translation>
    </message>
    <message>
        <source>Unknown field(s) {fields} for {kind}.</source>
        <translation>{kind} 没有字段 {fields}。</translation>
    </message>
    <message>
        <source>More than one column is mapped to {fields}. Map each field to one column.</source>
        <translation>多个列对应到 {fields}。每个字段只能对应一列。</translation>
    </message>
    <message>
        <source>Map a column to: {fields} (required for {kind}).</source>
        <translation>请为以下字段指定列：{fields}（{kind} 必填）。</translation>
    </message>
    <message>
        <source>{name}: unknown column(s) {columns}; the columns of {kind} are {allowed}.</source>
        <translation>{name}：未知的列 {columns}；{kind} 的列为 {allowed}。</translation>
    </message>
    <message>
        <source>has {cells} cells but the header has {columns}; check the separators and quotes on that row</source>
        <translation>有 {cells} 个单元格，而表头有 {columns} 列；请检查该行的分隔符和引号</translation>
    </message>
    <message>
        <source>Checking row {row}</source>
        <translation>正在检查第 {row} 行</translation>
    </message>
    <message>
        <source>{name} has no data rows in the mapped columns; there is nothing to import.</source>
        <translation>{name} 在所选列中没有数据行，没有可导入的内容。</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>正在保存</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}. Choose another folder.</source>
        <translation>无法写入 {path}：{reason}。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>The {what} is empty. Enter a date as {format}.</source>
        <translation>{what}为空。请按 {format} 格式输入日期。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a valid {what} in the format {format}. Choose the file&apos;s date format, or fix the cell.</source>
        <translation>“{text}”不是 {format} 格式的有效{what}。请选择文件所用的日期格式，或修改该单元格。</translation>
    </message>
    <message>
        <source>Amounts cannot be written with &apos;{decimal}&apos; as decimal separator and &apos;{group}&apos; as grouping separator.</source>
        <translation>金额不能同时以“{decimal}”作小数点、以“{group}”作千位分隔符。</translation>
    </message>
    <message>
        <source>Unknown number format &apos;{key}&apos;; choose one of {choices}.</source>
        <translation>未知的数字格式“{key}”；请从以下格式中选择：{choices}。</translation>
    </message>
    <message>
        <source>{value} has more decimals than {currency} allows ({places}). Round the amount to the smallest unit of the currency.</source>
        <translation>{value} 的小数位数超过 {currency} 允许的位数（{places} 位）。请将金额舍入到该币种的最小单位。</translation>
    </message>
    <message>
        <source>&apos;{code}&apos; is not a known currency code. Use a three-letter ISO code such as EUR, USD or CNY.</source>
        <translation>“{code}”不是已知的币种代码。请使用三个字母的 ISO 代码，例如 EUR、USD 或 CNY。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not an amount. Type digits 0-9 with &apos;{decimal}&apos; as decimal separator, e.g. {example}.</source>
        <translation>“{text}”不是金额。请输入数字 0–9，以“{decimal}”作小数点，例如 {example}。</translation>
    </message>
    <message>
        <source>The amount is empty. Type a number such as {example}.</source>
        <translation>金额为空。请输入数字，例如 {example}。</translation>
    </message>
    <message>
        <source>The amount {amount} is negative. Enter a positive amount.</source>
        <translation>金额 {amount} 为负数。请输入正数金额。</translation>
    </message>
    <message>
        <source>The amount is zero. Enter an amount greater than zero.</source>
        <translation>金额为零。请输入大于零的金额。</translation>
    </message>
    <message>
        <source>{amount} has more than {decimals} decimals, which {currency} does not have. Round it to {decimals} decimals.</source>
        <translation>{amount} 的小数位多于 {decimals} 位，{currency} 没有这么多小数位。请四舍五入到 {decimals} 位小数。</translation>
    </message>
    <message>
        <source>The amount {amount} is too large: the largest amount the program stores is {limit} {currency}. Check the number of digits.</source>
        <translation>金额 {amount} 过大：本程序可保存的最大金额为 {limit} {currency}。请检查位数。</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>letter date</source>
        <translation>函件日期</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>posting</source>
        <translation>寄出</translation>
    </message>
    <message>
        <source>delivery</source>
        <translation>送达</translation>
    </message>
    <message>
        <source>return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>posting receipt</source>
        <translation>邮寄回执</translation>
    </message>
    <message>
        <source>return receipt</source>
        <translation>回执卡</translation>
    </message>
    <message>
        <source>proof of delivery</source>
        <translation>妥投证明</translation>
    </message>
    <message>
        <source>returned envelope</source>
        <translation>退回信封</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is not a known mail service. Use one of: {value}.</source>
        <translation>“{key}”不是已知的邮寄服务。请使用以下之一：{value}。</translation>
    </message>
    <message>
        <source>The {what} is longer than {limit} characters. Shorten it.</source>
        <translation>{what}超过 {limit} 个字符。请缩短。</translation>
    </message>
    <message>
        <source>The tracking number is empty. Copy it from the postal receipt, e.g. RR123456785CN.</source>
        <translation>邮件跟踪号为空。请从邮局收据上抄录，例如 RR123456785CN。</translation>
    </message>
    <message>
        <source>The tracking number is longer than 40 characters. Check it on the postal receipt.</source>
        <translation>邮件跟踪号超过 40 个字符。请对照邮局收据核对。</translation>
    </message>
    <message>
        <source>posting date</source>
        <translation>寄出日期</translation>
    </message>
    <message>
        <source>Letter {reference} is dated {letter_date}; it cannot have been posted on {day}. Enter the posting date from the receipt.</source>
        <translation>函件 {reference} 的日期为 {letter_date}，不可能在 {day} 寄出。请按收据输入寄出日期。</translation>
    </message>
    <message>
        <source>Letter {reference} is already recorded as posted on {posted_on} (tracking {tracking_number}). To change that, record a correction.</source>
        <translation>函件 {reference} 已登记于 {posted_on} 寄出（跟踪号 {tracking_number}）。如需修改，请登记一条更正。</translation>
    </message>
    <message>
        <source>carrier</source>
        <translation>邮政/快递公司</translation>
    </message>
    <message>
        <source>service</source>
        <translation>邮寄服务</translation>
    </message>
    <message>
        <source>delivery date</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>送达</translation>
    </message>
    <message>
        <source>Letter {reference} is already recorded as delivered on {delivered_on}. To change that, record a correction.</source>
        <translation>函件 {reference} 已登记于 {delivered_on} 送达。如需修改，请登记一条更正。</translation>
    </message>
    <message>
        <source>name of the person who signed</source>
        <translation>签收人姓名</translation>
    </message>
    <message>
        <source>return date</source>
        <translation>寄回日期</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>reason for the return</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <source>Enter why the letter came back (e.g. &apos;addressee unknown&apos;, &apos;refused&apos;).</source>
        <translation>请输入函件被退回的原因（例如“查无此人”“拒收”）。</translation>
    </message>
    <message>
        <source>Letter {reference} has no posting recorded. Record the posting (date and tracking number) before recording that it was {what}.</source>
        <translation>函件 {reference} 尚未登记寄出。请先登记寄出（日期和跟踪号），再登记其已{what}。</translation>
    </message>
    <message>
        <source>Letter {reference} was posted on {posted_on}; it cannot have been {what} on {day}. Check the date.</source>
        <translation>函件 {reference} 于 {posted_on} 寄出，不可能在 {day} {what}。请核对日期。</translation>
    </message>
    <message>
        <source>&apos;{kind}&apos; is not a kind of receipt. Use one of: {receipt_kinds}.</source>
        <translation>“{kind}”不是回执类型。请使用以下之一：{receipt_kinds}。</translation>
    </message>
    <message>
        <source>There is no file at {src}. Choose the scanned receipt.</source>
        <translation>{src} 处没有文件。请选择回执的扫描件。</translation>
    </message>
    <message>
        <source>{name} is not a PDF or image file. Scan the receipt as {receipt_suffixes}.</source>
        <translation>{name} 不是 PDF 或图片文件。请将回执扫描为 {receipt_suffixes} 格式。</translation>
    </message>
    <message>
        <source>{name} is larger than {max_receipt_bytes} MB. Scan at a lower resolution.</source>
        <translation>{name} 超过 {max_receipt_bytes} MB。请以较低分辨率扫描。</translation>
    </message>
    <message>
        <source>date of the receipt</source>
        <translation>回执日期</translation>
    </message>
    <message>
        <source>{what} (SHA-256 {digest})</source>
        <translation>{what}（SHA-256 {digest}）</translation>
    </message>
    <message>
        <source>reason for the correction</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source>Say why the entry is corrected (e.g. &apos;tracking number mistyped&apos;).</source>
        <translation>请说明更正该记录的原因（例如“跟踪号输错”）。</translation>
    </message>
    <message>
        <source>There is no registered-mail entry {entry_id}. Check the id in the letter&apos;s mail log.</source>
        <translation>没有编号为 {entry_id} 的挂号信记录。请在该函件的邮寄记录中核对编号。</translation>
    </message>
    <message>
        <source>Entry {entry_id} is a {kind} entry; only posted, delivered and returned entries can be corrected.</source>
        <translation>第 {entry_id} 号记录是{kind}记录；只有寄出、送达和退回记录可以更正。</translation>
    </message>
    <message>
        <source>corrected date</source>
        <translation>更正后的日期</translation>
    </message>
    <message>
        <source>Letter {reference} is dated {letter_date}; the corrected date {day} is before it.</source>
        <translation>函件 {reference} 的日期为 {letter_date}；更正后的日期 {day} 早于该日期。</translation>
    </message>
    <message>
        <source>Select at least one posted letter for the mailing book.</source>
        <translation>请为邮寄登记簿至少选择一封已寄出的函件。</translation>
    </message>
    <message>
        <source>Letter {reference} has no tracking number yet. Record its posting first.</source>
        <translation>函件 {reference} 尚无跟踪号。请先登记寄出。</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>date the rate takes effect</source>
        <translation>利率生效日期</translation>
    </message>
    <message>
        <source>as-of date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>void date</source>
        <translation>作废日期</translation>
    </message>
    <message>
        <source>settlement date</source>
        <translation>结清日期</translation>
    </message>
    <message>
        <source>reversal date</source>
        <translation>冲销日期</translation>
    </message>
    <message>
        <source>payment date</source>
        <translation>收款日期</translation>
    </message>
    <message>
        <source>next review date</source>
        <translation>下次复核日期</translation>
    </message>
    <message>
        <source>mailing date</source>
        <translation>寄出日期</translation>
    </message>
    <message>
        <source>issue date</source>
        <translation>开票日期</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>date of the credit check</source>
        <translation>信用审查日期</translation>
    </message>
    <message>
        <source>date of the change</source>
        <translation>更改日期</translation>
    </message>
    <message>
        <source>date of the acknowledgement</source>
        <translation>债务确认日期</translation>
    </message>
    <message>
        <source>allocation date</source>
        <translation>核销日期</translation>
    </message>
    <message>
        <source>write-off date</source>
        <translation>坏账核销日期</translation>
    </message>
    <message>
        <source>credit note date</source>
        <translation>贷项通知单日期</translation>
    </message>
    <message>
        <source>on hold</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>有争议</translation>
    </message>
    <message>
        <source>payment terms (days)</source>
        <translation>付款期限（天）</translation>
    </message>
    <message>
        <source>void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>customer code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>city</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>registration / tax id</source>
        <translation>注册号 / 税号</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>company&apos;s legal name</source>
        <translation>公司法定名称</translation>
    </message>
    <message>
        <source>bank name</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <source>bank account / IBAN</source>
        <translation>银行账号 / IBAN</translation>
    </message>
    <message>
        <source>BIC / SWIFT</source>
        <translation>BIC / SWIFT</translation>
    </message>
    <message>
        <source>signer&apos;s name</source>
        <translation>签署人姓名</translation>
    </message>
    <message>
        <source>signer&apos;s title</source>
        <translation>签署人职务</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>invoice number</source>
        <translation>发票号</translation>
    </message>
    <message>
        <source>order / contract reference</source>
        <translation>订单 / 合同编号</translation>
    </message>
    <message>
        <source>description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>dispute reason</source>
        <translation>争议原因</translation>
    </message>
    <message>
        <source>payment method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <source>The {what} is empty. Enter a date as YYYY-MM-DD.</source>
        <translation>{what}为空。请按 YYYY-MM-DD 格式输入日期。</translation>
    </message>
    <message>
        <source>&apos;{raw}&apos; is not a valid {what}. Enter it as YYYY-MM-DD, e.g. 2026-03-31.</source>
        <translation>“{raw}”不是有效的{what}。请按 YYYY-MM-DD 格式输入，例如 2026-03-31。</translation>
    </message>
    <message>
        <source>The {what} {value} is out of range ({first}–{last}).</source>
        <translation>{what} {value} 超出范围（{first}–{last} 年）。</translation>
    </message>
    <message>
        <source>The {field} contains an invisible control or text-direction character (U+{code}). Remove it and type the text again.</source>
        <translation>{field}中含有不可见的控制字符或文字方向字符（U+{code}）。请删除后重新输入。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a valid {what} flag. Write yes or no.</source>
        <translation>“{text}”不是有效的“{what}”标记。请填写 yes 或 no。</translation>
    </message>
    <message>
        <source>The {field} is empty; it is required.</source>
        <translation>{field}为空；此项必填。</translation>
    </message>
    <message>
        <source>The {field} is too long ({length} characters; at most {most}).</source>
        <translation>{field}太长（{length} 个字符；最多 {most} 个）。</translation>
    </message>
    <message>
        <source>The {field} &apos;{value}&apos; may only contain letters, digits and . _ / - (no spaces), and must start with a letter or digit.</source>
        <translation>{field}“{value}”只能包含字母、数字和 . _ / -（不能有空格），并且必须以字母或数字开头。</translation>
    </message>
    <message>
        <source>Credit class &apos;{value}&apos; is unknown. Use A, B or C.</source>
        <translation>信用等级“{value}”无效。请使用 A、B 或 C。</translation>
    </message>
    <message>
        <source>Letter language &apos;{value}&apos; is unknown. Use en (English) or zh (Chinese).</source>
        <translation>函件语言“{value}”无效。请使用 en（英文）或 zh（中文）。</translation>
    </message>
    <message>
        <source>The country must be a two-letter ISO code such as DE, GB, US or CN.</source>
        <translation>国家必须是两个字母的 ISO 代码，例如 DE、GB、US 或 CN。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an e-mail address (expected name@example.com).</source>
        <translation>“{value}”不是电子邮件地址（格式应为 name@example.com）。</translation>
    </message>
    <message>
        <source>The due date {due} is before the issue date {issue}. An invoice cannot fall due before it is issued.</source>
        <translation>到期日 {due} 早于开票日期 {issue}。发票不能在开具之前到期。</translation>
    </message>
    <message>
        <source>Customer {customer_code} is kept in {customer_currency}; an invoice in {requested} cannot be added to it. Create a second customer account (e.g. {customer_code}-{requested}) for business in {requested}.</source>
        <translation>客户 {customer_code} 以 {customer_currency} 记账，不能添加 {requested} 发票。请为 {requested} 业务另建一个客户账户（例如 {customer_code}-{requested}）。</translation>
    </message>
    <message>
        <source>&apos;{method}&apos; is a correction, not a payment method. Record write-offs and credit notes on the invoice, or import them with the kind column.</source>
        <translation>“{method}”是冲账调整，不是付款方式。请在发票上登记核销坏账和贷项通知单，或在导入时使用 kind（类型）列。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a whole number of days for the {what}.</source>
        <translation>“{text}”不是有效的{what}：请填写整数天数。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a percentage; enter a number such as 0.05 or 8.</source>
        <translation>“{text}”不是百分比；请输入数字，例如 0.05 或 8。</translation>
    </message>
    <message>
        <source>The late-charge rate {text} % is out of range; enter a percentage such as 0.05 or 8.</source>
        <translation>滞纳金利率 {text} % 超出范围；请输入百分比，例如 0.05 或 8。</translation>
    </message>
    <message>
        <source>Customer {code} cannot be deleted: the books hold {records} for it, which stay on record. Put the customer on hold instead.</source>
        <translation>客户 {code} 不能删除：账中有其 {records}，须保留记录。可改为暂停该客户。</translation>
    </message>
    <message>
        <source>{count} invoice(s)</source>
        <translation>{count} 张发票</translation>
    </message>
    <message>
        <source>{count} payment(s)</source>
        <translation>{count} 笔收款</translation>
    </message>
    <message>
        <source>{count} letter(s)</source>
        <translation>{count} 封催款函</translation>
    </message>
    <message>
        <source>{count} collection history entries</source>
        <translation>{count} 条催收记录</translation>
    </message>
    <message>
        <source>{count} promise(s) to pay</source>
        <translation>{count} 项付款承诺</translation>
    </message>
    <message>
        <source>{count} collection hold(s)</source>
        <translation>{count} 次催收暂停</translation>
    </message>
    <message>
        <source>{count} payment plan(s)</source>
        <translation>{count} 个分期付款计划</translation>
    </message>
    <message>
        <source>{count} other record(s)</source>
        <translation>{count} 条其他记录</translation>
    </message>
    <message>
        <source>There is no customer with code &apos;{code}&apos;.</source>
        <translation>没有编号为“{code}”的客户。</translation>
    </message>
    <message>
        <source>customer {code} is also on row {row}</source>
        <translation>客户 {code} 也在第 {row} 行</translation>
    </message>
    <message>
        <source>customer {code} already exists; choose &apos;skip&apos; or &apos;update&apos; to import the rest</source>
        <translation>客户 {code} 已存在；请选择“跳过”或“更新”以导入其余行</translation>
    </message>
    <message>
        <source>customer {code} has invoices in {currency}; its currency cannot change</source>
        <translation>客户 {code} 有 {currency} 发票；其币种不能更改</translation>
    </message>
    <message>
        <source>settled on {date}, before the issue date {issue}</source>
        <translation>结清日期 {date} 早于开票日期 {issue}</translation>
    </message>
    <message>
        <source>the settlement date {date} is in the future</source>
        <translation>结清日期 {date} 在未来</translation>
    </message>
    <message>
        <source>a void invoice cannot be settled</source>
        <translation>作废的发票不能结清</translation>
    </message>
    <message>
        <source>invoice {number} is also on row {row}</source>
        <translation>发票 {number} 也在第 {row} 行</translation>
    </message>
    <message>
        <source>an early-payment discount needs both its amount and the last day to take it</source>
        <translation>现金折扣须同时填写折扣金额和折扣截止日</translation>
    </message>
    <message>
        <source>the discount {discount} is not less than the invoice amount {amount}</source>
        <translation>折扣 {discount} 不小于发票金额 {amount}</translation>
    </message>
    <message>
        <source>the discount date {date} is not between the issue date and the due date</source>
        <translation>折扣截止日 {date} 不在开票日与到期日之间</translation>
    </message>
    <message>
        <source>a void date or reason is given but the invoice is not marked void; write yes in the void column</source>
        <translation>填写了作废日期或原因，但发票未标为作废；请在作废列填写 yes</translation>
    </message>
    <message>
        <source>a void invoice needs the date it was voided</source>
        <translation>作废的发票须填写作废日期</translation>
    </message>
    <message>
        <source>voided on {date}, before the issue date {issue}</source>
        <translation>作废日期 {date} 早于开票日期 {issue}</translation>
    </message>
    <message>
        <source>a void invoice needs the reason it was voided</source>
        <translation>作废的发票须填写作废原因</translation>
    </message>
    <message>
        <source>invoice {number} already exists; choose &apos;skip&apos; or &apos;update&apos; to import the rest</source>
        <translation>发票 {number} 已存在；请选择“跳过”或“更新”以导入其余行</translation>
    </message>
    <message>
        <source>unknown customer &apos;{code}&apos;; add it first or tick &apos;create unknown customers&apos;</source>
        <translation>未知客户“{code}”；请先添加，或勾选“新建未知客户”</translation>
    </message>
    <message>
        <source>new customer: {problem}</source>
        <translation>新客户：{problem}</translation>
    </message>
    <message>
        <source>invoice {number} is void and cannot be updated</source>
        <translation>发票 {number} 已作废，不能更新</translation>
    </message>
    <message>
        <source>invoice {number} is in the books; void it there, not by an import</source>
        <translation>发票 {number} 已在账中；请在程序中作废，不能通过导入作废</translation>
    </message>
    <message>
        <source>invoice {number} has payments; its customer and currency cannot change</source>
        <translation>发票 {number} 已有收款；其客户和币种不能更改</translation>
    </message>
    <message>
        <source>invoice {number} has {paid} paid already; the amount cannot be lower</source>
        <translation>发票 {number} 已收 {paid}；金额不能低于此数</translation>
    </message>
    <message>
        <source>invoice {number} has payments; its issue date cannot move later</source>
        <translation>发票 {number} 已有收款；开票日期不能推后</translation>
    </message>
    <message>
        <source>&apos;{kind}&apos; is not a kind of payment; use one of {kinds}</source>
        <translation>“{kind}”不是收款类型；请使用以下之一：{kinds}</translation>
    </message>
    <message>
        <source>a reversal is negative: minus the amount of the entry it reverses</source>
        <translation>冲销金额为负数：即所冲销记录金额的相反数</translation>
    </message>
    <message>
        <source>a {kind} has no payment method; leave the method empty</source>
        <translation>{kind}没有收款方式；请将收款方式留空</translation>
    </message>
    <message>
        <source>unknown customer &apos;{code}&apos;</source>
        <translation>未知客户“{code}”</translation>
    </message>
    <message>
        <source>the payment date {date} is in the future</source>
        <translation>收款日期 {date} 在未来</translation>
    </message>
    <message>
        <source>customer {code} is kept in {currency}, not {listed}</source>
        <translation>客户 {code} 以 {currency} 记账，不是 {listed}</translation>
    </message>
    <message>
        <source>a {kind} needs its reason in the reference column</source>
        <translation>{kind}须在参考列中写明原因</translation>
    </message>
    <message>
        <source>a {kind} must name the invoice it corrects</source>
        <translation>{kind}须注明所冲销的发票</translation>
    </message>
    <message>
        <source>a reversal names the payment_id of the entry it reverses (a row above it in this file) in the reverses column</source>
        <translation>冲销记录须在“冲销的收款编号”列中填写所冲销记录的 payment_id（本文件中位于其上方的一行）</translation>
    </message>
    <message>
        <source>a reversal needs its reason in the reason column</source>
        <translation>冲销记录须在“冲销原因”列中填写原因</translation>
    </message>
    <message>
        <source>only a reversal reverses an entry; leave this column empty</source>
        <translation>只有冲销记录才能冲销其他记录；请将此列留空</translation>
    </message>
    <message>
        <source>&apos;{part}&apos; is not &apos;INVOICE: AMOUNT&apos; or &apos;INVOICE: AMOUNT on DATE&apos;</source>
        <translation>“{part}”不是“发票: 金额”或“发票: 金额 on 日期”格式</translation>
    </message>
    <message>
        <source>this payment (same date, customer, amount and reference) is already recorded; choose &apos;skip&apos; to import the rest</source>
        <translation>此笔收款（日期、客户、金额和参考均相同）已登记；请选择“跳过”以导入其余行</translation>
    </message>
    <message>
        <source>the same payment (date, customer, amount, reference) is also on row {row}</source>
        <translation>相同的收款（日期、客户、金额、参考）也在第 {row} 行</translation>
    </message>
    <message>
        <source>invoice {number} is already paid</source>
        <translation>发票 {number} 已付清</translation>
    </message>
    <message>
        <source>takes back {amount} from invoice {number}, more than this payment applied to it before</source>
        <translation>从发票 {number} 冲回 {amount}，超过了本笔收款此前核销到该发票的金额</translation>
    </message>
    <message>
        <source>a {kind} is not applied to invoices; leave its allocations empty</source>
        <translation>{kind}不核销至发票；请将其核销明细留空</translation>
    </message>
    <message>
        <source>{applied} is applied to invoices but the payment is only {amount}</source>
        <translation>核销至发票的金额为 {applied}，但收款只有 {amount}</translation>
    </message>
    <message>
        <source>a {kind} is applied in full to its invoice: {applied} of {amount} is</source>
        <translation>{kind}须全额核销至其发票：{amount} 中仅核销了 {applied}</translation>
    </message>
    <message>
        <source>reverses payment {id}, which is not an entry of the same customer and amount on a row above it in this file; import the two together, as an export writes them</source>
        <translation>所冲销的第 {id} 号收款不是本文件中其上方、客户与金额均相同的记录；请按导出文件的格式将两者一并导入</translation>
    </message>
    <message>
        <source>payment {id} is reversed on another row already</source>
        <translation>第 {id} 号收款已在另一行中被冲销</translation>
    </message>
    <message>
        <source>a reversal takes back exactly what its entry applies to each invoice, on its own date; these allocations do not</source>
        <translation>冲销应在其自身日期按原记录在每张发票上的核销金额如数冲回；这些核销分配不符合此要求</translation>
    </message>
    <message>
        <source>says {listed} but the allocations make {computed}; correct the allocations or this column</source>
        <translation>填写的是 {listed}，但核销明细合计为 {computed}；请更正核销明细或此列</translation>
    </message>
    <message>
        <source>invoice {number} offers no early-payment discount (its terms had none when it was entered); book the difference as a credit note, or leave it open</source>
        <translation>发票 {number} 不提供现金折扣（录入时其付款条件不含折扣）；请将差额开具红字发票，或保留为未结余额</translation>
    </message>
    <message>
        <source>the early-payment discount of invoice {number} could be taken until {until}; a discount dated {date} was not earned</source>
        <translation>发票 {number} 的现金折扣须在 {until}（含当日）之前享受；日期为 {date} 的折扣不成立</translation>
    </message>
    <message>
        <source>a discount of {amount} is more than the {offered} invoice {number} offers</source>
        <translation>折扣 {amount} 超过发票 {number} 可享受的 {offered}</translation>
    </message>
    <message>
        <source>a discount of {amount} does not settle invoice {number}: {open} is open on it. A discount is what a payment in time leaves open; list that payment before its discount</source>
        <translation>折扣 {amount} 不能结清发票 {number}：该发票尚有 {open} 未结。折扣是按期付款后余下的差额；请先列出该笔付款，再列折扣</translation>
    </message>
    <message>
        <source>invoice {number} was paid on {paid}, after the discount&apos;s date {date}: a discount is earned by a payment on or before {until} and dated on that payment&apos;s day</source>
        <translation>发票 {number} 于 {paid} 付款，晚于折扣日期 {date}：折扣须由 {until}（含当日）之前的付款取得，日期即该付款日</translation>
    </message>
    <message>
        <source>there is no invoice {number} in the books</source>
        <translation>账中没有发票 {number}</translation>
    </message>
    <message>
        <source>invoice {number} belongs to another customer, not {code}</source>
        <translation>发票 {number} 属于其他客户，不属于 {code}</translation>
    </message>
    <message>
        <source>applied to invoice {number} on {date}, before the payment date</source>
        <translation>于 {date} 核销至发票 {number}，早于收款日期</translation>
    </message>
    <message>
        <source>invoice {number} was issued on {issue}; nothing can be applied to it on {date}</source>
        <translation>发票 {number} 开于 {issue}；{date} 不能向其核销</translation>
    </message>
    <message>
        <source>invoice {number} was void from {date}</source>
        <translation>发票 {number} 自 {date} 起已作废</translation>
    </message>
    <message>
        <source>invoice {number} has only {open} open; {amount} cannot be applied</source>
        <translation>发票 {number} 仅有 {open} 未结清；不能核销 {amount}</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>an old Excel (.xls) or Word file</source>
        <translation>旧版 Excel (.xls) 或 Word 文件</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>JPEG 图片</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>GIF 图片</translation>
    </message>
    <message>
        <source>a database (perhaps a company file)</source>
        <translation>数据库（可能是公司账套文件）</translation>
    </message>
    <message>
        <source>There is no file {path}. Check the name and folder.</source>
        <translation>没有文件 {path}。请检查文件名和文件夹。</translation>
    </message>
    <message>
        <source>You may not read {path}. Check the file&apos;s permissions.</source>
        <translation>无权读取 {path}。请检查文件权限。</translation>
    </message>
    <message>
        <source>{path} cannot be read ({reason}).</source>
        <translation>无法读取 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file to import. Choose a CSV or .xlsx file.</source>
        <translation>{path} 是文件夹，不是要导入的文件。请选择 CSV 或 .xlsx 文件。</translation>
    </message>
    <message>
        <source>{path} is not a regular file (it is a device, a pipe or a socket). Only files saved on a disk can be imported.</source>
        <translation>{path} 不是普通文件（而是设备、管道或套接字）。只能导入保存在磁盘上的文件。</translation>
    </message>
    <message>
        <source>{name} is {mb} MB; files over {limit} MB are refused. Split it into smaller files.</source>
        <translation>{name} 大小为 {mb} MB；超过 {limit} MB 的文件不予导入。请拆分为较小的文件。</translation>
    </message>
    <message>
        <source>{name} is empty. Choose a file with a header row and data rows.</source>
        <translation>{name} 是空文件。请选择有表头行和数据行的文件。</translation>
    </message>
    <message>
        <source>The separator must be a comma, a semicolon or a tab.</source>
        <translation>分隔符必须是逗号、分号或制表符。</translation>
    </message>
    <message>
        <source>{name} has a header but no data rows; there is nothing to import.</source>
        <translation>{name} 只有表头，没有数据行，没有可导入的内容。</translation>
    </message>
    <message>
        <source>Unknown encoding &apos;{encoding}&apos;.</source>
        <translation>未知编码“{encoding}”。</translation>
    </message>
    <message>
        <source>{name} cannot be read as {encoding}. Choose another encoding, or save the file as CSV UTF-8.</source>
        <translation>无法以 {encoding} 读取 {name}。请选择其他编码，或将文件另存为 CSV UTF-8。</translation>
    </message>
    <message>
        <source>{name} says it is UTF-8 but is not. Save it again as CSV UTF-8.</source>
        <translation>{name} 标明为 UTF-8，但实际不是。请重新另存为 CSV UTF-8。</translation>
    </message>
    <message>
        <source>{name} is damaged UTF-16 text. Save it again as CSV UTF-8.</source>
        <translation>{name} 是损坏的 UTF-16 文本。请重新另存为 CSV UTF-8。</translation>
    </message>
    <message>
        <source>{name} is not a CSV file: it is {what}. Choose a CSV or .xlsx file, or save the data from its program as CSV UTF-8.</source>
        <translation>{name} 不是 CSV 文件，而是{what}。请选择 CSV 或 .xlsx 文件，或从原程序将数据另存为 CSV UTF-8。</translation>
    </message>
    <message>
        <source>{name} is not a CSV text file (it contains binary data). Save it as CSV UTF-8 and import that file.</source>
        <translation>{name} 不是 CSV 文本文件（含有二进制数据）。请另存为 CSV UTF-8 后导入。</translation>
    </message>
    <message>
        <source>{name} is not UTF-8; it was read as Chinese GB18030. Check the preview; if the text looks wrong, save the file as CSV UTF-8.</source>
        <translation>{name} 不是 UTF-8，已按中文 GB18030 读取。请检查预览；如文字显示不正确，请将文件另存为 CSV UTF-8。</translation>
    </message>
    <message>
        <source>{name} is not UTF-8; it was read as Windows-1252 (Western European). Check accented letters in the preview; if they look wrong, save the file as CSV UTF-8.</source>
        <translation>{name} 不是 UTF-8，已按 Windows-1252（西欧）读取。请检查预览中的重音字母；如显示不正确，请将文件另存为 CSV UTF-8。</translation>
    </message>
    <message>
        <source>{name} has {count} columns; at most {limit} are read. Is this the right file?</source>
        <translation>{name} 有 {count} 列；最多读取 {limit} 列。文件是否选对了？</translation>
    </message>
    <message>
        <source>{name} has no header row. The first row must name the columns.</source>
        <translation>{name} 没有表头行。第一行须写明各列名称。</translation>
    </message>
    <message>
        <source>{name}: the header of column {column} is {length} characters long; the first row must hold short column names. Is this the right file?</source>
        <translation>{name}：第 {column} 列的表头长达 {length} 个字符；第一行应为简短的列名。文件是否选对了？</translation>
    </message>
    <message>
        <source>{name}: column(s) {columns} appear twice in the header. Rename one of them.</source>
        <translation>{name}：表头中 {columns} 出现了两次。请重命名其中之一。</translation>
    </message>
    <message>
        <source>{name}, line {line}: the line is longer than {limit} characters. Is this the right file?</source>
        <translation>{name} 第 {line} 行：该行超过 {limit} 个字符。文件是否选对了？</translation>
    </message>
    <message>
        <source>{name} has more than {rows} rows. Split it into smaller files.</source>
        <translation>{name} 超过 {rows} 行。请拆分为较小的文件。</translation>
    </message>
    <message>
        <source>{name}, line {line}: a cell is longer than {limit} characters. A field this long is not a customer, invoice or payment field; check the quotes on that line.</source>
        <translation>{name} 第 {line} 行：有单元格超过 {limit} 个字符。如此长的内容不会是客户、发票或收款字段；请检查该行的引号。</translation>
    </message>
    <message>
        <source>{name}, line {line}: the CSV is malformed ({reason}). Check the quotes on that line, or that the file really is a CSV.</source>
        <translation>{name} 第 {line} 行：CSV 格式错误（{reason}）。请检查该行的引号，或确认文件确为 CSV。</translation>
    </message>
    <message>
        <source>{name} changed while it was read (line {line} is not {encoding}). Import it again.</source>
        <translation>{name} 在读取期间被改动（第 {line} 行不是 {encoding}）。请重新导入。</translation>
    </message>
    <message>
        <source>{name}, row {row} has {count} cells; at most {limit} columns are read.</source>
        <translation>{name} 第 {row} 行有 {count} 个单元格；最多读取 {limit} 列。</translation>
    </message>
    <message>
        <source>{name} is not a plain workbook (it declares a document type). Open it in your spreadsheet and save it again as .xlsx.</source>
        <translation>{name} 不是普通工作簿（声明了文档类型定义）。请在电子表格软件中打开并重新另存为 .xlsx。</translation>
    </message>
    <message>
        <source>{name} unpacks to more than {mb} MB. Split the data into smaller workbooks or save it as CSV.</source>
        <translation>{name} 解压后超过 {mb} MB。请拆分为较小的工作簿或另存为 CSV。</translation>
    </message>
    <message>
        <source>{name} unpacks to more than {ratio} times its size, as no real spreadsheet does (a &quot;zip bomb&quot;). It was not read.</source>
        <translation>{name} 解压后超过自身大小的 {ratio} 倍，正常的电子表格不会如此（“压缩炸弹”）。未读取该文件。</translation>
    </message>
    <message>
        <source>{name} is not an Excel workbook that can be read (.xlsx expected). Open it in your spreadsheet and save it as .xlsx or CSV UTF-8.</source>
        <translation>{name} 不是可读取的 Excel 工作簿（应为 .xlsx）。请在电子表格软件中打开并另存为 .xlsx 或 CSV UTF-8。</translation>
    </message>
    <message>
        <source>{name} is a damaged workbook (part {part} cannot be read). Save it again as .xlsx or CSV UTF-8.</source>
        <translation>{name} 是损坏的工作簿（无法读取部件 {part}）。请重新另存为 .xlsx 或 CSV UTF-8。</translation>
    </message>
    <message>
        <source>{name} has no worksheet to import.</source>
        <translation>{name} 没有可导入的工作表。</translation>
    </message>
    <message>
        <source>{name} has more than {count} different texts. Split it into smaller workbooks or save it as CSV.</source>
        <translation>{name} 含有超过 {count} 个不同的文本。请拆分为较小的工作簿或另存为 CSV。</translation>
    </message>
    <message>
        <source>{name}: {where} is longer than {limit} characters. A cell this long is not a customer, invoice or payment field; check the file.</source>
        <translation>{name}：{where} 超过 {limit} 个字符。如此长的内容不会是客户、发票或收款字段；请检查文件。</translation>
    </message>
    <message>
        <source>{name} has no sheet &apos;{sheet}&apos;. Its sheets are: {sheets}.</source>
        <translation>{name} 没有工作表“{sheet}”。其工作表为：{sheets}。</translation>
    </message>
    <message>
        <source>{name} has more than {rows} rows. Split it into smaller workbooks or save it as CSV.</source>
        <translation>{name} 超过 {rows} 行。请拆分为较小的工作簿或另存为 CSV。</translation>
    </message>
    <message>
        <source>{name} has a value in column {column}; at most {limit} columns are read. Remove the columns that are not needed.</source>
        <translation>{name} 在第 {column} 列有数据；最多读取 {limit} 列。请删除不需要的列。</translation>
    </message>
    <message>
        <source>{name} is a damaged workbook (the sheet cannot be read after row {row}). Save it again as .xlsx or CSV UTF-8.</source>
        <translation>{name} 是损坏的工作簿（第 {row} 行之后无法读取）。请重新另存为 .xlsx 或 CSV UTF-8。</translation>
    </message>
    <message>
        <source>{name} is a damaged workbook (cell {cell} names a text that is not there).</source>
        <translation>{name} 是损坏的工作簿（单元格 {cell} 引用的文本不存在）。</translation>
    </message>
    <message>
        <source>The step &apos;{key}&apos; of {name}&apos;s ladder sends no letter. Choose a letter step: {letters}.</source>
        <translation>{name}催收阶梯中的步骤“{key}”不发函件。请选择一个发函步骤：{letters}。</translation>
    </message>
    <message>
        <source>{name} has no postal address. Add the street and city in the customer&apos;s details.</source>
        <translation>{name}没有邮寄地址。请在客户资料中填写街道和城市。</translation>
    </message>
    <message>
        <source>The letter to {name} would contain characters the letter fonts cannot print: {chars} (in the {where} details). Replace them, e.g. remove emoji, and build the letter again.</source>
        <translation>致{name}的函件含有函件字体无法打印的字符：{chars}（位于{where}资料中）。请替换这些字符（例如删除表情符号）后重新生成函件。</translation>
    </message>
    <message>
        <source>{name} has no overdue, undisputed open invoice in {currency} on {date}: there is nothing to claim in a letter.</source>
        <translation>{name}在{date}没有以{currency}计价、无争议的逾期未付发票，函件无可主张的款项。</translation>
    </message>
    <message>
        <source>Customer {code} needs no collection step on {as_of}. Choose the letter step to send (e.g. reminder or demand_letter).</source>
        <translation>客户 {code} 在 {as_of} 无需催收步骤。请选择要发出的函件步骤（例如 reminder 或 demand_letter）。</translation>
    </message>
    <message>
        <source>Line {line} of the letter text tests the unknown fact &apos;{fact}&apos;. Known facts: {known}.</source>
        <translation>函件文本第{line}行的条件使用了未知的事实“{fact}”。可用的事实：{known}。</translation>
    </message>
    <message>
        <source>Line {line} of the letter text has an {{else}} without an {{if …}} before it. Remove it or add the condition.</source>
        <translation>函件文本第{line}行的 {{else}} 前面没有 {{if …}}。请删除它或补上条件。</translation>
    </message>
    <message>
        <source>Line {line} of the letter text has an {{end}} without an {{if …}} before it. Remove it.</source>
        <translation>函件文本第{line}行的 {{end}} 前面没有 {{if …}}。请删除它。</translation>
    </message>
    <message>
        <source>The letter text has a &apos;$&apos; that is not a placeholder on line {line} (&apos;{snippet}&apos;). Write $$ for a dollar sign, or a placeholder such as $customer_name.</source>
        <translation>函件文本第{line}行有一个不是占位符的“$”（“{snippet}”）。美元符号请写作 $$，占位符请写作 $customer_name 这样的形式。</translation>
    </message>
    <message>
        <source>The {{if {fact}}} on line {line} of the letter text is never closed. Add {{end}} where the conditional text ends.</source>
        <translation>函件文本第{line}行的 {{if {fact}}} 没有结束。请在条件文字结束处加上 {{end}}。</translation>
    </message>
    <message>
        <source>Line {line} of the letter text has &apos;{snippet}&apos;, which is not a condition. Write {{if fact}}, {{if not fact}}, {{else}} or {{end}}.</source>
        <translation>函件文本第{line}行的“{snippet}”不是条件。请写作 {{if 事实}}、{{if not 事实}}、{{else}} 或 {{end}}。</translation>
    </message>
    <message>
        <source>The letter text uses the unknown placeholder ${name} (line {line}). Known placeholders: {known}.</source>
        <translation>函件文本使用了未知的占位符 ${name}（第{line}行）。可用的占位符：{known}。</translation>
    </message>
    <message>
        <source>The letter text uses ${name} on line {line} without a condition, but not every letter has it (the record may lack it). Put it inside {{if {name}}} … {{end}}.</source>
        <translation>函件文本第{line}行无条件地使用了 ${name}，但并非每封函件都有此项（记录中可能没有）。请将其放在 {{if {name}}} … {{end}} 之内。</translation>
    </message>
    <message>
        <source>ECB main refinancing rate</source>
        <translation>欧洲央行主要再融资利率</translation>
    </message>
    <message>
        <source>German base rate</source>
        <translation>德国基准利率</translation>
    </message>
    <message>
        <source>Bank of England Bank Rate</source>
        <translation>英格兰银行基准利率</translation>
    </message>
    <message>
        <source>ECB main refinancing operations rate</source>
        <translation>欧洲央行主要再融资操作利率</translation>
    </message>
    <message>
        <source>German base rate (Basiszinssatz, §247 BGB)</source>
        <translation>德国基准利率（Basiszinssatz，德国民法典第 247 条）</translation>
    </message>
    <message>
        <source>China one-year Loan Prime Rate</source>
        <translation>中国一年期贷款市场报价利率（LPR）</translation>
    </message>
    <message>
        <source>The rate table has no {rate} for {date}: enter the {rate} valid from {date} under Settings ▸ Reference rates.</source>
        <translation>参考利率表中没有{date}的{rate}：请在“设置 ▸ 参考利率”中录入自{date}起适用的{rate}。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a known rate table. Use one of: {known_tables}.</source>
        <translation>“{text}”不是已知的利率表。请使用以下之一：{known_tables}。</translation>
    </message>
    <message>
        <source>The rate of {effective_from} belongs to table &apos;{table}&apos;, not &apos;{name}&apos;. Put each rate in its own table.</source>
        <translation>{effective_from} 的利率属于利率表“{table}”，而不是“{name}”。请将每条利率放入其所属的表中。</translation>
    </message>
    <message>
        <source>Table &apos;{name}&apos; has two rates from {effective_from}. Keep only one rate per date.</source>
        <translation>利率表“{name}”有两条自 {effective_from} 起的利率。每个日期只能保留一条利率。</translation>
    </message>
    <message>
        <source> The earliest rate known starts on {day}.</source>
        <translation>已知最早的利率自 {day} 起。</translation>
    </message>
    <message>
        <source> The table is empty.</source>
        <translation>该表为空。</translation>
    </message>
    <message>
        <source>No rate of table &apos;{name}&apos; ({table_descriptions}) is known for {day}.{first} Add the rate in force on that day to the rate table.</source>
        <translation>利率表“{name}”（{table_descriptions}）中没有 {day} 适用的利率。{first}请将当日有效的利率添加到利率表中。</translation>
    </message>
    <message>
        <source>The rate table &apos;{name}&apos; is filed under &apos;{key}&apos;. File each table under its own name.</source>
        <translation>利率表“{name}”被存放在“{key}”名下。请将每张表存放在其自身名称下。</translation>
    </message>
    <message>
        <source>The rate table &apos;{key}&apos; ({table_descriptions}) has no rates yet. Add its rates before computing late charges with it.</source>
        <translation>利率表“{key}”（{table_descriptions}）尚无利率。请先添加利率，再用它计算滞纳金。</translation>
    </message>
    <message>
        <source>Line {line}: the first line must be the header &apos;{csv_header}&apos;, found &apos;{cells}&apos;. Add or correct the header line.</source>
        <translation>第 {line} 行：第一行必须是表头“{csv_header}”，实际为“{cells}”。请添加或更正表头行。</translation>
    </message>
    <message>
        <source>Line {line}: expected 3 or 4 fields (table, effective_from, rate_percent, note), found {cells}. Put a note containing commas in double quotes.</source>
        <translation>第 {line} 行：应有 3 或 4 个字段（table、effective_from、rate_percent、note），实际有 {cells} 个。含逗号的备注请用双引号括起。</translation>
    </message>
    <message>
        <source>Line {line}: &apos;{name}&apos; is not a known rate table. Use one of: {known_tables}.</source>
        <translation>第 {line} 行：“{name}”不是已知的利率表。请使用以下之一：{known_tables}。</translation>
    </message>
    <message>
        <source>Line {line}: &apos;{date_text}&apos; is not a date. Write it as YYYY-MM-DD, e.g. 2025-07-01.</source>
        <translation>第 {line} 行：“{date_text}”不是日期。请按 YYYY-MM-DD 格式填写，例如 2025-07-01。</translation>
    </message>
    <message>
        <source>Line {line}: &apos;{rate_text}&apos; is not a rate in percent. Write a number such as 4.50.{hint}</source>
        <translation>第 {line} 行：“{rate_text}”不是百分比利率。请填写数字，例如 4.50。{hint}</translation>
    </message>
    <message>
        <source>Line {line}: the rate {rate_text} % is outside {min_rate} to {max_rate} %. Write the rate in percent, e.g. 4.50 for 4.50 %.</source>
        <translation>第 {line} 行：利率 {rate_text} % 超出 {min_rate} % 至 {max_rate} % 的范围。请以百分数填写利率，例如 4.50 % 填 4.50。</translation>
    </message>
    <message>
        <source>Line {line}: table &apos;{key}&apos; already has a rate from {day} (line {earlier}). Keep only one rate per date.</source>
        <translation>第 {line} 行：利率表“{key}”已有自 {day} 起的利率（第 {earlier} 行）。每个日期只能保留一条利率。</translation>
    </message>
    <message>
        <source>The rate file is empty. It needs the header &apos;{csv_header}&apos; and one line per rate change.</source>
        <translation>利率文件为空。文件需要表头“{csv_header}”，且每次利率变动占一行。</translation>
    </message>
    <message>
        <source>
... and {more} more.</source>
        <translation>
……另有 {more} 处。</translation>
    </message>
    <message>
        <source>The rate file has errors; correct them and load it again:
{problems}{tail}</source>
        <translation>利率文件有错误；请更正后重新载入：
{problems}{tail}</translation>
    </message>
    <message>
        <source>The rate file {target} cannot be read ({exc}). Reinstall the program or choose another rate file.</source>
        <translation>无法读取利率文件 {target}（{exc}）。请重新安装程序或选择其他利率文件。</translation>
    </message>
    <message>
        <source>the first half of {year}</source>
        <translation>{year}年上半年</translation>
    </message>
    <message>
        <source>the second half of {year}</source>
        <translation>{year}年下半年</translation>
    </message>
    <message>
        <source>in force on {date} (EU reference rate for {half}; unchanged since {since})</source>
        <translation>{date} 有效（{half}欧盟参考利率；自 {since} 起未变）</translation>
    </message>
    <message>
        <source>in force on {date} (UK reference rate for interest starting in {half})</source>
        <translation>{date} 有效（适用于{half}起算利息的英国参考利率）</translation>
    </message>
    <message>
        <source>unchanged since {date}</source>
        <translation>自 {date} 起未变</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>The IBAN {value} is not valid (wrong check digits or length for {country}). Copy it from a bank statement.</source>
        <translation>IBAN {value} 无效（校验位或长度与{country}不符）。请从银行对账单上复制。</translation>
    </message>
    <message>
        <source>The BIC {value} is not valid (8 or 11 letters and digits, e.g. COBADEFFXXX). Check it with the bank.</source>
        <translation>BIC {value} 无效（应为8位或11位字母和数字，例如 COBADEFFXXX）。请向银行核实。</translation>
    </message>
    <message>
        <source>The VAT id {value} is not valid (wrong check digits or format). Copy it from the VAT registration.</source>
        <translation>增值税号 {value} 无效（校验位或格式有误）。请按增值税登记证明填写。</translation>
    </message>
    <message>
        <source>The unified social credit code {value} is not valid (wrong check character). Copy it from the business licence.</source>
        <translation>统一社会信用代码 {value} 无效（校验码有误）。请按营业执照填写。</translation>
    </message>
    <message>
        <source>Another backup to {name} is under way. Wait for it to finish, or choose another name.</source>
        <translation>另一个备份正在写入 {name}。请等待其完成，或另选一个名称。</translation>
    </message>
    <message>
        <source>{path} already exists; it was not changed. Choose a new name for the backup, or replace that file on purpose (--replace on the command line).</source>
        <translation>{path} 已存在，未做更改。请为备份选择一个新名称，或有意替换该文件（命令行加 --replace）。</translation>
    </message>
    <message>
        <source>{path} already exists. Open it, or choose another name for the new company.</source>
        <translation>{path} 已存在。请打开它，或为新公司另取一个名称。</translation>
    </message>
    <message>
        <source>{name} was written by a newer version of AR Desktop (schema {current}). Install the newer version to open it; this one will not change the file.</source>
        <translation>{name} 由较新版本的 AR Desktop 写入（结构版本 {current}）。请安装新版本后再打开；当前版本不会改动该文件。</translation>
    </message>
    <message>
        <source>Checking {name} before opening it…</source>
        <translation>打开前正在检查 {name}…</translation>
    </message>
    <message>
        <source>{name} was made by an older version of AR Desktop and must be upgraded, but it is on a read-only disk. Copy it to a folder you may write to and open that copy.</source>
        <translation>{name} 由旧版 AR Desktop 创建，需要升级，但它位于只读磁盘上。请将其复制到您有写入权限的文件夹中，再打开该副本。</translation>
    </message>
    <message>
        <source>Upgrading {name} to this version of AR Desktop…</source>
        <translation>正在将 {name} 升级到本版 AR Desktop…</translation>
    </message>
    <message>
        <source>Keeping a copy of {name} as it was before the upgrade…</source>
        <translation>正在保存 {name} 升级前的副本…</translation>
    </message>
    <message>
        <source>{name} is already open in another AR Desktop window or process. Close it there first, then open it here.</source>
        <translation>{name} 已在另一个 AR Desktop 窗口或进程中打开。请先在那里关闭，再在此处打开。</translation>
    </message>
    <message>
        <source>Cannot lock {name}: {reason}. Keep company files on a local disk (network folders may not support locks).</source>
        <translation>无法锁定 {name}：{reason}。请将账套文件放在本地磁盘上（网络文件夹可能不支持文件锁）。</translation>
    </message>
    <message>
        <source>There is no company file at {path}. Check the name, or create it with File ▸ New.</source>
        <translation>{path} 处没有账套文件。请检查文件名，或通过“文件 ▸ 新建”创建。</translation>
    </message>
    <message>
        <source>The disk holding {name} is full, so the file cannot be created. Free some space (or choose a disk with room), then do it again.</source>
        <translation>{name} 所在的磁盘已满，无法创建文件。请释放一些空间（或选择有剩余空间的磁盘）后重试。</translation>
    </message>
    <message>
        <source>Cannot open {path}: {reason}. Check that you may read the file and write to its folder.</source>
        <translation>无法打开 {path}：{reason}。请确认您有权读取该文件并写入其所在文件夹。</translation>
    </message>
    <message>
        <source>Cannot open {path}: {reason}. Check that the folder exists and that you may use it.</source>
        <translation>无法打开 {path}：{reason}。请确认该文件夹存在且您有权使用。</translation>
    </message>
    <message>
        <source>The disk holding {name} is full (or the file would be too large); it was not written. Free some space or choose another disk, then do it again.</source>
        <translation>{name} 所在的磁盘已满（或文件将超出大小上限）；未写入。请释放一些空间或选择其他磁盘后重试。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}. Choose a folder you may write to.</source>
        <translation>无法写入 {path}：{reason}。请选择一个您有写入权限的文件夹。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}. Check the disk and the folder, then do it again.</source>
        <translation>无法写入 {path}：{reason}。请检查磁盘和文件夹后重试。</translation>
    </message>
    <message>
        <source>The disk holding {name} is full; SQLite needs a little room beside the file even to read it. Free some space, then do it again. The file was not changed.</source>
        <translation>{name} 所在的磁盘已满；即使只是读取，SQLite 也需要在文件旁留出少量空间。请释放一些空间后重试。文件未被更改。</translation>
    </message>
    <message>
        <source>{name} is busy in another program (database is locked). Close the other program (or wait a moment) and do it again.</source>
        <translation>{name} 正被其他程序占用（数据库已锁定）。请关闭该程序（或稍候片刻）后重试。</translation>
    </message>
    <message>
        <source>Cannot read {path} ({reason}). Check that you may read the file and its folder, and the disk.</source>
        <translation>无法读取 {path}（{reason}）。请确认您有权读取该文件及其所在文件夹，并检查磁盘。</translation>
    </message>
    <message>
        <source>There is no company file at {path}. Check the name and folder.</source>
        <translation>{path} 处没有账套文件。请检查文件名和文件夹。</translation>
    </message>
    <message>
        <source> The latest good backup is {backup}; restore it with File ▸ Restore (or &apos;ar-desktop --db &quot;{path}&quot; restore &quot;{backup}&quot;&apos;).</source>
        <translation>最近一份完好的备份是 {backup}；请用“文件 ▸ 恢复”恢复它（或运行 &apos;ar-desktop --db &quot;{path}&quot; restore &quot;{backup}&quot;&apos;）。</translation>
    </message>
    <message>
        <source> No automatic backup was found beside it; restore a copy you made, if you have one.</source>
        <translation>旁边没有找到自动备份；如您自己保存过副本，请恢复该副本。</translation>
    </message>
    <message>
        <source>{name} is damaged. It was not changed.{hint} (SQLite&apos;s integrity check: {shown})</source>
        <translation>{name} 已损坏。该文件未被改动。{hint}（SQLite 完整性检查：{shown}）</translation>
    </message>
    <message>
        <source>The disk holding {name} is full; the last change was not saved. Free some space (or move the file to a disk with room), then do it again.</source>
        <translation>存放 {name} 的磁盘已满；最后一次更改未保存。请腾出空间（或将文件移到有空间的磁盘），然后重做。</translation>
    </message>
    <message>
        <source>{name} is read-only, so the change was not saved. Copy the file to a folder you may write to (or remove the read-only flag), open that copy and do it again.</source>
        <translation>{name} 是只读文件，更改未保存。请将文件复制到您有写入权限的文件夹（或取消只读属性），打开该副本后重做。</translation>
    </message>
    <message>
        <source>{name} or its folder cannot be opened for writing (unable to open database file). Check that the folder still exists and that you may write to it.</source>
        <translation>无法以写入方式打开 {name} 或其所在文件夹（unable to open database file）。请检查该文件夹是否仍然存在，以及您是否有写入权限。</translation>
    </message>
    <message>
        <source>{name} is busy in another program (database is locked); the change was not saved. Close the other program (or wait a moment) and do it again.</source>
        <translation>{name} 正被另一个程序占用（database is locked）；更改未保存。请关闭该程序（或稍等片刻）后重做。</translation>
    </message>
    <message>
        <source>The disk reported an error while writing {name} (disk I/O error); the change was not saved. Check the disk or network drive, then do it again.</source>
        <translation>写入 {name} 时磁盘报告错误（disk I/O error）；更改未保存。请检查磁盘或网络驱动器，然后重做。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}. Check that you may read the file.</source>
        <translation>无法读取 {path}：{reason}。请确认您有权读取该文件。</translation>
    </message>
    <message>
        <source>{name} is not a file (it is a folder or a device). Choose a .ardb company file.</source>
        <translation>{name} 不是文件（而是文件夹或设备）。请选择一个 .ardb 账套文件。</translation>
    </message>
    <message>
        <source>{name} is empty (0 bytes); it is not an AR Desktop company file. Choose a .ardb file made by AR Desktop.</source>
        <translation>{name} 是空文件（0 字节），不是 AR Desktop 账套文件。请选择由 AR Desktop 创建的 .ardb 文件。</translation>
    </message>
    <message>
        <source>{name} is not an AR Desktop company file (it is not a SQLite database). Choose a .ardb file made by AR Desktop.</source>
        <translation>{name} 不是 AR Desktop 账套文件（它不是 SQLite 数据库）。请选择由 AR Desktop 创建的 .ardb 文件。</translation>
    </message>
    <message>
        <source>{name} is a damaged SQLite database that is not an AR Desktop company file ({reason}). Choose a .ardb file made by AR Desktop.</source>
        <translation>{name} 是一个已损坏的 SQLite 数据库，并非 AR Desktop 账套文件（{reason}）。请选择由 AR Desktop 创建的 .ardb 文件。</translation>
    </message>
    <message>
        <source>{name} is an empty SQLite database, not an AR Desktop company file. It was not changed. Choose a .ardb file made by AR Desktop.</source>
        <translation>{name} 是一个空的 SQLite 数据库，不是 AR Desktop 账套文件。文件未被更改。请选择由 AR Desktop 创建的 .ardb 文件。</translation>
    </message>
    <message>
        <source>{name} is another program&apos;s SQLite database (tables {tables}), not an AR Desktop company file. It was not changed. Choose a .ardb file made by AR Desktop.</source>
        <translation>{name} 是其他程序的 SQLite 数据库（数据表 {tables}），不是 AR Desktop 账套文件。文件未被更改。请选择由 AR Desktop 创建的 .ardb 文件。</translation>
    </message>
    <message>
        <source>{name} is a SQLite database of another program (application id {app_id}), not an AR Desktop company file. It was not changed. Choose a .ardb file made by AR Desktop.</source>
        <translation>{name} 是其他程序的 SQLite 数据库（应用标识 {app_id}），不是 AR Desktop 账套文件。文件未被更改。请选择由 AR Desktop 创建的 .ardb 文件。</translation>
    </message>
    <message>
        <source>{name} is not a backup of an AR Desktop company file.</source>
        <translation>{name} 不是 AR Desktop 公司账套文件的备份。</translation>
    </message>
    <message>
        <source>There is no customer with code &apos;{code}&apos;. Add the customer first or check the code.</source>
        <translation>没有编号为“{code}”的客户。请先添加该客户，或核对编号。</translation>
    </message>
    <message>
        <source>Invoice number {number} is already used. Each invoice needs its own number; the next free one is {next}.</source>
        <translation>发票号 {number} 已被使用。每张发票都需要自己的号码；下一个可用号码是 {next}。</translation>
    </message>
    <message>
        <source>Invoice {number} is void and can no longer be changed.</source>
        <translation>发票 {number} 已作废，不能再修改。</translation>
    </message>
    <message>
        <source>Invoice {number} has payments; its customer and currency cannot change. Void it and enter a new invoice instead.</source>
        <translation>发票 {number} 已有收款，其客户和币种不能更改。请将其作废并另开一张新发票。</translation>
    </message>
    <message>
        <source>Invoice {number} has {paid} paid already; the amount cannot be lower than that.</source>
        <translation>发票 {number} 已收款 {paid}，金额不能低于此数。</translation>
    </message>
    <message>
        <source>Say why the invoice is voided; the reason stays on record.</source>
        <translation>请说明作废发票的原因；该原因将留档。</translation>
    </message>
    <message>
        <source>Invoice {number} is already void.</source>
        <translation>发票 {number} 已作废。</translation>
    </message>
    <message>
        <source>Invoice {number} was issued on {issue_date}; it cannot be voided before that.</source>
        <translation>发票 {number} 的开票日期为 {issue_date}，不能在此之前作废。</translation>
    </message>
    <message>
        <source>Invoice {number} received a payment after {on}; void it on or after the date of its last payment.</source>
        <translation>发票 {number} 在 {on} 之后收到过付款；请在最后一次收款当日或之后作废。</translation>
    </message>
    <message>
        <source>Invoice {number} has payments or is void, so it stays on record. Void it instead.</source>
        <translation>发票 {number} 已有收款或已作废，须保留记录。请改为作废。</translation>
    </message>
    <message>
        <source>Give the reason of the dispute (what the customer contests).</source>
        <translation>请填写争议原因（客户对什么有异议）。</translation>
    </message>
    <message>
        <source>The end date is before the start date. Swap them.</source>
        <translation>结束日期早于开始日期。请将两者对调。</translation>
    </message>
    <message>
        <source>The payment date {date} is in the future. Enter the date the money arrived.</source>
        <translation>收款日期 {date} 在未来。请输入款项实际到账的日期。</translation>
    </message>
    <message>
        <source>Invoice {invoice_number} is not an open invoice of {name} on {date}.</source>
        <translation>发票 {invoice_number} 在 {date} 不是{name}的未结发票。</translation>
    </message>
    <message>
        <source>There is no credit to apply, or no open invoice to apply it to.</source>
        <translation>没有可使用的贷方余额，或没有可冲抵的未结发票。</translation>
    </message>
    <message>
        <source>The period ends ({end}) before it starts ({start}). Swap the dates.</source>
        <translation>期间的结束日期（{end}）早于开始日期（{start}）。请对调这两个日期。</translation>
    </message>
    <message>
        <source>There is no customer with code {code}. Check the code in the Customers list.</source>
        <translation>没有编号为 {code} 的客户。请在客户列表中核对编号。</translation>
    </message>
    <message>
        <source>Invoice {number} was voided; what this payment paid on it became the customer&apos;s credit. Leave its amount as it is.</source>
        <translation>发票 {number} 已作废；本笔收款在该发票上支付的金额已转为客户余额。请保持该金额不变。</translation>
    </message>
    <message>
        <source>Payment {id} paid invoice {number}, which was voided since; what it paid became the customer&apos;s credit. Use that credit, or write to the customer, instead of reversing.</source>
        <translation>第 {id} 号收款支付的发票 {number} 后来已作废；所付金额已转为客户余额。请使用该余额或与客户联系，而不要冲销。</translation>
    </message>
    <message>
        <source>Payment {id} was already reversed by entry {by}.</source>
        <translation>第 {id} 号收款已被第 {by} 号记录冲销。</translation>
    </message>
    <message>
        <source>Say why the payment is reversed (for example: bounced cheque, wrong customer, mistyped amount); the reason stays on record.</source>
        <translation>请说明冲销的原因（例如：支票退票、客户记错、金额录错）；原因会保留在记录中。</translation>
    </message>
    <message>
        <source>The reason is {n} characters long; keep it to {max}.</source>
        <translation>原因长 {n} 个字符；请控制在 {max} 个字符以内。</translation>
    </message>
    <message>
        <source>reversal</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>Payment {id} was reversed; its split can no longer be changed.</source>
        <translation>第 {id} 号收款已被冲销，不能再修改其核销分配。</translation>
    </message>
    <message>
        <source>Entry {id} ({kind}) cannot be reversed. Reverse the payment it belongs to, or enter a new payment.</source>
        <translation>第 {id} 号记录（{kind}）不能冲销。请冲销它所属的收款，或录入一笔新收款。</translation>
    </message>
    <message>
        <source>Entry {id} ({kind}) is tied to what it corrects; only the split of a payment or a credit can be changed.</source>
        <translation>第 {id} 号记录（{kind}）与其更正的发票绑定；只有收款或贷方余额的分配可以更改。</translation>
    </message>
    <message>
        <source>change of split</source>
        <translation>核销分配的修改</translation>
    </message>
    <message>
        <source>An amount applied to an invoice cannot be negative.</source>
        <translation>核销到发票上的金额不能为负数。</translation>
    </message>
    <message>
        <source>The split applies {applied}, more than the payment of {amount}. Lower an amount.</source>
        <translation>分配合计 {applied}，超过了收款金额 {amount}。请减少某一项金额。</translation>
    </message>
    <message>
        <source>The invoice chosen is not open any more; reload the payment and choose again.</source>
        <translation>所选发票已不再是未结发票；请重新打开这笔收款后再选择。</translation>
    </message>
    <message>
        <source>Invoice {number} has only {open} open besides this payment; it cannot take {more} more.</source>
        <translation>除本笔收款外，发票 {number} 只有 {open} 未结；不能再多核销 {more}。</translation>
    </message>
    <message>
        <source>The date {date} is in the future. A {what} is dated today or earlier.</source>
        <translation>日期 {date} 在未来。{what}的日期只能是今天或更早。</translation>
    </message>
    <message>
        <source>Payment {id} was last applied on {date}; a {what} cannot be dated before that (reports up to then stay as they were).</source>
        <translation>第 {id} 号收款最近一次核销是在 {date}；{what}的日期不能早于该日（在此之前的报表保持不变）。</translation>
    </message>
    <message>
        <source>write-off</source>
        <translation>坏账核销</translation>
    </message>
    <message>
        <source>credit note</source>
        <translation>贷项通知单</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; are not payment terms. Write the days, e.g. &apos;30&apos;, &apos;net 30&apos; or &apos;2/10 net 30&apos;.</source>
        <translation>“{text}”不是有效的付款条件。请填写天数，例如“30”、“net 30”或“2/10 net 30”。</translation>
    </message>
    <message>
        <source>The discount {percent} % must be between 0 and 100.</source>
        <translation>折扣率 {percent}% 必须大于 0 且小于 100。</translation>
    </message>
    <message>
        <source>The discount period ({days} days) cannot be longer than the net period ({net} days).</source>
        <translation>折扣期（{days} 天）不能长于付款期（{net} 天）。</translation>
    </message>
    <message>
        <source>Payment terms of {days} days are out of range. Use 0 to {most} days.</source>
        <translation>{days} 天的账期超出范围，请使用 0 至 {most} 天。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a late-charge rule. Use one of: {rule_kind_keys}.</source>
        <translation>“{text}”不是滞纳金规则。请使用以下之一：{rule_kind_keys}。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a day count. Use 365 (days/365), 360 (days/360) or actual (each day divided by the length of its year).</source>
        <translation>“{text}”不是计息天数规则。请使用 365（天数/365）、360（天数/360）或 actual（每天除以当年实际天数）。</translation>
    </message>
    <message>
        <source>The rule contract_tiered needs its tiers: the daily rates with the last day of each, e.g. 0.05/30;0.08/60;0.1.</source>
        <translation>阶梯式滞纳金规则须填写各档费率：每档的日利率及其最后一天，例如 0.05/30;0.08/60;0.1。</translation>
    </message>
    <message>
        <source>At most {most} tiers, written like 0.05/30;0.08/60;0.1.</source>
        <translation>最多 {most} 档，写法如 0.05/30;0.08/60;0.1。</translation>
    </message>
    <message>
        <source>Tier {tier} ({text}): the daily rate must be a number above 0 and at most {most} %, e.g. 0.05/30;0.08/60;0.1.</source>
        <translation>第{tier}档（{text}）：日利率须为大于 0 且不超过 {most}% 的数字，例如 0.05/30;0.08/60;0.1。</translation>
    </message>
    <message>
        <source>The last tier ({text}) applies to every later day and takes no last day, e.g. 0.05/30;0.08/60;0.1.</source>
        <translation>最后一档（{text}）适用于其后所有天数，无需填写最后一天，例如 0.05/30;0.08/60;0.1。</translation>
    </message>
    <message>
        <source>Tier {tier} ({text}) needs the last day of lateness it covers, e.g. 0.05/30;0.08/60;0.1.</source>
        <translation>第{tier}档（{text}）须写明其适用的最后一个逾期天数，例如 0.05/30;0.08/60;0.1。</translation>
    </message>
    <message>
        <source>Tier {tier} ends on day {day}, not after the tier before it (day {before}).</source>
        <translation>第{tier}档止于第{day}天，未晚于上一档（第{before}天）。</translation>
    </message>
    <message>
        <source>The rule &apos;{kind}&apos; needs the agreed interest rate in percent ({example}).</source>
        <translation>规则“{kind}”需要填写约定利率（百分比，{example}）。</translation>
    </message>
    <message>
        <source>per day, e.g. 0.05</source>
        <translation>按日，例如 0.05</translation>
    </message>
    <message>
        <source>per year, e.g. 18</source>
        <translation>按年，例如 18</translation>
    </message>
    <message>
        <source>The interest rate</source>
        <translation>利率</translation>
    </message>
    <message>
        <source>a day</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>a year</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>The interest rate {rate} % must be greater than zero. For no interest, choose the rule &apos;none&apos;.</source>
        <translation>利率 {rate} % 必须大于零。如不计利息，请选择“不收取滞纳费用”规则。</translation>
    </message>
    <message>
        <source>The interest rate {rate} % {unit} is above {limit} % {unit}. Write the rate in percent (e.g. 0.05 for 0.05 % a day, 18 for 18 % a year).</source>
        <translation>利率{unit} {rate} % 高于{unit} {limit} %。请以百分数填写利率（例如每日 0.05 % 填 0.05，每年 18 % 填 18）。</translation>
    </message>
    <message>
        <source>The rule &apos;{kind}&apos; takes no interest rate of its own (statutory rules use the published reference rate). Leave the rate empty.</source>
        <translation>规则“{kind}”不使用自定利率（法定规则采用公布的参考利率）。请将利率留空。</translation>
    </message>
    <message>
        <source>the law sets it</source>
        <translation>由法律规定</translation>
    </message>
    <message>
        <source>it charges nothing</source>
        <translation>该规则不收取任何费用</translation>
    </message>
    <message>
        <source>The rule &apos;{kind}&apos; takes no fixed amount of its own ({why}). Leave the fixed amount empty.</source>
        <translation>规则“{kind}”不使用自定固定金额（{why}）。请将固定金额留空。</translation>
    </message>
    <message>
        <source>The fixed amount</source>
        <translation>固定金额</translation>
    </message>
    <message>
        <source>The fixed amount {fee} is negative. Enter zero or a positive amount.</source>
        <translation>固定金额 {fee} 为负数。请输入零或正数金额。</translation>
    </message>
    <message>
        <source>{what} &apos;{value}&apos; is not a number. Write digits with &apos;.&apos; as decimal point.</source>
        <translation>{what}“{value}”不是数字。请输入数字，并以“.”作小数点。</translation>
    </message>
    <message>
        <source>The payment of {amount} on {day} for invoice {number} is zero. Leave it out.</source>
        <translation>发票 {number} 于 {day} 的付款 {amount} 为零。请将其删去。</translation>
    </message>
    <message>
        <source>Invoice {number} is in {currency}, but the rule &apos;{rule}&apos; applies to {needed} debts only (its reference rate and fixed compensation are in {needed}). Use a contractual rule (&apos;{annual}&apos; or &apos;{daily}&apos;) for this customer.</source>
        <translation>发票 {number} 以 {currency} 计价，但规则“{rule}”仅适用于 {needed} 债务（其参考利率和固定赔偿金均以 {needed} 计）。请为该客户使用合同约定规则（“{annual}”或“{daily}”）。</translation>
    </message>
    <message>
        <source>Say why (the reason stays on record with the {what}).</source>
        <translation>请说明原因（原因将随{what}一并存档）。</translation>
    </message>
    <message>
        <source>The {what} date {on} is in the future. Use today or an earlier date.</source>
        <translation>{what}日期 {on} 在未来。请使用今天或更早的日期。</translation>
    </message>
    <message>
        <source>There is no invoice {invoice_number}. Check the number.</source>
        <translation>没有发票 {invoice_number}。请核对发票号。</translation>
    </message>
    <message>
        <source>Invoice {number} is void; there is nothing to {what}.</source>
        <translation>发票 {number} 已作废，无需再做{what}。</translation>
    </message>
    <message>
        <source>Invoice {number} was issued on {issue_date}; the {what} cannot be dated before that.</source>
        <translation>发票 {number} 开具于 {issue_date}；{what}的日期不能早于该日。</translation>
    </message>
    <message>
        <source>Invoice {number} is fully settled; there is nothing to {what}.</source>
        <translation>发票 {number} 已全部结清，无需再做{what}。</translation>
    </message>
    <message>
        <source>Invoice {number} has only {open_amount} {currency} open; the {what} of {value} would exceed it. Lower the amount.</source>
        <translation>发票 {number} 仅有 {open_amount} {currency} 未结；{value} 的{what}将超出此数。请降低金额。</translation>
    </message>
    <message>
        <source>A payment must be greater than zero.</source>
        <translation>收款金额必须大于零。</translation>
    </message>
    <message>
        <source>An allocated amount cannot be negative.</source>
        <translation>分配金额不能为负数。</translation>
    </message>
    <message>
        <source>A payment can only be allocated to an open invoice of the same customer.</source>
        <translation>收款只能分配到同一客户的未结发票。</translation>
    </message>
    <message>
        <source>Invoice {number} has only {open_amount} open; you allocated {allocated}. Lower the amount for that invoice.</source>
        <translation>发票 {number} 仅有 {open_amount} 未结，您分配了 {allocated}。请降低该发票的分配金额。</translation>
    </message>
    <message>
        <source>You allocated {applied} but the payment is only {amount}. Lower the allocations.</source>
        <translation>您分配了 {applied}，但收款只有 {amount}。请降低分配金额。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an amount; it cannot be written in Chinese capitals.</source>
        <translation>“{value}”不是金额，无法写成中文大写。</translation>
    </message>
    <message>
        <source>The amount {amount} is too large to be written in Chinese capitals.</source>
        <translation>金额 {amount} 太大，无法写成中文大写。</translation>
    </message>
    <message>
        <source>The credit setting &apos;{name}&apos; must be a number of 0 or more, not {value!r}. Correct it in the settings.</source>
        <translation>信用设置“{name}”必须是 0 或更大的数字，不能是 {value!r}。请在设置中更正。</translation>
    </message>
    <message>
        <source>The credit review percentage {review_percent} must be from 0 to 100. Correct it in the settings.</source>
        <translation>信用复核百分比 {review_percent} 必须在 0 至 100 之间。请在设置中更正。</translation>
    </message>
    <message>
        <source>The credit setting &apos;{name}&apos; is a share from 0 to 1 (0.10 = 10 %), not {value}. Correct it in the settings.</source>
        <translation>信用设置“{name}”是 0 至 1 之间的比例（0.10 = 10 %），不能是 {value}。请在设置中更正。</translation>
    </message>
    <message>
        <source>The class A limit for average days late is above the class C one. Make the class A limit the smaller of the two.</source>
        <translation>A 类客户的平均逾期天数上限高于 C 类。请让 A 类上限小于 C 类。</translation>
    </message>
    <message>
        <source>The class A limit for the share of late invoices is above the class C one. Make the class A limit the smaller of the two.</source>
        <translation>A 类客户的逾期发票比例上限高于 C 类。请让 A 类上限小于 C 类。</translation>
    </message>
    <message>
        <source>The credit limit {limit} must be greater than zero. Leave it empty when the customer has no credit limit.</source>
        <translation>信用额度 {limit} 必须大于零。客户没有信用额度时请留空。</translation>
    </message>
    <message>
        <source>The number of instalments &apos;{count}&apos; must be a whole number, 1 or more.</source>
        <translation>分期期数“{count}”必须是 1 或更大的整数。</translation>
    </message>
    <message>
        <source>The days between instalments &apos;{every_days}&apos; must be a whole number, 1 or more.</source>
        <translation>分期间隔天数“{every_days}”必须是 1 或更大的整数。</translation>
    </message>
    <message>
        <source>The amount of the plan {total} must be greater than zero.</source>
        <translation>还款计划金额 {total} 必须大于零。</translation>
    </message>
    <message>
        <source>The amount of the plan {total} has more decimals than the currency.</source>
        <translation>还款计划金额 {total} 的小数位数超过该币种允许的位数。</translation>
    </message>
    <message>
        <source>{total} cannot be split into {count} instalments; use fewer instalments.</source>
        <translation>{total} 无法分成 {count} 期；请减少期数。</translation>
    </message>
    <message>
        <source>1 instalment of {amount} on {date}</source>
        <translation>{date} 一次性付款 {amount}</translation>
    </message>
    <message>
        <source>{count} instalments of {amount} (last {last}) from {date} every {days} days</source>
        <translation>自 {date} 起每 {days} 天一期，共 {count} 期，每期 {amount}（末期 {last}）</translation>
    </message>
    <message>
        <source>{count} instalments of {amount} from {date} every {days} days</source>
        <translation>自 {date} 起每 {days} 天一期，共 {count} 期，每期 {amount}</translation>
    </message>
    <message>
        <source>&apos;{serial}&apos; is not an eight-digit serial number.</source>
        <translation>“{serial}”不是八位序列号。</translation>
    </message>
    <message>
        <source>The tracking number {compact} looks like a UPU S10 number, but its check digit (the 11th character) is {given} where {expected} was expected. Check the number on the postal receipt for a typing mistake.</source>
        <translation>跟踪号 {compact} 看起来是 UPU S10 编号，但其校验位（第 11 位）是 {given}，应为 {expected}。请对照邮局收据检查是否输错。</translation>
    </message>
    <message>
        <source>The tracking number {compact} looks like a UPU S10 number but has {digits} digits; it must have exactly 9 (two letters, nine digits, two letters, e.g. RR123456785CN).</source>
        <translation>跟踪号 {compact} 看起来是 UPU S10 编号，但有 {digits} 位数字；必须正好 9 位（两个字母、九位数字、两个字母，例如 RR123456785CN）。</translation>
    </message>
    <message>
        <source>Invoice {number} cannot take {amount}: it is voided, belongs to another customer or would be overpaid.</source>
        <translation>发票 {number} 不能核销 {amount}：该发票已作废、属于其他客户，或将被超额付款。</translation>
    </message>
    <message>
        <source>Invoice {number} has only {paid} paid; {value} cannot be taken back from it.</source>
        <translation>发票 {number} 仅已收款 {paid}，不能从中冲回 {value}。</translation>
    </message>
    <message>
        <source>Invoice {number} was issued on {issue_date}; a payment dated {date} cannot be applied to it.</source>
        <translation>发票 {number} 的开票日期为 {issue_date}，日期为 {date} 的收款不能核销至该发票。</translation>
    </message>
    <message>
        <source>Invoice {number}: this entry had applied {had} to it by {date}; {amount} cannot be taken back.</source>
        <translation>发票 {number}：截至 {date}，本笔记录只核销了 {had}，不能冲回 {amount}。</translation>
    </message>
    <message>
        <source>Invoice {number} would be overpaid on {day}: {amount} applied on {date} comes before entries that already pay it then. Date it on or after {last}.</source>
        <translation>发票 {number} 在 {day} 将被超额核销：{date} 核销的 {amount} 早于当时已付清该发票的记录。请将日期定在 {last} 或之后。</translation>
    </message>
    <message>
        <source>There is no payment {id}. Check the number in the Payments list.</source>
        <translation>没有第 {id} 号收款记录。请在“收款”列表中核对编号。</translation>
    </message>
    <message>
        <source>&apos;{entity}&apos; is not a kind of record; use customer, invoice or payment.</source>
        <translation>“{entity}”不是记录类型；请使用 customer（客户）、invoice（发票）或 payment（收款）。</translation>
    </message>
    <message>
        <source>Debt acknowledged in writing</source>
        <translation>债务已书面确认</translation>
    </message>
    <message>
        <source>Debt acknowledged orally</source>
        <translation>债务已口头确认</translation>
    </message>
    <message>
        <source>Debt acknowledged by the returned balance confirmation</source>
        <translation>债务已由回签的对账确认函确认</translation>
    </message>
    <message>
        <source>, until {date}</source>
        <translation>，有效期至 {date}</translation>
    </message>
    <message>
        <source>{limit} (policy {policy}{until}, insurer&apos;s ref. {reference})</source>
        <translation>{limit}（保单 {policy}{until}，保险公司批复编号 {reference}）</translation>
    </message>
    <message>
        <source>{limit} (policy {policy}{until}, set under the discretionary limit)</source>
        <translation>{limit}（保单 {policy}{until}，在自主限额内设定）</translation>
    </message>
    <message>
        <source>{sources}: {decision}; next review {date}. {findings}</source>
        <translation>{sources}：{decision}；下次复核 {date}。{findings}</translation>
    </message>
    <message>
        <source>{sources}: {decision}. {findings}</source>
        <translation>{sources}：{decision}。{findings}</translation>
    </message>
    <message>
        <source>to be returned by {date}</source>
        <translation>须于 {date} 前寄回</translation>
    </message>
    <message>
        <source>signed as sent</source>
        <translation>签字确认无误</translation>
    </message>
    <message>
        <source>with a difference</source>
        <translation>存在差异</translation>
    </message>
    <message>
        <source>Insurer withdrew the cover (policy {policy})</source>
        <translation>保险公司已撤销承保（保单 {policy}）</translation>
    </message>
    <message>
        <source>Cannot export &apos;{what}&apos;; choose one of: {whats}.</source>
        <translation>无法导出“{what}”；请选择以下之一：{whats}。</translation>
    </message>
    <message>
        <source>{name}: export to a file ending in .csv or .xlsx.</source>
        <translation>{name}：请导出为扩展名为 .csv 或 .xlsx 的文件。</translation>
    </message>
    <message>
        <source>The folder {parent} does not exist. Choose an existing folder.</source>
        <translation>文件夹 {parent} 不存在。请选择一个已有的文件夹。</translation>
    </message>
    <message>
        <source>Reading the list…</source>
        <translation>正在读取列表…</translation>
    </message>
    <message>
        <source>Writing {rows} rows…</source>
        <translation>正在写入 {rows} 行…</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>正在保存 {name}…</translation>
    </message>
    <message>
        <source>Cannot write {path}: {e}. Check that the disk has room, that the file is not open in another program, and that you may write to the folder.</source>
        <translation>无法写入 {path}：{e}。请检查磁盘空间是否充足、该文件是否已在其他程序中打开，以及您是否有该文件夹的写入权限。</translation>
    </message>
    <message>
        <source>Customer {customer_code}: {problem}</source>
        <translation>客户 {customer_code}：{problem}</translation>
    </message>
    <message>
        <source> Use &apos;.&apos; as decimal point.</source>
        <translation>请用“.”作小数点。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a rate in percent. Write a number such as 4.50.{hint}</source>
        <translation>“{value}”不是百分比利率。请输入数字，例如 4.50。{hint}</translation>
    </message>
    <message>
        <source>The rate {value} % is outside {min_rate} to {max_rate} %. Write the rate in percent, e.g. 4.50 for 4.50 %.</source>
        <translation>利率 {value} % 超出 {min_rate} % 至 {max_rate} % 的范围。请以百分数填写利率，例如 4.50 % 填 4.50。</translation>
    </message>
    <message>
        <source>The note is longer than {max_note} characters. Shorten it.</source>
        <translation>备注超过 {max_note} 个字符。请缩短。</translation>
    </message>
    <message>
        <source>Table &apos;{key}&apos; already has a rate from {day} ({rate_percent} %). Correct that rate instead of adding a second one.</source>
        <translation>利率表“{key}”已有自 {day} 起的利率（{rate_percent} %）。请更正该利率，不要再添加第二条。</translation>
    </message>
    <message>
        <source>Table &apos;{key}&apos; ({table_descriptions}) has no rate from {day}. Add it as a new rate instead.</source>
        <translation>利率表“{key}”（{table_descriptions}）没有自 {day} 起的利率。请将其作为新利率添加。</translation>
    </message>
    <message>
        <source>Table &apos;{key}&apos; has no rate from {day}; there is nothing to remove.</source>
        <translation>利率表“{key}”没有自 {day} 起的利率，无可删除。</translation>
    </message>
    <message>
        <source>{table} {day}: {kept} % in the company file, {new} % in the CSV</source>
        <translation>{table} {day}：公司账套文件中为 {kept} %，CSV 中为 {new} %</translation>
    </message>
    <message>
        <source>The rate file contradicts rates already kept; correct those rates one by one first:
{clashes}</source>
        <translation>利率文件与已保存的利率相矛盾；请先逐条更正这些利率：
{clashes}</translation>
    </message>
    <message>
        <source>There is no letter with id {letter_id}. Check the id in the customer&apos;s history.</source>
        <translation>没有编号为 {letter_id} 的函件。请在客户的催收记录中核对编号。</translation>
    </message>
    <message>
        <source>Letter {reference}: the archived file {path} is missing. Restore it from a backup.</source>
        <translation>函件 {reference}：归档文件 {path} 缺失。请从备份中恢复。</translation>
    </message>
    <message>
        <source>Letter {reference}: the archived file {path} cannot be read ({reason}).</source>
        <translation>函件 {reference}：无法读取归档文件 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>Letter {reference} is unchanged (SHA-256 {actual}).</source>
        <translation>函件 {reference} 未被改动（SHA-256 {actual}）。</translation>
    </message>
    <message>
        <source>Letter {reference}: the archived file {path} was changed after it was issued (SHA-256 {actual}, expected {expected}). Restore the original from a backup.</source>
        <translation>函件 {reference}：归档文件 {path} 在发出后被改动过（SHA-256 为 {actual}，应为 {expected}）。请从备份中恢复原件。</translation>
    </message>
    <message>
        <source>Letter {ref} was committed without its archived file. Print it again from the customer&apos;s history and keep the copy.</source>
        <translation>函件 {ref} 已登记，但没有存档文件。请从客户的催收档案中重新打印并保留副本。</translation>
    </message>
    <message>
        <source>The letter archive holds {file}, which no letter in this company file names (left by an interrupted batch, or the company file was restored from an older backup). Keep it if it was sent; the next batch moves it into {folder}.</source>
        <translation>函件存档中有文件 {file}，但本公司文件中没有任何函件对应它（可能是中断的批量出函留下的，或公司文件是从较早的备份恢复的）。如该函已寄出，请保留；下一次批量出函会将其移入 {folder}。</translation>
    </message>
    <message>
        <source>There are no letters to print. Select at least one letter.</source>
        <translation>没有要打印的函件。请至少选择一封函件。</translation>
    </message>
    <message>
        <source>The selected letters use different layouts ({layouts}). Print the letters of one layout at a time.</source>
        <translation>所选函件使用了不同的版式（{layouts}）。请每次只打印同一版式的函件。</translation>
    </message>
    <message>
        <source>This letter was stored without its document; print its archived PDF instead.</source>
        <translation>该函件保存时未附文档；请改为打印其归档的 PDF。</translation>
    </message>
    <message>
        <source>{reference} ({what}): claimed {amount}, pay by {deadline}</source>
        <translation>{reference}（{what}）：催收 {amount}，付款期限 {deadline}</translation>
    </message>
    <message>
        <source>letter {reference}</source>
        <translation>函件 {reference}</translation>
    </message>
    <message>
        <source>{letter} ({via}), tracking {tracking}</source>
        <translation>{letter}（{via}），跟踪号 {tracking}</translation>
    </message>
    <message>
        <source>{letter}, tracking {tracking}</source>
        <translation>{letter}，跟踪号 {tracking}</translation>
    </message>
    <message>
        <source>{letter}, signed by {name}</source>
        <translation>{letter}，签收人 {name}</translation>
    </message>
    <message>
        <source>{letter}: scan attached ({note})</source>
        <translation>{letter}：已附扫描件（{note}）</translation>
    </message>
    <message>
        <source>{letter}, entry {entry}: {note}</source>
        <translation>{letter}，第 {entry} 号记录：{note}</translation>
    </message>
    <message>
        <source>{letter}, entry {entry}</source>
        <translation>{letter}，第 {entry} 号记录</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>回执</translation>
    </message>
    <message>
        <source>{amount} {currency}</source>
        <translation>{amount} {currency}</translation>
    </message>
    <message>
        <source>Letter {ref} ({what}): invoices falling due {amount}; nothing claimed.</source>
        <translation>函件 {ref}（{what}）：即将到期的发票 {amount}；未主张任何款项。</translation>
    </message>
    <message>
        <source>Letter {ref} ({what}) claims {total}: invoices {amount}</source>
        <translation>函件 {ref}（{what}）主张 {total}：发票 {amount}</translation>
    </message>
    <message>
        <source>, interest {interest}, fixed compensation {fixed}</source>
        <translation>，逾期利息 {interest}，固定补偿 {fixed}</translation>
    </message>
    <message>
        <source>; {amount} in dispute not claimed</source>
        <translation>；有争议的 {amount} 未主张</translation>
    </message>
    <message>
        <source>; pay by {date}.</source>
        <translation>；付款期限 {date}。</translation>
    </message>
    <message>
        <source>Letter to {code}…</source>
        <translation>正在生成致 {code} 的函件…</translation>
    </message>
    <message>
        <source>The letter archive already holds {final}. Move that file away: archived letters are never overwritten.</source>
        <translation>函件档案中已有 {final}。请将该文件移走：已归档的函件绝不会被覆盖。</translation>
    </message>
    <message>
        <source>Unknown letter layout &apos;{key}&apos;. Choose one of: {layout_keys}.</source>
        <translation>未知的信函版式“{key}”。请选择以下之一：{layout_keys}。</translation>
    </message>
    <message>
        <source>The payment deadline &apos;{days}&apos; must be a whole number of days from 1 to {max_deadline_days} after the letter date.</source>
        <translation>付款期限“{days}”必须是函件日期之后 1 至 {max_deadline_days} 之间的整数天数。</translation>
    </message>
    <message>
        <source>The letter text is empty. Write the letter, or restore the shipped text.</source>
        <translation>函件正文为空。请撰写正文，或恢复为出厂文本。</translation>
    </message>
    <message>
        <source>The letter text is longer than {max_template_chars} characters. Shorten it.</source>
        <translation>函件正文超过 {max_template_chars} 个字符。请缩短。</translation>
    </message>
    <message>
        <source>Class A - gentle: for customers who pay reliably.</source>
        <translation>A 类 – 宽松：适用于付款可靠的客户。</translation>
    </message>
    <message>
        <source>Class B - standard: for most customers.</source>
        <translation>B 类 – 标准：适用于大多数客户。</translation>
    </message>
    <message>
        <source>Class C - strict: for customers who often pay late.</source>
        <translation>C 类 – 严格：适用于经常逾期付款的客户。</translation>
    </message>
    <message>
        <source>{days} days before the due date</source>
        <translation>到期前 {days} 天</translation>
    </message>
    <message>
        <source>on the due date</source>
        <translation>到期当日</translation>
    </message>
    <message>
        <source>{days} days after the due date</source>
        <translation>逾期 {days} 天</translation>
    </message>
    <message>
        <source>{step}: {when}</source>
        <translation>{step}：{when}</translation>
    </message>
    <message>
        <source>{flavour} {steps}.</source>
        <translation>{flavour}{steps}。</translation>
    </message>
    <message>
        <source>Courtesy reminder</source>
        <translation>到期前友情提醒</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>付款提醒</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话催收</translation>
    </message>
    <message>
        <source>Formal demand letter</source>
        <translation>正式催款函</translation>
    </message>
    <message>
        <source>Final notice</source>
        <translation>最后催告函</translation>
    </message>
    <message>
        <source>Legal action</source>
        <translation>法律行动</translation>
    </message>
    <message>
        <source>Collection agency</source>
        <translation>移交催收机构</translation>
    </message>
    <message>
        <source>Credit hold</source>
        <translation>暂停赊销</translation>
    </message>
    <message>
        <source>Courtesy note</source>
        <translation>到期前友情提醒函</translation>
    </message>
    <message>
        <source>Reminder letter</source>
        <translation>付款提醒函</translation>
    </message>
    <message>
        <source>Notice before legal action</source>
        <translation>法律行动前通知函</translation>
    </message>
    <message>
        <source>Notice of hand-over to a collection agency</source>
        <translation>移交催收机构通知函</translation>
    </message>
    <message>
        <source>Step &apos;{key}&apos;: &apos;{value}&apos; is not a known action. Choose one of: {actions}.</source>
        <translation>步骤“{key}”：“{value}”不是已知的催收动作。请选择以下之一：{actions}。</translation>
    </message>
    <message>
        <source>A ladder step must be a record with a key and a name, not {data!r}. Reset the ladder to its default and edit it again.</source>
        <translation>催收阶梯的步骤必须是带代码和名称的记录，而不是 {data!r}。请将阶梯恢复为默认设置后重新编辑。</translation>
    </message>
    <message>
        <source>(no key)</source>
        <translation>（无代码）</translation>
    </message>
    <message>
        <source>Step &apos;{label}&apos;: the field &apos;{field}&apos; is missing. Reset the ladder to its default and edit it again.</source>
        <translation>步骤“{label}”：缺少字段“{field}”。请将阶梯恢复为默认设置后重新编辑。</translation>
    </message>
    <message>
        <source>day threshold</source>
        <translation>触发天数</translation>
    </message>
    <message>
        <source>waiting period</source>
        <translation>等待期</translation>
    </message>
    <message>
        <source>Step &apos;{key}&apos;: the {what} &apos;{value}&apos; is not a whole number of days. Type a whole number such as 7 or -3.</source>
        <translation>步骤“{key}”：{what}“{value}”不是整数天数。请输入整数，例如 7 或 -3。</translation>
    </message>
    <message>
        <source>The collection ladder has no steps. Add at least one step, or reset the ladder to its default.</source>
        <translation>催收阶梯没有任何步骤。请至少添加一个步骤，或将阶梯恢复为默认设置。</translation>
    </message>
    <message>
        <source>Ladder entry {i} is not a step. Reset the ladder to its default.</source>
        <translation>阶梯第 {i} 项不是步骤。请将阶梯恢复为默认设置。</translation>
    </message>
    <message>
        <source>Step {number} &apos;{name}&apos;</source>
        <translation>第 {number} 步“{name}”</translation>
    </message>
    <message>
        <source>{label}: the key must start with a lower-case letter and contain only lower-case letters, digits and &apos;_&apos; (at most 40 characters), e.g. &apos;second_reminder&apos;.</source>
        <translation>{label}：代码须以小写字母开头，只能包含小写字母、数字和“_”（最多 40 个字符），例如“second_reminder”。</translation>
    </message>
    <message>
        <source>{label}: the key &apos;{key}&apos; is used twice (also by step {seen}). Give every step its own key.</source>
        <translation>{label}：代码“{key}”重复使用（第 {seen} 步也在用）。请为每个步骤设置不同的代码。</translation>
    </message>
    <message>
        <source>{label}: the name is empty. Type a short name such as &apos;Phone call&apos;.</source>
        <translation>{label}：名称为空。请输入简短的名称，例如“电话催收”。</translation>
    </message>
    <message>
        <source>{label}: the name is longer than {max_name} characters. Shorten it.</source>
        <translation>{label}：名称超过 {max_name} 个字符。请缩短。</translation>
    </message>
    <message>
        <source>{label}: the day threshold must be a whole number of days.</source>
        <translation>{label}：触发天数必须是整数。</translation>
    </message>
    <message>
        <source>{label}: the day threshold {threshold_days} is out of range. Use a number from {min_threshold} (days before the due date) to {max_threshold} (days after).</source>
        <translation>{label}：触发天数 {threshold_days} 超出范围。请使用 {min_threshold}（到期日前的天数）至 {max_threshold}（到期日后的天数）之间的数字。</translation>
    </message>
    <message>
        <source>{label}: its day threshold {threshold_days} must be greater than that of the step before it, &apos;{key}&apos; ({threshold_days2}). Make the thresholds increase from the first step to the last.</source>
        <translation>{label}：其触发天数 {threshold_days} 必须大于上一步“{key}”的触发天数（{threshold_days2}）。请让触发天数从第一步到最后一步逐步递增。</translation>
    </message>
    <message>
        <source>{label}: a step cannot require itself. Choose an earlier step or no prerequisite.</source>
        <translation>{label}：步骤不能以自身为前置步骤。请选择更早的步骤，或不设前置步骤。</translation>
    </message>
    <message>
        <source>{label}: the prerequisite &apos;{requires}&apos; is not an earlier step of this ladder. Choose a step above it or no prerequisite.</source>
        <translation>{label}：前置步骤“{requires}”不是本阶梯中更早的步骤。请选择位于其上方的步骤，或不设前置步骤。</translation>
    </message>
    <message>
        <source>{label}: the waiting period must be a whole number of days.</source>
        <translation>{label}：等待期必须是整数天数。</translation>
    </message>
    <message>
        <source>{label}: it has a waiting period of {wait_days} days but no prerequisite step. Choose the step to wait for, or set the wait to 0.</source>
        <translation>{label}：设置了 {wait_days} 天的等待期，但没有前置步骤。请选择要等待的步骤，或将等待期设为 0。</translation>
    </message>
    <message>
        <source>{label}: the waiting period {wait_days} must be from 0 to {max_wait} days.</source>
        <translation>{label}：等待期 {wait_days} 必须在 0 至 {max_wait} 天之间。</translation>
    </message>
    <message>
        <source>&apos;{template}&apos; is not a letter template</source>
        <translation>“{template}”不是函件模板</translation>
    </message>
    <message>
        <source>no letter template is chosen</source>
        <translation>未选择函件模板</translation>
    </message>
    <message>
        <source>{label}: {what}. Choose one of: {allowed}.</source>
        <translation>{label}：{what}。请选择以下之一：{allowed}。</translation>
    </message>
    <message>
        <source>{label}: a &apos;{action}&apos; step can only send its notice letter &apos;{notice}&apos;, not &apos;{template}&apos;. Choose &apos;{notice}&apos; or no template.</source>
        <translation>{label}：“{action}”步骤只能发出其通知函“{notice}”，不能发出“{template}”。请选择“{notice}”或不选模板。</translation>
    </message>
    <message>
        <source>{label}: a &apos;{action}&apos; step sends no letter, so it cannot have the template &apos;{template}&apos;. Clear the template.</source>
        <translation>{label}：“{action}”步骤不发函件，因此不能使用模板“{template}”。请清除模板。</translation>
    </message>
    <message>
        <source>{label}: a &apos;{action}&apos; step sends no letter, so it cannot go by registered mail. Untick registered mail.</source>
        <translation>{label}：“{action}”步骤不发函件，因此不能以挂号信寄出。请取消勾选“挂号信”。</translation>
    </message>
    <message>
        <source>The stored collection ladder is not a list of steps. Reset the ladder to its default.</source>
        <translation>已保存的催收阶梯不是步骤列表。请将阶梯恢复为默认设置。</translation>
    </message>
    <message>
        <source>Unknown letter template &apos;{template}&apos;. Choose one of: {template_keys}.</source>
        <translation>未知的函件模板“{template}”。请选择以下之一：{template_keys}。</translation>
    </message>
    <message>
        <source>The payment deadline {deadline} is before the letter date {letter_date}. Choose a deadline after the letter date.</source>
        <translation>付款期限 {deadline} 早于函件日期 {letter_date}。请选择函件日期之后的期限。</translation>
    </message>
    <message>
        <source>Unknown letter language &apos;{language}&apos;. Choose &apos;en&apos; or &apos;zh&apos;.</source>
        <translation>未知的函件语言“{language}”。请选择“en”（英文）或“zh”（中文）。</translation>
    </message>
    <message>
        <source>Unknown letter template &apos;{key}&apos;. Choose one of: {template_keys}.</source>
        <translation>未知的函件模板“{key}”。请选择以下之一：{template_keys}。</translation>
    </message>
    <message>
        <source>The letter template {path} is missing. Reinstall the program or restore the file.</source>
        <translation>函件模板 {path} 缺失。请重新安装程序或恢复该文件。</translation>
    </message>
    <message>
        <source>The promised amount {amount} must be greater than zero.</source>
        <translation>承诺付款金额 {amount} 必须大于零。</translation>
    </message>
    <message>
        <source>The promised date {promised_date} is before the day the promise was made ({made_on}). Enter a date on or after it.</source>
        <translation>承诺付款日期 {promised_date} 早于作出承诺的日期（{made_on}）。请输入当日或之后的日期。</translation>
    </message>
    <message>
        <source>The promise grace period &apos;{grace_days}&apos; must be a whole number of days, 0 or more. Correct it in the settings.</source>
        <translation>承诺付款宽限期“{grace_days}”必须是 0 或以上的整数天数。请在设置中更正。</translation>
    </message>
    <message>
        <source>This company file has no company profile yet. Fill it in under File ▸ Company profile.</source>
        <translation>该公司账套文件尚无公司资料。请在“文件 ▸ 公司资料”中填写。</translation>
    </message>
    <message>
        <source>A customer with code &apos;{code}&apos; already exists. Choose another code.</source>
        <translation>编号为“{code}”的客户已存在。请选择其他编号。</translation>
    </message>
    <message>
        <source>That customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>{name} already has invoices in {currency}; its currency cannot be changed.</source>
        <translation>{name}已有以 {currency} 计价的发票，其币种不能更改。</translation>
    </message>
    <message>
        <source>Invoice number {number} is already used. Each invoice needs its own number.</source>
        <translation>发票号 {number} 已被使用。每张发票须有自己的发票号。</translation>
    </message>
    <message>
        <source>That invoice no longer exists.</source>
        <translation>该发票已不存在。</translation>
    </message>
    <message>
        <source>E-mail reminder opened in the mail program, to {to}: {subject}</source>
        <translation>已在邮件程序中打开催款邮件，收件人 {to}：{subject}</translation>
    </message>
    <message>
        <source>E-mail reminder copied to send by webmail, to {to}: {subject}</source>
        <translation>已复制催款邮件以通过网页邮箱发送，收件人 {to}：{subject}</translation>
    </message>
    <message>
        <source>The company file is damaged and could not be read. Restore the latest backup (File ▸ Restore from backup…).</source>
        <translation>公司文件已损坏，无法读取。请恢复最近的备份（文件 ▸ 从备份恢复…）。</translation>
    </message>
    <message>
        <source>The company file is busy in another program. Close the other program or wait a moment, then do it again.</source>
        <translation>公司文件正被另一个程序占用。请关闭该程序或稍候片刻，然后重试。</translation>
    </message>
    <message>
        <source>The disk holding the company file is full. Free some space, then do it again.</source>
        <translation>存放公司文件的磁盘已满。请腾出一些空间，然后重试。</translation>
    </message>
    <message>
        <source>The company file cannot be written: it or its folder is read-only. Open a copy on a disk you may write to.</source>
        <translation>无法写入公司文件：文件或其所在文件夹为只读。请在可写入的磁盘上打开一份副本。</translation>
    </message>
    <message>
        <source>The company file could not be read or written. Check the disk, then do it again; if it happens again, restore the latest backup.</source>
        <translation>无法读取或写入公司文件。请检查磁盘后重试；如再次出现，请恢复最近的备份。</translation>
    </message>
    <message>
        <source>The disk is full. Free some space, then do it again.</source>
        <translation>磁盘已满。请腾出一些空间，然后重试。</translation>
    </message>
    <message>
        <source>AR Desktop may not use this file or folder. Check its permissions, or choose another place, then do it again.</source>
        <translation>AR Desktop 无权使用此文件或文件夹。请检查其权限，或选择其他位置，然后重试。</translation>
    </message>
    <message>
        <source>The disk is read-only. Choose a place on a disk you may write to.</source>
        <translation>磁盘为只读。请选择可写入的磁盘上的位置。</translation>
    </message>
    <message>
        <source>The file or folder is not there (any more). Check the name and folder, then do it again.</source>
        <translation>文件或文件夹不存在（或已被移走）。请检查名称和文件夹，然后重试。</translation>
    </message>
    <message>
        <source>The system could not read or write a file. Check the disk and the file, then do it again.</source>
        <translation>系统无法读取或写入文件。请检查磁盘和文件，然后重试。</translation>
    </message>
    <message>
        <source>{what} (System message: {detail})</source>
        <translation>{what}（系统信息：{detail}）</translation>
    </message>
    <message>
        <source>Early-payment discount on invoice {number}</source>
        <translation>发票 {number} 的提前付款折扣</translation>
    </message>
    <message>
        <source>Paid on voided invoice {number}</source>
        <translation>作废发票 {number} 的已付款项</translation>
    </message>
    <message>
        <source>Recovery of written-off debt. {reference}</source>
        <translation>已核销坏账收回。{reference}</translation>
    </message>
    <message>
        <source>Recovery of written-off debt.</source>
        <translation>已核销坏账收回。</translation>
    </message>
    <message>
        <source>the table {name} is missing</source>
        <translation>缺少数据表 {name}</translation>
    </message>
    <message>
        <source>the list index {name} is missing: lists sorted by its column read the whole table (the next upgrade of the file by a newer AR Desktop puts it back)</source>
        <translation>缺少列表索引 {name}：按该列排序的列表需要读取整张表（用新版 AR Desktop 升级该文件时会重建）</translation>
    </message>
    <message>
        <source>the search table {name} is missing: searches miss what was written since (the next upgrade of the file by a newer AR Desktop rebuilds the search index)</source>
        <translation>缺少搜索表 {name}：此后写入的内容搜索不到（用新版 AR Desktop 升级该文件时会重建搜索索引）</translation>
    </message>
    <message>
        <source>the search trigger {name} is missing: searches miss what was written since (the next upgrade of the file by a newer AR Desktop rebuilds the search index)</source>
        <translation>缺少搜索触发器 {name}：此后写入的内容搜索不到（用新版 AR Desktop 升级该文件时会重建搜索索引）</translation>
    </message>
    <message>
        <source>invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>the search index does not find {what} {value} (id {id}): it is out of step with the list; a backup taken before the damage, or support, can restore it</source>
        <translation>搜索索引找不到{what} {value}（ID {id}）：索引与列表不一致；可用损坏前的备份或技术支持恢复</translation>
    </message>
    <message>
        <source>the summary of clearings {name} is missing: the worklist and the forecast read wrong payment histories (the next upgrade of the file by a newer AR Desktop rebuilds it)</source>
        <translation>缺少结清汇总 {name}：催收清单和现金预测读取的付款记录有误（用新版 AR Desktop 升级该文件时会重建）</translation>
    </message>
    <message>
        <source>the summary of clearings of customer {code} for {month} differs from its invoices: the worklist and the forecast read a wrong payment history there (the next upgrade of the file by a newer AR Desktop rebuilds it)</source>
        <translation>客户 {code} 在 {month} 的结清汇总与其发票不符：催收清单和现金预测读取的该月付款记录有误（用新版 AR Desktop 升级该文件时会重建）</translation>
    </message>
    <message>
        <source>Compacting the upgraded file (this step cannot be cancelled)…</source>
        <translation>正在压缩升级后的文件（此步骤无法取消）…</translation>
    </message>
    <message>
        <source>the runs of late payments {name} are missing: the worklist reads wrong collection episodes (the next upgrade of the file by a newer AR Desktop rebuilds them)</source>
        <translation>缺少逾期付款区间 {name}：催收清单读取的催收周期有误（用新版 AR Desktop 升级该文件时会重建）</translation>
    </message>
    <message>
        <source>the runs of late payments of customer {code} differ from its invoices: the worklist reads wrong collection episodes there (the next upgrade of the file by a newer AR Desktop rebuilds them)</source>
        <translation>客户 {code} 的逾期付款区间与其发票不符：催收清单读取的该客户催收周期有误（用新版 AR Desktop 升级该文件时会重建）</translation>
    </message>
    <message>
        <source>{items}, {item}</source>
        <translation>{items}、{item}</translation>
    </message>
    <message>
        <source>the summary of sales {name} is missing: the figures and the Overview&apos;s trend read wrong sales (the next upgrade of the file by a newer AR Desktop rebuilds it)</source>
        <translation>缺少销售汇总 {name}：各项指标和概览的趋势读取的销售额有误（用新版 AR Desktop 升级该文件时会重建）</translation>
    </message>
    <message>
        <source>the summary of sales is held by an import that never finished: the figures read wrong sales (the next upgrade of the file by a newer AR Desktop rebuilds it)</source>
        <translation>销售汇总被一次未完成的导入挂起：各项指标读取的销售额有误（用新版 AR Desktop 升级该文件时会重建）</translation>
    </message>
    <message>
        <source>the summary of sales in {currency} of {day} differs from the invoices: the figures and the Overview&apos;s trend read wrong sales there (the next upgrade of the file by a newer AR Desktop rebuilds it)</source>
        <translation>{day} 的 {currency} 销售汇总与发票不符：各项指标和概览的趋势在该日读取的销售额有误（用新版 AR Desktop 升级该文件时会重建）</translation>
    </message>
    <message>
        <source>the summary of balances {name} is missing: the figures and the Overview&apos;s trend read wrong open balances (the next upgrade of the file by a newer AR Desktop rebuilds it)</source>
        <translation>缺少余额汇总 {name}：各项指标和概览的趋势读取的未清余额有误（用新版 AR Desktop 升级该文件时会重建）</translation>
    </message>
    <message>
        <source>the summary of balances is held by an import that never finished: the figures read wrong open balances (the next upgrade of the file by a newer AR Desktop rebuilds it)</source>
        <translation>余额汇总被一次未完成的导入挂起：各项指标读取的未清余额有误（用新版 AR Desktop 升级该文件时会重建）</translation>
    </message>
    <message>
        <source>the summary of balances in {currency} of {day} differs from the invoices and payments: the figures and the Overview&apos;s trend read wrong open balances there (the next upgrade of the file by a newer AR Desktop rebuilds it)</source>
        <translation>{day} 的 {currency} 余额汇总与发票和付款不符：各项指标和概览的趋势在该日读取的未清余额有误（用新版 AR Desktop 升级该文件时会重建）</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>{0} days</source>
        <translation>{0} 天</translation>
    </message>
    <message>
        <source>previous period: {0}</source>
        <translation>上期：{0}</translation>
    </message>
    <message>
        <source>= unchanged since the previous period</source>
        <translation>= 与上期持平</translation>
    </message>
    <message>
        <source>{0} {1} (was {2})</source>
        <translation>{0} {1}（上期 {2}）</translation>
    </message>
    <message>
        <source>better</source>
        <translation>改善</translation>
    </message>
    <message>
        <source>worse</source>
        <translation>恶化</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>Everything owed on the date, as in the aging report. Click for the invoices.</source>
        <translation>截至该日的全部应收账款，与账龄表一致。点击查看发票。</translation>
    </message>
    <message>
        <source>The part not yet due (due on the date or later). Click for the invoices.</source>
        <translation>尚未到期的部分（到期日在该日或之后）。点击查看发票。</translation>
    </message>
    <message>
        <source>Owed and past its due date. Click for the overdue invoices.</source>
        <translation>已过到期日仍未收回的款项。点击查看逾期发票。</translation>
    </message>
    <message>
        <source>Overdue as a share of everything owed. Click for the overdue invoices.</source>
        <translation>逾期金额占全部应收账款的比例。点击查看逾期发票。</translation>
    </message>
    <message>
        <source>The disputed part of what is owed. Click for the disputed invoices.</source>
        <translation>应收账款中有争议的部分。点击查看争议发票。</translation>
    </message>
    <message>
        <source>Invoiced in the period (voided invoices left out). Click for the invoices.</source>
        <translation>期间内开具的发票金额（不含已作废发票）。点击查看发票。</translation>
    </message>
    <message>
        <source>Days sales outstanding: owed ÷ sales of the period × its days. Click for the arithmetic.</source>
        <translation>应收账款周转天数：应收账款 ÷ 期间销售额 × 期间天数。点击查看计算过程。</translation>
    </message>
    <message>
        <source>DSO if nothing were overdue: not yet due ÷ sales × days. Click for the arithmetic.</source>
        <translation>若无逾期时的周转天数：未到期金额 ÷ 销售额 × 天数。点击查看计算过程。</translation>
    </message>
    <message>
        <source>DSO minus best possible DSO: the days customers add by paying late. Click for the arithmetic.</source>
        <translation>周转天数减去最佳可能周转天数：客户因逾期付款而多占用的天数。点击查看计算过程。</translation>
    </message>
    <message>
        <source>Collection effectiveness: the share of what could be collected in the period that was. Click for the arithmetic.</source>
        <translation>回款效率：期间内可收回款项中实际收回的比例。点击查看计算过程。</translation>
    </message>
    <message>
        <source>Mean days from issue to full payment of the invoices paid in the period. Click for them.</source>
        <translation>期间内已全额付清的发票从开票到付清的平均天数。点击查看这些发票。</translation>
    </message>
    <message>
        <source>Mean days after the due date of the invoices paid in the period. Click for them.</source>
        <translation>期间内已全额付清的发票超过到期日的平均天数。点击查看这些发票。</translation>
    </message>
    <message>
        <source>Calls to make</source>
        <translation>待拨打电话</translation>
    </message>
    <message>
        <source>Letters to print</source>
        <translation>待打印催款函</translation>
    </message>
    <message>
        <source>Promises falling due</source>
        <translation>到期的付款承诺</translation>
    </message>
    <message>
        <source>Legal action / agency</source>
        <translation>法律诉讼 / 催收机构</translation>
    </message>
    <message>
        <source>payment plan</source>
        <translation>分期付款计划</translation>
    </message>
    <message>
        <source>promise</source>
        <translation>付款承诺</translation>
    </message>
    <message>
        <source>due date + days late</source>
        <translation>到期日 + 平均逾期天数</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>有争议</translation>
    </message>
    <message>
        <source>legal action / agency</source>
        <translation>法律诉讼 / 催收机构</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>账龄</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>应收金额</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Month-end</source>
        <translation>月末</translation>
    </message>
    <message>
        <source>DSO (days)</source>
        <translation>周转天数（天）</translation>
    </message>
    <message>
        <source>Overdue share (%)</source>
        <translation>逾期占比（%）</translation>
    </message>
    <message>
        <source>Sales in the period</source>
        <translation>期间销售额</translation>
    </message>
    <message>
        <source>Week from</source>
        <translation>周起始日</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预计收款</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>利率表</translation>
    </message>
    <message>
        <source>Latest rate from</source>
        <translation>最新利率生效日</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票号</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>开票日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未付</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>争议金额</translation>
    </message>
    <message>
        <source>Expected on</source>
        <translation>预计收款日</translation>
    </message>
    <message>
        <source>Why then</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Paid in full on</source>
        <translation>付清日期</translation>
    </message>
    <message>
        <source>Days to pay</source>
        <translation>付款天数</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>计入</translation>
    </message>
</context>
<context>
    <name>OverviewCharts</name>
    <message>
        <source>Aging</source>
        <translation>账龄</translation>
    </message>
    <message>
        <source>DSO and overdue share at month-ends</source>
        <translation>各月末周转天数与逾期占比</translation>
    </message>
    <message>
        <source>Expected receipts by week</source>
        <translation>按周预计收款</translation>
    </message>
    <message>
        <source>{0}: {1} ({2} of what is owed)</source>
        <translation>{0}：{1}（占应收账款 {2}）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>{0}: DSO {1}, overdue {2} %</source>
        <translation>{0}：周转天数 {1}，逾期占比 {2} %</translation>
    </message>
    <message>
        <source>DSO (days)</source>
        <translation>周转天数（天）</translation>
    </message>
    <message>
        <source>Overdue share (%)</source>
        <translation>逾期占比（%）</translation>
    </message>
    <message>
        <source>Week from {0}: {1}</source>
        <translation>自 {0} 起一周：{1}</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>更晚</translation>
    </message>
    <message>
        <source>After {0}: {1}</source>
        <translation>{0} 之后：{1}</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>Disputed or with a legal or agency step: {0}</source>
        <translation>有争议或已采取法律/催收机构措施：{0}</translation>
    </message>
</context>
<context>
    <name>OverviewDetails</name>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>{0} invoices open on {1} with a dispute, {2} disputed in all.</source>
        <translation>截至 {1} 共 {0} 张有争议的未结发票，争议金额合计 {2}。</translation>
    </message>
    <message>
        <source>{0} invoices open on {1}, {2} in all.</source>
        <translation>截至 {1} 共 {0} 张未结发票，合计 {2}。</translation>
    </message>
    <message>
        <source>Expected in the week from {0}</source>
        <translation>预计自 {0} 起一周内收款</translation>
    </message>
    <message>
        <source>Expected after {0}</source>
        <translation>预计 {0} 之后收款</translation>
    </message>
    <message>
        <source>Uncertain receipts</source>
        <translation>不确定的收款</translation>
    </message>
    <message>
        <source>{0} amounts, {1} in all.</source>
        <translation>共 {0} 笔，合计 {1}。</translation>
    </message>
    <message>
        <source>no: written off or credited</source>
        <translation>否：已核销或已开红字发票</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Invoices paid in full from {0} to {1}: {2} counted; on average {3} to pay, {4} late.</source>
        <translation>{0} 至 {1} 全额付清的发票：计入 {2} 张；平均付款 {3}，平均逾期 {4}。</translation>
    </message>
    <message>
        <source>Invoices paid in the period</source>
        <translation>期间内付清的发票</translation>
    </message>
    <message>
        <source>Overdue on {0}: {1}</source>
        <translation>截至 {0} 逾期：{1}</translation>
    </message>
    <message>
        <source>As of {0}, period of {1} days from {2}:</source>
        <translation>截至 {0}，自 {2} 起共 {1} 天：</translation>
    </message>
    <message>
        <source>owed {0}, of which not yet due {1} and overdue {2};</source>
        <translation>应收账款 {0}，其中未到期 {1}，逾期 {2}；</translation>
    </message>
    <message>
        <source>sales in the period {0}; owed at its start ({1}) {2}.</source>
        <translation>期间销售额 {0}；期初（{1}）应收账款 {2}。</translation>
    </message>
    <message>
        <source>CEI = 100 × (owed at the start + sales − owed) ÷ (owed at the start + sales − not yet due) = {0}</source>
        <translation>回款效率 = 100 × (期初应收 + 销售额 − 期末应收) ÷ (期初应收 + 销售额 − 未到期) = {0}</translation>
    </message>
    <message>
        <source>DSO = owed ÷ sales × days = {0}</source>
        <translation>周转天数 = 应收账款 ÷ 销售额 × 天数 = {0}</translation>
    </message>
    <message>
        <source>Best possible DSO = not yet due ÷ sales × days = {0}</source>
        <translation>最佳可能周转天数 = 未到期金额 ÷ 销售额 × 天数 = {0}</translation>
    </message>
    <message>
        <source>Average days delinquent = overdue ÷ sales × days = {0}</source>
        <translation>平均拖欠天数 = 逾期金额 ÷ 销售额 × 天数 = {0}</translation>
    </message>
    <message>
        <source>There were no sales in the period, so the figure is left empty.</source>
        <translation>期间内没有销售，因此该指标为空。</translation>
    </message>
    <message>
        <source>Invoices owed…</source>
        <translation>应收发票…</translation>
    </message>
    <message>
        <source>Invoices of the period…</source>
        <translation>期间内发票…</translation>
    </message>
</context>
<context>
    <name>OverviewLists</name>
    <message>
        <source>Largest overdue balances</source>
        <translation>逾期金额最大的客户</translation>
    </message>
    <message>
        <source>Nothing is overdue.</source>
        <translation>没有逾期款项。</translation>
    </message>
    <message>
        <source>Today&apos;s collection actions</source>
        <translation>今日催收事项</translation>
    </message>
    <message>
        <source>Nothing to do today.</source>
        <translation>今日无待办事项。</translation>
    </message>
    <message>
        <source>Credit reviews due</source>
        <translation>待复核信用的客户</translation>
    </message>
    <message>
        <source>No credit review is due.</source>
        <translation>暂无需要复核信用的客户。</translation>
    </message>
    <message>
        <source>Reference-rate tables out of date</source>
        <translation>需要更新的基准利率表</translation>
    </message>
    <message>
        <source>The rate tables your late-charge rules use are up to date.</source>
        <translation>滞纳金规则所用的利率表均为最新。</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>{0} days</source>
        <translation>{0} 天</translation>
    </message>
    <message>
        <source>Overview as of</source>
        <translation>概览截至</translation>
    </message>
    <message>
        <source>period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Computing the overview…</source>
        <translation>正在计算概览…</translation>
    </message>
    <message>
        <source>Computed in {0:.1f} s</source>
        <translation>计算用时 {0:.1f} 秒</translation>
    </message>
    <message>
        <source>Aging: {0}</source>
        <translation>账龄：{0}</translation>
    </message>
    <message>
        <source>Owed on {0}</source>
        <translation>截至 {0} 的应收账款</translation>
    </message>
    <message>
        <source>Listing the expected receipts…</source>
        <translation>正在列出预计收款…</translation>
    </message>
    <message>
        <source>The forecast was brought up to date meanwhile: click the bar again.</source>
        <translation>预测已在此期间更新：请再次点击该柱形。</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Overdue 1–30 days</source>
        <translation>逾期 1–30 天</translation>
    </message>
    <message>
        <source>Overdue 31–90 days</source>
        <translation>逾期 31–90 天</translation>
    </message>
    <message>
        <source>Overdue more than 90 days</source>
        <translation>逾期超过 90 天</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>cheque</source>
        <translation>支票</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>direct debit</source>
        <translation>直接扣款</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Record payment</source>
        <translation>登记付款</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Date received</source>
        <translation>收款日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <source>e.g. bank statement line</source>
        <translation>例如银行对账单上的摘要</translation>
    </message>
    <message>
        <source>Oldest due first</source>
        <translation>按到期日先后核销</translation>
    </message>
    <message>
        <source>Apply to</source>
        <translation>核销至</translation>
    </message>
    <message>
        <source>Early-payment discount {0} {1} settles the rest (booked as a discount, not as payment)</source>
        <translation>现金折扣 {0} {1} 结清余额（记为折扣，不计为收款）</translation>
    </message>
    <message>
        <source>Not applied: {0} {1} — kept as customer credit</source>
        <translation>未核销：{0} {1} — 作为客户预收款保留</translation>
    </message>
    <message>
        <source>Applied {0} more than the payment; lower an amount</source>
        <translation>核销金额超出付款 {0}，请调低某项金额</translation>
    </message>
    <message>
        <source>Fully applied</source>
        <translation>已全部核销</translation>
    </message>
</context>
<context>
    <name>PaymentEntryDialog</name>
    <message>
        <source>The new split applies from this day; reports of earlier days keep the split they had.</source>
        <translation>新的分配自这一天起生效；更早日期的报表保持原来的分配。</translation>
    </message>
    <message>
        <source>Oldest due first</source>
        <translation>按到期日先后核销</translation>
    </message>
    <message>
        <source>New split from</source>
        <translation>新分配生效日期</translation>
    </message>
    <message>
        <source>Save the new split</source>
        <translation>保存新的分配</translation>
    </message>
    <message>
        <source>Reverse…</source>
        <translation>冲销…</translation>
    </message>
    <message>
        <source>Applied to the customer&apos;s invoices (edit the amounts to change the split)</source>
        <translation>核销到客户的各张发票（修改金额即可改变分配）</translation>
    </message>
    <message>
        <source>{0} no. {1} — {2}</source>
        <translation>{0} 第 {1} 号 — {2}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <source>Reverses</source>
        <translation>冲销对象</translation>
    </message>
    <message>
        <source>no. {0} of {1} ({2} {3}); reason: {4}</source>
        <translation>第 {0} 号，{1}（{2} {3}）；原因：{4}</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>已冲销</translation>
    </message>
    <message>
        <source>by no. {0} on {1}; reason: {2}</source>
        <translation>由第 {0} 号于 {1} 冲销；原因：{2}</translation>
    </message>
    <message>
        <source>A new entry of the opposite amount, dated the day you choose</source>
        <translation>一笔金额相反的新记录，日期由您选择</translation>
    </message>
    <message>
        <source>Already reversed, or an entry that cannot be reversed</source>
        <translation>已冲销，或该记录不能冲销</translation>
    </message>
    <message>
        <source>Applied to the customer&apos;s invoices</source>
        <translation>核销到客户的各张发票</translation>
    </message>
    <message>
        <source>Applied {0} {2}; not applied {1} {2}.</source>
        <translation>已核销 {0} {2}；未核销 {1} {2}。</translation>
    </message>
    <message>
        <source>The split applies {0} {1} more than the entry; lower an amount.</source>
        <translation>分配合计比本笔记录多 {0} {1}；请减少某一项金额。</translation>
    </message>
    <message>
        <source>Applied {0} {2}; {1} {2} stays with the customer as credit.</source>
        <translation>已核销 {0} {2}；{1} {2} 作为客户余额保留。</translation>
    </message>
    <message>
        <source>Fully applied: {0} {1}.</source>
        <translation>已全部核销：{0} {1}。</translation>
    </message>
</context>
<context>
    <name>PaymentKind</name>
    <message>
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Write-off</source>
        <translation>坏账核销</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>贷项通知单</translation>
    </message>
    <message>
        <source>Credit from a voided invoice</source>
        <translation>作废发票转入的贷方余额</translation>
    </message>
    <message>
        <source>Early-payment discount</source>
        <translation>提前付款折扣</translation>
    </message>
    <message>
        <source>Recovery of a written-off debt</source>
        <translation>已核销坏账的收回</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲销</translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message>
        <source>All entries</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Dated from</source>
        <translation>日期从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Unapplied only</source>
        <translation>仅显示未核销</translation>
    </message>
    <message>
        <source>Entries with money not yet applied to an invoice (customer credit)</source>
        <translation>尚有金额未核销到发票的记录（客户余额）</translation>
    </message>
    <message>
        <source>Reference, customer, method or entry no.…</source>
        <translation>参考号、客户、方式或记录编号…</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>登记付款…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>See the entry&apos;s split and change it (Enter)</source>
        <translation>查看并修改该记录的核销分配（Enter）</translation>
    </message>
    <message>
        <source>Reverse…</source>
        <translation>冲销…</translation>
    </message>
    <message>
        <source>Reverse the entry with a new entry dated today or later; reports of earlier days stay as they were</source>
        <translation>用一笔日期为今天或以后的新记录冲销该记录；更早日期的报表保持不变</translation>
    </message>
    <message>
        <source>Changes…</source>
        <translation>变更记录…</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>{0} entries</source>
        <translation>{0} 笔记录</translation>
    </message>
    <message>
        <source>{0}: net {1} · unapplied {2}</source>
        <translation>{0}：净额 {1} · 未核销 {2}</translation>
    </message>
    <message>
        <source>dated {0} to {1}</source>
        <translation>日期 {0} 至 {1}</translation>
    </message>
    <message>
        <source>search: {0}</source>
        <translation>搜索：{0}</translation>
    </message>
    <message>
        <source>entry {0}</source>
        <translation>第 {0} 号记录</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>◀ Previous page</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <source>Next page ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>The document has no pages.</source>
        <translation>该文档没有页面。</translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation>第 {0} 页，共 {1} 页</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>{0} ({1} page(s)) was saved to {2}.</source>
        <translation>{0}（共 {1} 页）已保存到 {2}。</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>the printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>{0} ({1} page(s)) was sent to {2}.</source>
        <translation>{0}（共 {1} 页）已发送到 {2}。</translation>
    </message>
    <message>
        <source>print job: {0}</source>
        <translation>打印任务：{0}</translation>
    </message>
    <message>
        <source>If nothing comes out, look at the printer&apos;s queue in the system settings; the document is unchanged.</source>
        <translation>如果没有打印出来，请在系统设置中查看打印机队列；文件本身没有改变。</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Payment plan — {0}</source>
        <translation>付款计划 — {0}</translation>
    </message>
    <message>
        <source>{0}  due {1}  open {2}</source>
        <translation>{0}  到期 {1}  未付 {2}</translation>
    </message>
    <message>
        <source>Invoices to cover</source>
        <translation>计划包含的发票</translation>
    </message>
    <message>
        <source>Number of instalments</source>
        <translation>分期数</translation>
    </message>
    <message>
        <source>First instalment due</source>
        <translation>首期到期日</translation>
    </message>
    <message>
        <source>Every N days</source>
        <translation>每隔天数</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>分期安排</translation>
    </message>
    <message>
        <source>Choose the invoices the plan covers.</source>
        <translation>请选择付款计划包含的发票。</translation>
    </message>
    <message>
        <source>{0} in {1} instalments:</source>
        <translation>{0}，分 {1} 期：</translation>
    </message>
</context>
<context>
    <name>PoliciesDialog</name>
    <message>
        <source>Credit insurance policies</source>
        <translation>信用保险保单</translation>
    </message>
    <message>
        <source>Insurer</source>
        <translation>保险公司</translation>
    </message>
    <message>
        <source>Policy number</source>
        <translation>保单号</translation>
    </message>
    <message>
        <source>Indemnity (%)</source>
        <translation>赔付比例（%）</translation>
    </message>
    <message>
        <source>Max. extension</source>
        <translation>最长延展期</translation>
    </message>
    <message>
        <source>Notify within</source>
        <translation>申报期限</translation>
    </message>
    <message>
        <source>Transfer within</source>
        <translation>移交期限</translation>
    </message>
    <message>
        <source>Max. terms</source>
        <translation>最长信用期</translation>
    </message>
    <message>
        <source>Discretionary limit</source>
        <translation>自主限额</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>Edit policy</source>
        <translation>修改保单</translation>
    </message>
    <message>
        <source>New credit insurance policy</source>
        <translation>新建信用保险保单</translation>
    </message>
    <message>
        <source>Insurer</source>
        <translation>保险公司</translation>
    </message>
    <message>
        <source>e.g. Allianz Trade</source>
        <translation>例如 中国信保</translation>
    </message>
    <message>
        <source>Policy number</source>
        <translation>保单号</translation>
    </message>
    <message>
        <source>Indemnity (%)</source>
        <translation>赔付比例（%）</translation>
    </message>
    <message>
        <source>Maximum extension period (days after due date)</source>
        <translation>最长延展期（到期日后天数）</translation>
    </message>
    <message>
        <source>Notify the insurer within (days after it)</source>
        <translation>申报期限（延展期后天数）</translation>
    </message>
    <message>
        <source>Transfer collection within (days after it)</source>
        <translation>移交催收期限（延展期后天数）</translation>
    </message>
    <message>
        <source>Maximum credit terms (days)</source>
        <translation>最长信用期（天）</translation>
    </message>
    <message>
        <source>empty = no maximum</source>
        <translation>留空 = 无上限</translation>
    </message>
    <message>
        <source>Discretionary limit</source>
        <translation>自主限额</translation>
    </message>
    <message>
        <source>the largest limit you may set yourself; empty = none</source>
        <translation>可自行设定的最高限额；留空 = 无</translation>
    </message>
</context>
<context>
    <name>PostingDialog</name>
    <message>
        <source>China Post 挂号信 (registered letter)</source>
        <translation>中国邮政 挂号信</translation>
    </message>
    <message>
        <source>USPS Certified Mail with Return Receipt</source>
        <translation>USPS 挂号信（附回执）</translation>
    </message>
    <message>
        <source>Registered mail</source>
        <translation>挂号信（其他邮政）</translation>
    </message>
    <message>
        <source>Posted — {0}</source>
        <translation>已寄出 — {0}</translation>
    </message>
    <message>
        <source>Carrier and service</source>
        <translation>承运方与服务</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>跟踪号</translation>
    </message>
    <message>
        <source>UPU numbers (2 letters, 9 digits, country) are checked digit by digit</source>
        <translation>UPU 编号（2 个字母、9 位数字、国家代码）将逐位校验</translation>
    </message>
    <message>
        <source>Posted on</source>
        <translation>寄出日期</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>The first rows as they will be stored; the next page checks the whole file.</source>
        <translation>前几行将按此保存；下一页检查整个文件。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The printer {0} refused the job: {1}. Check that it is switched on and accepting jobs.</source>
        <translation>打印机 {0} 拒绝了打印作业：{1}。请检查打印机是否已开启并接受作业。</translation>
    </message>
    <message>
        <source>The printer could not be opened. Check that it is installed and switched on.</source>
        <translation>无法打开打印机。请检查打印机是否已安装并开启。</translation>
    </message>
</context>
<context>
    <name>PromiseDialog</name>
    <message>
        <source>Promise to pay — {0}</source>
        <translation>承诺付款 — {0}</translation>
    </message>
    <message>
        <source>Promise made on</source>
        <translation>承诺日期</translation>
    </message>
    <message>
        <source>Will pay by</source>
        <translation>承诺付款日</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Overdue now: {0} {1}</source>
        <translation>当前逾期：{0} {1}</translation>
    </message>
</context>
<context>
    <name>RateRowDialog</name>
    <message>
        <source>Add rate – {0}</source>
        <translation>添加利率 – {0}</translation>
    </message>
    <message>
        <source>Correct rate – {0}</source>
        <translation>更正利率 – {0}</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>The date is fixed; to move a rate, remove it and add it again.</source>
        <translation>日期不可更改；如需调整，请删除该利率后重新添加。</translation>
    </message>
    <message>
        <source>The first day the new rate applies.</source>
        <translation>新利率开始适用的第一天。</translation>
    </message>
    <message>
        <source>Rate (%)</source>
        <translation>利率（%）</translation>
    </message>
    <message>
        <source>e.g. {0}</source>
        <translation>例如 {0}</translation>
    </message>
    <message>
        <source>In percent a year, as published; may be negative.</source>
        <translation>按公布的年利率（%）填写，可以为负数。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>e.g. source or press release</source>
        <translation>例如来源或新闻公告</translation>
    </message>
</context>
<context>
    <name>RatesDialog</name>
    <message>
        <source>ECB main refinancing rate</source>
        <translation>欧洲央行主要再融资利率</translation>
    </message>
    <message>
        <source>German base rate (Basiszinssatz)</source>
        <translation>德国基准利率（Basiszinssatz）</translation>
    </message>
    <message>
        <source>Bank of England Bank Rate</source>
        <translation>英格兰银行基准利率</translation>
    </message>
    <message>
        <source>China one-year Loan Prime Rate (LPR)</source>
        <translation>中国一年期贷款市场报价利率（LPR）</translation>
    </message>
    <message>
        <source>Used by the EU statutory rule (rate + 8 points). Published by the European Central Bank.</source>
        <translation>用于欧盟法定规则（利率 + 8 个百分点）。由欧洲中央银行公布。</translation>
    </message>
    <message>
        <source>Used by the German §288 BGB rule (rate + 9 points). Published by the Deutsche Bundesbank on 1 January and 1 July.</source>
        <translation>用于德国《民法典》第 288 条规则（利率 + 9 个百分点）。由德意志联邦银行于每年 1 月 1 日和 7 月 1 日公布。</translation>
    </message>
    <message>
        <source>Used by the UK Late Payment Act rule (rate + 8 points). Published by the Bank of England.</source>
        <translation>用于英国《逾期付款法》规则（利率 + 8 个百分点）。由英格兰银行公布。</translation>
    </message>
    <message>
        <source>For reference in Chinese contracts. Published monthly by the National Interbank Funding Center.</source>
        <translation>供中国合同参考。由全国银行间同业拆借中心每月公布。</translation>
    </message>
    <message>
        <source>Reference rates</source>
        <translation>参考利率</translation>
    </message>
    <message>
        <source>Rate table</source>
        <translation>利率表</translation>
    </message>
    <message>
        <source>Add rate…</source>
        <translation>添加利率…</translation>
    </message>
    <message>
        <source>Correct selected…</source>
        <translation>更正所选…</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Out of date: {0}</source>
        <translation>已过期：{0}</translation>
    </message>
    <message>
        <source>Select the rate to correct first.</source>
        <translation>请先选择要更正的利率。</translation>
    </message>
    <message>
        <source>Select the rate to remove first.</source>
        <translation>请先选择要删除的利率。</translation>
    </message>
    <message>
        <source>Remove rate</source>
        <translation>删除利率</translation>
    </message>
    <message>
        <source>Remove the rate {0} % in force from {1} from the table &apos;{2}&apos;?

Interest already shown in issued letters does not change; new computations use the remaining rates.</source>
        <translation>从利率表“{2}”中删除自 {1} 起生效的利率 {0}%？

已开具函件中的利息不会改变；新的计算将使用其余利率。</translation>
    </message>
    <message>
        <source>Import reference rates</source>
        <translation>导入参考利率</translation>
    </message>
    <message>
        <source>CSV (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{0} is not a UTF-8 text file. Save it as CSV (UTF-8) and try again.</source>
        <translation>{0} 不是 UTF-8 文本文件。请另存为 CSV（UTF-8）后重试。</translation>
    </message>
    <message>
        <source>{0} cannot be read. {1}</source>
        <translation>无法读取 {0}。{1}</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>{0} new rates added from {1}; rates already kept were left as they are.</source>
        <translation>已从 {1} 添加 {0} 条新利率；已有的利率保持不变。</translation>
    </message>
</context>
<context>
    <name>RatesModel</name>
    <message>
        <source>In force from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Rate (%)</source>
        <translation>利率（%）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>issued</source>
        <translation>已发出</translation>
    </message>
    <message>
        <source>posted</source>
        <translation>已寄出</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>函件</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>催收金额</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>寄出日期</translation>
    </message>
    <message>
        <source>Carrier / service</source>
        <translation>邮政/快递 / 服务</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>跟踪号</translation>
    </message>
    <message>
        <source>Delivered / returned</source>
        <translation>送达 / 退回日期</translation>
    </message>
    <message>
        <source>Reply due</source>
        <translation>答复期限</translation>
    </message>
</context>
<context>
    <name>ReportOptionsDialog</name>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Only customers with overdue invoices</source>
        <translation>仅含有逾期发票的客户</translation>
    </message>
    <message>
        <source>Every open invoice under its customer (detail)</source>
        <translation>在每个客户下列出全部未结发票（明细）</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Credit class</source>
        <translation>信用等级</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>en</source>
        <translation>zh</translation>
    </message>
    <message>
        <source>Aging report</source>
        <translation>账龄分析表</translation>
    </message>
    <message>
        <source>Statement list</source>
        <translation>对账单清单</translation>
    </message>
    <message>
        <source>Receivables figures</source>
        <translation>应收账款指标</translation>
    </message>
    <message>
        <source>Cash forecast</source>
        <translation>现金回款预测</translation>
    </message>
    <message>
        <source>Quarterly credit review</source>
        <translation>季度信用复核</translation>
    </message>
    <message>
        <source>Aging report…</source>
        <translation>账龄分析表…</translation>
    </message>
    <message>
        <source>Statement list…</source>
        <translation>对账单清单…</translation>
    </message>
    <message>
        <source>Receivables figures (KPI page)…</source>
        <translation>应收账款指标（KPI 页）…</translation>
    </message>
    <message>
        <source>Cash forecast…</source>
        <translation>现金回款预测…</translation>
    </message>
    <message>
        <source>Quarterly credit review…</source>
        <translation>季度信用复核…</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>打印报表</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>正在生成报表…</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;Company: {1}&lt;br&gt;Customers: {2} · Invoices: {3} · Payments: {4}&lt;br&gt;Last change: {5}&lt;br&gt;Schema: {6} · {7:.1f} MB</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;公司：{1}&lt;br&gt;客户：{2} · 发票：{3} · 付款：{4}&lt;br&gt;最后修改：{5}&lt;br&gt;结构版本：{6} · {7:.1f} MB</translation>
    </message>
    <message>
        <source>This replaces {0}. The file as it is now is backed up first, into {1}.</source>
        <translation>这将替换 {0}。当前文件会先备份到 {1}。</translation>
    </message>
    <message>
        <source>This backup is damaged and cannot be restored: {0}</source>
        <translation>此备份已损坏，无法恢复：{0}</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <source>✓ Done</source>
        <translation>✓ 已完成</translation>
    </message>
    <message>
        <source>– Skipped</source>
        <translation>– 已跳过</translation>
    </message>
    <message>
        <source>✗ Failed</source>
        <translation>✗ 失败</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy this report to the clipboard as plain text</source>
        <translation>将此报告以纯文本复制到剪贴板</translation>
    </message>
    <message>
        <source>Show the folder</source>
        <translation>打开所在文件夹</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <source>Reverse {0} no. {1}</source>
        <translation>冲销{0}第 {1} 号</translation>
    </message>
    <message>
        <source>A reversal is a new entry of {0} {1}, dated the day you choose: from that day on it takes back what no. {2} applied to each invoice. No. {2} stays on record, and reports of earlier days do not change.</source>
        <translation>冲销是一笔金额为 {0} {1} 的新记录，日期由您选择：自该日起，收回第 {2} 号在每张发票上核销的金额。第 {2} 号仍保留在记录中，更早日期的报表不会改变。</translation>
    </message>
    <message>
        <source>Reversal date</source>
        <translation>冲销日期</translation>
    </message>
    <message>
        <source>Reason (kept on record)</source>
        <translation>原因（保留在记录中）</translation>
    </message>
    <message>
        <source>e.g. cheque bounced</source>
        <translation>例如：支票退票</translation>
    </message>
    <message>
        <source>Enter it again?</source>
        <translation>重新录入？</translation>
    </message>
    <message>
        <source>Payment no. {0} is reversed by no. {1}. Enter the payment again, corrected, now?</source>
        <translation>第 {0} 号收款已被第 {1} 号冲销。现在重新录入改正后的收款吗？</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>应收余额</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Keep as it is</source>
        <translation>维持不变</translation>
    </message>
    <message>
        <source>Change the credit limit</source>
        <translation>调整信用额度</translation>
    </message>
    <message>
        <source>Change the credit class</source>
        <translation>调整信用等级</translation>
    </message>
    <message>
        <source>Stop supplying on credit</source>
        <translation>停止赊销</translation>
    </message>
    <message>
        <source>Quarterly review {quarter}: credit limit changed from {old} to {new}.</source>
        <translation>季度复核 {quarter}：信用额度由 {old} 调整为 {new}。</translation>
    </message>
    <message>
        <source>Quarterly review {quarter}: credit class changed from {old} to {new}.</source>
        <translation>季度复核 {quarter}：信用等级由 {old} 调整为 {new}。</translation>
    </message>
    <message>
        <source>Quarterly review {quarter}: stop supplying on credit (account on hold).</source>
        <translation>季度复核 {quarter}：停止赊销（账户暂停）。</translation>
    </message>
    <message>
        <source>Quarterly review {quarter}: limit and class kept.</source>
        <translation>季度复核 {quarter}：信用额度与等级维持不变。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Quarterly credit review</source>
        <translation>季度信用复核</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>复核决定</translation>
    </message>
    <message>
        <source>new limit, e.g. {0}</source>
        <translation>新额度，例如 {0}</translation>
    </message>
    <message>
        <source>why (kept in the collection file)</source>
        <translation>原因（记入催收档案）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>A new limit or class is set on the customer at once; stopping supplies puts the account on hold. The decision is written in the customer&apos;s collection file.</source>
        <translation>新的信用额度或等级会立即更新到客户资料；停止赊销会将该账户设为暂停。复核决定会写入该客户的催收档案。</translation>
    </message>
    <message>
        <source>Record decision</source>
        <translation>记录决定</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Preview the pack…</source>
        <translation>预览复核资料…</translation>
    </message>
    <message>
        <source>Reading the quarter…</source>
        <translation>正在读取季度数据…</translation>
    </message>
    <message>
        <source>{0} customers with a balance or sales in {1}; {2} decided.</source>
        <translation>{1} 有余额或销售的客户共 {0} 个；已决定 {2} 个。</translation>
    </message>
    <message>
        <source>Decision for {0}</source>
        <translation>{0} 的复核决定</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
</context>
<context>
    <name>SlipReturnedDialog</name>
    <message>
        <source>Confirmation returned — {0}</source>
        <translation>确认函已回 — {0}</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>确认函</translation>
    </message>
    <message>
        <source>{0} of {1}: {2} {3}</source>
        <translation>{0}（{1}）：{2} {3}</translation>
    </message>
    <message>
        <source>Returned on</source>
        <translation>寄回日期</translation>
    </message>
    <message>
        <source>Signed as sent (the customer confirms the balance)</source>
        <translation>已按原样签回（客户确认余额）</translation>
    </message>
    <message>
        <source>Note (the customer&apos;s figure and reason, if it differs)</source>
        <translation>备注（如有差异，客户所述金额及原因）</translation>
    </message>
</context>
<context>
    <name>SplitModel</name>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Open before this entry</source>
        <translation>本笔核销前未结</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>已核销</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>当前未结</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Skip step — {0}</source>
        <translation>跳过步骤 — {0}</translation>
    </message>
    <message>
        <source>Step done — {0}</source>
        <translation>步骤完成 — {0}</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Skipped (not done)</source>
        <translation>已跳过（未执行）</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>Courtesy reminder</source>
        <translation>到期前友情提醒</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>付款提醒</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话催收</translation>
    </message>
    <message>
        <source>Formal demand letter (registered mail)</source>
        <translation>正式催款函（挂号信）</translation>
    </message>
    <message>
        <source>Legal action</source>
        <translation>法律行动</translation>
    </message>
    <message>
        <source>Hand over to a collection agency</source>
        <translation>移交催收机构</translation>
    </message>
</context>
<context>
    <name>StepsModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Days from due date</source>
        <translation>距到期日天数</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>催收动作</translation>
    </message>
    <message>
        <source>Requires step</source>
        <translation>前置步骤</translation>
    </message>
    <message>
        <source>Wait (days)</source>
        <translation>等待（天）</translation>
    </message>
    <message>
        <source>Letter template</source>
        <translation>函件模板</translation>
    </message>
    <message>
        <source>Registered mail</source>
        <translation>挂号信</translation>
    </message>
    <message>
        <source>New step</source>
        <translation>新步骤</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Courtesy note (before the due date)</source>
        <translation>友情提示（到期前）</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>付款提醒函</translation>
    </message>
    <message>
        <source>Demand letter</source>
        <translation>催款函</translation>
    </message>
    <message>
        <source>Final notice</source>
        <translation>最后催告函</translation>
    </message>
    <message>
        <source>Notice before legal action</source>
        <translation>诉前催告通知书</translation>
    </message>
    <message>
        <source>Notice of hand-over to a collection agency</source>
        <translation>债权移交催收机构通知书</translation>
    </message>
    <message>
        <source>customer&apos;s legal name</source>
        <translation>客户法定名称</translation>
    </message>
    <message>
        <source>customer&apos;s contact person (or its name)</source>
        <translation>客户联系人（或客户名称）</translation>
    </message>
    <message>
        <source>your company&apos;s legal name</source>
        <translation>贵公司法定名称</translation>
    </message>
    <message>
        <source>your phone number</source>
        <translation>贵公司电话</translation>
    </message>
    <message>
        <source>your e-mail address</source>
        <translation>贵公司电子邮件</translation>
    </message>
    <message>
        <source>your contact person</source>
        <translation>贵公司联系人</translation>
    </message>
    <message>
        <source>who signs the letter</source>
        <translation>函件签署人</translation>
    </message>
    <message>
        <source>the signer&apos;s position</source>
        <translation>签署人职务</translation>
    </message>
    <message>
        <source>total claimed (invoices + charges)</source>
        <translation>追讨总额（发票 + 费用）</translation>
    </message>
    <message>
        <source>total claimed in Chinese capital numerals</source>
        <translation>追讨总额（中文大写）</translation>
    </message>
    <message>
        <source>open invoice amounts</source>
        <translation>未结发票金额</translation>
    </message>
    <message>
        <source>late charges (interest + fixed sums)</source>
        <translation>滞纳费用（利息 + 固定费用）</translation>
    </message>
    <message>
        <source>currency code, e.g. EUR</source>
        <translation>币种代码，例如 EUR</translation>
    </message>
    <message>
        <source>payment deadline</source>
        <translation>付款期限</translation>
    </message>
    <message>
        <source>date of the letter</source>
        <translation>函件日期</translation>
    </message>
    <message>
        <source>what happens if unpaid (from the ladder)</source>
        <translation>逾期不付的后果（来自催收流程）</translation>
    </message>
    <message>
        <source>contract / order references</source>
        <translation>合同 / 订单编号</translation>
    </message>
    <message>
        <source>letter reference</source>
        <translation>函件编号</translation>
    </message>
    <message>
        <source>number of overdue invoices</source>
        <translation>逾期发票数量</translation>
    </message>
    <message>
        <source>due date of the oldest invoice</source>
        <translation>最早发票的到期日</translation>
    </message>
    <message>
        <source>your bank</source>
        <translation>贵公司开户银行</translation>
    </message>
    <message>
        <source>your IBAN / account number</source>
        <translation>贵公司 IBAN / 银行账号</translation>
    </message>
    <message>
        <source>your BIC / SWIFT</source>
        <translation>贵公司 BIC / SWIFT 代码</translation>
    </message>
    <message>
        <source>Letter wording</source>
        <translation>函件措辞</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>函件</translation>
    </message>
    <message>
        <source>Paragraphs are separated by a blank line. Placeholders such as $customer_name are filled in for each letter; write $$ for a dollar sign. The invoice table, late charges, bank details and signature are added below the text automatically.</source>
        <translation>段落之间以空行分隔。$customer_name 等占位符会按每封函件自动填写；输入 $$ 表示美元符号。发票明细表、滞纳费用、银行信息和签名会自动附在正文之后。</translation>
    </message>
    <message>
        <source>Placeholders (double-click to insert)</source>
        <translation>占位符（双击插入）</translation>
    </message>
    <message>
        <source>Restore shipped wording</source>
        <translation>恢复出厂措辞</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Your own wording</source>
        <translation>自定义措辞</translation>
    </message>
    <message>
        <source>Shipped wording</source>
        <translation>出厂措辞</translation>
    </message>
    <message>
        <source>Unsaved wording</source>
        <translation>未保存的措辞</translation>
    </message>
    <message>
        <source>Discard the changes to the wording shown?</source>
        <translation>放弃对当前措辞的修改？</translation>
    </message>
    <message>
        <source>Replace your wording of this letter with the text shipped with AR Desktop? Letters already issued keep their text.</source>
        <translation>用 AR Desktop 自带的文本替换此函件的自定义措辞？已开具的函件保持原文不变。</translation>
    </message>
    <message>
        <source>Sample letter – {0}</source>
        <translation>函件样例 – {0}</translation>
    </message>
    <message>
        <source>Close without saving the changes to the wording?</source>
        <translation>不保存措辞修改就关闭？</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>AR Desktop — User guide</source>
        <translation>AR Desktop — 使用手册</translation>
    </message>
</context>
<context>
    <name>ValidatePage</name>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Save errors as CSV…</source>
        <translation>将错误另存为 CSV…</translation>
    </message>
    <message>
        <source>Fix them in the file (or change the mapping) and try again.</source>
        <translation>请在文件中修正（或更改匹配）后重试。</translation>
    </message>
    <message>
        <source>Save errors as CSV</source>
        <translation>将错误另存为 CSV</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Entries</source>
        <translation>记账(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;New in this list…</source>
        <translation>在当前列表中新建(&amp;N)…</translation>
    </message>
    <message>
        <source>New &amp;invoice…</source>
        <translation>新建发票(&amp;I)…</translation>
    </message>
    <message>
        <source>Record &amp;payment…</source>
        <translation>登记付款(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Print this list…</source>
        <translation>打印当前列表(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Search this list</source>
        <translation>搜索当前列表(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用手册(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
</context>
<context>
    <name>Worklist</name>
    <message>
        <source>Action due</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>已承诺</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>有争议</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>open</source>
        <translation>待履行</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>已履行</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>已违约</translation>
    </message>
    <message>
        <source>{0} → {1}: credit class {0} today; how the customer paid over the last 12 months suggests class {1}. Change the class in the customer&apos;s record if you agree.</source>
        <translation>{0} → {1}：目前信用等级为 {0}；根据该客户过去 12 个月的付款情况，建议调为 {1} 级。如您同意，请在客户资料中修改等级。</translation>
    </message>
    <message>
        <source>⟳ credit review due: the overdue balance has reached the review share of the credit limit. Look at the limit, then press Credit reviewed.</source>
        <translation>⟳ 需要信用复核：逾期余额已达到信用额度的复核比例。请检查信用额度，然后按“信用已复核”。</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>in {0} days</source>
        <translation>{0} 天后</translation>
    </message>
    <message>
        <source>Due from {0}</source>
        <translation>自 {0} 起到期</translation>
    </message>
    <message>
        <source>{0} by {1} ({2})</source>
        <translation>{1} 前付 {0}（{2}）</translation>
    </message>
    <message>
        <source>promise broken</source>
        <translation>承诺违约</translation>
    </message>
    <message>
        <source>credit review</source>
        <translation>需信用复核</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>上一步骤</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步骤</translation>
    </message>
    <message>
        <source>Due since</source>
        <translation>应办日期</translation>
    </message>
    <message>
        <source>Promise</source>
        <translation>付款承诺</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
</TS>
