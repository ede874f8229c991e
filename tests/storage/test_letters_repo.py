"""Letters storage: migration 0002 -> 0003 keeps data and seeds the rates; repositories."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from ar_desktop.domain.reference_rates import RateRow, load_seed_rates
from ar_desktop.storage import letters_repo, rates_repo
from ar_desktop.storage.engine import open_database
from ar_desktop.storage.safety import APPLICATION_ID
from ar_desktop.storage.upgrade import alembic_config


def _file_at_0002(path):
    from alembic import command

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        command.upgrade(alembic_config(conn), "0002")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO customer (code, name, contact, address, postcode, city, country, email, phone, "
                          "tax_id, credit_class, terms_days, currency, language, notes, on_hold, late_charge_rule, "
                          "late_charge_rate, created_at) VALUES ('C1', 'One Ltd', '', '', '', '', '', '', '', '', 'B', "
                          "30, 'EUR', 'en', '', 0, 'statutory_eu', '', '2026-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO invoice (number, customer_id, issue_date, due_date, amount, currency, reference, "
                          "description, disputed, dispute_reason, voided, void_reason, paid, created_at) VALUES "
                          "('I-1', 1, '2026-01-01', '2026-01-31', 12345, 'EUR', '', '', 0, '', 0, '', 0, "
                          "'2026-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO collection_event (customer_id, kind, date, step_key, outcome, note, created_at) "
                          "VALUES (1, 'note', '2026-02-01', '', '', 'called', '2026-02-01 00:00:00')"))
        conn.execute(text("INSERT INTO setting (key, value) VALUES ('letters.deadline_days', '10')"))
    engine.dispose()


def test_migration_0002_to_0003_keeps_data_and_seeds_rates(tmp_path):
    path = tmp_path / "old.ardb"
    _file_at_0002(path)
    db = open_database(path)
    try:
        with db.session() as s:
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() >= "0003"
            assert s.execute(text("SELECT code, name, late_charge_rule FROM customer")).one() == \
                ("C1", "One Ltd", "statutory_eu")
            assert s.execute(text("SELECT number, amount FROM invoice")).one() == ("I-1", 12345)
            assert s.execute(text("SELECT note FROM collection_event")).scalar() == "called"
            assert s.execute(text("SELECT value FROM setting WHERE key='letters.deadline_days'")).scalar() == "10"
            seed = load_seed_rates()
            assert rates_repo.count(s) == len(seed)
            assert set(rates_repo.all_rows(s)) == set(seed)
            # rates kept as exact decimal text
            raw = s.execute(text("SELECT rate_percent FROM reference_rate WHERE \"table\"='ecb_mro' "
                                 "AND effective_from='2022-07-27'")).scalar()
            assert raw == "0.50"
    finally:
        db.close()
    assert list(tmp_path.glob("old.before-upgrade-*.ardb.bak"))  # backed up before upgrading


@pytest.fixture
def db(tmp_path):
    d = open_database(tmp_path / "co.ardb", create=True)
    with d.session() as s:
        s.execute(text("INSERT INTO customer (code, name, contact, address, postcode, city, country, email, phone, "
                       "tax_id, credit_class, terms_days, currency, language, notes, on_hold, late_charge_rule, "
                       "late_charge_rate, created_at) VALUES ('C1', 'One Ltd', '', '', '', '', '', '', '', '', 'B', "
                       "30, 'EUR', 'en', '', 0, '', '', '2026-01-01 00:00:00')"))
        s.execute(text("INSERT INTO invoice (number, customer_id, issue_date, due_date, amount, currency, reference, "
                       "description, disputed, dispute_reason, voided, void_reason, paid, created_at) VALUES "
                       "('I-1', 1, 20454, 20484, 12345, 'EUR', 'PO-1', '', 0, '', 0, '', 0, "
                       "1767225600)"))   # 2026-01-01, 2026-01-31 as day numbers (storage.days)
    try:
        yield d
    finally:
        d.close()


def test_rates_unique_per_table_and_date(db):
    with db.session() as s:
        rates_repo.add(s, RateRow("ecb_mro", dt.date(2030, 1, 1), Decimal("1.25"), "x"))
    with pytest.raises(IntegrityError):
        with db.session() as s:
            rates_repo.add(s, RateRow("ecb_mro", dt.date(2030, 1, 1), Decimal("1.50")))
    with db.session() as s:
        rates_repo.add(s, RateRow("boe_bank_rate", dt.date(2030, 1, 1), Decimal("1.50")))  # other table: fine
        assert rates_repo.rate_book(s).rate_on("ecb_mro", dt.date(2030, 5, 1)) == Decimal("1.25")


def _letter(s, **kw):
    args = dict(customer_id=1, step_key="demand_letter", template="demand_letter", template_version="ab" * 32,
                language="en", layout="din-a", letter_date=dt.date(2026, 3, 1), deadline=dt.date(2026, 3, 15),
                currency="EUR", total_claimed=12345)
    args.update(kw)
    return letters_repo.add_letter(s, **args)


def test_letter_items_and_lookups(db):
    with db.session() as s:
        lid = _letter(s)
        letters_repo.set_archive(s, lid, archive_path="2026/x.pdf", sha256="cd" * 32, size=10, document_json="{}")
        letters_repo.add_item(s, letter_id=lid, invoice_id=1, open_amount=12345, interest=67, fixed_compensation=4000,
                              rule="statutory_eu", explanation="a\nb")
    with db.session() as s:
        rec = letters_repo.get(s, lid)
        assert (rec.reference, rec.customer_code, rec.total_claimed, rec.archive_path, rec.size) == \
            ("L000001", "C1", Decimal("123.45"), "2026/x.pdf", 10)
        [item] = letters_repo.items(s, lid)
        assert (item.invoice_number, item.open_amount, item.interest, item.fixed_compensation, item.rule) == \
            ("I-1", Decimal("123.45"), Decimal("0.67"), Decimal("40.00"), "statutory_eu")
        assert [r.id for r in letters_repo.for_customer(s, 1)] == [lid]
        assert letters_repo.get(s, 999) is None


def test_letter_constraints(db):
    with pytest.raises(IntegrityError):
        with db.session() as s:
            _letter(s, deadline=dt.date(2026, 2, 1))
    with pytest.raises(IntegrityError):
        with db.session() as s:
            _letter(s, customer_id=42)  # foreign key


def test_mail_entries_append_only_with_corrections(db):
    with db.session() as s:
        lid = _letter(s)
        first = letters_repo.add_mail_entry(s, letter_id=lid, kind="posted", date=dt.date(2026, 3, 2),
                                            tracking_number="RR123456785DE")
        letters_repo.add_mail_entry(s, letter_id=lid, kind="correction", date=dt.date(2026, 3, 2),
                                    tracking_number="RR123456785CN", corrects_id=first, note="typo")
    with db.session() as s:
        log = letters_repo.mail_entries(s, [lid])
        assert [(e.kind, e.tracking_number, e.corrects_id) for e in log] == \
            [("posted", "RR123456785DE", None), ("correction", "RR123456785CN", first)]
        assert letters_repo.mail_entries_by_ids(s, [first])[0].kind == "posted"
    with pytest.raises(IntegrityError):
        with db.session() as s:
            letters_repo.add_mail_entry(s, letter_id=lid, kind="lost", date=dt.date(2026, 3, 2))
