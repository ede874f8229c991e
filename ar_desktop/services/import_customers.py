"""Importing customers: new ones, or (mode "update") the mapped fields of existing ones."""

from __future__ import annotations

from typing import Any

from ar_desktop.domain.errors import ValidationError
from ar_desktop.domain.records import parse_customer
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.importing import Batch, ImportOptions, ImportReport, problems_of, raw_text
from ar_desktop.services.report_formats import cell_text
from ar_desktop.storage import company_repo, import_repo
from ar_desktop.storage.bulk_repo import BulkWriter
from ar_desktop.storage.convert import customer_columns, customer_data


class CustomerRows:
    def __init__(self, s, books, options: ImportOptions, report: ImportReport, preview_rows: int, writer: BulkWriter):
        self.s, self.options, self.report, self.preview_rows, self.writer = s, options, report, preview_rows, writer
        self.currency = company_repo.get(s).currency
        self.existing = import_repo.customers_by_code(s)
        self.seen: dict[str, int] = {}

    def add(self, batch: Batch) -> None:
        report, options = self.report, self.options
        new_rows = []
        for n, values in batch.rows:
            code = raw_text(values.get("code", ""))
            if code in self.seen:
                report.error(n, batch.column("code"), code,
                             Text(translate("Messages", "customer {code} is also on row {row}"), code=code,
                                  row=self.seen[code]))
                continue
            self.seen[code] = n
            current = self.existing.get(code)
            if current is not None and options.mode != "update":
                if options.mode == "skip":
                    report.skip(n, code)
                else:
                    report.error(n, batch.column("code"), code,
                                 Text(translate("Messages", "customer {code} already exists; choose 'skip' or "
                                                            "'update' to import the rest"), code=code))
                continue
            base: dict[str, Any] = {}
            row = None
            if current is not None:
                row = import_repo.customer(self.s, current[0])
                base = {k: ("" if v is None else v) for k, v in customer_data(row).__dict__.items()}
            raw = {**base, **{k: v for k, v in values.items()}}
            try:
                data = parse_customer(raw, self.currency, numbers=options.numbers)
            except ValidationError as e:
                problems_of(report, n, batch, values, e.problems)
                continue
            columns = customer_columns(data)
            if row is not None:
                if data.currency != row.currency and import_repo.invoices_of_customer(self.s, row.id):
                    report.error(n, batch.column("currency"), values.get("currency", ""),
                                 Text(translate("Messages", "customer {code} has invoices in {currency}; its currency "
                                                            "cannot change"), code=code, currency=row.currency))
                    continue
                for k, v in columns.items():
                    if getattr(row, k) != v:
                        setattr(row, k, v)
                report.updated += 1
            else:
                new_rows.append(columns)
                report.new += 1
            if len(report.preview) < self.preview_rows:
                report.preview.append({"row": str(n), "status": "update" if row is not None else "new",
                                       **{k: cell_text(v) for k, v in columns.items()}})
        self.writer.customers(new_rows)

    def finish(self) -> None:
        self.s.flush()
