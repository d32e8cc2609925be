"""The national bodies and state enterprises that really receive reports are in the directory
and the rules (2024–2029 cabinet names), and written agency names map to the right kind of
unit — Bandung's housing-and-land dinas is not the land office."""

import pytest

from lapor.agencies import directory_data as data
from lapor.agencies.loader import Place, vertical_office_rows
from lapor.routing import rules
from lapor.routing.text import agency_kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        (
            "Dinas Perumahan dan Kawasan Pemukiman, Pertanahan dan Pertamanan Kota Bandung",
            "disperkim",
        ),
        ("Kantor Pertanahan Kota Bandung", "kantor-pertanahan"),
        ("Dinas Pekerjaan Umum dan Perumahan Kab. Sleman", "dinas-pupr"),
        ("BPJS Kesehatan KC Sampit", "bpjs-kesehatan"),
        ("BPJS Ketenagakerjaan Kacab Purwakarta", "bpjs-ketenagakerjaan"),
        ("BPJS Kesehatan Kantor Cabang Kabupaten Sleman", "bpjs-kesehatan"),
        ("Kementerian Pendidikan dan Kebudayaan", "kemendikdasmen"),
        ("Kementerian Riset, Teknologi, dan Pendidikan Tinggi", "kemdiktisaintek"),
        ("Koordinasi Perguruan Tinggi Swasta Wilayah III", "kemdiktisaintek"),
        ("Direktorat Jenderal Penyelenggaraan Pos dan Informatika", "komdigi"),
        ("Kanim Kelas I Khusus Jakarta Selatan", "kemenimipas"),
        ("Kementerian Badan Usaha Milik Negara", "kemen-bumn"),
        ("BP BUMN", "kemen-bumn"),
        ("PT Pos", "pos-indonesia"),
        ("Kementerian Desa, PDT, dan Transmigrasi", "kemendes-pdt"),
        ("Direktorat Pengolahan Data dan Informasi Kepegawaian", "bkn"),
        ("Badan Kepegawaian Daerah Kabupaten Sleman", "bkd"),
        ("Badan Pelayanan Perijinan Terpadu (BPPT) Kota Bandung", "dpmptsp"),
        ("Kementerian Sosial", "kemensos"),
        ("Kementerian Dalam Negeri", "kemendagri"),
        ("Kementerian Kesehatan", "kemenkes"),
        ("PT PLN (Persero) UP3 Bandung", "pln"),
        ("PT Pertamina Patra Niaga", "pertamina"),
    ],
)
def test_written_agency_names_map_to_the_kind_of_unit(name, kind):
    assert agency_kind(name) == kind


def test_the_directory_has_the_bodies_and_bpjs_branch_offices():
    codes = {row[0] for row in data.NATIONAL_AGENCIES}
    for code in (
        "kemendagri",
        "kemenkes",
        "kemendikdasmen",
        "kemdiktisaintek",
        "kemen-atr-bpn",
        "kemensos",
        "bpjs-kesehatan",
        "bpjs-ketenagakerjaan",
        "pos-indonesia",
        "pln",
        "pertamina",
        "kemen-bumn",
    ):
        assert code in codes, code
    sleman = Place(code="34.04", name="Kabupaten Sleman", level=2, parent_code="34")
    nationals = {code: i for i, code in enumerate(sorted(codes | {"kemenag"}))}
    types = {row[0]: i for i, row in enumerate(data.UNIT_TYPES)}
    rows = {r["code"]: r for r in vertical_office_rows([sleman], nationals, types)}
    branch = rows["bpjskes-34.04"]
    assert branch["name"] == "BPJS Kesehatan Kantor Cabang Kabupaten Sleman"
    assert branch["level"] == "BUMN" and branch["parent_id"] == nationals["bpjs-kesehatan"]
    assert rows["bpjstk-34.04"]["level"] == "BUMN"
    assert rows["bpn-34.04"]["level"] == "instansi vertikal"


def test_the_rules_name_the_national_bodies():
    agencies = {seed.agency for seed in rules.SEEDS}
    for code in (
        "bpjs-kesehatan",
        "bpjs-ketenagakerjaan",
        "pln",
        "pertamina",
        "pos-indonesia",
        "kemensos",
        "kemendikdasmen",
        "kemdiktisaintek",
        "kemendagri",
        "kemenkes",
        "kemen-atr-bpn",
        "kemen-bumn",
    ):
        assert code in agencies, code


@pytest.mark.django_db
def test_bpjs_matters_go_to_the_branch_office_of_the_place(directory, routing):
    from lapor.agencies.models import Agency
    from lapor.routing.resolver import bump_rules_version, resolve

    branch = Agency.objects.create(
        code="bpjskes-34.04",
        name="BPJS Kesehatan Kantor Cabang Kabupaten Sleman",
        kind=Agency.Kind.VERTICAL_OFFICE,
        level=Agency.Level.STATE_ENTERPRISE,
        parent=routing.bpjs,
        region_id="34.04",
    )
    bump_rules_version()
    d = resolve(
        category=None, region_code="34.04.07.2001", text="Kartu KIS dan BPJS Kesehatan nonaktif"
    )[0]
    assert d.agency == branch and "BPJS Kesehatan" in d.explanation
