"""Payment rows checked and applied in Python: the payments importer's quick lane for big bank files.

The importer applies each payment through its Python checks (parsing, "already in the books?", the invoice it names
or the customer's open invoices oldest due first, what it leaves over), which cost ~50 us a row. Here a batch of
rows is kept as the file gives them (each row's cells, joined in one string) and the rows that are plain beyond
doubt are typed, checked and applied in one pass each over the batch, as the Python checks would: a payment naming
one invoice of its customer that it pays no more than is open (one allocation of its whole amount), and a payment
naming none, spread over the customer's open invoices oldest due first (``oldest_due_first``: due date, issue date,
number), its rest left as credit (storage.payment_spread). Those are written once, payments and allocations as rows
of values by ``BulkWriter.lane_payments`` (with the invoices' paid totals and derived columns in one UPDATE). Every
other row stays with the importer's Python checks (services.import_payments), which name its problems as before.

"Plain" is narrower than what the Python checks accept, never wider (tests/services/
test_payment_staging.py imports random files both ways and compares every row stored and every
problem named):

- the file has no column but date, customer code, amount, currency, method, reference and invoice
  number (a bank's file: no kind, allocations, reversals or payment ids), dates are ISO;
- the cells are plain as domain.quick_rows reads a payment (the Python checks' own quick reading, checked
  once per row as it is staged, ``_typed``): the date a real ISO day within the years kept and not
  after today; the amount digits and the format's decimal separator, at most the customer's currency's
  decimals, within the largest amount; the currency empty or the customer's; the method empty or one of
  the usual ones; the reference within its length with no refused character;
- no payment of that customer on that day with that reference is in the books (the Python checks' duplicate
  is the same day, customer, amount and reference), nor any recovery of that customer that day, and no other
  row of the batch names that customer, day and reference (``_new``);
- a row naming an invoice: the invoice is the customer's, not void, issued by the payment's day, offers
  no early-payment discount, and has at least the payment open (nothing is left over: no credit, no
  recovery of a write-off); no other row of the batch names that invoice, and no row of the batch that is
  not such a row names that customer (so the order in which the two lanes apply a batch's rows cannot change
  what either does);
- a row naming no invoice: the customer never had anything written off (what a payment leaves over is
  then credit, never a recovery), none of the invoices the payment is spread over offers an early-payment
  discount, and every row of that customer above it in the batch is such a row too (the customer's rows
  are applied in row order; from the customer's first row that is not, the Python checks take the rest in
  order). The customer's open invoices are read once into a queue (their open amounts, oldest due first:
  storage.payment_spread) and kept in step with what this lane applies; a customer the Python checks or a
  row naming an invoice touched is read again when next needed.

The duplicate check reads the payments' index by customer and day, one query a batch; while the writer has that
index away (``BulkWriter.defer_lookups``: a big import into a file with few payments) it reads instead 64-bit
hashes of the customer, day and reference of every payment in the books, read once and kept up to date with what
the lane stores (``_Hashes``: 8 bytes a payment); a hash met is no proof, the row goes to the Python checks, which
are always right. Nothing of the lane is in the file: a kill or a rollback leaves nothing of it.
"""

from __future__ import annotations

import datetime as dt
import json
from array import array
from bisect import bisect_left, insort
from collections.abc import Callable, Iterator

from sqlalchemy.orm import Session

from ar_desktop.domain.money import KNOWN_CURRENCIES, MAX_UNITS, NumberFormat, exponent
from ar_desktop.domain.quick_rows import _METHODS, _plain, quick_date, quick_units
from ar_desktop.domain.records import LIMITS
from ar_desktop.storage import balance_summary
from ar_desktop.storage.balance_summary import OVERDUE, PAID
from ar_desktop.storage.bulk_repo import BulkWriter
from ar_desktop.storage.days import LAST, day
from ar_desktop.storage.payment_spread import OpenQueues, counted_from

__all__ = ["LANE_KEYS", "PaymentStaging"]

# the columns a file may have for its rows to take the lane (a bank's file)
LANE_KEYS = frozenset({"date", "customer_code", "amount", "currency", "method", "reference", "invoice_number"})
_SEP = "\x1f"   # a staged row's cells joined (a row holding it is kept as its list of cells)
_REFERENCE = LIMITS["reference"]
_EXPONENT = {c: exponent(c) for c in KNOWN_CURRENCIES}
_SCALE = [10 ** k for k in range(7)]
_METHOD_LIST = tuple(sorted(_METHODS))   # a plain row's method: its place here (one byte a row)
_METHOD_AT = {m: k for k, m in enumerate(_METHOD_LIST)}
_AFTER_ALL = 1 << 62   # a row number after every row


class _Hashes:
    """A set of 64-bit hashes in sorted arrays of machine integers (8 bytes each, not a Python set's ~70), one
    per value of their low bits; the arrays split in four when they grow past ``_WIDE`` on average."""

    _WIDE = 256

    def __init__(self, values=()):
        self.bits, self.count = 8, 0
        self.arrays = [array("q") for _ in range(1 << self.bits)]
        for h in values:
            self.add(h)

    def __contains__(self, h: int) -> bool:
        a = self.arrays[h & ((1 << self.bits) - 1)]
        i = bisect_left(a, h)
        return i < len(a) and a[i] == h

    def add(self, h: int) -> None:
        insort(self.arrays[h & ((1 << self.bits) - 1)], h)
        self.count += 1
        if self.count > self._WIDE << self.bits:
            # each new array takes its values from one old one, in their order: still sorted
            bits, mask = self.bits + 2, (1 << (self.bits + 2)) - 1
            arrays = [array("q") for _ in range(1 << bits)]
            for a in self.arrays:
                for v in a:
                    arrays[v & mask].append(v)
            self.bits, self.arrays = bits, arrays


class _Named:
    """Per plain row of a batch (its place among the plain): the invoice it names and pays in full (0: none), that
    invoice's issue and due days and currency (for the summary of balances): arrays, not a tuple per invoice."""

    __slots__ = ("ids", "issue", "due", "currency", "currencies")

    def __init__(self, rows: int):
        self.ids, self.issue, self.due = (array("q", bytes(8 * rows)) for _k in range(3))
        self.currency = array("b", bytes(rows))   # its place in ``currencies``
        self.currencies: list[str] = []

    def put(self, j: int, iid: int, issue: int, due: int, currency: str) -> None:
        if currency not in self.currencies:
            self.currencies.append(currency)
        self.ids[j], self.issue[j], self.due[j] = iid, issue, due
        self.currency[j] = self.currencies.index(currency)


class PaymentStaging:
    """The quick lane's batch of one payments import on ``s``'s connection; ``keys``: the file's mapped fields.

    A batch is held in columns (arrays of machine integers, ~60 bytes a row with its cells joined in one string):
    per staged row its number, cells and a hash of its customer, day and reference cells (and of the invoice it
    names); per plain row (``_typed``) its place among the staged rows, customer id, day, units and method. The
    checks then take the plain rows one pass at a time, each row's cells split again as it is met."""

    def __init__(self, s: Session, keys: list[str], numbers: NumberFormat, today: dt.date, write_off: str,
                 recovery: str):
        self.s, self.keys, self.numbers, self.today, self.recovery = s, keys, numbers, today, recovery
        con = s.connection()
        raw = con.connection.driver_connection
        if not raw.in_transaction:
            # the import is one transaction from here on, the writer's DDL included (the indexes it drops before its
            # first row: ``BulkWriter.defer_lookups``, bulk_holds' ``_prepare``), which sqlite3 would otherwise run
            # outside any and keep after a rollback (it begins one before an INSERT, UPDATE or DELETE only)
            con.exec_driver_sql("BEGIN")
        self.queues = OpenQueues(raw)
        # what a payment leaves over is credit only for a customer who never had anything written off
        # (else the Python checks book it as a recovery, up to what was not recovered yet)
        self.wrote_off = {c for (c,) in raw.execute("SELECT DISTINCT customer_id FROM main.payment WHERE method = ?",
                                                    (write_off,))}
        self.books: _Hashes | None = None          # the payments' hashes while their index is away (``_new``)
        self.recovered: set[tuple[int, int]] = set()   # ... and the (customer, day) of their recoveries
        self.known: dict[str, tuple[int, str]] = {}   # the plain rows' customers: code -> (id, currency)
        self._currency: dict[int, str] = {}            # ... their currencies by id
        self._days: dict[str, int | None] = {}         # a date cell -> its day number, None: not a plain row's
        at = {k: keys.index(k) if k in keys else None for k in LANE_KEYS}
        self._code_at, self._date_at, self._amount_at = at["customer_code"], at["date"], at["amount"]
        self._currency_at, self._method_at, self._reference_at = at["currency"], at["method"], at["reference"]
        self._number_at = at["invoice_number"]
        # the staged rows: number, cells (joined by _SEP, or their list when a cell holds it), a hash of their
        # customer, day and reference cells; the hashes of the invoice numbers named and where
        self._ns, self._cells, self._alike = array("q"), [], array("q")
        self._named, self._named_at = array("q"), array("q")
        # the plain rows: place among the staged, customer id, day, units, method
        self._at, self._cids, self._dates, self._units_of, self._methods = (
            array("q"), array("q"), array("q"), array("q"), array("b"))
        self._odd: dict[int, int] = {}      # the customers of the rows that are not plain: id -> first row
        self._stored: set[int] = set()      # the rows the last ``store_plain`` stored
        self._paid: set[int] = set()        # ... the invoices it paid

    def customers(self, by_code: dict) -> None:
        """The customers a plain row may name (code -> (id, terms, currency, ...))."""
        self.known.update((code, (cid, currency)) for code, (cid, _terms, currency, *_rest) in by_code.items()
                          if _plain(code, LIMITS["customer_code"]) and currency in KNOWN_CURRENCIES)
        self._currency.update(self.known.values())

    def stage(self, rows: list[tuple[int, list[str]]]) -> int:
        """Rows (row number, cells) added to those staged, each typed when its cells are plain (``_typed``);
        returns how many. Rows of the batch alike are found when it is stored (``_twice``): by a hash of their
        cells, so that two rows whose hashes alone agree go to the Python checks too, which is always right."""
        code, date, reference, number = self._code_at, self._date_at, self._reference_at, self._number_at
        typed, known, odd = self._typed, self.known, self._odd.setdefault
        ns, texts, alike, named, named_at = self._ns, self._cells, self._alike, self._named, self._named_at
        at, cids, dates, units_of, methods = self._at, self._cids, self._dates, self._units_of, self._methods
        for n, cells in rows:
            k = len(ns)
            ns.append(n)
            alike.append(hash((cells[code], cells[date], "" if reference is None else cells[reference])))
            if cells[number]:
                named.append(hash(cells[number]))
                named_at.append(k)
            joined = _SEP.join(cells)
            texts.append(joined if joined.count(_SEP) == len(cells) - 1 else cells)
            values = typed(cells)
            if values is None:
                customer = known.get(cells[code])
                if customer is not None:   # (a row of a customer no plain row names changes nothing of the lane's)
                    odd(customer[0], n)
            else:
                at.append(k)
                cids.append(values[0])
                dates.append(values[1])
                units_of.append(values[2])
                methods.append(values[3])
        return len(rows)

    def _typed(self, cells: list[str]) -> tuple[int, int, int, int] | None:
        """A row's customer id, day, units and method (``_METHOD_AT``) when its cells are plain as domain.quick_rows reads a payment (what
        ``parse_payment`` returns for it): a known customer whose code and currency a plain row may carry, an ISO
        date within the years kept and not after today, the currency empty or the customer's, the amount in its
        currency, a usual method or none, a plain reference; else None. Once per cell in Python (a date cell
        read once per file): in SQL these checks were the largest statement of a big import."""
        customer = self.known.get(cells[self._code_at])
        if customer is None:
            return None
        cid, currency = customer
        text = cells[self._date_at]
        d = self._days.get(text, False)
        if d is False:
            value = quick_date(text)
            d = self._days[text] = day(value) if value is not None and value <= self.today else None
        k = self._currency_at
        if d is None or (k is not None and cells[k] not in ("", currency)):
            return None
        units = self._units(cells[self._amount_at], currency)
        k = self._method_at
        method = (cells[k] if k is not None else "") or "bank transfer"
        k = self._reference_at
        reference = cells[k] if k is not None else ""
        if units is None or method not in _METHODS:
            return None
        # printable ASCII within its length, no space at either end: plain (``_plain``'s answer, quicker)
        if not (reference.isascii() and reference.isprintable() and len(reference) <= _REFERENCE
                and (not reference or (reference[0] != " " and reference[-1] != " "))) \
                and not _plain(reference, _REFERENCE):
            return None
        return cid, d, units, _METHOD_AT[method]

    def _units(self, text: str, currency: str) -> int | None:
        """``quick_units(text, currency, numbers)`` (1-12 ASCII digits, then the format's separator and 1-6 more;
        at most the currency's decimals; more than 0 and at most MAX_UNITS), by string methods: a third of its
        time, the largest part of reading a row (tests/services/test_payment_staging.py compares the two)."""
        whole, separator, fraction = text.partition(self.numbers.decimal)
        if not (0 < len(whole) <= 12 and whole.isascii() and whole.isdigit()):
            return None
        exp = _EXPONENT.get(currency)
        if exp is None:
            return quick_units(text, currency, self.numbers)
        if separator:
            if not (0 < len(fraction) <= exp and fraction.isascii() and fraction.isdigit()):
                return quick_units(text, currency, self.numbers)   # its answer for "1.000" in EUR: None
            units = int(whole) * _SCALE[exp] + int(fraction) * _SCALE[exp - len(fraction)]
        else:
            units = int(whole) * _SCALE[exp]
        return units if 0 < units <= MAX_UNITS else None

    def store_plain(self, writer: BulkWriter, next_id: int) -> tuple[list[int], set[int]]:
        """Store the plain rows of the rows staged (``stage``) through ``writer`` with payment ids from
        ``next_id`` on, in row order; returns the rows stored, in that order, and their customers' ids.

        A customer's rows are compared by its id: a plain row's code cell is that of exactly one customer."""
        raw = self.s.connection().connection.driver_connection
        ns, texts, at, cids, dates = self._ns, self._cells, self._at, self._cids, self._dates
        code_at, number_at, reference_at = self._code_at, self._number_at, self._reference_at
        twice, is_new, wrote_off = self._twice(), self._new(writer, raw), self.wrote_off
        # each plain row: naming an invoice, naming none (spread), or neither for the lane. Per customer: the first
        # row that is not a row naming no invoice (``first``: its later rows are the Python checks'), and whether
        # any row is not a row the lane stores naming an invoice (``mixed``: then none of those is)
        first, mixed = dict(self._odd), set(self._odd)
        wanted: dict[str, int] = {}     # the invoices plain rows name -> the row (its place among the plain)
        auto: list[int] = []            # plain rows naming none
        books = self.books
        hashes = array("q", bytes(8 * len(at))) if books is not None else None   # ... and their hashes
        for j, k in enumerate(at):
            cells = texts[k]
            if isinstance(cells, str):
                cells = cells.split(_SEP)
            reference = cells[reference_at] if reference_at is not None else ""
            cid, d = cids[j], dates[j]
            number = cells[number_at]
            if k in twice or not is_new(cid, d, reference) or number in wanted:   # (an invoice named twice: twice)
                mixed.add(cid)
                if first.get(cid, _AFTER_ALL) > ns[k]:
                    first[cid] = ns[k]
                continue
            if number:
                wanted[number] = j
                if first.get(cid, _AFTER_ALL) > ns[k]:
                    first[cid] = ns[k]
            else:
                mixed.add(cid)
                if cid in wrote_off:
                    if first.get(cid, _AFTER_ALL) > ns[k]:
                        first[cid] = ns[k]
                    continue
                auto.append(j)
            if books is not None:
                hashes[j] = hash((cid, d, reference))
        paid_by = self._invoices(raw, wanted)
        mixed.update(cids[j] for j in wanted.values() if not paid_by.ids[j])
        named = [j for j in wanted.values() if cids[j] not in mixed]   # (in row order, as they were met)
        del wanted
        auto = [j for j in auto if first.get(cids[j], _AFTER_ALL) > ns[at[j]]]
        sums: dict[tuple, int] = {}   # the summary of balances' sums of the allocations (``_balances``)
        picks = (array("q"), array("q"), array("q"))   # the spread rows' allocations: row, invoice, units
        if auto:
            self.queues.load(cids[j] for j in auto)
            cut = self.queues.spread([(ns[at[j]], cids[j], dates[j], self._units_of[j]) for j in auto], picks, sums)
            if cut:   # a row taking from an invoice that offers a discount, and its customer's later rows
                auto = [j for j in auto if ns[at[j]] not in cut]
        stored = sorted(named + auto)
        paid = {paid_by.ids[j] for j in named}
        paid.update(picks[1])
        lo, hi = writer.lane_payments(self._payments(stored, next_id),
                                      self._allocations(stored, paid_by, picks, next_id), paid)
        self._balances(raw, lo, hi, named, paid_by, sums)
        if books is not None:   # what the lane stored is in the books for the next batches
            for j in stored:
                books.add(hashes[j])
        # the invoices of a customer a named row paid are read again when the customer's rows are next spread
        self.queues.forget({cids[j] for j in named})
        rows = [ns[at[j]] for j in stored]
        self._stored, self._paid = set(rows), paid
        return rows, {cids[j] for j in stored}

    def _payments(self, stored: list[int], next_id: int) -> Iterator[tuple]:
        """The payments of the plain rows ``stored`` (places among the plain, in row order) as
        ``BulkWriter.lane_payments`` takes them, with ids from ``next_id`` on; each row's reference read again from
        its cells (not held meanwhile: ~7 MB a batch)."""
        cids, dates, units_of, methods, currency = self._cids, self._dates, self._units_of, self._methods, self._currency
        at, texts, reference_at = self._at, self._cells, self._reference_at
        for pid, j in enumerate(stored, next_id):
            cid = cids[j]
            if reference_at is None:
                reference = ""
            else:
                cells = texts[at[j]]
                reference = (cells.split(_SEP) if isinstance(cells, str) else cells)[reference_at]
            yield pid, cid, dates[j], units_of[j], currency[cid], _METHOD_LIST[methods[j]], reference

    def _allocations(self, stored: list[int], paid_by: _Named, picks: tuple[array, array, array], next_id: int
                     ) -> Iterator[tuple]:
        """Their allocations, in row order and each row's in queue order: a row naming an invoice pays it in full,
        a spread row what it took (``picks``: row, invoice, units, in row order)."""
        ns, at, dates, units_of = self._ns, self._at, self._dates, self._units_of
        taken = zip(*picks)
        pick = next(taken, None)
        named = paid_by.ids
        for pid, j in enumerate(stored, next_id):
            if named[j]:
                yield pid, named[j], dates[j], units_of[j]
                continue
            n = ns[at[j]]
            while pick is not None and pick[0] == n:
                yield pid, pick[1], dates[j], pick[2]
                pick = next(taken, None)

    def paid_invoices(self) -> set[int]:
        """The invoices the last ``store_plain`` paid."""
        return self._paid

    def rest(self, starts: list[int]) -> Iterator[list[tuple[int, list[str]]]]:
        """The staged rows ``store_plain`` did not store, as (row, cells), in row order: those of each range of rows
        from one of ``starts`` to the next together (the batches the Python checks would have had: each names its
        problems in an order of its own)."""
        stored, ns, texts, k = self._stored, self._ns, self._cells, 0
        for after in [*starts[1:], _AFTER_ALL]:
            got = []
            while k < len(ns) and ns[k] < after:
                if ns[k] not in stored:
                    cells = texts[k]
                    got.append((ns[k], cells.split(_SEP) if isinstance(cells, str) else cells))
                k += 1
            if got:
                yield got

    def forget(self, customer_ids) -> None:
        """The queued open invoices of these customers are read again when next needed (the Python checks
        applied rows of theirs)."""
        self.queues.forget(customer_ids)

    def clear(self) -> None:
        """The staged rows done with (stored, or through the Python checks)."""
        for held in (self._ns, self._alike, self._named, self._named_at, self._at, self._cids, self._dates,
                     self._units_of, self._methods):
            del held[:]
        for other in (self._cells, self._odd, self._stored):
            other.clear()

    def close(self) -> None:
        self.clear()
        self.queues.close()

    # ---- the checks ---------------------------------------------------------------------------

    def _twice(self) -> set[int]:
        """The staged rows (places) with another alike in the batch: of one customer, day and reference (which of
        them the Python checks would call the duplicate depends on the order: they take both), or naming one
        invoice (applied one after the other)."""
        twice = set()
        for hashes, places in ((self._alike, None), (self._named, self._named_at)):
            repeated = _repeated(hashes)
            if repeated:
                twice.update(k if places is None else places[k] for k, h in enumerate(hashes) if h in repeated)
        return twice

    def _new(self, writer: BulkWriter, raw) -> Callable[[int, int, str], bool]:
        """Whether the books hold no duplicate of a plain row (customer id, day, reference) of the batch: no payment
        of the customer that day with the row's reference (the Python checks' duplicate: same day, customer, amount
        and reference) nor any recovery (a payment split in two). By the payments' index by customer and day, one
        query for the batch, or while it is away by their hashes (``books``: a hash met goes to the Python checks)."""
        if writer.defer_lookups():
            if self.books is None:   # read once; the lane's own payments added as it stores them
                self.books = _Hashes()
                for cid, d, reference, recovery in raw.execute(
                        "SELECT customer_id, date, reference, method = ? FROM main.payment", (self.recovery,)):
                    self.books.add(hash((cid, d, reference)))
                    if recovery:
                        self.recovered.add((cid, d))
            books, recovered = self.books, self.recovered
            return lambda cid, d, reference: ((cid, d) not in recovered and hash((cid, d, reference)) not in books)
        self.books = None   # the index is there from now on (the Python checks had it built again)
        days = sorted(set(zip(self._cids, self._dates)))
        seen, recovered = set(), set()
        for cid, d, reference, recovery in raw.execute(
                "SELECT p.customer_id, p.date, p.reference, p.method = ? FROM json_each(?) j "
                "CROSS JOIN main.payment p WHERE p.customer_id = j.value ->> 0 AND p.date = j.value ->> 1",
                (self.recovery, json.dumps(days))):
            seen.add((cid, d, reference))
            if recovery:
                recovered.add((cid, d))
        return lambda cid, d, reference: (cid, d) not in recovered and (cid, d, reference) not in seen

    def _invoices(self, raw, wanted: dict[str, int]) -> _Named:
        """The invoices plain rows name (number -> the row's place among the plain) that take the row's whole
        payment: the customer's, not void, issued by the payment's day, no early-payment discount, at least the
        payment open (named on no other row of the batch: ``_twice``). Each by its number in the order of the
        numbers (else SQLite may read every invoice): the invoices' pages are then read about in file order, not at
        random (at a million invoices a batch's look-ups took a third of the time)."""
        cids, dates, units_of = self._cids, self._dates, self._units_of
        named = _Named(len(cids))
        if wanted:
            for number, iid, cid, issue, due, open_units, currency in raw.execute(
                    "SELECT i.number, i.id, i.customer_id, i.issue_date, i.due_date, i.amount - i.paid, i.currency "
                    "FROM json_each(?) j CROSS JOIN main.invoice i WHERE i.number = j.value AND i.voided = 0 "
                    "AND i.discount = 0", (json.dumps(sorted(wanted)),)):
                j = wanted[number]
                if cid == cids[j] and issue <= dates[j] and open_units >= units_of[j]:
                    named.put(j, iid, issue, due, currency)
        return named

    def _balances(self, raw, lo: int, hi: int, named: list[int], paid_by: _Named, sums: dict) -> None:
        """The allocations just stored (ids ``lo``..``hi``) summed into the summary of balances from what the lane
        knows of their invoices (open, not void: storage.balance_summary.put_held), not read again at the end: the
        spread rows' sums (storage.payment_spread) and the named rows'."""
        get, dates, units_of = sums.get, self._dates, self._units_of
        issues, dues, currencies = paid_by.issue, paid_by.due, paid_by.currencies
        for j in named:
            currency = currencies[paid_by.currency[j]]
            paid_from, overdue_from = counted_from(dates[j], issues[j], dues[j])
            for key in ((currency, PAID, paid_from, LAST), (currency, OVERDUE, overdue_from, LAST)):
                sums[key] = get(key, 0) - units_of[j]
        if hi >= lo:
            balance_summary.put_held(raw, lo, hi, sums)


def _repeated(values: array) -> set[int]:
    """The values met more than once."""
    ordered = sorted(values)
    return {a for a, b in zip(ordered, ordered[1:]) if a == b}
