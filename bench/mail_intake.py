"""E-mail intake throughput: N messages over real SMTP to `run_mail_intake`'s server, each
filing a report (place found) or waiting for its place; then N replies threaded onto reports.

    DATABASE_URL=sqlite:////tmp/copy.sqlite3 .venv/bin/python bench/mail_intake.py 200

Use a copy of a database with the directory loaded: it writes reports.
"""

from __future__ import annotations

import os
import smtplib
import socket
import sys
import time
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import make_msgid

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lapor.settings")
os.environ.setdefault("EMAIL_BACKEND", "")
django.setup()

from django.conf import settings  # noqa: E402

from lapor.mailbox.server import build  # noqa: E402
from lapor.mailbox.tokens import reply_address, reporter_token  # noqa: E402
from lapor.reports.models import Report  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def message(i: int, to: str, text: str) -> bytes:
    m = EmailMessage()
    m["From"], m["To"] = f"warga{i}@example.id", to
    m["Subject"] = f"Jalan berlubang nomor {i}"
    m["Message-ID"] = make_msgid(domain="bench.example")
    m.set_content(text)
    return m.as_bytes(policy=SMTP)


def main(n: int) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    port = free_port()
    controller = build("127.0.0.1", port)
    controller.start()
    before = Report.objects.count()
    try:
        with smtplib.SMTP("127.0.0.1", port) as client:
            start = time.perf_counter()
            for i in range(n):
                client.sendmail(
                    f"warga{i}@example.id",
                    [settings.MAIL_INTAKE_ADDRESS],
                    message(
                        i,
                        settings.MAIL_INTAKE_ADDRESS,
                        "Jalan di Kecamatan Depok, "
                        "Kabupaten Sleman berlubang besar dan berbahaya sejak Agustus.",
                    ),
                )
            filed = time.perf_counter() - start
            reports = list(Report.objects.order_by("-pk")[:n])
            pairs = [(r, reply_address(reporter_token(r))) for r in reports]
            start = time.perf_counter()
            for r, address in pairs:
                i = int(r.title_original.rsplit(" ", 1)[-1])
                client.sendmail(
                    f"warga{i}@example.id", [address], message(i, address, "Lubangnya makin besar.")
                )
            replied = time.perf_counter() - start
    finally:
        controller.stop()
    print(
        f"{Report.objects.count() - before} reports filed by {n} mails in {filed:.2f}s "
        f"({n / filed:.1f} mails/s, {1000 * filed / n:.1f} ms each)"
    )
    print(
        f"{n} replies threaded in {replied:.2f}s ({n / replied:.1f}/s, "
        f"{1000 * replied / n:.1f} ms each)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
