"""The payments importer's quick lane (services.import_payments): a bank's file kept as cells and its plain rows
typed, checked and applied a batch at a time (storage.payment_staging), the others handed to the Python checks in
the importer's own batches."""

from __future__ import annotations

from ar_desktop.domain.dates import ISO
from ar_desktop.domain.payment_kinds import RECOVERY, WRITE_OFF
from ar_desktop.services.importing import Batch, raw_text
from ar_desktop.services.collector import collector_paused
from ar_desktop.storage.payment_staging import LANE_KEYS, PaymentStaging

__all__ = ["QuickLane"]


class QuickLane:
    """PaymentRows' quick lane; ``finish`` applies what is staged (``_apply_staged``) and closes the staging."""

    # rows the quick lane applies at a time (held as their cells joined, ~100 bytes a row, and the plain ones
    # typed): each batch's UPDATE of paid totals passes over the invoice table in id order (at a million invoices,
    # ~100 MB that the page cache does not hold), and its statements cost per batch more than per row
    cells_batch = 100_000
    staging: PaymentStaging | None = None   # the lane's batch, when the lane is taken

    def quick_lane(self, keys: list[str], where: dict[str, str]) -> bool:
        """Take the rows as cells (``add_cells``) when the lane can check them: a bank's file
        (storage.payment_staging), ISO dates, no preview."""
        if (self.preview_rows or self.options.date_format != ISO or self.options.numbers.decimal not in ".,"
                or not {"date", "customer_code", "amount", "invoice_number"} <= set(keys) <= LANE_KEYS):
            return False
        self.keys, self.staged, self.starts = keys, 0, []
        self.staging = PaymentStaging(self.s, keys, self.options.numbers, self.today, WRITE_OFF.key, RECOVERY.key)
        self.staging.customers(self.customers)
        return True

    def add_cells(self, rows: list[tuple[int, list[str]]], where: dict[str, str]) -> None:
        """Rows as the file's cells (in ``keys`` order), staged; every ``cells_batch`` rows (and at ``finish``)
        the plain ones are applied by the lane, the others through ``add``, so that every problem reads as
        before."""
        self.where = where
        self.starts.append(rows[0][0])   # the importer's batch: the Python checks take the rows left the same way
        with collector_paused():
            self.staged += self.staging.stage(rows)
        if self.staged >= self.cells_batch:
            self._apply_staged()

    def _apply_staged(self) -> None:
        self.staged, starts, self.starts = 0, self.starts, []
        # the batch's rows and what is made of them live until it is stored and make no cycles: the collector's
        # full passes would walk them all again and again (~10 s of 950,000 payments)
        with collector_paused():
            rows, customers = self.staging.store_plain(self.writer, self.next_id)
        self.rows_of_new.extend(rows)
        self.source_ids.extend(bytes(8 * len(rows)))   # a bank's file has no payment ids: 0 each
        self.customers_paid.update(customers)
        for cid in customers:
            self.queues.pop(cid, None)   # the customer's open invoices are read again when needed
        for iid in self.staging.paid_invoices() if self.states else ():
            self.states.pop(iid, None)   # ... and what this import knows of the invoices the lane paid
        self.next_id += len(rows)
        self.report.new += len(rows)
        for cells in self.staging.rest(starts):   # the other rows, in row order, as the importer's batches
            rest = [(n, dict(zip(self.keys, values))) for n, values in cells]
            self.add(Batch(rest, self.where))
            # what the Python checks applied: the lane reads those customers' open invoices again
            self.staging.forget({self.customers[code][0] for _n, values in rest
                                 if (code := raw_text(values.get("customer_code", ""))) in self.customers})
        self.staging.clear()
