"""Issuing a batch of letters: every letter the program can write is issued; a customer it cannot
write to is skipped with the reason, and the rest go on.

Per letter, in one transaction for the batch: a ``letter`` row (its id gives the reference
L000123), the PDF rendered, written to its final name in the archive and synced to disk, its
SHA-256 and size, one item per invoice claimed, the frozen document (to print it again) and the
ladder step logged as done on the letter date. The archive files are synced (and their folders)
**before** the commit: a committed letter always has its archived file. A crash before the
commit leaves files without rows (orphans), which ``check`` reports and the next batch moves
aside (:func:`services.letter_archive.set_aside_orphans`). If anything fails before the commit,
the files written are removed again and nothing is kept.

``dry_run`` builds and renders the same letters (reference DRAFT) and stores nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from decimal import Decimal
from pathlib import Path

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.ladder import template_name
from ar_desktop.domain.charge_rules import RuleKind
from ar_desktop.domain.money import ZERO, to_minor
from ar_desktop.domain.records import parse_date
from ar_desktop.domain.text import Amount, Text, joined, stored, translate
from ar_desktop.services import collection_input, collection_log
from ar_desktop.services.context import Books
from ar_desktop.services.late_charges import _rates
from ar_desktop.services.letter_archive import archive_dir, archive_name, document_to_json, set_aside_orphans
from ar_desktop.services.letter_build import (Built, SkipLetter, build, draft_reference, letter_candidates,
                                              step_key_for, with_wording)
from ar_desktop.services.letter_settings import _layout_key, pdf_layout
from ar_desktop.services.progress import NO_PROGRESS, Progress
from ar_desktop.storage import letters_repo
from ar_desktop.storage.letters_repo import LetterRecord, letter_reference


@dataclass(frozen=True)
class IssuedLetter(LetterRecord):
    """A letter as stored (read back, so the record has one source: ``letters_repo``) and what the
    batch knows beside it."""

    path: Path              # absolute path of the archived PDF
    interest: Decimal
    fixed_compensation: Decimal
    registered_mail: bool

    @property
    def letter_id(self) -> int:
        return self.id


@dataclass(frozen=True)
class SkippedLetter:
    """A customer the batch could not write to: ``code`` says why, ``reason`` what to do."""

    customer_code: str
    customer_name: str
    step_key: str
    code: str
    reason: Text | str

    def line(self) -> str:
        """'skipped ACME: Acme Ltd has no postal address. ...' (the command line's stderr line)."""
        return f"skipped {self.customer_code}: {' '.join(str(self.reason).split())}"


@dataclass(frozen=True)
class DraftLetter:
    """A letter of a dry run: what would be issued, rendered with the reference DRAFT."""

    customer_code: str
    customer_name: str
    step_key: str
    template: str
    file_name: str
    pdf: bytes
    total_claimed: Decimal
    currency: str


@dataclass
class LetterBatch:
    issued: list[IssuedLetter] = field(default_factory=list)
    skipped: list[SkippedLetter] = field(default_factory=list)
    drafts: list[DraftLetter] = field(default_factory=list)
    archive: Path | None = None


def _write_synced(final: Path, data: bytes) -> None:
    """Write ``final`` completely and durably (temp name, fsync, rename, fsync of the folder)."""
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = final.parent / f".{final.name}.{uuid.uuid4().hex}.tmp"
    try:
        with open(tmp, "xb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync_dir(final.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # e.g. Windows: a folder cannot be opened; the file itself is synced
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _history_note(ref: str, built: Built) -> str:
    """The step's note, kept as a sentence with its figures (domain.text.stored): it reads in the language of
    whoever opens the collection file later."""
    doc = built.doc
    cur = doc.currency
    interest = sum((c.interest for c in doc.charges), ZERO)
    fixed = sum((c.fixed_compensation for c in doc.charges), ZERO)
    what = template_name(doc.template)  # the letter's name, never its key

    def money(value) -> Text:
        return Text(translate("Messages", "{amount} {currency}"), amount=Amount(value), currency=cur)

    if doc.template == "courtesy_reminder":
        return stored(Text(translate("Messages", "Letter {ref} ({what}): invoices falling due {amount}; nothing "
                                                 "claimed."), ref=ref, what=what, amount=money(doc.invoices_open)))
    parts = [Text(translate("Messages", "Letter {ref} ({what}) claims {total}: invoices {amount}"), ref=ref, what=what,
                  total=money(doc.total_claimed), amount=money(doc.invoices_open))]
    if doc.charges:
        parts.append(Text(translate("Messages", ", interest {interest}, fixed compensation {fixed}"),
                          interest=money(interest), fixed=money(fixed)))
    if doc.disputed_total:
        parts.append(Text(translate("Messages", "; {amount} in dispute not claimed"), amount=money(doc.disputed_total)))
    parts.append(Text(translate("Messages", "; pay by {date}."), date=doc.deadline.isoformat()))
    return stored(joined(parts, ""))


def _plan(books: Books, as_of: dt.date, customer_codes, step_key) -> list[tuple[str, str]]:
    if customer_codes is None:
        return [(c.customer_code, c.step_key) for c in letter_candidates(books, as_of)
                if step_key is None or c.step_key == step_key.strip()]
    codes = list(dict.fromkeys(c.strip() for c in customer_codes if c and c.strip()))
    return [(code, step_key_for(books, code, as_of, step_key)) for code in codes]


def issue_batch(books: Books, as_of: dt.date, customer_codes: Sequence[str] | None = None,
                step_key: str | None = None, layout: str | None = None, progress: Progress = NO_PROGRESS,
                *, dry_run: bool = False) -> LetterBatch:
    """Issue the letters dated ``as_of`` to the given customers, or to every letter candidate
    (only those whose next step is ``step_key`` when given). A customer the program cannot write
    to is skipped with the reason; the others are issued (module doc). ``dry_run``: the same
    letters as drafts, nothing stored."""
    as_of = parse_date(as_of, "letter date")
    plan = _plan(books, as_of, customer_codes, step_key)
    batch = LetterBatch(archive=archive_dir(books))
    if not plan:
        return batch
    if layout is not None:
        layout = _layout_key(layout)
    if dry_run:
        return _dry_run(books, as_of, plan, layout, progress, batch)
    set_aside_orphans(books)
    folder = batch.archive
    written: list[Path] = []
    total = len(plan)
    try:
        with books.db.session() as s:
            rates = _rates(s)
            for n, (code, key) in enumerate(plan):
                progress.step(n, total, Text(translate("Messages", "Letter to {code}…"), code=code))
                try:   # building only reads: a skipped customer leaves nothing to undo
                    built = build(s, books, code, as_of, key, layout, "", rates)
                except SkipLetter as e:
                    _cid, data = collection_input.customer_by_code(s, code)
                    batch.skipped.append(SkippedLetter(code, data.name, key, e.code, e.message))
                    continue
                batch.issued.append(_issue_one(s, books, built, code, as_of, folder, written))
            progress.step(total, total, Text(translate("Messages", "Saving")))
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return batch


def _issue_one(s, books: Books, built: Built, code: str, as_of: dt.date, folder: Path,
               written: list[Path]) -> IssuedLetter:
    from ar_desktop.pdf.letters import render_letter

    doc = built.doc
    cur = doc.currency
    lid = letters_repo.add_letter(
        s, customer_id=built.customer_id, step_key=built.step.key, template=doc.template,
        template_version=built.template_version, language=doc.language, layout=built.layout,
        letter_date=as_of, deadline=doc.deadline, currency=cur, total_claimed=to_minor(doc.total_claimed, cur))
    ref = letter_reference(lid)
    doc = _with_reference(doc, built.text, ref)
    pdf = render_letter(doc, pdf_layout(built.layout))
    rel = archive_name(as_of, code, doc.template, lid)
    final = folder / rel
    if final.exists():
        raise UserError(Text(translate("Messages", "The letter archive already holds {final}. Move that file away: "
                                                   "archived letters are never overwritten."), final=final))
    _write_synced(final, pdf)
    written.append(final)
    digest = hashlib.sha256(pdf).hexdigest()
    letters_repo.set_archive(s, lid, archive_path=rel, sha256=digest, size=len(pdf),
                             document_json=document_to_json(doc))
    interest = fixed = ZERO
    for inv, result in built.items:
        i_int = result.interest if result else ZERO
        i_fix = result.fixed_compensation if result else ZERO
        interest, fixed = interest + i_int, fixed + i_fix
        letters_repo.add_item(
            s, letter_id=lid, invoice_id=inv.invoice_id, open_amount=to_minor(inv.claimable, cur),
            interest=to_minor(i_int, cur), fixed_compensation=to_minor(i_fix, cur),
            rule=result.rule_name if result else RuleKind.NONE.value,
            explanation="\n".join(result.explanation) if result else "")
    collection_log._log_step(books, s, code, built.step.key, as_of, _history_note(ref, built), False, "")
    stored = {f.name: getattr(letters_repo.get(s, lid), f.name) for f in fields(LetterRecord)}
    return IssuedLetter(**stored, path=final, interest=interest, fixed_compensation=fixed,
                        registered_mail=doc.registered_mail)


class _DryRun(Exception):
    """Raised at the end of a dry run so that its transaction is rolled back."""


def _dry_run(books: Books, as_of: dt.date, plan, layout, progress: Progress, batch: LetterBatch) -> LetterBatch:
    from ar_desktop.pdf.letters import render_letter

    try:
        with books.db.session() as s:
            rates = _rates(s)
            for n, (code, key) in enumerate(plan):
                progress.step(n, len(plan), Text(translate("Messages", "Letter to {code}…"), code=code))
                _cid, data = collection_input.customer_by_code(s, code)
                try:
                    built = build(s, books, code, as_of, key, layout, draft_reference(s, code), rates)
                except SkipLetter as e:
                    batch.skipped.append(SkippedLetter(code, data.name, key, e.code, e.message))
                    continue
                doc = built.doc
                name = archive_name(as_of, code, doc.template, 0).split("/", 1)[1].replace("_L000000", "_DRAFT")
                batch.drafts.append(DraftLetter(code, data.name, key, doc.template, name,
                                                render_letter(doc, pdf_layout(built.layout)), doc.total_claimed,
                                                doc.currency))
            raise _DryRun   # a dry run stores nothing, not even what reading the worklist may record
    except _DryRun:
        pass
    return batch


def issue_letters(books: Books, as_of: dt.date, customer_codes: Sequence[str] | None = None,
                  step_key: str | None = None, layout: str | None = None,
                  progress: Progress = NO_PROGRESS) -> list[IssuedLetter]:
    """Issue letters, all or none: like :func:`issue_batch`, but a customer that cannot be
    written to stops the batch with its reason (nothing is issued)."""
    as_of = parse_date(as_of, "letter date")
    plan = _plan(books, as_of, customer_codes, step_key)
    if not plan:
        return []
    with books.db.session() as s:
        rates = _rates(s)
        for code, key in plan:
            build(s, books, code, as_of, key, layout, "", rates)   # raises SkipLetter with the reason
    return issue_batch(books, as_of, [c for c, _k in plan], step_key, layout, progress).issued


def _with_reference(doc, text: str, ref: str):
    """The document with its final reference, the wording filled again ($reference may be used)."""
    from dataclasses import replace

    from ar_desktop.services.letter_build import payment_qr

    out = replace(doc, reference=ref)
    if out.statement is not None:
        out = replace(out, statement=replace(out.statement, reference=ref))
    out = with_wording(out, text)
    return replace(out, payment_qr=payment_qr(out))


__all__ = ["DraftLetter", "IssuedLetter", "LetterBatch", "SkippedLetter", "issue_batch", "issue_letters"]
