"""The committed classifier on reports it never saw, written as people write them."""

import time

import pytest

from lapor.routing import classifier
from lapor.routing.text import agency_kind, normalise, normalise_level

TOP = {
    "PU": "PEKERJAAN UMUM DAN PENATAAN RUANG",
    "DUKCAPIL": "KEPENDUDUKAN",
    "KERJA": "KETENAGAKERJAAN",
    "SOSIAL": "SOSIAL DAN KESEJAHTERAAN",
    "ENERGI": "ENERGI DAN SUMBER DAYA ALAM",
    "SEHAT": "KESEHATAN",
    "LINGKUNGAN": "LINGKUNGAN HIDUP DAN KEHUTANAN",
    "DIDIK": "PENDIDIKAN DAN KEBUDAYAAN",
}


@pytest.fixture(autouse=True)
def _committed_model(settings):
    classifier.reset()
    yield
    classifier.reset()


def top_names(text: str, k: int = 1) -> list[str]:
    return [name for _code, name, _p in classifier.classify(text).top[:k]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jalan di depan balai desa Wonosari rusak dan berlubang besar, tiap hujan kubangan",
            "PU",
        ),
        ("jln ke pasar byk lubang bgt, udh ada yg jatoh dr motor, kpn diperbaiki", "PU"),
        ("Sudah 4 bulan e-KTP saya belum dicetak, katanya blangko habis terus", "DUKCAPIL"),
        ("ktp sy ilang, urus yg baru di dukcapil disuruh balik minggu depan trs", "DUKCAPIL"),
        ("Pabrik tempat suami saya kerja tidak bayar gaji 2 bulan dan tidak ada THR", "KERJA"),
        ("listrik di kampung kami padam dari semalam, PLN belum datang", "ENERGI"),
        ("Air PDAM tidak mengalir sudah 5 hari, kami beli air galon untuk masak", "ENERGI"),
        ("Sampah di pinggir kali numpuk, truk sampah tidak pernah lewat lagi", "LINGKUNGAN"),
        ("Bantuan PKH ibu saya tidak cair padahal namanya masih terdaftar", "SOSIAL"),
    ],
)
def test_it_names_the_top_level_category_of_unseen_reports(text, expected):
    assert TOP[expected] in top_names(text, k=3)


def test_the_best_guess_is_right_for_plain_reports():
    assert top_names("jalan kabupaten rusak parah berlubang di mana-mana")[0] == TOP["PU"]
    assert (
        top_names("pembuatan akta kelahiran anak saya dipersulit di disdukcapil")[0]
        == TOP["DUKCAPIL"]
    )


def test_it_gives_codes_probabilities_subcategory_unit_and_level():
    result = classifier.classify("jln berlubang di depan sekolah, bahaya bgt buat anak2")
    code, name, p = result.top[0]
    assert code == "pekerjaan-umum-dan-penataan-ruang" and name == TOP["PU"] and 0 < p <= 1
    assert sum(prob for _c, _n, prob in result.sub) <= 1.0001
    assert any(name.startswith(TOP["PU"] + " > Jalan") for _c, name, _p in result.sub)
    assert result.sub[0][0].startswith("pekerjaan-umum-dan-penataan-ruang--")
    assert "dinas-pupr" in [unit for unit, _p in result.unit]
    assert result.level[0][0] in {"kabupaten/kota", "provinsi", "pusat"}
    assert result.out_of_scope is None and result.emergency is False


def test_typos_do_not_throw_it_off():
    assert TOP["SEHAT"] in top_names("pelayanan di puskesmsa sangt lmbat, doktenya tdak ada", k=3)


@pytest.mark.parametrize("text", ["test test", "wkwkwk", "halo min kenalan dong"])
def test_pranks_are_out_of_scope(text):
    result = classifier.classify(text)
    assert result.out_of_scope and "Prank" in result.out_of_scope
    assert result.emergency is False


@pytest.mark.parametrize(
    "text",
    [
        "TOLONG ada kebakaran di rumah tetangga sekarang, apinya sudah besar",
        "darurat, ada orang tenggelam di sungai barusan, tolong cepat",
    ],
)
def test_emergencies_are_flagged_for_112(text):
    result = classifier.classify(text)
    assert result.emergency is True


def test_an_emergency_is_out_of_scope_as_112():
    result = classifier.classify("tolong kirim ambulans, ayah saya pingsan")
    assert result.emergency is True and result.out_of_scope == "Darurat 112"


@pytest.mark.parametrize(
    "text",
    [
        "Hidran di kompleks kami sudah lama mati, kalau kebakaran susah",
        "mohon segera diperbaiki lampu jalan, rawan kecelakaan",
        "tolong perbaiki jalan sekarang juga, sudah banyak kecelakaan di sini",
        "Mobil damkar datang terlambat saat kebakaran kemarin, mohon dievaluasi",
    ],
)
def test_a_complaint_about_a_danger_is_no_emergency(text):
    result = classifier.classify(text)
    assert result.emergency is False and result.out_of_scope is None


def test_it_is_fast():
    texts = [
        "jalan rusak di desa kami",
        "gaji belum dibayar perusahaan",
        "ktp belum jadi",
        "air pdam mati",
    ] * 25
    classifier.classify("pemanasan")
    for t in texts:
        classifier.classify(t)
    start = time.perf_counter()
    for t in texts:
        classifier.classify(t)
    per_report = (time.perf_counter() - start) / len(texts)
    assert per_report < 0.025  # ~2-5 ms on the 2-core machine; generous for CI


def test_sms_abbreviations_are_expanded():
    assert normalise(
        "Jln yg rusak tdk diperbaiki sdh 2 thn krn blm ada dana utk itu dgn bgt dll"
    ) == (
        "jalan yang rusak tidak diperbaiki sudah 0 tahun karena belum ada dana untuk itu dengan "
        "banget dan lain lain"
    )
    assert normalise("gak ada yg dateng, please help!!!") == "tidak ada yang dateng tolong tolong"


@pytest.mark.parametrize(
    ("agency", "kind"),
    [
        ("Dinas PUPR Kabupaten Sleman", "dinas-pupr"),
        ("Dinas Pekerjaan Umum Kota Semarang", "dinas-pupr"),
        ("BPJS Kesehatan", "bpjs-kesehatan"),
        ("BPJS TK cabang Medan", "bpjs-ketenagakerjaan"),
        ("Kantor Pertanahan Kota Bekasi", "kantor-pertanahan"),
        ("PLN UP3 Bogor", "pln"),
        ("Disdukcapil Kota Makassar", "disdukcapil"),
        ("Kementerian Sosial", "kemensos"),
        ("RSUD dr. Soetomo", "rsud"),
        ("Pemerintah Desa Sukamaju", "kelurahan-desa"),
        ("Kantor Imigrasi Kelas I Jakarta Selatan", "kemenimipas"),
        ("Dinas Pndidikan Prov Jawa Timur", "dinas-pendidikan"),
        ("Toko Sinar Jaya", None),
        ("-", None),
    ],
)
def test_it_tells_the_kind_of_unit_from_what_people_write(agency, kind):
    assert agency_kind(agency) == kind


def test_levels_lose_their_notes():
    assert normalise_level("kabupaten/kota (jalan kabupaten)") == "kabupaten/kota"
    assert normalise_level("BUMN") == "BUMN"
    assert normalise_level("Kelurahan/Desa") == "kelurahan/desa"
    assert normalise_level("luar angkasa") is None
