"""evaluate_routing prints top-1/top-3 accuracy for category, kind of unit and level."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from lapor.routing import classifier

LINES = [
    {
        "text": "Jalan kabupaten di depan SD kami berlubang besar, sudah banyak yang jatuh",
        "category": "PEKERJAAN UMUM DAN PENATAAN RUANG > JALAN BERLUBANG",
        "agency": "Dinas PUPR Kabupaten Sleman",
        "level": "kabupaten/kota (jalan kabupaten)",
    },
    {
        "text": "e-KTP saya sudah 6 bulan belum dicetak di dukcapil",
        "category": "KEPENDUDUKAN > KTP Elektronik",
        "agency": "Disdukcapil Kota Bekasi",
        "level": "kabupaten/kota",
    },
    {
        "text": "Kartu BPJS Kesehatan saya nonaktif padahal iuran dibayar pemerintah",
        "category": "KESEHATAN > BPJS Kesehatan: Kepesertaan",
        "agency": "BPJS Kesehatan",
        "level": "BUMN",
    },
    {
        "text": "Sertifikat tanah PTSL saya tidak kunjung jadi",
        "category": "PEKERJAAN UMUM DAN PENATAAN RUANG > Pertanahan",
        "agency": "Kantor Pertanahan Kota Bekasi",
        "level": "instansi vertikal",
    },
    {
        "text": "Ada yang aneh dengan layanan ini",
        "category": "KATEGORI KARANGAN > Tidak Ada",
        "agency": "Badan Urusan Antah Berantah",
        "level": "galaksi",
    },
]


@pytest.fixture(autouse=True)
def _committed_model():
    classifier.reset()
    yield
    classifier.reset()


def run(tmp_path, lines, *args):
    path = tmp_path / "eval.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    out = StringIO()
    call_command("evaluate_routing", str(path), *args, stdout=out)
    return out.getvalue()


def test_it_prints_accuracy_and_confusions(tmp_path):
    output = run(tmp_path, LINES)
    assert "5 reports" in output
    for label in ("top-level category", "kind of unit", "government level"):
        line = next(row for row in output.splitlines() if row.startswith(label))
        assert line.count("%") == 2
    assert "most confused" in output
    # The made-up category, agency and level are misses, and it says so.
    assert "top-level category: 1 gold value(s) not known" in output
    assert "'Badan Urusan Antah Berantah'" in output
    assert "'galaksi'" in output


def test_the_metrics_add_up(tmp_path):
    metrics = json.loads(run(tmp_path, LINES, "--json"))
    category = metrics["category"]
    assert category["n"] == 5 and category["unknown"] == 1
    assert category["top1"] <= category["top3"] <= 80.0
    assert category["top3"] >= 60.0  # the four real ones are easy
    assert metrics["level"]["unknown"] == 1 and metrics["unit"]["unknown"] == 1


def test_a_file_without_reports_is_an_error(tmp_path):
    with pytest.raises(CommandError):
        run(tmp_path, [{"category": "X"}])


def test_by_kind_breaks_the_figures_down_by_report_kind(tmp_path):
    lines = [
        dict(LINES[0], admin_classification="pengaduan"),
        dict(LINES[1], admin_classification="permintaan informasi"),
        dict(LINES[2], report_kind="information_request"),
        LINES[3],
    ]
    output = run(tmp_path, lines, "--by", "kind")
    assert "kind = complaint: 1 reports" in output
    assert "kind = information_request: 2 reports" in output
    assert "kind = -: 1 reports" in output
    # The overall table is first and unchanged in form.
    assert output.splitlines()[0].endswith(f"4 reports from {tmp_path / 'eval.jsonl'}")
    metrics = json.loads(run(tmp_path, lines, "--by", "kind", "--json"))
    assert metrics["by"]["information_request"]["category"]["n"] == 2
    assert metrics["report_kind"]["n"] == 3
