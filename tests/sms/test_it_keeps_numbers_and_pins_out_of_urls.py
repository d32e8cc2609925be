"""Issue 10.13: an SMS receipt carries the report's PIN and goes to the reporter's number. Sent
as a GET, both sat in the request line, which proxies and the gateway's access log write down.
Now the gateway gets a POST: the text (with the PIN) in the body, the number and credentials in
X-Kannel headers, and the request line is the bare path. (The real Kannel takes exactly this:
tests/sms/test_it_runs_through_kannel.py and test_it_survives_the_gateway.py.)"""

from __future__ import annotations

import socket
import threading

import pytest

from lapor.notifications.delivery import deliver
from lapor.notifications.models import Notification
from lapor.sms.models import ReceiptPin
from tests.sms.conftest import PHONE, sms

pytestmark = pytest.mark.django_db


@pytest.fixture
def recording_gateway():  # type: ignore[no-untyped-def]
    """A gateway on a free loopback port that records each raw request and accepts it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    got: list[bytes] = []
    stop = threading.Event()

    def run() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _addr = server.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(2)
                data = b""
                while b"\r\n\r\n" not in data:
                    data += conn.recv(65536)
                head, _sep, rest = data.partition(b"\r\n\r\n")
                length = next(
                    int(line.split(b":", 1)[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                )
                while len(rest) < length:
                    rest += conn.recv(65536)
                got.append(head + b"\r\n\r\n" + rest)
                answer = b"0: Accepted for delivery"
                conn.sendall(
                    b"HTTP/1.1 202 Accepted\r\nContent-Type: text/plain\r\n"
                    b"Content-Length: %d\r\n\r\n%s" % (len(answer), answer)
                )

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/cgi-bin/sendsms", got
    stop.set()
    thread.join(5)
    server.close()


def test_the_receipt_pin_and_number_never_sit_in_the_url(directory, settings, recording_gateway):
    url, got = recording_gateway
    settings.SMS_SENDSMS_URL = url
    settings.SMS_SENDSMS_PASSWORD = "gateway-secret"
    assert (
        sms("LAPOR jalan berlubang besar di depan SD Caturtunggal, Kec. Depok Kab. Sleman") == "ok"
    )
    receipt = Notification.objects.get(channel="sms", event__kind="submitted")
    pin = ReceiptPin.objects.get(notification=receipt).pin

    assert deliver(receipt.pk) == "sent"

    assert len(got) == 1
    head, _sep, body = got[0].partition(b"\r\n\r\n")
    request_line = head.split(b"\r\n")[0].decode()
    # The attack: read the PIN or the number off the URL (proxy or access log). Nothing there.
    assert request_line == "POST /cgi-bin/sendsms HTTP/1.1"
    for secret in (pin, PHONE, PHONE.lstrip("+"), "%2B62", "gateway-secret"):
        assert secret not in request_line
    # The message still carries them where Kannel reads them.
    assert pin.encode() in body
    headers = head.decode().lower()
    assert f"x-kannel-to: {PHONE}".lower() in headers
    assert "content-type: text/plain; charset=utf-8" in headers
    assert not ReceiptPin.objects.filter(notification=receipt).exists()
