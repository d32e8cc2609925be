"""Issue 10.1: one rule decides who reaches a case (``lapor.reports.scope``), everywhere.

The access matrix: every console page, every console action, the merge, and every staff API
endpoint × every staff role × the case states "awaiting verification", "dispositioned inside
the user's tree", "dispositioned outside it", "transferred away" and "closed". A case outside
the scope is the same 404 everywhere and nothing changes; the lists (console queues, API
queues, exports, delivery status) and the one-case check agree for every capability.

The report is located in Kabupaten Sleman. Roles: the national admin; Sleman's agency admin
(verifies Sleman's reports by place); Sleman's supervisor; a liaison officer and a PPID
officer of Dinas PUPR Sleman (in Sleman's tree); the Atasan PPID of Sleman; a liaison officer
of Dinas PUPR Semarang (outside Sleman's tree).
"""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client

from lapor.accounts.models import User
from lapor.agencies.capabilities import Capability
from lapor.agencies.models import Membership
from lapor.console.selectors import Queue
from lapor.exports.selectors import exportable_reports
from lapor.notifications.selectors import visible_notifications
from lapor.reports import case_actions as ca
from lapor.reports.models import Assignment, Attachment, Report
from lapor.reports.scope import may_access_case, may_reassign, scoped_cases
from tests.console.conftest import case_url, every_post, file_report, snapshot

pytestmark = pytest.mark.django_db

STATES = ("awaiting", "inside", "outside", "transferred", "closed")
ROLES = (
    "national_admin",
    "agency_admin",
    "supervisor",
    "officer_a",
    "ppid_a",
    "atasan",
    "officer_b",
)
# Who opens the case in each state (the VIEW scope).
SEES: dict[str, set[str]] = {
    "national_admin": set(STATES),
    # The verifier of the place: while it awaits verification, then only through its tree.
    "agency_admin": {"awaiting", "inside", "closed"},
    "supervisor": {"inside", "closed"},
    "officer_a": {"inside", "closed"},
    "ppid_a": {"inside", "closed"},
    "atasan": set(),
    # Semarang's unit: only while the case is actively with it.
    "officer_b": {"outside", "transferred"},
}
# Actions only the place's verifier (or a national admin) takes, and only at verification.
VERIFICATION_ACTIONS = {"disposisi", "tunda", "arsipkan", "jadikan-permintaan-informasi"}
# Actions that bring an agency in or hand the case on.
REASSIGNING_ACTIONS = {"libatkan", "alihkan"}


def _user(directory, email: str, agency, role: str) -> User:
    user = User.objects.create_user(email=email, password="Rahasia-Kuat-2026", full_name=email)
    Membership.objects.create(user=user, agency=agency, role=role)
    return user


@pytest.fixture
def roles(cast, directory) -> dict[str, User]:
    R = Membership.Role
    return {
        "national_admin": cast.national_admin,
        "agency_admin": cast.agency_admin,
        "supervisor": _user(directory, "inspektorat@sleman.id", directory.sleman_gov, R.SUPERVISOR),
        "officer_a": cast.officer_a,
        "ppid_a": _user(directory, "ppid@pupr.sleman.id", directory.sleman_pupr, R.PPID_OFFICER),
        "atasan": _user(directory, "atasan@sleman.id", directory.sleman_gov, R.ATASAN_PPID),
        "officer_b": cast.officer_b,
    }


def make_case(state: str, cast, directory, privacy: str = "public") -> Report:
    report = file_report(privacy=privacy, name="Wahyuni Kartikasari")
    if state == "inside" or state == "closed" or state == "transferred":
        ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    if state == "outside":
        # Only a national admin routes outside Sleman's government.
        ca.report_dispose(report=report, agency=directory.semarang_pupr, actor=cast.national_admin)
    if state == "transferred":
        ca.report_transfer(
            report=report,
            to_agency=directory.semarang_pupr,
            reason="Di Semarang.",
            actor=cast.officer_a,
        )
    if state == "closed":
        ca.report_follow_up(report=report, message="Sudah ditambal.", actor=cast.officer_a)
        ca.report_close_by_reporter(report=report, rating=5, actor=None)
    report = Report.objects.get(pk=report.pk)
    Attachment.objects.create(
        report=report,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="denah.pdf"),
        original_name="denah.pdf",
        content_type="application/pdf",
        kind="document",
        size=15,
        sha256="0" * 64,
    )
    return report


def _rolled_back(request):  # type: ignore[no-untyped-def]
    """Run one request and undo what it wrote, so every action meets the same case."""
    with transaction.atomic():
        response = request()
        transaction.set_rollback(True)
    return response


def _api_key(user: User) -> str:
    from lapor.open311.models import ApiKey, PartnerApp

    partner, _ = PartnerApp.objects.get_or_create(name="Aplikasi Daerah")
    key = ApiKey(partner=partner, scopes=["staff"], user=user, rate_limit_per_minute=10_000)
    raw = key.set_new_key()
    key.save()
    return raw


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state", STATES)
def test_the_access_matrix(state, role, cast, directory, roles):
    report = make_case(state, cast, directory)
    user = roles[role]
    sees = state in SEES[role]
    client = Client()
    client.force_login(user)
    where = f"{role} × {state}"

    # One rule: the single check and the list filter agree for every capability.
    assert may_access_case(user, report) is sees, where
    for capability in Capability:
        single = may_access_case(user, report, capability)
        listed = scoped_cases(user, capability).filter(pk=report.pk).exists()
        assert single is listed, f"{where}: {capability}"

    # Console pages.
    assert client.get(case_url(report)).status_code == (200 if sees else 404), where
    attachment = report.attachments.get()
    assert client.get(case_url(report) + f"lampiran/{attachment.pk}/").status_code == (
        200 if sees else 404
    ), where
    queue = client.get("/en/konsol/antrean/semua/")
    if queue.status_code == 200:
        assert (report.tracking_id in queue.content.decode()) is sees, where
    else:
        assert not sees and queue.status_code == 404, where
    # Every other queue, the dashboard and the delivery-status list: never a case out of scope.
    pages = [f"/en/konsol/antrean/{q.value}/" for q in Queue] + [
        "/en/konsol/",
        "/konsol/notifikasi/",
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code in (200, 404), f"{where}: {page}"
        if not sees:
            assert report.tracking_id not in response.content.decode(), f"{where}: {page}"

    # Console actions (and the merge): outside the scope 404 and nothing changes; inside,
    # verification moves only at verification, reassignment only by who holds the case.
    before = snapshot(report)
    other = file_report(title="Laporan utama yang lain")
    posts = {**every_post(directory)}
    posts["jadikan-permintaan-informasi"] = {
        "jadikan_permintaan_informasi-agency": directory.sleman_pupr.pk,
        "jadikan_permintaan_informasi-message": "Ini permintaan informasi publik.",
    }
    posts["jadikan-pengaduan"] = {"jadikan_pengaduan-message": "Ini sebenarnya pengaduan."}
    for action, data in posts.items():
        response = _rolled_back(lambda: client.post(case_url(report, action), data))  # noqa: B023
        assert response.status_code in (200, 302, 404), f"{where}: {action}"
        if not sees:
            assert response.status_code == 404, f"{where}: {action}"
        if response.status_code == 302 and action in VERIFICATION_ACTIONS:
            assert role == "national_admin" or state == "awaiting", f"{where}: {action}"
        if response.status_code == 302 and action in REASSIGNING_ACTIONS:
            assert may_reassign(user, report), f"{where}: {action}"
        assert snapshot(report) == before, f"{where}: {action} left a change behind"
    merge = _rolled_back(
        lambda: client.post(
            f"/konsol/routing/gabung/{report.tracking_id}/", {"gabung-into": other.tracking_id}
        )
    )
    assert merge.status_code in (302, 404), where
    if not sees:
        assert merge.status_code == 404, where
    if merge.status_code == 302 and merge.url.endswith(f"/{other.tracking_id}/"):
        assert role == "national_admin" or state == "awaiting", where

    # The staff API: the same doors.
    api = Client()
    headers = {"X-API-Key": _api_key(user)}
    r = api.get(f"/api/v1/staff/reports/{report.tracking_id}", headers=headers)
    assert r.status_code == (200 if sees else 404), where
    r = _rolled_back(
        lambda: api.post(
            f"/api/v1/staff/reports/{report.tracking_id}/follow-ups",
            {"message": "Sedang kami periksa di lapangan."},
            content_type="application/json",
            headers=headers,
        )
    )
    assert r.status_code != 500, where
    if not sees:
        assert r.status_code == 404, where
    for name in ("verification", "follow-up", "waiting", "overdue"):
        r = api.get(f"/api/v1/staff/queues/{name}", headers=headers)
        assert r.status_code in (200, 404), f"{where}: {name}"
        if not sees:
            assert report.tracking_id not in r.content.decode(), f"{where}: {name}"
    r = api.get("/api/v1/staff/queues/all?page_size=100", headers=headers)
    if r.status_code == 200:
        listed = {row["tracking_id"] for row in r.json()["results"]}
        assert (report.tracking_id in listed) is sees, where
    else:
        assert not sees, where
    assert snapshot(report) == before, where

    # Exports and delivery status follow the same rule.
    exported = exportable_reports(user).filter(pk=report.pk).exists()
    assert exported is may_access_case(user, report, Capability.EXPORT), where
    notes = visible_notifications(user).filter(report=report, user__isnull=True)
    if not may_access_case(user, report):
        assert not notes.exists(), where


def test_only_who_holds_the_case_brings_others_in(cast, directory, roles):
    inside = make_case("inside", cast, directory)
    outside = make_case("outside", cast, directory)
    awaiting = make_case("awaiting", cast, directory)
    assert may_reassign(cast.agency_admin, inside)  # through Dinas PUPR Sleman's assignment
    assert may_reassign(cast.officer_a, inside)
    assert not may_reassign(roles["supervisor"], inside)  # read-only
    assert not may_reassign(cast.agency_admin, outside)  # the place is not a right
    assert not may_reassign(cast.officer_a, outside)
    assert may_reassign(cast.officer_b, outside)
    assert not may_reassign(cast.agency_admin, awaiting)  # not dispositioned yet: no holder
    assert may_reassign(cast.national_admin, outside)
    with pytest.raises(ca.Forbidden):
        ca.report_involve_agency(
            report=outside,
            agency=directory.sleman_pupr,
            reason="Kami bantu.",
            actor=cast.agency_admin,
        )
    assert not Assignment.objects.filter(report=outside, agency=directory.sleman_pupr).exists()
