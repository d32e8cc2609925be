"""The shared cast (ARCHITECTURE.md §9) and a small slice of the real directory.

Most tests need a few regions, agencies and categories, not all 91,599 regions: loading the
full directory is tested once, in tests/regions and tests/agencies.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation

os.environ.setdefault("TESTING", "1")

REGIONS = [
    ("34", None, 1, "Daerah Istimewa Yogyakarta"),
    ("34.04", "34", 2, "Kabupaten Sleman"),
    ("34.71", "34", 2, "Kota Yogyakarta"),
    ("34.04.07", "34.04", 3, "Depok"),
    ("34.04.08", "34.04", 3, "Berbah"),
    ("34.04.07.2001", "34.04.07", 4, "Caturtunggal"),
    ("34.04.07.2002", "34.04.07", 4, "Maguwoharjo"),
    ("33", None, 1, "Jawa Tengah"),
    ("33.74", "33", 2, "Kota Semarang"),
    ("33.74.01", "33.74", 3, "Semarang Tengah"),
    ("33.74.01.1001", "33.74.01", 4, "Miroto"),
]


@pytest.fixture(autouse=True)
def _isolated_media(settings) -> Iterator[None]:  # type: ignore[no-untyped-def]
    media = tempfile.mkdtemp(prefix="lapor-media-")
    settings.MEDIA_ROOT = media
    cache.clear()
    # Per-process caches of the database's contents: each test has its own rows.
    from lapor.regions.selectors import forget_chains

    forget_chains()
    # The test client runs LocaleMiddleware in this thread, which leaves the last request's
    # language active: every test starts in the default language.
    translation.deactivate()
    yield
    translation.deactivate()
    shutil.rmtree(media, ignore_errors=True)


@pytest.fixture
def quiet_start() -> dt.datetime:
    """10:00 WIB nearest to now: a test that travels a few hours from here never crosses a
    daily job's hour (01:30–03:00 and 07:00 WIB: retraining, open data, storage sweep, the staff
    digest), whatever the time CI runs it."""
    from django.utils import timezone

    from lapor.core.timezones import WIB

    local = timezone.localtime(timezone.now(), WIB)
    start = local.replace(hour=10, minute=0, second=0, microsecond=0)
    if start - local > dt.timedelta(hours=12):
        start -= dt.timedelta(days=1)
    elif local - start > dt.timedelta(hours=12):
        start += dt.timedelta(days=1)
    return start


@dataclass
class Directory:
    sleman_pupr: object
    semarang_pupr: object
    kemenpanrb: object
    sleman_gov: object
    semarang_gov: object
    category_road: object


@pytest.fixture
def directory(db: None) -> Directory:
    from lapor.agencies.models import Agency, Category, UnitType
    from lapor.regions.models import Region

    for code, parent, level, name in REGIONS:
        Region.objects.create(code=code, parent_id=parent, level=level, name=name)
    pupr = UnitType.objects.create(
        code="dinas-pupr", name="Dinas Pekerjaan Umum dan Penataan Ruang", short_name="Dinas PUPR"
    )
    kemenpanrb = Agency.objects.create(
        code="kemen-panrb",
        name="Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
        kind=Agency.Kind.MINISTRY,
        level=Agency.Level.NATIONAL,
    )
    sleman_gov = Agency.objects.create(
        code="pemda-34.04",
        name="Pemerintah Kabupaten Sleman",
        kind=Agency.Kind.REGENCY_GOVERNMENT,
        level=Agency.Level.REGENCY,
        region_id="34.04",
    )
    semarang_gov = Agency.objects.create(
        code="pemda-33.74",
        name="Pemerintah Kota Semarang",
        kind=Agency.Kind.REGENCY_GOVERNMENT,
        level=Agency.Level.REGENCY,
        region_id="33.74",
    )
    sleman_pupr = Agency.objects.create(
        code="34.04:dinas-pupr",
        name="Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sleman",
        short_name="Dinas PUPR Kab. Sleman",
        kind=Agency.Kind.REGIONAL_UNIT,
        level=Agency.Level.REGENCY,
        parent=sleman_gov,
        region_id="34.04",
        unit_type=pupr,
    )
    semarang_pupr = Agency.objects.create(
        code="33.74:dinas-pupr",
        name="Dinas Pekerjaan Umum Kota Semarang",
        kind=Agency.Kind.REGIONAL_UNIT,
        level=Agency.Level.REGENCY,
        parent=semarang_gov,
        region_id="33.74",
        unit_type=pupr,
    )
    top = Category.objects.create(
        code="pekerjaan-umum",
        name="PEKERJAAN UMUM DAN PENATAAN RUANG",
        name_en="PUBLIC WORKS AND SPATIAL PLANNING",
        handling_unit_type=pupr,
    )
    road = Category.objects.create(
        code="jalan-berlubang",
        name="Jalan Berlubang",
        name_en="Potholes",
        parent=top,
        handling_unit_type=pupr,
    )
    return Directory(sleman_pupr, semarang_pupr, kemenpanrb, sleman_gov, semarang_gov, road)


@dataclass
class Cast:
    reporter: object
    reporter2: object
    officer_a: object
    officer_b: object
    agency_admin: object
    national_admin: object
    community_node: object
    password: str = "Rahasia-Kuat-2026"


@pytest.fixture
def cast(directory: Directory) -> Cast:
    from lapor.accounts.models import User
    from lapor.agencies.models import Membership

    pw = Cast.password

    def user(email: str, name: str, **kw: object) -> User:
        # Established accounts: their logins are proved (lapor.accounts.verification).
        kw.setdefault("contact_verified_at", dt.datetime(2026, 1, 2, tzinfo=dt.UTC))
        return User.objects.create_user(email=email, password=pw, full_name=name, **kw)

    c = Cast(
        reporter=user("siti@example.id", "Siti Rahmawati", phone="+6281234567890"),
        reporter2=user("budi@example.id", "Budi Santoso"),
        officer_a=user("petugas.sleman@example.id", "Andi Petugas Sleman", is_staff=True),
        officer_b=user("petugas.semarang@example.id", "Bayu Petugas Semarang", is_staff=True),
        agency_admin=user("admin.sleman@example.id", "Admin Sleman", is_staff=True),
        national_admin=user("admin.nasional@example.id", "Admin Nasional", is_staff=True),
        community_node=user("simpul@example.id", "Simpul Disabilitas Sleman"),
    )
    Membership.objects.create(
        user=c.officer_a, agency=directory.sleman_pupr, role=Membership.Role.LIAISON_OFFICER
    )
    Membership.objects.create(
        user=c.officer_b, agency=directory.semarang_pupr, role=Membership.Role.LIAISON_OFFICER
    )
    Membership.objects.create(
        user=c.agency_admin, agency=directory.sleman_gov, role=Membership.Role.AGENCY_ADMIN
    )
    Membership.objects.create(
        user=c.national_admin, agency=directory.kemenpanrb, role=Membership.Role.NATIONAL_ADMIN
    )
    return c


def report_post_data(**overrides: object) -> dict[str, object]:
    """A complete, valid report form submission (Sleman, Depok, Caturtunggal)."""
    data: dict[str, object] = {
        "kind": "complaint",
        "title": "Jalan berlubang di depan SD Negeri Caturtunggal",
        "body": "Sudah tiga bulan jalan di depan sekolah berlubang besar dan membahayakan "
        "anak-anak yang berangkat sekolah. Mohon segera diperbaiki.",
        "incident_date": (dt.date.today() - dt.timedelta(days=3)).isoformat(),
        "province": "34",
        "regency": "34.04",
        "district": "34.04.07",
        "village": "34.04.07.2001",
        "address": "Jl. Colombo No. 1",
        "privacy": "public",
        "full_name": "Siti Rahmawati",
        "phone": "0812-3456-7890",
        "email": "siti@example.id",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def client() -> Client:
    return Client()


@pytest.fixture
def chromium() -> Iterator[object]:
    """Debian's Chromium through Playwright, for the axe tests outside tests/e2e (which has its
    own ``browser``): tests/axe.py."""
    from tests.axe import launched_chromium

    with launched_chromium() as browser:
        yield browser


FIXTURES = Path(__file__).parent / "fixtures"
