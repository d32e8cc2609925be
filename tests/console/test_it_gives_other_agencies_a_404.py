"""An officer of another agency learns nothing about Sleman's cases: 404 on every page and
action, and nothing changes."""

import pytest

from tests.console.conftest import case_url, every_post, login, snapshot

pytestmark = pytest.mark.django_db


def test_every_case_page_and_action_is_a_404_for_another_agency(cast, directory, disposed):
    client = login(cast.officer_b)
    before = snapshot(disposed)
    assert client.get(case_url(disposed)).status_code == 404
    assert client.get(case_url(disposed, lang="en")).status_code == 404
    assert client.get(case_url(disposed) + "lampiran/1/").status_code == 404
    for action, data in every_post(directory).items():
        response = client.post(case_url(disposed, action), data)
        assert response.status_code == 404, action
    assert snapshot(disposed) == before


def test_a_report_awaiting_verification_is_a_404_too(cast, directory, awaiting):
    client = login(cast.officer_b)
    before = snapshot(awaiting)
    assert client.get(case_url(awaiting)).status_code == 404
    for action, data in every_post(directory).items():
        assert client.post(case_url(awaiting, action), data).status_code == 404, action
    assert snapshot(awaiting) == before


def test_the_queues_of_another_agency_do_not_list_the_case(cast, disposed):
    client = login(cast.officer_b)
    for slug in ("tindak-lanjut", "menunggu-pelapor", "terlambat", "semua"):
        page = client.get(f"/konsol/antrean/{slug}/")
        assert page.status_code == 200
        assert disposed.tracking_id not in page.content.decode()
    assert client.get("/konsol/antrean/verifikasi/").status_code == 404
