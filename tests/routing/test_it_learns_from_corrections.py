"""Every re-routing, *Bukan Wewenang* and category change by an admin is a training label."""

import pytest

from lapor.reports import case_actions as ca
from lapor.routing.models import TrainingLabel
from tests.cases.conftest import submit

pytestmark = pytest.mark.django_db


def test_a_category_change_and_a_reroute_are_labels(cast, directory, routing):
    report = submit()
    ca.report_dispose(
        report=report,
        agency=directory.sleman_pupr,
        actor=cast.agency_admin,
        category=directory.category_road,
    )
    first = TrainingLabel.objects.get()
    assert first.source == "category_changed" and first.category == directory.category_road
    assert first.report == report and "Jalan berlubang" in first.text

    ca.report_not_our_authority(
        report=report,
        reason="Ini jalan provinsi",
        actor=cast.officer_a,
        suggested_agency=routing.province_pupr,
    )
    ca.report_dispose(report=report, agency=routing.province_pupr, actor=cast.national_admin)
    sources = list(TrainingLabel.objects.values_list("source", flat=True))
    assert sources == ["category_changed", "not_authority", "rerouted"]
    last = TrainingLabel.objects.last()
    assert last.agency == routing.province_pupr and last.level == "provinsi"


def test_a_first_disposition_without_correction_is_no_label(cast, directory):
    report = submit()
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    assert not TrainingLabel.objects.exists()
