"""A move the lifecycle forbids is refused with a clear message on the case page, and nothing
changes."""

import pytest

from lapor.reports import case_actions as ca
from lapor.reports.models import Status
from tests.console.conftest import case_url, every_post, login, snapshot

pytestmark = pytest.mark.django_db


def test_postponing_a_dispositioned_report_is_explained(cast, directory, disposed):
    client = login(cast.agency_admin)
    before = snapshot(disposed)
    response = client.post(case_url(disposed, "tunda", lang="en"), every_post(directory)["tunda"])
    assert response.status_code == 200
    html = response.content.decode()
    assert "cannot become" in html
    assert "Dispositioned to an agency" in html and "Postponed: waiting for the reporter" in html
    assert 'id="error-summary"' in html
    assert "Di titik mana tepatnya?" in html  # what was typed is still there
    assert snapshot(disposed) == before


def test_archiving_a_dispositioned_report_is_explained(cast, directory, disposed):
    client = login(cast.agency_admin)
    before = snapshot(disposed)
    response = client.post(
        case_url(disposed, "arsipkan", lang="en"), every_post(directory)["arsipkan"]
    )
    assert "cannot become" in response.content.decode()
    assert snapshot(disposed) == before


def test_transferring_after_a_follow_up_is_explained(cast, directory, disposed):
    ca.report_follow_up(report=disposed, message="Sedang dikerjakan.", actor=cast.officer_a)
    client = login(cast.officer_a)
    before = snapshot(disposed)
    response = client.post(
        case_url(disposed, "alihkan", lang="en"), every_post(directory)["alihkan"]
    )
    assert response.status_code == 200
    assert "cannot become" in response.content.decode()
    assert snapshot(disposed) == before
    assert disposed.__class__.objects.get(pk=disposed.pk).status == Status.FOLLOWED_UP


def test_a_follow_up_on_a_closed_case_is_explained(cast, directory, disposed):
    ca.report_follow_up(report=disposed, message="Sudah ditambal.", actor=cast.officer_a)
    ca.report_close_by_reporter(report=disposed, rating=4, actor=None)
    client = login(cast.officer_a)
    before = snapshot(disposed)
    response = client.post(
        case_url(disposed, "tindak-lanjut", lang="en"), every_post(directory)["tindak-lanjut"]
    )
    html = response.content.decode()
    assert "cannot become" in html and "Closed by the reporter" in html
    assert snapshot(disposed) == before
