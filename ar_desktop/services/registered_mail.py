"""The registered-mail log of a letter: posted, delivered, returned, receipt scans, corrections.

The log is append-only: a mistake is put right with a correction entry that names the entry it
corrects and carries the corrected values; :func:`mail_status` reads the log with the corrections
applied. The response deadline counts from delivery: delivery date + the days the letter gave
(its deadline - its date). Tracking numbers shaped like UPU S10 (``RR123456785CN``) must have a
valid check digit (:func:`ar_desktop.domain.tracking.validate_tracking`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.letters import MailingBook, MailingBookEntry, Party
from ar_desktop.domain.records import parse_date
from ar_desktop.domain.text import Text, name_text, stored, translate
from ar_desktop.domain.tracking import validate_tracking
from ar_desktop.services.context import Books
from ar_desktop.services.letter_archive import archive_dir, letter_record
from ar_desktop.services.letter_parties import address_lines, company_party
from ar_desktop.storage import company_repo, customers_repo, letters_repo
from ar_desktop.storage.letters_repo import MailEntryRecord

MAX_TEXT = 200
MAX_NOTE = 2000
# The kinds of mail-log entry as the user reads them.
ENTRY_KIND_NAMES = {"posted": translate("Messages", "posting"), "delivered": translate("Messages", "delivery"),
                    "returned": translate("Messages", "return"), "receipt": translate("Messages", "receipt"),
                    "correction": translate("Messages", "correction")}
RECEIPT_KINDS = ("posting_receipt", "return_receipt", "delivery_proof", "returned_envelope")
RECEIPT_NAMES = {"posting_receipt": translate("Messages", "posting receipt"),
                 "return_receipt": translate("Messages", "return receipt"),
                 "delivery_proof": translate("Messages", "proof of delivery"),
                 "returned_envelope": translate("Messages", "returned envelope")}
RECEIPT_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff")
MAX_RECEIPT_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class MailService:
    """A registered-mail product. ``key`` is stable (settings, command line)."""

    key: str
    carrier: str
    service: str
    country: str
    s10: bool              # its numbers are UPU S10 identifiers (check digit verified)
    proof: str             # what proves delivery

    @property
    def label(self) -> str:
        return f"{self.carrier} {self.service}"


MAIL_SERVICES: tuple[MailService, ...] = (
    MailService("cn_ems", "China Post", "EMS", "CN", True, "EMS delivery record (签收记录)"),
    MailService("cn_registered", "China Post", "挂号信 (registered letter)", "CN", True,
                "delivery record; return receipt (回执) if ordered"),
    MailService("uk_signed_for", "Royal Mail", "Signed For", "GB", True, "signature online"),
    MailService("uk_special_delivery", "Royal Mail", "Special Delivery Guaranteed", "GB", True,
                "signature online, next-day guaranteed"),
    MailService("us_certified_rr", "USPS", "Certified Mail with Return Receipt", "US", False,
                "return receipt (PS Form 3811 or electronic)"),
    MailService("de_einschreiben_rueckschein", "Deutsche Post", "Einschreiben Rückschein", "DE", True,
                "return receipt signed by the recipient"),
    MailService("de_einschreiben_einwurf", "Deutsche Post", "Einschreiben Einwurf", "DE", True,
                "delivery record of the postman (letterbox)"),
    MailService("other", "", "Registered mail", "", False, "as the carrier provides"),
)


# What the address window says of a registered letter, by the sender's country (its post's own name).
ENDORSEMENTS = {"DE": "Einschreiben Rückschein", "GB": "Royal Mail Signed For",
                "US": "Certified Mail – Return Receipt Requested", "CN": "挂号信"}


def endorsement_for(country: str, language: str) -> str:
    """The registered-mail endorsement a letter from ``country`` carries (empty: the generic one)."""
    text = ENDORSEMENTS.get((country or "").strip().upper(), "")
    return "" if (text == "挂号信" and language == "zh") else text


def mail_services_for(country: str) -> tuple[MailService, ...]:
    """The services, the company's own country's first (then the others, 'other' last)."""
    key = (country or "").strip().upper()
    own = tuple(m for m in MAIL_SERVICES if m.country == key)
    rest = tuple(m for m in MAIL_SERVICES if m.country != key and m.key != "other")
    return own + rest + tuple(m for m in MAIL_SERVICES if m.key == "other")


def services_for_books(books: Books) -> tuple[MailService, ...]:
    from ar_desktop.services.company_file import company_profile

    return mail_services_for(company_profile(books).country)


def render_mailing_book(book) -> bytes:
    """ar_desktop.pdf.mailing_book.render_mailing_book, imported when a mailing book is made (ReportLab is
    not loaded at start-up)."""
    from ar_desktop.pdf.mailing_book import render_mailing_book as render

    return render(book)


def mail_service(key: str) -> MailService:
    for m in MAIL_SERVICES:
        if m.key == (key or "").strip():
            return m
    raise UserError(Text(translate("Messages", "'{key}' is not a known mail service. Use one of: {value}."),
                         key=key, value=', '.join((m.key for m in MAIL_SERVICES))))


@dataclass(frozen=True)
class MailStatus:
    """A letter's registered mail as the log says, corrections applied."""

    letter_id: int
    reference: str
    posted_on: dt.date | None
    carrier: str
    service: str
    tracking_number: str
    delivered_on: dt.date | None
    signed_by: str
    returned_on: dt.date | None
    return_reason: str
    response_deadline: dt.date | None   # delivery + the days the letter gave to pay
    receipts: tuple[str, ...]           # archive-relative paths of the attached scans


# --- helpers ------------------------------------------------------------------------------------------

def _text(value: str | None, what: str, limit: int = MAX_TEXT) -> str:
    text = (value or "").strip()
    if len(text) > limit:
        raise UserError(Text(translate("Messages", "The {what} is longer than {limit} characters. Shorten it."),
                             what=name_text(what), limit=limit))
    return text


def _day(books: Books, value, what: str) -> dt.date:
    day = parse_date(value, what)
    if day > books.today():
        raise UserError(Text(translate("Messages", "The {what} {day} is in the future (today is {today}). Enter "
                                                   "the day it happened."),
                             what=name_text(what), day=day.isoformat(), today=books.today().isoformat()))
    return day


def _tracking(value: str) -> str:
    number = validate_tracking(value)
    if not number:
        raise UserError(Text(translate("Messages", "The tracking number is empty. Copy it from the postal receipt, "
                                                   "e.g. RR123456785CN.")))
    if len(number) > 40:
        raise UserError(Text(translate("Messages", "The tracking number is longer than 40 characters. Check it on "
                                                   "the postal receipt.")))
    return number


def _effective(entries: list[MailEntryRecord]) -> dict[int, MailEntryRecord]:
    """id -> the entry as corrected (the latest correction wins); corrections themselves excluded."""
    out = {e.id: e for e in entries if e.kind != "correction"}
    for c in entries:
        if c.kind == "correction" and c.corrects_id in out:
            base = out[c.corrects_id]
            out[c.corrects_id] = replace(base, carrier=c.carrier, service=c.service, tracking_number=c.tracking_number,
                                         date=c.date, signed_by=c.signed_by, note=c.note or base.note)
    return out


def _status(s, letter_id: int) -> MailStatus:
    rec = letter_record(s, letter_id)
    entries = letters_repo.mail_entries(s, [rec.id])
    eff = sorted(_effective(entries).values(), key=lambda e: e.id)
    posted = [e for e in eff if e.kind == "posted"]
    delivered = [e for e in eff if e.kind == "delivered"]
    returned = [e for e in eff if e.kind == "returned"]
    p = posted[-1] if posted else None
    d = delivered[-1] if delivered else None
    r = returned[-1] if returned else None
    days = (rec.deadline - rec.letter_date).days
    return MailStatus(rec.id, rec.reference, p.date if p else None, p.carrier if p else "", p.service if p else "",
                      p.tracking_number if p else "", d.date if d else None, d.signed_by if d else "",
                      r.date if r else None, r.note if r else "",
                      d.date + dt.timedelta(days=days) if d else None,
                      tuple(e.attachment_path for e in eff if e.kind == "receipt"))


def delivery_dates(s, letter_ids: Iterable[int]) -> dict[int, dt.date]:
    """letter id -> the day its delivery was recorded (corrections applied), for the letters
    delivered; the limitation clock reads it (a delivered demand restarts it in China)."""
    entries = letters_repo.mail_entries(s, sorted(set(letter_ids)))
    out: dict[int, dt.date] = {}
    for e in sorted(_effective(entries).values(), key=lambda e: e.id):
        if e.kind == "delivered":
            out[e.letter_id] = e.date
    return out


# --- use cases ----------------------------------------------------------------------------------------

def mail_status(books: Books, letter_id: int) -> MailStatus:
    with books.db.session() as s:
        return _status(s, letter_id)


def mail_log(books: Books, letter_id: int) -> list[MailEntryRecord]:
    """Every entry of the letter's registered-mail log, in the order recorded (corrections included)."""
    with books.db.session() as s:
        rec = letter_record(s, letter_id)
        return letters_repo.mail_entries(s, [rec.id])


def record_posting(books: Books, letter_id: int, carrier: str, service: str, tracking: str,
                   posted_on: dt.date | str, note: str = "") -> int:
    """The letter was handed to the post office on ``posted_on`` under ``tracking``."""
    with books.db.session() as s:
        st = _status(s, letter_id)
        rec = letter_record(s, letter_id)
        day = _day(books, posted_on, translate("Messages", "posting date"))
        if day < rec.letter_date:
            raise UserError(Text(translate("Messages", "Letter {reference} is dated {letter_date}; it cannot have "
                                                       "been posted on {day}. Enter the posting date from the "
                                                       "receipt."),
                                 reference=rec.reference, letter_date=rec.letter_date.isoformat(),
                                 day=day.isoformat()))
        if st.posted_on is not None:
            raise UserError(Text(translate("Messages", "Letter {reference} is already recorded as posted on "
                                                       "{posted_on} (tracking {tracking_number}). To change that, "
                                                       "record a correction."),
                                 reference=rec.reference, posted_on=st.posted_on.isoformat(),
                                 tracking_number=st.tracking_number))
        return letters_repo.add_mail_entry(s, letter_id=rec.id, kind="posted", date=day,
                                           carrier=_text(carrier, translate("Messages", "carrier")), service=_text(service, translate("Messages", "service")),
                                           tracking_number=_tracking(tracking), note=_text(note, translate("Messages", "note"), MAX_NOTE))


def record_delivery(books: Books, letter_id: int, delivered_on: dt.date | str, signed_by: str = "",
                    note: str = "") -> int:
    """The carrier delivered the letter on ``delivered_on`` (signed for by ``signed_by``)."""
    with books.db.session() as s:
        st = _status(s, letter_id)
        day = _day(books, delivered_on, translate("Messages", "delivery date"))
        _after_posting(st, day, translate("Messages", "delivered"))
        if st.delivered_on is not None:
            raise UserError(Text(translate("Messages", "Letter {reference} is already recorded as delivered on "
                                                       "{delivered_on}. To change that, record a correction."),
                                 reference=st.reference, delivered_on=st.delivered_on.isoformat()))
        return letters_repo.add_mail_entry(s, letter_id=st.letter_id, kind="delivered", date=day,
                                           signed_by=_text(signed_by, translate("Messages", "name of the person who signed")),
                                           note=_text(note, translate("Messages", "note"), MAX_NOTE))


def record_return(books: Books, letter_id: int, returned_on: dt.date | str, reason: str) -> int:
    """The letter came back undelivered on ``returned_on`` (``reason`` as the carrier states it)."""
    with books.db.session() as s:
        st = _status(s, letter_id)
        day = _day(books, returned_on, translate("Messages", "return date"))
        _after_posting(st, day, translate("Messages", "returned"))
        reason = _text(reason, translate("Messages", "reason for the return"), MAX_NOTE)
        if not reason:
            raise UserError(Text(translate("Messages", "Enter why the letter came back (e.g. 'addressee unknown', "
                                                       "'refused').")))
        return letters_repo.add_mail_entry(s, letter_id=st.letter_id, kind="returned", date=day, note=reason)


def _after_posting(st: MailStatus, day: dt.date, what: str) -> None:
    if st.posted_on is None:
        raise UserError(Text(translate("Messages", "Letter {reference} has no posting recorded. Record the posting "
                                                   "(date and tracking number) before recording that it was {what}."),
                             reference=st.reference, what=name_text(what)))
    if day < st.posted_on:
        raise UserError(Text(translate("Messages", "Letter {reference} was posted on {posted_on}; it cannot have "
                                                   "been {what} on {day}. Check the date."),
                             reference=st.reference, posted_on=st.posted_on.isoformat(), what=name_text(what),
                             day=day.isoformat()))


def attach_receipt(books: Books, letter_id: int, file_path: str | Path, kind: str,
                   received_on: dt.date | str | None = None, note: str = "") -> int:
    """Copy a scan (PDF or image) of a receipt into the letter archive and log it. ``kind``: one of
    RECEIPT_KINDS. The copy is ``receipts/L000123_<kind>_<n><suffix>`` in the archive folder."""
    if kind not in RECEIPT_KINDS:
        raise UserError(Text(translate("Messages", "'{kind}' is not a kind of receipt. Use one of: {receipt_kinds}."),
                             kind=kind, receipt_kinds=', '.join(RECEIPT_KINDS)))
    src = Path(file_path).expanduser()
    if not src.is_file():
        raise UserError(Text(translate("Messages", "There is no file at {src}. Choose the scanned receipt."),
                             src=src))
    suffix = src.suffix.lower()
    if suffix not in RECEIPT_SUFFIXES:
        raise UserError(Text(translate("Messages", "{name} is not a PDF or image file. Scan the receipt as "
                                                   "{receipt_suffixes}."),
                             name=src.name, receipt_suffixes=', '.join(RECEIPT_SUFFIXES)))
    if src.stat().st_size > MAX_RECEIPT_BYTES:
        raise UserError(Text(translate("Messages", "{name} is larger than {max_receipt_bytes} MB. Scan at a lower "
                                                   "resolution."),
                             name=src.name, max_receipt_bytes=MAX_RECEIPT_BYTES // (1024 * 1024)))
    day = _day(books, received_on if received_on not in (None, "") else books.today(), translate("Messages", "date of the receipt"))
    folder = archive_dir(books) / "receipts"
    with books.db.session() as s:
        rec = letter_record(s, letter_id)
        n = 1 + sum(1 for e in letters_repo.mail_entries(s, [rec.id]) if e.kind == "receipt")
        name = f"{rec.reference}_{kind}_{n}{suffix}"
        while (folder / name).exists():
            n += 1
            name = f"{rec.reference}_{kind}_{n}{suffix}"
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{name}.{uuid.uuid4().hex}.tmp"
        shutil.copyfile(src, tmp)
        try:
            digest = hashlib.sha256(tmp.read_bytes()).hexdigest()
            what = Text(RECEIPT_NAMES[kind])
            if note.strip():
                what = Text(translate("Messages", "{what}: {note}"), what=what, note=_text(note, "note", MAX_NOTE))
            text = stored(Text(translate("Messages", "{what} (SHA-256 {digest})"), what=what, digest=digest))
            entry = letters_repo.add_mail_entry(s, letter_id=rec.id, kind="receipt", date=day,
                                                attachment_path=f"receipts/{name}", note=text)
            s.flush()
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    os.replace(tmp, folder / name)
    return entry


def correct_entry(books: Books, entry_id: int, note: str, *, carrier: str | None = None, service: str | None = None,
                  tracking: str | None = None, date: dt.date | str | None = None,
                  signed_by: str | None = None) -> int:
    """Correct a posting, delivery or return entry: a new 'correction' entry with the corrected
    values (unchanged fields copied) and the reason in ``note``. Nothing is overwritten."""
    reason = _text(note, translate("Messages", "reason for the correction"), MAX_NOTE)
    if not reason:
        raise UserError(Text(translate("Messages", "Say why the entry is corrected (e.g. 'tracking number "
                                                   "mistyped').")))
    with books.db.session() as s:
        found = [e for e in letters_repo.mail_entries_by_ids(s, [int(entry_id)])]
        if not found:
            raise UserError(Text(translate("Messages", "There is no registered-mail entry {entry_id}. Check the id "
                                                       "in the letter's mail log."), entry_id=entry_id))
        target = found[0]
        if target.kind not in ("posted", "delivered", "returned"):
            raise UserError(Text(translate("Messages", "Entry {entry_id} is a {kind} entry; only posted, delivered "
                                                       "and returned entries can be corrected."),
                                 entry_id=entry_id, kind=Text(ENTRY_KIND_NAMES.get(target.kind, target.kind))))
        entries = letters_repo.mail_entries(s, [target.letter_id])
        current = _effective(entries)[target.id]
        rec = letter_record(s, target.letter_id)
        day = current.date if date in (None, "") else _day(books, date, translate("Messages", "corrected date"))
        if day < rec.letter_date:
            raise UserError(Text(translate("Messages", "Letter {reference} is dated {letter_date}; the corrected "
                                                       "date {day} is before it."),
                                 reference=rec.reference, letter_date=rec.letter_date.isoformat(),
                                 day=day.isoformat()))
        return letters_repo.add_mail_entry(
            s, letter_id=target.letter_id, kind="correction", date=day,
            carrier=current.carrier if carrier is None else _text(carrier, translate("Messages", "carrier")),
            service=current.service if service is None else _text(service, translate("Messages", "service")),
            tracking_number=current.tracking_number if tracking is None else _tracking(tracking),
            signed_by=current.signed_by if signed_by is None else _text(signed_by, translate("Messages", "name of the person who signed")),
            note=reason, corrects_id=target.id)


def mailing_book_pdf(books: Books, letter_ids: Iterable[int], mailing_date: dt.date | str,
                     post_office: str = "") -> bytes:
    """The firm mailing book (PS Form 3877 style) of the letters posted, for the post office to stamp."""
    ids = list(dict.fromkeys(int(i) for i in letter_ids))
    if not ids:
        raise UserError(Text(translate("Messages", "Select at least one posted letter for the mailing book.")))
    day = parse_date(mailing_date, "mailing date")
    with books.db.session() as s:
        company = company_party(s)
        currency = company_repo.get(s).currency
        entries, languages = [], set()
        for lid in ids:
            rec = letter_record(s, lid)
            st = _status(s, lid)
            if st.posted_on is None or not st.tracking_number:
                raise UserError(Text(translate("Messages", "Letter {reference} has no tracking number yet. Record "
                                                           "its posting first."), reference=rec.reference))
            data = customers_repo.get(s, rec.customer_id)
            party = Party(data.name, address_lines(data.address), data.postcode, data.city, data.country)
            lines = tuple(x for x in (*party.address_lines, party.city_line(), party.country) if x)
            entries.append(MailingBookEntry(st.tracking_number, data.name, lines,
                                            st.service or st.carrier or "Registered", reference=rec.reference))
            languages.add(rec.language)
    language = "zh" if languages == {"zh"} else "en"
    return render_mailing_book(MailingBook(company, day, tuple(entries), currency, language, _text(post_office,
                                                                                                  "post office")))


__all__ = ["MAIL_SERVICES", "MailService", "MailStatus", "RECEIPT_KINDS", "attach_receipt", "correct_entry",
           "mail_log", "mail_service", "mail_status", "mailing_book_pdf", "record_delivery", "record_posting",
           "record_return"]
