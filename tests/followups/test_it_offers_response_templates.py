"""Issue 17, item 1: response templates. An agency admin keeps the agency's templates, national
admins the shared ones; the officer inserts one into the follow-up form (without JavaScript),
filled from the case, edits it and posts; other agencies' templates are neither offered nor
insertable, and their management pages answer 404."""

from __future__ import annotations

import pytest

from lapor.agencies.models import Membership
from lapor.reports.models import ReportEvent, ResponseTemplate
from tests.console.conftest import case_url, disposed, login  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db

BODY = (
    "Laporan {nomor} tentang “{judul}” di {tempat} sudah kami terima. Tim {instansi} akan "
    "memeriksa lokasi paling lambat {batas_waktu}."
)


def _save(client, **fields):  # type: ignore[no-untyped-def]
    data = {"situation": "scheduled", "category": "", "title": "Jadwal pemeriksaan"} | fields
    return client.post("/konsol/templat/", data)


def test_an_officer_inserts_a_filled_template_edits_it_and_posts(cast, directory, disposed):  # noqa: F811
    admin = login(cast.agency_admin)
    assert _save(admin, owner=str(directory.sleman_gov.pk), body=BODY).status_code == 302
    national = login(cast.national_admin)
    assert (
        _save(
            national,
            owner="shared",
            situation="acknowledge",
            title="Terima kasih (nasional)",
            body="Terima kasih, laporan {nomor} kami terima.",
        ).status_code
        == 302
    )
    # Semarang's own template is not for Sleman's officers.
    Membership.objects.create(
        user=cast.officer_b, agency=directory.semarang_gov, role=Membership.Role.AGENCY_ADMIN
    )
    assert (
        _save(
            login(cast.officer_b), owner=str(directory.semarang_gov.pk), body="Semarang saja."
        ).status_code
        == 302
    )
    semarang = ResponseTemplate.objects.get(agency=directory.semarang_gov)
    sleman = ResponseTemplate.objects.get(agency=directory.sleman_gov)

    officer = login(cast.officer_a)
    page = officer.get(case_url(disposed)).content.decode()
    assert "Jadwal pemeriksaan" in page and "Terima kasih (nasional)" in page
    assert "Semarang saja" not in page and f'value="{semarang.pk}"' not in page
    filled = officer.get(case_url(disposed) + f"?templat={sleman.pk}").content.decode()
    assert f"Laporan {disposed.tracking_id} tentang" in filled
    assert "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sleman" in filled
    assert "{batas_waktu}" not in filled and "{nomor}" not in filled
    # Another agency's template id inserts nothing.
    other = officer.get(case_url(disposed) + f"?templat={semarang.pk}").content.decode()
    assert "Semarang saja" not in other

    edited = (
        f"Laporan {disposed.tracking_id}: tim kami memeriksa lubang di Jl. Colombo hari Kamis "
        "pukul 09.00 dan langsung menambalnya bila aspal tersedia."
    )
    response = officer.post(
        case_url(disposed, "tindak-lanjut"),
        {"tindak_lanjut-message": edited, "tindak_lanjut-outcome": "progress"},
    )
    assert response.status_code == 302
    assert ReportEvent.objects.get(report=disposed, kind="follow_up").message == edited


def test_templates_are_managed_by_their_admins_only(cast, directory):
    admin = login(cast.agency_admin)
    bad = _save(admin, owner=str(directory.sleman_gov.pk), body="Laporan {nomer} diterima.")
    html = bad.content.decode()
    assert bad.status_code == 200 and "{nomer}" in html and 'href="#field-body"' in html
    assert "Laporan {nomer} diterima." in html  # what was typed is kept
    assert not ResponseTemplate.objects.exists()
    # An agency admin cannot write a shared template or another government's.
    assert (
        "shared"
        not in admin.get("/konsol/templat/").content.decode().split('name="owner"')[1][:400]
    )
    refused = _save(admin, owner=str(directory.semarang_gov.pk), body="Halo.")
    assert refused.status_code == 200 and not ResponseTemplate.objects.exists()
    _save(admin, owner=str(directory.sleman_gov.pk), body="Laporan {nomor} diterima.")
    template = ResponseTemplate.objects.get()
    # Officers (no VERIFY) and other governments' admins get 404 on the pages.
    assert login(cast.officer_a).get("/konsol/templat/").status_code == 404
    Membership.objects.create(
        user=cast.officer_b, agency=directory.semarang_gov, role=Membership.Role.AGENCY_ADMIN
    )
    assert login(cast.officer_b).get(f"/konsol/templat/{template.pk}/").status_code == 404
    assert (
        login(cast.officer_b).post(f"/konsol/templat/{template.pk}/", {"retire": "1"}).status_code
        == 404
    )
    assert ResponseTemplate.objects.get().is_active
    # The national admin curates every template.
    assert login(cast.national_admin).get(f"/en/konsol/templat/{template.pk}/").status_code == 200


def test_the_console_links_to_templates_and_evaluation_for_admins_only(cast, directory):
    page = login(cast.agency_admin).get("/konsol/").content.decode()
    assert 'href="/konsol/templat/"' in page and 'href="/konsol/evaluasi/"' in page
    officer = login(cast.officer_a).get("/konsol/").content.decode()
    assert 'href="/konsol/templat/"' not in officer and 'href="/konsol/evaluasi/"' not in officer
