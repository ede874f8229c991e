"""Late charges as of a date, the company's default late-charge rule, and the reference-rate
tables kept in the company file (seeded from resources/rates/reference-rates.csv).

The computation itself is :func:`ar_desktop.domain.late_charges.compute_charges`
(docs/late-charges.md); this module gathers its inputs: the invoice, its payments dated on or
before the as-of date (from the allocations), the customer's rule or the company default, and
the rates of the company file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.charge_rules import (CONTRACT_KINDS, ChargeRule, DayCount, RuleKind, parse_day_count,
                                            parse_rule_kind)
from ar_desktop.domain.late_charges import ChargeResult, InvoiceForCharges, compute_charges
from ar_desktop.domain.records import parse_date
from ar_desktop.domain.reference_rates import (MAX_RATE, MIN_RATE, TABLE_DESCRIPTIONS, RateBook, RateRow, StaleTable,
                                               load_seed_rates, parse_rates_csv, parse_table_key, stale_tables)
from ar_desktop.domain.text import Text, joined, translate
from ar_desktop.services.context import Books
from ar_desktop.storage import company_repo, kpi_sql, rates_repo
from ar_desktop.storage.letters_repo import ChargeInvoice, charge_invoices

# Setting keys (JSON values in the `setting` table).
RULE_KEY = kpi_sql.CHARGE_RULE_KEY          # a RuleKind value; default 'none'
RATE_KEY = "late_charges.rate"              # exact decimal text or null (contractual rules only)
DAY_COUNT_KEY = "late_charges.day_count"    # '365' | '360' | 'actual'
FIXED_FEE_KEY = "late_charges.fixed_fee"    # exact decimal text or null (contractual rules only)

CSV_HEADER = ("invoice_number", "customer_code", "currency", "days_late", "interest", "fixed_compensation", "rule")
MAX_NOTE = 200


@dataclass(frozen=True)
class ChargeRow:
    """Late charges on one invoice paid late or still overdue as of ``result.as_of``."""

    invoice_number: str
    customer_code: str
    currency: str
    days_late: int
    interest: Decimal
    fixed_compensation: Decimal
    rule: str
    result: ChargeResult

    @property
    def total(self) -> Decimal:
        return self.interest + self.fixed_compensation

    @property
    def explanation(self) -> tuple[str, ...]:
        return self.result.explanation


# --- the company default rule -----------------------------------------------------------------------

def _company_rule(s) -> ChargeRule:
    kind = company_repo.get_setting(s, RULE_KEY, RuleKind.NONE.value)
    rate = company_repo.get_setting(s, RATE_KEY, None)
    fee = company_repo.get_setting(s, FIXED_FEE_KEY, None)
    day_count = company_repo.get_setting(s, DAY_COUNT_KEY, DayCount.D365.value)
    kind = parse_rule_kind(kind)
    return ChargeRule(kind, _rate_of(kind, rate), parse_day_count(day_count),
                      Decimal(fee) if fee not in (None, "") else None)


def _rate_of(kind: RuleKind, text: str | Decimal | None) -> str | Decimal | None:
    """A stored rate: a number, or the tiers' text for contract_tiered."""
    if text in (None, ""):
        return None
    return str(text) if kind is RuleKind.CONTRACT_TIERED else Decimal(str(text))


def company_rule(books: Books) -> ChargeRule:
    """The company's default late-charge rule (rule 'none' until it is set)."""
    with books.db.session() as s:
        return _company_rule(s)


def set_company_rule(books: Books, rule: ChargeRule) -> ChargeRule:
    """Store the company default (ChargeRule validates rate, day count and fixed fee)."""
    if not isinstance(rule, ChargeRule):
        raise TypeError("rule must be a ChargeRule")
    with books.db.session() as s:
        company_repo.set_setting(s, RULE_KEY, rule.kind.value)
        company_repo.set_setting(s, RATE_KEY, rule.rate_text)
        company_repo.set_setting(s, DAY_COUNT_KEY, rule.day_count.value)
        company_repo.set_setting(s, FIXED_FEE_KEY, None if rule.fixed_fee is None else str(rule.fixed_fee))
    return rule


def customer_rule(default: ChargeRule, rule_key: str, rate_text: str | Decimal | None) -> ChargeRule:
    """The rule of a customer: its own rule key (empty = the company default) and rate (empty =
    the company's rate when the customer uses the default's kind). The day count and the fixed
    fee of contractual rules come from the company default."""
    kind = parse_rule_kind(rule_key) if (rule_key or "").strip() else default.kind
    rate = _rate_of(kind, rate_text)
    if kind not in CONTRACT_KINDS:
        rate = None
    elif rate is None and kind is default.kind:
        rate = default.rate_text
    fee = default.fixed_fee if kind in CONTRACT_KINDS else None
    return ChargeRule(kind, rate, default.day_count, fee)


def _rule_for(default: ChargeRule, inv: ChargeInvoice, cache: dict) -> ChargeRule:
    key = (inv.customer_rule, inv.customer_rate)
    if key not in cache:
        try:
            cache[key] = customer_rule(default, inv.customer_rule, inv.customer_rate)
        except UserError as e:
            raise UserError(Text(translate("Messages", "Customer {customer_code}: {problem}"),
                                 customer_code=inv.customer_code, problem=e.message)) from None
    return cache[key]


def charge_for(inv: ChargeInvoice, rule: ChargeRule, as_of: dt.date, rates: RateBook) -> ChargeResult:
    """The charges on the undisputed part: a contested part is charged nothing while in dispute."""
    return compute_charges(InvoiceForCharges(inv.number, inv.currency, inv.gross - inv.disputed_part, inv.due_date,
                                             inv.payments), rule, as_of, rates)


def _rates(s) -> RateBook:
    _ensure_seeded(s)
    return rates_repo.rate_book(s)


@dataclass(frozen=True)
class ChargeGap:
    """An invoice whose charges cannot be computed now (e.g. a reference rate is missing)."""

    invoice_number: str
    customer_code: str
    reason: Text | str

    def line(self) -> str:
        return f"skipped {self.invoice_number} ({self.customer_code}): {' '.join(str(self.reason).split())}"


def charges_report_with_gaps(books: Books, as_of: dt.date) -> tuple[list[ChargeRow], list[ChargeGap]]:
    """One row per invoice paid late or still overdue as of ``as_of`` (days late > 0), sorted by
    customer code then invoice number; and the invoices whose charges cannot be computed (a
    missing reference rate, a rule that does not fit the invoice), which never stop the others."""
    as_of = parse_date(as_of, "as-of date")
    with books.db.session() as s:
        default = _company_rule(s)
        rates = _rates(s)
        invoices = charge_invoices(s, as_of)
    cache: dict = {}
    out, gaps = [], []
    for inv in invoices:
        if inv.paid >= inv.gross and all(d <= inv.due_date for d, _a in inv.payments):
            continue  # paid on time
        try:
            result = charge_for(inv, _rule_for(default, inv, cache), as_of, rates)
        except UserError as e:
            gaps.append(ChargeGap(inv.number, inv.customer_code, e.message))
            continue
        if result.days_late > 0:
            out.append(ChargeRow(inv.number, inv.customer_code, inv.currency, result.days_late, result.interest,
                                 result.fixed_compensation, result.rule_name, result))
    out.sort(key=lambda r: (r.customer_code, r.invoice_number))
    return out, gaps


def charges_report(books: Books, as_of: dt.date) -> list[ChargeRow]:
    """The rows of :func:`charges_report_with_gaps` (invoices that cannot be computed left out)."""
    return charges_report_with_gaps(books, as_of)[0]


def stale_rate_tables(books: Books, as_of: dt.date | None = None) -> list[StaleTable]:
    """The reference-rate tables that do not reach the day late charges on ``as_of`` (default
    today) need: the Settings dialog and the worklist show them (docs/late-charges.md)."""
    return stale_tables(rate_book(books), as_of or books.today())


def charges_csv(rows: list[ChargeRow]) -> str:
    """``invoice_number,customer_code,currency,days_late,interest,fixed_compensation,rule``;
    amounts with two decimals (a stable contract)."""
    import csv
    import io

    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_HEADER)
    for r in rows:
        w.writerow([r.invoice_number, r.customer_code, r.currency, r.days_late, f"{r.interest:.2f}",
                    f"{r.fixed_compensation:.2f}", r.rule])
    return out.getvalue()


# --- reference rates ---------------------------------------------------------------------------------

def _ensure_seeded(s) -> None:
    if rates_repo.count(s) == 0:
        rates_repo.add_many(s, load_seed_rates())


def rate_book(books: Books) -> RateBook:
    """The reference rates of the company file (seeded with the shipped rates when empty)."""
    with books.db.session() as s:
        return _rates(s)


def list_rates(books: Books, table: str | None = None) -> list[RateRow]:
    key = parse_table_key(table) if table is not None else None
    with books.db.session() as s:
        _ensure_seeded(s)
        return rates_repo.all_rows(s, key)


def _rate_value(value: Decimal | str) -> Decimal:
    try:
        rate = Decimal(str(value).strip())
        if not rate.is_finite():
            raise ArithmeticError
    except ArithmeticError:
        hint = Text(translate("Messages", " Use '.' as decimal point.")) if "," in str(value) else ""
        raise UserError(Text(translate("Messages", "'{value}' is not a rate in percent. Write a number such as "
                                                   "4.50.{hint}"), value=value, hint=hint)) from None
    if not MIN_RATE <= rate <= MAX_RATE:
        raise UserError(Text(translate("Messages", "The rate {value} % is outside {min_rate} to {max_rate} %. "
                                                   "Write the rate in percent, e.g. 4.50 for 4.50 %."),
                             value=value, min_rate=MIN_RATE, max_rate=MAX_RATE))
    return rate


def _note(note: str) -> str:
    text = (note or "").strip()
    if len(text) > MAX_NOTE:
        raise UserError(Text(translate("Messages", "The note is longer than {max_note} characters. Shorten it."),
                             max_note=MAX_NOTE))
    return text


def _rate_row(table: str, effective_from: dt.date | str, rate_percent: Decimal | str, note: str) -> RateRow:
    return RateRow(parse_table_key(table), parse_date(effective_from, "date the rate takes effect"),
                   _rate_value(rate_percent), _note(note))


def add_rate(books: Books, table: str, effective_from: dt.date | str, rate_percent: Decimal | str,
             note: str = "") -> RateRow:
    """Add a rate change; refuses a second rate for the same table and date (correct it instead)."""
    row = _rate_row(table, effective_from, rate_percent, note)
    key, day = row.table, row.effective_from
    with books.db.session() as s:
        _ensure_seeded(s)
        old = rates_repo.find(s, key, day)
        if old is not None:
            raise UserError(Text(translate("Messages", "Table '{key}' already has a rate from {day} "
                                                       "({rate_percent} %). Correct that rate instead of adding a "
                                                       "second one."),
                                 key=key, day=day.isoformat(), rate_percent=old.rate_percent))
        rates_repo.add(s, row)
    return row


def correct_rate(books: Books, table: str, effective_from: dt.date | str, rate_percent: Decimal | str,
                 note: str = "") -> RateRow:
    """Change the rate (and note) of an existing row."""
    row = _rate_row(table, effective_from, rate_percent, note)
    key, day = row.table, row.effective_from
    with books.db.session() as s:
        _ensure_seeded(s)
        if rates_repo.find(s, key, day) is None:
            raise UserError(Text(translate("Messages", "Table '{key}' ({table_descriptions}) has no rate from "
                                                       "{day}. Add it as a new rate instead."),
                                 key=key, table_descriptions=Text(TABLE_DESCRIPTIONS[key]), day=day.isoformat()))
        rates_repo.update(s, key, day, row.rate_percent, row.note)
    return row


def remove_rate(books: Books, table: str, effective_from: dt.date | str) -> None:
    """Remove a row entered with a wrong date (add the right one separately)."""
    key = parse_table_key(table)
    day = parse_date(effective_from, "date the rate takes effect")
    with books.db.session() as s:
        _ensure_seeded(s)
        if not rates_repo.delete(s, key, day):
            raise UserError(Text(translate("Messages", "Table '{key}' has no rate from {day}; there is nothing to "
                                                       "remove."), key=key, day=day.isoformat()))


def import_rates_csv(books: Books, text: str) -> int:
    """Add the rows of a rate CSV (``table,effective_from,rate_percent,note``) that are not in the
    file yet; a row whose date is known with a different rate is refused (correct it one by one).
    All rows or none. Returns the number of rows added."""
    rows = parse_rates_csv(text)
    with books.db.session() as s:
        _ensure_seeded(s)
        new, clashes = [], []
        for r in rows:
            old = rates_repo.find(s, r.table, r.effective_from)
            if old is None:
                new.append(r)
            elif Decimal(old.rate_percent) != r.rate_percent:
                clashes.append(Text(translate("Messages", "{table} {day}: {kept} % in the company file, {new} % in "
                                                          "the CSV"),
                                    table=r.table, day=r.effective_from.isoformat(), kept=old.rate_percent,
                                    new=r.rate_percent))
        if clashes:
            raise UserError(Text(translate("Messages", "The rate file contradicts rates already kept; correct those "
                                                       "rates one by one first:\n{clashes}"),
                                 clashes=joined(clashes[:20])))
        return rates_repo.add_many(s, new)


__all__ = ["CSV_HEADER", "ChargeGap", "ChargeRow", "charges_report_with_gaps", "stale_rate_tables", "DAY_COUNT_KEY", "FIXED_FEE_KEY", "RATE_KEY", "RULE_KEY", "add_rate",
           "charge_for", "charges_csv", "charges_report", "company_rule", "correct_rate", "customer_rule",
           "import_rates_csv", "list_rates", "rate_book", "remove_rate", "set_company_rule"]
