"""Auto-disposition: off by default; above the agency admin's threshold a new report is
verified and disposed by the worker right after submission, as an event; flagged reports never
are."""

import pytest
from django_tasks_db.models import DBTaskResult

from lapor.reports.models import Assignment, ReportEvent, Status
from lapor.routing import actions
from lapor.routing.tasks import auto_dispose
from tests.cases.conftest import submit
from tests.routing.fakes import ROAD, classifier

pytestmark = pytest.mark.django_db

TEXT = "Jalan kabupaten di depan SD berlubang besar, sudah tiga bulan tidak diperbaiki."


def _submit(capture, **kw):
    with capture(execute=True):
        report = submit(body=kw.pop("body", TEXT), **kw)
    # The classification runs in the worker, after the filing answered: run what was queued.
    for row in DBTaskResult.objects.filter(task_path=auto_dispose.module_path):
        auto_dispose.call(*row.args_kwargs["args"])
    report.refresh_from_db()
    return report


def test_it_is_off_by_default(
    cast, directory, routing, monkeypatch, django_capture_on_commit_callbacks
):
    classifier(monkeypatch, **ROAD)
    report = _submit(django_capture_on_commit_callbacks)
    assert report.status == Status.AWAITING_VERIFICATION


def test_it_disposes_above_the_threshold_as_an_event(
    cast, directory, routing, monkeypatch, django_capture_on_commit_callbacks
):
    classifier(monkeypatch, **ROAD)
    actions.routing_set_threshold(
        agency=directory.sleman_gov, threshold=0.8, actor=cast.agency_admin
    )
    report = _submit(django_capture_on_commit_callbacks)
    assert report.status == Status.DISPOSED and report.agency == directory.sleman_pupr
    event = ReportEvent.objects.get(report=report, kind=ReportEvent.Kind.DISPOSED)
    assert event.actor is None and event.target_agency == directory.sleman_pupr
    assert event.data["auto"] is True
    assert event.data["confidence"] >= 0.8
    assert event.data["explanation"] == (
        "kategori Jalan Berlubang; jalan kabupaten/kota; lokasi Kab. Sleman"
    )
    assert event.message == event.data["explanation"] and event.is_public
    assert Assignment.objects.filter(report=report, agency=directory.sleman_pupr, active=True)


def test_it_leaves_reports_below_the_threshold(
    cast, directory, routing, monkeypatch, django_capture_on_commit_callbacks
):
    classifier(
        monkeypatch,
        top=[("pekerjaan-umum", "PU", 0.55)],
        sub=[("jalan-berlubang", "Jalan Berlubang", 0.5)],
    )
    actions.routing_set_threshold(
        agency=directory.sleman_gov, threshold=0.8, actor=cast.agency_admin
    )
    assert _submit(django_capture_on_commit_callbacks).status == Status.AWAITING_VERIFICATION


@pytest.mark.parametrize(
    "flag", [{"emergency": True}, {"out_of_scope": True}, {"out_of_scope": "prank"}]
)
def test_it_never_disposes_flagged_reports(
    cast, directory, routing, monkeypatch, flag, django_capture_on_commit_callbacks, client
):
    classifier(monkeypatch, **ROAD, **flag)
    actions.routing_set_threshold(
        agency=directory.sleman_gov, threshold=0.5, actor=cast.agency_admin
    )
    report = _submit(django_capture_on_commit_callbacks)
    assert report.status == Status.AWAITING_VERIFICATION
    # ... and the admin sees the flag on the verification screen.
    client.force_login(cast.agency_admin)
    page = client.get(f"/konsol/laporan/{report.tracking_id}/").content.decode()
    assert 'id="routing-flags"' in page
    expected = "emergency" if "emergency" in flag else flag["out_of_scope"]
    expected = "out_of_scope" if expected is True else expected
    assert f'data-flag="{expected}"' in page


def test_without_a_classifier_nothing_is_disposed(
    cast, directory, routing, monkeypatch, django_capture_on_commit_callbacks
):
    from lapor.routing import suggest

    monkeypatch.setattr(suggest, "classify", lambda text: None)
    actions.routing_set_threshold(
        agency=directory.sleman_gov, threshold=0.5, actor=cast.agency_admin
    )
    report = _submit(django_capture_on_commit_callbacks)
    assert report.status == Status.AWAITING_VERIFICATION


def test_an_agency_admin_sets_the_threshold_in_the_console(cast, directory, client):
    client.force_login(cast.agency_admin)
    agency = directory.sleman_gov
    assert client.get("/konsol/routing/").status_code == 200
    response = client.post(
        "/konsol/routing/", {"agency": agency.pk, f"a{agency.pk}-threshold": "85"}
    )
    assert response.status_code == 302
    assert agency.routing_settings.auto_dispose_threshold == 0.85
    client.post("/konsol/routing/", {"agency": agency.pk, f"a{agency.pk}-threshold": ""})
    agency.routing_settings.refresh_from_db()
    assert agency.routing_settings.auto_dispose_threshold is None
    # Not an admin of that agency: the same 404 as a missing page.
    client.force_login(cast.officer_a)
    assert client.get("/konsol/routing/").status_code == 404
