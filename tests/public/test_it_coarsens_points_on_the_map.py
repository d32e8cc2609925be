"""The public map's points (/laporan/peta/titik.json) and its list: only public reports, an
anonymous report's point coarsened to its grid cell's centre (also when matching the box), no
confidential or whistleblowing report ever, and a bounded answer."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from lapor.public import map as public_map
from lapor.reports.location import snap
from lapor.reports.models import Kind, Report
from tests.public.conftest import file_report

# A point in Caturtunggal, Sleman, chosen off the grid cells' centres.
LAT, LON = Decimal("-7.776812"), Decimal("110.390347")
URL = "/laporan/peta/titik.json"


@pytest.fixture
def reports(published, directory):  # type: ignore[no-untyped-def]
    public = published("Jalan berlubang di Jalan Affandi", latitude=LAT, longitude=LON)
    anonymous = published(
        "Lampu jalan mati di gang kos",
        privacy="anonymous",
        latitude=LAT + Decimal("0.01"),
        longitude=LON + Decimal("0.01"),
    )
    confidential = published(
        "Pungutan liar di kantor kelurahan",
        privacy="confidential",
        latitude=LAT + Decimal("0.02"),
        longitude=LON,
    )
    whistle = published(
        "Saluran air tersumbat sampah", latitude=LAT, longitude=LON + Decimal("0.02")
    )
    # Reports of wrongdoing are never public, whatever the row says.
    Report.objects.filter(pk=whistle.pk).update(kind=Kind.WHISTLEBLOWING)
    unverified = file_report("Trotoar rusak belum diverifikasi", latitude=LAT, longitude=LON)
    no_point = published("Pelayanan KTP lambat sekali")
    return {
        "public": public,
        "anonymous": anonymous,
        "confidential": confidential,
        "whistle": whistle,
        "unverified": unverified,
        "no_point": no_point,
    }


def points(client, **params):  # type: ignore[no-untyped-def]
    response = client.get(URL, params)
    assert response.status_code == 200
    return {p["id"]: p for p in response.json()["points"]}


def test_it_shows_public_and_coarsened_anonymous_points_only(client, reports):
    found = points(client)
    assert set(found) == {reports["public"].tracking_id, reports["anonymous"].tracking_id}
    public = found[reports["public"].tracking_id]
    assert (public["lat"], public["lon"], public["coarse"]) == (float(LAT), float(LON), False)
    anon = found[reports["anonymous"].tracking_id]
    assert anon["coarse"] is True
    true_lat, true_lon = LAT + Decimal("0.01"), LON + Decimal("0.01")
    assert (anon["lat"], anon["lon"]) == (float(snap(true_lat)), float(snap(true_lon)))
    assert (anon["lat"], anon["lon"]) != (float(true_lat), float(true_lon))
    body = client.get(URL).content.decode()
    assert str(true_lat) not in body and str(true_lon) not in body
    assert "Pungutan liar" not in body and "Saluran air" not in body


def test_it_matches_the_box_against_the_published_point(client, reports):
    """A box around the anonymous report's true point that leaves out its cell's centre finds
    nothing; a box around the centre that leaves out the true point finds it. So no box
    reveals more than the published centre."""
    anon = reports["anonymous"]
    true_lat, true_lon = anon.latitude, anon.longitude
    centre_lat, centre_lon = snap(true_lat), snap(true_lon)
    assert true_lat != centre_lat
    tiny = Decimal("0.00002")
    around_true = [true_lon - tiny, true_lat - tiny, true_lon + tiny, true_lat + tiny]
    around_centre = [centre_lon - tiny, centre_lat - tiny, centre_lon + tiny, centre_lat + tiny]
    assert not (around_centre[1] <= true_lat <= around_centre[3])
    bbox = ",".join(str(v) for v in around_true)
    assert anon.tracking_id not in points(client, bbox=bbox)
    bbox = ",".join(str(v) for v in around_centre)
    assert set(points(client, bbox=bbox)) == {anon.tracking_id}
    # The public report's exact point is matched exactly.
    public = reports["public"]
    box = [LON - tiny, LAT - tiny, LON + tiny, LAT + tiny]
    assert set(points(client, bbox=",".join(map(str, box)))) == {public.tracking_id}


def test_it_bounds_the_answer(client, reports, published):
    for i in range(3):
        published(f"Sampah menumpuk di pasar nomor {i}", latitude=LAT, longitude=LON)
    data = client.get(URL, {"limit": "2"}).json()
    assert len(data["points"]) == 2 and data["truncated"] is True and data["limit"] == 2
    assert client.get(URL, {"limit": "999999"}).json()["limit"] == public_map.MAX_LIMIT
    # Garbage boxes fall back to the whole country rather than failing.
    for bad in ("a,b,c,d", "1,2,3", "200,-90,300,90", "nan,1,2,3", "110,-7,109,-8"):
        data = client.get(URL, {"bbox": bad}).json()
        assert data["bbox"] == public_map.COUNTRY.as_list()


def test_it_lists_the_same_reports_as_the_map(client, reports):
    """The page's list (what works without JavaScript) holds exactly the map's points."""
    html = client.get("/laporan/peta/").content.decode()
    listed = set(re.findall(r'<li data-id="(\d+)">', html))
    assert listed == set(points(client))
    assert "Pungutan liar" not in html and "Saluran air" not in html
    # Filters apply to both alike.
    params = {"status": "closed"}
    html = client.get("/laporan/peta/", params).content.decode()
    assert set(re.findall(r'<li data-id="(\d+)">', html)) == set(points(client, **params)) == set()
