"""The jurisdiction resolver: category × place × asset owner → the competent unit, explained."""

import pytest

from lapor.routing.resolver import resolve

pytestmark = pytest.mark.django_db

DEPOK = "34.04.07.2001"  # Caturtunggal, Depok, Kabupaten Sleman


def first(**kw):
    return resolve(**kw)[0]


def test_a_regency_road_goes_to_the_regency_public_works_and_says_why(directory, routing):
    d = first(
        category=directory.category_road,
        region_code=DEPOK,
        text="Jln kabupaten di Caturtunggal berlubang",
    )
    assert d.agency == directory.sleman_pupr
    assert d.explanation == ("kategori Jalan Berlubang; jalan kabupaten/kota; lokasi Kab. Sleman")
    assert d.explanation_en == "category Potholes; regency/city road; location Kab. Sleman"
    assert d.matched


def test_a_road_without_a_status_defaults_to_the_regency(directory, routing):
    d = first(category=directory.category_road, region_code=DEPOK, text="Jalan rusak parah")
    assert d.agency == directory.sleman_pupr and not d.matched


def test_a_provincial_road_goes_to_the_province(directory, routing):
    d = first(
        category=directory.category_road,
        region_code=DEPOK,
        text="Jalan provinsi Jogja-Solo di Maguwoharjo berlubang",
    )
    assert d.agency == routing.province_pupr
    assert "jalan provinsi" in d.explanation


def test_a_national_road_goes_to_the_ministrys_vertical_office(directory, routing):
    d = first(
        category=directory.category_road,
        region_code=DEPOK,
        text="Lubang besar di jalan nasional Jl. Solo km 9",
    )
    assert d.agency == routing.balai_jalan
    assert "jalan nasional" in d.explanation and "instansi vertikal" in d.explanation


def test_a_national_road_without_a_vertical_office_goes_to_the_ministry(directory, routing):
    routing.balai_jalan.is_active = False
    routing.balai_jalan.save(update_fields=["is_active"])
    d = first(category=directory.category_road, region_code=DEPOK, text="jalan nasional rusak")
    assert d.agency == routing.kemen_pu


def test_a_village_road_goes_to_the_kecamatan_and_says_so(directory, routing):
    d = first(category=directory.category_road, region_code=DEPOK, text="jalan desa rusak")
    assert d.agency == routing.kecamatan_depok
    assert "kecamatan" in d.explanation


def test_school_levels(directory, routing):
    cat = routing.category_school
    assert first(category=cat, region_code=DEPOK, text="Pungli di SMP N 4").agency == (
        routing.sleman_education
    )
    assert first(category=cat, region_code=DEPOK, text="SMA negeri minta sumbangan").agency == (
        routing.province_education
    )
    assert first(category=cat, region_code=DEPOK, text="UKT kampus naik").agency == (
        routing.kemdiktisaintek
    )


def test_land_goes_to_the_land_office_of_the_regency(directory, routing):
    d = first(category=None, region_code=DEPOK, text="Sertifikat tanah PTSL belum jadi")
    assert d.agency == routing.bpn_sleman
    d = first(category=routing.category_land, region_code=DEPOK, text="tanah")
    assert d.agency == routing.bpn_sleman


def test_state_enterprises(directory, routing):
    d = first(category=None, region_code=DEPOK, text="Token listrik tidak masuk, PLN lambat")
    assert d.agency == routing.pln and "PLN" in d.explanation
    d = first(category=routing.category_power, region_code=DEPOK, text="tegangan turun")
    assert d.agency == routing.pln
    d = first(category=None, region_code=DEPOK, text="Kartu KIS dan BPJS Kesehatan nonaktif")
    assert d.agency == routing.bpjs


def test_civil_registry_is_the_regencys_except_in_jakarta(directory, routing):
    cat = routing.category_ktp
    assert first(category=cat, region_code=DEPOK, text="KTP belum jadi").agency == (
        routing.sleman_dukcapil
    )
    assert first(category=cat, region_code="31.71.01", text="KK belum jadi").agency == (
        routing.dki_dukcapil
    )


def test_an_admin_edit_of_the_table_changes_the_next_decision(directory, routing, cast):
    from lapor.routing import actions
    from lapor.routing.models import RoutingRule

    rule = RoutingRule.objects.get(asset_owner="jalan-kabupaten")
    fields = {
        "category": None,
        "applies_to_unit_type": rule.applies_to_unit_type,
        "province_code": "",
        "asset_owner": "jalan-kabupaten",
        "keywords": "jln kabupaten",
        "is_default": False,
        "level": "province",
        "unit_type": rule.unit_type,
        "agency": None,
        "priority": 40,
        "note": "dipelihara provinsi",
        "note_en": "maintained by the province",
        "is_active": True,
    }
    actions.rule_save(rule=rule, fields=fields, actor=cast.national_admin)
    d = first(category=directory.category_road, region_code=DEPOK, text="jln kabupaten rusak")
    assert d.agency == routing.province_pupr and "dipelihara provinsi" in d.explanation


def test_only_national_admins_edit_rules(directory, routing, cast, client):
    client.force_login(cast.agency_admin)
    assert client.get("/konsol/routing/aturan/").status_code == 404
    client.force_login(cast.national_admin)
    page = client.get("/konsol/routing/aturan/")
    assert page.status_code == 200 and "jalan-nasional" in page.content.decode()


def test_a_national_admin_adds_a_rule_in_the_console(directory, routing, cast, client):
    from lapor.routing.models import RoutingRule

    client.force_login(cast.national_admin)
    response = client.post(
        "/konsol/routing/aturan/",
        {
            "category": directory.category_road.pk,
            "asset_owner": "jalan-lingkar",
            "keywords": "Ring Road, jalan lingkar",
            "level": "province",
            "unit_type": directory.sleman_pupr.unit_type_id,
            "priority": "15",
            "note": "jalan lingkar (provinsi)",
            "note_en": "ring road (province)",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    rule = RoutingRule.objects.get(asset_owner="jalan-lingkar")
    assert rule.keywords == "ring road, jalan lingkar"
    d = first(category=directory.category_road, region_code=DEPOK, text="Ring road utara rusak")
    assert d.agency == routing.province_pupr and "jalan lingkar (provinsi)" in d.explanation
    # A rule without a target is refused with a message, nothing saved.
    page = client.post(
        "/konsol/routing/aturan/",
        {"asset_owner": "kosong", "level": "regency", "priority": "5", "note": "x"},
    )
    assert page.status_code == 200 and not RoutingRule.objects.filter(asset_owner="kosong")
