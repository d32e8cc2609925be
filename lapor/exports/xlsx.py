"""A streamed XLSX file of one sheet of text cells, written as XML straight into the ZIP.

What the staff export needs and nothing more: a bold header row, frozen; column widths; every
cell a string (``t="inlineStr"``: never a number, a date or a formula), a formula-like string
also marked "quote prefix" (lapor.core.cells). The sheet's XML is produced row by row into a
ZIP entry written with a data descriptor (the sizes and checksum follow the data), so the
first bytes go out before the last row is read and memory stays flat, like the CSV file.

Why not a library: openpyxl's write-only mode builds a cell object (or an lxml element) per
value and cannot send a byte before the workbook is saved; XlsxWriter's ``constant_memory``
mode is a little faster but also assembles the ZIP only when the workbook is closed. Measured
on the same rows (docs/performance.md, "Exports"): this writer uses about a fifth of
openpyxl's CPU per row and a quarter of XlsxWriter's.

The ZIP is plain (no Zip64: Excel refuses Zip64 records where they are not needed), so the
sheet's XML must stay under 2 GiB (zipfile raises past it); Excel itself stops at 1,048,576
rows.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from xml.sax.saxutils import quoteattr

from openpyxl.utils import column_index_from_string, get_column_letter

from lapor.core.cells import FORMULA_START, formula_like

# Excel's limit for the text of one cell; longer text is cut.
CELL_LIMIT = 32_767
# Send the file in pieces of about this many bytes (compressed).
FLUSH_AT = 64 * 1024
# zlib's level: 5 makes the file as small as the default 6 does (within 2 %) for about 15 %
# less CPU; 1 is 1.3× faster again but the file a quarter larger (docs/performance.md).
COMPRESSLEVEL = 5
# Characters XML 1.0 does not allow (control characters other than tab, line feed and carriage
# return; U+FFFE, U+FFFF; lone surrogates): possible in SMS text, removed.
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# One search tells whether a value needs any of the slower steps below.
_SPECIAL = re.compile("[\x00-\x08\x0b-\x1f&<>_\ufffe\uffff\ud800-\udfff]")
# Excel reads "_x0041_" in a cell's text as the character U+0041; such text is kept literal by
# escaping its underscore, as Excel itself does (ECMA-376 §22.9.2.19, ST_Xstring).
_EXCEL_ESCAPE = re.compile("(_x[0-9A-Fa-f]{4}_)")
_SPACE = (" ", "\t", "\n", "\r")

# Cell formats (styles.xml cellXfs): 0 plain, 1 quote prefix, 2 bold, 3 bold + quote prefix.
_QUOTE, _BOLD = 1, 2
_STYLE_ATTR = ("", ' s="1"', ' s="2"', ' s="3"')

_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_OFFICE = "application/vnd.openxmlformats-officedocument"
_CONTENT_TYPES = (
    f'{_XML}<Types xmlns="{_PKG}/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_OFFICE}.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml"'
    f' ContentType="{_OFFICE}.spreadsheetml.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_OFFICE}.spreadsheetml.styles+xml"/>'
    f'<Override PartName="/docProps/app.xml" ContentType="{_OFFICE}.extended-properties+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    f'{_XML}<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_DOC_REL}/officeDocument" Target="xl/workbook.xml"/>'
    f'<Relationship Id="rId2" Type="{_DOC_REL}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
_APP = (
    f'{_XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><Application>Lapor</Application></Properties>'
)
_WORKBOOK = (
    f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_DOC_REL}">'
    '<bookViews><workbookView activeTab="0"/></bookViews>'
    '<sheets><sheet name={title} sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    f'{_XML}<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_DOC_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_DOC_REL}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
_FONT = (
    '<sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/>'
)
_XF = '<xf numFmtId="0" fontId="{font}" fillId="0" borderId="0" xfId="0"{extra}/>'
_STYLES = (
    f'{_XML}<styleSheet xmlns="{_MAIN}">'
    f'<fonts count="2"><font>{_FONT}</font><font><b/>{_FONT}</font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4">'
    + _XF.format(font=0, extra="")
    + _XF.format(font=0, extra=' quotePrefix="1"')
    + _XF.format(font=1, extra=' applyFont="1"')
    + _XF.format(font=1, extra=' applyFont="1" quotePrefix="1"')
    + "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
_SHEET_START = (
    f'{_XML}<worksheet xmlns="{_MAIN}">'
    "<sheetViews>{view}</sheetViews>"
    '<sheetFormatPr defaultRowHeight="15"/>{cols}<sheetData>'
)
_FROZEN_VIEW = (
    '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft"'
    ' state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>'
)
_SHEET_END = "</sheetData></worksheet>"


def text(value: str) -> str:
    """``value`` as it can stand in a cell: characters XML cannot hold removed, cut to
    Excel's limit."""
    return ILLEGAL.sub("", value)[:CELL_LIMIT]


def _cell(ref: str, value: str, style: int) -> str:
    """One text cell. ``ref`` is its address ("G12"); ``style`` _BOLD or 0."""
    special = len(value) > CELL_LIMIT or _SPECIAL.search(value) is not None
    if special:
        value = text(value)
    if value.startswith(FORMULA_START) and formula_like(value):
        style |= _QUOTE
    space = ' xml:space="preserve"' if value.startswith(_SPACE) or value.endswith(_SPACE) else ""
    if special:
        if "_x" in value:
            value = _EXCEL_ESCAPE.sub(r"_x005F\1", value)
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        # A bare carriage return would be read back as a line feed.
        value = value.replace("\r", "&#13;")
    return f'<c r="{ref}"{_STYLE_ATTR[style]} t="inlineStr"><is><t{space}>{value}</t></is></c>'


class _Pipe:
    """The ZIP's output: collects what zipfile writes until it is sent. Not seekable, so
    zipfile writes each entry's sizes after its data (a data descriptor)."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.size = 0

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self.parts)
        self.parts.clear()
        self.size = 0
        return data


def sheet_chunks(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    title: str,
    widths: Mapping[str, float] | None = None,
    compresslevel: int = COMPRESSLEVEL,
) -> Iterator[bytes]:
    """The XLSX file, as byte chunks produced while ``rows`` are read: one sheet named
    ``title``, ``header`` bold and frozen, then every row, each value a text cell.

    ``widths`` maps column letters to widths in characters. Values must be ``str`` ("" is an
    empty cell).
    """
    pipe = _Pipe()
    archive = zipfile.ZipFile(
        pipe, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=compresslevel
    )
    for name, data in (
        ("[Content_Types].xml", _CONTENT_TYPES),
        ("_rels/.rels", _ROOT_RELS),
        ("docProps/app.xml", _APP),
        ("xl/workbook.xml", _WORKBOOK.format(title=quoteattr(title[:31]))),
        ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
        ("xl/styles.xml", _STYLES),
    ):
        archive.writestr(name, data)
    cols = ""
    if widths:
        cols = "<cols>" + "".join(
            f'<col min="{n}" max="{n}" width="{w}" customWidth="1"/>'
            for n, w in sorted((column_index_from_string(c), w) for c, w in widths.items())
        ) + "</cols>"  # fmt: skip
    letters = [get_column_letter(i + 1) for i in range(max(len(header), 1))]
    with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
        sheet.write(_SHEET_START.format(view=_FROZEN_VIEW, cols=cols).encode())
        head = "".join(_cell(f"{c}1", v, _BOLD) for c, v in zip(letters, header, strict=False))
        sheet.write(f'<row r="1">{head}</row>'.encode())
        buffer: list[str] = []
        buffered = 0
        number = 1
        for row in rows:
            number += 1
            n = str(number)
            if len(row) > len(letters):
                letters += [get_column_letter(i + 1) for i in range(len(letters), len(row))]
            # An empty value is an empty cell, written all the same: readers that do not
            # know the sheet's size (openpyxl's read-only mode) pad rows only up to it.
            cells = [
                _cell(c + n, v, 0) if v else f'<c r="{c}{n}"/>'
                for c, v in zip(letters, row, strict=False)
            ]
            line = f'<row r="{n}">{"".join(cells)}</row>'
            buffer.append(line)
            buffered += len(line)
            if buffered >= FLUSH_AT:
                sheet.write("".join(buffer).encode())
                buffer.clear()
                buffered = 0
                if pipe.size >= FLUSH_AT:
                    yield pipe.take()
        sheet.write(("".join(buffer) + _SHEET_END).encode())
    archive.close()
    yield pipe.take()
