"""The delivery log: readable by the admins of the partner's agency (and national admins) in the
console, and by the partner itself through the API. Another agency's admin, an officer, a
citizen: 404 on every page; a stranger: the login page."""

import pytest
from django.test import Client

from lapor.agencies.models import Membership
from lapor.partners.models import WebhookDelivery
from tests.api.conftest import error_of
from tests.partners.conftest import dispose, make_partner, pushed, run_worker

pytestmark = pytest.mark.django_db(transaction=True)

LIST = "/konsol/mitra/"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def logged(cast, directory, partner, simulator):
    simulator.fail_next = 1
    report = pushed(partner)
    dispose(report, cast, directory)
    run_worker()
    (row,) = WebhookDelivery.objects.all()
    return row


def test_the_agency_admin_and_national_admins_read_the_log(cast, partner, logged):
    for user in (cast.agency_admin, cast.national_admin):
        client = _client(user)
        page = client.get(LIST)
        assert page.status_code == 200 and partner.app.name in page.content.decode()
        log = client.get(f"{LIST}{partner.integration.pk}/")
        assert log.status_code == 200
        html = log.content.decode()
        assert "report.disposed" in html and "500" in html
        detail = client.get(f"{LIST}{partner.integration.pk}/kiriman/{logged.pk}/")
        assert detail.status_code == 200
        assert str(logged.event_uuid) in detail.content.decode()
        assert "HTTP 500" in detail.content.decode()
        # The signing secret is never shown again.
        assert partner.secret not in html + detail.content.decode()


def test_another_agencys_admin_and_other_users_get_404(cast, directory, partner, logged):
    from lapor.accounts.models import User

    semarang_admin = User.objects.create_user(
        email="admin.semarang@example.id", password="x", full_name="Admin Semarang"
    )
    Membership.objects.create(
        user=semarang_admin, agency=directory.semarang_gov, role=Membership.Role.AGENCY_ADMIN
    )
    # Semarang's own partner app is listed for Semarang's admin, Sleman's is not.
    theirs = make_partner(directory.semarang_gov, name="Semarang Lapor Hendi")
    client = _client(semarang_admin)
    listing = client.get(LIST).content.decode()
    assert theirs.app.name in listing and partner.app.name not in listing
    base = f"{LIST}{partner.integration.pk}/"
    urls = [base, f"{base}kiriman/{logged.pk}/"]
    for user in (semarang_admin, cast.officer_a, cast.reporter):
        c = _client(user)
        for url in urls:
            assert c.get(url).status_code == 404, (user, url)
        assert c.post(f"{base}kiriman/{logged.pk}/kirim-ulang/").status_code == 404
    # An officer or a citizen has no partner page at all.
    assert _client(cast.officer_a).get(LIST).status_code == 404
    assert _client(cast.reporter).get(LIST).status_code == 404
    # A delivery of another partner through this partner's page: 404 too.
    own = _client(cast.agency_admin)
    assert own.get(f"{LIST}{theirs.integration.pk}/").status_code == 404
    stranger = Client().get(LIST)
    assert stranger.status_code == 302 and "/akun/" in stranger["Location"]


def test_the_admin_sends_a_failed_delivery_again(cast, partner, simulator, logged):
    WebhookDelivery.objects.filter(pk=logged.pk).update(status="failed", next_attempt_at=None)
    client = _client(cast.agency_admin)
    url = f"{LIST}{partner.integration.pk}/kiriman/{logged.pk}/kirim-ulang/"
    response = client.post(url)
    assert response.status_code == 302
    run_worker()
    logged.refresh_from_db()
    assert logged.status == "delivered"
    assert simulator.accepted_ids() == [str(logged.event_uuid)]
    # A delivered one cannot be "sent again": a clear message, nothing queued.
    page = client.post(f"/en{url}", follow=True).content.decode()
    assert "Only a failed delivery can be sent again." in page
    assert logged.log.count() == 2  # the 500, then the success; nothing more


def test_the_partner_reads_its_own_deliveries_through_the_api(cast, directory, partner, logged):
    other = make_partner(directory.sleman_gov, name="Sambat Online Malang")
    mine = partner.get("deliveries")
    assert mine.status_code == 200
    body = mine.json()
    assert body["count"] == 1
    (item,) = body["results"]
    assert item["event_id"] == str(logged.event_uuid)
    assert item["event_type"] == "report.disposed"
    assert item["external_id"] == "LAKSA-2026-0001"
    assert item["last_status_code"] == 500 and item["status"] == "pending"
    assert partner.get("deliveries", status="delivered").json()["count"] == 0
    assert other.get("deliveries").json()["count"] == 0
    bad = partner.get("deliveries", status="lost")
    assert bad.status_code == 422 and "status" in error_of(bad)["fields"]
