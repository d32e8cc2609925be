"""Issue 10.13: "Retry now" sends a message again — a write. A supervisor (read-only) saw the
button and could press it; now the button is not offered and the POST is the scope's 404, the
row unchanged. Whoever holds RESEND_NOTIFICATION over the case (the unit's officer, the
national admin) still can."""

import pytest
from django.test import Client

from lapor.accounts.models import User
from lapor.agencies.models import Membership
from lapor.notifications.models import Notification
from tests.notifications.conftest import disposed

pytestmark = pytest.mark.django_db

LIST = "/konsol/notifikasi/"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_supervisor_cannot_resend(cast, directory):
    supervisor = User.objects.create_user(
        email="inspektorat@sleman.id", password=cast.password, full_name="Inspektorat"
    )
    Membership.objects.create(
        user=supervisor, agency=directory.sleman_gov, role=Membership.Role.SUPERVISOR
    )
    report = disposed(cast, directory)
    row = Notification.objects.filter(report=report, event__kind="disposed").get()
    Notification.objects.filter(pk=row.pk).update(
        status=Notification.Status.FAILED, last_error="554 rejected", next_attempt_at=None
    )
    client = _client(supervisor)
    listing = client.get(f"{LIST}?status=failed").content.decode()
    assert report.tracking_id in listing  # reading is the supervisor's job
    assert "kirim-ulang" not in listing
    detail = client.get(f"{LIST}{row.pk}/")
    assert detail.status_code == 200 and "kirim-ulang" not in detail.content.decode()

    # The attack: POST the retry anyway.
    assert client.post(f"{LIST}{row.pk}/kirim-ulang/").status_code == 404
    row.refresh_from_db()
    assert row.status == Notification.Status.FAILED and row.next_attempt_at is None

    # The unit's officer may.
    officer = _client(cast.officer_a)
    assert "kirim-ulang" in officer.get(f"{LIST}{row.pk}/").content.decode()
    assert officer.post(f"{LIST}{row.pk}/kirim-ulang/").status_code == 302
    row.refresh_from_db()
    assert row.status == Notification.Status.PENDING
