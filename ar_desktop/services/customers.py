"""Use cases on customers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ar_desktop.domain.records import CustomerData, parse_customer
from ar_desktop.services.context import Books
from ar_desktop.storage import company_repo, customers_repo
from ar_desktop.storage.customers_repo import CustomerRow


def add_customer(books: Books, raw: Mapping[str, Any]) -> int:
    with books.db.session() as s:
        data = parse_customer(raw, company_repo.get(s).currency)
        return customers_repo.add(s, data)


def update_customer(books: Books, customer_id: int, raw: Mapping[str, Any]) -> None:
    with books.db.session() as s:
        data = parse_customer(raw, company_repo.get(s).currency)
        customers_repo.update(s, customer_id, data)


def get_customer(books: Books, customer_id: int) -> CustomerData:
    with books.db.session() as s:
        return customers_repo.get(s, customer_id)


def customer_ids(books: Books, *, search: str = "", sort: str = "code", descending: bool = False,
                 only_overdue: bool = False) -> list[int]:
    with books.db.session() as s:
        return customers_repo.list_ids(s, books.today(), search=search, sort=sort, descending=descending,
                                       only_overdue=only_overdue)


def customer_rows(books: Books, ids: list[int]) -> list[CustomerRow]:
    with books.db.session() as s:
        return customers_repo.rows(s, ids, books.today())


def customer_choices(books: Books) -> list[tuple[int, str, str]]:
    """(id, code, name) of every customer, by code, for pickers."""
    with books.db.session() as s:
        ids = customers_repo.list_ids(s, books.today())
        return [(r.id, r.code, r.name) for r in customers_repo.rows(s, ids, books.today())]


def find_customer(books: Books, code: str) -> tuple[int, CustomerData]:
    """(id, data) of the customer with ``code``; a clear error when there is none."""
    from ar_desktop.domain.errors import UserError

    with books.db.session() as s:
        cid = customers_repo.id_by_code(s, code)
        if cid is None:
            raise UserError(f"There is no customer with code '{code}'.")
        return cid, customers_repo.get(s, cid)
