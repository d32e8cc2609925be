"""SMS 1708 through the real Kannel: intake rate of /sms/incoming called directly (what smsbox
does), end-to-end MO through fakesmsc, and MT through sendsms (answers sent by the outbox).

    cp var/lapor.sqlite3 /tmp/sms.sqlite3
    DATABASE_URL=sqlite:////tmp/sms.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/sms.sqlite3 .venv/bin/python bench/sms_gateway.py 300

Use a copy of a database with the directory loaded: it writes reports.
"""

from __future__ import annotations

import os
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lapor.settings")
os.environ.setdefault("SMS_CALLBACK_SECRET", "bench-secret")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.utils import timezone  # noqa: E402

from lapor.notifications.delivery import deliver  # noqa: E402
from lapor.notifications.models import Notification  # noqa: E402
from lapor.sms.models import InboundSms  # noqa: E402
from tests.sms.kannel import FAKESMSC, Kannel  # noqa: E402

TEXT = "LAPOR Jalan berlubang besar di depan SD Caturtunggal Kec. Depok Kab. Sleman nomor"


class Quiet(WSGIRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve() -> tuple[ThreadedWSGIServer, str]:
    server = ThreadedWSGIServer(("127.0.0.1", 0), Quiet)
    server.set_app(get_wsgi_application())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def main(n: int) -> None:
    server, base = serve()
    secret = settings.SMS_CALLBACK_SECRET
    gateway = Kannel(app_base_url=base, secret=secret)
    settings.SMS_SENDSMS_URL = gateway.sendsms_url
    settings.SMS_SENDSMS_PASSWORD = gateway.sendsms_password
    settings.SMS_CALLBACK_BASE_URL = base
    gateway.start()
    gateway.listen()
    try:
        first = InboundSms.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        # 1. What smsbox does, as fast as one client can: GET /sms/incoming.
        stamp = int(time.time())
        start = time.perf_counter()
        for i in range(n):
            query = urllib.parse.urlencode(
                {
                    "secret": secret,
                    "from": f"+62812{stamp % 1000000:06d}{i % 100:02d}"[:14],
                    "to": "1708",
                    "text": f"{TEXT} {stamp}-{i}",
                    "ts": str(stamp),
                }
            )
            with urllib.request.urlopen(f"{base}/sms/incoming?{query}") as response:
                response.read()
        direct = time.perf_counter() - start
        taken = InboundSms.objects.filter(pk__gt=first)
        filed = taken.filter(outcome="filed").count()
        # 2. MT: send the receipts through sendsms.
        due = list(
            Notification.objects.filter(
                channel="sms", status="pending", next_attempt_at__lte=timezone.now()
            ).values_list("pk", flat=True)[:n]
        )
        start = time.perf_counter()
        sent = sum(deliver(pk) == "sent" for pk in due)
        mt = time.perf_counter() - start
        start = time.perf_counter()
        got = gateway.wait_received(len(due), timeout=120)
        arrived = time.perf_counter() - start
        # 3. MO end to end through fakesmsc (its rate is capped near 30/s by the simulator).
        mo_n = min(n, 60)
        before = InboundSms.objects.count()
        gateway._stop("fakesmsc")
        start = time.perf_counter()
        gateway._spawn(
            "fakesmsc",
            [
                FAKESMSC,
                "-H",
                "127.0.0.1",
                "-r",
                str(gateway.smsc_port),
                "-i",
                "0.01",
                "-m",
                str(mo_n),
                "-z",
                "5",
                f"+62813<rand> 1708 text {TEXT} <rand>",
            ],
        )
        while InboundSms.objects.count() < before + mo_n and time.perf_counter() - start < 120:
            time.sleep(0.05)
        mo = time.perf_counter() - start
        mo_got = InboundSms.objects.count() - before
    finally:
        gateway.cleanup()
        server.shutdown()
    print(f"/sms/incoming direct: {n} SMS in {direct:.2f}s = {n / direct:.0f}/s ({filed} filed)")
    print(
        f"sendsms (outbox deliver): {sent} accepted in {mt:.2f}s = {sent / mt:.0f}/s; "
        f"all {len(got)} at fakesmsc {arrived:.2f}s later"
    )
    print(f"MO through fakesmsc -> smsbox -> app: {mo_got} in {mo:.2f}s = {mo_got / mo:.1f}/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
