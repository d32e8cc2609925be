"""The jurisdiction rule table: its seed data and the loader that turns it into rows.

Why a table and not code: who owns a road, a school or a hospital is law (UU 23/2014, UU
38/2004 on roads) that changes and has regional exceptions (Jakarta has no regency-level
dinas); national admins edit the rows at /konsol/routing/aturan/ and the resolver reads
them, so a correction needs no deployment.

A rule says: for a report whose category is ``category`` (or any category handled by
``applies_to_unit_type``), when its text mentions one of ``keywords`` (or always, for a
default rule), the competent unit is the unit of type ``unit_type`` at ``level`` in the
report's region — or the national agency ``agency`` (its vertical office in the region when it
has one). Lower ``priority`` wins. ``note``/``note_en`` go into the explanation shown to the
admin and, once disposed, to the reporter.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

NATIONAL = "national"
PROVINCE = "province"
REGENCY = "regency"
DISTRICT = "district"


@dataclass(frozen=True)
class Seed:
    key: str  # asset owner slug, unique together with the scope
    level: str
    note: str
    note_en: str
    keywords: str = ""
    is_default: bool = False
    category: str = ""  # category code
    applies_to: str = ""  # handling unit type code
    unit_type: str = ""
    agency: str = ""
    province: str = ""
    priority: int = 100


SEEDS: tuple[Seed, ...] = (
    # --- roads (UU 38/2004: status of the road decides who maintains it) -------------------
    Seed(
        "jalan-nasional",
        NATIONAL,
        "jalan nasional",
        "national road",
        keywords="jalan nasional, jln nasional, jl nasional, jalan negara, jalur pantura, "
        "jalan lintas, jalan trans, bpjn, balai jalan, jalan tol, tol",
        applies_to="dinas-pupr",
        agency="kemen-pu",
        priority=10,
    ),
    Seed(
        "jalan-provinsi",
        PROVINCE,
        "jalan provinsi",
        "provincial road",
        keywords="jalan provinsi, jln provinsi, jl provinsi, jalan prov, jln prov, ruas provinsi",
        applies_to="dinas-pupr",
        unit_type="dinas-pupr",
        priority=20,
    ),
    Seed(
        "jalan-desa",
        DISTRICT,
        "jalan desa (tidak ada kantor desa di direktori: ke kecamatan)",
        "village road (no village office in the directory: sent to the district office)",
        keywords="jalan desa, jln desa, jl desa, jalan dusun, jalan kampung, jalan gang, gang, "
        "jalan lingkungan, jalan setapak",
        applies_to="dinas-pupr",
        unit_type="kecamatan",
        priority=30,
    ),
    Seed(
        "jalan-kabupaten",
        REGENCY,
        "jalan kabupaten/kota",
        "regency/city road",
        keywords="jalan kabupaten, jln kabupaten, jl kabupaten, jalan kab, jln kab, jalan kota, "
        "jln kota, ruas kabupaten",
        applies_to="dinas-pupr",
        unit_type="dinas-pupr",
        priority=40,
    ),
    Seed(
        "pupr-kabupaten",
        REGENCY,
        "aset kabupaten/kota (bawaan)",
        "regency/city asset (default)",
        is_default=True,
        applies_to="dinas-pupr",
        unit_type="dinas-pupr",
        priority=90,
    ),
    # --- schools (UU 23/2014 annex: SD/SMP regency, SMA/SMK/SLB province, universities) ----
    Seed(
        "perguruan-tinggi",
        NATIONAL,
        "perguruan tinggi",
        "university",
        keywords="universitas, kampus, perguruan tinggi, politeknik, institut, mahasiswa, "
        "kuliah, ukt, rektor, dosen, kip kuliah, sekolah tinggi",
        applies_to="dinas-pendidikan",
        agency="kemdiktisaintek",
        priority=10,
    ),
    Seed(
        "sma-smk",
        PROVINCE,
        "SMA/SMK/SLB (provinsi)",
        "senior high/vocational/special school (province)",
        keywords="sma, smk, slb, sman, smkn, sekolah menengah atas, sekolah menengah kejuruan, "
        "sekolah luar biasa, ma negeri",
        applies_to="dinas-pendidikan",
        unit_type="dinas-pendidikan",
        priority=20,
    ),
    Seed(
        "sd-smp",
        REGENCY,
        "SD/SMP/TK (kabupaten/kota)",
        "primary/junior school (regency/city)",
        keywords="sd, smp, tk, paud, sdn, smpn, sekolah dasar, sekolah menengah pertama",
        applies_to="dinas-pendidikan",
        unit_type="dinas-pendidikan",
        priority=30,
    ),
    Seed(
        "pendidikan-kabupaten",
        REGENCY,
        "pendidikan dasar (bawaan)",
        "basic education (default)",
        is_default=True,
        applies_to="dinas-pendidikan",
        unit_type="dinas-pendidikan",
        priority=90,
    ),
    # --- hospitals --------------------------------------------------------------------------
    Seed(
        "rs-vertikal",
        NATIONAL,
        "rumah sakit vertikal Kemenkes",
        "Ministry of Health hospital",
        keywords="rsup, rs vertikal, rumah sakit umum pusat, rs pusat, rsup dr",
        applies_to="rsud",
        agency="kemenkes",
        priority=10,
    ),
    Seed(
        "rsud-provinsi",
        PROVINCE,
        "RSUD milik provinsi",
        "provincial hospital",
        keywords="rsud provinsi, rs provinsi, rumah sakit provinsi, rsud prov",
        applies_to="rsud",
        unit_type="rsud",
        priority=20,
    ),
    Seed(
        "rsud-kabupaten",
        REGENCY,
        "RSUD kabupaten/kota",
        "regency/city hospital",
        is_default=True,
        applies_to="rsud",
        unit_type="rsud",
        priority=90,
    ),
    Seed(
        "rs-vertikal-kesehatan",
        NATIONAL,
        "rumah sakit vertikal Kemenkes",
        "Ministry of Health hospital",
        keywords="rsup, rs vertikal, rumah sakit umum pusat",
        applies_to="dinas-kesehatan",
        agency="kemenkes",
        priority=10,
    ),
    Seed(
        "rsud-di-kesehatan",
        REGENCY,
        "RSUD kabupaten/kota",
        "regency/city hospital",
        keywords="rsud, rumah sakit umum daerah",
        applies_to="dinas-kesehatan",
        unit_type="rsud",
        priority=30,
    ),
    # --- state enterprises and vertical offices -----------------------------------------------
    Seed(
        "bpjs-kesehatan",
        NATIONAL,
        "BPJS Kesehatan (BUMN/badan hukum publik)",
        "BPJS Kesehatan (public health insurer)",
        keywords="bpjs kesehatan, bpjs kes, jkn, kartu kis, kartu bpjs kesehatan, iuran bpjs "
        "kesehatan, pbi jk",
        agency="bpjs-kesehatan",
        priority=50,
    ),
    Seed(
        "pln",
        NATIONAL,
        "PLN (BUMN listrik)",
        "PLN (state electricity company)",
        keywords="pln, token listrik, meteran listrik, kwh meter, pemadaman listrik, listrik "
        "padam, tagihan listrik, pasang baru listrik",
        agency="pln",
        priority=50,
    ),
    # National bodies and state enterprises that really receive reports (LAPOR! 2017 data:
    # BPJS, Kemensos, Kemendikbud, PT Pos, PLN …), 2024–2029 cabinet names. A keyword in the
    # text selects them whatever the category; their branch office in the region when the
    # directory has one (BPJS).
    Seed(
        "bpjs-ketenagakerjaan",
        NATIONAL,
        "BPJS Ketenagakerjaan (badan hukum publik)",
        "BPJS Ketenagakerjaan (employment social security)",
        keywords="bpjs ketenagakerjaan, bpjs tk, bpjs naker, jamsostek, jht, klaim jht, "
        "pencairan jht, jaminan hari tua, jaminan pensiun, jkk, jkm",
        agency="bpjs-ketenagakerjaan",
        priority=50,
    ),
    Seed(
        "pos-indonesia",
        NATIONAL,
        "PT Pos Indonesia (BUMN)",
        "PT Pos Indonesia (state postal company)",
        keywords="kantor pos, pt pos, pos indonesia, paket pos, kiriman pos, wesel pos, "
        "pencairan bansos di kantor pos",
        agency="pos-indonesia",
        priority=50,
    ),
    Seed(
        "pertamina",
        NATIONAL,
        "Pertamina (BUMN energi)",
        "Pertamina (state energy company)",
        keywords="pertamina, spbu, elpiji, lpg 3 kg, gas melon, pertalite, mypertamina, "
        "solar subsidi",
        agency="pertamina",
        priority=50,
    ),
    Seed(
        "kemensos",
        NATIONAL,
        "Kementerian Sosial (program bansos pusat)",
        "Ministry of Social Affairs (national social assistance)",
        keywords="kemensos, kementerian sosial, pkh, program keluarga harapan, bpnt, "
        "kartu sembako, bansos pusat, kks, kartu keluarga sejahtera",
        agency="kemensos",
        priority=60,
    ),
    Seed(
        "kemendikdasmen",
        NATIONAL,
        "Kementerian Pendidikan Dasar dan Menengah",
        "Ministry of Primary and Secondary Education",
        keywords="kemendikdasmen, kemendikbud, dapodik, nuptk, tunjangan profesi guru, "
        "sertifikasi guru, program indonesia pintar, kip sekolah",
        agency="kemendikdasmen",
        priority=60,
    ),
    Seed(
        "kemdiktisaintek",
        NATIONAL,
        "Kementerian Pendidikan Tinggi, Sains, dan Teknologi",
        "Ministry of Higher Education, Science and Technology",
        keywords="kemdiktisaintek, ristekdikti, pddikti, lldikti, kopertis, kip kuliah, "
        "bidikmisi, ijazah kampus, perguruan tinggi swasta",
        agency="kemdiktisaintek",
        priority=60,
    ),
    Seed(
        "kemendagri",
        NATIONAL,
        "Kementerian Dalam Negeri (pembinaan pemerintahan daerah)",
        "Ministry of Home Affairs (oversight of regional government)",
        keywords="kemendagri, kementerian dalam negeri, ditjen dukcapil pusat",
        agency="kemendagri",
        priority=60,
    ),
    Seed(
        "kemenkes",
        NATIONAL,
        "Kementerian Kesehatan",
        "Ministry of Health",
        keywords="kemenkes, kementerian kesehatan, str tenaga kesehatan, rs vertikal",
        agency="kemenkes",
        priority=60,
    ),
    Seed(
        "bp-bumn",
        NATIONAL,
        "BP BUMN (pengaturan BUMN)",
        "BP BUMN (state enterprise regulator)",
        keywords="kementerian bumn, bp bumn, rekrutmen bersama bumn, direksi bumn",
        agency="kemen-bumn",
        priority=60,
    ),
    Seed(
        "pertanahan",
        NATIONAL,
        "pertanahan: Kantor Pertanahan (instansi vertikal ATR/BPN)",
        "land: Land Office (vertical office of ATR/BPN)",
        keywords="sertifikat tanah, sertipikat, bpn, kantor pertanahan, ptsl, prona, "
        "sengketa tanah, balik nama tanah, ukur tanah",
        agency="kemen-atr-bpn",
        priority=50,
    ),
    Seed(
        "pertanahan-bawaan",
        NATIONAL,
        "pertanahan: Kantor Pertanahan",
        "land: Land Office",
        is_default=True,
        applies_to="kantor-pertanahan",
        agency="kemen-atr-bpn",
        priority=90,
    ),
    # --- civil registry ---------------------------------------------------------------------
    Seed(
        "adminduk-dki",
        PROVINCE,
        "administrasi kependudukan DKI Jakarta (provinsi)",
        "civil registry in Jakarta (province)",
        is_default=True,
        applies_to="disdukcapil",
        unit_type="disdukcapil",
        province="31",
        priority=10,
    ),
    Seed(
        "adminduk",
        REGENCY,
        "administrasi kependudukan (kabupaten/kota)",
        "civil registry (regency/city)",
        is_default=True,
        applies_to="disdukcapil",
        unit_type="disdukcapil",
        priority=90,
    ),
)


def _split(text: str) -> list[str]:
    return [k.strip().lower() for k in text.split(",") if k.strip()]


@transaction.atomic
def load_rules() -> int:
    """Create the seed rules that are missing (idempotent; never overwrites an admin's edit).

    A seed whose unit type, agency or category is not in the directory is skipped: the table
    only names what exists. Returns the number of rows created."""
    from lapor.agencies.models import Agency, Category, UnitType
    from lapor.routing.models import RoutingRule

    unit_types = dict(UnitType.objects.values_list("code", "pk"))
    agencies = dict(
        Agency.objects.filter(code__in=[s.agency for s in SEEDS if s.agency]).values_list(
            "code", "pk"
        )
    )
    categories = dict(
        Category.objects.filter(code__in=[s.category for s in SEEDS if s.category]).values_list(
            "code", "pk"
        )
    )
    created = 0
    for seed in SEEDS:
        refs = {
            "category_id": categories.get(seed.category) if seed.category else None,
            "applies_to_unit_type_id": unit_types.get(seed.applies_to) if seed.applies_to else None,
            "unit_type_id": unit_types.get(seed.unit_type) if seed.unit_type else None,
            "agency_id": agencies.get(seed.agency) if seed.agency else None,
        }
        wanted = {
            "category_id": seed.category,
            "applies_to_unit_type_id": seed.applies_to,
            "unit_type_id": seed.unit_type,
            "agency_id": seed.agency,
        }
        if any(wanted[k] and refs[k] is None for k in refs):
            continue
        _, was_created = RoutingRule.objects.get_or_create(
            asset_owner=seed.key,
            province_code=seed.province,
            defaults={
                **refs,
                "keywords": ", ".join(_split(seed.keywords)),
                "is_default": seed.is_default,
                "level": seed.level,
                "priority": seed.priority,
                "note": seed.note,
                "note_en": seed.note_en,
            },
        )
        created += was_created
    from lapor.routing.resolver import bump_rules_version

    transaction.on_commit(bump_rules_version)
    bump_rules_version()
    return created
