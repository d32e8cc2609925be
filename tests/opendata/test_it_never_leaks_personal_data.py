"""Property: whatever the privacy and whatever personal data a reporter types, nothing of the
identity and no unmasked NIK/phone/e-mail reaches Open311 (XML, JSON, updates) or the open data
(API, CSV and JSON dump files); confidential reports do not appear at all; the address an
anonymous reporter typed appears nowhere, and its coordinates only coarsened (never the point
as given)."""

from __future__ import annotations

import datetime as dt
import gzip
import string
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lapor.opendata import dump
from lapor.regions.models import Region
from lapor.reports import actions
from tests.open311.conftest import make_public

pytestmark = pytest.mark.django_db

nik = st.from_regex(r"[1-9][0-9]{15}", fullmatch=True)
phone = st.one_of(
    st.from_regex(r"08[1-9][0-9]{7,10}", fullmatch=True),
    st.from_regex(r"\+628[1-9][0-9]{2}-[0-9]{4}-[0-9]{3,4}", fullmatch=True),
)
email = st.builds(
    lambda a, b: f"{a}@{b}.id",
    st.text(string.ascii_lowercase, min_size=4, max_size=10),
    st.text(string.ascii_lowercase, min_size=4, max_size=10),
)
name = st.builds(lambda s: f"Pelapor{s}", st.text(string.ascii_uppercase, min_size=6, max_size=8))
house = st.from_regex(r"Gang [A-Z][a-z]{5,9} No\. [1-9][0-9]?", fullmatch=True)
# A point in Indonesia with six decimals, the last one never 0: never a published grid centre.
micro = st.tuples(st.integers(-10_000_000, 5_000_000), st.integers(95_000_000, 141_000_000))
point = micro.filter(lambda p: p[0] % 10 and p[1] % 10).map(
    lambda p: (Decimal(p[0]) / 1_000_000, Decimal(p[1]) / 1_000_000)
)


def _outputs(client: Client) -> str:
    parts = []
    for url in (
        "/open311/v2/requests.xml",
        "/open311/v2/requests.json",
        "/open311/v2/servicerequestupdates.xml",
        "/open311/v2/servicerequestupdates.json",
        "/data/api/reports.json?page_size=1000",
    ):
        r = client.get(url)
        assert r.status_code == 200
        parts.append(r.content.decode())
    manifest = dump.write_dump()
    for f in manifest["files"]:
        with default_storage.open(f["path"], "rb") as fh:
            parts.append(gzip.decompress(fh.read()).decode())
    return "\n".join(parts)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    privacy=st.sampled_from(["public", "anonymous", "confidential"]),
    nik=nik,
    phone=phone,
    email=email,
    who=name,
    follow_up_leaks=st.booleans(),
    house=house,
    point=point,
)
def test_no_identity_and_no_unmasked_data_leaves(
    cast, directory, privacy, nik, phone, email, who, follow_up_leaks, house, point
):
    report = actions.report_submit(
        kind="complaint",
        title=f"Jalan rusak, hubungi {phone}",
        body=f"NIK saya {nik}, telepon {phone}, surel {email}.",
        incident_date=dt.date(2026, 1, 5),
        region=Region.objects.get(code="34.04.07.2001"),
        privacy=privacy,
        address=f"{house}, kontak {phone}",
        latitude=point[0],
        longitude=point[1],
        contact=actions.ReporterContact(full_name=who, email=email, phone=phone),
    ).report
    make_public(
        report,
        cast,
        directory,
        follow_up=f"Kami akan menelepon {phone} / {email}" if follow_up_leaks else "",
    )
    text = _outputs(Client())
    for secret in (nik, phone, email, who):
        assert secret not in text
    exact = (str(float(point[0])), str(float(point[1])), str(point[0]), str(point[1]))
    if privacy == "confidential":
        assert report.tracking_id not in text
    else:
        assert report.tracking_id in text
    if privacy == "public":
        assert house in text  # published, masked
        assert str(float(point[0])) in text
    else:
        assert house not in text
        for value in exact:
            assert value not in text
