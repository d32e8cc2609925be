"""The maps, in the real browser, with tiles from a loopback tile server (tests/e2e/tiles.py):

- the report form's map picker fills the latitude and longitude by keyboard alone (arrow keys
  move the map, Enter sets the point at its centre) and the report keeps that point;
- the public map and the list beside it show the same reports (with and without JavaScript),
  an anonymous report's point is coarsened and confidential reports are absent;
- axe-core finds no WCAG 2.1 A/AA violation on the form with the picker and on the public map,
  in Indonesian and English.
"""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from lapor.reports.location import snap
from lapor.reports.models import Report
from tests.axe import AxeAudit
from tests.e2e.helpers import fill_report_js, submit_report
from tests.e2e.tiles import map_tiles  # noqa: F401 (fixture)
from tests.public.conftest import file_report, publish

LAT, LON = Decimal("-7.776812"), Decimal("110.390347")
NOTES_SHOTS = Path("/work/notes/map-shots")
COORD = re.compile(r"^-?\d{1,3}\.\d{6}$")


def _keep(path: Path, name: str) -> None:
    """Copy a screenshot where the closing note points (only on a machine that has the folder)."""
    if NOTES_SHOTS.parent.is_dir():
        NOTES_SHOTS.mkdir(exist_ok=True)
        shutil.copy(path, NOTES_SHOTS / name)


def test_it_fills_the_coordinates_from_the_map_by_keyboard(page, map_tiles, shot):  # noqa: F811
    page.goto("/lapor/")
    fill_report_js(page)
    # The coordinates sit in a closed disclosure: open it with the keyboard.
    page.locator("#location summary").focus()
    page.keyboard.press("Enter")
    picker = page.locator("#map-picker")
    expect(picker).to_be_visible()
    the_map = page.locator("#map-picker-map")
    expect(the_map).to_have_attribute("role", "application")
    expect(page.locator("#map-picker-map .leaflet-tile-loaded").first).to_be_visible()
    assert map_tiles.requests > 0

    # Tab reaches the map from the longitude field; zoom in, pan, Enter sets the point.
    page.locator("[name=longitude]").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "map-picker-map"
    for key in ["+", "+", "+", "ArrowRight", "ArrowRight", "ArrowDown"]:
        page.keyboard.press(key)
        page.wait_for_timeout(300)
    page.keyboard.press("Enter")
    lat, lon = page.locator("[name=latitude]"), page.locator("[name=longitude]")
    expect(lat).to_have_value(COORD)
    first = (float(lat.input_value()), float(lon.input_value()))
    assert -11.5 <= first[0] <= 6.5 and 94 <= first[1] <= 142
    expect(page.locator("#map-picker-status")).to_contain_text(lat.input_value())
    expect(page.locator("#map-picker-map .leaflet-marker-icon")).to_have_count(1)

    # Further east: the longitude grows, the latitude stays.
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(300)
    page.keyboard.press("Enter")
    expect(lon).not_to_have_value(str(first[1]))
    second = (float(lat.input_value()), float(lon.input_value()))
    assert second[1] > first[1] and abs(second[0] - first[0]) < 1e-6
    _keep(shot(page, "map-picker-keyboard"), "map-picker-keyboard.png")

    tracking_id, _pin = submit_report(page)
    report = Report.objects.get(tracking_id=tracking_id)
    assert (float(report.latitude), float(report.longitude)) == second


def test_it_works_without_a_map(new_context, map_tiles):  # noqa: F811
    """Without JavaScript the picker stays hidden and the typed fields are the way."""
    page = new_context(javascript=False).new_page()
    page.goto("/lapor/")
    expect(page.locator("#map-picker")).to_be_hidden()
    page.locator("#location summary").click()
    expect(page.locator("[name=latitude]")).to_be_visible()


@pytest.fixture
def on_the_map(cast, directory):  # type: ignore[no-untyped-def]
    def make(title, **kw):  # type: ignore[no-untyped-def]
        return publish(file_report(title, **kw), cast, directory.sleman_pupr)

    public = make("Jalan berlubang di Jalan Affandi", latitude=LAT, longitude=LON)
    anonymous = make(
        "Lampu jalan mati di gang kos",
        privacy="anonymous",
        latitude=LAT + Decimal("0.004"),
        longitude=LON + Decimal("0.003"),
    )
    confidential = make(
        "Pungutan liar di kantor kelurahan",
        privacy="confidential",
        latitude=LAT - Decimal("0.003"),
        longitude=LON,
    )
    make("Pelayanan KTP lambat sekali")  # no point: in the feed, not on the map
    return public, anonymous, confidential


def _ids(page, css):  # type: ignore[no-untyped-def]
    return set(page.locator(css).evaluate_all("els => els.map(e => e.dataset.id)"))


def test_it_shows_the_same_reports_on_the_map_and_in_the_list(
    new_context,
    map_tiles,  # noqa: F811
    on_the_map,
    shot,
):
    public, anonymous, confidential = on_the_map
    expected = {public.tracking_id, anonymous.tracking_id}

    # A 360 px phone.
    page = new_context(viewport={"width": 360, "height": 740}, is_mobile=True).new_page()
    page.goto("/laporan/peta/")
    expect(page.locator("#public-map[data-loaded]")).to_be_attached()
    expect(page.locator("#public-map .leaflet-tile-loaded").first).to_be_visible()
    markers = _ids(page, "#public-map .leaflet-marker-icon[data-id]")
    listed = _ids(page, "#map-list li[data-id]")
    assert markers == listed == expected
    expect(page.locator("#map-list")).not_to_contain_text("Pungutan liar")
    expect(page.locator("#map-list-status")).to_contain_text("2")
    page.wait_for_timeout(300)
    _keep(shot(page, "public-map-360px"), "public-map-360px.png")

    # The picker on the same phone.
    page.goto("/lapor/")
    page.locator("#location summary").click()
    expect(page.locator("#map-picker-map .leaflet-tile-loaded").first).to_be_visible()
    page.locator("#map-picker-map").focus()
    page.keyboard.press("Enter")
    expect(page.locator("[name=latitude]")).to_have_value(COORD)
    page.locator("#location").scroll_into_view_if_needed()
    _keep(shot(page, "map-picker-360px"), "map-picker-360px.png")

    # The anonymous marker stands on its cell's centre, never the point given.
    data = page.request.get("/laporan/peta/titik.json").json()
    anon = next(p for p in data["points"] if p["id"] == anonymous.tracking_id)
    assert (anon["lat"], anon["lon"]) == (
        float(snap(anonymous.latitude)),
        float(snap(anonymous.longitude)),
    )
    assert confidential.tracking_id not in {p["id"] for p in data["points"]}

    # Zoomed in on the public report's street, both show only what is in view.
    page.goto(f"/laporan/peta/?district={public.district_code}&province=34&regency=34.04")
    expect(page.locator("#public-map[data-loaded]")).to_be_attached()
    assert _ids(page, "#public-map .leaflet-marker-icon[data-id]") == _ids(
        page, "#map-list li[data-id]"
    )

    # Without JavaScript, the list is the page: the same reports.
    plain = new_context(javascript=False).new_page()
    plain.goto("/laporan/peta/")
    expect(plain.locator("#public-map")).to_be_hidden()
    assert _ids(plain, "#map-list li[data-id]") == expected


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["id", "en"])
def test_it_map_pages_have_no_axe_violations(prefix, page, map_tiles, on_the_map, shot):  # noqa: F811
    audit = AxeAudit(shot=shot)

    def check(name):  # type: ignore[no-untyped-def]
        audit.check(page, name)

    page.goto(f"{prefix}/lapor/")
    page.locator("#location summary").click()
    expect(page.locator("#map-picker-map .leaflet-tile-loaded").first).to_be_visible()
    page.locator("#map-picker-map").focus()
    page.keyboard.press("Enter")
    expect(page.locator("[name=latitude]")).to_have_value(COORD)
    check("report-form-map-picker")
    page.goto(f"{prefix}/laporan/peta/")
    expect(page.locator("#public-map[data-loaded]")).to_be_attached()
    check("public-map")
    page.goto(f"{prefix}/laporan/peta/?province=34&status=open")
    expect(page.locator("#public-map[data-loaded]")).to_be_attached()
    check("public-map-filtered")

    audit.assert_clean()
