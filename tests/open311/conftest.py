from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest

from lapor.regions.models import Region
from lapor.reports import actions
from lapor.reports import case_actions as ca
from lapor.reports.models import Report

NIK = "3404071234560001"
PHONE = "0812-3456-7890"
EMAIL = "siti.rahma@example.id"
PERSONAL = f"Saya warga Depok, NIK {NIK}, hubungi {PHONE} atau {EMAIL}."


def file_report(privacy: str = "public", body: str = "Lubang besar di jalan.", **kw) -> Report:
    region = Region.objects.get(code="34.04.07.2001")
    return actions.report_submit(
        kind="complaint",
        title=kw.pop("title", "Jalan berlubang"),
        body=body,
        incident_date=dt.date(2026, 1, 5),
        region=region,
        privacy=privacy,
        contact=actions.ReporterContact(
            full_name="Siti Rahmawati", email="siti@example.id", phone="081234567890"
        ),
        **kw,
    ).report


def make_public(report: Report, cast, directory, *, follow_up: str = "", close: bool = False):
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.national_admin)
    if follow_up or close:
        ca.report_follow_up(
            report=report, message=follow_up or "Sedang dikerjakan.", actor=cast.officer_a
        )
    if close:
        ca.report_close_by_reporter(report=report, rating=5, actor=None)
    report.refresh_from_db()
    return report


@pytest.fixture
def partner_key(db) -> str:
    from lapor.open311.models import ApiKey, PartnerApp

    partner = PartnerApp.objects.create(name="LAKSA Kota Tangerang")
    key = ApiKey(partner=partner)
    raw = key.set_new_key()
    key.save()
    return raw


@pytest.fixture
def questions(directory):
    from lapor.open311.models import ServiceAttribute

    D = ServiceAttribute.Datatype
    road = directory.category_road
    ServiceAttribute.objects.create(
        category=road,
        code="size",
        datatype=D.SINGLEVALUELIST,
        required=True,
        order=1,
        description="Seberapa besar lubangnya?",
        values=[{"key": "small", "name": "Kecil"}, {"key": "big", "name": "Besar"}],
    )
    ServiceAttribute.objects.create(
        category=road,
        code="depth_cm",
        datatype=D.NUMBER,
        required=False,
        order=2,
        description="Kedalaman (cm)",
    )
    ServiceAttribute.objects.create(
        category=road,
        code="seen_at",
        datatype=D.DATETIME,
        required=False,
        order=3,
        description="Kapan terlihat?",
    )
    ServiceAttribute.objects.create(
        category=road,
        code="hazards",
        datatype=D.MULTIVALUELIST,
        required=False,
        order=4,
        description="Bahaya apa saja?",
        values=[
            {"key": "night", "name": "Gelap di malam hari"},
            {"key": "school", "name": "Dekat sekolah"},
        ],
    )
    ServiceAttribute.objects.create(
        category=road,
        code="note",
        variable=False,
        datatype=D.TEXT,
        order=5,
        description="Untuk darurat hubungi 112.",
    )
    return road


def parse(response) -> object:
    """The body as Python data: JSON as is; XML as an ElementTree root."""
    ctype = response["Content-Type"]
    if ctype.startswith("application/json"):
        return json.loads(response.content)
    assert ctype.startswith("text/xml"), ctype
    assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    return ET.fromstring(response.content)  # noqa: S314 (our own response)


def xml_records(root: ET.Element) -> list[dict[str, str | None]]:
    return [{child.tag: child.text for child in item} for item in root]


def records(response) -> list[dict]:
    data = parse(response)
    if isinstance(data, ET.Element):
        return xml_records(data)
    assert isinstance(data, list)
    return data
