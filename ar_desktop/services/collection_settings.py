"""The collection settings: the grace period of promises and plans, working days, and the thresholds of
the credit review and of the suggested credit class.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ar_desktop.domain.credit import CreditSettings
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.next_step import DEFAULT_GRACE_DAYS
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.context import Books
from ar_desktop.services.setting_keys import GRACE_KEY, WORKING_DAYS_KEY


MAX_GRACE_DAYS = 90
REVIEW_PERCENT_KEY = "credit.review_percent"
CREDIT_KEYS = {"a_max_avg_days_late": "credit.a_max_avg_days_late", "a_max_late_share": "credit.a_max_late_share",
               "c_min_avg_days_late": "credit.c_min_avg_days_late", "c_min_late_share": "credit.c_min_late_share"}
_READ_KEYS = {"review_percent": REVIEW_PERCENT_KEY, **CREDIT_KEYS}
SETTING_KEYS = (GRACE_KEY, WORKING_DAYS_KEY, *_READ_KEYS.values())   # what ``settings_from`` reads


@dataclass(frozen=True)
class CollectionSettings:
    grace_days: int = DEFAULT_GRACE_DAYS
    credit: CreditSettings = CreditSettings()
    working_days: bool = False   # ladder thresholds and waits in working days of the company's country


def settings_in(s) -> CollectionSettings:
    """The collection settings, read in one query."""
    from ar_desktop.storage import company_repo

    return settings_from(company_repo.get_settings(s, list(SETTING_KEYS)))


def settings_from(stored: dict) -> CollectionSettings:
    """The collection settings of the stored settings among ``SETTING_KEYS`` (the worklist reads them in plain
    SQL, with the ladders, in one query)."""
    base = CreditSettings()
    credit = CreditSettings(**{name: Decimal(str(stored[key])) if stored.get(key) is not None else getattr(base, name)
                               for name, key in _READ_KEYS.items()})
    return CollectionSettings(int(stored.get(GRACE_KEY, DEFAULT_GRACE_DAYS)), credit,
                              bool(stored.get(WORKING_DAYS_KEY, False)))


def collection_settings(books: Books) -> CollectionSettings:
    with books.db.session() as s:
        return settings_in(s)


def set_collection_settings(books: Books, settings: CollectionSettings) -> None:
    grace = settings.grace_days
    if isinstance(grace, bool) or not isinstance(grace, int) or not 0 <= grace <= MAX_GRACE_DAYS:
        raise UserError(Text(translate("Messages", "The promise grace period '{grace}' must be a whole number of "
                                                   "days from 0 to {max_grace_days}."),
                             grace=grace, max_grace_days=MAX_GRACE_DAYS))
    credit = CreditSettings(**{k: getattr(settings.credit, k) for k in ("review_percent", *CREDIT_KEYS)})
    from ar_desktop.storage import company_repo

    with books.db.session() as s:
        company_repo.set_setting(s, GRACE_KEY, grace)
        company_repo.set_setting(s, WORKING_DAYS_KEY, bool(settings.working_days))
        company_repo.set_setting(s, REVIEW_PERCENT_KEY, str(credit.review_percent))
        for name, key in CREDIT_KEYS.items():
            company_repo.set_setting(s, key, str(getattr(credit, name)))
