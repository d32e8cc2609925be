"""Issue 10.8: the Django admin is for national admins only — every other staff member gets
404 on every admin URL, the login page included — and it never shows who filed an anonymous
or confidential report (not the reporter's account, not as the actor of their own events, not
in the raw mail); what it shows of a public reporter goes through ``reporter_identity``,
logged."""

from __future__ import annotations

import pytest
from django.test import Client

from lapor.accounts.models import User
from lapor.agencies.models import Membership
from lapor.mailbox.models import InboundMessage
from lapor.reports import case_actions as ca
from lapor.reports.access import reporter_identity
from lapor.reports.models import IdentityAccessLog, Report
from tests.console.conftest import file_report, login

pytestmark = pytest.mark.django_db

PAGES = [
    "/admin/",
    "/admin/login/",
    "/admin/reports/report/",
    "/admin/agencies/membership/",
    "/admin/accounts/user/",
    "/admin/password_change/",
    "/admin/jsi18n/",
]


def _staff_superuser(directory) -> User:
    """An agency admin who is (wrongly) also a Django superuser: still not a national admin."""
    user = User.objects.create_superuser("superadmin@sleman.id", "Rahasia-Kuat-2026")
    Membership.objects.create(
        user=user, agency=directory.sleman_gov, role=Membership.Role.AGENCY_ADMIN
    )
    return user


def test_other_staff_get_404_everywhere_in_the_admin(cast, directory):
    for user in (
        cast.agency_admin,
        cast.officer_a,
        cast.officer_b,
        cast.reporter,
        _staff_superuser(directory),
    ):
        client = login(user)
        for page in PAGES:
            assert client.get(page).status_code == 404, (user, page)
        # Not even by logging in again through the admin's own form.
        response = client.post("/admin/login/", {"username": user.email, "password": cast.password})
        assert response.status_code == 404, user


def test_a_national_admin_uses_the_admin_and_strangers_see_only_the_login(cast):
    anonymous = Client()
    assert anonymous.get("/admin/").status_code == 302
    assert anonymous.get("/admin/login/").status_code == 200
    User.objects.filter(pk=cast.national_admin.pk).update(is_superuser=True, is_staff=True)
    national = login(User.objects.get(pk=cast.national_admin.pk))
    assert national.get("/admin/").status_code == 200
    assert national.get("/admin/reports/report/").status_code == 200


@pytest.mark.parametrize("privacy", ["anonymous", "confidential"])
def test_the_admin_never_shows_the_reporter_of_a_hidden_report(cast, directory, privacy):
    report = file_report(privacy=privacy, name="Wahyuni Kartikasari", reporter=cast.reporter)
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.national_admin)
    InboundMessage.objects.create(
        dedupe_key="<m1@example.id>",
        recipient="reply",
        outcome="refused",
        report=report,
        raw=b"From: Wahyuni Kartikasari <wahyuni.k@example.id>\r\n\r\nTambahan foto.",
    )
    message = InboundMessage.objects.get()
    # The reporter reads their own report: the access log has their account beside it.
    reporter_identity(report, actor=cast.reporter, purpose="own report", is_reporter=True)
    log = IdentityAccessLog.objects.get(report=report, actor=cast.reporter)
    User.objects.filter(pk=cast.national_admin.pk).update(is_superuser=True, is_staff=True)
    national = login(User.objects.get(pk=cast.national_admin.pk))
    reporter = cast.reporter
    for url in (
        f"/admin/reports/report/{report.pk}/change/",
        "/admin/reports/report/",
        f"/admin/mailbox/inboundmessage/{message.pk}/change/",
        "/admin/reports/identityaccesslog/",
        f"/admin/reports/identityaccesslog/{log.pk}/change/",
    ):
        html = national.get(url).content.decode()
        assert report.tracking_id in html or "inboundmessage" in url, url
        for secret in (reporter.email, reporter.full_name, "Wahyuni", "wahyuni.k@example.id"):
            assert secret not in html, (url, secret)


def test_a_public_reporter_in_raw_mail_is_shown_through_the_logged_reader(cast, directory):
    report = file_report(privacy="public", name="Wahyuni Kartikasari")
    InboundMessage.objects.create(
        dedupe_key="<m2@example.id>",
        recipient="reply",
        outcome="refused",
        report=report,
        raw=b"From: Wahyuni Kartikasari <wahyuni.k@example.id>\r\n\r\nTambahan foto.",
    )
    message = InboundMessage.objects.get()
    User.objects.filter(pk=cast.national_admin.pk).update(is_superuser=True, is_staff=True)
    national = login(User.objects.get(pk=cast.national_admin.pk))
    html = national.get(f"/admin/mailbox/inboundmessage/{message.pk}/change/").content.decode()
    assert "wahyuni.k@example.id" in html
    log = IdentityAccessLog.objects.get(report=Report.objects.get(pk=report.pk))
    assert log.actor_id == cast.national_admin.pk and log.granted
    assert log.purpose == "admin: raw mail"
