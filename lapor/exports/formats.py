"""The two file formats of an export: CSV streamed as it is produced, XLSX via a temporary file.

Both carry citizens' free text into spreadsheet programs, where text that starts with "=" is
a formula (formula injection: ``=HYPERLINK(...)`` in a report title would run on the officer's
computer). Every cell goes through lapor.core.cells, the one defence shared by every CSV and
XLSX writer: XLSX cells are typed as text, CSV cells get the conventional leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from lapor.core.cells import csv_row, formula_like, xlsx_text_cell
from lapor.exports.columns import HEADERS

# Excel reads a CSV as UTF-8 only when it starts with a byte order mark; without it Indonesian
# text with any non-ASCII character (names, “quotes”, é) turns into mojibake.
BOM = "\ufeff"
# Send CSV in pieces of about this many characters: one row per write is too chatty.
CSV_FLUSH_AT = 64 * 1024
# Excel's limit for the text of one cell; longer text is cut (reports are at most 10,000).
XLSX_CELL_LIMIT = 32_767
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


def _text(sheet: WriteOnlyWorksheet, value: str, font: Font | None = None) -> WriteOnlyCell | str:
    # Control characters (possible in SMS text) are not allowed in XLSX: openpyxl would raise.
    cleaned = ILLEGAL_CHARACTERS_RE.sub("", value)[:XLSX_CELL_LIMIT]
    if font is None and not formula_like(cleaned):
        # openpyxl writes a plain str as a text cell (only "=…" would be a formula, and that
        # is formula-like): the same cell as xlsx_text_cell makes, without building a cell
        # object per value (most of the XLSX export's time).
        return cleaned
    # Always text: a title like "=1+1" must not become a formula, nor "0812..." a number.
    return xlsx_text_cell(sheet, cleaned, font)


def xlsx_file(rows: Iterable[list[str]]) -> IO[bytes]:
    """The XLSX workbook in a temporary file, positioned at its start.

    openpyxl's write-only mode keeps memory flat however many rows there are; a ZIP file
    cannot be sent before it is finished, so the file is completed on disk, then streamed.
    The caller closes the file (``FileResponse`` does).
    """
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)
    sheet.freeze_panes = "A2"
    for column, width in COLUMN_WIDTHS.items():
        sheet.column_dimensions[column].width = width
    bold = Font(bold=True)
    sheet.append([_text(sheet, header, bold) for header in HEADERS])
    for row in rows:
        sheet.append([_text(sheet, value) for value in row])
    output = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - returned open, on purpose
    workbook.save(output)
    output.seek(0)
    return output
