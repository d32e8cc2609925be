"""Finding the competent agency: search words across names and region, default suggestions
from the report's regency and category."""

import pytest

from lapor.agencies.models import Agency
from lapor.console.selectors import search_agencies, suggested_agencies
from lapor.reports.models import Report
from tests.console.conftest import case_url, login

pytestmark = pytest.mark.django_db


def test_every_word_must_match_a_name_short_name_or_region(directory):
    assert search_agencies("dinas pupr sleman") == [directory.sleman_pupr]
    assert search_agencies("DINAS sleman") == [directory.sleman_pupr]
    assert set(search_agencies("semarang")) == {directory.semarang_gov, directory.semarang_pupr}
    # "Dinas Pekerjaan Umum Kota Semarang" has no short name: the region name still finds it.
    assert search_agencies("pekerjaan kota semarang") == [directory.semarang_pupr]
    assert search_agencies("kementerian aparatur") == [directory.kemenpanrb]
    assert search_agencies("   ") == []
    assert search_agencies("dinas pupr papua") == []


def test_inactive_agencies_and_those_without_reports_are_not_offered(directory):
    Agency.objects.filter(pk=directory.sleman_pupr.pk).update(is_active=False)
    Agency.objects.filter(pk=directory.semarang_pupr.pk).update(accepts_reports=False)
    assert search_agencies("dinas") == []


def test_results_are_limited(directory):
    for i in range(25):
        Agency.objects.create(
            code=f"34.04:unit-{i}",
            name=f"Unit Layanan {i:02d}",
            kind="regional_unit",
            level="kabupaten/kota",
            region_id="34.04",
        )
    assert len(search_agencies("unit layanan")) == 20


def test_default_suggestions_follow_regency_and_category(cast, directory, awaiting):
    assert {a.pk for a in suggested_agencies(awaiting)} == {
        directory.sleman_gov.pk,
        directory.sleman_pupr.pk,
    }
    Report.objects.filter(pk=awaiting.pk).update(category=directory.category_road)
    awaiting.refresh_from_db()
    assert suggested_agencies(awaiting) == [directory.sleman_pupr]


def test_the_case_page_offers_the_results_as_choices(cast, directory, awaiting):
    client = login(cast.agency_admin)
    page = client.get(case_url(awaiting, lang="en") + "?q=semarang").content.decode()
    assert "Agencies matching “semarang”" in page
    assert f'name="disposisi-agency" value="{directory.semarang_pupr.pk}"' in page
    assert f'name="disposisi-agency" value="{directory.sleman_pupr.pk}"' not in page
    assert 'name="q" value="semarang"' in page  # kept for the POST
    nothing = client.get(case_url(awaiting, lang="en") + "?q=zzzz").content.decode()
    assert "No agency found" in nothing
