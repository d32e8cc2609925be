"""Property: whatever privacy a report has and whatever personal data its text holds, no public
page (feed, search, report page) shows an unmasked NIK, phone number or e-mail address, nor the
name or contact of an anonymous or confidential reporter, nor anything of a confidential one."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.public.conftest import file_report, publish

nik = st.from_regex(r"3[1-9]\d{14}", fullmatch=True)
phone = st.from_regex(r"08[1-9]\d{8,10}", fullmatch=True).map(lambda p: f"{p[:4]}-{p[4:8]}-{p[8:]}")
email = st.from_regex(r"[a-z]{3,8}\.[a-z]{2,6}@(gmail\.com|mail\.id)", fullmatch=True)
privacy = st.sampled_from(["public", "anonymous", "confidential"])
SEPARATORS = re.compile(r"[\s.\-]")


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(privacy=privacy, nik=nik, phone=phone, email=email)
def test_it_never_leaks(cast, directory, privacy, nik, phone, email):
    name = "Wiryo Sukmajaya"
    report = publish(
        file_report(
            f"Jalan berlubang, hubungi {phone}",
            f"NIK {nik}. Surel {email}. Telepon {phone}. Jalan sekolah rusak.",
            privacy=privacy,
            name=name,
            email=email,
        ),
        cast,
        directory.sleman_pupr,
    )
    client = Client()
    pages = [
        client.get(reverse("public:feed")).content.decode(),
        client.get(reverse("public:feed"), {"q": "jalan sekolah"}).content.decode(),
    ]
    # Searching someone's NIK, phone or address must not find (and so reveal) the report.
    for secret in (nik, phone, email):
        found = client.get(reverse("public:feed"), {"q": secret}).content.decode()
        assert f"/laporan/{report.tracking_id}/" not in found
    detail = client.get(reverse("public:report", kwargs={"tracking_id": report.tracking_id}))
    assert detail.status_code == (404 if privacy == "confidential" else 200)
    if privacy != "confidential":  # the 404 page repeats the address that was asked
        pages.append(detail.content.decode())
    for html in pages:
        flat = SEPARATORS.sub("", html)
        assert nik not in flat
        assert SEPARATORS.sub("", phone) not in flat
        assert email not in html
        assert name not in html
        if privacy == "confidential":
            assert report.tracking_id not in html
    report.delete()
