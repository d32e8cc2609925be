"""Issue 17, item 3: evidence that cannot be recycled. Every photo gets a perceptual hash and its
camera time (read before the metadata is stripped); a "resolved" follow-up whose photo is the
same picture as an earlier photo of the case or of another case, or was taken before the
report, is flagged to the verifier, shown to the reporter, and counted on the scorecard."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from lapor.reports import actions, evidence
from lapor.reports import case_actions as ca
from lapor.reports.attachments import check_file, stage
from lapor.reports.models import Attachment, EvidenceFlag, Report
from lapor.stats.rollup import refresh
from tests.console.conftest import case_url, login
from tests.followups.photos import jpeg, resaved, resized, street

pytestmark = pytest.mark.django_db

POTHOLE_TAKEN = "2026:01:02 08:00:00"


def upload(name: str, raw: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, raw, content_type="image/jpeg")


def staged(name: str, raw: bytes):  # type: ignore[no-untyped-def]
    return stage(check_file(upload(name, raw)))


def test_copies_match_and_other_photos_of_the_street_do_not():
    original = jpeg(street(), taken=POTHOLE_TAKEN)
    base = evidence.fingerprint(original)
    copies = {
        "re-saved": resaved(original),
        "resized": resized(original),
        "resized small": resized(original, factor=0.3),
        "re-dated": jpeg(street(), taken="2026:03:01 10:00:00"),
    }
    for name, raw in copies.items():
        assert evidence.distance(base, evidence.fingerprint(raw)) <= evidence.SAME_PICTURE, name
    others = {
        "further along": jpeg(street(camera=0.4, seed=2)),
        "from the other side": jpeg(street(camera=-0.5, seed=3)),
        "repaired, elsewhere": jpeg(street(camera=0.3, pothole=False, seed=4, light=20)),
        "repaired, same spot": jpeg(street(pothole=False, seed=5, light=15)),
        "a few steps on": jpeg(street(camera=0.2, seed=6)),
    }
    for name, raw in others.items():
        assert evidence.distance(base, evidence.fingerprint(raw)) > evidence.SAME_PICTURE, name


def test_the_camera_time_is_kept_privately_and_stripped_from_the_file(cast, directory):
    pending = staged("lubang.jpg", jpeg(street(), taken=POTHOLE_TAKEN))
    assert pending.captured_at == dt.datetime(2026, 1, 2, 1, 0, tzinfo=dt.UTC)
    assert len(pending.phash) == 16
    with pending.file.open("rb") as fh:
        stored = fh.read()
    assert evidence.capture_time(stored) is None  # the tags are gone from what is stored
    assert b"2026:01:02" not in stored


def _report_with_photo(directory, cast, title: str, raw: bytes) -> Report:  # type: ignore[no-untyped-def]
    from lapor.regions.models import Region

    report = actions.report_submit(
        kind="complaint",
        title=title,
        body="Lubang besar sudah tiga bulan, banyak pengendara jatuh di sana.",
        incident_date=dt.date(2026, 1, 5),
        region=Region.objects.get(code="34.04.07.2001"),
        contact=actions.ReporterContact(full_name="Siti", email="siti@example.id"),
        uploads=[staged("lubang-dari-pelapor.jpg", raw)],
    ).report
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    report.refresh_from_db()
    return report


def _resolve(cast, report: Report, name: str, raw: bytes) -> str:  # type: ignore[no-untyped-def]
    """The officer posts a "resolved" follow-up with one photo through the console."""
    response = login(cast.officer_a).post(
        case_url(report, "tindak-lanjut"),
        {
            "tindak_lanjut-message": f"Lubang sudah ditambal aspal, lihat foto {name}.",
            "tindak_lanjut-outcome": "resolved",
            "attachments": [upload(name, raw)],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return name


def test_a_recycled_photo_is_flagged_and_a_real_one_is_not(cast, directory, client):
    reporter_photo = jpeg(street(), taken="2026:01:04 07:00:00")
    first = _report_with_photo(directory, cast, "Jalan Colombo berlubang", reporter_photo)
    # 1. The reporter's own "before" photo, resized, sent back as the "after" photo.
    _resolve(cast, first, "sesudah.jpg", resized(reporter_photo))
    flags = list(EvidenceFlag.objects.filter(report=first))
    assert [f.reason for f in flags] == [EvidenceFlag.Reason.SAME_CASE]
    assert flags[0].matched.original_name == "lubang-dari-pelapor.jpg"

    # 2. A genuine photo of the repaired street: nothing to flag.
    second = _report_with_photo(
        directory, cast, "Jalan Kaliurang berlubang", jpeg(street(camera=-0.5, seed=3))
    )
    repaired = jpeg(street(camera=0.3, pothole=False, seed=4, light=20))
    _resolve(cast, second, "hasil-perbaikan.jpg", repaired)
    assert not EvidenceFlag.objects.filter(report=second).exists()

    # 3. That same "after" photo, re-saved and re-dated, as proof for a third case.
    third = _report_with_photo(
        directory, cast, "Jalan Gejayan berlubang", jpeg(street(camera=0.4, seed=2))
    )
    _resolve(cast, third, "bukti.jpg", resaved(repaired, quality=40))
    other = EvidenceFlag.objects.get(report=third)
    assert other.reason == EvidenceFlag.Reason.OTHER_CASE
    assert other.matched.report_id == second.pk

    # 4. A photo the camera took before the report was filed.
    fourth = _report_with_photo(
        directory, cast, "Jalan Affandi berlubang", jpeg(street(camera=-0.2, seed=8))
    )
    old = jpeg(street(camera=0.7, pothole=False, seed=9, light=30), taken="2025:06:01 09:30:00")
    _resolve(cast, fourth, "lama.jpg", old)
    assert [f.reason for f in EvidenceFlag.objects.filter(report=fourth)] == [
        EvidenceFlag.Reason.BEFORE_REPORT
    ]

    # The verifier sees it on the case page; the other case is named to staff only.
    page = login(cast.agency_admin).get(case_url(third)).content.decode()
    assert 'id="evidence-flags"' in page and second.tracking_id in page
    assert login(cast.officer_b).get(case_url(third)).status_code == 404

    # The reporter sees that the photo was used elsewhere, never where.
    reporter = Client()
    session = reporter.session
    session["tracked_reports"] = [third.tracking_id]
    session.save()
    mine = reporter.get(f"/en/lacak/{third.tracking_id}/").content.decode()
    assert "This photo was also used elsewhere" in mine
    assert second.tracking_id not in mine
    assert "hasil-perbaikan.jpg" not in mine  # the name of the photo it matched

    # And the agency's scorecard counts it: 3 of 4 resolved follow-ups.
    refresh()
    card = Client().get(f"/en/statistik/instansi/{directory.sleman_pupr.pk}/").content.decode()
    assert 'id="evidence-indicators"' in card
    assert "3 / 4 (75%)" in card
    assert Attachment.objects.exclude(phash="").count() >= 8
