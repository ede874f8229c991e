"""Errors a user can fix (shown plainly) versus bugs (logged and reported)."""

from __future__ import annotations

from ar_desktop.domain.text import Text, english


class UserError(Exception):
    """Something the user can fix: the message says what is wrong and how to fix it.

    The message is a ``Text`` (translated by the window) or, in older code, a plain English
    string; ``str(error)`` is always the English sentence.
    """

    def __init__(self, message: str | Text = ""):
        self.message = message
        super().__init__(english(message))


class ValidationError(UserError):
    """One or more fields are wrong; ``problems`` maps a field name to its message."""

    def __init__(self, problems: dict[str, str | Text]):
        self.problems = dict(problems)
        super().__init__("; ".join(english(m) for m in self.problems.values()))
