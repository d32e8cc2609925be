"""Whistleblowing fixtures: Sleman's internal auditor with its investigator, and the accused
unit's own admin (Dinas PUPR Sleman, whose liaison officer is the cast's officer_a)."""

from __future__ import annotations

import datetime as dt

import pytest

from lapor.agencies.models import Agency, Membership, UnitType
from lapor.regions.models import Region
from lapor.reports import actions
from lapor.reports.models import Report

BODY = (
    "Petugas loket perizinan Dinas PUPR meminta uang Rp 500.000 di luar tarif resmi agar izin "
    "mendirikan bangunan saya diproses. Tanpa uang itu berkas tidak disentuh selama dua bulan."
)


def inspektorat(directory) -> Agency:  # type: ignore[no-untyped-def]
    """Inspektorat Kabupaten Sleman: the internal auditor (APIP) of Sleman's government."""
    unit_type, _ = UnitType.objects.get_or_create(
        code="inspektorat", defaults={"name": "Inspektorat Daerah", "short_name": "Inspektorat"}
    )
    agency, _ = Agency.objects.get_or_create(
        code="34.04:inspektorat",
        defaults={
            "name": "Inspektorat Kabupaten Sleman",
            "kind": Agency.Kind.REGIONAL_UNIT,
            "level": Agency.Level.REGENCY,
            "parent": directory.sleman_gov,
            "region_id": "34.04",
            "unit_type": unit_type,
        },
    )
    return agency


def file_whistle(accused: Agency | None, *, privacy: str = "anonymous", **kw) -> Report:  # type: ignore[no-untyped-def]
    return actions.report_submit(
        kind="whistleblowing",
        title=kw.pop("title", "Pungli di loket perizinan Dinas PUPR"),
        body=kw.pop("body", BODY),
        incident_date=dt.date(2026, 1, 5),
        region=Region.objects.get(code="34.04.07.2001"),
        privacy=privacy,
        contact=actions.ReporterContact(
            full_name="Rahmat Hidayat", email="rahmat.saksi@example.id", phone="+6281377770000"
        ),
        requested_agency=accused,
        **kw,
    ).report


@pytest.fixture
def auditor_unit(directory) -> Agency:  # type: ignore[no-untyped-def]
    return inspektorat(directory)


@pytest.fixture
def auditor(cast, auditor_unit):  # type: ignore[no-untyped-def]
    from lapor.accounts.models import User

    user = User.objects.create_user(
        email="auditor@inspektorat.example.id",
        password=cast.password,
        full_name="Dewi Auditor",
        is_staff=True,
    )
    Membership.objects.create(user=user, agency=auditor_unit, role=Membership.Role.LIAISON_OFFICER)
    return user


@pytest.fixture
def pupr_admin(cast, directory):  # type: ignore[no-untyped-def]
    """The accused unit's own admin: verifies Sleman's reports like any agency admin there."""
    from lapor.accounts.models import User

    user = User.objects.create_user(
        email="kepala.pupr@example.id",
        password=cast.password,
        full_name="Kepala Dinas PUPR",
        is_staff=True,
    )
    Membership.objects.create(
        user=user, agency=directory.sleman_pupr, role=Membership.Role.AGENCY_ADMIN
    )
    return user
