"""A supervisor (Inspektorat) reads the cases in its scope and can change nothing."""

import pytest

from tests.console.conftest import case_url, every_post, login, snapshot

pytestmark = pytest.mark.django_db


def test_a_supervisor_reads_the_case_without_any_form(cast, supervisor, disposed):
    client = login(supervisor)
    page = client.get(case_url(disposed, lang="en"))
    assert page.status_code == 200
    html = page.content.decode()
    assert disposed.title_published in html
    assert 'class="case-action"' not in html
    assert "/konsol/laporan/" + disposed.tracking_id + "/tindak-lanjut/" not in html
    assert "nothing for you to do" in html


def test_every_action_of_a_supervisor_is_refused_and_nothing_changes(
    cast, directory, supervisor, disposed, awaiting
):
    client = login(supervisor)
    for report in (disposed, awaiting):
        before = snapshot(report)
        for action, data in every_post(directory).items():
            assert client.post(case_url(report, action), data).status_code == 404, action
        assert snapshot(report) == before


def test_a_supervisor_has_the_read_only_queues_and_no_calendar(cast, supervisor, disposed):
    client = login(supervisor)
    listing = client.get("/konsol/antrean/semua/")
    assert listing.status_code == 200 and disposed.tracking_id in listing.content.decode()
    assert client.get("/konsol/antrean/verifikasi/").status_code == 404
    assert client.get("/konsol/antrean/tindak-lanjut/").status_code == 404
    assert client.get("/konsol/kalender/").status_code == 404
    assert client.post("/konsol/kalender/", {"date": "2026-12-01", "name": "x"}).status_code == 404
