"""The agency directory as plain data: unit types, national agencies, the units every regional
government has, the vertical offices, and LAPOR!'s 38 topics with their sub-topics.

Why a Python module of literals rather than a fixture or a spreadsheet: it is reviewed like
code (one diff per change of nomenclature), it needs no parser, and the loader
(:mod:`lapor.agencies.loader`) turns it into rows deterministically, so ``load_directory`` is
idempotent. Regions themselves come from the vendored Kemendagri data (``lapor.regions``);
here we only say *which* agencies exist for each region and how they are named.

Names follow the standard nomenclature of Permendagri No. 99 Tahun 2018 (nomenklatur
perangkat daerah); many regions merge or rename units (e.g. "Dinas Pendidikan, Pemuda, dan
Olahraga"), which an admin corrects per agency. The directory loader owns the name, so a
renamed unit should get a local override here rather than only an edit in the admin.

Templates: ``{region}`` is the region's formal suffix ("Kabupaten Sleman", "Provinsi Jawa
Tengah", "Daerah Istimewa Yogyakarta"), ``{short}`` its abbreviated form ("Kab. Sleman",
"Prov. Jawa Tengah", "DIY").
"""

from __future__ import annotations

# --- unit types -------------------------------------------------------------------------------
# (code, name, short name). The code is the routing key: a category names a unit type and the
# jurisdiction resolver finds the unit of that type for the report's region.
UNIT_TYPES: tuple[tuple[str, str, str], ...] = (
    ("dinas-pendidikan", "Dinas Pendidikan", "Dinas Pendidikan"),
    ("dinas-kesehatan", "Dinas Kesehatan", "Dinas Kesehatan"),
    ("dinas-pupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas PUPR"),
    ("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil"),
    ("dinas-perhubungan", "Dinas Perhubungan", "Dishub"),
    ("dinas-sosial", "Dinas Sosial", "Dinas Sosial"),
    ("dlh", "Dinas Lingkungan Hidup", "DLH"),
    ("satpol-pp", "Satuan Polisi Pamong Praja", "Satpol PP"),
    ("damkar", "Dinas Pemadam Kebakaran dan Penyelamatan", "Damkar"),
    ("bpbd", "Badan Penanggulangan Bencana Daerah", "BPBD"),
    ("diskominfo", "Dinas Komunikasi dan Informatika", "Diskominfo"),
    ("rsud", "Rumah Sakit Umum Daerah", "RSUD"),
    ("pdam", "Perusahaan Umum Daerah Air Minum", "PDAM"),
    ("inspektorat", "Inspektorat Daerah", "Inspektorat"),
    ("disnaker", "Dinas Tenaga Kerja", "Disnaker"),
    ("dinas-pertanian", "Dinas Pertanian", "Dinas Pertanian"),
    ("dinas-perikanan", "Dinas Kelautan dan Perikanan", "DKP"),
    ("dinas-kehutanan", "Dinas Kehutanan", "Dinas Kehutanan"),
    ("dinas-esdm", "Dinas Energi dan Sumber Daya Mineral", "Dinas ESDM"),
    ("dinas-pmd", "Dinas Pemberdayaan Masyarakat dan Desa", "Dinas PMD"),
    ("disperindag", "Dinas Perindustrian dan Perdagangan", "Disperindag"),
    ("disperkim", "Dinas Perumahan Rakyat dan Kawasan Permukiman", "Disperkim"),
    ("dispora", "Dinas Pemuda dan Olahraga", "Dispora"),
    ("disbudpar", "Dinas Kebudayaan dan Pariwisata", "Disbudpar"),
    ("dinas-koperasi-umkm", "Dinas Koperasi, Usaha Kecil dan Menengah", "Dinas Koperasi UKM"),
    ("dp3a", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DP3A"),
    ("bapenda", "Badan Pendapatan Daerah", "Bapenda"),
    ("bkd", "Badan Kepegawaian Daerah", "BKD"),
    ("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP"),
    ("kecamatan", "Kecamatan", "Kecamatan"),
    ("ppid-utama", "Pejabat Pengelola Informasi dan Dokumentasi Utama", "PPID Utama"),
    # Kept as a type so an agency admin can add a PPID pembantu by hand; the loader does not
    # create one per unit (every unit would double the directory for no routing benefit).
    ("ppid-pembantu", "Pejabat Pengelola Informasi dan Dokumentasi Pembantu", "PPID Pembantu"),
    ("kantor-pertanahan", "Kantor Pertanahan", "Kantor Pertanahan"),
    ("kantor-kemenag", "Kantor Kementerian Agama", "Kantor Kemenag"),
    ("bpjs-kesehatan", "BPJS Kesehatan Kantor Cabang", "BPJS Kesehatan KC"),
    ("bpjs-ketenagakerjaan", "BPJS Ketenagakerjaan Kantor Cabang", "BPJS Ketenagakerjaan KC"),
)

# --- units of regional governments ------------------------------------------------------------
# (unit type, name template, short-name template, Agency.Kind). The level follows the
# government (provinsi / kabupaten/kota) except for enterprises, which are "BUMD".
REGIONAL_UNIT = "regional_unit"
REGIONAL_ENTERPRISE = "regional_enterprise"
INFORMATION_OFFICE = "information_office"

UnitSpec = tuple[str, str, str, str]

PROVINCIAL_UNITS: tuple[UnitSpec, ...] = (
    # SMA/SMK and special schools are provincial (UU 23/2014).
    ("dinas-pendidikan", "Dinas Pendidikan {region}", "Dinas Pendidikan {short}", REGIONAL_UNIT),
    ("dinas-kesehatan", "Dinas Kesehatan {region}", "Dinas Kesehatan {short}", REGIONAL_UNIT),
    # Provincial roads (jalan provinsi).
    (
        "dinas-pupr",
        "Dinas Pekerjaan Umum dan Penataan Ruang {region}",
        "Dinas PUPR {short}",
        REGIONAL_UNIT,
    ),
    ("dinas-perhubungan", "Dinas Perhubungan {region}", "Dishub {short}", REGIONAL_UNIT),
    ("dinas-sosial", "Dinas Sosial {region}", "Dinas Sosial {short}", REGIONAL_UNIT),
    ("dlh", "Dinas Lingkungan Hidup {region}", "DLH {short}", REGIONAL_UNIT),
    ("satpol-pp", "Satuan Polisi Pamong Praja {region}", "Satpol PP {short}", REGIONAL_UNIT),
    ("bpbd", "Badan Penanggulangan Bencana Daerah {region}", "BPBD {short}", REGIONAL_UNIT),
    (
        "diskominfo",
        "Dinas Komunikasi dan Informatika {region}",
        "Diskominfo {short}",
        REGIONAL_UNIT,
    ),
    ("rsud", "Rumah Sakit Umum Daerah {region}", "RSUD {short}", REGIONAL_UNIT),
    ("inspektorat", "Inspektorat {region}", "Inspektorat {short}", REGIONAL_UNIT),
    (
        "disnaker",
        "Dinas Tenaga Kerja dan Transmigrasi {region}",
        "Disnakertrans {short}",
        REGIONAL_UNIT,
    ),
    ("dinas-pertanian", "Dinas Pertanian {region}", "Dinas Pertanian {short}", REGIONAL_UNIT),
    # Sea within 12 nautical miles, forests and mining permits are provincial (UU 23/2014).
    ("dinas-perikanan", "Dinas Kelautan dan Perikanan {region}", "DKP {short}", REGIONAL_UNIT),
    ("dinas-kehutanan", "Dinas Kehutanan {region}", "Dinas Kehutanan {short}", REGIONAL_UNIT),
    (
        "dinas-esdm",
        "Dinas Energi dan Sumber Daya Mineral {region}",
        "Dinas ESDM {short}",
        REGIONAL_UNIT,
    ),
    (
        "dinas-pmd",
        "Dinas Pemberdayaan Masyarakat dan Desa {region}",
        "Dinas PMD {short}",
        REGIONAL_UNIT,
    ),
    (
        "disperindag",
        "Dinas Perindustrian dan Perdagangan {region}",
        "Disperindag {short}",
        REGIONAL_UNIT,
    ),
    (
        "disperkim",
        "Dinas Perumahan Rakyat dan Kawasan Permukiman {region}",
        "Disperkim {short}",
        REGIONAL_UNIT,
    ),
    ("dispora", "Dinas Pemuda dan Olahraga {region}", "Dispora {short}", REGIONAL_UNIT),
    ("disbudpar", "Dinas Kebudayaan dan Pariwisata {region}", "Disbudpar {short}", REGIONAL_UNIT),
    (
        "dinas-koperasi-umkm",
        "Dinas Koperasi, Usaha Kecil dan Menengah {region}",
        "Dinas Koperasi UKM {short}",
        REGIONAL_UNIT,
    ),
    (
        "dp3a",
        "Dinas Pemberdayaan Perempuan dan Perlindungan Anak {region}",
        "DP3A {short}",
        REGIONAL_UNIT,
    ),
    # Motor-vehicle tax and Samsat are provincial revenue.
    ("bapenda", "Badan Pendapatan Daerah {region}", "Bapenda {short}", REGIONAL_UNIT),
    ("bkd", "Badan Kepegawaian Daerah {region}", "BKD {short}", REGIONAL_UNIT),
    (
        "dpmptsp",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu {region}",
        "DPMPTSP {short}",
        REGIONAL_UNIT,
    ),
    (
        "ppid-utama",
        "Pejabat Pengelola Informasi dan Dokumentasi Utama {region}",
        "PPID Utama {short}",
        INFORMATION_OFFICE,
    ),
)

REGENCY_UNITS: tuple[UnitSpec, ...] = (
    # TK/SD/SMP and village/district roads are the regency's (UU 23/2014).
    ("dinas-pendidikan", "Dinas Pendidikan {region}", "Dinas Pendidikan {short}", REGIONAL_UNIT),
    ("dinas-kesehatan", "Dinas Kesehatan {region}", "Dinas Kesehatan {short}", REGIONAL_UNIT),
    (
        "dinas-pupr",
        "Dinas Pekerjaan Umum dan Penataan Ruang {region}",
        "Dinas PUPR {short}",
        REGIONAL_UNIT,
    ),
    (
        "disdukcapil",
        "Dinas Kependudukan dan Pencatatan Sipil {region}",
        "Disdukcapil {short}",
        REGIONAL_UNIT,
    ),
    ("dinas-perhubungan", "Dinas Perhubungan {region}", "Dishub {short}", REGIONAL_UNIT),
    ("dinas-sosial", "Dinas Sosial {region}", "Dinas Sosial {short}", REGIONAL_UNIT),
    ("dlh", "Dinas Lingkungan Hidup {region}", "DLH {short}", REGIONAL_UNIT),
    ("satpol-pp", "Satuan Polisi Pamong Praja {region}", "Satpol PP {short}", REGIONAL_UNIT),
    (
        "damkar",
        "Dinas Pemadam Kebakaran dan Penyelamatan {region}",
        "Damkar {short}",
        REGIONAL_UNIT,
    ),
    ("bpbd", "Badan Penanggulangan Bencana Daerah {region}", "BPBD {short}", REGIONAL_UNIT),
    (
        "diskominfo",
        "Dinas Komunikasi dan Informatika {region}",
        "Diskominfo {short}",
        REGIONAL_UNIT,
    ),
    ("rsud", "Rumah Sakit Umum Daerah {region}", "RSUD {short}", REGIONAL_UNIT),
    ("pdam", "Perusahaan Umum Daerah Air Minum {region}", "PDAM {short}", REGIONAL_ENTERPRISE),
    ("inspektorat", "Inspektorat {region}", "Inspektorat {short}", REGIONAL_UNIT),
    ("disnaker", "Dinas Tenaga Kerja {region}", "Disnaker {short}", REGIONAL_UNIT),
    ("dinas-pertanian", "Dinas Pertanian {region}", "Dinas Pertanian {short}", REGIONAL_UNIT),
    ("dinas-perikanan", "Dinas Perikanan {region}", "Dinas Perikanan {short}", REGIONAL_UNIT),
    # Only for kabupaten: cities have kelurahan, not desa (see KABUPATEN_ONLY_UNIT_TYPES).
    (
        "dinas-pmd",
        "Dinas Pemberdayaan Masyarakat dan Desa {region}",
        "Dinas PMD {short}",
        REGIONAL_UNIT,
    ),
    (
        "disperindag",
        "Dinas Perindustrian dan Perdagangan {region}",
        "Disperindag {short}",
        REGIONAL_UNIT,
    ),
    (
        "disperkim",
        "Dinas Perumahan Rakyat dan Kawasan Permukiman {region}",
        "Disperkim {short}",
        REGIONAL_UNIT,
    ),
    ("dispora", "Dinas Pemuda dan Olahraga {region}", "Dispora {short}", REGIONAL_UNIT),
    ("disbudpar", "Dinas Kebudayaan dan Pariwisata {region}", "Disbudpar {short}", REGIONAL_UNIT),
    (
        "dinas-koperasi-umkm",
        "Dinas Koperasi, Usaha Kecil dan Menengah {region}",
        "Dinas Koperasi UKM {short}",
        REGIONAL_UNIT,
    ),
    (
        "dp3a",
        "Dinas Pemberdayaan Perempuan dan Perlindungan Anak {region}",
        "DP3A {short}",
        REGIONAL_UNIT,
    ),
    # PBB-P2 and BPHTB are regency revenue.
    ("bapenda", "Badan Pendapatan Daerah {region}", "Bapenda {short}", REGIONAL_UNIT),
    (
        "bkd",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia {region}",
        "BKPSDM {short}",
        REGIONAL_UNIT,
    ),
    (
        "dpmptsp",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu {region}",
        "DPMPTSP {short}",
        REGIONAL_UNIT,
    ),
    (
        "ppid-utama",
        "Pejabat Pengelola Informasi dan Dokumentasi Utama {region}",
        "PPID Utama {short}",
        INFORMATION_OFFICE,
    ),
)

KABUPATEN_ONLY_UNIT_TYPES: frozenset[str] = frozenset({"dinas-pmd"})

# Jakarta's five cities and one regency are *administrative* (UU 29/2007, UU 2/2024): no
# regional parliament, no own budget, no Dinas. The province's dinas work through a "Suku
# Dinas" in each of them. Only the unit types that really have such a suku dinas (or an
# administrative-city office) are listed; for the others (BPBD, RSUD, PDAM, PPID, ...) the
# province's own unit is competent; the jurisdiction resolver has to fall back to it.
JAKARTA_PROVINCE = "31"
JAKARTA_ADMINISTRATIVE_UNITS: tuple[UnitSpec, ...] = (
    (
        "dinas-pendidikan",
        "Suku Dinas Pendidikan {region}",
        "Sudin Pendidikan {short}",
        REGIONAL_UNIT,
    ),
    ("dinas-kesehatan", "Suku Dinas Kesehatan {region}", "Sudinkes {short}", REGIONAL_UNIT),
    # Roads in Jakarta belong to Bina Marga; drainage to Sumber Daya Air (not modelled).
    ("dinas-pupr", "Suku Dinas Bina Marga {region}", "Sudin Bina Marga {short}", REGIONAL_UNIT),
    (
        "disdukcapil",
        "Suku Dinas Kependudukan dan Pencatatan Sipil {region}",
        "Sudin Dukcapil {short}",
        REGIONAL_UNIT,
    ),
    ("dinas-perhubungan", "Suku Dinas Perhubungan {region}", "Sudinhub {short}", REGIONAL_UNIT),
    ("dinas-sosial", "Suku Dinas Sosial {region}", "Sudinsos {short}", REGIONAL_UNIT),
    ("dlh", "Suku Dinas Lingkungan Hidup {region}", "Sudin LH {short}", REGIONAL_UNIT),
    ("satpol-pp", "Satuan Polisi Pamong Praja {region}", "Satpol PP {short}", REGIONAL_UNIT),
    (
        "damkar",
        "Suku Dinas Penanggulangan Kebakaran dan Penyelamatan {region}",
        "Sudin Gulkarmat {short}",
        REGIONAL_UNIT,
    ),
    (
        "diskominfo",
        "Suku Dinas Komunikasi, Informatika dan Statistik {region}",
        "Sudin Kominfotik {short}",
        REGIONAL_UNIT,
    ),
    (
        "disnaker",
        "Suku Dinas Tenaga Kerja, Transmigrasi dan Energi {region}",
        "Sudin Nakertransgi {short}",
        REGIONAL_UNIT,
    ),
    (
        "dinas-pertanian",
        "Suku Dinas Ketahanan Pangan, Kelautan dan Pertanian {region}",
        "Sudin KPKP {short}",
        REGIONAL_UNIT,
    ),
    (
        "disperkim",
        "Suku Dinas Perumahan Rakyat dan Kawasan Permukiman {region}",
        "Sudin Perumahan {short}",
        REGIONAL_UNIT,
    ),
    (
        "dp3a",
        "Suku Dinas Pemberdayaan, Perlindungan Anak dan Pengendalian Penduduk {region}",
        "Sudin PPAPP {short}",
        REGIONAL_UNIT,
    ),
    ("bapenda", "Suku Badan Pendapatan Daerah {region}", "Suku Bapenda {short}", REGIONAL_UNIT),
)

# Provinces whose units differ from PROVINCIAL_UNITS: a (name, short) pair renames the unit of
# that type, None removes it. Extra units are appended.
PROVINCIAL_UNIT_OVERRIDES: dict[str, dict[str, tuple[str, str] | None]] = {
    JAKARTA_PROVINCE: {
        "dinas-pupr": ("Dinas Bina Marga {region}", "Dinas Bina Marga {short}"),
        "diskominfo": (
            "Dinas Komunikasi, Informatika dan Statistik {region}",
            "Diskominfotik {short}",
        ),
        "disnaker": (
            "Dinas Tenaga Kerja, Transmigrasi dan Energi {region}",
            "Disnakertransgi {short}",
        ),
        "dinas-pertanian": (
            "Dinas Ketahanan Pangan, Kelautan dan Pertanian {region}",
            "Dinas KPKP {short}",
        ),
        "dp3a": (
            "Dinas Pemberdayaan, Perlindungan Anak dan Pengendalian Penduduk {region}",
            "Dinas PPAPP {short}",
        ),
        # No desa, no forest service, fisheries and energy merged into the two above.
        "dinas-pmd": None,
        "dinas-kehutanan": None,
        "dinas-perikanan": None,
        "dinas-esdm": None,
    },
}
PROVINCIAL_EXTRA_UNITS: dict[str, tuple[UnitSpec, ...]] = {
    JAKARTA_PROVINCE: (
        (
            "disdukcapil",
            "Dinas Kependudukan dan Pencatatan Sipil {region}",
            "Disdukcapil {short}",
            REGIONAL_UNIT,
        ),
        (
            "damkar",
            "Dinas Penanggulangan Kebakaran dan Penyelamatan {region}",
            "Dinas Gulkarmat {short}",
            REGIONAL_UNIT,
        ),
        ("pdam", "Perusahaan Umum Daerah Air Minum Jaya", "PAM Jaya", REGIONAL_ENTERPRISE),
    ),
}

# How a province is named: (government, government short, {region}, {short}). Aceh (UU
# 11/2006) and DIY (UU 13/2012) are not styled "Provinsi"; everything else is.
PROVINCE_STYLE_DEFAULT = (
    "Pemerintah Provinsi {name}",
    "Pemprov {name}",
    "Provinsi {name}",
    "Prov. {name}",
)
PROVINCE_STYLES: dict[str, tuple[str, str, str, str]] = {
    "11": ("Pemerintah Aceh", "Pemerintah Aceh", "Aceh", "Aceh"),
    "31": (
        "Pemerintah Provinsi Daerah Khusus Ibukota Jakarta",
        "Pemprov DKI Jakarta",
        "Provinsi Daerah Khusus Ibukota Jakarta",
        "DKI Jakarta",
    ),
    "34": (
        "Pemerintah Daerah Daerah Istimewa Yogyakarta",
        "Pemda DIY",
        "Daerah Istimewa Yogyakarta",
        "DIY",
    ),
}

# Regency/city names in the Kemendagri data start with one of these; longest first.
# (prefix, government prefix, government short prefix, {short} prefix)
REGENCY_PREFIXES: tuple[tuple[str, str, str, str], ...] = (
    ("Kabupaten Administrasi ", "Pemerintah Kabupaten Administrasi ", "Pemkab Adm. ", "Kab. Adm. "),
    ("Kota Administrasi ", "Pemerintah Kota Administrasi ", "Pemkot Adm. ", "Kota Adm. "),
    ("Kabupaten ", "Pemerintah Kabupaten ", "Pemkab ", "Kab. "),
    ("Kota ", "Pemerintah Kota ", "Pemkot ", "Kota "),
)

# --- vertical offices -------------------------------------------------------------------------
# One per regency/city: (code prefix, unit type, name prefix, short prefix, parent agency).
# Codes are "<prefix>-<regency code>", e.g. "bpn-34.04".
# An optional 6th field is the office's level (default: instansi vertikal).
VERTICAL_OFFICES: tuple[tuple[str, ...], ...] = (
    ("bpn", "kantor-pertanahan", "Kantor Pertanahan", "Kantah", "kemen-atr-bpn"),
    ("kankemenag", "kantor-kemenag", "Kantor Kementerian Agama", "Kankemenag", "kemenag"),
    # BPJS branch offices receive most of their reports (LAPOR! 2017: "BPJS Kesehatan KC
    # Sampit", "BPJS Ketenagakerjaan Kacab Purwakarta"). One office per regency/city stands in
    # for the branch or regency office that serves it; the unit type carries the body's own
    # code, so a branch is the same kind of unit as its head office for the classifier.
    (
        "bpjskes",
        "bpjs-kesehatan",
        "BPJS Kesehatan Kantor Cabang",
        "BPJS Kesehatan KC",
        "bpjs-kesehatan",
        "BUMN",
    ),
    (
        "bpjstk",
        "bpjs-ketenagakerjaan",
        "BPJS Ketenagakerjaan Kantor Cabang",
        "BPJS Ketenagakerjaan KC",
        "bpjs-ketenagakerjaan",
        "BUMN",
    ),
)

# --- national agencies ------------------------------------------------------------------------
MINISTRY = "ministry"
NON_MINISTERIAL = "non_ministerial"
STATE_INSTITUTION = "state_institution"
STATE_ENTERPRISE = "state_enterprise"

# (code, name, short name, Agency.Kind). Kabinet Merah Putih 2024–2029 as formed by Perpres
# 139/2024, plus the Ministry of Hajj and Umrah formed in 2025.
NATIONAL_AGENCIES: tuple[tuple[str, str, str, str], ...] = (
    # Coordinating ministries
    (
        "kemenko-polkam",
        "Kementerian Koordinator Bidang Politik dan Keamanan",
        "Kemenko Polkam",
        MINISTRY,
    ),
    (
        "kemenko-kumham-imipas",
        "Kementerian Koordinator Bidang Hukum, Hak Asasi Manusia, Imigrasi, dan Pemasyarakatan",
        "Kemenko Kumham Imipas",
        MINISTRY,
    ),
    (
        "kemenko-perekonomian",
        "Kementerian Koordinator Bidang Perekonomian",
        "Kemenko Perekonomian",
        MINISTRY,
    ),
    (
        "kemenko-pmk",
        "Kementerian Koordinator Bidang Pembangunan Manusia dan Kebudayaan",
        "Kemenko PMK",
        MINISTRY,
    ),
    (
        "kemenko-infrastruktur",
        "Kementerian Koordinator Bidang Infrastruktur dan Pembangunan Kewilayahan",
        "Kemenko Infrastruktur",
        MINISTRY,
    ),
    ("kemenko-pangan", "Kementerian Koordinator Bidang Pangan", "Kemenko Pangan", MINISTRY),
    (
        "kemenko-pm",
        "Kementerian Koordinator Bidang Pemberdayaan Masyarakat",
        "Kemenko PM",
        MINISTRY,
    ),
    # Ministries
    ("kemensetneg", "Kementerian Sekretariat Negara", "Kemensetneg", MINISTRY),
    ("kemendagri", "Kementerian Dalam Negeri", "Kemendagri", MINISTRY),
    ("kemlu", "Kementerian Luar Negeri", "Kemlu", MINISTRY),
    ("kemhan", "Kementerian Pertahanan", "Kemhan", MINISTRY),
    ("kemenag", "Kementerian Agama", "Kemenag", MINISTRY),
    ("kemenkum", "Kementerian Hukum", "Kemenkum", MINISTRY),
    ("kemenham", "Kementerian Hak Asasi Manusia", "KemenHAM", MINISTRY),
    ("kemenimipas", "Kementerian Imigrasi dan Pemasyarakatan", "Kemenimipas", MINISTRY),
    ("kemenkeu", "Kementerian Keuangan", "Kemenkeu", MINISTRY),
    ("kemendikdasmen", "Kementerian Pendidikan Dasar dan Menengah", "Kemendikdasmen", MINISTRY),
    (
        "kemdiktisaintek",
        "Kementerian Pendidikan Tinggi, Sains, dan Teknologi",
        "Kemdiktisaintek",
        MINISTRY,
    ),
    ("kemenbud", "Kementerian Kebudayaan", "Kemenbud", MINISTRY),
    ("kemenkes", "Kementerian Kesehatan", "Kemenkes", MINISTRY),
    ("kemensos", "Kementerian Sosial", "Kemensos", MINISTRY),
    ("kemnaker", "Kementerian Ketenagakerjaan", "Kemnaker", MINISTRY),
    ("kemenperin", "Kementerian Perindustrian", "Kemenperin", MINISTRY),
    ("kemendag", "Kementerian Perdagangan", "Kemendag", MINISTRY),
    ("kesdm", "Kementerian Energi dan Sumber Daya Mineral", "Kementerian ESDM", MINISTRY),
    ("kemen-pu", "Kementerian Pekerjaan Umum", "Kementerian PU", MINISTRY),
    ("kemen-pkp", "Kementerian Perumahan dan Kawasan Permukiman", "Kementerian PKP", MINISTRY),
    (
        "kemendes-pdt",
        "Kementerian Desa dan Pembangunan Daerah Tertinggal",
        "Kemendes PDT",
        MINISTRY,
    ),
    ("kementrans", "Kementerian Transmigrasi", "Kementrans", MINISTRY),
    ("kemenhub", "Kementerian Perhubungan", "Kemenhub", MINISTRY),
    ("komdigi", "Kementerian Komunikasi dan Digital", "Komdigi", MINISTRY),
    ("kementan", "Kementerian Pertanian", "Kementan", MINISTRY),
    ("kemenhut", "Kementerian Kehutanan", "Kemenhut", MINISTRY),
    ("kkp", "Kementerian Kelautan dan Perikanan", "KKP", MINISTRY),
    (
        "kemen-atr-bpn",
        "Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional",
        "Kementerian ATR/BPN",
        MINISTRY,
    ),
    (
        "kemen-ppn-bappenas",
        "Kementerian Perencanaan Pembangunan Nasional/Badan Perencanaan Pembangunan Nasional",
        "Kementerian PPN/Bappenas",
        MINISTRY,
    ),
    (
        "kemen-panrb",
        "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
        "KemenPANRB",
        MINISTRY,
    ),
    # Kementerian BUMN became the Badan Pengaturan BUMN (BP BUMN) by UU 16/2025; the code
    # stays, the name follows the law ("Kementerian BUMN" still resolves to it).
    (
        "kemen-bumn",
        "Badan Pengaturan Badan Usaha Milik Negara/Kementerian Badan Usaha Milik Negara",
        "BP BUMN",
        NON_MINISTERIAL,
    ),
    ("kemenkop", "Kementerian Koperasi", "Kemenkop", MINISTRY),
    ("kemen-umkm", "Kementerian Usaha Mikro, Kecil, dan Menengah", "Kementerian UMKM", MINISTRY),
    ("kemenpar", "Kementerian Pariwisata", "Kemenpar", MINISTRY),
    (
        "kemenekraf",
        "Kementerian Ekonomi Kreatif/Badan Ekonomi Kreatif",
        "Kemenekraf",
        MINISTRY,
    ),
    (
        "klh",
        "Kementerian Lingkungan Hidup/Badan Pengendalian Lingkungan Hidup",
        "KLH/BPLH",
        MINISTRY,
    ),
    (
        "kemen-pppa",
        "Kementerian Pemberdayaan Perempuan dan Perlindungan Anak",
        "KemenPPPA",
        MINISTRY,
    ),
    (
        "kemendukbangga",
        "Kementerian Kependudukan dan Pembangunan Keluarga/"
        "Badan Kependudukan dan Keluarga Berencana Nasional",
        "Kemendukbangga/BKKBN",
        MINISTRY,
    ),
    ("kemenpora", "Kementerian Pemuda dan Olahraga", "Kemenpora", MINISTRY),
    (
        "kemen-investasi",
        "Kementerian Investasi dan Hilirisasi/Badan Koordinasi Penanaman Modal",
        "Kementerian Investasi/BKPM",
        MINISTRY,
    ),
    (
        "kp2mi",
        "Kementerian Pelindungan Pekerja Migran Indonesia/"
        "Badan Pelindungan Pekerja Migran Indonesia",
        "KP2MI/BP2MI",
        MINISTRY,
    ),
    ("kemenhaj", "Kementerian Haji dan Umrah", "Kemenhaj", MINISTRY),
    # Non-ministerial government agencies (LPNK and agencies under the President)
    ("bgn", "Badan Gizi Nasional", "BGN", NON_MINISTERIAL),
    ("bnn", "Badan Narkotika Nasional", "BNN", NON_MINISTERIAL),
    ("bnpb", "Badan Nasional Penanggulangan Bencana", "BNPB", NON_MINISTERIAL),
    ("bpom", "Badan Pengawas Obat dan Makanan", "BPOM", NON_MINISTERIAL),
    ("bps", "Badan Pusat Statistik", "BPS", NON_MINISTERIAL),
    ("bkn", "Badan Kepegawaian Negara", "BKN", NON_MINISTERIAL),
    ("bmkg", "Badan Meteorologi, Klimatologi, dan Geofisika", "BMKG", NON_MINISTERIAL),
    ("basarnas", "Badan Nasional Pencarian dan Pertolongan", "Basarnas", NON_MINISTERIAL),
    ("bssn", "Badan Siber dan Sandi Negara", "BSSN", NON_MINISTERIAL),
    ("lkpp", "Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah", "LKPP", NON_MINISTERIAL),
    ("bpkp", "Badan Pengawasan Keuangan dan Pembangunan", "BPKP", NON_MINISTERIAL),
    ("lan", "Lembaga Administrasi Negara", "LAN", NON_MINISTERIAL),
    ("anri", "Arsip Nasional Republik Indonesia", "ANRI", NON_MINISTERIAL),
    ("perpusnas", "Perpustakaan Nasional Republik Indonesia", "Perpusnas", NON_MINISTERIAL),
    ("brin", "Badan Riset dan Inovasi Nasional", "BRIN", NON_MINISTERIAL),
    ("big", "Badan Informasi Geospasial", "BIG", NON_MINISTERIAL),
    ("bakamla", "Badan Keamanan Laut Republik Indonesia", "Bakamla", NON_MINISTERIAL),
    ("bnpt", "Badan Nasional Penanggulangan Terorisme", "BNPT", NON_MINISTERIAL),
    ("bpip", "Badan Pembinaan Ideologi Pancasila", "BPIP", NON_MINISTERIAL),
    ("bsn", "Badan Standardisasi Nasional", "BSN", NON_MINISTERIAL),
    ("bapeten", "Badan Pengawas Tenaga Nuklir", "Bapeten", NON_MINISTERIAL),
    ("bapanas", "Badan Pangan Nasional", "Bapanas", NON_MINISTERIAL),
    ("bpjph", "Badan Penyelenggara Jaminan Produk Halal", "BPJPH", NON_MINISTERIAL),
    ("barantin", "Badan Karantina Indonesia", "Barantin", NON_MINISTERIAL),
    ("otorita-ikn", "Otorita Ibu Kota Nusantara", "OIKN", NON_MINISTERIAL),
    # State institutions, independent commissions and public legal entities
    (
        "bpjs-kesehatan",
        "Badan Penyelenggara Jaminan Sosial Kesehatan",
        "BPJS Kesehatan",
        STATE_INSTITUTION,
    ),
    (
        "bpjs-ketenagakerjaan",
        "Badan Penyelenggara Jaminan Sosial Ketenagakerjaan",
        "BPJS Ketenagakerjaan",
        STATE_INSTITUTION,
    ),
    ("ombudsman", "Ombudsman Republik Indonesia", "Ombudsman RI", STATE_INSTITUTION),
    ("polri", "Kepolisian Negara Republik Indonesia", "Polri", STATE_INSTITUTION),
    ("tni", "Tentara Nasional Indonesia", "TNI", STATE_INSTITUTION),
    ("kejaksaan", "Kejaksaan Republik Indonesia", "Kejaksaan RI", STATE_INSTITUTION),
    ("mahkamah-agung", "Mahkamah Agung Republik Indonesia", "Mahkamah Agung", STATE_INSTITUTION),
    (
        "mahkamah-konstitusi",
        "Mahkamah Konstitusi Republik Indonesia",
        "Mahkamah Konstitusi",
        STATE_INSTITUTION,
    ),
    ("komisi-yudisial", "Komisi Yudisial Republik Indonesia", "Komisi Yudisial", STATE_INSTITUTION),
    ("bpk", "Badan Pemeriksa Keuangan Republik Indonesia", "BPK", STATE_INSTITUTION),
    ("kpk", "Komisi Pemberantasan Korupsi", "KPK", STATE_INSTITUTION),
    ("kpu", "Komisi Pemilihan Umum", "KPU", STATE_INSTITUTION),
    ("bawaslu", "Badan Pengawas Pemilihan Umum", "Bawaslu", STATE_INSTITUTION),
    ("komnas-ham", "Komisi Nasional Hak Asasi Manusia", "Komnas HAM", STATE_INSTITUTION),
    (
        "komnas-perempuan",
        "Komisi Nasional Anti Kekerasan terhadap Perempuan",
        "Komnas Perempuan",
        STATE_INSTITUTION,
    ),
    ("kpai", "Komisi Perlindungan Anak Indonesia", "KPAI", STATE_INSTITUTION),
    ("knd", "Komisi Nasional Disabilitas", "KND", STATE_INSTITUTION),
    ("lpsk", "Lembaga Perlindungan Saksi dan Korban", "LPSK", STATE_INSTITUTION),
    ("kpi", "Komisi Penyiaran Indonesia", "KPI", STATE_INSTITUTION),
    ("komisi-informasi", "Komisi Informasi Pusat", "KI Pusat", STATE_INSTITUTION),
    ("kppu", "Komisi Pengawas Persaingan Usaha", "KPPU", STATE_INSTITUTION),
    ("bpkn", "Badan Perlindungan Konsumen Nasional", "BPKN", STATE_INSTITUTION),
    ("ksp", "Kantor Staf Presiden", "KSP", STATE_INSTITUTION),
    ("setkab", "Sekretariat Kabinet Republik Indonesia", "Setkab", STATE_INSTITUTION),
    ("ojk", "Otoritas Jasa Keuangan", "OJK", STATE_INSTITUTION),
    ("bank-indonesia", "Bank Indonesia", "BI", STATE_INSTITUTION),
    ("lps", "Lembaga Penjamin Simpanan", "LPS", STATE_INSTITUTION),
    # State-owned enterprises (BUMN), head offices only
    ("pln", "PT PLN (Persero)", "PLN", STATE_ENTERPRISE),
    ("pertamina", "PT Pertamina (Persero)", "Pertamina", STATE_ENTERPRISE),
    ("kai", "PT Kereta Api Indonesia (Persero)", "KAI", STATE_ENTERPRISE),
    ("telkom", "PT Telkom Indonesia (Persero) Tbk", "Telkom", STATE_ENTERPRISE),
    ("pos-indonesia", "PT Pos Indonesia (Persero)", "Pos Indonesia", STATE_ENTERPRISE),
    ("jasa-marga", "PT Jasa Marga (Persero) Tbk", "Jasa Marga", STATE_ENTERPRISE),
    ("hutama-karya", "PT Hutama Karya (Persero)", "Hutama Karya", STATE_ENTERPRISE),
    ("bulog", "Perum Bulog", "Bulog", STATE_ENTERPRISE),
    ("damri", "Perum DAMRI", "DAMRI", STATE_ENTERPRISE),
    ("perhutani", "Perum Perhutani", "Perhutani", STATE_ENTERPRISE),
    ("pelni", "PT Pelayaran Nasional Indonesia (Persero)", "Pelni", STATE_ENTERPRISE),
    ("asdp", "PT ASDP Indonesia Ferry (Persero)", "ASDP", STATE_ENTERPRISE),
    ("pelindo", "PT Pelabuhan Indonesia (Persero)", "Pelindo", STATE_ENTERPRISE),
    ("angkasa-pura", "PT Angkasa Pura Indonesia", "Angkasa Pura Indonesia", STATE_ENTERPRISE),
    ("garuda", "PT Garuda Indonesia (Persero) Tbk", "Garuda Indonesia", STATE_ENTERPRISE),
    ("bri", "PT Bank Rakyat Indonesia (Persero) Tbk", "BRI", STATE_ENTERPRISE),
    ("bni", "PT Bank Negara Indonesia (Persero) Tbk", "BNI", STATE_ENTERPRISE),
    ("mandiri", "PT Bank Mandiri (Persero) Tbk", "Bank Mandiri", STATE_ENTERPRISE),
    ("btn", "PT Bank Tabungan Negara (Persero) Tbk", "BTN", STATE_ENTERPRISE),
    ("pupuk-indonesia", "PT Pupuk Indonesia (Persero)", "Pupuk Indonesia", STATE_ENTERPRISE),
    ("taspen", "PT Taspen (Persero)", "Taspen", STATE_ENTERPRISE),
    ("jasa-raharja", "PT Jasa Raharja", "Jasa Raharja", STATE_ENTERPRISE),
)

# --- categories -------------------------------------------------------------------------------
# LAPOR!'s 38 top-level topics (2025) in the order of DOMAIN.md §3, names as LAPOR! writes
# them. Each: (name, English name, handling unit type, national agency code, keywords, subs).
# A sub-topic is (name, English name, keywords) and inherits its topic's unit type and
# agency, or (name, English name, keywords, unit type, agency) where None means "inherit" and
# "" means "none". Codes are derived: slug of the topic, "<topic>--<slug of sub-topic>".
SubSpec = tuple[str, ...]
TopicSpec = tuple[str, str, str | None, str | None, str, tuple[tuple[str | None, ...], ...]]

CATEGORIES: tuple[TopicSpec, ...] = (
    (
        "AGAMA",
        "RELIGION",
        "kantor-kemenag",
        "kemenag",
        "agama, kemenag, kua, masjid, gereja, pura, vihara, klenteng, ibadah, ustadz, pesantren",
        (
            (
                "Rumah Ibadah",
                "Places of Worship",
                "rumah ibadah, masjid, mushola, musholla, gereja, pura, vihara, klenteng, izin "
                "pendirian rumah ibadah",
            ),
            (
                "Kerukunan Umat Beragama",
                "Religious Harmony",
                "kerukunan, intoleransi, penistaan agama, aliran sesat, fkub, pelarangan ibadah",
            ),
            (
                "Haji dan Umrah",
                "Hajj and Umrah",
                "haji, umroh, umrah, travel umroh, biro perjalanan, antrian haji, kuota haji, "
                "setoran haji, ppiu",
                None,
                "kemenhaj",
            ),
            (
                "Pernikahan dan KUA",
                "Marriage and Religious Affairs Office (KUA)",
                "kua, nikah, buku nikah, rujuk, penghulu, biaya nikah, isbat nikah",
            ),
            (
                "Madrasah dan Pendidikan Agama",
                "Madrasah and Religious Education",
                "madrasah, mi, mts, ma, guru agama, pai, tunjangan guru madrasah, bos madrasah",
            ),
            (
                "Pondok Pesantren",
                "Islamic Boarding Schools",
                "pesantren, ponpes, santri, kyai, izin pesantren",
            ),
            (
                "Zakat, Infak, dan Wakaf",
                "Zakat, Alms and Endowments",
                "zakat, infak, infaq, sedekah, wakaf, baznas, laz, tanah wakaf",
            ),
            (
                "Sertifikasi Halal",
                "Halal Certification",
                "sertifikat halal, label halal, sehati, halal gratis, lph, produk halal",
                "",
                "bpjph",
            ),
        ),
    ),
    (
        "CORONA VIRUS",
        "CORONAVIRUS",
        "dinas-kesehatan",
        "kemenkes",
        "corona, covid, covid-19, korona, virus corona, pandemi, vaksin covid",
        (
            (
                "Vaksinasi COVID-19",
                "COVID-19 Vaccination",
                "vaksin covid, vaksinasi, booster, dosis, sentra vaksin, kipi",
            ),
            (
                "Sertifikat Vaksin",
                "Vaccination Certificate",
                "sertifikat vaksin, pedulilindungi, satusehat, sertifikat tidak muncul, nik vaksin",
            ),
            (
                "Tes dan Perawatan Pasien COVID-19",
                "COVID-19 Testing and Patient Care",
                "swab, pcr, antigen, isolasi mandiri, isoman, rumah sakit rujukan, pasien covid",
            ),
            (
                "Insentif Tenaga Kesehatan",
                "Health Worker Incentives",
                "insentif nakes, tunjangan nakes, relawan covid, santunan kematian nakes",
            ),
            (
                "Bantuan Sosial COVID-19",
                "COVID-19 Social Assistance",
                "bansos covid, bantuan covid, sembako covid, blt covid",
                "dinas-sosial",
                "kemensos",
            ),
        ),
    ),
    (
        "EKONOMI DAN KEUANGAN",
        "ECONOMY AND FINANCE",
        "bapenda",
        "kemenkeu",
        "ekonomi, keuangan, pajak, bank, kredit, pinjaman, harga, uang",
        (
            (
                "Pajak Pusat",
                "National Taxes",
                "pajak, djp, npwp, pph, ppn, spt, coretax, efaktur, kantor pajak, kpp, restitusi",
                "",
                None,
            ),
            (
                "Pajak Daerah dan PBB",
                "Regional Taxes and Land and Building Tax",
                "pbb, pbb-p2, bphtb, pajak daerah, pajak kendaraan, pkb, samsat, pajak restoran, "
                "pajak hotel",
            ),
            (
                "Bea dan Cukai",
                "Customs and Excise",
                "bea cukai, beacukai, pajak impor, paket tertahan, barang kiriman, cukai rokok, "
                "rokok ilegal",
                "",
                None,
            ),
            (
                "Perbankan",
                "Banking",
                "bank, rekening, atm, tabungan, transfer gagal, saldo hilang, kartu kredit, "
                "debt collector, dc",
                "",
                "ojk",
            ),
            (
                "Pinjaman Online Ilegal",
                "Illegal Online Lending",
                "pinjol, pinjol ilegal, pinjaman online, teror pinjol, penagihan kasar, paylater",
                "",
                "ojk",
            ),
            (
                "Asuransi dan Investasi",
                "Insurance and Investments",
                "asuransi, klaim asuransi, investasi bodong, robot trading, koperasi simpan pinjam "
                "bermasalah, unitlink",
                "",
                "ojk",
            ),
            (
                "Kredit Usaha Rakyat",
                "People's Business Credit (KUR)",
                "kur, kredit usaha rakyat, pinjaman umkm, agunan kur, bunga kur",
                "dinas-koperasi-umkm",
                "kemen-umkm",
            ),
            (
                "Harga Bahan Pokok",
                "Prices of Staple Goods",
                "harga beras, harga cabai, minyak goreng, migor, sembako mahal, harga naik, "
                "kelangkaan, penimbunan",
                "disperindag",
                "kemendag",
            ),
            (
                "Pengelolaan Keuangan Daerah",
                "Regional Financial Management",
                "apbd, apbdes, anggaran, dana hibah, penyimpangan anggaran, laporan keuangan",
                "inspektorat",
                "kemendagri",
            ),
        ),
    ),
    (
        "KESEHATAN",
        "HEALTH",
        "dinas-kesehatan",
        "kemenkes",
        "kesehatan, sakit, dokter, rumah sakit, rs, puskesmas, bpjs, obat, bidan, perawat",
        (
            (
                "BPJS Kesehatan: Kepesertaan",
                "BPJS Kesehatan: Membership",
                "bpjs, bpjs kesehatan, jkn, kis, kartu bpjs, bpjs nonaktif, bpjs tidak aktif, "
                "pindah faskes, daftar bpjs, pbi",
                "",
                "bpjs-kesehatan",
            ),
            (
                "BPJS Kesehatan: Pelayanan Faskes",
                "BPJS Kesehatan: Care at Health Facilities",
                "ditolak rumah sakit, pasien bpjs ditolak, kamar penuh, rujukan, faskes, "
                "disuruh bayar, obat tidak ditanggung",
                "",
                "bpjs-kesehatan",
            ),
            (
                "BPJS Kesehatan: Iuran dan Tunggakan",
                "BPJS Kesehatan: Contributions and Arrears",
                "iuran bpjs, tunggakan bpjs, denda bpjs, autodebet, bayar bpjs, kelas bpjs",
                "",
                "bpjs-kesehatan",
            ),
            (
                "Puskesmas",
                "Community Health Centres",
                "puskesmas, pustu, posyandu, bidan desa, antrian puskesmas, pelayanan puskesmas",
            ),
            (
                "Rumah Sakit",
                "Hospitals",
                "rumah sakit, rs, rsud, igd, ugd, dokter jaga, perawat, rawat inap, ambulans",
                "rsud",
                None,
            ),
            (
                "Obat dan Vaksin",
                "Medicines and Vaccines",
                "obat, stok obat, obat kosong, vaksin, imunisasi, apotek, obat mahal",
            ),
            (
                "Pengawasan Obat dan Makanan",
                "Food and Drug Control",
                "bpom, obat ilegal, kosmetik ilegal, makanan kedaluwarsa, jamu berbahaya, izin "
                "edar, formalin, boraks",
                "",
                "bpom",
            ),
            (
                "Gizi dan Stunting",
                "Nutrition and Stunting",
                "stunting, gizi buruk, balita, pmt, ibu hamil, kek",
            ),
            (
                "Tenaga Kesehatan",
                "Health Workers",
                "nakes, dokter, bidan, perawat, str, sip, malpraktik, dokter tidak ada",
            ),
            (
                "Kesehatan Lingkungan dan Penyakit Menular",
                "Environmental Health and Communicable Diseases",
                "demam berdarah, dbd, fogging, tbc, malaria, diare, rabies, wabah",
            ),
        ),
    ),
    (
        "KESETARAAN GENDER DAN SOSIAL INKLUSIF",
        "GENDER EQUALITY AND SOCIAL INCLUSION",
        "dp3a",
        "kemen-pppa",
        "gender, perempuan, anak, disabilitas, difabel, inklusi, kekerasan, diskriminasi, lansia",
        (
            (
                "Akses Masyarakat Berkebutuhan Khusus/Disabilitas",
                "Access for People with Special Needs/Disabilities",
                "disabilitas, difabel, penyandang disabilitas, kursi roda, aksesibilitas, ramp, "
                "guiding block, juru bahasa isyarat, tuna netra, tuli",
                "dinas-sosial",
                "kemensos",
            ),
            (
                "Kekerasan terhadap Perempuan",
                "Violence against Women",
                "kdrt, kekerasan dalam rumah tangga, pelecehan seksual, kekerasan seksual, tpks, "
                "pemerkosaan",
            ),
            (
                "Kekerasan terhadap Anak",
                "Violence against Children",
                "kekerasan anak, pelecehan anak, eksploitasi anak, pernikahan anak, nikah dini, "
                "anak jalanan, pekerja anak",
            ),
            (
                "Kesetaraan Gender",
                "Gender Equality",
                "kesetaraan gender, diskriminasi perempuan, cuti melahirkan, ruang laktasi, upah "
                "setara",
            ),
            (
                "Perlindungan Lanjut Usia",
                "Protection of Older People",
                "lansia, manula, panti jompo, lansia terlantar, atensi lansia",
                "dinas-sosial",
                "kemensos",
            ),
            (
                "Kelompok Rentan dan Masyarakat Adat",
                "Vulnerable Groups and Indigenous Peoples",
                "masyarakat adat, kelompok rentan, minoritas, diskriminasi, odha, hiv",
                "dinas-sosial",
                "kemensos",
            ),
        ),
    ),
    (
        "KETENTERAMAN, KETERTIBAN UMUM, DAN PELINDUNGAN MASYARAKAT",
        "PEACE, PUBLIC ORDER, AND COMMUNITY PROTECTION",
        "satpol-pp",
        "kemendagri",
        "ketertiban, trantibum, satpol pp, tramtib, pkl, bangunan liar, keamanan, linmas, gangguan",
        (
            (
                "Pedagang Kaki Lima",
                "Street Vendors",
                "pkl, pedagang kaki lima, lapak liar, jualan di trotoar, penggusuran pkl",
            ),
            (
                "Bangunan Liar dan Reklame",
                "Illegal Buildings and Billboards",
                "bangunan liar, bangli, reklame liar, spanduk liar, baliho, bangunan tanpa izin",
            ),
            (
                "Gangguan Ketertiban Umum",
                "Public Disturbances",
                "ribut, kebisingan, balap liar, tawuran, mabuk, miras, minuman keras, orang gila, "
                "odgj, pengamen, pengemis, gepeng",
            ),
            (
                "Tempat Hiburan Malam",
                "Nightlife Venues",
                "tempat hiburan malam, karaoke, diskotik, prostitusi, warung remang-remang",
            ),
            (
                "Premanisme dan Kejahatan",
                "Thuggery and Crime",
                "preman, pemalakan, pencurian, begal, maling, curanmor, penipuan, ormas",
                "",
                "polri",
            ),
            (
                "Kebakaran dan Penyelamatan",
                "Fires and Rescue",
                "kebakaran, damkar, pemadam kebakaran, hydrant, hidran, korsleting, penyelamatan",
                "damkar",
                None,
            ),
            (
                "Perlindungan Masyarakat",
                "Civil Protection (Linmas)",
                "linmas, hansip, siskamling, ronda, poskamling",
            ),
        ),
    ),
    (
        "LINGKUNGAN HIDUP DAN KEHUTANAN",
        "ENVIRONMENT AND FORESTRY",
        "dlh",
        "klh",
        "lingkungan, sampah, pencemaran, limbah, polusi, hutan, banjir, longsor, gempa, bencana",
        (
            (
                "Sampah",
                "Waste",
                "sampah, tumpukan sampah, tps, tpa, sampah liar, bank sampah, truk sampah, bau "
                "sampah, retribusi sampah",
            ),
            (
                "Pencemaran Air",
                "Water Pollution",
                "pencemaran sungai, air tercemar, limbah cair, sungai bau, ikan mati, "
                "limbah pabrik",
            ),
            (
                "Pencemaran Udara",
                "Air Pollution",
                "polusi udara, asap pabrik, debu, bau menyengat, pembakaran sampah, cerobong",
            ),
            (
                "Limbah B3 dan Industri",
                "Hazardous and Industrial Waste",
                "limbah b3, limbah medis, limbah pabrik, amdal, izin lingkungan, ukl-upl",
            ),
            (
                "Ruang Terbuka Hijau dan Pohon",
                "Green Open Space and Trees",
                "rth, taman kota, pohon tumbang, penebangan pohon, pohon rawan tumbang",
            ),
            (
                "Banjir",
                "Floods",
                "banjir, genangan, banjir bandang, rob, air naik, tanggul jebol, pengungsi banjir",
                "bpbd",
                "bnpb",
            ),
            (
                "Gempa Bumi",
                "Earthquakes",
                "gempa, gempa bumi, rumah rusak gempa, tsunami, bantuan gempa, huntara",
                "bpbd",
                "bnpb",
            ),
            (
                "Tanah Longsor",
                "Landslides",
                "longsor, tanah longsor, tebing longsor, pergerakan tanah, retakan tanah",
                "bpbd",
                "bnpb",
            ),
            (
                "Kebakaran Hutan dan Lahan",
                "Forest and Land Fires",
                "karhutla, kebakaran hutan, kebakaran lahan, kabut asap, titik api, hotspot",
                "bpbd",
                "kemenhut",
            ),
            (
                "Kehutanan dan Pembalakan Liar",
                "Forestry and Illegal Logging",
                "illegal logging, pembalakan liar, perambahan hutan, hutan lindung, perhutanan "
                "sosial, kawasan hutan",
                "dinas-kehutanan",
                "kemenhut",
            ),
        ),
    ),
    (
        "PEKERJAAN UMUM DAN PENATAAN RUANG",
        "PUBLIC WORKS AND SPATIAL PLANNING",
        "dinas-pupr",
        "kemen-pu",
        "jalan, jembatan, drainase, got, selokan, irigasi, pupr, pu, infrastruktur, bangunan",
        (
            (
                "Jalan Berlubang",
                "Potholes",
                "jalan berlubang, jalan bolong, jln berlubang, lubang jalan, jalan lobang, "
                "lobang, aspal berlubang, kubangan",
            ),
            (
                "Jalan Rusak",
                "Damaged Roads",
                "jalan rusak, jln rusak, jalan hancur, aspal mengelupas, jalan ambles, jalan "
                "retak, jalan becek, perbaikan jalan, betonisasi, pengaspalan",
            ),
            (
                "Jembatan",
                "Bridges",
                "jembatan, jembatan rusak, jembatan putus, jembatan gantung, jembatan ambruk",
            ),
            (
                "Penerangan Jalan Umum",
                "Street Lighting",
                "pju, lampu jalan, lampu jalan mati, penerangan jalan, lampu penerangan, gelap",
                "dinas-perhubungan",
                "kemenhub",
            ),
            (
                "Drainase dan Saluran Air",
                "Drainage and Water Channels",
                "drainase, got, selokan, gorong-gorong, saluran air, got mampet, "
                "saluran tersumbat, genangan",
            ),
            (
                "Irigasi dan Sumber Daya Air",
                "Irrigation and Water Resources",
                "irigasi, saluran irigasi, bendungan, embung, tanggul, sungai, normalisasi sungai",
            ),
            (
                "Trotoar dan Fasilitas Pejalan Kaki",
                "Pavements and Pedestrian Facilities",
                "trotoar, trotoar rusak, jalur pejalan kaki, zebra cross, jpo, jembatan "
                "penyeberangan",
            ),
            (
                "Tata Ruang dan Bangunan",
                "Spatial Planning and Buildings",
                "tata ruang, rtrw, pbg, imb, slf, izin bangunan, bangunan melanggar, sempadan, "
                "alih fungsi lahan",
            ),
            (
                "Pertanahan",
                "Land Affairs",
                "sertifikat tanah, sertipikat, bpn, ptsl, prona, sengketa tanah, mafia tanah, "
                "balik nama, ukur ulang, tanah",
                "kantor-pertanahan",
                "kemen-atr-bpn",
            ),
            (
                "Perumahan dan Permukiman",
                "Housing and Settlements",
                "rumah tidak layak huni, rtlh, bedah rumah, rusunawa, kumuh, perumahan subsidi, "
                "developer",
                "disperkim",
                "kemen-pkp",
            ),
        ),
    ),
    (
        "PEMBANGUNAN DESA, DAERAH TERTINGGAL, DAN TRANSMIGRASI",
        "VILLAGE DEVELOPMENT, DISADVANTAGED REGIONS, AND TRANSMIGRATION",
        "dinas-pmd",
        "kemendes-pdt",
        "desa, dana desa, kepala desa, kades, perangkat desa, bumdes, transmigrasi, apbdes",
        (
            (
                "Dana Desa",
                "Village Funds",
                "dana desa, dd, add, alokasi dana desa, penyelewengan dana desa, korupsi dana "
                "desa, apbdes",
            ),
            (
                "BLT Dana Desa",
                "Village Fund Direct Cash Assistance (BLT-DD)",
                "blt dd, blt dana desa, blt desa, bantuan langsung tunai desa, tidak dapat blt",
            ),
            (
                "Kepala Desa dan Perangkat Desa",
                "Village Heads and Officials",
                "kades, kepala desa, lurah, perangkat desa, sekdes, pengangkatan perangkat desa, "
                "bpd",
            ),
            (
                "Pembangunan dan Infrastruktur Desa",
                "Village Development and Infrastructure",
                "jalan desa, pembangunan desa, padat karya, proyek desa, musrenbangdes",
            ),
            (
                "Badan Usaha Milik Desa",
                "Village-Owned Enterprises (BUMDes)",
                "bumdes, bum desa, usaha desa, modal bumdes",
            ),
            (
                "Pemilihan Kepala Desa",
                "Village Head Elections",
                "pilkades, pemilihan kepala desa, sengketa pilkades, politik uang pilkades",
            ),
            (
                "Daerah Tertinggal",
                "Disadvantaged Regions",
                "daerah tertinggal, 3t, terpencil, perbatasan, desa terisolir",
                "",
                None,
            ),
            (
                "Transmigrasi",
                "Transmigration",
                "transmigrasi, transmigran, lahan transmigrasi, sertifikat transmigrasi",
                "disnaker",
                "kementrans",
            ),
        ),
    ),
    (
        "PENDIDIKAN DAN KEBUDAYAAN",
        "EDUCATION AND CULTURE",
        "dinas-pendidikan",
        "kemendikdasmen",
        "pendidikan, sekolah, guru, siswa, murid, sd, smp, sma, smk, kampus, kuliah, budaya",
        (
            (
                "Penerimaan Murid Baru",
                "New Student Admissions",
                "ppdb, spmb, zonasi, domisili, jalur afirmasi, daftar sekolah, penerimaan siswa "
                "baru, kuota",
            ),
            (
                "Pungutan di Sekolah",
                "School Levies",
                "pungutan sekolah, uang seragam, uang buku, lks, sumbangan, uang gedung, study "
                "tour, ijazah ditahan, pungli sekolah",
            ),
            (
                "Dana BOS",
                "School Operational Assistance (BOS)",
                "bos, dana bos, bantuan operasional sekolah, penyalahgunaan bos",
            ),
            (
                "Guru dan Tenaga Kependidikan",
                "Teachers and Education Staff",
                "guru, tunjangan guru, sertifikasi guru, tpg, guru honorer, ppg, dapodik, guru p3k",
            ),
            (
                "Sarana dan Prasarana Sekolah",
                "School Facilities",
                "gedung sekolah rusak, atap sekolah, ruang kelas, toilet sekolah, revitalisasi "
                "sekolah",
            ),
            (
                "Ijazah dan Administrasi Siswa",
                "Diplomas and Student Records",
                "ijazah, nisn, rapor, legalisir ijazah, mutasi siswa, surat pindah sekolah",
            ),
            (
                "Perguruan Tinggi",
                "Higher Education",
                "kampus, universitas, perguruan tinggi, ukt, mahasiswa, dosen, pddikti, ijazah "
                "kuliah, akreditasi",
                "",
                "kemdiktisaintek",
            ),
            (
                "KIP Kuliah",
                "KIP Kuliah (College Scholarships)",
                "kip kuliah, kipk, beasiswa kuliah, bidikmisi",
                "",
                "kemdiktisaintek",
            ),
            (
                "Kebudayaan dan Cagar Budaya",
                "Culture and Heritage",
                "cagar budaya, museum, situs sejarah, kesenian, budaya, bangunan bersejarah",
                "disbudpar",
                "kemenbud",
            ),
        ),
    ),
    (
        "PERTANIAN DAN PETERNAKAN",
        "AGRICULTURE AND LIVESTOCK",
        "dinas-pertanian",
        "kementan",
        "pertanian, petani, sawah, pupuk, benih, panen, ternak, peternakan, sapi, kambing",
        (
            (
                "Pupuk Bersubsidi",
                "Subsidised Fertiliser",
                "pupuk subsidi, pupuk langka, pupuk mahal, urea, npk, kartu tani, rdkk, kios pupuk",
            ),
            (
                "Benih dan Bibit",
                "Seeds and Seedlings",
                "benih, bibit, bantuan benih, benih palsu, bibit unggul",
            ),
            (
                "Alat dan Mesin Pertanian",
                "Agricultural Machinery",
                "alsintan, traktor, hand traktor, combine harvester, pompa air, bantuan alsintan",
            ),
            (
                "Harga Hasil Panen",
                "Harvest Prices",
                "harga gabah, harga panen anjlok, hpp, serapan gabah, bulog",
                "",
                "bapanas",
            ),
            (
                "Penyuluhan dan Kelompok Tani",
                "Extension Services and Farmer Groups",
                "ppl, penyuluh pertanian, poktan, gapoktan, kelompok tani",
            ),
            (
                "Kesehatan Hewan dan Peternakan",
                "Animal Health and Livestock",
                "pmk, penyakit mulut dan kuku, lsd, antraks, flu burung, ternak mati, vaksin "
                "ternak, inseminasi buatan, rph",
            ),
            (
                "Asuransi Usaha Tani",
                "Crop and Livestock Insurance",
                "asuransi usaha tani, autp, asuransi ternak, gagal panen, puso",
            ),
            (
                "Perikanan",
                "Fisheries",
                "nelayan, ikan, budidaya ikan, tambak, kartu kusuka, bbm nelayan, kapal nelayan",
                "dinas-perikanan",
                "kkp",
            ),
        ),
    ),
    (
        "POLITIK DAN HUKUM",
        "POLITICS AND LAW",
        "",
        "kemenkum",
        "hukum, politik, polisi, pengadilan, jaksa, korupsi, pungli, pemilu, penjara, ham",
        (
            (
                "Imigrasi",
                "Immigration",
                "imigrasi, paspor, visa, kitas, wna, orang asing, tki ilegal, m-paspor, antrian "
                "paspor",
                "",
                "kemenimipas",
            ),
            (
                "Hak Asasi Manusia",
                "Human Rights",
                "ham, hak asasi manusia, pelanggaran ham, penggusuran paksa, kebebasan berpendapat",
                "",
                "kemenham",
            ),
            (
                "Pungutan Liar",
                "Illegal Levies",
                "pungli, pungutan liar, uang pelicin, suap, sogok, uang rokok, biaya tidak resmi, "
                "calo",
                "inspektorat",
                "kemen-panrb",
            ),
            (
                "Penyalahgunaan Wewenang",
                "Abuse of Power",
                "penyalahgunaan wewenang, maladministrasi, sewenang-wenang, nepotisme, konflik "
                "kepentingan, pejabat arogan",
                "inspektorat",
                "ombudsman",
            ),
            (
                "Korupsi",
                "Corruption",
                "korupsi, gratifikasi, mark up, markup, proyek fiktif, suap, tipikor",
                "inspektorat",
                "kpk",
            ),
            (
                "Pemilu",
                "Elections",
                "pemilu, pilkada, pileg, pilpres, kpu, tps, dpt, politik uang, serangan fajar, "
                "kampanye",
                "",
                "kpu",
            ),
            (
                "Kepolisian",
                "Police",
                "polisi, polsek, polres, laporan polisi tidak ditindaklanjuti, tilang, oknum "
                "polisi, skck",
                "",
                "polri",
            ),
            (
                "Kejaksaan",
                "Public Prosecution",
                "jaksa, kejaksaan, kejari, penuntutan, barang bukti, tilang kejaksaan",
                "",
                "kejaksaan",
            ),
            (
                "Pengadilan",
                "Courts",
                "pengadilan, hakim, putusan, sidang, pengadilan negeri, pengadilan agama, "
                "perceraian, mafia peradilan",
                "",
                "mahkamah-agung",
            ),
            (
                "Lembaga Pemasyarakatan",
                "Prisons",
                "lapas, rutan, napi, narapidana, remisi, bebas bersyarat, kunjungan lapas, "
                "pungli lapas",
                "",
                "kemenimipas",
            ),
        ),
    ),
    (
        "POLITISASI ASN",
        "POLITICISATION OF THE CIVIL SERVICE",
        "bkd",
        "bkn",
        "politisasi asn, pns, asn, mutasi politik, jabatan, kepala daerah, balas dendam politik",
        (
            (
                "Mutasi dan Promosi Bermuatan Politik",
                "Politically Motivated Transfers and Promotions",
                "mutasi, demosi, non job, nonjob, jual beli jabatan, promosi jabatan, lelang "
                "jabatan",
            ),
            (
                "Tekanan Politik terhadap ASN",
                "Political Pressure on Civil Servants",
                "intimidasi asn, ancaman mutasi, tekanan atasan, diminta dukung calon",
            ),
            (
                "Penggunaan Fasilitas Negara untuk Politik",
                "Use of State Facilities for Politics",
                "mobil dinas kampanye, fasilitas negara, anggaran untuk kampanye, rumah dinas",
                "inspektorat",
                None,
            ),
            (
                "Program Pemerintah untuk Kepentingan Politik",
                "Government Programmes Used for Political Ends",
                "bansos kampanye, bantuan atas nama calon, program dipolitisasi",
            ),
        ),
    ),
    (
        "SOSIAL DAN KESEJAHTERAAN",
        "SOCIAL AFFAIRS AND WELFARE",
        "dinas-sosial",
        "kemensos",
        "bansos, bantuan sosial, dinsos, kemensos, miskin, dtks, dtsen, pkh, bpnt, sembako, blt",
        (
            (
                "Bantuan Sosial",
                "Social Assistance",
                "bansos, bantuan sosial, bantuan tidak tepat sasaran, tidak dapat bantuan, "
                "bantuan dipotong, sembako",
            ),
            (
                "Bantuan Pangan Non Tunai (BPNT)",
                "Non-Cash Food Assistance (BPNT)",
                "bpnt, program sembako, e-warong, kartu sembako, bantuan pangan",
            ),
            (
                "Bantuan Sosial Tunai (BST)",
                "Cash Social Assistance (BST)",
                "bst, bantuan sosial tunai, blt, bantuan langsung tunai",
            ),
            (
                "Data Terpadu Kesejahteraan Sosial (DTKS)",
                "Integrated Social Welfare Data (DTKS)",
                "dtks, dtsen, data kemiskinan, cek bansos, usulan dtks, desil, tidak terdata",
            ),
            (
                "Kartu Indonesia Sehat (KIS)",
                "Indonesia Health Card (KIS)",
                "kis, kis pbi, pbi jk, kartu indonesia sehat, pbi dinonaktifkan",
            ),
            (
                "Kartu Indonesia Pintar (KIP)",
                "Indonesia Smart Card (KIP)",
                "kip, pip, program indonesia pintar, kartu indonesia pintar, dana pip",
                "dinas-pendidikan",
                "kemendikdasmen",
            ),
            (
                "Kartu Keluarga Sejahtera (KKS)",
                "Prosperous Family Card (KKS)",
                "kks, kartu keluarga sejahtera, kartu kks, saldo kks",
            ),
            (
                "Program Keluarga Harapan (PKH)",
                "Family Hope Programme (PKH)",
                "pkh, program keluarga harapan, pendamping pkh, kpm, graduasi pkh",
            ),
            (
                "Rehabilitasi Sosial dan Orang Terlantar",
                "Social Rehabilitation and Neglected Persons",
                "odgj, gelandangan, pengemis, anak terlantar, panti sosial, orang terlantar",
            ),
        ),
    ),
    (
        "SP4N-LAPOR!",
        "SP4N-LAPOR!",
        "",
        "kemen-panrb",
        "lapor, sp4n, aplikasi lapor, laporan, aduan, website lapor, lapor.go.id",
        (
            (
                "Akun dan Login",
                "Account and Login",
                "akun, login, lupa password, daftar akun, verifikasi akun, otp",
            ),
            (
                "Aplikasi dan Situs Bermasalah",
                "Application and Website Faults",
                "error, aplikasi error, situs tidak bisa dibuka, gagal kirim, lampiran gagal",
            ),
            (
                "Tindak Lanjut Laporan",
                "Follow-up of Reports",
                "laporan tidak ditanggapi, laporan ditutup sepihak, salah disposisi, laporan "
                "lambat, tidak ada jawaban",
            ),
            (
                "Saran Pengembangan",
                "Suggestions for Improvement",
                "saran lapor, masukan aplikasi, fitur baru",
            ),
        ),
    ),
    (
        "ENERGI DAN SUMBER DAYA ALAM",
        "ENERGY AND NATURAL RESOURCES",
        "dinas-esdm",
        "kesdm",
        "listrik, pln, bbm, lpg, gas, elpiji, solar, pertalite, tambang, air bersih, pdam",
        (
            (
                "Air Bersih dan PDAM",
                "Clean Water and Water Utility (PDAM)",
                "pdam, air mati, air keruh, air tidak mengalir, tagihan air, meteran air, pipa "
                "bocor, air bersih",
                "pdam",
                "kemen-pu",
            ),
            (
                "Listrik Padam",
                "Power Outages",
                "listrik mati, mati lampu, pemadaman, padam bergilir, listrik byarpet, pln",
                "",
                "pln",
            ),
            (
                "Tagihan dan Token Listrik",
                "Electricity Bills and Tokens",
                "tagihan listrik, token listrik, token tidak masuk, meteran listrik, kwh, "
                "tagihan membengkak",
                "",
                "pln",
            ),
            (
                "Sambungan Listrik Baru",
                "New Electricity Connections",
                "pasang baru, tambah daya, listrik desa, sambungan listrik, tiang listrik, "
                "kabel listrik",
                "",
                "pln",
            ),
            (
                "Bahan Bakar Minyak",
                "Fuel",
                "bbm, pertalite, solar, spbu, antri solar, bbm langka, bbm oplosan, mypertamina",
                "",
                "pertamina",
            ),
            (
                "LPG 3 Kg",
                "3 kg LPG",
                "lpg, elpiji, gas melon, gas 3 kg, gas langka, pangkalan gas, harga gas",
                "disperindag",
                "pertamina",
            ),
            (
                "Pertambangan",
                "Mining",
                "tambang, izin tambang, tambang ilegal, peti, galian c, pasir, batubara, "
                "reklamasi tambang",
            ),
            (
                "Energi Terbarukan",
                "Renewable Energy",
                "plts, panel surya, energi terbarukan, biogas, mikrohidro",
            ),
        ),
    ),
    (
        "EVAKUASI HEWAN LIAR",
        "WILD ANIMAL EVACUATION",
        "damkar",
        "kemenhut",
        "ular, sarang tawon, lebah, biawak, buaya, monyet, hewan liar, evakuasi hewan, bksda",
        (
            ("Ular", "Snakes", "ular, ular kobra, ular masuk rumah, sarang ular, piton"),
            (
                "Sarang Tawon dan Lebah",
                "Wasp and Bee Nests",
                "sarang tawon, tawon, lebah, tawon vespa, sarang lebah",
            ),
            (
                "Hewan Buas di Permukiman",
                "Wild Animals in Settlements",
                "buaya, harimau, beruang, gajah liar, monyet, kera, biawak, babi hutan",
            ),
            (
                "Satwa Dilindungi",
                "Protected Wildlife",
                "satwa dilindungi, perdagangan satwa, bksda, orangutan, trenggiling, burung "
                "dilindungi",
                "",
                None,
            ),
            (
                "Anjing Liar dan Rabies",
                "Stray Dogs and Rabies",
                "anjing liar, gigitan anjing, rabies, kucing liar",
                "dinas-pertanian",
                "kementan",
            ),
        ),
    ),
    (
        "FASILITAS DIPLOMATIK",
        "DIPLOMATIC FACILITIES",
        "",
        "kemlu",
        "diplomatik, kedutaan, kedubes, konsulat, perwakilan asing, diplomat, cd",
        (
            (
                "Kekebalan dan Keistimewaan Diplomatik",
                "Diplomatic Immunities and Privileges",
                "kekebalan diplomatik, hak istimewa, pembebasan pajak diplomatik",
            ),
            (
                "Kendaraan dan Plat Nomor Diplomatik",
                "Diplomatic Vehicles and Plates",
                "plat cd, plat diplomatik, mobil kedutaan, parkir kedutaan",
            ),
            (
                "Keamanan Perwakilan Asing",
                "Security of Foreign Missions",
                "keamanan kedutaan, demo kedutaan, pengamanan konsulat",
            ),
            (
                "Visa Diplomatik dan Dinas",
                "Diplomatic and Service Visas",
                "visa diplomatik, visa dinas, paspor diplomatik, paspor dinas",
            ),
        ),
    ),
    (
        "KEKERASAN DI SATUAN PENDIDIKAN",
        "VIOLENCE IN EDUCATIONAL INSTITUTIONS",
        "dinas-pendidikan",
        "kemendikdasmen",
        "kekerasan sekolah, bullying, perundungan, dipukul guru, pelecehan di sekolah, tppk",
        (
            (
                "Perundungan",
                "Bullying",
                "bully, bullying, dibully, perundungan, dirundung, diejek, dikucilkan",
            ),
            (
                "Kekerasan Fisik",
                "Physical Violence",
                "dipukul, ditampar, hukuman fisik, tawuran pelajar, dianiaya, dijewer",
            ),
            (
                "Kekerasan Psikis",
                "Psychological Violence",
                "dipermalukan, diancam, intimidasi, dihina guru, tekanan mental",
            ),
            (
                "Kekerasan Seksual",
                "Sexual Violence",
                "pelecehan seksual, pencabulan, kekerasan seksual sekolah, guru cabul",
            ),
            (
                "Diskriminasi dan Intoleransi",
                "Discrimination and Intolerance",
                "diskriminasi, intoleransi, dipaksa berjilbab, siswa ditolak, rasisme",
            ),
            (
                "Kekerasan di Perguruan Tinggi",
                "Violence in Higher Education",
                "kekerasan kampus, perpeloncoan, ospek, pelecehan dosen, satgas ppks",
                "",
                "kemdiktisaintek",
            ),
            (
                "Kekerasan di Madrasah dan Pesantren",
                "Violence in Madrasahs and Pesantren",
                "kekerasan pesantren, santri dianiaya, kekerasan madrasah",
                "kantor-kemenag",
                "kemenag",
            ),
        ),
    ),
    (
        "KEPENDUDUKAN",
        "CIVIL REGISTRATION",
        "disdukcapil",
        "kemendagri",
        "dukcapil, disdukcapil, capil, adminduk, nik, ktp, kk, akta, domisili",
        (
            (
                "KTP Elektronik",
                "Electronic Identity Card (KTP-el)",
                "ktp, e-ktp, ektp, ktp-el, ktp el, blangko ktp, blanko habis, rekam ktp, ktp "
                "hilang, ktp belum jadi",
            ),
            (
                "Kartu Keluarga",
                "Family Card (KK)",
                "kk, kartu keluarga, cetak kk, pecah kk, tambah anggota kk, kk hilang",
            ),
            (
                "Akta Kelahiran",
                "Birth Certificate",
                "akta kelahiran, akte kelahiran, akte lahir, surat lahir",
            ),
            ("Akta Kematian", "Death Certificate", "akta kematian, akte kematian, surat kematian"),
            (
                "Pindah Domisili",
                "Change of Domicile",
                "pindah domisili, surat pindah, skpwni, pindah alamat, pindah datang",
            ),
            (
                "Pencatatan Perkawinan dan Perceraian",
                "Registration of Marriages and Divorces",
                "akta perkawinan, akta nikah, akta cerai, pencatatan nikah non muslim",
            ),
            ("Kartu Identitas Anak", "Child Identity Card (KIA)", "kia, kartu identitas anak"),
            (
                "Identitas Kependudukan Digital",
                "Digital Population Identity (IKD)",
                "ikd, ktp digital, aktivasi ikd, identitas digital",
            ),
            (
                "NIK dan Data Kependudukan",
                "Population Numbers (NIK) and Records",
                "nik, nik ganda, nik tidak terdaftar, data tidak valid, nik dipakai orang lain, "
                "konsolidasi data, sinkronisasi nik",
            ),
        ),
    ),
    (
        "KERJASAMA BILATERAL",
        "BILATERAL COOPERATION",
        "",
        "kemlu",
        "kerja sama bilateral, kerjasama bilateral, hubungan bilateral, perjanjian internasional",
        (
            (
                "Perjanjian Bilateral",
                "Bilateral Agreements",
                "perjanjian bilateral, mou, nota kesepahaman, traktat",
            ),
            (
                "Kerja Sama Ekonomi dan Perdagangan",
                "Economic and Trade Cooperation",
                "kerja sama ekonomi, perdagangan bilateral, ekspor, investasi asing",
            ),
            (
                "Kerja Sama Pendidikan dan Beasiswa",
                "Education Cooperation and Scholarships",
                "beasiswa luar negeri, pertukaran pelajar, kerja sama pendidikan",
            ),
            (
                "Kerja Sama Daerah dengan Luar Negeri",
                "Regional Governments' Foreign Cooperation",
                "sister city, sister province, kerja sama luar negeri daerah",
                "",
                None,
            ),
        ),
    ),
    (
        "KERJASAMA MULTILATERAL",
        "MULTILATERAL COOPERATION",
        "",
        "kemlu",
        "kerja sama multilateral, kerjasama multilateral, pbb, asean, organisasi internasional",
        (
            ("ASEAN", "ASEAN", "asean, kerja sama asean, masyarakat asean"),
            (
                "Perserikatan Bangsa-Bangsa",
                "United Nations",
                "pbb, un, unicef, unhcr, who, pasukan perdamaian",
            ),
            (
                "Forum Ekonomi Multilateral",
                "Multilateral Economic Forums",
                "g20, apec, wto, brics, oecd",
            ),
            (
                "Organisasi Internasional Lainnya",
                "Other International Organisations",
                "oki, gerakan non blok, organisasi internasional, lsm asing",
            ),
        ),
    ),
    (
        "KETENAGAKERJAAN",
        "EMPLOYMENT",
        "disnaker",
        "kemnaker",
        "kerja, pekerja, buruh, karyawan, gaji, upah, phk, pesangon, thr, disnaker, honorer",
        (
            (
                "Hak Pekerja dan Upah",
                "Workers' Rights and Wages",
                "gaji tidak dibayar, gaji telat, upah di bawah umr, umk, ump, lembur tidak "
                "dibayar, kontrak kerja, outsourcing",
            ),
            (
                "Pemutusan Hubungan Kerja",
                "Dismissals",
                "phk, di-phk, dipecat, pesangon, phk sepihak, dirumahkan",
            ),
            (
                "Tunjangan Hari Raya",
                "Religious Holiday Allowance (THR)",
                "thr, tunjangan hari raya, thr tidak dibayar, thr dicicil, posko thr",
            ),
            (
                "BPJS Ketenagakerjaan",
                "BPJS Ketenagakerjaan (Employment Social Security)",
                "bpjs ketenagakerjaan, bpjs tk, jht, jkk, jkm, jp, klaim jht, pencairan jht, bpu",
                "",
                "bpjs-ketenagakerjaan",
            ),
            (
                "Pekerja Migran Indonesia",
                "Indonesian Migrant Workers",
                "tki, tkw, pmi, pekerja migran, p3mi, pjtki, calo tki, penempatan ilegal",
                "disnaker",
                "kp2mi",
            ),
            (
                "Aparatur Sipil Negara",
                "Civil Servants (ASN)",
                "asn, pns, cpns, kenaikan pangkat, tunjangan kinerja, tpp, disiplin pns, gaji pns",
                "bkd",
                "bkn",
            ),
            (
                "Tenaga Honorer dan PPPK",
                "Honorary Staff and Contract Civil Servants (PPPK)",
                "honorer, tenaga honorer, pppk, p3k, pppk paruh waktu, seleksi pppk, non asn",
                "bkd",
                "kemen-panrb",
            ),
            (
                "Pensiun ASN",
                "Civil Service Pensions",
                "pensiun, taspen, tunjangan pensiun, tabungan hari tua pns, sk pensiun",
                "bkd",
                "taspen",
            ),
            (
                "Lowongan dan Pelatihan Kerja",
                "Job Vacancies and Training",
                "lowongan kerja, loker, pelatihan kerja, blk, kartu kuning, ak1, pengangguran",
            ),
            (
                "Keselamatan dan Kesehatan Kerja",
                "Occupational Safety and Health",
                "k3, kecelakaan kerja, apd, keselamatan kerja, pekerja tewas",
            ),
        ),
    ),
    (
        "LEGALISASI KONSULER",
        "CONSULAR LEGALISATION",
        "",
        "kemlu",
        "legalisasi, legalisir, konsuler, apostille, dokumen luar negeri, kemlu",
        (
            (
                "Legalisasi Dokumen",
                "Document Legalisation",
                "legalisasi kemlu, legalisir dokumen, legalisasi ijazah, legalisasi akta",
            ),
            (
                "Apostille",
                "Apostille",
                "apostille, apostil, ahu, legalisasi apostille",
                "",
                "kemenkum",
            ),
            (
                "Pelayanan Konsuler di Perwakilan RI",
                "Consular Services at Indonesian Missions",
                "kbri, kjri, konsulat, surat keterangan, paspor di luar negeri, lapor diri",
            ),
        ),
    ),
    (
        "NETRALITAS ASN",
        "CIVIL SERVICE NEUTRALITY",
        "inspektorat",
        "bkn",
        "netralitas asn, asn tidak netral, pns kampanye, asn berpolitik, pemilu, pilkada",
        (
            (
                "ASN Berkampanye",
                "Civil Servants Campaigning",
                "pns kampanye, asn ikut kampanye, foto dengan calon, like status calon, atribut "
                "partai",
            ),
            (
                "ASN di Media Sosial",
                "Civil Servants on Social Media",
                "postingan asn, dukung calon di medsos, unggahan politik asn",
            ),
            (
                "Keterlibatan ASN dalam Pemilu dan Pilkada",
                "Civil Servants' Involvement in Elections",
                "asn tim sukses, asn menjadi pengurus partai, pengerahan asn, mobilisasi asn",
                "",
                "bawaslu",
            ),
            (
                "Netralitas Kepala Desa dan Perangkat Desa",
                "Neutrality of Village Officials",
                "kades kampanye, perangkat desa tidak netral, kepala desa dukung calon",
                "dinas-pmd",
                "bawaslu",
            ),
        ),
    ),
    (
        "PELINDUNGAN WNI",
        "PROTECTION OF INDONESIAN CITIZENS ABROAD",
        "",
        "kemlu",
        "wni, wni di luar negeri, kbri, kjri, perlindungan wni, ditahan di luar negeri",
        (
            (
                "WNI Bermasalah di Luar Negeri",
                "Citizens in Trouble Abroad",
                "wni ditahan, wni hilang, wni terlantar, wni sakit di luar negeri, pemulangan wni",
            ),
            (
                "Pekerja Migran Bermasalah",
                "Migrant Workers in Trouble",
                "tki disiksa, gaji tki tidak dibayar, tki kabur, majikan, pmi bermasalah",
                "disnaker",
                "kp2mi",
            ),
            (
                "Tindak Pidana Perdagangan Orang",
                "Human Trafficking",
                "tppo, perdagangan orang, human trafficking, online scam, disekap, kerja paksa",
            ),
            (
                "Evakuasi WNI",
                "Evacuation of Citizens",
                "evakuasi wni, konflik, perang, bencana di luar negeri",
            ),
            (
                "WNI Terancam Hukuman",
                "Citizens Facing Criminal Penalties Abroad",
                "hukuman mati, wni dipenjara, pendampingan hukum wni",
            ),
        ),
    ),
    (
        "PEMULIHAN EKONOMI NASIONAL",
        "NATIONAL ECONOMIC RECOVERY",
        "",
        "kemenko-perekonomian",
        "pen, pemulihan ekonomi nasional, bantuan umkm, subsidi upah, kartu prakerja, insentif",
        (
            (
                "Bantuan Produktif Usaha Mikro",
                "Micro Business Productive Assistance (BPUM)",
                "bpum, banpres, bantuan umkm, blt umkm",
                "dinas-koperasi-umkm",
                "kemen-umkm",
            ),
            (
                "Kartu Prakerja",
                "Pre-Employment Card (Kartu Prakerja)",
                "prakerja, kartu prakerja, insentif prakerja, pelatihan prakerja",
            ),
            (
                "Bantuan Subsidi Upah",
                "Wage Subsidy Assistance (BSU)",
                "bsu, subsidi gaji, subsidi upah, blt gaji",
                "disnaker",
                "kemnaker",
            ),
            (
                "Restrukturisasi Kredit",
                "Loan Restructuring",
                "restrukturisasi kredit, keringanan cicilan, relaksasi kredit",
                "",
                "ojk",
            ),
            (
                "Insentif Pajak",
                "Tax Incentives",
                "insentif pajak, pph 21 dtp, ppn dtp, keringanan pajak",
                "",
                "kemenkeu",
            ),
        ),
    ),
    (
        "P4GN",
        "DRUG PREVENTION AND ERADICATION (P4GN)",
        "",
        "bnn",
        "narkoba, narkotika, sabu, ganja, ekstasi, pengedar, bandar, bnn, napza",
        (
            (
                "Peredaran Gelap Narkoba",
                "Drug Trafficking",
                "pengedar narkoba, bandar narkoba, transaksi sabu, peredaran narkoba, kampung "
                "narkoba",
            ),
            (
                "Penyalahgunaan Narkoba",
                "Drug Abuse",
                "pemakai narkoba, pecandu, nyabu, ngelem, obat keras, tramadol, pil koplo",
            ),
            (
                "Rehabilitasi",
                "Rehabilitation",
                "rehabilitasi narkoba, rehab, ipwl, pecandu ingin sembuh",
            ),
            (
                "Pencegahan dan Penyuluhan",
                "Prevention and Awareness",
                "sosialisasi narkoba, penyuluhan narkoba, tes urine, desa bersinar",
            ),
        ),
    ),
    (
        "PENIADAAN MUDIK",
        "HOMECOMING TRAVEL BAN",
        "dinas-perhubungan",
        "kemenhub",
        "mudik, larangan mudik, peniadaan mudik, penyekatan, pulang kampung, lebaran",
        (
            (
                "Penyekatan dan Pos Pemeriksaan",
                "Roadblocks and Checkpoints",
                "penyekatan, pos penyekatan, putar balik, razia mudik",
                "",
                "polri",
            ),
            (
                "Surat Izin Perjalanan",
                "Travel Permits",
                "sikm, surat izin keluar masuk, surat bebas covid, izin perjalanan",
            ),
            (
                "Operasional Angkutan Umum",
                "Public Transport Operations",
                "bus mudik, travel gelap, angkutan mudik, tiket mudik",
            ),
            (
                "Kerumunan dan Tempat Wisata",
                "Crowds and Tourist Sites",
                "kerumunan, tempat wisata buka, pasar ramai, open house",
                "satpol-pp",
                None,
            ),
        ),
    ),
    (
        "PERAIRAN",
        "WATERS",
        "dinas-perikanan",
        "kkp",
        "laut, perairan, pantai, pesisir, nelayan, sungai, danau, kapal, abrasi",
        (
            (
                "Penangkapan Ikan Ilegal",
                "Illegal Fishing",
                "illegal fishing, pencurian ikan, bom ikan, potasium, pukat harimau, cantrang, "
                "kapal asing",
            ),
            (
                "Pencemaran Laut",
                "Marine Pollution",
                "pencemaran laut, tumpahan minyak, sampah laut, limbah di laut",
                "dlh",
                "klh",
            ),
            (
                "Pesisir dan Pulau-Pulau Kecil",
                "Coasts and Small Islands",
                "reklamasi, pesisir, pagar laut, mangrove, terumbu karang, pulau kecil",
            ),
            (
                "Abrasi Pantai",
                "Coastal Erosion",
                "abrasi, erosi pantai, pemecah gelombang, talud pantai",
                "dinas-pupr",
                "kemen-pu",
            ),
            (
                "Sungai dan Danau",
                "Rivers and Lakes",
                "sungai, danau, waduk, sedimentasi, pendangkalan sungai, bantaran sungai",
                "dinas-pupr",
                "kemen-pu",
            ),
            (
                "Keselamatan Pelayaran",
                "Maritime Safety",
                "kapal tenggelam, pelayaran, pelabuhan, syahbandar, pelampung, kapal kelebihan "
                "muatan",
                "dinas-perhubungan",
                "kemenhub",
            ),
        ),
    ),
    (
        "PERHUBUNGAN",
        "TRANSPORT",
        "dinas-perhubungan",
        "kemenhub",
        "transportasi, angkutan, dishub, parkir, bus, angkot, kereta, kapal, pesawat, ojol",
        (
            (
                "Parkir Liar",
                "Illegal Parking",
                "parkir liar, jukir liar, tukang parkir, juru parkir, tarif parkir, parkir "
                "sembarangan, parkir di trotoar",
            ),
            (
                "Angkutan Darat",
                "Road Transport",
                "angkot, bus, travel, terminal, trayek, ngetem, sopir ugal-ugalan, odol, truk "
                "obesitas",
            ),
            (
                "Angkutan Laut dan Penyeberangan",
                "Sea and Ferry Transport",
                "kapal laut, ferry, feri, penyeberangan, tiket kapal, pelabuhan, asdp, pelni",
            ),
            (
                "Angkutan Udara",
                "Air Transport",
                "pesawat, bandara, tiket pesawat, delay, bagasi hilang, refund tiket",
            ),
            (
                "Transportasi Online",
                "Ride-Hailing",
                "ojol, ojek online, taksi online, gojek, grab, maxim, tarif ojol, aplikator",
            ),
            (
                "Kereta Api",
                "Railways",
                "kereta, kereta api, krl, commuter line, stasiun, perlintasan sebidang, palang "
                "pintu, tiket kereta",
                "",
                "kai",
            ),
            (
                "Rambu dan Lampu Lalu Lintas",
                "Traffic Signs and Signals",
                "lampu merah, traffic light, apill, rambu, marka jalan, lampu lalu lintas mati",
            ),
            (
                "Uji Kendaraan Bermotor",
                "Vehicle Roadworthiness Tests (KIR)",
                "uji kir, kir, buku kir, uji berkala, pungli kir",
            ),
            (
                "SIM, STNK, dan Lalu Lintas",
                "Driving Licences, Registration and Traffic Policing",
                "sim, stnk, bpkb, tilang, etle, samsat, kemacetan, kecelakaan",
                "",
                "polri",
            ),
        ),
    ),
    (
        "PERLINDUNGAN KONSUMEN",
        "CONSUMER PROTECTION",
        "disperindag",
        "kemendag",
        "konsumen, penipuan, belanja online, barang palsu, garansi, refund, timbangan, ylki",
        (
            (
                "Belanja Daring dan Penipuan Transaksi",
                "Online Shopping and Transaction Fraud",
                "belanja online, marketplace, olshop, barang tidak sesuai, barang tidak dikirim, "
                "refund, cod, penipuan jual beli",
            ),
            (
                "Timbangan dan Takaran",
                "Weights and Measures",
                "timbangan curang, metrologi, takaran, tera ulang, meteran spbu",
            ),
            (
                "Produk Tidak Aman dan Kedaluwarsa",
                "Unsafe and Expired Products",
                "kedaluwarsa, kadaluarsa, expired, produk berbahaya, sni, makanan basi",
                "",
                "bpom",
            ),
            (
                "Layanan Jasa Keuangan",
                "Financial Services",
                "leasing, penarikan kendaraan, debt collector, asuransi, kartu kredit",
                "",
                "ojk",
            ),
            (
                "Layanan Telekomunikasi",
                "Telecommunication Services",
                "pulsa tersedot, paket data, kuota hilang, provider, indihome, wifi lemot",
                "",
                "komdigi",
            ),
            (
                "Perumahan dan Properti",
                "Housing and Property Purchases",
                "developer nakal, rumah tidak dibangun, kpr, sertifikat rumah belum diberikan",
                "disperkim",
                "kemen-pkp",
            ),
        ),
    ),
    (
        "PROGRAM MAKAN BERGIZI GRATIS",
        "FREE NUTRITIOUS MEALS PROGRAMME",
        "",
        "bgn",
        "mbg, makan bergizi gratis, makan siang gratis, sppg, dapur mbg, bgn, menu mbg",
        (
            (
                "Keracunan Makanan",
                "Food Poisoning",
                "keracunan mbg, keracunan, sakit perut, muntah, siswa keracunan, klb",
                "dinas-kesehatan",
                None,
            ),
            (
                "Kualitas dan Menu Makanan",
                "Food Quality and Menu",
                "makanan basi, menu tidak bergizi, porsi kecil, ulat, makanan mentah, rasa",
            ),
            (
                "Distribusi dan Keterlambatan",
                "Distribution and Delays",
                "mbg telat, tidak kebagian, distribusi mbg, sekolah belum dapat mbg",
            ),
            (
                "Satuan Pelayanan Pemenuhan Gizi",
                "Nutrition Service Units (SPPG)",
                "sppg, dapur mbg, dapur umum, higiene dapur, relawan sppg, slhs",
            ),
            (
                "Penerima Manfaat",
                "Beneficiaries",
                "ibu hamil, ibu menyusui, balita, santri, siswa tidak terdaftar mbg, 3b",
            ),
            (
                "Mitra dan Pembayaran",
                "Partners and Payments",
                "mitra mbg, yayasan mbg, pembayaran mitra, supplier mbg, tagihan belum dibayar",
            ),
        ),
    ),
    (
        "SELEKSI CALON HAKIM AGUNG RI",
        "SELECTION OF SUPREME COURT JUSTICE CANDIDATES",
        "",
        "komisi-yudisial",
        "calon hakim agung, cha, seleksi hakim agung, komisi yudisial, ky, rekam jejak hakim",
        (
            (
                "Rekam Jejak Calon",
                "Candidates' Track Records",
                "rekam jejak, informasi calon hakim agung, integritas calon, laporan masyarakat",
            ),
            (
                "Persyaratan dan Pendaftaran",
                "Requirements and Registration",
                "syarat calon hakim agung, pendaftaran cha, berkas seleksi",
            ),
            (
                "Pelaksanaan Seleksi",
                "Conduct of the Selection",
                "seleksi kualitas, wawancara terbuka, uji kelayakan, hasil seleksi",
            ),
        ),
    ),
    (
        "SRGI",
        "INDONESIAN GEOSPATIAL REFERENCE SYSTEM (SRGI)",
        "",
        "big",
        "srgi, sistem referensi geospasial, big, ina-cors, titik kontrol, pilar, geodesi, peta",
        (
            (
                "Titik Kontrol Geodesi",
                "Geodetic Control Points",
                "pilar geodesi, titik kontrol, jaring kontrol, pilar rusak, bm, benchmark",
            ),
            (
                "Layanan Ina-CORS",
                "Ina-CORS Service",
                "ina-cors, inacors, cors, gnss, rtk, akun cors",
            ),
            (
                "Data dan Peta Rupabumi",
                "Data and Topographic Maps",
                "peta rupabumi, rbi, ina-geoportal, data geospasial, unduh peta",
            ),
            (
                "Batas Wilayah",
                "Administrative Boundaries",
                "batas wilayah, batas desa, sengketa batas, peta batas",
            ),
        ),
    ),
    (
        "TEKNOLOGI INFORMASI DAN KOMUNIKASI",
        "INFORMATION AND COMMUNICATION TECHNOLOGY",
        "diskominfo",
        "komdigi",
        "internet, sinyal, aplikasi, website, situs, online, judol, hoaks, kominfo, komdigi",
        (
            (
                "Pemblokiran Situs",
                "Website Blocking",
                "blokir situs, situs diblokir, normalisasi situs, konten negatif, pornografi, "
                "aduan konten",
            ),
            (
                "Judi Online",
                "Online Gambling",
                "judi online, judol, slot, slot online, situs judi, rekening judi",
            ),
            (
                "Phishing dan Penipuan Daring",
                "Phishing and Online Fraud",
                "phishing, penipuan online, link palsu, apk undangan, sms penipuan, penipuan "
                "telepon, rekening penipu, social engineering",
            ),
            (
                "Aplikasi dan Layanan Digital Pemerintah",
                "Government Apps and Digital Services",
                "aplikasi pemerintah, website pemda, situs error, spbe, layanan online gagal",
            ),
            (
                "Sinyal dan Jaringan Internet",
                "Signal and Internet Connectivity",
                "sinyal, tidak ada sinyal, blank spot, bts, internet lemot, jaringan hilang, desa "
                "tanpa sinyal",
            ),
            ("Hoaks", "Hoaxes", "hoaks, hoax, berita bohong, disinformasi, fitnah di medsos"),
            (
                "Pelindungan Data Pribadi",
                "Personal Data Protection",
                "kebocoran data, data pribadi, nik disalahgunakan, data bocor, pdp",
            ),
            (
                "Penyiaran",
                "Broadcasting",
                "siaran tv, tv digital, set top box, stb, siaran radio, tayangan tidak pantas",
                "",
                "kpi",
            ),
        ),
    ),
    (
        "TOPIK KHUSUS",
        "SPECIAL TOPICS",
        "",
        "kemen-panrb",
        "topik khusus, program prioritas, isu nasional, kebijakan khusus",
        (
            (
                "Program Prioritas Nasional",
                "National Priority Programmes",
                "program prioritas, proyek strategis nasional, psn, asta cita",
                "",
                "ksp",
            ),
            (
                "Penanganan Bencana Nasional",
                "National Disaster Response",
                "bencana nasional, tanggap darurat, bantuan bencana, pengungsi",
                "bpbd",
                "bnpb",
            ),
            (
                "Pelayanan Publik Terpadu",
                "Integrated Public Services",
                "mal pelayanan publik, mpp, pelayanan terpadu, standar pelayanan",
                "dpmptsp",
                None,
            ),
        ),
    ),
    (
        "TOPIK LAINNYA",
        "OTHER TOPICS",
        "",
        "kemen-panrb",
        "lainnya, lain-lain, umum, pelayanan publik, pengaduan umum",
        (
            (
                "Pelayanan Publik Lainnya",
                "Other Public Services",
                "pelayanan lambat, pelayanan buruk, petugas tidak ramah, antrian, jam layanan",
            ),
            (
                "Permintaan Informasi Publik",
                "Requests for Public Information",
                "permohonan informasi, keterbukaan informasi, ppid, data publik, uu kip",
                "ppid-utama",
                None,
            ),
            (
                "Saran dan Apresiasi",
                "Suggestions and Appreciation",
                "saran, masukan, apresiasi, terima kasih, usulan",
            ),
        ),
    ),
)
