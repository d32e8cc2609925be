"""Issue 10.13: a new report's published title is still the reporter's own words; the staff
digest (and the immediate staff message) put it into an e-mail, which leaves the system. They
now carry the masked title (``Report.title_masked``): no NIK, phone number or e-mail address."""

import pytest
import time_machine

from lapor.notifications import actions
from lapor.notifications.compose import staff_message
from lapor.notifications.digest import send_digests
from lapor.notifications.models import Notification
from lapor.notifications.outbox import staff_to_tell
from lapor.reports.models import ReportEvent
from tests.cases.conftest import at
from tests.notifications.conftest import file_report

pytestmark = pytest.mark.django_db

NIK = "3404071205880003"
PHONE = "0812-3456-7890"
EMAIL = "budi.harsono@mail.id"
TITLE = f"Jalan rusak, NIK saya {NIK}, telepon {PHONE}, surel {EMAIL}"


def _leaks(text: str) -> bool:
    flat = text.replace("-", "").replace(" ", "")
    return NIK in flat or PHONE.replace("-", "") in flat or EMAIL in text


def test_the_verifiers_digest_shows_the_masked_title(cast, directory):
    with time_machine.travel(at(2026, 11, 2, 14), tick=False):
        report = file_report(title=TITLE)
    with time_machine.travel(at(2026, 11, 3, 7), tick=False):
        assert send_digests() >= 1
    digest = Notification.objects.get(user=cast.agency_admin, dedupe_key__startswith="digest:")
    assert f"#{report.tracking_id}" in digest.body
    assert report.title_masked.split(",")[0] in digest.body  # "Jalan rusak"
    assert not _leaks(digest.subject + digest.body)


def test_an_immediate_staff_message_shows_the_masked_title(cast, directory):
    actions.staff_preference_set(user=cast.agency_admin, digest="daily", immediate=True)
    report = file_report(title=TITLE)
    event = ReportEvent.objects.get(report=report, kind="submitted")
    assert [u for u, _why in staff_to_tell(event)] == [cast.agency_admin]
    message = staff_message(event, "verify", "id")
    assert report.tracking_id in message.body
    assert not _leaks(message.subject + message.body)
