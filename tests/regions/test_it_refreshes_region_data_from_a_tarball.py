"""refresh_region_data, fed a small fake idn-area-data tarball built here (no npm, no network)."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from lapor.regions.management.commands.refresh_region_data import VERSION

# No table is touched; the mark only lets the shared autouse fixture clear the (database) cache.
pytestmark = pytest.mark.django_db

CSVS = {
    "provinces": "code,name\n34,Daerah Istimewa Yogyakarta\n",
    "regencies": "code,province_code,name\n34.04,34,Kabupaten Sleman\n34.71,34,Kota Yogyakarta\n",
    "districts": "code,regency_code,name\n34.04.07,34.04,Depok\n",
    "villages": "code,district_code,name\n34.04.07.2001,34.04.07,Caturtunggal\n"
    "34.04.07.2002,34.04.07,Maguwoharjo\n",
}
LICENSE = b"Open Database License (ODbL) v1.0\n"


def tarball(tmp_path: Path, *, version: str = VERSION, **overrides: str) -> Path:
    members = {
        "package/package.json": json.dumps({"name": "idn-area-data", "version": version}).encode(),
        "package/data/LICENSE.md": LICENSE,
        **{f"package/data/{stem}.csv": text.encode() for stem, text in CSVS.items()},
        **{f"package/data/{stem}.csv": text.encode() for stem, text in overrides.items()},
    }
    path = tmp_path / f"idn-area-data-{version}.tgz"
    with tarfile.open(path, "w:gz") as archive:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return path


def run(path: Path, data_dir: Path) -> str:
    out = io.StringIO()
    call_command("refresh_region_data", tarball=path, data_dir=data_dir, stdout=out)
    return out.getvalue()


def test_it_extracts_the_four_files_and_the_licence(tmp_path):
    data_dir = tmp_path / "data"
    output = run(tarball(tmp_path), data_dir)
    for stem, text in CSVS.items():
        assert gzip.decompress((data_dir / f"{stem}.csv.gz").read_bytes()).decode() == text
    assert (data_dir / "LICENSE-ODbL.md").read_bytes() == LICENSE
    assert "villages         2 rows" in output
    assert "Rewrote provinces.csv.gz" in output


def test_it_writes_the_same_bytes_and_leaves_unchanged_files_alone(tmp_path):
    data_dir = tmp_path / "data"
    path = tarball(tmp_path)
    run(path, data_dir)
    first = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    stamps = {p.name: p.stat().st_mtime_ns for p in data_dir.iterdir()}
    output = run(path, data_dir)
    assert "Unchanged" in output
    assert {p.name: p.read_bytes() for p in data_dir.iterdir()} == first
    assert {p.name: p.stat().st_mtime_ns for p in data_dir.iterdir()} == stamps


def test_it_refuses_another_version(tmp_path):
    data_dir = tmp_path / "data"
    with pytest.raises(CommandError, match="expected idn-area-data@"):
        run(tarball(tmp_path, version="3.1.2"), data_dir)
    assert not data_dir.exists()


def test_it_refuses_codes_that_do_not_nest_and_keeps_the_old_files(tmp_path):
    data_dir = tmp_path / "data"
    run(tarball(tmp_path), data_dir)
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    broken = CSVS["villages"] + "34.04.99.2001,34.04.99,Desa Tanpa Kecamatan\n"
    with pytest.raises(CommandError, match="refusing the new data"):
        run(tarball(tmp_path, villages=broken), data_dir)
    assert {p.name: p.read_bytes() for p in data_dir.iterdir()} == before


def test_it_refuses_a_changed_header(tmp_path):
    with pytest.raises(CommandError, match="expected header"):
        run(tarball(tmp_path, provinces="kode,nama\n34,DIY\n"), tmp_path / "data")
