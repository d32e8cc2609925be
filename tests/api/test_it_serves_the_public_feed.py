"""The public feed: published, scrubbed text only; the feed's filters; the one pagination."""

from __future__ import annotations

import pytest

from lapor.reports import case_actions as ca
from tests.api.conftest import error_of
from tests.cases.conftest import submit

NIK = "3404071234560001"


@pytest.fixture
def published(cast, directory):
    reports = []
    for i in range(5):
        r = submit(
            title=f"Jalan berlubang nomor {i}",
            body=f"Lubang besar. Hubungi saya, NIK {NIK}, telepon 0812-3456-7890.",
        )
        ca.report_dispose(report=r, agency=directory.sleman_pupr, actor=cast.national_admin)
        reports.append(r)
    hidden = submit(title="Belum diverifikasi", privacy="public")
    confidential = submit(title="Rahasia", privacy="confidential")
    ca.report_dispose(report=confidential, agency=directory.sleman_pupr, actor=cast.national_admin)
    return reports, hidden, confidential


def test_the_feed_is_paginated_and_shows_only_public_scrubbed_reports(api, published):
    reports, hidden, confidential = published
    r = api.get("/api/v1/public/reports?page_size=2")
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["count"] == 5 and len(body["results"]) == 2
    assert body["previous"] is None and "page=2" in body["next"]
    assert "page_size=2" in body["next"]
    page3 = api.get("/api/v1/public/reports?page_size=2&page=3").json()
    assert len(page3["results"]) == 1 and page3["next"] is None and "page=2" in page3["previous"]
    seen = {
        x["tracking_id"]
        for p in (1, 2, 3)
        for x in api.get(f"/api/v1/public/reports?page_size=2&page={p}").json()["results"]
    }
    assert seen == {x.tracking_id for x in reports}
    text = r.content.decode()
    assert NIK not in text and "0812-3456-7890" not in text
    beyond = api.get("/api/v1/public/reports?page=99").json()
    assert beyond["results"] == [] and beyond["count"] == 5


def test_bad_paging_and_filters_get_422(api, published):
    for query in ("page=0", "page_size=101", "page=x", "status=lost", "date_from=yesterday"):
        r = api.get(f"/api/v1/public/reports?{query}")
        assert r.status_code == 422, query
        assert error_of(r)["code"] == "validation_error"
        assert len(error_of(r)["fields"]) == 1


def test_filters_of_the_feed(api, published, directory):
    assert api.get("/api/v1/public/reports?regency=34.04").json()["count"] == 5
    assert api.get("/api/v1/public/reports?regency=33.74").json()["count"] == 0
    assert api.get("/api/v1/public/reports?status=closed").json()["count"] == 0
    agency = directory.sleman_pupr.pk
    assert api.get(f"/api/v1/public/reports?agency={agency}").json()["count"] == 5


def test_one_public_report_with_its_timeline_and_404_for_hidden_ones(api, published, cast):
    reports, hidden, confidential = published
    ca.report_follow_up(report=reports[0], message=f"Dikerjakan. NIK {NIK}", actor=cast.officer_a)
    r = api.get(f"/api/v1/public/reports/{reports[0].tracking_id}")
    assert r.status_code == 200
    body = r.json()
    assert NIK not in r.content.decode()
    assert any("Dikerjakan" in e["message"] for e in body["timeline"])
    for other in (hidden, confidential):
        r = api.get(f"/api/v1/public/reports/{other.tracking_id}")
        assert r.status_code == 404 and error_of(r)["code"] == "not_found"


def test_a_page_costs_the_same_number_of_queries_whatever_its_size(api, published):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for size in (1, 5):
        with CaptureQueriesContext(connection) as queries:
            r = api.get(f"/api/v1/public/reports?page_size={size}")
        assert len(r.json()["results"]) == size
        counts.append(len(queries))
    assert counts[0] == counts[1] and counts[0] <= 4, counts


def test_the_count_stops_at_the_cap_and_paging_goes_on(api, published, monkeypatch):
    """Issue 12: ``count`` is capped (at COUNT_CAP or the end of the page asked for) so it
    costs the same on any table; ``count_capped`` says so and ``next`` keeps paging."""
    from lapor.api import pagination

    monkeypatch.setattr(pagination, "COUNT_CAP", 2)
    first = api.get("/api/v1/public/reports?page_size=1").json()
    assert (first["count"], first["count_capped"]) == (2, True)
    assert "page=2" in first["next"]
    fourth = api.get("/api/v1/public/reports?page_size=1&page=4").json()
    assert (fourth["count"], fourth["count_capped"]) == (4, True)
    assert "page=5" in fourth["next"] and len(fourth["results"]) == 1
    last = api.get("/api/v1/public/reports?page_size=1&page=5").json()
    assert (last["count"], last["count_capped"]) == (5, False)
    assert last["next"] is None and len(last["results"]) == 1
    monkeypatch.setattr(pagination, "COUNT_CAP", 10)
    whole = api.get("/api/v1/public/reports").json()
    assert (whole["count"], whole["count_capped"]) == (5, False)
