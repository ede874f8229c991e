"""Which days the collection ladder counts for a company: calendar days, or the working days of the
company's country (a collection setting) from the maintained ``holidays`` calendar."""

from __future__ import annotations

from functools import lru_cache

from ar_desktop.domain.working_days import CALENDAR_DAYS, DayCount, WorkingDays
from ar_desktop.storage.company_row import read_profile
from ar_desktop.storage.kpi_sql import dbapi


@lru_cache(maxsize=8)
def working_days_of(country: str) -> WorkingDays:
    """Monday to Friday (or the country's own weekend) less the public holidays of ``country`` (ISO
    3166 code: CN, DE, GB, US...), plus the weekend days it makes working days. A country the
    calendar does not know has its weekends only. Built once per country: its days are counted once
    per year."""
    import holidays   # ~0.4 s and ~14 MB: only for a company that counts in working days

    code = (country or "").strip().upper()
    try:
        calendar = holidays.country_holidays(code)
    except NotImplementedError:
        calendar = holidays.HolidayBase()   # Saturday and Sunday off, no holiday
    return WorkingDays(calendar.is_working_day, code)


def day_count(s, working_days: bool) -> DayCount:
    """The ladder's days for the company file open in ``s`` (a session or a DB-API connection: the worklist
    reads in plain SQL)."""
    return working_days_of(read_profile(dbapi(s)).country) if working_days else CALENDAR_DAYS
