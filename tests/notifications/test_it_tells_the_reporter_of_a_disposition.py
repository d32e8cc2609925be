"""A disposition gives the reporter exactly one e-mail, in the language they filed in —
however many internal events (edits, category, privacy) the same action records."""

import pytest
from django.utils import translation

from lapor.notifications.models import Notification
from lapor.reports import case_actions as ca
from lapor.reports.models import ReportEvent
from tests.notifications.conftest import file_report, reporter_rows

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "track_path"), [("id", "/lacak/"), ("en", "/en/lacak/")])
def test_it_writes_one_message_in_the_reporters_language(cast, directory, language, track_path):
    report = file_report(language=language)
    ca.report_dispose(
        report=report,
        agency=directory.sleman_pupr,
        actor=cast.agency_admin,
        message="Mohon ditindaklanjuti.",
        title_published="Jalan berlubang di Caturtunggal",
        privacy="anonymous",
        category=directory.category_road,
    )
    disposition = ReportEvent.objects.get(report=report, kind="disposed")
    internal = ReportEvent.objects.filter(report=report, is_public=False)
    assert internal.count() == 4  # text edited, privacy raised, category set, the admin's note

    (row,) = Notification.objects.filter(event__report=report, event__kind="disposed")
    assert [n.event.kind for n in reporter_rows(report)] == ["submitted", "disposed"]
    assert row.event == disposition
    assert row.recipient_kind == "reporter" and row.channel == "email"
    assert row.language == language
    assert row.dedupe_key == f"event:{disposition.pk}:reporter:email"
    assert row.status == "pending"
    with translation.override(language):
        expected = translation.gettext("Your report has been dispositioned to %(agency)s") % {
            "agency": "Dinas PUPR Kab. Sleman"
        }
    assert row.subject == f"[Lapor #{report.tracking_id}] {expected}"
    assert "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sleman" in row.body
    assert f"http://127.0.0.1:8000{track_path}?id={report.tracking_id}" in row.body
    # Raised to anonymous: the title is not repeated, and no address is stored in the outbox.
    assert "Caturtunggal" not in row.body
    assert row.address == ""
