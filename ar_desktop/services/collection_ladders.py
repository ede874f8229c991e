"""Collection ladders: each credit class's ladder (the shipped default until it is changed) and a
customer's own ladder.
"""

from __future__ import annotations

from collections.abc import Iterable

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.ladder import (CREDIT_CLASSES, Ladder, Step, default_ladder, ladder_from_data, ladder_in_force,
                                      ladder_to_data, validate_ladder)
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.collection_input import customer_by_code
from ar_desktop.services.context import Books
from ar_desktop.services.setting_keys import LADDER_KEY
from ar_desktop.storage import collection_records, company_repo


def class_ladder_in(s, credit_class: str) -> Ladder:
    return ladder_in_force(credit_class, None, company_repo.get_setting(s, LADDER_KEY.format(cls=credit_class), None))


def ladder_of(s, customer_id: int, credit_class: str) -> Ladder:
    own = collection_records.customer_ladder(s, customer_id)
    return ladder_in_force(credit_class, own) if own is not None else class_ladder_in(s, credit_class)


def _check_class(credit_class: str) -> str:
    cls = (credit_class or "").strip().upper()
    if cls not in CREDIT_CLASSES:
        raise UserError(Text(translate("Messages", "'{credit_class}' is not a credit class. Use A, B or C."),
                             credit_class=credit_class))
    return cls


def _steps(steps: Ladder | Iterable[Step | dict]) -> Ladder:
    if isinstance(steps, Ladder):
        return validate_ladder(steps.steps)
    items = list(steps)
    if items and all(isinstance(x, dict) for x in items):
        return ladder_from_data(items)
    return validate_ladder(items)


def class_ladder(books: Books, credit_class: str) -> Ladder:
    """The ladder of a credit class (the shipped default until it is changed)."""
    cls = _check_class(credit_class)
    with books.db.session() as s:
        return class_ladder_in(s, cls)


def set_class_ladder(books: Books, credit_class: str, steps: Ladder | Iterable[Step | dict]) -> Ladder:
    """Validate and store the ladder of a credit class; raises UserError naming the wrong step."""
    cls = _check_class(credit_class)
    ladder = _steps(steps)
    with books.db.session() as s:
        company_repo.set_setting(s, LADDER_KEY.format(cls=cls), ladder_to_data(ladder))
    return ladder


def reset_class_ladder(books: Books, credit_class: str) -> Ladder:
    return set_class_ladder(books, credit_class, default_ladder(_check_class(credit_class)))


def customer_ladder(books: Books, code: str) -> Ladder | None:
    """The customer's own ladder, or None when it follows its credit class."""
    with books.db.session() as s:
        cid, _data = customer_by_code(s, code)
        data = collection_records.customer_ladder(s, cid)
        return None if data is None else ladder_from_data(data)


def set_customer_ladder(books: Books, code: str, steps: Ladder | Iterable[Step | dict] | None) -> Ladder | None:
    """Give the customer its own ladder (validated), or None to follow its credit class again."""
    ladder = None if steps is None else _steps(steps)
    with books.db.session() as s:
        cid, _data = customer_by_code(s, code)
        collection_records.set_customer_ladder(s, cid, None if ladder is None else ladder_to_data(ladder))
    return ladder


def effective_ladder(books: Books, code: str) -> Ladder:
    with books.db.session() as s:
        cid, data = customer_by_code(s, code)
        return ladder_of(s, cid, data.credit_class)
