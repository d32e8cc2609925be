"""The 07:00 digest lists what is new in a staff member's queues and what is overdue in their
scope — nothing outside it, nothing when there is nothing, nothing for who switched it off."""

import pytest
import time_machine
from django.utils import translation
from django.utils.translation import ngettext

from lapor.notifications import actions
from lapor.notifications.digest import send_digests
from lapor.notifications.models import Notification
from lapor.reports import case_actions as ca
from tests.cases.conftest import at
from tests.notifications.conftest import disposed, file_report

pytestmark = pytest.mark.django_db


def _digest(user):
    return Notification.objects.filter(user=user, dedupe_key__startswith="digest:").first()


def test_it_lists_new_and_overdue_work_in_scope(cast, directory):
    with time_machine.travel(at(2026, 10, 1), tick=False):
        late = disposed(cast, directory, title="Lampu jalan mati sejak September")
    with time_machine.travel(at(2026, 11, 2, 14), tick=False):
        fresh = disposed(cast, directory, title="Gorong-gorong tersumbat di Maguwoharjo")
        waiting = file_report(title="Trotoar rusak di depan pasar")
    actions.staff_preference_set(user=cast.agency_admin, digest="none", immediate=False)

    with time_machine.travel(at(2026, 11, 3, 7), tick=False):
        assert send_digests() == 2  # officer A and the national admin
        assert send_digests() == 0  # a second run the same day writes nothing

    officer = _digest(cast.officer_a)
    assert officer.recipient_kind == "staff" and officer.address == cast.officer_a.email
    assert officer.language == "id" and "[Lapor]" in officer.subject
    body = officer.body
    with translation.override("id"):
        new_heading = ngettext(
            "%(count)d new or answered case for your agency:",
            "%(count)d new or answered cases for your agency:",
            1,
        ) % {"count": 1}
        overdue_heading = ngettext(
            "%(count)d overdue case in your scope:", "%(count)d overdue cases in your scope:", 1
        ) % {"count": 1}
    assert (
        body.index(new_heading)
        < body.index(f"#{fresh.tracking_id} Gorong-gorong tersumbat di Maguwoharjo")
        < body.index(overdue_heading)
        < body.index(f"#{late.tracking_id} Lampu jalan mati sejak September")
    )
    assert "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sleman" in officer.body
    # Waiting for verification is the admins' queue, not the liaison officer's.
    assert waiting.tracking_id not in officer.body

    national = _digest(cast.national_admin)
    for report in (late, fresh, waiting):
        assert report.tracking_id in national.body

    assert _digest(cast.agency_admin) is None  # switched off
    assert _digest(cast.officer_b) is None  # nothing in Semarang's scope


def test_it_writes_nothing_when_there_is_nothing(cast, directory):
    report = disposed(cast, directory)
    ca.report_follow_up(report=report, message="Sudah ditambal.", actor=cast.officer_a)
    with time_machine.travel(at(2030, 1, 7, 7), tick=False):
        ca.report_close_by_reporter(report=report, rating=5, actor=None)
        send_digests()
    assert not Notification.objects.filter(dedupe_key__startswith="digest:").exists()
