"""What a payment-like entry is: a customer's payment, or a correction stored like one.

Corrections (write-offs, credit notes, the credit left by voiding a paid invoice…) are stored as
payments so that posted figures are never overwritten. The stored ``method`` names the kind of a
correction; a real payment keeps its own method (bank transfer, cheque…). This table is the one
place that knows the kinds: exports write the kind, imports read it, and adding a kind (for
example a discount) is one line here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ar_desktop.domain.text import translate


@dataclass(frozen=True)
class PaymentKind:
    key: str  # as written in files and stored as the method of a correction
    label: str  # for the user (translated by the window)
    # How the entry is applied: "any" (a payment: to invoices, the rest is credit), "full" (a
    # correction of invoices: applied in full), "credit" (customer credit: applied later, if ever),
    # "none" (never applied to an invoice)
    applied: str = "full"
    needs_reason: bool = True  # the reason is kept in the reference


PAYMENT = PaymentKind("payment", translate("PaymentKind", "Payment"), "any", needs_reason=False)
WRITE_OFF = PaymentKind("write-off", translate("PaymentKind", "Write-off"))
CREDIT_NOTE = PaymentKind("credit note", translate("PaymentKind", "Credit note"))
VOID_REVERSAL = PaymentKind("void reversal", translate("PaymentKind", "Credit from a voided invoice"), "credit")
DISCOUNT = PaymentKind("discount", translate("PaymentKind", "Early-payment discount"))
RECOVERY = PaymentKind("recovery", translate("PaymentKind", "Recovery of a written-off debt"), "none")

KINDS: dict[str, PaymentKind] = {k.key: k for k in (PAYMENT, WRITE_OFF, CREDIT_NOTE, VOID_REVERSAL, DISCOUNT,
                                                    RECOVERY)}
CORRECTIONS = frozenset(k for k in KINDS if k != PAYMENT.key)


def recovery_reference(reference: str) -> str:
    """The reference of the recovery split from a payment: the payment's own, marked as a recovery
    (so that an import can tell the two halves of a payment it already holds)."""
    return f"Recovery of written-off debt. {reference}".strip()[:100]


def kind_of(method: str) -> PaymentKind:
    """The kind of a stored entry, from its method."""
    return KINDS.get(method, PAYMENT) if method in CORRECTIONS else PAYMENT


def is_correction_name(method: str) -> bool:
    """True if a payment method typed or imported names a kind of correction (refused as a method)."""
    return " ".join(method.strip().lower().replace("_", " ").split()) in {
        *CORRECTIONS, *(k.replace("-", " ") for k in CORRECTIONS), *(k.replace(" ", "-") for k in CORRECTIONS),
        *(k.replace("-", "") for k in CORRECTIONS)}
