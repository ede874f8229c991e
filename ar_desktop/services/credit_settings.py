"""Company settings of credit risk: the US limitation period, how early the limitation warning
comes, the cost of one collection step and the cap on a new customer's credit limit."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ar_desktop.domain.credit_check import NewCustomerCap
from ar_desktop.domain.limitation import DEFAULT_US_YEARS, DEFAULT_WARN_DAYS, check_us_years, check_warn_days
from ar_desktop.domain.small_balances import check_cost
from ar_desktop.services.context import Books
from ar_desktop.storage import company_repo

US_YEARS_KEY = "limitation.us_years"
WARN_DAYS_KEY = "limitation.warn_days"
STEP_COST_KEY = "collections.step_cost"
CAP_KEY = "credit.new_customer_cap"
CAP_MONTHS_KEY = "credit.new_customer_months"


@dataclass(frozen=True)
class CreditRiskSettings:
    us_years: int = DEFAULT_US_YEARS
    warn_days: int = DEFAULT_WARN_DAYS
    step_cost: Decimal | None = None          # company currency; None: no write-off suggestions
    cap: NewCustomerCap = NewCustomerCap()

    def __post_init__(self) -> None:
        check_us_years(self.us_years)
        check_warn_days(self.warn_days)
        check_cost(self.step_cost)


def _dec(value) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def read(s) -> CreditRiskSettings:
    return CreditRiskSettings(
        us_years=int(company_repo.get_setting(s, US_YEARS_KEY, DEFAULT_US_YEARS)),
        warn_days=int(company_repo.get_setting(s, WARN_DAYS_KEY, DEFAULT_WARN_DAYS)),
        step_cost=_dec(company_repo.get_setting(s, STEP_COST_KEY, None)),
        cap=NewCustomerCap(_dec(company_repo.get_setting(s, CAP_KEY, None)),
                           int(company_repo.get_setting(s, CAP_MONTHS_KEY, 6))))


def credit_risk_settings(books: Books) -> CreditRiskSettings:
    with books.db.session() as s:
        return read(s)


def set_credit_risk_settings(books: Books, settings: CreditRiskSettings) -> None:
    settings = CreditRiskSettings(settings.us_years, settings.warn_days, settings.step_cost, settings.cap)
    with books.db.session() as s:
        company_repo.set_setting(s, US_YEARS_KEY, settings.us_years)
        company_repo.set_setting(s, WARN_DAYS_KEY, settings.warn_days)
        company_repo.set_setting(s, STEP_COST_KEY, None if settings.step_cost is None else str(settings.step_cost))
        company_repo.set_setting(s, CAP_KEY, None if settings.cap.cap is None else str(settings.cap.cap))
        company_repo.set_setting(s, CAP_MONTHS_KEY, settings.cap.months)
