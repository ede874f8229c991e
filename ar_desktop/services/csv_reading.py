"""Reading a CSV file a person made, with a plain message for everything that can be wrong with it."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ar_desktop.domain.errors import UserError

MAX_IMPORT_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class RowProblem:
    line: int  # 1-based line in the file, the header being line 1
    column: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


class ImportRefused(UserError):
    """Nothing was stored; ``problems`` lists every bad row."""

    def __init__(self, filename: str, problems: list[RowProblem]):
        self.problems = problems
        shown = "; ".join(str(p) for p in problems[:50])
        more = f"; and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{filename}: {len(problems)} problem(s), nothing was imported: {shown}{more}")


@dataclass(frozen=True)
class CsvTable:
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (line number, values by column)
    # Rows left out because their cell count is wrong: the importer reports them together with
    # the problems it finds in the other rows, so one message names every bad line.
    problems: tuple[RowProblem, ...] = ()


def decode(data: bytes, filename: str) -> str:
    if b"\x00" in data[:4096] or data[:5] == b"%PDF-" or data[:2] == b"PK":
        raise UserError(f"{filename} is not a CSV text file (it looks like a binary document such as a PDF, "
                        "an Excel workbook or an image). Save it as CSV (UTF-8) and try again.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise UserError(f"{filename} is not UTF-8 text (byte {e.start + 1} cannot be read). In your spreadsheet "
                        "choose 'Save as CSV UTF-8' and import that file.") from None


def read_csv(path: str | Path, *, required: set[str], optional: set[str]) -> CsvTable:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise UserError(f"{path.name} is {size // 2**20} MB; files over {MAX_IMPORT_BYTES // 2**20} MB are "
                            "refused. Split it into smaller files.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"There is no file {path}. Check the name and folder.") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a folder, not a CSV file.") from None
    except PermissionError:
        raise UserError(f"You may not read {path}. Check the file's permissions.") from None
    return parse_csv_text(decode(data, path.name), path.name, required=required, optional=optional)


def parse_csv_text(text: str, filename: str, *, required: set[str], optional: set[str]) -> CsvTable:
    if not text.strip():
        raise UserError(f"{filename} is empty. It needs a header row ({', '.join(sorted(required))}) and data rows.")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records, starts, prev = [], [], 0
    try:
        for rec in reader:
            records.append(rec)
            starts.append(prev + 1)  # quoted cells may span lines: a record starts after the previous one
            prev = reader.line_num
    except csv.Error as e:
        raise UserError(f"{filename}, line {reader.line_num}: the CSV is malformed ({e}). Check the quotes on "
                        "that line.") from None
    header = [h.strip().lower() for h in records[0]]
    if len(header) == 1 and ";" in records[0][0]:
        raise UserError(f"{filename} uses semicolons (;) between columns. Save it with commas (,) as separator, "
                        "or import it through the import wizard, which accepts semicolons.")
    problems = []
    unknown = [h for h in header if h not in required | optional]
    if unknown:
        problems.append(RowProblem(1, "", f"unknown column(s) {', '.join(unknown)}; allowed are "
                                          f"{', '.join(sorted(required | optional))}"))
    missing = sorted(required - set(header))
    if missing:
        problems.append(RowProblem(1, "", f"required column(s) missing: {', '.join(missing)}"))
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        problems.append(RowProblem(1, "", f"column(s) appear twice: {', '.join(dupes)}"))
    if problems:
        raise ImportRefused(filename, problems)
    rows = []
    for line, rec in zip(starts[1:], records[1:], strict=True):
        if not any(cell.strip() for cell in rec):
            continue
        if len(rec) != len(header):
            problems.append(RowProblem(line, "", f"has {len(rec)} cells but the header has {len(header)}"))
            continue
        rows.append((line, {h: v.strip() for h, v in zip(header, rec, strict=True)}))
    if not rows and problems:
        raise ImportRefused(filename, problems)
    if not rows:
        raise UserError(f"{filename} has a header but no data rows; there is nothing to import.")
    return CsvTable(header, rows, tuple(problems))
