"""Support (+1): one per person (account or browser), a cap per client address per report and
day, a rate limit per address, CSRF required; the count shows on the page and the feed."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from lapor.public import actions
from lapor.public.models import Support, SupportTally


def support(client, report, ip="10.0.0.1"):
    return client.post(
        reverse("public:support", kwargs={"tracking_id": report.tracking_id}), REMOTE_ADDR=ip
    )


def tally(report):
    row = SupportTally.objects.filter(report=report).first()
    return row.count if row else 0


def test_it_counts_one_support_per_browser(client, published):
    report = published()
    assert support(client, report).status_code == 302
    assert support(client, report).status_code == 302
    assert tally(report) == 1
    assert Support.objects.filter(report=report).count() == 1
    page = client.get(reverse("public:report", kwargs={"tracking_id": report.tracking_id}))
    html = page.content.decode()
    assert "1" in html and ("mendukung laporan ini" in html.lower() or "support" in html.lower())
    assert 'action="/laporan/' + report.tracking_id + '/dukung/"' not in html


def test_it_counts_one_support_per_account_across_browsers(cast, published):
    report = published()
    for _ in range(2):
        browser = Client()
        browser.force_login(cast.reporter2)
        support(browser, report, ip="10.0.0.2")
    assert tally(report) == 1
    assert Support.objects.get(report=report).user == cast.reporter2


def test_it_caps_supports_from_one_address_per_report_and_day(published):
    report = published()
    for _ in range(actions.MAX_PER_IP_PER_REPORT_PER_DAY):
        assert support(Client(), report, ip="10.0.0.3").status_code == 302
    # Cookies cleared again: refused, politely.
    response = support(Client(), report, ip="10.0.0.3")
    assert response.status_code == 429
    assert tally(report) == actions.MAX_PER_IP_PER_REPORT_PER_DAY
    # Another address is not affected.
    assert support(Client(), report, ip="10.0.0.4").status_code == 302


def test_it_rate_limits_an_address_across_reports(published, monkeypatch):
    monkeypatch.setattr(actions, "MAX_PER_IP_PER_HOUR", 3)
    reports = [published(f"Laporan {i}") for i in range(4)]
    codes = [support(Client(), r, ip="10.0.0.5").status_code for r in reports]
    assert codes == [302, 302, 302, 429]


def test_it_stores_no_address_in_clear(published):
    report = published()
    support(Client(), report, ip="203.0.113.77")
    row = Support.objects.get(report=report)
    assert "203.0.113.77" not in row.ip_hash and len(row.ip_hash) == 64


def test_it_requires_csrf(published):
    report = published()
    strict = Client(enforce_csrf_checks=True)
    assert support(strict, report).status_code == 403
    assert tally(report) == 0


def test_it_refuses_support_for_non_public_reports(client, published):
    report = published(privacy="confidential")
    assert support(client, report).status_code == 404
    assert client.get(
        reverse("public:support", kwargs={"tracking_id": report.tracking_id})
    ).status_code in (404, 405)


@pytest.mark.parametrize("sort", ["support"])
def test_it_orders_the_feed_by_support(client, published, sort):
    quiet = published("Laporan sepi")
    popular = published("Laporan populer")
    middling = published("Laporan sedang")
    for ip in ("10.1.0.1", "10.1.0.2", "10.1.0.3"):
        support(Client(), popular, ip=ip)
    support(Client(), middling, ip="10.1.0.4")
    html = client.get(reverse("public:feed"), {"sort": sort}).content.decode()
    assert html.find("Laporan populer") < html.find("Laporan sedang")
    assert "Laporan sepi" not in html
    del quiet
