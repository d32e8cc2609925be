"""An anonymous reporter's name and address appear in no staff digest, no immediate staff
message and no delivery-status page — not even when the mail server quotes the address back
in an error. Reporter messages name no one either (staff are "an officer of <agency>")."""

import pytest
import time_machine
from django.test import Client

from lapor.notifications import actions
from lapor.notifications.digest import send_digests
from lapor.notifications.models import Notification
from lapor.reports import case_actions as ca
from tests.cases.conftest import at
from tests.notifications.conftest import EMAIL, NAME, PHONE, disposed, run_worker

# The worker commits and checks its connection like a real one: no wrapping test transaction.
pytestmark = pytest.mark.django_db(transaction=True)

SECRETS = (NAME, "Wulandari", EMAIL, PHONE)


def test_the_reporter_is_named_nowhere_staff_can_look(cast, directory, smtp):
    smtp.start()
    smtp.sink.refuse_rcpt = 1  # "450 <wulan.sekar@example.id>: mailbox busy"
    actions.staff_preference_set(user=cast.officer_a, digest="daily", immediate=True)
    with time_machine.travel(at(2026, 11, 2), tick=False):
        report = disposed(cast, directory, privacy="anonymous")
        ca.report_follow_up(report=report, message="Sudah kami cek.", actor=cast.officer_a)
        ca.report_reporter_reply(report=report, message="Belum diperbaiki.", actor=None)
        run_worker()
    with time_machine.travel(at(2026, 11, 3, 7), tick=False):
        send_digests()
        run_worker()

    rows = Notification.objects.all()
    assert rows.filter(recipient_kind="staff", dedupe_key__startswith="digest:").exists()
    assert rows.filter(recipient_kind="staff", event__kind="disposed").exists()  # immediate
    retried = rows.get(event__kind="submitted")
    assert retried.attempts == 2 and "<recipient>" in retried.last_error  # quoted, masked

    for n in rows:
        for secret in SECRETS:
            assert secret not in n.subject + n.body + n.last_error + n.address
        if n.recipient_kind == "reporter":
            assert "Andi" not in n.body  # the officer's name
    for user in (cast.officer_a, cast.national_admin):
        client = Client()
        client.force_login(user)
        pages = [client.get("/konsol/notifikasi/").content.decode()]
        pages += [client.get(f"/konsol/notifikasi/{n.pk}/").content.decode() for n in rows]
        for html in pages:
            for secret in SECRETS:
                assert secret not in html
    # The reporter did get every message addressed to them.
    to_reporter = [m for m in smtp.sink.messages if m["X-RcptTo"] == EMAIL]
    assert len(to_reporter) == rows.filter(recipient_kind="reporter").count() == 3
