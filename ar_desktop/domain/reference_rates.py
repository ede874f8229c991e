"""Reference-rate tables for late-payment interest: effective-dated rates, lookups, CSV.

A table is a list of changes: from ``effective_from`` on, ``rate_percent`` is in force until
the next change. ``RateBook.rate_on(table, day)`` answers "which rate was in force on that day".
The program keeps the rates in its database (the user can add and correct rows); this module
only holds the pure logic and reads the seed file shipped in ``resources/rates``.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import MappingProxyType

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, joined, translate

ECB_MRO = "ecb_mro"
DE_BASISZINS = "de_basiszins"
BOE_BANK_RATE = "boe_bank_rate"
CN_LPR_1Y = "cn_lpr_1y"

# Stable keys (used in the CSV file and the database) with a plain description.
TABLE_DESCRIPTIONS: Mapping[str, str] = {
    ECB_MRO: translate("Messages", "ECB main refinancing operations rate"),
    DE_BASISZINS: translate("Messages", "German base rate (Basiszinssatz, §247 BGB)"),
    BOE_BANK_RATE: translate("Messages", "Bank of England Bank Rate"),
    CN_LPR_1Y: translate("Messages", "China one-year Loan Prime Rate"),
}
KNOWN_TABLES: tuple[str, ...] = tuple(TABLE_DESCRIPTIONS)
# The rate's name in a sentence ("enter the German base rate valid from ...").
RATE_NAMES: Mapping[str, str] = {
    ECB_MRO: translate("Messages", "ECB main refinancing rate"),
    DE_BASISZINS: translate("Messages", "German base rate"),
    BOE_BANK_RATE: translate("Messages", "Bank of England Bank Rate"),
    CN_LPR_1Y: translate("Messages", "China one-year Loan Prime Rate"),
}


class MissingRate(UserError):
    """A late-charge rule needs the rate of ``table`` in force on ``day``, which the table lacks
    (the day is before its first row, or after the last row anyone confirmed). Only the invoices
    that need it are affected; the message says what to enter where."""

    def __init__(self, table: str, day: dt.date):
        self.table, self.day = table, day
        super().__init__(Text(translate("Messages", "The rate table has no {rate} for {date}: enter the {rate} "
                                                    "valid from {date} under Settings ▸ Reference rates."),
                              rate=Text(RATE_NAMES[table]), date=day.isoformat()))

CSV_HEADER: tuple[str, ...] = ("table", "effective_from", "rate_percent", "note")

# A published reference rate outside this range is surely a typo (e.g. 450 for 4.50).
MIN_RATE = Decimal("-20")
MAX_RATE = Decimal("100")

SEED_RATES_PATH = Path(__file__).resolve().parents[2] / "resources" / "rates" / "reference-rates.csv"

# Errors listed in one message before "... and N more".
_MAX_LISTED_ERRORS = 20


def table_keys() -> tuple[str, ...]:
    """The known table keys, in a stable order."""
    return KNOWN_TABLES


def parse_table_key(text: str) -> str:
    """Read a table key ('ecb_mro', ...); refuse unknown names with the list of known ones."""
    key = (text or "").strip().lower()
    if key not in TABLE_DESCRIPTIONS:
        raise UserError(
            Text(translate("Messages", "'{text}' is not a known rate table. Use one of: {known_tables}."),
                 text=text, known_tables=', '.join(KNOWN_TABLES))
        )
    return key


@dataclass(frozen=True)
class RateRow:
    """One change: from ``effective_from`` on, ``rate_percent`` (e.g. 4.50 for 4.50 %) applies."""

    table: str
    effective_from: dt.date
    rate_percent: Decimal
    note: str = ""


@dataclass(frozen=True)
class RateTable:
    """The changes of one table, sorted by date, at most one per date."""

    name: str
    rows: tuple[RateRow, ...]
    _dates: tuple[dt.date, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        parse_table_key(self.name)
        ordered = tuple(sorted(self.rows, key=lambda r: r.effective_from))
        seen: set[dt.date] = set()
        for row in ordered:
            if row.table != self.name:
                raise UserError(
                    Text(translate("Messages", "The rate of {effective_from} belongs to table '{table}', not "
                                               "'{name}'. Put each rate in its own table."),
                         effective_from=row.effective_from.isoformat(), table=row.table, name=self.name)
                )
            if row.effective_from in seen:
                raise UserError(
                    Text(translate("Messages", "Table '{name}' has two rates from {effective_from}. Keep only one "
                                               "rate per date."),
                         name=self.name, effective_from=row.effective_from.isoformat())
                )
            seen.add(row.effective_from)
        object.__setattr__(self, "rows", ordered)
        object.__setattr__(self, "_dates", tuple(r.effective_from for r in ordered))

    @property
    def first_date(self) -> dt.date | None:
        return self._dates[0] if self._dates else None

    @property
    def last_date(self) -> dt.date | None:
        """The table is known up to this day: its last row (enter a row, even an unchanged rate,
        to confirm a later day)."""
        return self._dates[-1] if self._dates else None

    def known_row_on(self, day: dt.date) -> RateRow:
        """The row in force on ``day``, refusing a day the table does not cover: before its first
        row, or after its last one (a later change may have been published but not entered)."""
        if not self._dates or day < self._dates[0] or day > self._dates[-1]:
            raise MissingRate(self.name, day)
        return self.row_on(day)

    def row_on(self, day: dt.date) -> RateRow:
        """The change in force on ``day`` (the latest one dated on or before it)."""
        i = bisect.bisect_right(self._dates, day)
        if i == 0:
            first = (Text(translate("Messages", " The earliest rate known starts on {day}."),
                          day=self._dates[0].isoformat())
                     if self._dates else Text(translate("Messages", " The table is empty.")))
            raise UserError(
                Text(translate("Messages", "No rate of table '{name}' ({table_descriptions}) is known for "
                                           "{day}.{first} Add the rate in force on that day to the rate table."),
                     name=self.name, table_descriptions=Text(TABLE_DESCRIPTIONS[self.name]), day=day.isoformat(),
                     first=first)
            )
        return self.rows[i - 1]

    def rate_on(self, day: dt.date) -> Decimal:
        return self.row_on(day).rate_percent

    def changes_between(self, start: dt.date, end: dt.date) -> tuple[RateRow, ...]:
        """The changes dated after ``start`` and on or before ``end``."""
        lo = bisect.bisect_right(self._dates, start)
        hi = bisect.bisect_right(self._dates, end)
        return self.rows[lo:hi]


@dataclass(frozen=True)
class RateBook:
    """All reference-rate tables the late-charge engine may look up."""

    tables: Mapping[str, RateTable]

    def __post_init__(self) -> None:
        for key, table in self.tables.items():
            if key != table.name:
                raise UserError(Text(translate("Messages", "The rate table '{name}' is filed under '{key}'. File "
                                                           "each table under its own name."), name=table.name, key=key))
        object.__setattr__(self, "tables", MappingProxyType(dict(self.tables)))

    @classmethod
    def from_rows(cls, rows: Iterable[RateRow]) -> RateBook:
        grouped: dict[str, list[RateRow]] = {}
        for row in rows:
            grouped.setdefault(parse_table_key(row.table), []).append(row)
        return cls({name: RateTable(name, tuple(rs)) for name, rs in grouped.items()})

    def table(self, name: str) -> RateTable:
        key = parse_table_key(name)
        found = self.tables.get(key)
        if found is None:
            raise UserError(
                Text(translate("Messages", "The rate table '{key}' ({table_descriptions}) has no rates yet. Add "
                                           "its rates before computing late charges with it."),
                     key=key, table_descriptions=Text(TABLE_DESCRIPTIONS[key]))
            )
        return found

    def row_on(self, table: str, day: dt.date) -> RateRow:
        return self.table(table).row_on(day)

    def rate_on(self, table: str, day: dt.date) -> Decimal:
        """The rate in percent of ``table`` in force on ``day``; UserError if none is known."""
        return self.table(table).rate_on(day)

    def known_row_on(self, table: str, day: dt.date) -> RateRow:
        """The row in force on ``day`` within what the table covers; MissingRate otherwise."""
        key = parse_table_key(table)
        if key not in self.tables:
            raise MissingRate(key, day)
        return self.tables[key].known_row_on(day)

    def rows(self) -> list[RateRow]:
        """Every row, by table key order then date."""
        return [r for name in KNOWN_TABLES if name in self.tables for r in self.tables[name].rows]


def _parse_date(text: str) -> dt.date:
    if len(text) != 10:
        raise ValueError(text)
    return dt.date.fromisoformat(text)


def parse_rates_csv(text: str) -> list[RateRow]:
    """Read ``table,effective_from,rate_percent,note`` rows; refuse the file with every problem
    listed by line number (unknown table, bad date, bad number, duplicate date)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.reader(io.StringIO(text))
    problems: list[Text] = []
    rows: list[RateRow] = []
    seen: dict[tuple[str, dt.date], int] = {}
    header_seen = False
    for record in reader:
        line = reader.line_num
        cells = [c.strip() for c in record]
        if not any(cells):
            continue
        if not header_seen:
            header = [c.lower() for c in cells]
            if tuple(header) not in (CSV_HEADER, CSV_HEADER[:3]):
                raise UserError(
                    Text(translate("Messages", "Line {line}: the first line must be the header '{csv_header}', "
                                               "found '{cells}'. Add or correct the header line."),
                         line=line, csv_header=','.join(CSV_HEADER), cells=','.join(cells))
                )
            header_seen = True
            continue
        if len(cells) < 3 or len(cells) > 4:
            problems.append(
                Text(translate("Messages", "Line {line}: expected 3 or 4 fields (table, effective_from, "
                                           "rate_percent, note), found {cells}. Put a note containing commas in "
                                           "double quotes."), line=line, cells=len(cells))
            )
            continue
        name, date_text, rate_text = cells[0], cells[1], cells[2]
        note = cells[3] if len(cells) == 4 else ""
        ok = True
        key = name.lower()
        if key not in TABLE_DESCRIPTIONS:
            problems.append(Text(translate("Messages", "Line {line}: '{name}' is not a known rate table. Use one "
                                                       "of: {known_tables}."),
                                 line=line, name=name, known_tables=', '.join(KNOWN_TABLES)))
            ok = False
        try:
            day = _parse_date(date_text)
        except ValueError:
            problems.append(Text(translate("Messages", "Line {line}: '{date_text}' is not a date. Write it as "
                                                       "YYYY-MM-DD, e.g. 2025-07-01."), line=line, date_text=date_text))
            ok = False
        try:
            rate = Decimal(rate_text)
            if not rate.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            hint = Text(translate("Messages", " Use '.' as decimal point.")) if "," in rate_text else ""
            problems.append(Text(translate("Messages", "Line {line}: '{rate_text}' is not a rate in percent. Write "
                                                       "a number such as 4.50.{hint}"),
                                 line=line, rate_text=rate_text, hint=hint))
            ok = False
        else:
            if not (MIN_RATE <= rate <= MAX_RATE):
                problems.append(Text(translate("Messages", "Line {line}: the rate {rate_text} % is outside "
                                                           "{min_rate} to {max_rate} %. Write the rate in percent, "
                                                           "e.g. 4.50 for 4.50 %."),
                                     line=line, rate_text=rate_text, min_rate=MIN_RATE, max_rate=MAX_RATE))
                ok = False
        if not ok:
            continue
        earlier = seen.get((key, day))
        if earlier is not None:
            problems.append(Text(translate("Messages", "Line {line}: table '{key}' already has a rate from {day} "
                                                       "(line {earlier}). Keep only one rate per date."),
                                 line=line, key=key, day=day.isoformat(), earlier=earlier))
            continue
        seen[(key, day)] = line
        rows.append(RateRow(key, day, rate, note))
    if not header_seen:
        raise UserError(Text(translate("Messages", "The rate file is empty. It needs the header '{csv_header}' and "
                                                   "one line per rate change."), csv_header=','.join(CSV_HEADER)))
    if problems:
        shown = problems[:_MAX_LISTED_ERRORS]
        more = len(problems) - len(shown)
        tail = Text(translate("Messages", "\n... and {more} more."), more=more) if more else ""
        raise UserError(Text(translate("Messages", "The rate file has errors; correct them and load it again:\n"
                                                   "{problems}{tail}"), problems=joined(shown), tail=tail))
    return rows


def rates_to_csv(rows: Iterable[RateRow]) -> str:
    """Write rows in the same format ``parse_rates_csv`` reads."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for r in rows:
        writer.writerow([r.table, r.effective_from.isoformat(), str(r.rate_percent), r.note])
    return out.getvalue()


def load_seed_rates(path: Path | None = None) -> list[RateRow]:
    """The rates shipped with the program (``resources/rates/reference-rates.csv``)."""
    target = path or SEED_RATES_PATH
    try:
        text = target.read_text(encoding="utf-8")
    except OSError as exc:
        raise UserError(Text(translate("Messages", "The rate file {target} cannot be read ({exc}). Reinstall the "
                                                   "program or choose another rate file."),
                             target=target, exc=exc.strerror or exc)) from None
    return parse_rates_csv(text)


def seed_rate_book() -> RateBook:
    """A RateBook made of the shipped seed rates."""
    return RateBook.from_rows(load_seed_rates())


# --- tables out of date -----------------------------------------------------------------------------

def half_year_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 1 if day.month <= 6 else 7, 1)


def uk_reference_day(interest_start: dt.date) -> dt.date:
    """Late Payment Act 1998: the Bank Rate in force on 31 December before interest starting in
    January-June, on 30 June before interest starting in July-December."""
    if interest_start.month <= 6:
        return dt.date(interest_start.year - 1, 12, 31)
    return dt.date(interest_start.year, 6, 30)


def needed_day(table: str, as_of: dt.date) -> dt.date | None:
    """The day up to which ``table`` must be known for late charges running on ``as_of``
    (None: no rule uses the table)."""
    if table in (ECB_MRO, DE_BASISZINS):
        return half_year_start(as_of)
    if table == BOE_BANK_RATE:
        return uk_reference_day(as_of)
    return None


@dataclass(frozen=True)
class StaleTable:
    table: str
    needed_from: dt.date          # the day whose rate is missing
    last_known: dt.date | None

    def message(self) -> Text:
        return MissingRate(self.table, self.needed_from).message


def stale_tables(book: RateBook, as_of: dt.date) -> list[StaleTable]:
    """The tables a late-charge rule uses that do not reach the day charges on ``as_of`` need."""
    out = []
    for key in KNOWN_TABLES:
        need = needed_day(key, as_of)
        if need is None:
            continue
        table = book.tables.get(key)
        last = table.last_date if table else None
        if last is None or last < need or (key == DE_BASISZINS and need not in table._dates):
            out.append(StaleTable(key, need, last))
    return out


# The notes the shipped rate table carries, recognised by their form so that the window shows them in its
# language; a note the user typed is shown as typed.
_DAY = r"(\d{1,2} [A-Z][a-z]{2} \d{4})"
_HALF = r"(Jan-Jun|Jul-Dec) (\d{4})"
_SHIPPED_NOTES = (
    (re.compile(rf"in force on {_DAY} \(EU reference for {_HALF}; unchanged since {_DAY}\)"), "eu"),
    (re.compile(rf"in force on {_DAY} \(UK reference for interest starting {_HALF}\)"), "uk"),
    (re.compile(rf"unchanged from {_DAY}"), "from"),
    (re.compile("unchanged"), "unchanged"),
)


def _iso(day: str) -> str:
    return dt.datetime.strptime(day, "%d %b %Y").date().isoformat()


def _half(months: str, year: str) -> Text:
    if months == "Jan-Jun":
        return Text(translate("Messages", "the first half of {year}"), year=year)
    return Text(translate("Messages", "the second half of {year}"), year=year)


def note_text(note: str) -> str | Text:
    """A rate change's note as the user reads it: the shipped table's notes in the interface language
    (dates written as dates are everywhere in the window), any other as typed."""
    for pattern, kind in _SHIPPED_NOTES:
        m = pattern.fullmatch(note.strip())
        if m is None:
            continue
        g = m.groups()
        try:
            if kind == "eu":
                return Text(translate("Messages", "in force on {date} (EU reference rate for {half}; unchanged since "
                                                  "{since})"), date=_iso(g[0]), half=_half(g[1], g[2]), since=_iso(g[3]))
            if kind == "uk":
                return Text(translate("Messages", "in force on {date} (UK reference rate for interest starting in "
                                                  "{half})"), date=_iso(g[0]), half=_half(g[1], g[2]))
            if kind == "from":
                return Text(translate("Messages", "unchanged since {date}"), date=_iso(g[0]))
        except ValueError:
            return note
        return Text(translate("Messages", "unchanged"))
    return note
