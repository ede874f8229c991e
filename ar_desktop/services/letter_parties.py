"""Who writes and who receives a letter or a statement: the company's letterhead and a customer as the
addressee, as the PDF code wants them."""

from __future__ import annotations

from ar_desktop.domain.letters import Company, Party
from ar_desktop.storage import company_repo


def company_party(s) -> Company:
    """The letterhead: the company profile as the PDF code wants it (inside a session)."""
    p = company_repo.get(s)
    return Company(legal_name=p.legal_name, address_lines=address_lines(p.address), postcode=p.postcode, city=p.city,
                   country=p.country, tax_id=p.tax_id, registration_id=getattr(p, "registration_id", "") or "",
                   phone=p.phone, email=p.email, bank_name=p.bank_name, iban=p.bank_account, bic=p.bank_bic,
                   signer_name=p.signer_name, signer_title=p.signer_title)


def address_lines(text: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in (text or "").splitlines() if x.strip())


def recipient_party(data) -> Party:
    """A customer as the addressee of a letter or statement."""
    return Party(legal_name=data.name, address_lines=address_lines(data.address), postcode=data.postcode, city=data.city,
                 country=data.country, tax_id=data.tax_id, phone=data.phone, email=data.email,
                 contact_person=data.contact)
