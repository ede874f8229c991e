"""Use cases on customers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.records import CustomerData, parse_customer
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.context import Books
from ar_desktop.storage import company_repo, customers_repo
from ar_desktop.storage.customers_repo import CustomerChoice, CustomerRow
from ar_desktop.storage.paging import PagedIds


def add_customer(books: Books, raw: Mapping[str, Any]) -> int:
    with books.db.session() as s:
        data = parse_customer(raw, company_repo.get(s).currency)
        return customers_repo.add(s, data)


def update_customer(books: Books, customer_id: int, raw: Mapping[str, Any]) -> None:
    with books.db.session() as s:
        data = parse_customer(raw, company_repo.get(s).currency)
        customers_repo.update(s, customer_id, data)


def delete_customer(books: Books, customer_id: int) -> None:
    """Delete a customer entered by mistake. One with invoices, payments, letters or a collection
    history stays on record (refused with the reason): the books never lose a posted figure."""
    with books.db.session() as s:
        data = customers_repo.get(s, customer_id)
        records = customers_repo.records_of(s, customer_id)
        if records:
            what = _Listing([Text(_RECORDS.get(t, _RECORDS["other"]), count=n) for t, n in sorted(records.items())])
            raise UserError(Text(translate("Messages", "Customer {code} cannot be deleted: the books hold {records} "
                                                       "for it, which stay on record. Put the customer on hold "
                                                       "instead."), code=data.code, records=what))
        customers_repo.delete(s, customer_id)


_RECORDS = {"invoice": translate("Messages", "{count} invoice(s)"),
            "payment": translate("Messages", "{count} payment(s)"),
            "letter": translate("Messages", "{count} letter(s)"),
            "collection_event": translate("Messages", "{count} collection history entries"),
            "promise": translate("Messages", "{count} promise(s) to pay"),
            "hold": translate("Messages", "{count} collection hold(s)"),
            "payment_plan": translate("Messages", "{count} payment plan(s)"),
            "other": translate("Messages", "{count} other record(s)")}


class _Listing(Text):
    """Texts joined by commas, each in the reader's language."""

    def __init__(self, parts: list[Text]):
        super().__init__("")
        self.params = {"parts": parts}

    def render(self, *how) -> str:
        return ", ".join(p.render(*how) for p in self.params["parts"])


def get_customer(books: Books, customer_id: int) -> CustomerData:
    with books.db.session() as s:
        return customers_repo.get(s, customer_id)


def customer_ids(books: Books, *, search: str = "", sort: str = "code", descending: bool = False,
                 only_overdue: bool = False) -> PagedIds:
    """The ids of the customers the search and filter keep, in order, read a page at a time."""
    return PagedIds(books.db.session, customers_repo.customer_list(books.today(), search=search, sort=sort,
                                                                   descending=descending, only_overdue=only_overdue))


def customer_rows(books: Books, ids: Sequence[int]) -> list[CustomerRow]:
    with books.db.session() as s:
        return customers_repo.rows(s, ids, books.today())


def customer_choices(books: Books) -> list[tuple[int, str, str]]:
    """(id, code, name) of every customer, by code, for pickers."""
    with books.db.reader() as con:
        return customers_repo.codes_and_names(con)


def customer_picker(books: Books) -> list[CustomerChoice]:
    """Every customer by code with what it owes today (open and overdue), for a picker: two indexed queries."""
    with books.db.reader() as con:
        return customers_repo.choices(con, books.today())


def find_customer(books: Books, code: str) -> tuple[int, CustomerData]:
    """(id, data) of the customer with ``code``; a clear error when there is none."""
    from ar_desktop.domain.errors import UserError

    with books.db.session() as s:
        cid = customers_repo.id_by_code(s, code)
        if cid is None:
            raise UserError(Text(translate("Messages", "There is no customer with code '{code}'."), code=code))
        return cid, customers_repo.get(s, cid)
