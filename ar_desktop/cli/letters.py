"""Late charges, collection letters and registered mail."""

from __future__ import annotations

import os
from pathlib import Path

from ar_desktop.cli.base import as_of_and_format, as_of_arg, command, open_books, with_books, write

LAYOUT_CHOICES = ["din-a", "din-b", "us-10", "plain"]


@command("charges", "late charges (interest and fixed compensation) per invoice as of a date")
def _charges_args(p):
    as_of_and_format(p)


@_charges_args
def _charges(args) -> int:
    from ar_desktop.services.late_charges import CSV_HEADER, charges_csv, charges_report_with_gaps
    from ar_desktop.services.report_formats import table

    import sys

    rows, gaps = with_books(args, lambda b: charges_report_with_gaps(b, args.as_of))
    for gap in gaps:
        print(gap.line(), file=sys.stderr)
    if args.format == "csv":
        write(charges_csv(rows))
    elif not rows:
        write(f"No invoice paid late or overdue on {args.as_of.isoformat()}.\n")
    else:
        cells = [[r.invoice_number, r.customer_code, r.currency, str(r.days_late), f"{r.interest:,.2f}",
                  f"{r.fixed_compensation:,.2f}", r.rule] for r in rows]
        write(table(list(CSV_HEADER), cells, {3, 4, 5}))
    return 4 if gaps else 0


EXIT_SKIPPED = 4


@command("letters", "issue the collection letters due (archived, step logged) and copy the PDFs to a folder")
def _letters_args(p):
    p.add_argument("--as-of", type=as_of_arg, required=True, metavar="YYYY-MM-DD", help="the letter date")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for copies of the PDFs (created if missing)")
    p.add_argument("--customer", metavar="CODE", help="only this customer (its next step, or --step)")
    p.add_argument("--step", metavar="STEP_KEY", help="the letter step, e.g. reminder or demand_letter")
    p.add_argument("--layout", choices=LAYOUT_CHOICES, help="default: the layout in the letter settings")
    p.add_argument("--dry-run", action="store_true",
                   help="write the same letters as drafts to --out; nothing is issued, archived or logged")


def _writable_folder(out: Path) -> None:
    """--out is (or can become) a folder the letters can be copied to: checked before anything is
    issued, without creating it yet (a refused command leaves nothing behind)."""
    from ar_desktop.domain.errors import UserError

    if out.exists() and not out.is_dir():
        raise UserError(f"{out} is a file, not a folder. Give a folder for the letters.")
    existing = out
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        raise UserError(f"The folder {out} cannot be written. Choose a folder you can write to; nothing was "
                        "issued.")


def _copy(data: bytes, target: Path, company: Path) -> None:
    """Write a copy under a hidden temporary name, then name it: a copy is whole or absent. The temporary
    file is noted for ``company`` so that the next open removes it if a kill interrupts the copy."""
    from ar_desktop.storage import scratch

    tmp = target.parent / f".{target.name}.tmp"
    with scratch.tracked(company, tmp):
        try:
            tmp.write_bytes(data)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)


@_letters_args
def _letters(args) -> int:
    import sys

    from ar_desktop.domain.errors import UserError
    from ar_desktop.services.letters import issue_batch

    out = Path(args.out).expanduser()
    _writable_folder(out)
    books = open_books(args)
    try:
        batch = issue_batch(books, args.as_of, [args.customer] if args.customer else None, args.step, args.layout,
                            dry_run=args.dry_run)
    finally:
        books.close()
    lines = []
    try:
        if batch.drafts or batch.issued:
            out.mkdir(parents=True, exist_ok=True)
        for d in batch.drafts:
            target = out / d.file_name
            _copy(d.pdf, target, books.db.path)
            lines.append(f"{target}\tdraft (not issued)\n")
        for letter in batch.issued:
            target = out / letter.path.name
            _copy(letter.path.read_bytes(), target, books.db.path)
            lines.append(f"{target}\tletter {letter.letter_id}\n")
    except Exception as e:   # noqa: BLE001 - whatever failed, the letters are committed: say so
        if not isinstance(e, OSError) and not batch.issued:
            raise
        if batch.issued:   # committed: say so, never "nothing was changed"
            raise UserError(f"{len(batch.issued)} letter(s) were issued, archived in {batch.archive} and logged, "
                            f"but copying them to {out} failed ({getattr(e, 'strerror', None) or e}). Copy them from the archive; do "
                            "not issue them again.") from None
        raise UserError(f"Writing the drafts to {out} failed ({getattr(e, 'strerror', None) or e}). Nothing was "
                        "issued.") from None
    if lines:
        write("".join(lines))
    elif not batch.skipped:
        write(f"No letters due on {args.as_of.isoformat()}.\n")
    for skip in batch.skipped:
        print(skip.line(), file=sys.stderr)
    return EXIT_SKIPPED if batch.skipped else 0


@command("registered", "record the posting (and delivery) of a letter sent by registered mail")
def _registered_args(p):
    p.add_argument("letter_id", type=int, metavar="LETTER_ID")
    p.add_argument("--tracking", required=True, metavar="NUMBER", help="e.g. RR123456785CN")
    p.add_argument("--posted", type=as_of_arg, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--delivered", type=as_of_arg, metavar="YYYY-MM-DD")
    p.add_argument("--signed-by", default="", metavar="NAME")
    p.add_argument("--service", default="other", metavar="KEY",
                   help="cn_ems, cn_registered, uk_signed_for, uk_special_delivery, us_certified_rr, "
                        "de_einschreiben_rueckschein, de_einschreiben_einwurf, other")


@_registered_args
def _registered(args) -> int:
    from ar_desktop.domain.errors import UserError
    from ar_desktop.domain.tracking import validate_tracking
    from ar_desktop.services import registered_mail as rm

    service = rm.mail_service(args.service)
    books = open_books(args)
    try:
        st = rm.mail_status(books, args.letter_id)
        number = validate_tracking(args.tracking)
        if st.posted_on is None:
            rm.record_posting(books, args.letter_id, service.carrier, service.service, args.tracking, args.posted)
        elif st.tracking_number != number or st.posted_on != args.posted:
            raise UserError(f"Letter {st.reference} is already recorded as posted on {st.posted_on.isoformat()} "
                            f"with tracking {st.tracking_number}. Correct that entry in the letter's mail log.")
        if args.delivered is not None:
            st = rm.mail_status(books, args.letter_id)
            if st.delivered_on != args.delivered:
                rm.record_delivery(books, args.letter_id, args.delivered, args.signed_by)
        st = rm.mail_status(books, args.letter_id)
    finally:
        books.close()
    text = f"letter {st.letter_id} ({st.reference}) posted {st.posted_on.isoformat()}, tracking {st.tracking_number}"
    if st.delivered_on is not None:
        text += f"; delivered {st.delivered_on.isoformat()}, response due {st.response_deadline.isoformat()}"
    print(text)
    return 0
