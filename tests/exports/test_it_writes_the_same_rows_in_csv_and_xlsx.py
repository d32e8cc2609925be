"""The XLSX file opens (openpyxl) and holds exactly the rows of the CSV file; neither lets a
citizen's text become a spreadsheet formula."""

import pytest

from lapor.reports import case_actions as ca
from tests.exports.conftest import csv_rows, disposed, download, file_report, xlsx_rows

pytestmark = pytest.mark.django_db


def test_it_writes_the_same_rows_in_both_formats(cast, directory):
    disposed(cast, directory)
    disposed(cast, directory, privacy="anonymous", title="Sampah menumpuk — “segera”")
    disposed(cast, directory, privacy="confidential", body="Baris satu\nbaris dua, dengan koma")
    postponed = file_report("Lampu mati")
    ca.report_postpone(report=postponed, message="Lokasinya di mana?", actor=cast.agency_admin)
    from_csv = csv_rows(download(cast.agency_admin, "csv"))
    response = download(cast.agency_admin, "xlsx")
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert "lapor-ekspor-" in response["Content-Disposition"]
    assert ".xlsx" in response["Content-Disposition"]
    from_xlsx = xlsx_rows(response)
    assert len(from_csv) == 5
    assert from_xlsx == from_csv


def test_it_keeps_formulas_as_text(cast, directory):
    disposed(cast, directory, title='=HYPERLINK("http://evil.example","klik")')
    (_header, row) = csv_rows(download(cast.officer_a, "csv"))
    assert row[6] == '\'=HYPERLINK("http://evil.example","klik")'
    (_header, row) = xlsx_rows(download(cast.officer_a, "xlsx"))
    assert row[6] == '=HYPERLINK("http://evil.example","klik")'  # a text cell, not a formula
