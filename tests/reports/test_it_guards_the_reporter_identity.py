"""The reporter's identity is read only through access.reporter_identity, which logs each read.

Anonymous: only the reporter and national admins. Otherwise also staff of the handling agency.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from lapor.reports import case_actions as ca
from lapor.reports.access import reporter_identity
from lapor.reports.models import IdentityAccessLog, Report
from tests.conftest import report_post_data

pytestmark = pytest.mark.django_db

NAME, PHONE, EMAIL = "Rahasia Sekali Namanya", "0813-9876-5432", "saksi.rahasia@example.id"


def _file(privacy: str, agency=None) -> Report:
    client = Client()
    client.post(
        "/lapor/",
        report_post_data(privacy=privacy, full_name=NAME, phone=PHONE, email=EMAIL),
    )
    report = Report.objects.get(privacy=privacy)
    if agency is not None:
        Report.objects.filter(pk=report.pk).update(agency=agency)
        report.refresh_from_db()
    return report


def test_anonymous_identity_only_for_national_admins_and_every_read_is_logged(cast, directory):
    report = _file("anonymous", agency=directory.sleman_pupr)
    assert reporter_identity(report, actor=cast.officer_a, purpose="t") is None
    assert reporter_identity(report, actor=cast.agency_admin, purpose="t") is None
    assert reporter_identity(report, actor=cast.reporter2, purpose="t") is None
    assert reporter_identity(report, actor=AnonymousUser(), purpose="t") is None
    identity = reporter_identity(report, actor=cast.national_admin, purpose="investigation")
    assert identity is not None and identity.full_name == NAME
    logs = IdentityAccessLog.objects.filter(report=report).order_by("at", "pk")
    assert [log.granted for log in logs] == [False, False, False, False, True]
    assert logs.last().actor == cast.national_admin
    assert logs.last().purpose == "investigation"


def test_public_identity_is_visible_to_the_handling_agency_only(cast, directory):
    report = _file("public")
    # At verification nobody handles it yet: not even the place's verifier reads the name.
    assert reporter_identity(report, actor=cast.agency_admin, purpose="t") is None
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.national_admin)
    assert reporter_identity(report, actor=cast.officer_a, purpose="t").full_name == NAME
    assert reporter_identity(report, actor=cast.officer_b, purpose="t") is None
    # Transferred away: the unit that let it go no longer reads it (one scope, issue 10.1).
    ca.report_transfer(
        report=report,
        to_agency=directory.semarang_pupr,
        reason="Di Semarang.",
        actor=cast.officer_a,
    )
    assert reporter_identity(report, actor=cast.officer_a, purpose="t") is None
    assert reporter_identity(report, actor=cast.officer_b, purpose="t").full_name == NAME


def test_the_reporter_sees_their_own_identity_even_when_anonymous(cast):
    client = Client()
    client.force_login(cast.reporter)
    client.post("/lapor/", report_post_data(privacy="anonymous", full_name=NAME))
    report = Report.objects.get()
    page = client.get(f"/en/lacak/{report.tracking_id}/").content.decode()
    assert NAME in page and "hidden from the public and the agency" in page
    assert IdentityAccessLog.objects.filter(report=report, granted=True).count() == 1


def test_anonymous_identity_appears_in_no_page_a_non_admin_can_load(cast, directory):
    report = _file("anonymous", agency=directory.sleman_pupr)
    visitors = {"public": Client()}
    for who in ("reporter2", "officer_a", "officer_b", "agency_admin"):
        visitors[who] = Client()
        visitors[who].force_login(getattr(cast, who))
    urls = [
        "/",
        "/en/",
        "/lapor/",
        "/lacak/",
        f"/lacak/{report.tracking_id}/",
        f"/lapor/terkirim/{report.tracking_id}/",
        "/akun/masuk/",
        "/akun/daftar/",
        "/akun/laporan-saya/",
        "/wilayah/anak/?kode=34.04",
    ]
    for who, client in visitors.items():
        for url in urls:
            response = client.get(url, follow=True)
            body = response.content.decode()
            for secret in (NAME, "6281398765432", "0813-9876-5432", EMAIL):
                assert secret not in body, f"{secret!r} leaked to {who} at {url}"
        # Not their report: the link asks for the PIN (issue 15), showing nothing of it.
        page = client.get(f"/lacak/{report.tracking_id}/").content.decode()
        assert 'name="pin"' in page and report.title_original not in page


def test_raising_anonymous_to_confidential_keeps_the_identity_hidden(cast, directory):
    from lapor.reports import case_actions as ca

    report = _file("anonymous")
    ca.report_dispose(
        report=report,
        agency=directory.sleman_pupr,
        actor=cast.agency_admin,
        privacy="confidential",
    )
    report.refresh_from_db()
    assert report.privacy == "confidential" and report.identity_hidden
    assert reporter_identity(report, actor=cast.officer_a, purpose="t") is None
    assert reporter_identity(report, actor=cast.national_admin, purpose="t") is not None


def test_the_admin_above_a_unit_sees_a_public_reporter(cast, directory):
    from lapor.reports import case_actions as ca

    report = _file("public")
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    assert reporter_identity(report, actor=cast.agency_admin, purpose="t").full_name == NAME
