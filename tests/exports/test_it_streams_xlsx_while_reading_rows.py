"""The XLSX file streams like the CSV file: its first bytes go out while the rows are still
being read, and a large file never waits for its last row (issue 12)."""

import io
import logging
import zipfile

import pytest
from django.test import Client

from lapor.exports import xlsx
from lapor.exports.formats import xlsx_chunks
from tests.exports.conftest import DOWNLOAD, body_of, csv_rows, disposed, download, xlsx_rows

pytestmark = pytest.mark.django_db


def test_the_download_starts_before_the_last_row_is_read(cast, directory, monkeypatch, caplog):
    for i in range(3):
        disposed(cast, directory, title=f"Lampu jalan mati {i}")
    monkeypatch.setattr(xlsx, "FLUSH_AT", 1)  # send as soon as there is anything
    caplog.set_level(logging.INFO, logger="lapor.exports")
    response = download(cast.officer_a, "xlsx")
    assert response.streaming
    chunks = iter(response.streaming_content)  # type: ignore[attr-defined]
    first = next(chunks)
    assert first.startswith(b"PK\x03\x04")
    # The export is logged when its rows end: not yet.
    assert not [r for r in caplog.records if "export by user" in r.getMessage()]
    raw = first + b"".join(chunks)
    (logged,) = [r.getMessage() for r in caplog.records if "export by user" in r.getMessage()]
    assert "3 rows, format xlsx, complete True" in logged
    assert xlsx_rows(raw) == csv_rows(body_of(download(cast.officer_a, "csv")))


def test_the_xlsx_file_is_not_gzipped_again_but_the_csv_file_is(cast, directory):
    disposed(cast, directory)
    client = Client()
    client.force_login(cast.officer_a)
    for fmt, encoding in (("xlsx", None), ("csv", "gzip")):
        response = client.get(DOWNLOAD, {"format": fmt}, HTTP_ACCEPT_ENCODING="gzip")
        assert response.get("Content-Encoding") == encoding, fmt
        body_of(response)


def _rows(count: int, seen: list[int]):  # type: ignore[no-untyped-def]
    for i in range(count):
        seen[0] = i + 1
        yield [str(i), "2026-11-28 09:00:00", "Ratna", "Pengaduan", "12", "Jalan"] + [
            f"Laporan nomor {i}: jalan berlubang di depan SD {i * 7919 % 1000}"
        ] * 15


def test_a_large_file_sends_bytes_long_before_its_last_row():
    seen = [0]
    chunks = xlsx_chunks(_rows(20_000, seen))
    next(chunks)
    assert 0 < seen[0] < 10_000  # tens of kilobytes of ZIP, not the whole sheet
    rest = list(chunks)
    assert seen[0] == 20_000 and len(rest) > 5


def test_the_whole_stream_is_one_valid_workbook():
    seen = [0]
    raw = b"".join(xlsx_chunks(_rows(3_000, seen)))
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        assert archive.testzip() is None
        # Each entry's sizes follow its data (bit 3): what lets the file start before the end.
        assert all(info.flag_bits & 0x08 for info in archive.infolist())
        # Plain ZIP, no Zip64 records (Excel refuses them where they are not needed).
        assert all(info.extract_version <= 20 for info in archive.infolist())
    rows = xlsx_rows(raw)
    assert len(rows) == 3_001 and rows[2999][0] == "2998" and len(rows[-1]) == 21
