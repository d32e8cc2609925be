"""Property: whatever NIK, name and address a requester gives, and whatever happens to the
request (granted and published, refused, objected, decided, taken to the Commission), none of
them appears on a public page, in an API answer (API v1, Open311), in an export to any agency
(or the national one), in an open-data file, in a message of the outbox, or in the logs."""

from __future__ import annotations

import gzip
import logging
import string

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from lapor.notifications.models import Notification
from lapor.opendata import dump
from lapor.ppid.models import InformationEntry
from lapor.reports.models import Report
from tests.exports.conftest import body_of, download
from tests.helpers import pdf_file

from .conftest import request_post_data
from .steps import as_user, console, file_on_web, requester

pytestmark = pytest.mark.django_db

nik = st.from_regex(r"3[1-9]\d{14}", fullmatch=True)
name = st.builds(
    lambda a, b: f"{a.capitalize()} {b.capitalize()}",
    st.text(string.ascii_lowercase, min_size=6, max_size=9),
    st.text(string.ascii_lowercase, min_size=6, max_size=9),
)
street = st.builds(
    lambda s, n: f"Jl. {s.capitalize()} No. {n}",
    st.text(string.ascii_lowercase, min_size=7, max_size=10),
    st.integers(min_value=100, max_value=999),
)
path = st.sampled_from(["published", "refused_objected", "commission"])


def outputs(client: Client, report: Report, api_key: str, pin: str, cast, ppid) -> tuple[str, str]:
    """What anyone can read (pages, open data, Open311), and what goes elsewhere (the
    requester's own API answer, staff exports, the outbox)."""
    parts = []
    for url in (
        "/",
        "/laporan/",
        f"/laporan/?q={report.title_original[:20]}",
        "/informasi/",
        "/informasi/?q=anggaran",
        f"/informasi/instansi/{ppid.sleman_ppid.pk}/",
        "/statistik/ppid/",
        f"/statistik/ppid/{ppid.sleman_ppid.pk}/2026/",
        f"/statistik/ppid/{ppid.sleman_ppid.pk}/2026/?format=csv",
        "/data/ppid/laporan-tahunan-2026.json",
        "/data/ppid/daftar-informasi-publik.json",
        "/data/ppid/daftar-informasi-publik.csv",
        "/data/api/reports.json?page_size=1000",
        "/open311/v2/requests.json",
        "/open311/v2/requests.xml",
        "/open311/v2/servicerequestupdates.json",
        "/api/v1/public/reports",
    ):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        parts.append(response.content.decode())
    for entry in InformationEntry.objects.all():
        parts.append(client.get(f"/informasi/dokumen/{entry.pk}/").content.decode())
    public = "\n".join(parts)
    parts = []
    mine = client.get(
        f"/api/v1/information-requests/{report.tracking_id}",
        HTTP_X_API_KEY=api_key,
        HTTP_X_REPORT_PIN=pin,
    )
    assert mine.status_code == 200
    parts.append(mine.content.decode())
    for user in (cast.national_admin, cast.agency_admin, cast.officer_b, ppid.officer_a):
        response = download(user)
        if response.status_code == 200:
            parts.append(body_of(response).decode("utf-8"))
    manifest = dump.write_dump()
    for f in manifest["files"]:
        with default_storage.open(f["path"], "rb") as fh:
            parts.append(gzip.decompress(fh.read()).decode())
    parts += list(
        Notification.objects.values_list("subject", "body")
        .distinct()
        .values_list("body", flat=True)
    )
    parts += list(Notification.objects.values_list("subject", flat=True))
    return public, "\n".join(parts)


@settings(
    max_examples=6,
    deadline=None,
    # Each example files and answers requests through the pages: shrinking a failure would
    # take minutes; the failing values are printed as they are.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(nik=nik, who=name, address=street, path=path)
def test_the_requester_never_leaks(ppid, cast, make_key, nik, who, address, path, caplog):
    caplog.set_level(logging.DEBUG)
    client = Client()
    report = file_on_web(
        client,
        id_number=nik,
        full_name=who,
        address=address,
        title="Rincian anggaran perbaikan jalan Depok",
    )
    officer, atasan = as_user(ppid.officer_a), as_user(ppid.atasan_a)
    if path == "published":
        console(
            officer,
            report,
            "jawab",
            decision="granted",
            explanation="Terlampir rincian anggaran.",
            files=pdf_file("anggaran.pdf"),
        )
        officer.post(
            f"/konsol/ppid/permohonan/{report.tracking_id}/publikasikan/",
            {
                "publikasikan-title": "Rincian anggaran perbaikan jalan Depok",
                "publikasikan-summary": "Rincian anggaran per ruas jalan di Kecamatan Depok.",
                "publikasikan-released_files": [str(report.attachments.get().pk)],
            },
        )
    else:
        console(
            officer,
            report,
            "jawab",
            decision="refused",
            explanation="Informasi ini dikecualikan untuk sementara.",
            exemption_ground="a",
            consequence_test="Membuka dokumen dapat menghambat proses penegakan hukum.",
        )
        requester(Client(), report, "object", grounds=["a"], reason="Penyelidikan sudah selesai.")
        console(
            atasan,
            report,
            "putuskan-keberatan",
            outcome="rejected",
            considerations="Penyelidikan masih berjalan menurut surat kejaksaan negeri.",
        )
        if path == "commission":
            requester(
                Client(),
                report,
                "commission",
                filed_on="2026-01-02",
                commission="Komisi Informasi DIY",
            )
    # A second request by someone else, still open, sits beside it.
    file_on_web(Client(), **{k: v for k, v in request_post_data().items() if k != "submission_key"})
    public, elsewhere = outputs(Client(), report, make_key(), report.pin, cast, ppid)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for secret in (nik, who, address):
        assert secret not in public, secret
        assert secret not in elsewhere, secret
        assert secret not in logged, secret
    # The request's own words are not published either (only the PPID's summary is).
    assert report.body_original not in public
