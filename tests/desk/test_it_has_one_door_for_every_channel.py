"""No wrong door: a report filed at a desk has the same tracking number as any other and can
be followed through the other channels — the web's tracking page with its PIN (see
test_it_files_on_behalf_of_a_person.py), and SMS commands from the number recorded for the
person; any other number learns nothing."""

from __future__ import annotations

from django.utils import translation

from lapor.notifications.models import Notification
from lapor.reports.models import Report, Status
from lapor.sms.actions import sms_receive
from tests.desk.conftest import DESK_URL, desk_post, login


def last_sms() -> str:
    row = (
        Notification.objects.filter(channel=Notification.ChannelName.SMS)
        .order_by("-pk")
        .values_list("body", flat=True)
        .first()
    )
    assert row is not None, "no SMS answer was queued"
    return row


def test_the_person_checks_a_desk_report_by_sms_from_their_number(cast):
    login(cast.officer_a).post(DESK_URL, desk_post(channel="phone", consent="spoken_phone"))
    report = Report.objects.get()
    with translation.override("id"):
        status = str(Status(report.status).label)

    sms_receive(sender="0856-4321-0987", receiver="1708", text=f"CEK {report.tracking_id}")
    answer = last_sms()
    assert answer.startswith(f"LAPOR #{report.tracking_id}: ")
    assert status in answer

    # Another number gets the neutral "not found", without the report's status.
    sms_receive(sender="+6281111111111", receiver="1708", text=f"CEK {report.tracking_id}")
    other = last_sms()
    assert other != answer and status not in other
