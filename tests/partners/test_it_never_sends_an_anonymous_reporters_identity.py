"""An anonymous reporter's identity (name, e-mail, phone) and the address they typed never reach
a partner: not in a webhook payload or its bytes on the wire, not in the partner API's answers,
not in the delivery log pages, not in the log output. Internal notes and the reporter's own
words stay home too."""

import json
import logging

import pytest
from django.test import Client

from lapor.partners.models import DeliveryAttempt, WebhookDelivery
from lapor.reports import case_actions as ca
from lapor.reports.models import IdentityAccessLog, Privacy
from tests.partners.conftest import EMAIL, NAME, PHONE, pushed, run_worker

pytestmark = pytest.mark.django_db(transaction=True)

NOTE = "Catatan internal: pelapor ini tetangga kepala dinas"
REPLY = f"Saya {NAME}, hubungi saya di {PHONE} atau {EMAIL}"
ADDRESS = "Gang Kenanga 3, rumah kos Bu Warsini"
SECRETS = (
    NAME,
    EMAIL,
    PHONE,
    "0813-7777-9911",
    "Kartika",
    NOTE,
    "tetangga kepala dinas",
    "Gang Kenanga",
    "Warsini",
)


def _clean(text: str, where: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} leaked into {where}"


def test_no_identity_and_no_internal_text_ever_reaches_the_partner(
    cast, directory, partner, simulator, caplog
):
    caplog.set_level(logging.DEBUG)
    report = pushed(partner, privacy="anonymous", address=ADDRESS)
    assert report.privacy == Privacy.ANONYMOUS
    ca.report_dispose(
        report=report, agency=directory.sleman_pupr, actor=cast.agency_admin, message=NOTE
    )
    ca.report_follow_up(
        report=report,
        message="Mohon kirim foto lokasi. Bisa juga WA petugas di 0812-9999-0000.",
        actor=cast.officer_a,
        question=True,
    )
    ca.report_reporter_reply(report=report, message=REPLY, actor=None)
    partner.post("reports/LAKSA-2026-0001/follow-ups", {"message": "Lampu sudah diganti."})
    run_worker()

    rows = list(WebhookDelivery.objects.order_by("event_id"))
    kinds = [r.event_type for r in rows]
    assert kinds == [
        "report.disposed",
        "report.question",
        "report.reporter_reply",
        "report.follow_up",
    ]
    assert all(r.status == "delivered" for r in rows)
    # The internal note is an internal event: no webhook at all.
    assert "report.note" not in kinds
    for row in rows:
        _clean(json.dumps(row.payload, ensure_ascii=False), f"payload {row.event_type}")
    # What went over the wire, as the partner received it.
    _clean(json.dumps(simulator.accepted, ensure_ascii=False), "the partner's receiver")
    reply = next(a for a in simulator.accepted if a["type"] == "report.reporter_reply")
    assert reply["event"]["message"] == ""  # the reporter's own words are never sent
    question = next(a for a in simulator.accepted if a["type"] == "report.question")
    assert "0812-9999-0000" not in question["event"]["message"]  # scrubbed like the public page
    assert "foto lokasi" in question["event"]["message"]

    # The partner API's answers.
    _clean(partner.get("reports/LAKSA-2026-0001").content.decode(), "GET report")
    _clean(partner.get("deliveries").content.decode(), "GET deliveries")
    # The console's delivery log, list and every detail page.
    admin = Client()
    admin.force_login(cast.agency_admin)
    base = f"/konsol/mitra/{partner.integration.pk}/"
    _clean(admin.get(base).content.decode(), "the delivery log")
    for row in rows:
        _clean(admin.get(f"{base}kiriman/{row.pk}/").content.decode(), "a delivery page")
    _clean(" ".join(a.error for a in DeliveryAttempt.objects.all()), "the attempt log")
    _clean(caplog.text, "the log output")
    # Sending webhooks never read the identity table.
    assert (
        not IdentityAccessLog.objects.filter(report=report)
        .exclude(purpose="notify reporter")
        .exists()
    )
