"""Reference-rate tables: lookups, CSV parsing and the shipped seed file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.reference_rates import (
    KNOWN_TABLES,
    SEED_RATES_PATH,
    RateBook,
    RateRow,
    RateTable,
    load_seed_rates,
    parse_rates_csv,
    parse_table_key,
    rates_to_csv,
    seed_rate_book,
)

d = dt.date

HEADER = "table,effective_from,rate_percent,note\n"


def test_table_keys_are_the_contract():
    assert KNOWN_TABLES == ("ecb_mro", "de_basiszins", "boe_bank_rate", "cn_lpr_1y")
    assert parse_table_key(" ECB_MRO ") == "ecb_mro"
    with pytest.raises(UserError, match="'fed_funds' is not a known rate table. Use one of: ecb_mro"):
        parse_table_key("fed_funds")


def test_parse_valid_file_with_bom_blank_lines_quotes_and_optional_note():
    text = ("\ufeff" + HEADER
            + "ecb_mro,2024-06-12,4.25,\n"
            + "\n"
            + ' BOE_BANK_RATE , 2024-11-07 , 4.75 ,"cut, 25 bp"\n'
            + "de_basiszins,2025-07-01,1.27\n")
    rows = parse_rates_csv(text)
    assert rows == [
        RateRow("ecb_mro", d(2024, 6, 12), D("4.25"), ""),
        RateRow("boe_bank_rate", d(2024, 11, 7), D("4.75"), "cut, 25 bp"),
        RateRow("de_basiszins", d(2025, 7, 1), D("1.27"), ""),
    ]
    assert str(rows[0].rate_percent) == "4.25"  # exact Decimal, no float detour


def test_header_without_note_column_is_accepted():
    assert parse_rates_csv("table,effective_from,rate_percent\necb_mro,2024-06-12,4.25\n") == [
        RateRow("ecb_mro", d(2024, 6, 12), D("4.25"))]


def test_every_problem_is_listed_with_its_line_number():
    text = (HEADER
            + "ecb_mro,2024-06-12,4.25,\n"          # line 2 fine
            + "fed_funds,2024-06-12,5.25,\n"         # line 3 unknown table
            + "ecb_mro,12/06/2024,4.25,\n"           # line 4 bad date
            + "ecb_mro,2024-02-30,4.25,\n"           # line 5 impossible date
            + "ecb_mro,2024-09-18,\"3,65\",\n"       # line 6 comma decimal
            + "ecb_mro,2024-10-23,abc,\n"            # line 7 not a number
            + "ecb_mro,2024-06-12,4.30,\n"           # line 8 duplicate of line 2
            + "boe_bank_rate,2024-11-07,475,\n"      # line 9 out of range
            + "boe_bank_rate,2024-11-07\n")          # line 10 too few fields
    with pytest.raises(UserError) as info:
        parse_rates_csv(text)
    msg = str(info.value)
    assert msg.startswith("The rate file has errors; correct them and load it again:")
    assert "Line 3: 'fed_funds' is not a known rate table." in msg
    assert "Line 4: '12/06/2024' is not a date. Write it as YYYY-MM-DD" in msg
    assert "Line 5: '2024-02-30' is not a date." in msg
    assert "Line 6: '3,65' is not a rate in percent. Write a number such as 4.50. Use '.' as decimal point." in msg
    assert "Line 7: 'abc' is not a rate in percent." in msg
    assert "Line 8: table 'ecb_mro' already has a rate from 2024-06-12 (line 2)." in msg
    assert "Line 9: the rate 475 % is outside -20 to 100 %." in msg
    assert "Line 10: expected 3 or 4 fields" in msg
    assert "Line 2" not in msg.replace("(line 2)", "")


def test_nan_and_infinity_are_not_rates():
    for bad in ("NaN", "Infinity"):
        with pytest.raises(UserError, match=f"Line 2: '{bad}' is not a rate in percent"):
            parse_rates_csv(HEADER + f"ecb_mro,2024-06-12,{bad},\n")


def test_negative_rates_are_allowed():
    # The German base rate was negative from 2013 to 2022 (e.g. -0.88 %).
    assert parse_rates_csv(HEADER + "de_basiszins,2022-01-01,-0.88,\n")[0].rate_percent == D("-0.88")


def test_missing_or_wrong_header_and_empty_file():
    with pytest.raises(UserError, match="Line 1: the first line must be the header 'table,effective_from,rate_percent,note'"):
        parse_rates_csv("ecb_mro,2024-06-12,4.25,\n")
    with pytest.raises(UserError, match="The rate file is empty"):
        parse_rates_csv("\n\n")


def test_rate_on_uses_latest_change_on_or_before_the_day():
    book = RateBook.from_rows([
        RateRow("ecb_mro", d(2024, 9, 18), D("3.65")),
        RateRow("ecb_mro", d(2024, 6, 12), D("4.25")),  # out of order on purpose
    ])
    assert book.rate_on("ecb_mro", d(2024, 6, 12)) == D("4.25")
    assert book.rate_on("ecb_mro", d(2024, 9, 17)) == D("4.25")
    assert book.rate_on("ecb_mro", d(2024, 9, 18)) == D("3.65")
    assert book.rate_on("ecb_mro", d(2030, 1, 1)) == D("3.65")
    assert book.row_on("ecb_mro", d(2024, 12, 1)).effective_from == d(2024, 9, 18)
    with pytest.raises(UserError, match=r"No rate of table 'ecb_mro' \(ECB main refinancing operations rate\) "
                                        r"is known for 2024-06-11\. The earliest rate known starts on 2024-06-12\."):
        book.rate_on("ecb_mro", d(2024, 6, 11))
    with pytest.raises(UserError, match="The rate table 'boe_bank_rate' .* has no rates yet"):
        book.rate_on("boe_bank_rate", d(2024, 6, 11))
    with pytest.raises(UserError, match="'libor' is not a known rate table"):
        book.rate_on("libor", d(2024, 6, 11))


def test_changes_between_is_exclusive_of_start_inclusive_of_end():
    table = RateTable("boe_bank_rate", (
        RateRow("boe_bank_rate", d(2025, 2, 6), D("4.50")),
        RateRow("boe_bank_rate", d(2025, 5, 8), D("4.25")),
        RateRow("boe_bank_rate", d(2025, 8, 7), D("4.00")),
    ))
    assert [r.effective_from for r in table.changes_between(d(2025, 2, 6), d(2025, 8, 7))] == [
        d(2025, 5, 8), d(2025, 8, 7)]


def test_table_refuses_duplicates_and_foreign_rows():
    with pytest.raises(UserError, match="Table 'ecb_mro' has two rates from 2024-06-12"):
        RateTable("ecb_mro", (RateRow("ecb_mro", d(2024, 6, 12), D("4.25")),
                              RateRow("ecb_mro", d(2024, 6, 12), D("4.30"))))
    with pytest.raises(UserError, match="belongs to table 'boe_bank_rate', not 'ecb_mro'"):
        RateTable("ecb_mro", (RateRow("boe_bank_rate", d(2024, 6, 12), D("4.25")),))


def test_csv_round_trip():
    rows = [RateRow("ecb_mro", d(2024, 6, 12), D("4.25"), "note, with comma"),
            RateRow("cn_lpr_1y", d(2025, 5, 20), D("3.00"), "")]
    assert parse_rates_csv(rates_to_csv(rows)) == rows


def test_load_seed_rates_reports_unreadable_file(tmp_path: Path):
    with pytest.raises(UserError, match="cannot be read"):
        load_seed_rates(tmp_path / "missing.csv")


# --- the shipped seed file -------------------------------------------------------------

def test_seed_file_location_and_header():
    assert SEED_RATES_PATH.parts[-3:] == ("resources", "rates", "reference-rates.csv")
    assert SEED_RATES_PATH.read_text(encoding="utf-8").splitlines()[0] == "table,effective_from,rate_percent,note"


def test_seed_file_parses_and_has_every_table():
    rows = load_seed_rates()
    assert len(rows) == 89
    assert {r.table for r in rows} == set(KNOWN_TABLES)


def test_seed_covers_2023_onwards():
    book = seed_rate_book()
    for table in ("ecb_mro", "de_basiszins", "boe_bank_rate"):
        assert book.table(table).first_date <= d(2023, 1, 1), table
    # Known gap: the shared source starts China's 1-year LPR on 2023-08-21 (3.45 %); the
    # earlier 2023 values are not in it and were not invented.
    assert book.table("cn_lpr_1y").first_date == d(2023, 8, 21)


def test_seed_known_facts():
    book = seed_rate_book()
    assert book.rate_on("boe_bank_rate", d(2024, 12, 31)) == D("4.75")
    assert book.rate_on("boe_bank_rate", d(2025, 6, 30)) == D("4.25")
    assert book.rate_on("de_basiszins", d(2025, 7, 1)) == D("1.27")
    assert book.row_on("de_basiszins", d(2026, 1, 1)) == RateRow(
        "de_basiszins", d(2026, 1, 1), D("1.27"), "unchanged from 1 Jul 2025")
    # EU references: rate in force on 1 January / 1 July.
    assert book.rate_on("ecb_mro", d(2024, 1, 1)) == D("4.50")
    assert book.rate_on("ecb_mro", d(2024, 7, 1)) == D("4.25")
    assert book.rate_on("ecb_mro", d(2025, 1, 1)) == D("3.15")
    assert book.rate_on("ecb_mro", d(2025, 7, 1)) == D("2.15")


def test_seed_german_base_rate_has_a_row_for_every_half_year():
    dates = [r.effective_from for r in seed_rate_book().table("de_basiszins").rows]
    expected = [d(y, m, 1) for y in range(2006, 2026) for m in (1, 7)] + [d(2026, 1, 1)]
    assert dates == expected


def test_stale_tables_tell_which_rate_to_enter():
    from ar_desktop.domain.reference_rates import stale_tables

    book = seed_rate_book()
    assert stale_tables(book, d(2026, 3, 31)) == []
    stale = {t.table: t for t in stale_tables(book, d(2026, 7, 2))}
    assert set(stale) == {"ecb_mro", "de_basiszins", "boe_bank_rate"}
    assert stale["de_basiszins"].needed_from == d(2026, 7, 1)
    assert stale["boe_bank_rate"].needed_from == d(2026, 6, 30)
    assert "enter the German base rate valid from 2026-07-01 under Settings ▸ Reference rates" in \
        str(stale["de_basiszins"].message())
