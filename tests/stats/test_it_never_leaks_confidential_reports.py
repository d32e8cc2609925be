"""Confidential reports are counted, and nothing else of them reaches a statistics page."""

from __future__ import annotations

import pytest
from django.test import Client

from lapor.stats.views import CHART_SLUGS
from tests.stats.conftest import SECRET_BODY, SECRET_TITLE

pytestmark = pytest.mark.django_db


def test_it_counts_confidential_reports_without_their_content(refreshed, directory):
    secret = refreshed.secret
    needles = [SECRET_TITLE, "Joko", "3404071234567890", "joko@example.id", secret.tracking_id]
    client = Client()
    urls = [
        "/en/statistik/",
        "/statistik/?region=33",
        "/statistik/?region=33.74",
        "/statistik/?region=33.74.01",
        "/statistik/instansi/",
        *[f"/statistik/{slug}.csv?region=33.74.01" for slug in CHART_SLUGS],
        *[f"/statistik/instansi/{a.pk}/" for a in (directory.semarang_pupr, directory.sleman_pupr)],
    ]
    for url in urls:
        body = client.get(url).content.decode()
        for needle in needles:
            assert needle not in body, (url, needle)
    assert SECRET_BODY  # the body is in no table at all: facts hold no text
    html = client.get("/en/statistik/?region=33.74.01").content.decode()
    assert "1 report is confidential" in html
