"""Suggestions come from the classifier's unit and level heads (combined with the jurisdiction
resolver and the directory), and the explanation names what decided."""

import pytest

from lapor.routing import resolver, suggest
from tests.cases.conftest import submit
from tests.routing.fakes import ROAD, classifier

pytestmark = pytest.mark.django_db


def test_the_unit_head_decides_the_kind_against_the_category(cast, directory, routing, monkeypatch):
    # The topic reads as a road; the text's unit head says BPJS Kesehatan: it decides.
    classifier(
        monkeypatch,
        **ROAD,
        unit=[("bpjs-kesehatan", 0.8), ("dinas-pupr", 0.1), ("pemda", 0.05)],
        level=[("BUMN", 0.7), ("kabupaten/kota", 0.2), ("provinsi", 0.05)],
    )
    result = suggest.route(submit("Kartu BPJS saya ditolak di rumah sakit"))
    top = result.top
    assert top.agency == routing.bpjs and top.confidence == 0.8  # the only unit of its kind
    assert top.explanation == (
        "isi laporan: jenis unit BPJS Kesehatan 80%, tingkat BUMN 70%; lokasi Kab. Sleman"
    )
    assert top.explanation_en == (
        "report text: kind of unit BPJS Kesehatan 80%, level state enterprise 70%; "
        "location Kab. Sleman"
    )
    # The road's unit comes next, with the unit head's 10% for its kind, and says that the
    # category's rule chose it too.
    second = result.suggestions[1]
    assert second.agency == directory.sleman_pupr
    assert second.confidence < 0.1
    assert second.explanation.startswith("isi laporan: jenis unit Dinas PUPR 10%")
    assert "kategori Jalan Berlubang" in second.explanation


@pytest.mark.parametrize(
    ("levels", "first", "second"),
    [
        ([("provinsi", 0.8), ("kabupaten/kota", 0.15)], "province_pupr", "sleman_pupr"),
        ([("kabupaten/kota", 0.8), ("provinsi", 0.15)], "sleman_pupr", "province_pupr"),
    ],
)
def test_the_level_head_chooses_among_the_units_of_a_kind(
    cast, directory, routing, monkeypatch, levels, first, second
):
    classifier(monkeypatch, unit=[("dinas-pupr", 0.9), ("pemda", 0.06)], level=levels)
    result = suggest.route(submit("Jalan rusak parah"))
    units = {"province_pupr": routing.province_pupr, "sleman_pupr": directory.sleman_pupr}
    assert [s.agency for s in result.suggestions[:2]] == [units[first], units[second]]
    top = result.top
    # P(kind) × this unit's share of the kind by the level head: 0.9 × 0.8 / (0.8 + 0.15)
    assert top.confidence == round(0.9 * 0.8 / 0.95, 3)
    level, p = levels[0]
    assert f"tingkat {level} {round(p * 100)}%" in top.explanation
    # No category: nothing else is claimed.
    assert "kategori" not in top.explanation and top.explanation.endswith("lokasi Kab. Sleman")


def test_a_rule_that_read_the_asset_owner_tips_a_tie_between_levels(
    cast, directory, routing, monkeypatch
):
    classifier(
        monkeypatch,
        **ROAD,
        unit=[("dinas-pupr", 0.9)],
        level=[("provinsi", 0.45), ("kabupaten/kota", 0.45)],
    )
    result = suggest.route(submit("Jalan provinsi berlubang", body="Jalan provinsi Jogja-Solo."))
    assert result.top.agency == routing.province_pupr
    assert "jalan provinsi" in result.top.explanation
    assert result.top.explanation.startswith("isi laporan: jenis unit Dinas PUPR 90%")


def test_a_unit_only_the_category_proposes_keeps_what_the_unit_head_leaves(
    cast, directory, routing, monkeypatch
):
    report = submit("Jalan kabupaten berlubang")
    classifier(monkeypatch, **ROAD)  # no unit head: the category path alone
    by_category = suggest.route(report).top
    assert by_category.agency == directory.sleman_pupr
    classifier(
        monkeypatch,
        **ROAD,
        unit=[("bpjs-kesehatan", 0.3), ("pln", 0.3)],
        level=[("BUMN", 0.9)],
    )
    result = suggest.route(report)
    pupr = next(s for s in result.suggestions if s.agency == directory.sleman_pupr)
    # 1 − 0.3 − 0.3: the mass the unit head leaves to the kinds it does not list
    assert pupr.confidence == round(0.4 * by_category.confidence, 3)
    assert pupr.explanation == (
        f"{by_category.explanation}; jenis unit ini bukan tebakan teratas isi laporan"
    )
    assert pupr.explanation_en.endswith("not among the report text's likeliest")


def test_a_kind_with_no_unit_in_the_place_is_not_offered(cast, directory, routing, monkeypatch):
    classifier(monkeypatch, unit=[("kemenhut", 0.9)], level=[("pusat", 0.9)])
    assert suggest.route(submit("Hutan lindung dirambah")).suggestions == []


def test_the_district_office_answers_for_a_village(cast, directory, routing, monkeypatch):
    classifier(monkeypatch, unit=[("kelurahan-desa", 0.7)], level=[("kelurahan/desa", 0.9)])
    result = suggest.route(submit("Kepala desa tidak melayani"))
    assert result.top.agency == routing.kecamatan_depok and result.top.confidence == 0.7


def test_kind_of_maps_directory_agencies_to_the_classifier_kinds(directory, routing):
    assert resolver.kind_of(directory.sleman_pupr) == "dinas-pupr"
    assert resolver.kind_of(routing.bpjs) == "bpjs-kesehatan"
    assert resolver.kind_of(directory.sleman_gov) == "pemda"
    assert resolver.kind_of(routing.balai_jalan) == "kemen-pu"  # a Balai counts as its ministry
    found = resolver.units_of_kinds(["dinas-pupr", "pemda", "kemen-pu"], "34.04.07.2001")
    assert found["dinas-pupr"] == [directory.sleman_pupr, routing.province_pupr]  # nearest first
    assert directory.sleman_gov in found["pemda"]
    assert set(found["kemen-pu"]) == {routing.kemen_pu, routing.balai_jalan}
    assert resolver.units_of_kinds([], "34.04") == {}


def test_the_shipped_model_sends_a_bpjs_complaint_to_bpjs(cast, directory, routing):
    result = suggest.route(
        submit(
            "Kartu BPJS Kesehatan tidak aktif",
            body="Kartu BPJS Kesehatan saya tiba-tiba tidak aktif padahal iuran sudah dibayar "
            "tiap bulan, rumah sakit menolak melayani.",
        )
    )
    assert result.top.agency == routing.bpjs
    assert result.top.explanation.startswith("isi laporan: jenis unit BPJS Kesehatan")
