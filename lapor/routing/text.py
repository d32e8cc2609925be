# ruff: noqa: E501  (the alias table reads best one pattern a line)
"""Indonesian text as people write it, made comparable: SMS abbreviations, slang, typos by
repeated letters, a few English words, and PySastrawi stemming (cached per word).

Also maps what people call a unit ("Dinas PUPR Kabupaten Sleman", "BPJS", "kantor pajak") to a
kind of unit (a unit type code or a national agency code from the directory), and a written
government level to one of the eight levels.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache

# SMS abbreviations and slang -> standard Indonesian (after lowercasing).
ABBREVIATIONS: dict[str, str] = {
    "yg": "yang",
    "ygy": "yang",
    "tdk": "tidak",
    "gak": "tidak",
    "ga": "tidak",
    "gk": "tidak",
    "nggak": "tidak",
    "ngga": "tidak",
    "enggak": "tidak",
    "kagak": "tidak",
    "ndak": "tidak",
    "ndk": "tidak",
    "tak": "tidak",
    "ora": "tidak",
    "jln": "jalan",
    "jl": "jalan",
    "sdh": "sudah",
    "udh": "sudah",
    "udah": "sudah",
    "dah": "sudah",
    "blm": "belum",
    "blum": "belum",
    "dgn": "dengan",
    "dg": "dengan",
    "krn": "karena",
    "karna": "karena",
    "utk": "untuk",
    "untk": "untuk",
    "bgt": "banget",
    "bngt": "banget",
    "dll": "dan lain lain",
    "sy": "saya",
    "sya": "saya",
    "aku": "saya",
    "gw": "saya",
    "gue": "saya",
    "tlg": "tolong",
    "tolongin": "tolong",
    "skrg": "sekarang",
    "skrang": "sekarang",
    "gmn": "bagaimana",
    "gimana": "bagaimana",
    "dr": "dari",
    "jg": "juga",
    "klo": "kalau",
    "kalo": "kalau",
    "kl": "kalau",
    "sm": "sama",
    "tp": "tapi",
    "tpi": "tapi",
    "bln": "bulan",
    "thn": "tahun",
    "th": "tahun",
    "org": "orang",
    "rmh": "rumah",
    "kab": "kabupaten",
    "kec": "kecamatan",
    "kel": "kelurahan",
    "ds": "desa",
    "mhn": "mohon",
    "pak": "bapak",
    "bpk": "bapak",
    "bu": "ibu",
    "dpt": "dapat",
    "dapet": "dapat",
    "lg": "lagi",
    "lgi": "lagi",
    "bs": "bisa",
    "bsa": "bisa",
    "msh": "masih",
    "masi": "masih",
    "sgt": "sangat",
    "bnyk": "banyak",
    "byk": "banyak",
    "pdhl": "padahal",
    "pdhal": "padahal",
    "trs": "terus",
    "trus": "terus",
    "sampe": "sampai",
    "ampe": "sampai",
    "emg": "memang",
    "kmn": "kemana",
    "kmrn": "kemarin",
    "kemaren": "kemarin",
    "hr": "hari",
    "mgg": "minggu",
    "jt": "juta",
    "rb": "ribu",
    "ribu": "ribu",
    "smp": "smp",
    "pd": "pada",
    "ttg": "tentang",
    "spt": "seperti",
    "kyk": "seperti",
    "kayak": "seperti",
    "kaya": "seperti",
    "knp": "kenapa",
    "ngapain": "kenapa",
    "lbh": "lebih",
    "hrs": "harus",
    "brp": "berapa",
    "gpp": "tidak apa",
    "bener": "benar",
    "bnr": "benar",
    "cuma": "hanya",
    "cm": "hanya",
    "doang": "saja",
    "aja": "saja",
    "aj": "saja",
    "nih": "ini",
    "gitu": "begitu",
    "gini": "begini",
    "pas": "saat",
    "min": "admin",
    "mimin": "admin",
    "thx": "terima kasih",
    "makasih": "terima kasih",
    "trims": "terima kasih",
    "mksh": "terima kasih",
    "jembtn": "jembatan",
    "sklh": "sekolah",
    "skolah": "sekolah",
    "ank": "anak",
    "sma": "sma",
    "pemkab": "pemerintah kabupaten",
    "pemkot": "pemerintah kota",
    "pemprov": "pemerintah provinsi",
    "dinkes": "dinas kesehatan",
    "dinsos": "dinas sosial",
    "disdik": "dinas pendidikan",
    "dishub": "dinas perhubungan",
    "disnaker": "dinas tenaga kerja",
    "dukcapil": "disdukcapil",
    "kades": "kepala desa",
    "pjs": "penerangan jalan",
    "pju": "penerangan jalan umum",
    "pdam": "pdam",
    "listrik": "listrik",
    "mati lampu": "listrik padam",
    "ngebut": "ugal",
    "nyampe": "sampai",
    "ngasih": "memberi",
    "bayar": "bayar",
    "duit": "uang",
    "doi": "dia",
    "sempet": "sempat",
}
# English words people mix in -> Indonesian.
ENGLISH: dict[str, str] = {
    "please": "tolong",
    "pls": "tolong",
    "plz": "tolong",
    "help": "tolong",
    "urgent": "darurat",
    "asap": "segera",
    "road": "jalan",
    "roads": "jalan",
    "street": "jalan",
    "pothole": "lubang",
    "potholes": "lubang",
    "broken": "rusak",
    "damaged": "rusak",
    "light": "lampu",
    "lights": "lampu",
    "flood": "banjir",
    "flooding": "banjir",
    "garbage": "sampah",
    "trash": "sampah",
    "waste": "sampah",
    "water": "air",
    "electricity": "listrik",
    "blackout": "listrik padam",
    "school": "sekolah",
    "teacher": "guru",
    "hospital": "rumah sakit",
    "doctor": "dokter",
    "salary": "gaji",
    "fee": "biaya",
    "bribe": "suap",
    "already": "sudah",
    "but": "tapi",
    "not": "tidak",
    "very": "sangat",
    "because": "karena",
    "fire": "kebakaran",
    "accident": "kecelakaan",
    "ambulance": "ambulans",
    "certificate": "sertifikat",
    "vaccine": "vaksin",
    "bullying": "perundungan",
    "bully": "rundung",
    "bullied": "rundung",
    "scam": "penipuan",
    "online": "daring",
    "loan": "pinjaman",
    "tax": "pajak",
    "bridge": "jembatan",
    "parking": "parkir",
    "traffic": "lalu lintas",
    "drugs": "narkoba",
    "police": "polisi",
    "disappointed": "kecewa",
    "viral": "viral",
    "refund": "pengembalian dana",
    "delay": "terlambat",
}

VOCAB = {**ABBREVIATIONS, **ENGLISH}
TOKEN = re.compile(r"[a-z0-9]+")
REPEAT = re.compile(r"([a-z])\1{2,}")
# "anak2" -> "anak anak"
REDUP = re.compile(r"\b([a-z]{2,})2\b")


def fold(text: str) -> str:
    """Lowercase, strip accents and emoji, collapse letters repeated 3+ times, expand "x2"."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = REPEAT.sub(r"\1", text)
    return REDUP.sub(r"\1 \1", text)


def normalise(text: str) -> str:
    """Folded, abbreviations and English expanded; not stemmed. For character n-grams."""
    out = []
    for token in TOKEN.findall(fold(text)):
        if token.isdigit():
            out.append("0" if len(token) < 3 else "00")
        else:
            out.append(VOCAB.get(token, token))
    return " ".join(out)


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=200_000)
def stem_word(word: str) -> str:
    if len(word) <= 3 or not word.isalpha():
        return word
    return _stemmer().stem(word) or word


def stemmed(text: str) -> str:
    """Normalised and stemmed with PySastrawi, word by word (cached). For word n-grams."""
    return " ".join(stem_word(w) for w in normalise(text).split())


# --- levels -------------------------------------------------------------------------------------
LEVELS = (
    "pusat",
    "provinsi",
    "kabupaten/kota",
    "kecamatan",
    "kelurahan/desa",
    "instansi vertikal",
    "BUMN",
    "BUMD",
)
_LEVEL_ALIASES = {
    "pusat": "pusat",
    "nasional": "pusat",
    "kementerian": "pusat",
    "lembaga": "pusat",
    "provinsi": "provinsi",
    "prov": "provinsi",
    "kabupaten/kota": "kabupaten/kota",
    "kabupaten": "kabupaten/kota",
    "kota": "kabupaten/kota",
    "kab/kota": "kabupaten/kota",
    "kabupaten kota": "kabupaten/kota",
    "kecamatan": "kecamatan",
    "kelurahan/desa": "kelurahan/desa",
    "desa/kelurahan": "kelurahan/desa",
    "kelurahan": "kelurahan/desa",
    "desa": "kelurahan/desa",
    "instansi vertikal": "instansi vertikal",
    "vertikal": "instansi vertikal",
    "bumn": "BUMN",
    "bumd": "BUMD",
}


def normalise_level(level: str | None) -> str | None:
    """ "kabupaten/kota (jalan kabupaten)" -> "kabupaten/kota"; unknown -> None."""
    if not level:
        return None
    bare = re.sub(r"\(.*?\)", "", level).strip().lower()
    bare = re.sub(r"\s*/\s*", "/", bare)
    return _LEVEL_ALIASES.get(bare)


# --- kinds of unit ------------------------------------------------------------------------------
# What people write that the directory's names do not say. Checked first, in order.
AGENCY_ALIASES: tuple[tuple[str, str], ...] = (
    (r"\bbpjs\s*(kesehatan|kes)\b|\bjkn\b", "bpjs-kesehatan"),
    (r"\bbpjs\s*(ketenagakerjaan|tk|naker)\b|\bjamsostek\b", "bpjs-ketenagakerjaan"),
    (r"\bpln\b|\bperusahaan listrik", "pln"),
    (r"\bpertamina\b", "pertamina"),
    (r"\bkereta api\b|\bkai\b|\bkrl\b|\bkci\b", "kai"),
    (r"\bpajak\b|\bdjp\b|\bkpp\b|\bbea (dan )?cukai\b|\bdjbc\b|\bperbendaharaan\b", "kemenkeu"),
    (r"\bimigrasi\b|\blapas\b|\brutan\b|\bpemasyarakatan\b", "kemenimipas"),
    (
        r"\bbksda\b|\bkonservasi sumber daya alam\b|\btaman nasional\b|\bkehutanan\b.*\bkementerian\b",
        "kemenhut",
    ),
    # Regional offices whose names hold a ministry's old name or a directorate's (2017 names
    # included: reports keep arriving about them) -> the 2024-2029 cabinet's body.
    (r"\bkanim\b|\bkantor imigrasi\b", "kemenimipas"),
    (
        r"\bkemendikbud\b|\bpendidikan dan kebudayaan\b.*\bkementerian\b|"
        r"\bkementerian pendidikan dan kebudayaan\b|\bdapodik\b",
        "kemendikdasmen",
    ),
    (
        r"\bristekdikti\b|\bkemenristekdikti\b|\bpendidikan tinggi\b|\bkopertis\b|"
        r"\blldikti\b|\bperguruan tinggi\b|\bbeasiswa mahasiswa\b|\bkemahasiswaan\b|\bpddikti\b",
        "kemdiktisaintek",
    ),
    (
        r"\bkominfo\b(?!.*\b(kabupaten|kota|provinsi)\b)|\bpos dan informatika\b|"
        r"\baplikasi informatika\b",
        "komdigi",
    ),
    (r"\bkemendes\b|\bkementerian desa\b", "kemendes-pdt"),
    (r"\bbina pembangunan daerah\b|\bkementerian dalam negeri\b", "kemendagri"),
    (
        r"\bdirektorat\b.*\bkepegawaian\b|\brekrutmen asn\b|\bkompensasi asn\b|"
        r"\bpensiun pns\b|\bpengadaan dan kepangkatan\b",
        "bkn",
    ),
    (r"\bdirektorat jenderal perhubungan\b|\bditjen perhubungan\b", "kemenhub"),
    (r"\bbank negara indonesia\b|\bbni\b", "bni"),
    (r"\bbank rakyat indonesia\b|\bbri\b", "bri"),
    (
        r"\bpelayanan (perijinan|perizinan) terpadu\b|\bterpadu satu pintu\b|\bdpmptsp\b|\bbppt\b",
        "dpmptsp",
    ),
    (r"\bpolrestabes\b|\bkepolisian\b", "polri"),
    (r"\bpos indonesia\b|\bpt pos\b|\bkantor pos\b", "pos-indonesia"),
    (r"\bkementerian bumn\b|\bkemen bumn\b|\bbp bumn\b|\bbadan usaha milik negara\b", "kemen-bumn"),
    # A regional *dinas* that also handles land matters (Bandung's "Dinas Perumahan dan Kawasan
    # Permukiman, Pertanahan dan Pertamanan") is the housing office, not the land office.
    (r"\bdinas pu\b|\bdinas pekerjaan umum\b", "dinas-pupr"),
    (r"\bdinas\b.*\b(perumahan|permukiman|pemukiman|pertamanan)\b", "disperkim"),
    (r"\bdinas (penataan|tata) ruang\b|\bdinas tata air\b", "dinas-pupr"),
    (r"\b(badan|dinas) (pengelola(an)? )?lingkungan hidup\b", "dlh"),
    (r"\bkantor pertanahan\b|\bkantah\b|\bbpn\b|\bpertanahan\b", "kantor-pertanahan"),
    (
        r"\bkantor kementerian agama\b|\bkankemenag\b|\bkemenag (kabupaten|kota|kab)\b|\bkua\b",
        "kantor-kemenag",
    ),
    (r"\bpdam\b|\bperumda air\b|\bair minum\b", "pdam"),
    (r"\brsud\b|\brumah sakit umum daerah\b", "rsud"),
    (r"\bpuskesmas\b", "dinas-kesehatan"),
    (r"\bdinas pu\b|\bdpupr\b|\bdinas pekerjaan umum\b|\bbina marga\b", "dinas-pupr"),
    (r"\bsatpol\b|\bpamong praja\b", "satpol-pp"),
    (r"\bdamkar\b|\bpemadam kebakaran\b", "damkar"),
    (r"\bdisdukcapil\b|\bdukcapil\b|\bkependudukan dan pencatatan sipil\b", "disdukcapil"),
    (r"\bdishub\b|\bdinas perhubungan\b", "dinas-perhubungan"),
    (r"\bdinsos\b", "dinas-sosial"),
    (r"\bdinkes\b", "dinas-kesehatan"),
    (r"\bdisdik\b|\bdisdikbud\b|\bdinas pendidikan\b", "dinas-pendidikan"),
    (r"\bdiskominfo\b|\bkominfo (kabupaten|kota|provinsi)\b", "diskominfo"),
    (
        r"\bpolri\b|\bpolisi\b|\bpolres\b|\bpolsek\b|\bpolda\b|\bpolresta\b|\bsatpas\b|\bsamsat\b",
        "polri",
    ),
    (r"\bkejari\b|\bkejati\b|\bkejaksaan\b", "kejaksaan"),
    (r"\bpengadilan\b|\bmahkamah agung\b", "mahkamah-agung"),
    (r"\bkbri\b|\bkjri\b|\bkemenlu\b|\bkemlu\b|\bluar negeri\b", "kemlu"),
    (r"\bppid\b", "ppid-utama"),
    (r"\bkecamatan\b|\bcamat\b", "kecamatan"),
    (
        r"\bkelurahan\b|\bpemerintah desa\b|\bkantor desa\b|\bpemdes\b|\blurah\b|\bkepala desa\b",
        "kelurahan-desa",
    ),
    (r"\bbkd\b|\bbkpsdm\b|\bkepegawaian daerah\b", "bkd"),
    (r"\bbapenda\b|\bbppd\b|\bpendapatan daerah\b", "bapenda"),
    (r"\bbpbd\b", "bpbd"),
    (r"\bdlh\b|\blingkungan hidup (kabupaten|kota|provinsi)\b|\bdinas lingkungan hidup\b", "dlh"),
    (r"\bbp2mi\b|\bkp2mi\b|\bbp3mi\b|\bpekerja migran\b", "kp2mi"),
    (r"\bkomnas ham\b", "komnas-ham"),
    (r"\bsppg\b|\bbadan gizi\b", "bgn"),
    (
        r"\bpemerintah (kabupaten|kota|provinsi)\b|\bpemkab\b|\bpemkot\b|\bpemprov\b|\bpemda\b|\bbupati\b|\bwali ?kota\b|\bgubernur\b",
        "pemda",
    ),
)
_ALIASES = tuple((re.compile(p), code) for p, code in AGENCY_ALIASES)
_REGION_TAIL = re.compile(
    r"\b(kabupaten|kab|kota|provinsi|prov|daerah istimewa|dki|kecamatan)\b.*$"
)


@lru_cache(maxsize=1)
def _directory_names() -> list[tuple[str, str]]:
    """(lowercase name or short name, code) for unit types and national agencies."""
    from lapor.agencies.directory_data import NATIONAL_AGENCIES, UNIT_TYPES

    names: list[tuple[str, str]] = []
    for code, name, short in UNIT_TYPES:
        names += [(fold(name), code), (fold(short), code)]
    for code, name, short, _kind in NATIONAL_AGENCIES:
        names += [(fold(name), code), (fold(short), code)]
        for part in name.split("/"):
            names.append((fold(part), code))
    return names


@lru_cache(maxsize=4096)
def agency_kind(agency: str | None) -> str | None:
    """The kind of unit a written agency name means: a unit type or national agency code,
    "pemda", "kelurahan-desa", or None when it cannot be told."""
    if not agency or agency.strip() in {"-", ""}:
        return None
    text = " ".join(TOKEN.findall(fold(agency).replace("/", " / "))) or fold(agency)
    spaced = fold(agency)
    # The directory's own names, longest first (whole words).
    best: tuple[int, str] | None = None
    for name, code in _directory_names():
        if len(name) < 2:
            continue
        found = re.search(r"(?<![a-z0-9])" + re.escape(name) + r"(?![a-z0-9])", spaced)
        if found and (best is None or len(name) > best[0]):
            best = (len(name), code)
    for pattern, code in _ALIASES:
        if pattern.search(text):
            # A longer exact directory name beats a generic alias ("Kementerian Kehutanan").
            if best and best[0] >= 12 and code in {"pemda", "kecamatan", "kelurahan-desa"}:
                return best[1]
            if best and best[0] > 20:
                return best[1]
            return code
    if best:
        return best[1]
    bare = _REGION_TAIL.sub("", text).strip() or text
    names = [n for n, _c in _directory_names()]
    close = difflib.get_close_matches(bare, names, n=1, cutoff=0.82)
    if close:
        return dict(_directory_names())[close[0]]
    return None
