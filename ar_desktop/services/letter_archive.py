"""The letter archive: where issued letters are kept, their fingerprints checked, orphans found,
letters printed again from their frozen documents, and the letters in a customer's history.

Archive: a folder ``<company file stem>.letters/`` beside the company file; each letter is
``YYYY/YYYY-MM-DD_<customer code>_<template>_L000123.pdf`` (docs/letters.md). Every archived file
is written and synced before the letter's row is committed, so a committed letter always has its
file; a file without a committed row (an interrupted batch, or a company file restored from an
older backup) is an *orphan*: ``check`` reports it and the next batch moves it aside into
``interrupted/``, never deleting it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields, is_dataclass
from decimal import Decimal
from pathlib import Path

from ar_desktop.domain import letter_facts as F
from ar_desktop.domain import letters as L
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.ladder import template_name
from ar_desktop.domain.letters import LetterDocument
from ar_desktop.domain.money import format_amount
from ar_desktop.domain.text import Text, from_stored, translate
from ar_desktop.services import collection_input
from ar_desktop.services.context import Books
from ar_desktop.services.history_entry import HistoryEntry, register_history_source
from ar_desktop.services.letter_settings import _settings, pdf_layout
from ar_desktop.storage import letters_repo
from ar_desktop.storage.letters_repo import LetterRecord, letter_reference

INTERRUPTED = "interrupted"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_LETTER_FILE = re.compile(r"^\d{4}-\d{2}-\d{2}_.+_L\d{6,}\.pdf$")


def archive_dir(books: Books) -> Path:
    """``<company file stem>.letters/`` beside the company file."""
    return archive_dir_of(books.db.path)


def archive_dir_of(db_path: str | Path) -> Path:
    p = Path(db_path)
    return p.parent / f"{p.stem}.letters"


def archive_name(letter_date: dt.date, customer_code: str, template: str, letter_id: int) -> str:
    """'2026/2026-11-27_CUST01_demand_letter_L000123.pdf' (relative, '/' separated)."""
    code = _UNSAFE.sub("-", customer_code).strip("-") or "customer"
    return f"{letter_date.year}/{letter_date.isoformat()}_{code}_{template}_{letter_reference(letter_id)}.pdf"


# --- verifying ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LetterCheck:
    letter_id: int
    reference: str
    path: Path
    ok: bool
    expected_sha256: str
    actual_sha256: str | None       # None when the file is missing
    message: Text                   # ``str()`` is the English sentence


def letter_record(s, letter_id: int) -> LetterRecord:
    rec = letters_repo.get(s, int(letter_id))
    if rec is None:
        raise UserError(Text(translate("Messages", "There is no letter with id {letter_id}. Check the id in the "
                                                   "customer's history."), letter_id=letter_id))
    return rec


def get_letter(books: Books, letter_id: int) -> LetterRecord:
    with books.db.session() as s:
        return letter_record(s, letter_id)


def letter_items(books: Books, letter_id: int) -> list[letters_repo.LetterItemRecord]:
    with books.db.session() as s:
        letter_record(s, letter_id)
        return letters_repo.items(s, int(letter_id))


def customer_letters(books: Books, code: str) -> list[LetterRecord]:
    with books.db.session() as s:
        cid, _data = collection_input.customer_by_code(s, code)
        return letters_repo.for_customer(s, cid)


def letter_path(books: Books, letter_id: int) -> Path:
    with books.db.session() as s:
        rec = letter_record(s, letter_id)
    return archive_dir(books) / rec.archive_path


def _check_file(letter_id: int, reference: str, path: Path, expected: str) -> LetterCheck:
    try:
        actual = sha256_file(path)
    except FileNotFoundError:
        return LetterCheck(letter_id, reference, path, False, expected, None,
                           Text(translate("Messages", "Letter {reference}: the archived file {path} is missing. "
                                                      "Restore it from a backup."), reference=reference, path=path))
    except OSError as e:
        return LetterCheck(letter_id, reference, path, False, expected, None,
                           Text(translate("Messages", "Letter {reference}: the archived file {path} cannot be read "
                                                      "({reason})."),
                                reference=reference, path=path, reason=e.strerror or e))
    if actual == expected:
        return LetterCheck(letter_id, reference, path, True, expected, actual,
                           Text(translate("Messages", "Letter {reference} is unchanged (SHA-256 {actual})."),
                                reference=reference, actual=actual))
    return LetterCheck(letter_id, reference, path, False, expected, actual,
                       Text(translate("Messages", "Letter {reference}: the archived file {path} was changed after it "
                                                  "was issued (SHA-256 {actual}, expected {expected}). Restore the "
                                                  "original from a backup."),
                            reference=reference, path=path, actual=actual, expected=expected))


def verify_letter(books: Books, letter_id: int) -> LetterCheck:
    """Hash the archived file again and compare with the SHA-256 stored when it was issued."""
    with books.db.session() as s:
        rec = letter_record(s, letter_id)
    return _check_file(rec.id, rec.reference, archive_dir(books) / rec.archive_path, rec.sha256)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


def orphan_files(folder: Path, known: set[str]) -> list[Path]:
    """Letter files in the archive's year folders that no committed letter names."""
    if not folder.is_dir():
        return []
    out = []
    for year in sorted(p for p in folder.iterdir() if p.is_dir() and p.name.isdigit()):
        for f in sorted(year.iterdir()):
            if f.is_file() and _LETTER_FILE.match(f.name) and f"{year.name}/{f.name}" not in known:
                out.append(f)
    return out


def archive_problems(db_path: str | Path) -> list[Text]:
    """Every archived letter of the company file at ``db_path`` exists and matches its SHA-256;
    no letter file lies in the archive without its letter (orphans). The problems found, one sentence
    each (``check`` lists them in English); empty when the archive is sound."""
    from ar_desktop.storage.letters_archive import archived_letters

    folder = archive_dir_of(db_path)
    rows = archived_letters(db_path)
    problems = []
    for letter_id, rel, sha in rows:
        ref = letter_reference(letter_id)
        if not rel or not sha:
            problems.append(Text(translate("Messages", "Letter {ref} was committed without its archived file. Print it "
                                                       "again from the customer's history and keep the copy."),
                                 ref=ref))
            continue
        check = _check_file(letter_id, ref, folder / rel, sha)
        if not check.ok:
            problems.append(check.message)
    for f in orphan_files(folder, {rel for _i, rel, _s in rows}):
        problems.append(Text(translate("Messages", "The letter archive holds {file}, which no letter in this company "
                                                   "file names (left by an interrupted batch, or the company file was "
                                                   "restored from an older backup). Keep it if it was sent; the next "
                                                   "batch moves it into {folder}."),
                             file=str(f), folder=str(folder / INTERRUPTED)))
    return problems


def set_aside_orphans(books: Books) -> list[Path]:
    """Move the orphans of the archive (see :func:`archive_problems`) and temporary files left by a
    killed batch out of the way: letter files into ``interrupted/`` (never deleted), temporary
    files removed. Returns the new paths of the letters moved."""
    folder = archive_dir(books)
    if not folder.is_dir():
        return []
    with books.db.session() as s:
        known = letters_repo.archive_paths(s)
    for year in (p for p in folder.iterdir() if p.is_dir() and p.name.isdigit()):
        for tmp in year.glob(".*.tmp"):
            tmp.unlink(missing_ok=True)
    moved = []
    for f in orphan_files(folder, known):
        target_dir = folder / INTERRUPTED
        target_dir.mkdir(exist_ok=True)
        target = target_dir / f.name
        n = 1
        while target.exists():
            n += 1
            target = target_dir / f"{f.stem}.{n}{f.suffix}"
        os.replace(f, target)
        moved.append(target)
    return moved


def archived_bytes(books: Books, letter_id: int) -> bytes:
    """The exact archived PDF; refuses a file whose SHA-256 no longer matches."""
    check = verify_letter(books, letter_id)
    if not check.ok:
        raise UserError(check.message)
    return check.path.read_bytes()


def render_batch_pdf(books: Books, letter_ids: Iterable[int], offset: tuple[float, float] | None = None) -> bytes:
    """The issued letters in one PDF for printing, each starting on a new page, rendered from the
    frozen documents stored with them (same content as the archive) with the printer offset of the
    settings (or ``offset``). All letters must have the same layout."""
    from ar_desktop.pdf.letters import render_letters

    ids = list(dict.fromkeys(int(i) for i in letter_ids))
    if not ids:
        raise UserError(Text(translate("Messages", "There are no letters to print. Select at least one letter.")))
    with books.db.session() as s:
        recs = [letter_record(s, i) for i in ids]
        settings = _settings(s)
    layouts = sorted({r.layout for r in recs})
    if len(layouts) > 1:
        raise UserError(Text(translate("Messages", "The selected letters use different layouts ({layouts}). Print "
                                                   "the letters of one layout at a time."), layouts=', '.join(layouts)))
    docs = [document_from_json(r.document_json) for r in recs]
    off = offset if offset is not None else (settings.offset_dx_mm, settings.offset_dy_mm)
    return render_letters(docs, pdf_layout(layouts[0]), off)


# --- the frozen document as JSON ----------------------------------------------------------------------

_TYPES = {t.__name__: t for t in (L.Party, L.Company, L.LetterInvoiceLine, L.ChargeLine, L.AgingBucket,
                                  L.StatementDocument, L.LetterDocument, F.LetterFacts, F.StepTaken)}


def _enc(v):
    if is_dataclass(v):
        return {"$t": type(v).__name__, **{f.name: _enc(getattr(v, f.name)) for f in fields(v)}}
    if isinstance(v, Decimal):
        return {"$d": str(v)}
    if isinstance(v, dt.date):
        return {"$date": v.isoformat()}
    if isinstance(v, tuple | list):
        return [_enc(x) for x in v]
    return v


def _dec(v):
    if isinstance(v, list):
        return tuple(_dec(x) for x in v)
    if isinstance(v, dict):
        if "$d" in v:
            return Decimal(v["$d"])
        if "$date" in v:
            return dt.date.fromisoformat(v["$date"])
        cls = _TYPES[v["$t"]]
        return cls(**{k: _dec(x) for k, x in v.items() if k != "$t"})
    return v


def document_to_json(doc: LetterDocument) -> str:
    return json.dumps(_enc(doc), ensure_ascii=False, sort_keys=True)


def document_from_json(text: str) -> LetterDocument:
    if not text:
        raise UserError(Text(translate("Messages", "This letter was stored without its document; print its "
                                                   "archived PDF instead.")))
    return _dec(json.loads(text))


# --- history ------------------------------------------------------------------------------------------

def _letters_history(s, customer_id: int) -> list[HistoryEntry]:
    out = []
    recs = letters_repo.for_customer(s, customer_id)
    by_id = {r.id: r for r in recs}
    for r in recs:
        text = Text(translate("Messages", "{reference} ({what}): claimed {amount}, pay by {deadline}"),   # "letter"
                    reference=r.reference, what=template_name(r.template),
                    amount=format_amount(r.total_claimed, r.currency), deadline=r.deadline.isoformat())
        out.append(HistoryEntry(r.letter_date, "letter", text, r.total_claimed, None, "letters",
                                                   1_000_000 + r.id))
    for e in letters_repo.mail_entries(s, list(by_id)):
        ref = by_id[e.letter_id].reference
        out.append(HistoryEntry(e.date, f"mail_{e.kind}", _mail_text(ref, e), None, None, "letters",
                                                   2_000_000 + e.id))
    return out


def _mail_text(ref: str, e) -> Text:
    """Beside its kind ("mail posted", "mail delivered"…): the letter and what the entry adds."""
    letter = Text(translate("Messages", "letter {reference}"), reference=ref)
    via = ", ".join(x for x in (e.carrier, e.service) if x)
    if e.kind == "posted":
        if via:
            return Text(translate("Messages", "{letter} ({via}), tracking {tracking}"), letter=letter, via=via,
                        tracking=e.tracking_number)
        return Text(translate("Messages", "{letter}, tracking {tracking}"), letter=letter, tracking=e.tracking_number)
    if e.kind == "delivered":
        if e.signed_by:
            return Text(translate("Messages", "{letter}, signed by {name}"), letter=letter, name=e.signed_by)
        return letter
    if e.kind == "returned":
        return Text(translate("Messages", "{what}: {note}"), what=letter, note=e.note) if e.note else letter
    if e.kind == "receipt":
        return Text(translate("Messages", "{letter}: scan attached ({note})"), letter=letter,
                    note=from_stored(e.note) or Text(translate("Messages", "receipt")))
    if e.note:
        return Text(translate("Messages", "{letter}, entry {entry}: {note}"), letter=letter, entry=e.corrects_id,
                    note=e.note)
    return Text(translate("Messages", "{letter}, entry {entry}"), letter=letter, entry=e.corrects_id)


register_history_source("letters", _letters_history)


__all__ = ["INTERRUPTED", "LetterCheck", "archive_dir", "archive_dir_of", "archive_name", "archive_problems",
           "archived_bytes", "customer_letters", "document_from_json", "document_to_json", "get_letter",
           "letter_items", "letter_path", "letter_record", "orphan_files", "render_batch_pdf", "set_aside_orphans",
           "sha256_file", "verify_letter"]
