"""Collections: the worklist, logging a step, recording a promise."""

from __future__ import annotations

from ar_desktop.cli.base import as_of_arg, command, csv_text, date_cell, with_books, write

CUSTOMER_HEADER = ["customer_code", "customer_name", "overdue_amount", "oldest_days_overdue", "reached_step",
                   "next_step", "next_step_date", "state", "last_step", "last_step_date"]
INVOICE_HEADER = ["invoice_number", "customer_code", "due_date", "days_overdue", "open_amount", "reached_step",
                  "disputed"]


def customer_cells(r) -> list[str]:
    return [r.customer_code, r.customer_name, f"{r.overdue_amount:.2f}", str(r.oldest_days_overdue),
            r.reached_step or "", r.next_step or "", date_cell(r.next_step_date), r.state, r.last_step or "",
            date_cell(r.last_step_date)]


def invoice_cells(r) -> list[str]:
    return [r.invoice_number, r.customer_code, r.due_date.isoformat(), str(r.days_overdue), f"{r.open_amount:.2f}",
            r.reached_step or "", "yes" if r.disputed else "no"]


@command("collections", "collections worklist as of a date: who to chase and with which step")
def _collections_args(p):
    p.add_argument("--as-of", type=as_of_arg, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--by", choices=["customer", "invoice"], default="customer")
    p.add_argument("--format", choices=["table", "csv"], default="table")


@_collections_args
def _collections(args) -> int:
    from ar_desktop.services.worklist import invoice_rows, worklist
    from ar_desktop.services.report_formats import table

    if args.by == "customer":
        rows = sorted(with_books(args, lambda b: worklist(b, args.as_of)), key=lambda r: r.customer_code)
        header, cells, right = CUSTOMER_HEADER, [customer_cells(r) for r in rows], {2, 3}
    else:
        rows = with_books(args, lambda b: invoice_rows(b, args.as_of))
        header, cells, right = INVOICE_HEADER, [invoice_cells(r) for r in rows], {3, 4}
    if args.format == "csv":
        write(csv_text(header, cells))
    elif not cells:
        write(f"Nothing to chase on {args.as_of.isoformat()}.\n")
    else:
        write(table(header, cells, right))
    return 0


@command("log", "record that a collection step was done (or skipped) for a customer")
def _log_args(p):
    p.add_argument("customer", metavar="CUSTOMER_CODE")
    p.add_argument("--step", required=True, metavar="STEP_KEY", help="e.g. reminder, phone_call, demand_letter")
    p.add_argument("--date", type=as_of_arg, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--note", default="", metavar="TEXT")
    p.add_argument("--skipped", action="store_true", help="the step was deliberately not taken (--note says why)")


@_log_args
def _log(args) -> int:
    from ar_desktop.services.collection_log import log_step

    with_books(args, lambda b: log_step(b, args.customer, args.step, args.date, "" if args.skipped else args.note,
                                        skipped=args.skipped, reason=args.note if args.skipped else ""))
    what = "skipped" if args.skipped else "done"
    print(f"logged {args.step} {what} for {args.customer} on {args.date.isoformat()}")
    return 0


@command("promise", "record a customer's promise to pay an amount by a date")
def _promise_args(p):
    p.add_argument("customer", metavar="CUSTOMER_CODE")
    p.add_argument("--date", type=as_of_arg, required=True, metavar="YYYY-MM-DD", help="the promised payment date")
    p.add_argument("--amount", required=True, metavar="AMOUNT")
    p.add_argument("--made-on", type=as_of_arg, default=None, metavar="YYYY-MM-DD",
                   help="the day the promise was made (default today)")


@_promise_args
def _promise(args) -> int:
    from ar_desktop.services.collection_log import record_promise

    with_books(args, lambda b: record_promise(b, args.customer, args.date, args.amount, made_on=args.made_on))
    print(f"recorded promise of {args.customer} to pay {args.amount} by {args.date.isoformat()}")
    return 0


@command("dispute", "record that the customer contests an invoice (all of it, or --amount of it)")
def _dispute_args(p):
    p.add_argument("invoice", metavar="INVOICE_NUMBER")
    p.add_argument("--reason", required=True, metavar="TEXT", help="what the customer contests")
    p.add_argument("--amount", metavar="AMOUNT", help="the contested part (default: all that is open)")
    p.add_argument("--date", type=as_of_arg, default=None, metavar="YYYY-MM-DD", help="default today")


@_dispute_args
def _dispute(args) -> int:
    from ar_desktop.services.disputes import invoice_dispute, mark_dispute

    def dispute(books):
        mark_dispute(books, args.invoice, args.reason, args.amount, args.date)
        return invoice_dispute(books, args.invoice)

    info = with_books(args, dispute)
    print(f"invoice {info.number}: {info.disputed_amount:,.2f} {info.currency} of {info.open_amount:,.2f} open "
          f"disputed; {info.open_amount - info.disputed_amount:,.2f} still claimed")
    return 0


@command("resolve", "record that the dispute on an invoice is settled (the invoice is claimed in full again)")
def _resolve_args(p):
    p.add_argument("invoice", metavar="INVOICE_NUMBER")
    p.add_argument("--date", type=as_of_arg, default=None, metavar="YYYY-MM-DD", help="default today")
    p.add_argument("--note", default="", metavar="TEXT")


@_resolve_args
def _resolve(args) -> int:
    from ar_desktop.services.disputes import resolve_dispute

    with_books(args, lambda b: resolve_dispute(b, args.invoice, args.note, args.date))
    print(f"invoice {args.invoice.strip()}: dispute resolved")
    return 0
