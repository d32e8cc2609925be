"""Learning in production: the scheduled retrain promotes a model only when it beats the
running one on the newest decisions it has not seen, else keeps it aside; one command rolls
back; the routing page's live accuracy counts first suggestions, top 3 and corrections."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from lapor.routing import classifier, learning, training
from lapor.routing.models import ClassifierVersion, TrainingLabel

pytestmark = pytest.mark.django_db

BASE = [
    {
        "text": t,
        "category": "KESEHATAN > Puskesmas",
        "kind": "dinas-kesehatan",
        "level": "kabupaten/kota",
    }
    for t in (
        "puskesmas tutup siang hari",
        "dokter puskesmas tidak ada",
        "pelayanan puskesmas lambat sekali",
    )
] + [
    {
        "text": t,
        "category": "PEKERJAAN UMUM DAN PENATAAN RUANG > Jalan Berlubang",
        "kind": "dinas-pupr",
        "level": "kabupaten/kota",
    }
    for t in ("jalan desa berlubang", "jalan kabupaten rusak parah", "aspal jalan mengelupas")
]
SHIPPED = classifier.default_version()  # the committed model (models_store/ACTIVE)
PLACES = ["Sleman", "Depok", "Gamping", "Mlati", "Kalasan", "Ngaglik", "Godean"]


@pytest.fixture
def store(tmp_path, settings, monkeypatch):
    settings.ROUTING_MODELS_DIR = tmp_path / "store"
    monkeypatch.setattr(training, "directory_rows", lambda *a, **k: [])
    classifier.reset()
    yield settings.ROUTING_MODELS_DIR
    classifier.reset()


def label(text, agency, source="rerouted", category=None, **kw):
    return training.record_label(text=text, source=source, agency=agency, category=category, **kw)


def test_a_worse_model_is_kept_aside_with_its_metrics(store, directory, routing):
    for i in range(25):
        label(
            f"jalan berlubang di {PLACES[i % 7]} nomor {i}",
            directory.sleman_pupr,
            category=directory.category_road,
        )
    for i in range(25):  # the newest decisions: a topic the candidate never saw
        label(
            f"kartu BPJS Kesehatan saya nonaktif, iuran JKN bulan {i} sudah dibayar", routing.bpjs
        )
    result = learning.retrain(version="cand", base_rows=BASE)
    assert result["outcome"] == "kept_aside" and result["window"] == 25
    assert result["candidate"]["mean"] < result["running"]["mean"]
    assert result["running"]["version"] == SHIPPED
    row = ClassifierVersion.objects.get(version="cand")
    assert row.rejected and not row.is_active
    assert row.metrics["promotion"]["promoted"] is False
    assert (store / "cand.joblib").exists()
    assert classifier.classify("jalan rusak").version == SHIPPED  # still the running one


def test_a_better_model_is_promoted_and_one_command_rolls_back(store, directory, routing):
    call_command("use_model", SHIPPED, stdout=StringIO())
    old = timezone.now() - dt.timedelta(days=1)
    ClassifierVersion.objects.filter(version=SHIPPED).update(created_at=old, activated_at=old)
    for i in range(50):  # national roads go to the national road office, not the regency
        label(
            f"jalan nasional km {i} di {PLACES[i % 7]} berlubang, lubang besar",
            routing.balai_jalan,
            category=directory.category_road,
        )
    result = learning.retrain(version="better", base_rows=BASE)
    assert result["outcome"] == "promoted", result
    assert result["candidate"]["mean"] > result["running"]["mean"]
    assert ClassifierVersion.objects.get(is_active=True).version == "better"
    assert classifier.classify("jalan nasional berlubang").unit[0][0] == "bbpjn-34"

    out = StringIO()
    call_command("rollback_model", stdout=out)
    assert SHIPPED in out.getvalue()
    assert ClassifierVersion.objects.get(is_active=True).version == SHIPPED
    assert classifier.classify("jalan nasional berlubang").version == SHIPPED


def test_nothing_to_learn_without_enough_new_decisions(store, directory):
    label("jalan berlubang", directory.sleman_pupr, category=directory.category_road)
    assert learning.retrain(base_rows=BASE)["outcome"] == "skipped"
    assert not ClassifierVersion.objects.exists()


def test_acceptance_counts_first_suggestions_top3_and_corrections(directory, routing):
    from tests.cases.conftest import submit

    def disposed(agency, rank, month):
        report = submit()
        row = TrainingLabel.objects.create(
            report=report, text="x", agency=agency, source="disposed", suggested_rank=rank
        )
        at = dt.datetime(2026, month, 10, tzinfo=dt.UTC)
        TrainingLabel.objects.filter(pk=row.pk).update(created_at=at)
        return report, at

    pupr, bpjs = directory.sleman_pupr, routing.bpjs
    disposed(pupr, 1, 3)
    disposed(pupr, 1, 3)
    disposed(pupr, 2, 3)
    corrected, at = disposed(pupr, 1, 4)
    disposed(bpjs, None, 4)
    later = TrainingLabel.objects.create(report=corrected, text="x", agency=bpjs, source="rerouted")
    TrainingLabel.objects.filter(pk=later.pk).update(created_at=at + dt.timedelta(hours=2))

    stats = learning.acceptance()
    assert stats["total"] == {
        "n": 5,
        "first": 2,
        "top3": 3,
        "corrected": 1,
        "first_pct": 40,
        "top3_pct": 60,
        "corrected_pct": 20,
    }
    agencies = dict(stats["by_agency"])
    assert agencies[pupr.name]["n"] == 4 and agencies[pupr.name]["first"] == 2
    assert agencies[pupr.name]["top3"] == 3 and agencies[pupr.name]["corrected"] == 1
    assert agencies[bpjs.name] == {
        "n": 1,
        "first": 0,
        "top3": 0,
        "corrected": 0,
        "first_pct": 0,
        "top3_pct": 0,
        "corrected_pct": 0,
    }
    months = [(m.month, s["n"], s["first"], s["corrected"]) for m, s in stats["by_month"]]
    assert months == [(3, 3, 2, 0), (4, 2, 0, 1)]
    only = learning.acceptance(agency_ids=[bpjs.pk])
    assert only["total"]["n"] == 1


def test_the_routing_page_shows_the_live_accuracy_of_the_admins_agencies(
    cast, directory, routing, client
):
    from tests.cases.conftest import submit

    for agency, rank in ((directory.sleman_pupr, 1), (directory.sleman_pupr, 3), (routing.bpjs, 1)):
        TrainingLabel.objects.create(
            report=submit(), text="x", agency=agency, source="disposed", suggested_rank=rank
        )
    client.force_login(cast.agency_admin)
    page = client.get("/konsol/routing/").content.decode()
    assert 'id="live-accuracy"' in page
    assert directory.sleman_pupr.name in page and routing.bpjs.name not in page
    assert "<td>2</td><td>50%</td><td>100%</td><td>0%</td>" in page
