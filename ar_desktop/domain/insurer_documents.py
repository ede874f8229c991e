"""What the insurer is sent: the notification of an overdue account and the claim file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ar_desktop.domain.collection_file import CollectionFileDocument, FileEntry, FileOpenItem


@dataclass(frozen=True)
class InsurerNotice:
    company_name: str
    company_address: str
    signer: str
    insurer: str
    policy_number: str
    insurer_reference: str
    customer_code: str
    customer_name: str
    customer_address: str
    customer_tax_id: str
    currency: str
    as_of: dt.date
    insured_limit: Decimal | None
    exposure: Decimal
    oldest_unpaid_due: dt.date | None
    covered_until: dt.date | None
    notify_by: dt.date | None
    transfer_by: dt.date | None
    status: str
    items: tuple[FileOpenItem, ...]          # the open invoices as of the date
    measures: tuple[FileEntry, ...]          # steps, calls, letters, promises, disputes: what was done

    @property
    def overdue_total(self) -> Decimal:
        return sum((i.open_amount for i in self.items if i.days_overdue > 0), Decimal(0))


@dataclass(frozen=True)
class ClaimLetter:
    reference: str
    letter_date: dt.date
    step_key: str
    total_claimed: Decimal
    posted_on: dt.date | None
    tracking_number: str
    delivered_on: dt.date | None
    signed_by: str
    returned_on: dt.date | None
    sha256: str
    receipts: tuple[str, ...]


@dataclass(frozen=True)
class ClaimFile:
    notice: InsurerNotice
    collection: CollectionFileDocument
    letters: tuple[ClaimLetter, ...]
    expected_indemnity: Decimal | None
