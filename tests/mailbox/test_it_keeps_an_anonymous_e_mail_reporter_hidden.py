"""An anonymous reporter who writes by e-mail: the address (and name) stays in the identity
table. It is not in the report's text, the timeline, the outbox, the inbound log, the staff
console, the mailbox admin for ordinary staff, or the logs."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

from lapor.mailbox.models import InboundMessage, PendingIntake
from lapor.notifications.models import Notification
from lapor.reports import case_actions as ca
from lapor.reports.models import Privacy, Report, ReportEvent
from tests.mailbox.conftest import SENDER, mail, reply_to
from tests.notifications.conftest import run_worker

pytestmark = pytest.mark.django_db(transaction=True)

NAME = "Rahmat Hidayat"


def test_the_address_appears_in_no_staff_visible_place(cast, directory, intake, outgoing, caplog):
    caplog.set_level(logging.DEBUG)
    intake.send(
        mail(
            subject="[anonim] Pungutan liar di kantor kecamatan",
            body="Petugas di kantor Kecamatan Depok, Kabupaten Sleman meminta uang tambahan "
            f"untuk KTP.\n\nSalam,\n{NAME} ({SENDER})",
        )
    )
    report = Report.objects.get()
    assert report.privacy == Privacy.ANONYMOUS and report.identity_hidden
    run_worker()
    (receipt,) = outgoing.sink.messages
    assert receipt["X-RcptTo"] == SENDER, "the reporter still hears from us"
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    ca.report_follow_up(report=report, message="Sedang kami periksa.", actor=cast.officer_a)
    run_worker()
    intake.send(
        reply_to(receipt, f"Kejadiannya hari Senin.\n\n-- \n{NAME}\n{SENDER}"),
        to=str(receipt["Reply-To"]),
    )
    report.refresh_from_db()
    assert report.status == "reporter_replied"

    secrets = (SENDER, NAME)
    stored = [
        report.title_original,
        report.body_original,
        report.title_published,
        report.body_published,
        *ReportEvent.objects.filter(report=report).values_list("message", flat=True),
        *[f"{n.address} {n.subject} {n.body} {n.last_error}" for n in Notification.objects.all()],
        *[
            f"{m.reason} {m.recipient} {m.sender_hash} {m.raw}"
            for m in InboundMessage.objects.all()
        ],
    ]
    for text in stored:
        for secret in secrets:
            assert secret not in str(text)
    assert not PendingIntake.objects.exists()

    for user in (cast.officer_a, cast.agency_admin):
        client = Client()
        client.force_login(user)
        for url in (
            f"/konsol/laporan/{report.tracking_id}/",
            "/konsol/notifikasi/",
            "/admin/mailbox/inboundmessage/",
        ):
            response = client.get(url)
            # The admin answers 404 to everyone but national admins (issue 10.8).
            assert response.status_code in (200, 302, 403, 404), (user, url)
            page = response.content.decode()
            for secret in secrets:
                assert secret not in page, (user, url)
        assert client.get(f"/konsol/laporan/{report.tracking_id}/").status_code == 200
        assert client.get("/admin/mailbox/inboundmessage/").status_code == 404  # issue 10.8

    for record in caplog.records:
        for secret in secrets:
            assert secret not in record.getMessage()
