"""The two file formats of an export, both streamed as they are produced.

Both carry citizens' free text into spreadsheet programs, where text that starts with "=" is
a formula (formula injection: ``=HYPERLINK(...)`` in a report title would run on the officer's
computer). Every cell goes through lapor.core.cells, the one defence shared by every CSV and
XLSX writer: XLSX cells are typed as text (a formula-like one also marked "quote prefix"), CSV
cells get the conventional leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from lapor.core.cells import csv_row
from lapor.exports.columns import HEADERS
from lapor.exports.xlsx import sheet_chunks

# Excel reads a CSV as UTF-8 only when it starts with a byte order mark; without it Indonesian
# text with any non-ASCII character (names, “quotes”, é) turns into mojibake.
BOM = "\ufeff"
# Send CSV in pieces of about this many characters: one row per write is too chatty.
CSV_FLUSH_AT = 64 * 1024
SHEET_TITLE = "Laporan"
COLUMN_WIDTHS = {"A": 14, "B": 20, "C": 24, "G": 40, "H": 60, "I": 60, "N": 40, "O": 26}


def csv_chunks(rows: Iterable[list[str]]) -> Iterator[bytes]:
    """The CSV file (BOM, header, rows) as UTF-8 byte chunks, produced while rows arrive."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write(BOM)
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow(csv_row(row))
        if buffer.tell() >= CSV_FLUSH_AT:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def xlsx_chunks(rows: Iterable[list[str]]) -> Iterator[bytes]:
    """The XLSX workbook (one sheet, "Laporan": bold frozen header, then the rows, every cell
    text) as byte chunks, produced while rows arrive like the CSV file (lapor.exports.xlsx)."""
    return sheet_chunks(HEADERS, rows, title=SHEET_TITLE, widths=COLUMN_WIDTHS)
