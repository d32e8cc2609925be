"""A directory slice with the agencies the jurisdiction rules point at."""

from __future__ import annotations

from dataclasses import dataclass

import pytest


@dataclass
class Routing:
    province_pupr: object
    balai_jalan: object
    kemen_pu: object
    kecamatan_depok: object
    bpn_sleman: object
    pln: object
    bpjs: object
    sleman_education: object
    province_education: object
    kemdiktisaintek: object
    category_school: object
    category_land: object
    category_power: object
    category_ktp: object
    dki_dukcapil: object
    jakpus_dukcapil: object
    sleman_dukcapil: object


@pytest.fixture
def routing(directory) -> Routing:
    from lapor.agencies.models import Agency, Category, UnitType
    from lapor.regions.models import Region
    from lapor.routing.rules import load_rules

    A = Agency
    pupr = UnitType.objects.get(code="dinas-pupr")

    def ut(code: str, name: str) -> UnitType:
        return UnitType.objects.create(code=code, name=name, short_name=name)

    education, kecamatan, land, dukcapil = (
        ut("dinas-pendidikan", "Dinas Pendidikan"),
        ut("kecamatan", "Kecamatan"),
        ut("kantor-pertanahan", "Kantor Pertanahan"),
        ut("disdukcapil", "Disdukcapil"),
    )
    Region.objects.create(code="31", parent=None, level=1, name="DKI Jakarta")
    Region.objects.create(
        code="31.71", parent_id="31", level=2, name="Kota Administrasi Jakarta Pusat"
    )
    Region.objects.create(code="31.71.01", parent_id="31.71", level=3, name="Gambir")

    def agency(code: str, name: str, kind: str, level: str, **kw: object) -> Agency:
        return A.objects.create(code=code, name=name, kind=kind, level=level, **kw)

    pemprov = agency(
        "pemprov-34",
        "Pemerintah Daerah DIY",
        A.Kind.PROVINCIAL_GOVERNMENT,
        A.Level.PROVINCE,
        region_id="34",
    )
    pemprov_dki = agency(
        "pemprov-31",
        "Pemprov DKI Jakarta",
        A.Kind.PROVINCIAL_GOVERNMENT,
        A.Level.PROVINCE,
        region_id="31",
    )
    unit = A.Kind.REGIONAL_UNIT
    kemen_pu = agency("kemen-pu", "Kementerian Pekerjaan Umum", A.Kind.MINISTRY, A.Level.NATIONAL)
    atr = agency("kemen-atr-bpn", "Kementerian ATR/BPN", A.Kind.MINISTRY, A.Level.NATIONAL)
    r = Routing(
        province_pupr=agency(
            "34:dinas-pupr",
            "Dinas PUPR DIY",
            unit,
            A.Level.PROVINCE,
            parent=pemprov,
            region_id="34",
            unit_type=pupr,
        ),
        balai_jalan=agency(
            "bbpjn-34",
            "Balai Besar Pelaksanaan Jalan Nasional DIY",
            A.Kind.VERTICAL_OFFICE,
            A.Level.VERTICAL,
            parent=kemen_pu,
            region_id="34",
        ),
        kemen_pu=kemen_pu,
        kecamatan_depok=agency(
            "kec-34.04.07",
            "Kecamatan Depok",
            A.Kind.DISTRICT_OFFICE,
            A.Level.DISTRICT,
            parent=directory.sleman_gov,
            region_id="34.04.07",
            unit_type=kecamatan,
        ),
        bpn_sleman=agency(
            "bpn-34.04",
            "Kantor Pertanahan Kabupaten Sleman",
            A.Kind.VERTICAL_OFFICE,
            A.Level.VERTICAL,
            parent=atr,
            region_id="34.04",
            unit_type=land,
        ),
        pln=agency("pln", "PT PLN (Persero)", A.Kind.STATE_ENTERPRISE, A.Level.STATE_ENTERPRISE),
        bpjs=agency(
            "bpjs-kesehatan", "BPJS Kesehatan", A.Kind.STATE_ENTERPRISE, A.Level.STATE_ENTERPRISE
        ),
        sleman_education=agency(
            "34.04:dinas-pendidikan",
            "Dinas Pendidikan Kabupaten Sleman",
            unit,
            A.Level.REGENCY,
            parent=directory.sleman_gov,
            region_id="34.04",
            unit_type=education,
        ),
        province_education=agency(
            "34:dinas-pendidikan",
            "Dinas Pendidikan DIY",
            unit,
            A.Level.PROVINCE,
            parent=pemprov,
            region_id="34",
            unit_type=education,
        ),
        kemdiktisaintek=agency(
            "kemdiktisaintek", "Kemdiktisaintek", A.Kind.MINISTRY, A.Level.NATIONAL
        ),
        category_school=Category.objects.create(
            code="pendidikan",
            name="PENDIDIKAN DAN KEBUDAYAAN",
            name_en="EDUCATION AND CULTURE",
            handling_unit_type=education,
        ),
        category_land=Category.objects.create(
            code="pertanahan",
            name="Pertanahan",
            name_en="Land",
            handling_unit_type=land,
            national_agency=atr,
        ),
        category_power=Category.objects.create(
            code="listrik",
            name="Listrik",
            name_en="Electricity",
            national_agency=A.objects.get(code="pln"),
        ),
        category_ktp=Category.objects.create(
            code="kependudukan",
            name="KEPENDUDUKAN",
            name_en="CIVIL REGISTRY",
            handling_unit_type=dukcapil,
        ),
        dki_dukcapil=agency(
            "31:disdukcapil",
            "Disdukcapil DKI Jakarta",
            unit,
            A.Level.PROVINCE,
            parent=pemprov_dki,
            region_id="31",
            unit_type=dukcapil,
        ),
        jakpus_dukcapil=agency(
            "31.71:disdukcapil",
            "Sudin Dukcapil Jakarta Pusat",
            unit,
            A.Level.REGENCY,
            parent=pemprov_dki,
            region_id="31.71",
            unit_type=dukcapil,
        ),
        sleman_dukcapil=agency(
            "34.04:disdukcapil",
            "Disdukcapil Kabupaten Sleman",
            unit,
            A.Level.REGENCY,
            parent=directory.sleman_gov,
            region_id="34.04",
            unit_type=dukcapil,
        ),
    )
    load_rules()
    return r
