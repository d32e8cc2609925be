"""Property: whatever privacy a report has and whatever personal data its text and address hold,
no public page (feed, search, report page, map and its points) nor the similar-reports lookup —
nor a staff member's daily digest e-mail — shows an unmasked NIK, phone number or e-mail
address, nor the name or contact of an anonymous or confidential reporter, nor the address an
anonymous or confidential reporter typed, nor anything of a confidential one (digests aside:
staff handle confidential cases); and no search or lookup finds the report by a piece of that
data."""

from __future__ import annotations

import re
from decimal import Decimal

from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lapor.notifications.digest import send_digests
from lapor.notifications.models import Notification
from tests.public.conftest import file_report, publish

# ASCII digits ([0-9], not \d, which also draws other scripts' digits): what people type.
nik = st.from_regex(r"3[1-9][0-9]{14}", fullmatch=True)
phone = st.from_regex(r"08[1-9][0-9]{8,10}", fullmatch=True).map(
    lambda p: f"{p[:4]}-{p[4:8]}-{p[8:]}"
)
# Words the report shows anyway (its text and the masks): an e-mail address made of them could
# legitimately find it.
SHOWN = {"jalan", "berlubang", "hubungi", "nik", "surel", "telepon", "sekolah", "rusak", "gang"}
SHOWN |= {"nomor", "disamarkan", "email"}
email = st.from_regex(r"[a-z]{3,8}\.[a-z]{2,6}@(gmail\.com|mail\.id)", fullmatch=True).filter(
    lambda e: not set(re.split(r"[.@]", e)) & SHOWN
)
privacy = st.sampled_from(["public", "anonymous", "confidential"])
# A report of wrongdoing by officials is confidential whatever privacy was asked for.
kind = st.sampled_from(["complaint", "complaint", "whistleblowing"])
# Where the reporter lives, as people write it: a lane and a house, nobody else's words.
house = st.from_regex(r"Gang [A-Z][a-z]{5,9} No\. [1-9][0-9]?", fullmatch=True)
SEPARATORS = re.compile(r"[\s.\-]")
SIMILAR_URL = "/konsol/routing/serupa/"


def _fragments(nik: str, phone: str, email: str) -> list[str]:
    """Pieces of the data someone might search for: the groups people write numbers in, the
    digits of a phone number after its prefix, the words of an e-mail address."""
    groups = phone.split("-")
    local = email.split("@")[0]
    return [
        nik,
        f"{nik[:4]} {nik[4:8]} {nik[8:12]} {nik[12:]}",
        f"{nik[4:8]} {nik[8:12]}",
        phone,
        f"{groups[1]} {groups[2]}",
        groups[2],
        email,
        " ".join(local.split(".")),
    ]


def _digests() -> list[str]:
    """Today's staff digests as the mail server would get them (subject and body), written
    afresh each time."""
    Notification.objects.filter(dedupe_key__startswith="digest:").delete()
    send_digests()
    rows = Notification.objects.filter(dedupe_key__startswith="digest:")
    return [f"{n.subject}\n{n.body}" for n in rows]


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(privacy=privacy, kind=kind, nik=nik, phone=phone, email=email, house=house)
def test_it_never_leaks(cast, directory, privacy, kind, nik, phone, email, house):
    from tests.whistle.conftest import inspektorat

    cache.clear()  # the lookup's rate limit counts per test client; each example starts afresh
    name = "Wiryo Sukmajaya"
    whistle = kind == "whistleblowing"
    filed = file_report(
        f"Jalan berlubang, hubungi {phone}",
        f"NIK {nik}. Surel {email}. Telepon {phone}. Jalan sekolah rusak.",
        privacy=privacy,
        kind=kind,
        name=name,
        email=email,
        address=f"{house}, telepon {phone}",
        latitude=Decimal("-7.776812"),
        longitude=Decimal("110.390347"),
        requested_agency=directory.sleman_pupr if whistle else None,
    )
    # Staff digests: the verifier's (new report to verify), then the unit's (new case).
    mails = _digests()
    report = publish(filed, cast, inspektorat(directory) if whistle else directory.sleman_pupr)
    mails += _digests()
    assert any(report.tracking_id in m for m in mails)
    if whistle:
        privacy = "confidential"  # what the rule makes of it, whatever was asked
    client = Client()
    similar = client.get(
        SIMILAR_URL, {"regency": "34.04", "title": "Jalan sekolah berlubang", "body": "rusak"}
    )
    assert similar.status_code == 200
    found_similar = [r["tracking_id"] for r in similar.json()["results"]]
    assert (report.tracking_id in found_similar) == (privacy != "confidential")
    pages = [
        client.get(reverse("public:feed")).content.decode(),
        client.get(reverse("public:feed"), {"q": "jalan sekolah"}).content.decode(),
        similar.content.decode(),
        # The public map and its points (docs/map.md).
        client.get(reverse("public:map")).content.decode(),
        client.get(reverse("public:map_points")).content.decode(),
    ]
    # Searching someone's NIK, phone or address, or a piece of it, must not find (and so
    # reveal) the report: not in the search, not in the similar-reports lookup.
    for secret in _fragments(nik, phone, email):
        found = client.get(reverse("public:feed"), {"q": secret}).content.decode()
        assert f"/laporan/{report.tracking_id}/" not in found, secret
        lookup = client.get(SIMILAR_URL, {"regency": "34.04", "title": f"laporan {secret}"})
        assert lookup.status_code == 200
        assert report.tracking_id not in lookup.content.decode(), secret
        pages.append(lookup.content.decode())
    detail = client.get(reverse("public:report", kwargs={"tracking_id": report.tracking_id}))
    assert detail.status_code == (404 if privacy == "confidential" else 200)
    if privacy != "confidential":  # the 404 page repeats the address that was asked
        pages.append(detail.content.decode())
    for html in pages + mails:
        flat = SEPARATORS.sub("", html)
        assert nik not in flat
        assert SEPARATORS.sub("", phone) not in flat
        assert email not in html
        assert name not in html
        if privacy != "public":
            assert house not in html
            # Only the grid cell's centre of an anonymous report's point is published.
            assert "7.776812" not in html and "110.390347" not in html
        if privacy == "confidential" and html not in mails:  # staff handle confidential cases
            assert report.tracking_id not in html
    if privacy == "public":  # a public report's address is published, masked
        assert house in pages[-1]
    report.delete()
