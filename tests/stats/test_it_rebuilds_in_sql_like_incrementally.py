"""The set-based rebuild (``INSERT … SELECT … GROUP BY`` in the database) gives the same rows as
the incremental refreshes that built the tables step by step, and the dashboard's cover of a
date range by years, months and days gives the same figures as summing the facts directly.

Runs on SQLite and PostgreSQL (``DATABASE_URL``): the same SQL is generated for both.
"""

from __future__ import annotations

import datetime as dt
import importlib
import random
from types import SimpleNamespace

import pytest
import time_machine
from django.db import connection
from django.db.models import Count, Q

from lapor.regions.models import Region
from lapor.reports import actions
from lapor.reports import case_actions as ca
from lapor.reports.models import Channel, Kind, ReporterIdentity
from lapor.stats.models import (
    DimPeriod,
    Grain,
    RegionPeriod,
    ReportFact,
)
from lapor.stats.rollup import (
    CHANNEL_IDS,
    DISABILITY_IDS,
    KIND_IDS,
    rebuild_coded_dims,
    refresh,
)
from lapor.stats.selectors import Filters, _dashboard, coded_counts, segments
from lapor.web.forms import DISABILITY_CHOICES
from tests.cases.conftest import at

pytestmark = pytest.mark.django_db

VILLAGES = ("34.04.07.2001", "33.74.01.1001")
# Across a year end and month ends, so day, month and year rows all see several periods.
DAYS = (
    (2025, 12, 30),
    (2025, 12, 31),
    (2026, 1, 2),
    (2026, 1, 30),
    (2026, 2, 2),
    (2026, 3, 31),
    (2026, 4, 1),
)


def _snapshot() -> dict[str, list[tuple]]:
    def rows(model, order, skip=("id", "computed_at")):
        return [
            tuple(v for k, v in sorted(row.items()) if k not in skip)
            for row in model.objects.order_by(*order).values()
        ]

    return {
        "facts": rows(ReportFact, ["report_id"]),
        "region": rows(RegionPeriod, ["grain", "period", "region_level", "region_code"]),
        "dim": rows(DimPeriod, ["grain", "period", "region_level", "region_code", "dim", "dim_id"]),
    }


def _generate(cast, directory) -> None:
    """Reports on each day of DAYS, moved along the lifecycle on the following days, with an
    incremental refresh after each day (the first refresh of all is a full one)."""
    rng = random.Random(4)
    open_reports = []
    agencies = (directory.sleman_pupr, directory.semarang_pupr)
    for y, m, d in DAYS:
        with time_machine.travel(at(y, m, d, 9), tick=False):
            for i in range(3):
                report = actions.report_submit(
                    kind=("complaint", "aspiration")[i % 2],
                    channel=("web", "mobile", "email")[(i + d) % 3],
                    title=f"Jalan rusak nomor {i}",
                    body="Lubang besar di jalan desa, mohon diperbaiki.",
                    incident_date=dt.date(y, m, d),
                    region=Region.objects.get(code=rng.choice(VILLAGES)),
                    privacy=rng.choice(("public", "anonymous", "confidential")),
                    contact=actions.ReporterContact(
                        full_name="Siti",
                        email="siti@example.id",
                        # Keys of the form, none, and another channel's free text ("none").
                        disability=rng.choice(("", "visual", "hearing", "tunanetra")),
                    ),
                ).report
                if rng.random() < 0.8:
                    agency = rng.choice(agencies)
                    ca.report_dispose(report=report, agency=agency, actor=cast.national_admin)
                    open_reports.append(report)
        with time_machine.travel(at(y, m, d, 15), tick=False):
            for report in list(open_reports):
                report.refresh_from_db()
                officer = (
                    cast.officer_a
                    if report.agency_id == directory.sleman_pupr.pk
                    else cast.officer_b
                )
                if rng.random() < 0.4:
                    continue
                ca.report_follow_up(report=report, message="Sudah dicek.", actor=officer)
                if rng.random() < 0.6:
                    ca.report_close_by_reporter(report=report, rating=rng.randint(1, 5), actor=None)
                    open_reports.remove(report)
            refresh()


def test_a_full_rebuild_equals_the_incremental_refreshes(cast, directory):
    _generate(cast, directory)
    with time_machine.travel(at(2026, 4, 1, 20), tick=False):
        refresh()
        incremental = _snapshot()
        result = refresh(full=True)
    assert result.full and result.reports == ReportFact.objects.count() == 3 * len(DAYS)
    full = _snapshot()
    for table in full:
        assert full[table] == incremental[table], table
    # Databases whose rollups predate the channel and kind rows get them (migration
    # stats/0006) exactly as the full rebuild makes them, the other rows untouched.
    DimPeriod.objects.filter(dim__in=["h", "k"]).delete()
    rebuild_coded_dims(("h", "k"))
    assert _snapshot() == full
    # Those whose facts predate the disability status get it from the identities, and its
    # rows (migration stats/0007), again exactly as the full rebuild makes them.
    ReportFact.objects.update(disability="")
    DimPeriod.objects.filter(dim="d").delete()
    migration = importlib.import_module("lapor.stats.migrations.0007_fact_disability")
    migration.fill_disability(None, SimpleNamespace(connection=connection))
    assert _snapshot() == full
    # Every period grain and region level the rollups keep was built (the comparison is not
    # of empty tables), and none they leave to the facts: days only for the country and
    # provinces; category, agency, channel, kind and disability rows per month down to
    # regencies, per year for the country and provinces.
    grains = RegionPeriod.objects.values("grain", "region_level").annotate(c=Count("id"))
    assert {(g["grain"], g["region_level"]) for g in grains} == {
        (grain, level) for grain in "dmy" for level in range(4) if grain != "d" or level <= 1
    }
    dims = DimPeriod.objects.values("grain", "region_level", "dim").annotate(c=Count("id"))
    assert {(d["grain"], d["region_level"], d["dim"]) for d in dims} == {
        (grain, level, dim)
        for grain, levels in (("m", range(3)), ("y", range(2)))
        for level in levels
        for dim in "achkd"
    }


RANGES = (
    (None, None),
    (dt.date(2025, 12, 31), None),
    (None, dt.date(2026, 1, 30)),
    (dt.date(2025, 12, 1), dt.date(2025, 12, 31)),
    (dt.date(2025, 12, 31), dt.date(2026, 1, 2)),
    (dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
    (dt.date(2026, 1, 3), dt.date(2026, 3, 31)),
    (dt.date(2026, 2, 1), dt.date(2026, 2, 28)),
    (dt.date(2026, 4, 2), dt.date(2026, 5, 1)),  # nothing in it
)


@pytest.mark.parametrize(("since", "until"), RANGES)
def test_the_dashboard_over_any_range_equals_summing_the_facts(cast, directory, since, until):
    _generate(cast, directory)
    facts = ReportFact.objects.all()
    if since:
        facts = facts.filter(received_on__gte=since)
    if until:
        facts = facts.filter(received_on__lte=until)
    for region_code in (None, "34", "34.04", "33.74.01"):
        region = Region.objects.get(code=region_code) if region_code else None
        scope = facts
        if region is not None:
            field = ("province_code", "regency_code", "district_code")[region.level - 1]
            scope = facts.filter(**{field: region.code})
        data = _dashboard(Filters(region=region, since=since, until=until), "en")
        expected = scope.aggregate(
            n=Count("pk"),
            fu=Count("pk", filter=Q(followed_up=True)),
            rated=Count("pk", filter=Q(rating__isnull=False)),
            conf=Count("pk", filter=Q(is_confidential=True)),
        )
        totals = data["totals"]
        got = {
            "n": totals["n"],
            "fu": totals["n_followed_up"],
            "rated": totals["n_rated"],
            "conf": totals["n_confidential"],
        }
        assert got == expected, (region_code, since, until)
        assert sum(n for _p, n in data["over_time"]) == expected["n"]
        assert sum(c["n"] for c in data["categories"]) == expected["n"]
        by_agency = dict(
            scope.exclude(agency_id=None)
            .values_list("agency_id")
            .annotate(c=Count("pk"))
            .values_list("agency_id", "c")
        )
        assert {a["id"]: a["n"] for a in data["agencies"]} == by_agency
        if region is None or region.level < 3:
            assert sum(r["n"] for r in data["regions"]) == expected["n"]
        # The public breakdowns by channel, kind and disability status: rollup rows plus
        # edge-day facts, against the facts and, for the disability, the identities.
        coded = coded_counts(region, since, until)
        for dim, field in (("h", "channel"), ("k", "kind"), ("d", "disability")):
            want = dict(scope.values_list(field).annotate(c=Count("pk")).values_list(field, "c"))
            assert coded[dim] == want, (dim, region_code, since, until)
        said = dict(
            ReporterIdentity.objects.filter(report_id__in=scope.values("report_id"))
            .filter(disability__in=("visual", "hearing"))
            .values_list("disability")
            .annotate(c=Count("pk"))
        )
        assert {k: v for k, v in coded["d"].items() if k} == said
        assert sum(coded["d"].values()) == expected["n"]
        week = _dashboard(Filters(region=region, since=since, until=until, by="week"), "en")
        assert sum(n for _p, n in week["over_time"]) == expected["n"]


def _days_of(segs: list[tuple[str, dt.date, dt.date]]) -> list[dt.date]:
    out = []
    for grain, first, last in segs:
        start = first
        while start <= last:
            if grain == Grain.DAY:
                end, nxt = start, start + dt.timedelta(days=1)
            elif grain == Grain.MONTH:
                nxt = (start + dt.timedelta(days=32)).replace(day=1)
                end = nxt - dt.timedelta(days=1)
            else:
                nxt = start.replace(year=start.year + 1)
                end = nxt - dt.timedelta(days=1)
            out += [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
            start = nxt
    return out


def test_every_channel_and_kind_has_its_own_rollup_number():
    # The numbers are stored in DimPeriod: a new value without one would be left out of the
    # public breakdowns, and two values sharing one would be added together.
    disability = [key for key, _label in DISABILITY_CHOICES]
    for ids, values in (
        (CHANNEL_IDS, Channel.values),
        (KIND_IDS, Kind.values),
        (DISABILITY_IDS, disability),
    ):
        assert set(ids) == set(values)
        assert len(set(ids.values())) == len(ids)


def test_segments_cover_a_range_exactly_once():
    rng = random.Random(11)
    base = dt.date(2024, 1, 1)
    for _ in range(400):
        a = base + dt.timedelta(days=rng.randint(0, 1200))
        b = a + dt.timedelta(days=rng.choice((0, 1, 27, 31, 45, 365, 400, 900)))
        for years in (True, False):
            segs = segments(a, b, years=years)
            days = _days_of(segs)
            assert len(days) == len(set(days)), (a, b, segs)
            assert sorted(days) == [a + dt.timedelta(days=i) for i in range((b - a).days + 1)]
            assert years or all(g != Grain.YEAR for g, _f, _l in segs)
    # Few segments: at most one run of years, two of months and two of days.
    assert len(segments(dt.date(2024, 1, 15), dt.date(2026, 11, 3))) == 5
    assert segments(dt.date(2025, 1, 1), dt.date(2025, 12, 31)) == [
        (Grain.YEAR, dt.date(2025, 1, 1), dt.date(2025, 1, 1))
    ]
    assert segments(dt.date(2025, 3, 2), dt.date(2025, 3, 1)) == []
