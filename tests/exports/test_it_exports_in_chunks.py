"""Large exports are read in chunks; rows stay complete and in order across chunk edges."""

import pytest
import time_machine

from lapor.exports import selectors
from tests.cases.conftest import at
from tests.exports.conftest import (
    NAME,
    as_dicts,
    csv_rows,
    disposed,
    download,
    semarang_disposed,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("chunk", [1, 2, 5])
def test_it_keeps_every_row_across_chunks(cast, directory, monkeypatch, chunk):
    monkeypatch.setattr(selectors, "CHUNK_SIZE", chunk)
    expected = []
    for day in range(1, 6):
        with time_machine.travel(at(2026, 11, day), tick=False):
            if day % 2:
                report = disposed(cast, directory, privacy="anonymous", title=f"Hari {day}")
            else:
                report = semarang_disposed(cast, directory, title=f"Hari {day}")
        expected.append(report.tracking_id)
    rows = as_dicts(csv_rows(download(cast.national_admin)))
    assert [r["Tracking ID"] for r in rows] == expected
    assert [r["Kota/Kabupaten"] for r in rows] == [
        "Kabupaten Sleman",
        "Kota Semarang",
        "Kabupaten Sleman",
        "Kota Semarang",
        "Kabupaten Sleman",
    ]
    assert [r["Nama Pelapor"] for r in rows] == ["", NAME, "", NAME, ""]
    assert rows[1]["Kelurahan"] == "Miroto"
    assert {r["Instansi Induk"] for r in rows} == {
        "Pemerintah Kabupaten Sleman",
        "Pemerintah Kota Semarang",
    }
