"""Duplicates merged into one case cluster; the merged reporters get the main case's outcome."""

import pytest

from lapor.core.errors import DomainError
from lapor.notifications.models import Notification
from lapor.reports import case_actions as ca
from lapor.reports.models import ReportEvent, Status
from lapor.routing.models import ReportMerge
from tests.cases.conftest import submit

pytestmark = pytest.mark.django_db


def _evidence():
    from lapor.reports.attachments import check_file, stage
    from tests.helpers import jpeg_with_gps

    return [stage(check_file(jpeg_with_gps("hasil.jpg")))]


def test_staff_merge_a_duplicate_and_its_reporter_gets_the_outcome(cast, directory, client):
    main = submit("Jalan Colombo berlubang")
    duplicate = submit("Lubang di Jl. Colombo depan kampus")
    client.force_login(cast.agency_admin)
    # The duplicate's case page offers the main case as a merge candidate.
    page = client.get(f"/konsol/laporan/{duplicate.tracking_id}/").content.decode()
    assert 'id="possible-duplicates"' in page and main.tracking_id in page
    response = client.post(
        f"/konsol/routing/gabung/{duplicate.tracking_id}/", {"gabung-into": main.tracking_id}
    )
    assert response.status_code == 302
    duplicate.refresh_from_db()
    assert duplicate.status == Status.ARCHIVED_BY_ADMIN
    archived = duplicate.events.get(kind=ReportEvent.Kind.ARCHIVED)
    assert archived.data == {"reason": "duplicate", "merged_into": main.tracking_id}
    assert ReportMerge.objects.get(report=duplicate).main == main
    # The main case shows the cluster: +1, two people affected.
    page = client.get(f"/konsol/laporan/{main.tracking_id}/").content.decode()
    assert 'id="cluster-title"' in page and duplicate.tracking_id in page and "+1" in page

    ca.report_dispose(report=main, agency=directory.sleman_pupr, actor=cast.agency_admin)
    before = Notification.objects.filter(report=duplicate).count()
    ca.report_follow_up(
        report=main,
        message="Sudah ditambal.",
        actor=cast.officer_a,
        uploads=_evidence(),
        resolved=True,
    )
    outcome = Notification.objects.filter(report=duplicate).exclude(event__report=duplicate)
    assert Notification.objects.filter(report=duplicate).count() == before + 1
    row = outcome.get()
    assert row.recipient_kind == Notification.RecipientKind.REPORTER
    assert row.event.report == main and row.event.kind == ReportEvent.Kind.FOLLOW_UP
    assert duplicate.tracking_id in row.body and main.tracking_id in row.body
    assert ReportMerge.objects.get(report=duplicate).outcome_notified_at is not None


def test_merging_into_a_merged_report_joins_its_main_case(cast, directory):
    main, second, third = submit("A jalan"), submit("B jalan"), submit("C jalan")
    ca.report_merge(report=second, into=main, actor=cast.agency_admin)
    ca.report_merge(report=third, into=second, actor=cast.agency_admin)
    assert ReportMerge.objects.get(report=third).main == main
    assert main.merged_reports.count() == 2


def test_it_refuses_bad_merges(cast, directory):
    main = submit("Jalan rusak")
    with pytest.raises(DomainError):
        ca.report_merge(report=main, into=main, actor=cast.agency_admin)
    other = submit("Jalan rusak juga")
    ca.report_dispose(report=other, agency=directory.sleman_pupr, actor=cast.agency_admin)
    with pytest.raises(DomainError):
        ca.report_merge(report=other, into=main, actor=cast.agency_admin)
    with pytest.raises(ca.Forbidden):
        ca.report_merge(report=submit("x jalan"), into=main, actor=cast.officer_b)


def test_followers_of_a_merged_report_follow_the_main_case(cast, directory):
    from django.utils import timezone

    from lapor.public.models import Follow

    main, duplicate = submit("Jalan A berlubang"), submit("Jalan A lubang")
    Follow.objects.create(
        report=duplicate, email="tetangga@example.id", confirmed_at=timezone.now()
    )
    Follow.objects.create(report=duplicate, email="dua@example.id", confirmed_at=timezone.now())
    Follow.objects.create(report=main, email="dua@example.id", confirmed_at=timezone.now())
    ca.report_merge(report=duplicate, into=main, actor=cast.agency_admin)
    assert sorted(Follow.objects.filter(report=main).values_list("email", flat=True)) == [
        "dua@example.id",
        "tetangga@example.id",
    ]
    assert not Follow.objects.filter(report=duplicate).exists()
