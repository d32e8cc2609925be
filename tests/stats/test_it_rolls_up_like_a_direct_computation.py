"""The facts and rollups equal what one computes by hand from the case history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import Sum
from django.utils import translation

from lapor.stats.models import AgencyCaseFact, AgencyScore, RegionPeriod, ReportFact
from lapor.stats.selectors import Filters, dashboard

pytestmark = pytest.mark.django_db


def test_it_computes_each_reports_fact(refreshed, directory):
    d = refreshed
    quick = ReportFact.objects.get(report_id=d.quick.pk)
    assert (quick.first_follow_up_wd, quick.followed_up_within_5wd) == (2, True)
    assert (quick.completed, quick.close_wd, quick.rating) == (True, 2, 5)
    assert not quick.reopened and not quick.bounced_not_authority
    late = ReportFact.objects.get(report_id=d.late.pk)
    assert (late.first_follow_up_wd, late.followed_up_within_5wd) == (9, False)
    # Reopened: no longer completed, so its old rating no longer counts.
    assert late.reopened and not late.completed and late.rating is None
    bounced = ReportFact.objects.get(report_id=d.bounced.pk)
    assert bounced.bounced_not_authority and bounced.agency_id == directory.semarang_pupr.pk
    assert bounced.followed_up is False and bounced.followed_up_within_5wd is False
    secret = ReportFact.objects.get(report_id=d.secret.pk)
    assert secret.is_confidential and not secret.disposed
    assert (secret.province_code, secret.received_on) == ("33", dt.date(2026, 11, 3))


def test_it_rolls_up_each_region_level_to_the_same_totals(refreshed):
    for level in (0, 1, 2, 3):
        for grain in ("d", "m", "y"):
            rows = RegionPeriod.objects.filter(region_level=level, grain=grain)
            # Days only for the country and provinces; smaller regions' days are their facts.
            expected = 4 if grain != "d" or level <= 1 else None
            assert rows.aggregate(n=Sum("n"))["n"] == expected, (level, grain)
    sleman = RegionPeriod.objects.filter(grain="m", region_level=2, region_code="34.04").aggregate(
        n=Sum("n"), fu=Sum("n_followed_up"), conf=Sum("n_confidential")
    )
    assert sleman == {"n": 3, "fu": 2, "conf": 0}


def test_it_gives_the_dashboard_indicators(refreshed):
    # Durations are worded in the active language, as a request to /en/statistik/ has it.
    with translation.override("en"):
        ind = dashboard(Filters(), "en")["indicators"]
    assert ind["received"] == 4 and ind["confidential"] == 1 and ind["disposed"] == 3
    assert ind["share_followed_up"] == pytest.approx(2 / 3)
    assert ind["share_within_5wd"] == pytest.approx(1 / 3)  # quick yes; late, bounced no
    assert ind["median_first_follow_up"] in ("2 working days",)  # lower median of {2, 9}
    assert ind["median_close"] == "2 working days"
    assert ind["mean_rating"] == 5 and ind["ratings"] == [0, 0, 0, 0, 1]
    assert ind["reopen_rate"] == pytest.approx(1 / 2)  # quick closed; late closed then reopened
    assert ind["bounce_rate"] == pytest.approx(1 / 4)


def test_it_scores_agencies_on_their_own_cases(refreshed, directory):
    sleman = AgencyScore.objects.get(agency_id=directory.sleman_pupr.pk)
    # Three cases reached Sleman PUPR: two followed up, one bounced.
    assert sleman.n == 3 and sleman.share_followed_up == pytest.approx(2 / 3)
    assert sleman.bounce_rate == pytest.approx(1 / 3)
    assert sleman.share_completed == pytest.approx(1 / 3)
    assert sleman.mean_rating == 5 and sleman.reopen_rate == pytest.approx(1 / 2)
    # Follow-ups of quick and late, and the "not our authority": 3 actions in 30 days.
    assert sleman.connected and sleman.actions_30d == 3
    semarang = AgencyScore.objects.get(agency_id=directory.semarang_pupr.pk)
    assert semarang.n == 1 and semarang.share_within_5wd == 0 and semarang.share_followed_up == 0
    kemen = AgencyScore.objects.get(agency_id=directory.kemenpanrb.pk)
    assert kemen.n == 0 and not kemen.connected  # only a national admin: no handling team
    assert AgencyCaseFact.objects.count() == 4


def test_a_deactivated_agency_leaves_the_league_table(refreshed, directory):
    import time_machine

    from lapor.stats.models import Watermark
    from lapor.stats.rollup import refresh
    from tests.stats.conftest import NOW

    directory.semarang_gov.is_active = False
    directory.semarang_gov.save(update_fields=["is_active"])
    Watermark.objects.filter(name="scores").delete()  # the hourly pass is due
    with time_machine.travel(NOW, tick=False):
        refresh()
    assert not AgencyScore.objects.filter(agency_id=directory.semarang_gov.pk).exists()
    assert AgencyScore.objects.filter(agency_id=directory.sleman_gov.pk).exists()
