"""The register of issued letters with where each stands in the registered-mail log."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ar_desktop.services.context import Books
from ar_desktop.services.registered_mail import MailStatus, mail_status
from ar_desktop.storage import letters_repo
from ar_desktop.storage.letters_repo import LetterRecord


@dataclass(frozen=True)
class RegisterRow:
    letter: LetterRecord
    mail: MailStatus

    @property
    def stage(self) -> str:
        """issued | posted | delivered | returned"""
        if self.mail.returned_on:
            return "returned"
        if self.mail.delivered_on:
            return "delivered"
        return "posted" if self.mail.posted_on else "issued"


def letter_register(books: Books, date_from: dt.date | None = None, date_to: dt.date | None = None,
                    customer_code: str | None = None) -> list[RegisterRow]:
    """Newest first."""
    with books.db.session() as s:
        letters = letters_repo.list_letters(s, date_from=date_from, date_to=date_to)
    if customer_code:
        letters = [x for x in letters if x.customer_code == customer_code]
    return [RegisterRow(x, mail_status(books, x.id)) for x in reversed(letters)]
