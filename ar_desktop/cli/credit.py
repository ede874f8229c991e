"""Credit risk: insurance policies and limits, insurer events, the insurance report, the
limitation clock and acknowledgements."""

from __future__ import annotations

from ar_desktop.cli.base import as_of_and_format, as_of_arg, command, csv_text, date_cell, with_books, write

INSURANCE_HEADER = ["customer_code", "insured_limit", "exposure", "insured_exposure", "uninsured_exposure",
                    "expected_indemnity", "oldest_unpaid_due", "notify_by", "transfer_by", "status"]
LIMITATION_HEADER = ["invoice_number", "customer_code", "jurisdiction", "expires_on", "days_left", "restarted_by",
                     "restarted_on"]


def _m(value) -> str:
    return "" if value is None else f"{value:.2f}"


@command("policy", "record a credit insurance policy (policy add ...) or list them (policy list)")
def _policy_args(p):
    p.add_argument("action", choices=["add", "list"])
    p.add_argument("--insurer", metavar="NAME")
    p.add_argument("--number", metavar="TEXT")
    p.add_argument("--indemnity", metavar="PCT", help="indemnity percent, e.g. 90")
    p.add_argument("--max-extension", metavar="M", help="maximum extension period: days after the due date")
    p.add_argument("--notify-within", metavar="N", help="days after the maximum extension to notify the insurer")
    p.add_argument("--transfer-within", metavar="T", help="days after the maximum extension to transfer collection")
    p.add_argument("--max-credit-days", metavar="DAYS", default=None)
    p.add_argument("--discretionary", metavar="AMOUNT", default=None,
                   help="the largest limit you may set yourself without the insurer's decision")


@_policy_args
def _policy(args) -> int:
    from ar_desktop.services import insurance

    if args.action == "list":
        rows = with_books(args, insurance.policies)
        for r in rows:
            p = r.policy
            write(f"{p.number}  {p.insurer}  indemnity {p.indemnity_percent}%  M={p.max_extension_days}  "
                  f"N={p.notify_within_days}  T={p.transfer_within_days}\n")
        if not rows:
            write("No policy recorded.\n")
        return 0
    missing = [f"--{n.replace('_', '-')}" for n in ("insurer", "number", "indemnity", "max_extension",
                                                     "notify_within", "transfer_within")
               if getattr(args, n) is None]
    if missing:
        from ar_desktop.domain.errors import UserError

        raise UserError(f"policy add needs {', '.join(missing)}.")
    with_books(args, lambda b: insurance.add_policy(b, args.insurer, args.number, args.indemnity, args.max_extension,
                                              args.notify_within, args.transfer_within, args.max_credit_days,
                                              args.discretionary))
    print(f"recorded policy {args.number.strip()} of {args.insurer.strip()}")
    return 0


@command("insure", "record the insurer's limit decision for a customer (0 withdraws the cover)")
def _insure_args(p):
    p.add_argument("customer", metavar="CUSTOMER_CODE")
    p.add_argument("--limit", required=True, metavar="AMOUNT")
    p.add_argument("--from", dest="valid_from", type=as_of_arg, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--until", type=as_of_arg, default=None, metavar="YYYY-MM-DD")
    p.add_argument("--ref", default="", metavar="TEXT", help="the insurer's reference of the decision")
    p.add_argument("--policy", default=None, metavar="NUMBER", help="needed when the file holds several policies")


@_insure_args
def _insure(args) -> int:
    from ar_desktop.services import insurance

    with_books(args, lambda b: insurance.insure(b, args.customer, args.limit, args.valid_from, args.until, args.ref,
                                          args.policy))
    print(f"recorded insured limit {args.limit} for {args.customer} from {args.valid_from.isoformat()}")
    return 0


@command("insurer-event", "record an insurer event: notified, transferred, claim_filed or indemnified")
def _event_args(p):
    p.add_argument("customer", metavar="CUSTOMER_CODE")
    p.add_argument("kind", choices=["notified", "transferred", "claim_filed", "indemnified"])
    p.add_argument("--date", type=as_of_arg, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--amount", default=None, metavar="AMOUNT")
    p.add_argument("--note", default="", metavar="TEXT")


@_event_args
def _event(args) -> int:
    from ar_desktop.services import insurance

    with_books(args, lambda b: insurance.record_insurer_event(b, args.customer, args.kind, args.date, args.amount,
                                                        args.note))
    print(f"recorded {args.kind} for {args.customer} on {args.date.isoformat()}")
    return 0


@command("insurance", "credit insurance as of a date: exposure, insured part, insurer deadlines, status")
def _insurance_args(p):
    as_of_and_format(p)


@_insurance_args
def _insurance(args) -> int:
    from ar_desktop.services import insurance
    from ar_desktop.services.report_formats import table

    rows = with_books(args, lambda b: insurance.insurance_report(b, args.as_of))
    cells = [[r.customer_code, _m(r.position.insured_limit), _m(r.position.exposure),
              _m(r.position.insured_exposure), _m(r.position.uninsured_exposure), _m(r.position.expected_indemnity),
              date_cell(r.position.oldest_unpaid_due), date_cell(r.position.notify_by),
              date_cell(r.position.transfer_by), r.position.status] for r in rows]
    if args.format == "csv":
        write(csv_text(INSURANCE_HEADER, cells))
    elif not cells:
        write(f"No insured customer and no open balance on {args.as_of.isoformat()}.\n")
    else:
        write(table(INSURANCE_HEADER, cells, {1, 2, 3, 4, 5}))
    return 0


@command("acknowledge", "record that the customer acknowledged owing an invoice (restarts the limitation clock)")
def _ack_args(p):
    p.add_argument("invoice", metavar="INVOICE_NUMBER")
    p.add_argument("--date", type=as_of_arg, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--note", default="", metavar="TEXT")
    p.add_argument("--oral", action="store_true", help="acknowledged orally, not in writing (the UK does not count it)")


@_ack_args
def _ack(args) -> int:
    from ar_desktop.services import limitation

    with_books(args, lambda b: limitation.acknowledge(b, args.invoice, args.date, args.note, written=not args.oral))
    print(f"recorded acknowledgement of invoice {args.invoice} on {args.date.isoformat()}")
    return 0


def _days(text: str) -> int:
    import argparse

    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of days")
    return int(text)


@command("limitation", "the limitation clock of every open invoice, soonest expiry first")
def _limitation_args(p):
    p.add_argument("--as-of", type=as_of_arg, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--within", type=_days, default=None, metavar="DAYS",
                   help="only invoices expiring within DAYS of the date (time-barred ones included)")
    p.add_argument("--format", choices=["table", "csv"], default="table")


@_limitation_args
def _limitation(args) -> int:
    from ar_desktop.services import limitation
    from ar_desktop.services.report_formats import table

    rows = with_books(args, lambda b: limitation.limitation_report(b, args.as_of, args.within))
    cells = [[r.invoice_number, r.customer_code, r.jurisdiction, r.expires_on.isoformat(), str(r.days_left),
              r.restarted_by or "", date_cell(r.restarted_on)] for r in rows]
    if args.format == "csv":
        write(csv_text(LIMITATION_HEADER, cells))
    elif not cells:
        write(f"No open invoice with a limitation clock on {args.as_of.isoformat()}.\n")
    else:
        write(table(LIMITATION_HEADER, cells, {4}))
    return 0
