"""/sms/incoming and /sms/dlr answer only the gateway: the shared secret in the query and a
loopback (configured) caller address. An empty secret setting refuses everything."""

from urllib.parse import urlencode

import pytest
from django.test import Client

from lapor.sms.models import DeliveryReport, InboundSms
from tests.sms.conftest import SECRET, incoming_url

pytestmark = pytest.mark.django_db


def test_the_gateway_with_the_secret_gets_through(directory):
    assert Client().get(incoming_url("INFO")).status_code == 200
    assert InboundSms.objects.count() == 1


@pytest.mark.parametrize("secret", ["", "wrong", SECRET + "x"])
def test_a_wrong_or_missing_secret_is_refused(directory, secret):
    response = Client().get(incoming_url("INFO").replace(f"secret={SECRET}", f"secret={secret}"))
    assert response.status_code == 403
    assert not InboundSms.objects.exists()


def test_a_caller_outside_the_allow_list_is_refused(directory):
    response = Client(REMOTE_ADDR="10.1.2.3").get(incoming_url("INFO"))
    assert response.status_code == 403
    assert not InboundSms.objects.exists()


def test_an_empty_secret_setting_refuses_everything(directory, settings):
    settings.SMS_CALLBACK_SECRET = ""
    response = Client().get(incoming_url("INFO").replace(f"secret={SECRET}", "secret="))
    assert response.status_code == 403


def test_missing_sender_is_a_bad_request(directory):
    response = Client().get("/sms/incoming?" + urlencode({"secret": SECRET, "text": "INFO"}))
    assert response.status_code == 400
    assert not InboundSms.objects.exists()


def test_post_works_like_get(directory):
    query = incoming_url("INFO").split("?", 1)[1]
    response = Client().post(
        "/sms/incoming", query, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200 and InboundSms.objects.count() == 1


def test_dlr_is_guarded_too(directory):
    from lapor.sms.actions import sms_receive

    sms_receive(sender="+6281234567890", receiver="1708", text="INFO", smsc_time="1")
    from lapor.notifications.models import Notification

    n = Notification.objects.get()
    base = {"n": n.pk, "type": 8, "answer": "ACK/"}
    assert Client().get("/sms/dlr?" + urlencode({**base, "secret": "no"})).status_code == 403
    assert (
        Client(REMOTE_ADDR="10.1.2.3")
        .get("/sms/dlr?" + urlencode({**base, "secret": SECRET}))
        .status_code
        == 403
    )
    assert not DeliveryReport.objects.exists()
    assert Client().get("/sms/dlr?" + urlencode({**base, "secret": SECRET})).status_code == 200
    assert (
        Client().get("/sms/dlr?" + urlencode({**base, "n": 0, "secret": SECRET})).status_code == 404
    )
    assert (
        Client().get("/sms/dlr?" + urlencode({**base, "n": "x", "secret": SECRET})).status_code
        == 400
    )


def test_ucs2_text_is_decoded(directory):
    text = "LAPOR Jalan rusak — tolong 🙏 Kota Semarang"
    raw = text.encode("utf-16-be")
    from urllib.parse import quote_from_bytes

    url = incoming_url("X", coding="2", charset="UTF-16BE").replace(
        "text=X", "text=" + quote_from_bytes(raw, safe="")
    )
    assert Client().get(url).status_code == 200
    assert InboundSms.objects.get().text == text


def test_kannels_post_url_form_is_read_from_the_headers(directory):
    text = "LAPOR Jalan rusak — tolong 🙏 di Kota Semarang"
    response = Client().post(
        f"/sms/incoming?secret={SECRET}",
        text.encode("utf-8"),
        content_type='text/plain; charset="UTF-8"',
        HTTP_X_KANNEL_FROM="+6281234567890",
        HTTP_X_KANNEL_TO="1708",
        HTTP_X_KANNEL_TIME="2026-11-28 12:00:43",
        HTTP_X_KANNEL_SMSC="FAKE",
        HTTP_X_KANNEL_CODING="0",
    )
    assert response.status_code == 200
    inbound = InboundSms.objects.get()
    assert (inbound.sender, inbound.receiver, inbound.text) == ("+6281234567890", "1708", text)
    assert inbound.smsc_time == "2026-11-28 12:00:43" and inbound.outcome == "filed"
    response = Client().post(
        f"/sms/incoming?secret={SECRET}",
        text.encode("utf-16-be"),
        content_type="text/plain",
        HTTP_X_KANNEL_FROM="+6281234567890",
        HTTP_X_KANNEL_TIME="2026-11-28 12:00:50",
        HTTP_X_KANNEL_CODING="2",
    )
    assert response.status_code == 200
    assert InboundSms.objects.order_by("pk").last().text == text
