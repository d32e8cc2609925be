"""Console fixtures: a supervisor for the cast, cases in each state, and small helpers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.test import Client

from lapor.agencies.models import Membership
from lapor.regions.models import Region
from lapor.reports import actions
from lapor.reports import case_actions as ca
from lapor.reports.models import Assignment, Attachment, Clock, Report, ReportEvent
from tests.cases.conftest import submit

SLEMAN_VILLAGE = "34.04.07.2001"
SEMARANG_VILLAGE = "33.74.01.1001"


def file_report(
    region: str = SLEMAN_VILLAGE,
    *,
    title: str = "Jalan berlubang di depan SD Negeri Caturtunggal",
    privacy: str = "public",
    name: str = "Siti Rahmawati",
    reporter=None,
) -> Report:
    """A report as the citizen pages file it, in any of the test regions."""
    return actions.report_submit(
        kind="complaint",
        title=title,
        body="Lubang besar sudah tiga bulan, banyak pengendara jatuh di sana.",
        incident_date=dt.date(2026, 1, 5),
        region=Region.objects.get(code=region),
        privacy=privacy,
        contact=actions.ReporterContact(
            full_name=name, email="pelapor.rahasia@example.id", phone="+6281399990000"
        ),
        actor=reporter,
    ).report


@pytest.fixture
def supervisor(cast, directory):
    """Inspektorat Kabupaten Sleman: reads the cases of Sleman's government, changes nothing."""
    from lapor.accounts.models import User

    user = User.objects.create_user(
        email="inspektorat.sleman@example.id",
        password=cast.password,
        full_name="Inspektorat Sleman",
        is_staff=True,
    )
    Membership.objects.create(
        user=user, agency=directory.sleman_gov, role=Membership.Role.SUPERVISOR
    )
    return user


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def awaiting(cast) -> Report:
    """A new Sleman report, waiting for verification."""
    return submit()


@pytest.fixture
def disposed(cast, directory) -> Report:
    """A Sleman report dispositioned to Dinas PUPR Sleman (officer_a's unit)."""
    report = submit()
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    report.refresh_from_db()
    return report


def case_url(report: Report, action: str = "", lang: str = "") -> str:
    prefix = f"/{lang}" if lang else ""
    tail = f"{action}/" if action else ""
    return f"{prefix}/konsol/laporan/{report.tracking_id}/{tail}"


@dataclass(frozen=True)
class Snapshot:
    """Everything an action could change about a case."""

    report: tuple
    events: int
    assignments: tuple
    clocks: tuple
    attachments: int


def snapshot(report: Report) -> Snapshot:
    fresh = Report.objects.get(pk=report.pk)
    return Snapshot(
        report=(
            fresh.status,
            fresh.agency_id,
            fresh.privacy,
            fresh.title_published,
            fresh.body_published,
            fresh.category_id,
            fresh.needs_national_routing,
            fresh.due_at,
        ),
        events=ReportEvent.objects.filter(report=report).count(),
        assignments=tuple(
            Assignment.objects.filter(report=report)
            .order_by("pk")
            .values_list("agency_id", "active", "complexity")
        ),
        clocks=tuple(
            Clock.objects.filter(report=report)
            .order_by("pk")
            .values_list("kind", "agency_id", "due_at", "stopped_at", "extension_days")
        ),
        attachments=Attachment.objects.filter(report=report).count(),
    )


def every_post(directory) -> dict[str, dict[str, object]]:
    """A valid-looking POST body for every case action of the console."""
    other = directory.semarang_pupr.pk
    return {
        "disposisi": {
            "disposisi-agency": directory.sleman_pupr.pk,
            "disposisi-title_published": "Jalan berlubang",
            "disposisi-body_published": "Lubang besar di depan sekolah.",
            "disposisi-privacy": "public",
            "disposisi-complexity": "simple",
        },
        "tunda": {"tunda-message": "Di titik mana tepatnya?"},
        "bukan-wewenang": {"bukan_wewenang-reason": "Jalan nasional, bukan kabupaten."},
        "arsipkan": {"arsipkan-reason": "duplicate", "arsipkan-message": "Sama dengan 1234."},
        "tindak-lanjut": {
            "tindak_lanjut-message": "Sudah ditambal.",
            "tindak_lanjut-outcome": "progress",
        },
        "kompleksitas": {"kompleksitas-complexity": "field_inspection"},
        "perpanjang": {"perpanjang-days": 3, "perpanjang-reason": "Menunggu material."},
        "alihkan": {"alihkan-agency": other, "alihkan-reason": "Lokasi di Semarang."},
        "libatkan": {"libatkan-agency": other, "libatkan-reason": "Perlu koordinasi."},
    }
