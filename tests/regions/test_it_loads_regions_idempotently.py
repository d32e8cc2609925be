"""The region loader on a tiny data directory: upsert on the code, never duplicate, never delete."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from lapor.regions.loader import check_rows, load_regions, region_rows
from lapor.regions.models import Region

pytestmark = pytest.mark.django_db


def write(data_dir: Path, villages: str = "34.04.07.2001,34.04.07,Caturtunggal\n") -> Path:
    data_dir.mkdir(exist_ok=True)
    files = {
        "provinces": "code,name\n34,Daerah Istimewa Yogyakarta\n",
        "regencies": "code,province_code,name\n34.04,34,Kabupaten Sleman\n",
        "districts": "code,regency_code,name\n34.04.07,34.04,Depok\n",
        "villages": "code,district_code,name\n" + villages,
    }
    for stem, text in files.items():
        (data_dir / f"{stem}.csv.gz").write_bytes(gzip.compress(text.encode()))
    return data_dir


def test_it_upserts_on_the_code_and_restores_edited_names(tmp_path):
    data_dir = write(tmp_path / "data")
    first = load_regions(data_dir)
    assert (first.created, first.updated, first.unchanged) == (4, 0, 0)
    village = Region.objects.get(code="34.04.07.2001")
    assert (village.parent_id, village.level, village.name) == ("34.04.07", 4, "Caturtunggal")

    Region.objects.filter(code="34.04").update(name="Sleman (diubah)")
    second = load_regions(data_dir)
    assert (second.created, second.updated, second.unchanged) == (0, 1, 3)
    assert Region.objects.get(code="34.04").name == "Kabupaten Sleman"
    assert Region.objects.count() == 4


def test_it_keeps_regions_that_disappear_upstream(tmp_path):
    load_regions(write(tmp_path / "data"))
    load_regions(write(tmp_path / "data", villages=""))
    assert Region.objects.filter(code="34.04.07.2001").exists()


def test_it_rejects_a_village_without_its_district(tmp_path):
    data_dir = write(tmp_path / "data", villages="34.04.08.2001,34.04.08,Kalitirto\n")
    with pytest.raises(ValueError, match="34.04.08.2001"):
        check_rows(region_rows(data_dir))
