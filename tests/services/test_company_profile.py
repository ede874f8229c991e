"""The headless company profile: field-named refusals (check digits by python-stdnum), nothing stored
on a bad value, and the register number printed on letters."""

from __future__ import annotations

import pytest

from ar_desktop.cli import run
from ar_desktop.domain.errors import ValidationError
from ar_desktop.services.company_file import company_profile, create_company, open_company, save_company_profile


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "co.ardb"
    create_company(path, "Nordwind GmbH", "EUR", "DE").close()
    return str(path)


def test_company_command_prints_and_changes_the_profile(db, capsys):
    assert run(["--db", db, "company", "--iban", "DE89 3704 0044 0532 0130 00", "--bic", "COBADEFFXXX",
                "--registration-id", "HRB 123456", "--tax-id", "DE136695976", "--signatory", "Eva Klar"]) == 0
    out = capsys.readouterr().out
    assert "registration_id  HRB 123456" in out and "signer_name      Eva Klar" in out
    assert run(["--db", db, "company"]) == 0 and "HRB 123456" in capsys.readouterr().out


@pytest.mark.parametrize("option, value, message", [
    ("--iban", "DE89370400440532013001", "--iban: The IBAN DE89370400440532013001 is not valid"),
    ("--bic", "COBADEFF1", "--bic: The BIC COBADEFF1 is not valid"),
    ("--tax-id", "DE136695977", "--tax-id: The VAT id DE136695977 is not valid"),
    ("--email", "nobody", "--email:"),
])
def test_a_bad_value_is_refused_with_the_field_named_and_nothing_stored(db, capsys, option, value, message):
    before = _profile(db)
    assert run(["--db", db, "company", option, value, "--name", "Changed GmbH"]) == 1
    err = capsys.readouterr().err
    assert message in err and "Nothing was changed." in err
    assert _profile(db) == before


def test_chinese_unified_social_credit_code_is_checked(tmp_path):
    b = create_company(tmp_path / "cn.ardb", "上海明远贸易有限公司", "CNY", "CN")
    try:
        with pytest.raises(ValidationError) as e:
            save_company_profile(b, {"legal_name": "上海明远贸易有限公司", "country": "CN", "currency": "CNY",
                                     "registration_id": "91310115MA1K4XXXX1"})
        assert set(e.value.problems) == {"registration_id"}
        save_company_profile(b, {"legal_name": "上海明远贸易有限公司", "country": "CN", "currency": "CNY",
                                 "registration_id": "91110000600037341L"})
        assert company_profile(b).registration_id == "91110000600037341L"
    finally:
        b.close()


def _profile(db):
    b = open_company(db)
    try:
        return company_profile(b)
    finally:
        b.db.auto_backup = False
        b.close()
