"""The limitation clock: the day an unpaid invoice becomes time-barred, and what restarted it.

Stdlib only. Each jurisdiction's rule (docs/credit-risk.md has the bookkeeper's version):

- ``cn`` (China, Civil Code arts. 188, 195): due date + 3 years; a demand for payment whose
  delivery is recorded, a part payment or an acknowledgement restarts it: event date + 3 years.
- ``de`` (Germany, BGB §§195, 199, 212): 31 December of (the due date's year + 3); a part payment
  or an acknowledgement restarts it: event date + 3 years (no year-end rule). Letters do not.
- ``uk`` (England and Wales, Limitation Act 1980 ss. 5, 29): due date + 6 years; a part payment or
  a *written* acknowledgement restarts it: event date + 6 years.
- ``us``: due date + N years (a company setting, default 4, UCC §2-725); a part payment restarts it.

"+ k years" keeps month and day; 29 February becomes 28 February. Only events on or after the due
date and on or before the clock runs out count (a claim already time-barred is not revived here),
and the latest of them counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, translate

JURISDICTIONS = ("cn", "de", "uk", "us", "none")
COUNTRY_DEFAULTS = {"CN": "cn", "DE": "de", "GB": "uk", "US": "us"}
DEFAULT_US_YEARS = 4
MAX_US_YEARS = 10
DEFAULT_WARN_DAYS = 90
MAX_WARN_DAYS = 730

# Kinds of event that may restart a clock.
PART_PAYMENT = "part_payment"
ACKNOWLEDGEMENT = "acknowledgement"          # in writing, signed by the customer
ORAL_ACKNOWLEDGEMENT = "oral_acknowledgement"
CONFIRMATION = "confirmation"                # a returned balance-confirmation slip (in writing)
DEMAND_DELIVERED = "demand_delivered"        # a letter demanding payment, delivery recorded
EVENT_KINDS = (PART_PAYMENT, ACKNOWLEDGEMENT, ORAL_ACKNOWLEDGEMENT, CONFIRMATION, DEMAND_DELIVERED)

RESTARTS = {
    "cn": frozenset({PART_PAYMENT, ACKNOWLEDGEMENT, ORAL_ACKNOWLEDGEMENT, CONFIRMATION, DEMAND_DELIVERED}),
    "de": frozenset({PART_PAYMENT, ACKNOWLEDGEMENT, ORAL_ACKNOWLEDGEMENT, CONFIRMATION}),
    "uk": frozenset({PART_PAYMENT, ACKNOWLEDGEMENT, CONFIRMATION}),
    "us": frozenset({PART_PAYMENT}),
    "none": frozenset(),
}

JURISDICTION_NAMES = {
    "cn": translate("Messages", "China"),
    "de": translate("Messages", "Germany"),
    "uk": translate("Messages", "United Kingdom"),
    "us": translate("Messages", "United States"),
    "none": translate("Messages", "no limitation clock"),
}

EVENT_NAMES = {
    PART_PAYMENT: translate("Messages", "part payment"),
    ACKNOWLEDGEMENT: translate("Messages", "written acknowledgement"),
    ORAL_ACKNOWLEDGEMENT: translate("Messages", "oral acknowledgement"),
    CONFIRMATION: translate("Messages", "returned balance confirmation"),
    DEMAND_DELIVERED: translate("Messages", "demand letter delivered"),
}

# One sentence per jurisdiction: what restarts the clock and what does not.
EXPLANATIONS = {
    "cn": translate("Messages", "China: the claim is time-barred 3 years after the due date. A demand letter "
                                "whose delivery is recorded, a part payment or an acknowledgement by the "
                                "customer starts the 3 years again from that day."),
    "de": translate("Messages", "Germany: the claim is time-barred on 31 December of the third year after the "
                                "year it fell due. A part payment or an acknowledgement starts 3 years again "
                                "from that day (no year-end); letters and reminders do not."),
    "uk": translate("Messages", "United Kingdom: the claim is time-barred 6 years after the due date. A part "
                                "payment or an acknowledgement in writing signed by the customer starts the 6 "
                                "years again; letters and phone calls do not."),
    "us": translate("Messages", "United States: the claim is time-barred {years} years after the due date. Only a "
                                "part payment starts the period again; letters and acknowledgements do not."),
    "none": translate("Messages", "No limitation clock is kept for this customer."),
}


def add_years(day: dt.date, years: int) -> dt.date:
    """The same month and day ``years`` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def parse_jurisdiction(text: str | None) -> str:
    """'' (follow the company's country) or one of JURISDICTIONS."""
    value = (text or "").strip().lower()
    if value and value not in JURISDICTIONS:
        raise UserError(Text(translate("Messages", "'{value}' is not a limitation jurisdiction. Use cn, de, uk, us "
                                                   "or none, or leave it empty to follow the company's country."),
                             value=text))
    return value


def default_jurisdiction(country: str) -> str:
    """The jurisdiction a customer follows when none is set: from the company's country."""
    return COUNTRY_DEFAULTS.get((country or "").strip().upper(), "none")


def effective_jurisdiction(customer_value: str, company_country: str) -> str:
    return customer_value or default_jurisdiction(company_country)


def explanation(jurisdiction: str, us_years: int = DEFAULT_US_YEARS) -> Text:
    return Text(EXPLANATIONS[jurisdiction], years=us_years)


def check_us_years(years: int) -> int:
    if isinstance(years, bool) or not isinstance(years, int) or not 1 <= years <= MAX_US_YEARS:
        raise UserError(Text(translate("Messages", "The US limitation period '{years}' must be a whole number of "
                                                   "years from 1 to {most}."), years=years, most=MAX_US_YEARS))
    return years


def check_warn_days(days: int) -> int:
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_WARN_DAYS:
        raise UserError(Text(translate("Messages", "The limitation warning period '{days}' must be a whole number "
                                                   "of days from 0 to {most}."), days=days, most=MAX_WARN_DAYS))
    return days


@dataclass(frozen=True)
class ClockEvent:
    kind: str
    date: dt.date


@dataclass(frozen=True)
class Clock:
    jurisdiction: str
    expires_on: dt.date
    restarted_by: str | None      # an EVENT_KINDS key, None when nothing restarted it
    restarted_on: dt.date | None

    def days_left(self, as_of: dt.date) -> int:
        return (self.expires_on - as_of).days


def _years(jurisdiction: str, us_years: int) -> int:
    return {"cn": 3, "de": 3, "uk": 6, "us": us_years}[jurisdiction]


def base_expiry(jurisdiction: str, due_date: dt.date, us_years: int = DEFAULT_US_YEARS) -> dt.date:
    """When the invoice is time-barred if nothing restarts the clock."""
    if jurisdiction == "de":
        return dt.date(due_date.year + 3, 12, 31)
    return add_years(due_date, _years(jurisdiction, us_years))


def limitation_clock(jurisdiction: str, due_date: dt.date, events: Iterable[ClockEvent], as_of: dt.date,
                     us_years: int = DEFAULT_US_YEARS) -> Clock | None:
    """The clock of one open invoice as of ``as_of``; None for the ``none`` jurisdiction.

    Events are taken in date order: one that restarts the clock under this jurisdiction, on or
    after the due date and on or before the day the clock then runs out, restarts it from its date.
    """
    if jurisdiction == "none":
        return None
    if jurisdiction not in RESTARTS:
        raise UserError(Text(translate("Messages", "'{value}' is not a limitation jurisdiction. Use cn, de, uk, us "
                                                   "or none, or leave it empty to follow the company's country."),
                             value=jurisdiction))
    expires = base_expiry(jurisdiction, due_date, us_years)
    by = on = None
    counted = RESTARTS[jurisdiction]
    for e in sorted(events, key=lambda e: e.date):
        if e.kind not in counted or e.date < due_date or e.date > as_of or e.date > expires:
            continue
        expires, by, on = add_years(e.date, _years(jurisdiction, us_years)), e.kind, e.date
    return Clock(jurisdiction, expires, by, on)
