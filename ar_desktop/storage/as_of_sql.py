"""SQL pieces for questions asked "as of a day D" over invoices and allocations, shared by the
repositories that answer them (collections, credit risk, figures, reviews). Which invoices are
open on D is ``storage.open_set``'s question; these are the pieces around it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection

from sqlalchemy import and_, func, or_, select

from ar_desktop.storage.orm import Allocation, Invoice


def json_rows(rows: list) -> object:
    """A table-valued json_each over a JSON array passed as ONE parameter (any number of ids,
    no temporary table): ``.c.value`` is an element."""
    return func.json_each(json.dumps(rows)).table_valued("value")


def id_set(ids: Collection[int]):
    """Subquery of the given ids, for ``column.in_(...)``."""
    return select(json_rows(sorted(ids)).c.value)


def paid_units(as_of: dt.date):
    """Correlated: the units allocated to the invoice on or before D (one index seek)."""
    return (select(func.coalesce(func.sum(Allocation.amount), 0))
            .where(Allocation.invoice_id == Invoice.id, Allocation.date <= as_of)
            .correlate(Invoice).scalar_subquery())


def last_allocation(as_of: dt.date):
    """Correlated: the date of the invoice's last allocation on or before D = the day it was
    cleared when it is fully paid as of D (allocations are positive and never exceed the amount)."""
    return (select(func.max(Allocation.date))
            .where(Allocation.invoice_id == Invoice.id, Allocation.date <= as_of)
            .correlate(Invoice).scalar_subquery())


def live_on(as_of: dt.date):
    """Invoices that exist as of D: issued by then and not voided by then."""
    return and_(Invoice.issue_date <= as_of,
                or_(Invoice.voided.is_(False), and_(Invoice.voided_on.is_not(None), Invoice.voided_on > as_of)))
