"""The whole directory, loaded once (see conftest.full_directory): regions, agencies, topics."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count, F
from django.test import Client
from django.test.utils import CaptureQueriesContext

from lapor.accounts.models import User
from lapor.agencies.models import Agency, Category, Membership, UnitType
from lapor.regions.models import Region

pytestmark = pytest.mark.django_db

# DOMAIN.md §3, in its order: the real system's 38 top-level topics (2025).
LAPOR_TOPICS = [
    "AGAMA",
    "CORONA VIRUS",
    "EKONOMI DAN KEUANGAN",
    "KESEHATAN",
    "KESETARAAN GENDER DAN SOSIAL INKLUSIF",
    "KETENTERAMAN, KETERTIBAN UMUM, DAN PELINDUNGAN MASYARAKAT",
    "LINGKUNGAN HIDUP DAN KEHUTANAN",
    "PEKERJAAN UMUM DAN PENATAAN RUANG",
    "PEMBANGUNAN DESA, DAERAH TERTINGGAL, DAN TRANSMIGRASI",
    "PENDIDIKAN DAN KEBUDAYAAN",
    "PERTANIAN DAN PETERNAKAN",
    "POLITIK DAN HUKUM",
    "POLITISASI ASN",
    "SOSIAL DAN KESEJAHTERAAN",
    "SP4N-LAPOR!",
    "ENERGI DAN SUMBER DAYA ALAM",
    "EVAKUASI HEWAN LIAR",
    "FASILITAS DIPLOMATIK",
    "KEKERASAN DI SATUAN PENDIDIKAN",
    "KEPENDUDUKAN",
    "KERJASAMA BILATERAL",
    "KERJASAMA MULTILATERAL",
    "KETENAGAKERJAAN",
    "LEGALISASI KONSULER",
    "NETRALITAS ASN",
    "PELINDUNGAN WNI",
    "PEMULIHAN EKONOMI NASIONAL",
    "P4GN",
    "PENIADAAN MUDIK",
    "PERAIRAN",
    "PERHUBUNGAN",
    "PERLINDUNGAN KONSUMEN",
    "PROGRAM MAKAN BERGIZI GRATIS",
    "SELEKSI CALON HAKIM AGUNG RI",
    "SRGI",
    "TEKNOLOGI INFORMASI DAN KOMUNIKASI",
    "TOPIK KHUSUS",
    "TOPIK LAINNYA",
]

# Units every regency/city government has, Jakarta's administrative cities included ...
EVERY_REGENCY = {
    "dinas-pendidikan",
    "dinas-kesehatan",
    "dinas-pupr",
    "disdukcapil",
    "dinas-perhubungan",
    "dinas-sosial",
    "dlh",
    "satpol-pp",
}
# ... and those of the autonomous ones (Jakarta's are served by the province's units).
AUTONOMOUS_REGENCY = EVERY_REGENCY | {
    "bpbd",
    "diskominfo",
    "rsud",
    "pdam",
    "inspektorat",
    "disnaker",
    "dinas-pertanian",
    "disperindag",
    "disperkim",
    "dp3a",
    "bapenda",
    "dpmptsp",
    "ppid-utama",
}
EVERY_PROVINCE = {
    "dinas-pendidikan",
    "dinas-kesehatan",
    "dinas-pupr",
    "dinas-perhubungan",
    "dinas-sosial",
    "dlh",
    "satpol-pp",
    "bpbd",
    "diskominfo",
    "rsud",
    "inspektorat",
    "disnaker",
    "ppid-utama",
}


def test_it_loads_quickly_and_reports_each_stage(full_directory):
    assert full_directory.seconds < 60
    for stage in ("regions", "government units", "kecamatan offices", "categories"):
        assert re.search(
            rf"^\s+{re.escape(stage)}\s+[\d,]+ rows .* s$", full_directory.output, re.M
        )


def test_it_loads_every_kemendagri_region(full_directory):
    counts = dict(Region.objects.values_list("level").annotate(n=Count("code")))
    assert counts == {1: 38, 2: 514, 3: 7285, 4: 83762}
    sleman = Region.objects.get(code="34.04")
    assert (sleman.name, sleman.parent_id, sleman.level) == ("Kabupaten Sleman", "34", 2)
    assert Region.objects.get(code="34.71").name == "Kota Yogyakarta"
    assert Region.objects.get(code="34").name == "Daerah Istimewa Yogyakarta"
    # Every non-province hangs under a region one level up whose code prefixes its own.
    assert not Region.objects.exclude(level=1).exclude(parent__level=F("level") - 1).exists()


def test_it_gives_every_province_and_regency_a_government_with_its_units(full_directory):
    provinces = dict(Region.objects.filter(level=1).values_list("code", "name"))
    regencies = dict(Region.objects.filter(level=2).values_list("code", "name"))
    governments = dict(
        Agency.objects.filter(kind__endswith="_government").values_list("region_id", "code")
    )
    assert {c: governments.get(c) for c in provinces} == {c: f"pemprov-{c}" for c in provinces}
    assert {c: governments.get(c) for c in regencies} == {c: f"pemda-{c}" for c in regencies}
    wrong_parent = Agency.objects.filter(kind=Agency.Kind.REGENCY_GOVERNMENT).exclude(
        parent__region_id=F("region__parent_id")
    )
    assert not wrong_parent.exists()

    units: dict[str, set[str]] = {}
    unit_rows = (
        Agency.objects.filter(parent__kind__endswith="_government", unit_type__isnull=False)
        .exclude(kind=Agency.Kind.DISTRICT_OFFICE)
        .values_list("region_id", "unit_type__code", "code", "parent__region_id")
    )
    for region, unit_type, code, parent_region in unit_rows:
        assert code == f"{region}:{unit_type}" and parent_region == region
        units.setdefault(region, set()).add(unit_type)
    for code in provinces:
        assert units[code] >= EVERY_PROVINCE, code
    for code, name in regencies.items():
        jakarta = code.startswith("31.")
        expected = EVERY_REGENCY if jakarta else AUTONOMOUS_REGENCY
        assert expected <= units[code], code
        has_desa = name.startswith("Kabupaten ") and not jakarta
        assert ("dinas-pmd" in units[code]) == has_desa, code

    pupr = Agency.objects.select_related("unit_type", "parent").get(code="34.04:dinas-pupr")
    assert pupr.name == "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sleman"
    assert pupr.short_name == "Dinas PUPR Kab. Sleman"
    assert (pupr.unit_type.code, pupr.region_id, pupr.parent.code) == (
        "dinas-pupr",
        "34.04",
        "pemda-34.04",
    )
    assert pupr.kind == Agency.Kind.REGIONAL_UNIT and pupr.level == Agency.Level.REGENCY
    names = dict(
        Agency.objects.values_list("code", "name").filter(
            code__in=[
                "pemda-34.04",
                "pemda-34.71",
                "pemprov-33",
                "33:dinas-pendidikan",
                "34.71:disdukcapil",
                "31.71:dinas-pupr",
                "34.04:ppid-utama",
            ]
        )
    )
    assert names == {
        "pemda-34.04": "Pemerintah Kabupaten Sleman",
        "pemda-34.71": "Pemerintah Kota Yogyakarta",
        "pemprov-33": "Pemerintah Provinsi Jawa Tengah",
        "33:dinas-pendidikan": "Dinas Pendidikan Provinsi Jawa Tengah",
        "34.71:disdukcapil": "Dinas Kependudukan dan Pencatatan Sipil Kota Yogyakarta",
        "31.71:dinas-pupr": "Suku Dinas Bina Marga Kota Administrasi Jakarta Pusat",
        "34.04:ppid-utama": "Pejabat Pengelola Informasi dan Dokumentasi Utama Kabupaten Sleman",
    }
    pdam = Agency.objects.get(code="34.04:pdam")
    assert (pdam.kind, pdam.level) == (
        Agency.Kind.REGIONAL_ENTERPRISE,
        Agency.Level.REGIONAL_ENTERPRISE,
    )
    assert Agency.objects.get(code="34.04:ppid-utama").kind == Agency.Kind.INFORMATION_OFFICE


def test_it_gives_every_district_a_kecamatan_office(full_directory):
    offices = Agency.objects.filter(kind=Agency.Kind.DISTRICT_OFFICE)
    assert offices.count() == 7285
    assert offices.filter(region__level=3).values("region").distinct().count() == 7285
    assert not offices.exclude(parent__region_id=F("region__parent_id")).exists()
    assert not offices.exclude(parent__kind=Agency.Kind.REGENCY_GOVERNMENT).exists()
    depok = Agency.objects.get(code="kec-34.04.07")
    assert (depok.name, depok.level, depok.parent.code) == (
        "Kecamatan Depok",
        Agency.Level.DISTRICT,
        "pemda-34.04",
    )
    # Villages deliberately get no office up front (created on demand).
    assert not Agency.objects.filter(kind=Agency.Kind.VILLAGE_OFFICE).exists()


def test_it_places_vertical_offices_under_their_ministry(full_directory):
    land = Agency.objects.filter(unit_type__code="kantor-pertanahan")
    assert land.count() == 514
    assert set(land.values_list("parent__code", flat=True)) == {"kemen-atr-bpn"}
    assert set(land.values_list("level", "kind").distinct()) == {
        (Agency.Level.VERTICAL, Agency.Kind.VERTICAL_OFFICE)
    }
    sleman = Agency.objects.get(code="bpn-34.04")
    assert (sleman.name, sleman.region_id) == ("Kantor Pertanahan Kabupaten Sleman", "34.04")
    assert Agency.objects.get(code="kankemenag-34.71").name == (
        "Kantor Kementerian Agama Kota Yogyakarta"
    )


def test_it_lists_the_national_agencies_by_their_real_names(full_directory):
    expected = {
        "kemen-pu": ("Kementerian Pekerjaan Umum", Agency.Kind.MINISTRY),
        "kemenkes": ("Kementerian Kesehatan", Agency.Kind.MINISTRY),
        "kemen-panrb": (
            "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
            Agency.Kind.MINISTRY,
        ),
        "kemenimipas": ("Kementerian Imigrasi dan Pemasyarakatan", Agency.Kind.MINISTRY),
        "bpjs-kesehatan": (
            "Badan Penyelenggara Jaminan Sosial Kesehatan",
            Agency.Kind.STATE_INSTITUTION,
        ),
        "bgn": ("Badan Gizi Nasional", Agency.Kind.NON_MINISTERIAL),
        "pln": ("PT PLN (Persero)", Agency.Kind.STATE_ENTERPRISE),
    }
    found = {
        code: (name, kind)
        for code, name, kind in Agency.objects.filter(code__in=expected).values_list(
            "code", "name", "kind"
        )
    }
    assert found == expected
    national = Agency.objects.filter(parent=None, region=None)
    assert national.filter(kind=Agency.Kind.MINISTRY).count() >= 34
    assert national.filter(kind=Agency.Kind.NON_MINISTERIAL).count() >= 20
    assert Agency.objects.get(code="pln").level == Agency.Level.STATE_ENTERPRISE


def test_it_loads_the_38_lapor_topics_with_their_sub_topics_and_owners(full_directory):
    tops = list(Category.objects.filter(parent=None).order_by("sort_order"))
    assert [c.name for c in tops] == LAPOR_TOPICS
    assert [c.sort_order for c in tops] == list(range(1, 39))
    sub_counts = dict(
        Category.objects.exclude(parent=None).values_list("parent").annotate(n=Count("pk"))
    )
    for top in tops:
        assert sub_counts.get(top.pk, 0) >= 3, top.name
        assert top.handling_unit_type_id or top.national_agency_id, top.name
        assert top.name_en and top.keywords, top.name
    orphans = Category.objects.filter(handling_unit_type=None, national_agency=None)
    assert not orphans.exists()
    assert not Category.objects.exclude(parent=None).exclude(parent__parent=None).exists()

    def owner(code: str) -> tuple[str | None, str | None]:
        c = Category.objects.select_related("handling_unit_type", "national_agency").get(code=code)
        unit = c.handling_unit_type.code if c.handling_unit_type else None
        return unit, (c.national_agency.code if c.national_agency else None)

    assert owner("pekerjaan-umum-dan-penataan-ruang--jalan-berlubang") == (
        "dinas-pupr",
        "kemen-pu",
    )
    assert owner("kependudukan--ktp-elektronik") == ("disdukcapil", "kemendagri")
    assert owner("politik-dan-hukum--imigrasi") == (None, "kemenimipas")
    assert owner("kesehatan--bpjs-kesehatan-kepesertaan") == (None, "bpjs-kesehatan")
    assert owner("program-makan-bergizi-gratis") == (None, "bgn")
    assert owner("energi-dan-sumber-daya-alam--listrik-padam") == (None, "pln")
    # Inherited from the topic unless overridden.
    assert owner("sosial-dan-kesejahteraan--program-keluarga-harapan-pkh") == (
        "dinas-sosial",
        "kemensos",
    )
    road = Category.objects.get(code="pekerjaan-umum-dan-penataan-ruang--jalan-berlubang")
    assert "jalan bolong" in road.keywords
    assert Category.objects.get(code="sp4n-lapor").name == "SP4N-LAPOR!"
    assert not Category.objects.exclude(code__regex=r"^[a-z0-9-]+$").exists()


def _stage_counts(output: str) -> dict[str, tuple[int, int, int]]:
    pattern = r"^\s+(.+?)\s+[\d,]+ rows\s+([\d,]+) created\s+([\d,]+) updated\s+([\d,]+) unchanged"
    return {
        m[1]: tuple(int(x.replace(",", "")) for x in m.groups()[1:])  # type: ignore[misc]
        for m in re.finditer(pattern, output, re.M)
    }


def test_it_changes_nothing_on_a_second_run_but_restores_edited_names(full_directory):
    before = (Region.objects.count(), Agency.objects.count(), Category.objects.count())
    assert before[1] > 20_000
    Agency.objects.filter(code="34.04:dinas-pupr").update(name="Dinas PU Sleman (salah ketik)")
    Agency.objects.filter(code="kec-34.04.07").update(is_active=False)  # admin-owned: kept
    Region.objects.filter(code="34.71").update(name="Jogja")
    Category.objects.filter(code="kependudukan").update(name="Dukcapil")

    out = io.StringIO()
    call_command("load_directory", stdout=out)

    after = (Region.objects.count(), Agency.objects.count(), Category.objects.count())
    assert after == before
    stages = _stage_counts(out.getvalue())
    assert sum(created for created, _, _ in stages.values()) == 0
    assert {s: u for s, (_, u, _) in stages.items() if u} == {
        "regions": 1,
        "government units": 1,
        "categories": 1,
    }
    assert Agency.objects.get(code="34.04:dinas-pupr").name == (
        "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sleman"
    )
    assert Region.objects.get(code="34.71").name == "Kota Yogyakarta"
    assert Category.objects.get(code="kependudukan").name == "KEPENDUDUKAN"
    assert Agency.objects.get(code="kec-34.04.07").is_active is False
    assert not Agency.objects.values("code").annotate(n=Count("pk")).filter(n__gt=1).exists()
    assert UnitType.objects.count() == len(set(UnitType.objects.values_list("code", flat=True)))


def test_it_keeps_the_admin_light_with_the_full_directory(full_directory):
    admin = User.objects.create_superuser("root@example.id", "Rahasia-Kuat-2026")
    officer = User.objects.create_user(email="petugas@example.id", password="x")
    pupr = Agency.objects.get(code="34.04:dinas-pupr")
    Membership.objects.create(user=officer, agency=pupr, role=Membership.Role.LIAISON_OFFICER)
    client = Client()
    client.force_login(admin)
    top = Category.objects.get(code="pekerjaan-umum-dan-penataan-ruang")
    pages = [
        "/admin/regions/region/",
        "/admin/regions/region/?level__exact=4&q=Caturtunggal",
        "/admin/regions/region/34.04.07.2001/change/",
        "/admin/agencies/agency/",
        "/admin/agencies/agency/?kind__exact=district_office&q=Depok",
        f"/admin/agencies/agency/{pupr.pk}/change/",
        "/admin/agencies/category/",
        f"/admin/agencies/category/{top.pk}/change/",
        "/admin/agencies/unittype/",
        "/admin/agencies/membership/",
        "/admin/agencies/membership/add/",
    ]
    for page in pages:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page)
        assert response.status_code == 200, page
        assert len(queries) < 20, (page, len(queries))
        # No page renders a select of thousands of regions or agencies.
        assert len(response.content) < 400_000, (page, len(response.content))
    assert "Caturtunggal" in client.get(pages[1]).content.decode()
