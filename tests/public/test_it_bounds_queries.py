"""The feed, search results and a report page issue the same bounded number of queries for 5
reports as for 50 (no query per row)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from lapor.reports import case_actions

FEED_MAX = 8
PAGE_MAX = 10


def _many(published, cast, n):
    reports = [published(f"Jalan berlubang nomor {i}") for i in range(n)]
    for r in reports[:3]:
        Client().post(reverse("public:support", kwargs={"tracking_id": r.tracking_id}))
    return reports


@pytest.mark.parametrize("n", [5, 50])
def test_it_bounds_the_feed(client, cast, published, n, django_assert_max_num_queries):
    _many(published, cast, n)
    for params in ({}, {"q": "jalan berlubang"}, {"sort": "support"}, {"province": "34"}):
        with django_assert_max_num_queries(FEED_MAX):
            assert client.get(reverse("public:feed"), params).status_code == 200


@pytest.mark.parametrize("n", [5, 50])
def test_it_bounds_the_report_page(client, cast, published, n, django_assert_max_num_queries):
    reports = _many(published, cast, 3)
    report = reports[0]
    for i in range(n):
        case_actions.report_follow_up(
            report=report, message=f"Tindak lanjut {i}", actor=cast.officer_a
        )
    url = reverse("public:report", kwargs={"tracking_id": report.tracking_id})
    with django_assert_max_num_queries(PAGE_MAX):
        assert client.get(url).status_code == 200
