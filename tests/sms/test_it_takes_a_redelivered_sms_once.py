"""The gateway really delivers the same SMS twice: Lapor takes the message but the answer to
smsbox is lost (a proxy between Kannel and the app drops the first response), so smsbox calls
again (``http-request-retry``). One report, one receipt."""

from __future__ import annotations

import http.client
import socket
import threading

import pytest

from lapor.notifications.models import Notification
from lapor.reports.models import Report
from lapor.sms.models import InboundSms
from tests.sms.conftest import PHONE, SECRET, pause
from tests.sms.kannel import Kannel, free_port, require_kannel
from tests.sms.test_it_runs_through_kannel import wait_for

pytestmark = [pytest.mark.kannel, pytest.mark.django_db(transaction=True)]


class LossyProxy:
    """Forwards each HTTP request to the app; the first response never reaches the caller."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = free_port()
        self.calls = 0
        self.server = socket.create_server(("127.0.0.1", self.port))
        self.server.settimeout(0.2)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _addr = self.server.accept()
            except OSError:
                continue
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(30)
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                data += chunk
            head, body = data.split(b"\r\n\r\n", 1)
            lines = head.decode("latin-1").split("\r\n")
            method, path, _version = lines[0].split(" ", 2)
            headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
            length = int(headers.get("Content-Length", "0"))
            while len(body) < length:
                body += conn.recv(65536)
            headers.pop("Host", None)
            upstream = http.client.HTTPConnection("127.0.0.1", self.target_port, timeout=30)
            upstream.request(method, path, body=body or None, headers=headers)
            response = upstream.getresponse()
            answer = response.read()
            upstream.close()
            self.calls += 1
            if self.calls == 1:
                return  # processed by the app, answer lost: close without a response
            conn.sendall(
                f"HTTP/1.1 {response.status} OK\r\nContent-Length: {len(answer)}\r\n"
                "Connection: close\r\n\r\n".encode()
                + answer
            )

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        self.server.close()


def test_a_lost_answer_makes_smsbox_deliver_again_and_one_report_is_filed(
    live_server, settings, directory
):
    require_kannel()
    target = int(live_server.url.rsplit(":", 1)[1])
    proxy = LossyProxy(target)
    gateway = Kannel(app_base_url=f"http://127.0.0.1:{proxy.port}", secret=SECRET)
    settings.SMS_SENDSMS_URL = gateway.sendsms_url
    settings.SMS_SENDSMS_PASSWORD = gateway.sendsms_password
    try:
        gateway.start()
        gateway.send_mo(PHONE, "LAPOR Jalan berlubang besar di depan SD Caturtunggal, Kab. Sleman")
        wait_for(lambda: proxy.calls >= 2, timeout=40, what="smsbox to call again")
        pause(1)
        assert InboundSms.objects.count() == 1
        assert InboundSms.objects.get().duplicates >= 1
        assert Report.objects.count() == 1
        assert Notification.objects.filter(channel="sms").count() == 1
    finally:
        gateway.cleanup()
        proxy.close()
