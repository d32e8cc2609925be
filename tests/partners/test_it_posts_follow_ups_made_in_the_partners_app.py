"""A follow-up made in the partner's own app goes through the ordinary follow-up action, by the
partner's service user (a liaison officer of its agency): it reaches the report's timeline and
the reporter, and only for reports that are with the partner's agency or its units."""

import pytest

from lapor.agencies.capabilities import Capability, user_can
from lapor.notifications.models import Notification
from lapor.reports.models import ReportEvent, Status
from tests.api.conftest import error_of
from tests.partners.conftest import dispose, pushed

pytestmark = pytest.mark.django_db

MESSAGE = "Tim PJU Sleman sudah mengganti lampu pada 21 November pukul 14.00."


def test_a_partner_follow_up_reaches_the_timeline_and_the_reporter(partner, cast, directory):
    report = dispose(pushed(partner), cast, directory)
    response = partner.post(
        "reports/LAKSA-2026-0001/follow-ups", {"message": MESSAGE, "follow_up_id": "FU-1"}
    )
    assert response.status_code == 201, response.content
    assert response.json()["kind"] == "follow_up" and response.json()["created"] is True
    report.refresh_from_db()
    assert report.status == Status.FOLLOWED_UP
    event = report.events.get(kind=ReportEvent.Kind.FOLLOW_UP)
    assert event.message == MESSAGE and event.is_public
    assert event.actor_id == partner.integration.service_user_id
    assert event.agency_id == directory.sleman_pupr.pk
    # The reporter hears of it like of any follow-up (address read when sending, not stored).
    (notice,) = Notification.objects.filter(
        event=event, recipient_kind=Notification.RecipientKind.REPORTER
    )
    assert MESSAGE in notice.body
    # The partner's own read shows it on the public timeline.
    timeline = partner.get("reports/LAKSA-2026-0001").json()["timeline"]
    assert timeline[-1]["kind"] == "follow_up" and timeline[-1]["message"] == MESSAGE


def test_resending_a_follow_up_with_its_id_posts_it_once(partner, cast, directory):
    report = dispose(pushed(partner), cast, directory)
    data = {"message": MESSAGE, "follow_up_id": "FU-7"}
    first = partner.post("reports/LAKSA-2026-0001/follow-ups", data)
    again = partner.post("reports/LAKSA-2026-0001/follow-ups", data)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["created"] is False
    assert report.events.filter(kind=ReportEvent.Kind.FOLLOW_UP).count() == 1
    other = partner.post(
        "reports/LAKSA-2026-0001/follow-ups", {"message": "Lain", "follow_up_id": "FU-7"}
    )
    assert other.status_code == 409 and error_of(other)["code"] == "conflict"


def test_a_report_not_with_the_partners_agency_is_refused(partner, cast, directory):
    # Dispositioned to Semarang's agency (a national admin may): not Sleman's business.
    report = pushed(partner)
    dispose(report, cast, directory, agency=directory.semarang_pupr, actor=cast.national_admin)
    assert not user_can(
        partner.integration.service_user, Capability.FOLLOW_UP, directory.semarang_pupr
    )
    response = partner.post("reports/LAKSA-2026-0001/follow-ups", {"message": MESSAGE})
    assert response.status_code == 409, response.content
    assert error_of(response)["code"] == "conflict"
    assert not report.events.filter(kind=ReportEvent.Kind.FOLLOW_UP).exists()


def test_a_report_not_yet_dispositioned_is_refused(partner):
    report = pushed(partner)
    response = partner.post("reports/LAKSA-2026-0001/follow-ups", {"message": MESSAGE})
    assert response.status_code == 409
    assert error_of(response)["code"] == "conflict"
    assert not report.events.filter(kind=ReportEvent.Kind.FOLLOW_UP).exists()


def test_unknown_reports_and_empty_messages_get_clear_answers(partner, cast, directory):
    dispose(pushed(partner), cast, directory)
    unknown = partner.post("reports/NOPE-9/follow-ups", {"message": MESSAGE})
    assert unknown.status_code == 404 and error_of(unknown)["code"] == "not_found"
    empty = partner.post("reports/LAKSA-2026-0001/follow-ups", {"message": "   "})
    assert empty.status_code == 422 and "message" in error_of(empty)["fields"]
    missing = partner.post("reports/LAKSA-2026-0001/follow-ups", {})
    assert missing.status_code == 422 and "message" in error_of(missing)["fields"]


def test_another_partners_report_does_not_exist_for_it(partner, cast, directory):
    from tests.partners.conftest import make_partner

    dispose(pushed(partner), cast, directory)
    other = make_partner(directory.sleman_gov, name="Sambat Online Malang")
    response = other.post("reports/LAKSA-2026-0001/follow-ups", {"message": MESSAGE})
    assert response.status_code == 404
