"""ORM rows <-> domain values (minor units <-> Decimal)."""

from __future__ import annotations

from decimal import Decimal

from ar_desktop.domain.money import from_minor, to_minor
from ar_desktop.domain.records import CustomerData
from ar_desktop.storage.orm import Customer


def customer_data(c: Customer) -> CustomerData:
    return CustomerData(
        code=c.code, name=c.name, contact=c.contact, address=c.address, postcode=c.postcode, city=c.city,
        country=c.country, email=c.email, phone=c.phone, tax_id=c.tax_id,
        credit_limit=None if c.credit_limit is None else from_minor(c.credit_limit, c.currency),
        credit_class=c.credit_class, terms_days=c.terms_days, currency=c.currency, language=c.language,
        notes=c.notes, on_hold=c.on_hold, late_charge_rule=c.late_charge_rule,
        late_charge_rate=(c.late_charge_rate if c.late_charge_rule == "contract_tiered" else
                          Decimal(c.late_charge_rate)) if c.late_charge_rate else None,
        limitation=c.limitation or "",
        discount_percent=Decimal(c.discount_percent) if c.discount_percent else None,
        discount_days=c.discount_days or 0, retention_of_title=bool(c.retention_of_title),
    )


def customer_columns(d: CustomerData) -> dict:
    return dict(
        code=d.code, name=d.name, contact=d.contact, address=d.address, postcode=d.postcode, city=d.city,
        country=d.country, email=d.email, phone=d.phone, tax_id=d.tax_id,
        credit_limit=None if d.credit_limit is None else to_minor(d.credit_limit, d.currency),
        credit_class=d.credit_class, terms_days=d.terms_days, currency=d.currency, language=d.language,
        notes=d.notes, on_hold=d.on_hold, late_charge_rule=d.late_charge_rule,
        late_charge_rate="" if d.late_charge_rate is None else str(d.late_charge_rate),
        limitation=d.limitation,
        discount_percent="" if d.discount_percent is None else str(d.discount_percent),
        discount_days=d.discount_days, retention_of_title=d.retention_of_title,
    )
