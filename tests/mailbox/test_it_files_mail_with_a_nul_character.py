"""A NUL character in a mail's subject or text (a broken client) is dropped and the report
filed, over real SMTP: the intake does not answer "try again later" forever (issue 11.6)."""

from __future__ import annotations

import pytest

from lapor.reports.models import Report
from tests.mailbox.conftest import mail

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_nul_in_the_mail_is_dropped_and_the_report_filed(cast, directory, intake, outgoing):
    message = mail(
        subject="Jalan berlubang\x00 di depan SD",
        body="Sudah tiga bulan jalan di depan sekolah di Kecamatan Depok, Kabupaten Sleman\x00 "
        "berlubang besar dan membahayakan anak-anak. Mohon segera diperbaiki.",
    )
    assert intake.send(message) == {}
    report = Report.objects.get()
    assert "\x00" not in report.title_original and "\x00" not in report.body_original
    assert "Sleman berlubang" in report.body_original
