"""Payment rows checked and applied in SQL: the payments importer's quick lane for big bank files.

The importer applied each payment in Python (parsing, "already in the books?", the invoice it names,
what it leaves open). Here a batch of rows goes as the file gives them (text cells) into a TEMP table,
and SQL picks the rows that are plain beyond doubt: a payment naming one invoice of its customer that
it pays no more than is open, which the Python checks would store as one payment with one allocation
of its whole amount. Those are stored by ``BulkWriter.payments_from`` (the payments, their
allocations, the invoices' paid totals and derived columns in one UPDATE). Every other row stays with
the importer's Python checks (services.import_payments), which name its problems as before.

"Plain" is narrower than what the Python checks accept, never wider (tests/services/
test_payment_staging.py imports random files both ways and compares every row stored and every
problem named):

- the file has no column but date, customer code, amount, currency, method, reference and invoice
  number (a bank's file: no kind, allocations, reversals or payment ids), dates are ISO;
- the date is a real day within the years kept and not after today; the amount is digits and the
  format's decimal separator, at most the customer's currency's decimals, within the largest amount;
  the currency empty or the customer's; the method empty or one of the usual ones; the reference
  within its length with no refused character;
- the invoice it names is the customer's, not void, issued by the payment's day, offers no
  early-payment discount, and has at least the payment open (nothing is left over: no credit, no
  recovery of a write-off);
- no payment of that customer on that day is in the books, and none other in the batch; no other
  row of the batch names that invoice, and no row of the batch that is not plain names that customer
  (so the order in which the two lanes apply a batch's rows cannot change what either does).

The TEMP tables live on the importer's connection only: a kill or a rollback leaves nothing of them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from ar_desktop.domain.money import KNOWN_CURRENCIES, MAX_UNITS, exponent
from ar_desktop.domain.quick_rows import _plain
from ar_desktop.domain.records import EARLIEST_DATE, LATEST_DATE, LIMITS, PAYMENT_METHODS
from ar_desktop.storage.bulk_repo import BulkWriter
from ar_desktop.storage.days import from_iso_sql
from ar_desktop.storage.invoice_staging import amount_parts, iso_day, plain_text, quoted, stage_cells

__all__ = ["LANE_KEYS", "PaymentStaging"]

STAGE, CUSTOMERS, LANE = "temp.payment_stage", "temp.payment_stage_customer", "temp.payment_lane"
# the columns a file may have for its rows to take the lane (a bank's file)
LANE_KEYS = frozenset({"date", "customer_code", "amount", "currency", "method", "reference", "invoice_number"})


class PaymentStaging:
    """The TEMP tables of one payments import on ``s``'s connection; ``keys``: the file's mapped fields."""

    def __init__(self, s: Session, keys: list[str], decimal: str, today: dt.date):
        self.s, self.keys, self.decimal, self.today = s, keys, decimal, today
        con = s.connection()
        for table in (STAGE, CUSTOMERS, LANE):
            con.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
        columns = ", ".join(f'"{k}"' for k in keys)
        con.exec_driver_sql(f"CREATE TABLE {STAGE} (n INTEGER PRIMARY KEY, {columns})")
        con.exec_driver_sql(f"CREATE INDEX {STAGE}_day ON payment_stage (customer_code, date)")
        if "invoice_number" in keys:
            con.exec_driver_sql(f"CREATE INDEX {STAGE}_invoice ON payment_stage (invoice_number)")
        con.exec_driver_sql(f"CREATE TABLE {CUSTOMERS} (code TEXT PRIMARY KEY, id INTEGER, currency TEXT, "
                            "exp INTEGER) WITHOUT ROWID")
        con.exec_driver_sql(f"CREATE TABLE {LANE} (n INTEGER PRIMARY KEY, customer_id INTEGER, date INTEGER, "
                            "amount INTEGER, currency TEXT, method TEXT, reference TEXT, invoice_id INTEGER, "
                            "code TEXT)")
        self._insert = f"INSERT INTO {STAGE} (n, {columns}) VALUES (?{', ?' * len(keys)})"
        self.known: set[str] = set()

    def customers(self, by_code: dict) -> None:
        """The customers a plain row may name (code -> (id, terms, currency, ...)), those not staged yet."""
        rows = []
        for code, (cid, _terms, currency, *_rest) in by_code.items():
            if code in self.known or not _plain(code, LIMITS["customer_code"]) or currency not in KNOWN_CURRENCIES:
                continue
            self.known.add(code)
            rows.append((code, cid, currency, exponent(currency)))
        if rows:
            cur = self.s.connection().connection.dbapi_connection.cursor()
            try:
                cur.executemany(f"INSERT INTO {CUSTOMERS} VALUES (?, ?, ?, ?)", rows)
            finally:
                cur.close()

    def store_plain(self, writer: BulkWriter, next_id: int) -> list[tuple[int, int, int, int]]:
        """Stage a batch (``stage`` first), store its plain rows through ``writer`` with payment ids from
        ``next_id`` on, in row order; returns (row, customer id, invoice id, payment id) of each stored."""
        con = self.s.connection()
        con.exec_driver_sql(f"DELETE FROM {LANE}")
        con.exec_driver_sql(f"INSERT INTO {LANE} (n, customer_id, date, amount, currency, method, reference, "
                            f"invoice_id, code) {self._plain_sql()}")
        # a customer with a row that is not plain in the batch: all its rows go to the Python checks
        con.exec_driver_sql(f"DELETE FROM {LANE} WHERE code IN (SELECT s.customer_code FROM {STAGE} s "
                            f"WHERE s.n NOT IN (SELECT n FROM {LANE}) AND s.customer_code IS NOT NULL)")
        first, count = writer.payments_from(LANE)
        if count and first != next_id:
            raise ValueError(f"staged payments: ids from {first}, not {next_id}")
        return [(n, cid, iid, next_id + k) for k, (n, cid, iid) in enumerate(con.exec_driver_sql(
            f"SELECT n, customer_id, invoice_id FROM {LANE} ORDER BY n").all())]

    def stage(self, rows: list[tuple[int, list[str]]]) -> None:
        stage_cells(self.s, STAGE, self._insert, rows)

    def close(self) -> None:
        con = self.s.connection()
        for table in (STAGE, CUSTOMERS, LANE):
            con.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")

    # ---- the SQL ------------------------------------------------------------------------------

    def _col(self, key: str) -> str:
        return f's."{key}"' if key in self.keys else "NULL"

    def _plain_sql(self) -> str:
        col = self._col
        date, amount, cur = col("date"), col("amount"), col("currency")
        whole, frac, pos = amount_parts(amount, self.decimal)
        units = f"CAST({whole} || substr({frac} || '000000', 1, c.exp) AS INTEGER)"
        method = f"coalesce(nullif({col('method')}, ''), 'bank transfer')"
        last = min(LATEST_DATE, self.today).isoformat()
        checks = [
            # the day: ISO, a real day, within the years kept, not in the future
            iso_day(date), f"{date} BETWEEN '{EARLIEST_DATE.isoformat()}' AND '{last}'",
            # the currency none (the customer's) or the customer's own
            f"(coalesce({cur}, '') = '' OR {cur} = c.currency)",
            # the amount: 1-12 digits, the format's separator and at most the currency's decimals
            f"length({whole}) BETWEEN 1 AND 12", f"{whole} NOT GLOB '*[^0-9]*'", f"{frac} NOT GLOB '*[^0-9]*'",
            f"({pos} = 0 OR length({frac}) BETWEEN 1 AND c.exp)", f"{units} BETWEEN 1 AND {MAX_UNITS}",
            f"{method} IN ({quoted(PAYMENT_METHODS)})",
            plain_text(col("reference"), LIMITS["reference"], multiline=False),
            # the invoice: the customer's, not void, issued by then, no discount, the payment open on it
            "i.customer_id = c.id", "i.voided = 0", f"i.issue_date <= {from_iso_sql(date)}", "i.discount = 0",
            f"i.amount - i.paid >= {units}",
            # once: nothing of the customer on that day in the books or elsewhere in the batch, the invoice
            # named on no other row of the batch
            f"NOT EXISTS (SELECT 1 FROM main.payment p WHERE p.customer_id = c.id AND p.date = {from_iso_sql(date)})",
            f"NOT EXISTS (SELECT 1 FROM {STAGE} o WHERE o.customer_code = s.customer_code AND o.date = {date} "
            "AND o.n != s.n)",
            f"NOT EXISTS (SELECT 1 FROM {STAGE} o WHERE o.invoice_number = s.invoice_number AND o.n != s.n)",
        ]
        # the checked ISO text stored as its day number (storage.days)
        return (f"SELECT s.n, c.id, {from_iso_sql(date)}, {units}, c.currency, {method}, "
                f"coalesce({col('reference')}, ''), i.id, "
                f"s.customer_code FROM {STAGE} s JOIN {CUSTOMERS} c ON c.code = s.customer_code "
                f"JOIN main.invoice i ON i.number = s.invoice_number WHERE "
                + " AND ".join(f"({c})" for c in checks) + " ORDER BY s.n")
