"""train_classifier writes a new version with its metrics, the labels from admins' corrections
are part of the training, and use_model switches the running model back."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from lapor.routing import classifier, training
from lapor.routing.models import ClassifierVersion, TrainingLabel

pytestmark = pytest.mark.django_db

PU = "PEKERJAAN UMUM DAN PENATAAN RUANG"
ROAD_LABELS = [
    "Jalan berlubang di depan kantor desa belum diperbaiki",
    "jalan kabupaten berlubang dan rusak parah sejak tahun lalu",
    "Banyak jalan berlubang di ruas menuju pasar, motor sering jatuh",
]


@pytest.fixture
def small_corpus(tmp_path, settings, monkeypatch):
    """A small slice of the seed corpus without any public-works report, so that only the
    labels can teach the model that topic; no directory keyword rows (speed)."""
    settings.ROUTING_MODELS_DIR = tmp_path / "store"
    monkeypatch.setattr(training, "directory_rows", lambda *a, **k: [])
    rows = [r for r in training.read_jsonl(training.SEED) if not r["category"].startswith(PU)]
    seed, held = tmp_path / "seed.jsonl", tmp_path / "held.jsonl"
    seed.write_text("".join(json.dumps(r) + "\n" for r in rows[::12]))
    held.write_text(
        "".join(json.dumps(r) + "\n" for r in training.read_jsonl(training.HELDOUT)[::20])
    )
    classifier.reset()
    yield seed, held, settings.ROUTING_MODELS_DIR
    classifier.reset()


def train(version, seed, held):
    out = StringIO()
    call_command(
        "train_classifier",
        "--name",
        version,
        "--seed",
        str(seed),
        "--heldout",
        str(held),
        "--no-real",
        stdout=out,
    )
    return out.getvalue()


def test_training_writes_a_version_and_use_model_switches_back(small_corpus, directory):
    seed, held, store = small_corpus
    output = train("t1", seed, held)
    assert "held-out category: top-1" in output and "%" in output
    assert (store / "t1.joblib").exists()
    metrics = json.loads((store / "t1.json").read_text())
    assert metrics["version"] == "t1" and 0 <= metrics["category"]["top1"] <= 100
    assert metrics["size_bytes"] < 5_000_000
    assert ClassifierVersion.objects.get(is_active=True).version == "t1"
    assert classifier.classify("jalan rusak").version == "t1"

    # A correction by an admin: the report was about a road.
    for text in ROAD_LABELS:
        training.record_label(
            text=text,
            source=TrainingLabel.Source.CATEGORY_CHANGED,
            category=directory.category_road,
            agency=directory.sleman_pupr,
        )
    output = train("t2", seed, held)
    assert "+ 3 labels" in output
    row = ClassifierVersion.objects.get(version="t2")
    assert row.is_active and row.n_labels == 3
    assert list(ClassifierVersion.objects.filter(is_active=True)) == [row]

    result = classifier.classify("jalan berlubang di depan rumah saya")
    assert result.version == "t2"
    assert result.top[0][1] == PU  # learnt only from the labels
    assert result.sub[0][1] == f"{PU} > Jalan Berlubang"
    assert "dinas-pupr" in [u for u, _p in result.unit]

    out = StringIO()
    call_command("use_model", "t1", stdout=out)
    assert "t1" in out.getvalue()
    assert ClassifierVersion.objects.get(is_active=True).version == "t1"
    back = classifier.classify("jalan berlubang di depan rumah saya")
    assert back.version == "t1" and PU not in [n for _c, n, _p in back.top]

    out = StringIO()
    call_command("use_model", "--list", stdout=out)
    assert "* t1" in out.getvalue() and "  t2" in out.getvalue()


def test_use_model_refuses_an_unknown_version(small_corpus):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("use_model", "no-such-version", stdout=StringIO())


def test_record_label_refuses_an_unknown_source(db):
    with pytest.raises(ValueError):
        training.record_label(text="x", source="guessed")
