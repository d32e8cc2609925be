"""Two identical pushes at the same moment (a partner retrying before our first answer came)
still make one report: the unique (partner, external ID) decides, the loser returns the
winner's report."""

import datetime as dt
import threading

import pytest
from django.db import connection

from lapor.partners import actions
from lapor.partners.models import ExternalReference
from lapor.regions.models import Region
from lapor.reports.actions import ReporterContact
from lapor.reports.models import Report

pytestmark = pytest.mark.django_db(transaction=True)


def test_racing_identical_pushes_make_one_report(partner):
    if connection.vendor == "sqlite":
        # The test database is SQLite in memory (shared cache): concurrent writers fail with
        # "table is locked" instead of waiting. A real SQLite file serialises writers
        # (IMMEDIATE transactions), so the race cannot happen there.
        pytest.skip("a write race needs a server database (run with DATABASE_URL=postgres://…)")
    region = Region.objects.get(code="34.04.07.2001")
    barrier = threading.Barrier(4)
    results: list[object] = []
    errors: list[BaseException] = []

    def push() -> None:
        try:
            barrier.wait(timeout=10)
            results.append(
                actions.partner_report_push(
                    partner=partner.app,
                    external_id="LAKSA-RACE-1",
                    canonical={"same": "request"},
                    kind="complaint",
                    title="Jembatan retak",
                    body="Retakan makin lebar setelah hujan.",
                    region=region,
                    privacy="public",
                    contact=ReporterContact(full_name="Warga"),
                    incident_date=dt.date(2026, 11, 20),
                )
            )
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=push) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    assert Report.objects.count() == 1
    assert ExternalReference.objects.count() == 1
    tracking = {r.report.tracking_id for r in results}  # type: ignore[attr-defined]
    assert len(tracking) == 1
    assert sorted(r.created for r in results) == [False, False, False, True]  # type: ignore[attr-defined]
