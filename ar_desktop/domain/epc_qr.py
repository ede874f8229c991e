"""The European Payments Council's "SEPA credit transfer" QR code (EPC069-12, version 002):
the text a banking app reads to fill in a transfer. Standard library only; the PDF layer draws it.
"""

from __future__ import annotations

from decimal import Decimal

MAX_NAME = 70
MAX_TEXT = 140
MAX_AMOUNT = Decimal("999999999.99")


def epc_payload(name: str, iban: str, bic: str, amount: Decimal, remittance: str) -> str | None:
    """The payload (UTF-8, character set 1) for a transfer of ``amount`` EUR to ``iban``; None when
    a transfer cannot be encoded (no IBAN, amount outside 0.01 to 999,999,999.99)."""
    iban = "".join((iban or "").split()).upper()
    if not iban or not Decimal("0.01") <= amount <= MAX_AMOUNT:
        return None
    lines = ["BCD", "002", "1", "SCT", "".join((bic or "").split()).upper(), (name or "").strip()[:MAX_NAME], iban,
             f"EUR{amount:.2f}", "", "", (remittance or "").strip()[:MAX_TEXT]]
    return "\n".join(lines)
