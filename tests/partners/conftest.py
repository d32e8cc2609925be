"""Partner tests: a partner app with a key and an integration (Sleman's government), a real
webhook receiver (the simulator, on a free loopback port) and the real worker."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from lapor.open311.models import ApiKey, PartnerApp
from lapor.partners import actions
from lapor.partners.models import Integration, WebhookDelivery
from lapor.partners.simulator import PartnerSimulator
from lapor.reports import case_actions as ca
from lapor.reports.models import Report

# Distinctive, so "appears nowhere" cannot be fooled by another word.
NAME = "Kartika Dewi Anggraeni"
EMAIL = "kartika.anggraeni@example.id"
PHONE = "081377779911"


@dataclass
class Partner:
    app: PartnerApp
    key: str
    integration: Integration
    secret: str
    client: Client

    def post(self, path: str, data: Any, **extra: Any) -> Any:
        body = data if isinstance(data, str | bytes) else json.dumps(data)
        return self.client.post(
            f"/api/v1/partner/{path}",
            body,
            content_type="application/json",
            HTTP_X_API_KEY=self.key,
            **extra,
        )

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(f"/api/v1/partner/{path}", params, HTTP_X_API_KEY=self.key)


def make_partner(agency: Any, *, name: str = "LAKSA Kota Tangerang", url: str = "") -> Partner:
    app = PartnerApp.objects.create(name=name)
    key = ApiKey(partner=app, scopes=["partner"])
    raw = key.set_new_key()
    key.save()
    integration, secret = actions.integration_create(partner=app, agency=agency, webhook_url=url)
    return Partner(app, raw, integration, secret, Client())


# The simulator listens on loopback and speaks plain HTTP, which webhook URLs may never use in
# production (lapor.partners.destinations): the test settings let these through, and nothing
# else (tests/partners/test_it_refuses_webhooks_into_our_own_network.py runs without them).
LOOPBACK_NETWORKS = ["127.0.0.0/8", "::1/128"]


@pytest.fixture
def loopback_webhooks(settings: Any) -> None:
    settings.PARTNER_WEBHOOK_ALLOW_HTTP = True
    settings.PARTNER_WEBHOOK_ALLOWED_NETWORKS = LOOPBACK_NETWORKS


@pytest.fixture
def simulator(loopback_webhooks: None) -> Iterator[PartnerSimulator]:
    """A real webhook receiver; its secret is set by ``partner`` to the integration's."""
    sim = PartnerSimulator(secret="unset").start()
    yield sim
    sim.stop()


@pytest.fixture
def partner(cast: Any, directory: Any, simulator: PartnerSimulator, settings: Any) -> Partner:
    settings.PARTNER_WEBHOOK_TIMEOUT = 2.0
    p = make_partner(directory.sleman_gov, url=simulator.url)
    simulator.secret = p.secret
    return p


def report_data(external_id: str = "LAKSA-2026-0001", **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "external_id": external_id,
        "region_code": "34.04.07.2001",
        "title": "Lampu jalan mati di Jl. Kaliurang km 5",
        "description": "Sudah dua minggu lampu jalan mati, rawan kecelakaan di malam hari.",
        "privacy": "public",
        "incident_date": "2026-11-20",
        "address": "Jl. Kaliurang km 5",
        "contact": {"full_name": NAME, "email": EMAIL, "phone": PHONE},
    }
    data.update(overrides)
    return data


def pushed(partner: Partner, external_id: str = "LAKSA-2026-0001", **overrides: Any) -> Report:
    response = partner.post("reports", report_data(external_id, **overrides))
    assert response.status_code == 201, response.content
    return Report.objects.get(tracking_id=response.json()["tracking_id"])


def dispose(
    report: Report, cast: Any, directory: Any, agency: Any = None, actor: Any = None
) -> Report:
    ca.report_dispose(
        report=report,
        agency=agency or directory.sleman_pupr,
        actor=actor or cast.agency_admin,
    )
    report.refresh_from_db()
    return report


def run_worker() -> None:
    call_command("run_worker", "--once", "--no-scheduler")


def deliveries(report: Report | None = None) -> list[WebhookDelivery]:
    rows = WebhookDelivery.objects.order_by("event_id")
    if report is not None:
        rows = rows.filter(report=report)
    return list(rows)


def at_least(moment: dt.datetime, **delta: float) -> dt.datetime:
    return moment + dt.timedelta(**delta)
