"""Errors a user can fix (shown plainly) versus bugs (logged and reported)."""


class UserError(Exception):
    """Something the user can fix: the message says what is wrong and how to fix it."""


class ValidationError(UserError):
    """One or more fields are wrong; ``problems`` maps a field name to its message."""

    def __init__(self, problems: dict[str, str]):
        self.problems = dict(problems)
        super().__init__("; ".join(f"{msg}" for msg in self.problems.values()))
