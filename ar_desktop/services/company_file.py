"""Creating and opening company files."""

from __future__ import annotations

from pathlib import Path

from ar_desktop.clock import Clock, SystemClock
from ar_desktop.domain.records import CompanyProfile, parse_company
from ar_desktop.services.context import Books
from ar_desktop.storage import company_repo
from ar_desktop.storage.engine import open_database

FILE_SUFFIX = ".ardb"


def create_company(path: str | Path, name: str, currency: str = "EUR", country: str = "",
                   clock: Clock | None = None) -> Books:
    profile = parse_company({"legal_name": name, "currency": currency, "country": country})
    db = open_database(path, create=True)
    try:
        with db.session() as s:
            company_repo.save(s, profile)
    except BaseException:
        db.close()
        Path(db.path).unlink(missing_ok=True)
        raise
    return Books(db, clock or SystemClock())


def open_company(path: str | Path, clock: Clock | None = None) -> Books:
    return Books(open_database(path), clock or SystemClock())


def company_profile(books: Books) -> CompanyProfile:
    with books.db.session() as s:
        return company_repo.get(s)


def save_company_profile(books: Books, raw: dict) -> CompanyProfile:
    profile = parse_company(raw)
    with books.db.session() as s:
        company_repo.save(s, profile)
    return profile
