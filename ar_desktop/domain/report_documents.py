"""What the printed reports show (frozen inputs for pdf/reports.py): the aging report with its
detail by invoice, the statement list, the KPI page and the cash forecast."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from ar_desktop.domain.aging import BUCKET_KEYS, AgingRow
from ar_desktop.domain.forecast import Forecast
from ar_desktop.domain.kpi import Kpis, TrendPoint
from ar_desktop.domain.letters import Company, StatementDocument

LANGUAGES = ("en", "zh")


@dataclass(frozen=True)
class ReportFilters:
    """What a report was restricted to (shown under its title)."""

    customer: str = ""              # "CODE – Name"
    credit_class: str = ""          # A | B | C
    overdue_only: bool = False
    currency: str = ""

    @property
    def none(self) -> bool:
        return not (self.customer or self.credit_class or self.overdue_only or self.currency)


@dataclass(frozen=True)
class AgingItem:
    """One invoice open as of D, in the detail of the aging report."""

    customer_code: str
    number: str
    issue_date: dt.date
    due_date: dt.date
    days_overdue: int
    amount: Decimal
    open_amount: Decimal
    disputed_amount: Decimal
    bucket: str                     # a key of domain.aging.BUCKETS


@dataclass(frozen=True)
class AgingBlock:
    """One currency of the aging report: a row per customer, the total, the invoices behind them."""

    currency: str
    rows: tuple[AgingRow, ...]
    total: AgingRow
    items: tuple[AgingItem, ...] = ()

    def items_of(self, customer_code: str) -> list[AgingItem]:
        return [i for i in self.items if i.customer_code == customer_code]


@dataclass(frozen=True)
class AgingReportDocument:
    company: Company
    language: str
    as_of: dt.date
    printed_on: dt.date
    blocks: tuple[AgingBlock, ...]
    detail: bool = False
    filters: ReportFilters = ReportFilters()

    def __post_init__(self) -> None:
        for b in self.blocks:
            for k in BUCKET_KEYS:
                if sum((r.buckets[k] for r in b.rows), Decimal(0)) != b.total.buckets[k]:
                    raise ValueError(f"aging rows do not add up to the total ({b.currency}, {k})")
            if self.detail and sum((i.open_amount for i in b.items), Decimal(0)) != b.total.total:
                raise ValueError(f"aging detail does not add up to the total ({b.currency})")


@dataclass(frozen=True)
class StatementLine:
    customer_code: str
    customer_name: str
    currency: str
    total_open: Decimal
    overdue: Decimal
    language: str


@dataclass(frozen=True)
class StatementListDocument:
    """A cover list of the customers with their balances, then each customer's statement."""

    company: Company
    language: str                   # of the cover list; each statement is in its customer's language
    as_of: dt.date
    printed_on: dt.date
    lines: tuple[StatementLine, ...]
    statements: tuple[StatementDocument, ...]
    filters: ReportFilters = ReportFilters()


@dataclass(frozen=True)
class KpiReportDocument:
    company: Company
    language: str
    printed_on: dt.date
    kpis: Kpis
    previous: Kpis
    buckets: dict[str, Decimal]
    trend: tuple[TrendPoint, ...] = ()


@dataclass(frozen=True)
class ForecastReportDocument:
    company: Company
    language: str
    printed_on: dt.date
    currency: str
    forecast: Forecast
    names: dict[str, str] = field(default_factory=dict)     # customer code -> name
