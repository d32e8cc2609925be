"""Which queues each role has, and whose reports the verification queue holds."""

import pytest

from lapor.console.selectors import Queue, available_queues, queue_reports
from lapor.reports import case_actions as ca
from tests.console.conftest import SEMARANG_VILLAGE, file_report, login

pytestmark = pytest.mark.django_db


def test_each_role_gets_the_queues_of_its_work(cast, supervisor):
    assert available_queues(cast.national_admin) == [
        Queue.VERIFICATION,
        Queue.WAITING,
        Queue.OVERDUE,
        Queue.ALL,
    ]
    assert available_queues(cast.agency_admin) == [
        Queue.VERIFICATION,
        Queue.WAITING,
        Queue.OVERDUE,
        Queue.ALL,
    ]
    assert available_queues(cast.officer_a) == [
        Queue.FOLLOW_UP,
        Queue.WAITING,
        Queue.OVERDUE,
        Queue.ALL,
    ]
    assert available_queues(supervisor) == [Queue.WAITING, Queue.OVERDUE, Queue.ALL]
    assert available_queues(cast.reporter) == []


def test_verification_is_by_place_and_national_routing_goes_to_the_national_admins(cast):
    sleman = file_report()
    semarang = file_report(SEMARANG_VILLAGE)
    returned = file_report(title="Jalan nasional rusak di Sleman")
    ca.report_not_our_authority(report=returned, reason="Jalan nasional", actor=cast.agency_admin)
    assert set(queue_reports(cast.agency_admin, Queue.VERIFICATION)) == {sleman}
    assert set(queue_reports(cast.national_admin, Queue.VERIFICATION)) == {
        sleman,
        semarang,
        returned,
    }
    assert set(queue_reports(cast.officer_a, Queue.VERIFICATION)) == set()


def test_follow_up_holds_disposed_and_replied_cases_of_the_unit(cast, directory):
    disposed = file_report(title="Sudah didisposisikan")
    ca.report_dispose(report=disposed, agency=directory.sleman_pupr, actor=cast.agency_admin)
    replied = file_report(title="Dijawab pelapor")
    ca.report_dispose(report=replied, agency=directory.sleman_pupr, actor=cast.agency_admin)
    ca.report_follow_up(report=replied, message="Sudah dicek.", actor=cast.officer_a)
    ca.report_reporter_reply(report=replied, message="Belum beres.", actor=None)
    waiting = file_report(title="Menunggu pelapor")
    ca.report_dispose(report=waiting, agency=directory.sleman_pupr, actor=cast.agency_admin)
    ca.report_follow_up(report=waiting, message="Sudah ditambal.", actor=cast.officer_a)
    assert set(queue_reports(cast.officer_a, Queue.FOLLOW_UP)) == {disposed, replied}
    assert set(queue_reports(cast.officer_a, Queue.WAITING)) == {waiting}
    assert set(queue_reports(cast.officer_b, Queue.FOLLOW_UP)) == set()


def test_every_listed_case_opens(cast, directory, supervisor):
    """The queues and the access function apply the same scope."""
    reports = [file_report(), file_report(SEMARANG_VILLAGE), file_report()]
    ca.report_dispose(report=reports[0], agency=directory.sleman_pupr, actor=cast.agency_admin)
    ca.report_dispose(report=reports[1], agency=directory.semarang_pupr, actor=cast.national_admin)
    for user in (cast.agency_admin, cast.officer_a, cast.officer_b, supervisor):
        client = login(user)
        for report in queue_reports(user, Queue.ALL):
            assert client.get(f"/konsol/laporan/{report.tracking_id}/").status_code == 200
        for report in reports:
            if report not in queue_reports(user, Queue.ALL):
                assert client.get(f"/konsol/laporan/{report.tracking_id}/").status_code == 404


def test_the_dashboard_counts_and_speaks_both_languages(cast, directory):
    file_report()
    client = login(cast.agency_admin)
    english = client.get("/en/konsol/").content.decode()
    assert '<html lang="en">' in english and "Staff console" in english
    assert "1 report" in english and 'href="/en/konsol/antrean/verifikasi/"' in english
    assert 'href="/en/konsol/kalender/"' in english
    indonesian = client.get("/konsol/").content.decode()
    assert '<html lang="id">' in indonesian and 'href="/konsol/antrean/verifikasi/"' in indonesian
