"""Creating and opening company files."""

from __future__ import annotations

import logging
from pathlib import Path

from ar_desktop.clock import Clock, SystemClock
from ar_desktop.domain.errors import UserError, ValidationError
from ar_desktop.domain.records import CompanyProfile, parse_company
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.context import Books
from ar_desktop.storage.company_row import read_profile
from ar_desktop.storage.engine import open_database
from ar_desktop.storage.opening import OpeningWatch

FILE_SUFFIX = ".ardb"


def create_company(path: str | Path, name: str, currency: str = "EUR", country: str = "",
                   clock: Clock | None = None) -> Books:
    profile = parse_company({"legal_name": name, "currency": currency, "country": country})
    from ar_desktop.storage import company_repo

    db = open_database(path, create=True)
    try:
        with db.session() as s:
            company_repo.save(s, profile)
    except BaseException:
        db.close()
        Path(db.path).unlink(missing_ok=True)
        raise
    return Books(db, clock or SystemClock())


def open_company(path: str | Path, clock: Clock | None = None, *, record_outcomes: bool = True,
                 reading: bool = False, watch: OpeningWatch | None = None) -> Books:
    """Open a company file; with ``record_outcomes`` (the window does it once the file is checked, so as not
    to wait for that), record what became of the open promises and plans (see worklist.record_outcomes).
    ``reading``: the background check waits for the first session or ``books.db.start_check()`` (a command
    that only reads; the window, until its tabs are filled: storage.engine.open_database). ``watch`` follows
    and may cancel a long opening (storage.opening)."""
    books = Books(open_database(path, reading=reading, watch=watch), clock or SystemClock())
    if record_outcomes:
        record_outcomes_on_open(books)
    return books


def record_outcomes_on_open(books: Books) -> bool:
    """The opening step of worklist.record_outcomes, where the file can take it: not on a read-only disk,
    and never in the way of what the user opened the file for (a full disk or a damaged file is reported by
    that, and the outcomes are recorded on a later open or payment). Returns whether it recorded anything."""
    if books.db.read_only:
        return False
    try:
        if not _commitments_waiting(books):
            return False
        from ar_desktop.services.worklist import record_outcomes

        return record_outcomes(books)
    except UserError as e:
        logging.getLogger("ar_desktop").warning("promise and plan outcomes not recorded on opening: %s", e)
        return False


def _commitments_waiting(books: Books) -> bool:
    """Whether recording the outcomes on opening could record anything: a promise open or kept (a kept one is
    reopened when a payment it counted was reversed) or a payment plan open. In plain SQL: a file without any
    (a new company, a file just imported) is opened without loading the collections at all. A file that cannot
    be read says so where the outcomes are recorded (True)."""
    try:
        with books.db.reader() as con:
            return bool(con.execute("SELECT EXISTS (SELECT 1 FROM promise WHERE status IN ('open', 'kept')) "
                                    "OR EXISTS (SELECT 1 FROM payment_plan WHERE status = 'open')").fetchone()[0])
    except UserError:
        return True


def company_profile(books: Books) -> CompanyProfile:
    """In plain SQL (no SQLAlchemy): the window shows the company's name before the storage layer is loaded."""
    with books.db.reader() as con:
        return read_profile(con)


def check_identifiers(profile: CompanyProfile) -> None:
    """IBAN, BIC, VAT id and Chinese 统一社会信用代码 with their check digits (python-stdnum);
    ValidationError naming each wrong field, so nothing is stored."""
    from stdnum import bic, iban
    from stdnum.cn import uscc
    from stdnum.eu import vat

    problems: dict[str, Text] = {}
    account = "".join(profile.bank_account.split())
    if account[:2].isalpha() and account[2:4].isdigit() and not iban.is_valid(account):
        problems["bank_account"] = Text(translate(
            "Messages", "The IBAN {value} is not valid (wrong check digits or length for {country}). Copy it "
                        "from a bank statement."), value=profile.bank_account, country=account[:2].upper())
    if profile.bank_bic and not bic.is_valid(profile.bank_bic):
        problems["bank_bic"] = Text(translate(
            "Messages", "The BIC {value} is not valid (8 or 11 letters and digits, e.g. COBADEFFXXX). Check it with "
                        "the bank."), value=profile.bank_bic)
    tax = "".join(profile.tax_id.split()).upper()
    if tax[:2].lower() in vat.MEMBER_STATES or tax[:2] == "EL":
        if not vat.is_valid(tax):
            problems["tax_id"] = Text(translate(
                "Messages", "The VAT id {value} is not valid (wrong check digits or format). Copy it from the VAT "
                            "registration."), value=profile.tax_id)
    cn_ids = [("registration_id", profile.registration_id), ("tax_id", profile.tax_id)] if profile.country == "CN" \
        else []
    for field, value in cn_ids:
        compact = "".join(value.split()).upper()
        if len(compact) == 18 and not uscc.is_valid(compact):
            problems[field] = Text(translate(
                "Messages", "The unified social credit code {value} is not valid (wrong check character). Copy it "
                            "from the business licence."), value=value)
    if problems:
        raise ValidationError(problems)


def save_company_profile(books: Books, raw: dict) -> CompanyProfile:
    from ar_desktop.storage import company_repo

    profile = parse_company(raw)
    check_identifiers(profile)
    with books.db.session() as s:
        company_repo.save(s, profile)
    return profile
