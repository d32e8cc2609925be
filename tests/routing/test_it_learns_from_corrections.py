"""Every decision by an admin is a training label: a first disposition, a re-routing,
*Bukan Wewenang*, a category change, a conversion; and each label trains the heads it informs."""

import pytest

from lapor.reports import case_actions as ca
from lapor.routing.models import TrainingLabel
from tests.cases.conftest import submit

pytestmark = pytest.mark.django_db


def test_a_category_change_and_a_reroute_are_labels(cast, directory, routing):
    report = submit()
    ca.report_dispose(
        report=report,
        agency=directory.sleman_pupr,
        actor=cast.agency_admin,
        category=directory.category_road,
    )
    first, disposed = TrainingLabel.objects.all()
    assert disposed.source == "disposed" and disposed.agency == directory.sleman_pupr
    assert first.source == "category_changed" and first.category == directory.category_road
    assert first.report == report and "Jalan berlubang" in first.text

    ca.report_not_our_authority(
        report=report,
        reason="Ini jalan provinsi",
        actor=cast.officer_a,
        suggested_agency=routing.province_pupr,
    )
    ca.report_dispose(report=report, agency=routing.province_pupr, actor=cast.national_admin)
    sources = list(TrainingLabel.objects.values_list("source", flat=True))
    assert sources == ["category_changed", "disposed", "not_authority", "rerouted"]
    last = TrainingLabel.objects.last()
    assert last.agency == routing.province_pupr and last.level == "provinsi"


def test_a_first_disposition_is_a_label_with_the_rank_of_the_suggestion(cast, directory):
    report = submit()
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    label = TrainingLabel.objects.get()
    assert label.source == "disposed" and label.agency == directory.sleman_pupr
    assert label.report_kind == "complaint" and label.level == directory.sleman_pupr.level
    # "Jalan berlubang …": the running model puts dinas-pupr first.
    assert label.suggested_rank == 1 and label.model_version


def test_a_label_without_category_trains_the_unit_and_level_heads(db, monkeypatch):
    """A re-routing says where reports go even when nobody set a category: the unit and level
    heads learn it (before, ``fit`` dropped such rows)."""
    from lapor.routing import training

    monkeypatch.setattr(training, "directory_rows", lambda *a, **k: [])
    topical = [
        {
            "text": t,
            "category": "KESEHATAN > Puskesmas",
            "kind": "dinas-kesehatan",
            "level": "kabupaten/kota",
        }
        for t in (
            "puskesmas tutup siang hari",
            "dokter puskesmas tidak ada",
            "pelayanan puskesmas lambat",
            "obat di puskesmas habis",
        )
    ] + [
        {
            "text": t,
            "category": "PERHUBUNGAN > Parkir Liar",
            "kind": "dinas-perhubungan",
            "level": "kabupaten/kota",
        }
        for t in (
            "parkir liar di trotoar",
            "juru parkir liar memungut",
            "parkir liar macet",
            "tukang parkir liar di pasar",
        )
    ]
    rerouted = [
        {"text": t, "agency": "BPJS Kesehatan KC Sleman", "level": "BUMN", "weight": 3.0}
        for t in (
            "kartu jkn saya nonaktif padahal iuran lancar",
            "iuran jkn dipotong dua kali bulan ini",
            "status kepesertaan jkn nonaktif tanpa pemberitahuan",
            "iuran jkn mandiri naik tanpa pemberitahuan",
        )
    ]
    without = training.fit(topical, "a")
    assert "bpjs-kesehatan" not in without.unit.classes
    model = training.fit(topical + rerouted, "b")
    assert "bpjs-kesehatan" in model.unit.classes and "BUMN" in model.level.classes
    model.text_share = {"unit": 1.0, "level": 1.0}
    result = model.classify("kepesertaan jkn saya nonaktif, iuran sudah dibayar")
    assert result.unit[0][0] == "bpjs-kesehatan" and result.level[0][0] == "BUMN"
    assert set(model.top.classes) == {"KESEHATAN", "PERHUBUNGAN"}  # topics only from topics


def test_a_conversion_teaches_the_report_kind_only(db, directory):
    from lapor.routing import training

    label = training.record_label(
        text="Mohon informasi jadwal seleksi CPNS",
        source="converted",
        agency=directory.sleman_pupr,
        report_kind="information_request",
    )
    assert label.agency is None and label.level == "" and label.report_kind == "information_request"
    row = training.label_rows()[0]
    assert row["report_kind"] == "information_request" and row["kind"] is None


def test_synthetic_rows_can_be_kept_out_of_the_level_head(db, monkeypatch):
    """``level_synthetic`` (chosen by cross-validation) weighs the synthetic corpus in the
    level head only: at 0 the level head learns from real rows alone, the topic head still
    from both."""
    from lapor.routing import training

    monkeypatch.setattr(training, "directory_rows", lambda *a, **k: [])
    synthetic = [
        {
            "text": t,
            "category": "KESEHATAN > Puskesmas",
            "kind": "dinas-kesehatan",
            "level": "provinsi",
            "synthetic": True,
        }
        for t in ("puskesmas tutup siang hari", "dokter puskesmas tidak ada")
    ]
    real = [
        {"text": t, "category": "PERHUBUNGAN", "kind": "dinas-perhubungan", "level": lv}
        for t, lv in (("parkir liar di trotoar", "kabupaten/kota"), ("terminal kotor", "BUMD"))
    ]
    both = training.fit(synthetic + real, "a", params={"level_synthetic": 1.0})
    assert "provinsi" in both.level.classes
    model = training.fit(synthetic + real, "b")  # the default, chosen by cross-validation
    assert "provinsi" not in model.level.classes and set(model.level.classes) == {
        "kabupaten/kota",
        "BUMD",
    }
    assert "dinas-kesehatan" in model.unit.classes  # the unit head keeps them
    assert set(model.top.classes) == {"KESEHATAN", "PERHUBUNGAN"}
    assert model.params["level_synthetic"] == 0.0
    # With no real row that states a level, the synthetic rows train the level head after all.
    alone = training.fit(synthetic, "c")
    assert alone.level.classes == ["provinsi"]


def test_crossval_takes_known_parameters_of_the_right_type():
    from django.core.management.base import CommandError

    from lapor.routing.management.commands.crossval_routing import parse_params

    assert parse_params(["C=30", "topic_mix=false", "word_features=9000"]) == {
        "C": 30.0,
        "topic_mix": False,
        "word_features": 9000,
    }
    for bad in ("C", "nope=1", "C=high", "topic_mix=maybe", "word_features=1.5"):
        with pytest.raises(CommandError):
            parse_params([bad])
