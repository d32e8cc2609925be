"""Issue 17, item 5: KemenPANRB's evaluation. Per agency: the team decree in force, logins of
admins and liaison officers in 30 days, follow-up and completion rates, follow-up within 5
working days, satisfaction (the SKM index where the agency has survey answers, else reporters'
ratings, out of 100), the "not our authority" rate and the formulaic share; "connected"
means a current decree and an active team; roll-ups per government and province for the
national admin with a CSV export; other agencies get 404 on an agency's evaluation detail.

The figures are checked against a hand computation on a fixture of rollup rows."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from lapor.agencies.models import Membership, TeamDecree
from lapor.reports.attachments import purge_stale_uploads
from lapor.reports.models import EvidenceFlag, ReportEvent
from lapor.skm.method import FIELDS
from lapor.skm.models import SurveyResponse
from lapor.stats import evaluation
from lapor.stats.models import AgencyScore
from tests.cases.conftest import submit
from tests.console.conftest import case_url, login  # noqa: F401
from tests.helpers import pdf_file

pytestmark = pytest.mark.django_db


def _score(agency, **counters):  # type: ignore[no-untyped-def]
    return AgencyScore.objects.create(
        agency_id=agency.pk,
        agency_kind=agency.kind,
        computed_at=timezone.now(),
        **counters,
    )


def _skm(agency, key: str, closed: dt.date, values: list[int]) -> None:  # type: ignore[no-untyped-def]
    SurveyResponse.objects.create(
        report_key=key,
        agency=agency,
        closed_month=closed.replace(day=1),
        channel="web",
        **dict(zip(FIELDS, values, strict=True)),
    )


THIS_YEAR = timezone.localdate().year


@pytest.fixture
def fixture(cast, directory):  # type: ignore[no-untyped-def]
    """Dinas PUPR Sleman: 20 cases; 15 followed up, 12 completed; of 16 whose 5 working days
    are over 10 in time; 8 ratings summing 30; 2 sent back as not its authority. 4 follow-ups,
    1 of them formulaic. Its liaison officer (officer_a) logged in 3 days ago; a second liaison
    officer 40 days ago. No SKM answer. The government itself: 10 cases, 5 followed up, 5
    completed, 4 of 5 in time, 2 ratings summing 9, no bounce; its admin logged in yesterday; no
    decree; SKM answers: this year three (all 4; all 3; three 4s, three 3s, three 2s), last year
    one (all 1)."""
    now = timezone.now()
    gov = directory.sleman_gov
    _skm(gov, "a", dt.date(THIS_YEAR, 1, 15), [4] * 9)
    _skm(gov, "b", dt.date(THIS_YEAR, 2, 15), [3] * 9)
    _skm(gov, "c", dt.date(THIS_YEAR, 2, 20), [4, 4, 4, 3, 3, 3, 2, 2, 2])
    _skm(gov, "d", dt.date(THIS_YEAR - 1, 12, 1), [1] * 9)
    _score(
        directory.sleman_pupr,
        n=20,
        n_followed_up=15,
        n_completed=12,
        n_fu_due=16,
        n_fu_within_5=10,
        n_rated=8,
        rating_sum=30,
        n_bounced=2,
    )
    _score(
        directory.sleman_gov,
        n=10,
        n_followed_up=5,
        n_completed=5,
        n_fu_due=5,
        n_fu_within_5=4,
        n_rated=2,
        rating_sum=9,
    )
    type(cast.officer_a).objects.filter(pk=cast.officer_a.pk).update(
        last_login=now - dt.timedelta(days=3)
    )
    type(cast.agency_admin).objects.filter(pk=cast.agency_admin.pk).update(
        last_login=now - dt.timedelta(days=1)
    )
    idle = type(cast.officer_a).objects.create_user(
        email="lama@example.id", password="x", full_name="Petugas Lama", is_staff=True
    )
    type(idle).objects.filter(pk=idle.pk).update(last_login=now - dt.timedelta(days=40))
    Membership.objects.create(
        user=idle, agency=directory.sleman_pupr, role=Membership.Role.LIAISON_OFFICER
    )
    report = submit()
    events = [
        ReportEvent.objects.create(
            report=report, kind="follow_up", agency=directory.sleman_pupr, message=f"Jawaban {i}"
        )
        for i in range(4)
    ]
    EvidenceFlag.objects.create(report=report, event=events[0], reason="formulaic", similar=3)
    TeamDecree.objects.create(
        agency=directory.sleman_pupr,
        number="188/123/SK/2026",
        signed_on=dt.date(2026, 1, 2),
        file="sk-tim/a.pdf",
        original_name="sk.pdf",
        content_type="application/pdf",
    )
    TeamDecree.objects.create(  # an expired one: ignored
        agency=directory.sleman_gov,
        number="188/001/SK/2024",
        signed_on=dt.date(2024, 1, 2),
        valid_until=dt.date(2024, 12, 31),
        file="sk-tim/b.pdf",
        original_name="sk-lama.pdf",
        content_type="application/pdf",
    )
    return directory


def test_the_figures_match_a_hand_computation(fixture):
    pupr, gov = evaluation.evaluate([fixture.sleman_pupr, fixture.sleman_gov])
    assert pupr.decree is not None and pupr.decree.number == "188/123/SK/2026"
    assert (pupr.team, pupr.team_active) == (2, 1)
    assert pupr.connected
    assert pupr.followed_up == 15 / 20 == 0.75
    assert pupr.completed == 12 / 20 == 0.6
    assert pupr.within_5wd == 10 / 16 == 0.625
    # No SKM answer: its 8 ratings, out of 100 (× 20): 30 / 8 × 20 = 75.
    assert pupr.satisfaction == 30 / 8 * 20 == 75.0
    assert (pupr.satisfaction_answers, pupr.units_with_skm, pupr.skm_year) == (8, 0, None)
    assert pupr.bounce == 2 / 20 == 0.1
    assert pupr.formulaic_share == 1 / 4
    # The government: an active admin but no decree in force (the old one expired): not
    # connected, whatever its account.
    assert gov.decree is None and (gov.team, gov.team_active) == (1, 1)
    assert not gov.connected
    # SKM answers: this year's three (last year's all-ones answer is left out, and so are its
    # 2 ratings). Each answer's value: mean of its nine × 25 = 100, 75 and 27 / 9 × 25 = 75;
    # the index (250 / 3 = 83.33) is the one on its public scorecard for this year.
    assert gov.satisfaction == pytest.approx(250 / 3)
    assert (gov.satisfaction_answers, gov.units_with_skm, gov.skm_year) == (3, 1, THIS_YEAR)
    from lapor.skm.selectors import agency_index

    scorecard = agency_index(gov.agency, THIS_YEAR)
    assert scorecard is not None and str(scorecard.converted) == "83.33"
    # Its roll-up: 30 cases, 20 followed up, 17 completed, 14 of 21 in time; satisfaction over
    # the 11 answers counted: (8 × 75 + 3 × 83.33…) / 11 = (600 + 250) / 11.
    total = evaluation.rollup("Sleman", evaluation.government_units(fixture.sleman_gov))
    assert total.units == 2 and total.units_connected == 1 and total.units_with_decree == 1
    assert total.followed_up == 20 / 30
    assert total.completed == 17 / 30
    assert total.within_5wd == 14 / 21
    assert total.satisfaction == pytest.approx(850 / 11)
    assert (total.satisfaction_answers, total.units_with_skm) == (11, 1)
    assert total.bounce == 2 / 30


def test_the_national_admin_rolls_up_by_province_and_government_and_exports(cast, fixture):
    national = login(cast.national_admin)
    provinces = national.get("/en/konsol/evaluasi/").content.decode()
    assert "Daerah Istimewa Yogyakarta" in provinces and "?provinsi=34" in provinces
    governments = national.get("/en/konsol/evaluasi/?provinsi=34").content.decode()
    assert "Pemerintah Kabupaten Sleman" in governments
    units = national.get(f"/en/konsol/evaluasi/?pemerintah={fixture.sleman_gov.pk}")
    html = units.content.decode()
    assert "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sleman" in html
    assert "75.0%" in html and "62.5%" in html and "25.0%" in html
    assert "75.00 (8 ratings)" in html
    assert f"83.33 (SKM {THIS_YEAR}, 3 answers)" in html
    assert "77.27 (SKM in 1 / 2 units)" in html  # the total row
    assert 'id="satisfaction-method"' in html and "PermenPANRB 14/2017" in html
    exported = national.get(f"/en/konsol/evaluasi/?pemerintah={fixture.sleman_gov.pk}&format=csv")
    rows = list(csv.reader(io.StringIO(exported.content.decode())))
    assert rows[0][0] == "Agency" and rows[-1][0] == "Total"
    pupr = next(r for r in rows if r[0].startswith("Dinas Pekerjaan Umum dan Penataan Ruang"))
    assert pupr[1:4] == ["188/123/SK/2026", "1 / 2", "yes"]
    assert rows[-1][1] == "1 / 2"  # units with a decree in force
    satisfaction = rows[0].index("Satisfaction (out of 100: SKM index, else ratings)")
    assert pupr[satisfaction] == "75.00 (8 ratings)"
    assert rows[-1][satisfaction] == "77.27 (SKM in 1 / 2 units)"


def test_other_agencies_get_404_and_the_admin_uploads_the_decree(cast, fixture, settings):
    from lapor.agencies.models import Agency

    url = f"/konsol/evaluasi/{fixture.sleman_pupr.pk}/"
    semarang_admin = type(cast.officer_b).objects.create_user(
        email="admin.semarang@example.id", password="x", full_name="Admin Semarang", is_staff=True
    )
    Membership.objects.create(
        user=semarang_admin, agency=fixture.semarang_gov, role=Membership.Role.AGENCY_ADMIN
    )
    other = login(semarang_admin)
    assert other.get(url).status_code == 404
    assert other.post(url, {"number": "x"}).status_code == 404
    assert other.get("/konsol/evaluasi/").content.decode().count("Sleman") == 0
    assert login(cast.officer_a).get(url).status_code == 404  # officers: not their page
    # The government's admin uploads the decree for its unit; a bad file keeps what was typed.
    admin = login(cast.agency_admin)
    bad = admin.post(
        url,
        {
            "number": "188/200/SK/2026",
            "signed_on": "2026-02-01",
            "file": SimpleUploadedFile("sk.exe", b"MZ\x90\x00 not a document"),
        },
    )
    assert bad.status_code == 200 and 'value="188/200/SK/2026"' in bad.content.decode()
    good = admin.post(
        url, {"number": "188/200/SK/2026", "signed_on": "2026-02-01", "file": pdf_file("sk.pdf")}
    )
    assert good.status_code == 302
    decree = TeamDecree.objects.get(number="188/200/SK/2026")
    assert admin.get(f"{url}sk/{decree.pk}/").status_code == 200
    assert other.get(f"{url}sk/{decree.pk}/").status_code == 404
    # The nightly storage sweep keeps it (its row owns the file).
    later = timezone.now() + dt.timedelta(days=3)
    purge_stale_uploads(later, grace=dt.timedelta(0))
    assert decree.file.storage.exists(decree.file.name)
    assert Agency.objects.get(pk=fixture.sleman_pupr.pk).decrees.count() == 2


def test_satisfaction_without_ratings_or_answers_is_a_dash(cast, directory):
    from lapor.console.evaluation import cells

    [row] = evaluation.evaluate([directory.semarang_pupr])
    assert row.satisfaction is None and row.satisfaction_answers == 0
    assert cells(row)["satisfaction"] == "—"


def test_one_skm_answer_replaces_the_ratings_and_the_detail_page_says_how(cast, fixture):
    # Dinas PUPR's first SKM answer (all 2s: 50 out of 100) takes the place of its 8 ratings
    # (75), which are then not counted at all.
    _skm(fixture.sleman_pupr, "e", dt.date(THIS_YEAR, 3, 1), [2] * 9)
    [pupr] = evaluation.evaluate([fixture.sleman_pupr])
    assert pupr.satisfaction == 50.0 and pupr.satisfaction_answers == 1
    page = login(cast.agency_admin).get(f"/en/konsol/evaluasi/{fixture.sleman_pupr.pk}/")
    html = page.content.decode()
    assert f"50.00 (SKM {THIS_YEAR}, 1 answer)" in html
    assert 'id="satisfaction-method"' in html and "times 20" in html
