"""Internal events (edits of the published text, privacy, notes) and the reporter's own moves
write no message: only what the reporter needs to know or do."""

import pytest

from lapor.notifications.models import Notification
from lapor.reports import case_actions as ca
from lapor.reports.models import ReportEvent
from tests.notifications.conftest import disposed

pytestmark = pytest.mark.django_db


def test_internal_events_create_no_notification(cast, directory):
    report = disposed(cast, directory)
    before = Notification.objects.count()
    ca.report_edit_publication(
        report=report,
        actor=cast.agency_admin,
        title="Jalan berlubang (disunting)",
        body="Teks yang sudah disunting admin.",
        privacy="confidential",
    )
    kinds = set(
        ReportEvent.objects.filter(report=report, is_public=False).values_list("kind", flat=True)
    )
    assert kinds == {"text_edited", "privacy_raised"}
    assert Notification.objects.count() == before


def test_the_reporters_own_reply_creates_no_notification_for_them(cast, directory):
    report = disposed(cast, directory)
    ca.report_follow_up(
        report=report,
        message="Apakah lubangnya di sisi utara?",
        actor=cast.officer_a,
        question=True,
    )
    before = Notification.objects.filter(recipient_kind="reporter").count()
    ca.report_reporter_reply(report=report, message="Ya, sisi utara.", actor=None)
    assert Notification.objects.filter(recipient_kind="reporter").count() == before
