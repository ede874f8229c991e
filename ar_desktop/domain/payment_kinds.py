"""What a payment-like entry is: a customer's payment, or a correction stored like one.

Corrections (write-offs, credit notes, the credit left by voiding a paid invoice…) are stored as
payments so that posted figures are never overwritten. The stored ``method`` names the kind of a
correction; a real payment keeps its own method (bank transfer, cheque…). A reversal (domain/
payments.py) is the one kind told by another column: it points at the entry it reverses and keeps
that entry's method, so sums per method (write-offs, recoveries) are net of reversals. This table
is the one place that knows the kinds: exports write the kind, imports read it, the Payments list
filters by it, and adding a kind (for example a discount) is one line here.
"""

from __future__ import annotations

from dataclasses import dataclass

import re

from ar_desktop.domain.text import Text, translate


@dataclass(frozen=True)
class PaymentKind:
    key: str  # as written in files and stored as the method of a correction
    label: str  # for the user (translated by the window)
    # How the entry is applied: "any" (a payment: to invoices, the rest is credit), "full" (a
    # correction of invoices: applied in full), "credit" (customer credit: applied later, if ever),
    # "none" (never applied to an invoice)
    applied: str = "full"
    needs_reason: bool = True  # the reason is kept in the reference
    reversible: bool = True  # a reversal entry can take it back (domain/payments.py)

    @property
    def resplittable(self) -> bool:
        """Money not tied to one invoice by its nature, whose split can change later."""
        return self.applied in ("any", "credit")


PAYMENT = PaymentKind("payment", translate("PaymentKind", "Payment"), "any", needs_reason=False)
WRITE_OFF = PaymentKind("write-off", translate("PaymentKind", "Write-off"))
CREDIT_NOTE = PaymentKind("credit note", translate("PaymentKind", "Credit note"))
# the credit follows its invoice: it is taken back by un-voiding, never reversed on its own
VOID_REVERSAL = PaymentKind("void reversal", translate("PaymentKind", "Credit from a voided invoice"), "credit",
                            reversible=False)
DISCOUNT = PaymentKind("discount", translate("PaymentKind", "Early-payment discount"))
RECOVERY = PaymentKind("recovery", translate("PaymentKind", "Recovery of a written-off debt"), "none")
# negative, its allocations take back the reversed entry's; made in the program, never imported
REVERSAL = PaymentKind("reversal", translate("PaymentKind", "Reversal"), "none", needs_reason=False,
                       reversible=False)

KINDS: dict[str, PaymentKind] = {k.key: k for k in (PAYMENT, WRITE_OFF, CREDIT_NOTE, VOID_REVERSAL, DISCOUNT,
                                                    RECOVERY, REVERSAL)}
CORRECTIONS = frozenset(k for k in KINDS if k != PAYMENT.key)
# the kinds a stored method names (a reversal keeps the method of the entry it reverses)
METHOD_KINDS = CORRECTIONS - {REVERSAL.key}


def recovery_reference(reference: str) -> str:
    """The reference of the recovery split from a payment: the payment's own, marked as a recovery
    (so that an import can tell the two halves of a payment it already holds)."""
    return f"Recovery of written-off debt. {reference}".strip()[:100]


_DISCOUNT_REF = "Early-payment discount on invoice "
_VOID_REF = "Paid on voided invoice "
_RECOVERY_REF = re.compile(r"Recovery of written-off debt\.(?: (.*))?", re.S)


def discount_reference(number: str) -> str:
    """The reference of an early-payment discount the program books (stored in English: exports and imports
    match it; the window reads it through ``reference_text``)."""
    return f"{_DISCOUNT_REF}{number}"[:100]


def void_credit_reference(number: str) -> str:
    """The reference of the credit kept when a paid invoice is voided (stored in English, read like a discount's)."""
    return f"{_VOID_REF}{number}"[:100]


def referred(kind: str, reference: str) -> str | None:
    """What a reference the program writes holds: a discount's and a void's credit's invoice number, a recovery's
    payment reference ('' when it had none); None for a reference as it was typed."""
    prefix = {DISCOUNT.key: _DISCOUNT_REF, VOID_REVERSAL.key: _VOID_REF}.get(kind)
    if prefix is not None and reference.startswith(prefix):
        return reference[len(prefix):]
    m = _RECOVERY_REF.fullmatch(reference) if kind == RECOVERY.key else None
    return (m.group(1) or "") if m else None


def reference_text(kind: str, reference: str) -> str | Text:
    """A stored reference as the user reads it: those the program writes (a discount's, a void's credit's, a
    recovery's) in the interface language, from the invoice number or reference they hold; any other as it was
    typed."""
    held = referred(kind, reference)
    if held is None:
        return reference
    if kind == DISCOUNT.key:
        return Text(translate("Messages", "Early-payment discount on invoice {number}"), number=held)
    if kind == VOID_REVERSAL.key:
        return Text(translate("Messages", "Paid on voided invoice {number}"), number=held)
    return (Text(translate("Messages", "Recovery of written-off debt. {reference}"), reference=held)
            if held else Text(translate("Messages", "Recovery of written-off debt.")))


def kind_of(method: str, reverses: int | None = None) -> PaymentKind:
    """The kind of a stored entry, from its method and the entry it reverses (if any)."""
    if reverses is not None:
        return REVERSAL
    return KINDS[method] if method in METHOD_KINDS else PAYMENT


def is_correction_name(method: str) -> bool:
    """True if a payment method typed or imported names a kind of correction (refused as a method)."""
    return " ".join(method.strip().lower().replace("_", " ").split()) in {
        *CORRECTIONS, *(k.replace("-", " ") for k in CORRECTIONS), *(k.replace(" ", "-") for k in CORRECTIONS),
        *(k.replace("-", "") for k in CORRECTIONS)}
