"""The webhook: the subscription handshake answers the challenge only for the right token;
every POST must carry the HMAC-SHA256 of its raw body with the app secret; a message delivered
twice files one report; an outage of the API delays answers, which go out once when it is
back; media that cannot be fetched is asked for again (503), not lost."""

from __future__ import annotations

import pytest
from django.test import Client

from lapor.notifications.delivery import deliver
from lapor.notifications.models import Notification
from lapor.reports.models import Report
from lapor.whatsapp.models import InboundMessage
from tests.helpers import jpeg_with_gps
from tests.whatsapp.conftest import VERIFY_TOKEN, WA_ID, answers, make_due

pytestmark = pytest.mark.django_db(transaction=True)


def test_handshake_answers_the_challenge_only_for_the_verify_token(db):
    url = "/whatsapp/webhook?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token="
    ok = Client().get(url + VERIFY_TOKEN)
    assert ok.status_code == 200 and ok.content == b"1158201444"
    assert Client().get(url + "tebakan").status_code == 403
    assert Client().get("/whatsapp/webhook").status_code == 403


def test_a_wrong_or_missing_signature_is_refused(sim, directory):
    payload = sim.envelope(
        WA_ID,
        messages=[sim._message(WA_ID, "text", {"body": "LAPOR Jalan rusak di Kabupaten Sleman"})],
    )
    assert sim.deliver(payload, secret="bukan-rahasia-aplikasi")[0] == 403
    unsigned = Client().post("/whatsapp/webhook", data=b"{}", content_type="application/json")
    assert unsigned.status_code == 403
    assert not InboundMessage.objects.exists() and not Report.objects.exists()
    assert sim.deliver(payload) == (200, "ok")  # the same body, properly signed
    assert Report.objects.count() == 1


def test_the_same_message_delivered_twice_files_one_report(sim, directory):
    payload, first = sim.user_sends_text(
        WA_ID, "LAPOR Jembatan kayu di Caturtunggal, Kabupaten Sleman patah sebelah"
    )
    assert first == (200, "ok")
    assert sim.deliver(payload) == (200, "duplicate")
    assert sim.deliver(payload) == (200, "duplicate")
    assert Report.objects.count() == 1
    assert InboundMessage.objects.get().duplicates == 2
    assert len(answers()) <= 1 and Notification.objects.filter(channel="whatsapp").count() == 1


def test_outage_the_answer_waits_and_goes_out_once_when_the_api_is_back(sim, run_outbox, db):
    sim.user_sends_text(WA_ID, "INFO")
    answer = Notification.objects.get(channel="whatsapp")
    sim.stop()
    assert run_outbox() == 0
    answer.refresh_from_db()
    assert answer.status == "pending" and answer.attempts == 1
    assert "unreachable" in answer.last_error
    make_due(answer)
    assert run_outbox() == 0
    sim.start()  # same port
    make_due(answer)
    assert run_outbox() == 1
    answer.refresh_from_db()
    assert answer.status == "sent" and answer.attempts == 3
    assert deliver(answer.pk) == "skipped"
    make_due(answer)
    assert run_outbox() == 0
    assert len(sim.sent) == 1 and "LAPOR" in sim.sent[0].body


def test_media_that_cannot_be_fetched_is_asked_for_again(sim, directory):
    payload, _ = sim.user_sends_text(WA_ID, "halo")
    photo = jpeg_with_gps().read()
    message = sim._message(WA_ID, "image", {"mime_type": "image/jpeg", "id": "404404"})
    status = sim.deliver(sim.envelope(WA_ID, messages=[message]))
    assert status[0] == 503
    assert not InboundMessage.objects.filter(message_id=message["id"]).exists()
    sim.media["404404"] = (photo, "image/jpeg")  # Meta delivers it again later
    assert sim.deliver(sim.envelope(WA_ID, messages=[message])) == (200, "ok")
    assert InboundMessage.objects.get(message_id=message["id"]).outcome == "file_kept"


def test_a_reaction_is_kept_but_not_answered(sim, db):
    reaction = sim._message(WA_ID, "reaction", {"message_id": "wamid.SIMOUT1", "emoji": "👍"})
    assert sim.deliver(sim.envelope(WA_ID, messages=[reaction])) == (200, "ok")
    assert InboundMessage.objects.get().outcome == "ignored"
    assert answers() == []
