"""The columns of customers, invoices and payments in files: one list that exports write and imports read.

Each kind has one tuple of ``Column``s. An export writes the columns marked ``exported`` in that
order; an import reads a column by its name (the command line) or by a mapping to its key (the
wizard). Adding a field to files is one entry here (plus the field itself in ``domain.records``
and the table), and both directions follow.

Roles:
- ``field``: read and stored.
- ``derived``: written by exports so a reader sees it (names, paid, open, applied…); an import
  ignores it, or checks it against what it stores (``checked``), and never refuses the column.
- ``input``: read by imports only, never exported (e.g. the settlement date of the wizard).
"""

from __future__ import annotations

from dataclasses import dataclass

from ar_desktop.domain.text import translate

KINDS = ("customers", "invoices", "payments")


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # for the user (translated by the window)
    type: str = "text"  # text | date | money | int | bool | rate | allocations
    required: bool = False
    synonyms: tuple[str, ...] = ()  # header names the wizard recognises (lower case, no spaces or punctuation)
    role: str = "field"  # field | derived | input
    exported: bool = True
    width: int = 14  # in an .xlsx export
    checked: bool = False  # a derived column an import compares with what it stores

    @property
    def imported(self) -> bool:
        return self.role != "derived" or self.checked


def _c(key: str, label: str, type: str = "text", *synonyms: str, **kw) -> Column:  # noqa: A002
    return Column(key, label, type, synonyms=synonyms, **kw)


CUSTOMER_COLUMNS = (
    _c("code", translate("Columns", "Customer code"), "text", "code", "customercode", "customerid", "custid",
       "customerno", "customernumber", "clientid", "clientcode", "accountno", "debtorno", "kundennr",
       "kundennummer", "客户编号", "客户代码", required=True),
    _c("name", translate("Columns", "Name"), "text", "name", "customername", "company", "companyname", "firma",
       "客户名称", "名称", required=True, width=32),
    _c("contact", translate("Columns", "Contact person"), "text", "contact", "contactperson", "ansprechpartner",
       "联系人"),
    _c("address", translate("Columns", "Address"), "text", "address", "street", "adresse", "strasse", "地址",
       width=32),
    _c("postcode", translate("Columns", "Postcode"), "text", "postcode", "zip", "zipcode", "postalcode", "plz",
       "邮编"),
    _c("city", translate("Columns", "City"), "text", "city", "town", "ort", "stadt", "城市"),
    _c("country", translate("Columns", "Country (ISO code)"), "text", "country", "countrycode", "land", "国家"),
    _c("email", translate("Columns", "E-mail"), "text", "email", "mail", "emailaddress", "邮箱", width=28),
    _c("phone", translate("Columns", "Phone"), "text", "phone", "telephone", "tel", "telefon", "电话"),
    _c("tax_id", translate("Columns", "Tax id"), "text", "taxid", "vatid", "vatno", "ustid", "税号"),
    _c("credit_limit", translate("Columns", "Credit limit"), "money", "creditlimit", "limit", "kreditlimit",
       "信用额度"),
    _c("credit_class", translate("Columns", "Credit class"), "text", "creditclass", "class", "rating"),
    _c("terms_days", translate("Columns", "Terms (days)"), "int", "termsdays", "zahlungsziel", "账期"),
    # "30", "net 30" or "2/10 net 30"; when given it takes precedence over terms_days
    _c("terms", translate("Columns", "Payment terms (e.g. 2/10 net 30)"), "text", "terms", "paymentterms",
       "zahlungsbedingungen", "付款条件", width=14),
    _c("currency", translate("Columns", "Currency"), "text", "currency", "cur", "ccy", "waehrung", "währung", "币种"),
    _c("language", translate("Columns", "Letter language"), "text", "language", "lang", "sprache"),
    _c("notes", translate("Columns", "Notes"), "text", "notes", "note", "remarks", "comment", "bemerkung", "备注",
       width=40),
    _c("on_hold", translate("Columns", "On hold"), "bool", "onhold", "hold", "blocked", "gesperrt"),
    _c("retention_of_title", translate("Columns", "Retention of title"), "bool", "retentionoftitle",
       "eigentumsvorbehalt", "所有权保留", width=10),
    _c("late_charge_rule", translate("Columns", "Late-charge rule"), "text", "latechargerule"),
    _c("late_charge_rate", translate("Columns", "Late-charge rate (%)"), "rate", "latechargerate"),
    _c("limitation", translate("Columns", "Limitation law"), "text", "limitation", "limitationlaw",
       "verjaehrung", "verjährung", "诉讼时效", width=10),
)

INVOICE_COLUMNS = (
    _c("number", translate("Columns", "Invoice number"), "text", "number", "invoicenumber", "invoiceno", "invoicenr",
       "invoice", "invno", "invoiceid", "rechnungsnummer", "rechnungsnr", "beleg", "belegnr", "发票号", "发票号码",
       required=True),
    _c("customer_code", translate("Columns", "Customer code"), "text", "customercode", "customerid", "customer",
       "custid", "customerno", "customernumber", "clientid", "kundennr", "kundennummer", "kunde", "客户编号",
       required=True),
    # Derived in exports; names the customers an import creates (when it may create them)
    _c("customer_name", translate("Columns", "Customer name (new customers)"), "text", "customername", "client",
       "clientname", role="input", width=32),
    _c("issue_date", translate("Columns", "Issue date"), "date", "issuedate", "invoicedate", "date", "documentdate",
       "dateissued", "rechnungsdatum", "datum", "belegdatum", "开票日期", "发票日期", required=True),
    _c("due_date", translate("Columns", "Due date"), "date", "duedate", "due", "paymentdue", "faelligkeit",
       "fälligkeit", "到期日"),
    _c("amount", translate("Columns", "Amount"), "money", "amount", "invoiceamount", "total", "totalamount", "gross",
       "betrag", "summe", "金额", required=True),
    _c("paid", translate("Columns", "Paid"), "money", role="derived"),
    _c("open_amount", translate("Columns", "Open"), "money", role="derived"),
    _c("currency", translate("Columns", "Currency"), "text", "currency", "cur", "ccy", "waehrung", "währung", "币种",
       width=9),
    _c("reference", translate("Columns", "Reference"), "text", "reference", "ref", "ordernumber", "po", "ponumber",
       "referenz", width=18),
    _c("description", translate("Columns", "Description"), "text", "description", "text", "memo", "beschreibung",
       "摘要", width=32),
    # the early-payment discount offered and its last day; without these columns, from the customer's terms
    _c("discount", translate("Columns", "Early-payment discount"), "money", "discount", "skonto", "现金折扣"),
    _c("discount_until", translate("Columns", "Discount until"), "date", "discountuntil", "discountdate",
       "skontofrist"),
    # without the column, the customer's
    _c("retention_of_title", translate("Columns", "Retention of title"), "bool", "retentionoftitle",
       "eigentumsvorbehalt", "所有权保留", width=10),
    _c("disputed", translate("Columns", "Disputed"), "bool", "disputed", "dispute", "indispute", "strittig", width=9),
    _c("dispute_reason", translate("Columns", "Dispute reason"), "text", "disputereason", width=24),
    _c("voided", translate("Columns", "Void"), "bool", "voided", "void", "cancelled", "storniert", width=8),
    _c("void_date", translate("Columns", "Voided on"), "date", "voiddate", "voidedon", "cancelleddate"),
    _c("void_reason", translate("Columns", "Void reason"), "text", "voidreason", width=24),
    _c("settled_date", translate("Columns", "Settled on (paid in full)"), "date", "settleddate", "settled",
       "paiddate", "datepaid", "paidon", "closeddate", "bezahltam", role="input", exported=False),
    _c("customer_country", translate("Columns", "Customer country (new customers)"), "text", "country",
       "countrycode", "land", role="input", exported=False),
    _c("customer_notes", translate("Columns", "Customer notes (new customers)"), "text", "customernotes",
       role="input", exported=False),
)

PAYMENT_COLUMNS = (
    # Exported so each payment can be told apart; an import numbers payments anew
    # (read back to name the entry a reversal reverses, and to tell payments alike apart)
    _c("payment_id", translate("Columns", "Payment id"), "int", role="derived", checked=True, width=10),
    _c("date", translate("Columns", "Payment date"), "date", "date", "paymentdate", "valuedate", "paiddate",
       "datepaid", "bookingdate", "zahlungsdatum", "付款日期", required=True),
    _c("customer_code", translate("Columns", "Customer code"), "text", "customercode", "customerid", "customer",
       "custid", "customerno", "kundennr", "客户编号", required=True),
    _c("customer_name", translate("Columns", "Customer name"), "text", role="derived", width=32),
    _c("amount", translate("Columns", "Amount"), "money", "amount", "paymentamount", "paid", "betrag", "金额",
       required=True),
    _c("applied", translate("Columns", "Applied"), "money", role="derived", checked=True),
    _c("unapplied", translate("Columns", "Unapplied (credit)"), "money", role="derived", checked=True),
    _c("currency", translate("Columns", "Currency"), "text", "currency", "cur", "ccy", "币种", role="derived",
       checked=True, width=9),
    _c("kind", translate("Columns", "Kind (payment or correction)"), "text", "kind", width=14),
    _c("method", translate("Columns", "Method"), "text", "method", "paymentmethod", "type", "zahlungsart",
       width=16),
    _c("reference", translate("Columns", "Reference"), "text", "reference", "ref", "verwendungszweck", "remittance",
       width=24),
    _c("invoice_number", translate("Columns", "Invoice number"), "text", "invoicenumber", "invoiceno", "invoice",
       "invno", "rechnungsnummer", "发票号", role="input", exported=False),
    _c("allocations", translate("Columns", "Applied to invoices"), "allocations", "allocations", width=40),
    # a reversal: the payment_id (in the same file) of the entry it reverses, and why
    _c("reverses", translate("Columns", "Reverses payment id"), "int", "reverses", width=10),
    _c("reason", translate("Columns", "Reason for the reversal"), "text", "reversalreason", width=24),
)

COLUMNS: dict[str, tuple[Column, ...]] = {"customers": CUSTOMER_COLUMNS, "invoices": INVOICE_COLUMNS,
                                          "payments": PAYMENT_COLUMNS}


def columns_for(kind: str) -> tuple[Column, ...]:
    return COLUMNS[kind]


def exported(kind: str) -> tuple[Column, ...]:
    return tuple(c for c in COLUMNS[kind] if c.exported)


def by_key(kind: str) -> dict[str, Column]:
    return {c.key: c for c in COLUMNS[kind]}
