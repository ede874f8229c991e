"""Payments: every money entry of a period, and reversing one."""

from __future__ import annotations

from ar_desktop.cli.base import as_of_arg, command, csv_text, with_books, write

PAYMENT_HEADER = ["payment_id", "date", "customer_code", "amount", "applied", "unapplied", "kind", "method",
                  "reference", "reversed_by"]


def payment_cells(r) -> list[str]:
    return [str(r.id), r.date.isoformat(), r.customer_code, format(r.amount, "f"), format(r.applied, "f"),
            format(r.unapplied, "f"), r.kind, r.method, r.reference, str(r.reversed_by or "")]


@command("payments", "every payment, credit, write-off, credit note and reversal of a period, oldest first")
def _payments_args(p):
    p.add_argument("--customer", metavar="CODE", help="only this customer's entries")
    p.add_argument("--from", dest="date_from", type=as_of_arg, metavar="YYYY-MM-DD", help="first day")
    p.add_argument("--to", dest="date_to", type=as_of_arg, metavar="YYYY-MM-DD", help="last day")
    p.add_argument("--format", choices=["table", "csv"], default="table")


@_payments_args
def _payments(args) -> int:
    from ar_desktop.services.payments import payments_between
    from ar_desktop.services.report_formats import table

    rows = with_books(args, lambda b: payments_between(b, args.customer, args.date_from, args.date_to))
    cells = [payment_cells(r) for r in rows]
    if args.format == "csv":
        write(csv_text(PAYMENT_HEADER, cells))
    elif not cells:
        write("No payments in that period.\n")
    else:
        write(table(PAYMENT_HEADER, cells, {0, 3, 4, 5, 9}))
    return 0


@command("reverse-payment", "reverse a payment (a new entry dated --date; earlier reports stay as they were)")
def _reverse_args(p):
    p.add_argument("payment_id", type=int, metavar="PAYMENT_ID", help="the entry's number (see: payments)")
    p.add_argument("--date", type=as_of_arg, required=True, metavar="YYYY-MM-DD", help="the day of the reversal")
    p.add_argument("--reason", required=True, help="why, e.g. 'cheque bounced' (kept on record)")


@_reverse_args
def _reverse(args) -> int:
    from ar_desktop.services.payments import reverse_payment

    rid = with_books(args, lambda b: reverse_payment(b, args.payment_id, args.date, args.reason))
    print(f"reversed payment {args.payment_id} on {args.date.isoformat()}: reversing entry {rid}")
    return 0
