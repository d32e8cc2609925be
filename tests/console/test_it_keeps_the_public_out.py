"""The public is sent to the login page; a logged-in reporter without a staff role gets 404."""

import pytest
from django.test import Client

from tests.console.conftest import case_url, every_post, login, snapshot

pytestmark = pytest.mark.django_db


def _urls(report) -> list[str]:
    return [
        "/konsol/",
        "/konsol/antrean/verifikasi/",
        "/konsol/antrean/semua/",
        "/konsol/kalender/",
        case_url(report),
        case_url(report) + "lampiran/1/",
    ]


def test_visitors_are_sent_to_the_login_page(cast, directory, awaiting):
    visitor = Client()
    for url in _urls(awaiting):
        response = visitor.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/akun/masuk/?next=")
    for action, data in every_post(directory).items():
        response = visitor.post(case_url(awaiting, action), data)
        assert response.status_code == 302 and "/akun/masuk/" in response["Location"]
    assert visitor.post("/konsol/kalender/", {"date": "2026-12-01"}).status_code == 302


def test_a_reporter_gets_404_everywhere_even_on_their_own_report(cast, directory):
    from tests.console.conftest import file_report

    own = file_report(reporter=cast.reporter)
    client = login(cast.reporter)
    before = snapshot(own)
    for url in _urls(own):
        assert client.get(url).status_code == 404, url
    for action, data in every_post(directory).items():
        assert client.post(case_url(own, action), data).status_code == 404, action
    assert client.post("/konsol/kalender/1/hapus/").status_code == 404
    assert snapshot(own) == before
