"""Tracking numbers of registered mail: UPU S10 check-digit validation, anything else as free text.

An S10 identifier is two service letters, an eight-digit serial number, one check digit and
the two-letter ISO country code of the issuing post, e.g. ``RR123456785CN``.  The check digit
is ``11 - (Σ digit × weight) mod 11`` with weights 8 6 4 2 3 5 9 7; a result of 10 becomes 0
and 11 becomes 5.
"""

from __future__ import annotations

import re

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, translate

S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)
_S10 = re.compile(r"^[A-Z]{2}\d{9}[A-Z]{2}$")
# Something that was meant to be an S10 number but has the wrong number of digits.
_S10_LIKE = re.compile(r"^[A-Z]{2}\d{7,11}[A-Z]{2}$")
_SEPARATORS = re.compile(r"[\s\-\u00a0]+")


def _compact(text: str) -> str:
    return _SEPARATORS.sub("", (text or "").strip().upper())


def s10_check_digit(serial: str) -> int:
    """Check digit for the eight-digit serial number of an S10 identifier."""
    if len(serial) != 8 or not serial.isdigit():
        raise UserError(Text(translate("Messages", "'{serial}' is not an eight-digit serial number."),
                             serial=serial))
    total = sum(int(d) * w for d, w in zip(serial, S10_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: 0, 11: 5}.get(check, check)


def is_s10(text: str) -> bool:
    """True if the text has the S10 shape (2 letters, 9 digits, 2 letters), ignoring spaces and case."""
    return bool(_S10.match(_compact(text)))


def validate_tracking(text: str) -> str:
    """Normalise a tracking number (strip, upper case); verify the check digit of S10 numbers.

    Text that is not shaped like an S10 number (e.g. a courier's own numbering) is accepted as
    free text.  Empty text returns ''.
    """
    raw = (text or "").strip().upper()
    if not raw:
        return ""
    compact = _compact(raw)
    if _S10.match(compact):
        serial, given = compact[2:10], int(compact[10])
        expected = s10_check_digit(serial)
        if given != expected:
            raise UserError(
                Text(translate("Messages", "The tracking number {compact} looks like a UPU S10 number, but "
                                           "its check digit (the 11th character) is {given} where "
                                           "{expected} was expected. Check the number on the postal "
                                           "receipt for a typing mistake."),
                     compact=compact, given=given, expected=expected)
            )
        return compact
    if _S10_LIKE.match(compact):
        digits = len(compact) - 4
        raise UserError(
            Text(translate("Messages", "The tracking number {compact} looks like a UPU S10 number but has "
                                       "{digits} digits; it must have exactly 9 (two letters, nine digits, "
                                       "two letters, e.g. RR123456785CN)."), compact=compact, digits=digits)
        )
    return raw
