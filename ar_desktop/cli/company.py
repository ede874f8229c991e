"""The company profile without the window: show it, or change some fields."""

from __future__ import annotations

from dataclasses import asdict

from ar_desktop.cli.base import command, open_books, write

# option -> profile field
FIELDS = {"name": "legal_name", "address": "address", "postcode": "postcode", "city": "city", "country": "country",
          "iban": "bank_account", "bic": "bank_bic", "bank": "bank_name", "registration_id": "registration_id",
          "tax_id": "tax_id", "signatory": "signer_name", "phone": "phone", "email": "email"}


@command("company", "show the company profile, or change fields of it (letters print them)")
def _company_args(p):
    for option in FIELDS:
        p.add_argument(f"--{option.replace('_', '-')}", dest=option, metavar="TEXT" if option != "country" else "CC")


@_company_args
def _company(args) -> int:
    from ar_desktop.domain.errors import UserError, ValidationError
    from ar_desktop.services.company_file import company_profile, save_company_profile

    books = open_books(args)
    try:
        current = asdict(company_profile(books))
        changes = {FIELDS[k]: getattr(args, k) for k in FIELDS if getattr(args, k) is not None}
        if changes:
            try:
                save_company_profile(books, {**current, **changes})
            except ValidationError as e:   # name the option, as typed on the command line
                option = {v: k for k, v in FIELDS.items()}
                first, message = next(iter(e.problems.items()))
                raise UserError(f"--{option.get(first, first).replace('_', '-')}: {message} Nothing was "
                                "changed.") from None
            current = asdict(company_profile(books))
    finally:
        books.close()
    width = max(len(k) for k in current)
    write("".join(f"{k.ljust(width)}  {v}\n" for k, v in current.items()))
    return 0
