"""What the command-line tests share: a company file made through the services, for the real program to read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from ar_desktop.clock import FixedClock
from ar_desktop.services import customers, invoicing
from ar_desktop.services.company_file import create_company

TODAY = dt.date(2026, 6, 30)


@pytest.fixture
def make_db(tmp_path) -> Callable[..., str]:
    """``make_db(customers, invoices, issued, then=None)``: the path of a new company file (EUR, Germany,
    made on 2026-06-30) with those customers (dicts of their fields) and invoices ((number, customer code,
    due date, amount), all issued on ``issued``), after which ``then(books)`` may add more."""
    def make(people: list[dict], invoices: list[tuple[str, str, str, str]], issued: str,
             then: Callable | None = None) -> str:
        path = tmp_path / "co.ardb"
        b = create_company(path, "Test Trading Ltd", "EUR", "DE", clock=FixedClock(TODAY))
        try:
            for person in people:
                customers.add_customer(b, person)
            for number, code, due, amount in invoices:
                invoicing.add_invoice(b, {"number": number, "customer_code": code, "issue_date": issued,
                                          "due_date": due, "amount": amount})
            if then is not None:
                then(b)
        finally:
            b.close()
        return str(path)

    return make
