"""Who may do what on an information request, attacked through the console: another agency's
PPID gets 404 everywhere; a PPID officer cannot decide an objection; an Atasan PPID cannot
answer the request itself; liaison officers and agency admins do not reach the PPID console or
the requester's identity."""

from __future__ import annotations

import pytest

from lapor.ppid.access import requester_identity
from lapor.ppid.models import Notice, Objection
from lapor.reports.models import IdentityAccessLog, Status

from .conftest import NIK
from .steps import as_user, console, file_on_web, requester

pytestmark = pytest.mark.django_db

REFUSAL = {
    "decision": "refused",
    "explanation": "Informasi ini termasuk informasi yang dikecualikan.",
    "exemption_ground": "h",
    "consequence_test": "Membuka data ini mengungkap rahasia pribadi warga yang namanya ada "
    "di dalam dokumen.",
}


def test_another_agencys_ppid_gets_404_on_every_page_and_action(ppid, client):
    report = file_on_web(client)
    other = as_user(ppid.officer_b)
    base = f"/konsol/ppid/permohonan/{report.tracking_id}/"
    assert other.get(base).status_code == 404
    for action in ("jawab", "perpanjang", "klarifikasi", "putuskan-keberatan", "publikasikan"):
        assert other.post(base + action + "/", {}).status_code == 404
    assert console(other, report, "jawab", **REFUSAL).status_code == 404
    assert not Notice.objects.exists()
    # Their register does not list it either.
    assert report.tracking_id not in other.get("/konsol/ppid/").content.decode()
    # Nor does the other Atasan.
    assert as_user(ppid.atasan_b).get(base).status_code == 404


def test_a_ppid_officer_cannot_decide_an_objection(ppid, client):
    report = file_on_web(client)
    officer = as_user(ppid.officer_a)
    assert console(officer, report, "jawab", **REFUSAL).status_code == 302
    requester(client, report, "object", grounds=["a"], reason="Ini bukan rahasia pribadi.")
    response = console(
        officer,
        report,
        "putuskan-keberatan",
        outcome="rejected",
        considerations="Saya sendiri menilai penolakan saya sudah benar dan lengkap.",
    )
    assert response.status_code == 404
    assert Objection.objects.get().outcome == ""
    page = officer.get(f"/konsol/ppid/permohonan/{report.tracking_id}/").content.decode()
    assert "putuskan-keberatan" not in page


def test_an_atasan_cannot_answer_the_request_itself(ppid, client):
    report = file_on_web(client)
    atasan = as_user(ppid.atasan_a)
    page = atasan.get(f"/konsol/ppid/permohonan/{report.tracking_id}/")
    assert page.status_code == 200  # the Atasan reads the requests of its PPID
    assert "/jawab/" not in page.content.decode()
    assert console(atasan, report, "jawab", **REFUSAL).status_code == 404
    assert (
        console(atasan, report, "perpanjang", reason="Alasan yang cukup panjang.").status_code
        == 404
    )
    assert not Notice.objects.exists()
    report.refresh_from_db()
    assert report.status == Status.INFO_REGISTERED


def test_the_atasan_decides(ppid, client):
    report = file_on_web(client)
    console(as_user(ppid.officer_a), report, "jawab", **REFUSAL)
    requester(client, report, "object", grounds=["a"], reason="Ini bukan rahasia pribadi.")
    response = console(
        as_user(ppid.atasan_a),
        report,
        "putuskan-keberatan",
        outcome="accepted",
        considerations="Dokumen tidak memuat data pribadi; pengecualian tidak berdasar.",
        order="PPID memberikan salinan dokumen dalam 5 hari kerja.",
    )
    assert response.status_code == 302
    objection = Objection.objects.get()
    assert objection.outcome == "accepted" and objection.decision_number
    report.refresh_from_db()
    assert report.status == Status.INFO_OBJECTION_DECIDED


def test_staff_outside_the_ppid_do_not_reach_the_console_or_the_identity(ppid, cast, client):
    report = file_on_web(client)
    for user in (cast.officer_a, cast.agency_admin, cast.reporter2):
        staff = as_user(user)
        assert staff.get(f"/konsol/ppid/permohonan/{report.tracking_id}/").status_code == 404
        assert staff.get("/konsol/ppid/").status_code == 404
        assert requester_identity(report, actor=user, purpose="test") is None
    # The agency admin may verify the region (and so open the case page to convert it), but
    # the case page carries no name, NIK or address.
    page = as_user(cast.agency_admin).get(f"/konsol/laporan/{report.tracking_id}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert NIK not in text and "Rina Kusumawardani" not in text and "Kaliurang Km 5" not in text
    # Every attempt is in the access log, refused ones too.
    assert IdentityAccessLog.objects.filter(report=report, granted=False).count() >= 3


def test_the_ppid_reads_the_identity_and_the_read_is_logged(ppid, client):
    report = file_on_web(client)
    before = IdentityAccessLog.objects.filter(report=report, granted=True).count()
    page = as_user(ppid.officer_a).get(f"/konsol/ppid/permohonan/{report.tracking_id}/")
    assert NIK in page.content.decode()
    assert (
        IdentityAccessLog.objects.filter(report=report, granted=True, actor=ppid.officer_a).count()
        == before + 1
    )
